"""The application object, and the guard against PySide6 6.12.0 dropping references to None."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

from kiosk.ui.application import (
    GUARD_NAME,
    NoneReferenceGuard,
    application,
    guard_reference_counts,
    leaks_none,
)


def test_application_reuses_the_running_one(qapp) -> None:
    assert application() is qapp


def test_the_guard_is_on_exactly_when_this_pyside_leaks_and_only_once(qapp) -> None:
    guard = guard_reference_counts(qapp)
    assert (guard is not None) is leaks_none()
    assert guard_reference_counts(qapp) is guard
    assert qapp.findChildren(NoneReferenceGuard, GUARD_NAME) == ([guard] if guard else [])


def test_the_guard_replaces_references_that_were_dropped(qapp) -> None:
    guard = NoneReferenceGuard(reserve=1000)
    try:
        held = [None] * 500
        guard.floor = sys.getrefcount(None)
        del held  # 500 references to None go, as the defect would drop them
        replaced = guard.top_up()
        assert replaced >= 500
        assert sys.getrefcount(None) >= guard.floor
        assert guard.added >= 1500
        # Nothing missing: nothing added.
        guard.floor = sys.getrefcount(None) - 10
        assert guard.top_up() == 0
    finally:
        guard.timer.stop()


def test_the_self_test_matches_what_a_void_call_does(qapp) -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(400):
        probe.setObjectName("probe")
    dropped = before - sys.getrefcount(None) >= 200
    assert leaks_none() is dropped
