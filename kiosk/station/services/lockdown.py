"""Incidents the kiosk records by itself, without an invigilator's PIN: the exam window losing the focus.

Lockdown inside the app cannot stop every way out (README, "Lockdown and its limits"), so every time the
kiosk window stops being the active window while a sitting is open, that fact goes into the sitting's
incident record.
"""

from __future__ import annotations

from kiosk.domain.attempt import IncidentCategory
from kiosk.station.services.context import KioskContext
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.repositories import audit

RECORDED_BY = "kiosk"
MAX_DETAIL_LENGTH = 500


def record_focus_loss(ctx: KioskContext, sitting: OpenSitting, attempt_id: str | None, detail: str) -> int:
    """Record that the kiosk window lost the focus during ``sitting`` (and ``attempt_id``); returns its id."""
    now = ctx.clock.wall()
    text = " ".join(detail.split())[:MAX_DETAIL_LENGTH] or "The kiosk window lost the focus."
    with ctx.store.transaction() as session:
        return audit.add_incident(
            session,
            sitting.sitting_id,
            attempt_id,
            IncidentCategory.FOCUS_LOSS.value,
            text,
            now,
            None,
            RECORDED_BY,
            now,
        )
