"""Item credit against hand calculations, and attempt totals, breakdowns and the pass decision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from kiosk.domain.errors import BankError, InputError, RuleError
from kiosk.domain.forms import Form, FormItem, assemble_form
from kiosk.domain.items import Area, Bank, Choice, Draw, Item, ItemType, ScoringRule, Text
from kiosk.domain.responses import Response
from kiosk.domain.scoring import BankScorer, Result, Subscore, score_attempt, score_item
from kiosk.messages import sentence


def score(bank: Bank, item_id: str, response: object) -> float:
    return score_item(bank.item(item_id), response)


# --- items ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item_id", "response", "points"),
    [
        ("SGL", "B", 1.0),
        ("SGL", "A", 0.0),
        ("TF", "false", 1.0),
        ("TF", "true", 0.0),
        ("TF", False, 1.0),
        # MUL: 3 points, key A C D, partial: 3 x (right - wrong) / 3
        ("MUL", ["A", "C", "D"], 3.0),
        ("MUL", ["D", "C", "A", "A"], 3.0),
        ("MUL", ["A", "C"], 2.0),
        ("MUL", ["A"], 1.0),
        ("MUL", ["A", "B", "C"], 1.0),
        ("MUL", ["A", "B", "C", "D", "E"], 1.0),
        ("MUL", ["A", "B"], 0.0),
        ("MUL", ["A", "B", "E"], 0.0),  # 1 - 2 < 0, floored
        ("MUL", ["B", "E"], 0.0),
        # MUL-AON: key A C, all or nothing
        ("MUL-AON", ["C", "A"], 1.0),
        ("MUL-AON", ["A"], 0.0),
        ("MUL-AON", ["A", "B", "C"], 0.0),
        # NUM: 2.5 +/- 0.05
        ("NUM", "2.5", 1.0),
        ("NUM", "2,5", 1.0),
        ("NUM", "2.55", 1.0),
        ("NUM", "2.45", 1.0),
        ("NUM", "2.56", 0.0),
        ("NUM", "2.4", 0.0),
        ("NUM", "-2.5", 0.0),
        # ORD: 4 points, key C A D B, partial: 4 x positions right / 4
        ("ORD", ["C", "A", "D", "B"], 4.0),
        ("ORD", ["C", "A", "B", "D"], 2.0),
        ("ORD", ["A", "C", "D", "B"], 2.0),
        ("ORD", ["C", "B", "A", "D"], 1.0),
        ("ORD", ["B", "D", "A", "C"], 0.0),
        # ORD-AON: key B C A
        ("ORD-AON", ["B", "C", "A"], 1.0),
        ("ORD-AON", ["B", "A", "C"], 0.0),
        # MAT: 3 points, 1-B 2-A 3-C, partial: 3 x premises right / 3
        ("MAT", {"1": "B", "2": "A", "3": "C"}, 3.0),
        ("MAT", {"1": "B", "2": "A"}, 2.0),
        ("MAT", {"1": "B", "2": "B", "3": "B"}, 1.0),
        ("MAT", {"1": "D", "2": "D", "3": "D"}, 0.0),
        # MAT-AON: 1-C 2-A
        ("MAT-AON", {"1": "C", "2": "A"}, 1.0),
        ("MAT-AON", {"1": "C"}, 0.0),
        ("MAT-AON", {"1": "C", "2": "B"}, 0.0),
        # TXT: electrolyte | the Electrolyte
        ("TXT", "electrolyte", 1.0),
        ("TXT", "  The   ELECTROLYTE. ", 1.0),
        ("TXT", "Électrolyte!", 1.0),
        ("TXT", "electrolytes", 0.0),
        ("TXT", "an electrolyte", 0.0),
        ("TXT-ZH", "电解液", 1.0),
        ("TXT-ZH", " 电解液。", 1.0),
        ("TXT-ZH", "电解质", 0.0),
    ],
)
def test_item_credit_matches_hand_calculation(
    bank: Bank, item_id: str, response: object, points: float
) -> None:
    assert score(bank, item_id, response) == pytest.approx(points, abs=1e-12)


@pytest.mark.parametrize(
    ("item_id", "empty"),
    [("SGL", ""), ("MUL", []), ("TF", ""), ("NUM", ""), ("ORD", []), ("MAT", {}), ("TXT", "   ")],
)
def test_unanswered_scores_zero(bank: Bank, item_id: str, empty: object) -> None:
    assert score(bank, item_id, None) == 0.0
    assert score(bank, item_id, empty) == 0.0


def test_numeric_answer_on_the_tolerance_edge_is_right_despite_float_error(bank: Bank) -> None:
    # 0.4 - 0.3 is 0.10000000000000003 in binary floating point: without the slack this would be wrong.
    assert abs(0.4 - 0.3) > 0.1
    assert score(bank, "NUM-EDGE", "0.4") == 1.0
    assert score(bank, "NUM-EDGE", "0.2") == 1.0
    assert score(bank, "NUM-EDGE", "0.4001") == 0.0
    assert score(bank, "NUM-EDGE", "0.1999") == 0.0


def test_exact_numeric_answer_with_zero_tolerance(item_factory: Callable[..., Item]) -> None:
    item = item_factory("Z", ItemType.NUMERIC, value=48.0, tolerance=0.0)
    assert score_item(item, "48") == 1.0
    assert score_item(item, "48.000001") == 0.0


def test_partial_rule_on_a_single_choice_item_still_needs_the_key(item_factory: Callable[..., Item]) -> None:
    item = item_factory(
        "S", ItemType.SINGLE, scoring=ScoringRule.PARTIAL, options=_choices("A", "B"), key=("A",)
    )
    assert score_item(item, "A") == 1.0
    assert score_item(item, "B") == 0.0


def test_credit_scales_with_item_points(item_factory: Callable[..., Item]) -> None:
    item = item_factory(
        "O5",
        ItemType.ORDERING,
        points=5,
        scoring=ScoringRule.PARTIAL,
        options=_choices(*"ABCDE"),
        key=tuple("ABCDE"),
    )
    assert score_item(item, list("ABCED")) == pytest.approx(3.0)


def test_a_response_that_does_not_fit_the_item_raises_rather_than_scoring_zero(bank: Bank) -> None:
    with pytest.raises(InputError, match=r"^response\.unknown_option\b.*choice=Z"):
        score(bank, "SGL", "Z")


# --- subscores ------------------------------------------------------------------------------------------


def test_subscore_percent() -> None:
    assert Subscore(3.0, 6.0).percent == 50.0
    assert Subscore(0.0, 0.0).percent == 0.0


# --- attempts -------------------------------------------------------------------------------------------

PARTIAL_RESPONSES: dict[str, Response] = {
    "SGL": "B",  # 1 of 1
    "MUL": ["A", "C"],  # 2 of 3
    "TF": "true",  # 0 of 1
    "NUM": "2,5",  # 1 of 1
    "ORD": ["C", "A", "B", "D"],  # 2 of 4
    "MAT": {"1": "B", "2": "A"},  # 2 of 3
    "TXT": "The electrolyte!",  # 1 of 1
}

FULL_RESPONSES: dict[str, Response] = {
    "SGL": "B",
    "MUL": ["A", "C", "D"],
    "MUL-AON": ["A", "C"],
    "TF": "false",
    "NUM": "2.5",
    "NUM-EDGE": "0.3",
    "ORD": ["C", "A", "D", "B"],
    "ORD-AON": ["B", "C", "A"],
    "MAT": {"1": "B", "2": "A", "3": "C"},
    "MAT-AON": {"1": "C", "2": "A"},
    "TXT": "electrolyte",
    "TXT-ZH": "电解液",
}


def test_a_full_attempt_scores_every_point(bank: Bank) -> None:
    result = score_attempt(bank, assemble_form(bank, 1), FULL_RESPONSES)
    assert (result.earned, result.possible, result.percent, result.passed) == (19.0, 19.0, 100.0, True)
    assert result.failed_areas == ()


def test_a_partial_attempt_adds_up_by_competence_and_area(bank: Bank) -> None:
    result = score_attempt(bank, assemble_form(bank, 1), PARTIAL_RESPONSES)
    assert result.earned == pytest.approx(9.0)
    assert result.possible == 19.0
    assert result.percent == pytest.approx(900 / 19)
    assert result.passed is False
    by_competence = {key: (value.earned, value.possible) for key, value in result.by_competence.items()}
    assert by_competence == {"F1": (3.0, 6.0), "P1": (3.0, 7.0), "R1": (3.0, 6.0)}
    assert list(result.by_area) == [Area.FOUNDATIONAL, Area.PRACTICAL, Area.REFLEXIVE]
    assert result.by_area[Area.PRACTICAL].percent == pytest.approx(300 / 7)


def test_every_form_item_has_a_score_and_unanswered_ones_score_zero(bank: Bank) -> None:
    form = assemble_form(bank, 1)
    result = score_attempt(bank, form, PARTIAL_RESPONSES)
    assert set(result.item_scores) == set(form.item_ids)
    assert result.item_scores["MUL"] == pytest.approx(2.0)
    assert result.item_scores["ORD-AON"] == 0.0
    assert list(result.item_scores) == list(form.item_ids)


def test_reaching_the_pass_mark_exactly_passes_despite_float_error(
    bank_factory: Callable[..., Bank], item_factory: Callable[..., Item]
) -> None:
    items = tuple(
        item_factory(
            f"O{n}",
            ItemType.ORDERING,
            scoring=ScoringRule.PARTIAL,
            options=_choices(*"ABCDE"),
            key=tuple("ABCDE"),
        )
        for n in range(3)
    )
    bank = bank_factory(items, pass_mark=60.0)
    responses: dict[str, Response] = {item.id: list("ABCED") for item in items}  # 3 of 5 right each: 60 %
    result = score_attempt(bank, assemble_form(bank, 1), responses)
    assert result.percent < 60.0  # 59.99999999999999 in floating point
    assert result.passed is True
    assert result.to_dict()["percent"] == 60.0


def test_just_below_the_pass_mark_fails(bank_factory: Callable[..., Bank]) -> None:
    below = bank_factory(pass_mark=47.4)
    above = bank_factory(pass_mark=47.3)
    assert score_attempt(below, assemble_form(below, 1), PARTIAL_RESPONSES).passed is False  # 47.37 %
    assert score_attempt(above, assemble_form(above, 1), PARTIAL_RESPONSES).passed is True


def test_an_unmet_area_minimum_fails_a_candidate_above_the_pass_mark(
    bank_factory: Callable[..., Bank],
) -> None:
    bank = bank_factory(pass_mark=40.0, area_minimums=((Area.PRACTICAL, 50.0), (Area.REFLEXIVE, 50.0)))
    result = score_attempt(bank, assemble_form(bank, 1), PARTIAL_RESPONSES)
    assert result.percent > 40.0
    assert result.failed_areas == (Area.PRACTICAL,)  # 42.86 % practical; reflexive is exactly 50 %
    assert result.passed is False


def test_met_area_minimums_pass(bank_factory: Callable[..., Bank]) -> None:
    bank = bank_factory(pass_mark=40.0, area_minimums=((Area.PRACTICAL, 42.0), (Area.FOUNDATIONAL, 50.0)))
    result = score_attempt(bank, assemble_form(bank, 1), PARTIAL_RESPONSES)
    assert result.failed_areas == ()
    assert result.passed is True


def test_an_area_minimum_for_an_area_not_on_the_form_is_not_met(
    bank_factory: Callable[..., Bank], bank: Bank
) -> None:
    foundational_only = bank_factory(
        tuple(item for item in bank.items if item.competence == "F1"),
        area_minimums=((Area.PRACTICAL, 10.0),),
    )
    responses = {
        key: value for key, value in FULL_RESPONSES.items() if key in {"SGL", "MUL", "MUL-AON", "TF"}
    }
    result = score_attempt(foundational_only, assemble_form(foundational_only, 1), responses)
    assert result.percent == 100.0
    assert result.failed_areas == (Area.PRACTICAL,)
    assert result.passed is False
    assert Area.PRACTICAL not in result.by_area


def test_result_to_dict_rounds_for_display_only(bank: Bank) -> None:
    result = score_attempt(bank, assemble_form(bank, 1), PARTIAL_RESPONSES)
    data = result.to_dict()
    assert data["percent"] == 47.37
    assert data["earned"] == 9.0
    assert data["passed"] is False
    assert data["failed_areas"] == []
    assert data["by_area"] == {
        "foundational": {"earned": 3.0, "possible": 6.0, "percent": 50.0},
        "practical": {"earned": 3.0, "possible": 7.0, "percent": 42.86},
        "reflexive": {"earned": 3.0, "possible": 6.0, "percent": 50.0},
    }
    assert data["by_competence"]["P1"] == {"earned": 3.0, "possible": 7.0, "percent": 42.86}
    assert data["item_scores"]["MUL"] == 2.0
    assert result.percent == pytest.approx(47.368421, abs=1e-6)  # the object keeps full precision


def test_failed_areas_appear_in_the_dict(bank_factory: Callable[..., Bank]) -> None:
    bank = bank_factory(area_minimums=((Area.PRACTICAL, 50.0),))
    data = score_attempt(bank, assemble_form(bank, 1), PARTIAL_RESPONSES).to_dict()
    assert data["failed_areas"] == ["practical"]


def test_scoring_against_another_bank_version_is_refused(bank: Bank) -> None:
    form = assemble_form(bank, 1)
    newer = replace(bank, version=4)
    with pytest.raises(RuleError) as caught:
        score_attempt(newer, form, {})
    assert caught.value.code == "score.wrong_bank"
    assert caught.value.params == {
        "form_bank": "maintenance-2",
        "form_version": 3,
        "bank": "maintenance-2",
        "version": 4,
    }
    assert sentence(caught.value) == (
        "This form was drawn from bank maintenance-2 version 3, "
        "so it cannot be scored against bank maintenance-2 version 4."
    )


def test_responses_for_items_off_the_form_are_refused(bank: Bank) -> None:
    form = Form(bank.bank_id, bank.version, 1, (FormItem("SGL"),))
    with pytest.raises(InputError) as caught:
        score_attempt(bank, form, {"SGL": "B", "TF": "true"})
    assert (caught.value.code, caught.value.params) == ("score.item_not_on_form", {"item": "TF"})


def test_a_form_item_missing_from_the_bank_is_a_bank_error(bank: Bank) -> None:
    form = Form(bank.bank_id, bank.version, 1, (FormItem("GONE"),))
    with pytest.raises(BankError) as caught:
        score_attempt(bank, form, {})
    assert caught.value.code == "score.item_not_in_bank"
    assert caught.value.params == {"bank": "maintenance-2", "version": 3, "item": "GONE"}


def test_an_item_with_an_unknown_competence_is_a_bank_error(
    bank_factory: Callable[..., Bank], item_factory: Callable[..., Item]
) -> None:
    stray = item_factory("ODD", ItemType.TRUE_FALSE, competence="Q7", key=("true",))
    bank = bank_factory((stray,), draws=(Draw("Q7", 1),))
    with pytest.raises(BankError) as caught:
        score_attempt(bank, assemble_form(bank, 1), {})
    assert caught.value.code == "score.competence_not_in_bank"
    assert caught.value.params == {"item": "ODD", "competence": "Q7", "bank": "maintenance-2"}


def test_result_is_a_plain_value(bank: Bank) -> None:
    first = score_attempt(bank, assemble_form(bank, 1), PARTIAL_RESPONSES)
    second = score_attempt(bank, assemble_form(bank, 2), PARTIAL_RESPONSES)
    assert isinstance(first, Result)
    assert first.to_dict()["by_area"] == second.to_dict()["by_area"]


def _choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(choice_id, Text(choice_id)) for choice_id in ids)


# --- many attempts on one bank ---------------------------------------------------------------------------


def test_a_bank_scorer_scores_many_attempts_as_each_alone(bank: Bank) -> None:
    scorer = BankScorer(bank)
    answers: list[dict[str, Response]] = [
        FULL_RESPONSES,
        PARTIAL_RESPONSES,
        {},
        {**FULL_RESPONSES, "SGL": "A", "TF": "true", "TXT": "water"},
        {**PARTIAL_RESPONSES, "TF": False, "NUM": "2.50"},  # type: ignore[dict-item]  # a kiosk's boolean
        FULL_RESPONSES,
    ]
    for seed, responses in enumerate(answers * 2, start=1):
        form = assemble_form(bank, seed)
        # The second time round every text answer's points are remembered ones.
        assert scorer.score(form, responses) == score_attempt(bank, form, responses)


def test_a_bank_scorer_remembers_only_what_it_has_room_for(bank: Bank) -> None:
    scorer = BankScorer(bank)
    scorer.MEMORY = 3
    form = assemble_form(bank, 1)
    for _ in range(2):
        assert scorer.score(form, FULL_RESPONSES) == score_attempt(bank, form, FULL_RESPONSES)
    assert scorer._remembered == 3


def test_a_bank_scorer_raises_what_scoring_item_by_item_meets_first(bank: Bank) -> None:
    scorer = BankScorer(bank)
    form = Form(bank.bank_id, bank.version, 1, (FormItem("SGL"), FormItem("GONE")))
    for _ in range(2):  # an answer that does not fit is never remembered
        with pytest.raises(InputError, match=r"^response\.unknown_option\b"):
            scorer.score(form, {"SGL": "Z"})
    with pytest.raises(BankError) as caught:
        scorer.score(form, {"SGL": "B"})
    assert caught.value.code == "score.item_not_in_bank"
