"""A candidate's exam in progress: answering, flagging, the clock, invigilator actions and submission.

Every method that changes the attempt is one transaction and returns only after it committed, so the UI
may say "saved" as soon as :meth:`ExamSession.record_answer` returns. The clock counts time consumed
(docs/ARCHITECTURE.md §4): it is checkpointed with every answer and at least every
:data:`~kiosk.domain.clock.CHECKPOINT_INTERVAL_SECONDS` by :meth:`ExamSession.tick`.

The clock also stops, without the candidate losing any time, while the invigilator's menu is open over
the exam (:meth:`ExamSession.hold_clock` to :meth:`ExamSession.release_clock`) and during a rest break the
invigilator confirmed (:meth:`ExamSession.start_rest_break` to :meth:`ExamSession.end_rest_break`). Each
such stop is an incident, recorded as it begins and given its length, on the monotonic clock, as it ends.
The question the candidate is on is stored as they move, so a resume goes back to it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Concatenate, ParamSpec, TypeVar

from kiosk.domain.attempt import (
    AttemptAction,
    AttemptState,
    IncidentCategory,
    require_answers_accepted,
    transition,
)
from kiosk.domain.clock import ExamTimer
from kiosk.domain.errors import InputError, KioskError, RuleError
from kiosk.domain.forms import Form, FormItem
from kiosk.domain.items import Bank, Item
from kiosk.domain.journal import JournalEntry
from kiosk.domain.responses import Response, normalise_response, response_to_json
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import check_pin
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.services.submission import Receipt, answered_count, finish
from kiosk.station.storage.answer_writer import AnswerWriter
from kiosk.station.storage.engine import StoreSession
from kiosk.station.storage.repositories import attempts, audit
from kiosk.station.storage.tables import stored_time

P = ParamSpec("P")
T = TypeVar("T")

MAX_GRANT_MINUTES = 240
MAX_DESCRIPTION_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    """An answer that is on disk: its canonical form, journal position and the clock at that moment."""

    item_id: str
    response: Response
    sequence: int
    consumed_seconds: float
    remaining_seconds: float


@dataclass(frozen=True, slots=True)
class SessionStart:
    """Everything an :class:`ExamSession` is built from (loaded by :mod:`kiosk.station.services.exam`)."""

    attempt_id: str
    candidate_number: str
    candidate_name: str
    candidate_name_zh: str | None
    state: AttemptState
    form: Form
    allowed_seconds: float
    consumed_seconds: float
    answers: Mapping[str, Response]
    flags: frozenset[str]
    journal_head: str
    next_sequence: int
    current_item_id: str | None = None
    """The question the candidate was last on, as stored; None for a new attempt."""


@dataclass(frozen=True, slots=True)
class ClockStop:
    """A stop of the clock in progress: the invigilator's menu or a rest break, and its incident."""

    category: IncidentCategory
    incident_id: int
    started: float
    """When it began, on the services' monotonic clock."""
    by: str
    """The invigilator whose PIN opened it."""


