"""Drawing many forms of a bank to see how fair its blueprint is: equal difficulty, little shared paper.

Every candidate gets a different form, so every form of a bank must be the same test: the same content mix
and the same difficulty. Drawing forms exactly as the kiosk does (seeds 0 to n - 1, through
:func:`kiosk.domain.forms.assemble_form`), this reports the expected mark of one typical candidate on each
form, how much two forms share, how often the most used item is seen, and whether any form held two enemies.

The expected mark uses nominal chances of a right answer by difficulty label (:data:`NOMINAL_CHANCE`: easy
0.8, medium 0.6, hard 0.4) until item statistics from real sittings replace them: what matters here is
the spread between forms, not the level.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass

from kiosk.domain.errors import RuleError
from kiosk.domain.forms import assemble_form, enemies_of
from kiosk.domain.items import Bank, Difficulty

DEFAULT_DRAWS = 10_000
NOMINAL_CHANCE = {Difficulty.EASY: 0.8, Difficulty.MEDIUM: 0.6, Difficulty.HARD: 0.4}


@dataclass(frozen=True, slots=True)
class FormsReport:
    """What ``draws`` forms of one bank look like; marks and shares are percentages."""

    bank_id: str
    draws: int
    form_length: int
    pool: int
    expected_mean: float
    expected_min: float
    expected_max: float
    expected_sd: float
    # The share of a form's items that another form of the bank also holds: on average over every pair of
    # forms drawn, and the most over pairs of forms drawn one after the other.
    overlap_mean: float
    overlap_max: float
    # The share of forms the most drawn item is on.
    exposure_max: float
    enemy_meetings: int
    failures: int

    @property
    def spread(self) -> float:
        """Points between the hardest and the easiest form's expected mark."""
        return self.expected_max - self.expected_min

    @property
    def fair(self) -> bool:
        """No form failed to draw and none held two enemies."""
        return not self.failures and not self.enemy_meetings


def check_forms(bank: Bank, draws: int = DEFAULT_DRAWS) -> FormsReport:
    """Draw ``draws`` forms of ``bank`` (seeds 0 to draws - 1) and measure them."""
    items = {item.id: item for item in bank.items}
    enemies = enemies_of(bank.blueprint.enemies)
    marks: list[float] = []
    seen: Counter[str] = Counter()
    previous: frozenset[str] | None = None
    overlap_max = 0.0
    meetings = failures = 0
    length = bank.blueprint.item_count
    for seed in range(draws):
        try:
            form = assemble_form(bank, seed)
        except RuleError:
            failures += 1
            previous = None
            continue
        ids = frozenset(form.item_ids)
        seen.update(ids)
        if any(enemies.get(item_id, frozenset()) & ids for item_id in ids):
            meetings += 1
        points = sum(items[item_id].points for item_id in ids)
        # fsum is exact whatever the order, so forms with the same mix get exactly the same mark.
        chance = math.fsum(items[i].points * NOMINAL_CHANCE[items[i].difficulty] for i in ids)
        marks.append(100 * chance / points if points else 0.0)
        if previous is not None and length:
            overlap_max = max(overlap_max, len(ids & previous) / length)
        previous = ids
    drawn = len(marks)
    mean = statistics.fmean(marks) if drawn else 0.0
    sd = statistics.stdev(marks) if drawn > 1 else 0.0
    # Over all ordered pairs of distinct forms, the items two forms share add up to sum c(c - 1) over the
    # number of forms c each item is on: the exact mean without comparing every pair.
    pairs = drawn * (drawn - 1)
    shared = sum(count * (count - 1) for count in seen.values())
    overlap_mean = shared / pairs / length if pairs and length else 0.0
    return FormsReport(
        bank_id=bank.bank_id,
        draws=draws,
        form_length=length,
        pool=len(bank.items),
        expected_mean=mean,
        expected_min=min(marks, default=0.0),
        expected_max=max(marks, default=0.0),
        expected_sd=sd,
        overlap_mean=100 * overlap_mean,
        overlap_max=100 * overlap_max,
        exposure_max=100 * max(seen.values(), default=0) / drawn if drawn else 0.0,
        enemy_meetings=meetings,
        failures=failures,
    )
