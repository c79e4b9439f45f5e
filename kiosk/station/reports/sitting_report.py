"""The sitting report: who sat, when each started and finished, the time each used, incidents and outages,
and the evidence an appeal needs: refused log-ins and lockouts, pauses and extra time with who and why."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kiosk.domain.items import certificate_name
from kiosk.support.paper.details import details_table
from kiosk.support.paper.fonts import name_with_chinese
from kiosk.support.paper.page import H1, H2, SMALL, PageHeader, build_pdf, content_width, grid_table, para
from kiosk.support.paper.wording import clock_time, day, minutes, zone_name

ABSENT = "absent"
NOT_STARTED = "did not start"
"""The state of a candidate with no attempt who tried to log in and was refused."""
FINISHED = ("submitted", "expired")
OUTAGE = "power_outage"


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """One candidate entered for the sitting: ``state`` is the attempt's state, or "absent" without one."""

    number: str
    name: str
    name_zh: str | None
    state: str
    started_at: datetime | None = None
    finished_at: datetime | None = None
    consumed_seconds: float | None = None
    allowed_seconds: float | None = None
    """Time allowed including extra-time factor and invigilator grants."""
    failed_logins: int = 0
    """Refused log-ins with this candidate number during the sitting."""
    last_failed_login_at: datetime | None = None
    locked_out_at: datetime | None = None
    """When log-ins with this number (or on this kiosk) were first found locked out, if they were."""


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """An incident: ``candidate`` is the candidate number, or blank for one that concerned the whole room."""

    started_at: datetime | None
    candidate: str
    category: str
    description: str
    duration_seconds: float | None
    recorded_by: str


class Evidence(enum.StrEnum):
    """Kinds of :class:`EvidenceLine`."""

    LOGIN_WRONG_CODE = "login_wrong_code"
    LOGIN_UNKNOWN_NUMBER = "login_unknown_number"
    LOGIN_LOCKED_OUT = "login_locked_out"
    """The wrong access code that locked the number out."""
    LOGIN_REFUSED_LOCKED = "login_refused_locked"
    """A log-in refused because the number was locked out."""
    LOGIN_REFUSED_KIOSK_LOCKED = "login_refused_kiosk_locked"
    """A log-in refused because log-ins on this kiosk were locked out."""
    UNLOCK_WRONG_RELEASE_CODE = "unlock_wrong_release_code"
    """A wrong release code typed when unlocking the sitting (``by`` names the invigilator)."""
    UNLOCK_LOCKED_OUT = "unlock_locked_out"
    """The wrong release code that locked release codes out on this kiosk."""
    LOGIN_OTHER_EXAM = "login_other_exam"
    """A right code, refused because the candidate is entered for another certificate or grade."""
    LOGGED_IN_AGAIN = "logged_in_again"
    PAUSED = "paused"
    RESUMED = "resumed"
    EXTRA_TIME = "extra_time"
    INTERRUPTED = "interrupted"


LOGIN_FAILURES = frozenset(
    {
        Evidence.LOGIN_WRONG_CODE,
        Evidence.LOGIN_UNKNOWN_NUMBER,
        Evidence.LOGIN_LOCKED_OUT,
        Evidence.LOGIN_REFUSED_LOCKED,
        Evidence.LOGIN_REFUSED_KIOSK_LOCKED,
        Evidence.LOGIN_OTHER_EXAM,
    }
)


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    """Something done at the kiosk during the sitting that is not an incident: ``kind`` is one of
    :class:`Evidence`; ``by`` names the invigilator who did it (blank for the candidate or the kiosk)."""

    at: datetime
    candidate: str
    kind: Evidence
    by: str = ""
    minutes: float | None = None
    """Extra time granted."""
    reason: str = ""
    """Why extra time was granted."""


@dataclass(frozen=True, slots=True)
class SittingReportData:
    centre: str
    kiosk: str
    sitting_id: str
    sitting: str
    sitting_date: date
    certificate: str
    grade: int
    bank: str
    state: str
    opened_at: datetime | None
    closed_at: datetime | None
    attendance: tuple[AttendanceLine, ...]
    incidents: tuple[IncidentLine, ...]
    generated_at: datetime
    zone: tzinfo = UTC
    evidence: tuple[EvidenceLine, ...] = ()

    @property
    def header(self) -> PageHeader:
        return PageHeader(
            "Sitting report",
            certificate_name(self.certificate, self.grade),
            self.centre,
            f"Sitting {self.sitting_id}: {self.sitting}, {day(self.sitting_date)}",
        )

    @property
    def outages(self) -> tuple[IncidentLine, ...]:
        return tuple(incident for incident in self.incidents if incident.category == OUTAGE)


