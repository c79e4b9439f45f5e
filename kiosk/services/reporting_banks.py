"""The bank sources the registry reads pass rules, competence titles and item text from.

Result bundles carry scores, not the bank: the pass mark, area minimums, competence titles and item stems
come from the awarding body's bank source folders, matched by bank id and version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.banks.source import load_bank_dir
from kiosk.domain.errors import InputError
from kiosk.domain.items import Bank

BANK_FILE = "bank.yaml"


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


def _bank_folders(path: Path) -> list[Path]:
    if (path / BANK_FILE).is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"The bank source folder {path} does not exist; give the folder holding the banks.")
    folders = sorted(child for child in path.iterdir() if (child / BANK_FILE).is_file())
    if not folders:
        raise InputError(
            f"The folder {path} holds no bank source (no {BANK_FILE} in it or in its sub-folders); give the "
            "folder of bank sources, e.g. question_banks."
        )
    return folders


def load_catalogue(paths: Sequence[Path]) -> BankCatalogue:
    """Read every bank source folder under ``paths`` (each a bank folder or a folder of them)."""
    banks: dict[tuple[str, int], Bank] = {}
    for folder in (folder for path in paths for folder in _bank_folders(path)):
        bank = load_bank_dir(folder)
        banks[(bank.bank_id, bank.version)] = bank
    return BankCatalogue(banks, tuple(paths))


def catalogue_of(banks: Iterable[Bank]) -> BankCatalogue:
    """A catalogue of banks already in memory (tests, and callers that hold the banks)."""
    return BankCatalogue({(bank.bank_id, bank.version): bank for bank in banks})
