"""Charts: every bar and cell labelled with its number, rules met or not said in words, grey levels only."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Group, Rect, String

from kiosk.support.paper.charts import (
    Bar,
    BarKind,
    Heatmap,
    ItemPoint,
    RateBar,
    fit,
    heatmap,
    item_scatter,
    pass_rate_chart,
    result_chart,
)
from kiosk.support.paper.fonts import text_width


def _walk(node: Any) -> list[Any]:
    found = []
    for child in getattr(node, "contents", []):
        found.append(child)
        if isinstance(child, Group):
            found.extend(_walk(child))
    return found


def texts(drawing: Any) -> list[str]:
    return [node.text for node in _walk(drawing) if isinstance(node, String)]


def fills(drawing: Any) -> list[Any]:
    return [
        node.fillColor for node in _walk(drawing) if isinstance(node, Rect) and node.fillColor is not None
    ]


def test_bar_met_compares_with_its_threshold() -> None:
    assert Bar("x", 60.0, BarKind.OVERALL, 60.0).met is True
    assert Bar("x", 59.99, BarKind.OVERALL, 60.0).met is False
    assert Bar("x", 10.0, BarKind.COMPETENCE).met is None


def test_result_chart_says_met_and_not_met_in_words() -> None:
    bars = [
        Bar("Overall", 72.5, BarKind.OVERALL, 60),
        Bar("Practical (area)", 40, BarKind.AREA, 50),
        Bar("P1 Assemble batteries 组装电池", 40, BarKind.COMPETENCE),
    ]
    words = texts(result_chart(bars, 60, 480))
    assert "72.5%  met" in words
    assert "40%  NOT MET" in words
    assert "40%" in words
    assert "pass mark 60%" in words
    assert "组装电池" in words  # the Chinese run is its own string, in the CJK font


def test_result_chart_uses_grey_levels_only() -> None:
    bars = [Bar("Overall", 80, BarKind.OVERALL, 60), Bar("Area", 50, BarKind.AREA, None)]
    for colour in fills(result_chart(bars, 60, 480)):
        assert colour.red == colour.green == colour.blue


def test_heatmap_prints_every_value_and_darkens_with_the_mark() -> None:
    data = Heatmap(("Kitwe", "Lusaka"), ("F1", "P1"), ((20.0, None), (90.0, 55.0)), ("n = 4", "n = 10"))
    drawing = heatmap(data, 480)
    words = texts(drawing)
    for word in ("20", "-", "90", "55", "n = 4", "Kitwe", "F1"):
        assert word in words
    cells = [c for c in fills(drawing) if c.red < 1.0]
    assert all(c.red == c.green == c.blue for c in fills(drawing))
    levels = sorted(c.red for c in cells)
    assert levels[0] < levels[-1]


def test_pass_rate_chart_labels_counts_and_rates() -> None:
    words = texts(pass_rate_chart([RateBar("Design I - Kitwe", 3, 4), RateBar("Empty", 0, 0)], 480))
    assert "3/4 (75%)" in words
    assert "0/0 (0%)" in words


def test_item_scatter_names_only_flagged_items() -> None:
    points = [ItemPoint("i1", 0.5, 0.4, False), ItemPoint("i2", 0.9, -0.3, True)]
    words = texts(item_scatter(points, 400, 0.2))
    assert "i2" in words and "i1" not in words
    assert "weak below 0.2" in words


def test_fit_cuts_long_labels_with_an_ellipsis() -> None:
    assert fit("short", 100) == "short"
    cut = fit("Specialised knowledge of energy storage materials", 80)
    assert cut.endswith("...") and text_width(cut, 7.5) <= 80
