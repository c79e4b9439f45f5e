"""Reading bank source folders: every item type, metadata problems, missing files and images."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.source import load_bank_dir
from kiosk.domain.errors import BankError
from kiosk.domain.items import Area, Certificate, Difficulty, ItemType, ScoringRule
from tests.authoring.source_edits import edit, problems_in


def test_reads_every_item_type(bank_dir: Path) -> None:
    bank = load_bank_dir(bank_dir)
    assert bank.certificate is Certificate.MAINTENANCE
    assert bank.bank_id == "maintenance-1"
    assert bank.version == 3
    assert {item.type for item in bank.items} == set(ItemType)
    assert bank.blueprint.area_minimums == ((Area.PRACTICAL, 50.0),)
    assert bank.blueprint.draws[1].difficulty is Difficulty.MEDIUM
    single = bank.item("T-001")
    assert single.key == ("A",) and single.stem.zh == "LFP 代表什么？"
    assert single.option("A").text.zh == "磷酸铁锂"
    assert bank.item("T-002").scoring is ScoringRule.PARTIAL
    assert bank.item("T-003").key == ("true",)
    numeric = bank.item("T-004")
    assert (numeric.value, numeric.tolerance, numeric.unit, numeric.stimulus) == (2.0, 0.05, "h", "S1")
    assert bank.item("T-005").key == ("A", "B", "C")
    assert bank.item("T-006").pairs == (("1", "B"), ("2", "A"))
    assert bank.item("T-007").accepted == ("electrolyte", "the electrolyte")
    assert bank.images["images/bank.svg"].startswith(b"<svg")


def test_missing_image(bank_dir: Path) -> None:
    (bank_dir / "images" / "bank.svg").unlink()
    assert any("the image images/bank.svg is not in the bank folder" in m for m in problems_in(bank_dir))


def test_image_outside_the_folder_is_refused(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "image: images/bank.svg", "image: ../../etc/passwd.svg")
    assert any("must be a path inside the bank folder" in m for m in problems_in(bank_dir))


def test_true_false_needs_a_boolean(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "answer: true\n  rationale: Nominal",
        "answer: maybe\n  rationale: Nominal",
    )
    assert any("a true_false answer must be true or false, not 'maybe'" in m for m in problems_in(bank_dir))


def test_unknown_type_lists_the_allowed_ones(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "type: short_text", "type: essay")
    assert any(
        "item T-007: 'type' is 'essay'; use one of: single, multiple" in m for m in problems_in(bank_dir)
    )


def test_bank_metadata_errors(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "certificate: maintenance\ngrade: 1\nversion: 3",
        "certificate: welding\ngrade: 4\nversion: 0",
    )
    messages = problems_in(bank_dir)
    assert any(
        "bank.yaml:1: 'certificate' is 'welding'; use one of: design, maintenance, recycling" in m
        for m in messages
    )
    assert any("bank.yaml:2: 'grade' must be 1, 2 or 3" in m for m in messages)
    assert any("bank.yaml:3: 'version' must be a whole number of at least 1, not 0" in m for m in messages)


def test_missing_folder_and_bank_yaml(tmp_path: Path) -> None:
    assert problems_in(tmp_path / "nope") == [
        f"{tmp_path / 'nope'}: is not a folder; give the bank's source folder"
    ]
    assert problems_in(tmp_path) == [
        f"{tmp_path / 'bank.yaml'}: is missing; every bank folder needs a bank.yaml"
    ]


def test_load_bank_dir_raises_with_every_problem(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "answer: A\n  rationale: LFP", "answer: Q\n  rationale: LFP")
    edit(bank_dir / "items" / "all.yaml", "tolerance: 0.05", "tolerance: 5")
    with pytest.raises(BankError, match=r"has 2 problem\(s\)"):
        load_bank_dir(bank_dir)