def _serialised(method: Callable[Concatenate[ExamSession, P], T]) -> Callable[Concatenate[ExamSession, P], T]:
    """Run one session method at a time: the UI calls tick() from its timer and the rest from workers."""

    def locked(self: ExamSession, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with self._lock:
            return method(self, *args, **kwargs)

    functools.update_wrapper(locked, method)
    return locked


class ExamSession:
    """One candidate's attempt, open on this kiosk. Built by ``login`` or ``authorise_resume``.

    Methods that change the attempt are serialised, so the session may be used from more than one thread.
    """

    def __init__(self, ctx: KioskContext, sitting: OpenSitting, start: SessionStart) -> None:
        self._ctx = ctx
        self._sitting = sitting
        self._start = start
        self._state = start.state
        self._form = start.form
        self._answers: dict[str, Response] = dict(start.answers)
        self._flags: set[str] = set(start.flags)
        self._head = start.journal_head
        self._next_sequence = start.next_sequence
        self._timer = ExamTimer(start.allowed_seconds, start.consumed_seconds, ctx.clock)
        self._receipt: Receipt | None = None
        self._writer = AnswerWriter(ctx.store)
        # Every answer looks its item up: by id, not by scanning the form and then the whole bank.
        bank_items = {item.id: item for item in sitting.bank.items}
        self._items: dict[str, Item] = {
            form_item.item_id: bank_items[form_item.item_id]
            for form_item in start.form.items
            if form_item.item_id in bank_items
        }
        self._lock = threading.RLock()
        self._hold: ClockStop | None = None
        self._break: ClockStop | None = None
        # Where the candidate picks up: the question they were last on; for a new attempt the first
        # unanswered item (the first item if all are answered).
        item_ids = self._form.item_ids
        unanswered = [item_id for item_id in item_ids if item_id not in self._answers]
        if start.current_item_id in item_ids:
            self._current = start.current_item_id
        else:
            self._current = unanswered[0] if unanswered else (item_ids[0] if item_ids else "")
        self._stored_position = start.current_item_id
        if self._state is AttemptState.RUNNING:
            self._timer.start()

    # What the UI reads.

    @property
    def attempt_id(self) -> str:
        return self._start.attempt_id

    @property
    def candidate_number(self) -> str:
        return self._start.candidate_number

    @property
    def candidate_name(self) -> str:
        return self._start.candidate_name

    @property
    def candidate_name_zh(self) -> str | None:
        return self._start.candidate_name_zh

    @property
    def sitting(self) -> OpenSitting:
        return self._sitting

    @property
    def bank(self) -> Bank:
        return self._sitting.bank

    @property
    def form(self) -> Form:
        return self._form

    @property
    def state(self) -> AttemptState:
        return self._state

    @property
    def responses(self) -> dict[str, Response]:
        """The saved answer to each answered item (a copy)."""
        return dict(self._answers)

    @property
    def flags(self) -> frozenset[str]:
        """Items the candidate flagged for review."""
        return frozenset(self._flags)

    @property
    def receipt(self) -> Receipt | None:
        """Set once the attempt is submitted (by the candidate or automatically at expiry)."""
        return self._receipt

    @property
    def current_item_id(self) -> str:
        """The item the candidate is on (the first unanswered one when a session starts)."""
        return self._current

    @property
    def allowed_seconds(self) -> float:
        return self._timer.allowed_seconds

    @property
    def clock_held(self) -> bool:
        """Whether the invigilator's menu has the clock stopped now."""
        return self._hold is not None

    @property
    def on_break(self) -> bool:
        """Whether the candidate is on a rest break (the attempt is paused for it)."""
        return self._break is not None

    def item(self, item_id: str) -> Item:
        """The bank item of a form item; InputError if it is not on this candidate's form."""
        found = self._items.get(item_id)
        if found is not None:
            return found
        self.form_item(item_id)
        return self.bank.item(item_id)

    def form_item(self, item_id: str) -> FormItem:
        """How an item is laid out on this form (option order)."""
        try:
            return self._form.item(item_id)
        except KeyError:
            raise InputError("exam.item_not_on_form", item=item_id) from None

    def consumed_seconds(self) -> float:
        return self._timer.consumed()

    def remaining_seconds(self) -> float:
        return self._timer.remaining()

    def answered_count(self) -> int:
        return answered_count(self.bank, self._form, self._answers)

    # The candidate's actions.

    @_serialised
    def start(self) -> None:
        """Start the clock after the instructions; READY -> RUNNING."""
        new = transition(self._state, AttemptAction.START)
        self._timer.start()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        try:
            with self._ctx.store.transaction() as session:
                attempts.set_state(session, self.attempt_id, new.value, started_at=now)
                attempts.save_checkpoint(session, self.attempt_id, consumed, now, "start")
                audit.add_event(session, "started", now, attempt_id=self.attempt_id)
        except BaseException:
            self._timer.pause()
            raise
        self._state = new

    def move(self, item_id: str) -> Item:
        """Go to an item of the form; returns it. A resume comes back to it.

        The position is stored with the clock's next checkpoint (at most a few seconds later) and when the
        session closes, not in a commit of its own: a question switch must not wait for the disk.
        """
        item = self.item(item_id)
        self._current = item_id
        return item

    def _note_position(self, session: StoreSession) -> None:
        """Store the question on screen, in ``session``'s transaction, when it changed since last stored."""
        if self._current != self._stored_position:
            attempts.set_current_item(session, self.attempt_id, self._current)
            self._stored_position = self._current

    @_serialised
    def record_answer(self, item_id: str, raw_response: object) -> SavedAnswer:
        """Save an answer durably; returns only after the commit.

        One transaction journals the answer (hash-chained), makes it the item's current response and
        checkpoints the clock. Refused with RuleError once the time is up (the attempt is then submitted
        automatically) or the attempt is not running; with InputError if the response does not fit.
        """
        item = self.item(item_id)
        timer = self._timer
        if self._state is not AttemptState.RUNNING or timer.expired():
            # Time is up (the attempt is submitted now) or it is not running: refused, saying why.
            self._expire_if_due()
            require_answers_accepted(self._state)
        response = normalise_response(item, raw_response)
        consumed = timer.checkpoint()
        now = self._ctx.clock.wall()
        recorded_at = now.isoformat(timespec="microseconds")
        # The store keeps times as UTC text (stored_time); for the UTC times the clocks give, it is this text.
        at = recorded_at if now.tzinfo is UTC else stored_time(now)
        entry = JournalEntry.create(
            self._head,
            self._start.attempt_id,
            self._next_sequence,
            item_id,
            response_to_json(response),
            int(consumed * 1000),
            recorded_at,
        )
        self._writer.save(entry, consumed, at)
        self._head = entry.hash
        self._next_sequence += 1
        self._answers[item_id] = response
        self._current = item_id
        remaining = max(0.0, timer.allowed_seconds - consumed)
        return SavedAnswer(item_id, response, entry.sequence, consumed, remaining)

    @_serialised
    def set_flag(self, item_id: str, flagged: bool) -> None:
        """Flag an item for review (or clear the flag)."""
        self.item(item_id)
        self._expire_if_due()
        require_answers_accepted(self._state)
        now = self._ctx.clock.wall()
        with self._ctx.store.transaction() as session:
            attempts.set_flag(session, self.attempt_id, item_id, flagged, now)
        if flagged:
            self._flags.add(item_id)
        else:
            self._flags.discard(item_id)

    @_serialised
    def tick(self) -> float:
        """Called by the UI about every second: checkpoints when due, submits at expiry; remaining seconds."""
        if self._state is AttemptState.RUNNING:
            if self._timer.expired():
                self._finish(AttemptAction.EXPIRE, "time_up")
                return 0.0
            if self._timer.due_checkpoint():
                consumed = self._timer.checkpoint()
                now = self._ctx.clock.wall()
                with self._ctx.store.transaction() as session:
                    attempts.save_checkpoint(session, self.attempt_id, consumed, now, "tick")
                    self._note_position(session)
        return self._timer.remaining()

    @_serialised
    def submit(self) -> Receipt:
        """Submit the attempt and return the receipt (marked expired if the time had just run out)."""
        self._expire_if_due()
        if self._state is AttemptState.EXPIRED and self._receipt is not None:
            return self._receipt
        self._finish(AttemptAction.SUBMIT, "candidate")
        assert self._receipt is not None
        return self._receipt

    # The invigilator's actions; each needs a PIN and is recorded with the invigilator's name.

    def _check_pin(self, pin: str) -> str:
        return check_pin(self._ctx, pin, sitting_id=self._sitting.sitting_id, attempt_id=self.attempt_id)

    @_serialised
    def hold_clock(self, pin: str) -> str:
        """The invigilator's menu opens over the exam: check the PIN and stop a running clock until
        :meth:`release_clock`; returns the invigilator's name. The stop is an incident from now on."""
        invigilator = self._check_pin(pin)
        self._expire_if_due()
        if self._state is not AttemptState.RUNNING or self._hold is not None:
            return invigilator
        self._timer.pause()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        started = self._ctx.clock.monotonic()
        try:
            with self._ctx.store.transaction() as session:
                attempts.save_checkpoint(session, self.attempt_id, consumed, now, "menu")
                incident_id = audit.add_incident(
                    session,
                    self._sitting.sitting_id,
                    self.attempt_id,
                    IncidentCategory.INVIGILATOR_MENU.value,
                    f"{invigilator} opened the invigilator menu over candidate {self.candidate_number}'s "
                    "exam; the candidate's clock was stopped while it was open, and none of it was charged.",
                    now,
                    None,
                    invigilator,
                    now,
                )
                audit.add_event(
                    session, "clock_held", now, attempt_id=self.attempt_id, detail={"by": invigilator}
                )
        except BaseException:
            self._timer.start()
            raise
        self._hold = ClockStop(IncidentCategory.INVIGILATOR_MENU, incident_id, started, invigilator)
        return invigilator

    @_serialised
    def release_clock(self) -> float | None:
        """The invigilator's menu closed: the clock runs again (unless the exam was paused meanwhile);
        returns how long it was stopped, or None when :meth:`hold_clock` had not stopped it."""
        if self._hold is None:
            return None
        if self._state is AttemptState.RUNNING:
            self._timer.start()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        with self._ctx.store.transaction() as session:
            attempts.save_checkpoint(session, self.attempt_id, consumed, now, "menu_closed")
            return self._end_stop(session, "_hold", now)

    def _end_stop(self, session: StoreSession, which: str, now: datetime) -> float | None:
        """Give the stop in ``which`` (``_hold`` or ``_break``) its length and forget it."""
        stop: ClockStop | None = getattr(self, which)
        if stop is None:
            return None
        setattr(self, which, None)
        seconds = round(max(0.0, self._ctx.clock.monotonic() - stop.started), 3)
        audit.set_incident_duration(session, stop.incident_id, seconds)
        kind = "clock_released" if stop.category is IncidentCategory.INVIGILATOR_MENU else "rest_break_ended"
        audit.add_event(session, kind, now, attempt_id=self.attempt_id, detail={"seconds": seconds})
        return seconds

    @_serialised
    def start_rest_break(self, pin: str) -> str:
        """The candidate asked for a rest break and the invigilator confirms it with their PIN: the clock
        stops (RUNNING -> PAUSED) until :meth:`end_rest_break`; returns the invigilator's name.

        A rest break is an accommodation of its own, apart from extra time: no time is added, none is
        charged, and the break is an incident with its length.
        """
        invigilator = self._check_pin(pin)
        self._expire_if_due()
        new = transition(self._state, AttemptAction.PAUSE)
        self._timer.pause()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        started = self._ctx.clock.monotonic()
        try:
            with self._ctx.store.transaction() as session:
                self._end_stop(session, "_hold", now)
                attempts.set_state(session, self.attempt_id, new.value)
                attempts.save_checkpoint(session, self.attempt_id, consumed, now, "rest_break")
                incident_id = audit.add_incident(
                    session,
                    self._sitting.sitting_id,
                    self.attempt_id,
                    IncidentCategory.REST_BREAK.value,
                    f"Candidate {self.candidate_number} took a rest break, confirmed by {invigilator}; the "
                    "clock was stopped during the break.",
                    now,
                    None,
                    invigilator,
                    now,
                )
                audit.add_event(
                    session, "rest_break_started", now, attempt_id=self.attempt_id, detail={"by": invigilator}
                )
        except BaseException:
            self._timer.start()
            raise
        self._state = new
        self._break = ClockStop(IncidentCategory.REST_BREAK, incident_id, started, invigilator)
        return invigilator

    @_serialised
    def end_rest_break(self) -> float:
        """The candidate is back: the clock runs again (PAUSED -> RUNNING); returns the break's length.

        No PIN: ending a break early costs only the candidate. RuleError when there is no break to end.
        """
        if self._break is None:
            raise RuleError("exam.not_on_break")
        new = transition(self._state, AttemptAction.RESUME)
        self._timer.start()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        try:
            with self._ctx.store.transaction() as session:
                attempts.set_state(session, self.attempt_id, new.value)
                attempts.save_checkpoint(session, self.attempt_id, consumed, now, "rest_break_end")
                seconds = self._end_stop(session, "_break", now)
        except BaseException:
            self._timer.pause()
            raise
        self._state = new
        return seconds or 0.0

    @_serialised
    def pause(self, pin: str) -> None:
        """Stop the clock, e.g. for a candidate who is taken ill; RUNNING -> PAUSED."""
        invigilator = self._check_pin(pin)
        self._expire_if_due()
        new = transition(self._state, AttemptAction.PAUSE)
        self._timer.pause()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        try:
            with self._ctx.store.transaction() as session:
                # The menu that paused the exam stopped the clock first; that stop ends here.
                self._end_stop(session, "_hold", now)
                attempts.set_state(session, self.attempt_id, new.value)
                attempts.save_checkpoint(session, self.attempt_id, consumed, now, "pause")
                audit.add_event(
                    session, "paused", now, attempt_id=self.attempt_id, detail={"by": invigilator}
                )
        except BaseException:
            self._timer.start()
            raise
        self._state = new

    @_serialised
    def resume(self, pin: str) -> None:
        """Start the clock again after a pause (or a rest break); PAUSED -> RUNNING."""
        invigilator = self._check_pin(pin)
        new = transition(self._state, AttemptAction.RESUME)
        self._timer.start()
        consumed = self._timer.checkpoint()
        now = self._ctx.clock.wall()
        try:
            with self._ctx.store.transaction() as session:
                self._end_stop(session, "_break", now)
                attempts.set_state(session, self.attempt_id, new.value)
                attempts.save_checkpoint(session, self.attempt_id, consumed, now, "resume")
                audit.add_event(
                    session, "resumed", now, attempt_id=self.attempt_id, detail={"by": invigilator}
                )
        except BaseException:
            self._timer.pause()
            raise
        self._state = new

    @_serialised
    def grant_extra_time(self, pin: str, minutes: float, reason: str) -> float:
        """Give the candidate more time, with a reason; returns the new remaining seconds."""
        invigilator = self._check_pin(pin)
        if not 0 < minutes <= MAX_GRANT_MINUTES:
            raise InputError(
                "exam.extra_time_out_of_range", minutes=f"{minutes:g}", max_minutes=MAX_GRANT_MINUTES
            )
        why = " ".join(reason.split())
        if not why:
            raise InputError("exam.extra_time_reason_missing")
        self._expire_if_due()
        if self._state in (AttemptState.SUBMITTED, AttemptState.EXPIRED):
            require_answers_accepted(self._state)
        seconds = minutes * 60.0
        now = self._ctx.clock.wall()
        with self._ctx.store.transaction() as session:
            attempts.add_granted_time(session, self.attempt_id, seconds)
            audit.add_event(
                session,
                "time_granted",
                now,
                attempt_id=self.attempt_id,
                detail={"by": invigilator, "minutes": minutes, "reason": why},
            )
        self._timer.grant(seconds)
        return self._timer.remaining()

    @_serialised
    def record_incident(self, pin: str, category: IncidentCategory | str, description: str) -> int:
        """Record an incident against this attempt (allowed in any state); returns its id."""
        invigilator = self._check_pin(pin)
        kind = incident_category(category)
        text = description.strip()
        if not text:
            raise InputError("incident.description_missing")
        if len(text) > MAX_DESCRIPTION_LENGTH:
            raise InputError("incident.description_too_long", max_length=MAX_DESCRIPTION_LENGTH)
        now = self._ctx.clock.wall()
        with self._ctx.store.transaction() as session:
            return audit.add_incident(
                session,
                self._sitting.sitting_id,
                self.attempt_id,
                kind.value,
                text,
                now,
                None,
                invigilator,
                now,
            )

    @_serialised
    def close(self) -> None:
        """Release the session's store connection (when the candidate leaves the kiosk); state is kept."""
        try:
            with self._ctx.store.transaction() as session:
                self._note_position(session)
        except KioskError:
            pass  # the position is a convenience: a resume then starts at the last one stored
        self._writer.close()

    # Internals.

    def _expire_if_due(self) -> None:
        if self._state is AttemptState.RUNNING and self._timer.expired():
            self._finish(AttemptAction.EXPIRE, "time_up")

    def _finish(self, action: AttemptAction, reason: str) -> None:
        new = transition(self._state, action)
        was_running = self._timer.running
        self._timer.pause()
        consumed = self._timer.checkpoint()
        if action is AttemptAction.EXPIRE:
            # The tick that notices expiry comes a moment late; never record more than was allowed.
            consumed = min(consumed, self._timer.allowed_seconds)
        now = self._ctx.clock.wall()
        try:
            with self._ctx.store.transaction() as session:
                code, result = finish(
                    session,
                    attempt_id=self.attempt_id,
                    journal_head=self._head,
                    bank=self.bank,
                    form=self._form,
                    answers=self._answers,
                    state=new,
                    consumed_seconds=consumed,
                    now=now,
                    reason=reason,
                )
        except BaseException:
            if was_running:
                self._timer.start()
            raise
        self._state = new
        self._writer.close()
        self._receipt = Receipt(
            attempt_id=self.attempt_id,
            candidate_number=self.candidate_number,
            candidate_name=self.candidate_name,
            sitting_name=self._sitting.name,
            bank_id=self.bank.bank_id,
            bank_version=self.bank.version,
            state=new,
            submitted_at=now,
            submission_code=code,
            answered=self.answered_count(),
            item_count=len(self._form.items),
            result=result if self._sitting.show_score else None,
        )


def incident_category(category: IncidentCategory | str) -> IncidentCategory:
    """The category named by ``category``; InputError listing the categories if there is none."""
    try:
        return IncidentCategory(category)
    except ValueError:
        choices = ", ".join(member.value for member in IncidentCategory)
        raise InputError("incident.category_unknown", category=str(category), choices=choices) from None
