"""Meaning checks on a bank source: keys, references, tolerances and the blueprint, each located."""

from __future__ import annotations

from pathlib import Path

from tests.authoring.source_edits import edit, problems_in


def test_problem_names_file_line_and_item(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "  answer: A\n  rationale: LFP is LiFePO4.",
        "  answer: E\n  rationale: x",
    )
    messages = problems_in(bank_dir)
    assert len(messages) == 1
    assert messages[0].endswith("all.yaml:11: item T-001: the answer must be one option id of A, B, C")


def test_duplicate_ids_are_reported_with_the_first_place(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "- id: T-010", "- id: T-009")
    assert any("item T-009: the id is used again (first at all.yaml:" in m for m in problems_in(bank_dir))


def test_unknown_competence_and_stimulus(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "competence: P1\n  difficulty: medium\n  stimulus: S1",
        "competence: P9\n  difficulty: medium\n  stimulus: S7",
    )
    messages = problems_in(bank_dir)
    assert any("item T-004: the competence P9 is not one of F1, P1" in m for m in messages)
    assert any("item T-004: the stimulus S7 is not defined in bank.yaml" in m for m in messages)


def test_numeric_tolerance_must_be_sane(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "tolerance: 0.05", "tolerance: 3")
    assert any("item T-004: the tolerance 3 is as large as the answer 2" in m for m in problems_in(bank_dir))
    edit(bank_dir / "items" / "all.yaml", "tolerance: 3", "tolerance: -1")
    assert any("the tolerance cannot be negative" in m for m in problems_in(bank_dir))


def test_ordering_key_must_be_a_permutation(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "answer: [A, B, C]", "answer: [A, B, B]")
    assert any(
        "item T-005: the answer must list every option id exactly once" in m for m in problems_in(bank_dir)
    )


def test_matching_key_must_cover_premises_with_real_options(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", 'answer: {"1": B, "2": A}', 'answer: {"1": Z}')
    messages = problems_in(bank_dir)
    assert any("the answer must give exactly one option for every premise" in m for m in messages)
    assert any("premise 1 is matched to Z, which is not an option id" in m for m in messages)


def test_blueprint_must_be_satisfiable(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "{competence: P1, difficulty: medium, count: 1}",
        "{competence: P1, difficulty: medium, count: 3}",
    )
    messages = problems_in(bank_dir)
    assert any("the blueprint asks for 3 medium items of P1, but the pool has 2" in m for m in messages)
    assert any("the blueprint asks for 4 items of P1, but the pool has 4" in m for m in messages) is False
    assert any("draws 7 of 10 items; a form may use at most half the pool" in m for m in messages)


def test_blueprint_must_cover_every_competence(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "    - {competence: P1, difficulty: medium, count: 1}\n    - {competence: P1, count: 1}\n",
        "",
    )
    assert any("the blueprint draws nothing from competence P1" in m for m in problems_in(bank_dir))


def test_blueprint_refers_to_known_competences(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "{competence: F1, count: 3}", "{competence: X9, count: 1}")
    assert any(
        "the blueprint draws from X9, which is not a competence of this grade" in m
        for m in problems_in(bank_dir)
    )


def test_chinese_text_needs_the_language(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "languages: [en, zh]", "languages: [en]")
    assert any("'languages' must include zh" in m for m in problems_in(bank_dir))
