"""Scoring: points per item, totals per competence and area, and the pass decision for an attempt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.errors import BankError, InputError, RuleError
from kiosk.domain.forms import Form
from kiosk.domain.items import Area, Bank, Item, ItemType, ScoringRule
from kiosk.domain.responses import Response, is_answered, normalise_response, normalise_text

# Slack for comparing computed floats with authored ones: a numeric answer exactly on the tolerance edge
# (0.3 +/- 0.1, typed 0.4) and a percentage that is 60 in exact arithmetic must not lose to rounding error.
RELATIVE_SLACK = 1e-9
_PERCENT_SLACK = 1e-9

# The types ScoringRule.PARTIAL applies to; any other item is all or nothing whatever its rule says.
_PARTIAL_TYPES = frozenset({ItemType.MULTIPLE, ItemType.ORDERING, ItemType.MATCHING})


def score_item(item: Item, response: Response | None) -> float:
    """Points earned for ``response`` to ``item``, between 0 and ``item.points``; unanswered earns 0.

    The response is brought to canonical form first (so "2,5" scores like "2.5"); a response that does not
    fit the item at all raises InputError rather than silently scoring 0.
    """
    canonical = normalise_response(item, response)
    if not is_answered(item, canonical):
        return 0.0
    share = _share(item, canonical)
    if item.scoring is ScoringRule.ALL_OR_NOTHING or item.type not in _PARTIAL_TYPES:
        share = 1.0 if share == 1.0 else 0.0
    return item.points * min(1.0, max(0.0, share))


@dataclass(frozen=True, slots=True)
class Subscore:
    """Points earned out of points possible for a part of the form."""

    earned: float
    possible: float

    @property
    def percent(self) -> float:
        return 100.0 * self.earned / self.possible if self.possible else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "earned": _points(self.earned),
            "possible": _points(self.possible),
            "percent": _pct(self.percent),
        }


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of one attempt: totals, breakdowns and the pass decision with its reasons."""

    earned: float
    possible: float
    percent: float
    passed: bool
    by_competence: dict[str, Subscore]
    by_area: dict[Area, Subscore]
    item_scores: dict[str, float]
    failed_areas: tuple[Area, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-able copy; percentages rounded to 2 decimals, points to 4 (to drop float noise only)."""
        return {
            "earned": _points(self.earned),
            "possible": _points(self.possible),
            "percent": _pct(self.percent),
            "passed": self.passed,
            "by_competence": {key: value.to_dict() for key, value in self.by_competence.items()},
            "by_area": {area.value: value.to_dict() for area, value in self.by_area.items()},
            "item_scores": {key: _points(value) for key, value in self.item_scores.items()},
            "failed_areas": [area.value for area in self.failed_areas],
        }


def score_attempt(bank: Bank, form: Form, responses: Mapping[str, Response]) -> Result:
    """Score every item on ``form`` and decide the pass.

    Passing needs the overall percentage to reach the blueprint's pass mark and every area minimum to be
    met; an area with a minimum but no items on the form counts as not met.
    """
    if (form.bank_id, form.bank_version) != (bank.bank_id, bank.version):
        raise RuleError(
            "score.wrong_bank",
            form_bank=form.bank_id,
            form_version=form.bank_version,
            bank=bank.bank_id,
            version=bank.version,
        )
    stray = sorted(set(responses) - set(form.item_ids))
    if stray:
        raise InputError("score.item_not_on_form", item=stray[0])
    items = {item.id: item for item in bank.items}
    areas = {competence.id: competence.area for competence in bank.competences}

    item_scores: dict[str, float] = {}
    competence_totals: dict[str, list[float]] = {competence.id: [0.0, 0.0] for competence in bank.competences}
    area_totals: dict[Area, list[float]] = {}
    for item_id in form.item_ids:
        item = items.get(item_id)
        if item is None:
            raise BankError("score.item_not_in_bank", bank=bank.bank_id, version=bank.version, item=item_id)
        if item.competence not in areas:
            raise BankError(
                "score.competence_not_in_bank", item=item.id, competence=item.competence, bank=bank.bank_id
            )
        earned = score_item(item, responses.get(item_id))
        item_scores[item_id] = earned
        for totals in (
            competence_totals.setdefault(item.competence, [0.0, 0.0]),
            area_totals.setdefault(areas[item.competence], [0.0, 0.0]),
        ):
            totals[0] += earned
            totals[1] += item.points

    by_competence = {key: Subscore(*totals) for key, totals in competence_totals.items() if totals[1]}
    by_area = {area: Subscore(*area_totals[area]) for area in Area if area in area_totals}
    earned = sum(item_scores.values())
    possible = float(sum(items[item_id].points for item_id in form.item_ids))
    percent = Subscore(earned, possible).percent
    failed_areas = tuple(
        area
        for area, minimum in bank.blueprint.area_minimums
        if not _reaches(by_area.get(area, Subscore(0.0, 0.0)).percent, minimum)
    )
    return Result(
        earned=earned,
        possible=possible,
        percent=percent,
        passed=_reaches(percent, bank.blueprint.pass_mark) and not failed_areas,
        by_competence=by_competence,
        by_area=by_area,
        item_scores=item_scores,
        failed_areas=failed_areas,
    )


def _share(item: Item, response: Response) -> float:
    """The fraction of the item the response gets right, before the scoring rule is applied."""
    if item.type in (ItemType.SINGLE, ItemType.TRUE_FALSE):
        return 1.0 if [response] == list(item.key) else 0.0
    if item.type is ItemType.MULTIPLE:
        keyed = set(item.key)
        ticks = set(response)
        if not keyed:
            return 0.0
        # Equals 1 exactly when the ticks are the key, which is what all-or-nothing asks for.
        return (len(ticks & keyed) - len(ticks - keyed)) / len(keyed)
    if item.type is ItemType.NUMERIC:
        if item.value is None or not isinstance(response, str):
            return 0.0
        slack = RELATIVE_SLACK * max(abs(item.value), abs(item.tolerance))
        return 1.0 if abs(float(response) - item.value) <= item.tolerance + slack else 0.0
    if item.type is ItemType.ORDERING:
        if not item.key:
            return 0.0
        return sum(1 for given, right in zip(response, item.key, strict=False) if given == right) / len(
            item.key
        )
    if item.type is ItemType.MATCHING:
        if not item.pairs or not isinstance(response, dict):
            return 0.0
        return sum(1 for premise, right in item.pairs if response.get(premise) == right) / len(item.pairs)
    if not isinstance(response, str):
        return 0.0
    typed = normalise_text(response)
    return 1.0 if typed and typed in {normalise_text(answer) for answer in item.accepted} else 0.0


def _reaches(percent: float, mark: float) -> bool:
    return percent + _PERCENT_SLACK >= mark


def _points(value: float) -> float:
    return round(value, 4)


def _pct(value: float) -> float:
    return round(value, 2)
