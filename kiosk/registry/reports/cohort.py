"""The cohort report for the awarding body: pass rates by certificate, grade and centre, and how each centre
did in each competence (a grey-scale heatmap per certificate and grade)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from kiosk.domain.items import GRADE_NAMES, certificate_name
from kiosk.support.paper.charts import Heatmap, RateBar, heatmap, pass_rate_chart
from kiosk.support.paper.page import (
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
from kiosk.support.paper.tables import DataTable
from kiosk.support.paper.wording import day, grade_label

ALL_CENTRES = "all centres"


@dataclass(frozen=True, slots=True)
class PassRateLine:
    """How many sat and passed one certificate and grade at one centre (or at all centres together)."""

    certificate: str
    grade: int
    centre: str
    passed: int
    sat: int

    @property
    def rate(self) -> float:
        return 100.0 * self.passed / self.sat if self.sat else 0.0


@dataclass(frozen=True, slots=True)
class CompetenceCell:
    """Points earned and possible in one competence by every attempt at one centre."""

    centre: str
    competence: str
    attempts: int
    earned: float
    possible: float

    @property
    def percent(self) -> float | None:
        return 100.0 * self.earned / self.possible if self.possible else None


@dataclass(frozen=True, slots=True)
class CompetenceGrid:
    """The competence-by-centre results of one certificate and grade."""

    certificate: str
    grade: int
    competences: tuple[tuple[str, str], ...]
    """(id, title) in the bank's order."""
    centres: tuple[str, ...]
    cells: tuple[CompetenceCell, ...]

    def cell(self, centre: str, competence: str) -> CompetenceCell | None:
        return next((c for c in self.cells if c.centre == centre and c.competence == competence), None)

    def attempts(self, centre: str) -> int:
        return max((cell.attempts for cell in self.cells if cell.centre == centre), default=0)


@dataclass(frozen=True, slots=True)
class CohortData:
    generated_at: datetime
    scope: str
    """What the report covers, e.g. "all results held" or "sittings from 1 Jun 2025"."""
    pass_rates: tuple[PassRateLine, ...]
    grids: tuple[CompetenceGrid, ...]
    warnings: tuple[str, ...] = ()

    @property
    def header(self) -> PageHeader:
        return PageHeader(
            "Cohort analysis", "All certificates", "Results registry", f"Made {day(self.generated_at)}"
        )


def cohort_tables(data: CohortData) -> list[DataTable]:
    """The report's tables: pass rates, and competence results by centre."""
    rates = DataTable(
        "pass_rates",
        "Pass rates by certificate, grade and centre",
        ("certificate", "grade", "centre", "sat", "passed", "pass_rate_percent"),
        tuple(
            (line.certificate, line.grade, line.centre, line.sat, line.passed, round(line.rate, 1))
            for line in data.pass_rates
        ),
    )
    grid_rows = []
    for grid in data.grids:
        titles = dict(grid.competences)
        for centre in grid.centres:
            for competence, _title in grid.competences:
                cell = grid.cell(centre, competence)
                if cell is None:
                    continue
                grid_rows.append(
                    (
                        grid.certificate,
                        grid.grade,
                        centre,
                        competence,
                        titles[competence],
                        cell.attempts,
                        round(cell.earned, 2),
                        round(cell.possible, 2),
                        None if cell.percent is None else round(cell.percent, 1),
                    )
                )
    competences = DataTable(
        "competence_by_centre",
        "Share of points earned in each competence, by centre",
        (
            "certificate",
            "grade",
            "centre",
            "competence",
            "title",
            "attempts",
            "earned",
            "possible",
            "percent",
        ),
        tuple(grid_rows),
    )
    return [rates, competences]


def warning_box(warnings: tuple[str, ...], width: float) -> Table:
    """The report's warnings in a heavy box, each a sentence."""
    lines = [para("Read with care", H3, bold=True), *(para(f"- {text}", SMALL) for text in warnings)]
    box = Table([[lines]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [LAYOUT_FONT, ("BOX", (0, 0), (-1, -1), 1.6, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 6)]
        )
    )
    return box


def cohort_story(data: CohortData) -> list[Flowable]:
    width = content_width()
    table = cohort_tables(data)[0]
    story: list[Flowable] = [
        para("Cohort analysis", H1, bold=True),
        para(f"Covers {data.scope}. Made {day(data.generated_at)}.", SMALL),
        Spacer(1, 3 * mm),
    ]
    if data.warnings:
        story.extend([warning_box(data.warnings, width), Spacer(1, 3 * mm)])
    story.append(para("Pass rates", H2, bold=True))
    if data.pass_rates:
        bars = [
            RateBar(
                f"{line.certificate.capitalize()} {GRADE_NAMES.get(line.grade, line.grade)} - {line.centre}",
                line.passed,
                line.sat,
            )
            for line in data.pass_rates
        ]
        story.extend([pass_rate_chart(bars, width), Spacer(1, 3 * mm)])
        story.append(
            grid_table(
                ["Certificate", "Grade", "Centre", "Sat", "Passed", "Pass rate"],
                [
                    [
                        certificate_name(str(row[0])),
                        grade_label(int(row[1] or 0)),
                        row[2],
                        row[3],
                        row[4],
                        f"{row[5]}%",
                    ]
                    for row in table.rows
                ],
                [w * width for w in (0.2, 0.16, 0.34, 0.1, 0.1, 0.1)],
                align_right=(3, 4, 5),
            )
        )
    else:
        story.append(para("No results are held yet."))
    for grid in data.grids:
        story.append(CondPageBreak(70 * mm))
        story.append(
            para(f"Competences by centre: {certificate_name(grid.certificate, grid.grade)}", H2, bold=True)
        )
        values = tuple(
            tuple(
                None if (cell := grid.cell(centre, competence)) is None else cell.percent
                for competence, _title in grid.competences
            )
            for centre in grid.centres
        )
        notes = tuple(f"n = {grid.attempts(centre)}" for centre in grid.centres)
        chart = Heatmap(grid.centres, tuple(competence for competence, _ in grid.competences), values, notes)
        story.append(heatmap(chart, width))
        story.append(
            para(
                "Each cell is the share of points earned in that competence by the centre's candidates; "
                "darker "
                "means higher, and the number is printed in every cell. n is the number of attempts. "
                + "; ".join(f"{competence}: {title}" for competence, title in grid.competences)
                + ".",
                SMALL,
            )
        )
    return story


def render_cohort(data: CohortData) -> bytes:
    """The cohort report as an A4 PDF."""
    return build_pdf(cohort_story(data), data.header)
