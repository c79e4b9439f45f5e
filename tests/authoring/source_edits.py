"""Small edits to the temp bank source, and the problems the reader then reports, as text."""

from __future__ import annotations

from pathlib import Path

from kiosk.authoring.source import read_bank_dir


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a source file with ``new`` (``old`` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_in(folder: Path) -> list[str]:
    """Every problem the reader finds in ``folder``, as the author would read it."""
    _, problems = read_bank_dir(folder)
    return [str(problem) for problem in problems]
