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
        # Line 0 means the problem is the file or folder itself, not a place in it.
        where = f"{self.path}:{self.line}" if self.line > 0 else f"{self.path}"
        return f"{where}: item {self.item_id}: {self.message}" if self.item_id else f"{where}: {self.message}"
