"""Registry import throughput on SQLite and PostgreSQL, each beside a floor loading the same rows.

Budgets (docs/ARCHITECTURE.md §7), for bundles of 100 attempts of 100 answers each, every attempt rescored:
- SQLite: >= 1,000 attempts per second of the importing process's own CPU time (what one free core
  would give; the machine is shared, so wall time is printed beside it).
- PostgreSQL: at least half the attempts per second of a COPY floor.

    python bench/import.py [--attempts 10000] [--answers 100] [--per-bundle 100] [--pg-url URL]
                           [--only sqlite|postgresql] [--dir FOLDER] [--in-process] [--repeat 3]

The import path is ``import_bundles``: per bundle file, read it, decrypt (HPKE), check the kiosk's
signature and the header, parse and range-check every field, rescore every attempt on the registry's own
copy of its bank, then in one transaction claim the bundle and insert its attempts (``ON CONFLICT DO
NOTHING ... RETURNING`` to deduplicate), responses, competence scores and rescoring findings, and write
the signed receipt. On PostgreSQL two reader processes check, parse and rescore the next files while one
is stored; the CPU time printed there is this process's and theirs together. It is timed twice: with the
bank held, so every attempt is rescored (the budgets apply to this one), and without it, so every attempt
is left to rescore later; the difference is what rescoring costs, printed per attempt.

The floors insert exactly the same rows (bundle, attempts, responses, competence scores, findings) into
the same tables, one transaction per bundle, and nothing else: no file, no decryption or signature, no
parsing, no rescoring, no deduplication, no receipt. On SQLite they go through the driver's own
``executemany``; on PostgreSQL through ``COPY`` (psycopg's ``cursor.copy``), the fastest way in.

Each run is a child process (``--child``) with a time limit, on a database of its own: a new SQLite file,
or the PostgreSQL schema ``bench_import`` (dropped before and after every run, so a run killed midway
leaves nothing behind). Before each run the OS writes out its dirty pages and PostgreSQL takes a
checkpoint, so no run pays for the writes of the one before. The import, the unrescored import and the
floor take turns ``--repeat`` times and the best run of each counts, floor included: on a shared machine
the slowest runs measure the neighbours. The kiosk's modules are compiled to bytecode first, as pip and
the installer leave them (a checkout run with PYTHONDONTWRITEBYTECODE would compile them again in every
reader process). ``--in-process`` runs them in this process instead, to profile them:
``python -m cProfile -o /tmp/imp.prof bench/import.py --attempts 2000 --in-process``. PostgreSQL comes
from ``--pg-url``, ``$KIOSK_TEST_PG_URL`` or 127.0.0.1; a server that cannot be reached is reported, not a
failure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from verdicts import Figure, finish, ratio
from workloads import compile_kiosk, fresh_database, run_child, settle

from kiosk.domain.forms import Form, FormItem
from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Certificate,
    Choice,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    Text,
)
from kiosk.domain.journal import submission_code
from kiosk.domain.scoring import score_attempt
from kiosk.formats.bundle_content import CONTENT_VERSION, parse_bundle_content
from kiosk.formats.bundles import bundle_digest, open_bundle, seal_bundle
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.registry.services.banks import keep_bank
from kiosk.registry.services.imports import Outcome, bundle_files, import_bundles
from kiosk.registry.services.registry import RegistryContext, enrol_kiosk, init_registry, open_registry
from kiosk.registry.services.rescoring import AttemptChecks
from kiosk.registry.services.rows import attempt_row, bundle_row, competence_rows, response_rows
from kiosk.registry.storage.tables import (
    AttemptCheckRow,
    BundleRow,
    CompetenceScoreRow,
    RegistryBase,
    ResultAttemptRow,
    ResultResponseRow,
)
from kiosk.station.services.enrolment import write_enrolment

BUDGET_SQLITE_CPU = 1000.0
BUDGET_POSTGRES_OF_FLOOR = 0.5
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "bench_import"
CHILD_TIMEOUT_S = 900.0
NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
# The tables an import fills, in the order the floor fills them.
FLOOR_MODELS = (BundleRow, ResultAttemptRow, ResultResponseRow, CompetenceScoreRow, AttemptCheckRow)
OPTIONS = ("A", "B", "C", "D")


def bench_bank(answers: int) -> Bank:
    """maintenance-2 version 4: ``answers`` single-choice items, two in three keyed B (the answer given)."""
    items = tuple(
        Item(
            id=f"I-{number:03d}",
            type=ItemType.SINGLE,
            competence="F1" if number % 2 == 0 else "P1",
            difficulty=Difficulty.EASY,
            stem=Text(f"Question {number}"),
            rationale="Bench.",
            options=tuple(Choice(option, Text(option)) for option in OPTIONS),
            key=("B",) if number % 3 != 0 else ("A",),
        )
        for number in range(answers)
    )
    return Bank(
        certificate=Certificate.MAINTENANCE,
        grade=2,
        version=4,
        title=Text("Bench bank"),
        languages=("en",),
        competences=(
            Competence("F1", Area.FOUNDATIONAL, Text("Foundations")),
            Competence("P1", Area.PRACTICAL, Text("Practice")),
        ),
        blueprint=Blueprint(
            duration_minutes=90,
            pass_mark=60.0,
            draws=(Draw("F1", (answers + 1) // 2), Draw("P1", answers // 2)),
        ),
        items=items,
    )


def attempt(kiosk_id: str, number: int, answers: int, bank: Bank) -> dict[str, object]:
    """One attempt as a kiosk exports it: every item answered B, scored by the kiosk's own rules."""
    attempt_id = f"A-{kiosk_id}-{number}"
    item_ids = [f"I-{item:03d}" for item in range(answers)]
    seed = 1_000_003 * number
    form = Form(bank.bank_id, bank.version, seed, tuple(FormItem(item_id, OPTIONS) for item_id in item_ids))
    result = score_attempt(bank, form, dict.fromkeys(item_ids, "B"))
    scores = result.item_scores
    head = "ab" * 32
    return {
        "attempt_id": attempt_id,
        "candidate": {"number": f"C-{number:05d}", "name": f"Candidate {number}", "name_zh": None},
        "certificate": "maintenance",
        "grade": 2,
        "sitting": {"id": str(1 + number // 500), "name": "Maintenance II theory", "date": "2025-06-02"},
        "bank": {"id": bank.bank_id, "version": bank.version},
        "form": form.to_dict(),
        "state": "submitted",
        "started_at": "2025-06-02T09:00:00+00:00",
        "finished_at": "2025-06-02T10:20:00+00:00",
        "allowed_seconds": 5400.0,
        "granted_seconds": 0.0,
        "consumed_seconds": 4800.0,
        "submission_code": submission_code(attempt_id, head),
        "responses": [
            {"item_id": item_id, "response": "B", "flagged": False, "score": scores[item_id], "max": 1.0}
            for item_id in item_ids
        ],
        "result": result.to_dict(),
        "journal": {"head": head, "length": answers},
        "events": [{"kind": "started", "detail": {}, "at": "2025-06-02T09:00:00+00:00"}],
        "checkpoints": [{"consumed_ms": 4_800_000, "at": "2025-06-02T10:20:00+00:00", "reason": "submit"}],
    }


@dataclass
class Workload:
    root: Path
    folder: Path
    enrolment: Path
    attempts: int
    answers: int


def make_workload(root: Path, attempts: int, answers: int, per_bundle: int) -> Workload:
    """A registry folder and the bundle files of one kiosk (the registry key is shared by every run)."""
    bank = bench_bank(answers)
    init_registry(root / "registry")
    kiosk = generate_identity(KeyKind.KIOSK, "kiosk-bench")
    enrolment = write_enrolment(kiosk, "BENCH001", "Lab PC", "CZVTC Lusaka", root / "bench.1xenrol", NOW)
    registry = open_registry(root / "registry", f"sqlite:///{root / 'keys-only.db'}")
    public = registry.identity.public
    registry.close()
    folder = root / "bundles"
    folder.mkdir()
    previous = ""
    for sequence, start in enumerate(range(0, attempts, per_bundle), start=1):
        inner: dict[str, object] = {
            "bundle_id": f"BENCH001-{sequence:06d}",
            "kiosk_id": "BENCH001",
            "sequence": sequence,
            "previous_hash": previous,
            "content_version": CONTENT_VERSION,
            "kiosk_name": "Lab PC",
            "centre": "CZVTC Lusaka",
            "created_at": NOW.isoformat(),
            "attempts": [
                attempt("BENCH001", number, answers, bank)
                for number in range(start, min(start + per_bundle, attempts))
            ],
            "incidents": [],
        }
        data = seal_bundle(inner, kiosk, public)
        previous = bundle_digest(data)
        (folder / f"BENCH001-{sequence:06d}.1xresult").write_bytes(data)
    return Workload(root, folder, enrolment, attempts, answers)


# The timed runs, each in a child process --------------------------------------------------------------


def open_enrolled(work: Workload, url: str, rescore: bool) -> RegistryContext:
    """The registry on ``url`` with the kiosk enrolled and, when ``rescore``, the attempts' bank held."""
    ctx = open_registry(work.root / "registry", url)
    enrol_kiosk(ctx, work.enrolment)
    if rescore:
        keep_bank(ctx, bench_bank(work.answers), "bench")
    shutil.rmtree(ctx.receipts_dir, ignore_errors=True)
    return ctx


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_import(work: Workload, url: str, rescore: bool) -> dict[str, float]:
    """Import every bundle; the wall seconds it took, and the CPU seconds of this process and of the
    reader processes it started (on PostgreSQL), which have ended by the time the import returns."""
    ctx = open_enrolled(work, url, rescore)
    try:
        started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        report = import_bundles(ctx, [work.folder])
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu + _children_cpu() - children
    finally:
        ctx.close()
    imported = sum(outcome.attempts for outcome in report.outcomes if outcome.outcome is Outcome.IMPORTED)
    if imported != work.attempts or report.failed or report.flagged:
        raise SystemExit(f"import stored {imported} of {work.attempts} attempts; the benchmark is void")
    return {"wall": elapsed, "cpu": cpu}


def _plain(value: object) -> object:
    # What RegistryTime stores, done here so the timed loop hands the driver ready values.
    return value.astimezone(UTC).isoformat(timespec="microseconds") if isinstance(value, datetime) else value


def floor_rows(work: Workload, ctx: RegistryContext) -> list[list[list[tuple[object, ...]]]]:
    """Per bundle, per table of :data:`FLOOR_MODELS`, the rows an import stores, as the driver takes them."""
    kiosks = ctx.kiosk_keys()
    checks = AttemptChecks(ctx)
    tables = [RegistryBase.metadata.tables[model.__tablename__] for model in FLOOR_MODELS]
    prepared = []
    for path in bundle_files([work.folder]):
        data = path.read_bytes()
        content = parse_bundle_content(open_bundle(data, ctx.identity, kiosks))
        findings = checks.check(content.attempts)
        keyed = [
            [bundle_row(path, bundle_digest(data), content, NOW)],
            [attempt_row(content, item, NOW) for item in content.attempts],
        ]
        found = [findings[item.attempt_id].row(NOW) for item in content.attempts]
        rows = [
            [tuple(_plain(row[column.name]) for column in table.columns) for row in batch]
            for table, batch in zip(tables[:2], keyed, strict=True)
        ]
        rows.append([row for item in content.attempts for row in response_rows(item)])
        rows.append([row for item in content.attempts for row in competence_rows(item)])
        rows.append([tuple(_plain(row[column.name]) for column in tables[4].columns) for row in found])
        prepared.append(rows)
    return prepared


def run_floor(work: Workload, url: str) -> dict[str, float]:
    """Insert the import's rows straight through the driver, a transaction per bundle; the seconds taken.

    SQLite: ``executemany``. PostgreSQL: ``COPY`` from the client, row by row as psycopg writes it.
    """
    ctx = open_enrolled(work, url, rescore=True)
    try:
        prepared = floor_rows(work, ctx)
        tables = [RegistryBase.metadata.tables[model.__tablename__] for model in FLOOR_MODELS]
        names = [", ".join(column.name for column in table.columns) for table in tables]
        sqlite = ctx.database.dialect == "sqlite"
        with ctx.database.engine.connect() as connection:
            driver: Any = connection.connection.dbapi_connection
            if sqlite:
                statements = [
                    f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join('?' for _ in table.columns)})"
                    for table, columns in zip(tables, names, strict=True)
                ]
            else:
                statements = [
                    f"COPY {table.name} ({columns}) FROM STDIN"
                    for table, columns in zip(tables, names, strict=True)
                ]
            started, cpu = time.perf_counter(), time.process_time()
            for rows in prepared:
                cursor = driver.cursor()
                if sqlite:
                    cursor.execute("BEGIN IMMEDIATE")
                    for statement, batch in zip(statements, rows, strict=True):
                        cursor.executemany(statement, batch)
                    cursor.execute("COMMIT")
                else:
                    for statement, batch in zip(statements, rows, strict=True):
                        with cursor.copy(statement) as copy:
                            for row in batch:
                                copy.write_row(row)
                    driver.commit()
                cursor.close()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        ctx.close()
    return {"wall": elapsed, "cpu": cpu}


