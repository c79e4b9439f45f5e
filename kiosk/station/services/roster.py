"""The candidate roster: preview and import a CSV, reissue access codes, set accommodations.

An import is all or nothing: if any row is bad, nothing is stored and every problem is reported. Access
codes are generated at import, shown once, and kept only hashed. Hashing is slow by design (Argon2id), so a
long batch is hashed in one process per core and reports its progress as it goes.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.domain.errors import InputError
from kiosk.formats.secrets import HashCost, hash_secret, new_access_code, normalise_code
from kiosk.station.services.context import KioskContext
from kiosk.station.services.roster_csv import (
    MAX_EXTRA_TIME_FACTOR,
    RosterProblem,
    RosterRow,
    normalise_candidate_number,
    parse_roster,
)
from kiosk.station.storage.engine import StoreSession
from kiosk.station.storage.records import CandidateRecord
from kiosk.station.storage.repositories import audit, people


class RosterRejected(InputError):
    """A roster file with bad rows; ``problems`` lists every one of them, as data."""

    def __init__(self, source: Path, problems: tuple[RosterProblem, ...]) -> None:
        code = "roster.rejected_one_problem" if len(problems) == 1 else "roster.rejected"
        super().__init__(code, path=source, count=len(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class RosterPreview:
    """What an import would do: the good rows, every problem, and how the file was read."""

    source: Path
    rows: tuple[RosterRow, ...]
    problems: tuple[RosterProblem, ...]
    warnings: tuple[RosterProblem, ...]
    encoding: str
    delimiter: str

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class IssuedCode:
    """An access code to hand to a candidate; it cannot be shown again (only reset)."""

    candidate_number: str
    full_name: str
    access_code: str


@dataclass(frozen=True, slots=True)
class RosterImport:
    source: Path
    codes: tuple[IssuedCode, ...]

    @property
    def count(self) -> int:
        return len(self.codes)


@dataclass(frozen=True, slots=True)
class CandidateInfo:
    candidate_number: str
    full_name: str
    name_zh: str | None
    certificate: str
    grade: int
    extra_time_factor: float
    notes: str


Progress = Callable[[int, int], None]
"""Told ``(done, total)`` as access codes are hashed; ``done`` only grows, and reaches ``total`` last."""

PARALLEL_AFTER_S = 3.0
"""Share the hashing with worker processes when this process alone would take longer than this.

