"""A located problem in a bank source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a bank source, located for the author."""

    path: Path
    line: int
    message: str
    item_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: item {self.item_id}: {self.message}" if self.item_id else f"{where}: {self.message}"
