"""Reading the results list: each page a range of the list's index read from a key, never sorted, its counts
and the filters' choices read from indexes alone, checked in the plans SQLite and PostgreSQL choose for the
statements the reads actually run (what the results are is the reporting service's tests' business)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event

from kiosk.registry.storage.reads import (
    ResultFilter,
    ResultKey,
    count_results,
    listed_results,
    result_choices,
)
from kiosk.registry.storage.store import RegistryDatabase, open_registry_database
from kiosk.registry.storage.tables import (
    AttemptCheckRow,
    BundleRow,
    EnrolledKioskRow,
    RegistryBase,
    ResultAttemptRow,
)
from tests.fixtures.registry import database_url_fixture  # noqa: F401 (fixture)

WHEN = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
CENTRES = ("Kitwe Campus", "Lusaka College", "Ndola Centre")
KINDS = (("design", 2), ("maintenance", 1), ("maintenance", 3))


def _attempt(number: int) -> ResultAttemptRow:
    certificate, grade = KINDS[number % len(KINDS)]
    return ResultAttemptRow(
        attempt_id=f"A-{number:04d}",
        kiosk_id="K1",
        bundle_id="B1",
        centre=CENTRES[number // 7 % len(CENTRES)],
        candidate_number=f"C{number * 37 % 1000:04d}",
        candidate_name="Ann Banda",
        candidate_name_zh=None,
        certificate=certificate,
        grade=grade,
        bank_id=f"{certificate}-{grade}",
        bank_version=1,
        sitting_id="1",
        sitting_name="Morning theory" if number % 2 else "Resit",
        sitting_date=None if number % 5 == 0 else "2025-03-14",
        state="submitted",
        seed=number,
        started_at=WHEN,
        finished_at=WHEN,
        allowed_seconds=1800.0,
        consumed_seconds=1500.0,
        earned=float(number % 10),
        possible=10.0,
        percent=float(number % 10) * 10,
        passed=number % 10 >= 6,
        submission_code=None,
        journal_head="a" * 64,
        journal_length=3,
        result_json="{}",
        form_json="{}",
        events_json="[]",
        checkpoints_json="[]",
        content_digest="d" * 64,
        imported_at=WHEN,
    )


@pytest.fixture(params=["ascending", "descending"])
def database(database_url: str, request: pytest.FixtureRequest) -> Iterator[RegistryDatabase]:
    """A registry of 300 results over three centres, certificates and sittings; one in twenty kept aside.

    The order a registry's indexes were made in varies from one to the next (SQLAlchemy makes a table's
    indexes in set order), and without statistics SQLite settles a tie between two indexes by it: each
    test runs with the results' indexes made in the order of their names and in the reverse order.
    """
    opened = open_registry_database(database_url)
    indexes = sorted(RegistryBase.metadata.tables["attempts"].indexes, key=lambda index: str(index.name))
    with opened.engine.begin() as connection:
        for index in indexes:
            index.drop(connection)
        for index in indexes if request.param == "ascending" else indexes[::-1]:
            index.create(connection)
    with opened.transaction() as session:
        session.add(
            EnrolledKioskRow(
                kiosk_id="K1",
                kiosk_name="Lab PC",
                centre="Kitwe",
                key_id="0" * 16,
                public_text="-",
                enrolled_at=WHEN,
            )
        )
        session.flush()
        session.add(
            BundleRow(
                bundle_id="B1",
                kiosk_id="K1",
                sequence=1,
                digest="0" * 64,
                previous_hash="",
                created_at=WHEN,
                received_at=WHEN,
                source_name="B1.1xresult",
                outcome="imported",
                attempt_count=300,
                new_attempt_count=300,
                acknowledged_json="[]",
            )
        )
        session.flush()
        session.add_all(_attempt(number) for number in range(300))
        session.add_all(
            AttemptCheckRow(
                attempt_id=f"A-{number:04d}",
                state="flagged" if number % 20 == 0 else "rescored",
                checked_at=WHEN,
            )
            for number in range(300)
        )
    yield opened
    opened.close()


@contextmanager
def statements(database: RegistryDatabase) -> Iterator[list[tuple[str, Any]]]:
    """The queries (and their parameters) the block sends to the database."""
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):  # not the BEGIN that opens the session
            seen.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", keep)


def plan(database: RegistryDatabase, statement: str, parameters: Any) -> str:
    """The database's plan for ``statement``, one step a line.

    On PostgreSQL a table this small would be read whole (or its matches sorted) whatever its indexes;
    with whole-table and bitmap scans and sorting priced out, the plan shows what the indexes can do for
    the statement, as the planner uses them on a large table: a Sort left in it means no index gives the
    order.
    """
    with database.engine.connect() as connection:
        if database.dialect == "sqlite":
            rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            return "\n".join(str(row[3]) for row in rows)
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            connection.exec_driver_sql(f"SET {setting} = off")
        return "\n".join(
            str(row[0]) for row in connection.exec_driver_sql("EXPLAIN " + statement, parameters)
        )


def _key(database: RegistryDatabase, chosen: ResultFilter, position: int) -> ResultKey:
    with database.session() as session:
        return listed_results(session, chosen)[position].key


FILTERS = [
    ResultFilter(),
    ResultFilter(certificate="maintenance", grade=3),
    ResultFilter(certificate="maintenance", grade=1, centre="Ndola Centre"),
    ResultFilter(passed=False),
]


@pytest.mark.parametrize("chosen", FILTERS, ids=["all", "certificate-grade", "to-centre", "not-passed"])
def test_every_page_is_read_in_the_order_of_the_list_index(
    database: RegistryDatabase, chosen: ResultFilter
) -> None:
    key = _key(database, chosen, 5)
    with statements(database) as seen, database.session() as session:
        listed_results(session, chosen, 20)
        listed_results(session, chosen, 20, after=key)
        listed_results(session, chosen, 20, before=key)
        listed_results(session, chosen, 20, from_end=True)
    pages = [plan(database, *sent) for sent in seen]
    assert len(pages) == 4
    for found in pages:
        assert "ix_attempts_list" in found, found
        # Read in the index's order (forwards or backwards): nothing is sorted, so no row past the page
        # is read.
        assert "TEMP B-TREE" not in found and "Sort" not in found, found
        # Whether a row may be held back is looked up by key: another result of its candidate through
        # the candidate's index, never by reading a whole bank's results (or a whole table) per row.
        assert "ix_attempts_candidate" in found and "ix_attempts_bank" not in found, found
        assert "Seq Scan" not in found and "SCAN attempts_1" not in found, found


@pytest.mark.parametrize("chosen", FILTERS, ids=["all", "certificate-grade", "to-centre", "not-passed"])
def test_the_counts_read_indexes_alone(database: RegistryDatabase, chosen: ResultFilter) -> None:
    key = _key(database, chosen, 5)
    with statements(database) as seen, database.session() as session:
        count_results(session, chosen, ahead_of=key)
    plans = [plan(database, *sent) for sent in seen]
    assert plans
    for found in plans:
        if database.dialect == "sqlite":
            reads = [line for line in found.splitlines() if " attempts " in f"{line} "]
            # The results (kept aside or not) from an index: the index alone, or by key for the few flagged.
            assert all("COVERING INDEX" in line or "(attempt_id=?)" in line for line in reads), found
        else:
            assert "Seq Scan" not in found, found
    flagged = [found for found in plans if "attempt_checks" in found or "ix_attempt_checks_state" in found]
    # The results kept aside are counted in one statement, found through the index of the checks' state.
    assert len(flagged) == 1 and "ix_attempt_checks_state" in flagged[0]


def test_the_choices_are_one_pass_over_the_sitting_index(database: RegistryDatabase) -> None:
    with statements(database) as seen, database.session() as session:
        choices = result_choices(session)
    assert choices.centres == CENTRES
    grouped = plan(database, *seen[0])
    assert "ix_attempts_sitting" in grouped, grouped
    if database.dialect == "sqlite":
        # Grouped in the index's own order: no temporary table of the groups.
        assert "COVERING INDEX" in grouped and "TEMP B-TREE" not in grouped, grouped
    else:
        assert "Seq Scan" not in grouped and "Sort" not in grouped, grouped
    assert "ix_attempt_checks_state" in plan(database, *seen[1])
