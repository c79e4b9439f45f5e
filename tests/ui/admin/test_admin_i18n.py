"""The console's words: every one is translatable, has a Simplified Chinese translation with the same
placeholders, and the whole console switches language at once (and back)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.ui.admin import i18n
from kiosk.ui.admin.centre.roster import RosterPage
from kiosk.ui.admin.i18n import console_catalogue, load_admin_catalogue
from kiosk.ui.admin.window import AdminWindow
from kiosk.ui.i18n import load_catalogue
from tests.ui.admin.admin_helpers import click, settle

ADMIN = Path(i18n.__file__).resolve().parent


def _calls(root: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Every tr(context, text) in the console's code, and where a call is not two string literals."""
    found: dict[str, set[str]] = {}
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                args = node.args
                if len(args) == 2 and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
                ):
                    found.setdefault(args[0].value, set()).add(args[1].value)  # type: ignore[union-attr]
                else:
                    bad.append(f"{path.name}:{node.lineno}")
    return found, bad


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_is_a_literal_with_a_chinese_translation() -> None:
    used, bad = _calls(ADMIN)
    assert bad == []
    catalogue = load_admin_catalogue("zh")
    missing = [(c, t) for c, texts in used.items() for t in texts if not catalogue.get(c, {}).get(t)]
    assert missing == []
    stale = [(c, t) for c, texts in catalogue.items() for t in texts if t not in used.get(c, set())]
    assert stale == []


def test_translations_keep_their_placeholders_and_are_chinese() -> None:
    for context, entries in load_admin_catalogue("zh").items():
        for source, translation in entries.items():
            assert _fields(source) == _fields(translation), (context, source)
            assert source.count("\n") == translation.count("\n"), (context, source)
            assert re.search(r"[\u4e00-\u9fff]", translation), (context, source)


def test_the_console_catalogue_adds_the_kiosks_words() -> None:
    merged = console_catalogue("zh")
    kiosk = load_catalogue("zh")
    for context, entries in kiosk.items():
        for source, translation in entries.items():
            assert merged[context][source] == translation
    assert merged["AdminRoster"]["Roster import"] == "导入名单"
    assert console_catalogue("en") == {}


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
