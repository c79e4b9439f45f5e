"""Rate limits on guessing secrets (PINs, access codes, release codes), counted in the store.

Because failures are stored, restarting the kiosk does not reset a limit. A success in a scope clears
the failures before it. Wall time is used because the count must survive a restart; a wrong system clock
can only shorten or lengthen a wait, never unlock a secret.
"""

from __future__ import annotations

import functools
import math
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from kiosk.domain.errors import SecurityError
from kiosk.formats.secrets import HashCost, hash_secret, verify_secret
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import audit


@dataclass(frozen=True, slots=True)
class GuessLimit:
    """At most ``max_failures`` wrong guesses in ``scope`` within ``window``.

    While the limit holds, guesses are refused with the error code ``locked`` (and the minutes to wait),
    or ``locked_one_minute`` in the last minute; both carry ``params``.
    """

    scope: str
    locked: str
    locked_one_minute: str
    max_failures: int = 5
    window: timedelta = timedelta(minutes=10)
    params: dict[str, object] = field(default_factory=dict)

    @property
    def window_minutes(self) -> int:
        return int(self.window.total_seconds() // 60)


def pin_limit() -> GuessLimit:
    """Invigilator PINs typed on this kiosk."""
    return GuessLimit("pin", "invigilator.pin_locked", "invigilator.pin_locked_one_minute")


def pin_override_limit() -> GuessLimit:
    """Invigilator PINs typed to clear a PIN lockout (the centre's recovery code is not limited: it cannot
    be guessed)."""
    return GuessLimit("pin-override", "invigilator.override_locked", "invigilator.override_locked_one_minute")


def release_code_limit() -> GuessLimit:
    """Release codes typed to open a sitting on this kiosk."""
    return GuessLimit("release-code", "sitting.release_code_locked", "sitting.release_code_locked_one_minute")


def candidate_limit(candidate_number: str) -> GuessLimit:
    """Access codes tried for one candidate number."""
    return GuessLimit(
        f"candidate:{candidate_number}",
        "login.access_code_locked",
        "login.access_code_locked_one_minute",
        params={"number": candidate_number},
    )


def kiosk_login_limit() -> GuessLimit:
    """Failed candidate log-ins on this kiosk, whatever number was typed."""
    return GuessLimit("kiosk-login", "login.kiosk_locked", "login.kiosk_locked_one_minute", max_failures=20)


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
        if minutes == 1:
            raise SecurityError(limit.locked_one_minute, **limit.params)
        raise SecurityError(limit.locked, minutes=minutes, **limit.params)


def is_locked(ctx: KioskContext, limit: GuessLimit) -> bool:
    """Whether ``limit`` refuses guesses now."""
    return len(_failures_in_window(ctx, limit)) >= limit.max_failures


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


@dataclass(frozen=True, slots=True)
class WrongGuess:
    """The error codes for a wrong secret: tries left, the last try left, and none left (now locked)."""

    tries_left: str
    last_try: str
    now_locked: str


def wrong_guess(ctx: KioskContext, codes: WrongGuess, *limits: GuessLimit, **params: object) -> SecurityError:
    """Count a wrong guess in each scope and return the error saying so, with the tries left in the first.

    Every code gets ``minutes`` (how long the lock lasts) and ``params``; ``tries_left`` also ``tries``.
    """
    left = record_failure(ctx, *limits)
    minutes = limits[0].window_minutes
    if left <= 0:
        return SecurityError(codes.now_locked, minutes=minutes, **params)
    if left == 1:
        return SecurityError(codes.last_try, minutes=minutes, **params)
    return SecurityError(codes.tries_left, tries=left, minutes=minutes, **params)


def secret_matches(ctx: KioskContext, typed: str, stored: str | None) -> bool:
    """True when ``typed`` is the secret whose hash is ``stored``; ``stored`` is None for an unknown name.

    An unknown name (a candidate number not on the roster) is checked against a dummy hash of the same
    cost, so every typed secret costs one hash and the time taken does not tell which names exist. An
    empty ``typed`` is refused without hashing: that tells nothing about any name.
    """
    dummy = _dummy_hash(ctx.hash_cost)  # made on the first call of any kind, never only for unknown names
    if not typed:
        return False
    if stored is None:
        verify_secret(typed, dummy)
        return False
    return verify_secret(typed, stored)


@functools.cache
def _dummy_hash(cost: HashCost) -> str:
    """A hash of a random secret nobody knows, one per cost."""
    return hash_secret(secrets.token_urlsafe(24), cost)
