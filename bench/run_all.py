"""Run every bench, each in its own process with a time limit, and print one table of all their figures.

    python bench/run_all.py [--only NAME ...] [--quick]

Each bench prints its figures beside its budget, its floor and the ratio; this collects them (the
``BENCH-RESULT`` lines) into one table. The exit code is 1 when any figure is over its budget, or a bench
failed, timed out or printed no figures. ``--quick`` runs smaller workloads to check the benches work; its
figures are not the ones to quote.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from verdicts import Figure, read_results, table

HERE = Path(__file__).resolve().parent
# name, arguments for a full run, arguments for a quick one, time limit in seconds
BENCHES: tuple[tuple[str, list[str], list[str], float], ...] = (
    ("answer_save", [], ["--answers", "300"], 900),
    ("bank_unlock", [], [], 600),
    ("ui", [], ["--runs", "1", "--switches", "40"], 1800),
    ("import", [], ["--attempts", "500"], 3600),
    ("reports", [], ["--count", "100"], 1800),
    ("power_cut", ["--kills", "500"], ["--kills", "20"], 3600),
    ("sync", [], ["--kiosks", "20", "--bundles", "5"], 3600),
    ("roster_import", [], ["--rows", "200"], 900),
    ("results_page", [], ["--sizes", "10000", "--repeat", "3"], 1800),
)


def run(name: str, argv: list[str], limit: float) -> tuple[list[Figure], str]:
    """The figures one bench printed, and a problem sentence when it did not finish cleanly."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(HERE / f"{name}.py"), *argv],
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [], f"{name} did not finish within {limit:.0f} s"
    print(f"{name}: {time.perf_counter() - started:.0f} s, exit code {done.returncode}", flush=True)
    figures = read_results(done.stdout)
    if not figures:
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        return [], f"{name} printed no figures (exit code {done.returncode}): {' / '.join(tail)}"
    if done.returncode != 0 and all(figure.ok is not False for figure in figures):
        return figures, f"{name} failed with exit code {done.returncode}"
    return figures, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=[name for name, *_ in BENCHES], help="run only these")
    parser.add_argument("--quick", action="store_true", help="small workloads: check the benches work")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    problems: list[str] = []
    for name, full, quick, limit in BENCHES:
        if args.only and name not in args.only:
            continue
        found, problem = run(name, quick if args.quick else full, limit)
        figures.extend(found)
        if problem:
            problems.append(problem)
    print()
    for line in table(figures):
        print(line)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    over = [figure for figure in figures if figure.ok is False]
    print(f"{len(figures)} figures, {len(over)} over budget, {len(problems)} problem(s)")
    return 1 if over or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
