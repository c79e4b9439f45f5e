"""How every bench reports: one line per figure with its budget, its floor, the ratio and a verdict.

A bench builds :class:`Figure` rows and ends with ``return finish(rows)``: the rows are printed as a table,
then as one ``BENCH-RESULT`` JSON line that ``bench/run_all.py`` collects, and the exit code is 1 when any
figure is over its budget, so a bench can never pass by being read carelessly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

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
