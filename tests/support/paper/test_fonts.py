"""Fonts: shipped in the package and embedded; CJK characters in the CJK font, the rest in Liberation Sans."""

from __future__ import annotations

from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.support.paper.fonts import (
    BOLD,
    CJK_FONT,
    FONT_FILES,
    MONO,
    MONO_BOLD,
    REGULAR,
    font_data,
    font_for,
    has_cjk,
    markup,
    name_with_chinese,
    register_fonts,
    runs,
    text_width,
)
from kiosk.support.paper.page import PageHeader, build_pdf, grid_table, para
from tests.fixtures.paper import PdfText
from tests.support.paper.embedding import NAMES, embedded_fonts


def test_cjk_is_detected_in_chinese_text_only() -> None:
    assert has_cjk("张伟")
    assert has_cjk("LFP 代表什么？")
    assert not has_cjk("Chanda Mwale")
    assert not has_cjk("Grade II - 72.5%")
    assert not has_cjk("Nguyễn Thị Hương, Łukasz Żółć, Ngozi Ọkọnkwọ, Zhāng Wěi")


def test_mixed_text_is_split_into_runs_in_their_fonts() -> None:
    assert runs("Chanda Mwale 张伟 (2)") == [
        ("Chanda Mwale ", REGULAR),
        ("张伟", CJK_FONT),
        (" (2)", REGULAR),
    ]
    assert runs("储能") == [("储能", CJK_FONT)]
    assert runs("Nguyễn Thị Hương") == [("Nguyễn Thị Hương", REGULAR)]
    assert runs("") == []


def test_a_letter_only_the_cjk_font_has_goes_to_it() -> None:
    # Bopomofo (zhuyin) is outside the CJK ranges and Liberation Sans has no glyph for it; the CJK font has.
    assert runs("Zhang ㄓㄤ") == [("Zhang ", REGULAR), ("ㄓㄤ", CJK_FONT)]
    assert has_cjk("ㄓㄤ")


def test_bold_applies_to_latin_runs_only() -> None:
    assert font_for("Total", bold=True) == BOLD
    assert font_for("Łukasz", bold=True) == BOLD
    assert font_for("总分", bold=True) == CJK_FONT
    assert runs("Zhāng 张", bold=True) == [("Zhāng ", BOLD), ("张", CJK_FONT)]


def test_markup_escapes_and_wraps_each_run() -> None:
    assert markup("A & B <c> 李") == (
        f'<font face="{REGULAR}">A &amp; B &lt;c&gt; </font><font face="{CJK_FONT}">李</font>'
    )


def test_text_width_adds_up_its_runs() -> None:
    assert text_width("ab李", 10) == text_width("ab", 10) + text_width("李", 10)
    assert text_width("", 10) == 0


def test_the_fonts_keep_the_widths_of_the_standard_ones() -> None:
    # Liberation has Helvetica's and Courier's widths, so no report's layout moved with the change.
    register_fonts()
    text = "Overall mark 70% (28 of 40 points). Pass mark 60%."
    for ours, standard in ((REGULAR, "Helvetica"), (BOLD, "Helvetica-Bold"), (MONO_BOLD, "Courier-Bold")):
        width = pdfmetrics.stringWidth(text, ours, 10)
        assert abs(width - pdfmetrics.stringWidth(text, standard, 10)) < 0.5, ours


def test_name_with_chinese() -> None:
    assert name_with_chinese("Chanda Mwale", "张伟") == "Chanda Mwale  张伟"
    assert name_with_chinese("Chanda Mwale", None) == "Chanda Mwale"


def test_the_font_files_ship_in_the_package_with_their_licences() -> None:
    folder = resources.files("kiosk.support.paper").joinpath("fonts")
    for name, file in FONT_FILES.items():
        # TrueType outlines (glyf), which reportlab embeds; an OpenType/CFF file starts with "OTTO".
        assert font_data(name)[:4] == b"\x00\x01\x00\x00", file
    for text in ("LICENSE-Liberation.txt", "LICENSE-DroidSansFallback.txt", "README.md"):
        assert folder.joinpath(text).is_file(), text
    assert "SIL OPEN FONT LICENSE Version 1.1" in folder.joinpath("LICENSE-Liberation.txt").read_text()
    assert "Apache License" in folder.joinpath("LICENSE-DroidSansFallback.txt").read_text()
    readme = folder.joinpath("README.md").read_text()
    assert all(file in readme for file in FONT_FILES.values())


def test_every_font_is_a_truetype_font_with_the_glyphs_of_the_names() -> None:
    register_fonts()
    fonts = {name: pdfmetrics.getFont(name) for name in (REGULAR, BOLD, MONO, MONO_BOLD, CJK_FONT)}
    assert all(isinstance(font, TTFont) for font in fonts.values())
    for name in NAMES:
        for segment, font in runs(name):
            for weight in (font,) if font == CJK_FONT else (REGULAR, BOLD):
                glyphs = fonts[weight].face.charToGlyph
                missing = [char for char in segment if ord(char) not in glyphs]
                assert not missing, (name, weight, missing)


def test_names_print_as_written_in_embedded_fonts(pdf_text: PdfText) -> None:
    header = PageHeader(
        "Result slip", "Energy Storage Maintenance, Grade II", "Kitwe 基特韦 Campus", NAMES[0]
    )
    story = [
        *(para(name) for name in NAMES),
        *(para(name, bold=True) for name in NAMES),
        grid_table(["Name"], [[name] for name in NAMES], [300]),
    ]
    pdf = build_pdf(story, header)
    _, text = pdf_text(pdf)
    for name in NAMES:
        # Once in a paragraph, once in bold, once in the table, and the first one in the footer too.
        assert text.count(name) >= 3, name
    assert embedded_fonts(pdf) == {"LiberationSans", "LiberationSans-Bold", "DroidSansFallback"}
