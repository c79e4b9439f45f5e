"""Registry import throughput on SQLite and PostgreSQL, each beside a raw bulk-insert floor.

Budget (docs/ARCHITECTURE.md §7): >= 500 attempts/s (100 answers each) on SQLite; PostgreSQL within 2x.

    python bench/import.py [--attempts 10000] [--answers 100] [--per-bundle 100] [--pg-url URL]

The import path is ``import_bundles``: per bundle file, read it, decrypt (HPKE), check the kiosk's
signature and the header, parse and range-check every field, rescore every attempt on the registry's own
copy of its bank, then in one transaction claim the bundle and insert its attempts (``ON CONFLICT DO
NOTHING ... RETURNING`` to deduplicate), responses, competence scores (COPY on PostgreSQL) and rescoring
findings, and write the signed receipt. It is timed twice: with the bank held, so every attempt is rescored
(the budget applies to this one), and without it, so every attempt is left to rescore later; the
difference is what rescoring costs. The floor inserts exactly the same rows into
the same tables, one transaction per bundle, with the driver's own ``executemany`` (sqlite3, psycopg)
and nothing else: no file, no decryption or signature, no parsing, no deduplication, no receipt.
PostgreSQL comes from ``--pg-url``, ``$KIOSK_TEST_PG_URL`` or 127.0.0.1; each run uses a schema of its
own, dropped at the end. "Within 2x" is read as: PostgreSQL imports at least half as many attempts per
second as SQLite on the same machine. Other work on the machine slows both: the load average is printed,
and so is the import's rate per second of this process's own CPU time (what one free core would give;
on PostgreSQL the server's work is not in it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, make_url, text

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
from kiosk.domain.scoring import score_attempt
from kiosk.formats.bundle_content import CONTENT_VERSION, parse_bundle_content
from kiosk.formats.bundles import bundle_digest, open_bundle, seal_bundle
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.registry.services.banks import keep_bank
from kiosk.registry.services.imports import Outcome, import_bundles
from kiosk.registry.services.registry import RegistryContext, enrol_kiosk, init_registry, open_registry
from kiosk.registry.services.rows import attempt_row, bundle_row, competence_rows, response_rows
from kiosk.registry.storage.tables import (
    BundleRow,
    CompetenceScoreRow,
    RegistryBase,
    ResultAttemptRow,
    ResultResponseRow,
)
from kiosk.station.services.enrolment import write_enrolment

BUDGET_SQLITE = 500.0
BUDGET_POSTGRES_RATIO = 2.0
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
FLOOR_MODELS = (BundleRow, ResultAttemptRow, ResultResponseRow, CompetenceScoreRow)


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
    item_ids = [f"I-{item:03d}" for item in range(answers)]
    seed = 1_000_003 * number
    form = Form(bank.bank_id, bank.version, seed, tuple(FormItem(item_id, OPTIONS) for item_id in item_ids))
    result = score_attempt(bank, form, dict.fromkeys(item_ids, "B"))
    scores = result.item_scores
    return {
        "attempt_id": f"A-{kiosk_id}-{number}",
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
        "submission_code": "7KQ4M-X2D9P",
        "responses": [
            {"item_id": item_id, "response": "B", "flagged": False, "score": scores[item_id], "max": 1.0}
            for item_id in item_ids
        ],
        "result": result.to_dict(),
        "journal": {"head": "ab" * 32, "length": answers},
        "events": [{"kind": "started", "detail": {}, "at": "2025-06-02T09:00:00+00:00"}],
        "checkpoints": [{"consumed_ms": 4_800_000, "at": "2025-06-02T10:20:00+00:00", "reason": "submit"}],
    }


@dataclass
class Workload:
    folder: Path
    files: list[Path]
    attempts: int


def make_workload(
    root: Path, attempts: int, answers: int, per_bundle: int, bank: Bank
) -> tuple[Workload, Path]:
    """A registry folder and the bundle files of one kiosk (the registry key is shared by every run)."""
    registry_dir = root / "registry"
    init_registry(registry_dir)
    kiosk = generate_identity(KeyKind.KIOSK, "kiosk-bench")
    enrolment = write_enrolment(kiosk, "BENCH001", "Lab PC", "CZVTC Lusaka", root / "bench.1xenrol", NOW)
    registry = open_registry(registry_dir, f"sqlite:///{root / 'keys-only.db'}")
    public = registry.identity.public
    registry.close()
    folder = root / "bundles"
    folder.mkdir()
    previous = ""
    files = []
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
        path = folder / f"BENCH001-{sequence:06d}.1xresult"
        path.write_bytes(data)
        files.append(path)
    return Workload(folder, files, attempts), enrolment


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def fresh_database(kind: str, root: Path, pg_base: str) -> Iterator[str]:
    if kind == "sqlite":
        path = root / f"registry-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        with postgres_schema(pg_base) as url:
            yield url


def open_enrolled(root: Path, url: str, enrolment: Path, bank: Bank | None = None) -> RegistryContext:
    ctx = open_registry(root / "registry", url)
    enrol_kiosk(ctx, enrolment)
    if bank is not None:
        keep_bank(ctx, bank, "bench")
    shutil.rmtree(ctx.receipts_dir, ignore_errors=True)
    return ctx


def time_import(
    root: Path, url: str, enrolment: Path, workload: Workload, bank: Bank | None
) -> tuple[float, float]:
    """Attempts per second of wall time, and per second of this process's own CPU time.

    With ``bank`` the registry holds the attempts' bank and rescores each one; without it, each is left
    to rescore later.
    """
    ctx = open_enrolled(root, url, enrolment, bank)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = import_bundles(ctx, [workload.folder])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        ctx.close()
    imported = sum(outcome.attempts for outcome in report.outcomes if outcome.outcome is Outcome.IMPORTED)
    if imported != workload.attempts or report.failed or report.flagged:
        raise SystemExit(f"import stored {imported} of {workload.attempts} attempts; the benchmark is void")
    return workload.attempts / elapsed, workload.attempts / cpu


def _plain(value: object) -> object:
    # What RegistryTime stores, done here so the timed loop hands the driver ready values.
    return value.astimezone(UTC).isoformat(timespec="microseconds") if isinstance(value, datetime) else value


def time_floor(root: Path, url: str, enrolment: Path, workload: Workload) -> float:
    """The same rows into the same tables straight through the driver's executemany, a transaction per
    bundle: no file, no decryption or signature, no parsing, no deduplication, no receipt."""
    ctx = open_enrolled(root, url, enrolment)
    kiosks = ctx.kiosk_keys()
    tables = [RegistryBase.metadata.tables[model.__tablename__] for model in FLOOR_MODELS]
    prepared = []
    for path in workload.files:
        data = path.read_bytes()
        content = parse_bundle_content(open_bundle(data, ctx.identity, kiosks))
        bundles = [bundle_row(path, bundle_digest(data), content, NOW)]
        attempts = [attempt_row(content, item, NOW) for item in content.attempts]
        columns = [column.name for column in tables[1].columns]
        prepared.append(
            (
                [tuple(_plain(row[column.name]) for column in tables[0].columns) for row in bundles],
                [tuple(_plain(row[name]) for name in columns) for row in attempts],
                [row for item in content.attempts for row in response_rows(item)],
                [row for item in content.attempts for row in competence_rows(item)],
            )
        )
    mark = "?" if ctx.database.dialect == "sqlite" else "%s"
    statements = [
        f"INSERT INTO {table.name} ({', '.join(column.name for column in table.columns)}) "
        f"VALUES ({', '.join(mark for _ in table.columns)})"
        for table in tables
    ]
    try:
        with ctx.database.engine.connect() as connection:
            driver: Any = connection.connection.dbapi_connection
            started = time.perf_counter()
            for rows in prepared:
                cursor = driver.cursor()
                if ctx.database.dialect == "sqlite":
                    cursor.execute("BEGIN IMMEDIATE")
                for statement, batch in zip(statements, rows, strict=True):
                    cursor.executemany(statement, batch)
                if ctx.database.dialect == "sqlite":
                    cursor.execute("COMMIT")
                else:
                    driver.commit()
                cursor.close()
            elapsed = time.perf_counter() - started
    finally:
        ctx.close()
    return workload.attempts / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100)
    parser.add_argument("--per-bundle", type=int, default=100)
    parser.add_argument("--pg-url", default=os.environ.get("KIOSK_TEST_PG_URL") or DEFAULT_PG)
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder for the SQLite files (default: a temp dir)"
    )
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="registry-bench-", dir=args.dir))
    try:
        print(
            f"Making {args.attempts} attempts of {args.answers} answers in bundles of {args.per_bundle} ..."
        )
        bank = bench_bank(args.answers)
        workload, enrolment = make_workload(root, args.attempts, args.answers, args.per_bundle, bank)
        size = sum(path.stat().st_size for path in workload.files) / 1e6
        print(f"{len(workload.files)} bundle files, {size:.1f} MB; load average {os.getloadavg()[0]:.2f}\n")
        rates: dict[str, float] = {}
        deferred: dict[str, float] = {}
        print(
            f"{'database':<12}{'import/s':>12}{'floor/s':>12}{'import vs floor':>18}{'import/CPU-s':>15}"
            f"{'unrescored/s':>15}{'rescoring costs':>18}"
        )
        for kind in ("sqlite", "postgresql"):
            try:
                with fresh_database(kind, root, args.pg_url) as url:
                    rate, cpu_rate = time_import(root, url, enrolment, workload, bank)
                with fresh_database(kind, root, args.pg_url) as url:
                    unrescored, _ = time_import(root, url, enrolment, workload, None)
                with fresh_database(kind, root, args.pg_url) as url:
                    floor = time_floor(root, url, enrolment, workload)
            except Exception as error:  # a missing server is reported, not a crash
                if kind == "sqlite":
                    raise
                print(f"{kind:<12}  not measured: {str(error).splitlines()[0]}")
                continue
            rates[kind], deferred[kind] = rate, unrescored
            # Per attempt: the time with rescoring less the time without it.
            cost_ms = 1000 * (1 / rate - 1 / unrescored)
            print(
                f"{kind:<12}{rate:>12.0f}{floor:>12.0f}{floor / rate:>11.2f}x slower{cpu_rate:>15.0f}"
                f"{unrescored:>15.0f}{cost_ms:>11.2f} ms/att"
            )
        print()
        print(
            "import/s rescores every attempt on the registry's copy of its bank; unrescored/s is the same "
            "import with the bank not held (each attempt left to rescore later)."
        )
        ok = rates["sqlite"] >= BUDGET_SQLITE
        verdict = "ok" if ok else "OVER BUDGET"
        print(
            f"SQLite: {rates['sqlite']:.0f} attempts/s with rescoring ({deferred['sqlite']:.0f} without; "
            f"budget >= {BUDGET_SQLITE:.0f}): {verdict}"
        )
        if "postgresql" in rates:
            ratio = rates["sqlite"] / rates["postgresql"]
            within = ratio <= BUDGET_POSTGRES_RATIO
            print(
                f"PostgreSQL: {rates['postgresql']:.0f} attempts/s, {ratio:.2f}x slower than SQLite "
                f"(budget <= {BUDGET_POSTGRES_RATIO:.0f}x): {'ok' if within else 'OVER BUDGET'}"
            )
            ok = ok and within
        return 0 if ok else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
