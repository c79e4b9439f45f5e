"""Answer widgets the candidate types into: a number with its unit, or a short text."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.domain.errors import InputError
from kiosk.domain.forms import FormItem
from kiosk.domain.items import Item
from kiosk.domain.responses import MAX_TEXT_LENGTH, normalise_response
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.item_base import ItemWidget


class _TextEntryWidget(ItemWidget):
    """A line edit whose text is saved when the candidate presses Enter or leaves the field."""

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
        self.edit.editingFinished.connect(self.commit_pending)
        self.edit.textEdited.connect(self._check)

    def set_response(self, response: object) -> None:
        text = response if isinstance(response, str) else ""
        self.edit.setText(text)
        self._last_emitted = text
        self.show_problem("")

    def response(self) -> object:
        return self.edit.text().strip()

    def choose(self, position: int) -> bool:
        return False

    def commit_pending(self) -> None:
        text = self.edit.text().strip()
        if text != self._last_emitted and self.problem.isHidden():
            self._last_emitted = text
            self.response_edited.emit(text)

    def show_problem(self, message: str) -> None:
        """Show why the typed text cannot be saved (empty message hides it)."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _check(self, text: str) -> None:
        self.show_problem("")


class NumericWidget(_TextEntryWidget):
    """A number field with its unit; text that is not a number is refused before saving."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        row = QHBoxLayout()
        self.edit.setMaximumWidth(260)
        self.unit = QLabel(item.unit)
        self.unit.setObjectName("entry-unit")
        self.unit.setProperty("role", "stem")
        row.addWidget(self.edit)
        row.addWidget(self.unit)
        row.addStretch(1)
        self._layout.addLayout(row)
        self._layout.addWidget(self.problem)
        self._layout.addStretch(1)
        self.retranslate()

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
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            tr("ItemWidget", "Type a short answer (at most {count} characters), then press Enter.").format(
                count=MAX_TEXT_LENGTH
            )
        )
