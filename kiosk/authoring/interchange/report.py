"""The import report: one entry per source question, none left out, worded at the edge.

Each entry says where the question was (file, line, its name there), which item it became, and how:
converted exactly, converted with a change (each change a notice), or not convertible (each reason a
notice). Notices are codes with facts like errors; the caller gives the function that words them
(English for the CLI by default, the reader's language in the console).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.authoring.interchange.model import Outcome, SourceRef
from kiosk.domain.errors import Notice

Word = Callable[[Notice], str]


def plain_word(notice: Notice) -> str:
    """The notice as code and facts, for logs and tests when no wording is given."""
    return str(notice)


@dataclass(frozen=True, slots=True)
class ReportEntry:
    source: SourceRef
    item_id: str | None
    outcome: Outcome
    notices: tuple[Notice, ...]


@dataclass(frozen=True, slots=True)
class ImportReport:
    folder: Path
    format: str
    files: tuple[str, ...]
    entries: tuple[ReportEntry, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for entry in self.entries if entry.outcome is outcome)


def _joined(notices: tuple[Notice, ...], word: Word) -> str:
    return "; ".join(word(notice).strip().rstrip(".") for notice in notices)


def entry_notice(entry: ReportEntry, word: Word) -> Notice:
    """The report line of one entry, as a notice (its changes or reasons already worded by ``word``)."""
    where, name = entry.source.where, entry.source.name
    if entry.outcome is Outcome.EXACT:
        return Notice("interchange.line_exact", where=where, source=name, item=entry.item_id or "")
    if entry.outcome is Outcome.CHANGED:
        return Notice(
            "interchange.line_changed",
            where=where,
            source=name,
            item=entry.item_id or "",
            changes=_joined(entry.notices, word),
        )
    return Notice("interchange.line_refused", where=where, source=name, reasons=_joined(entry.notices, word))


def summary_notice(report: ImportReport) -> Notice:
    return Notice(
        "interchange.summary",
        count=len(report.entries),
        exact=report.count(Outcome.EXACT),
        changed=report.count(Outcome.CHANGED),
        refused=report.count(Outcome.NOT_CONVERTIBLE),
        folder=report.folder,
    )


def report_lines(report: ImportReport, word: Word) -> list[str]:
    """The whole report as lines: the summary, then one line per source question."""
    return [word(summary_notice(report))] + [word(entry_notice(entry, word)) for entry in report.entries]
