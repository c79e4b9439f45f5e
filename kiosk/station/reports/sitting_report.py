"""The sitting report: who sat, when each started and finished, the time each used, incidents and outages."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """An incident: ``candidate`` is the candidate number, or blank for one that concerned the whole room."""

    started_at: datetime | None
    candidate: str
    category: str
    description: str
    duration_seconds: float | None
    recorded_by: str


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
    """The sitting's counts: entered, attended, absent, finished, not finished, incidents and outage time."""
    lines = data.attendance
    attended = [line for line in lines if line.state != ABSENT]
    finished = [line for line in attended if line.state in FINISHED]
    outage_total = sum(incident.duration_seconds or 0.0 for incident in data.outages)
    return [
        ("Entered", str(len(lines))),
        ("Attended", str(len(attended))),
        ("Absent", str(len(lines) - len(attended))),
        (
            "Finished",
            f"{len(finished)} ({sum(line.state == 'expired' for line in finished)} when time ran out)",
        ),
        ("Not finished", str(len(attended) - len(finished))),
        ("Incidents", str(len(data.incidents))),
        ("Power outages", f"{len(data.outages)}, {minutes(outage_total) or '0:00'} in all (not charged)"),
    ]


def _when(moment: datetime | None, data: SittingReportData) -> str:
    return clock_time(moment, data.zone)


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
            line.state,
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
