"""Sittings: scheduling them, opening one on this kiosk (PIN + release code) and closing it.

Opening decrypts the installed bank package in memory only; the resulting :class:`OpenSitting` holds the
Bank for the candidates' sessions and is never written anywhere.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from kiosk.domain.attempt import AttemptAction, AttemptState, transition
from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.domain.items import GRADE_NAMES, Bank
from kiosk.formats.bank_packages import open_bank_package
from kiosk.formats.packages import verify_package
from kiosk.station.services import guesses
from kiosk.station.services.bank_install import latest_installed, read_installed_package, trusted_keys
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import check_pin
from kiosk.station.services.submission import finish, load_form, stored_responses
from kiosk.station.storage.records import SittingRecord
from kiosk.station.storage.repositories import attempts, audit
from kiosk.station.storage.repositories import sittings as sitting_rows

MAX_NAME_LENGTH = 200


class SittingState(enum.StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class SittingInfo:
    id: int
    name: str
    bank_id: str
    bank_version: int | None
    """Pinned when the sitting is first opened; None until then."""
    scheduled_on: date
    state: SittingState
    show_score: bool


@dataclass(frozen=True)
class OpenSitting:
    """A sitting unlocked on this kiosk, with its bank decrypted in memory for the session."""

    sitting_id: int
    name: str
    scheduled_on: date
    bank: Bank = field(repr=False)
    show_score: bool
    opened_by: str

    @property
    def bank_id(self) -> str:
        return self.bank.bank_id

    @property
    def bank_version(self) -> int:
        return self.bank.version


@dataclass(frozen=True, slots=True)
class ClosedSitting:
    """What closing did: attempts it submitted, and attempts never started (left as they were)."""

    sitting: SittingInfo
    submitted: tuple[str, ...]
    never_started: tuple[str, ...]


def _info(record: SittingRecord) -> SittingInfo:
    return SittingInfo(
        id=record.id,
        name=record.name,
        bank_id=record.bank_id,
        bank_version=record.bank_version,
        scheduled_on=record.scheduled_on,
        state=SittingState(record.state),
        show_score=record.show_score_on_receipt,
    )


def schedule_sitting(
    ctx: KioskContext, name: str, bank_id: str, on_date: date, show_score: bool = False
) -> SittingInfo:
    """Schedule a sitting of an installed bank on a date."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("The sitting needs a name, for example 'Maintenance II theory, morning'.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError(f"The sitting name is longer than {MAX_NAME_LENGTH} characters; shorten it.")
    if latest_installed(ctx, bank_id) is None:
        raise RuleError(f"Bank {bank_id} is not installed on this kiosk; install its package first.")
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        record = sitting_rows.add_sitting(
            session, cleaned, bank_id, on_date, SittingState.SCHEDULED.value, show_score, now
        )
        audit.add_event(session, "sitting_scheduled", now, sitting_id=record.id, detail={"bank_id": bank_id})
    return _info(record)


def list_sittings(ctx: KioskContext, on_date: date | None = None) -> list[SittingInfo]:
    """Sittings by date, optionally only those on ``on_date``."""
    with ctx.store.session() as session:
        records = sitting_rows.list_sittings(session, on_date)
    return [_info(record) for record in records]


def get_sitting(ctx: KioskContext, sitting_id: int) -> SittingInfo:
    with ctx.store.session() as session:
        record = sitting_rows.get_sitting(session, sitting_id)
    if record is None:
        raise InputError(f"There is no sitting {sitting_id} on this kiosk; 'kiosk sitting list' shows them.")
    return _info(record)


