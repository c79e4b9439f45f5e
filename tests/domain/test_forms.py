"""Form assembly from a blueprint: determinism, draw rules, layouts, and the stored form."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import replace

import pytest

from kiosk.domain.errors import InputError, RuleError
from kiosk.domain.forms import Form, FormItem, assemble_form, draw_order, new_seed
from kiosk.domain.items import Bank, Choice, CognitiveLevel, Difficulty, Draw, ItemType, Text
from kiosk.messages import sentence

SEEDS = range(60)

# Pinned output for one seed. If this changes, every form recorded so far would replay differently at the
# registry: a change here is a compatibility break, not a test to update.
EXPECTED_FORM = Form(
    bank_id="maintenance-2",
    bank_version=3,
    seed=20250602,
    items=(
        FormItem("P1-02", ("A", "B", "C", "D")),
        FormItem("F1-03", ("C", "B", "A", "D")),
        FormItem("F1-04", ("A", "C", "B", "D")),
        FormItem("P1-03", ("D", "C", "A", "B")),
        FormItem("F1-05", ("D", "A", "B", "C")),
        FormItem("R1-01", ("A", "D", "C", "B"), ("1", "2", "3")),
        FormItem("F1-06", ("A", "D", "B", "C")),
    ),
)


def test_a_fixed_seed_gives_the_pinned_form(pool_bank: Bank) -> None:
    assert assemble_form(pool_bank, 20250602) == EXPECTED_FORM


def test_the_same_seed_gives_the_same_form_and_another_seed_another(pool_bank: Bank) -> None:
    assert assemble_form(pool_bank, 99) == assemble_form(pool_bank, 99)
    assert assemble_form(pool_bank, 99).items != assemble_form(pool_bank, 100).items


def test_the_form_does_not_depend_on_the_order_items_were_loaded(pool_bank: Bank) -> None:
    reversed_bank = replace(pool_bank, items=tuple(reversed(pool_bank.items)))
    shuffled_bank = replace(
        pool_bank, items=tuple(random.Random(5).sample(pool_bank.items, len(pool_bank.items)))
    )
    assert assemble_form(reversed_bank, 20250602) == EXPECTED_FORM
    assert assemble_form(shuffled_bank, 20250602) == EXPECTED_FORM


def test_the_global_random_generator_is_neither_used_nor_disturbed(
    pool_bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = random.getstate()

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the global random generator was used")

    for name in ("random", "shuffle", "sample", "choice", "randrange", "randint", "getrandbits"):
        monkeypatch.setattr(random, name, forbidden)
    assert assemble_form(pool_bank, 20250602) == EXPECTED_FORM
    assert random.getstate() == state


def test_the_form_records_bank_and_seed(pool_bank: Bank) -> None:
    form = assemble_form(pool_bank, 42)
    assert (form.bank_id, form.bank_version, form.seed) == ("maintenance-2", 3, 42)


@pytest.mark.parametrize("seed", SEEDS)
def test_each_draw_takes_its_count_of_distinct_items_of_its_kind(pool_bank: Bank, seed: int) -> None:
    bank = replace(pool_bank, blueprint=replace(pool_bank.blueprint, shuffle_items=False))
    form = assemble_form(bank, seed)
    items = [bank.item(item_id) for item_id in form.item_ids]
    assert len(set(form.item_ids)) == len(items) == bank.blueprint.item_count == 7
    assert all(item.competence == "F1" and item.difficulty is Difficulty.HARD for item in items[:2])
    assert [item.competence for item in items[2:]] == ["F1", "F1", "P1", "P1", "R1"]


def test_a_later_draw_never_repeats_an_earlier_one(
    bank_factory: Callable[..., Bank], pool_bank: Bank
) -> None:
    # 3 hard F1 items, then all 3 remaining F1 items: the second draw is only satisfiable without repeats.
    bank = bank_factory(pool_bank.items, (Draw("F1", 3, Difficulty.HARD), Draw("F1", 3)))
    for seed in SEEDS:
        assert sorted(assemble_form(bank, seed).item_ids) == [f"F1-0{n}" for n in range(1, 7)]


def test_an_unsatisfiable_draw_raises_naming_the_draw(
    bank_factory: Callable[..., Bank], pool_bank: Bank
) -> None:
    bank = bank_factory(pool_bank.items, (Draw("F1", 4, Difficulty.HARD),))
    with pytest.raises(RuleError) as caught:
        assemble_form(bank, 1)
    assert caught.value.code == "form.draw_unfillable_difficulty"
    assert caught.value.params == {
        "draw": 1,
        "competence": "F1",
        "difficulty": "hard",
        "count": 4,
        "left": 3,
        "bank": "maintenance-2",
        "version": 3,
    }
    assert sentence(caught.value) == (
        "Blueprint draw 1 (competence F1, hard) of bank maintenance-2 version 3 cannot be filled: "
        "it asks for 4 item(s) but 3 such item(s) remain undrawn; add items or lower the count."
    )


def test_draws_naming_a_difficulty_are_filled_before_general_ones(
    bank_factory: Callable[..., Bank], pool_bank: Bank
) -> None:
    # Any 2 of 6 F1 items, then 2 of the 3 hard ones: drawn in written order this would fail whenever the
    # general draw took two hard items; the hard draw goes first, so every seed gives a valid form.
    bank = bank_factory(pool_bank.items, (Draw("F1", 2), Draw("F1", 2, Difficulty.HARD)))
    for seed in SEEDS:
        form = assemble_form(bank, seed)
        assert len(form.item_ids) == 4
        assert sum(bank.item(item_id).difficulty is Difficulty.HARD for item_id in form.item_ids) >= 2


def test_a_draw_for_a_competence_without_items_raises(
    bank_factory: Callable[..., Bank], pool_bank: Bank
) -> None:
    bank = bank_factory(pool_bank.items, (Draw("X9", 1),))
    with pytest.raises(RuleError, match=r"^form\.draw_unfillable\b") as caught:
        assemble_form(bank, 1)
    assert (caught.value.params["draw"], caught.value.params["competence"]) == (1, "X9")
    assert caught.value.params["left"] == 0


def test_the_total_pool_running_out_raises(bank_factory: Callable[..., Bank], pool_bank: Bank) -> None:
    bank = bank_factory(pool_bank.items, (Draw("R1", 3), Draw("R1", 1)))
    with pytest.raises(RuleError, match=r"^form\.draw_unfillable\b") as caught:
        assemble_form(bank, 1)
    assert (caught.value.params["count"], caught.value.params["left"]) == (1, 0)


def test_a_negative_count_raises(bank_factory: Callable[..., Bank], pool_bank: Bank) -> None:
    bank = bank_factory(pool_bank.items, (Draw("R1", -1),))
    with pytest.raises(RuleError, match=r"^form\.draw_count_negative\b") as caught:
        assemble_form(bank, 1)
    assert sentence(caught.value) == (
        "Blueprint draw 1 (competence R1) of bank maintenance-2 version 3 asks for -1 items; "
        "a draw needs a count of 0 or more."
    )


def test_items_are_shuffled_when_the_blueprint_asks(pool_bank: Bank) -> None:
    orders = {assemble_form(pool_bank, seed).item_ids for seed in SEEDS}
    competence_orders = {tuple(item_id[:2] for item_id in order) for order in orders}
    assert len(competence_orders) > 1


def test_items_keep_draw_order_when_shuffle_items_is_off(
    bank_factory: Callable[..., Bank], pool_bank: Bank
) -> None:
    bank = bank_factory(pool_bank.items, (Draw("R1", 1), Draw("P1", 1), Draw("F1", 1)), shuffle_items=False)
    for seed in SEEDS:
        assert [item_id[:2] for item_id in assemble_form(bank, seed).item_ids] == ["R1", "P1", "F1"]


def test_options_are_shuffled_permutations(bank: Bank) -> None:
    orders: dict[str, set[tuple[str, ...]]] = {"SGL": set(), "MUL": set(), "MAT": set()}
    for seed in SEEDS:
        form = assemble_form(bank, seed)
        for item_id, seen in orders.items():
            layout = form.item(item_id)
            item = bank.item(item_id)
            assert sorted(layout.option_order) == sorted(choice.id for choice in item.options)
            seen.add(layout.option_order)
    assert all(len(seen) > 1 for seen in orders.values())


def test_options_keep_authored_order_when_shuffle_options_is_off(bank_factory: Callable[..., Bank]) -> None:
    bank = bank_factory(shuffle_options=False)
    form = assemble_form(bank, 3)
    assert form.item("SGL").option_order == ("A", "B", "C", "D")
    assert form.item("MUL").option_order == ("A", "B", "C", "D", "E")
    assert form.item("MAT").option_order == ("A", "B", "C", "D")


def test_matching_premises_keep_their_authored_order(bank: Bank) -> None:
    for seed in SEEDS:
        assert assemble_form(bank, seed).item("MAT").premise_order == ("1", "2", "3")


def test_items_without_options_have_no_layout(bank: Bank) -> None:
    form = assemble_form(bank, 3)
    for item_id in ("TF", "NUM", "TXT"):
        assert form.item(item_id) == FormItem(item_id)


@pytest.mark.parametrize("shuffle_options", [True, False])
def test_ordering_items_never_start_in_the_key_order(
    bank_factory: Callable[..., Bank], item_factory: Callable[..., object], shuffle_options: bool
) -> None:
    pair = item_factory("PAIR", ItemType.ORDERING, options=_choices("A", "B"), key=("A", "B"))
    three = item_factory("THREE", ItemType.ORDERING, options=_choices("A", "B", "C"), key=("A", "B", "C"))
    bank = bank_factory((pair, three), shuffle_options=shuffle_options)
    starts: set[tuple[str, ...]] = set()
    for seed in range(200):
        form = assemble_form(bank, seed)
        assert form.item("PAIR").option_order == ("B", "A")
        assert form.item("THREE").option_order != ("A", "B", "C")
        assert sorted(form.item("THREE").option_order) == ["A", "B", "C"]
        starts.add(form.item("THREE").option_order)
    assert len(starts) == 5  # every order but the key turns up


def test_a_single_element_ordering_item_is_left_as_it_is(
    bank_factory: Callable[..., Bank], item_factory: Callable[..., object]
) -> None:
    lone = item_factory("LONE", ItemType.ORDERING, options=_choices("A"), key=("A",))
    assert assemble_form(bank_factory((lone,)), 1).item("LONE").option_order == ("A",)


def test_item_lookup_on_a_form(pool_bank: Bank) -> None:
    form = assemble_form(pool_bank, 20250602)
    assert form.item_ids == ("P1-02", "F1-03", "F1-04", "P1-03", "F1-05", "R1-01", "F1-06")
    assert form.item("R1-01").premise_order == ("1", "2", "3")
    with pytest.raises(KeyError):
        form.item("F1-01")


def test_form_round_trips_through_json() -> None:
    text = json.dumps(EXPECTED_FORM.to_dict())
    assert Form.from_dict(json.loads(text)) == EXPECTED_FORM


def test_form_dict_shape() -> None:
    data = Form("design-1", 2, 7, (FormItem("D1", ("B", "A")), FormItem("D2"))).to_dict()
    assert data == {
        "bank_id": "design-1",
        "bank_version": 2,
        "seed": 7,
        "items": [
            {"item_id": "D1", "option_order": ["B", "A"], "premise_order": []},
            {"item_id": "D2", "option_order": [], "premise_order": []},
        ],
    }


@pytest.mark.parametrize(
    ("change", "code", "params", "message"),
    [
        ({"items": None}, "form.items_not_list", {}, "Form data must hold a list of items under 'items'."),
        (
            {"items": ["D1"]},
            "form.item_not_map",
            {"position": 1},
            "Form item 1 must be a map with an 'item_id'.",
        ),
        (
            {"items": [{"item_id": 5}]},
            "form.item_id_not_text",
            {"position": 1},
            "The form item 1 must have 'item_id' as text.",
        ),
        (
            {"items": [{"item_id": "D1", "option_order": "AB"}]},
            "form.item_field_not_ids",
            {"position": 1, "field": "option_order"},
            "Form item 1 must have 'option_order' as a list of ids.",
        ),
        (
            {"items": [{"item_id": "D1", "premise_order": [1]}]},
            "form.item_field_not_ids",
            {"position": 1, "field": "premise_order"},
            "Form item 1 must have 'premise_order' as a list of ids.",
        ),
        (
            {"seed": "7"},
            "form.field_not_number",
            {"field": "seed"},
            "The form must have 'seed' as a whole number.",
        ),
        (
            {"seed": True},
            "form.field_not_number",
            {"field": "seed"},
            "The form must have 'seed' as a whole number.",
        ),
        (
            {"bank_version": 1.5},
            "form.field_not_number",
            {"field": "bank_version"},
            "The form must have 'bank_version' as a whole number.",
        ),
        (
            {"bank_id": None},
            "form.field_not_text",
            {"field": "bank_id"},
            "The form must have 'bank_id' as text.",
        ),
    ],
)
def test_malformed_form_data_is_rejected_with_the_field(
    change: dict[str, object], code: str, params: dict[str, object], message: str
) -> None:
    data = {**EXPECTED_FORM.to_dict(), **change}
    with pytest.raises(InputError) as caught:
        Form.from_dict(data)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert sentence(caught.value) == message


def test_missing_layout_lists_default_to_empty() -> None:
    data = {"bank_id": "design-1", "bank_version": 1, "seed": 3, "items": [{"item_id": "D1"}]}
    assert Form.from_dict(data) == Form("design-1", 1, 3, (FormItem("D1"),))


def test_new_seed_is_a_fresh_63_bit_number() -> None:
    seeds = {new_seed() for _ in range(20)}
    assert len(seeds) == 20
    assert all(0 <= seed < 2**63 for seed in seeds)


def _choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(choice_id, Text(choice_id)) for choice_id in ids)


def test_enemies_never_share_a_form(bank_factory: Callable[..., Bank], pool_bank: Bank) -> None:
    # Two pairs of F1 items give each other away; a form of 4 of the 6 F1 items would often hold both.
    enemies = (("F1-01", "F1-02"), ("F1-04", "F1-05", "F1-06"))
    bank = bank_factory(pool_bank.items, (Draw("F1", 3),), enemies=enemies)
    met = 0
    for seed in range(300):
        ids = set(assemble_form(bank, seed).item_ids)
        assert len(ids) == 3
        met += any(len(ids & set(group)) > 1 for group in enemies)
    assert met == 0


def test_without_enemies_the_forms_are_those_drawn_before_enemies_existed(pool_bank: Bank) -> None:
    unrelated = replace(pool_bank, blueprint=replace(pool_bank.blueprint, enemies=(("X-1", "X-2"),)))
    assert assemble_form(unrelated, 20250602) == EXPECTED_FORM


def test_enemies_that_leave_a_draw_short_raise(bank_factory: Callable[..., Bank], pool_bank: Bank) -> None:
    enemies = (tuple(f"F1-0{n}" for n in range(1, 7)),)
    bank = bank_factory(pool_bank.items, (Draw("F1", 2),), enemies=enemies)
    with pytest.raises(RuleError, match=r"^form\.draw_unfillable\b") as caught:
        assemble_form(bank, 7)
    assert caught.value.params["left"] == 1


def test_a_draw_may_name_a_cognitive_level(bank_factory: Callable[..., Bank], pool_bank: Bank) -> None:
    levelled = tuple(
        replace(
            item, level=CognitiveLevel.APPLY if item.id in ("F1-02", "F1-05") else CognitiveLevel.REMEMBER
        )
        for item in pool_bank.items
    )
    bank = bank_factory(levelled, (Draw("F1", 2), Draw("F1", 2, level=CognitiveLevel.APPLY)))
    for seed in SEEDS:
        ids = assemble_form(bank, seed).item_ids
        assert {"F1-02", "F1-05"} <= set(ids) and len(ids) == 4


def test_draws_naming_more_go_first() -> None:
    draws = (
        Draw("F1", 1),
        Draw("F1", 1, level=CognitiveLevel.APPLY),
        Draw("F1", 1, Difficulty.HARD, CognitiveLevel.APPLY),
        Draw("F1", 1, Difficulty.EASY),
    )
    assert [number for number, _ in draw_order(draws)] == [3, 2, 4, 1]
