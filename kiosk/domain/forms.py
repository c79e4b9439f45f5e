"""Forms: the paper one candidate sits, drawn from a bank's blueprint by a recorded seed.

A form is fully determined by (bank, seed), so the registry can replay any candidate's paper. To keep that
true across machines and Python versions, all randomness comes from ``random.Random(seed).random()``, the
one part of the ``random`` module whose output Python promises never to change; ``shuffle`` and ``sample``
carry no such promise, so their Fisher-Yates equivalents are written out here.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from kiosk.domain.errors import InputError, RuleError
from kiosk.domain.items import Bank, Draw, Item, ItemType

T = TypeVar("T")

_SHUFFLED_OPTION_TYPES = frozenset({ItemType.SINGLE, ItemType.MULTIPLE, ItemType.MATCHING})


@dataclass(frozen=True, slots=True)
class FormItem:
    """One item on a form and how it is laid out for the candidate.

    ``option_order`` is the display order of options (single, multiple, matching responses) or the initial
    order of ordering elements, which never already matches the key when there are two or more elements.
    ``premise_order`` is the display order of matching premises.
    """

    item_id: str
    option_order: tuple[str, ...] = ()
    premise_order: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Form:
    """The items one candidate is given, in order, with the seed that drew them."""

    bank_id: str
    bank_version: int
    seed: int
    items: tuple[FormItem, ...]
    item_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """The items' ids in order (kept: scoring and every check of an imported attempt ask for them)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "item_ids", tuple(form_item.item_id for form_item in self.items))

    def item(self, item_id: str) -> FormItem:
        """The layout of ``item_id`` on this form; raises KeyError if the form does not hold it."""
        for form_item in self.items:
            if form_item.item_id == item_id:
                return form_item
        raise KeyError(item_id)

    def to_dict(self) -> dict[str, object]:
        """A JSON-able copy of the form, read back by :meth:`from_dict`."""
        return {
            "bank_id": self.bank_id,
            "bank_version": self.bank_version,
            "seed": self.seed,
            "items": [
                {
                    "item_id": form_item.item_id,
                    "option_order": list(form_item.option_order),
                    "premise_order": list(form_item.premise_order),
                }
                for form_item in self.items
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Form:
        """Rebuild a form from :meth:`to_dict` output; raises InputError naming the first bad field."""
        raw_items = data.get("items")
        if not isinstance(raw_items, list):
            raise InputError("form.items_not_list")
        items: list[FormItem] = []
        for position, raw in enumerate(raw_items, start=1):
            if not isinstance(raw, Mapping):
                raise InputError("form.item_not_map", position=position)
            items.append(
                FormItem(
                    item_id=_item_id(raw, position),
                    option_order=_ids(raw, "option_order", position),
                    premise_order=_ids(raw, "premise_order", position),
                )
            )
        return cls(
            bank_id=_field(data, "bank_id", str),
            bank_version=_field(data, "bank_version", int),
            seed=_field(data, "seed", int),
            items=tuple(items),
        )


def assemble_form(bank: Bank, seed: int) -> Form:
    """Draw a candidate's form from ``bank``'s blueprint; the same bank and seed always give the same form.

    No form holds two items of one set of the blueprint's ``enemies``: once an item is drawn, the others of
    its sets leave every pool. Raises RuleError when a draw asks for more items than remain in its pool.
    """
    rng = random.Random(seed)
    blueprint = bank.blueprint
    chosen: list[Item] = []
    # Items drawn, and items barred because an enemy of theirs was drawn.
    taken: set[str] = set()
    enemies = enemies_of(blueprint.enemies)
    for number, draw in draw_order(blueprint.draws):
        # Sorting by id makes the pool independent of the order items were authored or loaded in.
        pool = sorted(
            (item for item in bank.items if fits(item, draw) and item.id not in taken),
            key=lambda item: item.id,
        )
        if draw.count < 0:
            raise RuleError("form.draw_count_negative", **_where(bank, number, draw))
        picked = _sample(rng, pool, draw.count, lambda item: enemies.get(item.id, frozenset()))
        if len(picked) < draw.count:
            code = "form.draw_unfillable" if draw.difficulty is None else "form.draw_unfillable_difficulty"
            raise RuleError(code, **_where(bank, number, draw), left=len(picked))
        chosen.extend(picked)
        for item in picked:
            taken.add(item.id)
            taken.update(enemies.get(item.id, ()))
    if blueprint.shuffle_items:
        chosen = _shuffled(rng, chosen)
    return Form(
        bank_id=bank.bank_id,
        bank_version=bank.version,
        seed=seed,
        items=tuple(_lay_out(rng, item, blueprint.shuffle_options) for item in chosen),
    )


def new_seed() -> int:
    """A fresh, unpredictable seed for :func:`assemble_form` (63 bits, so it fits a signed 64-bit column)."""
    return secrets.randbits(63)


def draw_order(draws: Sequence[Draw]) -> list[tuple[int, Draw]]:
    """The draws, numbered from 1 as written, in the order forms fill them.

    Draws that name a difficulty or a level go first (both named first of all), so a more general draw of
    the same competence cannot use up the items they need; validation checks satisfiability in this order.
    """
    return sorted(
        enumerate(draws, start=1),
        key=lambda pair: (pair[1].difficulty is None) + (pair[1].level is None),
    )


def fits(item: Item, draw: Draw) -> bool:
    """Whether ``draw`` may take ``item``: its competence, and its difficulty and level when named."""
    return (
        item.competence == draw.competence
        and (draw.difficulty is None or item.difficulty == draw.difficulty)
        and (draw.level is None or item.level == draw.level)
    )


def enemies_of(groups: Sequence[Sequence[str]]) -> dict[str, frozenset[str]]:
    """For each item id in some set of enemies, every other id it may not share a form with."""
    found: dict[str, set[str]] = {}
    for group in groups:
        for item_id in group:
            found.setdefault(item_id, set()).update(other for other in group if other != item_id)
    return {item_id: frozenset(others) for item_id, others in found.items()}


def _where(bank: Bank, number: int, draw: Draw) -> dict[str, object]:
    """The facts naming a blueprint draw in an error: its number, what it draws, and the bank."""
    where: dict[str, object] = {
        "draw": number,
        "competence": draw.competence,
        "count": draw.count,
        "bank": bank.bank_id,
        "version": bank.version,
    }
    if draw.difficulty is not None:
        where["difficulty"] = draw.difficulty.value
    return where


def _lay_out(rng: random.Random, item: Item, shuffle_options: bool) -> FormItem:
    options = tuple(choice.id for choice in item.options)
    premises = tuple(choice.id for choice in item.premises)
    if item.type is ItemType.ORDERING:
        return FormItem(item.id, option_order=_scrambled(rng, options, item.key))
    if item.type in _SHUFFLED_OPTION_TYPES:
        if shuffle_options:
            options = tuple(_shuffled(rng, list(options)))
        # Premises stay as authored: the README shuffles options and matching responses only.
        return FormItem(item.id, option_order=options, premise_order=premises)
    return FormItem(item.id)


def _scrambled(rng: random.Random, elements: tuple[str, ...], key: tuple[str, ...]) -> tuple[str, ...]:
    """A random order of ordering elements other than the key, so no candidate is handed the answer."""
    if len(set(elements)) < 2:
        return elements
    while True:
        order = tuple(_shuffled(rng, list(elements)))
        if order != key:
            return order


def _below(rng: random.Random, bound: int) -> int:
    """A random index in [0, bound) from ``rng.random()`` only (see the module docstring)."""
    return min(int(rng.random() * bound), bound - 1)


def _shuffled(rng: random.Random, values: list[T]) -> list[T]:
    result = list(values)
    for last in range(len(result) - 1, 0, -1):
        other = _below(rng, last + 1)
        result[last], result[other] = result[other], result[last]
    return result


def _sample(
    rng: random.Random, pool: Sequence[Item], count: int, barred: Callable[[Item], frozenset[str]]
) -> list[Item]:
    """``count`` distinct elements of ``pool`` in random order (a partial Fisher-Yates shuffle).

    After each pick the items ``barred(pick)`` names leave the rest of the pool, keeping their order, so
    a pool without enemies is drawn exactly as before enemies existed. Fewer than ``count`` come back when
    the pool runs out.
    """
    result = list(pool)
    for index in range(count):
        if index >= len(result):
            break
        other = index + _below(rng, len(result) - index)
        result[index], result[other] = result[other], result[index]
        out = barred(result[index])
        if out:
            result[index + 1 :] = [item for item in result[index + 1 :] if item.id not in out]
    return result[: min(count, len(result))]


def _field(data: Mapping[str, object], name: str, kind: type[T]) -> T:
    value = data.get(name)
    # bool is an int subclass, but True is no version number or seed.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InputError("form.field_not_text" if kind is str else "form.field_not_number", field=name)
    return value


def _item_id(raw: Mapping[str, object], position: int) -> str:
    value = raw.get("item_id")
    if not isinstance(value, str):
        raise InputError("form.item_id_not_text", position=position)
    return value


def _ids(raw: Mapping[str, object], name: str, position: int) -> tuple[str, ...]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise InputError("form.item_field_not_ids", field=name, position=position)
    return tuple(str(part) for part in value)
