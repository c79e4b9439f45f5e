"""Power-cut endurance: kill a scripted candidate's kiosk process many times and count lost answers.

    python bench/power_cut.py --kills 500 [--seed N] [--spawn] [--max-actions 120] [--dir FOLDER]

After every SIGKILL the store is checked as a restarted kiosk would find it (integrity_check, every
journal verified, every acknowledged answer present, the exam clock within one checkpoint interval of the
time truly used). Answers lost must be 0. ``--spawn`` starts each child as a new Python program instead of
forking (slower, but the same path a real restart takes; always used where fork is unavailable).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verdicts import Figure, finish

from tests.station.services.power_cut_child import PowerCutReport, run_power_cuts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--kills", type=int, default=500, help="how many times to kill the candidate's process"
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="seed for kill timing and answers (default: random)"
    )
    parser.add_argument("--spawn", action="store_true", help="start each child as a new program, not a fork")
    parser.add_argument(
        "--max-actions", type=int, default=120, help="most answers and ticks a child makes before its kill"
    )
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to test (default: temp)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    folder = Path(tempfile.mkdtemp(prefix="power-cut-", dir=args.dir))
    started = time.perf_counter()

    def progress(report: PowerCutReport) -> None:
        if report.kills % 50 == 0:
            print(
                f"  {report.kills} kills, {report.answers_acknowledged} answers acknowledged, "
                f"{report.answers_lost} lost",
                flush=True,
            )

    try:
        print(
            f"power cut: {args.kills} kills, seed {seed}, {'spawned' if args.spawn else 'forked'} children, "
            f"in {folder}"
        )
        report = run_power_cuts(
            folder,
            args.kills,
            seed=seed,
            fork=False if args.spawn else None,
            max_actions=args.max_actions,
            progress=progress,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(f"kills: {report.kills}")
    print(f"answers acknowledged: {report.answers_acknowledged}")
    print(f"answers lost: {report.answers_lost} (must be 0)")
    print(f"resumes authorised: {report.resumes}; attempts run to their end: {report.attempts_finished}")
    print(f"largest clock lag after a kill: {report.max_clock_lag_seconds:.1f} s (must be <= 5 s)")
    print(f"problems: {len(report.problems)}")
    for problem in report.problems[:20]:
        print(f"  {problem}")
    print(f"time: {elapsed:.1f} s")
    return finish(
        [
            Figure(
                "power_cut",
                f"answers lost over {report.kills} SIGKILLs ({report.answers_acknowledged} acknowledged)",
                str(report.answers_lost),
                "0",
                "0",
                "-",
                report.answers_lost == 0 and not report.problems,
            ),
            Figure(
                "power_cut",
                "largest exam-clock lag after a kill",
                f"{report.max_clock_lag_seconds:.1f} s",
                "<= 5 s",
                "-",
                "-",
                report.max_clock_lag_seconds <= 5.0,
            ),
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
