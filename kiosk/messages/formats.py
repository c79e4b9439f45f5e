"""English wording of the error codes raised in ``kiosk.formats``."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
