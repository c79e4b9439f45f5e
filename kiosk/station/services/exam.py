"""Candidate log-in, and recovering attempts after the kiosk stopped.

``login`` gives a candidate their attempt at an open sitting: a new one with a form drawn from the
blueprint by a recorded seed, or the same one again (the form is rebuilt from bank and seed and checked
against the stored copy). An attempt found running at start-up was interrupted by a crash or power cut:
``find_interrupted`` marks it, and only an invigilator can let it continue with ``authorise_resume``, which
restores the clock from the last checkpoint (the outage is not charged) and records the outage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from kiosk.domain.attempt import FINAL_STATES, AttemptAction, AttemptState, IncidentCategory, transition
from kiosk.domain.clock import allowed_seconds
from kiosk.domain.errors import InputError, RuleError, SecurityError, StoreError
from kiosk.domain.forms import assemble_form, new_seed
from kiosk.domain.items import GRADE_NAMES
from kiosk.domain.journal import GENESIS, chain_head, next_sequence, verify_chain
from kiosk.formats.secrets import normalise_code
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam_session import ExamSession, SavedAnswer, SessionStart
from kiosk.station.services.invigilators import check_pin
from kiosk.station.services.kiosk_setup import NOT_SET_UP
from kiosk.station.services.roster_csv import normalise_candidate_number
from kiosk.station.services.sittings import OpenSitting, SittingState, get_sitting
from kiosk.station.services.submission import load_form, stored_responses
from kiosk.station.storage.engine import StoreSession
from kiosk.station.storage.records import AttemptRecord, CandidateRecord
from kiosk.station.storage.repositories import attempts, audit, identity, people
from kiosk.station.storage.repositories import sittings as sitting_rows

__all__ = [
    "ExamSession",
    "InterruptedAttempt",
    "SavedAnswer",
    "authorise_resume",
    "find_interrupted",
    "login",
]

WRONG_CODE = guesses.WrongGuess(
    "login.wrong_code", "login.wrong_code_last_try", "login.wrong_code_now_locked"
)


@dataclass(frozen=True, slots=True)
class InterruptedAttempt:
    """An attempt that was running when the kiosk stopped, waiting for an invigilator to resume it."""

    attempt_id: str
    sitting_id: int
    candidate_number: str
    candidate_name: str
    consumed_seconds: float
    allowed_seconds: float
    last_checkpoint_at: datetime | None


def login(ctx: KioskContext, sitting: OpenSitting, candidate_number: str, access_code: str) -> ExamSession:
    """Check a candidate's number and access code and return their session at this sitting.

    Wrong codes are rate-limited per candidate number and per kiosk. A candidate gets one attempt per
    sitting: logging in again returns the same attempt unless it was submitted (refused) or interrupted
    (an invigilator must authorise the resume).
    """
    number = normalise_candidate_number(candidate_number)
    if not number:
        raise InputError("login.number_missing")
    limits = (guesses.candidate_limit(number), guesses.kiosk_login_limit())
    try:
        guesses.ensure_allowed(ctx, *limits)
    except SecurityError as refused:
        kiosk_wide = refused.code.startswith("login.kiosk_locked")
        _log_failed_login(ctx, sitting, number, "kiosk_locked" if kiosk_wide else "locked")
        raise
    with ctx.store.session() as session:
        candidate = people.get_candidate(session, number)
        # A code this sitting's invigilation pack issued is the only one that opens it; without a pack, the
        # candidate's own access code does.
        for_sitting = (
            None if candidate is None else people.sitting_code_hash(session, candidate.id, sitting.sitting_id)
        )
    code = normalise_code(access_code)
    # An unknown number is hashed too (against a dummy), so the time taken does not tell who is on the roster.
    stored = None if candidate is None else for_sitting or candidate.access_code_hash
    if not guesses.secret_matches(ctx, code, stored) or candidate is None:
        wrong = guesses.wrong_guess(ctx, WRONG_CODE, *limits)
        reason = "unknown_number" if candidate is None else "wrong_code"
        _log_failed_login(ctx, sitting, number, reason, locked=wrong.code == WRONG_CODE.now_locked)
        raise wrong
    guesses.record_success(ctx, *limits)

    _require_open(ctx, sitting)
    bank = sitting.bank
    if candidate.certificate != bank.certificate.value or candidate.grade != bank.grade:
        _log_failed_login(ctx, sitting, number, "other_exam")
        raise RuleError(
            "login.other_exam",
            number=number,
            certificate=candidate.certificate,
            grade=GRADE_NAMES.get(candidate.grade, str(candidate.grade)),
            sitting_certificate=bank.certificate.value,
            sitting_grade=GRADE_NAMES.get(bank.grade, str(bank.grade)),
        )
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        record = attempts.find_attempt(session, candidate.id, sitting.sitting_id)
        if record is None:
            record = _new_attempt(session, sitting, candidate, now)
        else:
            state = AttemptState(record.state)
            if state in FINAL_STATES:
                raise RuleError("login.already_submitted", number=number)
            if state is AttemptState.INTERRUPTED:
                raise RuleError("login.interrupted", number=number)
            audit.add_event(session, "logged_in_again", now, attempt_id=record.id)
        start = _load(session, sitting, record, candidate)
    return ExamSession(ctx, sitting, start)


def _log_failed_login(
    ctx: KioskContext, sitting: OpenSitting, number: str, reason: str, *, locked: bool = False
) -> None:
    """Keep a refused log-in as evidence for the sitting report: the number typed, why, and whether this
    try locked the number out. ``reason`` is ``wrong_code``, ``unknown_number``, ``locked`` (the number
    was locked out already), ``kiosk_locked`` (log-ins on this kiosk were) or ``other_exam`` (a right code,
    but the candidate is entered for another certificate or grade)."""
    with ctx.store.transaction() as session:
        known = sitting_rows.get_sitting(session, sitting.sitting_id) is not None
        audit.add_event(
            session,
            "login_failed",
            ctx.clock.wall(),
            sitting_id=sitting.sitting_id if known else None,
            detail={"candidate": number, "reason": reason, "locked": locked},
        )


def _require_open(ctx: KioskContext, sitting: OpenSitting) -> None:
    info = get_sitting(ctx, sitting.sitting_id)
    if info.state is SittingState.SCHEDULED:
        raise RuleError("sitting.not_open_yet", sitting=info.id, name=info.name)
    if info.state is not SittingState.OPEN:
        raise RuleError("sitting.closed_for_login", sitting=info.id, name=info.name)


def _new_attempt(
    session: StoreSession, sitting: OpenSitting, candidate: CandidateRecord, now: datetime
) -> AttemptRecord:
    kiosk = identity.get_kiosk(session)
    if kiosk is None:
        raise RuleError(NOT_SET_UP)
    attempt_id = f"A-{kiosk.kiosk_id}-{identity.next_attempt_number(session):05d}"
    seed = new_seed()
    form = assemble_form(sitting.bank, seed)
    allowed = allowed_seconds(sitting.bank.blueprint.duration_minutes, candidate.extra_time_factor, 0.0)
    record = attempts.add_attempt(
        session,
        attempts.NewAttempt(
            id=attempt_id,
            candidate_id=candidate.id,
            sitting_id=sitting.sitting_id,
            bank_id=sitting.bank.bank_id,
            bank_version=sitting.bank.version,
            seed=seed,
            form_json=json.dumps(form.to_dict(), sort_keys=True, separators=(",", ":")),
            state=AttemptState.READY.value,
            allowed_seconds=allowed,
            journal_head=GENESIS,
        ),
        now,
    )
    audit.add_event(
        session,
        "attempt_created",
        now,
        attempt_id=attempt_id,
        sitting_id=sitting.sitting_id,
        detail={"candidate": candidate.candidate_number, "seed": seed, "allowed_seconds": allowed},
    )
    return record


def _load(
    session: StoreSession, sitting: OpenSitting, record: AttemptRecord, candidate: CandidateRecord
) -> SessionStart:
    """Rebuild an attempt's session state from the store, checking form and journal on the way."""
    if record.bank_id != sitting.bank.bank_id or record.bank_version != sitting.bank.version:
        raise RuleError(
            "attempt.other_bank_version",
            attempt=record.id,
            bank=record.bank_id,
            version=record.bank_version,
            sitting_version=sitting.bank.version,
        )
    form = assemble_form(sitting.bank, record.seed)
    if form != load_form(record.form_json):
        raise StoreError("attempt.form_changed", attempt=record.id)
    entries = attempts.journal(session, record.id)
    problems = verify_chain(record.id, entries, expected_head=record.journal_head)
    if problems:
        raise StoreError("attempt.journal_broken", attempt=record.id, problems=len(problems))
    answers, flags = stored_responses(attempts.responses(session, record.id))
    return SessionStart(
        attempt_id=record.id,
        candidate_number=candidate.candidate_number,
        candidate_name=candidate.full_name,
        candidate_name_zh=candidate.name_zh,
        state=AttemptState(record.state),
        form=form,
        allowed_seconds=record.allowed_seconds + record.granted_seconds,
        consumed_seconds=record.consumed_seconds,
        answers=answers,
        flags=flags,
        journal_head=chain_head(entries),
        next_sequence=next_sequence(entries),
        current_item_id=record.current_item_id,
    )


