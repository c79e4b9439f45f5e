"""Typed text cannot become a spreadsheet formula."""

from __future__ import annotations

import pytest

from kiosk.domain.spreadsheet import inert_cell


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_formula_starts_are_quoted(text: str) -> None:
    assert inert_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Mwila Banda", "李伟", "-0.25", "+3", "", 12, -0.5, None])
def test_names_and_numbers_are_left_alone(value: object) -> None:
    assert inert_cell(value) == value
