"""How every bench reports: one line per figure with its budget, its floor, the ratio and a verdict.

A bench builds :class:`Figure` rows and ends with ``return finish(rows)``: the rows are printed as a table,
then as one ``BENCH-RESULT`` JSON line that ``bench/run_all.py`` collects, and the exit code is 1 when any
figure is over its budget, so a bench can never pass by being read carelessly.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

MARKER = "BENCH-RESULT "


@dataclass(frozen=True)
class Figure:
    """One measured figure: what, the value with its unit, the budget, the floor it is compared with."""

    bench: str
    what: str
    figure: str
    budget: str
    floor: str
    ratio: str
    ok: bool | None  # None: printed for context, not judged

    @property
    def verdict(self) -> str:
        if self.ok is None:
            return "-"
        return "ok" if self.ok else "OVER BUDGET"


COLUMNS = ("bench", "what", "figure", "budget", "floor", "ratio", "verdict")


def table(rows: list[Figure]) -> list[str]:
    """The rows as an aligned text table."""
    cells = [COLUMNS] + [
        (row.bench, row.what, row.figure, row.budget, row.floor, row.ratio, row.verdict) for row in rows
    ]
    widths = [max(len(line[column]) for line in cells) for column in range(len(COLUMNS))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]


def finish(rows: list[Figure]) -> int:
    """Print the table and the machine-readable line; 0 when every judged figure is within budget."""
    print()
    for line in table(rows):
        print(line)
    print(MARKER + json.dumps([asdict(row) for row in rows], ensure_ascii=False), flush=True)
    over = [row for row in rows if row.ok is False]
    print("every figure within budget" if not over else f"{len(over)} figure(s) OVER BUDGET")
    return 1 if over else 0


def read_results(output: str) -> list[Figure]:
    """The figures a bench printed (its ``BENCH-RESULT`` lines)."""
    found: list[Figure] = []
    for line in output.splitlines():
        if line.startswith(MARKER):
            found.extend(Figure(**row) for row in json.loads(line[len(MARKER) :]))
    return found


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:.2f}x" if floor > 0 else "-"


@contextmanager
def bench_folder(name: str, parent: Path | None = None) -> Iterator[Path]:
    """A fresh folder for one run of bench ``name`` inside ``parent`` (default: the temporary folder).

    Folders that earlier runs of the same bench left behind (a run killed before it could clean up, e.g.
    by run_all.py's time limit) are removed first, so a tmpfs does not fill up run after run; the folder of
    a run still going (its process id is in the name) is left alone. The new folder is removed at the end.
    """
    base = parent if parent is not None else Path(tempfile.gettempdir())
    prefix = f"kiosk-bench-{name}-"
    for stale in base.glob(prefix + "*"):
        owner = stale.name[len(prefix) :].split("-", 1)[0]
        if stale.is_dir() and owner.isdigit() and not _running(int(owner)):
            shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether a process with this id exists (one of another user counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
