"""Importing result bundles into the registry: each file imported whole, once, or refused and kept.

For each file: read the outer header; the same bytes as a bundle already held are a *duplicate* (nothing
changes; its receipt is written again). Otherwise the bundle is opened (decrypted with the registry key,
its signature checked against the enrolled kiosk's key, outer header checked against the signed fields)
and its contents parsed; any failure *refuses* the file, copies it to the quarantine folder and stores
nothing else. An opened bundle whose id or sequence number was already used with other bytes is a
*conflict*, quarantined the same way. Otherwise one transaction stores the bundle and every attempt not
held yet; an attempt already held with the same record is skipped, and one held with a different record
is kept beside the first in ``attempt_conflicts`` (the bundle then counts as a conflict too).

Every attempt is checked before it is stored (:mod:`kiosk.registry.services.rescoring`): rescored on the
registry's own copy of its bank version, or left pending until that version is held. One whose marks differ
from the rescoring, or whose answer journal does not check out, is stored but *flagged*: not filed as a
result, named in a note with both marks, and its bundle copied to the quarantine folder as evidence; the
rest of the bundle imports as usual. The receipt acknowledges it all the same: the registry holds what the
kiosk sent, and sending it again would change nothing. Attempts are filed under the centre their kiosk was
enrolled for (a bundle naming another gets a note), and a second result for the same candidate, bank and
day gets a note and holds both back from printing until an administrator decides.

A file that cannot be read, opened or parsed, or whose numbers are out of range, is refused alone: the
files after it are imported as if it had not been there.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from kiosk.domain.errors import InputError, KioskError, Notice
from kiosk.formats.bundle_content import BundleContent, attempt_json, parse_bundle_content
from kiosk.formats.bundles import (
    BundleHeader,
    Unsealed,
    bundle_digest,
    enrolled_kiosk_id,
    read_bundle_header,
    read_unsealed,
    unseal_bundle,
)
from kiosk.formats.keys import PublicIdentity
from kiosk.formats.receipts import write_receipt
from kiosk.registry.services.registry import RegistryContext, gap_notice, sequence_gaps
from kiosk.registry.services.rescoring import FLAGGED, AttemptChecks
from kiosk.registry.services.rows import (
    attempt_row,
    bundle_row,
    competence_rows,
    incident_row,
    response_columns,
)
from kiosk.registry.services.standing import second_results
from kiosk.registry.storage.repo import (
    PENDING,
    EnrolledKiosk,
    StoredBundle,
    add_kiosk,
    claim_bundle,
    find_bundle,
    find_bundle_by_sequence,
    find_kiosk,
    finish_bundle,
    held_attempts,
    insert_attempt_conflicts,
    insert_attempts,
    insert_checks,
    insert_competence_scores,
    insert_incidents,
    insert_responses,
    record_quarantine,
)
from kiosk.registry.storage.store import RegistryDatabase, RegistrySession, open_registry_database
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
    duplicate or a conflict; ``notes`` are warnings about a file that was imported (among them one per
    attempt in ``flagged``, which were stored but not filed as results). Both are codes and parameters,
    for the CLI and the console to word in the reader's language.
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
    flagged: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportReport:
    outcomes: tuple[FileOutcome, ...]
    gaps: dict[str, list[int]]

    @property
    def failed(self) -> bool:
        """True when any file was refused or conflicted: the CLI exits 1."""
        return any(item.outcome in (Outcome.REFUSED, Outcome.CONFLICT) for item in self.outcomes)

    @property
    def flagged(self) -> list[str]:
        """The attempts stored but not filed as results because their marks or journal did not check out."""
        return [attempt for item in self.outcomes for attempt in item.flagged]

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
    """Import every bundle file under ``paths``; each file's outcome, then the kiosks' sequence gaps.

    Files are imported one after another, each in its own transaction, as :func:`import_file` imports
    one. On PostgreSQL, for more than a few files on a PC with more than one core, two reader processes
    meanwhile check the signatures of the next files, parse and rescore them and make them into rows (see
    :func:`_prepare`): while one bundle's rows travel to the server and are written there, the next ones
    are made ready on another core instead of waiting their turn. Only this process holds the registry's
    private key: it decrypts each file before handing it over. On SQLite, which writes in this process,
    everything happens here.
    """
    files = bundle_files(paths)
    outcomes = []
    checks = AttemptChecks(ctx)
    # The enrolled kiosks as the import starts: a kiosk enrolled meanwhile is known to the next import.
    kiosks = ctx.kiosk_keys()
    with _collector_paused():
        for done, read in enumerate(_reads(ctx, files, checks, kiosks), start=1):
            outcomes.append(_decide(ctx, read, checks, kiosks))
            if progress is not None:
                progress(done, len(files), read.path)
    touched = {item.kiosk_id for item in outcomes if item.kiosk_id and item.outcome is not Outcome.REFUSED}
    return ImportReport(tuple(outcomes), sequence_gaps(ctx, touched))


def import_file(ctx: RegistryContext, path: Path, checks: AttemptChecks | None = None) -> FileOutcome:
    """Import one bundle file in one transaction; never raises for a bad file, only for a failing database.

    ``checks`` rescores the attempts; an import of many files passes one for all of them (see
    :class:`AttemptChecks`).
    """
    checks = checks or AttemptChecks(ctx)
    with _collector_paused():
        return _decide(ctx, _read(ctx, path), checks, ctx.kiosk_keys())


Kiosks = Mapping[str, PublicIdentity]
"""The enrolled kiosks' public identities, by kiosk id, that bundles are checked against."""

