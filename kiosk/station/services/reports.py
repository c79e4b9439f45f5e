"""Reports a centre prints from its kiosk, without a network: the invigilation pack and the sitting report.

Access codes are kept only hashed, so the pack issues every candidate entered for its sitting a fresh code
for that sitting; printing a new pack for the same sitting makes the codes of any earlier copy stop working
(the pack says so), while packs of other sittings keep theirs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from kiosk.domain.errors import RuleError
from kiosk.domain.items import certificate_name
from kiosk.station.reports.pack import PackCandidate, PackData, render_pack
from kiosk.station.reports.sitting_report import (
    ABSENT,
    LOGIN_FAILURES,
    NOT_STARTED,
    AttendanceLine,
    Evidence,
    EvidenceLine,
    IncidentLine,
    SittingReportData,
    render_sitting_report,
)
from kiosk.station.services.context import KioskContext
from kiosk.station.services.kiosk_setup import require_kiosk
from kiosk.station.services.roster import Progress, fresh_codes, store_sitting_codes
from kiosk.station.services.sittings import SittingInfo, get_sitting
from kiosk.station.storage.records import BankRecord, CandidateRecord, EventRecord
from kiosk.station.storage.repositories import attempts, audit, banks, people
from kiosk.station.storage.repositories import sittings as sitting_rows
from kiosk.support.files import PRIVATE, write_file


@dataclass(frozen=True, slots=True)
class PrintedPack:
    """Where the pack was written and how many candidates got a fresh access code."""

    path: Path
    sitting: SittingInfo
    candidates: int


def local_zone() -> tzinfo:
    """This PC's time zone, in which centre staff read times."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None  # astimezone() always attaches a zone
    return zone


def _bank(ctx: KioskContext, sitting: SittingInfo) -> BankRecord:
    with ctx.store.session() as session:
        version = sitting.bank_version or banks.latest_version(session, sitting.bank_id)
        record = None if version is None else banks.get_bank(session, sitting.bank_id, version)
    if record is None:
        raise RuleError("sitting.bank_not_installed", bank=sitting.bank_id, sitting=sitting.id)
    return record


def _entered(ctx: KioskContext, bank: BankRecord) -> list[CandidateRecord]:
    """Candidates on the roster for the sitting's certificate and grade, by candidate number."""
    with ctx.store.session() as session:
        everyone = people.list_candidates(session)
    chosen = [c for c in everyone if c.certificate == bank.certificate and c.grade == bank.grade]
    return sorted(chosen, key=lambda candidate: candidate.candidate_number)


def _duration(bank: BankRecord) -> int | None:
    try:
        value = json.loads(bank.header_json).get("duration_minutes")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def print_pack(
    ctx: KioskContext,
    sitting_id: int,
    out: Path,
    zone: tzinfo | None = None,
    progress: Progress | None = None,
) -> PrintedPack:
    """Issue fresh access codes for this sitting to every candidate entered for it and write the
    invigilation pack. The codes open this sitting only; the candidates' codes for other sittings stay.

    ``progress`` is told as the fresh codes are hashed (the slow part, shared between processes).
    """
    sitting = get_sitting(ctx, sitting_id)
    kiosk = require_kiosk(ctx)
    bank = _bank(ctx, sitting)
    entered = _entered(ctx, bank)
    # The fresh codes replace the old ones only once the pack holding them is written, so a refused or
    # failed pack leaves the old codes working.
    fresh = fresh_codes(ctx, entered, progress)
    candidates = tuple(
        PackCandidate(
            candidate.candidate_number,
            candidate.full_name,
            candidate.name_zh,
            candidate.extra_time_factor,
            code.access_code,
        )
        for candidate, code in zip(entered, fresh, strict=True)
    )
    now = ctx.clock.wall()
    data = PackData(
        centre=kiosk.centre_name,
        kiosk=kiosk.kiosk_name,
        sitting_id=str(sitting.id),
        sitting=sitting.name,
        sitting_date=sitting.scheduled_on,
        certificate=certificate_name(bank.certificate),
        grade=bank.grade,
        bank_id=f"{bank.bank_id} v{bank.version}",
        duration_minutes=_duration(bank),
        printed_at=now,
        candidates=candidates,
        zone=zone or local_zone(),
    )
    # Private: the pack lists every candidate's fresh access code.
    write_file(out, render_pack(data), PRIVATE)
    try:
        with ctx.store.transaction() as session:
            store_sitting_codes(session, sitting.id, fresh, now)
            audit.add_event(
                session,
                "invigilation_pack_printed",
                now,
                sitting_id=sitting.id,
                detail={"candidates": len(candidates)},
            )
    except BaseException:
        # The codes in the file were never stored, so they would not work: the pack must not be used.
        out.unlink(missing_ok=True)
        raise
    return PrintedPack(out, sitting, len(candidates))


