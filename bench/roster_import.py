"""A roster import at the production hash cost: every candidate gets a fresh access code, kept only hashed.

Hashing the codes (Argon2id, HashCost.STANDARD) is nearly all of the work, so the floor is the same number
of bare ``hash_secret`` calls in one thread. The import hashes in one process per core, so on two cores
it should take about half the floor. Budget: 2,000 rows in <= 30 s on 2 cores (a second to start the
worker processes and 14.5 ms a row, scaled to ``--rows``), and no stretch of more than a second without a
progress report.

    python bench/roster_import.py [--rows 2000]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verdicts import Figure, finish, ratio

from kiosk.domain.clock import SystemClock
from kiosk.formats.secrets import HashCost, hash_secret, new_access_code, normalise_code
from kiosk.station.services.context import open_context
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster

BUDGET_START_S = 1.0
BUDGET_PER_ROW_S = 0.0145
BUDGET_SILENCE_S = 1.0


def roster_csv(rows: int) -> str:
    lines = ["Candidate number,Name,Certificate,Grade"]
    lines += [
        f"B-{number:05d},Bench Candidate {number},maintenance,{1 + number % 3}" for number in range(rows)
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000, help="candidates on the roster (default 2000)")
    args = parser.parse_args(argv)
    rows: int = args.rows

    reports: list[tuple[float, int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((time.perf_counter(), done, total))

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-roster-") as folder:
        ctx = open_context(Path(folder) / "kiosk", clock=SystemClock(), hash_cost=HashCost.STANDARD)
        try:
            init_kiosk(ctx, "Bench centre", "Bench PC")
            source = Path(folder) / "roster.csv"
            source.write_text(roster_csv(rows), encoding="utf-8")
            started = time.perf_counter()
            imported = import_roster(ctx, source, progress=progress)
            total = time.perf_counter() - started
        finally:
            ctx.close()
    if imported.count != rows:
        raise SystemExit(f"imported {imported.count} of {rows} candidates")
    if not reports or reports[-1][1:] != (rows, rows):
        raise SystemExit("the progress reports did not end at the roster's size")
    moments = [started] + [moment for moment, _, _ in reports] + [started + total]
    silence = max(later - earlier for earlier, later in itertools.pairwise(moments))

    codes = [normalise_code(new_access_code()) for _ in range(rows)]
    started = time.perf_counter()
    for code in codes:
        hash_secret(code, HashCost.STANDARD)
    floor = time.perf_counter() - started

    budget = BUDGET_START_S + BUDGET_PER_ROW_S * rows
    print(f"{rows} rows on {os.cpu_count()} cores: import {total:.1f} s, floor {floor:.1f} s")
    print(f"{len(reports)} progress reports; longest silence {silence:.2f} s")
    return finish(
        [
            Figure(
                "roster_import",
                f"import {rows} rows, STANDARD hash cost",
                f"{total:.1f} s",
                f"<= {budget:.1f} s (2 cores)",
                f"{floor:.1f} s",
                ratio(total, floor),
                total <= budget,
            ),
            Figure(
                "roster_import",
                "longest time without a progress report",
                f"{silence:.2f} s",
                f"<= {BUDGET_SILENCE_S:.0f} s",
                "-",
                "-",
                silence <= BUDGET_SILENCE_S,
            ),
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
