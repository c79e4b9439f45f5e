"""The registry's results list, page by page: first, middle and last page and the filter choices as the
console asks for them, at 10,000 and 100,000 results (and 1,000,000 with ``--million``), on SQLite and on
PostgreSQL, each beside a floor.

    python bench/results_page.py [--sizes 10000 100000] [--million] [--repeat 9] [--page-size 500]
                                 [--only sqlite|postgresql] [--pg-url URL] [--flagged 0.001]

Each database is a registry made by the registry's own code (its tables and indexes), then filled straight
through the driver (``executemany`` on SQLite, ``COPY`` on PostgreSQL) with results spread as a national
registry's are: 72 centres, sittings of 50 candidates, three certificates at three grades, one sitting in
thirty undated, about 40 % passing, 15 % a candidate's retake of a bank not passed on an earlier day;
every result rescored, except 1 % waiting for their bank and
``--flagged`` (0.1 %) kept aside by rescoring, which no list shows; a few decided about; rows of about
5 KB of stored result, form and journal. It grows from one size to the next. SQLite is a file in a
temporary folder, used as it is (the registry never runs ANALYZE); PostgreSQL is a schema of its own,
``bench_results_page``, dropped at the start and the end, vacuumed and analysed after each fill as
autovacuum would have it on a registry that has been running.

Timed, each ``--repeat`` times after one untimed call, median reported (best and worst printed above the
table), as the console asks: ``result_choices`` (the filters' choices, with the summary that counts what
each filter lets through, read when the page opens); ``find_results`` for the first page, for the page
after the middle row (the Next button: ``after=`` the key of the row, ``at=`` where it stood) and for the
last page (``last=True``), each with the totals from that summary (``counted=``) and the standing of each
row. For context: the first and middle page when the caller knows neither totals nor places, so they are
counted in the database, and those counts alone (total, passed, rows before the middle). The floor of each
page is the same rows fetched with one hand-written keyset query through the raw driver (``sqlite3``,
``psycopg``): no counts, no standings, no objects. The floor of the choices is the one hand-written
``GROUP BY`` they are summed up from (without taking off the few kept aside); of the counts, one count of
the rows before the middle.
Budget, at every size up to 100,000 results (1,000,000 is printed for context): 50 ms for each page; for
the choices, which read every result's index entry once as their floor does (so they grow with the
registry), 50 ms too, or twice their floor where that one pass alone takes more than 25 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import make_url
from verdicts import Figure, finish, ratio
from workloads import fresh_database

from kiosk.registry.services.registry import RegistryContext, init_registry, open_registry
from kiosk.registry.services.reporting import ResultFilter, ResultKey, find_results, result_choices
from kiosk.registry.storage import reads
from kiosk.registry.storage.tables import RegistryBase

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "bench_results_page"
BUDGET_MS = 50.0
# The choices (and the summary that counts every filter) are one pass over an index, as their floor is;
# they may add as much again for taking off the results kept aside and making the records.
CHOICES_RATIO = 2.0
JUDGED_UP_TO = 100_000
# Pages as a caller that knows neither the totals nor where the row it turns from stood gets them: counted
# in the database. Printed for context (the console knows both).
FIRST_COUNTED = "first page, totals counted (context)"
MIDDLE_COUNTED = "middle page, totals and rows before counted (context)"
NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
PER_SITTING = 50
# The share of results that are a candidate's second or later go at a bank they did not pass.
RETAKES = 0.15
KINDS = [
    (certificate, grade) for certificate in ("maintenance", "design", "recycling") for grade in (1, 2, 3)
]
TOWNS = ("Lusaka", "Kitwe", "Ndola", "Kabwe", "Chingola", "Livingstone", "Kasama", "Chipata", "Solwezi")
KINDS_OF_CENTRE = (
    "Technical College",
    "Skills Centre",
    "Vocational Institute",
    "Polytechnic",
    "Training Centre",
    "Trades Institute",
    "Campus",
    "Energy Academy",
)
CENTRES = [f"{town} {kind}" for town in TOWNS for kind in KINDS_OF_CENTRE]
NAMES = ("Chanda Mwale", "Mutale Banda", "Bwalya Phiri", "Natasha Tembo", "Mwila Zulu", "Li Na", "Wang Fang")
CHINESE = {"Li Na": "李娜", "Wang Fang": "王芳"}
LISTED = (
    "attempt_id, centre, candidate_number, candidate_name, candidate_name_zh, certificate, grade, bank_id, "
    "bank_version, sitting_name, sitting_date, finished_at, percent, passed"
)
ORDER = ("certificate", "grade", "centre", "candidate_number", "attempt_id")
SUMMED = "centre, sitting_name, sitting_date, certificate, grade, passed"
NOT_FLAGGED = "attempt_id NOT IN (SELECT attempt_id FROM attempt_checks WHERE state = 'flagged')"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


RESULT_JSON = (
    '{"by_area": {"foundational": {"earned": 21, "possible": 30}, '
    '"practical": {"earned": 30, "possible": 40}}, '
    '"by_competence": {'
    + ", ".join(f'"C{n}": {{"earned": {n}, "possible": {n + 3}}}' for n in range(10))
    + '}, "rules": {"pass_mark": 60, "area_minimums": {"practical": 50}}}'
)
FORM_JSON = (
    '{"bank_id": "b", "version": 1, "seed": 7, "items": ['
    + ", ".join(f'{{"id": "T-{n:03d}", "order": ["A", "B", "C", "D"]}}' for n in range(60))
    + "]}"
)
EVENTS_JSON = "[" + ", ".join(f'{{"at": "{_iso(NOW)}", "kind": "answer", "n": {n}}}' for n in range(16)) + "]"
CHECKPOINTS_JSON = f'[{{"at": "{_iso(NOW)}", "answered": 60}}]'


@dataclass
class Filler:
    """Makes result rows one after another, sitting by sitting, so a registry can grow from size to size."""

    rng: random.Random
    flagged: float
    made: int = 0
    sitting: int = -1
    failed: dict[tuple[str, int], list[tuple[str, int]]] = field(default_factory=dict)
    """Candidates who did not pass each bank yet, some of whom sit it again."""

    def rows(self, count: int) -> Iterator[tuple[dict[str, Any], str, bool]]:
        """``count`` more attempts: each row, its rescoring state, and whether its sitting is new."""
        rng = self.rng
        for _ in range(count):
            new_sitting = self.made % PER_SITTING == 0
            if new_sitting:
                self.sitting += 1
                self.centre_no = rng.randrange(len(CENTRES))
                self.kind = rng.choice(KINDS)
                # Eight sittings a day across the country.
                day = (datetime(2021, 1, 4) + timedelta(days=self.sitting // 8)).date().isoformat()
                self.day = None if rng.random() < 1 / 30 else day
                theory = rng.random() < 0.6
                self.sitting_name = (
                    f"{self.kind[0].title()} {'I' * self.kind[1]} {'theory' if theory else 'practical'}"
                )
                self.kiosk = f"K{self.centre_no:03d}-{rng.randrange(2)}"
                self.finished = NOW - timedelta(days=self.sitting // 8)
            certificate, grade = self.kind
            percent = round(min(100.0, max(0.0, rng.gauss(56, 18))), 1)
            name = NAMES[rng.randrange(len(NAMES))]
            today = self.sitting // 8
            failed = self.failed.setdefault(self.kind, [])
            if failed and failed[0][1] < today and rng.random() < RETAKES:
                # A candidate who did not pass this bank on an earlier day sits it again.
                candidate = failed.pop(0)[0]
            else:
                candidate = f"{2021 + self.sitting // 4000}-{rng.randrange(10**7):07d}"
            if percent < 60 and len(failed) < 5000:
                failed.append((candidate, today))
            row = {
                "attempt_id": f"A-{self.kiosk}-{self.made:08d}",
                "kiosk_id": self.kiosk,
                "bundle_id": f"B{self.sitting:07d}",
                "centre": CENTRES[self.centre_no],
                "candidate_number": candidate,
                "candidate_name": name,
                "candidate_name_zh": CHINESE.get(name),
                "certificate": certificate,
                "grade": grade,
                "bank_id": f"{certificate}-{grade}",
                "bank_version": 1,
                "sitting_id": str(self.sitting % 400 + 1),
                "sitting_name": self.sitting_name,
                "sitting_date": self.day,
                "state": "submitted",
                "seed": rng.randrange(2**62),
                "started_at": _iso(self.finished - timedelta(hours=1)),
                "finished_at": _iso(self.finished),
                "allowed_seconds": 3600.0,
                "consumed_seconds": 3000.0,
                "earned": percent,
                "possible": 100.0,
                "percent": percent,
                "passed": percent >= 60,
                "submission_code": "ABCD-EFGH-JK",
                "journal_head": "a" * 64,
                "journal_length": 60,
                "result_json": RESULT_JSON,
                "form_json": FORM_JSON,
                "events_json": EVENTS_JSON,
                "checkpoints_json": CHECKPOINTS_JSON,
                "content_digest": "b" * 64,
                "imported_at": _iso(NOW),
            }
            roll = rng.random()
            state = (
                "flagged" if roll < self.flagged else "pending" if roll < self.flagged + 0.01 else "rescored"
            )
            self.made += 1
            yield row, state, new_sitting


# Every column of the attempts table, in its order (the fill writes each).
COLUMNS = [column.name for column in RegistryBase.metadata.tables["attempts"].columns]


class Raw:
    """A raw driver connection to the bench database: the fill, and the floors."""

    def __init__(self, kind: str, target: str) -> None:
        self.kind = kind
        if kind == "sqlite":
            self.connection: Any = sqlite3.connect(target, isolation_level=None)
            self.connection.execute("PRAGMA cache_size = -65536")
            self.mark = "?"
        else:
            self.connection = psycopg.connect(target, autocommit=True)
            self.mark = "%s"

    def marks(self, count: int) -> str:
        return ", ".join([self.mark] * count)

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        cursor.execute(sql, params)
        return list(cursor.fetchall())

    def close(self) -> None:
        self.connection.close()


def fill(raw: Raw, filler: Filler, count: int) -> None:
    """Add ``count`` results (their kiosks, bundles, checks and a few decisions) straight into the tables."""
    cursor = raw.connection.cursor()
    if raw.kind == "sqlite":
        cursor.execute("BEGIN")
    if filler.made == 0:
        kiosks = [
            (f"K{centre:03d}-{n}", f"Lab PC {n + 1}", CENTRES[centre], "0" * 16, "-", _iso(NOW))
            for centre in range(len(CENTRES))
            for n in range(2)
        ]
        cursor.executemany(f"INSERT INTO kiosks VALUES ({raw.marks(6)})", kiosks)
    attempts: list[tuple[Any, ...]] = []
    bundles: list[tuple[Any, ...]] = []
    checks: list[tuple[Any, ...]] = []
    decisions: list[tuple[Any, ...]] = []

    def flush() -> None:
        cursor.executemany(f"INSERT INTO bundles VALUES ({raw.marks(12)})", bundles)
        if raw.kind == "sqlite":
            cursor.executemany(
                f"INSERT INTO attempts ({', '.join(COLUMNS)}) VALUES ({raw.marks(len(COLUMNS))})", attempts
            )
        else:
            with cursor.copy(f"COPY attempts ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in attempts:
                    copy.write_row(row)
        cursor.executemany(f"INSERT INTO attempt_checks VALUES ({raw.marks(10)})", checks)
        cursor.executemany(
            "INSERT INTO attempt_decisions (attempt_id, decision, decided_by, why, decided_at) "
            f"VALUES ({raw.marks(5)})",
            decisions,
        )
        for made in (attempts, bundles, checks, decisions):
            made.clear()

    for row, state, new_sitting in filler.rows(count):
        if new_sitting:
            bundles.append(
                (
                    row["bundle_id"],
                    row["kiosk_id"],
                    filler.sitting + 1,
                    "c" * 64,
                    "d" * 64,
                    row["finished_at"],
                    row["imported_at"],
                    f"{row['bundle_id']}.1xresult",
                    "imported",
                    PER_SITTING,
                    PER_SITTING,
                    "[]",
                )
            )
        attempts.append(tuple(row[name] for name in COLUMNS))
        if state != "pending":
            checks.append(
                (
                    row["attempt_id"],
                    state,
                    "e" * 64,
                    row["earned"],
                    row["possible"],
                    row["percent"],
                    row["passed"],
                    "registry_rescore.mark_differs" if state == "flagged" else None,
                    '{"attempt": "x"}' if state == "flagged" else None,
                    _iso(NOW),
                )
            )
        if filler.rng.random() < 0.0005:
            decisions.append((row["attempt_id"], "keep", "Mrs Zulu", "Checked the journal.", _iso(NOW)))
        if len(attempts) >= 20_000:
            flush()
    flush()
    if raw.kind == "sqlite":
        cursor.execute("COMMIT")
    else:
        cursor.execute("VACUUM ANALYZE")


@contextmanager
def database(kind: str, root: Path, pg_base: str) -> Iterator[tuple[str, str]]:
    """A new registry database: (SQLAlchemy URL, what the raw driver connects to)."""
    with fresh_database(kind, root, pg_base, "results", SCHEMA) as url:
        parsed = make_url(url)
        if kind == "sqlite":
            yield url, str(parsed.database)
        else:
            yield url, parsed.set(drivername="postgresql").render_as_string(False)


@dataclass
class Timing:
    median: float
    best: float
    worst: float

    def __str__(self) -> str:
        return f"{self.median:7.2f} ms (best {self.best:.2f}, worst {self.worst:.2f})"


def timed(work: Callable[[], object], repeat: int) -> Timing:
    """``work``'s time in milliseconds over ``repeat`` calls after one untimed call."""
    work()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return Timing(statistics.median(times), min(times), max(times))