def find_interrupted(ctx: KioskContext) -> list[InterruptedAttempt]:
    """Mark attempts left running by a stopped kiosk as interrupted, and list every interrupted attempt.

    Call it once at start-up, before any session is open in this process: a running attempt is by
    definition one whose kiosk program stopped.
    """
    now = ctx.clock.wall()
    found: list[InterruptedAttempt] = []
    with ctx.store.transaction() as session:
        for record in attempts.attempts_in_states(session, [AttemptState.RUNNING.value]):
            state = transition(AttemptState(record.state), AttemptAction.INTERRUPT)
            attempts.set_state(session, record.id, state.value)
            audit.add_event(
                session,
                "interrupted",
                now,
                attempt_id=record.id,
                detail={"consumed_seconds": round(record.consumed_seconds, 3)},
            )
        for record in attempts.attempts_in_states(session, [AttemptState.INTERRUPTED.value]):
            candidate = people.get_candidate_by_id(session, record.candidate_id)
            found.append(
                InterruptedAttempt(
                    attempt_id=record.id,
                    sitting_id=record.sitting_id,
                    candidate_number=candidate.candidate_number if candidate else "?",
                    candidate_name=candidate.full_name if candidate else "?",
                    consumed_seconds=record.consumed_seconds,
                    allowed_seconds=record.allowed_seconds + record.granted_seconds,
                    last_checkpoint_at=record.checkpoint_at,
                )
            )
    return found


