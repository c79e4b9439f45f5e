"""Answer widgets the candidate types into: a number with its unit, or a short text."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.domain.errors import InputError
from kiosk.domain.forms import FormItem
from kiosk.domain.items import Item
from kiosk.domain.responses import MAX_TEXT_LENGTH, normalise_response
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.controls import describe
from kiosk.ui.widgets.item_base import ItemWidget

# A pause in typing this long saves what is typed, so a text answer is safe without pressing Enter.
IDLE_SAVE_MS = 1000


class _TextEntryWidget(ItemWidget):
    """A line edit whose text is saved after a short pause in typing, on Enter, and when the field is left.

    Text that cannot be saved (a numeric answer that is not a number) stays in the field with its problem
    shown, and is reported with ``draft_refused`` so the screen can keep it when the candidate moves on.
    """

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"entry-{item.type.value}")
        self.edit.setMaxLength(MAX_TEXT_LENGTH)
        self.problem = QLabel()
        self.problem.setObjectName("entry-problem")
        self.problem.setProperty("role", "field-error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._last_emitted = ""
        self._last_refused: str | None = None
        self._warned: str | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_SAVE_MS)
        self.idle.timeout.connect(self._save_if_valid)
        self.edit.editingFinished.connect(self.commit_pending)
        self.edit.textEdited.connect(self._edited)

    def fill(self) -> None:
        # A save still waiting for a pause in typing belonged to the previous item: it is dropped (the
        # screen saves typed text before it moves on).
        self.idle.stop()
        self.edit.setText("")
        self._last_emitted = ""
        self._last_refused = None
        self._warned = None
        self.show_problem("")
        self.retranslate()

    def set_response(self, response: object) -> None:
        text = response if isinstance(response, str) else ""
        self.edit.setText(text)
        self._last_emitted = text
        self.show_problem("")

    def show_draft(self, text: str) -> None:
        self.edit.setText(text)
        self._last_refused = text
        self._warned = text
        self._check(text)

    def response(self) -> object:
        return self.edit.text().strip()

    def choose(self, position: int) -> bool:
        return False

    def focus_control(self) -> QWidget | None:
        return self.edit

    def _edited(self, text: str) -> None:
        self._check(text)
        self.idle.start()
        self.response_changing.emit()

    def _save_if_valid(self) -> None:
        text = self.edit.text().strip()
        if self.problem.isHidden() and text != self._last_emitted:
            self._last_emitted = text
            self._last_refused = None
            self.response_edited.emit(text)

    def commit_pending(self) -> None:
        self.idle.stop()
        if self.problem.isHidden():
            self._save_if_valid()
            return
        text = self.edit.text().strip()
        if text != self._last_refused:
            self._last_refused = text
            self._last_emitted = ""
            self.draft_refused.emit(text)

    def may_leave(self) -> bool:
        """False once for each text that cannot be saved: the candidate sees why before moving on."""
        self.commit_pending()
        if self.problem.isHidden():
            return True
        text = self.edit.text().strip()
        if text == self._warned:
            return True
        self._warned = text
        return False

    def show_problem(self, message: str) -> None:
        """Show why the typed text cannot be saved (empty message hides it); a screen reader hears it too."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        self.edit.setAccessibleDescription(message or self.hint.text())

    def _check(self, text: str) -> None:
        self.show_problem("")


class NumericWidget(_TextEntryWidget):
    """A number field with its unit; text that is not a number is refused before saving."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        row = QHBoxLayout()
        self.edit.setMaximumWidth(260)
        self.unit = QLabel()
        self.unit.setObjectName("entry-unit")
        self.unit.setProperty("role", "stem")
        row.addWidget(self.edit)
        row.addWidget(self.unit)
        row.addStretch(1)
        self._layout.addLayout(row)
        self._layout.addWidget(self.problem)
        self._layout.addStretch(1)
        self.fill()

    def fill(self) -> None:
        self.unit.setText(self.item.unit)
        super().fill()

    def retranslate(self) -> None:
        if self.item.unit:
            self.hint.setText(
                tr(
                    "ItemWidget", "Type a number in {unit}, then press Enter (a decimal comma is fine)."
                ).format(unit=self.item.unit)
            )
        else:
            self.hint.setText(tr("ItemWidget", "Type a number, then press Enter (a decimal comma is fine)."))
        self.edit.setPlaceholderText(tr("ItemWidget", "for example 2.5"))
        if not self.problem.isHidden():
            self._check(self.edit.text())
        name = tr("ItemWidget", "Your answer, a number in {unit}").format(unit=self.item.unit)
        describe(
            self.edit,
            name if self.item.unit else tr("ItemWidget", "Your answer, a number"),
            self.hint.text(),
        )

    def _check(self, text: str) -> None:
        try:
            normalise_response(self.item, text)
        except InputError:
            self.show_problem(tr("ItemWidget", "This is not a number; type digits such as 2.5 or 2,5."))
        else:
            self.show_problem("")


class ShortTextWidget(_TextEntryWidget):
    """A line edit for a word or short phrase."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self._layout.addWidget(self.edit)
        self._layout.addWidget(self.problem)
        self._layout.addStretch(1)
        self.fill()

    def retranslate(self) -> None:
        self.hint.setText(
            tr("ItemWidget", "Type a short answer (at most {count} characters), then press Enter.").format(
                count=MAX_TEXT_LENGTH
            )
        )
        describe(self.edit, tr("ItemWidget", "Your answer"), self.hint.text())
