"""Read-only queries over the registry database for the results list, slips, certificates and reports.

Every function takes a session and returns small frozen records, never rows; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

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
class ResultKey:
    """Where a result stands in list order: the list's sort columns, made unique by the attempt id.

    A page is asked for by the key of a row already shown (the rows after the last one, or before the
    first), so the database seeks to it in the list's index instead of counting rows from the start.
    """

    certificate: str
    grade: int
    centre: str
    candidate_number: str
    attempt_id: str


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
    suspect: bool = True
    """Whether the result may be held back from printing (see ``_suspect``): one that is not stands ready
    to print, and only the others need their standing worked out."""

    @property
    def key(self) -> ResultKey:
        """This result's place in list order."""
        return ResultKey(self.certificate, self.grade, self.centre, self.candidate_number, self.attempt_id)

    def with_standing(self, standing: str) -> ListedResult:
        """This result with its standing filled in (a page of them, quicker than ``dataclasses.replace``)."""
        return ListedResult(
            self.attempt_id,
            self.centre,
            self.candidate_number,
            self.candidate_name,
            self.candidate_name_zh,
            self.certificate,
            self.grade,
            self.bank_id,
            self.bank_version,
            self.sitting_name,
            self.sitting_date,
            self.finished_at,
            self.percent,
            self.passed,
            standing,
            self.suspect,
        )


@dataclass(frozen=True, slots=True)
class ResultCount:
    """How many held results a filter lets through, how many of those passed, and how many of them come
    before a given key in list order (0 when no key was given)."""

    total: int
    passed: int
    ahead: int = 0


@dataclass(frozen=True, slots=True)
class ResultGroup:
    """How many filed results (none rescoring kept aside) share a sitting, certificate and grade, and how
    many of those passed. ``sitting_date`` is "" for an undated sitting, as a filter names it."""

    centre: str
    sitting_name: str
    sitting_date: str
    certificate: str
    grade: int
    count: int
    passed: int

    def chosen_by(self, chosen: ResultFilter) -> int:
        """How many of these results ``chosen`` lets through (as :func:`listed_results` would list them)."""
        if not (
            chosen.certificate in (None, self.certificate)
            and chosen.grade in (None, self.grade)
            and chosen.centre in (None, self.centre)
            and chosen.sitting in (None, (self.centre, self.sitting_name, self.sitting_date))
        ):
            return 0
        if chosen.passed is None:
            return self.count
        return self.passed if chosen.passed else self.count - self.passed


@dataclass(frozen=True, slots=True)
class ResultChoices:
    """The distinct values a results filter can offer, each sorted; sittings by date, name, then centre."""

    certificates: tuple[str, ...]
    grades: tuple[int, ...]
    centres: tuple[str, ...]
    sittings: tuple[tuple[str, str, str], ...]
    groups: tuple[ResultGroup, ...] = ()
    """The summary the choices were read from, which also counts what any filter lets through."""

    def count(self, chosen: ResultFilter) -> ResultCount:
        """How many of the results summed up ``chosen`` lets through, and how many of those passed: the
        database's count when the choices were read, without reading the results again."""
        total = passed = 0
        for group in self.groups:
            if let_through := group.chosen_by(chosen):
                total += let_through
                passed += group.passed if chosen.passed is not False else 0
        return ResultCount(total, passed)


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
# A results list's order, the columns of the index ``ix_attempts_list`` (tables.py) in the same order, so a
# page is a range of that index; the attempt id last makes it total, so pages neither repeat nor skip a row.
_LIST_ORDER = (
    ResultAttemptRow.certificate,
    ResultAttemptRow.grade,
    ResultAttemptRow.centre,
    ResultAttemptRow.candidate_number,
    ResultAttemptRow.attempt_id,
)


def _unindexed(column: Any) -> Any:
    """``column``'s value in an expression no index answers, so a planner without statistics (SQLite's)
    looks its rows up by another condition: it takes any equality on an index for a few rows, and would
    as soon read a whole bank's results as one candidate's."""
    return func.coalesce(column, column)


def _day(row: Any) -> ColumnElement[str]:
    """The day an attempt was sat, as standing tells a second result by: the sitting's date, else the UTC
    date it finished (its stored time is UTC ISO text, so the first ten characters), else ""."""
    return case(
        (and_(row.sitting_date.is_not(None), row.sitting_date != ""), row.sitting_date),
        else_=func.coalesce(func.substr(row.finished_at, 1, 10), ""),
    )


