"""Exam time: clocks to read, and a timer that counts time consumed rather than a deadline.

As docs/ARCHITECTURE.md §4 says, only the monotonic clock measures the exam, so a change of the system clock
has no effect. What survives a crash is the consumed time at the last checkpoint; the outage between that
checkpoint and the restart is never charged to the candidate.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

from kiosk.domain.errors import InputError

CHECKPOINT_INTERVAL_SECONDS = 5.0


class Clock(Protocol):
    """Where the exam reads time from: a monotonic clock for measuring, a wall clock for records."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go backwards."""
        ...

    def wall(self) -> datetime:
        """The current date and time, timezone-aware in UTC."""
        ...


class SystemClock:
    """The real clocks of this machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to, for tests and demos."""

    def __init__(
        self, monotonic_start: float = 1000.0, wall_start: datetime = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
    ) -> None:
        if wall_start.tzinfo is None:
            raise ValueError("wall_start must be timezone-aware")
        self._monotonic = monotonic_start
        self._wall = wall_start.astimezone(UTC)

    def monotonic(self) -> float:
        return self._monotonic

    def wall(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass on both clocks."""
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go backwards; use jump_wall to move the wall clock")
        self._monotonic += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock, forwards or back, as when someone changes the system time."""
        self._wall += timedelta(seconds=seconds)


def allowed_seconds(duration_minutes: int, extra_time_factor: float, granted_seconds: float) -> float:
    """The time a candidate is allowed: the blueprint duration scaled by their factor, plus grants."""
    if not math.isfinite(duration_minutes) or duration_minutes <= 0:
        raise InputError("time.duration_invalid", minutes=duration_minutes)
    if not math.isfinite(extra_time_factor) or extra_time_factor < 1.0:
        raise InputError("time.factor_invalid", factor=extra_time_factor)
    if not math.isfinite(granted_seconds) or granted_seconds < 0:
        raise InputError("time.granted_invalid", seconds=granted_seconds)
    return duration_minutes * 60.0 * extra_time_factor + granted_seconds


class ExamTimer:
    """Counts the exam time a candidate has used, from a checkpointed total plus the running segment."""

    def __init__(self, allowed_seconds: float, consumed_seconds: float, clock: Clock) -> None:
        if not math.isfinite(allowed_seconds) or allowed_seconds < 0:
            raise InputError("time.allowed_invalid", seconds=allowed_seconds)
        if not math.isfinite(consumed_seconds) or consumed_seconds < 0:
            raise InputError("time.consumed_invalid", seconds=consumed_seconds)
        self._allowed = float(allowed_seconds)
        self._consumed = float(consumed_seconds)
        self._clock = clock
        self._segment_start: float | None = None
        self._last_checkpoint = self._consumed

    @property
    def allowed_seconds(self) -> float:
        return self._allowed

    @property
    def running(self) -> bool:
        return self._segment_start is not None

    def start(self) -> None:
        """Start (or restart after a pause) counting time; does nothing if already running."""
        if self._segment_start is None:
            self._segment_start = self._clock.monotonic()

    def pause(self) -> None:
        """Stop counting time, keeping what was used; does nothing if already paused."""
        self._consumed = self.consumed()
        self._segment_start = None

    def consumed(self) -> float:
        """Seconds used: the checkpointed total plus monotonic time elapsed while running."""
        if self._segment_start is None:
            return self._consumed
        return self._consumed + max(0.0, self._clock.monotonic() - self._segment_start)

    def remaining(self) -> float:
        return max(0.0, self._allowed - self.consumed())

    def expired(self) -> bool:
        return self.consumed() >= self._allowed

    def grant(self, extra_seconds: float) -> None:
        """Add invigilator-granted time to the allowance."""
        if not math.isfinite(extra_seconds) or extra_seconds <= 0:
            raise InputError("time.extra_invalid", seconds=extra_seconds)
        self._allowed += extra_seconds

    def checkpoint(self) -> float:
        """Return the time consumed now, to be stored, and count on from here."""
        self._consumed = self.consumed()
        if self._segment_start is not None:
            self._segment_start = self._clock.monotonic()
        self._last_checkpoint = self._consumed
        return self._consumed

    def due_checkpoint(self, interval: float = CHECKPOINT_INTERVAL_SECONDS) -> bool:
        """Whether ``interval`` seconds of running time have passed since the last checkpoint."""
        return self.consumed() - self._last_checkpoint >= interval
