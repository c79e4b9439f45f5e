"""The item analysis report: per item facility, discrimination and distractor counts, reliability per form and
for the bank, and the items to review, with their (bilingual) stems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from kiosk.domain.analysis import WEAK_DISCRIMINATION, ItemStatistics, Reliability
from kiosk.domain.items import certificate_name
from kiosk.registry.reports.cohort import warning_box
from kiosk.support.paper.charts import NAMED_POINTS, ItemPoint, item_scatter
from kiosk.support.paper.page import (
    CELL,
    H1,
    H2,
    H3,
    SMALL,
    PageHeader,
    build_pdf,
    content_width,
    grid_table,
    para,
)
from kiosk.support.paper.tables import DataTable
from kiosk.support.paper.wording import day

FORMS_SHOWN = 8
REVIEW_FLAGS = ("negative discrimination", "weak discrimination")


@dataclass(frozen=True, slots=True)
class ItemLine:
    """One item's statistics with what a reviewer needs to read them: its stem, options and key."""

    statistics: ItemStatistics
    competence: str
    item_type: str
    stem: str
    stem_zh: str | None = None
    options: tuple[str, ...] = ()
    """Option ids in authored order, for the distractor counts (empty for items without options)."""
    key: tuple[str, ...] = ()

    @property
    def to_review(self) -> bool:
        """Flagged for negative or weak discrimination."""
        return any(flag.startswith(REVIEW_FLAGS) for flag in self.statistics.flags)

    def distractors(self) -> list[tuple[str, int, bool]]:
        """(option, times chosen, keyed) for every option, including those nobody chose."""
        counts = self.statistics.distractors
        options = list(self.options) + sorted(set(counts) - set(self.options))
        return [(option, counts.get(option, 0), option in self.key) for option in options]


@dataclass(frozen=True, slots=True)
class BankAnalysis:
    """The item analysis of one bank (certificate and grade) over the attempts held."""

    certificate: str
    grade: int
    bank_id: str
    versions: str
    attempts: int
    items: tuple[ItemLine, ...]
    forms: tuple[Reliability, ...]
    bank: Reliability


@dataclass(frozen=True, slots=True)
class ItemAnalysisData:
    generated_at: datetime
    scope: str
    banks: tuple[BankAnalysis, ...]
    warnings: tuple[str, ...] = ()
    weak: float = WEAK_DISCRIMINATION

    @property
    def header(self) -> PageHeader:
        scope = ", ".join(certificate_name(b.certificate, b.grade) for b in self.banks) or "No banks"
        return PageHeader("Item analysis", scope, "Results registry", f"Made {day(self.generated_at)}")


def _round(value: float | None, places: int = 3) -> float | None:
    return None if value is None else round(value, places)


def item_tables(data: ItemAnalysisData) -> list[DataTable]:
    """The report's tables: items, distractors and reliability."""
    items, distractors, reliability = [], [], []
    for bank in data.banks:
        for line in bank.items:
            stats = line.statistics
            items.append(
                (
                    bank.bank_id,
                    stats.item_id,
                    line.competence,
                    line.item_type,
                    stats.results,
                    _round(stats.facility),
                    _round(stats.discrimination),
                    "; ".join(stats.flags),
                    line.stem,
                    line.stem_zh or "",
                )
            )
            for option, chosen, keyed in line.distractors():
                share = round(100.0 * chosen / stats.results, 1) if stats.results else None
                distractors.append(
                    (bank.bank_id, stats.item_id, option, "yes" if keyed else "no", chosen, share)
                )
        for group in (*bank.forms, bank.bank):
            reliability.append(
                (
                    bank.bank_id,
                    group.label,
                    group.method,
                    group.attempts,
                    group.items,
                    _round(group.alpha),
                    group.warning or "",
                )
            )
    return [
        DataTable(
            "items",
            "Item statistics",
            (
                "bank",
                "item",
                "competence",
                "type",
                "results",
                "facility",
                "discrimination",
                "flags",
                "stem",
                "stem_zh",
            ),
            tuple(items),
        ),
        DataTable(
            "distractors",
            "How often each option was chosen",
            ("bank", "item", "option", "keyed", "chosen", "share_percent"),
            tuple(distractors),
        ),
        DataTable(
            "reliability",
            "Reliability (KR-20 / Cronbach's alpha) per form and for the bank",
            ("bank", "group", "method", "attempts", "items", "alpha", "warning"),
            tuple(reliability),
        ),
    ]


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _distractor_text(line: ItemLine) -> str:
    if not line.options and not line.statistics.distractors:
        return "(no options)"
    return ", ".join(
        f"{option}{'*' if keyed else ''} {chosen}" for option, chosen, keyed in line.distractors()
    )


