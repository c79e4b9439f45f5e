"""One native answer widget per item type; each reports the candidate's edits as a raw response.

Options are labelled by their position on screen (A, B, C...), not by their ids in the bank, because the
form shuffles them; the widgets translate between the two. A widget never saves anything itself: it emits
``response_edited`` and the exam presenter decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import InputError
from kiosk.domain.forms import FormItem
from kiosk.domain.items import Choice, Item, ItemType
from kiosk.domain.responses import MAX_TEXT_LENGTH, normalise_response
from kiosk.ui.i18n import tr
from kiosk.ui.theme import set_style_property

LETTERS = "ABCDEFGH"


def _ordered(choices: Sequence[Choice], order: Sequence[str]) -> list[Choice]:
    """``choices`` in the form's display order (any not named keep their bank order at the end)."""
    by_id = {choice.id: choice for choice in choices}
    shown = [by_id[choice_id] for choice_id in order if choice_id in by_id]
    return shown + [choice for choice in choices if choice.id not in order]


class ItemWidget(QWidget):
    """The answer area of one item; subclasses lay out the native controls for their type."""

    response_edited = Signal(object)
    """The candidate changed the response; carries the raw response to be saved."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.form_item = form_item
        self.language = language
        self.setObjectName(f"answer-{item.type.value}")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self._layout.addWidget(self.hint)

    def text(self, choice: Choice) -> str:
        return choice.text.get(self.language)

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        """Refresh every caption for the current UI and item language."""

    def set_response(self, response: object) -> None:
        """Show a stored response without emitting ``response_edited``."""
        raise NotImplementedError

    def response(self) -> object:
        """The response as the controls show it now."""
        raise NotImplementedError

    def choose(self, position: int) -> bool:
        """Keyboard choice of the option at ``position`` (0 = A or 1); False when there is none."""
        return False

    def commit_pending(self) -> None:
        """Emit a typed but not yet confirmed response (text fields), e.g. before moving away."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


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

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.button.setAccessibleName(text)

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
    """Shared by single, multiple and true/false: one button per choice, lettered by position."""

    exclusive = True

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive)
        self.buttons: list[QAbstractButton] = []
        self.rows: list[ChoiceRow] = []
        self.ids: list[str] = []
        for position, (choice_id, _) in enumerate(self.choices()):
            button: QAbstractButton = QRadioButton() if self.exclusive else QCheckBox()
            button.setObjectName(f"choice-{choice_id}")
            self.group.addButton(button, position)
            row = ChoiceRow(button)
            row.setObjectName(f"choice-row-{choice_id}")
            self.buttons.append(button)
            self.rows.append(row)
            self.ids.append(choice_id)
            self._layout.addWidget(row)
        self._layout.addStretch(1)
        self.group.idClicked.connect(lambda _id: self.response_edited.emit(self.response()))
        self.retranslate()

    def choices(self) -> list[tuple[str, str]]:
        """(id, caption) pairs in display order."""
        raise NotImplementedError

    def retranslate(self) -> None:
        for position, (row, (_, caption)) in enumerate(zip(self.rows, self.choices(), strict=True)):
            row.set_text(f"{LETTERS[position]}.  {caption}")
        self.hint.setText(self.hint_text())

    def hint_text(self) -> str:
        return tr("ItemWidget", "Choose one answer (press A, B, C... or 1, 2, 3...).")

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
            for choice in _ordered(self.item.options, self.form_item.option_order)
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
            for choice in _ordered(self.item.options, self.form_item.option_order)
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