def child(argv: list[str]) -> int:
    """One timed run (``--child import|unrescored|floor ROOT URL ATTEMPTS ANSWERS``), printed as JSON."""
    what, root, url, attempts, answers = argv
    work = Workload(
        Path(root), Path(root) / "bundles", Path(root) / "bench.1xenrol", int(attempts), int(answers)
    )
    print(json.dumps(timed(what, work, url, in_process=True)), flush=True)
    return 0


# The parent: databases, children and verdicts ----------------------------------------------------------


def drop_schema(base: str) -> None:
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
    finally:
        admin.dispose()


def timed(what: str, work: Workload, url: str, in_process: bool) -> dict[str, float]:
    """Run one child within its time limit (or run it here); its wall and CPU seconds."""
    if in_process:
        return run_floor(work, url) if what == "floor" else run_import(work, url, rescore=what == "import")
    argv = [what, str(work.root), url, str(work.attempts), str(work.answers)]
    printed = run_child(__file__, argv, f"{what} run", CHILD_TIMEOUT_S)
    result: dict[str, float] = json.loads(printed.strip().splitlines()[-1])
    return result


def measure(
    kind: str, work: Workload, pg_base: str, in_process: bool, repeat: int
) -> dict[str, dict[str, float]]:
    """The import with and without rescoring, and the floor, each ``repeat`` times in turn on a fresh
    database; the best run of each (the least wall time, and the least CPU time, each of its own run)."""
    found: dict[str, dict[str, float]] = {}
    for turn in range(1, repeat + 1):
        for what in ("import", "unrescored", "floor"):
            with fresh_database(kind, work.root, pg_base, what, SCHEMA) as url:
                settle(kind, pg_base)
                run = timed(what, work, url, in_process)
            best = found.setdefault(what, run)
            found[what] = {name: min(best[name], run[name]) for name in run}
            load = os.getloadavg()[0]
            rate = work.attempts / run["wall"]
            print(f"  {kind} {what} ({turn} of {repeat}): {rate:.0f} attempts/s, load {load:.2f}", flush=True)
    return found


