"""The exam timer counts consumed monotonic time; wall-clock changes and outages are not charged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.domain.clock import (
    CHECKPOINT_INTERVAL_SECONDS,
    ExamTimer,
    FakeClock,
    SystemClock,
    allowed_seconds,
)
from kiosk.domain.errors import InputError
from kiosk.messages import sentence

START = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(monotonic_start=500.0, wall_start=START)


def running_timer(clock: FakeClock, allowed: float = 3600.0, consumed: float = 0.0) -> ExamTimer:
    timer = ExamTimer(allowed_seconds=allowed, consumed_seconds=consumed, clock=clock)
    timer.start()
    return timer


# --- clocks ---------------------------------------------------------------------------------------------


def test_fake_clock_advance_moves_both_clocks(clock: FakeClock) -> None:
    clock.advance(90.5)
    assert clock.monotonic() == 590.5
    assert clock.wall() == START + timedelta(seconds=90.5)


def test_fake_clock_jump_wall_moves_only_the_wall_clock(clock: FakeClock) -> None:
    clock.jump_wall(-7200)
    assert clock.monotonic() == 500.0
    assert clock.wall() == START - timedelta(hours=2)


def test_fake_clock_refuses_to_run_backwards(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="cannot go backwards"):
        clock.advance(-1)


def test_fake_clock_needs_an_aware_start_and_reports_utc() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(wall_start=datetime(2025, 6, 2, 8, 0))
    lusaka = timezone(timedelta(hours=2))
    assert FakeClock(wall_start=datetime(2025, 6, 2, 10, 0, tzinfo=lusaka)).wall() == START
    assert FakeClock(wall_start=START).wall().tzinfo is UTC


def test_system_clock_reads_real_clocks() -> None:
    clock = SystemClock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.wall().tzinfo is UTC


# --- allowance ------------------------------------------------------------------------------------------


def test_allowed_seconds_scales_duration_and_adds_grants() -> None:
    assert allowed_seconds(60, 1.0, 0.0) == 3600.0
    assert allowed_seconds(60, 1.25, 0.0) == 4500.0
    assert allowed_seconds(60, 1.25, 300.0) == 4800.0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            (0, 1.0, 0.0),
            "time.duration_invalid",
            "Exam duration must be a positive number of minutes, not 0.",
        ),
        (
            (60, 0.8, 0.0),
            "time.factor_invalid",
            "Extra-time factor must be 1 or more (for example 1.25), not 0.8.",
        ),
        (
            (60, float("nan"), 0.0),
            "time.factor_invalid",
            "Extra-time factor must be 1 or more (for example 1.25), not nan.",
        ),
        (
            (60, 1.0, -5.0),
            "time.granted_invalid",
            "Granted extra time must be a number of seconds, 0 or more; -5.0 was given.",
        ),
    ],
)
def test_allowed_seconds_rejects_bad_values(args: tuple[int, float, float], code: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        allowed_seconds(*args)
    assert caught.value.code == code
    assert sentence(caught.value) == message


# --- timer ----------------------------------------------------------------------------------------------


def test_time_counts_only_while_running(clock: FakeClock) -> None:
    timer = ExamTimer(allowed_seconds=600.0, consumed_seconds=0.0, clock=clock)
    clock.advance(100)  # instructions on screen: not counted
    assert timer.consumed() == 0.0
    assert not timer.running
    timer.start()
    assert timer.running
    clock.advance(30)
    assert timer.consumed() == 30.0
    timer.pause()
    clock.advance(1000)  # paused by the invigilator
    assert timer.consumed() == 30.0
    assert not timer.running
    timer.start()
    clock.advance(15)
    assert timer.consumed() == 45.0
    assert timer.remaining() == 555.0


def test_start_and_pause_are_idempotent(clock: FakeClock) -> None:
    timer = running_timer(clock)
    clock.advance(10)
    timer.start()  # must not restart the segment and lose 10 s
    clock.advance(5)
    assert timer.consumed() == 15.0
    timer.pause()
    timer.pause()
    assert timer.consumed() == 15.0


def test_a_wall_clock_jump_does_not_change_consumed_time(clock: FakeClock) -> None:
    timer = running_timer(clock, allowed=600.0)
    clock.advance(60)
    clock.jump_wall(3 * 3600)  # someone sets the system clock three hours ahead
    assert timer.consumed() == 60.0
    clock.jump_wall(-6 * 3600)  # and then back
    clock.advance(10)
    assert timer.consumed() == 70.0
    assert timer.remaining() == 530.0
    assert not timer.expired()
    assert timer.checkpoint() == 70.0


def test_resuming_from_a_checkpoint_does_not_charge_the_outage(clock: FakeClock) -> None:
    timer = running_timer(clock, allowed=600.0)
    clock.advance(200)
    stored = timer.checkpoint()
    clock.advance(3)  # answered nothing more, then the power failed
    # The kiosk comes back on another boot, where the monotonic clock restarted from a small value.
    after_outage = FakeClock(monotonic_start=12.0, wall_start=START + timedelta(hours=1))
    resumed = ExamTimer(allowed_seconds=600.0, consumed_seconds=stored, clock=after_outage)
    assert resumed.consumed() == 200.0
    resumed.start()
    after_outage.advance(50)
    assert resumed.consumed() == 250.0
    assert resumed.remaining() == 350.0


def test_remaining_is_never_negative_and_expiry_is_at_the_allowance(clock: FakeClock) -> None:
    timer = running_timer(clock, allowed=100.0, consumed=40.0)
    clock.advance(59.5)
    assert not timer.expired()
    assert timer.remaining() == 0.5
    clock.advance(0.5)
    assert timer.expired()
    assert timer.remaining() == 0.0
    clock.advance(30)
    assert timer.remaining() == 0.0
    assert timer.consumed() == 130.0


def test_grant_extends_the_allowance(clock: FakeClock) -> None:
    timer = running_timer(clock, allowed=100.0)
    clock.advance(100)
    assert timer.expired()
    timer.grant(300)
    assert timer.allowed_seconds == 400.0
    assert not timer.expired()
    assert timer.remaining() == 300.0


@pytest.mark.parametrize("extra", [0.0, -60.0, float("inf")])
def test_grant_rejects_non_positive_time(clock: FakeClock, extra: float) -> None:
    timer = running_timer(clock)
    with pytest.raises(InputError) as caught:
        timer.grant(extra)
    assert (caught.value.code, caught.value.params) == ("time.extra_invalid", {"seconds": extra})
    assert timer.allowed_seconds == 3600.0


def test_checkpoint_returns_consumed_and_rebases(clock: FakeClock) -> None:
    timer = running_timer(clock, consumed=100.0)
    clock.advance(7)
    assert timer.checkpoint() == 107.0
    clock.advance(2)
    assert timer.consumed() == 109.0
    assert timer.checkpoint() == 109.0


def test_checkpoint_while_paused_keeps_the_total(clock: FakeClock) -> None:
    timer = running_timer(clock)
    clock.advance(20)
    timer.pause()
    clock.advance(500)
    assert timer.checkpoint() == 20.0
    assert timer.consumed() == 20.0


def test_a_checkpoint_is_due_after_the_interval_of_running_time(clock: FakeClock) -> None:
    assert CHECKPOINT_INTERVAL_SECONDS == 5.0
    timer = running_timer(clock, consumed=30.0)
    assert not timer.due_checkpoint()
    clock.advance(4.9)
    assert not timer.due_checkpoint()
    clock.advance(0.1)
    assert timer.due_checkpoint()
    timer.checkpoint()
    assert not timer.due_checkpoint()
    clock.advance(2)
    assert timer.due_checkpoint(interval=2.0)


def test_paused_time_does_not_make_a_checkpoint_due(clock: FakeClock) -> None:
    timer = running_timer(clock)
    clock.advance(3)
    timer.pause()
    clock.advance(60)
    assert not timer.due_checkpoint()
    timer.start()
    clock.advance(2)
    assert timer.due_checkpoint()


def test_a_wall_clock_jump_does_not_make_a_checkpoint_due(clock: FakeClock) -> None:
    timer = running_timer(clock)
    clock.jump_wall(3600)
    assert not timer.due_checkpoint()


@pytest.mark.parametrize(
    ("allowed", "consumed", "code", "message"),
    [
        (
            -1.0,
            0.0,
            "time.allowed_invalid",
            "Allowed exam time must be a number of seconds, 0 or more; -1.0 was given.",
        ),
        (
            60.0,
            -0.5,
            "time.consumed_invalid",
            "Consumed exam time must be a number of seconds, 0 or more; -0.5 was given.",
        ),
        (
            60.0,
            float("nan"),
            "time.consumed_invalid",
            "Consumed exam time must be a number of seconds, 0 or more; nan was given.",
        ),
    ],
)
def test_timer_rejects_bad_starting_values(
    clock: FakeClock, allowed: float, consumed: float, code: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        ExamTimer(allowed_seconds=allowed, consumed_seconds=consumed, clock=clock)
    assert caught.value.code == code
    assert sentence(caught.value) == message