class OrderingWidget(ItemWidget):
    """A list to put in order: drag the rows, or select one and move it up or down (Alt+Up / Alt+Down)."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self._initial = [choice.id for choice in _ordered(item.options, form_item.option_order)]
        self.list = QListWidget()
        self.list.setObjectName("ordering-list")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.installEventFilter(self)
        self.up = QPushButton()
        self.up.setObjectName("ordering-up")
        self.down = QPushButton()
        self.down.setObjectName("ordering-down")
        self.keep = QPushButton()
        self.keep.setObjectName("ordering-keep")
        self.list.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QVBoxLayout()
        for button in (self.up, self.down, self.keep):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self._layout.addLayout(row)
        self._layout.addStretch(1)
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.keep.clicked.connect(lambda: self.response_edited.emit(self.response()))
        self.list.model().rowsMoved.connect(lambda *_: self._renumber_and_emit())
        self._fill(self._initial)
        self.retranslate()

    def _fill(self, order: Sequence[str]) -> None:
        by_id = {choice.id: choice for choice in self.item.options}
        self.list.clear()
        for choice_id in order:
            row = QListWidgetItem()
            row.setData(Qt.ItemDataRole.UserRole, choice_id)
            self.list.addItem(row)
        self._renumber(by_id)

    def _renumber(self, by_id: Mapping[str, Choice] | None = None) -> None:
        by_id = by_id or {choice.id: choice for choice in self.item.options}
        for row in range(self.list.count()):
            entry = self.list.item(row)
            choice = by_id[str(entry.data(Qt.ItemDataRole.UserRole))]
            entry.setText(f"{row + 1}.  {self.text(choice)}")

    def _renumber_and_emit(self) -> None:
        self._renumber()
        self.response_edited.emit(self.response())

    def retranslate(self) -> None:
        self.hint.setText(
            tr(
                "ItemWidget",
                "Put these in the right order, first at the top: drag a line, or select it and use "
                "Move up / Move down (Alt+Up, Alt+Down). Press Keep this order if it is already right.",
            )
        )
        self.up.setText(tr("ItemWidget", "Move up"))
        self.down.setText(tr("ItemWidget", "Move down"))
        self.keep.setText(tr("ItemWidget", "Keep this order"))
        self._renumber()

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        entry = self.list.takeItem(row)
        self.list.insertItem(target, entry)
        self.list.setCurrentRow(target)
        self._renumber_and_emit()

    def set_response(self, response: object) -> None:
        order = list(response) if isinstance(response, list) and response else self._initial
        self._fill([str(part) for part in order])

    def response(self) -> object:
        return [str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def choose(self, position: int) -> bool:
        if not 0 <= position < self.list.count():
            return False
        self.list.setCurrentRow(position)
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return False


class MatchingWidget(ItemWidget):
    """A drop-down list beside each premise, offering every response (there may be more than premises)."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self.premises = _ordered(item.premises, form_item.premise_order)
        self.options = _ordered(item.options, form_item.option_order)
        self.legend = QLabel()
        self.legend.setObjectName("match-legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self.legend)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self.labels: list[QLabel] = []
        self.combos: list[QComboBox] = []
        for row, premise in enumerate(self.premises):
            label = QLabel()
            label.setWordWrap(True)
            combo = QComboBox()
            combo.setObjectName(f"match-{premise.id}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
            label.setBuddy(combo)
            combo.addItem("", "")
            for option in self.options:
                combo.addItem("", option.id)
            combo.activated.connect(lambda _index: self.response_edited.emit(self.response()))
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.labels.append(label)
            self.combos.append(combo)
        self._layout.addLayout(grid)
        self._layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            tr("ItemWidget", "For each line on the left, choose the matching answer from its list.")
        )
        for position, (label, premise) in enumerate(zip(self.labels, self.premises, strict=True)):
            label.setText(f"{position + 1}.  {self.text(premise)}")
        lines = [tr("ItemWidget", "Answers to choose from:")]
        lines += [
            f"{LETTERS[position]}.  {self.text(option)}" for position, option in enumerate(self.options)
        ]
        self.legend.setText("\n".join(lines))
        for combo in self.combos:
            combo.setItemText(0, tr("ItemWidget", "(not answered)"))
            for position, option in enumerate(self.options, start=1):
                combo.setItemText(position, f"{LETTERS[position - 1]}.  {self.text(option)}")

    def set_response(self, response: object) -> None:
        chosen = response if isinstance(response, dict) else {}
        for combo, premise in zip(self.combos, self.premises, strict=True):
            index = combo.findData(chosen.get(premise.id, ""))
            combo.setCurrentIndex(max(index, 0))

    def response(self) -> object:
        return {
            premise.id: str(combo.currentData())
            for combo, premise in zip(self.combos, self.premises, strict=True)
            if combo.currentData()
        }

    def choose(self, position: int) -> bool:
        if not 0 <= position < len(self.combos):
            return False
        self.combos[position].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


_WIDGETS: dict[ItemType, type[ItemWidget]] = {
    ItemType.SINGLE: SingleChoiceWidget,
    ItemType.MULTIPLE: MultipleChoiceWidget,
    ItemType.TRUE_FALSE: TrueFalseWidget,
    ItemType.NUMERIC: NumericWidget,
    ItemType.ORDERING: OrderingWidget,
    ItemType.MATCHING: MatchingWidget,
    ItemType.SHORT_TEXT: ShortTextWidget,
}


def make_item_widget(
    item: Item, form_item: FormItem, language: str, parent: QWidget | None = None
) -> ItemWidget:
    """The answer widget for ``item`` as laid out on the form."""
    return _WIDGETS[item.type](item, form_item, language, parent)
