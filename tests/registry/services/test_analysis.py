"""Cohort and item analysis from the registry, written as PDF, CSV and XLSX, checked against a small data set
whose every statistic is worked out by hand below."""

from __future__ import annotations

import csv
import io
import math
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from kiosk.domain.catalogue import BankCatalogue, catalogue_of
from kiosk.domain.errors import FileWriteError, InputError
from kiosk.domain.items import Bank
from kiosk.messages import sentence
from kiosk.registry.services.analysis import cohort_data, write_cohort, write_item_analysis
from kiosk.support.files import PRIVATE
from tests.fixtures.registry import World, database_url_fixture, world_fixture
from tests.fixtures.reporting import bank_fixture, catalogue_fixture, import_attempts, scored_attempt

__all__ = ["bank_fixture", "catalogue_fixture", "database_url_fixture", "world_fixture"]

FORM = ("T-001", "T-003", "T-004")
# The known data set: four attempts at one three-item form (T-001 single, key A; T-003 true/false;
# T-004 numeric), in a Guttman pattern, two at each of two centres.
#   attempt  centre   T-001  T-003  T-004  total  result
#   a1       Kitwe      1      1      1      3    pass (100 %)
#   a2       Kitwe      1      1      0      2    fail: practical (T-004) 0 % < 50 % minimum
#   a3       Lusaka     1      0      0      1    fail
#   a4       Lusaka     0 (B)  0      0      0    fail
RIGHT_ITEMS = {"a1": FORM, "a2": FORM[:2], "a3": FORM[:1], "a4": ()}


