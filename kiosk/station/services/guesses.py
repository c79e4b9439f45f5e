"""Rate limits on guessing secrets (PINs, access codes, release codes), counted in the store.

Because failures are stored, restarting the kiosk does not reset a limit. A success in a scope clears
the failures before it. Wall time is used because the count must survive a restart; a wrong system clock
can only shorten or lengthen a wait, never unlock a secret.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from kiosk.domain.errors import SecurityError
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import audit


@dataclass(frozen=True, slots=True)
class GuessLimit:
    """At most ``max_failures`` wrong guesses of ``what`` in ``scope`` within ``window``."""

    scope: str
    what: str
    max_failures: int = 5
    window: timedelta = timedelta(minutes=10)


def pin_limit() -> GuessLimit:
    """Invigilator PINs typed on this kiosk."""
    return GuessLimit("pin", "wrong PINs")


def release_code_limit() -> GuessLimit:
    """Release codes typed to open a sitting on this kiosk."""
    return GuessLimit("release-code", "wrong release codes")


def candidate_limit(candidate_number: str) -> GuessLimit:
    """Access codes tried for one candidate number."""
    return GuessLimit(f"candidate:{candidate_number}", f"wrong access codes for candidate {candidate_number}")


def kiosk_login_limit() -> GuessLimit:
    """Failed candidate log-ins on this kiosk, whatever number was typed."""
    return GuessLimit("kiosk-login", "failed log-ins on this kiosk", max_failures=20)


def _failures_in_window(ctx: KioskContext, limit: GuessLimit) -> list[timedelta]:
    now = ctx.clock.wall()
    with ctx.store.session() as session:
        times = audit.recent_failures(session, limit.scope, now - limit.window)
    return [now - time for time in times]


def ensure_allowed(ctx: KioskContext, *limits: GuessLimit) -> None:
    """Raise SecurityError saying how long to wait if any limit has been reached."""
    for limit in limits:
        ages = _failures_in_window(ctx, limit)
        if len(ages) < limit.max_failures:
            continue
        # The lock lifts when the oldest of the last ``max_failures`` failures leaves the window.
        oldest_counted = ages[-limit.max_failures]
        # Capped: failures stamped in the future (the clock was set back) must not lock for longer.
        wait = min(limit.window, limit.window - oldest_counted)
        minutes = max(1, math.ceil(wait.total_seconds() / 60))
        unit = "minute" if minutes == 1 else "minutes"
        raise SecurityError(f"Too many {limit.what}: wait {minutes} {unit} before trying again.")


def record_failure(ctx: KioskContext, *limits: GuessLimit) -> int:
    """Count a wrong guess in each scope (committed at once); returns the tries left in the first."""
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        for limit in limits:
            audit.record_guess(session, limit.scope, False, now)
    first = limits[0]
    return max(0, first.max_failures - len(_failures_in_window(ctx, first)))


def record_success(ctx: KioskContext, *limits: GuessLimit) -> None:
    """Note a right guess, which clears the earlier failures in each scope."""
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        for limit in limits:
            audit.record_guess(session, limit.scope, True, now)


def tries_left_phrase(tries_left: int, limit: GuessLimit) -> str:
    """E.g. '2 more wrong tries lock this for 10 minutes.'"""
    minutes = int(limit.window.total_seconds() // 60)
    if tries_left <= 0:
        return f"Entry is now locked for up to {minutes} minutes."
    tries = "try" if tries_left == 1 else "tries"
    return f"{tries_left} more wrong {tries} will lock entry for {minutes} minutes."
