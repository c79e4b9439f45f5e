"""CLI hints for error codes raised in ``kiosk.authoring``: the verb or option to use next."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "bank.source_invalid": "run 'kiosk bank validate FOLDER' to see every problem",
}
