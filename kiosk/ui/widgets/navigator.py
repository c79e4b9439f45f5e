"""The question navigator: a numbered button per item showing answered, partly answered, flagged and current.

A partly answered item (some rows of a matching item chosen) is not filled like an answered one: it
carries a half-filled circle before its number, so colour is never the only sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.theme import restyle
from kiosk.ui.widgets.controls import describe

FLAG_MARK = "⚑"
PARTLY_MARK = "◐"


@dataclass(frozen=True, slots=True)
class NavState:
    answered: bool = False
    flagged: bool = False
    partly: bool = False


class Navigator(QWidget):
    """A grid of item buttons; clicking one asks to show that item."""

    item_chosen = Signal(int)
    """The candidate clicked the button of the item at this position (0-based)."""

    def __init__(self, count: int, columns: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setSpacing(5)
        self.buttons: list[QPushButton] = []
        self._states = [NavState() for _ in range(count)]
        self._current = -1
        for position in range(count):
            button = QPushButton(str(position + 1))
            button.setObjectName(f"nav-{position + 1}")
            button.setProperty("role", "nav")
            button.setProperty("state", "open")
            button.setProperty("flagged", "false")
            button.setProperty("current", "false")
            button.clicked.connect(lambda _=False, chosen=position: self.item_chosen.emit(chosen))
            grid.addWidget(button, position // columns, position % columns)
            self.buttons.append(button)
        grid.setRowStretch(count // columns + 1, 1)

    def state(self, position: int) -> NavState:
        return self._states[position]

    @property
    def current(self) -> int:
        return self._current

    def set_state(self, position: int, state: NavState) -> None:
        if self._states[position] != state or not self.buttons[position].toolTip():
            self._states[position] = state
            self._refresh(position)

    def set_current(self, position: int) -> None:
        previous, self._current = self._current, position
        for changed in {previous, position}:
            if 0 <= changed < len(self.buttons):
                self._refresh(changed)

    def retranslate(self) -> None:
        for position in range(len(self.buttons)):
            self._refresh(position)

    def _refresh(self, position: int) -> None:
        button = self.buttons[position]
        state = self._states[position]
        marks = FLAG_MARK if state.flagged else ""
        if state.partly and not state.answered:
            marks += PARTLY_MARK
        button.setText(f"{marks}{position + 1}")
        if state.answered:
            button.setProperty("state", "answered")
        else:
            button.setProperty("state", "partly" if state.partly else "open")
        button.setProperty("flagged", "true" if state.flagged else "false")
        button.setProperty("current", "true" if position == self._current else "false")
        parts = [tr("Navigator", "Question {number}").format(number=position + 1)]
        if state.answered:
            parts.append(tr("Navigator", "answered"))
        elif state.partly:
            parts.append(tr("Navigator", "partly answered"))
        else:
            parts.append(tr("Navigator", "not answered"))
        if state.flagged:
            parts.append(tr("Navigator", "flagged for review"))
        if position == self._current:
            parts.append(tr("Navigator", "on screen now"))
        description = ", ".join(parts)
        button.setToolTip(description)
        describe(button, description)
        restyle(button)
