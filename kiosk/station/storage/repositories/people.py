"""Candidates on the roster and invigilator accounts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from kiosk.station.storage.records import CandidateRecord, InvigilatorRecord
from kiosk.station.storage.tables import CandidateRow, InvigilatorRow, SittingCodeRow


@dataclass(frozen=True, slots=True)
class NewCandidate:
    """A roster row ready to store, its access code already hashed."""

    candidate_number: str
    full_name: str
    name_zh: str | None
    certificate: str
    grade: int
    extra_time_factor: float
    access_code_hash: str
    notes: str = ""


def _candidate(row: CandidateRow) -> CandidateRecord:
    return CandidateRecord(
        id=row.id,
        candidate_number=row.candidate_number,
        full_name=row.full_name,
        name_zh=row.name_zh,
        certificate=row.certificate,
        grade=row.grade,
        extra_time_factor=row.extra_time_factor,
        access_code_hash=row.access_code_hash,
        notes=row.notes,
    )


def add_candidates(session: Session, candidates: Iterable[NewCandidate], now: datetime) -> int:
    """Store roster rows; returns how many were added."""
    rows = [
        CandidateRow(
            candidate_number=candidate.candidate_number,
            full_name=candidate.full_name,
            name_zh=candidate.name_zh,
            certificate=candidate.certificate,
            grade=candidate.grade,
            extra_time_factor=candidate.extra_time_factor,
            access_code_hash=candidate.access_code_hash,
            notes=candidate.notes,
            created_at=now,
        )
        for candidate in candidates
    ]
    session.add_all(rows)
    session.flush()
    return len(rows)


def get_candidate(session: Session, candidate_number: str) -> CandidateRecord | None:
    row = session.execute(
        select(CandidateRow).where(CandidateRow.candidate_number == candidate_number)
    ).scalar_one_or_none()
    return None if row is None else _candidate(row)


def get_candidate_by_id(session: Session, candidate_id: int) -> CandidateRecord | None:
    row = session.get(CandidateRow, candidate_id)
    return None if row is None else _candidate(row)


def list_candidates(session: Session) -> list[CandidateRecord]:
    rows = session.execute(select(CandidateRow).order_by(CandidateRow.candidate_number)).scalars()
    return [_candidate(row) for row in rows]


def existing_numbers(session: Session, numbers: Iterable[str]) -> set[str]:
    """Which of ``numbers`` are already on the roster."""
    wanted = list(numbers)
    found: set[str] = set()
    # Chunked to stay under SQLite's limit on bound parameters.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            session.execute(
                select(CandidateRow.candidate_number).where(CandidateRow.candidate_number.in_(chunk))
            ).scalars()
        )
    return found


def set_access_code_hash(session: Session, candidate_id: int, access_code_hash: str) -> None:
    session.execute(
        update(CandidateRow).where(CandidateRow.id == candidate_id).values(access_code_hash=access_code_hash)
    )


def sitting_code_hash(session: Session, candidate_id: int, sitting_id: int) -> str | None:
    """The hash of the candidate's code for this sitting, if its invigilation pack issued one."""
    row = session.get(SittingCodeRow, (candidate_id, sitting_id))
    return None if row is None else row.code_hash


def set_sitting_code_hash(
    session: Session, candidate_id: int, sitting_id: int, code_hash: str, issued_at: datetime
) -> None:
    """Make ``code_hash`` the candidate's only code for this sitting (a code issued before for it stops)."""
    row = session.get(SittingCodeRow, (candidate_id, sitting_id))
    if row is None:
        session.add(
            SittingCodeRow(
                candidate_id=candidate_id, sitting_id=sitting_id, code_hash=code_hash, issued_at=issued_at
            )
        )
    else:
        row.code_hash, row.issued_at = code_hash, issued_at
    session.flush()


def clear_sitting_codes(session: Session, candidate_id: int) -> None:
    """Forget every sitting's code of a candidate, so their own access code opens each sitting again."""
    session.execute(delete(SittingCodeRow).where(SittingCodeRow.candidate_id == candidate_id))


def set_extra_time_factor(session: Session, candidate_id: int, factor: float) -> None:
    session.execute(
        update(CandidateRow).where(CandidateRow.id == candidate_id).values(extra_time_factor=factor)
    )


def _invigilator(row: InvigilatorRow) -> InvigilatorRecord:
    return InvigilatorRecord(id=row.id, name=row.name, pin_hash=row.pin_hash, active=row.active)


def add_invigilator(session: Session, name: str, pin_hash: str, now: datetime) -> InvigilatorRecord:
    row = InvigilatorRow(name=name, pin_hash=pin_hash, active=True, created_at=now)
    session.add(row)
    session.flush()
    return _invigilator(row)


def get_invigilator(session: Session, name: str) -> InvigilatorRecord | None:
    row = session.execute(select(InvigilatorRow).where(InvigilatorRow.name == name)).scalar_one_or_none()
    return None if row is None else _invigilator(row)


def list_invigilators(session: Session, active_only: bool = False) -> list[InvigilatorRecord]:
    query = select(InvigilatorRow).order_by(InvigilatorRow.name)
    if active_only:
        query = query.where(InvigilatorRow.active.is_(True))
    return [_invigilator(row) for row in session.execute(query).scalars()]


def set_pin_hash(session: Session, invigilator_id: int, pin_hash: str) -> None:
    session.execute(
        update(InvigilatorRow).where(InvigilatorRow.id == invigilator_id).values(pin_hash=pin_hash)
    )


def set_active(session: Session, invigilator_id: int, active: bool) -> None:
    session.execute(update(InvigilatorRow).where(InvigilatorRow.id == invigilator_id).values(active=active))
