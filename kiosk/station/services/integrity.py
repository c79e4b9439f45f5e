"""Checking the kiosk's records are whole and untouched, and backing the store up.

``verify_journals`` runs at start-up and before export: each attempt's answer journal must be an unbroken
hash chain ending at the head recorded with the attempt, each current response must be the journal's last
word on that item, and a submitted attempt's code must match its journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.journal import JournalEntry, submission_code, verify_chain
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.records import AttemptRecord, ResponseRecord
from kiosk.station.storage.repositories import attempts


@dataclass(frozen=True, slots=True)
class StoreCheck:
    """The result of a full check: SQLite's own findings and the journals' problems."""

    database_problems: tuple[str, ...]
    journal_problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.database_problems and not self.journal_problems


def verify_journals(ctx: KioskContext) -> list[str]:
    """Every problem with any attempt's answer journal, one sentence each naming attempt and entry."""
    problems: list[str] = []
    with ctx.store.session() as session:
        for attempt_id in attempts.all_attempt_ids(session):
            record = attempts.get_attempt(session, attempt_id)
            if record is None:
                continue
            entries = attempts.journal(session, attempt_id)
            problems.extend(verify_chain(attempt_id, entries, expected_head=record.journal_head))
            problems.extend(_responses_match(attempt_id, entries, attempts.responses(session, attempt_id)))
            problems.extend(_code_matches(record))
    return problems


def _responses_match(
    attempt_id: str, entries: list[JournalEntry], responses: list[ResponseRecord]
) -> list[str]:
    last: dict[str, JournalEntry] = {}
    for entry in entries:
        last[entry.item_id] = entry
    problems = []
    stored = {response.item_id: response for response in responses}
    for item_id, entry in sorted(last.items()):
        response = stored.get(item_id)
        if response is None or response.response_json is None:
            problems.append(
                f"The saved answer to item {item_id} of attempt {attempt_id} is missing, but journal entry "
                f"{entry.sequence} records one."
            )
        elif response.response_json != entry.response_json or response.sequence != entry.sequence:
            problems.append(
                f"The saved answer to item {item_id} of attempt {attempt_id} does not match its journal "
                f"(entry {entry.sequence})."
            )
    for item_id, response in sorted(stored.items()):
        if item_id not in last and response.response_json is not None:
            problems.append(
                f"The saved answer to item {item_id} of attempt {attempt_id} is not in its journal at all."
            )
    return problems


def _code_matches(record: AttemptRecord) -> list[str]:
    if record.submission_code is None:
        return []
    if record.submission_code != submission_code(record.id, record.journal_head):
        return [
            f"The submission code of attempt {record.id} does not match its journal: the journal head or "
            "the code was changed after submission."
        ]
    return []


def check_store(ctx: KioskContext) -> StoreCheck:
    """A full check for ``kiosk store check``: SQLite's integrity_check, then the journals."""
    report = ctx.store.check_integrity(quick=False)
    journal = () if not report.ok else tuple(verify_journals(ctx))
    return StoreCheck(report.problems, journal)


def backup_store(ctx: KioskContext, destination: Path) -> Path:
    """Back the live store up to ``destination`` (a folder or a new file) and return the file written."""
    return ctx.store.backup(destination)
