"""CLI hints for error codes raised in ``kiosk.domain``: the verb or option to use next."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "bank.version_not_in_sources": "give --banks with the source folder of that version",
    "bank.not_in_sources": "give --banks with the source folder of that version",
}
