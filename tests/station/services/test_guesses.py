"""Rate limits on guessing secrets, kept in the store so a restart does not reset them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import SecurityError
from kiosk.formats.secrets import HashCost
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext, open_context

LIMIT = guesses.pin_limit()


def _fail(ctx: KioskContext, times: int) -> int:
    left = -1
    for _ in range(times):
        guesses.ensure_allowed(ctx, LIMIT)
        left = guesses.record_failure(ctx, LIMIT)
    return left


def test_tries_left_count_down(ctx: KioskContext) -> None:
    assert _fail(ctx, 1) == 4
    assert _fail(ctx, 3) == 1


def test_the_fifth_failure_locks_for_ten_minutes(ctx: KioskContext, clock: FakeClock) -> None:
    _fail(ctx, 5)
    with pytest.raises(SecurityError, match=r"Too many wrong PINs: wait 10 minutes before trying again."):
        guesses.ensure_allowed(ctx, LIMIT)
    clock.advance(9 * 60 + 1)
    with pytest.raises(SecurityError, match="wait 1 minute before"):
        guesses.ensure_allowed(ctx, LIMIT)
    clock.advance(60)
    guesses.ensure_allowed(ctx, LIMIT)


def test_the_lock_lifts_as_old_failures_leave_the_window(ctx: KioskContext, clock: FakeClock) -> None:
    _fail(ctx, 1)
    clock.advance(6 * 60)
    _fail(ctx, 4)
    with pytest.raises(SecurityError, match="wait 4 minutes"):
        guesses.ensure_allowed(ctx, LIMIT)


def test_a_success_clears_earlier_failures(ctx: KioskContext) -> None:
    _fail(ctx, 4)
    guesses.record_success(ctx, LIMIT)
    assert _fail(ctx, 4) == 1
    guesses.ensure_allowed(ctx, LIMIT)


def test_scopes_are_counted_separately(ctx: KioskContext) -> None:
    _fail(ctx, 5)
    guesses.ensure_allowed(ctx, guesses.candidate_limit("C-001"))
    guesses.ensure_allowed(ctx, guesses.release_code_limit())


def test_a_kiosk_wide_limit_allows_more_failures(ctx: KioskContext) -> None:
    limit = guesses.kiosk_login_limit()
    for _ in range(19):
        guesses.record_failure(ctx, limit)
    guesses.ensure_allowed(ctx, limit)
    guesses.record_failure(ctx, limit)
    with pytest.raises(SecurityError, match="Too many failed log-ins on this kiosk"):
        guesses.ensure_allowed(ctx, limit)


def test_a_restart_does_not_reset_the_count(tmp_path: Path, clock: FakeClock) -> None:
    first = open_context(tmp_path, clock=clock, hash_cost=HashCost.TEST)
    _fail(first, 5)
    first.close()
    again = open_context(tmp_path, clock=clock, hash_cost=HashCost.TEST)
    with pytest.raises(SecurityError, match="Too many wrong PINs"):
        guesses.ensure_allowed(again, LIMIT)
    again.close()


def test_a_clock_set_back_cannot_lock_for_longer_than_the_window(ctx: KioskContext, clock: FakeClock) -> None:
    _fail(ctx, 5)
    clock.jump_wall(-timedelta(hours=3).total_seconds())
    with pytest.raises(SecurityError, match="wait 10 minutes"):
        guesses.ensure_allowed(ctx, LIMIT)


@pytest.mark.parametrize(
    ("left", "phrase"),
    [
        (2, "2 more wrong tries will lock entry for 10 minutes."),
        (1, "1 more wrong try will lock entry for 10 minutes."),
        (0, "Entry is now locked for up to 10 minutes."),
    ],
)
def test_the_tries_left_phrase(left: int, phrase: str) -> None:
    assert guesses.tries_left_phrase(left, LIMIT) == phrase
