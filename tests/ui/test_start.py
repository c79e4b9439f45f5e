"""Start-up: the kiosk window paints first and opens its store behind it, and the store's integrity check
stays the gate: nothing is unlocked, logged into or opened for an invigilator before it has passed, and a
store that fails it is reported in the window, which then lets itself be closed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.domain.errors import StoreError
from kiosk.station.services.context import KioskContext
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import PIN, RELEASE_CODE, Centre, Driver

CHECKING = "Checking the kiosk store…"
STILL_CHECKING = "The kiosk is still checking its store; try again in a moment."


@pytest.fixture(autouse=True)
def _display_notes_stay_here(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a window notes about this PC's screen for the lab check stays out of the other tests.
    monkeypatch.setattr("kiosk.station.services.labcheck.note_display", lambda *facts: None)


class HeldStore:
    """An ``open_store`` for the window that waits until the test lets it return the centre's store."""

    def __init__(self, ctx: KioskContext) -> None:
        self.ctx = ctx
        self.release = threading.Event()

    def __call__(self) -> KioskContext:
        if not self.release.wait(30):
            raise TimeoutError("the test never let the store open")
        return self.ctx


@pytest.fixture
def held(qtbot, centre: Centre) -> Iterator[tuple[MainWindow, HeldStore]]:
    store = HeldStore(centre.ctx)
    window = MainWindow(None, lockdown=False, refresh_ms=20)
    try:
        window.start(store)
        yield window, store
    finally:
        # Let the worker go before the window is closed: closing waits for it.
        store.release.set()
        window.close()
        window.deleteLater()


def _damaged(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "kiosk.db").write_bytes(b"\x00garbage" * 1000)
    return folder


def test_the_window_is_on_screen_before_its_store_is_open(qtbot, held) -> None:
    window, _store = held
    qtbot.waitUntil(window.isVisible)
    assert not window.ready
    assert window.idle.progress.text() == CHECKING
    assert not window.idle.unlock_button.isEnabled()


def test_nothing_needing_the_store_can_be_done_until_it_passed_its_check(qtbot, held, centre) -> None:
    window, store = held
    presenter = window.presenter
    with qtbot.waitSignal(presenter.unlock_failed) as refused:
        presenter.unlock(centre.sitting_id, PIN, RELEASE_CODE)
    assert refused.args == [STILL_CHECKING, ""]
    with qtbot.waitSignal(presenter.login_failed):
        presenter.login("C-001", centre.codes["C-001"])
    assert presenter.open_sitting is None and presenter.session is None
    # The invigilator's menu checks a PIN against the store: it says why it cannot open yet.
    window.header.invigilator_button.click()
    assert window.prompter.current is not None and window.prompter.current.kind == "inform"
    assert window.prompter.current.message_label.text() == STILL_CHECKING
    window.prompter.current.buttons["accept"].click()

    store.release.set()
    qtbot.waitUntil(lambda: window.ready, timeout=10000)
    assert window.idle.unlock_button.isEnabled()
    assert window.idle.progress.text() == ""
    assert "Test Centre" in window.header.place.text()
    driver = Driver(qtbot, window, centre)
    driver.unlock()
    driver.login()


def test_a_damaged_store_is_reported_in_the_window_and_opens_nothing(qtbot, tmp_path) -> None:
    from kiosk.app import close_store, open_window

    window = open_window(_damaged(tmp_path / "data"), lockdown=True)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.presenter.store_error is not None, timeout=10000)
        failure = window.presenter.store_error
        assert isinstance(failure, StoreError) and failure.code == "kiosk_store.damaged"
        assert not window.ready
        assert window.idle.error.text().startswith("The kiosk store at ")
        assert "is damaged" in window.idle.error.text()
        assert window.idle.unlock_button.isHidden() and not window.idle.unlock_button.isEnabled()
        with qtbot.waitSignal(window.presenter.unlock_failed) as refused:
            window.presenter.unlock(1, PIN, RELEASE_CODE)
        assert refused.args[0] == window.idle.error.text()
        # No exam can run and no PIN can be checked: the window may be closed without one.
        assert not window.lockdown.engaged
        window.close()
        assert not window.isVisible()
    finally:
        window.presenter.shutdown()
        window.languages.reset()
        close_store(window)


def test_run_kiosk_ends_with_the_stores_error_once_its_window_is_closed(qtbot, tmp_path) -> None:
    from kiosk.app import run_kiosk

    def close_when_refused() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.presenter.store_error is not None:
                widget.close()
                return
        QTimer.singleShot(20, close_when_refused)

    QTimer.singleShot(20, close_when_refused)
    with pytest.raises(StoreError) as caught:
        run_kiosk(_damaged(tmp_path / "data"), lockdown=False)
    assert caught.value.code == "kiosk_store.damaged"


def test_the_first_paint_waits_for_neither_the_store_nor_its_libraries(tmp_path) -> None:
    """Importing the kiosk and painting its window bring in none of SQLAlchemy, the services or
    cryptography: those are imported behind the painted window, by the worker that opens the store."""
    script = (
        "import json, sys\n"
        "from kiosk.app import application\n"
        "from kiosk.ui.main_window import MainWindow\n"
        "application()\n"
        "window = MainWindow(None, lockdown=False)\n"
        "window.show()\n"
        "window.repaint()\n"
        "application().processEvents()\n"
        "prefixes = ('sqlalchemy', 'cryptography', 'kiosk.station', 'kiosk.formats', 'PySide6.QtSvg')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(prefixes))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
