"""Attempts, their current responses, clock checkpoints and answer journal.

Saving an answer, the hot path, has its own writer: :mod:`kiosk.station.storage.answer_writer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.domain.journal import JournalEntry
from kiosk.station.storage.records import AttemptRecord, CheckpointRecord, ResponseRecord
from kiosk.station.storage.tables import AttemptRow, CheckpointRow, JournalRow, ResponseRow


@dataclass(frozen=True, slots=True)
class NewAttempt:
    """A freshly assembled attempt, ready to store."""

    id: str
    candidate_id: int
    sitting_id: int
    bank_id: str
    bank_version: int
    seed: int
    form_json: str
    state: str
    allowed_seconds: float
    journal_head: str


def _record(row: AttemptRow) -> AttemptRecord:
    return AttemptRecord(
        id=row.id,
        candidate_id=row.candidate_id,
        sitting_id=row.sitting_id,
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        seed=row.seed,
        form_json=row.form_json,
        state=row.state,
        allowed_seconds=row.allowed_seconds,
        granted_seconds=row.granted_seconds,
        consumed_seconds=row.consumed_seconds,
        checkpoint_at=row.checkpoint_at,
        journal_head=row.journal_head,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        submission_code=row.submission_code,
        result_json=row.result_json,
        delivered=row.delivered,
        bundle_id=row.bundle_id,
        current_item_id=row.current_item_id,
    )


def add_attempt(session: Session, attempt: NewAttempt, now: datetime) -> AttemptRecord:
    row = AttemptRow(
        id=attempt.id,
        candidate_id=attempt.candidate_id,
        sitting_id=attempt.sitting_id,
        bank_id=attempt.bank_id,
        bank_version=attempt.bank_version,
        seed=attempt.seed,
        form_json=attempt.form_json,
        state=attempt.state,
        allowed_seconds=attempt.allowed_seconds,
        granted_seconds=0.0,
        consumed_seconds=0.0,
        checkpoint_at=None,
        journal_head=attempt.journal_head,
        created_at=now,
        delivered=False,
    )
    session.add(row)
    session.flush()
    return _record(row)


def get_attempt(session: Session, attempt_id: str) -> AttemptRecord | None:
    row = session.get(AttemptRow, attempt_id)
    return None if row is None else _record(row)


def find_attempt(session: Session, candidate_id: int, sitting_id: int) -> AttemptRecord | None:
    """The candidate's attempt at the sitting, if they have one (there is at most one)."""
    row = session.execute(
        select(AttemptRow).where(AttemptRow.candidate_id == candidate_id, AttemptRow.sitting_id == sitting_id)
    ).scalar_one_or_none()
    return None if row is None else _record(row)


def attempts_in_states(
    session: Session, states: Iterable[str], sitting_id: int | None = None
) -> list[AttemptRecord]:
    query = select(AttemptRow).where(AttemptRow.state.in_(list(states))).order_by(AttemptRow.id)
    if sitting_id is not None:
        query = query.where(AttemptRow.sitting_id == sitting_id)
    return [_record(row) for row in session.execute(query).scalars()]


def list_attempts(session: Session, sitting_id: int | None = None) -> list[AttemptRecord]:
    query = select(AttemptRow).order_by(AttemptRow.created_at, AttemptRow.id)
    if sitting_id is not None:
        query = query.where(AttemptRow.sitting_id == sitting_id)
    return [_record(row) for row in session.execute(query).scalars()]


def set_state(
    session: Session,
    attempt_id: str,
    state: str,
    *,
    started_at: datetime | None = None,
) -> None:
    """Change the attempt's state (and note when it first started)."""
    values: dict[str, object] = {"state": state}
    if started_at is not None:
        values["started_at"] = started_at
    session.execute(update(AttemptRow).where(AttemptRow.id == attempt_id).values(**values))


