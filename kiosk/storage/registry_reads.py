"""Read-only queries over the registry database for result slips, certificates and the analysis reports.

Every function takes a session and returns small frozen records, never rows; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.storage.registry_tables import CompetenceScoreRow, ResultAttemptRow, ResultResponseRow

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class HeldResult:
    """One imported attempt's outcome, as the registry holds it."""

    attempt_id: str
    kiosk_id: str
    centre: str
    candidate_number: str
    candidate_name: str
    candidate_name_zh: str | None
    certificate: str
    grade: int
    bank_id: str
    bank_version: int
    sitting_id: str
    sitting_name: str
    sitting_date: str | None
    state: str
    finished_at: datetime | None
    earned: float
    possible: float
    percent: float
    passed: bool
    result_json: str
    form_json: str


@dataclass(frozen=True, slots=True)
class HeldResponse:
    """A candidate's final response to one item and its score (``response_json`` None when unanswered)."""

    attempt_id: str
    item_id: str
    response_json: str | None
    score: float
    max_score: float | None


@dataclass(frozen=True, slots=True)
class HeldCompetenceScore:
    attempt_id: str
    competence: str
    earned: float
    possible: float


def _result(row: ResultAttemptRow) -> HeldResult:
    return HeldResult(
        attempt_id=row.attempt_id,
        kiosk_id=row.kiosk_id,
        centre=row.centre,
        candidate_number=row.candidate_number,
        candidate_name=row.candidate_name,
        candidate_name_zh=row.candidate_name_zh,
        certificate=row.certificate,
        grade=row.grade,
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        sitting_id=row.sitting_id,
        sitting_name=row.sitting_name,
        sitting_date=row.sitting_date,
        state=row.state,
        finished_at=row.finished_at,
        earned=row.earned,
        possible=row.possible,
        percent=row.percent,
        passed=row.passed,
        result_json=row.result_json,
        form_json=row.form_json,
    )


def results(
    session: Session, attempt_ids: Sequence[str] | None = None, bank_ids: Sequence[str] | None = None
) -> list[HeldResult]:
    """Held attempts ordered by certificate, grade, centre and candidate number; optionally only some."""
    query = select(ResultAttemptRow).order_by(
        ResultAttemptRow.certificate,
        ResultAttemptRow.grade,
        ResultAttemptRow.centre,
        ResultAttemptRow.candidate_number,
        ResultAttemptRow.attempt_id,
    )
    if bank_ids is not None:
        query = query.where(ResultAttemptRow.bank_id.in_(list(bank_ids)))
    if attempt_ids is None:
        return [_result(row) for row in session.scalars(query)]
    found: list[HeldResult] = []
    wanted = list(dict.fromkeys(attempt_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.extend(
            _result(row) for row in session.scalars(query.where(ResultAttemptRow.attempt_id.in_(chunk)))
        )
    order = {attempt_id: position for position, attempt_id in enumerate(wanted)}
    return sorted(found, key=lambda held: order[held.attempt_id])


def responses(session: Session, attempt_ids: Sequence[str]) -> list[HeldResponse]:
    """The stored responses of ``attempt_ids``, by attempt then item position."""
    found: list[HeldResponse] = []
    wanted = list(dict.fromkeys(attempt_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.scalars(
            select(ResultResponseRow)
            .where(ResultResponseRow.attempt_id.in_(chunk))
            .order_by(ResultResponseRow.attempt_id, ResultResponseRow.position)
        )
        found.extend(
            HeldResponse(row.attempt_id, row.item_id, row.response_json, row.score, row.max_score)
            for row in rows
        )
    return found


def competence_scores(session: Session, attempt_ids: Sequence[str]) -> list[HeldCompetenceScore]:
    """Points earned and possible per competence of ``attempt_ids``."""
    found: list[HeldCompetenceScore] = []
    wanted = list(dict.fromkeys(attempt_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.scalars(
            select(CompetenceScoreRow)
            .where(CompetenceScoreRow.attempt_id.in_(chunk))
            .order_by(CompetenceScoreRow.attempt_id, CompetenceScoreRow.competence)
        )
        found.extend(
            HeldCompetenceScore(row.attempt_id, row.competence, row.earned, row.possible) for row in rows
        )
    return found
