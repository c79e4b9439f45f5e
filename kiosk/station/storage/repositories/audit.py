"""The audit trail: events, incidents, and guesses counted for rate limits."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from datetime import datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from kiosk.station.storage.records import EventRecord, IncidentRecord
from kiosk.station.storage.tables import EventRow, IncidentRow, LoginAttemptRow


def add_event(
    session: Session,
    kind: str,
    now: datetime,
    *,
    attempt_id: str | None = None,
    sitting_id: int | None = None,
    detail: Mapping[str, object] | None = None,
) -> None:
    """Append an event; ``detail`` must be JSON-able."""
    detail_json = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    session.execute(
        insert(EventRow).values(
            attempt_id=attempt_id, sitting_id=sitting_id, kind=kind, detail_json=detail_json, wall_at=now
        )
    )


def events(
    session: Session, *, attempt_id: str | None = None, sitting_id: int | None = None
) -> list[EventRecord]:
    """Events in the order they happened, optionally only an attempt's or a sitting's."""
    query = select(EventRow).order_by(EventRow.id)
    if attempt_id is not None:
        query = query.where(EventRow.attempt_id == attempt_id)
    if sitting_id is not None:
        query = query.where(EventRow.sitting_id == sitting_id)
    return [
        EventRecord(row.id, row.attempt_id, row.sitting_id, row.kind, row.detail_json, row.wall_at)
        for row in session.execute(query).scalars()
    ]


def sitting_events(session: Session, sitting_id: int, attempt_ids: Collection[str]) -> list[EventRecord]:
    """Events of a sitting or of any of its attempts (most attempt events name no sitting), in order."""
    condition = EventRow.sitting_id == sitting_id
    if attempt_ids:
        condition = or_(condition, EventRow.attempt_id.in_(list(attempt_ids)))
    query = select(EventRow).where(condition).order_by(EventRow.id)
    return [
        EventRecord(row.id, row.attempt_id, row.sitting_id, row.kind, row.detail_json, row.wall_at)
        for row in session.execute(query).scalars()
    ]


def add_incident(
    session: Session,
    sitting_id: int,
    attempt_id: str | None,
    category: str,
    description: str,
    started_at: datetime,
    duration_seconds: float | None,
    recorded_by: str,
    now: datetime,
) -> int:
    """Record an incident; returns its id."""
    row = IncidentRow(
        sitting_id=sitting_id,
        attempt_id=attempt_id,
        category=category,
        description=description,
        started_at=started_at,
        duration_seconds=duration_seconds,
        recorded_by=recorded_by,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def set_incident_duration(session: Session, incident_id: int, duration_seconds: float) -> None:
    """Give an incident recorded when it began (its length unknown then) the length it turned out to have."""
    session.execute(
        update(IncidentRow).where(IncidentRow.id == incident_id).values(duration_seconds=duration_seconds)
    )


def incidents(
    session: Session, *, sitting_id: int | None = None, attempt_id: str | None = None
) -> list[IncidentRecord]:
    query = select(IncidentRow).order_by(IncidentRow.id)
    if sitting_id is not None:
        query = query.where(IncidentRow.sitting_id == sitting_id)
    if attempt_id is not None:
        query = query.where(IncidentRow.attempt_id == attempt_id)
    return [
        IncidentRecord(
            id=row.id,
            sitting_id=row.sitting_id,
            attempt_id=row.attempt_id,
            category=row.category,
            description=row.description,
            started_at=row.started_at,
            duration_seconds=row.duration_seconds,
            recorded_by=row.recorded_by,
        )
        for row in session.execute(query).scalars()
    ]


def record_guess(session: Session, scope: str, succeeded: bool, now: datetime) -> None:
    """Count one guess of a secret in ``scope`` (e.g. ``pin`` or ``candidate:2024-001``)."""
    session.execute(insert(LoginAttemptRow).values(scope=scope, succeeded=succeeded, wall_at=now))


def recent_failures(session: Session, scope: str, since: datetime) -> list[datetime]:
    """Times of failed guesses in ``scope`` since ``since`` and after the last success, oldest first."""
    # "After" by insertion order, not by time: a success and a failure can carry the same timestamp.
    last_success = session.execute(
        select(func.max(LoginAttemptRow.id)).where(
            LoginAttemptRow.scope == scope, LoginAttemptRow.succeeded.is_(True)
        )
    ).scalar_one()
    query = (
        select(LoginAttemptRow.wall_at)
        .where(
            LoginAttemptRow.scope == scope,
            LoginAttemptRow.succeeded.is_(False),
            LoginAttemptRow.wall_at > since,
        )
        .order_by(LoginAttemptRow.id)
    )
    if last_success is not None:
        query = query.where(LoginAttemptRow.id > last_success)
    return list(session.execute(query).scalars())
