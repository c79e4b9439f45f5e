"""Lockdown inside the app: full screen, frameless, escape keys and close swallowed, focus losses logged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.station.storage.repositories import audit
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import Driver


@pytest.fixture
def locked(qtbot, centre):
    window = MainWindow(centre.ctx, lockdown=True, refresh_ms=20)
    qtbot.addWidget(window)
    window.start()
    yield window
    window.presenter.shutdown()
    window.lockdown.release()
    window.languages.reset()


def _focus_incidents(centre):
    with centre.ctx.store.session() as session:
        return [
            i for i in audit.incidents(session, sitting_id=centre.sitting_id) if i.category == "focus_loss"
        ]


def test_the_kiosk_is_full_screen_and_frameless(qtbot, locked) -> None:
    qtbot.waitUntil(locked.isVisible)
    assert locked.isFullScreen()
    assert locked.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert locked.lockdown.engaged


def test_closing_the_window_is_refused(qtbot, locked) -> None:
    with qtbot.waitSignal(locked.lockdown.escape_blocked) as blocked:
        locked.close()
    assert blocked.args == ["close"]
    assert locked.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_escape_shortcuts_are_swallowed(qtbot, locked, key, modifiers) -> None:
    with qtbot.waitSignal(locked.lockdown.escape_blocked):
        qtbot.keyClick(locked.idle.unlock_button, key, modifiers)
    assert locked.isVisible()


def test_escape_still_cancels_a_prompt(qtbot, locked) -> None:
    qtbot.mouseClick(locked.header.invigilator_button, Qt.MouseButton.LeftButton)
    assert locked.prompter.is_open
    qtbot.keyClick(locked.prompter.current.buttons["reject"], Qt.Key.Key_Escape)
    assert not locked.prompter.is_open


def test_every_focus_loss_during_a_sitting_is_an_incident(qtbot, locked, centre) -> None:
    app = QApplication.instance()
    # Before any sitting is open there is nothing to attach an incident to.
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert _focus_incidents(centre) == []
    driver = Driver(qtbot, locked, centre)
    driver.start_exam()
    attempt = locked.presenter.session.attempt_id
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    # The focus window going away in the same loss is not a second incident.
    app.focusWindowChanged.emit(None)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    incidents = _focus_incidents(centre)
    assert len(incidents) == 2
    assert {i.attempt_id for i in incidents} == {attempt}
    assert {i.recorded_by for i in incidents} == {"kiosk"}
    assert incidents[0].description.startswith("The kiosk program stopped being the active application")


def test_only_the_invigilator_can_leave(qtbot, locked, centre) -> None:
    driver = Driver(qtbot, locked, centre)
    driver.invigilator_menu("leave")
    driver.answer_prompt("accept")
    qtbot.waitUntil(lambda: not locked.isVisible())
    assert not locked.lockdown.engaged


def test_without_lockdown_the_window_is_ordinary(window) -> None:
    assert not window.isFullScreen()
    assert not window.lockdown.engaged
    window.close()
    assert not window.isVisible()
