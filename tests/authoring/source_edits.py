"""Small edits to the temp bank source, and the problems the reader then reports, as data and as text."""

from __future__ import annotations

from pathlib import Path

from kiosk.authoring.problems import Problem
from kiosk.authoring.source import read_bank_dir
from kiosk.messages import fields_of, sentence, template_for


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a source file with ``new`` (``old`` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_in(folder: Path) -> list[Problem]:
    """Every problem the reader finds in ``folder``; each has wording that its params fill."""
    _, problems = read_bank_dir(folder)
    for problem in problems:
        assert fields_of(template_for(problem.code)) <= set(problem.params), problem
    return problems


def has(problems: list[Problem], code: str, item: str | None = None, **params: object) -> bool:
    """Whether a problem with ``code`` (at ``item``, when given) carries at least ``params``."""
    return any(
        problem.code == code
        and (item is None or problem.item_id == item)
        and all(problem.params.get(name) == value for name, value in params.items())
        for problem in problems
    )


def read(problem: Problem) -> str:
    """The problem as the author reads it: ``file:line: item X: sentence``."""
    return f"{problem.location}: {sentence(problem.error())}"
