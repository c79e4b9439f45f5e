"""Reads and writes of the registry database; every function takes a session and never commits.

Inserts go through SQLAlchemy Core in bulk (one ``executemany`` per table per bundle) with
``ON CONFLICT DO NOTHING``, which SQLite and PostgreSQL both speak: when two importers store the same
attempt at once, the unique key decides who wins and the loser learns it from what was returned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any

from sqlalchemy import Dialect, Table, TypeDecorator, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.registry.storage.tables import (
    AttemptCheckRow,
    AttemptConflictRow,
    AttemptDecisionRow,
    BundleRow,
    CompetenceScoreRow,
    EnrolledKioskRow,
    HeldBankRow,
    QuarantineRow,
    RegistryTime,
    ResultAttemptRow,
    ResultIncidentRow,
    ResultResponseRow,
    RetiredKioskKeyRow,
    SlipCheckRow,
)

Row = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class EnrolledKiosk:
    kiosk_id: str
    kiosk_name: str
    centre: str
    key_id: str
    public_text: str
    enrolled_at: datetime


@dataclass(frozen=True, slots=True)
class StoredBundle:
    bundle_id: str
    kiosk_id: str
    sequence: int
    digest: str
    outcome: str
    attempt_count: int
    new_attempt_count: int
    acknowledged: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HeldAttempt:
    attempt_id: str
    bundle_id: str
    content_digest: str


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _insert(session: Session, model: type[Any]) -> Any:
    """An INSERT for ``model`` in the session's dialect, skipping rows whose unique key is taken."""
    table = _table(model)
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


# Kiosks -------------------------------------------------------------------------------------------------


def _kiosk(row: EnrolledKioskRow) -> EnrolledKiosk:
    return EnrolledKiosk(
        row.kiosk_id, row.kiosk_name, row.centre, row.key_id, row.public_text, row.enrolled_at
    )


def enrolled_kiosks(session: Session) -> list[EnrolledKiosk]:
    """Every enrolled kiosk, by id."""
    rows = session.scalars(select(EnrolledKioskRow).order_by(EnrolledKioskRow.kiosk_id))
    return [_kiosk(row) for row in rows]


def find_kiosk(session: Session, kiosk_id: str) -> EnrolledKiosk | None:
    row = session.get(EnrolledKioskRow, kiosk_id)
    return None if row is None else _kiosk(row)


def add_kiosk(session: Session, kiosk: EnrolledKiosk) -> bool:
    """Enrol ``kiosk``; False if a kiosk with its id was enrolled first (by another administrator)."""
    result = session.execute(
        _insert(session, EnrolledKioskRow).returning(_table(EnrolledKioskRow).c.kiosk_id),
        [
            {
                "kiosk_id": kiosk.kiosk_id,
                "kiosk_name": kiosk.kiosk_name,
                "centre": kiosk.centre,
                "key_id": kiosk.key_id,
                "public_text": kiosk.public_text,
                "enrolled_at": kiosk.enrolled_at,
            }
        ],
    )
    return bool(result.scalars().all())


def replace_kiosk_key(session: Session, kiosk: EnrolledKiosk, retired_at: datetime) -> None:
    """Give an enrolled kiosk a new key (and name, centre), keeping the old key in ``retired_kiosk_keys``."""
    row = session.get(EnrolledKioskRow, kiosk.kiosk_id, with_for_update=True)
    if row is None:
        raise LookupError(kiosk.kiosk_id)
    session.add(
        RetiredKioskKeyRow(
            kiosk_id=row.kiosk_id,
            key_id=row.key_id,
            public_text=row.public_text,
            enrolled_at=row.enrolled_at,
            retired_at=retired_at,
        )
    )
    row.kiosk_name, row.centre = kiosk.kiosk_name, kiosk.centre
    row.key_id, row.public_text, row.enrolled_at = kiosk.key_id, kiosk.public_text, kiosk.enrolled_at
    session.flush()


# Bundles ------------------------------------------------------------------------------------------------


def _bundle(row: BundleRow) -> StoredBundle:
    return StoredBundle(
        bundle_id=row.bundle_id,
        kiosk_id=row.kiosk_id,
        sequence=row.sequence,
        digest=row.digest,
        outcome=row.outcome,
        attempt_count=row.attempt_count,
        new_attempt_count=row.new_attempt_count,
        acknowledged=tuple(json.loads(row.acknowledged_json)),
    )