A worker takes a second or two to start (it imports the program afresh), so sharing a shorter batch
gains little.
"""

HASH_RUN = 8
"""Codes a worker process hashes per task."""


def hash_workers() -> int:
    """Processes that hash a long batch of access codes: one per CPU core (this one included), at most 8."""
    return max(1, min(8, os.cpu_count() or 1))


def hash_codes(codes: Sequence[str], cost: HashCost, progress: Progress | None = None) -> list[str]:
    """The hashes of ``codes`` (normalised here), in the same order; ``progress`` is told as they are made.

    The cryptography library's Argon2id holds the GIL, so threads would not help: a batch that would take
    this process more than :data:`PARALLEL_AFTER_S` is shared with a worker process per other core.
    """
    plain = [normalise_code(code) for code in codes]
    total = len(plain)
    hashes = [""] * total
    told = 0

    def tell(done: int) -> None:
        nonlocal told
        if progress is not None and done > told:
            told = done
            progress(done, total)

    if not plain:
        return hashes
    started = time.perf_counter()
    hashes[0] = hash_secret(plain[0], cost)
    tell(1)
    helpers = min(hash_workers() - 1, total - 1)
    if helpers >= 1 and (time.perf_counter() - started) * (total - 1) > PARALLEL_AFTER_S:
        _hash_shared(plain, cost, hashes, helpers, tell)
    else:
        for index in range(1, total):
            hashes[index] = hash_secret(plain[index], cost)
            tell(index + 1)
    return hashes


def hash_batch(codes: Sequence[str], cost: HashCost) -> list[str]:
    """The hashes of normalised ``codes``, one after another: what a worker process is given to do."""
    return [hash_secret(code, cost) for code in codes]


def _hashed(future: Future[list[str]]) -> bool:
    return future.done() and future.exception() is None


def _hash_shared(
    plain: list[str], cost: HashCost, hashes: list[str], helpers: int, tell: Callable[[int], None]
) -> None:
    """Fill in ``hashes[1:]`` with ``helpers`` worker processes beside this one.

    The workers take runs of :data:`HASH_RUN` codes from the back while this process hashes from the
    front, so progress flows while they start, until the two meet. The runs keep a worker busy while this
    process, holding the GIL as it hashes, is slow to hand it more. Workers are spawned, not forked: the
    console runs Qt threads that a fork would copy half-way. Whatever they cannot do is hashed here.
    """
    runs = [range(first, min(first + HASH_RUN, len(plain))) for first in range(1, len(plain), HASH_RUN)]
    handed: dict[int, Future[list[str]]] = {}
    pool = ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context("spawn"))
    try:
        with suppress(BrokenProcessPool, OSError):
            for number in reversed(range(len(runs))):
                handed[number] = pool.submit(hash_batch, [plain[index] for index in runs[number]], cost)
        here, worked, back = 1, 0, len(runs)  # the workers have hashed every run from ``back`` on
        for number, run in enumerate(runs):
            future = handed.get(number)
            if future is not None:
                if not future.cancel():
                    break  # the workers have taken the runs still to do
                del handed[number]
            for index in run:
                hashes[index] = hash_secret(plain[index], cost)
                here += 1
                while back - 1 in handed and _hashed(handed[back - 1]):
                    back -= 1
                    worked += len(runs[back])
                tell(here + worked)
        worked = 0
        for future in as_completed(handed.values()):
            if _hashed(future):
                worked += len(future.result())
                tell(here + worked)
        for number, future in handed.items():
            try:
                done = future.result()
            except BrokenProcessPool:
                done = []
            for index, encoded in zip(runs[number], done, strict=False):
                hashes[index] = encoded
            for index in runs[number][len(done) :]:
                hashes[index] = hash_secret(plain[index], cost)
                here += 1
                tell(here + worked)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _read(source: Path) -> bytes:
    try:
        return source.read_bytes()
    except FileNotFoundError as error:
        raise InputError("roster.file_missing", path=source) from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError("roster.file_unreadable", path=source, reason=reason) from error


def preview_roster(ctx: KioskContext, csv_path: Path) -> RosterPreview:
    """Parse a roster and check it against the candidates already stored; writes nothing."""
    parsed = parse_roster(_read(csv_path), str(csv_path))
    with ctx.store.session() as session:
        existing = people.existing_numbers(session, (row.candidate_number for row in parsed.rows))
    clashes = tuple(
        RosterProblem(row.row, "number", "roster.number_on_roster", {"number": row.candidate_number})
        for row in parsed.rows
        if row.candidate_number in existing
    )
    problems = tuple(sorted(parsed.problems + clashes, key=lambda problem: problem.row))
    return RosterPreview(csv_path, parsed.rows, problems, parsed.warnings, parsed.encoding, parsed.delimiter)


def import_roster(ctx: KioskContext, csv_path: Path, progress: Progress | None = None) -> RosterImport:
    """Store every candidate of a clean roster and return their new access codes (shown once).

    ``progress`` is told as the codes are hashed (the slow part); the candidates are then stored in one
    transaction, all or none.
    """
    preview = preview_roster(ctx, csv_path)
    if not preview.ok:
        raise RosterRejected(csv_path, preview.problems)
    codes = [IssuedCode(row.candidate_number, row.full_name, new_access_code()) for row in preview.rows]
    hashes = hash_codes([issued.access_code for issued in codes], ctx.hash_cost, progress)
    candidates = [
        people.NewCandidate(
            candidate_number=row.candidate_number,
            full_name=row.full_name,
            name_zh=row.name_zh,
            certificate=row.certificate.value,
            grade=row.grade,
            extra_time_factor=row.extra_time_factor,
            access_code_hash=code_hash,
            notes=row.notes,
        )
        for row, code_hash in zip(preview.rows, hashes, strict=True)
    ]
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        clashes = people.existing_numbers(session, (candidate.candidate_number for candidate in candidates))
        if clashes:
            raise InputError("roster.added_meanwhile", numbers=", ".join(sorted(clashes)))
        people.add_candidates(session, candidates, now)
        audit.add_event(session, "roster_imported", now, detail={"file": csv_path.name, "count": len(codes)})
    return RosterImport(csv_path, tuple(codes))


def _candidate(ctx: KioskContext, candidate_number: str) -> CandidateRecord:
    number = normalise_candidate_number(candidate_number)
    with ctx.store.session() as session:
        record = people.get_candidate(session, number)
    if record is None:
        raise InputError("candidate.unknown", number=number)
    return record


@dataclass(frozen=True, slots=True)
class FreshCode:
    """A new access code for a candidate, not stored yet: the old code works until :func:`store_codes`."""

    candidate_id: int
    candidate_number: str
    access_code: str
    code_hash: str


def fresh_codes(
    ctx: KioskContext, candidates: Iterable[CandidateRecord], progress: Progress | None = None
) -> list[FreshCode]:
    """New access codes for ``candidates``, stored nowhere yet (hand them out once they are stored).

    ``progress`` is told as the codes are hashed.
    """
    records = list(candidates)
    codes = [new_access_code() for _ in records]
    hashes = hash_codes(codes, ctx.hash_cost, progress)
    return [
        FreshCode(record.id, record.candidate_number, code, code_hash)
        for record, code, code_hash in zip(records, codes, hashes, strict=True)
    ]


def store_codes(session: StoreSession, codes: Iterable[FreshCode], now: datetime) -> None:
    """Make fresh codes the candidates' access codes for every sitting, in ``session``: their old ones,
    and the codes sittings' packs issued them, stop working."""
    for fresh in codes:
        people.set_access_code_hash(session, fresh.candidate_id, fresh.code_hash)
        people.clear_sitting_codes(session, fresh.candidate_id)
        audit.add_event(session, "access_code_reset", now, detail={"candidate": fresh.candidate_number})