READER_PROCESS_FROM = 6
"""The fewest files an import on PostgreSQL hands to a reader process: starting one (spawned, see
:func:`_start_method`) takes about as long as reading two or three bundles of a hundred attempts here."""
_READERS = 2
_AHEAD = 3
"""How many files the reader processes may be given beyond the one being stored."""
_READER_NICENESS = 10
"""Reader processes run at a lower priority: storing (this process and the database server) is what an
import waits for, and the readers, working ahead, need only the CPU time it leaves."""


def _reads(
    ctx: RegistryContext, files: Sequence[Path], checks: AttemptChecks, kiosks: Kiosks
) -> Iterator[_Read]:
    """Each file read, in order: opened here when its turn comes, or ahead of it by a reader process."""
    alone = (os.cpu_count() or 1) < 2
    if ctx.database.dialect != "postgresql" or len(files) < READER_PROCESS_FROM or alone:
        yield from (_read(ctx, path) for path in files)
        return
    started = multiprocessing.get_context(_start_method())
    url = ctx.database.connection_url
    with ProcessPoolExecutor(_READERS, started, initializer=_start_reader, initargs=(url, kiosks)) as pool:
        coming: deque[tuple[_Read, Future[_Prepared | KioskError] | None]] = deque()
        for path in files:
            coming.append(_hand_over(ctx, pool, _read(ctx, path)))
            if len(coming) > _AHEAD:
                yield _received(ctx, checks, kiosks, *coming.popleft())
        while coming:
            yield _received(ctx, checks, kiosks, *coming.popleft())


def _start_method() -> str:
    """How reader processes start: forked where this process runs one thread, spawned otherwise.

    A forked process starts with the kiosk's modules loaded already; a spawned one first imports them (and
    the program's entry script) again, about half a second of CPU each, which in an import of ten thousand
    attempts is a fifteenth of the whole. A fork copies only the thread that forks, so it is used only when
    there is no other (the command line); the console imports on a thread of its own beside Qt's, where a
    fork could copy a lock another thread holds, and Windows has no fork: there they are spawned.
    """
    if "fork" in multiprocessing.get_all_start_methods() and _threads() == 1:
        return "fork"
    return "spawn"