def find_bundle(session: Session, bundle_id: str) -> StoredBundle | None:
    row = session.get(BundleRow, bundle_id)
    return None if row is None else _bundle(row)


def find_bundle_by_sequence(session: Session, kiosk_id: str, sequence: int) -> StoredBundle | None:
    row = session.scalars(
        select(BundleRow).where(BundleRow.kiosk_id == kiosk_id, BundleRow.sequence == sequence)
    ).first()
    return None if row is None else _bundle(row)


def claim_bundle(session: Session, row: Row) -> bool:
    """Insert a bundle row; False if its id, or its kiosk's sequence number, is already taken.

    On PostgreSQL a concurrent importer holding the same key makes this wait until that importer
    commits or rolls back, so the answer is final.
    """
    result = session.execute(_insert(session, BundleRow).returning(_table(BundleRow).c.bundle_id), [row])
    return bool(result.scalars().all())


def finish_bundle(
    session: Session, bundle_id: str, outcome: str, new_attempts: int, acknowledged: Sequence[str]
) -> None:
    """Record what importing the claimed bundle came to."""
    session.execute(
        update(BundleRow)
        .where(BundleRow.bundle_id == bundle_id)
        .values(
            outcome=outcome, new_attempt_count=new_attempts, acknowledged_json=json.dumps(list(acknowledged))
        )
    )


def kiosk_sequences(session: Session) -> dict[str, list[int]]:
    """The sequence numbers received from each kiosk, ascending."""
    found: dict[str, list[int]] = {}
    rows = session.execute(select(BundleRow.kiosk_id, BundleRow.sequence).order_by(BundleRow.sequence))
    for kiosk_id, sequence in rows:
        found.setdefault(kiosk_id, []).append(sequence)
    return found


# Attempts and what hangs off them -------------------------------------------------------------------------


def insert_attempts(session: Session, rows: Sequence[Row]) -> set[str]:
    """Insert attempts not held yet; returns the ids this call stored (others were already there).

    Straight through the driver, each value converted as SQLAlchemy would convert it: an attempt row is an
    import's widest, and SQLAlchemy's own executemany spends more on it than the database does. On SQLite
    as multi-row ``INSERT ... ON CONFLICT DO NOTHING RETURNING`` in the order given; on PostgreSQL by COPY
    (see :func:`_copy_attempts`). Either way the unique key decides, as :func:`claim_bundle` describes.
    """
    if not rows:
        return set()
    table = _table(ResultAttemptRow)
    connection = session.connection()
    values = _driver_values(connection.dialect, table, rows)
    driver: Any = connection.connection.dbapi_connection
    columns = ", ".join(column.name for column in table.columns)
    stored: set[str] = set()
    with closing(driver.cursor()) as cursor:
        if connection.dialect.name == "postgresql":
            return _copy_attempts(cursor, table.name, columns, values)
        per_statement = max(1, _SQLITE_PARAMETERS // len(table.columns))
        row_marks = "(" + ", ".join("?" for _ in table.columns) + ")"
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table.name} ({columns}) VALUES {', '.join([row_marks] * len(chunk))} "
                "ON CONFLICT DO NOTHING RETURNING attempt_id",
                list(chain.from_iterable(chunk)),
            )
            stored.update(row[0] for row in cursor.fetchall())
    return stored


