"""Cohort and item analysis at the registry: gathers held results, runs :mod:`kiosk.domain.analysis` and
writes each report as a PDF, one CSV per table and one XLSX workbook."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.domain.analysis import (
    MIN_RESULTS,
    AttemptScores,
    ScoredAnswer,
    bank_reliability,
    form_reliability,
    item_statistics,
    pass_rates,
)
from kiosk.domain.catalogue import BankCatalogue
from kiosk.domain.errors import InputError, KioskError
from kiosk.domain.forms import Form
from kiosk.domain.items import Bank, Item, ItemType, certificate_name
from kiosk.registry.reports.cohort import (
    ALL_CENTRES,
    CohortData,
    CompetenceCell,
    CompetenceGrid,
    PassRateLine,
    cohort_tables,
    render_cohort,
)
from kiosk.registry.reports.items import BankAnalysis, ItemAnalysisData, ItemLine, item_tables, render_items
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage import reads as registry_reads
from kiosk.registry.storage.reads import HeldResponse, HeldResult
from kiosk.support.files import PRIVATE, write_file
from kiosk.support.paper.tables import DataTable, csv_bytes, xlsx_bytes

TRUE_FALSE_OPTIONS = ("true", "false")


def _held(ctx: RegistryContext, bank_ids: Sequence[str] | None) -> list[HeldResult]:
    """The results analysed: every one held but those rescoring kept aside and those voided."""
    with ctx.database.session() as session:
        return registry_reads.results(session, bank_ids=bank_ids, filed_only=True)


def _scope(bank_ids: Sequence[str] | None) -> str:
    return "all results held" if not bank_ids else "results of bank " + ", ".join(bank_ids)


def _few(count: int, what: str) -> str:
    return (
        f"Only {count} result{'s' if count != 1 else ''} {what}: treat the figures as provisional "
        f"(at least {MIN_RESULTS} are needed)."
    )


def cohort_data(
    ctx: RegistryContext, catalogue: BankCatalogue | None, bank_ids: Sequence[str] | None = None
) -> CohortData:
    """Pass rates by certificate, grade and centre, and competence marks by centre, of the results held."""
    held = _held(ctx, bank_ids)
    with ctx.database.session() as session:
        scores = registry_reads.competence_scores(session, [result.attempt_id for result in held])
    outcomes = [((r.certificate, str(r.grade), r.centre), r.passed) for r in held]
    outcomes += [((r.certificate, str(r.grade), ""), r.passed) for r in held]
    lines = [
        PassRateLine(certificate, int(grade), centre or ALL_CENTRES, passed, sat)
        for (certificate, grade, centre), (passed, sat) in pass_rates(outcomes).items()
    ]
    warnings = [
        _few(line.sat, f"from {line.centre} for {certificate_name(line.certificate, line.grade)}")
        for line in lines
        if line.centre != ALL_CENTRES and line.sat < MIN_RESULTS
    ]
    if not held:
        warnings.append("The registry holds no results yet; import result bundles first.")
    return CohortData(
        generated_at=ctx.now(),
        scope=_scope(bank_ids),
        pass_rates=tuple(lines),
        grids=tuple(_grids(held, scores, catalogue)),
        warnings=tuple(warnings),
    )


def _grids(
    held: Sequence[HeldResult],
    scores: Sequence[registry_reads.HeldCompetenceScore],
    catalogue: BankCatalogue | None,
) -> list[CompetenceGrid]:
    attempt_of = {result.attempt_id: result for result in held}
    # (certificate, grade) -> (centre, competence) -> [earned, possible, attempts]
    sums: dict[tuple[str, int], dict[tuple[str, str], list[float]]] = defaultdict(
        lambda: defaultdict(lambda: [0.0, 0.0, 0.0])
    )
    for score in scores:
        result = attempt_of[score.attempt_id]
        cell = sums[(result.certificate, result.grade)][(result.centre, score.competence)]
        cell[0] += score.earned
        cell[1] += score.possible
        cell[2] += 1
    grids = []
    for (certificate, grade), cells in sorted(sums.items()):
        titles = _competence_titles(catalogue, f"{certificate}-{grade}")
        present = {competence for _, competence in cells}
        ids = [c for c in titles if c in present] + sorted(present - set(titles))
        grids.append(
            CompetenceGrid(
                certificate,
                grade,
                tuple((competence, titles.get(competence, competence)) for competence in ids),
                tuple(sorted({centre for centre, _ in cells})),
                tuple(
                    CompetenceCell(centre, competence, int(count), earned, possible)
                    for (centre, competence), (earned, possible, count) in sorted(cells.items())
                ),
            )
        )
    return grids


def _competence_titles(catalogue: BankCatalogue | None, bank_id: str) -> dict[str, str]:
    """Competence titles from the newest version of ``bank_id`` among the sources, in the bank's order."""
    if catalogue is None:
        return {}
    versions = sorted((version for (held_id, version) in catalogue.banks if held_id == bank_id), reverse=True)
    if not versions:
        return {}
    bank = catalogue.banks[(bank_id, versions[0])]
    return {c.id: f"{c.title.en} {c.title.zh}" if c.title.zh else c.title.en for c in bank.competences}


