"""Unknown keys are mistakes, not silence: each is an error at its line, naming the key most likely meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.schema import ANY_ITEM_KEYS, BLUEPRINT_KEYS, suggestion
from kiosk.authoring.source import load_bank_dir
from tests.authoring.source_edits import edit, has, problems_in, read

ITEMS = Path("items") / "all.yaml"


@pytest.mark.parametrize(
    ("file", "old", "new", "key", "meant", "item"),
    [
        # Each of these was read without a word: no tolerance, no area rules, no diagram, no Chinese.
        (ITEMS, "tolerance: 0.05", "tolerence: 0.1", "tolerence", "tolerance", "T-004"),
        (Path("bank.yaml"), "area_minimums:", "area_minimum:", "area_minimum", "area_minimums", None),
        (ITEMS, "stimulus: S1", "stimlus: S1", "stimlus", "stimulus", "T-004"),
        (ITEMS, "stem_zh: LFP 代表什么？", "stem_cn: LFP 代表什么？", "stem_cn", "stem_zh", "T-001"),
        (
            ITEMS,
            "{id: A, text: Lithium iron phosphate, text_zh:",
            "{id: A, text: Lithium iron phosphate, txt_zh:",
            "txt_zh",
            "text_zh",
            "T-001",
        ),
        (
            Path("bank.yaml"),
            "title_zh: 储能维护 I 级",
            "title_cn: 储能维护 I 级",
            "title_cn",
            "title_zh",
            None,
        ),
        (
            Path("bank.yaml"),
            "{competence: F1, count: 3}",
            "{competence: F1, count: 3, dificulty: easy}",
            "dificulty",
            "difficulty",
            None,
        ),
        (
            Path("bank.yaml"),
            "{id: F1, area: foundational,",
            "{id: F1, aera: foundational, area: foundational,",
            "aera",
            "area",
            None,
        ),
        (Path("bank.yaml"), "    image: images/bank.svg", "    imag: images/bank.svg", "imag", "image", None),
    ],
)
def test_a_misspelt_key_is_an_error_that_names_the_key_meant(
    bank_dir: Path, file: Path, old: str, new: str, key: str, meant: str, item: str | None
) -> None:
    edit(bank_dir / file, old, new)
    problems = problems_in(bank_dir)
    assert has(problems, "source.key_unknown", item, key=key, suggestion=meant)
    [problem] = [p for p in problems if p.code == "source.key_unknown"]
    lines = (bank_dir / file).read_text(encoding="utf-8").splitlines()
    assert (problem.path, problem.item_id) == (bank_dir / file, item)
    assert problem.line == next(number for number, line in enumerate(lines, 1) if f"{key}:" in line)
    assert read(problem).endswith(f"'{key}' is not a key here; did you mean '{meant}'?")


def test_a_misspelt_tolerance_no_longer_builds_with_tolerance_zero(bank_dir: Path) -> None:
    edit(bank_dir / ITEMS, "tolerance: 0.05", "tolerence: 0.05")
    with pytest.raises(Exception, match=r"^bank\.source_invalid\b"):
        load_bank_dir(bank_dir)


def test_a_key_of_another_item_type_is_named_as_such(bank_dir: Path) -> None:
    edit(
        bank_dir / ITEMS,
        "  answer: A\n  rationale: LFP is LiFePO4.",
        "  answer: A\n  tolerance: 0.1\n  rationale: x",
    )
    problems = problems_in(bank_dir)
    assert has(problems, "source.key_not_for_type", "T-001", key="tolerance", type="single")
    assert any(
        read(p).endswith("'tolerance' is not used by a single item; remove it or correct the type")
        for p in problems
    )


def test_scoring_belongs_to_items_with_parts_only(bank_dir: Path) -> None:
    edit(
        bank_dir / ITEMS,
        "  type: true_false\n  competence: F1",
        "  type: true_false\n  scoring: partial\n  competence: F1",
    )
    assert has(problems_in(bank_dir), "source.key_not_for_type", "T-003", key="scoring", type="true_false")


def test_a_key_like_nothing_known_lists_the_keys_of_its_place(bank_dir: Path) -> None:
    edit(bank_dir / "bank.yaml", "blueprint:\n", "blueprint:\n  colour: red\n")
    [problem] = [p for p in problems_in(bank_dir) if p.code == "source.key_unknown_here"]
    assert (problem.params["key"], problem.line) == ("colour", 11)
    known = str(problem.params["known"]).split(", ")
    assert known == sorted(known) and set(BLUEPRINT_KEYS) <= set(known)


def test_the_new_optional_keys_are_known(bank_dir: Path) -> None:
    edit(
        bank_dir / "bank.yaml",
        "  pass_mark: 60\n",
        "  pass_mark: 60\n  pass_mark_rationale: Cut score by Angoff.\n",
    )
    edit(bank_dir / "bank.yaml", "stimuli:", "enemies:\n  - [T-008, T-009]\nstimuli:")
    edit(
        bank_dir / ITEMS,
        "  difficulty: easy\n  stem: What does LFP",
        "  difficulty: easy\n  level: remember\n  stem: What does LFP",
    )
    assert problems_in(bank_dir) == []


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("stem_cn", "stem_zh"),
        ("Stem", "stem"),
        ("rationale-chinese", "rationale_zh"),
        ("answers", "answer"),
        ("colour", None),
    ],
)
def test_suggestion(key: str, meant: str | None) -> None:
    assert suggestion(key, ANY_ITEM_KEYS) == meant
