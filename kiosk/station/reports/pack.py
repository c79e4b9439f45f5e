"""The invigilation pack for one sitting: cover, instructions, attendance register, incident log form and one
admission slip per candidate with the access code.

Access codes are kept only hashed, so the codes printed here are fresh ones issued when the pack was made;
the pack says so, because printing it again makes every earlier copy useless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from kiosk.domain.items import certificate_name
from kiosk.support.paper.charts import new_drawing
from kiosk.support.paper.details import details_table
from kiosk.support.paper.fonts import MONO_BOLD, REGULAR, name_with_chinese, register_fonts
from kiosk.support.paper.page import (
    BODY,
    CELL,
    H1,
    H2,
    H3,
    LAYOUT_FONT,
    SMALL,
    PageHeader,
    build_pdf,
    content_width,
    grid_table,
    para,
)
from kiosk.support.paper.wording import clock_time, day, grade_label, zone_name

SLIPS_PER_PAGE = 4
INCIDENT_ROWS = 14
CODE_STYLE = BODY.clone("access-code", fontName=MONO_BOLD, fontSize=22, leading=26)

REPRINT_WARNING = (
    "Printing a new pack for this sitting issues new access codes: the codes in any earlier copy of this "
    "pack "
    "no longer work. Access codes are stored only in scrambled (hashed) form, so they cannot be printed "
    "again."
)


@dataclass(frozen=True, slots=True)
class PackCandidate:
    """A candidate entered for the sitting, with the access code issued for this pack."""

    number: str
    name: str
    name_zh: str | None
    extra_time_factor: float
    access_code: str

    @property
    def extra_time(self) -> str:
        """E.g. "+25%"; blank when the candidate has no extra time."""
        return "" if self.extra_time_factor <= 1.0 else f"+{round((self.extra_time_factor - 1) * 100)}%"


@dataclass(frozen=True, slots=True)
class PackData:
    """Everything the invigilation pack prints."""

    centre: str
    kiosk: str
    sitting_id: str
    sitting: str
    sitting_date: date
    certificate: str
    grade: int
    bank_id: str
    duration_minutes: int | None
    printed_at: datetime
    candidates: tuple[PackCandidate, ...]
    zone: tzinfo = UTC

    @property
    def header(self) -> PageHeader:
        return PageHeader(
            "Invigilation pack - CONFIDENTIAL",
            certificate_name(self.certificate, self.grade),
            self.centre,
            f"Sitting {self.sitting_id}: {self.sitting}, {day(self.sitting_date)}",
        )


INSTRUCTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Before candidates arrive",
        (
            "Check every exam PC is on, shows the kiosk, and is plugged into a protected socket where there "
            "is one.",
            "Keep this pack locked away until the sitting starts. Each candidate receives only their own "
            "admission slip, cut along the dashed line.",
        ),
    ),
    (
        "Unlock the sitting on each PC",
        (
            "Choose the sitting on the invigilator screen and type your invigilator PIN.",
            "Type the release code the awarding body announces on the day (it is never printed in this "
            "pack). "
            "Dashes and spaces do not matter. After five wrong PINs the kiosk makes you wait before trying "
            "again.",
        ),
    ),
    (
        "Candidates log in",
        (
            "Each candidate types their candidate number and the access code on their slip; check their "
            "identity against the attendance register and have them sign it.",
            "Extra time shown in the register is applied automatically; do not add it again.",
        ),
    ),
    (
        "Pause and extra time",
        (
            "To pause a candidate (illness, a problem with the PC), use Pause with your PIN: their clock "
            "stops. "
            "Resume with your PIN.",
            "To grant extra time, use Extra time with your PIN and give the minutes and the reason.",
        ),
    ),
    (
        "Incidents",
        (
            "Record every incident on the kiosk (Incident, with your PIN) and on the incident log form in "
            "this "
            "pack: the time, the candidate or PC, what happened and what you did.",
        ),
    ),
    (
        "After a power cut or crash",
        (
            "Every answer the candidate saw as saved is kept. When the PC is back, it shows the attempt as "
            "interrupted: check the candidate is present and authorise the resume with your PIN.",
            "The time the PC was off is not charged to the candidate; the kiosk records the outage and its "
            "length.",
        ),
    ),
    (
        "End of the sitting",
        (
            "Candidates submit and receive a submission code on screen. When the time is up the kiosk "
            "submits "
            "automatically.",
            "End the sitting with your PIN, collect unused slips and destroy them, and file the signed "
            "register "
            "and incident log with the centre administrator.",
        ),
    ),
)


def _cover(data: PackData, width: float) -> list[Flowable]:
    pairs = [
        ("Sitting", f"{data.sitting} (no. {data.sitting_id})"),
        ("Date", day(data.sitting_date)),
        ("Certificate", data.certificate),
        ("Grade", grade_label(data.grade)),
        ("Centre", data.centre),
        ("Kiosk", data.kiosk),
        ("Question bank", data.bank_id),
        ("Duration", f"{data.duration_minutes} minutes" if data.duration_minutes else "as set in the bank"),
        ("Candidates", str(len(data.candidates))),
        (
            "Printed",
            f"{day(data.printed_at)} {clock_time(data.printed_at, data.zone)} "
            f"{zone_name(data.zone, data.printed_at)}",
        ),
    ]
    warning = Table(
        [
            [
                [
                    para("Confidential: this pack holds every candidate's access code", H3, bold=True),
                    para(REPRINT_WARNING),
                ]
            ]
        ],
        colWidths=[width],
    )
    warning.setStyle(
        TableStyle(
            [
                LAYOUT_FONT,
                ("BOX", (0, 0), (-1, -1), 2, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    contents = [
        "1. Invigilator instructions",
        "2. Attendance register",
        "3. Incident log form",
        f"4. Admission slips ({len(data.candidates)}, {SLIPS_PER_PAGE} to a page; cut along the dashed "
        "lines)",
    ]
    return [
        para("Invigilation pack", H1, bold=True),
        para(f"{certificate_name(data.certificate, data.grade)} - {data.sitting}", H2, bold=True),
        details_table(pairs, width),
        Spacer(1, 5 * mm),
        warning,
        Spacer(1, 5 * mm),
        para("Contents", H3, bold=True),
        *(para(line) for line in contents),
    ]


def _instructions() -> list[Flowable]:
    story: list[Flowable] = [para("1. Invigilator instructions", H2, bold=True)]
    for number, (title, steps) in enumerate(INSTRUCTIONS, start=1):
        block: list[Flowable] = [para(f"1.{number} {title}", H3, bold=True)]
        block.extend(para(f"- {step}") for step in steps)
        story.append(KeepTogether(block))
    return story


def _register(data: PackData, width: float) -> list[Flowable]:
    rows = [
        [
            str(number),
            candidate.number,
            name_with_chinese(candidate.name, candidate.name_zh),
            candidate.extra_time,
            "",
            "",
            "",
        ]
        for number, candidate in enumerate(data.candidates, start=1)
    ]
    return [
        para("2. Attendance register", H2, bold=True),
        para(
            f"{data.sitting}, {day(data.sitting_date)}. Tick Present, write the arrival time, and have the "
            "candidate "
            "sign. Write ABSENT across the row of a candidate who does not come.",
            SMALL,
        ),
        Spacer(1, 2 * mm),
        grid_table(
            ["#", "Candidate number", "Name", "Extra time", "Present", "Arrived", "Signature"],
            rows,
            [0.05 * width, 0.15 * width, 0.3 * width, 0.09 * width, 0.08 * width, 0.09 * width, 0.24 * width],
            row_height=9 * mm,
            zebra=False,
        ),
        Spacer(1, 6 * mm),
        para("Invigilator's name: ____________________________   Signature: ____________________", BODY),
    ]


def _incident_form(width: float) -> list[Flowable]:
    rows = [["", "", "", "", "", ""] for _ in range(INCIDENT_ROWS)]
    return [
        para("3. Incident log form", H2, bold=True),
        para(
            "Categories: power outage, illness, technical, misconduct, focus loss, other. Record the same "
            "incident "
            "on the kiosk so it travels with the results.",
            SMALL,
        ),
        Spacer(1, 2 * mm),
        grid_table(
            ["Time", "Candidate / PC", "Category", "What happened and what was done", "Duration", "Initials"],
            rows,
            [0.08 * width, 0.15 * width, 0.13 * width, 0.46 * width, 0.09 * width, 0.09 * width],
            row_height=12 * mm,
            zebra=False,
        ),
    ]


def _admission_slip(data: PackData, candidate: PackCandidate, width: float) -> Table:
    register_fonts()
    details = [
        para(f"Admission slip - {data.sitting}, {day(data.sitting_date)}", H3, bold=True),
        para(name_with_chinese(candidate.name, candidate.name_zh), BODY, bold=True),
        para(f"Candidate number: {candidate.number}", BODY),
        para(f"{certificate_name(data.certificate, data.grade)} - {data.centre}", SMALL),
    ]
    if candidate.extra_time:
        details.append(para(f"Extra time: {candidate.extra_time} (applied automatically)", SMALL))
    code = [
        para("Access code", CELL, bold=True),
        Paragraph(candidate.access_code, CODE_STYLE),
        para("Type it with your candidate number to log in. Keep it secret. Dashes do not matter.", SMALL),
    ]
    table = Table([[details, code]], colWidths=[width * 0.58, width * 0.42], rowHeights=[44 * mm])
    table.setStyle(
        TableStyle(
            [
                LAYOUT_FONT,
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEBEFORE", (1, 0), (1, 0), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _cut_line(width: float) -> Drawing:
    """A dashed line across the page with "cut here" in its middle, between two admission slips."""
    height = 8 * mm
    drawing = new_drawing(width, height)
    drawing.add(
        Line(
            0,
            height / 2,
            width,
            height / 2,
            strokeColor=colors.black,
            strokeWidth=0.6,
            strokeDashArray=[4, 3],
        )
    )
    drawing.add(Rect(width / 2 - 24, height / 2 - 5, 48, 10, fillColor=colors.white, strokeColor=None))
    drawing.add(
        String(width / 2, height / 2 - 2.5, "cut here", fontName=REGULAR, fontSize=7, textAnchor="middle")
    )
    return drawing


def _slips(data: PackData, width: float) -> list[Flowable]:
    story: list[Flowable] = [para("4. Admission slips", H2, bold=True), para(REPRINT_WARNING, SMALL)]
    story.extend(
        KeepTogether([_admission_slip(data, candidate, width), _cut_line(width)])
        for candidate in data.candidates
    )
    if not data.candidates:
        story.append(para("No candidates are entered for this sitting, so there are no slips to hand out."))
    return story


def pack_story(data: PackData) -> list[Flowable]:
    width = content_width()
    return [
        *_cover(data, width),
        PageBreak(),
        *_instructions(),
        PageBreak(),
        *_register(data, width),
        PageBreak(),
        *_incident_form(width),
        PageBreak(),
        *_slips(data, width),
    ]


def render_pack(data: PackData) -> bytes:
    """The invigilation pack as an A4 PDF."""
    return build_pdf(pack_story(data), data.header)