def _key_sql(raw: Raw) -> str:
    return f"({', '.join(ORDER)})"


def floors(raw: Raw, size: int, middle: ResultKey) -> dict[str, Callable[[], list[tuple[Any, ...]]]]:
    """Hand-written queries giving each page's rows (and the choices' values) through the raw driver."""
    order = ", ".join(ORDER)
    backwards = ", ".join(f"{column} DESC" for column in ORDER)
    key = (middle.certificate, middle.grade, middle.centre, middle.candidate_number, middle.attempt_id)
    first = f"SELECT {LISTED} FROM attempts WHERE {NOT_FLAGGED} ORDER BY {order} LIMIT {size}"
    after = (
        f"SELECT {LISTED} FROM attempts WHERE {NOT_FLAGGED} AND {_key_sql(raw)} > ({raw.marks(5)}) "
        f"ORDER BY {order} LIMIT {size}"
    )
    return {
        "first": lambda: raw.rows(first),
        "middle": lambda: raw.rows(after, key),
        "last": lambda: raw.rows(
            f"SELECT {LISTED} FROM attempts WHERE {NOT_FLAGGED} ORDER BY {backwards} LIMIT {size}"
        )[::-1],
        "choices": lambda: raw.rows(f"SELECT {SUMMED}, count(*) FROM attempts GROUP BY {SUMMED}"),
        "counts": lambda: raw.rows(
            f"SELECT count(*) FROM attempts WHERE {_key_sql(raw)} < ({raw.marks(5)})", key
        ),
    }