def _chosen(item: Item | None, response_json: str | None) -> tuple[str, ...]:
    """The options a response picked, for the distractor counts; empty for items without options."""
    if item is None or not response_json:
        return ()
    try:
        response: Any = json.loads(response_json)
    except ValueError:
        return ()
    if item.type in (ItemType.SINGLE, ItemType.TRUE_FALSE) and isinstance(response, str) and response:
        return (response,)
    if item.type is ItemType.MULTIPLE and isinstance(response, list):
        return tuple(str(option) for option in response)
    return ()


def _attempt_scores(result: HeldResult, bank: Bank, answers: Sequence[HeldResponse]) -> AttemptScores:
    try:
        item_ids = Form.from_dict(json.loads(result.form_json)).item_ids
    except (ValueError, KioskError):
        raise InputError("results.stored_form_unreadable", attempt=result.attempt_id) from None
    items = {item.id: item for item in bank.items}
    by_item = {answer.item_id: answer for answer in answers}
    scored = []
    for item_id in item_ids:
        item = items.get(item_id)
        answer = by_item.get(item_id)
        if item is not None:
            possible = float(item.points)
        else:
            possible = answer.max_score if answer is not None and answer.max_score else 1.0
        earned = answer.score if answer is not None else 0.0
        scored.append(
            ScoredAnswer(item_id, earned, possible, _chosen(item, answer.response_json if answer else None))
        )
    return AttemptScores(result.attempt_id, tuple(scored))


def _item_line(statistics: Any, banks: Sequence[Bank]) -> ItemLine:
    for bank in banks:
        for item in bank.items:
            if item.id == statistics.item_id:
                options = (
                    TRUE_FALSE_OPTIONS
                    if item.type is ItemType.TRUE_FALSE
                    else tuple(o.id for o in item.options)
                )
                has_options = item.type in (ItemType.SINGLE, ItemType.MULTIPLE, ItemType.TRUE_FALSE)
                return ItemLine(
                    statistics,
                    item.competence,
                    item.type.value,
                    item.stem.en,
                    item.stem.zh,
                    options if has_options else (),
                    item.key if has_options else (),
                )
    return ItemLine(statistics, "", "", "(not in the bank sources given)")


def item_analysis_data(
    ctx: RegistryContext, catalogue: BankCatalogue, bank_ids: Sequence[str] | None = None
) -> ItemAnalysisData:
    """Per item statistics and reliability for every bank (or those named) the registry holds results of."""
    held = _held(ctx, bank_ids)
    with ctx.database.session() as session:
        answers = registry_reads.responses(session, [result.attempt_id for result in held])
    answers_of: dict[str, list[HeldResponse]] = defaultdict(list)
    for answer in answers:
        answers_of[answer.attempt_id].append(answer)
    by_bank: dict[str, list[HeldResult]] = defaultdict(list)
    for result in held:
        by_bank[result.bank_id].append(result)
    analyses = []
    warnings = []
    for bank_id, results in sorted(by_bank.items()):
        versions = sorted({result.bank_version for result in results})
        banks = [catalogue.get(bank_id, version, results[0].attempt_id) for version in reversed(versions)]
        bank_of = {bank.version: bank for bank in banks}
        scores = [_attempt_scores(r, bank_of[r.bank_version], answers_of[r.attempt_id]) for r in results]
        lines = tuple(_item_line(statistics, banks) for statistics in item_statistics(scores))
        if len(scores) < MIN_RESULTS:
            warnings.append(_few(len(scores), f"for {bank_id}"))
        analyses.append(
            BankAnalysis(
                results[0].certificate,
                results[0].grade,
                bank_id,
                ", ".join(map(str, versions)),
                len(scores),
                lines,
                tuple(form_reliability(scores)),
                bank_reliability(scores),
            )
        )
    if not held:
        warnings.append("The registry holds no results for these banks yet; import result bundles first.")
    return ItemAnalysisData(ctx.now(), _scope(bank_ids), tuple(analyses), tuple(warnings))


def write_report(pdf: bytes, pdf_name: str, tables: Sequence[DataTable], out_dir: Path) -> list[Path]:
    """Write ``<pdf_name>.pdf``, one CSV per table and ``<pdf_name>.xlsx`` into ``out_dir``.

    Each file is readable by its owner only (results of candidates and centres), whole or not at all: a
    full disk raises FileWriteError with the files written before it left in place.
    """
    files = [(out_dir / f"{pdf_name}.pdf", pdf)]
    files += [(out_dir / f"{table.name}.csv", csv_bytes(table)) for table in tables]
    files.append((out_dir / f"{pdf_name}.xlsx", xlsx_bytes(tables)))
    for path, data in files:
        write_file(path, data, PRIVATE)
    return [path for path, _ in files]


def write_cohort(
    ctx: RegistryContext,
    catalogue: BankCatalogue | None,
    out_dir: Path,
    bank_ids: Sequence[str] | None = None,
) -> list[Path]:
    data = cohort_data(ctx, catalogue, bank_ids)
    return write_report(render_cohort(data), "cohort", cohort_tables(data), out_dir)


def write_item_analysis(
    ctx: RegistryContext, catalogue: BankCatalogue, out_dir: Path, bank_ids: Sequence[str] | None = None
) -> list[Path]:
    data = item_analysis_data(ctx, catalogue, bank_ids)
    return write_report(render_items(data), "items", item_tables(data), out_dir)
