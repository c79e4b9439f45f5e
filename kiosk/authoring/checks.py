"""Meaning checks on a bank read from source: references, keys, tolerances and the blueprint."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kiosk.authoring.problems import Problem, plain_number
from kiosk.authoring.yamlsource import Located
from kiosk.domain.forms import draw_order, fits
from kiosk.domain.items import Bank, Draw, Item, ItemType

_At = Callable[..., None]
"""``at(item, key, code, **params)``: record a problem at ``item``'s line (or its ``key``'s)."""

MIN_OPTIONS = {ItemType.SINGLE: 2, ItemType.MULTIPLE: 3, ItemType.ORDERING: 3, ItemType.MATCHING: 2}


def check_bank(bank: Bank, folder: Path, meta: Located, raw_items: list[Located]) -> list[Problem]:
    """Every meaning problem of an otherwise readable bank, located at the item or blueprint line."""
    where = {str(raw.get("id", "")).strip(): raw for raw in raw_items}
    problems: list[Problem] = []

    def at(item: Item, key: str | None, code: str, /, **params: object) -> None:
        raw = where[item.id]
        problems.append(Problem(raw.path, raw.line_of(key) if key else raw.line, code, params, item.id))

    def at_meta(key: str, code: str, /, **params: object) -> None:
        problems.append(Problem(meta.path, meta.line_of(key), code, params))

    competence_ids = [c.id for c in bank.competences]
    for cid, count in Counter(competence_ids).items():
        if count > 1:
            at_meta("competences", "source.competence_id_repeated", competence=cid, count=count)
    stimulus_ids = {s.id for s in bank.stimuli}

    seen: dict[str, Located] = {}
    for raw in raw_items:
        item_id = str(raw.get("id", "")).strip()
        if item_id in seen:
            first = seen[item_id]
            first_at = {"first_file": first.path.name, "first_line": first.line}
            problems.append(Problem(raw.path, raw.line, "source.item_id_repeated", first_at, item_id))
        seen.setdefault(item_id, raw)

    uses_zh = False
    for item in bank.items:
        if item.competence not in competence_ids:
            known = ", ".join(competence_ids)
            at(item, "competence", "source.competence_unknown", competence=item.competence, known=known)
        if item.stimulus is not None and item.stimulus not in stimulus_ids:
            at(item, "stimulus", "source.stimulus_unknown", stimulus=item.stimulus)
        uses_zh = uses_zh or item.stem.zh is not None
        _check_key(item, at)
    if uses_zh and "zh" not in bank.languages:
        at_meta("languages", "source.languages_need_zh")

    problems.extend(_check_enemies(bank, meta))
    problems.extend(_check_blueprint(bank, meta))
    return problems


def _check_enemies(bank: Bank, meta: Located) -> list[Problem]:
    """An enemy set may only name items of the bank (its shape is checked as it is read)."""
    raw = meta.get("enemies")
    known = {item.id for item in bank.items}
    problems: list[Problem] = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, list):
            continue
        line = getattr(entry, "line", meta.line_of("enemies"))
        for item_id in (str(value).strip() for value in entry):
            if item_id not in known:
                problems.append(Problem(meta.path, line, "source.enemy_unknown", {"enemy": item_id}))
    return problems


def _check_key(item: Item, at: _At) -> None:
    option_ids = [choice.id for choice in item.options]
    options = ", ".join(option_ids)
    minimum = MIN_OPTIONS.get(item.type)
    if minimum is not None and len(option_ids) < minimum:
        at(item, "options", "source.too_few_options", type=item.type.value, minimum=minimum)
    if item.type is ItemType.SINGLE:
        if len(item.key) != 1 or item.key[0] not in option_ids:
            at(item, "answer", "source.answer_not_one_option", options=options)
    elif item.type is ItemType.MULTIPLE:
        if (
            not item.key
            or any(key not in option_ids for key in item.key)
            or len(set(item.key)) != len(item.key)
        ):
            at(item, "answer", "source.answer_not_distinct_options", options=options)
    elif item.type is ItemType.ORDERING:
        if sorted(item.key) != sorted(option_ids):
            at(item, "answer", "source.answer_not_an_order")
    elif item.type is ItemType.MATCHING:
        premise_ids = [p.id for p in item.premises]
        keyed = [premise for premise, _ in item.pairs]
        if sorted(keyed) != sorted(premise_ids):
            at(item, "answer", "source.answer_not_every_premise")
        for premise, response in item.pairs:
            if response not in option_ids:
                at(item, "answer", "source.answer_unknown_option", premise=premise, option=response)
        if len(premise_ids) < 2:
            at(item, "premises", "source.too_few_premises")
    elif item.type is ItemType.NUMERIC:
        assert item.value is not None
        if item.tolerance < 0:
            at(item, "tolerance", "source.tolerance_negative")
        elif item.value != 0 and item.tolerance >= abs(item.value):
            tolerance, value = plain_number(item.tolerance), plain_number(item.value)
            at(item, "tolerance", "source.tolerance_too_large", tolerance=tolerance, answer=value)
    elif item.type is ItemType.SHORT_TEXT and any(not accepted for accepted in item.accepted):
        at(item, "accept", "source.accepted_empty")
    if item.type in (ItemType.TRUE_FALSE, ItemType.NUMERIC, ItemType.SHORT_TEXT) and item.options:
        at(item, "options", "source.options_not_taken", type=item.type.value)


def _check_blueprint(bank: Bank, meta: Located) -> list[Problem]:
    blueprint_raw = meta.get("blueprint")
    where = blueprint_raw if isinstance(blueprint_raw, Located) else meta
    problems: list[Problem] = []

    def add(code: str, /, **params: object) -> None:
        problems.append(Problem(where.path, where.line_of("draws"), code, params))

    competence_ids = {c.id for c in bank.competences}
    for draw in bank.blueprint.draws:
        if draw.competence not in competence_ids:
            add("source.draw_competence_unknown", competence=draw.competence)
    drawn = {draw.competence for draw in bank.blueprint.draws}
    for competence in bank.competences:
        if competence.id not in drawn:
            add("source.competence_not_drawn", competence=competence.id)
    for code, params in unsatisfiable_draws(bank.items, bank.blueprint.draws, bank.blueprint.enemies):
        add(code, **params)
    total, pool = bank.blueprint.item_count, len(bank.items)
    if total * 2 > pool:
        add("source.draws_too_many", total=total, pool=pool)
    areas = {c.area for c in bank.competences}
    for area, _ in bank.blueprint.area_minimums:
        if area not in areas:
            add("source.area_minimum_unused", area=area.value)
    return problems


def unsatisfiable_draws(
    items: tuple[Item, ...], draws: tuple[Draw, ...], enemies: tuple[tuple[str, ...], ...] = ()
) -> list[tuple[str, dict[str, object]]]:
    """Why the pool cannot fill the draws, as (code, params) pairs.

    Each item counts once, and draws naming a difficulty (or a level) are filled first, as forms are
    assembled. With enemies the check stays safe for every seed: a set of n enemies can bar at most n - 1
    of its members, and only those in a draw's pool, so each draw needs that many items to spare.
    """
    found: list[tuple[str, dict[str, object]]] = []
    order = draw_order(draws)
    barred_at_most = _barred_at_most(enemies)
    for competence in sorted({draw.competence for draw in draws}):
        pool = [item for item in items if item.competence == competence]
        wanted = [draw for draw in draws if draw.competence == competence]
        difficulties = sorted({draw.difficulty for draw in wanted if draw.difficulty is not None})
        for difficulty in difficulties:
            have = sum(1 for item in pool if item.difficulty is difficulty)
            asked = sum(d.count for d in wanted if d.difficulty is difficulty)
            if have < asked:
                found.append(
                    (
                        "source.draws_short_of_difficulty",
                        {
                            "asked": asked,
                            "difficulty": difficulty.value,
                            "competence": competence,
                            "have": have,
                        },
                    )
                )
        asked_total = sum(draw.count for draw in wanted)
        if len(pool) < asked_total:
            found.append(
                ("source.draws_short", {"asked": asked_total, "competence": competence, "have": len(pool)})
            )
    if found or not (enemies or any(draw.level is not None for draw in draws)):
        return found
    # With levels or enemies, draw by draw in the order forms fill them: the items a draw may take, less
    # what earlier draws that overlap it may have used, less what enemies may bar, must cover its count.
    for position, (number, draw) in enumerate(order):
        fitting = {item.id for item in items if fits(item, draw)}
        used = sum(
            min(earlier.count, len(fitting & {item.id for item in items if fits(item, earlier)}))
            for _, earlier in order[:position]
        )
        barred = barred_at_most(fitting)
        if len(fitting) - used - barred < draw.count:
            params: dict[str, object] = {
                "draw": number,
                "competence": draw.competence,
                "asked": draw.count,
                "have": len(fitting),
                "used": used,
            }
            if barred:
                found.append(("source.draw_short_with_enemies", {**params, "barred": barred}))
            else:
                found.append(("source.draw_short", params))
    return found


def _barred_at_most(enemies: tuple[tuple[str, ...], ...]) -> Callable[[set[str]], int]:
    """How many of a set of item ids the enemies may bar from a form, at most."""

    def barred(pool: set[str]) -> int:
        return sum(min(len(pool & set(group)), len(group) - 1) for group in enemies)

    return barred