def measure(
    kind: str, ctx: RegistryContext, raw: Raw, results: int, page_size: int, repeat: int
) -> list[tuple[str, Timing, Timing]]:
    """Each figure at the registry's present size: (what, the service's time, the floor's time)."""
    everything = ResultFilter()
    order = ", ".join(ORDER)
    # The row half-way down the list (found once, by OFFSET, untimed): the Next button from the page
    # that ends there.
    position = results // 2
    found = raw.rows(
        f"SELECT {order} FROM attempts WHERE {NOT_FLAGGED} ORDER BY {order} LIMIT 1 OFFSET {position}"
    )
    middle = ResultKey(*found[0])
    # What the console holds when it turns pages: the totals of the summary read with the choices.
    counted = result_choices(ctx).count(everything)
    if counted.total != results:
        raise SystemExit(f"{kind} {results:,}: the choices count {counted.total} results")
    last_size = len(find_results(ctx, everything, page_size, last=True, counted=counted).rows)
    floor = floors(raw, page_size, middle)
    floor_last = floors(raw, last_size, middle)["last"]

    def counts() -> reads.ResultCount:
        with ctx.database.session() as session:
            return reads.count_results(session, everything, ahead_of=middle)

    pages: dict[str, Callable[[], Any]] = {
        "first page": lambda: find_results(ctx, everything, page_size, counted=counted),
        "middle page": lambda: find_results(
            ctx, everything, page_size, after=middle, at=position, counted=counted
        ),
        "last page": lambda: find_results(ctx, everything, page_size, last=True, counted=counted),
        "filter choices": lambda: result_choices(ctx),
        FIRST_COUNTED: lambda: find_results(ctx, everything, page_size),
        MIDDLE_COUNTED: lambda: find_results(ctx, everything, page_size, after=middle),
        "counts alone (context)": counts,
    }
    floored = {
        "first page": floor["first"],
        "middle page": floor["middle"],
        "last page": floor_last,
        "filter choices": floor["choices"],
        FIRST_COUNTED: floor["first"],
        MIDDLE_COUNTED: floor["middle"],
        "counts alone (context)": floor["counts"],
    }
    # The service gives the floor's rows: the same page, not merely as many rows; and counted in the
    # database, the middle page starts where it does.
    for what in ("first page", "middle page", "last page", FIRST_COUNTED, MIDDLE_COUNTED):
        ids = [row.attempt_id for row in pages[what]().rows]
        expected = [row[0] for row in floored[what]()]
        if ids != expected:
            raise SystemExit(f"{kind} {results:,}: the {what} is not the floor's page")
    start = pages[MIDDLE_COUNTED]().start
    if start != position + 1:
        raise SystemExit(f"{kind} {results:,}: the middle page starts at {start}, not {position + 1}")
    measured = []
    for what, work in pages.items():
        took, bare = timed(work, repeat), timed(floored[what], repeat)
        print(f"  {kind:10} {results:>9,} {what:48} {took}   floor {bare}", flush=True)
        measured.append((what, took, bare))
    return measured


