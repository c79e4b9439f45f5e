"""Sample report data (with Chinese names and bilingual text) and a PDF reader for the renderer tests."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from kiosk.domain.analysis import (
    AttemptScores,
    ScoredAnswer,
    bank_reliability,
    form_reliability,
    item_statistics,
)
from kiosk.reports.cohort import CohortData, CompetenceCell, CompetenceGrid, PassRateLine
from kiosk.reports.items import BankAnalysis, ItemAnalysisData, ItemLine
from kiosk.reports.pack import PackCandidate, PackData
from kiosk.reports.sitting_report import AttendanceLine, IncidentLine, SittingReportData
from kiosk.reports.slips import AreaLine, Candidate, CompetenceLine, Score, SlipData

CAT = timezone(timedelta(hours=2))
CENTRE = "China-Zambia Vocational and Technical College"
# A token-shaped string; the renderers only draw it (signing is tested in the services tests).
TOKEN = "AEAH3CABCDEFGHIJKLMNOPQRSTUVWXYZ234567" * 8

PdfText = Callable[[bytes], tuple[int, str]]


@pytest.fixture
def pdf_text() -> PdfText:
    """Page count and extracted text of a PDF."""

    def read(data: bytes) -> tuple[int, str]:
        reader = PdfReader(io.BytesIO(data))
        return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)

    return read


def make_slip(passed: bool = True, name_zh: str | None = "张伟") -> SlipData:
    practical = Score(10, 14) if passed else Score(5, 14)
    return SlipData(
        attempt_id="A-K1-0007",
        candidate=Candidate("2025-0042", "Chanda Mwale", name_zh),
        certificate="Energy Storage Maintenance",
        grade=2,
        sitting="Maintenance II theory",
        sitting_date="2025-06-14",
        centre=CENTRE,
        issued_on=date(2025, 7, 1),
        total=Score(28 if passed else 23, 40),
        passed=passed,
        pass_mark=60,
        areas=(
            AreaLine("foundational", Score(18, 26), None),
            AreaLine("practical", practical, 50),
        ),
        competences=(
            CompetenceLine("F1", "Energy storage materials 储能材料", "foundational", Score(10, 14)),
            CompetenceLine("F2", "Safety regulations", "foundational", Score(8, 12)),
            CompetenceLine("P1", "Assemble batteries", "practical", practical),
        ),
        token=TOKEN,
        bank="maintenance-2 v3",
    )


@pytest.fixture
def slip() -> SlipData:
    return make_slip()


@pytest.fixture
def pack() -> PackData:
    candidates = tuple(
        PackCandidate(
            f"2025-{n:04d}",
            f"Candidate {n}",
            "李娜" if n == 2 else None,
            1.25 if n == 3 else 1.0,
            f"K7QF-M{n}XD",
        )
        for n in range(1, 7)
    )
    return PackData(
        centre=CENTRE,
        kiosk="Lab 2 PC 07",
        sitting_id="3",
        sitting="Maintenance II theory",
        sitting_date=date(2025, 6, 14),
        certificate="Energy Storage Maintenance",
        grade=2,
        bank_id="maintenance-2",
        duration_minutes=60,
        printed_at=datetime(2025, 6, 13, 12, 5, tzinfo=UTC),
        candidates=candidates,
        zone=CAT,
    )


@pytest.fixture
def sitting() -> SittingReportData:
    start = datetime(2025, 6, 14, 7, 0, tzinfo=UTC)
    return SittingReportData(
        centre=CENTRE,
        kiosk="Lab 2 PC 07",
        sitting_id="3",
        sitting="Maintenance II theory",
        sitting_date=date(2025, 6, 14),
        certificate="Energy Storage Maintenance",
        grade=2,
        bank="maintenance-2 v3",
        state="closed",
        opened_at=start,
        closed_at=start + timedelta(hours=2),
        attendance=(
            AttendanceLine(
                "2025-0001",
                "Chanda Mwale",
                "张伟",
                "submitted",
                start,
                start + timedelta(minutes=52),
                3000.0,
                3600.0,
            ),
            AttendanceLine(
                "2025-0002",
                "Mutale Banda",
                None,
                "expired",
                start,
                start + timedelta(minutes=70),
                4500.0,
                4500.0,
            ),
            AttendanceLine("2025-0003", "Bwalya Phiri", None, "absent"),
        ),
        incidents=(
            IncidentLine(
                start + timedelta(minutes=20),
                "2025-0001",
                "power_outage",
                "Mains failed in lab 2",
                312.0,
                "kiosk",
            ),
            IncidentLine(
                start + timedelta(minutes=30), "", "other", "Fire drill bell tested nearby", None, "Ms Tembo"
            ),
        ),
        generated_at=start + timedelta(hours=3),
        zone=CAT,
    )


# The known data set: four attempts at one three-item form, every item scored 0 or 1 (a Guttman pattern).
#   attempt  i1 i2 i3  total
#   a1        1  1  1    3
#   a2        1  1  0    2
#   a3        1  0  0    1
#   a4        0  0  0    0
KNOWN = {"a1": (1, 1, 1), "a2": (1, 1, 0), "a3": (1, 0, 0), "a4": (0, 0, 0)}
# What each attempt chose on the single-choice item i1 (key A).
KNOWN_CHOICES = {"a1": "A", "a2": "A", "a3": "A", "a4": "B"}


def known_attempts() -> list[AttemptScores]:
    return [
        AttemptScores(
            attempt,
            tuple(
                ScoredAnswer(f"i{n}", float(score), 1.0, (KNOWN_CHOICES[attempt],) if n == 1 else ())
                for n, score in enumerate(scores, start=1)
            ),
        )
        for attempt, scores in KNOWN.items()
    ]


@pytest.fixture
def items_data() -> ItemAnalysisData:
    attempts = known_attempts()
    stats = {line.item_id: line for line in item_statistics(attempts)}
    lines = (
        ItemLine(
            stats["i1"], "F1", "single", "What does LFP stand for?", "LFP 代表什么？", ("A", "B", "C"), ("A",)
        ),
        ItemLine(
            stats["i2"], "F1", "true_false", "A lead-acid cell is 2 V.", None, ("true", "false"), ("true",)
        ),
        ItemLine(stats["i3"], "P1", "numeric", "How many hours does it last?"),
    )
    bank = BankAnalysis(
        "maintenance",
        1,
        "maintenance-1",
        "3",
        len(attempts),
        lines,
        tuple(form_reliability(attempts)),
        bank_reliability(attempts),
    )
    return ItemAnalysisData(
        generated_at=datetime(2025, 7, 1, tzinfo=UTC),
        scope="all results held",
        banks=(bank,),
        warnings=("Only 4 results for maintenance-1: treat every figure as provisional (20 are needed).",),
    )


@pytest.fixture
def cohort_data() -> CohortData:
    competences = (("F1", "Energy storage materials 储能材料"), ("P1", "Assemble batteries"))
    cells = (
        CompetenceCell("Lusaka", "F1", 10, 70.0, 100.0),
        CompetenceCell("Lusaka", "P1", 10, 30.0, 40.0),
        CompetenceCell("Kitwe", "F1", 4, 12.0, 40.0),
    )
    return CohortData(
        generated_at=datetime(2025, 7, 1, tzinfo=UTC),
        scope="all results held",
        pass_rates=(
            PassRateLine("maintenance", 2, "all centres", 9, 14),
            PassRateLine("maintenance", 2, "Kitwe", 1, 4),
            PassRateLine("maintenance", 2, "Lusaka", 8, 10),
        ),
        grids=(CompetenceGrid("maintenance", 2, competences, ("Kitwe", "Lusaka"), cells),),
        warnings=("Only 4 results from Kitwe for Energy Storage Maintenance, Grade II.",),
    )
