"""A located problem in a bank source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.domain.errors import BankError


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a bank source, as data: where (file, line, item id), what (an error code) and the facts.

    The wording of ``code`` is in :mod:`kiosk.messages` (a clause such as "the answer must be one option id
    of {options}"); :attr:`location` and :meth:`error` are what the CLI and the UI render, as
    ``"<location>: <sentence>"``. Line 0 means the problem is the file or folder itself, not a place in it.
    """

    path: Path
    line: int
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    item_id: str | None = None

    @property
    def location(self) -> str:
        """E.g. ``items/a.yaml:12: item MNT2-001``; the path alone when the line is 0."""
        where = f"{self.path}:{self.line}" if self.line > 0 else f"{self.path}"
        return f"{where}: item {self.item_id}" if self.item_id else where

    def error(self) -> BankError:
        """The problem as an error carrying its code and params, for the wording."""
        return BankError(self.code, **self.params)

    def __str__(self) -> str:
        # For logs and tests: the location, the code and its facts.
        return f"{self.location}: {self.error()}"


class BankSourceRejected(BankError):
    """A bank source with problems; ``problems`` lists every one of them, as data."""

    def __init__(self, folder: Path, problems: tuple[Problem, ...]) -> None:
        super().__init__("bank.source_invalid", folder=folder, count=len(problems))
        self.problems = problems


def plain_number(value: float) -> int | float:
    """A number as an author wrote it: 150.0 reads as 150 in a problem report."""
    return int(value) if value.is_integer() else value