def figure(kind: str, size: int, what: str, took: Timing, bare: Timing) -> Figure:
    """One figure with its verdict: a page against the 50 ms budget, the choices against their floor."""
    judged = "(context)" not in what and size <= JUDGED_UP_TO
    if what == "filter choices":
        # One pass over the whole index, like its floor: the pages' budget, or, where that pass alone
        # takes most of it, what the choices add to the pass.
        budget = f"<= max({BUDGET_MS:.0f} ms, {CHOICES_RATIO:.1f}x floor)"
        ok = took.median <= max(BUDGET_MS, CHOICES_RATIO * bare.median)
    else:
        budget, ok = f"<= {BUDGET_MS:.0f} ms", took.median <= BUDGET_MS
    return Figure(
        "results_page",
        f"{kind} {size:,} results: {what}",
        f"{took.median:.1f} ms",
        budget if judged else "-",
        f"{bare.median:.1f} ms",
        ratio(took.median, bare.median),
        ok if judged else None,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also grow each registry to 1,000,000")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--flagged", type=float, default=0.001, help="share of results kept aside")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--pg-url", default=os.environ.get("KIOSK_TEST_PG_URL") or DEFAULT_PG)
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes + ([1_000_000] if args.million else [])))
    rows: list[Figure] = []
    kinds = [args.only] if args.only else ["sqlite", "postgresql"]
    with tempfile.TemporaryDirectory(prefix="bench-results-page-") as temp:
        root = Path(temp)
        init_registry(root / "registry")
        for kind in kinds:
            with database(kind, root, args.pg_url) as (url, target):
                ctx = open_registry(root / "registry", url)
                raw = Raw(kind, target)
                filler = Filler(random.Random(7), args.flagged)
                try:
                    for size in sizes:
                        started = time.perf_counter()
                        fill(raw, filler, size - filler.made)
                        held = raw.rows(f"SELECT count(*) FROM attempts WHERE {NOT_FLAGGED}")[0][0]
                        print(
                            f"{kind}: {filler.made:,} results ({held:,} listed), grown in "
                            f"{time.perf_counter() - started:.0f} s",
                            flush=True,
                        )
                        for what, took, bare in measure(kind, ctx, raw, held, args.page_size, args.repeat):
                            rows.append(figure(kind, size, what, took, bare))
                finally:
                    raw.close()
                    ctx.close()
    return finish(rows)


if __name__ == "__main__":
    sys.exit(main())
