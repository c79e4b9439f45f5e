"""Meaning checks on a bank read from source: references, keys, tolerances and the blueprint."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kiosk.authoring.problems import Problem
from kiosk.authoring.yamlsource import Located
from kiosk.domain.items import Bank, Draw, Item, ItemType

_At = Callable[[Item, str | None, str], None]

MIN_OPTIONS = {ItemType.SINGLE: 2, ItemType.MULTIPLE: 3, ItemType.ORDERING: 3, ItemType.MATCHING: 2}


def check_bank(bank: Bank, folder: Path, meta: Located, raw_items: list[Located]) -> list[Problem]:
    """Every meaning problem of an otherwise readable bank, located at the item or blueprint line."""
    where = {str(raw.get("id", "")).strip(): raw for raw in raw_items}
    problems: list[Problem] = []

    def at(item: Item, key: str | None, message: str) -> None:
        raw = where[item.id]
        problems.append(Problem(raw.path, raw.line_of(key) if key else raw.line, message, item.id))

    def at_meta(key: str, message: str) -> None:
        problems.append(Problem(meta.path, meta.line_of(key), message))

    competence_ids = [c.id for c in bank.competences]
    for cid, count in Counter(competence_ids).items():
        if count > 1:
            at_meta("competences", f"the competence id {cid} is used {count} times")
    stimulus_ids = {s.id for s in bank.stimuli}

    seen: dict[str, Located] = {}
    for raw in raw_items:
        item_id = str(raw.get("id", "")).strip()
        if item_id in seen:
            first = seen[item_id]
            problems.append(
                Problem(
                    raw.path,
                    raw.line,
                    f"the id is used again (first at {first.path.name}:{first.line})",
                    item_id,
                )
            )
        seen.setdefault(item_id, raw)

    uses_zh = False
    for item in bank.items:
        if item.competence not in competence_ids:
            at(
                item,
                "competence",
                f"the competence {item.competence} is not one of {', '.join(competence_ids)}",
            )
        if item.stimulus is not None and item.stimulus not in stimulus_ids:
            at(item, "stimulus", f"the stimulus {item.stimulus} is not defined in bank.yaml")
        uses_zh = uses_zh or item.stem.zh is not None
        _check_key(item, at)
    if uses_zh and "zh" not in bank.languages:
        at_meta("languages", "some text has a Chinese version, so 'languages' must include zh")

    problems.extend(_check_blueprint(bank, meta))
    return problems


def _check_key(item: Item, at: _At) -> None:
    option_ids = [choice.id for choice in item.options]
    minimum = MIN_OPTIONS.get(item.type)
    if minimum is not None and len(option_ids) < minimum:
        at(item, "options", f"a {item.type.value} item needs at least {minimum} options")
    if item.type is ItemType.SINGLE:
        if len(item.key) != 1 or item.key[0] not in option_ids:
            at(item, "answer", f"the answer must be one option id of {', '.join(option_ids)}")
    elif item.type is ItemType.MULTIPLE:
        if (
            not item.key
            or any(key not in option_ids for key in item.key)
            or len(set(item.key)) != len(item.key)
        ):
            at(item, "answer", f"the answer must list distinct option ids of {', '.join(option_ids)}")
    elif item.type is ItemType.ORDERING:
        if sorted(item.key) != sorted(option_ids):
            at(item, "answer", "the answer must list every option id exactly once, in the right order")
    elif item.type is ItemType.MATCHING:
        premise_ids = [p.id for p in item.premises]
        keyed = [premise for premise, _ in item.pairs]
        if sorted(keyed) != sorted(premise_ids):
            at(item, "answer", "the answer must give exactly one option for every premise")
        for premise, response in item.pairs:
            if response not in option_ids:
                at(item, "answer", f"premise {premise} is matched to {response}, which is not an option id")
        if len(premise_ids) < 2:
            at(item, "premises", "a matching item needs at least 2 premises")
    elif item.type is ItemType.NUMERIC:
        assert item.value is not None
        if item.tolerance < 0:
            at(item, "tolerance", "the tolerance cannot be negative")
        elif item.value != 0 and item.tolerance >= abs(item.value):
            at(
                item,
                "tolerance",
                f"the tolerance {item.tolerance:g} is as large as the answer {item.value:g}",
            )
    elif item.type is ItemType.SHORT_TEXT and any(not accepted for accepted in item.accepted):
        at(item, "accept", "an accepted answer is empty")
    if item.type in (ItemType.TRUE_FALSE, ItemType.NUMERIC, ItemType.SHORT_TEXT) and item.options:
        at(item, "options", f"a {item.type.value} item takes no options")


def _check_blueprint(bank: Bank, meta: Located) -> list[Problem]:
    blueprint_raw = meta.get("blueprint")
    where = blueprint_raw if isinstance(blueprint_raw, Located) else meta
    problems: list[Problem] = []

    def add(message: str) -> None:
        problems.append(Problem(where.path, where.line_of("draws"), message))

    competence_ids = {c.id for c in bank.competences}
    for draw in bank.blueprint.draws:
        if draw.competence not in competence_ids:
            add(f"the blueprint draws from {draw.competence}, which is not a competence of this grade")
    drawn = {draw.competence for draw in bank.blueprint.draws}
    for competence in bank.competences:
        if competence.id not in drawn:
            add(
                f"the blueprint draws nothing from competence {competence.id}; "
                "every competence must be assessed"
            )
    for message in unsatisfiable_draws(bank.items, bank.blueprint.draws):
        add(message)
    total, pool = bank.blueprint.item_count, len(bank.items)
    if total * 2 > pool:
        add(f"the blueprint draws {total} of {pool} items; a form may use at most half the pool")
    areas = {c.area for c in bank.competences}
    for area, _ in bank.blueprint.area_minimums:
        if area not in areas:
            add(f"there is a minimum for {area.value}, but no competence of that area")
    return problems


def unsatisfiable_draws(items: tuple[Item, ...], draws: tuple[Draw, ...]) -> list[str]:
    """Why the pool cannot fill the draws, counting each item once (difficulty-specific draws go first)."""
    messages = []
    for competence in sorted({draw.competence for draw in draws}):
        pool = [item for item in items if item.competence == competence]
        wanted = [draw for draw in draws if draw.competence == competence]
        for draw in wanted:
            if draw.difficulty is not None:
                have = sum(1 for item in pool if item.difficulty is draw.difficulty)
                asked = sum(d.count for d in wanted if d.difficulty is draw.difficulty)
                if have < asked:
                    messages.append(
                        f"the blueprint asks for {asked} {draw.difficulty.value} items of {competence}, "
                        f"but the pool has {have}"
                    )
        asked_total = sum(draw.count for draw in wanted)
        if len(pool) < asked_total:
            messages.append(
                f"the blueprint asks for {asked_total} items of {competence}, but the pool has {len(pool)}"
            )
    return sorted(set(messages))
