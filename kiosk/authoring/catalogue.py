"""Reading bank source folders into the catalogue the registry reads pass rules and item text from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.authoring.source import load_bank_dir
from kiosk.domain.catalogue import BankCatalogue
from kiosk.domain.errors import InputError
from kiosk.domain.items import Bank

BANK_FILE = "bank.yaml"


def _bank_folders(path: Path) -> list[Path]:
    if (path / BANK_FILE).is_file():
        return [path]
    if not path.is_dir():
        raise InputError("source.folder_missing", path=path)
    folders = sorted(child for child in path.iterdir() if (child / BANK_FILE).is_file())
    if not folders:
        raise InputError("source.no_banks", path=path, file=BANK_FILE)
    return folders


def load_catalogue(paths: Sequence[Path]) -> BankCatalogue:
    """Read every bank source folder under ``paths`` (each a bank folder or a folder of them)."""
    banks: dict[tuple[str, int], Bank] = {}
    for folder in (folder for path in paths for folder in _bank_folders(path)):
        bank = load_bank_dir(folder)
        banks[(bank.bank_id, bank.version)] = bank
    return BankCatalogue(banks, tuple(paths))
