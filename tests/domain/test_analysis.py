"""Item statistics checked against values worked out by hand on a four-candidate data set."""

from __future__ import annotations

import pytest

from kiosk.domain.analysis import (
    AttemptScores,
    ScoredAnswer,
    bank_reliability,
    cronbach_alpha,
    form_reliability,
    item_statistics,
    pass_rates,
    pearson,
)

# Candidate totals 3, 2, 1, 0 on three one-point items (a perfect Guttman pattern).
PATTERN = {"A1": (1, 1, 1), "A2": (1, 1, 0), "A3": (1, 0, 0), "A4": (0, 0, 0)}
CHOSEN = {"A1": "B", "A2": "B", "A3": "B", "A4": "C"}


def _attempts() -> list[AttemptScores]:
    return [
        AttemptScores(
            attempt_id,
            tuple(
                ScoredAnswer(f"i{n}", float(score), 1.0, (CHOSEN[attempt_id],) if n == 1 else ())
                for n, score in enumerate(scores, start=1)
            ),
        )
        for attempt_id, scores in PATTERN.items()
    ]


def test_facility_is_the_share_of_points_earned() -> None:
    stats = {s.item_id: s for s in item_statistics(_attempts())}
    assert stats["i1"].facility == pytest.approx(0.75)
    assert stats["i2"].facility == pytest.approx(0.5)
    assert stats["i3"].facility == pytest.approx(0.25)


def test_discrimination_is_the_corrected_point_biserial() -> None:
    # i1 against rest scores (2, 1, 0, 0): r = 0.75 / sqrt(0.75 * 2.75) = 0.52223 (worked by hand).
    stats = {s.item_id: s for s in item_statistics(_attempts())}
    assert stats["i1"].discrimination == pytest.approx(0.52223, abs=1e-5)
    assert stats["i2"].discrimination == pytest.approx(0.70711, abs=1e-5)
    assert stats["i3"].discrimination == pytest.approx(0.52223, abs=1e-5)


def test_distractor_counts() -> None:
    stats = {s.item_id: s for s in item_statistics(_attempts())}
    assert stats["i1"].distractors == {"B": 3, "C": 1}


def test_few_results_are_flagged() -> None:
    stats = item_statistics(_attempts())
    assert all("only 4 results" in stats_item.flags[0] for stats_item in stats)
    assert not any("only" in flag for flag in item_statistics(_attempts(), min_results=4)[0].flags)


def test_negative_discrimination_is_flagged() -> None:
    attempts = [
        AttemptScores("S", (ScoredAnswer("good", 1, 1), ScoredAnswer("bad", 0, 1), ScoredAnswer("x", 1, 1))),
        AttemptScores("T", (ScoredAnswer("good", 1, 1), ScoredAnswer("bad", 0, 1), ScoredAnswer("x", 0, 1))),
        AttemptScores("U", (ScoredAnswer("good", 0, 1), ScoredAnswer("bad", 1, 1), ScoredAnswer("x", 0, 1))),
    ]
    stats = {s.item_id: s for s in item_statistics(attempts, min_results=1)}
    assert stats["bad"].discrimination is not None and stats["bad"].discrimination < 0
    assert any(flag.startswith("negative discrimination") for flag in stats["bad"].flags)


def test_kr20_on_the_hand_worked_form() -> None:
    # Item variances pq: 0.1875 + 0.25 + 0.1875 = 0.625; total variance 1.25; KR-20 = 1.5 * (1 - 0.5) = 0.75.
    (form,) = form_reliability(_attempts())
    assert form.alpha == pytest.approx(0.75)
    assert form.method == "KR-20"
    assert form.attempts == 4 and form.items == 3
    assert form.warning is not None and "only 4 attempts" in form.warning


def test_alpha_for_partial_credit_and_undefined_cases() -> None:
    assert cronbach_alpha([[0.5, 1.0], [0.5, 1.0]]) is None
    assert cronbach_alpha([[1.0], [0.0]]) is None
    # Two items, scores (1, .5), (0, 0): item variances .25 + .0625, total variance .5625 -> 2 * (1 - .5556).
    assert cronbach_alpha([[1.0, 0.5], [0.0, 0.0]]) == pytest.approx(2 * (1 - 0.3125 / 0.5625))


def test_bank_level_standardised_alpha() -> None:
    # Inter-item r: .57735, .33333, .57735; mean .49601; 3 * .49601 / (1 + 2 * .49601) = .74699.
    estimate = bank_reliability(_attempts(), min_pairs=4)
    assert estimate.alpha == pytest.approx(0.74699, abs=1e-4)
    assert bank_reliability(_attempts(), min_pairs=5).alpha is None


def test_pearson_is_undefined_without_variance() -> None:
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)


def test_pass_rates_by_group() -> None:
    outcomes = [(("design", "1"), True), (("design", "1"), False), (("recycling", "2"), True)]
    assert pass_rates(outcomes) == {("design", "1"): (1, 2), ("recycling", "2"): (1, 1)}