def save_checkpoint(
    session: Session, attempt_id: str, consumed_seconds: float, now: datetime, reason: str | None
) -> None:
    """Store the consumed time; with a ``reason``, also keep it in the checkpoint history."""
    session.execute(
        update(AttemptRow)
        .where(AttemptRow.id == attempt_id)
        .values(consumed_seconds=consumed_seconds, checkpoint_at=now)
    )
    if reason is not None:
        session.execute(
            insert(CheckpointRow).values(
                attempt_id=attempt_id, consumed_ms=int(consumed_seconds * 1000), wall_at=now, reason=reason
            )
        )


def checkpoints(session: Session, attempt_id: str) -> list[CheckpointRecord]:
    rows = session.execute(
        select(CheckpointRow).where(CheckpointRow.attempt_id == attempt_id).order_by(CheckpointRow.id)
    ).scalars()
    return [CheckpointRecord(row.consumed_ms, row.wall_at, row.reason) for row in rows]


def set_current_item(session: Session, attempt_id: str, item_id: str) -> None:
    """Note the question the candidate is on now, where a resume takes them back."""
    session.execute(update(AttemptRow).where(AttemptRow.id == attempt_id).values(current_item_id=item_id))


def add_granted_time(session: Session, attempt_id: str, granted_seconds: float) -> None:
    """Add invigilator-granted seconds to the attempt's total grants."""
    session.execute(
        update(AttemptRow)
        .where(AttemptRow.id == attempt_id)
        .values(granted_seconds=AttemptRow.granted_seconds + granted_seconds)
    )


def finish_attempt(
    session: Session,
    attempt_id: str,
    state: str,
    consumed_seconds: float,
    now: datetime,
    submission_code: str,
    result_json: str,
) -> None:
    """Record the end of an attempt: final state, time used, submission code and result."""
    session.execute(
        update(AttemptRow)
        .where(AttemptRow.id == attempt_id)
        .values(
            state=state,
            consumed_seconds=consumed_seconds,
            checkpoint_at=now,
            finished_at=now,
            submission_code=submission_code,
            result_json=result_json,
        )
    )


def mark_delivered(session: Session, attempt_ids: Iterable[str], bundle_id: str) -> None:
    """Note that these attempts left the kiosk in result bundle ``bundle_id``."""
    session.execute(
        update(AttemptRow)
        .where(AttemptRow.id.in_(list(attempt_ids)))
        .values(delivered=True, bundle_id=bundle_id)
    )


def set_flag(session: Session, attempt_id: str, item_id: str, flagged: bool, now: datetime) -> None:
    """Flag or unflag an item for review, whether or not it has been answered."""
    upsert = sqlite_insert(ResponseRow).values(
        attempt_id=attempt_id,
        item_id=item_id,
        response_json=None,
        flagged=flagged,
        sequence=None,
        updated_at=now,
    )
    session.execute(
        upsert.on_conflict_do_update(
            index_elements=[ResponseRow.attempt_id, ResponseRow.item_id],
            set_={"flagged": flagged, "updated_at": now},
        )
    )


def responses(session: Session, attempt_id: str) -> list[ResponseRecord]:
    rows = session.execute(
        select(ResponseRow).where(ResponseRow.attempt_id == attempt_id).order_by(ResponseRow.item_id)
    ).scalars()
    return [
        ResponseRecord(row.item_id, row.response_json, row.flagged, row.sequence, row.updated_at)
        for row in rows
    ]


def journal(session: Session, attempt_id: str) -> list[JournalEntry]:
    """The attempt's journal in stored sequence order."""
    rows = session.execute(
        select(JournalRow).where(JournalRow.attempt_id == attempt_id).order_by(JournalRow.sequence)
    ).scalars()
    return [
        JournalEntry(
            previous_hash=row.prev_hash,
            attempt_id=row.attempt_id,
            sequence=row.sequence,
            item_id=row.item_id,
            response_json=row.response_json,
            consumed_ms=row.consumed_ms,
            recorded_at=row.recorded_at,
            hash=row.hash,
        )
        for row in rows
    ]


def all_attempt_ids(session: Session) -> list[str]:
    """Ids of every attempt on this kiosk, in id order."""
    return list(session.execute(select(AttemptRow.id).order_by(AttemptRow.id)).scalars())
