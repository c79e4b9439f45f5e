"""Power cuts: a candidate's kiosk process is killed at random moments and nothing acknowledged is lost.

The long version is ``python bench/power_cut.py --kills 500``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain.clock import CHECKPOINT_INTERVAL_SECONDS
from tests.station.services.power_cut_child import run_power_cuts

KILLS = 30


def test_answers_survive_random_kills(tmp_path: Path) -> None:
    report = run_power_cuts(tmp_path, kills=KILLS, seed=20250602)
    assert report.problems == []
    assert report.kills == KILLS
    assert report.answers_lost == 0
    # The test must have tested something: many saves acknowledged, attempts resumed after kills, and
    # attempts that ran out of time between kills.
    assert report.answers_acknowledged > 100
    assert report.resumes >= KILLS // 4
    assert report.attempts_finished >= 1
    assert report.max_clock_lag_seconds <= CHECKPOINT_INTERVAL_SECONDS


@pytest.mark.slow
def test_the_child_also_runs_as_a_separate_program(tmp_path: Path) -> None:
    report = run_power_cuts(tmp_path, kills=3, seed=7, fork=False, max_actions=40)
    assert report.problems == [] and report.kills == 3 and report.answers_lost == 0
    assert report.answers_acknowledged > 0
