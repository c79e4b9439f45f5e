"""Rate limits on guessing secrets, kept in the store so a restart does not reset them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import SecurityError
from kiosk.formats import secrets
from kiosk.formats.secrets import HashCost, hash_secret
from kiosk.messages import sentence
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.exam import login
from kiosk.station.services.sittings import OpenSitting

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
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked\b") as caught:
        guesses.ensure_allowed(ctx, LIMIT)
    assert caught.value.params == {"minutes": 10}
    assert sentence(caught.value) == "Too many wrong PINs: wait 10 minutes before trying again."
    clock.advance(9 * 60 + 1)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked_one_minute$") as caught:
        guesses.ensure_allowed(ctx, LIMIT)
    assert sentence(caught.value) == "Too many wrong PINs: wait 1 minute before trying again."
    clock.advance(60)
    guesses.ensure_allowed(ctx, LIMIT)


def test_the_lock_lifts_as_old_failures_leave_the_window(ctx: KioskContext, clock: FakeClock) -> None:
    _fail(ctx, 1)
    clock.advance(6 * 60)
    _fail(ctx, 4)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked\b") as caught:
        guesses.ensure_allowed(ctx, LIMIT)
    assert caught.value.params["minutes"] == 4


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
    with pytest.raises(SecurityError, match=r"^login\.kiosk_locked\b"):
        guesses.ensure_allowed(ctx, limit)


def test_a_restart_does_not_reset_the_count(tmp_path: Path, clock: FakeClock) -> None:
    first = open_context(tmp_path, clock=clock, hash_cost=HashCost.TEST)
    _fail(first, 5)
    first.close()
    again = open_context(tmp_path, clock=clock, hash_cost=HashCost.TEST)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked\b"):
        guesses.ensure_allowed(again, LIMIT)
    again.close()


def test_a_clock_set_back_cannot_lock_for_longer_than_the_window(ctx: KioskContext, clock: FakeClock) -> None:
    _fail(ctx, 5)
    clock.jump_wall(-timedelta(hours=3).total_seconds())
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked\b") as caught:
        guesses.ensure_allowed(ctx, LIMIT)
    assert caught.value.params["minutes"] == 10


def test_a_wrong_guess_says_how_many_tries_are_left(ctx: KioskContext) -> None:
    wrong = guesses.WrongGuess("pin.wrong", "pin.wrong_last_try", "pin.wrong_now_locked")
    _fail(ctx, 2)
    told = [guesses.wrong_guess(ctx, wrong, LIMIT, name="x") for _ in range(3)]
    assert [(error.code, error.params) for error in told] == [
        ("pin.wrong", {"tries": 2, "minutes": 10, "name": "x"}),
        ("pin.wrong_last_try", {"minutes": 10, "name": "x"}),
        ("pin.wrong_now_locked", {"minutes": 10, "name": "x"}),
    ]


def test_the_candidate_limit_names_the_candidate(ctx: KioskContext) -> None:
    limit = guesses.candidate_limit("C-001")
    for _ in range(limit.max_failures):
        guesses.record_failure(ctx, limit)
    with pytest.raises(SecurityError, match=r"^login\.access_code_locked\b") as caught:
        guesses.ensure_allowed(ctx, limit)
    assert caught.value.params == {"number": "C-001", "minutes": 10}
    assert sentence(caught.value) == (
        "Too many wrong access codes for candidate C-001: wait 10 minutes before trying again."
    )


# Every typed access code costs one Argon2 hash, whether or not the number is on the roster, so the time a
# refusal takes cannot tell an intruder which candidate numbers exist.


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The memory cost of every Argon2id hash computed from now on, one entry per hash."""
    counted: list[int] = []

    def counting(**settings: Any) -> Argon2id:
        counted.append(settings["memory_cost"])
        return Argon2id(**settings)

    monkeypatch.setattr(secrets, "Argon2id", counting)
    return counted


def _refused_login(ctx: KioskContext, sitting: OpenSitting, number: str, code: str) -> None:
    with pytest.raises(SecurityError, match=r"^login\.wrong_code\b"):
        login(ctx, sitting, number, code)


def test_an_unknown_candidate_number_costs_the_same_hash_as_a_known_one(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], hashes: list[int]
) -> None:
    _refused_login(staffed, sitting, "C-002", "AAAA-AAAA")  # the first check of any kind also makes the dummy
    hashes.clear()
    _refused_login(staffed, sitting, "C-001", "AAAA-AAAA")
    known = list(hashes)
    hashes.clear()
    _refused_login(staffed, sitting, "X-999", "AAAA-AAAA")
    assert known == hashes == [HashCost.TEST.value[0]]


def test_the_first_check_pays_for_the_dummy_whichever_number_it_is(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], hashes: list[int]
) -> None:
    guesses._dummy_hash.cache_clear()
    _refused_login(staffed, sitting, "C-001", "AAAA-AAAA")
    assert len(hashes) == 2
    guesses._dummy_hash.cache_clear()
    hashes.clear()
    _refused_login(staffed, sitting, "X-999", "AAAA-AAAA")
    assert len(hashes) == 2


def test_secret_matches_checks_a_dummy_when_nothing_is_stored(ctx: KioskContext, hashes: list[int]) -> None:
    stored = hash_secret("K7QFM2XD", HashCost.TEST)
    guesses.secret_matches(ctx, "x", None)
    hashes.clear()
    assert guesses.secret_matches(ctx, "K7QFM2XD", stored)
    assert not guesses.secret_matches(ctx, "K7QFM2XE", stored)
    assert not guesses.secret_matches(ctx, "K7QFM2XD", None)
    assert len(hashes) == 3
    assert not guesses.secret_matches(ctx, "", stored)  # an empty code tells nothing and costs nothing
    assert len(hashes) == 3