def _threads() -> int:
    """The threads this process runs, Python's and others' (Qt's) alike where the system tells."""
    tasks = Path("/proc/self/task")
    try:
        return len(list(tasks.iterdir()))
    except OSError:
        return threading.active_count()


def _hand_over(
    ctx: RegistryContext, pool: ProcessPoolExecutor, read: _Read
) -> tuple[_Read, Future[_Prepared | KioskError] | None]:
    """``read`` decrypted here and given to the reader process, or as it is when it cannot be opened."""
    if read.header is None:
        return read, None
    unsealed = _unsealed(ctx, read)
    if not isinstance(unsealed, Unsealed):
        return replace(read, opened=unsealed), None
    try:
        return read, pool.submit(_prepare_in_reader, unsealed, read.path, read.digest)
    except BrokenProcessPool:
        return read, None


def _received(
    ctx: RegistryContext,
    checks: AttemptChecks,
    kiosks: Kiosks,
    read: _Read,
    future: Future[_Prepared | KioskError] | None,
) -> _Read:
    """``read`` with what the reader process made of it; opened here if the process could not do it."""
    if future is None:
        return read
    try:
        return replace(read, opened=future.result())
    except BrokenProcessPool:
        # The reader process could not start or died (killed, out of memory): this file is opened here.
        return _opened(ctx, read, checks, kiosks)


# The reader process's own connection to the registry database, for the bank copies it rescores with,
# and the enrolled kiosks' keys it was started with.
_reader_checks: list[AttemptChecks] = []
_reader_kiosks: list[Kiosks] = []


@dataclass(frozen=True, slots=True)
class _HeldBanks:
    """The bank copies a reader process rescores with, read through its own database connection."""

    database: RegistryDatabase
    bank_cache: dict[tuple[str, int], object] = field(default_factory=dict)


def _start_reader(url: str, kiosks: Kiosks) -> None:
    """Start a reader process: connect to the registry database (it reads bank copies, nothing else)
    and keep the enrolled kiosks' keys the import started with.

    The process does nothing but read bundles, so its cycle collector stays paused for its whole life, as
    :func:`_collector_paused` pauses this one's during an import.
    """
    gc.disable()
    if hasattr(os, "nice"):
        os.nice(_READER_NICENESS)
    _reader_checks.append(AttemptChecks(_HeldBanks(open_registry_database(url))))
    _reader_kiosks.append(kiosks)


def _prepare_in_reader(unsealed: Unsealed, path: Path, digest: str) -> _Prepared | KioskError:
    return _prepare(unsealed, _reader_kiosks[0], _reader_checks[0], path, digest)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while bundles are imported.

    A bundle becomes a few hundred thousand objects (its parsed JSON, its rows) that live until its
    transaction ends and hold next to no reference cycles (ten or so objects a bundle, measured), so
    reference counting frees them. Left running, the collector walks every object the process holds
    again and again meanwhile, for nothing: a third of an import's time (``bench/import.py``). It runs
    again when the import ends and collects what cycles there are. Not paused when the caller already
    paused it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(frozen=True, slots=True)
class _AttemptRows:
    """One opened and checked attempt as storing needs it: its rows, and the little the notes ask of it.

    The rows leave the import time and the centre to be set when they are stored.
    """

    attempt_id: str
    content_digest: str
    candidate_number: str
    bank_id: str
    bank_version: int
    day: str
    row: dict[str, object]
    responses: tuple[Sequence[object], ...]
    """The response rows, as columns (see :func:`response_columns`)."""
    competences: list[tuple[object, ...]]
    check: dict[str, object]
    """The ``attempt_checks`` row of what rescoring found."""
    state: str
    problem: Notice | None
    record_json: str
    """The whole attempt as JSON, kept beside the first copy when a different one arrives."""


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A bundle opened, parsed and rescored, made into rows: what a reader process hands back."""

    head: BundleContent
    """The bundle's own fields and incidents (its attempts are in ``attempts``)."""
    bundle: dict[str, object]
    attempts: tuple[_AttemptRows, ...]


