"""Every visible string goes through tr() and has a Simplified Chinese translation; the .qm files are built
reproducibly from the .ts sources, and counted strings take the plural form their count needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.ui.i18n import LANGUAGES, LOCALES, LanguageSwitch, catalogue_files, tr, trn
from kiosk.ui.i18n.build import CODE_CATALOGUES, CODE_LOCALES, I18N_DIR, UI_DIR, code_files, release, ts_path
from kiosk.ui.i18n.sources import Message, extract, merge, read_ts, render_ts

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def _catalogue(catalogue: str, locale: str) -> list[Message]:
    return read_ts(ts_path(catalogue, locale))[1]


def test_every_tr_call_has_literal_text() -> None:
    _, dynamic = extract(UI_DIR)
    assert dynamic == []


@pytest.mark.parametrize("catalogue", CODE_CATALOGUES)
def test_every_string_has_a_chinese_translation_and_none_is_unused(catalogue: str) -> None:
    found, _ = extract(UI_DIR, code_files(catalogue))
    translations = {message.key: message for message in _catalogue(catalogue, "zh_CN")}
    missing = [
        f"{item.where}: {item.source!r}"
        for item in found
        if item.key not in translations or not translations[item.key].translated
    ]
    assert missing == []
    used = {item.key for item in found}
    assert [key for key in translations if key not in used] == []


@pytest.mark.parametrize("catalogue", CODE_CATALOGUES)
@pytest.mark.parametrize("locale", CODE_LOCALES)
def test_the_sources_are_up_to_date_with_the_code(catalogue: str, locale: str) -> None:
    # What `python -m kiosk.ui.i18n.build --update` would write is what is there.
    found, _ = extract(UI_DIR, code_files(catalogue))
    path = ts_path(catalogue, locale)
    language, messages = read_ts(path)
    assert language == locale
    assert render_ts(locale, merge(locale, found, messages)) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("catalogue", CODE_CATALOGUES)
def test_translations_keep_placeholders_mnemonics_and_lines(catalogue: str) -> None:
    for message in _catalogue(catalogue, "zh_CN"):
        for translation in message.translations:
            where = (message.context, message.source)
            assert sorted(_PLACEHOLDER.findall(translation)) == sorted(
                _PLACEHOLDER.findall(message.source)
            ), where
            assert message.source.count("\n") == translation.count("\n"), where
            if re.search(r"[A-Za-z]{2,}", _PLACEHOLDER.sub("", message.source)):
                assert re.search(r"[\u4e00-\u9fff]", translation), where
            # A mnemonic in English keeps its letter in Chinese, so Alt+letter works in both.
            for letter in re.findall(r"&(\w)", message.source):
                assert f"&{letter.upper()}" in translation.upper(), where


@pytest.mark.parametrize("catalogue", CODE_CATALOGUES)
def test_english_gives_a_singular_and_a_plural_for_every_counted_string(catalogue: str) -> None:
    messages = _catalogue(catalogue, "en")
    assert messages
    for message in messages:
        assert message.numerus and len(message.translations) == 2, message.source
        for form in message.translations:
            assert sorted(_PLACEHOLDER.findall(form)) == sorted(_PLACEHOLDER.findall(message.source))
            assert "(s)" not in form, form


def test_every_qm_is_the_compiled_ts_byte_for_byte(tmp_path: Path) -> None:
    sources = sorted(path.stem for path in I18N_DIR.glob("*.ts"))
    assert sorted(path.stem for path in I18N_DIR.glob("*.qm")) == sources, "run python -m kiosk.ui.i18n.build"
    for made in release(I18N_DIR, tmp_path):
        shipped = I18N_DIR / made.name
        assert made.read_bytes() == shipped.read_bytes(), (
            f"{made.name} is stale: run python -m kiosk.ui.i18n.build"
        )


def test_the_kiosk_loads_its_own_and_the_error_catalogues() -> None:
    names = [path.name for path in catalogue_files("zh")]
    assert "kiosk_zh_CN.qm" in names
    assert "console_zh_CN.qm" not in names
    assert any(name.startswith("errors_") for name in names)
    assert [path.name for path in catalogue_files("en")] == ["kiosk_en.qm"]
    assert set(LANGUAGES) == set(LOCALES)


def test_language_switch_installs_and_removes_the_translators(qapp) -> None:
    switch = LanguageSwitch()
    switch.set_language("zh")
    try:
        assert tr("ExamScreen", "Time left") == "剩余时间"
        assert tr("ExamScreen", "Not in the catalogue") == "Not in the catalogue"
    finally:
        switch.reset()
    assert tr("ExamScreen", "Time left") == "Time left"


def test_counted_strings_take_the_plural_form_of_their_count(qapp) -> None:
    text = "%n question(s) not answered. After you submit you cannot change any answer."
    switch = LanguageSwitch()
    try:
        switch.set_language("en")
        assert trn("KioskPresenter", text, 1).startswith("1 question is not answered.")
        assert trn("KioskPresenter", text, 3).startswith("3 questions are not answered.")
        switch.set_language("zh")
        assert trn("KioskPresenter", text, 1).startswith("还有 1 道题未作答。")
        assert trn("KioskPresenter", text, 3).startswith("还有 3 道题未作答。")
    finally:
        switch.reset()


def test_unknown_language_is_refused(qapp) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        LanguageSwitch().set_language("fr")


def test_the_checker_finds_a_dynamic_call(tmp_path: Path) -> None:
    (tmp_path / "screen.py").write_text(
        'tr("Ctx", "Fine")\ntr("Ctx", text)\ntrn("Ctx", "%n thing(s)", 2)\n', encoding="utf-8"
    )
    found, dynamic = extract(tmp_path)
    assert [(item.context, item.source, item.numerus) for item in found] == [
        ("Ctx", "Fine", False),
        ("Ctx", "%n thing(s)", True),
    ]
    assert dynamic == ["screen.py:2"]


def test_merge_keeps_translations_adds_new_strings_and_drops_unused_ones(tmp_path: Path) -> None:
    (tmp_path / "screen.py").write_text(
        'tr("Ctx", "Kept")\ntr("Ctx", "New")\ntrn("Ctx", "%n thing(s)", 2)\n', encoding="utf-8"
    )
    found, _ = extract(tmp_path)
    existing = [Message("Ctx", "Kept", ("保留",)), Message("Ctx", "Gone", ("删除",))]
    merged = merge("zh_CN", found, existing)
    assert [(m.source, m.translations, m.translated) for m in merged] == [
        ("Kept", ("保留",), True),
        ("New", ("",), False),
        ("%n thing(s)", ("",), False),
    ]
    english = merge("en", found, [])
    assert [(m.source, m.translations) for m in english] == [("%n thing(s)", ("", ""))]
    path = tmp_path / "t.ts"
    path.write_text(render_ts("zh_CN", merged), encoding="utf-8")
    assert read_ts(path) == (
        "zh_CN",
        [*merged[:1], *(Message(m.context, m.source, m.translations, m.numerus, True) for m in merged[1:])],
    )


def test_a_message_from_qt_round_trips_with_quotes_and_ampersands(tmp_path: Path, qapp) -> None:
    message = Message("Ctx", 'Say "A & B" <now>', ('说 "甲 & 乙" <现在>',))
    path = tmp_path / "t_zh_CN.ts"
    path.write_text(render_ts("zh_CN", [message]), encoding="utf-8")
    assert read_ts(path) == ("zh_CN", [message])
    release(tmp_path)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert tr("Ctx", 'Say "A & B" <now>') == '说 "甲 & 乙" <现在>'
    finally:
        QCoreApplication.removeTranslator(translator)
