"""Importing result bundles into the registry: each file imported whole, once, or refused and kept.

For each file: read the outer header; the same bytes as a bundle already held are a *duplicate* (nothing
changes; its receipt is written again). Otherwise the bundle is opened (decrypted with the registry key,
its signature checked against the enrolled kiosk's key, outer header checked against the signed fields)
and its contents parsed; any failure *refuses* the file, copies it to the quarantine folder and stores
nothing else. An opened bundle whose id or sequence number was already used with other bytes is a
*conflict*, quarantined the same way. Otherwise one transaction stores the bundle and every attempt not
held yet; an attempt already held with the same record is skipped, and one held with a different record
is kept beside the first in ``attempt_conflicts`` (the bundle then counts as a conflict too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from kiosk.domain.errors import InputError, KioskError, Notice
from kiosk.formats.bundle_content import (
    BundleContent,
    parse_bundle_content,
)
from kiosk.formats.bundles import bundle_digest, open_bundle, read_bundle_header
from kiosk.formats.receipts import write_receipt
from kiosk.formats.records import canonical_json
from kiosk.registry.services.registry import RegistryContext, gap_notice, sequence_gaps
from kiosk.registry.services.rows import (
    attempt_row,
    bundle_row,
    competence_rows,
    incident_row,
    response_rows,
)
from kiosk.registry.storage.repo import (
    StoredBundle,
    claim_bundle,
    find_bundle,
    find_bundle_by_sequence,
    finish_bundle,
    held_attempts,
    insert_attempt_conflicts,
    insert_attempts,
    insert_competence_scores,
    insert_incidents,
    insert_responses,
    record_quarantine,
)
from kiosk.registry.storage.store import RegistrySession
from kiosk.support.files import PRIVATE, write_file

BUNDLE_SUFFIX = ".1xresult"
Progress = Callable[[int, int, Path], None]


class Outcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one file.

    ``problem`` says why a file was not simply imported: the error that refused it, or a notice for a
    duplicate or a conflict; ``notes`` are warnings about a file that was imported. Both are codes and
    parameters, for the CLI and the console to word in the reader's language.
    """

    path: Path
    outcome: Outcome
    bundle_id: str | None = None
    kiosk_id: str | None = None
    sequence: int | None = None
    attempts: int = 0
    receipt: Path | None = None
    notes: tuple[Notice, ...] = ()
    problem: KioskError | Notice | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    outcomes: tuple[FileOutcome, ...]
    gaps: dict[str, list[int]]

    @property
    def failed(self) -> bool:
        """True when any file was refused or conflicted: the CLI exits 1."""
        return any(item.outcome in (Outcome.REFUSED, Outcome.CONFLICT) for item in self.outcomes)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.outcomes if item.outcome is outcome)

    @property
    def gap_notices(self) -> list[Notice]:
        return [gap_notice(kiosk_id, missing) for kiosk_id, missing in self.gaps.items()]


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: each file named, and every ``*.1xresult`` inside each folder named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(path.rglob(f"*{BUNDLE_SUFFIX}"))
            if not inside:
                raise InputError("registry_import.no_bundles", folder=path, suffix=BUNDLE_SUFFIX)
            found.extend(inside)
        else:
            found.append(path)
    return found


def import_bundles(
    ctx: RegistryContext, paths: Sequence[Path], progress: Progress | None = None
) -> ImportReport:
    """Import every bundle file under ``paths``; each file's outcome, then the kiosks' sequence gaps."""
    files = bundle_files(paths)
    outcomes = []
    for done, path in enumerate(files, start=1):
        outcomes.append(import_file(ctx, path))
        if progress is not None:
            progress(done, len(files), path)
    touched = {item.kiosk_id for item in outcomes if item.kiosk_id and item.outcome is not Outcome.REFUSED}
    return ImportReport(tuple(outcomes), sequence_gaps(ctx, touched))


def import_file(ctx: RegistryContext, path: Path) -> FileOutcome:
    """Import one bundle file in one transaction; never raises for a bad file, only for a failing database."""
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = InputError(
            "registry_import.file_unreadable", path=path, reason=error.strerror or str(error)
        )
        return FileOutcome(path, Outcome.REFUSED, problem=problem)
    digest = bundle_digest(data)
    try:
        header = read_bundle_header(data)
    except KioskError as error:
        return _refuse(ctx, path, data, digest, error)
    with ctx.database.session() as session:
        held = find_bundle(session, header.bundle_id)
    if held is not None and held.digest == digest:
        return _duplicate(ctx, path, held)
    try:
        content = parse_bundle_content(open_bundle(data, ctx.identity, ctx.kiosk_keys()))
    except KioskError as error:
        return _refuse(ctx, path, data, digest, error, header.bundle_id, header.kiosk_id)
    if held is not None:
        return _conflict(ctx, path, data, digest, content, _same_id_notice(content))
    return _store(ctx, path, data, digest, content)


