"""Item analysis: the tables carry the statistics of the known data set, worked out by hand here."""

from __future__ import annotations

import math
from dataclasses import replace

from kiosk.domain.analysis import AttemptScores, ScoredAnswer, item_statistics
from kiosk.registry.reports.items import ItemAnalysisData, ItemLine, item_tables, render_items
from tests.fixtures.paper import PdfText

# By hand, for the known data set (see conftest):
#   facility = mean item score: i1 3/4, i2 2/4, i3 1/4.
#   i1 against the rest score (total - i1) = (2, 1, 0, 0): sxy = 0.75, sxx = 0.75, syy = 2.75,
#      r = 0.75 / sqrt(0.75 * 2.75) = sqrt(3/11).
#   i2 against (2, 1, 1, 0): sxy = 1, sxx = 1, syy = 2, r = 1 / sqrt(2).
#   i3 against (2, 2, 1, 0): sxy = 0.75, sxx = 0.75, syy = 2.75, r = sqrt(3/11).
#   KR-20: k = 3, sum p(1-p) = 0.1875 + 0.25 + 0.1875 = 0.625, totals (3, 2, 1, 0) have variance 1.25,
#      so 3/2 * (1 - 0.625 / 1.25) = 0.75.
FACILITY = {"i1": 0.75, "i2": 0.5, "i3": 0.25}
DISCRIMINATION = {
    "i1": round(math.sqrt(3 / 11), 3),
    "i2": round(1 / math.sqrt(2), 3),
    "i3": round(math.sqrt(3 / 11), 3),
}


def _rows(data: ItemAnalysisData, name: str) -> list[dict[str, object]]:
    table = next(table for table in item_tables(data) if table.name == name)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def test_item_table_matches_the_hand_computed_statistics(items_data: ItemAnalysisData) -> None:
    rows = {row["item"]: row for row in _rows(items_data, "items")}
    assert set(rows) == {"i1", "i2", "i3"}
    for item_id, row in rows.items():
        assert row["bank"] == "maintenance-1"
        assert row["results"] == 4
        assert row["facility"] == FACILITY[item_id]
        assert row["discrimination"] == DISCRIMINATION[item_id]
        assert row["flags"] == "only 4 results; treat these figures as provisional"
    assert rows["i1"]["stem_zh"] == "LFP 代表什么？"
    assert rows["i3"]["type"] == "numeric"


def test_distractor_table_counts_every_option_and_marks_the_key(items_data: ItemAnalysisData) -> None:
    rows = [
        (r["item"], r["option"], r["keyed"], r["chosen"], r["share_percent"])
        for r in _rows(items_data, "distractors")
    ]
    assert rows == [
        ("i1", "A", "yes", 3, 75.0),
        ("i1", "B", "no", 1, 25.0),
        ("i1", "C", "no", 0, 0.0),
        ("i2", "true", "yes", 0, 0.0),
        ("i2", "false", "no", 0, 0.0),
    ]


def test_reliability_table_has_kr20_per_form_and_the_bank_estimate(items_data: ItemAnalysisData) -> None:
    rows = _rows(items_data, "reliability")
    assert rows[0] == {
        "bank": "maintenance-1",
        "group": "form 1",
        "method": "KR-20",
        "attempts": 4,
        "items": 3,
        "alpha": 0.75,
        "warning": "only 4 attempts sat this form; alpha is not reliable below 20",
    }
    # Four attempts cannot give the five shared answers a pair needs, so there is no bank-level estimate.
    assert rows[1]["group"] == "bank" and rows[1]["alpha"] is None
    assert rows[1]["warning"] == "too few shared items to estimate"


def test_negative_discrimination_is_flagged_for_review() -> None:
    # i1..i4 form a Guttman pattern; i9 is answered right only by the two weakest candidates.
    pattern = {
        "a": (1, 1, 1, 1, 0),
        "b": (1, 1, 1, 0, 0),
        "c": (1, 1, 0, 0, 0),
        "d": (1, 0, 0, 0, 1),
        "e": (0, 0, 0, 0, 1),
    }
    attempts = [
        AttemptScores(
            name,
            tuple(ScoredAnswer(f"i{n}", float(s), 1.0) for n, s in zip((1, 2, 3, 4, 9), scores, strict=True)),
        )
        for name, scores in pattern.items()
    ]
    stats = {line.item_id: line for line in item_statistics(attempts)}
    assert stats["i9"].discrimination is not None and stats["i9"].discrimination < 0
    assert ItemLine(stats["i9"], "F1", "single", "Which gas?").to_review
    assert not ItemLine(stats["i3"], "F1", "single", "x").to_review


def test_pdf_shows_each_bank_its_items_and_their_bilingual_stems(
    items_data: ItemAnalysisData, pdf_text: PdfText
) -> None:
    pages, text = pdf_text(render_items(items_data))
    assert pages >= 1
    flat = " ".join(text.split())
    for expected in (
        "Item analysis",
        "Energy Storage Maintenance, Grade I (maintenance-1, version 3)",
        "4 attempts; 3 items seen; 0 flagged for review.",
        "KR-20",
        "0.75",
        "What does LFP stand for?",
        "LFP 代表什么？",
        "A* 3, B 1, C 0",
        "Only 4 results for maintenance-1",
        "weak below 0.2",
    ):
        assert expected in flat, expected


def test_pdf_without_results_says_so(items_data: ItemAnalysisData, pdf_text: PdfText) -> None:
    _, text = pdf_text(render_items(replace(items_data, banks=(), warnings=())))
    assert "No results are held for these banks yet." in text
