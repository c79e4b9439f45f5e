"""Answer widgets that offer buttons: single choice, multiple choice and true/false."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Item
from kiosk.ui.i18n import tr
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.controls import describe
from kiosk.ui.widgets.item_base import LETTERS, ItemWidget, in_display_order


class ChoiceRow(QFrame):
    """One option: its radio button or check box, and its text wrapped beside it; a click anywhere chooses.

    Qt's buttons cannot wrap their text, and options can be long; so the button shows only its indicator
    and a label carries the words. The row shows the button's focus and checked state around the words.
    """

    def __init__(self, button: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "choice")
        self.setProperty("checked", "false")
        self.setProperty("focused", "false")
        self.button = button
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setBuddy(button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(10)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        button.toggled.connect(lambda on: set_style_property(self, "checked", "true" if on else "false"))
        button.installEventFilter(self)

    def set_text(self, text: str, description: str = "") -> None:
        self.label.setText(text)
        describe(self.button, text, description)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mouseReleaseEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            set_style_property(self, "focused", "true" if event.type() == QEvent.Type.FocusIn else "false")
        return False


class _ButtonsWidget(ItemWidget):
    """Shared by single, multiple and true/false: one button per choice, lettered by position.

    The option rows are kept when another item is loaded: rows are added when it has more options than any
    item before it, and rows it does not need are hidden and taken out of the button group.
    """

    exclusive = True

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive)
        self.buttons: list[QAbstractButton] = []
        self.rows: list[ChoiceRow] = []
        self.ids: list[str] = []
        self._pool: list[ChoiceRow] = []
        self._layout.addStretch(1)
        self.group.idClicked.connect(lambda _id: self.response_edited.emit(self.response()))
        self.fill()

    def _add_row(self) -> ChoiceRow:
        button: QAbstractButton = QRadioButton() if self.exclusive else QCheckBox()
        row = ChoiceRow(button)
        # Before the stretch that keeps the rows at the top.
        self._layout.insertWidget(self._layout.count() - 1, row)
        self._pool.append(row)
        return row

    def fill(self) -> None:
        ids = [choice_id for choice_id, _ in self.choices()]
        while len(self._pool) < len(ids):
            self._add_row()
        # Unchecked one by one: an exclusive group does not let its checked button be unchecked.
        self.group.setExclusive(False)
        for position, row in enumerate(self._pool):
            button = row.button
            button.setChecked(False)
            used = position < len(ids)
            if used:
                button.setObjectName(f"choice-{ids[position]}")
                row.setObjectName(f"choice-row-{ids[position]}")
                if self.group.id(button) != position:
                    self.group.addButton(button, position)
            else:
                # Out of the group, so neither the arrow keys nor checkedId() can reach a hidden option.
                self.group.removeButton(button)
            row.setVisible(used)
        self.group.setExclusive(self.exclusive)
        self.rows = self._pool[: len(ids)]
        self.buttons = [row.button for row in self.rows]
        self.ids = ids
        self.retranslate()

    def choices(self) -> list[tuple[str, str]]:
        """(id, caption) pairs in display order."""
        raise NotImplementedError

    def retranslate(self) -> None:
        hint = self.hint_text()
        for position, (row, (_, caption)) in enumerate(zip(self.rows, self.choices(), strict=True)):
            row.set_text(f"{LETTERS[position]}.  {caption}", hint)
        self.hint.setText(hint)

    def hint_text(self) -> str:
        return tr("ItemWidget", "Choose one answer (press A, B, C... or 1, 2, 3...).")

    def focus_control(self) -> QWidget | None:
        """The first chosen option, or the first option."""
        chosen = [button for button in self.buttons if button.isChecked()] or self.buttons
        return chosen[0] if chosen else None

    def choose(self, position: int) -> bool:
        if not 0 <= position < len(self.buttons):
            return False
        button = self.buttons[position]
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        button.click()
        return True


class SingleChoiceWidget(_ButtonsWidget):
    """Radio buttons: exactly one option."""

    def choices(self) -> list[tuple[str, str]]:
        return [
            (choice.id, self.text(choice))
            for choice in in_display_order(self.item.options, self.form_item.option_order)
        ]

    def set_response(self, response: object) -> None:
        self.group.setExclusive(False)
        for button, choice_id in zip(self.buttons, self.ids, strict=True):
            button.setChecked(response == choice_id)
        self.group.setExclusive(True)

    def response(self) -> object:
        checked = self.group.checkedId()
        return self.ids[checked] if checked >= 0 else ""


class MultipleChoiceWidget(_ButtonsWidget):
    """Check boxes: any number of options."""

    exclusive = False

    def choices(self) -> list[tuple[str, str]]:
        return [
            (choice.id, self.text(choice))
            for choice in in_display_order(self.item.options, self.form_item.option_order)
        ]

    def hint_text(self) -> str:
        return tr("ItemWidget", "Choose every answer that is right (press A, B, C... to tick or untick).")

    def set_response(self, response: object) -> None:
        chosen = set(response) if isinstance(response, list) else set()
        for button, choice_id in zip(self.buttons, self.ids, strict=True):
            button.setChecked(choice_id in chosen)

    def response(self) -> object:
        return sorted(
            choice_id for button, choice_id in zip(self.buttons, self.ids, strict=True) if button.isChecked()
        )


class TrueFalseWidget(SingleChoiceWidget):
    """Two radio buttons: true or false."""

    def choices(self) -> list[tuple[str, str]]:
        return [("true", tr("ItemWidget", "True")), ("false", tr("ItemWidget", "False"))]
