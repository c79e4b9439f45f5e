"""Answer widgets that arrange options: putting a list in order, and matching premises to responses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Choice, Item
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.controls import SteadyComboBox, describe
from kiosk.ui.widgets.item_base import LETTERS, ItemWidget, in_display_order


class OrderingWidget(ItemWidget):
    """A list to put in order: drag the rows, or select one and move it up or down (Alt+Up / Alt+Down)."""

    def __init__(self, item: Item, form_item: FormItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(item, form_item, language, parent)
        self._initial: list[str] = []
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
        self.fill()

    def fill(self) -> None:
        self._initial = [
            choice.id for choice in in_display_order(self.item.options, self.form_item.option_order)
        ]
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
        describe(self.list, tr("ItemWidget", "The order, first at the top"), self.hint.text())
        describe(self.up, tr("ItemWidget", "Move the selected line up"))
        describe(self.down, tr("ItemWidget", "Move the selected line down"))
        describe(
            self.keep, tr("ItemWidget", "Keep this order"), tr("ItemWidget", "Saves the order as it is.")
        )
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

    def focus_control(self) -> QWidget | None:
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        return self.list

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
        self.premises: list[Choice] = []
        self.options: list[Choice] = []
        self.legend = QLabel()
        self.legend.setObjectName("match-legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self.legend)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 3)
        self.labels: list[QLabel] = []
        self.combos: list[QComboBox] = []
        # Every row made so far; an item with fewer premises hides the rest.
        self._rows: list[tuple[QLabel, QComboBox]] = []
        self._layout.addLayout(self._grid)
        self._layout.addStretch(1)
        self.fill()

    def _add_row(self) -> None:
        label = QLabel()
        label.setWordWrap(True)
        combo = SteadyComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        label.setBuddy(combo)
        combo.activated.connect(lambda _index: self.response_edited.emit(self.response()))
        row = len(self._rows)
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(combo, row, 1)
        self._rows.append((label, combo))

    def fill(self) -> None:
        self.premises = in_display_order(self.item.premises, self.form_item.premise_order)
        self.options = in_display_order(self.item.options, self.form_item.option_order)
        while len(self._rows) < len(self.premises):
            self._add_row()
        for row, (label, combo) in enumerate(self._rows):
            used = row < len(self.premises)
            label.setVisible(used)
            combo.setVisible(used)
            if not used:
                continue
            combo.setObjectName(f"match-{self.premises[row].id}")
            if combo.count() != len(self.options) + 1:
                combo.clear()
                combo.addItem("", "")
                for option in self.options:
                    combo.addItem("", option.id)
            else:
                for position, option in enumerate(self.options, start=1):
                    combo.setItemData(position, option.id)
            combo.setCurrentIndex(0)
        used_rows = self._rows[: len(self.premises)]
        self.labels = [label for label, _ in used_rows]
        self.combos = [combo for _, combo in used_rows]
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            tr("ItemWidget", "For each line on the left, choose the matching answer from its list.")
        )
        for position, (label, premise, combo) in enumerate(
            zip(self.labels, self.premises, self.combos, strict=True)
        ):
            label.setText(f"{position + 1}.  {self.text(premise)}")
            describe(combo, label.text(), tr("ItemWidget", "Choose the matching answer from the list."))
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

    def focus_control(self) -> QWidget | None:
        return self.combos[0] if self.combos else None
