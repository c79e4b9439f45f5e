"""Every bench in ``bench/`` runs to its figures and a verdict on a small workload.

A bench that crashes, prints nothing, or measures nothing (a workload the product now refuses, say) fails
here rather than on the day someone quotes it. The verdicts themselves are left to full runs: budgets are
set for the full workloads, and a quick run on a shared machine proves nothing about them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_bench_runs_to_its_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    lines = done.stdout.splitlines()
    problems = [line for line in lines if line.startswith("PROBLEM:")]
    assert problems == [], "\n".join(problems)
    summary = lines[-1]
    assert summary.endswith(" 0 problem(s)"), summary
    # Every bench script in the folder is run: a new one left out of run_all.py fails here too.
    ran = {line.split(":")[0] for line in lines if ", exit code " in line}
    helpers = {"run_all", "verdicts", "workloads"}
    assert ran == {path.stem for path in (ROOT / "bench").glob("*.py")} - helpers