def _prepare(
    unsealed: Unsealed,
    kiosks: Kiosks,
    checks: AttemptChecks,
    path: Path,
    digest: str,
) -> _Prepared | KioskError:
    """Check the kiosk's signature, parse and rescore every attempt and make the rows; or why not.

    Depends only on the file, the kiosks' keys and the bank copies held, and asks the database for nothing
    else, so it may run in a reader process.
    """
    try:
        content = parse_bundle_content(read_unsealed(unsealed, kiosks))
        findings = checks.check(content.attempts)
    except KioskError as error:
        return error
    except (ValueError, RecursionError):
        return InputError("registry_import.bundle_unreadable", path=path)
    attempts = []
    for attempt in content.attempts:
        finding = findings[attempt.attempt_id]
        attempts.append(
            _AttemptRows(
                attempt.attempt_id,
                attempt.content_digest,
                attempt.candidate_number,
                attempt.bank_id,
                attempt.bank_version,
                attempt.day,
                attempt_row(content, attempt, None),
                response_columns(attempt),
                competence_rows(attempt),
                finding.row(None),
                finding.state,
                finding.problem,
                attempt_json(attempt),
            )
        )
    head = replace(content, attempts=())
    return _Prepared(head, bundle_row(path, digest, content, None), tuple(attempts))


@dataclass(frozen=True, slots=True)
class _Read:
    """A bundle file read, its header checked and, when asked, its contents opened, parsed and rescored.

    Reading decides nothing and writes nothing: whether the file is refused, a duplicate, a conflict or
    stored is decided by :func:`_decide`, file after file, against the database as the files before it
    left it. What reading finds depends only on the file, the enrolled kiosks' keys and the banks held; an
    import changes none of them (a restored kiosk it enrols signs with its original's key, which a bundle
    is checked against anyway), so a file read ahead of its turn comes to the outcome it would have had.
    """

    path: Path
    data: bytes = b""
    digest: str = ""
    header: BundleHeader | None = None
    outcome: FileOutcome | None = None
    """The outcome already, for a file that could not be read at all."""
    problem: KioskError | None = None
    """Why the file is refused before anything in it is trusted (its header)."""
    opened: _Prepared | KioskError | None = None
    """The contents made into rows, or why they were refused; None until opened."""


def _read(ctx: RegistryContext, path: Path) -> _Read:
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = InputError(
            "registry_import.file_unreadable", path=path, reason=error.strerror or str(error)
        )
        return _Read(path, outcome=FileOutcome(path, Outcome.REFUSED, problem=problem))
    digest = bundle_digest(data)
    try:
        header = read_bundle_header(data)
    except KioskError as error:
        return _Read(path, data, digest, problem=error)
    except (ValueError, RecursionError):
        # A number too long to read (Python refuses over 4,300 digits) or nesting too deep.
        return _Read(path, data, digest, problem=InputError("registry_import.bundle_unreadable", path=path))
    if "\x00" in header.bundle_id or "\x00" in header.kiosk_id:
        # Anyone can write a header; no database is asked about an id it could not even store.
        return _Read(path, data, digest, problem=InputError("registry_import.bundle_unreadable", path=path))
    return _Read(path, data, digest, header)


def _unsealed(ctx: RegistryContext, read: _Read) -> Unsealed | KioskError:
    try:
        return unseal_bundle(read.data, ctx.identity)
    except KioskError as error:
        return error
    except (ValueError, RecursionError):
        return InputError("registry_import.bundle_unreadable", path=read.path)


def _opened(ctx: RegistryContext, read: _Read, checks: AttemptChecks, kiosks: Kiosks) -> _Read:
    """``read`` with its contents opened, parsed, rescored and made into rows, or with why not."""
    unsealed = _unsealed(ctx, read)
    if not isinstance(unsealed, Unsealed):
        return replace(read, opened=unsealed)
    return replace(read, opened=_prepare(unsealed, kiosks, checks, read.path, read.digest))


