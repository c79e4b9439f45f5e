"""Sittings: scheduling, unlocking with PIN and release code (decrypted in memory only), closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kiosk.domain.attempt import AttemptState
from kiosk.domain.errors import BankError, InputError, RuleError, SecurityError
from kiosk.messages import sentence
from kiosk.station.services.bank_install import install_package
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import find_interrupted, login
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import (
    SittingState,
    close_sitting,
    get_sitting,
    list_sittings,
    open_sitting,
    schedule_sitting,
)
from kiosk.station.storage.repositories import attempts
from tests.fixtures.kiosk import PIN, RELEASE_CODE, make_bank

DAY = date(2025, 6, 2)


def test_a_sitting_is_scheduled_for_an_installed_bank(installed: KioskContext) -> None:
    info = schedule_sitting(installed, "  Maintenance II   theory ", "maintenance-2", DAY, show_score=True)
    assert (info.name, info.bank_id, info.bank_version, info.state, info.show_score) == (
        "Maintenance II theory",
        "maintenance-2",
        None,
        SittingState.SCHEDULED,
        True,
    )
    assert get_sitting(installed, info.id) == info


def test_scheduling_needs_a_name_and_an_installed_bank(installed: KioskContext) -> None:
    with pytest.raises(InputError, match=r"^sitting\.name_empty$"):
        schedule_sitting(installed, " ", "maintenance-2", DAY)
    with pytest.raises(InputError, match=r"^sitting\.name_too_long max_length=200$"):
        schedule_sitting(installed, "x" * 201, "maintenance-2", DAY)
    with pytest.raises(RuleError, match=r"^sitting\.bank_not_installed bank=design-1$"):
        schedule_sitting(installed, "Design", "design-1", DAY)
    assert list_sittings(installed) == []


def test_sittings_are_listed_by_date(installed: KioskContext) -> None:
    later = schedule_sitting(installed, "Tuesday", "maintenance-2", date(2025, 6, 3))
    earlier = schedule_sitting(installed, "Monday", "maintenance-2", DAY)
    assert [info.name for info in list_sittings(installed)] == ["Monday", "Tuesday"]
    assert list_sittings(installed, date(2025, 6, 3)) == [later]
    assert get_sitting(installed, earlier.id).name == "Monday"
    with pytest.raises(InputError, match=r"^sitting\.unknown sitting=99$"):
        get_sitting(installed, 99)


def test_opening_unlocks_the_bank_in_memory_only(staffed: KioskContext) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    opened = open_sitting(staffed, info.id, PIN, "k7qf m2xd 9pha")
    assert opened.bank == make_bank()
    assert (opened.opened_by, opened.bank_version, opened.sitting_id) == ("Ms Mulenga", 1, info.id)
    assert get_sitting(staffed, info.id).state is SittingState.OPEN
    assert get_sitting(staffed, info.id).bank_version == 1
    for path in staffed.data_dir.rglob("*"):
        if path.is_file():
            assert b"Question F-01" not in path.read_bytes(), path


def test_a_wrong_release_code_is_counted_and_then_locked(staffed: KioskContext) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    with pytest.raises(SecurityError, match=r"^sitting\.release_code_wrong\b") as caught:
        open_sitting(staffed, info.id, PIN, "AAAA-BBBB-CCCC")
    assert {key: caught.value.params[key] for key in ("tries", "minutes")} == {"tries": 4, "minutes": 10}
    assert sentence(caught.value) == (
        "The release code is not correct for this bank package. "
        "4 more wrong tries will lock entry for 10 minutes."
    )
    told = []
    for _ in range(4):
        with pytest.raises(SecurityError, match=r"^sitting\.release_code_wrong") as caught:
            open_sitting(staffed, info.id, PIN, "AAAA-BBBB-CCCC")
        told.append(caught.value.code)
    assert told[-1] == "sitting.release_code_wrong_now_locked"
    with pytest.raises(SecurityError, match=r"^sitting\.release_code_locked minutes=10$"):
        open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    assert get_sitting(staffed, info.id).state is SittingState.SCHEDULED


def test_a_wrong_pin_opens_nothing(staffed: KioskContext) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        open_sitting(staffed, info.id, "000000", RELEASE_CODE)
    assert get_sitting(staffed, info.id).state is SittingState.SCHEDULED


def test_a_damaged_installed_package_is_not_taken_for_a_wrong_code(staffed: KioskContext) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    (staffed.packages_dir / "maintenance-2-v1.1xbank").write_bytes(b"not a package")
    for _ in range(6):
        with pytest.raises(BankError, match=r"^installed_package\.changed\b"):
            open_sitting(staffed, info.id, PIN, RELEASE_CODE)


def test_reopening_after_a_restart_keeps_the_pinned_version(
    staffed: KioskContext, write_package: Callable[..., Path]
) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    install_package(staffed, write_package(make_bank(version=2)))
    again = open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    assert again.bank_version == 1
    fresh = schedule_sitting(staffed, "Afternoon", "maintenance-2", DAY)
    assert open_sitting(staffed, fresh.id, PIN, RELEASE_CODE).bank_version == 2


def test_closing_submits_paused_and_interrupted_attempts_and_leaves_unstarted_ones(
    staffed: KioskContext, codes: dict[str, str]
) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    opened = open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    paused = login(staffed, opened, "C-001", codes["C-001"])
    paused.start()
    paused.record_answer("F-01", "B")
    paused.pause(PIN)
    crashed = login(staffed, opened, "C-002", codes["C-002"])
    crashed.start()
    # A restart finds C-002's attempt still running.
    find_interrupted(staffed)
    roster = staffed.data_dir.parent / "late.csv"
    roster.write_text("number,name,certificate,grade\nC-004,Late Comer,maintenance,2\n", encoding="utf-8")
    late_code = import_roster(staffed, roster).codes[0].access_code
    never = login(staffed, opened, "C-004", late_code)

    closed = close_sitting(staffed, opened, PIN)

    assert closed.sitting.state is SittingState.CLOSED
    assert set(closed.submitted) == {paused.attempt_id, crashed.attempt_id}
    assert closed.never_started == (never.attempt_id,)
    with staffed.store.session() as session:
        for attempt_id in closed.submitted:
            record = attempts.get_attempt(session, attempt_id)
            assert record is not None and record.state == AttemptState.SUBMITTED.value
            assert record.submission_code is not None and record.result_json is not None
    with pytest.raises(RuleError, match=r"^sitting\.closed_for_login\b") as caught:
        login(staffed, opened, "C-004", late_code)
    assert caught.value.params == {"sitting": info.id, "name": "Theory"}
    with pytest.raises(RuleError, match=r"^sitting\.closed\b"):
        open_sitting(staffed, info.id, PIN, RELEASE_CODE)


def test_a_sitting_with_a_candidate_still_running_cannot_close(
    staffed: KioskContext, codes: dict[str, str]
) -> None:
    info = schedule_sitting(staffed, "Theory", "maintenance-2", DAY)
    opened = open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    running = login(staffed, opened, "C-001", codes["C-001"])
    running.start()
    with pytest.raises(RuleError, match=rf"^sitting\.attempts_running attempts={running.attempt_id}$"):
        close_sitting(staffed, opened, PIN)
    assert get_sitting(staffed, info.id).state is SittingState.OPEN
