"""Every visible string of the kiosk goes through tr() and has a Simplified Chinese translation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import kiosk.ui
from kiosk.ui.i18n import CatalogueTranslator, LanguageSwitch, load_catalogue, tr

UI = Path(kiosk.ui.__file__).resolve().parent
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def tr_calls(root: Path = UI) -> tuple[dict[tuple[str, str], str], list[str]]:
    """(context, source) -> where, for every tr() call in the kiosk's UI; and calls without literal text."""
    found: dict[tuple[str, str], str] = {}
    dynamic: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "admin" in path.relative_to(root).parts:
            continue  # the administrator console keeps its own catalogue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                where = f"{path.relative_to(root)}:{node.lineno}"
                if len(node.args) == 2 and all(isinstance(a, ast.Constant) for a in node.args):
                    found[(node.args[0].value, node.args[1].value)] = where
                else:
                    dynamic.append(where)
    return found, dynamic


def test_every_tr_call_has_literal_text() -> None:
    _, dynamic = tr_calls()
    assert dynamic == []


def test_every_string_has_a_chinese_translation_with_the_same_placeholders() -> None:
    found, _ = tr_calls()
    catalogue = load_catalogue("zh")
    missing = [
        f"{where}: {source!r}"
        for (context, source), where in found.items()
        if source not in catalogue.get(context, {})
    ]
    assert missing == []
    for (context, source), where in found.items():
        translation = catalogue[context][source]
        assert translation.strip(), where
        assert sorted(_PLACEHOLDER.findall(translation)) == sorted(_PLACEHOLDER.findall(source)), where
        # A mnemonic in English keeps its letter in Chinese, so Alt+letter works in both.
        for letter in re.findall(r"&(\w)", source):
            assert f"&{letter.upper()}" in translation.upper(), where


def test_the_catalogue_holds_no_stale_entries() -> None:
    found, _ = tr_calls()
    catalogue = load_catalogue("zh")
    stale = [
        (context, source)
        for context, entries in catalogue.items()
        for source in entries
        if (context, source) not in found
    ]
    assert stale == []


def test_the_checker_finds_a_dynamic_call(tmp_path: Path) -> None:
    (tmp_path / "screen.py").write_text('tr("Ctx", "Fine")\ntr("Ctx", text)\n', encoding="utf-8")
    found, dynamic = tr_calls(tmp_path)
    assert list(found) == [("Ctx", "Fine")]
    assert dynamic == ["screen.py:2"]


def test_translator_answers_from_the_catalogue_and_falls_back_to_english(qapp) -> None:
    translator = CatalogueTranslator("zh", {"Ctx": {"Hello": "你好"}})
    QCoreApplication.installTranslator(translator)
    try:
        assert tr("Ctx", "Hello") == "你好"
        assert tr("Ctx", "Not in the catalogue") == "Not in the catalogue"
        assert tr("Other", "Hello") == "Hello"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_language_switch_installs_and_removes_the_translator(qapp) -> None:
    switch = LanguageSwitch()
    switch.set_language("zh")
    try:
        assert tr("ExamScreen", "Time left") == "剩余时间"
    finally:
        switch.reset()
    assert tr("ExamScreen", "Time left") == "Time left"


def test_unknown_language_is_refused(qapp) -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown language 'fr'"):
        LanguageSwitch().set_language("fr")
    assert load_catalogue("en") == {}
