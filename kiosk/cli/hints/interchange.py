"""CLI hints for codes raised by the bank import and export: the option or format to give instead."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "interchange.output_exists": "give a new folder with -o",
    "interchange.qti_version": "give the format qti3 for QTI 3.0 and qti21 for QTI 2.1 or 2.2",
}
