"""Fonts for printed reports: Helvetica for Latin text, reportlab's built-in STSong-Light for Chinese.

STSong-Light is one of the CID fonts every PDF reader has to supply, so Chinese names and bilingual item
text print without shipping a font file. Text is set run by run: CJK characters in STSong-Light and
everything else in Helvetica, so a mixed name such as "Zhang Wei 张伟" never shows empty boxes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

CJK_FONT = "STSong-Light"
REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
MONO = "Courier"
MONO_BOLD = "Courier-Bold"

# CJK radicals and symbols, kana, unified ideographs (with extension A), compatibility ideographs, full-width
# forms, and the supplementary ideograph planes.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
_RUNS = re.compile(f"{_CJK.pattern}+|[^{_CJK.pattern[1:-1]}]+")


@cache
def register_fonts() -> None:
    """Register the CJK font with reportlab once per process."""
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def has_cjk(text: str) -> bool:
    """True when ``text`` holds a character Helvetica cannot draw but STSong-Light can."""
    return _CJK.search(text) is not None


def font_for(text: str, bold: bool = False) -> str:
    """The font to set ``text`` in: STSong-Light when it holds CJK characters, else Helvetica."""
    if has_cjk(text):
        register_fonts()
        return CJK_FONT
    return BOLD if bold else REGULAR


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` split into (segment, font) runs: CJK characters in STSong-Light, the rest in Helvetica.

    Setting Latin text in STSong-Light makes it cramped and drops the width of spaces, so mixed text such
    as "Chanda Mwale 张伟" is set run by run.
    """
    result: list[tuple[str, str]] = []
    for segment in _RUNS.findall(text):
        font = font_for(segment, bold)
        if result and result[-1][1] == font:
            result[-1] = (result[-1][0] + segment, font)
        else:
            result.append((segment, font))
    return result


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
