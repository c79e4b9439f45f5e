"""Shared helpers for the interchange tests: the corpus, and converting it without writing anything."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kiosk.authoring.interchange import read_sources
from kiosk.authoring.interchange.model import Converted, DraftBank, DraftItem, Outcome
from kiosk.domain.responses import Response
from kiosk.domain.scoring import score_item

CORPUS = Path(__file__).resolve().parent / "corpus"
SAMPLE_BANKS = Path(__file__).resolve().parents[3] / "question_banks"


def convert(format_name: str, *paths: Path, output: Path = Path("imported")) -> DraftBank:
    return read_sources(format_name, list(paths), output)


def by_name(bank: DraftBank) -> dict[str, Converted]:
    return {entry.source.name: entry for entry in bank.converted}


def codes(entry: Converted) -> list[str]:
    return [notice.code for notice in entry.notices]


def item(entry: Converted) -> DraftItem:
    assert entry.item is not None, [str(notice) for notice in entry.notices]
    return entry.item


def outcome(entry: Converted) -> Outcome:
    return entry.outcome


def share(draft: DraftItem, response: Response) -> float:
    """The share of the points the kiosk gives ``response`` to the converted item."""
    scoring = draft.scoring_item()
    return score_item(scoring, response) / scoring.points


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target