def _stem(line: ItemLine) -> list[Flowable]:
    cells = [para(line.stem, CELL)]
    if line.stem_zh:
        cells.append(para(line.stem_zh, CELL))
    return cells


def _reliability(bank: BankAnalysis, width: float) -> list[Flowable]:
    # Forms are drawn at random per candidate, so most are sat once; alpha of a form needs many sittings.
    repeated = [group for group in bank.forms if group.attempts > 1]
    rows = [
        [
            group.label,
            group.method,
            str(group.attempts),
            str(group.items),
            _number(group.alpha),
            group.warning or "",
        ]
        for group in (bank.bank, *repeated[:FORMS_SHOWN])
    ]
    story: list[Flowable] = [
        para("Reliability", H3, bold=True),
        grid_table(
            ["Group", "Method", "Attempts", "Items", "Alpha", "Note"],
            rows,
            [w * width for w in (0.1, 0.14, 0.08, 0.06, 0.07, 0.55)],
            align_right=(2, 3, 4),
        ),
    ]
    rest = len(bank.forms) - len(rows) + 1
    if rest > 0:
        story.append(
            para(
                f"{rest} form(s) not shown, most sat by one candidate each, are in reliability.csv; with "
                "forms drawn at random per candidate, the bank-level estimate is the one to read.",
                SMALL,
            )
        )
    return story


def _bank_story(bank: BankAnalysis, data: ItemAnalysisData, width: float) -> list[Flowable]:
    title = certificate_name(bank.certificate, bank.grade)
    points = [
        ItemPoint(
            line.statistics.item_id, line.statistics.facility, line.statistics.discrimination, line.to_review
        )
        for line in bank.items
        if line.statistics.discrimination is not None
    ]
    rows = [
        [
            para(line.statistics.item_id, CELL, bold=line.to_review),
            line.competence,
            line.item_type.replace("_", " "),
            str(line.statistics.results),
            _number(line.statistics.facility),
            _number(line.statistics.discrimination),
            _distractor_text(line),
            para("; ".join(line.statistics.flags), CELL, bold=line.to_review),
            _stem(line),
        ]
        for line in bank.items
    ]
    review = [line for line in bank.items if line.to_review]
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        para(f"{title} ({bank.bank_id}, version {bank.versions})", H2, bold=True),
        para(
            f"{bank.attempts} attempts; {len(bank.items)} items seen; {len(review)} flagged for review.",
            SMALL,
        ),
        *_reliability(bank, width),
        KeepTogether(
            [
                para("Facility and discrimination", H3, bold=True),
                item_scatter(points, width * 0.7, data.weak),
                para(
                    "Each dot is an item; hollow squares are items flagged for negative or weak "
                    f"discrimination (named when there are at most {NAMED_POINTS}). Items whose scores did "
                    "not vary have no discrimination and are not plotted.",
                    SMALL,
                ),
            ]
        ),
        CondPageBreak(45 * mm),
        para("Items", H3, bold=True),
        para("Distractors: each option with how many candidates chose it; * marks the key.", SMALL),
        Spacer(1, 1.5 * mm),
        grid_table(
            ["Item", "Comp.", "Type", "n", "Facility", "Discr.", "Distractors", "Flags", "Stem"],
            rows,
            [w * width for w in (0.08, 0.05, 0.07, 0.04, 0.06, 0.06, 0.15, 0.2, 0.29)],
            align_right=(3, 4, 5),
        ),
    ]
    return story


def items_story(data: ItemAnalysisData) -> list[Flowable]:
    width = content_width(wide=True)
    story: list[Flowable] = [
        para("Item analysis", H1, bold=True),
        para(
            f"Covers {data.scope}. Facility is the share of an item's points earned; discrimination is the "
            "corrected point-biserial (the item against the rest of the paper); below "
            f"{data.weak:g} it is weak, below 0 the key should be checked.",
            SMALL,
        ),
        Spacer(1, 2 * mm),
    ]
    if data.warnings:
        story.extend([warning_box(data.warnings, width), Spacer(1, 2 * mm)])
    if not data.banks:
        story.append(para("No results are held for these banks yet."))
    for bank in data.banks:
        story.extend(_bank_story(bank, data, width))
    return story


def render_items(data: ItemAnalysisData) -> bytes:
    """The item analysis report as a landscape A4 PDF."""
    return build_pdf(items_story(data), data.header, wide=True)