def open_sitting(ctx: KioskContext, sitting_id: int, pin: str, release_code: str) -> OpenSitting:
    """Unlock a sitting with an invigilator PIN and the exam-day release code.

    Opening an already open sitting again (e.g. after a restart) is allowed and uses the same bank
    version. Wrong PINs and wrong release codes are rate-limited.
    """
    invigilator = check_pin(ctx, pin)
    sitting = get_sitting(ctx, sitting_id)
    if sitting.state is SittingState.CLOSED:
        raise RuleError(f"Sitting {sitting.id} ('{sitting.name}') is closed; it cannot be opened again.")
    version = sitting.bank_version
    if version is None:
        installed = latest_installed(ctx, sitting.bank_id)
        if installed is None:
            raise RuleError(
                f"Bank {sitting.bank_id} is not installed on this kiosk; install its package first."
            )
        version = installed.version
    data = read_installed_package(ctx, sitting.bank_id, version)
    trusted = trusted_keys(ctx)
    # A damaged or untrusted package is not a guess: check it before counting release-code tries.
    verify_package(data, trusted)
    limit = guesses.release_code_limit()
    guesses.ensure_allowed(ctx, limit)
    try:
        bank = open_bank_package(data, trusted, release_code)
    except SecurityError as error:
        left = guesses.record_failure(ctx, limit)
        raise SecurityError(f"{error} {guesses.tries_left_phrase(left, limit)}") from error
    guesses.record_success(ctx, limit)
    if bank.bank_id != sitting.bank_id:
        raise RuleError(
            f"The installed package holds bank {bank.bank_id}, but sitting {sitting.id} is for "
            f"{sitting.bank_id}."
        )
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        sitting_rows.mark_opened(session, sitting.id, SittingState.OPEN.value, bank.version, now)
        audit.add_event(
            session,
            "sitting_opened",
            now,
            sitting_id=sitting.id,
            detail={"by": invigilator, "version": version},
        )
    return OpenSitting(
        sitting_id=sitting.id,
        name=sitting.name,
        scheduled_on=sitting.scheduled_on,
        bank=bank,
        show_score=sitting.show_score,
        opened_by=invigilator,
    )


def describe_bank(bank: Bank) -> str:
    """E.g. 'Energy Storage Maintenance grade II' for messages."""
    # Not Certificate.title: on a StrEnum that name resolves to str.title.
    certificate = f"Energy Storage {bank.certificate.value.capitalize()}"
    return f"{certificate} grade {GRADE_NAMES.get(bank.grade, str(bank.grade))}"


def close_sitting(ctx: KioskContext, open_sitting: OpenSitting, pin: str) -> ClosedSitting:
    """End a sitting: paused and interrupted attempts are submitted with their saved answers.

    Refused while a candidate is still running; attempts never started are left as they are and can no
    longer be started.
    """
    invigilator = check_pin(ctx, pin)
    sitting_id = open_sitting.sitting_id
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        running = attempts.attempts_in_states(session, [AttemptState.RUNNING.value], sitting_id)
        if running:
            names = ", ".join(record.id for record in running)
            raise RuleError(
                f"Attempts {names} are still running; the candidates must submit (or be paused) before the "
                "sitting can close."
            )
        to_submit = attempts.attempts_in_states(
            session, [AttemptState.PAUSED.value, AttemptState.INTERRUPTED.value], sitting_id
        )
        for record in to_submit:
            state = transition(AttemptState(record.state), AttemptAction.SUBMIT)
            answers, _ = stored_responses(attempts.responses(session, record.id))
            finish(
                session,
                attempt_id=record.id,
                journal_head=record.journal_head,
                bank=open_sitting.bank,
                form=load_form(record.form_json),
                answers=answers,
                state=state,
                consumed_seconds=record.consumed_seconds,
                now=now,
                reason="sitting_closed",
            )
        never = attempts.attempts_in_states(session, [AttemptState.READY.value], sitting_id)
        sitting_rows.mark_closed(session, sitting_id, SittingState.CLOSED.value, now)
        audit.add_event(
            session,
            "sitting_closed",
            now,
            sitting_id=sitting_id,
            detail={"by": invigilator, "submitted": [record.id for record in to_submit]},
        )
        closed = sitting_rows.get_sitting(session, sitting_id)
    assert closed is not None
    return ClosedSitting(
        _info(closed), tuple(item.id for item in to_submit), tuple(item.id for item in never)
    )
