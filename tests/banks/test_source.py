"""Reading bank source folders: the happy path and every located problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.banks.source import load_bank_dir, read_bank_dir
from kiosk.domain.errors import BankError
from kiosk.domain.items import Area, Certificate, Difficulty, ItemType, ScoringRule


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    _, problems = read_bank_dir(folder)
    return [str(problem) for problem in problems]


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


def test_problem_names_file_line_and_item(bank_dir: Path) -> None:
    _edit(
        bank_dir / "items" / "all.yaml",
        "  answer: A\n  rationale: LFP is LiFePO4.",
        "  answer: E\n  rationale: x",
    )
    messages = _messages(bank_dir)
    assert len(messages) == 1
    assert messages[0].endswith("all.yaml:11: item T-001: the answer must be one option id of A, B, C")


def test_duplicate_ids_are_reported_with_the_first_place(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", "- id: T-010", "- id: T-009")
    assert any("item T-009: the id is used again (first at all.yaml:" in m for m in _messages(bank_dir))


def test_unknown_competence_and_stimulus(bank_dir: Path) -> None:
    _edit(
        bank_dir / "items" / "all.yaml",
        "competence: P1\n  difficulty: medium\n  stimulus: S1",
        "competence: P9\n  difficulty: medium\n  stimulus: S7",
    )
    messages = _messages(bank_dir)
    assert any("item T-004: the competence P9 is not one of F1, P1" in m for m in messages)
    assert any("item T-004: the stimulus S7 is not defined in bank.yaml" in m for m in messages)


def test_missing_image(bank_dir: Path) -> None:
    (bank_dir / "images" / "bank.svg").unlink()
    assert any("the image images/bank.svg is not in the bank folder" in m for m in _messages(bank_dir))


def test_image_outside_the_folder_is_refused(bank_dir: Path) -> None:
    _edit(bank_dir / "bank.yaml", "image: images/bank.svg", "image: ../../etc/passwd.svg")
    assert any("must be a path inside the bank folder" in m for m in _messages(bank_dir))


def test_numeric_tolerance_must_be_sane(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", "tolerance: 0.05", "tolerance: 3")
    assert any("item T-004: the tolerance 3 is as large as the answer 2" in m for m in _messages(bank_dir))
    _edit(bank_dir / "items" / "all.yaml", "tolerance: 3", "tolerance: -1")
    assert any("the tolerance cannot be negative" in m for m in _messages(bank_dir))


def test_ordering_key_must_be_a_permutation(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", "answer: [A, B, C]", "answer: [A, B, B]")
    assert any(
        "item T-005: the answer must list every option id exactly once" in m for m in _messages(bank_dir)
    )


def test_matching_key_must_cover_premises_with_real_options(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", 'answer: {"1": B, "2": A}', 'answer: {"1": Z}')
    messages = _messages(bank_dir)
    assert any("the answer must give exactly one option for every premise" in m for m in messages)
    assert any("premise 1 is matched to Z, which is not an option id" in m for m in messages)


def test_true_false_needs_a_boolean(bank_dir: Path) -> None:
    _edit(
        bank_dir / "items" / "all.yaml",
        "answer: true\n  rationale: Nominal",
        "answer: maybe\n  rationale: Nominal",
    )
    assert any("a true_false answer must be true or false, not 'maybe'" in m for m in _messages(bank_dir))


def test_unknown_type_lists_the_allowed_ones(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", "type: short_text", "type: essay")
    assert any(
        "item T-007: 'type' is 'essay'; use one of: single, multiple" in m for m in _messages(bank_dir)
    )


def test_blueprint_must_be_satisfiable(bank_dir: Path) -> None:
    _edit(
        bank_dir / "bank.yaml",
        "{competence: P1, difficulty: medium, count: 1}",
        "{competence: P1, difficulty: medium, count: 3}",
    )
    messages = _messages(bank_dir)
    assert any("the blueprint asks for 3 medium items of P1, but the pool has 2" in m for m in messages)
    assert any("the blueprint asks for 4 items of P1, but the pool has 4" in m for m in messages) is False
    assert any("draws 7 of 10 items; a form may use at most half the pool" in m for m in messages)


def test_blueprint_must_cover_every_competence(bank_dir: Path) -> None:
    _edit(
        bank_dir / "bank.yaml",
        "    - {competence: P1, difficulty: medium, count: 1}\n    - {competence: P1, count: 1}\n",
        "",
    )
    assert any("the blueprint draws nothing from competence P1" in m for m in _messages(bank_dir))


def test_blueprint_refers_to_known_competences(bank_dir: Path) -> None:
    _edit(bank_dir / "bank.yaml", "{competence: F1, count: 3}", "{competence: X9, count: 1}")
    assert any(
        "the blueprint draws from X9, which is not a competence of this grade" in m
        for m in _messages(bank_dir)
    )


def test_bank_metadata_errors(bank_dir: Path) -> None:
    _edit(
        bank_dir / "bank.yaml",
        "certificate: maintenance\ngrade: 1\nversion: 3",
        "certificate: welding\ngrade: 4\nversion: 0",
    )
    messages = _messages(bank_dir)
    assert any(
        "bank.yaml:1: 'certificate' is 'welding'; use one of: design, maintenance, recycling" in m
        for m in messages
    )
    assert any("bank.yaml:2: 'grade' must be 1, 2 or 3" in m for m in messages)
    assert any("bank.yaml:3: 'version' must be a whole number of at least 1, not 0" in m for m in messages)


def test_chinese_text_needs_the_language(bank_dir: Path) -> None:
    _edit(bank_dir / "bank.yaml", "languages: [en, zh]", "languages: [en]")
    assert any("'languages' must include zh" in m for m in _messages(bank_dir))


def test_invalid_yaml_is_located(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", "  stem: What does LFP stand for?", "  stem: [unclosed")
    messages = _messages(bank_dir)
    assert len(messages) == 1 and "all.yaml:" in messages[0] and "is not valid YAML" in messages[0]


def test_duplicate_keys_are_refused(bank_dir: Path) -> None:
    _edit(
        bank_dir / "items" / "all.yaml",
        "  difficulty: easy\n  stem: What",
        "  difficulty: easy\n  difficulty: hard\n  stem: What",
    )
    assert any("all.yaml:5: the key 'difficulty' appears twice" in m for m in _messages(bank_dir))


def test_not_utf8_is_reported(bank_dir: Path) -> None:
    (bank_dir / "items" / "all.yaml").write_bytes("- id: caf\xe9\n".encode("latin-1"))
    assert any("is not UTF-8 text" in m for m in _messages(bank_dir))


def test_missing_folder_and_bank_yaml(tmp_path: Path) -> None:
    assert _messages(tmp_path / "nope") == [
        f"{tmp_path / 'nope'}: is not a folder; give the bank's source folder"
    ]
    assert _messages(tmp_path) == [
        f"{tmp_path / 'bank.yaml'}: is missing; every bank folder needs a bank.yaml"
    ]


def test_load_bank_dir_raises_with_every_problem(bank_dir: Path) -> None:
    _edit(bank_dir / "items" / "all.yaml", "answer: A\n  rationale: LFP", "answer: Q\n  rationale: LFP")
    _edit(bank_dir / "items" / "all.yaml", "tolerance: 0.05", "tolerance: 5")
    with pytest.raises(BankError, match=r"has 2 problem\(s\)"):
        load_bank_dir(bank_dir)