def _decide(ctx: RegistryContext, read: _Read, checks: AttemptChecks, kiosks: Kiosks) -> FileOutcome:
    """What becomes of a file read: refused, a duplicate, a conflict, or stored in one transaction."""
    path, data, digest = read.path, read.data, read.digest
    if read.outcome is not None:
        return read.outcome
    if read.header is None:
        problem = read.problem or InputError("registry_import.bundle_unreadable", path=path)
        return _refuse(ctx, path, data, digest, problem)
    with ctx.database.session() as session:
        held = find_bundle(session, read.header.bundle_id)
    if held is not None and held.digest == digest:
        return _duplicate(ctx, path, held)
    bundle_id, kiosk_id = read.header.bundle_id[:_SHOWN_ID], read.header.kiosk_id[:_SHOWN_ID]
    # Opened here unless read ahead: a duplicate is never opened.
    opened = read.opened if read.opened is not None else _opened(ctx, read, checks, kiosks).opened
    if isinstance(opened, KioskError):
        return _refuse(ctx, path, data, digest, opened, bundle_id, kiosk_id)
    assert opened is not None  # _opened gives the contents or why not
    if held is not None:
        return _conflict(ctx, path, data, digest, opened.head, _same_id_notice(opened.head))
    return _store(ctx, path, data, digest, opened)


# How much of an unchecked id a record of a refused file keeps.
_SHOWN_ID = 200


@dataclass(frozen=True, slots=True)
class _Stored:
    """What one bundle's transaction stored."""

    fresh: int
    acknowledged: list[str]
    differing: list[str]
    notes: tuple[Notice, ...]
    flagged: tuple[str, ...] = ()


def _store(ctx: RegistryContext, path: Path, data: bytes, digest: str, prepared: _Prepared) -> FileOutcome:
    content = prepared.head
    now = ctx.now()
    duplicate_of: StoredBundle | None = None
    stored: _Stored | None = None
    conflict: Notice | None = None
    with ctx.database.transaction() as session:
        _enrol_restored(session, content.kiosk_id, now)
        if claim_bundle(session, {**prepared.bundle, "received_at": now}):
            stored = _store_contents(session, prepared, now)
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
    elif stored.flagged:
        # The bundle is the evidence of what the kiosk sent for the flagged attempts.
        copy = _quarantine_copy(ctx, path, data, digest)
        flag = next(note for note in stored.notes if note.params.get("attempt") in stored.flagged)
        _record(ctx, path, copy, digest, FLAGGED, flag, content.bundle_id, content.kiosk_id)
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
        flagged=stored.flagged,
    )


def _enrol_restored(session: RegistrySession, kiosk_id: str, now: datetime) -> None:
    """The first bundle of a restored kiosk (``<id>.R<tag>``, signed with the enrolled kiosk's key) enrols
    its id beside the original, same key and centre, so its bundles are numbered in a chain of their own."""
    base_id = enrolled_kiosk_id(kiosk_id)
    if base_id == kiosk_id or find_kiosk(session, kiosk_id) is not None:
        return
    base = find_kiosk(session, base_id)
    if base is not None:
        restored = EnrolledKiosk(
            kiosk_id, f"{base.kiosk_name} (restored)", base.centre, base.key_id, base.public_text, now
        )
        add_kiosk(session, restored)


