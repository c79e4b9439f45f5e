"""The page every report shares: A4, margins, a header naming the certificate and centre, page numbers.

Everything is black on white with grey levels only, so a report reads the same from a black-and-white
laser printer at a centre as on screen.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from kiosk.support.paper.fonts import BOLD, REGULAR, draw_text, has_cjk, markup, register_fonts, text_width

# Streams are compressed but not ASCII85-armoured: PDF allows binary streams, and the armour costs as much
# time as drawing a result slip's chart (reportlab's default is for 7-bit mail transport).
rl_config.useA85 = 0

MARGIN = 18 * mm
HEADER_SPACE = 14 * mm
FOOTER_SPACE = 10 * mm
GRID = colors.black
CELL_PADDING = 3
HEADER_FILL = colors.Color(0.82, 0.82, 0.82)
ZEBRA_FILL = colors.Color(0.94, 0.94, 0.94)
PRODUCER = "1+X Assessment Kiosk"


@dataclass(frozen=True, slots=True)
class PageHeader:
    """What the running header and footer of every page say."""

    document: str
    """The kind of document, e.g. "Result slip"; also the PDF title."""
    certificate: str
    """The certificate and grade, e.g. "Energy Storage Maintenance, Grade II"."""
    centre: str
    reference: str = ""
    """A reference printed in the footer, e.g. the attempt or sitting id."""


def _style(name: str, size: float, leading: float, font: str = REGULAR, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **extra)


BODY = _style("body", 10, 13)
SMALL = _style("small", 8, 10)
CELL = _style("cell", 8.5, 10.5)
CELL_RIGHT = _style("cell-right", 8.5, 10.5, alignment=TA_RIGHT)
CELL_BOLD = _style("cell-bold", 8.5, 10.5, BOLD)
H1 = _style("h1", 18, 22, BOLD, spaceAfter=4)
H2 = _style("h2", 13, 16, BOLD, spaceBefore=8, spaceAfter=4)
H3 = _style("h3", 10.5, 13, BOLD, spaceBefore=6, spaceAfter=2)
CENTRED = _style("centred", 10, 13, alignment=TA_CENTER)
LAYOUT_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, BODY.fontSize, BODY.leading)
"""The first command of a table that only lays out paragraphs: reportlab starts every cell in Helvetica,
which would put a font that is not embedded into the PDF."""


def para(text: str, style: ParagraphStyle = BODY, bold: bool = False) -> Paragraph:
    """A paragraph of plain ``text`` (escaped), its Chinese characters in the CJK font."""
    return Paragraph(markup(text, bold), style)


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    row_height: float | None = None,
    align_right: Sequence[int] = (),
    zebra: bool = True,
) -> Table:
    """A ruled table with a grey, bold header row that repeats on every page it spans.

    String cells that fit on one line in the regular font are set as plain text (fast); longer ones and
    those holding Chinese become paragraphs, so they wrap and get the CJK font. Flowables and lists of
    flowables are placed as they are.
    """
    body = [
        [cell(value, widths[column], right=column in align_right) for column, value in enumerate(row)]
        for row in rows
    ]
    data = [[cell(text, widths[column], bold=True) for column, text in enumerate(header)], *body]
    heights = None if row_height is None else [None] + [row_height] * len(body)
    table = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL.fontSize, CELL.leading),
        ("FONT", (0, 0), (-1, 0), BOLD, CELL.fontSize, CELL.leading),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if zebra:
        commands.extend(("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(2, len(data), 2))
    commands.extend(("ALIGN", (column, 1), (column, -1), "RIGHT") for column in align_right)
    table.setStyle(TableStyle(commands))
    return table


def cell(value: object, width: float, *, bold: bool = False, right: bool = False) -> object:
    """A table cell: plain text when it fits one line of ``width`` points, else a paragraph."""
    if isinstance(value, Flowable | list):
        return value
    text = "" if value is None else str(value)
    if not has_cjk(text) and text_width(text, CELL.fontSize, bold) <= width - 2 * CELL_PADDING - 1:
        return text
    if bold:
        return para(text, CELL_BOLD, bold=True)
    return para(text, CELL_RIGHT if right else CELL)


def page_size(wide: bool = False) -> tuple[float, float]:
    """A4 portrait, or landscape when ``wide``."""
    width, height = landscape(A4) if wide else A4
    return float(width), float(height)


def content_width(wide: bool = False) -> float:
    """The width between the side margins."""
    return page_size(wide)[0] - 2 * float(MARGIN)


def build_pdf(story: Sequence[Flowable], header: PageHeader, wide: bool = False) -> bytes:
    """Lay ``story`` out on A4 pages with the running header and "Page n of m" footer; return the PDF."""
    register_fonts()
    size = page_size(wide)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE,
        bottomMargin=MARGIN + FOOTER_SPACE,
        title=header.document,
        subject=f"{header.certificate} - {header.centre}",
        author=header.centre,
        creator=PRODUCER,
        # The canvas would otherwise start each page in Helvetica, a font that is not embedded.
        initialFontName=REGULAR,
        initialFontSize=BODY.fontSize,
        initialLeading=BODY.leading,
    )
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_SPACE,
        size[0] - 2 * MARGIN,
        size[1] - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=size)])

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(header, *args, **kwargs)

    document.build(list(story), canvasmaker=make_canvas)
    return buffer.getvalue()


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information
    """Draws the header and footer after the last page, when the page count is known."""

    def __init__(self, header: PageHeader, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header = header
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        header = self._header
        top = height - MARGIN
        self.saveState()
        self.setFillColor(colors.black)
        draw_text(self, MARGIN, top - 9, header.document, 11, bold=True)
        room = width - 2 * MARGIN - text_width(header.document, 11, bold=True) - 16
        right = f"{header.certificate}  |  {header.centre}"
        size = 9.0
        while size > 6.5 and text_width(right, size) > room:
            size -= 0.5
        while text_width(right, size) > room and len(right) > 4:
            right = right[:-4] + "..."
        draw_text(self, width - MARGIN, top - 9, right, size, anchor="end")
        self.setLineWidth(0.8)
        self.line(MARGIN, top - 14, width - MARGIN, top - 14)
        self.setLineWidth(0.4)
        self.line(MARGIN, MARGIN + 6, width - MARGIN, MARGIN + 6)
        draw_text(self, MARGIN, MARGIN - 4, header.reference, 8)
        draw_text(self, width - MARGIN, MARGIN - 4, f"Page {number} of {total}", 8, anchor="end")
        self.restoreState()