@dataclass(frozen=True, slots=True)
class _Stored:
    """What one bundle's transaction stored."""

    fresh: int
    acknowledged: list[str]
    differing: list[str]
    notes: tuple[Notice, ...]


def _store(ctx: RegistryContext, path: Path, data: bytes, digest: str, content: BundleContent) -> FileOutcome:
    now = ctx.now()
    duplicate_of: StoredBundle | None = None
    stored: _Stored | None = None
    conflict: Notice | None = None
    with ctx.database.transaction() as session:
        if claim_bundle(session, bundle_row(path, digest, content, now)):
            stored = _store_contents(session, content, now)
        else:
            # Another importer stored this bundle id or sequence number since we looked.
            other = find_bundle(session, content.bundle_id)
            if other is not None and other.digest == digest:
                duplicate_of = other
            elif other is not None:
                conflict = _same_id_notice(content)
            else:
                taken = find_bundle_by_sequence(session, content.kiosk_id, content.sequence)
                conflict = _same_sequence_notice(content, taken)
    if duplicate_of is not None:
        return _duplicate(ctx, path, duplicate_of)
    if stored is None:
        assert conflict is not None  # nothing was stored only when the bundle id or number is taken
        return _conflict(ctx, path, data, digest, content, conflict)
    receipt = write_receipt(
        ctx.identity,
        ctx.receipts_dir,
        content.bundle_id,
        content.kiosk_id,
        content.sequence,
        digest,
        stored.acknowledged,
    )
    outcome, problem = Outcome.IMPORTED, None
    if stored.differing:
        named = ", ".join(stored.differing[:5]) + (" ..." if len(stored.differing) > 5 else "")
        outcome = Outcome.CONFLICT
        problem = Notice(
            "registry_import.attempts_differ",
            bundle_id=content.bundle_id,
            attempts=named,
            count=len(stored.differing),
            fresh=stored.fresh,
        )
        copy = _quarantine_copy(ctx, path, data, digest)
        _record(ctx, path, copy, digest, Outcome.CONFLICT, problem, content.bundle_id, content.kiosk_id)
    return FileOutcome(
        path,
        outcome,
        content.bundle_id,
        content.kiosk_id,
        content.sequence,
        attempts=stored.fresh,
        problem=problem,
        receipt=receipt,
        notes=stored.notes,
    )


def _store_contents(session: RegistrySession, content: BundleContent, now: datetime) -> _Stored:
    """Store a claimed bundle's attempts (those not held yet), their rows, incidents and conflicts."""
    # Rows go in key order, so two importers storing overlapping bundles on PostgreSQL wait for each other
    # in one direction only and can never deadlock.
    ordered = sorted(content.attempts, key=lambda attempt: attempt.attempt_id)
    inserted = insert_attempts(session, [attempt_row(content, attempt, now) for attempt in ordered])
    fresh = [attempt for attempt in content.attempts if attempt.attempt_id in inserted]
    insert_responses(session, [row for attempt in fresh for row in response_rows(attempt)])
    insert_competence_scores(session, [row for attempt in fresh for row in competence_rows(attempt)])
    incidents = sorted(content.incidents, key=lambda incident: incident.number)
    insert_incidents(session, [incident_row(content, incident) for incident in incidents])
    resent = [attempt for attempt in content.attempts if attempt.attempt_id not in inserted]
    copies = held_attempts(session, (attempt.attempt_id for attempt in resent))
    differing = [
        attempt
        for attempt in resent
        if attempt.attempt_id in copies
        and copies[attempt.attempt_id].content_digest != attempt.content_digest
    ]
    insert_attempt_conflicts(
        session,
        [
            {
                "attempt_id": attempt.attempt_id,
                "bundle_id": content.bundle_id,
                "held_bundle_id": copies[attempt.attempt_id].bundle_id,
                "held_digest": copies[attempt.attempt_id].content_digest,
                "content_digest": attempt.content_digest,
                "content_json": canonical_json(dict(attempt.raw)).decode("utf-8"),
                "recorded_at": now,
            }
            for attempt in differing
        ],
    )
    differing_ids = [attempt.attempt_id for attempt in differing]
    acknowledged = sorted({attempt.attempt_id for attempt in content.attempts} - set(differing_ids))
    outcome = Outcome.CONFLICT if differing else Outcome.IMPORTED
    finish_bundle(session, content.bundle_id, outcome.value, len(fresh), acknowledged)
    return _Stored(len(fresh), acknowledged, differing_ids, _chain_notes(session, content))