def summary_pairs(data: SittingReportData) -> list[tuple[str, str]]:
    """The sitting's counts: entered, attended, refused at log-in, absent, finished, not finished, incidents,
    refused log-ins, extra time and outage time."""
    lines = data.attendance
    attended = [line for line in lines if line.state not in (ABSENT, NOT_STARTED)]
    refused = [line for line in lines if line.state == NOT_STARTED]
    finished = [line for line in attended if line.state in FINISHED]
    outage_total = sum(incident.duration_seconds or 0.0 for incident in data.outages)
    grants = [line for line in data.evidence if line.kind == Evidence.EXTRA_TIME]
    granted = sum(line.minutes or 0.0 for line in grants) * 60.0
    return [
        ("Entered", str(len(lines))),
        ("Attended", str(len(attended))),
        ("Did not start", str(len(refused))),
        ("Absent", str(len(lines) - len(attended) - len(refused))),
        (
            "Finished",
            f"{len(finished)} ({sum(line.state == 'expired' for line in finished)} when time ran out)",
        ),
        ("Not finished", str(len(attended) - len(finished))),
        ("Incidents", str(len(data.incidents))),
        ("Refused log-ins", str(sum(line.kind in LOGIN_FAILURES for line in data.evidence))),
        ("Extra time granted", f"{len(grants)}, {minutes(granted) or '0:00'} in all"),
        ("Power outages", f"{len(data.outages)}, {minutes(outage_total) or '0:00'} in all (not charged)"),
    ]


def _when(moment: datetime | None, data: SittingReportData) -> str:
    return clock_time(moment, data.zone)


def state_text(line: AttendanceLine, data: SittingReportData) -> str:
    """The attendance state in words; a candidate refused at log-in says when and why, never "absent"."""
    if line.state != NOT_STARTED:
        return line.state
    if line.locked_out_at is not None:
        return f"did not start: locked out at log-in {_when(line.locked_out_at, data)}"
    tries = "1 failed log-in" if line.failed_logins == 1 else f"{line.failed_logins} failed log-ins"
    return f"did not start: {tries}, last {_when(line.last_failed_login_at, data)}"


def evidence_text(line: EvidenceLine) -> str:
    """What an evidence line records, as one sentence."""
    match line.kind:
        case Evidence.LOGIN_WRONG_CODE:
            return "Log-in refused: wrong access code."
        case Evidence.LOGIN_UNKNOWN_NUMBER:
            return "Log-in refused: this candidate number is not on the roster."
        case Evidence.LOGIN_LOCKED_OUT:
            return "Log-in refused: wrong access code; this number is now locked out of log-in."
        case Evidence.LOGIN_REFUSED_LOCKED:
            return "Log-in refused: this number was locked out after too many wrong access codes."
        case Evidence.LOGIN_REFUSED_KIOSK_LOCKED:
            return "Log-in refused: log-ins on this kiosk were locked out after too many failures."
        case Evidence.UNLOCK_WRONG_RELEASE_CODE:
            return "Unlocking refused: wrong release code."
        case Evidence.UNLOCK_LOCKED_OUT:
            return "Unlocking refused: wrong release code; release codes are now locked out on this kiosk."
        case Evidence.LOGIN_OTHER_EXAM:
            return "Log-in refused: this candidate is entered for another certificate or grade."
        case Evidence.LOGGED_IN_AGAIN:
            return "Logged in again to the same attempt."
        case Evidence.PAUSED:
            return "Exam paused by the invigilator; the clock stopped."
        case Evidence.RESUMED:
            return "Exam resumed by the invigilator; the clock runs again."
        case Evidence.EXTRA_TIME:
            amount = f"{line.minutes:g} min" if line.minutes is not None else "Extra time"
            return f"Extra time granted: {amount}. Reason: {line.reason or 'none given'}"
        case Evidence.INTERRUPTED:
            return "The kiosk stopped during the exam; the attempt waited for an invigilator to resume it."


