"""Fonts for printed reports: shipped in the package and embedded (the glyphs used) in every PDF.

The PDF standard fonts (Helvetica, Courier) draw only Western European letters, so "Łukasz Żółć" or
"Nguyễn Thị Hương" would print with boxes, and a font left out of the file is whatever the reader puts in
its place. Every report sets its text in TrueType fonts from the ``fonts`` folder beside this module:

- Liberation Sans (regular and bold) for text and Liberation Mono for codes. They have the widths of
  Helvetica and Courier, so layouts stay as they were, and cover Latin Extended, Greek and Cyrillic.
- Droid Sans Fallback Full for CJK characters (and any other letter Liberation lacks but it has, such as
  Bopomofo). It has no Latin letters and no bold.

Text is set run by run: CJK characters in the CJK font and everything else in Liberation Sans, so a mixed
name such as "Chanda Mwale 张伟" keeps the Latin look and its spacing.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
MONO = "LiberationMono"
MONO_BOLD = "LiberationMono-Bold"
CJK_FONT = "DroidSansFallbackFull"

FONT_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    MONO: "LiberationMono-Regular.ttf",
    MONO_BOLD: "LiberationMono-Bold.ttf",
    CJK_FONT: "DroidSansFallbackFull.ttf",
}
"""Each font's name in the PDFs and its file in the ``fonts`` folder of this package."""

# CJK radicals and symbols, kana, unified ideographs (with extension A), compatibility ideographs, full-width
# forms, and the supplementary ideograph planes: always set in the CJK font, so Chinese punctuation and
# full-width forms match the ideographs around them.
_CJK_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3134F),
)


def font_data(name: str) -> bytes:
    """The TrueType file of the font registered as ``name`` (one of :data:`FONT_FILES`)."""
    return resources.files("kiosk.support.paper").joinpath("fonts", FONT_FILES[name]).read_bytes()


@cache
def register_fonts() -> None:
    """Register the report fonts with reportlab once per process."""
    for name in FONT_FILES:
        # Only the glyphs a document uses are embedded; reportlab's default also embeds all of ASCII so
        # the content streams read as text, which adds about 20 KB to a one-page slip.
        font = TTFont(name, io.BytesIO(font_data(name)), asciiReadable=False)
        pdfmetrics.registerFont(font)


@cache
def _codes(font: str) -> frozenset[int]:
    """The characters ``font`` has a glyph for."""
    register_fonts()
    face: Any = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


def _in_cjk_range(code: int) -> bool:
    return any(low <= code <= high for low, high in _CJK_RANGES)


@cache
def _needs_cjk(char: str) -> bool:
    """True when ``char`` is set in the CJK font: a CJK character, or one Liberation lacks and it has."""
    code = ord(char)
    if code < 0x80:
        return False
    return _in_cjk_range(code) or (code not in _codes(REGULAR) and code in _codes(CJK_FONT))


def has_cjk(text: str) -> bool:
    """True when ``text`` holds a character set in the CJK font (see :func:`runs`)."""
    return not text.isascii() and any(_needs_cjk(char) for char in text)


def font_for(text: str, bold: bool = False) -> str:
    """The one font to set ``text`` in: the CJK font when it holds CJK characters, else Liberation Sans."""
    if has_cjk(text):
        return CJK_FONT
    return BOLD if bold else REGULAR


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` split into (segment, font) runs: CJK characters in the CJK font, the rest in Liberation Sans.

    The CJK font has no Latin letters, so mixed text such as "Chanda Mwale 张伟" is set run by run.
    """
    register_fonts()  # a paragraph looks its fonts up as soon as it is made
    latin = BOLD if bold else REGULAR
    if text.isascii():
        return [(text, latin)] if text else []
    return [("".join(segment), CJK_FONT if cjk else latin) for cjk, segment in groupby(text, key=_needs_cjk)]


def markup(text: str, bold: bool = False) -> str:
    """``text`` escaped for a Paragraph, each run wrapped in the font it needs (bold applies to Latin)."""
    return "".join(f'<font face="{font}">{escape(segment)}</font>' for segment, font in runs(text, bold))


def name_with_chinese(name: str, name_zh: str | None) -> str:
    """A candidate's name as printed: the Chinese name after the Latin one when there is one."""
    return f"{name}  {name_zh}" if name_zh else name


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` set run by run as :func:`runs` splits it."""
    return sum(float(pdfmetrics.stringWidth(segment, font, size)) for segment, font in runs(text, bold))


def start_x(text: str, x: float, size: float, bold: bool, anchor: str) -> float:
    """Where a line of ``text`` anchored at ``x`` ("start", "middle" or "end") begins."""
    if anchor == "start":
        return x
    width = text_width(text, size, bold)
    return x - (width / 2 if anchor == "middle" else width)


def draw_text(
    canvas: Any, x: float, y: float, text: str, size: float, bold: bool = False, anchor: str = "start"
) -> None:
    """Draw one line of ``text`` on a reportlab canvas, run by run in the right fonts."""
    position = start_x(text, x, size, bold, anchor)
    for segment, font in runs(text, bold):
        canvas.setFont(font, size)
        canvas.drawString(position, y, segment)
        position += pdfmetrics.stringWidth(segment, font, size)
