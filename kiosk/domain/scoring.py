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
    return BankScorer(bank).score(form, responses)


class BankScorer:
    """Scores attempts on one bank: :func:`score_attempt`, for many attempts at once.

    The bank's lookups are built once, and the points a text response (an option id, true or false, a
    number, a short text) or no response earns on an item are remembered: a registry rescoring thousands
    of attempts on one bank meets the same few answers to each item over and over. The results are exactly
    those of scoring each attempt alone, errors included: totals are added up item by item in the form's
    order, as they always were.
    """

    # Remembered answers per scorer; past it, answers are scored without being remembered.
    MEMORY = 200_000

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        areas = {competence.id: competence.area for competence in bank.competences}
        competences = {competence.id: number for number, competence in enumerate(bank.competences)}
        self._areas = areas
        self._items = {item.id: item for item in bank.items}
        # Per item whose competence the bank has: its remembered answers, competence, area and points.
        self._slots: dict[str, tuple[dict[Response | None, float], int, int, int, Item]] = {
            item.id: (
                {},
                competences[item.competence],
                _AREA_INDEX[areas[item.competence]],
                item.points,
                item,
            )
            for item in self._items.values()
            if item.competence in areas
        }
        self._remembered = 0

    def score(self, form: Form, responses: Mapping[str, Response]) -> Result:
        """Score every item on ``form`` with ``responses`` (see :func:`score_attempt`)."""
        bank = self.bank
        if (form.bank_id, form.bank_version) != (bank.bank_id, bank.version):
            raise RuleError(
                "score.wrong_bank",
                form_bank=form.bank_id,
                form_version=form.bank_version,
                bank=bank.bank_id,
                version=bank.version,
            )
        item_ids = form.item_ids
        on_form = set(item_ids)
        if not on_form.issuperset(responses):
            raise InputError("score.item_not_on_form", item=sorted(set(responses) - on_form)[0])
        slots = self._slots
        if not on_form.issubset(slots):
            self._refuse(item_ids, responses)
        # Points earned and possible by competence and by area, added up item by item in the form's order.
        competence_earned, competence_possible = [0.0] * len(bank.competences), [0.0] * len(bank.competences)
        area_earned, area_possible, area_seen = (
            [0.0] * len(_AREAS),
            [0.0] * len(_AREAS),
            [False] * len(_AREAS),
        )
        item_scores: dict[str, float] = {}
        possible = 0
        answer = responses.get
        for item_id in item_ids:
            known, competence, area, points, item = slots[item_id]
            response = answer(item_id)
            if type(response) is str or response is None:
                earned = known.get(response)
                if earned is None:
                    earned = self._remember(known, item, response)
            else:
                earned = score_item(item, response)
            item_scores[item_id] = earned
            competence_earned[competence] += earned
            competence_possible[competence] += points
            area_earned[area] += earned
            area_possible[area] += points
            area_seen[area] = True
            possible += points
        by_competence = {
            competence.id: Subscore(competence_earned[number], competence_possible[number])
            for number, competence in enumerate(bank.competences)
            if competence_possible[number]
        }
        by_area = {
            area: Subscore(area_earned[number], area_possible[number])
            for number, area in enumerate(_AREAS)
            if area_seen[number]
        }
        earned_total = sum(item_scores.values())
        percent = Subscore(earned_total, float(possible)).percent
        failed_areas = tuple(
            area
            for area, minimum in bank.blueprint.area_minimums
            if not _reaches(by_area.get(area, Subscore(0.0, 0.0)).percent, minimum)
        )
        return Result(
            earned=earned_total,
            possible=float(possible),
            percent=percent,
            passed=_reaches(percent, bank.blueprint.pass_mark) and not failed_areas,
            by_competence=by_competence,
            by_area=by_area,
            item_scores=item_scores,
            failed_areas=failed_areas,
        )

    def _remember(self, known: dict[Response | None, float], item: Item, response: str | None) -> float:
        """Score a text response (or none) to ``item`` and remember the points while there is room."""
        earned = score_item(item, response)
        if self._remembered < self.MEMORY:
            known[response] = earned
            self._remembered += 1
        return earned

    def _refuse(self, item_ids: tuple[str, ...], responses: Mapping[str, Response]) -> None:
        """Raise the error scoring the form item by item meets first (some item is not in the bank)."""
        bank = self.bank
        for item_id in item_ids:
            item = self._items.get(item_id)
            if item is None:
                raise BankError(
                    "score.item_not_in_bank", bank=bank.bank_id, version=bank.version, item=item_id
                )
            if item.competence not in self._areas:
                raise BankError(
                    "score.competence_not_in_bank",
                    item=item.id,
                    competence=item.competence,
                    bank=bank.bank_id,
                )
            score_item(item, responses.get(item_id))


_AREAS = tuple(Area)
_AREA_INDEX = {area: number for number, area in enumerate(_AREAS)}


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
