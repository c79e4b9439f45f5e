"""Keeping text that people typed (names, notes) from running as a formula when a spreadsheet opens it."""

from __future__ import annotations

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def inert_cell(value: object) -> object:
    """``value`` as a spreadsheet should show it: text that would start a formula gets a leading quote.

    Numbers, and text that is just a number such as "-0.25", are left alone.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value
