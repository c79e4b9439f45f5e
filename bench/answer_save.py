"""Answer-save latency through the exam service, beside raw sqlite3 doing the same writes, same pragmas.

Budget (docs/ARCHITECTURE.md §7): p99 <= 15 ms click to commit on the data disk, and <= 1.5x the raw floor at
both p50 and p99, on the data disk and on tmpfs (where disk jitter cannot hide the program's own cost).

    python bench/answer_save.py [--answers 2000] [--dir FOLDER]

The service path is ``ExamSession.record_answer``: normalise the response, hash-chain a journal entry,
and in one transaction INSERT the entry, UPSERT the current response and UPDATE the attempt's clock.
The floor is the same three statements in one transaction through the sqlite3 module, on tables of the
same shape, in WAL mode with synchronous=FULL. ``--dir`` names a folder on the disk the kiosk keeps its
data on (default: the system's temporary folder); tmpfs is /dev/shm where it exists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verdicts import Figure, finish, ratio

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
from kiosk.station.storage.answer_writer import _INSERT_JOURNAL, _UPDATE_CLOCK, _UPSERT_RESPONSE
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
    """The floor: the writer's own three statements in one sqlite3 transaction, with the kiosk's pragmas."""

    def __init__(self, folder: Path) -> None:
        self.connection = sqlite3.connect(folder / "raw.db", isolation_level=None)
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = FULL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.executescript(
            "CREATE TABLE attempts (id TEXT PRIMARY KEY, consumed_seconds REAL, checkpoint_at TEXT, "
            "journal_head TEXT);"
            "CREATE TABLE journal (attempt_id TEXT REFERENCES attempts (id), sequence INTEGER, item_id TEXT, "
            "response_json TEXT, consumed_ms INTEGER, recorded_at TEXT, prev_hash TEXT, hash TEXT, "
            "PRIMARY KEY (attempt_id, sequence));"
            "CREATE TABLE responses (attempt_id TEXT REFERENCES attempts (id), item_id TEXT, "
            "response_json TEXT, flagged INTEGER, sequence INTEGER, updated_at TEXT, "
            "PRIMARY KEY (attempt_id, item_id));"
            "INSERT INTO attempts VALUES ('A-1', 0, NULL, NULL);"
        )

    def save(self, number: int) -> float:
        at = "2025-06-02T08:00:00"
        item = f"F-{number % 50:02d}"
        started = time.perf_counter()
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute(
            _INSERT_JOURNAL, ("A-1", number, item, '"B"', number * 1000, at, "0" * 64, "f" * 64)
        )
        self.connection.execute(_UPSERT_RESPONSE, ("A-1", item, '"B"', number, at))
        self.connection.execute(_UPDATE_CLOCK, (number * 1.0, at, "f" * 64, "A-1"))
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


def tmpfs_folder() -> Path | None:
    """/dev/shm when it is a tmpfs this process may write, else None."""
    shm = Path("/dev/shm")
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").split("\n")
    except OSError:
        return None
    is_tmpfs = any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts if len(line.split()) > 2)
    return shm if is_tmpfs and os.access(shm, os.W_OK) else None


def judge(disk: str, raw: list[float], service: list[float], judge_p99: bool) -> list[Figure]:
    raw_p50, raw_p99 = percentile(raw, 0.50) * 1000, percentile(raw, 0.99) * 1000
    svc_p50, svc_p99 = percentile(service, 0.50) * 1000, percentile(service, 0.99) * 1000
    rows = [
        Figure(
            "answer_save",
            f"save p50 ({disk})",
            f"{svc_p50:.3f} ms",
            f"<= {BUDGET_RATIO}x floor",
            f"{raw_p50:.3f} ms",
            ratio(svc_p50, raw_p50),
            svc_p50 <= BUDGET_RATIO * raw_p50,
        ),
        Figure(
            "answer_save",
            f"save p99 ({disk})",
            f"{svc_p99:.3f} ms",
            f"<= {BUDGET_P99_MS:.0f} ms and <= {BUDGET_RATIO}x floor"
            if judge_p99
            else f"<= {BUDGET_RATIO}x floor",
            f"{raw_p99:.3f} ms",
            ratio(svc_p99, raw_p99),
            svc_p99 <= BUDGET_RATIO * raw_p99 and (svc_p99 <= BUDGET_P99_MS or not judge_p99),
        ),
    ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000, help="answers to save on each path")
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder on the data disk to measure (default: temp)"
    )
    args = parser.parse_args(argv)
    disks: list[tuple[str, Path | None, bool]] = [("data disk", args.dir, True)]
    shm = tmpfs_folder()
    if shm is not None:
        disks.append(("tmpfs", shm, False))
    rows: list[Figure] = []
    for disk, where, judge_p99 in disks:
        folder = Path(tempfile.mkdtemp(prefix="answer-save-", dir=where))
        try:
            raw, service = measure(folder, args.answers)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"{disk}: {args.answers} answers on each path, interleaved, in {folder.parent}")
        print(f"{'':28}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}")
        print(row("raw sqlite3, same writes", raw))
        print(row("ExamSession.record_answer", service))
        rows.extend(judge(disk, raw, service, judge_p99))
    if shm is None:
        print("no writable tmpfs at /dev/shm: the tmpfs figures were not measured")
    return finish(rows)


if __name__ == "__main__":
    raise SystemExit(main())