def sitting_story(data: SittingReportData) -> list[Flowable]:
    width = content_width()
    zone = zone_name(data.zone, data.generated_at)
    pairs = [
        ("Sitting", f"{data.sitting} (no. {data.sitting_id})"),
        ("Date", day(data.sitting_date)),
        ("Certificate", certificate_name(data.certificate, data.grade)),
        ("Question bank", data.bank),
        ("Centre", data.centre),
        ("Kiosk", data.kiosk),
        ("State", data.state),
        ("Opened / closed", f"{_when(data.opened_at, data) or '-'} / {_when(data.closed_at, data) or '-'}"),
        ("Report made", f"{day(data.generated_at)} {_when(data.generated_at, data)}"),
        ("Times shown in", zone),
    ]
    attendance = [
        [
            str(number),
            line.number,
            name_with_chinese(line.name, line.name_zh),
            state_text(line, data),
            _when(line.started_at, data),
            _when(line.finished_at, data),
            minutes(line.consumed_seconds),
            minutes(line.allowed_seconds),
        ]
        for number, line in enumerate(data.attendance, start=1)
    ]
    incidents = [
        [
            _when(incident.started_at, data),
            incident.candidate or "whole room",
            incident.category.replace("_", " "),
            incident.description,
            minutes(incident.duration_seconds),
            incident.recorded_by,
        ]
        for incident in data.incidents
    ]
    evidence = [
        [
            _when(line.at, data),
            line.candidate or "whole room",
            evidence_text(line),
            line.by or ("kiosk" if line.kind == Evidence.INTERRUPTED else "candidate"),
        ]
        for line in sorted(data.evidence, key=lambda line: line.at)
    ]
    outages = [
        [
            _when(incident.started_at, data),
            incident.candidate or "whole room",
            minutes(incident.duration_seconds),
            incident.description,
        ]
        for incident in data.outages
    ]
    story: list[Flowable] = [
        para("Sitting report", H1, bold=True),
        details_table(pairs, width),
        para("Summary", H2, bold=True),
        details_table(summary_pairs(data), width),
        para("Attendance and time", H2, bold=True),
        para(
            "Time used is exam time actually run (pauses and outages are not counted); time allowed "
            "includes any "
            "extra-time factor and grants.",
            SMALL,
        ),
        Spacer(1, 1.5 * mm),
    ]
    if attendance:
        story.append(
            grid_table(
                ["#", "Candidate", "Name", "State", "Started", "Finished", "Time used", "Allowed"],
                attendance,
                [w * width for w in (0.05, 0.13, 0.3, 0.12, 0.1, 0.1, 0.1, 0.1)],
                align_right=(6, 7),
            )
        )
    else:
        story.append(para("No candidates are entered for this sitting."))
    story.append(para("Incidents", H2, bold=True))
    if incidents:
        story.append(
            grid_table(
                ["Time", "Candidate", "Category", "What happened", "Length", "Recorded by"],
                incidents,
                [w * width for w in (0.08, 0.13, 0.13, 0.44, 0.09, 0.13)],
            )
        )
    else:
        story.append(para("No incidents were recorded."))
    story.append(para("Log-ins, pauses and extra time", H2, bold=True))
    if evidence:
        story.append(
            grid_table(
                ["Time", "Candidate", "What happened", "By"],
                evidence,
                [w * width for w in (0.08, 0.13, 0.6, 0.19)],
            )
        )
        story.append(
            para(
                "Rest breaks, the invigilator menu and PIN lockouts are listed with the incidents, with "
                "their lengths.",
                SMALL,
            )
        )
    else:
        story.append(para("No refused log-ins, pauses or extra time were recorded."))
    story.append(para("Power outages", H2, bold=True))
    if outages:
        story.append(
            grid_table(
                ["Began", "Candidate", "Length", "Note"], outages, [w * width for w in (0.1, 0.15, 0.1, 0.65)]
            )
        )
        story.append(
            para("Outage lengths are estimates: the time between the last checkpoint and the resume.", SMALL)
        )
    else:
        story.append(para("No power outages were recorded."))
    return story


def render_sitting_report(data: SittingReportData) -> bytes:
    """The sitting report as an A4 PDF."""
    return build_pdf(sitting_story(data), data.header)
