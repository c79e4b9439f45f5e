"""What every answer widget shares: the signal it reports edits with, and lettering options in display order.

Options are labelled by their position on screen (A, B, C...), not by their ids in the bank, because the
form shuffles them; the widgets translate between the two. A widget never saves anything itself: it emits
``response_edited`` and the exam presenter decides.

A widget is built once per item type and then refilled with :meth:`ItemWidget.load` for every other item of
that type the candidate opens: a question switch sets words and states instead of building, styling and
destroying a new set of native controls each time.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Choice, Item
from kiosk.ui.widgets.controls import tab_chain

LETTERS = "ABCDEFGH"


def in_display_order(choices: Sequence[Choice], order: Sequence[str]) -> list[Choice]:
    """``choices`` in the form's display order (any not named keep their bank order at the end)."""
    by_id = {choice.id: choice for choice in choices}
    shown = [by_id[choice_id] for choice_id in order if choice_id in by_id]
    return shown + [choice for choice in choices if choice.id not in order]


class ItemWidget(QWidget):
    """The answer area of one item; subclasses lay out the native controls for their type."""

    response_edited = Signal(object)
    """The candidate changed the response; carries the raw response to be saved."""
    response_changing = Signal()
    """The candidate is typing: what the field shows is not saved yet."""
    draft_refused = Signal(str)
    """The candidate left typed text that cannot be saved (not a number); carries it, to be shown again."""

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

    def load(self, item: Item, form_item: FormItem, language: str) -> None:
        """Show ``item`` (of this widget's type) in these same controls, with nothing chosen or typed.

        Whatever the previous item had (a choice, typed text, a pending save, a shown problem) is cleared;
        the screen then shows the new item's stored response with :meth:`set_response`.
        """
        self.item = item
        self.form_item = form_item
        self.language = language
        self.fill()

    def fill(self) -> None:
        """Lay out the controls for ``self.item`` and clear any response (each type does its own)."""

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

    def may_leave(self) -> bool:
        """Whether the candidate may go to another question now; False keeps them here to see a problem."""
        return True

    def show_draft(self, text: str) -> None:
        """Show typed text that could not be saved, with its problem (text fields only)."""

    def focus_control(self) -> QWidget | None:
        """The control the keyboard starts on when the question opens."""
        chain = tab_chain(self)
        return chain[0] if chain else None

    def focus_answer(self) -> None:
        """Put the keyboard focus on ``focus_control`` so answer keys work at once."""
        control = self.focus_control()
        if control is not None:
            control.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
