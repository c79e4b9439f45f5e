"""The cohort report: pass rates by certificate, grade and centre, and competences by centre."""

from __future__ import annotations

from dataclasses import replace

from kiosk.registry.reports.cohort import CohortData, CompetenceCell, cohort_tables, render_cohort
from tests.fixtures.paper import PdfText


def test_pass_rate_table(cohort_data: CohortData) -> None:
    rates = cohort_tables(cohort_data)[0]
    assert rates.name == "pass_rates"
    assert rates.rows == (
        ("maintenance", 2, "all centres", 14, 9, 64.3),  # 9 / 14 = 0.642857...
        ("maintenance", 2, "Kitwe", 4, 1, 25.0),
        ("maintenance", 2, "Lusaka", 10, 8, 80.0),
    )


def test_competence_table_has_a_row_per_cell_held(cohort_data: CohortData) -> None:
    grid = cohort_tables(cohort_data)[1]
    assert grid.name == "competence_by_centre"
    assert grid.rows == (
        ("maintenance", 2, "Kitwe", "F1", "Energy storage materials 储能材料", 4, 12.0, 40.0, 30.0),
        ("maintenance", 2, "Lusaka", "F1", "Energy storage materials 储能材料", 10, 70.0, 100.0, 70.0),
        ("maintenance", 2, "Lusaka", "P1", "Assemble batteries", 10, 30.0, 40.0, 75.0),
    )


def test_grid_lookups(cohort_data: CohortData) -> None:
    grid = cohort_data.grids[0]
    assert grid.cell("Kitwe", "P1") is None
    assert grid.attempts("Lusaka") == 10
    assert grid.attempts("Ndola") == 0
    assert CompetenceCell("x", "F1", 0, 0.0, 0.0).percent is None


def test_pdf_has_the_chart_table_heatmap_and_warnings(cohort_data: CohortData, pdf_text: PdfText) -> None:
    pages, text = pdf_text(render_cohort(cohort_data))
    assert pages == 1
    flat = " ".join(text.split())
    for expected in (
        "Cohort analysis",
        "Read with care",
        "Only 4 results from Kitwe",
        "9/14 (64%)",
        "1/4 (25%)",
        "Energy Storage Maintenance II (intermediate) all centres 14 9 64.3%",
        "Competences by centre: Energy Storage Maintenance, Grade II",
        "n = 4",
        "F1: Energy storage materials 储能材料; P1: Assemble batteries.",
    ):
        assert expected in flat, expected


def test_pdf_without_results(cohort_data: CohortData, pdf_text: PdfText) -> None:
    _, text = pdf_text(render_cohort(replace(cohort_data, pass_rates=(), grids=(), warnings=())))
    assert "No results are held yet." in text
    assert "Read with care" not in text