def _chain_notes(session: RegistrySession, content: BundleContent) -> tuple[Notice, ...]:
    """A warning when this bundle does not follow the kiosk's previous bundle held here."""
    previous = find_bundle_by_sequence(session, content.kiosk_id, content.sequence - 1)
    if previous is None or previous.digest == content.previous_hash:
        return ()
    return (Notice("registry_import.chain_broken", bundle_id=content.bundle_id, previous=previous.bundle_id),)


def _same_id_notice(content: BundleContent) -> Notice:
    return Notice("registry_import.same_id_other_bytes", bundle_id=content.bundle_id)


def _same_sequence_notice(content: BundleContent, taken: StoredBundle | None) -> Notice:
    if isinstance(taken, StoredBundle):
        return Notice(
            "registry_import.sequence_taken",
            kiosk_id=content.kiosk_id,
            sequence=content.sequence,
            bundle_id=content.bundle_id,
            other=taken.bundle_id,
        )
    return Notice(
        "registry_import.sequence_taken_unknown",
        kiosk_id=content.kiosk_id,
        sequence=content.sequence,
        bundle_id=content.bundle_id,
    )


def _duplicate(ctx: RegistryContext, path: Path, held: StoredBundle) -> FileOutcome:
    receipt = write_receipt(
        ctx.identity,
        ctx.receipts_dir,
        held.bundle_id,
        held.kiosk_id,
        held.sequence,
        held.digest,
        held.acknowledged,
    )
    return FileOutcome(
        path,
        Outcome.DUPLICATE,
        held.bundle_id,
        held.kiosk_id,
        held.sequence,
        problem=Notice("registry_import.duplicate", bundle_id=held.bundle_id),
        receipt=receipt,
    )


def _conflict(
    ctx: RegistryContext, path: Path, data: bytes, digest: str, content: BundleContent, problem: Notice
) -> FileOutcome:
    stored = _quarantine_copy(ctx, path, data, digest)
    _record(ctx, path, stored, digest, Outcome.CONFLICT, problem, content.bundle_id, content.kiosk_id)
    return FileOutcome(
        path, Outcome.CONFLICT, content.bundle_id, content.kiosk_id, content.sequence, problem=problem
    )


def _refuse(
    ctx: RegistryContext,
    path: Path,
    data: bytes,
    digest: str,
    problem: KioskError,
    bundle_id: str | None = None,
    kiosk_id: str | None = None,
) -> FileOutcome:
    stored = _quarantine_copy(ctx, path, data, digest)
    _record(ctx, path, stored, digest, Outcome.REFUSED, problem, bundle_id, kiosk_id)
    return FileOutcome(path, Outcome.REFUSED, bundle_id, kiosk_id, problem=problem)


def _quarantine_copy(ctx: RegistryContext, path: Path, data: bytes, digest: str) -> Path:
    """Copy the file into the quarantine folder under a name its bytes decide (one copy per content).

    Private: a bundle holds candidates' results. A full disk raises FileWriteError and leaves no part copy.
    """
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", path.name)[:100] or "bundle"
    stored = ctx.quarantine_dir / f"{digest[:16]}-{safe}"
    if not stored.exists():
        write_file(stored, data, PRIVATE)
    return stored


def _record(
    ctx: RegistryContext,
    path: Path,
    stored: Path,
    digest: str,
    outcome: Outcome,
    problem: KioskError | Notice,
    bundle_id: str | None,
    kiosk_id: str | None,
) -> None:
    with ctx.database.transaction() as session:
        record_quarantine(
            session,
            {
                "source_name": str(path),
                "stored_path": str(stored),
                "digest": digest,
                "bundle_id": bundle_id,
                "kiosk_id": kiosk_id,
                "outcome": outcome.value,
                # The quarantine log keeps why as the code and its parameters, in any reader's language.
                "reason": str(problem),
                "received_at": ctx.now(),
            },
        )
