"""Read-only queries over the registry database for the results list, slips, certificates and reports.

Every function takes a session and returns small frozen records, never rows; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.orm import Session

from kiosk.registry.storage.tables import (
    AttemptCheckRow,
    AttemptDecisionRow,
    CompetenceScoreRow,
    ResultAttemptRow,
    ResultResponseRow,
)

_CHUNK = 500
_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


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
    submission_code: str | None = None
    """The code the candidate saw on the kiosk's end screen (checked against the journal on import)."""


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
        submission_code=row.submission_code,
    )


def _flagged() -> ColumnElement[bool]:
    """Whether an attempt was kept aside by rescoring: stored, but not filed as a result."""
    return exists().where(
        AttemptCheckRow.attempt_id == ResultAttemptRow.attempt_id, AttemptCheckRow.state == "flagged"
    )


def _voided() -> ColumnElement[bool]:
    """Whether an administrator's latest decision about an attempt voided it."""
    latest = (
        select(AttemptDecisionRow.decision)
        .where(AttemptDecisionRow.attempt_id == ResultAttemptRow.attempt_id)
        .order_by(AttemptDecisionRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, "") == "void"


def results(
    session: Session,
    attempt_ids: Sequence[str] | None = None,
    bank_ids: Sequence[str] | None = None,
    filed_only: bool = False,
) -> list[HeldResult]:
    """Held attempts ordered by certificate, grade, centre and candidate number; optionally only some.

    ``filed_only`` leaves out attempts rescoring kept aside and those an administrator voided.
    """
    query = select(ResultAttemptRow).order_by(
        ResultAttemptRow.certificate,
        ResultAttemptRow.grade,
        ResultAttemptRow.centre,
        ResultAttemptRow.candidate_number,
        ResultAttemptRow.attempt_id,
    )
    if bank_ids is not None:
        query = query.where(ResultAttemptRow.bank_id.in_(list(bank_ids)))
    if filed_only:
        query = query.where(~_flagged(), ~_voided())
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


@dataclass(frozen=True, slots=True)
class ResultFilter:
    """Which held results a list shows; None means any. ``sitting`` is (centre, name, date or "")."""

    certificate: str | None = None
    grade: int | None = None
    centre: str | None = None
    # A sitting as people know it, not its id: each PC numbers its own sittings from 1.
    sitting: tuple[str, str, str] | None = None
    passed: bool | None = None


@dataclass(frozen=True, slots=True)
class ListedResult:
    """A held result as a list shows it: without the stored result and form, which lists never need."""

    attempt_id: str
    centre: str
    candidate_number: str
    candidate_name: str
    candidate_name_zh: str | None
    certificate: str
    grade: int
    bank_id: str
    bank_version: int
    sitting_name: str
    sitting_date: str | None
    finished_at: datetime | None
    percent: float
    passed: bool
    standing: str = ""
    """Whether the result may print (see :mod:`kiosk.registry.services.standing`); filled in by services."""


@dataclass(frozen=True, slots=True)
class ResultChoices:
    """The distinct values a results filter can offer, each sorted; sittings by date, name, then centre."""

    certificates: tuple[str, ...]
    grades: tuple[int, ...]
    centres: tuple[str, ...]
    sittings: tuple[tuple[str, str, str], ...]


_LISTED = (
    ResultAttemptRow.attempt_id,
    ResultAttemptRow.centre,
    ResultAttemptRow.candidate_number,
    ResultAttemptRow.candidate_name,
    ResultAttemptRow.candidate_name_zh,
    ResultAttemptRow.certificate,
    ResultAttemptRow.grade,
    ResultAttemptRow.bank_id,
    ResultAttemptRow.bank_version,
    ResultAttemptRow.sitting_name,
    ResultAttemptRow.sitting_date,
    ResultAttemptRow.finished_at,
    ResultAttemptRow.percent,
    ResultAttemptRow.passed,
)
# A results list's order; the attempt id last makes it total, so pages neither repeat nor skip a row.
_LIST_ORDER = (
    ResultAttemptRow.certificate,
    ResultAttemptRow.grade,
    ResultAttemptRow.centre,
    ResultAttemptRow.candidate_number,
    ResultAttemptRow.attempt_id,
)


def _sitting_date() -> ColumnElement[str]:
    return func.coalesce(ResultAttemptRow.sitting_date, "")


def _where(query: _Query, chosen: ResultFilter) -> _Query:
    # A result rescoring kept aside is not filed: no list shows it, nor counts it.
    query = query.where(~_flagged())
    if chosen.certificate is not None:
        query = query.where(ResultAttemptRow.certificate == chosen.certificate)
    if chosen.grade is not None:
        query = query.where(ResultAttemptRow.grade == chosen.grade)
    if chosen.centre is not None:
        query = query.where(ResultAttemptRow.centre == chosen.centre)
    if chosen.sitting is not None:
        centre, name, day = chosen.sitting
        query = query.where(
            ResultAttemptRow.centre == centre,
            ResultAttemptRow.sitting_name == name,
            _sitting_date() == day,
        )
    if chosen.passed is not None:
        query = query.where(ResultAttemptRow.passed.is_(chosen.passed))
    return query


def listed_results(
    session: Session, chosen: ResultFilter, limit: int | None = None, offset: int = 0
) -> list[ListedResult]:
    """The held results ``chosen`` lets through, in list order: ``limit`` of them from ``offset``."""
    query = _where(select(*_LISTED), chosen).order_by(*_LIST_ORDER).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [ListedResult(**row._asdict()) for row in session.execute(query)]


def count_results(session: Session, chosen: ResultFilter) -> tuple[int, int]:
    """How many held results ``chosen`` lets through, and how many of those passed."""
    query = _where(
        select(func.count(), func.coalesce(func.sum(case((ResultAttemptRow.passed, 1), else_=0)), 0)),
        chosen,
    )
    total, passed = session.execute(query).one()
    return int(total), int(passed)


def result_choices(session: Session) -> ResultChoices:
    """The certificates, grades, centres and sittings of the held results, each once."""

    def distinct(*columns: Any) -> list[Any]:
        return list(session.execute(select(*columns).where(~_flagged()).distinct()))

    sittings = sorted(
        (
            tuple(row)
            for row in distinct(ResultAttemptRow.centre, ResultAttemptRow.sitting_name, _sitting_date())
        ),
        key=lambda key: (key[2], key[1], key[0]),
    )
    return ResultChoices(
        certificates=tuple(sorted(row[0] for row in distinct(ResultAttemptRow.certificate))),
        grades=tuple(sorted(row[0] for row in distinct(ResultAttemptRow.grade))),
        centres=tuple(sorted(row[0] for row in distinct(ResultAttemptRow.centre))),
        sittings=tuple(sittings),
    )


def withheld_suspects(session: Session) -> list[str]:
    """The attempts that may be held back from printing: not rescored, flagged, decided about, or one of
    two or more results of a candidate on one bank. Their standing says which are."""
    checked = select(AttemptCheckRow.attempt_id).where(AttemptCheckRow.state == "rescored")
    unchecked = select(ResultAttemptRow.attempt_id).where(ResultAttemptRow.attempt_id.not_in(checked))
    found = {row[0] for row in session.execute(unchecked)}
    found.update(row[0] for row in session.execute(select(AttemptDecisionRow.attempt_id).distinct()))
    repeated = (
        select(ResultAttemptRow.candidate_number, ResultAttemptRow.bank_id)
        .group_by(ResultAttemptRow.candidate_number, ResultAttemptRow.bank_id)
        .having(func.count() > 1)
        .subquery()
    )
    found.update(
        row[0]
        for row in session.execute(
            select(ResultAttemptRow.attempt_id).join(
                repeated,
                (ResultAttemptRow.candidate_number == repeated.c.candidate_number)
                & (ResultAttemptRow.bank_id == repeated.c.bank_id),
            )
        )
    )
    return sorted(found)