def sitting_report_data(ctx: KioskContext, sitting_id: int, zone: tzinfo | None = None) -> SittingReportData:
    """Attendance, times and incidents of a sitting, from this kiosk's store."""
    sitting = get_sitting(ctx, sitting_id)
    kiosk = require_kiosk(ctx)
    bank = _bank(ctx, sitting)
    entered = _entered(ctx, bank)
    with ctx.store.session() as session:
        record = sitting_rows.get_sitting(session, sitting_id)
        held = attempts.list_attempts(session, sitting_id)
        incidents = audit.incidents(session, sitting_id=sitting_id)
        events = audit.sitting_events(session, sitting_id, [attempt.id for attempt in held])
        everyone = {candidate.id: candidate for candidate in people.list_candidates(session)}
    by_candidate = {attempt.candidate_id: attempt for attempt in held}
    # Anyone who sat the sitting belongs in the register, even if their entry has changed since.
    listed = {candidate.id for candidate in entered}
    sat_not_entered = [
        everyone[a.candidate_id] for a in held if a.candidate_id not in listed and a.candidate_id in everyone
    ]
    numbers = {
        attempt.id: everyone[attempt.candidate_id].candidate_number
        for attempt in held
        if attempt.candidate_id in everyone
    }
    evidence = tuple(line for event in events if (line := _evidence(event, numbers)) is not None)
    lines = []
    for candidate in [*entered, *sat_not_entered]:
        attempt = by_candidate.get(candidate.id)
        if attempt is None:
            lines.append(_not_started(candidate, evidence))
            continue
        lines.append(
            AttendanceLine(
                candidate.candidate_number,
                candidate.full_name,
                candidate.name_zh,
                attempt.state,
                attempt.started_at,
                attempt.finished_at,
                attempt.consumed_seconds if attempt.started_at else None,
                attempt.allowed_seconds + attempt.granted_seconds,
            )
        )
    incident_lines = tuple(
        IncidentLine(
            incident.started_at,
            numbers.get(incident.attempt_id or "", ""),
            incident.category,
            incident.description,
            incident.duration_seconds,
            incident.recorded_by,
        )
        for incident in incidents
    )
    return SittingReportData(
        centre=kiosk.centre_name,
        kiosk=kiosk.kiosk_name,
        sitting_id=str(sitting.id),
        sitting=sitting.name,
        sitting_date=sitting.scheduled_on,
        certificate=certificate_name(bank.certificate),
        grade=bank.grade,
        bank=f"{bank.bank_id} v{bank.version}",
        state=sitting.state.value,
        opened_at=record.opened_at if record else None,
        closed_at=record.closed_at if record else None,
        attendance=tuple(lines),
        incidents=incident_lines,
        generated_at=ctx.clock.wall(),
        zone=zone or local_zone(),
        evidence=evidence,
    )


_LOGIN_REASONS = {
    "wrong_code": Evidence.LOGIN_WRONG_CODE,
    "unknown_number": Evidence.LOGIN_UNKNOWN_NUMBER,
    "locked": Evidence.LOGIN_REFUSED_LOCKED,
    "kiosk_locked": Evidence.LOGIN_REFUSED_KIOSK_LOCKED,
    "other_exam": Evidence.LOGIN_OTHER_EXAM,
}
# Events shown as they are; rest breaks, the invigilator menu, PIN lockouts and resumes after an outage are
# incidents of their own, so their events are not repeated.
_PLAIN = {
    "logged_in_again": Evidence.LOGGED_IN_AGAIN,
    "paused": Evidence.PAUSED,
    "resumed": Evidence.RESUMED,
    "interrupted": Evidence.INTERRUPTED,
}


def _evidence(event: EventRecord, numbers: dict[str, str]) -> EvidenceLine | None:
    """The report line for an audit event, or None for events the report does not list."""
    try:
        detail = json.loads(event.detail_json)
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    candidate = numbers.get(event.attempt_id or "", "")
    by = str(detail.get("by", ""))
    if event.kind == "login_failed":
        kind = _LOGIN_REASONS.get(str(detail.get("reason")), Evidence.LOGIN_WRONG_CODE)
        if detail.get("locked") is True:
            kind = Evidence.LOGIN_LOCKED_OUT
        return EvidenceLine(event.wall_at, str(detail.get("candidate", "")), kind)
    if event.kind == "release_code_wrong":
        locked = detail.get("locked") is True
        kind = Evidence.UNLOCK_LOCKED_OUT if locked else Evidence.UNLOCK_WRONG_RELEASE_CODE
        return EvidenceLine(event.wall_at, "", kind, by)
    if event.kind == "time_granted":
        amount = detail.get("minutes")
        granted = float(amount) if isinstance(amount, int | float) and not isinstance(amount, bool) else None
        return EvidenceLine(
            event.wall_at, candidate, Evidence.EXTRA_TIME, by, granted, str(detail.get("reason", ""))
        )
    plain = _PLAIN.get(event.kind)
    return None if plain is None else EvidenceLine(event.wall_at, candidate, plain, by)


def _not_started(candidate: CandidateRecord, evidence: tuple[EvidenceLine, ...]) -> AttendanceLine:
    """The line of a candidate without an attempt: absent, or refused at log-in (when and why)."""
    tries = [
        line
        for line in evidence
        if line.kind in LOGIN_FAILURES and line.candidate == candidate.candidate_number
    ]
    if not tries:
        return AttendanceLine(candidate.candidate_number, candidate.full_name, candidate.name_zh, ABSENT)
    locks = [
        line.at
        for line in tries
        if line.kind
        not in (Evidence.LOGIN_WRONG_CODE, Evidence.LOGIN_UNKNOWN_NUMBER, Evidence.LOGIN_OTHER_EXAM)
    ]
    return AttendanceLine(
        candidate.candidate_number,
        candidate.full_name,
        candidate.name_zh,
        NOT_STARTED,
        failed_logins=len(tries),
        last_failed_login_at=max(line.at for line in tries),
        locked_out_at=min(locks, default=None),
    )


def write_sitting_report(ctx: KioskContext, sitting_id: int, out: Path, zone: tzinfo | None = None) -> Path:
    """Write the sitting report PDF to ``out``."""
    # Private: the report names the candidates and what happened to each of them.
    write_file(out, render_sitting_report(sitting_report_data(ctx, sitting_id, zone)), PRIVATE)
    return out
