"""Result slips, certificates and the results list at the registry, and checking a slip's code offline.

Each slip and certificate carries a record signed with the registry's identity for the purpose
``result-slip``: attempt, candidate number, certificate, grade, percent, passed and the date of the sitting.
Anyone holding the registry's public key can check it without a network; a changed mark or a code made with
another key fails, each with its own error code.

Only results that stand (see :mod:`kiosk.registry.services.standing`: rescored on the registry's own bank,
not flagged or voided, and no second result awaiting a decision) get a slip or a certificate. Asked for
every result, the others are left out; asked for named attempts, any of them held back is an error.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.domain.catalogue import BankCatalogue
from kiosk.domain.errors import InputError, SecurityError
from kiosk.domain.items import Area, certificate_name
from kiosk.formats.keys import PrivateIdentity, PublicIdentity
from kiosk.formats.records import check_code, read_check_code, sign_record, verify_record
from kiosk.formats.result_rules import RULES_KEY, ResultRules, RulesFormatError, parse_rules
from kiosk.registry.reports.certificates import CertificateData, render_certificate
from kiosk.registry.reports.slips import AreaLine, Candidate, CompetenceLine, Score, SlipData, render_slip
from kiosk.registry.services.banks import held_catalogue, keep_banks
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.services.rescoring import rescore_pending
from kiosk.registry.services.standing import Stand, Standing, standings
from kiosk.registry.storage import reads as registry_reads
from kiosk.registry.storage import repo
from kiosk.registry.storage.reads import HeldResult, ListedResult

# Re-exported: the console builds filters and reads choices through this service, never from storage.
from kiosk.registry.storage.reads import ResultChoices as ResultChoices
from kiosk.registry.storage.reads import ResultCount as ResultCount
from kiosk.registry.storage.reads import ResultFilter as ResultFilter
from kiosk.registry.storage.reads import ResultKey as ResultKey
from kiosk.registry.storage.store import RegistrySession
from kiosk.support.files import PRIVATE, write_file
from kiosk.support.paper.fonts import name_with_chinese
from kiosk.support.paper.tables import TABLE_FILE_SUFFIXES, Cell, DataTable, table_file_bytes

SLIP_PURPOSE = "result-slip"
# How many attempt ids an error names before it only counts the rest.
SHOWN_IDS = 3
Progress = Callable[[int, int, Path], None]
"""Called with (done, total, path) after each document is written."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class SlipRecord:
    """What a result slip's verification code vouches for."""

    attempt_id: str
    candidate_number: str
    certificate: str
    grade: int
    percent: float
    passed: bool
    date: str
    name: str = ""
    """The candidate's name as printed (empty in records made before names were signed)."""
    submission: str | None = None
    """The submission code the kiosk showed the candidate at the end of the exam."""

    def to_record(self) -> dict[str, object]:
        return {
            "attempt": self.attempt_id,
            "candidate": self.candidate_number,
            "name": self.name,
            "submission": self.submission,
            "certificate": self.certificate,
            "grade": self.grade,
            "percent": self.percent,
            "passed": self.passed,
            "date": self.date,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SlipRecord:
        """Read a verified record; InputError if it lacks a field (made by another program version)."""
        try:
            fields = (
                record["attempt"],
                record["candidate"],
                record["certificate"],
                record["grade"],
                record["percent"],
                record["passed"],
                record["date"],
            )
        except KeyError as missing:
            raise InputError("result_slip.field_missing", field=str(missing.args[0])) from None
        attempt, candidate, certificate, grade, percent, passed, day = fields
        name, submission = record.get("name", ""), record.get("submission")
        if not (
            isinstance(grade, int)
            and isinstance(percent, int | float)
            and isinstance(passed, bool)
            and isinstance(name, str)
            and isinstance(submission, str | None)
        ):
            raise InputError("result_slip.record_unreadable")
        return cls(
            str(attempt),
            str(candidate),
            str(certificate),
            grade,
            float(percent),
            passed,
            str(day),
            name,
            submission,
        )

    def describe(self) -> list[tuple[str, str]]:
        """Labelled lines for printing what was verified."""
        named = [("Name", self.name)] if self.name else []
        submitted = [("Submission code", self.submission)] if self.submission else []
        return [
            ("Attempt", self.attempt_id),
            *named,
            ("Candidate number", self.candidate_number),
            ("Certificate", certificate_name(self.certificate)),
            ("Grade", str(self.grade)),
            ("Mark", f"{self.percent:g}%"),
            ("Result", "pass" if self.passed else "not passed"),
            ("Date of sitting", self.date),
            *submitted,
        ]


def slip_record(held: HeldResult) -> SlipRecord:
    sat_on = held.sitting_date or (held.finished_at.date().isoformat() if held.finished_at else "")
    return SlipRecord(
        held.attempt_id,
        held.candidate_number,
        held.certificate,
        held.grade,
        round(held.percent, 2),
        held.passed,
        sat_on,
        name_with_chinese(held.candidate_name, held.candidate_name_zh),
        held.submission_code,
    )


def sign_slip(identity: PrivateIdentity, record: SlipRecord) -> str:
    """The verification code for ``record``, signed by the registry."""
    return sign_record(identity, SLIP_PURPOSE, record.to_record())


@dataclass(frozen=True, slots=True)
class SignedSlip:
    """A slip's signed record as printed: the token for the QR code and the short code to type."""

    token: str
    check_code: str


def sign_slips(ctx: RegistryContext, results: Sequence[HeldResult]) -> list[SignedSlip]:
    """Sign each result's slip record and keep it under its check code, so the code can be typed in."""
    signed = []
    rows = []
    issued_at = ctx.now()
    for held in results:
        token = sign_slip(ctx.identity, slip_record(held))
        code = check_code(token)
        signed.append(SignedSlip(token, code))
        rows.append({"code": code, "attempt_id": held.attempt_id, "token": token, "issued_at": issued_at})
    with ctx.database.transaction() as session:
        repo.keep_slip_checks(session, rows)
    return signed


def verify_check_code(ctx: RegistryContext, typed: str) -> SlipRecord:
    """The record behind a check code typed from a slip or certificate, if this registry issued it and the
    result it vouches for still stands as printed.

    InputError when the text is no check code or no slip of this registry carries it; SecurityError when
    the kept record does not verify, or the result was changed or withdrawn since the slip was printed.
    """
    code = read_check_code(typed)
    if code is None:
        raise InputError("result_slip.check_code_malformed")
    with ctx.database.session() as session:
        kept = repo.find_slip_check(session, code)
    if kept is None:
        raise InputError("result_slip.check_code_unknown", code=code)
    attempt_id, token = kept
    record = SlipRecord.from_record(verify_record(token, SLIP_PURPOSE, [ctx.identity.public]))
    try:
        standing = printable_results(ctx, [attempt_id])
    except InputError:  # withheld since (voided, or flagged on a rescore), or no longer held
        standing = []
    if not standing or slip_record(standing[0]) != record:
        raise SecurityError("result_slip.check_code_withdrawn", code=code, attempt=attempt_id)
    return record


def verify_slip(code: str, trusted: Sequence[PublicIdentity]) -> SlipRecord:
    """The record a slip's code vouches for, if a trusted registry key signed it.

    Raises SecurityError with a different code when the code is unreadable, altered, signed by an
    unknown key, or made for another purpose.
    """
    if not trusted:
        raise InputError("result_slip.no_trusted_key")
    return SlipRecord.from_record(verify_record(code, SLIP_PURPOSE, trusted))


def _area_lines(rules: ResultRules, by_area: dict[str, Any]) -> tuple[AreaLine, ...]:
    minimums = {area.value: minimum for area, minimum in rules.area_minimums}
    lines = []
    for area in Area:
        subscore = by_area.get(area.value)
        if subscore is not None:
            score = Score(float(subscore["earned"]), float(subscore["possible"]))
            lines.append(AreaLine(area.value, score, minimums.get(area.value)))
        elif area.value in minimums:
            # A minimum for an area with no items on the form counts as not met (see score_attempt).
            lines.append(AreaLine(area.value, Score(0.0, 0.0), minimums[area.value]))
    return tuple(lines)


def _competence_lines(rules: ResultRules, by_competence: dict[str, Any]) -> tuple[CompetenceLine, ...]:
    lines = []
    for competence in rules.competences:
        subscore = by_competence.get(competence.id)
        if subscore is None:
            continue
        title = f"{competence.title.en} {competence.title.zh}" if competence.title.zh else competence.title.en
        score = Score(float(subscore["earned"]), float(subscore["possible"]))
        lines.append(CompetenceLine(competence.id, title, competence.area.value, score))
    return tuple(lines)


def _result_dict(held: HeldResult) -> dict[str, Any]:
    try:
        result = json.loads(held.result_json)
        if not isinstance(result, dict):
            raise ValueError
        by_competence, by_area = result["by_competence"], result["by_area"]
        if not isinstance(by_competence, dict) or not isinstance(by_area, dict):
            raise ValueError
    except (ValueError, KeyError):
        raise InputError("results.stored_result_unreadable", attempt=held.attempt_id) from None
    return result


def stored_rules(held: HeldResult) -> ResultRules | None:
    """The rules recorded with a held result, or None when its bundle was made before results carried them."""
    result = _result_dict(held)
    if result.get(RULES_KEY) is None:
        return None
    try:
        return parse_rules(result[RULES_KEY])
    except RulesFormatError:
        raise InputError("results.stored_result_unreadable", attempt=held.attempt_id) from None


def slip_data(held: HeldResult, rules: ResultRules, signed: SignedSlip, issued_on: date) -> SlipData:
    """A result slip's contents from a held result and the rules it was judged by."""
    result = _result_dict(held)
    return SlipData(
        attempt_id=held.attempt_id,
        candidate=Candidate(held.candidate_number, held.candidate_name, held.candidate_name_zh),
        certificate=certificate_name(held.certificate),
        grade=held.grade,
        sitting=held.sitting_name,
        sitting_date=held.sitting_date,
        centre=held.centre,
        issued_on=issued_on,
        total=Score(held.earned, held.possible),
        passed=held.passed,
        pass_mark=rules.pass_mark,
        areas=_area_lines(rules, result["by_area"]),
        competences=_competence_lines(rules, result["by_competence"]),
        token=signed.token,
        check_code=signed.check_code,
        submission_code=held.submission_code,
        bank=f"{held.bank_id} v{held.bank_version}",
    )


class RulesMissingError(InputError):
    """Slips were asked for without bank sources, but some results do not carry their pass rules.

    ``attempts`` names the first three, ``more`` counts the rest; ``attempt_ids`` holds them all.
    """

    def __init__(self, attempt_ids: Sequence[str]) -> None:
        more = max(0, len(attempt_ids) - SHOWN_IDS)
        code = "results.rules_missing_and_more" if more else "results.rules_missing"
        super().__init__(code, attempts=", ".join(attempt_ids[:SHOWN_IDS]), more=more)
        self.attempt_ids = tuple(attempt_ids)


def slip_rules(results: Sequence[HeldResult], catalogue: BankCatalogue | None) -> list[ResultRules]:
    """The rules to print each result's slip by: those stored with it, else its bank's from ``catalogue``
    (the registry's own copies of the banks, or sources given for the occasion).

    Without a catalogue holding its bank every result must carry its rules; InputError names those that do
    not.
    """
    found: list[ResultRules] = []
    lacking: list[str] = []
    for held in results:
        rules = stored_rules(held)
        if rules is None:
            if catalogue is None or (held.bank_id, held.bank_version) not in catalogue.banks:
                lacking.append(held.attempt_id)
                continue
            rules = ResultRules.of_bank(catalogue.get(held.bank_id, held.bank_version, held.attempt_id))
        found.append(rules)
    if lacking:
        raise RulesMissingError(lacking)
    return found


def certificate_data(held: HeldResult, signed: SignedSlip, issued_on: date) -> CertificateData:
    return CertificateData(
        attempt_id=held.attempt_id,
        candidate=Candidate(held.candidate_number, held.candidate_name, held.candidate_name_zh),
        certificate=certificate_name(held.certificate),
        grade=held.grade,
        centre=held.centre,
        sitting_date=held.sitting_date,
        issued_on=issued_on,
        percent=held.percent,
        token=signed.token,
        check_code=signed.check_code,
        submission_code=held.submission_code,
    )


def held_results(ctx: RegistryContext, attempt_ids: Sequence[str] | None = None) -> list[HeldResult]:
    """The results held, or exactly ``attempt_ids`` (InputError naming the first one not held)."""
    with ctx.database.session() as session:
        found = registry_reads.results(session, attempt_ids)
    if attempt_ids is not None:
        missing = sorted(set(attempt_ids) - {held.attempt_id for held in found})
        if missing:
            code = "results.attempt_not_held_and_more" if len(missing) > 1 else "results.attempt_not_held"
            raise InputError(code, attempt=missing[0], more=len(missing) - 1)
    return found


@dataclass(frozen=True, slots=True)
class FoundResults:
    """One page of a filtered results list, with how many results the filter lets through in all."""

    rows: list[ListedResult]
    total: int
    passed: int
    start: int = 0
    """How many of the results the filter lets through come before this page in list order."""


def find_results(
    ctx: RegistryContext,
    chosen: ResultFilter,
    limit: int | None = 500,
    *,
    after: ResultKey | None = None,
    before: ResultKey | None = None,
    last: bool = False,
    at: int | None = None,
    counted: ResultCount | None = None,
) -> FoundResults:
    """One page of the held results ``chosen`` lets through, filtered, paged and counted in the database.

    Pages are read by key, never by offset, so the last page of a million results costs what the first
    does: the first ``limit`` rows in list order; with ``after`` (the last row shown) the next page, or the
    last page when nothing follows any more; with ``before`` (the first row shown) the ``limit`` rows before
    it, or the first page when fewer are left; with ``last`` the last page, the rows left over after whole
    pages from the start. ``limit`` None lists every row.

    Each page comes with the total the filter lets through, how many of those passed, and how many come
    before it (for the page number), each counted over an index unless the caller knows it: ``counted``,
    the totals (as :meth:`ResultChoices.count` tells them from the summary read with the choices), and
    ``at``, where the row of ``after`` or ``before`` stood when it was listed (counted from 0), as a console
    turning pages one by one knows. What is known is not counted again, so a result imported since is not
    in the totals or the page number until they are read again (the rows themselves are always the
    database's), unless the page lists more rows than the known total: then the totals are counted.
    """
    turns = (after is not None) + (before is not None) + last
    if (limit is not None and limit < 1) or turns > 1 or (limit is None and turns) or (at or 0) < 0:
        raise ValueError(
            f"a page needs a positive limit and at most one of after, before and last, not {limit}, "
            f"after={after}, before={before}, last={last}, at={at}"
        )
    with ctx.database.session() as session:
        rows, count, start = _page(session, chosen, limit, after, before, last, at, counted)
        if start + len(rows) > count.total:
            # The totals the caller knew are out of date (results came in since): count them now.
            count = registry_reads.count_results(session, chosen)
        # Most results stand ready; only those that may be held back need their standing worked out.
        stands = standings(session, [row for row in rows if row.suspect])
    ready = Standing.READY.value
    rows = [
        row.with_standing(stands[row.attempt_id].standing.value if row.suspect else ready) for row in rows
    ]
    return FoundResults(rows, count.total, count.passed, start)


def _page(
    session: RegistrySession,
    chosen: ResultFilter,
    limit: int | None,
    after: ResultKey | None,
    before: ResultKey | None,
    last: bool,
    at: int | None,
    counted: ResultCount | None,
) -> tuple[list[ListedResult], ResultCount, int]:
    """The rows of the page asked for, the counts, and how many rows come before the page."""

    def count(ahead_of: ResultKey | None = None) -> ResultCount:
        if counted is not None and ahead_of is None:
            return counted
        return registry_reads.count_results(session, chosen, ahead_of)

    if after is not None:
        rows = registry_reads.listed_results(session, chosen, limit, after=after)
        if rows:
            if at is not None:
                return rows, count(), at + 1
            found = count(rows[0].key)
            return rows, found, found.ahead
        last = True  # Nothing follows any more (results rescoring flagged since): show the last page.
    if before is not None and limit is not None:
        rows = registry_reads.listed_results(session, chosen, limit, before=before)
        if len(rows) == limit:
            if at is not None and at >= limit:
                return rows, count(), at - limit
            found = count(rows[0].key)
            return rows, found, found.ahead
    found = count()
    if last and limit is not None:
        # As many as whole pages from the start leave over, so the page before it is a whole page again.
        size = (found.total - 1) % limit + 1 if found.total else limit
        rows = registry_reads.listed_results(session, chosen, size, from_end=True)
        return rows, found, max(0, found.total - len(rows))
    return registry_reads.listed_results(session, chosen, limit), found, 0


def result_choices(ctx: RegistryContext) -> ResultChoices:
    """The certificates, grades, centres and sittings a results filter can offer, read in the database with
    the summary that counts what any filter lets through (one pass over an index)."""
    with ctx.database.session() as session:
        return registry_reads.result_choices(session)


def document_name(held: HeldResult, kind: str) -> str:
    """A file name safe on every file system, e.g. ``2025-0042_A-K1-0007_slip.pdf``."""
    stem = _UNSAFE.sub("-", f"{held.candidate_number}_{held.attempt_id}").strip("-.")
    return f"{stem}_{kind}.pdf"


def _render_all(
    render: Callable[[Any], bytes], jobs: Sequence[tuple[Path, Any]], progress: Progress | None, workers: int
) -> list[Path]:
    """Render each (path, data) job and write it atomically; in ``workers`` processes when more than one.

    Each document is written readable by its owner only (it names a candidate and their result), whole or
    not at all: a full disk raises FileWriteError with the documents written before it left in place.
    """
    written: list[Path] = []

    def done(path: Path, pdf: bytes) -> None:
        write_file(path, pdf, PRIVATE)
        written.append(path)
        if progress is not None:
            progress(len(written), len(jobs), path)

    if workers <= 1 or len(jobs) < 2 * workers:
        for path, data in jobs:
            done(path, render(data))
        return written
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, len(jobs) // (workers * 8))
        for (path, _), pdf in zip(
            jobs, pool.map(render, [data for _, data in jobs], chunksize=chunk), strict=True
        ):
            done(path, pdf)
    return written


def default_workers() -> int:
    """Processes for batch rendering: one per CPU core, at most 8."""
    return max(1, min(8, os.cpu_count() or 1))


class WithheldError(InputError):
    """Documents were asked for named attempts, some of which cannot be printed now (see the standing).

    ``attempts`` names the first three, ``more`` counts the rest; ``stands`` holds each with why.
    """

    def __init__(self, stands: Sequence[Stand]) -> None:
        ids = [stand.attempt_id for stand in stands]
        more = max(0, len(ids) - SHOWN_IDS)
        code = "results.withheld_and_more" if more else "results.withheld"
        super().__init__(code, attempts=", ".join(ids[:SHOWN_IDS]), more=more)
        self.stands = tuple(stands)


def printable_results(ctx: RegistryContext, attempt_ids: Sequence[str] | None = None) -> list[HeldResult]:
    """The held results that may be printed: all that stand, or exactly ``attempt_ids``.

    Named attempts that do not stand raise WithheldError (and one not held InputError).
    """
    results = held_results(ctx, attempt_ids)
    with ctx.database.session() as session:
        stands = standings(session, results)
    withheld = [stands[held.attempt_id] for held in results if not stands[held.attempt_id].ready]
    if withheld and attempt_ids is not None:
        raise WithheldError(withheld)
    return [held for held in results if stands[held.attempt_id].ready]


def take_banks(ctx: RegistryContext, catalogue: BankCatalogue) -> None:
    """Keep the banks of ``catalogue`` (sources given with a print run) and rescore what waited for them."""
    keep_banks(ctx, ((bank, ", ".join(map(str, catalogue.sources))) for bank in catalogue.banks.values()))
    rescore_pending(ctx)


def issue_slips(
    ctx: RegistryContext,
    catalogue: BankCatalogue | None,
    out_dir: Path,
    attempt_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> list[Path]:
    """Write a signed result slip PDF for each result that stands (or those named) into ``out_dir``.

    Each slip shows the rules stored with its result, else those of the registry's copy of its bank.
    ``catalogue`` (bank sources) is optional: given, its banks are first taken into the registry's custody
    (refused if another copy of a version is held) and the results waiting for them rescored.
    """
    if catalogue is not None:
        take_banks(ctx, catalogue)
    results = printable_results(ctx, attempt_ids)
    held_banks = held_catalogue(ctx, ((held.bank_id, held.bank_version) for held in results))
    issued_on = ctx.now().date()
    rules = slip_rules(results, held_banks)
    jobs = [
        (out_dir / document_name(held, "slip"), slip_data(held, held_rules, signed, issued_on))
        for held, held_rules, signed in zip(results, rules, sign_slips(ctx, results), strict=True)
    ]
    return _render_all(render_slip, jobs, progress, workers)


def issue_certificates(
    ctx: RegistryContext,
    out_dir: Path,
    attempt_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> tuple[list[Path], list[str]]:
    """Write a certificate PDF for each passing result that stands (or those named); returns the files and
    the attempts not passed."""
    results = printable_results(ctx, attempt_ids)
    issued_on = ctx.now().date()
    not_passed = [held.attempt_id for held in results if not held.passed]
    passed = [held for held in results if held.passed]
    jobs = [
        (out_dir / document_name(held, "certificate"), certificate_data(held, signed, issued_on))
        for held, signed in zip(passed, sign_slips(ctx, passed), strict=True)
    ]
    return _render_all(render_certificate, jobs, progress, workers), not_passed


def write_results_list(target: Path, columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Path:
    """Write a list of results (as the administrator chose and worded it) to ``target`` atomically.

    The file's suffix chooses the format: ``.csv`` (UTF-8 with a byte-order mark) or ``.xlsx`` (one sheet,
    numbers kept as numbers). The file is readable by its owner only; FileWriteError (``file.*``) when it
    cannot be written, with nothing left behind.
    """
    if target.suffix.lower() not in TABLE_FILE_SUFFIXES:
        raise InputError("results.list_wrong_suffix", name=target.name)
    table = DataTable("results", "Results", tuple(columns), tuple(tuple(row) for row in rows))
    write_file(target, table_file_bytes(table, target.suffix), PRIVATE)
    return target