def figures(kind: str, work: Workload, runs: dict[str, dict[str, float]]) -> list[Figure]:
    """The verdict on one database, and what rescoring costs there."""
    count = work.attempts
    done, unrescored, floor = runs["import"], runs["unrescored"], runs["floor"]
    rate, cpu_rate = count / done["wall"], count / done["cpu"]
    floor_rate, floor_cpu = count / floor["wall"], count / floor["cpu"]
    cost_ms = 1000 * (done["cpu"] - unrescored["cpu"]) / count
    where = f"{kind}, {count} attempts x {work.answers} answers"
    if kind == "sqlite":
        verdict = Figure(
            "import",
            f"{where}: import, rescoring on",
            f"{cpu_rate:.0f} attempts/CPU-s ({rate:.0f}/s)",
            f">= {BUDGET_SQLITE_CPU:.0f} attempts/CPU-s",
            f"{floor_cpu:.0f} attempts/CPU-s ({floor_rate:.0f}/s), executemany",
            ratio(cpu_rate, floor_cpu),
            cpu_rate >= BUDGET_SQLITE_CPU,
        )
    else:
        verdict = Figure(
            "import",
            f"{where}: import, rescoring on",
            f"{rate:.0f} attempts/s ({cpu_rate:.0f}/CPU-s here)",
            f">= {BUDGET_POSTGRES_OF_FLOOR:.1f}x the COPY floor",
            f"{floor_rate:.0f} attempts/s, COPY",
            ratio(rate, floor_rate),
            rate >= BUDGET_POSTGRES_OF_FLOOR * floor_rate,
        )
    cost = Figure(
        "import",
        f"{where}: what rescoring costs",
        f"{cost_ms:.3f} ms CPU/attempt",
        "-",
        f"{count / unrescored['cpu']:.0f} attempts/CPU-s ({count / unrescored['wall']:.0f}/s) unrescored",
        ratio(cpu_rate, count / unrescored["cpu"]),
        None,
    )
    return [verdict, cost]


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        return child(sys.argv[2:])
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100)
    parser.add_argument("--per-bundle", type=int, default=100)
    parser.add_argument("--pg-url", default=os.environ.get("KIOSK_TEST_PG_URL") or DEFAULT_PG)
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="measure one database only")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the SQLite files (default: temp)")
    parser.add_argument("--in-process", action="store_true", help="no child processes (to profile the runs)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind, the best one counted")
    args = parser.parse_args()

    rows: list[Figure] = []
    root = Path(tempfile.mkdtemp(prefix="registry-bench-", dir=args.dir))
    try:
        print(
            f"Making {args.attempts} attempts of {args.answers} answers in bundles of {args.per_bundle} ..."
        )
        compile_kiosk()
        work = make_workload(root, args.attempts, args.answers, args.per_bundle)
        size = sum(path.stat().st_size for path in work.folder.iterdir()) / 1e6
        print(f"{len(list(work.folder.iterdir()))} bundle files, {size:.1f} MB", flush=True)
        for kind in [args.only] if args.only else ["sqlite", "postgresql"]:
            try:
                if kind == "postgresql":
                    drop_schema(args.pg_url)  # what a killed run left
                runs = measure(kind, work, args.pg_url, args.in_process, args.repeat)
            except Exception as error:  # a missing server is reported, not a crash
                if kind == "sqlite":
                    raise
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                print(f"{kind}: not measured: {reason}")
                rows.append(Figure("import", f"{kind}: not measured", reason[:60], "-", "-", "-", None))
                continue
            rows += figures(kind, work, runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return finish(rows)


if __name__ == "__main__":
    sys.exit(main())