def _suspect() -> ColumnElement[bool]:
    """Whether a listed result may be held back from printing: not rescored, decided about, or one of two
    or more results of its candidate on its bank on one day (the rule of a second result in
    :mod:`kiosk.registry.services.standing`). One that is none of these stands ready to print.

    Asked of each row a page lists, by key in the checks, the decisions and ``ix_attempts_candidate``.
    """
    other = aliased(ResultAttemptRow)
    # Each a lookup by key for the row at hand, written as a scalar subquery: PostgreSQL would answer an
    # EXISTS by reading the whole table into a hash first, for 500 rows as for a million.
    attempt_id = ResultAttemptRow.attempt_id
    state = select(AttemptCheckRow.state).where(AttemptCheckRow.attempt_id == attempt_id)
    decided = select(AttemptDecisionRow.id).where(AttemptDecisionRow.attempt_id == attempt_id)
    rival = select(other.attempt_id).where(
        other.candidate_number == ResultAttemptRow.candidate_number,
        # Found by candidate (a few rows in ``ix_attempts_candidate``), not by bank (thousands).
        _unindexed(other.bank_id) == ResultAttemptRow.bank_id,
        other.attempt_id != attempt_id,
        _day(other) == _day(ResultAttemptRow),
    )
    return or_(
        func.coalesce(state.scalar_subquery(), "") != "rescored",
        decided.limit(1).scalar_subquery().is_not(None),
        rival.limit(1).scalar_subquery().is_not(None),
    )


def _chosen(query: _Query, chosen: ResultFilter, indexed: bool = True) -> _Query:
    """``query`` narrowed to what ``chosen`` lets through, flagged results included.

    Every condition is a plain comparison of a column, so the database can answer it from the list's
    indexes (a boolean compared with ``=``, never ``IS``, which PostgreSQL cannot look up in an index).
    Not ``indexed``, each column is wrapped in an expression no index answers: joined to the few results
    kept aside, the database then starts from those, where a planner without statistics (SQLite's) would
    take an equality on an index for a few rows and start from the filter's thousands.
    """

    def seen(column: Any) -> Any:
        return column if indexed else _unindexed(column)

    if chosen.certificate is not None:
        query = query.where(seen(ResultAttemptRow.certificate) == chosen.certificate)
    if chosen.grade is not None:
        query = query.where(seen(ResultAttemptRow.grade) == chosen.grade)
    if chosen.centre is not None:
        query = query.where(seen(ResultAttemptRow.centre) == chosen.centre)
    if chosen.sitting is not None:
        centre, name, day = chosen.sitting
        query = query.where(
            seen(ResultAttemptRow.centre) == centre, seen(ResultAttemptRow.sitting_name) == name
        )
        # An undated sitting is chosen by an empty date (see result_choices).
        dated = seen(ResultAttemptRow.sitting_date)
        query = query.where(dated == day if day else or_(dated.is_(None), dated == ""))
    if chosen.passed is not None:
        query = query.where(seen(ResultAttemptRow.passed) == chosen.passed)
    return query


def _fixed(chosen: ResultFilter) -> int:
    """How many of the list order's first columns (certificate, grade, centre) ``chosen`` fixes to a value."""
    fixed = (
        chosen.certificate is not None,
        chosen.grade is not None,
        chosen.centre is not None or chosen.sitting is not None,
    )
    count = 0
    for is_fixed in fixed:
        if not is_fixed:
            break
        count += 1
    return count


def _beyond(chosen: ResultFilter, key: ResultKey, after: bool) -> ColumnElement[bool]:
    """Rows after ``key`` in list order (before it when not ``after``), as one row-value comparison.

    The columns the filter fixes to one value are left out of the comparison: the same for every row it
    lets through, they change nothing, and SQLite only seeks to a row value that starts where the
    filter's equalities on the index end.
    """
    values = (key.certificate, key.grade, key.centre, key.candidate_number, key.attempt_id)
    skip = _fixed(chosen)
    columns = tuple_(*_LIST_ORDER[skip:])
    bound = tuple_(*(literal(value) for value in values[skip:]))
    return columns > bound if after else columns < bound