def _copy_attempts(cursor: Any, name: str, columns: str, values: list[tuple[object, ...]]) -> set[str]:
    """Insert attempt rows on PostgreSQL by COPY, those held already left out; the ids stored.

    The rows not held yet are copied straight into the table, inside a savepoint: only when another
    importer stores one of them meanwhile (the unique key refuses the copy) are they copied into a
    temporary table instead and inserted from there with ``ON CONFLICT DO NOTHING``, which lets the
    unique key decide row by row. The first column is the attempt id.
    """
    cursor.execute(f"SELECT attempt_id FROM {name} WHERE attempt_id = ANY(%s)", ([row[0] for row in values],))
    held = {row[0] for row in cursor.fetchall()}
    fresh = [row for row in values if row[0] not in held]
    if not fresh:
        return set()
    cursor.execute("SAVEPOINT fresh_attempts")
    try:
        with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
            for row in fresh:
                copy.write_row(row)
    except Exception as error:
        if getattr(error, "sqlstate", None) != _UNIQUE_VIOLATION:
            raise
        cursor.execute("ROLLBACK TO SAVEPOINT fresh_attempts")
    else:
        cursor.execute("RELEASE SAVEPOINT fresh_attempts")
        return {str(row[0]) for row in fresh}
    incoming = f"incoming_{name}"
    cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {incoming} (LIKE {name}) ON COMMIT DROP")
    with cursor.copy(f"COPY {incoming} ({columns}) FROM STDIN") as copy:
        for row in fresh:
            copy.write_row(row)
    # In key order, so two importers storing overlapping bundles wait for each other one way only.
    cursor.execute(
        f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {incoming} "
        "ORDER BY attempt_id ON CONFLICT DO NOTHING RETURNING attempt_id"
    )
    stored = {row[0] for row in cursor.fetchall()}
    cursor.execute(f"DELETE FROM {incoming}")
    return stored


# PostgreSQL's SQLSTATE for a row its unique key refuses.
_UNIQUE_VIOLATION = "23505"


def _driver_values(dialect: Dialect, table: Table, rows: Sequence[Row]) -> list[tuple[object, ...]]:
    """Each row as the tuple the driver takes, every value through its column type's bind processor."""
    processors = [(column.name, column.type.bind_processor(dialect)) for column in table.columns]
    return [
        tuple(row[name] if process is None else process(row[name]) for name, process in processors)
        for row in rows
    ]


def held_attempts(session: Session, attempt_ids: Iterable[str]) -> dict[str, HeldAttempt]:
    """The stored copies of ``attempt_ids`` (those held), by id."""
    wanted = list(attempt_ids)
    held: dict[str, HeldAttempt] = {}
    # Chunked to stay under every database's limit on bound parameters.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(
                ResultAttemptRow.attempt_id, ResultAttemptRow.bundle_id, ResultAttemptRow.content_digest
            ).where(ResultAttemptRow.attempt_id.in_(chunk))
        )
        for attempt_id, bundle_id, digest in rows:
            held[attempt_id] = HeldAttempt(attempt_id, bundle_id, digest)
    return held


def insert_rows(session: Session, model: type[Any], rows: Sequence[Row]) -> None:
    """Bulk-insert rows that cannot already be held (children of attempts this transaction stored)."""
    if rows:
        session.execute(_table(model).insert(), list(rows))


def _plain_columns(model: type[Any]) -> tuple[str, ...]:
    table = _table(model)
    # The fast path below hands values to the driver as they are, so no column may need converting.
    if any(isinstance(column.type, TypeDecorator) for column in table.columns):
        raise TypeError(f"table {table.name} has converted columns; use insert_rows")
    return tuple(column.name for column in table.columns)


RESPONSE_COLUMNS = _plain_columns(ResultResponseRow)
COMPETENCE_COLUMNS = _plain_columns(CompetenceScoreRow)
Values = Sequence[tuple[object, ...]]


