"""Reading bank source folders: every item type, metadata problems, missing files and images."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.problems import BankSourceRejected
from kiosk.authoring.source import load_bank_dir
from kiosk.domain.errors import BankError
from kiosk.domain.items import Area, Certificate, Difficulty, ItemType, ScoringRule
from kiosk.messages import sentence
from tests.authoring.source_edits import edit, has, problems_in, read


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
    assert has(problems_in(bank_dir), "source.image_missing", image="images/bank.svg")


def test_image_outside_the_folder_is_refused(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "image: images/bank.svg", "image: ../../etc/passwd.svg")
    assert has(problems_in(bank_dir), "source.image_outside", image="'../../etc/passwd.svg'")


def test_true_false_needs_a_boolean(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "answer: true\n  rationale: Nominal",
        "answer: maybe\n  rationale: Nominal",
    )
    assert has(problems_in(bank_dir), "source.true_false_answer", "T-003", answer="'maybe'")


def test_unknown_type_lists_the_allowed_ones(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "type: short_text", "type: essay")
    problems = problems_in(bank_dir)
    assert has(problems, "source.not_allowed", "T-007", key="type", value="essay")
    assert any(
        "item T-007: 'type' is 'essay'; use one of: single, multiple" in read(problem) for problem in problems
    )


def test_bank_metadata_errors(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "certificate: maintenance\ngrade: 1\nversion: 3",
        "certificate: welding\ngrade: 4\nversion: 0",
    )
    located = {(p.line, p.code): dict(p.params) for p in problems_in(bank_dir) if p.path.name == "bank.yaml"}
    assert located[(1, "source.not_allowed")] == {
        "key": "certificate",
        "value": "welding",
        "allowed": "design, maintenance, recycling",
    }
    assert located[(2, "source.grade_invalid")] == {"grade": 4}
    assert located[(3, "source.not_whole_number")] == {"key": "version", "minimum": 1, "value": "0"}


def test_missing_folder_and_bank_yaml(tmp_path: Path) -> None:
    assert [read(p) for p in problems_in(tmp_path / "nope")] == [
        f"{tmp_path / 'nope'}: is not a folder; give the bank's source folder"
    ]
    [missing] = problems_in(tmp_path)
    assert (missing.path, missing.line, missing.code) == (tmp_path / "bank.yaml", 0, "source.no_bank_file")


def test_load_bank_dir_raises_with_every_problem(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "answer: A\n  rationale: LFP", "answer: Q\n  rationale: LFP")
    edit(bank_dir / "items" / "all.yaml", "tolerance: 0.05", "tolerance: 5")
    with pytest.raises(BankError, match=r"^bank\.source_invalid\b") as caught:
        load_bank_dir(bank_dir)
    assert isinstance(caught.value, BankSourceRejected)
    assert caught.value.params == {"folder": bank_dir, "count": 2}
    assert [p.code for p in caught.value.problems] == [
        "source.answer_not_one_option",
        "source.tolerance_too_large",
    ]
    assert sentence(caught.value) == f"The bank source {bank_dir} has 2 problem(s)."
