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
        """The bank a result was drawn from; InputError naming the versions the sources do hold."""
        bank = self.banks.get((bank_id, version))
        if bank is not None:
            return bank
        held = sorted(v for (b, v) in self.banks if b == bank_id)
        raise InputError(
            "bank.version_not_in_sources" if held else "bank.not_in_sources",
            attempt=attempt_id,
            bank=bank_id,
            version=version,
            sources=", ".join(str(path) for path in self.sources),
            held=", ".join(map(str, held)),
        )


def catalogue_of(banks: Iterable[Bank]) -> BankCatalogue:
    """A catalogue of banks already in memory (tests, and callers that hold the banks)."""
    return BankCatalogue({(bank.bank_id, bank.version): bank for bank in banks})
