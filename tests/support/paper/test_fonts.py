"""Fonts: Chinese characters get the CID font, everything else Helvetica, run by run."""

from __future__ import annotations

from kiosk.support.paper.fonts import (
    CJK_FONT,
    REGULAR,
    font_for,
    has_cjk,
    markup,
    name_with_chinese,
    runs,
    text_width,
)


def test_cjk_is_detected_in_chinese_text_only() -> None:
    assert has_cjk("张伟")
    assert has_cjk("LFP 代表什么？")
    assert not has_cjk("Chanda Mwale")
    assert not has_cjk("Grade II - 72.5%")


def test_mixed_text_is_split_into_runs_in_their_fonts() -> None:
    assert runs("Chanda Mwale 张伟 (2)") == [
        ("Chanda Mwale ", REGULAR),
        ("张伟", CJK_FONT),
        (" (2)", REGULAR),
    ]
    assert runs("储能") == [("储能", CJK_FONT)]
    assert runs("") == []


def test_bold_applies_to_latin_runs_only() -> None:
    assert font_for("Total", bold=True) == "Helvetica-Bold"
    assert font_for("总分", bold=True) == CJK_FONT


def test_markup_escapes_and_wraps_each_run() -> None:
    assert markup("A & B <c> 李") == (
        '<font face="Helvetica">A &amp; B &lt;c&gt; </font><font face="STSong-Light">李</font>'
    )


def test_text_width_adds_up_its_runs() -> None:
    assert text_width("ab李", 10) == text_width("ab", 10) + text_width("李", 10)
    assert text_width("", 10) == 0


def test_name_with_chinese() -> None:
    assert name_with_chinese("Chanda Mwale", "张伟") == "Chanda Mwale  张伟"
    assert name_with_chinese("Chanda Mwale", None) == "Chanda Mwale"
