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
from kiosk.domain.items import Bank
from kiosk.formats.bank_packages import open_bank_package
from kiosk.formats.packages import verify_package
from kiosk.station.services import guesses, labcheck
from kiosk.station.services.bank_install import latest_installed, read_installed_package, trusted_keys
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import check_pin
from kiosk.station.services.submission import finish, load_form, stored_responses
from kiosk.station.storage.records import SittingRecord
from kiosk.station.storage.repositories import attempts, audit
from kiosk.station.storage.repositories import sittings as sitting_rows

MAX_NAME_LENGTH = 200
WRONG_RELEASE_CODE = guesses.WrongGuess(
    "sitting.release_code_wrong",
    "sitting.release_code_wrong_last_try",
    "sitting.release_code_wrong_now_locked",
)


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
        raise InputError("sitting.name_empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError("sitting.name_too_long", max_length=MAX_NAME_LENGTH)
    if latest_installed(ctx, bank_id) is None:
        raise RuleError("sitting.bank_not_installed", bank=bank_id)
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
        raise InputError("sitting.unknown", sitting=sitting_id)
    return _info(record)


def open_sitting(ctx: KioskContext, sitting_id: int, pin: str, release_code: str) -> OpenSitting:
    """Unlock a sitting with an invigilator PIN and the exam-day release code.

    Opening an already open sitting again (e.g. after a restart) is allowed and uses the same bank
    version. Wrong PINs and wrong release codes are rate-limited.
    """
    invigilator = check_pin(ctx, pin, sitting_id=sitting_id)
    sitting = get_sitting(ctx, sitting_id)
    if sitting.state is SittingState.CLOSED:
        raise RuleError("sitting.closed", sitting=sitting.id, name=sitting.name)
    labcheck.require_ready(ctx, sitting.id)
    version = sitting.bank_version
    if version is None:
        installed = latest_installed(ctx, sitting.bank_id)
        if installed is None:
            raise RuleError("sitting.bank_not_installed", bank=sitting.bank_id, sitting=sitting.id)
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
        # The package itself checked out above, so what failed is the code typed (the refusal's own
        # code goes along as ``reason``).
        wrong = guesses.wrong_guess(ctx, WRONG_RELEASE_CODE, limit, reason=error.code)
        with ctx.store.transaction() as session:
            # Evidence for the sitting report: who tried to unlock, and whether this try locked codes out.
            audit.add_event(
                session,
                "release_code_wrong",
                ctx.clock.wall(),
                sitting_id=sitting.id,
                detail={"by": invigilator, "locked": wrong.code == WRONG_RELEASE_CODE.now_locked},
            )
        raise wrong from error
    guesses.record_success(ctx, limit)
    if bank.bank_id != sitting.bank_id:
        raise RuleError(
            "sitting.package_of_other_bank",
            bank=bank.bank_id,
            sitting=sitting.id,
            sitting_bank=sitting.bank_id,
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


def close_sitting(ctx: KioskContext, open_sitting: OpenSitting, pin: str) -> ClosedSitting:
    """End a sitting: paused and interrupted attempts are submitted with their saved answers.

    Refused while a candidate is still running; attempts never started are left as they are and can no
    longer be started.
    """
    sitting_id = open_sitting.sitting_id
    invigilator = check_pin(ctx, pin, sitting_id=sitting_id)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        running = attempts.attempts_in_states(session, [AttemptState.RUNNING.value], sitting_id)
        if running:
            raise RuleError("sitting.attempts_running", attempts=", ".join(record.id for record in running))
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
