"""The candidate's exam as the screen sees it: which item is shown, saving answers, flags, and the clock.

The presenter owns no time of its own: ``refresh`` asks the exam session (whose ExamTimer reads the
services' clock) how much time is left, and a QTimer merely calls ``refresh`` so the display stays current.
An answer counts as saved only when ``record_answer`` has returned, i.e. after the store committed it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.domain.attempt import AttemptState
from kiosk.domain.errors import InputError, KioskError
from kiosk.domain.forms import FormItem
from kiosk.domain.items import Bank, Item, ItemType, Tools
from kiosk.domain.responses import is_answered
from kiosk.ui.errors import error_message, error_sentence

# Minutes left at which the candidate is warned, most relaxed first.
WARNING_MINUTES = (10, 5, 1)
FINISHED_STATES = frozenset({AttemptState.SUBMITTED, AttemptState.EXPIRED})


class AnswerState(enum.StrEnum):
    """How much of an item the store holds an answer to."""

    OPEN = "open"
    """Nothing saved (or typed text that is not a number: nothing that would be marked)."""
    PARTLY = "partly"
    """Some rows of a matching or ordering item, not all."""
    ANSWERED = "answered"


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """One row of the review list."""

    position: int
    item_id: str
    state: AnswerState
    flagged: bool

    @property
    def answered(self) -> bool:
        return self.state is AnswerState.ANSWERED


class ExamPresenter(QObject):
    """Drives one candidate's exam session for the exam and review screens."""

    item_shown = Signal(int)
    """The item at this position (0-based) is now the one on screen."""
    answer_saved = Signal(str)
    """The store committed the response to this item id."""
    answer_save_failed = Signal(str, str)
    """The response to this item id was NOT saved; carries the sentence to show."""
    answer_rejected = Signal(str, str)
    """The response to this item id is not valid (e.g. not a number) and was not saved; carries why."""
    draft_changed = Signal(str)
    """Typed text that cannot be saved was kept for (or cleared from) this item id."""
    flag_changed = Signal(str, bool)
    """The item id was flagged (True) or unflagged for review."""
    time_changed = Signal(float)
    """Seconds left, sent on every refresh of the display."""
    time_warning_reached = Signal(int)
    """Only this many minutes (10, 5 or 1) are left."""
    paused_changed = Signal(bool)
    """The invigilator paused (True) or resumed (False) the exam, or a rest break began or ended."""
    clock_released = Signal(float)
    """The invigilator's menu closed; the clock had been stopped this many seconds while it was open."""
    extra_time_granted = Signal(int)
    """The invigilator added this many minutes."""
    exam_finished = Signal(object)
    """The attempt was submitted or auto-submitted at expiry; carries the service's receipt."""
    time_expired = Signal()
    """Time ran out and the service auto-submitted the answers (sent just before ``exam_finished``)."""

    def __init__(
        self,
        session: Any,
        language: str = "en",
        refresh_ms: int = 500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self.bank: Bank = session.bank
        self.form_items: tuple[FormItem, ...] = session.form.items
        self._items: dict[str, Item] = {item.id: item for item in self.bank.items}
        self.finished = False
        self._responses: dict[str, Any] = dict(session.responses)
        self._drafts: dict[str, str] = {}
        self._flags: set[str] = set(session.flags)
        self._failed: set[str] = set()
        self._warned: set[int] = set()
        self.remaining = float(session.remaining_seconds())
        # After a resume with little time left only the most urgent warning that applies is given.
        passed = [m for m in WARNING_MINUTES if self.remaining <= m * 60]
        self._warned.update(m for m in passed if m != min(passed))
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        # The candidate picks up where the session says they were (after a resume, not question 1).
        positions = {form_item.item_id: i for i, form_item in enumerate(self.form_items)}
        self.index = positions.get(session.current_item_id, 0)

    # -- what the screens read -----------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.form_items)

    @property
    def paused(self) -> bool:
        return self.session.state is AttemptState.PAUSED

    @property
    def on_break(self) -> bool:
        """Whether the candidate is on a rest break (the exam is paused for it)."""
        return self.paused and bool(getattr(self.session, "on_break", False))

    @property
    def tools(self) -> Tools:
        """The on-screen tools the bank allows (calculator, zoom)."""
        return self.bank.blueprint.tools

    def item_at(self, position: int) -> Item:
        return self._items[self.form_items[position].item_id]

    @property
    def item(self) -> Item:
        return self.item_at(self.index)

    @property
    def form_item(self) -> FormItem:
        return self.form_items[self.index]

    def response(self, item_id: str) -> Any:
        return self._responses.get(item_id)

    def is_answered(self, item_id: str) -> bool:
        """Whether the store holds a whole answer to ``item_id`` (a partial match is not one)."""
        return self.answer_state(item_id) is AnswerState.ANSWERED

    def answer_state(self, item_id: str) -> AnswerState:
        item = self._items[item_id]
        response = self._responses.get(item_id)
        if response is None or item_id in self._drafts or not is_answered(item, response):
            return AnswerState.OPEN
        if item.type is ItemType.MATCHING and len(response) < len(item.premises):
            return AnswerState.PARTLY
        if item.type is ItemType.ORDERING and len(response) < len(item.options):
            return AnswerState.PARTLY
        return AnswerState.ANSWERED

    def draft(self, item_id: str) -> str | None:
        """Typed text for ``item_id`` that could not be saved, to show again; None when there is none."""
        return self._drafts.get(item_id)

    def is_flagged(self, item_id: str) -> bool:
        return item_id in self._flags

    def is_saved(self, item_id: str) -> bool:
        """Whether the store holds the response now shown for ``item_id`` (a failed save clears this)."""
        return item_id in self._responses and item_id not in self._failed

    def review_lines(self) -> list[ReviewLine]:
        return [
            ReviewLine(
                position,
                form_item.item_id,
                self.answer_state(form_item.item_id),
                self.is_flagged(form_item.item_id),
            )
            for position, form_item in enumerate(self.form_items)
        ]

    @property
    def unanswered_count(self) -> int:
        """Items with nothing saved (partly answered ones are counted by ``partly_count``)."""
        return sum(1 for line in self.review_lines() if line.state is AnswerState.OPEN)

    @property
    def partly_count(self) -> int:
        return sum(1 for line in self.review_lines() if line.state is AnswerState.PARTLY)

    def warning_minutes(self) -> int | None:
        """The time warning that applies now (10, 5 or 1 minutes), or None with more time than that left."""
        passed = [m for m in WARNING_MINUTES if self.remaining <= m * 60]
        return min(passed) if passed and not self.finished else None

    # -- what the candidate does ---------------------------------------------------------------------

    def begin(self) -> None:
        """Start (or continue) the attempt's clock and show the first item."""
        if self.session.state is AttemptState.READY:
            self.session.start()
        self.timer.start()
        self.show(self.index)
        self.refresh()

    def show(self, position: int) -> None:
        if 0 <= position < self.count:
            self.index = position
            self.session.move(self.form_items[position].item_id)
            self.item_shown.emit(position)

    def next(self) -> None:
        self.show(min(self.index + 1, self.count - 1))

    def previous(self) -> None:
        self.show(max(self.index - 1, 0))

    def answer(self, item_id: str, raw: Any) -> None:
        """Save a response; the outcome is ``answer_saved``, ``answer_rejected`` or ``answer_save_failed``."""
        if self.finished:
            return
        try:
            saved = self.session.record_answer(item_id, raw)
        except InputError as error:
            self.answer_rejected.emit(item_id, error_sentence(error))
            return
        except Exception as error:
            self._failed.add(item_id)
            self.answer_save_failed.emit(item_id, error_message(error))
            self._check_finished()
            return
        self._responses[item_id] = getattr(saved, "response", raw)
        self._failed.discard(item_id)
        had_draft = self._drafts.pop(item_id, None) is not None
        self.answer_saved.emit(item_id)
        if had_draft:
            self.draft_changed.emit(item_id)

    def keep_draft(self, item_id: str, text: str) -> None:
        """Keep typed text that cannot be saved; an answer saved before it no longer stands.

        What the candidate sees and what the store holds must agree: the field shows text that is not a
        number, so the question is not answered, and an earlier answer is cleared in the store.
        """
        if self.finished:
            return
        if is_answered(self._items[item_id], self._responses.get(item_id)):
            # If this fails the save banner says so, and the old answer is still the one stored.
            self.answer(item_id, "")
        self._drafts[item_id] = text
        self.draft_changed.emit(item_id)

    def toggle_flag(self) -> None:
        self.set_flag(self.item.id, not self.is_flagged(self.item.id))

    def set_flag(self, item_id: str, flagged: bool) -> None:
        if self.finished:
            return
        try:
            self.session.set_flag(item_id, flagged)
        except Exception as error:
            self.answer_save_failed.emit(item_id, error_message(error))
            self._check_finished()
            return
        if flagged:
            self._flags.add(item_id)
        else:
            self._flags.discard(item_id)
        self.flag_changed.emit(item_id, flagged)

    def submit(self) -> None:
        """Hand the answers in (the screen has already asked for confirmation)."""
        if self.finished:
            return
        receipt = self.session.submit()
        self._finish(receipt)

    # -- the invigilator's actions (PIN already typed) -------------------------------------------------

    def pause(self, pin: str) -> None:
        self.session.pause(pin)
        self.paused_changed.emit(True)
        self.refresh()

    def resume(self, pin: str) -> None:
        self.session.resume(pin)
        self.paused_changed.emit(False)
        self.refresh()

    def grant_extra_time(self, pin: str, minutes: int, reason: str) -> None:
        self.session.grant_extra_time(pin, minutes, reason)
        # A new allowance above a threshold earns that warning again when it comes.
        self.remaining = float(self.session.remaining_seconds())
        self._warned = {m for m in self._warned if self.remaining <= m * 60}
        self.extra_time_granted.emit(minutes)
        self.refresh()

    def record_incident(self, pin: str, category: str, description: str) -> None:
        self.session.record_incident(pin, category, description)

    def release_clock(self) -> None:
        """The invigilator's menu closed: let the clock run again (it was stopped when the menu opened)."""
        if self.finished:
            return
        seconds = self.session.release_clock()
        self.refresh()
        if seconds is not None:
            self.clock_released.emit(float(seconds))

    # -- rest breaks -----------------------------------------------------------------------------------

    def start_rest_break(self, pin: str) -> None:
        """The invigilator confirmed the candidate's rest break with their PIN: the clock stops."""
        self.session.start_rest_break(pin)
        self.paused_changed.emit(True)
        self.refresh()

    def end_rest_break(self) -> None:
        """The candidate is back from the break: the clock runs again."""
        self.session.end_rest_break()
        self.paused_changed.emit(False)
        self.refresh()

    # -- time ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Let the session checkpoint or auto-submit as due, and update the display."""
        if self.finished:
            return
        try:
            self.remaining = float(self.session.tick())
        except KioskError:
            # The tick itself failed to checkpoint; the next one retries. The clock is still right.
            self.remaining = float(self.session.remaining_seconds())
        self.time_changed.emit(self.remaining)
        due = self._due_warning()
        if due is not None:
            self._warned.update(m for m in WARNING_MINUTES if m >= due)
            self.time_warning_reached.emit(due)
        self._check_finished()

    def _due_warning(self) -> int | None:
        passed = [m for m in WARNING_MINUTES if self.remaining <= m * 60 and m not in self._warned]
        return min(passed) if passed else None

    def _check_finished(self) -> None:
        if not self.finished and self.session.state in FINISHED_STATES:
            if self.session.state is AttemptState.EXPIRED:
                self.time_expired.emit()
            self._finish(self.session.receipt)

    def _finish(self, receipt: Any) -> None:
        self.finished = True
        self.timer.stop()
        self.exam_finished.emit(receipt)

    def stop(self) -> None:
        """Stop refreshing (the window is closing or another session takes over)."""
        self.timer.stop()


def guarded(action: Callable[[], None], on_error: Callable[[str], None]) -> bool:
    """Run an invigilator action, turning a KioskError into a sentence for ``on_error``; True if it worked."""
    try:
        action()
    except KioskError as error:
        on_error(error_sentence(error))
        return False
    return True