def store_sitting_codes(
    session: StoreSession, sitting_id: int, codes: Iterable[FreshCode], now: datetime
) -> None:
    """Make fresh codes the candidates' codes for one sitting, in ``session``: the codes they had for that
    sitting (or their roster codes, there) stop opening it; their codes for other sittings stay."""
    for fresh in codes:
        people.set_sitting_code_hash(session, fresh.candidate_id, sitting_id, fresh.code_hash, now)
        audit.add_event(
            session,
            "access_code_reset",
            now,
            sitting_id=sitting_id,
            detail={"candidate": fresh.candidate_number},
        )


def reset_access_code(ctx: KioskContext, candidate_number: str) -> str:
    """Issue a candidate a new access code, which then opens every sitting, and return it: the old one and
    any code a sitting's pack issued stop working."""
    fresh = fresh_codes(ctx, [_candidate(ctx, candidate_number)])
    with ctx.store.transaction() as session:
        store_codes(session, fresh, ctx.clock.wall())
    return fresh[0].access_code


def set_accommodation(ctx: KioskContext, candidate_number: str, factor: float) -> None:
    """Set a candidate's extra-time factor (1.0 = none, 1.25 = a quarter more).

    It applies from the candidate's next new attempt; an attempt already under way keeps its time, and
    the invigilator grants extra time there instead.
    """
    if not math.isfinite(factor) or not 1.0 <= factor <= MAX_EXTRA_TIME_FACTOR:
        raise InputError(
            "candidate.extra_time_out_of_range", factor=f"{factor:g}", max_factor=f"{MAX_EXTRA_TIME_FACTOR:g}"
        )
    record = _candidate(ctx, candidate_number)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        people.set_extra_time_factor(session, record.id, factor)
        audit.add_event(
            session,
            "accommodation_set",
            now,
            detail={"candidate": record.candidate_number, "extra_time_factor": factor},
        )


def list_candidates(ctx: KioskContext) -> list[CandidateInfo]:
    with ctx.store.session() as session:
        records = people.list_candidates(session)
    return [
        CandidateInfo(
            record.candidate_number,
            record.full_name,
            record.name_zh,
            record.certificate,
            record.grade,
            record.extra_time_factor,
            record.notes,
        )
        for record in records
    ]
