"""English wording of the error codes raised in ``kiosk.station``."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
