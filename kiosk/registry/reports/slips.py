"""Result slips: one A4 page per attempt with the mark, the pass decision, marks by competence and area
drawn against the pass rules, and the verification block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kiosk.domain.items import certificate_name
from kiosk.support.paper.charts import Bar, BarKind, result_chart
from kiosk.support.paper.details import details_table
from kiosk.support.paper.fonts import name_with_chinese
from kiosk.support.paper.page import (
    BODY,
    H1,
    H2,
    LAYOUT_FONT,
    SMALL,
    PageHeader,
    build_pdf,
    content_width,
    para,
)
from kiosk.support.paper.verification import verification_block
from kiosk.support.paper.wording import day, grade_label, percent, points


@dataclass(frozen=True, slots=True)
class Score:
    """Points earned out of points possible in one part of the paper."""

    earned: float
    possible: float

    @property
    def percent(self) -> float:
        return 100.0 * self.earned / self.possible if self.possible else 0.0


@dataclass(frozen=True, slots=True)
class CompetenceLine:
    """A competence's marks on one attempt; ``title`` may hold Chinese text."""

    competence_id: str
    title: str
    area: str
    score: Score


@dataclass(frozen=True, slots=True)
class AreaLine:
    """An area's marks (foundational, practical, reflexive) and the minimum it must reach, if any."""

    area: str
    score: Score
    minimum: float | None


@dataclass(frozen=True, slots=True)
class Candidate:
    number: str
    name: str
    name_zh: str | None = None

    @property
    def printed_name(self) -> str:
        return name_with_chinese(self.name, self.name_zh)


@dataclass(frozen=True, slots=True)
class SlipData:
    """Everything a result slip prints; ``token`` is the signed verification record."""

    attempt_id: str
    candidate: Candidate
    certificate: str
    """Display name, e.g. "Energy Storage Maintenance"."""
    grade: int
    sitting: str
    sitting_date: date | str | None
    centre: str
    issued_on: date
    total: Score
    passed: bool
    pass_mark: float
    areas: tuple[AreaLine, ...]
    competences: tuple[CompetenceLine, ...]
    token: str
    check_code: str
    """The short code to type at the registry instead of scanning the QR code."""
    submission_code: str | None = None
    """The code the kiosk showed the candidate on submitting; the slip repeats it so they can compare."""
    bank: str = ""
    """The bank and version the paper was drawn from, e.g. "maintenance-2 v3"."""

    @property
    def failed_areas(self) -> tuple[AreaLine, ...]:
        return tuple(
            area
            for area in self.areas
            if area.minimum is not None and area.score.percent + 1e-9 < area.minimum
        )

    @property
    def header(self) -> PageHeader:
        return PageHeader(
            "Result slip", certificate_name(self.certificate, self.grade), self.centre, self.attempt_id
        )


def _outcome_box(slip: SlipData, width: float) -> Table:
    verdict = "PASS" if slip.passed else "NOT PASSED"
    lines = [
        para(verdict, H1, bold=True),
        para(
            f"Overall mark {percent(slip.total.percent)} ({points(slip.total.earned)} of "
            f"{points(slip.total.possible)} points). Pass mark {percent(slip.pass_mark)}.",
            BODY,
        ),
    ]
    minimums = [area for area in slip.areas if area.minimum is not None]
    if minimums:
        lines.append(
            para(
                "Each area must also reach its minimum: "
                + "; ".join(
                    f"{area.area} {percent(area.score.percent)} of {percent(area.minimum or 0)} needed "
                    f"({'met' if area not in slip.failed_areas else 'NOT MET'})"
                    for area in minimums
                )
                + ".",
                SMALL,
            )
        )
    table = Table([[lines]], colWidths=[width])
    # A pass is boxed with a thick line and a fail with a double line, so the two differ without colour.
    style: list[tuple[object, ...]] = [
        LAYOUT_FONT,
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
    ]
    if slip.passed:
        style.append(("BOX", (0, 0), (-1, -1), 2.2, colors.black))
    else:
        style.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black, None, None, None, 2, 2.5))
    table.setStyle(TableStyle(style))
    return table


def _points(score: Score) -> str:
    return f"{points(score.earned)}/{points(score.possible)}"


def chart_bars(slip: SlipData) -> list[Bar]:
    """The bars of the slip's chart: overall against the pass mark, each area against its minimum, then
    each competence of that area."""
    bars = [Bar("Overall", slip.total.percent, BarKind.OVERALL, slip.pass_mark, _points(slip.total))]

    def competences(lines: list[CompetenceLine]) -> list[Bar]:
        return [
            Bar(
                f"{line.competence_id} {line.title}",
                line.score.percent,
                BarKind.COMPETENCE,
                None,
                _points(line.score),
            )
            for line in lines
        ]

    for area in slip.areas:
        bars.append(
            Bar(
                f"{area.area.capitalize()} (area)",
                area.score.percent,
                BarKind.AREA,
                area.minimum,
                _points(area.score),
            )
        )
        bars.extend(competences([line for line in slip.competences if line.area == area.area]))
    listed = {area.area for area in slip.areas}
    bars.extend(competences([line for line in slip.competences if line.area not in listed]))
    return bars


def slip_story(slip: SlipData) -> list[Flowable]:
    width = content_width()
    pairs = [
        ("Candidate", slip.candidate.printed_name),
        ("Candidate number", slip.candidate.number),
        ("Certificate", slip.certificate),
        ("Grade", grade_label(slip.grade)),
        ("Sitting", slip.sitting),
        ("Date of sitting", day(slip.sitting_date)),
        ("Centre", slip.centre),
        ("Issued on", day(slip.issued_on)),
    ]
    if slip.bank:
        pairs.append(("Question bank", slip.bank))
        pairs.append(("Attempt", slip.attempt_id))
    if slip.submission_code:
        # The code the kiosk's end screen showed: a candidate whose answers were changed afterwards sees
        # a different one here.
        pairs.append(("Submission code", slip.submission_code))
    return [
        para(f"{slip.certificate} - Grade {grade_label(slip.grade)}", H2, bold=True),
        details_table(pairs, width),
        Spacer(1, 3 * mm),
        _outcome_box(slip, width),
        para("Marks by area and competence", H2, bold=True),
        result_chart(chart_bars(slip), slip.pass_mark, width),
        para(
            "Bars show the share of points earned, points in brackets. The dashed line is the pass mark; the "
            "thick tick on the overall bar and on each area bar is the threshold that bar must reach.",
            SMALL,
        ),
        Spacer(1, 3 * mm),
        verification_block(slip.token, slip.check_code, width, "result slip"),
    ]


def render_slip(slip: SlipData) -> bytes:
    """The result slip as a one-page A4 PDF."""
    return build_pdf(slip_story(slip), slip.header)
