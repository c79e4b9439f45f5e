"""Incidents the kiosk records by itself, without an invigilator's PIN, and one kiosk per data folder.

Lockdown inside the app cannot stop every way out (README, "Lockdown and its limits"), so every time the
kiosk window stops being the active window while a sitting is open, that fact goes into the sitting's
incident record at once; when the kiosk has its screen back the incident gets its real length, measured
on the services' monotonic clock. A kiosk that stops before that leaves the length empty: unknown.

:func:`claim_data_folder` keeps a second kiosk program off a data folder one is already running on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.attempt import IncidentCategory
from kiosk.station.services.context import KioskContext
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.instance import FolderLock, lock_data_folder
from kiosk.station.storage.repositories import audit

RECORDED_BY = "kiosk"
MAX_DETAIL_LENGTH = 500


@dataclass(frozen=True, slots=True)
class FocusLoss:
    """A focus loss in progress: its incident, and when it began on the monotonic clock."""

    incident_id: int
    started: float


def record_focus_loss(ctx: KioskContext, sitting: OpenSitting, attempt_id: str | None, detail: str) -> int:
    """Record that the kiosk window lost the focus during ``sitting`` (and ``attempt_id``); returns its id."""
    return focus_lost(ctx, sitting, attempt_id, detail).incident_id


def focus_lost(ctx: KioskContext, sitting: OpenSitting, attempt_id: str | None, detail: str) -> FocusLoss:
    """Record a focus loss as it begins, its length not known yet; :func:`focus_back` gives it one."""
    now = ctx.clock.wall()
    started = ctx.clock.monotonic()
    text = " ".join(detail.split())[:MAX_DETAIL_LENGTH] or "The kiosk window lost the focus."
    with ctx.store.transaction() as session:
        incident_id = audit.add_incident(
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
    return FocusLoss(incident_id, started)


def focus_back(ctx: KioskContext, loss: FocusLoss) -> float:
    """The kiosk has its screen and keyboard back: give the loss its length; returns it in seconds."""
    seconds = max(0.0, ctx.clock.monotonic() - loss.started)
    with ctx.store.transaction() as session:
        audit.set_incident_duration(session, loss.incident_id, round(seconds, 3))
    return seconds


def claim_data_folder(data_dir: Path) -> FolderLock:
    """Hold ``data_dir`` for this kiosk program until it ends (or ``release``); StoreError
    ``kiosk_store.in_use`` when another kiosk program already runs on it."""
    return lock_data_folder(data_dir)