def _bulk_insert(session: Session, model: type[Any], columns: tuple[str, ...], values: Values) -> None:
    """Insert many plain rows straight through the driver: COPY on PostgreSQL, multi-row INSERTs on SQLite.

    This is the hot path of an import (a hundred responses per attempt), where SQLAlchemy's per-row
    parameter processing would cost more than the database itself.
    """
    if not values:
        return
    name = _table(model).name
    connection = session.connection()
    # The raw driver connection (sqlite3 or psycopg), inside the session's own transaction.
    driver: Any = connection.connection.dbapi_connection
    if connection.dialect.name == "postgresql":
        with driver.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            for value in values:
                copy.write_row(value)
        return
    # SQLite: many rows per INSERT, which costs the driver one statement where executemany costs it one
    # per row; as many as stay under the oldest limit on bound parameters (999).
    per_statement = max(1, _SQLITE_PARAMETERS // len(columns))
    row_marks = "(" + ", ".join("?" for _ in columns) + ")"
    prefix = f"INSERT INTO {name} ({', '.join(columns)}) VALUES "
    cursor = driver.cursor()
    try:
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            cursor.execute(prefix + ", ".join([row_marks] * len(chunk)), list(chain.from_iterable(chunk)))
    finally:
        cursor.close()


_SQLITE_PARAMETERS = 999


def insert_responses(session: Session, values: Values) -> None:
    """Insert response rows given as tuples in :data:`RESPONSE_COLUMNS` order."""
    _bulk_insert(session, ResultResponseRow, RESPONSE_COLUMNS, values)


def insert_competence_scores(session: Session, values: Values) -> None:
    """Insert competence rows given as tuples in :data:`COMPETENCE_COLUMNS` order."""
    _bulk_insert(session, CompetenceScoreRow, COMPETENCE_COLUMNS, values)


def insert_attempt_conflicts(session: Session, rows: Sequence[Row]) -> None:
    insert_rows(session, AttemptConflictRow, rows)


def insert_incidents(session: Session, rows: Sequence[Row]) -> int:
    """Insert incidents not held yet (keyed by kiosk and the kiosk's number); returns how many were new."""
    if not rows:
        return 0
    table = _table(ResultIncidentRow)
    statement = _insert(session, ResultIncidentRow).returning(table.c.incident_number)
    return len(session.execute(statement, list(rows)).scalars().all())


def record_quarantine(session: Session, row: Row) -> None:
    insert_rows(session, QuarantineRow, [row])


# Banks in the registry's custody ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeldBank:
    """A bank version the registry holds; ``payload`` is empty when only the listing was read."""

    bank_id: str
    version: int
    digest: str
    source: str
    added_at: datetime
    payload: str = ""


def find_held_bank(session: Session, bank_id: str, version: int) -> HeldBank | None:
    row = session.get(HeldBankRow, (bank_id, version))
    if row is None:
        return None
    return HeldBank(row.bank_id, row.version, row.digest, row.source, row.added_at, row.payload)


def add_held_bank(session: Session, bank: HeldBank) -> bool:
    """Keep ``bank``; False when a copy of its id and version was kept first (the first copy stays)."""
    result = session.execute(
        _insert(session, HeldBankRow).returning(_table(HeldBankRow).c.bank_id),
        [
            {
                "bank_id": bank.bank_id,
                "version": bank.version,
                "digest": bank.digest,
                "payload": bank.payload,
                "source": bank.source,
                "added_at": bank.added_at,
            }
        ],
    )
    return bool(result.scalars().all())


def held_banks(session: Session) -> list[HeldBank]:
    """Every bank version held, by id and version, without their payloads."""
    rows = session.execute(
        select(
            HeldBankRow.bank_id,
            HeldBankRow.version,
            HeldBankRow.digest,
            HeldBankRow.source,
            HeldBankRow.added_at,
        ).order_by(HeldBankRow.bank_id, HeldBankRow.version)
    )
    return [HeldBank(*row) for row in rows]


# What rescoring found, and what administrators decided ------------------------------------------------------

PENDING = "pending"


@dataclass(frozen=True, slots=True)
class AttemptCheck:
    """What rescoring found for one attempt (``state`` is ``pending`` for an attempt never checked)."""

    attempt_id: str
    state: str
    percent: float | None = None
    reason_code: str | None = None
    reason_json: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    attempt_id: str
    decision: str
    decided_by: str
    why: str
    decided_at: datetime


_CHECK_COLUMNS = tuple(column.name for column in _table(AttemptCheckRow).columns)
_TIME = RegistryTime()


def insert_checks(session: Session, rows: Sequence[Row]) -> None:
    """Record what rescoring found for attempts this transaction stored (a row per attempt imported).

    Straight through the driver like responses, with the time rendered as :class:`RegistryTime` keeps it.
    """
    dialect = session.get_bind().dialect
    values = [
        tuple(
            _TIME.process_bind_param(row[name], dialect) if name == "checked_at" else row[name]
            for name in _CHECK_COLUMNS
        )
        for row in rows
    ]
    _bulk_insert(session, AttemptCheckRow, _CHECK_COLUMNS, values)


def replace_check(session: Session, row: Row) -> None:
    """Record what rescoring found for an attempt checked before (or never): the newest finding stands."""
    held = session.get(AttemptCheckRow, row["attempt_id"], with_for_update=True)
    if held is None:
        insert_rows(session, AttemptCheckRow, [row])
        return
    for name, value in row.items():
        setattr(held, name, value)
    session.flush()


def checks_of(session: Session, attempt_ids: Iterable[str]) -> dict[str, AttemptCheck]:
    """The findings for ``attempt_ids``; an attempt with none recorded is pending."""
    wanted = list(dict.fromkeys(attempt_ids))
    found = {attempt_id: AttemptCheck(attempt_id, PENDING) for attempt_id in wanted}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(
                AttemptCheckRow.attempt_id,
                AttemptCheckRow.state,
                AttemptCheckRow.percent,
                AttemptCheckRow.reason_code,
                AttemptCheckRow.reason_json,
            ).where(AttemptCheckRow.attempt_id.in_(chunk))
        )
        for row in rows:
            found[row[0]] = AttemptCheck(*row)
    return found


