"""The candidate roster: preview and import a CSV, reissue access codes, set accommodations.

An import is all or nothing: if any row is bad, nothing is stored and every problem is reported. Access
codes are generated at import, shown once, and kept only hashed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.domain.errors import InputError
from kiosk.formats.secrets import hash_secret, new_access_code, normalise_code
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


def import_roster(ctx: KioskContext, csv_path: Path) -> RosterImport:
    """Store every candidate of a clean roster and return their new access codes (shown once)."""
    preview = preview_roster(ctx, csv_path)
    if not preview.ok:
        raise RosterRejected(csv_path, preview.problems)
    codes: list[IssuedCode] = []
    candidates: list[people.NewCandidate] = []
    for row in preview.rows:
        code = new_access_code()
        codes.append(IssuedCode(row.candidate_number, row.full_name, code))
        candidates.append(
            people.NewCandidate(
                candidate_number=row.candidate_number,
                full_name=row.full_name,
                name_zh=row.name_zh,
                certificate=row.certificate.value,
                grade=row.grade,
                extra_time_factor=row.extra_time_factor,
                access_code_hash=hash_secret(normalise_code(code), ctx.hash_cost),
                notes=row.notes,
            )
        )
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


def fresh_codes(ctx: KioskContext, candidates: Iterable[CandidateRecord]) -> list[FreshCode]:
    """New access codes for ``candidates``, stored nowhere yet (hand them out once they are stored)."""
    fresh = []
    for record in candidates:
        code = new_access_code()
        code_hash = hash_secret(normalise_code(code), ctx.hash_cost)
        fresh.append(FreshCode(record.id, record.candidate_number, code, code_hash))
    return fresh


def store_codes(session: StoreSession, codes: Iterable[FreshCode], now: datetime) -> None:
    """Make fresh codes the candidates' access codes (their old ones stop working), in ``session``."""
    for fresh in codes:
        people.set_access_code_hash(session, fresh.candidate_id, fresh.code_hash)
        audit.add_event(session, "access_code_reset", now, detail={"candidate": fresh.candidate_number})


def reset_access_code(ctx: KioskContext, candidate_number: str) -> str:
    """Issue a candidate a new access code (the old one stops working) and return it."""
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