def authorise_resume(ctx: KioskContext, sitting: OpenSitting, attempt_id: str, pin: str) -> ExamSession:
    """Let an interrupted attempt continue, on an invigilator's PIN.

    The clock resumes from the last checkpoint, so the outage is not charged; the outage (wall time from
    the last checkpoint to now, an estimate that is only reported) is recorded as a power-outage incident.
    """
    invigilator = check_pin(ctx, pin, sitting_id=sitting.sitting_id, attempt_id=attempt_id)
    _require_open(ctx, sitting)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        record = attempts.get_attempt(session, attempt_id)
        if record is None:
            raise InputError("attempt.unknown", attempt=attempt_id)
        if record.sitting_id != sitting.sitting_id:
            raise RuleError("attempt.other_sitting", attempt=attempt_id)
        new = transition(AttemptState(record.state), AttemptAction.AUTHORISE_RESUME)
        candidate = people.get_candidate_by_id(session, record.candidate_id)
        if candidate is None:
            raise StoreError("attempt.candidate_missing", attempt=attempt_id)
        since = record.checkpoint_at or record.started_at or now
        outage = max(0.0, (now - since).total_seconds())
        attempts.set_state(session, attempt_id, new.value)
        attempts.save_checkpoint(session, attempt_id, record.consumed_seconds, now, "resume")
        audit.add_incident(
            session,
            sitting.sitting_id,
            attempt_id,
            IncidentCategory.POWER_OUTAGE.value,
            f"The kiosk stopped while candidate {candidate.candidate_number} was sitting the exam; about "
            f"{_duration(outage)} passed before {invigilator} authorised the resume, and none of it was "
            "charged.",
            since,
            outage,
            invigilator,
            now,
        )
        audit.add_event(
            session,
            "resume_authorised",
            now,
            attempt_id=attempt_id,
            detail={"by": invigilator, "outage_seconds": round(outage, 1)},
        )
        running = replace(record, state=new.value, checkpoint_at=now)
        start = _load(session, sitting, running, candidate)
    return ExamSession(ctx, sitting, start)


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if minutes == 0:
        return f"{rest} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min {rest} s"
