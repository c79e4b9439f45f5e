"""Meaning checks on a bank source: keys, references, tolerances and the blueprint, each located."""

from __future__ import annotations

from pathlib import Path

from tests.authoring.source_edits import edit, has, problems_in, read


def test_problem_names_file_line_and_item(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "  answer: A\n  rationale: LFP is LiFePO4.",
        "  answer: E\n  rationale: x",
    )
    problems = problems_in(bank_dir)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path.name, problem.line, problem.item_id) == ("all.yaml", 11, "T-001")
    assert (problem.code, problem.params) == ("source.answer_not_one_option", {"options": "A, B, C"})
    assert read(problem).endswith("all.yaml:11: item T-001: the answer must be one option id of A, B, C")


def test_duplicate_ids_are_reported_with_the_first_place(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "- id: T-010", "- id: T-009")
    assert has(problems_in(bank_dir), "source.item_id_repeated", "T-009", first_file="all.yaml")


def test_unknown_competence_and_stimulus(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "competence: P1\n  difficulty: medium\n  stimulus: S1",
        "competence: P9\n  difficulty: medium\n  stimulus: S7",
    )
    problems = problems_in(bank_dir)
    assert has(problems, "source.competence_unknown", "T-004", competence="P9", known="F1, P1")
    assert has(problems, "source.stimulus_unknown", "T-004", stimulus="S7")


def test_numeric_tolerance_must_be_sane(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "tolerance: 0.05", "tolerance: 3")
    problems = problems_in(bank_dir)
    assert has(problems, "source.tolerance_too_large", "T-004", tolerance=3, answer=2)
    assert any(read(p).endswith("item T-004: the tolerance 3 is as large as the answer 2") for p in problems)
    edit(bank_dir / "items" / "all.yaml", "tolerance: 3", "tolerance: -1")
    assert has(problems_in(bank_dir), "source.tolerance_negative", "T-004")


def test_ordering_key_must_be_a_permutation(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "answer: [A, B, C]", "answer: [A, B, B]")
    assert has(problems_in(bank_dir), "source.answer_not_an_order", "T-005")


def test_matching_key_must_cover_premises_with_real_options(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", 'answer: {"1": B, "2": A}', 'answer: {"1": Z}')
    problems = problems_in(bank_dir)
    assert has(problems, "source.answer_not_every_premise", "T-006")
    assert has(problems, "source.answer_unknown_option", "T-006", premise="1", option="Z")


def test_blueprint_must_be_satisfiable(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "{competence: P1, difficulty: medium, count: 1}",
        "{competence: P1, difficulty: medium, count: 3}",
    )
    problems = problems_in(bank_dir)
    assert has(
        problems, "source.draws_short_of_difficulty", asked=3, difficulty="medium", competence="P1", have=2
    )
    assert not has(problems, "source.draws_short", competence="P1")
    assert has(problems, "source.draws_too_many", total=7, pool=10)


def test_blueprint_must_cover_every_competence(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "    - {competence: P1, difficulty: medium, count: 1}\n    - {competence: P1, count: 1}\n",
        "",
    )
    assert has(problems_in(bank_dir), "source.competence_not_drawn", competence="P1")


def test_blueprint_refers_to_known_competences(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "{competence: F1, count: 3}", "{competence: X9, count: 1}")
    assert has(problems_in(bank_dir), "source.draw_competence_unknown", competence="X9")


def test_chinese_text_needs_the_language(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "languages: [en, zh]", "languages: [en]")
    problems = problems_in(bank_dir)
    assert [(p.path.name, p.code) for p in problems] == [("bank.yaml", "source.languages_need_zh")]


def test_enemies_are_sets_of_known_items(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "stimuli:", "enemies:\n  - [T-001, T-404]\n  - [T-002]\n  - T-003\nstimuli:")
    problems = problems_in(bank_dir)
    assert has(problems, "source.enemy_unknown", enemy="T-404")
    assert has(problems, "source.enemy_set_invalid", entry="['T-002']")
    assert has(problems, "source.enemy_set_invalid", entry="'T-003'")
    [unknown] = [p for p in problems if p.code == "source.enemy_unknown"]
    assert (unknown.path.name, unknown.line) == ("bank.yaml", 19)
    edit(bank_dir / "bank.yaml", "enemies:\n", "enemies: T-001\nnothing:\n")
    assert has(problems_in(bank_dir), "source.enemies_not_list")


def test_enemies_must_leave_every_draw_enough_items(bank_dir: Path) -> None:
    # P1 holds 4 items; forms take 2 of them; a set barring 3 of the 4 could leave a form one short.
    edit(bank_dir / "bank.yaml", "stimuli:", "enemies:\n  - [T-004, T-005, T-007, T-010]\nstimuli:")
    problems = problems_in(bank_dir)
    assert has(problems, "source.draw_short_with_enemies", competence="P1", asked=1, barred=3)
    assert any("enemies sets may bar 3" in read(p) for p in problems)


def test_a_draw_by_level_must_be_satisfiable(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "{competence: F1, count: 3}", "{competence: F1, count: 2, level: apply}")
    edit(
        bank_dir / "items" / "all.yaml",
        "  difficulty: hard\n  stem: Which gas",
        "  difficulty: hard\n  level: apply\n  stem: Which gas",
    )
    assert has(problems_in(bank_dir), "source.draw_short", competence="F1", asked=2, have=1, used=0)


def test_levels_are_from_the_taxonomy(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "  difficulty: hard\n  stem: Which gas",
        "  difficulty: hard\n  level: memorise\n  stem: Which gas",
    )
    assert has(problems_in(bank_dir), "source.not_allowed", "T-009", key="level", value="memorise")
