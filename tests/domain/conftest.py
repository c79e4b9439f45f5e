"""Hand-built tiny banks for the domain tests: one item of every type, and pools for form assembly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Certificate,
    Choice,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    ScoringRule,
    Text,
)

COMPETENCES = (
    Competence("F1", Area.FOUNDATIONAL, Text("Specialised knowledge of energy storage materials")),
    Competence("P1", Area.PRACTICAL, Text("Assemble batteries")),
    Competence("R1", Area.REFLEXIVE, Text("Exercise personal responsibility")),
)


def choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(choice_id, Text(f"text of {choice_id}")) for choice_id in ids)


def make_item(item_id: str, item_type: ItemType, competence: str = "F1", **fields: object) -> Item:
    base = Item(
        id=item_id,
        type=item_type,
        competence=competence,
        difficulty=Difficulty.MEDIUM,
        stem=Text(f"Stem of {item_id}"),
        rationale="Because.",
    )
    return replace(base, **fields)


SAMPLE_ITEMS = (
    make_item("SGL", ItemType.SINGLE, options=choices("A", "B", "C", "D"), key=("B",)),
    make_item(
        "MUL",
        ItemType.MULTIPLE,
        points=3,
        scoring=ScoringRule.PARTIAL,
        options=choices("A", "B", "C", "D", "E"),
        key=("A", "C", "D"),
    ),
    make_item("MUL-AON", ItemType.MULTIPLE, options=choices("A", "B", "C"), key=("C", "A")),
    make_item("TF", ItemType.TRUE_FALSE, key=("false",)),
    make_item("NUM", ItemType.NUMERIC, competence="P1", value=2.5, tolerance=0.05, unit="h"),
    make_item("NUM-EDGE", ItemType.NUMERIC, competence="P1", value=0.3, tolerance=0.1),
    make_item(
        "ORD",
        ItemType.ORDERING,
        competence="P1",
        points=4,
        scoring=ScoringRule.PARTIAL,
        options=choices("A", "B", "C", "D"),
        key=("C", "A", "D", "B"),
    ),
    make_item(
        "ORD-AON", ItemType.ORDERING, competence="P1", options=choices("A", "B", "C"), key=("B", "C", "A")
    ),
    make_item(
        "MAT",
        ItemType.MATCHING,
        competence="R1",
        points=3,
        scoring=ScoringRule.PARTIAL,
        premises=choices("1", "2", "3"),
        options=choices("A", "B", "C", "D"),
        pairs=(("1", "B"), ("2", "A"), ("3", "C")),
    ),
    make_item(
        "MAT-AON",
        ItemType.MATCHING,
        competence="R1",
        premises=choices("1", "2"),
        options=choices("A", "B", "C"),
        pairs=(("1", "C"), ("2", "A")),
    ),
    make_item("TXT", ItemType.SHORT_TEXT, competence="R1", accepted=("electrolyte", "the Electrolyte")),
    make_item("TXT-ZH", ItemType.SHORT_TEXT, competence="R1", accepted=("电解液",)),
)


def make_bank(
    items: tuple[Item, ...] = SAMPLE_ITEMS,
    draws: tuple[Draw, ...] | None = None,
    **blueprint_fields: object,
) -> Bank:
    """A maintenance grade II bank holding ``items``; by default the form is every item once."""
    if draws is None:
        counts: dict[str, int] = {}
        for item in items:
            counts[item.competence] = counts.get(item.competence, 0) + 1
        draws = tuple(Draw(competence, count) for competence, count in counts.items())
    blueprint = replace(Blueprint(duration_minutes=60, pass_mark=60.0, draws=draws), **blueprint_fields)
    return Bank(
        certificate=Certificate.MAINTENANCE,
        grade=2,
        version=3,
        title=Text("Energy Storage Maintenance, Grade II"),
        languages=("en",),
        competences=COMPETENCES,
        blueprint=blueprint,
        items=items,
    )


def pool_item(competence: str, number: int, difficulty: Difficulty, item_type: ItemType) -> Item:
    item_id = f"{competence}-{number:02d}"
    if item_type is ItemType.ORDERING:
        return make_item(
            item_id,
            item_type,
            competence,
            difficulty=difficulty,
            options=choices("A", "B", "C", "D"),
            key=("D", "B", "A", "C"),
        )
    if item_type is ItemType.MATCHING:
        return make_item(
            item_id,
            item_type,
            competence,
            difficulty=difficulty,
            premises=choices("1", "2", "3"),
            options=choices("A", "B", "C", "D"),
            pairs=(("1", "A"), ("2", "B"), ("3", "C")),
        )
    return make_item(
        item_id, item_type, competence, difficulty=difficulty, options=choices("A", "B", "C", "D"), key=("A",)
    )


POOL_ITEMS = (
    *(
        pool_item("F1", n, Difficulty.EASY if n <= 3 else Difficulty.HARD, ItemType.SINGLE)
        for n in range(1, 7)
    ),
    *(pool_item("P1", n, Difficulty.MEDIUM, ItemType.ORDERING) for n in range(1, 5)),
    *(pool_item("R1", n, Difficulty.EASY, ItemType.MATCHING) for n in range(1, 4)),
)

POOL_DRAWS = (
    Draw("F1", 2, Difficulty.HARD),
    Draw("F1", 2),
    Draw("P1", 2),
    Draw("R1", 1),
)


@pytest.fixture
def bank() -> Bank:
    return make_bank()


@pytest.fixture
def pool_bank() -> Bank:
    return make_bank(POOL_ITEMS, POOL_DRAWS)


@pytest.fixture
def bank_factory() -> Callable[..., Bank]:
    return make_bank


@pytest.fixture
def item_factory() -> Callable[..., Item]:
    return make_item
