"""Result slips: one A4 page with the candidate, mark and decision, the chart and the verification code."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.formats.records import check_code
from kiosk.registry.reports.slips import AreaLine, Score, chart_bars, render_slip
from kiosk.support.paper.charts import BarKind
from tests.fixtures.paper import TOKEN, PdfText, make_slip
from tests.support.paper.embedding import NAMES, embedded_fonts


def test_a_passing_slip_prints_everything_on_one_page(pdf_text: PdfText) -> None:
    pages, text = pdf_text(render_slip(make_slip(passed=True)))
    assert pages == 1
    for expected in (
        "Result slip",
        "Chanda Mwale",
        "张伟",
        "2025-0042",
        "Energy Storage Maintenance",
        "II (intermediate)",
        "Maintenance II theory",
        "14 Jun 2025",
        "China-Zambia Vocational and Technical College",
        "1 Jul 2025",
        "PASS",
        "Overall mark 70% (28 of 40 points). Pass mark 60%.",
        "practical 71.4% of 50% needed (met)",
        "储能材料",
        "maintenance-2 v3",
        "A-K1-0007",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert "NOT PASSED" not in text
    # The code the kiosk's end screen showed, and the short code to type at the registry.
    assert "Submission code" in text and "8RGEU-RZQWJ" in text
    assert check_code(TOKEN) in text


def test_a_failing_slip_says_which_rule_was_not_met(pdf_text: PdfText) -> None:
    pages, text = pdf_text(render_slip(make_slip(passed=False)))
    assert pages == 1
    assert "NOT PASSED" in text
    assert "practical 35.7% of 50% needed (NOT MET)" in text
    assert "NOT MET" in text


def test_a_slip_without_a_chinese_name(pdf_text: PdfText) -> None:
    _, text = pdf_text(render_slip(make_slip(name_zh=None)))
    assert "Chanda Mwale" in text and "张伟" not in text


def test_failed_areas_are_those_below_their_minimum() -> None:
    slip = make_slip(passed=False)
    assert [area.area for area in slip.failed_areas] == ["practical"]
    assert make_slip(passed=True).failed_areas == ()


def test_chart_bars_put_each_competence_under_its_area() -> None:
    slip = replace(
        make_slip(),
        areas=(AreaLine("practical", Score(5, 10), 50), AreaLine("foundational", Score(18, 26), None)),
    )
    bars = chart_bars(slip)
    assert [(bar.label.split()[0], bar.kind) for bar in bars] == [
        ("Overall", BarKind.OVERALL),
        ("Practical", BarKind.AREA),
        ("P1", BarKind.COMPETENCE),
        ("Foundational", BarKind.AREA),
        ("F1", BarKind.COMPETENCE),
        ("F2", BarKind.COMPETENCE),
    ]
    assert bars[0].threshold == 60 and bars[1].threshold == 50 and bars[3].threshold is None


def test_a_competence_whose_area_is_not_listed_still_gets_a_bar() -> None:
    slip = replace(make_slip(), areas=())
    assert [bar.label.split()[0] for bar in chart_bars(slip)] == ["Overall", "F1", "F2", "P1"]


def test_score_percent_of_nothing_is_zero() -> None:
    assert Score(0, 0).percent == 0.0
    assert Score(3, 4).percent == 75.0


@pytest.mark.parametrize("name", NAMES)
def test_a_name_in_any_script_prints_as_written_in_embedded_fonts(name: str, pdf_text: PdfText) -> None:
    slip = make_slip(name_zh=None)
    pdf = render_slip(replace(slip, candidate=replace(slip.candidate, name=name)))
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert name in text
    assert embedded_fonts(pdf) == {
        "LiberationSans",
        "LiberationSans-Bold",
        "LiberationMono",
        "DroidSansFallback",
    }