def unchecked_attempts(session: Session) -> list[str]:
    """The attempts not rescored yet (pending, or imported before the registry rescored), by id."""
    checked = select(AttemptCheckRow.attempt_id).where(AttemptCheckRow.state != PENDING)
    rows = session.execute(
        select(ResultAttemptRow.attempt_id)
        .where(ResultAttemptRow.attempt_id.not_in(checked))
        .order_by(ResultAttemptRow.attempt_id)
    )
    return [row[0] for row in rows]


def add_decision(session: Session, decision: Decision) -> None:
    insert_rows(
        session,
        AttemptDecisionRow,
        [
            {
                "attempt_id": decision.attempt_id,
                "decision": decision.decision,
                "decided_by": decision.decided_by,
                "why": decision.why,
                "decided_at": decision.decided_at,
            }
        ],
    )


def decisions_of(session: Session, attempt_ids: Iterable[str]) -> dict[str, Decision]:
    """The latest decision about each of ``attempt_ids`` that has one."""
    wanted = list(dict.fromkeys(attempt_ids))
    found: dict[str, Decision] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.scalars(
            select(AttemptDecisionRow)
            .where(AttemptDecisionRow.attempt_id.in_(chunk))
            .order_by(AttemptDecisionRow.id)
        )
        for row in rows:
            found[row.attempt_id] = Decision(
                row.attempt_id, row.decision, row.decided_by, row.why, row.decided_at
            )
    return found


@dataclass(frozen=True, slots=True)
class Sitter:
    """Who sat which bank on which day, for telling a second result from a first."""

    attempt_id: str
    candidate_number: str
    bank_id: str
    sitting_date: str | None
    finished_at: datetime | None

    @property
    def day(self) -> str:
        if self.sitting_date:
            return self.sitting_date
        return self.finished_at.date().isoformat() if self.finished_at else ""


def sitters(session: Session, candidate_numbers: Iterable[str]) -> list[Sitter]:
    """Every attempt held of the given candidates, whatever the bank and day."""
    wanted = sorted(set(candidate_numbers))
    found: list[Sitter] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(
                ResultAttemptRow.attempt_id,
                ResultAttemptRow.candidate_number,
                ResultAttemptRow.bank_id,
                ResultAttemptRow.sitting_date,
                ResultAttemptRow.finished_at,
            ).where(ResultAttemptRow.candidate_number.in_(chunk))
        )
        found.extend(Sitter(*row) for row in rows)
    return found


# Counts for reports and tests -----------------------------------------------------------------------------


def count_rows(session: Session) -> dict[str, int]:
    """How many rows each registry table holds."""
    models: tuple[type[Any], ...] = (
        EnrolledKioskRow,
        BundleRow,
        ResultAttemptRow,
        ResultResponseRow,
        CompetenceScoreRow,
        ResultIncidentRow,
        AttemptConflictRow,
        QuarantineRow,
        HeldBankRow,
        AttemptCheckRow,
        AttemptDecisionRow,
    )
    return {
        _table(model).name: int(session.execute(select(func.count()).select_from(_table(model))).scalar_one())
        for model in models
    }


# Check codes of printed slips and certificates ------------------------------------------------------------


def keep_slip_checks(session: Session, rows: Sequence[Row]) -> None:
    """Keep each (code, attempt_id, token, issued_at); a code already kept (a reprint) stays as it was."""
    if rows:
        session.execute(_insert(session, SlipCheckRow), list(rows))


def find_slip_check(session: Session, code: str) -> tuple[str, str] | None:
    """The (attempt id, token) kept under a check code, if any."""
    row = session.get(SlipCheckRow, code)
    return None if row is None else (row.attempt_id, row.token)
