"""Item-writing lint: every cue a test-wise candidate uses is a warning naming file, line and item."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.authoring.build import lint
from kiosk.authoring.lint import _chi_square_survival, similarity, stem_words
from kiosk.authoring.problems import Problem
from kiosk.messages import fields_of, sentence, template_for
from tests.authoring.source_edits import edit, problems_in

ROOT = Path(__file__).resolve().parents[2] / "question_banks"


def warnings_of(*folders: Path) -> dict[Path, list[Problem]]:
    """The lint warnings of each folder, after checking each reads as a sentence its params fill."""
    found = lint(list(folders)).warnings
    for problems in found.values():
        for problem in problems:
            assert fields_of(template_for(problem.code)) <= set(problem.params), problem
            assert "{" not in sentence(problem.error())
    return found


def codes(problems: list[Problem]) -> set[tuple[str, str | None]]:
    return {(problem.code, problem.item_id) for problem in problems}


def single(item_id: str, stem: str, options: list[str], key: int = 0, difficulty: str = "easy") -> str:
    """A single-answer F1 item in YAML; ``key`` is the index of the right option."""
    lines = [
        f"- id: {item_id}",
        "  type: single",
        "  competence: F1",
        f"  difficulty: {difficulty}",
        f"  stem: {stem}",
        "  options:",
        *(f"    - {{id: {chr(65 + n)}, text: '{text}'}}" for n, text in enumerate(options)),
        f"  answer: {chr(65 + key)}",
        "  rationale: Because.",
    ]
    return "\n".join(lines) + "\n"


def true_false(item_id: str, answer: bool) -> str:
    return (
        f"- {{id: {item_id}, type: true_false, competence: F1, difficulty: easy, "
        f"stem: 'Statement {item_id} about cells.', answer: {str(answer).lower()}, rationale: Because.}}\n"
    )


def add_items(folder: Path, text: str) -> None:
    (folder / "items" / "extra.yaml").write_text(text, encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(
        number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line
    )


def test_the_small_bank_warnings_each_name_file_line_and_item(bank_dir: Path) -> None:
    found = warnings_of(bank_dir)[bank_dir]
    assert codes(found) == {
        ("lint.key_long", "T-008"),
        ("lint.key_longest_share", None),
        ("lint.draw_mixes_difficulty", None),
        ("lint.pool_small", None),
        ("lint.pass_mark_unexplained", None),
        ("lint.levels_missing", None),
        ("lint.chinese_missing", None),
        ("lint.scenario_share", None),
    }
    items = bank_dir / "items" / "all.yaml"
    [long_key] = [p for p in found if p.code == "lint.key_long"]
    assert long_key.path == items
    assert long_key.line == line_of(items, "rationale: Graphite hosts") - 1  # its 'answer:' line
    assert long_key.params == {"key_length": 8, "distractor_length": 4}
    assert f"{long_key.location}: " == f"{items}:{long_key.line}: item T-008: "
    assert sentence(long_key.error()).startswith("the key is 8 characters long, at least 1.5 times")
    mixes = [p for p in found if p.code == "lint.draw_mixes_difficulty"]
    assert [(p.line, p.params["competence"]) for p in mixes] == [
        (line_of(bank_dir / "bank.yaml", "{competence: F1, count: 3}"), "F1"),
        (line_of(bank_dir / "bank.yaml", "{competence: P1, count: 1}"), "P1"),
    ]
    assert next(p for p in found if p.code == "lint.key_longest_share").params == {
        "count": 2,
        "total": 3,
        "share": 67,
    }


def test_written_rationale_levels_and_chinese_silence_their_warnings(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "  pass_mark: 60\n",
        "  pass_mark: 60\n  pass_mark_rationale: Angoff panel, 2025.\n",
    )
    edit(bank_dir / "bank.yaml", "languages: [en, zh]", "languages: [en]")
    items = bank_dir / "items" / "all.yaml"
    items.write_text(
        items.read_text(encoding="utf-8")
        .replace("  difficulty:", "  level: remember\n  difficulty:")
        .replace("  stem_zh: LFP 代表什么？\n", "")
        .replace(", text_zh: 磷酸铁锂", ""),
        encoding="utf-8",
    )
    assert problems_in(bank_dir) == []
    remaining = {code for code, _ in codes(warnings_of(bank_dir)[bank_dir])}
    assert not remaining & {"lint.pass_mark_unexplained", "lint.levels_missing", "lint.chinese_missing"}


def test_keys_piled_on_one_position_are_warned_about(bank_dir: Path) -> None:
    stems = [f"Which value of quantity number {n} is right?" for n in range(12)]
    add_items(
        bank_dir,
        "".join(
            single(f"K-{n:02d}", stem, ["ten", "eleven", "twelve", "thirteen"])
            for n, stem in enumerate(stems)
        ),
    )
    found = warnings_of(bank_dir)[bank_dir]
    [uneven] = [p for p in found if p.code == "lint.key_positions_uneven"]
    assert uneven.params == {"positions": "A 15, B 0, C 0, D 0", "total": 15}
    add_items(
        bank_dir,
        "".join(
            single(f"K-{n:02d}", stem, ["ten", "eleven", "twelve", "thirteen"], key=n % 4)
            for n, stem in enumerate(stems)
        ),
    )
    assert "lint.key_positions_uneven" not in {p.code for p in warnings_of(bank_dir)[bank_dir]}


@pytest.mark.parametrize(("trues", "warned"), [(4, True), (2, False), (1, False), (0, True)])
def test_true_false_keys_stay_near_half_true(bank_dir: Path, trues: int, warned: bool) -> None:
    # The bank already holds two true items: with these five more, 7 in all.
    add_items(bank_dir, "".join(true_false(f"TF-{n}", n < trues) for n in range(5)))
    share = [p for p in warnings_of(bank_dir)[bank_dir] if p.code == "lint.true_share"]
    assert bool(share) is warned
    if warned:
        assert share[0].params["count"] == trues + 2 and share[0].params["total"] == 7


def test_near_duplicate_stems_in_one_bank_unless_declared_enemies(bank_dir: Path) -> None:
    add_items(
        bank_dir,
        single(
            "D-1",
            "Which gas may an overcharged lead-acid battery give off?",
            ["Hydrogen", "Chlorine", "Neon"],
        )
        + single(
            "D-2",
            "Which gas does a flooded cell release when it is overcharged?",
            ["Hydrogen", "Chlorine", "Neon"],
        ),
    )
    found = warnings_of(bank_dir)[bank_dir]
    [duplicate] = [p for p in found if p.code == "lint.stem_duplicate"]
    assert (duplicate.item_id, duplicate.params["other"]) == ("D-1", "T-009")
    assert duplicate.params["similarity"] >= 80
    assert duplicate.line == line_of(
        bank_dir / "items" / "extra.yaml", "overcharged lead-acid battery give off"
    )
    edit(bank_dir / "bank.yaml", "stimuli:", "enemies:\n  - [T-009, D-1]\nstimuli:")
    assert "lint.stem_duplicate" not in {p.code for p in warnings_of(bank_dir)[bank_dir]}


def test_a_stem_shared_by_two_banks_must_keep_one_difficulty(bank_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "design-1"
    shutil.copytree(bank_dir, other)
    edit(other / "bank.yaml", "certificate: maintenance", "certificate: design")
    edit(
        other / "items" / "all.yaml",
        "- id: T-009\n  type: single\n  competence: F1\n  difficulty: hard",
        "- id: T-009\n  type: single\n  competence: F1\n  difficulty: easy",
    )
    for n in range(1, 11):
        edit(other / "items" / "all.yaml", f"id: T-{n:03d}", f"id: D-{n:03d}")
    found = warnings_of(bank_dir, other)
    here = [p for p in found[bank_dir] if p.code == "lint.stem_duplicate_other_bank"]
    there = [p for p in found[other] if p.code == "lint.stem_duplicate_other_bank"]
    assert [(p.item_id, p.params["other"], p.params["bank"]) for p in here] == [
        ("T-009", "D-009", "design-1")
    ]
    assert [(p.item_id, p.params["difficulty"], p.params["other_difficulty"]) for p in there] == [
        ("D-009", "easy", "hard")
    ]
    figures = lint([bank_dir, other]).figures
    assert figures[bank_dir].duplicate_clusters == figures[other].duplicate_clusters == 10


def test_a_key_that_echoes_the_stem_and_all_of_the_above(bank_dir: Path) -> None:
    add_items(
        bank_dir,
        single(
            "C-1",
            "Which electrolyte additive forms the SEI?",
            ["Vinylene carbonate, an electrolyte additive", "Copper", "Sand"],
        )
        + single(
            "C-2", "Which of these are anode materials?", ["Graphite", "Silicon", "All of the above"], key=2
        ),
    )
    found = warnings_of(bank_dir)[bank_dir]
    assert ("lint.key_repeats_stem", "C-1") in codes(found)
    assert next(p for p in found if p.item_id == "C-1" and p.code == "lint.key_repeats_stem").params == {
        "word": "additive"
    }
    assert next(p for p in found if p.code == "lint.all_or_none_of_the_above").params == {"option": "C"}


def test_a_fifth_of_the_items_work_from_a_scenario(bank_dir: Path) -> None:
    scenario = next(p for p in warnings_of(bank_dir)[bank_dir] if p.code == "lint.scenario_share")
    assert scenario.params == {"count": 1, "total": 10}  # T-004 alone refers to stimulus S1
    assert sentence(scenario.error()).startswith("only 1 of 10 items work from a scenario")
    items = bank_dir / "items" / "all.yaml"
    edit(
        items,
        "  stem: A lead-acid cell has a nominal voltage of 2 V.\n",
        "  stem: A lead-acid cell has a nominal voltage of 2 V.\n  image: images/bank.svg\n",
    )
    assert problems_in(bank_dir) == []
    assert "lint.scenario_share" not in {p.code for p in warnings_of(bank_dir)[bank_dir]}


def test_warnings_are_not_problems_of_the_source(bank_dir: Path) -> None:
    assert problems_in(bank_dir) == []
    assert warnings_of(bank_dir)[bank_dir]


@pytest.mark.parametrize(
    ("x", "degrees", "p"),
    [(3.841, 1, 0.05), (11.345, 3, 0.01), (7.815, 3, 0.05), (0.0, 2, 1.0), (40.0, 3, 1.0655e-8)],
)
def test_chi_square_survival(x: float, degrees: int, p: float) -> None:
    assert _chi_square_survival(x, degrees) == pytest.approx(p, rel=2e-3)


def test_similarity_is_on_words_with_case_and_punctuation_folded() -> None:
    assert (
        similarity(
            stem_words("What is the nominal energy, in kWh?"), stem_words("what is the NOMINAL energy in kwh")
        )
        == 1.0
    )
    assert (
        similarity(stem_words("Match each cathode with its structure"), stem_words("Name the anode binder"))
        < 0.5
    )
