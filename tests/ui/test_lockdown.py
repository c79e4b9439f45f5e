"""Lockdown inside the app: full screen, frameless, escape keys and close swallowed, focus losses logged
with their real length, the screen taken back, and one kiosk per data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.errors import StoreError
from kiosk.station.services.lockdown import claim_data_folder
from kiosk.station.storage.repositories import audit
from kiosk.ui.errors import error_message
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


def _focus_lengths(centre) -> list[float | None]:
    return [incident.duration_seconds for incident in _focus_incidents(centre)]


def test_a_minimised_kiosk_restores_itself_and_logs_the_real_length(qtbot, locked, centre) -> None:
    driver = Driver(qtbot, locked, centre)
    driver.start_exam()
    qtbot.waitUntil(locked.lockdown.is_back)
    locked.showMinimized()
    assert locked.isMinimized()
    (incident,) = _focus_incidents(centre)
    assert incident.description == "The kiosk window was minimised."
    assert incident.duration_seconds is None
    centre.clock.advance(2.5)
    # Within a second it is full screen, raised and active again.
    qtbot.waitUntil(locked.lockdown.is_back, timeout=1000)
    assert locked.isFullScreen() and not locked.isMinimized() and locked.isActiveWindow()
    qtbot.waitUntil(lambda: _focus_lengths(centre) == [2.5], timeout=1000)
    assert incident.attempt_id == locked.presenter.session.attempt_id


def test_a_kiosk_whose_keyboard_another_window_takes_takes_it_back(qtbot, locked, centre) -> None:
    driver = Driver(qtbot, locked, centre)
    driver.start_exam()
    qtbot.waitUntil(locked.lockdown.is_back)
    other = QWidget()
    other.setWindowTitle("Another program")
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    # Another program's window has the keyboard: for the kiosk, the focus window is gone.
    QApplication.instance().focusWindowChanged.emit(None)
    centre.clock.advance(1.25)
    qtbot.waitUntil(locked.isActiveWindow, timeout=1000)
    assert QApplication.activeWindow() is locked
    qtbot.waitUntil(lambda: _focus_lengths(centre) == [1.25], timeout=1000)
    # The candidate's keyboard is back in the question.
    driver.qtbot.waitUntil(lambda: locked.exam.view.isAncestorOf(QApplication.focusWidget()))


def test_a_second_kiosk_on_the_same_data_folder_is_refused(qtbot, centre, monkeypatch) -> None:
    from kiosk.app import run_kiosk

    # What the window notes about this PC's screen for the lab check stays out of the other tests.
    monkeypatch.setattr("kiosk.station.services.labcheck.note_display", lambda *facts: None, raising=False)
    held = claim_data_folder(centre.ctx.data_dir)
    try:
        with pytest.raises(StoreError) as caught:
            run_kiosk(centre.ctx.data_dir, lockdown=False, clock=centre.clock)
    finally:
        held.release()
    assert caught.value.code == "kiosk_store.in_use"
    assert error_message(caught.value).startswith(
        "Another kiosk program is already running on the data folder"
    )
