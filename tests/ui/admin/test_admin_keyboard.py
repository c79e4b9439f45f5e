"""The console without a mouse (pages by Ctrl+number, Tab through a page, Enter and Space to act, Escape to
close a question), and a console that will not close while its work runs."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.station.services import roster
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.centre.roster import RosterPage
from kiosk.ui.admin.window import AdminWindow
from tests.ui.admin.admin_helpers import settle

GOOD = (
    "Candidate number,Name,Certificate,Grade\n"
    "C-001,Mwila Banda,maintenance,II\n"
    "C-002,Chanda Phiri,maintenance,2\n"
)


def _focus(qtbot: QtBot, window: AdminWindow) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is window
    return widget


def _tab_to(qtbot: QtBot, window: AdminWindow, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus (a person tabbing through the page)."""
    for _ in range(40):
        widget = _focus(qtbot, window)
        if widget is target:
            return
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def test_pages_are_chosen_with_ctrl_and_a_number(qtbot: QtBot, centre: AdminWindow) -> None:
    centre.activateWindow()
    qtbot.waitActive(centre)
    with qtbot.waitSignal(centre.page_changed) as shown:
        qtbot.keyClick(centre, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == ["candidates"]
    assert centre.current_page.page_name == "candidates"
    assert QApplication.focusWidget() is centre.current_page.first_input
    qtbot.keyClick(centre, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert centre.current_page.page_name == "sittings"
    centre.nav.setFocus()
    qtbot.keyClick(centre.nav, Qt.Key.Key_Up)
    assert centre.current_page.page_name == "banks"
    assert "Ctrl+4" in centre.nav.item(3).toolTip()


def test_a_roster_is_imported_with_the_keyboard_alone(
    qtbot: QtBot, centre: AdminWindow, ctx: KioskContext, tmp_path: Path
) -> None:
    csv = tmp_path / "roster.csv"
    csv.write_text(GOOD, encoding="utf-8")
    centre.activateWindow()
    qtbot.waitActive(centre)
    qtbot.keyClick(centre, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = centre.current_page
    assert isinstance(page, RosterPage)

    _tab_to(qtbot, centre, page.file.edit)
    qtbot.keyClicks(page.file.edit, str(csv))
    qtbot.keyClick(page.file.edit, Qt.Key.Key_Return)
    settle(qtbot, centre)
    assert page.import_button.isEnabled()

    _tab_to(qtbot, centre, page.import_button)
    qtbot.keyClick(page.import_button, Qt.Key.Key_Space)
    settle(qtbot, centre)
    assert [c.candidate_number for c in roster.list_candidates(ctx)] == ["C-001", "C-002"]
    assert page.views.currentIndex() == 1

    _tab_to(qtbot, centre, page.done_button)
    qtbot.keyClick(page.done_button, Qt.Key.Key_Space)
    panel = centre.prompter.current
    assert panel is not None
    qtbot.keyClick(_focus(qtbot, centre), Qt.Key.Key_Escape)
    assert centre.prompter.current is None
    assert page.views.currentIndex() == 1, "Escape keeps the codes on screen"


def test_the_console_does_not_close_while_work_runs(qtbot: QtBot, centre: AdminWindow) -> None:
    release = threading.Event()
    finished: list[bool] = []
    page = centre.current_page
    centre.tools.run(page, "held-open", lambda: release.wait(10), finished.append, "unused")
    assert page.busy

    centre.close()
    assert centre.isVisible()
    assert centre.prompter.current is not None
    assert centre.prompter.current.title_label.text() == "Work is still running"

    release.set()
    settle(qtbot, centre)
    assert finished == [True]
    assert not page.busy