def listed_results(
    session: Session,
    chosen: ResultFilter,
    limit: int | None = None,
    after: ResultKey | None = None,
    before: ResultKey | None = None,
    from_end: bool = False,
) -> list[ListedResult]:
    """The held results ``chosen`` lets through, in list order, a page at a time by key (never OFFSET).

    ``limit`` rows (all when None): the first ones; those right after ``after``; or, reading the list's
    index backwards, the last ones before ``before`` (with ``from_end``, before the end). Results rescoring
    kept aside are never listed.
    """
    if after is not None and (before is not None or from_end):
        raise ValueError("a page is read either after a key or before one, not both")
    backwards = before is not None or from_end
    query = _chosen(select(*_LISTED, _suspect()), chosen).where(~_flagged())
    if after is not None:
        query = query.where(_beyond(chosen, after, after=True))
    if before is not None:
        query = query.where(_beyond(chosen, before, after=False))
    query = query.order_by(*(column.desc() for column in _LIST_ORDER) if backwards else _LIST_ORDER)
    if limit is not None:
        query = query.limit(limit)
    # The columns are the record's fields in order, then whether it is a suspect.
    make: Callable[..., ListedResult] = ListedResult
    rows = [make(*row[:-1], suspect=bool(row[-1])) for row in session.execute(query)]
    return rows[::-1] if backwards else rows


def count_results(session: Session, chosen: ResultFilter, ahead_of: ResultKey | None = None) -> ResultCount:
    """How many held results ``chosen`` lets through, how many passed, and how many come before ``ahead_of``.

    Each figure is a count over one range of an index; the results rescoring kept aside (few) are counted
    apart, from their own index, and taken off, so no count looks each row up in ``attempt_checks``.
    """

    def count(*conditions: ColumnElement[bool], among: ResultFilter = chosen) -> int:
        query = _chosen(select(func.count()).select_from(ResultAttemptRow), among).where(*conditions)
        return int(session.scalar(query) or 0)

    total = count()
    if chosen.passed is None:
        passed = count(among=replace(chosen, passed=True))
    else:  # The filter already chose the outcome: every result it lets through passed, or none did.
        passed = total if chosen.passed else 0
    ahead = count(_beyond(chosen, ahead_of, after=False)) if ahead_of is not None else 0
    flagged = _chosen(
        select(
            func.count(),
            func.coalesce(func.sum(case((ResultAttemptRow.passed, 1), else_=0)), 0),
            func.coalesce(
                func.sum(case((_beyond(chosen, ahead_of, after=False), 1), else_=0))
                if ahead_of is not None
                else literal(0),
                0,
            ),
        )
        .select_from(AttemptCheckRow)
        .join(ResultAttemptRow, ResultAttemptRow.attempt_id == AttemptCheckRow.attempt_id)
        .where(AttemptCheckRow.state == "flagged"),
        chosen,
        indexed=False,
    )
    kept_total, kept_passed, kept_ahead = session.execute(flagged).one()
    return ResultCount(
        int(total) - int(kept_total), int(passed) - int(kept_passed), int(ahead) - int(kept_ahead)
    )


def result_choices(session: Session) -> ResultChoices:
    """The certificates, grades, centres and sittings of the held results, each once, and the summary
    they come from: how many results each sitting holds of each certificate and grade, and how many passed.

    One pass over ``ix_attempts_sitting`` (its first five columns, in their order) counts them; the results
    rescoring kept aside are counted the same way from their own index and taken off, and a value only
    they hold is not offered (no list would show a result for it).
    """
    group = (
        ResultAttemptRow.centre,
        ResultAttemptRow.sitting_name,
        ResultAttemptRow.sitting_date,
        ResultAttemptRow.certificate,
        ResultAttemptRow.grade,
    )
    counts = (func.count(), func.sum(case((ResultAttemptRow.passed, 1), else_=0)))
    # Through the connection: a few thousand plain rows, without the ORM's handling of each.
    connection = session.connection()
    held = connection.execute(select(*group, *counts).group_by(*group))
    kept = connection.execute(
        select(*group, *counts)
        .select_from(AttemptCheckRow)
        .join(ResultAttemptRow, ResultAttemptRow.attempt_id == AttemptCheckRow.attempt_id)
        .where(AttemptCheckRow.state == "flagged")
        .group_by(*group)
    )
    aside = {tuple(row[:5]): (row[5], row[6]) for row in kept}
    groups = []
    for centre, name, day, certificate, grade, count, passed in held:
        kept_count, kept_passed = aside.get((centre, name, day, certificate, grade), (0, 0))
        if count > kept_count:
            # No date and an empty one are the same sitting to a person choosing it.
            groups.append(
                ResultGroup(
                    centre, name, day or "", certificate, grade, count - kept_count, int(passed - kept_passed)
                )
            )
    return ResultChoices(
        certificates=tuple(sorted({found.certificate for found in groups})),
        grades=tuple(sorted({found.grade for found in groups})),
        centres=tuple(sorted({found.centre for found in groups})),
        sittings=tuple(
            sorted(
                {(found.centre, found.sitting_name, found.sitting_date) for found in groups},
                key=lambda key: (key[2], key[1], key[0]),
            )
        ),
        groups=tuple(groups),
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
