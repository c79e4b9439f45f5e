"""Item and test statistics for the awarding body: facility, discrimination, distractors, reliability.

Definitions (classical test theory, as item-analysis reports at awarding bodies use them):

- facility: mean share of the item's points earned by those who were given the item (0 hard .. 1 easy);
- discrimination: the corrected point-biserial, i.e. Pearson's r between the item score and the rest score
  (the attempt's total minus this item), so an item is not correlated with itself;
- distractor counts: how many candidates chose each option (single, multiple and true/false items);
- reliability per form: Cronbach's alpha over attempts that sat exactly the same items; it equals KR-20 when
  every item is scored 0 or 1. Forms are drawn at random per candidate, so few forms repeat: the bank-level
  estimate is standardised alpha k·r̄ / (1 + (k-1)·r̄) from the mean inter-item correlation r̄ over item pairs
  answered together, with k the form length.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

# Fewer results than this and a statistic is shown with a warning rather than trusted.
MIN_RESULTS = 20
WEAK_DISCRIMINATION = 0.2
MIN_PAIR_RESULTS = 5


@dataclass(frozen=True, slots=True)
class ScoredAnswer:
    """One item of one attempt: what was chosen (option ids; empty when not a choice item) and the score."""

    item_id: str
    earned: float
    possible: float
    chosen: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttemptScores:
    """One attempt's item scores; ``answers`` holds every item of the form, answered or not."""

    attempt_id: str
    answers: tuple[ScoredAnswer, ...]

    @property
    def total(self) -> float:
        return sum(answer.earned for answer in self.answers)

    @property
    def form_key(self) -> tuple[str, ...]:
        return tuple(sorted(answer.item_id for answer in self.answers))


@dataclass(frozen=True, slots=True)
class ItemStatistics:
    item_id: str
    results: int
    facility: float
    discrimination: float | None
    distractors: dict[str, int] = field(default_factory=dict)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reliability:
    """Alpha for one group of attempts; ``method`` says how it was computed, ``warning`` why to doubt it."""

    label: str
    attempts: int
    items: int
    alpha: float | None
    method: str
    warning: str | None = None


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def variance(values: Sequence[float]) -> float:
    """Population variance (divide by n), the convention of KR-20 and Cronbach's alpha."""
    if not values:
        return 0.0
    centre = mean(values)
    return sum((value - centre) ** 2 for value in values) / len(values)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when either variable does not vary (r is undefined then)."""
    if len(xs) != len(ys) or len(xs) < 2:
        return None
    mx, my = mean(xs), mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_statistics(
    attempts: Iterable[AttemptScores], min_results: int = MIN_RESULTS
) -> list[ItemStatistics]:
    """Facility, corrected point-biserial and distractor counts for every item seen, by item id."""
    fractions: dict[str, list[float]] = defaultdict(list)
    rests: dict[str, list[float]] = defaultdict(list)
    choices: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for attempt in attempts:
        total = attempt.total
        for answer in attempt.answers:
            fraction = answer.earned / answer.possible if answer.possible else 0.0
            fractions[answer.item_id].append(fraction)
            rests[answer.item_id].append(total - answer.earned)
            for option in answer.chosen:
                choices[answer.item_id][option] += 1
    result = []
    for item_id in sorted(fractions):
        scores = fractions[item_id]
        facility = mean(scores)
        discrimination = pearson(scores, rests[item_id])
        flags = []
        if len(scores) < min_results:
            flags.append(f"only {_count(len(scores), 'result')}; treat these figures as provisional")
        if discrimination is not None and discrimination < 0:
            flags.append("negative discrimination: stronger candidates do worse; check the key")
        elif discrimination is not None and discrimination < WEAK_DISCRIMINATION:
            flags.append("weak discrimination")
        if facility >= 0.95:
            flags.append("very easy")
        elif facility <= 0.2:
            flags.append("very hard")
        result.append(
            ItemStatistics(
                item_id, len(scores), facility, discrimination, dict(choices[item_id]), tuple(flags)
            )
        )
    return result


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha, rows = attempts and columns = items; None when undefined (< 2 items, no variance)."""
    if not matrix or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    item_variances = sum(variance([row[j] for row in matrix]) for j in range(k))
    total_variance = variance([sum(row) for row in matrix])
    if total_variance == 0:
        return None
    return (k / (k - 1)) * (1 - item_variances / total_variance)


