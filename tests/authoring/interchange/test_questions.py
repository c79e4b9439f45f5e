"""Moodle's question model converted: wildcards, several keys, competences from categories and tags."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import DraftBank, DraftCompetence, Outcome, SourceRef
from kiosk.authoring.interchange.questions import Answer, Image, Question, convert, moodle_text_match
from kiosk.domain.errors import Notice
from kiosk.domain.items import Difficulty, Text

SOURCE = SourceRef("q.xml", 3, "Q")


def _choice(*fractions: float, **fields: Any) -> Question:
    question = Question(kind="multichoice", name="Q", line=3, stem=Text("Pick"), **fields)
    question.answers = [
        Answer(Text(f"option {n}"), fraction, f"option {n}") for n, fraction in enumerate(fractions)
    ]
    return question


@pytest.mark.parametrize(
    ("response", "pattern", "case_sensitive", "matches"),
    [
        ("  electrolyte ", "electrolyte", False, True),
        ("Electrolyte", "electrolyte", True, False),
        ("lithium salt", "lithium*", False, True),
        ("a*b", "a\\*b", False, True),
        ("axb", "a\\*b", False, False),
        ("x.y", "x.y", False, True),
        ("xzy", "x.y", False, False),
    ],
)
def test_moodle_short_answer_matching(
    response: str, pattern: str, case_sensitive: bool, matches: bool
) -> None:
    assert moodle_text_match(response, pattern, case_sensitive) is matches


def test_two_fully_right_answers_cannot_make_a_single_answer_item() -> None:
    entry = convert(_choice(1.0, 1.0, 0.0), SOURCE, DraftBank(), ImageStore())
    assert entry.notices == [Notice("interchange.several_keys", count=2)]
    assert convert(_choice(0.0, 0.0), SOURCE, DraftBank(), ImageStore()).notices == [
        Notice("interchange.no_key")
    ]


def test_competence_difficulty_and_level_come_from_category_and_tags() -> None:
    bank = DraftBank()
    question = _choice(1.0, 0.0, category="$course$/top/Grade II/Safety", category_id="R2", tags=["Hard"])
    entry = convert(question, SOURCE, bank, ImageStore())
    assert entry.item is not None
    assert (entry.item.competence, entry.item.difficulty) == ("R2", Difficulty.HARD)
    assert bank.competences == [DraftCompetence("R2", None, Text("Safety"))]
    tagged = _choice(1.0, 0.0, category="$course$/top/Other", tags=["competence:P4", "level=analyse"])
    entry = convert(tagged, SOURCE, bank, ImageStore())
    assert entry.item is not None and (entry.item.competence, entry.item.level) == ("P4", "analyse")
    plain = convert(_choice(1.0, 0.0, category="$course$/top/Default"), SOURCE, bank, ImageStore())
    assert plain.item is not None and plain.item.competence is None


def test_points_images_and_option_images_are_reported() -> None:
    question = _choice(1.0, 0.0, points=2.5, option_images=["B"])
    question.images = [Image("missing.png", None), Image("also.png", None)]
    entry = convert(question, SOURCE, DraftBank(), ImageStore())
    assert entry.outcome is Outcome.CHANGED
    assert entry.notices == [
        Notice("interchange.points_rounded", points=2.5, rounded=3),
        Notice("interchange.image_missing", image="missing.png"),
        Notice("interchange.image_missing", image="also.png"),
        Notice("interchange.option_image", option="B"),
    ]


def test_unknown_and_unconvertible_types_are_refused() -> None:
    for kind in ("calculated", "multianswer", "some_plugin"):
        entry = convert(Question(kind=kind, name="Q", line=1), SOURCE, DraftBank(), ImageStore())
        assert entry.notices == [Notice("interchange.type_not_convertible", kind=kind)]
