"""Checking that a converted item scores like its source: the same responses, scored both ways.

Each format knows how its source scores a response (Moodle's fractions, a QTI item's response processing).
Rather than trusting that a mapping is right, the import scores a set of probe responses (every option
set of a multiple response, every order of a short ordering, values in and just outside a tolerance, the
accepted answers in other cases...) by the source and by the kiosk, and reports the first response on which
they differ. A converted item reported as exact has agreed on every probe.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.authoring.interchange.model import DraftItem
from kiosk.domain.errors import InputError, Notice
from kiosk.domain.items import ItemType, ScoringRule
from kiosk.domain.responses import Response, response_to_json
from kiosk.domain.scoring import score_item

# The share of the points the source gives a response (0..1); raise Unreadable when it cannot say.
SourceScore = Callable[[Response], float]

_SLACK = 1e-6
_MAX_ASSIGNMENTS = 4096


class Unreadable(Exception):
    """The source's scoring uses something the import cannot evaluate (named by ``what``)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass(frozen=True, slots=True)
class Difference:
    response: Response
    source: float
    kiosk: float

    def notice(self) -> Notice:
        return Notice(
            "interchange.scoring_differs",
            response=response_to_json(self.response),
            source=_percent(self.source),
            kiosk=_percent(self.kiosk),
        )


def _percent(share: float) -> int | float:
    value = round(share * 100, 1)
    return int(value) if value.is_integer() else value


def probes(item: DraftItem, extra: Iterable[Response] = ()) -> list[Response]:
    """Responses worth scoring both ways for ``item``, plus ``extra`` ones the source suggests."""
    found: list[Response] = []
    options = [choice.id for choice in item.options]
    if item.type is ItemType.SINGLE:
        found += options
    elif item.type is ItemType.TRUE_FALSE:
        found += ["true", "false"]
    elif item.type is ItemType.MULTIPLE:
        for size in range(1, len(options) + 1):
            found += [list(chosen) for chosen in itertools.combinations(options, size)]
    elif item.type is ItemType.NUMERIC and item.value is not None:
        found += _numbers(item.value, item.tolerance)
    elif item.type is ItemType.ORDERING:
        found += _orders(list(item.key) or options)
    elif item.type is ItemType.MATCHING:
        found += _assignments(item)
    elif item.type is ItemType.SHORT_TEXT:
        for answer in item.accepted:
            found += [answer, answer.upper(), answer.lower(), answer.title()]
        found.append("zz-not-an-answer")
    found += list(extra)
    unique: list[Response] = []
    seen: set[str] = set()
    for response in found:
        text = response_to_json(response)
        if text not in seen:
            seen.add(text)
            unique.append(response)
    return unique


def _numbers(value: float, tolerance: float) -> list[Response]:
    spread = tolerance if tolerance > 0 else max(abs(value) * 1e-3, 1e-3)
    inside = [value, value + 0.5 * tolerance, value - 0.5 * tolerance]
    if tolerance > 0:
        inside += [value + 0.999 * tolerance, value - 0.999 * tolerance]
    outside = [value + 1.01 * spread, value - 1.01 * spread, value + 2 * spread, value - 2 * spread, -value]
    if value:
        outside.append(0.0)
    return [repr(number) for number in inside + outside]


def _orders(key: list[str]) -> list[Response]:
    if len(key) <= 6:
        return [list(order) for order in itertools.permutations(key)]
    found = [list(key), list(reversed(key))]
    for shift in range(1, len(key)):
        found.append(key[shift:] + key[:shift])
    for first, second in itertools.combinations(range(len(key)), 2):
        swapped = list(key)
        swapped[first], swapped[second] = swapped[second], swapped[first]
        found.append(swapped)
    return list(found)


def _assignments(item: DraftItem) -> list[Response]:
    premises = [choice.id for choice in item.premises]
    options = [choice.id for choice in item.options]
    key = dict(item.pairs)
    found: list[Response] = []
    if len(options) ** len(premises) <= _MAX_ASSIGNMENTS:
        for chosen in itertools.product(options, repeat=len(premises)):
            found.append(dict(zip(premises, chosen, strict=True)))
    else:
        found.append(dict(key))
        for premise in premises:
            for option in options:
                found.append({**key, premise: option})
    for premise in premises:
        found.append({other: right for other, right in key.items() if other != premise})
    return found


def first_difference(
    item: DraftItem, source: SourceScore, responses: Sequence[Response]
) -> Difference | None:
    """The first response the source and the kiosk score differently, or None when they always agree."""
    scoring = item.scoring_item()
    for response in responses:
        try:
            kiosk = score_item(scoring, response) / scoring.points
        except InputError:
            continue
        theirs = source(response)
        if abs(theirs - kiosk) > _SLACK:
            return Difference(response, theirs, kiosk)
    return None


def check_scoring(
    item: DraftItem, source: SourceScore, extra: Iterable[Response] = (), known: bool = False
) -> tuple[DraftItem, list[Notice]]:
    """The item with the scoring rule that agrees best with the source, and a notice if any probe differs.

    For multiple response, ordering and matching both rules are tried when the item's own rule disagrees.
    ``known``: the converter has already named the difference, so no generic notice is added for it.
    """
    responses = probes(item, extra)
    try:
        difference = first_difference(item, source, responses)
        if difference is not None and item.type in (ItemType.MULTIPLE, ItemType.ORDERING, ItemType.MATCHING):
            other_rule = (
                ScoringRule.PARTIAL
                if item.scoring is ScoringRule.ALL_OR_NOTHING
                else ScoringRule.ALL_OR_NOTHING
            )
            other = item.with_rule(other_rule)
            if first_difference(other, source, responses) is None:
                return other, []
    except Unreadable as unreadable:
        return item, [Notice("interchange.scoring_unread", what=unreadable.what)]
    if difference is None or known:
        return item, []
    return item, [difference.notice()]
