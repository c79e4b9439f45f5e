"""Answer-save latency through the exam service, beside raw sqlite3 INSERT+COMMIT with the same pragmas.

Budget (docs/ARCHITECTURE.md §7): p99 <= 15 ms click to commit, and <= 1.5x the raw floor on the same disk.

    python bench/answer_save.py [--answers 1000] [--dir FOLDER]

The service path is ``ExamSession.record_answer``: normalise the response, hash-chain a journal entry,
and in one transaction INSERT the entry, UPSERT the current response and UPDATE the attempt's clock.
The floor is one INSERT and COMMIT per answer through the sqlite3 module, WAL and synchronous=FULL.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.domain.clock import SystemClock
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import open_context
from kiosk.station.services.exam import login
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT, WRONG, make_bank, make_package

BUDGET_P99_MS = 15.0
BUDGET_RATIO = 1.5
WARM_UP = 20


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class ServicePath:
    """A kiosk data folder with a candidate logged in and started, ready to save answers."""

    def __init__(self, folder: Path) -> None:
        self.ctx = open_context(folder / "kiosk", clock=SystemClock(), hash_cost=HashCost.TEST)
        init_kiosk(self.ctx, "Bench centre", "Bench PC")
        signer = generate_identity(KeyKind.AWARDING, "bench-awarding")
        _, public = write_identity(signer, folder / "keys")
        trust_key(self.ctx, public)
        bank = make_bank(duration_minutes=600)
        package = folder / "bank.1xbank"
        package.write_bytes(make_package(bank, signer))
        install_package(self.ctx, package)
        create_invigilator(self.ctx, "Bench invigilator", PIN)
        roster = folder / "roster.csv"
        roster.write_text(
            "number,name,certificate,grade\nB-001,Bench Candidate,maintenance,2\n", encoding="utf-8"
        )
        code = import_roster(self.ctx, roster).codes[0].access_code
        info = schedule_sitting(self.ctx, "Bench sitting", bank.bank_id, date.today())
        sitting = open_sitting(self.ctx, info.id, PIN, RELEASE_CODE)
        self.session = login(self.ctx, sitting, "B-001", code)
        self.session.start()
        self.item_ids = self.session.form.item_ids

    def save(self, number: int) -> float:
        """Seconds for one ``record_answer`` (right and wrong answers alternate)."""
        item_id = self.item_ids[number % len(self.item_ids)]
        response = RIGHT[item_id] if number % 2 else WRONG[item_id]
        started = time.perf_counter()
        self.session.record_answer(item_id, response)
        return time.perf_counter() - started

    def close(self) -> None:
        self.session.close()
        self.ctx.close()


class RawPath:
    """The floor: one INSERT and COMMIT per answer through the sqlite3 module, with the kiosk's pragmas."""

    def __init__(self, folder: Path) -> None:
        self.connection = sqlite3.connect(folder / "raw.db", isolation_level=None)
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = FULL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute(
            "CREATE TABLE journal (attempt_id TEXT, sequence INTEGER, item_id TEXT, response_json TEXT, "
            "consumed_ms INTEGER, recorded_at TEXT, prev_hash TEXT, hash TEXT, "
            "PRIMARY KEY (attempt_id, sequence))"
        )

    def save(self, number: int) -> float:
        row = ("A-1", number, "F-01", '"B"', number * 1000, "2025-06-02T08:00:00", "0" * 64, "f" * 64)
        started = time.perf_counter()
        self.connection.execute("BEGIN")
        self.connection.execute("INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
        self.connection.execute("COMMIT")
        return time.perf_counter() - started

    def close(self) -> None:
        self.connection.close()


def measure(folder: Path, answers: int) -> tuple[list[float], list[float]]:
    """Latencies of both paths, interleaved answer by answer so both see the same disk conditions."""
    raw, service = RawPath(folder), ServicePath(folder)
    try:
        raw_times: list[float] = []
        service_times: list[float] = []
        for number in range(answers + WARM_UP):
            raw_time, service_time = raw.save(number), service.save(number)
            if number >= WARM_UP:
                raw_times.append(raw_time)
                service_times.append(service_time)
        return raw_times, service_times
    finally:
        raw.close()
        service.close()


def row(label: str, samples: list[float]) -> str:
    p50, p99, mean = percentile(samples, 0.50), percentile(samples, 0.99), statistics.fmean(samples)
    return f"{label:28}{p50 * 1000:>10.3f}{p99 * 1000:>10.3f}{mean * 1000:>10.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000, help="answers to save on each path")
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder on the disk to measure (default: temp)"
    )
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="answer-save-", dir=args.dir))
    try:
        raw, service = measure(folder, args.answers)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    raw_p50, raw_p99 = percentile(raw, 0.50) * 1000, percentile(raw, 0.99) * 1000
    svc_p50, svc_p99 = percentile(service, 0.50) * 1000, percentile(service, 0.99) * 1000
    ratio = svc_p99 / raw_p99 if raw_p99 else float("inf")
    print(f"answer save: {args.answers} answers on each path, interleaved, in {folder.parent}")
    print(f"{'':28}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}")
    print(row("raw sqlite3 INSERT+COMMIT", raw))
    print(row("ExamSession.record_answer", service))
    print(f"p50 ratio service/raw: {svc_p50 / raw_p50:.2f}x")
    print(f"p99 ratio service/raw: {ratio:.2f}x (budget <= {BUDGET_RATIO}x)")
    print(f"p99 service: {svc_p99:.3f} ms (budget <= {BUDGET_P99_MS} ms)")
    within = svc_p99 <= BUDGET_P99_MS and ratio <= BUDGET_RATIO
    print("within budget" if within else "OVER BUDGET")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
