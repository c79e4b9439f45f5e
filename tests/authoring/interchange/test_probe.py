"""Scoring checks: probe responses scored by the source and by the kiosk, and the rule that agrees."""

from __future__ import annotations

from kiosk.authoring.interchange.model import DraftItem
from kiosk.authoring.interchange.probe import Unreadable, check_scoring, first_difference, probes
from kiosk.domain.errors import Notice
from kiosk.domain.items import Choice, ItemType, ScoringRule, Text
from kiosk.domain.responses import Response

OPTIONS = tuple(Choice(i, Text(i)) for i in "ABCD")


def test_probes_cover_every_tick_set_and_every_order() -> None:
    multiple = DraftItem(ItemType.MULTIPLE, Text("?"), options=OPTIONS, key=("A", "B"))
    assert len(probes(multiple)) == 15
    ordering = DraftItem(ItemType.ORDERING, Text("?"), options=OPTIONS[:3], key=("C", "A", "B"))
    assert len(probes(ordering)) == 6
    numeric = DraftItem(ItemType.NUMERIC, Text("?"), value=2.0, tolerance=0.1)
    numbers = [float(str(response)) for response in probes(numeric)]
    assert 2.0 in numbers and 2.0999 in numbers and 2.101 in numbers
    short = DraftItem(ItemType.SHORT_TEXT, Text("?"), accepted=("Electrolyte",))
    assert {"Electrolyte", "ELECTROLYTE", "electrolyte"} <= set(map(str, probes(short, ["salt"])))
    assert "salt" in probes(short, ["salt"])


def test_the_rule_that_agrees_with_the_source_is_chosen() -> None:
    ordering = DraftItem(ItemType.ORDERING, Text("?"), options=OPTIONS[:3], key=("A", "B", "C"))

    def positions(response: Response) -> float:
        return sum(1 for a, b in zip(response, "ABC", strict=False) if a == b) / 3

    chosen, notices = check_scoring(ordering, positions)
    assert (chosen.scoring, notices) == (ScoringRule.PARTIAL, [])


def test_a_difference_is_reported_with_the_response_and_both_scores() -> None:
    multiple = DraftItem(
        ItemType.MULTIPLE, Text("?"), options=OPTIONS[:3], key=("A", "B"), scoring=ScoringRule.PARTIAL
    )

    def no_penalty(response: Response) -> float:
        return sum(0.5 for choice in response if choice in "AB")

    difference = first_difference(multiple, no_penalty, probes(multiple))
    assert difference is not None
    _, notices = check_scoring(multiple, no_penalty)
    assert notices == [difference.notice()]
    assert notices[0].code == "interchange.scoring_differs"
    assert set(notices[0].params) == {"response", "source", "kiosk"}
    assert check_scoring(multiple, no_penalty, known=True)[1] == []


def test_a_source_that_cannot_be_evaluated_says_so() -> None:
    single = DraftItem(ItemType.SINGLE, Text("?"), options=OPTIONS[:2], key=("A",))

    def unreadable(response: Response) -> float:
        raise Unreadable("qti-random")

    assert check_scoring(single, unreadable)[1] == [Notice("interchange.scoring_unread", what="qti-random")]