@pytest.fixture
def known(world: World, bank: Bank) -> World:
    import_attempts(
        world,
        "K1",
        [scored_attempt(bank, a, f"C-{a}", RIGHT_ITEMS[a], items=FORM) for a in ("a1", "a2")],
        centre="Kitwe",
    )
    import_attempts(
        world,
        "K2",
        [scored_attempt(bank, a, f"C-{a}", RIGHT_ITEMS[a], items=FORM) for a in ("a3", "a4")],
        centre="Lusaka",
    )
    return world


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _sheet(path: Path, name: str) -> list[dict[str, object]]:
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_cohort_pass_rates_and_competences_by_centre(
    known: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    written = write_cohort(known.ctx, catalogue, tmp_path)
    assert [path.name for path in written] == [
        "cohort.pdf",
        "pass_rates.csv",
        "competence_by_centre.csv",
        "cohort.xlsx",
    ]
    # Results of candidates and centres: readable by their owner only.
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {PRIVATE}
    # Pass rates by hand: 1 of 4 at all centres together (listed first); Kitwe 1 of 2; Lusaka 0 of 2.
    rates = [
        (r["centre"], r["sat"], r["passed"], r["pass_rate_percent"])
        for r in _csv(tmp_path / "pass_rates.csv")
    ]
    assert rates == [
        ("all centres", "4", "1", "25.0"),
        ("Kitwe", "2", "1", "50.0"),
        ("Lusaka", "2", "0", "0.0"),
    ]
    assert [r["certificate"] + r["grade"] for r in _csv(tmp_path / "pass_rates.csv")] == ["maintenance1"] * 3
    # Competences by hand: F1 is T-001 + T-003, P1 is T-004.
    #   Kitwe  F1: a1 2/2 + a2 2/2 = 4/4 = 100 %;  P1: 1/1 + 0/1 = 1/2 = 50 %
    #   Lusaka F1: a3 1/2 + a4 0/2 = 1/4 = 25 %;   P1: 0/2 = 0 %
    cells = {
        (r["centre"], r["competence"]): (r["attempts"], r["earned"], r["possible"], r["percent"])
        for r in _csv(tmp_path / "competence_by_centre.csv")
    }
    assert cells == {
        ("Kitwe", "F1"): ("2", "4.0", "4.0", "100.0"),
        ("Kitwe", "P1"): ("2", "1.0", "2.0", "50.0"),
        ("Lusaka", "F1"): ("2", "1.0", "4.0", "25.0"),
        ("Lusaka", "P1"): ("2", "0.0", "2.0", "0.0"),
    }
    workbook = tmp_path / "cohort.xlsx"
    assert [(r["centre"], r["pass_rate_percent"]) for r in _sheet(workbook, "pass_rates")] == [
        ("all centres", 25.0),
        ("Kitwe", 50.0),
        ("Lusaka", 0.0),
    ]
    assert {
        (r["centre"], r["competence"]): r["percent"] for r in _sheet(workbook, "competence_by_centre")
    } == {
        ("Kitwe", "F1"): 100.0,
        ("Kitwe", "P1"): 50.0,
        ("Lusaka", "F1"): 25.0,
        ("Lusaka", "P1"): 0.0,
    }
    text = " ".join(
        PdfReader(io.BytesIO((tmp_path / "cohort.pdf").read_bytes())).pages[0].extract_text().split()
    )
    assert "1/2 (50%)" in text and "Specialised knowledge of energy storage materials" in text
    assert "Only 2 results from Kitwe" in text


def test_cohort_warns_when_empty(world: World, tmp_path: Path) -> None:
    data = cohort_data(world.ctx, None)
    assert data.pass_rates == () and data.grids == ()
    assert data.warnings == ("The registry holds no results yet; import result bundles first.",)


def test_item_analysis_matches_the_hand_computed_statistics(
    known: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    written = write_item_analysis(known.ctx, catalogue, tmp_path / "items")
    assert [path.name for path in written] == [
        "items.pdf",
        "items.csv",
        "distractors.csv",
        "reliability.csv",
        "items.xlsx",
    ]
    folder = tmp_path / "items"
    # Facility: 3/4, 2/4, 1/4. Corrected point-biserial against the rest score:
    #   T-001 vs (2, 1, 0, 0): 0.75 / sqrt(0.75 * 2.75) = sqrt(3/11) = 0.522
    #   T-003 vs (2, 1, 1, 0): 1 / sqrt(1 * 2) = 0.707
    #   T-004 vs (2, 2, 1, 0): 0.75 / sqrt(0.75 * 2.75) = 0.522
    expected = {
        "T-001": ("4", "0.75", str(round(math.sqrt(3 / 11), 3)), "single"),
        "T-003": ("4", "0.5", str(round(1 / math.sqrt(2), 3)), "true_false"),
        "T-004": ("4", "0.25", str(round(math.sqrt(3 / 11), 3)), "numeric"),
    }
    items = {r["item"]: r for r in _csv(folder / "items.csv")}
    assert {
        k: (r["results"], r["facility"], r["discrimination"], r["type"]) for k, r in items.items()
    } == expected
    assert items["T-001"]["stem_zh"] == "LFP 代表什么？"
    assert items["T-001"]["flags"] == "only 4 results; treat these figures as provisional"
    # Distractors: T-001 chosen A by a1-a3 and B by a4; T-003 "true" by a1, a2 and "false" by a3, a4.
    distractors = [
        (r["item"], r["option"], r["keyed"], r["chosen"], r["share_percent"])
        for r in _csv(folder / "distractors.csv")
    ]
    assert distractors == [
        ("T-001", "A", "yes", "3", "75.0"),
        ("T-001", "B", "no", "1", "25.0"),
        ("T-001", "C", "no", "0", "0.0"),
        ("T-003", "true", "yes", "2", "50.0"),
        ("T-003", "false", "no", "2", "50.0"),
    ]
    # KR-20: 3/2 * (1 - (0.1875 + 0.25 + 0.1875) / 1.25) = 0.75; too few attempts for the bank estimate.
    reliability = _csv(folder / "reliability.csv")
    assert [(r["group"], r["method"], r["attempts"], r["items"], r["alpha"]) for r in reliability] == [
        ("form 1", "KR-20", "4", "3", "0.75"),
        ("bank", "standardised alpha", "4", "3", ""),
    ]
    sheet = {r["item"]: r for r in _sheet(folder / "items.xlsx", "items")}
    assert (sheet["T-003"]["facility"], sheet["T-003"]["discrimination"]) == (0.5, round(1 / math.sqrt(2), 3))
    assert _sheet(folder / "items.xlsx", "reliability")[0]["alpha"] == 0.75
    text = " ".join(
        " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO((folder / "items.pdf").read_bytes())).pages
        ).split()
    )
    assert (
        "Only 4 results for maintenance-1" in text and "LFP 代表什么？" in text and "A* 3, B 1, C 0" in text
    )


def test_item_analysis_needs_the_bank_sources(known: World, bank: Bank, tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        write_item_analysis(known.ctx, catalogue_of([replace(bank, version=1)]), tmp_path / "items")
    assert missing.value.code == "bank.version_not_in_sources"
    assert {name: missing.value.params[name] for name in ("bank", "version", "held")} == {
        "bank": "maintenance-1",
        "version": 3,
        "held": "1",
    }
    assert "was sat on bank maintenance-1 version 3, but " in sentence(missing.value)
    assert not (tmp_path / "items").exists()


def test_a_stored_form_that_is_not_readable_names_its_attempt(
    known: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    with known.ctx.database.transaction() as session:
        session.execute(text("UPDATE attempts SET form_json = 'not json' WHERE attempt_id = 'a2'"))
    with pytest.raises(InputError) as unreadable:
        write_item_analysis(known.ctx, catalogue, tmp_path)
    error = unreadable.value
    assert (error.code, error.params) == ("results.stored_form_unreadable", {"attempt": "a2"})
    assert sentence(error) == "The stored form of attempt a2 is not readable; re-import its bundle."


@pytest.mark.parametrize("report", ["cohort", "items"])
def test_a_report_on_a_full_disk_stops_with_no_part_file(
    known: World, catalogue: BankCatalogue, tmp_path: Path, fill_disk: Callable[[], None], report: str
) -> None:
    folder = tmp_path / report
    write = write_cohort if report == "cohort" else write_item_analysis
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        write(known.ctx, catalogue, folder)
    assert (full.value.code, full.value.params) == ("file.disk_full", {"path": folder / f"{report}.pdf"})
    assert list(folder.iterdir()) == []


def test_item_analysis_of_one_bank_only(known: World, catalogue: BankCatalogue, tmp_path: Path) -> None:
    write_item_analysis(known.ctx, catalogue, tmp_path, ["design-1"])
    assert _csv(tmp_path / "items.csv") == []
    text = PdfReader(io.BytesIO((tmp_path / "items.pdf").read_bytes())).pages[0].extract_text()
    assert "The registry holds no results for these banks yet" in text
