"""Drafts: outcomes follow from the notices, competences merge, and unnamed questions get a short name."""

from __future__ import annotations

from kiosk.authoring.interchange.model import (
    Converted,
    DraftBank,
    DraftCompetence,
    DraftItem,
    Outcome,
    SourceRef,
    refused,
    short_name,
)
from kiosk.domain.errors import Notice
from kiosk.domain.items import Area, ItemType, ScoringRule, Text

SOURCE = SourceRef("quiz.xml", 12, "Q1")


def test_the_outcome_follows_from_the_item_and_its_notices() -> None:
    draft = DraftItem(ItemType.TRUE_FALSE, Text("Cells age."), key=("true",))
    assert Converted(SOURCE, draft).outcome is Outcome.EXACT
    assert Converted(SOURCE, draft, [Notice("interchange.feedback_dropped")]).outcome is Outcome.CHANGED
    refusal = refused(SOURCE, "interchange.type_not_convertible", kind="essay")
    assert refusal.outcome is Outcome.NOT_CONVERTIBLE
    assert refusal.notices == [Notice("interchange.type_not_convertible", kind="essay")]
    assert SOURCE.where == "quiz.xml:12" and SourceRef("a.gift", 0, "x").where == "a.gift"


def test_a_draft_scores_like_the_item_it_will_become() -> None:
    draft = DraftItem(ItemType.MULTIPLE, Text("Pick"), key=("A",), scoring=ScoringRule.PARTIAL)
    item = draft.scoring_item()
    assert (item.type, item.key, item.scoring) == (ItemType.MULTIPLE, ("A",), ScoringRule.PARTIAL)
    assert item.points == 1
    assert draft.with_rule(ScoringRule.ALL_OR_NOTHING).scoring is ScoringRule.ALL_OR_NOTHING


def test_a_later_mention_of_a_competence_fills_in_what_was_missing() -> None:
    bank = DraftBank()
    bank.competence(DraftCompetence("F1"))
    bank.competence(DraftCompetence("P1", Area.PRACTICAL))
    bank.competence(DraftCompetence("F1", Area.FOUNDATIONAL, Text("Materials")))
    bank.competence(DraftCompetence("F1", None, Text("Other title")))
    assert bank.competences == [
        DraftCompetence("F1", Area.FOUNDATIONAL, Text("Materials")),
        DraftCompetence("P1", Area.PRACTICAL),
    ]


def test_a_short_name_is_cut_at_a_word() -> None:
    assert short_name("Which   foil?") == "Which foil?"
    assert short_name("word " * 20, 12) == "word word…"
