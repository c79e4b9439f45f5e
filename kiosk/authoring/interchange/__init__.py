"""Bringing items in from other tools (QTI 3.0, QTI 2.1, Moodle XML, GIFT, Aiken) and out as QTI 3.0.

:func:`import_bank` reads source files in one format and writes a new bank source folder with every item
that could be converted, plus a report naming each source question and what became of it. What the source
does not say (a competence, a difficulty, the blueprint) is left out for the author, and the bank's own
validation then names exactly what is missing. :func:`export_qti3` writes a bank as a QTI 3.0 package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.authoring.interchange import aiken, gift, moodle, qti
from kiosk.authoring.interchange.export_qti3 import ExportedPackage, export_qti3
from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import USABLE_ID, Converted, DraftBank
from kiosk.authoring.interchange.report import (
    ImportReport,
    ReportEntry,
    Word,
    entry_notice,
    plain_word,
    report_lines,
)
from kiosk.authoring.interchange.write import REPORT_FILE, bank_yaml, items_yaml, write_bank_folder
from kiosk.domain.errors import InputError
from kiosk.domain.items import Certificate, Text

__all__ = [
    "FORMATS",
    "ExportedPackage",
    "ImportReport",
    "build_report",
    "export_qti3",
    "import_bank",
    "read_sources",
]

FORMATS = ("qti3", "qti21", "moodle", "gift", "aiken")
FORMAT_NAMES = {
    "qti3": "QTI 3.0",
    "qti21": "QTI 2.1",
    "moodle": "Moodle XML",
    "gift": "GIFT",
    "aiken": "Aiken",
}
Reader = Callable[[Path, str, DraftBank, ImageStore], list[Converted]]
_BANK_FOLDER = re.compile(r"^(?P<certificate>[a-z]+)-(?P<grade>[123])$")


def _reader(format_name: str) -> Reader:
    if format_name in ("qti3", "qti21"):
        return lambda path, name, bank, store: qti.read_qti(path, name, format_name, bank, store)
    return {"moodle": moodle.read_moodle, "gift": gift.read_gift, "aiken": aiken.read_aiken}[format_name]


def read_sources(format_name: str, files: Sequence[Path], output: Path) -> DraftBank:
    """Convert every question in ``files``, read as ``format_name``, for the bank folder ``output``."""
    if format_name not in FORMATS:
        raise InputError("interchange.format_unknown", format=format_name, known=", ".join(FORMATS))
    bank = DraftBank()
    match = _BANK_FOLDER.match(output.name)
    if match and match["certificate"] in {c.value for c in Certificate}:
        bank.certificate, bank.grade = match["certificate"], int(match["grade"])
    store = ImageStore()
    read = _reader(format_name)
    for number, path in enumerate(files, start=1):
        if not path.is_file() and not (path.is_dir() and (path / qti.MANIFEST).is_file()):
            raise InputError("interchange.file_missing", file=path)
        source = path / qti.MANIFEST if path.is_dir() else path
        converted = read(source, str(path), bank, store)
        stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "items"
        target = f"items/{number:03d}-{stem}.yaml"
        for entry in converted:
            entry.target = target
        bank.converted += converted
    bank.images = dict(store.images)
    if bank.title is None:
        bank.title = Text(output.name)
    _assign_ids(bank, output.name)
    return bank


def _assign_ids(bank: DraftBank, folder_name: str) -> None:
    """Keep each source id an author can use and that is not taken; number the others."""
    prefix = re.sub(r"[^A-Za-z0-9]+", "-", folder_name).strip("-").upper() or "ITEM"
    used: set[str] = set()
    for item in bank.items:
        if item.id is not None and USABLE_ID.match(item.id) and item.id not in used:
            used.add(item.id)
        else:
            item.id = None
    number = 0
    for item in bank.items:
        if item.id is None:
            candidate = ""
            while not candidate or candidate in used:
                number += 1
                candidate = f"{prefix}-{number:03d}"
            item.id = candidate
            used.add(candidate)


def build_report(bank: DraftBank, format_name: str, files: Sequence[Path], output: Path) -> ImportReport:
    entries = tuple(
        ReportEntry(entry.source, entry.item.id if entry.item else None, entry.outcome, tuple(entry.notices))
        for entry in bank.converted
    )
    return ImportReport(output, format_name, tuple(str(path) for path in files), entries)


def bank_contents(bank: DraftBank, report: ImportReport, word: Word) -> dict[str, bytes]:
    """Every file of the new bank folder (relative path -> bytes), the report included."""
    origin = f"{FORMAT_NAMES[report.format]}: {', '.join(report.files)}"
    contents = {"bank.yaml": bank_yaml(bank, origin, word).encode("utf-8")}
    lines = {
        id(converted): word(entry_notice(entry, word))
        for converted, entry in zip(bank.converted, report.entries, strict=True)
    }
    for target in dict.fromkeys(entry.target for entry in bank.converted if entry.item is not None):
        text = items_yaml(bank, target, lambda converted: lines[id(converted)])
        contents[target] = text.encode("utf-8")
    for path, data in bank.images.items():
        contents[path] = data
    contents[REPORT_FILE] = ("\n".join(report_lines(report, word)) + "\n").encode("utf-8")
    return contents


def import_bank(
    format_name: str, files: Sequence[Path], output: Path, word: Word = plain_word
) -> ImportReport:
    """Convert ``files`` and write the new bank source folder ``output`` (which must not hold anything).

    ``word`` words the report's notices (the report is written into the folder too, and each item in the
    YAML is preceded by its report line as a comment). Raises InputError for an unreadable or malformed
    source file (naming the file and line) and FileWriteError when the folder cannot be written.
    """
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise InputError("interchange.output_exists", folder=output)
    bank = read_sources(format_name, files, output)
    report = build_report(bank, format_name, files, output)
    write_bank_folder(output, bank_contents(bank, report, word))
    return report
