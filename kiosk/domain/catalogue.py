"""The bank sources the registry reads pass rules, competence titles and item text from.

Result bundles carry scores, not the bank: the pass mark, area minimums, competence titles and item stems
come from the awarding body's bank source folders, matched by bank id and version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.errors import InputError
from kiosk.domain.items import Bank


@dataclass(frozen=True)
class BankCatalogue:
    """Banks by (bank id, version)."""

    banks: dict[tuple[str, int], Bank]
    sources: tuple[Path, ...] = ()

    def get(self, bank_id: str, version: int, attempt_id: str = "") -> Bank:
        """The bank a result was drawn from; InputError naming what to do when it is not among the sources."""
        bank = self.banks.get((bank_id, version))
        if bank is not None:
            return bank
        held = sorted(v for (b, v) in self.banks if b == bank_id)
        where = ", ".join(str(path) for path in self.sources) or "the bank sources given"
        found = f"holds version(s) {', '.join(map(str, held))}" if held else "does not hold it"
        subject = f"Attempt {attempt_id} was sat" if attempt_id else "Results were sat"
        raise InputError(
            f"{subject} on bank {bank_id} version {version}, but {where} {found}; give --banks with the "
            "source folder of that version (its pass rules and competences decide what the report shows)."
        )


def catalogue_of(banks: Iterable[Bank]) -> BankCatalogue:
    """A catalogue of banks already in memory (tests, and callers that hold the banks)."""
    return BankCatalogue({(bank.bank_id, bank.version): bank for bank in banks})