def form_reliability(attempts: Iterable[AttemptScores], min_results: int = MIN_RESULTS) -> list[Reliability]:
    """Alpha (KR-20 when all items are 0/1) for each distinct form, most-taken first."""
    by_form: dict[tuple[str, ...], list[AttemptScores]] = defaultdict(list)
    for attempt in attempts:
        by_form[attempt.form_key].append(attempt)
    result = []
    for number, (form_key, group) in enumerate(
        sorted(by_form.items(), key=lambda kv: (-len(kv[1]), kv[0])), 1
    ):
        matrix = [[_score(attempt, item_id) for item_id in form_key] for attempt in group]
        dichotomous = all(value in (0.0, 1.0) for row in matrix for value in row) and all(
            answer.possible == 1 for attempt in group for answer in attempt.answers
        )
        alpha = cronbach_alpha(matrix)
        warning = None
        if len(group) < min_results:
            taken = _count(len(group), "attempt")
            warning = f"only {taken} sat this form; alpha is not reliable below {min_results}"
        elif alpha is None:
            warning = "alpha is undefined: the totals do not vary"
        result.append(
            Reliability(
                f"form {number}",
                len(group),
                len(form_key),
                alpha,
                "KR-20" if dichotomous else "alpha",
                warning,
            )
        )
    return result


def bank_reliability(attempts: Sequence[AttemptScores], min_pairs: int = MIN_PAIR_RESULTS) -> Reliability:
    """Standardised alpha from mean inter-item correlation over item pairs answered together."""
    columns: dict[str, dict[str, float]] = defaultdict(dict)
    for attempt in attempts:
        for answer in attempt.answers:
            columns[answer.item_id][attempt.attempt_id] = (
                answer.earned / answer.possible if answer.possible else 0.0
            )
    correlations = []
    for first, second in combinations(sorted(columns), 2):
        shared = sorted(columns[first].keys() & columns[second].keys())
        if len(shared) < min_pairs:
            continue
        r = pearson([columns[first][a] for a in shared], [columns[second][a] for a in shared])
        if r is not None:
            correlations.append(r)
    k = round(mean([len(attempt.answers) for attempt in attempts])) if attempts else 0
    if not correlations or k < 2:
        return Reliability(
            "bank", len(attempts), k, None, "standardised alpha", "too few shared items to estimate"
        )
    r_bar = mean(correlations)
    alpha = k * r_bar / (1 + (k - 1) * r_bar) if 1 + (k - 1) * r_bar != 0 else None
    warning = (
        None
        if len(attempts) >= MIN_RESULTS
        else f"only {_count(len(attempts), 'attempt')}; treat as provisional"
    )
    return Reliability("bank", len(attempts), k, alpha, "standardised alpha", warning)


def pass_rates(outcomes: Iterable[tuple[tuple[str, ...], bool]]) -> dict[tuple[str, ...], tuple[int, int]]:
    """(passed, sat) per group key, e.g. (certificate, grade, centre)."""
    counts: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    for key, passed in outcomes:
        counts[key][0] += int(passed)
        counts[key][1] += 1
    return {key: (passed, sat) for key, (passed, sat) in sorted(counts.items())}


def _score(attempt: AttemptScores, item_id: str) -> float:
    lookup: Mapping[str, ScoredAnswer] = {answer.item_id: answer for answer in attempt.answers}
    return lookup[item_id].earned


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
