"""The console switches language as a whole, at once, and back; it loads the kiosk's catalogues too.

That every console string has a Chinese translation is checked with the kiosk's in ``tests/ui/test_i18n.py``.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.ui.admin.centre.roster import RosterPage
from kiosk.ui.admin.i18n import CONSOLE_CATALOGUES
from kiosk.ui.admin.window import AdminWindow
from kiosk.ui.i18n import catalogue_files
from tests.ui.admin.admin_helpers import click, settle


def test_the_console_loads_the_kiosks_catalogues_and_its_own() -> None:
    names = {path.name for path in catalogue_files("zh", CONSOLE_CATALOGUES)}
    assert {"kiosk_zh_CN.qm", "console_zh_CN.qm"} <= names
    assert any(name.startswith("errors_") for name in names)
    assert {path.name for path in catalogue_files("en", CONSOLE_CATALOGUES)} == {
        "kiosk_en.qm",
        "console_en.qm",
    }


def test_the_whole_console_switches_language_and_back(qtbot: QtBot, centre: AdminWindow) -> None:
    page = centre.show_page("roster")
    assert isinstance(page, RosterPage)
    settle(qtbot, centre)
    assert centre.language_button.text() == "中文"

    click(qtbot, centre.language_button)
    assert centre.windowTitle() == "1+X 管理控制台"
    assert centre.title_label.text() == "考点管理"
    assert centre.nav.item(0).text() == "导入名单"
    assert centre.nav.item(3).text() == "题库包"
    assert page.title_label.text() == "导入考生名单"
    assert page.preview_button.text() == "检查文件"
    assert page.problems.horizontalHeaderItem(2).text() == "需要修改的内容"
    assert centre.language_button.text() == "English"

    click(qtbot, page.preview_button)
    assert page.summary.text == "请先输入或选择名单文件。"

    click(qtbot, centre.language_button)
    assert centre.nav.item(0).text() == "Roster import"
    assert page.title_label.text() == "Import the candidate roster"
    assert centre.language_button.text() == "中文"