def _store_contents(session: RegistrySession, prepared: _Prepared, now: datetime) -> _Stored:
    """Store a claimed bundle's attempts (those not held yet), their rows, checks, incidents and conflicts."""
    content = prepared.head
    # A restored kiosk (``<id>.R<tag>``) files its results under the centre its original was enrolled for.
    enrolled = find_kiosk(session, enrolled_kiosk_id(content.kiosk_id))
    centre = enrolled.centre if enrolled is not None else content.centre
    # Rows go in key order, so two importers storing overlapping bundles on PostgreSQL wait for each other
    # in one direction only and can never deadlock.
    ordered = sorted(prepared.attempts, key=lambda attempt: attempt.attempt_id)
    inserted = insert_attempts(
        session, [{**attempt.row, "centre": centre, "imported_at": now} for attempt in ordered]
    )
    fresh = [attempt for attempt in prepared.attempts if attempt.attempt_id in inserted]
    insert_responses(session, [row for attempt in fresh for row in zip(*attempt.responses, strict=True)])
    insert_competence_scores(session, [row for attempt in fresh for row in attempt.competences])
    insert_checks(session, [{**attempt.check, "checked_at": now} for attempt in fresh])
    incidents = sorted(content.incidents, key=lambda incident: incident.number)
    insert_incidents(session, [incident_row(content, incident) for incident in incidents])
    resent = [attempt for attempt in prepared.attempts if attempt.attempt_id not in inserted]
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
                "content_json": attempt.record_json,
                "recorded_at": now,
            }
            for attempt in differing
        ],
    )
    differing_ids = [attempt.attempt_id for attempt in differing]
    acknowledged = sorted({attempt.attempt_id for attempt in prepared.attempts} - set(differing_ids))
    outcome = Outcome.CONFLICT if differing else Outcome.IMPORTED
    finish_bundle(session, content.bundle_id, outcome.value, len(fresh), acknowledged)
    flags = [attempt.problem for attempt in fresh if attempt.problem is not None]
    filed = [attempt for attempt in fresh if attempt.state != FLAGGED]
    notes = (
        *_chain_notes(session, content),
        *_centre_notes(content, centre),
        *flags,
        *_pending_notes(content, fresh),
        *second_results(session, filed),
    )
    flagged = tuple(attempt.attempt_id for attempt in fresh if attempt.state == FLAGGED)
    return _Stored(len(fresh), acknowledged, differing_ids, notes, flagged)


def _centre_notes(content: BundleContent, enrolled: str) -> tuple[Notice, ...]:
    """A warning when the bundle names a centre other than the one its kiosk was enrolled for."""
    if content.centre == enrolled:
        return ()
    return (
        Notice(
            "registry_import.centre_differs",
            bundle_id=content.bundle_id,
            kiosk_id=content.kiosk_id,
            named=content.centre,
            enrolled=enrolled,
        ),
    )


def _pending_notes(content: BundleContent, fresh: list[_AttemptRows]) -> tuple[Notice, ...]:
    """A note per bank version the registry does not hold, counting the attempts left pending on it."""
    waiting: dict[tuple[str, int], int] = {}
    for attempt in fresh:
        if attempt.state == PENDING:
            key = (attempt.bank_id, attempt.bank_version)
            waiting[key] = waiting.get(key, 0) + 1
    return tuple(
        Notice(
            "registry_import.not_rescored",
            bundle_id=content.bundle_id,
            bank=bank,
            version=version,
            count=count,
        )
        for (bank, version), count in sorted(waiting.items())
    )


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
    outcome: str,
    problem: KioskError | Notice,
    bundle_id: str | None,
    kiosk_id: str | None,
) -> None:
    with ctx.database.transaction() as session:
        record_quarantine(
            session,
            {
                "source_name": _kept(str(path)),
                "stored_path": _kept(str(stored)),
                "digest": digest,
                "bundle_id": None if bundle_id is None else _kept(bundle_id),
                "kiosk_id": None if kiosk_id is None else _kept(kiosk_id),
                "outcome": str(outcome),
                # The quarantine log keeps why as the code and its parameters, in any reader's language.
                "reason": _kept(str(problem)),
                "received_at": ctx.now(),
            },
        )


def _kept(text: str) -> str:
    """Text from a refused file as the log can keep it: PostgreSQL stores no NUL character."""
    return text.replace("\x00", "\\x00")
