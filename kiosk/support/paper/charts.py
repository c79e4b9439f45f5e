"""Vector charts for the reports, readable in black and white.

No chart carries meaning by colour alone: bars are told apart by grey level, outline and hatching, rule
thresholds by marks and words, and every bar and cell has its number printed beside or inside it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Rect, String
from reportlab.lib import colors

from kiosk.support.paper.fonts import BOLD, REGULAR, runs, start_x, text_width
from kiosk.support.paper.wording import percent

LABEL_SIZE = 7.5
NAMED_POINTS = 12
"""At most this many flagged items are named on the item plot."""
DARK = colors.Color(0.25, 0.25, 0.25)
MID = colors.Color(0.6, 0.6, 0.6)
LIGHT = colors.Color(0.85, 0.85, 0.85)
GRIDLINE = colors.Color(0.75, 0.75, 0.75)


def new_drawing(width: float, height: float) -> Drawing:
    """An empty drawing that starts in the report font (reportlab starts one in Helvetica, not embedded)."""
    return Drawing(width, height, initialFontName=REGULAR)


def fit(text: str, width: float, size: float = LABEL_SIZE, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "...", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "..."


def _label(
    x: float, y: float, text: str, size: float = LABEL_SIZE, anchor: str = "start", bold: bool = False
) -> Group:
    """One line of text at (x, y), set run by run so Chinese characters get the CJK font."""
    group = Group()
    position = start_x(text, x, size, bold, anchor)
    for segment, font in runs(text, bold):
        group.add(String(position, y, segment, fontName=font, fontSize=size, fillColor=colors.black))
        position += text_width(segment, size, bold)
    return group


def _hatch(drawing: Drawing, x: float, y: float, width: float, height: float, spacing: float = 3.0) -> None:
    """Diagonal lines (45°) clipped to the rectangle, drawn over its fill as one path."""
    if width <= 0 or height <= 0:
        return
    path = Path(strokeColor=colors.black, strokeWidth=0.4, fillColor=None)
    offset = -height
    while offset < width:
        # The line from (x + offset, y) rising at 45°, clipped to [x, x + width] x [y, y + height].
        x0, y0 = x + offset, y
        if x0 < x:
            y0, x0 = y + (x - x0), x
        x1, y1 = x + offset + height, y + height
        if x1 > x + width:
            y1, x1 = y1 - (x1 - x - width), x + width
        if y0 < y1:
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
        offset += spacing
    drawing.add(path)


class BarKind(enum.Enum):
    """Which rule a bar on a result slip answers to, which decides how it is drawn."""

    OVERALL = "overall"
    AREA = "area"
    COMPETENCE = "competence"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of the result chart: a percentage and, for rule bars, the threshold it must reach."""

    label: str
    percent: float
    kind: BarKind
    threshold: float | None = None
    points: str = ""
    """Printed after the percentage, e.g. "3.5/4"."""

    @property
    def met(self) -> bool | None:
        if self.threshold is None:
            return None
        return self.percent + 1e-9 >= self.threshold


_FILL = {BarKind.OVERALL: DARK, BarKind.AREA: MID, BarKind.COMPETENCE: LIGHT}


def result_chart(bars: Sequence[Bar], pass_mark: float, width: float) -> Drawing:
    """Horizontal percentage bars with the pass mark as a dashed line and each rule's threshold as a tick.

    Overall bars are dark, area bars mid-grey and hatched, competence bars light; a rule bar says "met" or
    "NOT MET" beside its value, so the outcome never depends on seeing a shade.
    """
    row, bar_height, top, bottom = 15.0, 9.5, 16.0, 22.0
    label_width, value_width = 215.0, 100.0
    plot_left, plot_right = label_width, width - value_width
    plot = plot_right - plot_left
    height = top + bottom + row * len(bars)
    drawing = new_drawing(width, height)

    def x_at(percent: float) -> float:
        return plot_left + plot * max(0.0, min(100.0, percent)) / 100.0

    for tick in range(0, 101, 20):
        x = x_at(tick)
        drawing.add(Line(x, bottom, x, height - top, strokeColor=GRIDLINE, strokeWidth=0.4))
        drawing.add(_label(x, bottom - 10, f"{tick}%", anchor="middle"))
    drawing.add(Line(plot_left, bottom, plot_left, height - top, strokeColor=colors.black, strokeWidth=0.8))
    for number, bar in enumerate(bars):
        y = height - top - row * (number + 1) + (row - bar_height) / 2
        bold = bar.kind is not BarKind.COMPETENCE
        drawing.add(_label(0, y + 2.5, fit(bar.label, label_width - 6, bold=bold), bold=bold))
        length = x_at(bar.percent) - plot_left
        drawing.add(
            Rect(
                plot_left, y, plot, bar_height, fillColor=colors.white, strokeColor=GRIDLINE, strokeWidth=0.4
            )
        )
        drawing.add(
            Rect(
                plot_left,
                y,
                length,
                bar_height,
                fillColor=_FILL[bar.kind],
                strokeColor=colors.black,
                strokeWidth=0.6,
            )
        )
        if bar.kind is BarKind.AREA:
            _hatch(drawing, plot_left, y, length, bar_height)
        value = percent(bar.percent) + (f" ({bar.points})" if bar.points else "")
        if bar.threshold is not None:
            tick_x = x_at(bar.threshold)
            drawing.add(
                Line(tick_x, y - 3, tick_x, y + bar_height + 3, strokeColor=colors.black, strokeWidth=2.2)
            )
            value += "  met" if bar.met else "  NOT MET"
        drawing.add(_label(plot_right + 6, y + 2.5, value, bold=bar.threshold is not None))
    pass_x = x_at(pass_mark)
    drawing.add(
        Line(
            pass_x,
            bottom - 2,
            pass_x,
            height - top + 4,
            strokeColor=colors.black,
            strokeWidth=1,
            strokeDashArray=[3, 2],
        )
    )
    drawing.add(_label(pass_x, height - top + 6, f"pass mark {pass_mark:g}%", anchor="middle", bold=True))
    return drawing


@dataclass(frozen=True, slots=True)
class Heatmap:
    """A grid of percentages (None where there is no result), e.g. centres by competences."""

    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    values: tuple[tuple[float | None, ...], ...]
    row_notes: tuple[str, ...] = ()
    """Printed right of each row, e.g. how many attempts it rests on."""


def _shade(percent: float) -> colors.Color:
    """White for 0 %, near black for 100 %: darker means a higher mark."""
    level = 1.0 - 0.85 * max(0.0, min(100.0, percent)) / 100.0
    return colors.Color(level, level, level)


def heatmap(data: Heatmap, width: float) -> Drawing:
    """Cells shaded by grey level with the percentage printed in each, and a grey-scale key below."""
    label_width, note_width = 120.0, 60.0
    columns = max(1, len(data.column_labels))
    cell_width = min(48.0, (width - label_width - note_width) / columns)
    cell_height, header, key = 16.0, 16.0, 30.0
    height = header + cell_height * len(data.row_labels) + key
    drawing = new_drawing(width, height)
    top = height - header
    for column, label in enumerate(data.column_labels):
        x = label_width + cell_width * (column + 0.5)
        drawing.add(_label(x, top + 4, fit(label, cell_width - 2, bold=True), anchor="middle", bold=True))
    for row, label in enumerate(data.row_labels):
        y = top - cell_height * (row + 1)
        drawing.add(_label(0, y + 5, fit(label, label_width - 6)))
        for column, value in enumerate(data.values[row]):
            x = label_width + cell_width * column
            fill = colors.white if value is None else _shade(value)
            drawing.add(
                Rect(x, y, cell_width, cell_height, fillColor=fill, strokeColor=colors.black, strokeWidth=0.5)
            )
            text = "-" if value is None else f"{value:.0f}"
            dark = value is not None and value >= 55
            drawing.add(
                String(
                    x + cell_width / 2,
                    y + 5,
                    text,
                    fontName=BOLD if dark else REGULAR,
                    fontSize=LABEL_SIZE,
                    textAnchor="middle",
                    fillColor=colors.white if dark else colors.black,
                )
            )
        if row < len(data.row_notes):
            drawing.add(_label(label_width + cell_width * columns + 6, y + 5, data.row_notes[row]))
    drawing.add(_label(0, 10, "Key (% of points earned):"))
    for step, level in enumerate(range(0, 101, 20)):
        x = label_width + step * 34
        drawing.add(Rect(x, 6, 14, 10, fillColor=_shade(level), strokeColor=colors.black, strokeWidth=0.5))
        drawing.add(_label(x + 17, 8, f"{level}"))
    return drawing


@dataclass(frozen=True, slots=True)
class RateBar:
    """One group's pass rate."""

    label: str
    passed: int
    sat: int

    @property
    def rate(self) -> float:
        return 100.0 * self.passed / self.sat if self.sat else 0.0


def pass_rate_chart(bars: Sequence[RateBar], width: float) -> Drawing:
    """Each group's pass rate as a filled share of an outlined 100 % box, labelled "passed/sat (rate)"."""
    row, bar_height, bottom = 15.0, 9.0, 18.0
    label_width, value_width = 190.0, 90.0
    plot = width - label_width - value_width
    height = bottom + row * len(bars) + 4
    drawing = new_drawing(width, height)
    for tick in range(0, 101, 25):
        x = label_width + plot * tick / 100
        drawing.add(Line(x, bottom, x, height, strokeColor=GRIDLINE, strokeWidth=0.4))
        drawing.add(_label(x, bottom - 10, f"{tick}%", anchor="middle"))
    for number, bar in enumerate(bars):
        y = height - row * (number + 1)
        drawing.add(_label(0, y + 2, fit(bar.label, label_width - 6)))
        drawing.add(
            Rect(
                label_width,
                y,
                plot,
                bar_height,
                fillColor=colors.white,
                strokeColor=colors.black,
                strokeWidth=0.5,
            )
        )
        drawing.add(
            Rect(
                label_width,
                y,
                plot * bar.rate / 100,
                bar_height,
                fillColor=MID,
                strokeColor=colors.black,
                strokeWidth=0.5,
            )
        )
        drawing.add(_label(label_width + plot + 6, y + 2, f"{bar.passed}/{bar.sat} ({bar.rate:.0f}%)"))
    return drawing


@dataclass(frozen=True, slots=True)
class ItemPoint:
    """One item on the facility / discrimination plot; flagged items are drawn hollow and named."""

    item_id: str
    facility: float
    discrimination: float
    flagged: bool


def item_scatter(points: Sequence[ItemPoint], width: float, weak: float, height: float = 190.0) -> Drawing:
    """Discrimination against facility, with the zero and "weak" lines; flagged items named on the plot."""
    left, bottom, right, top = 36.0, 28.0, 12.0, 12.0
    low = min([-0.2, *(point.discrimination for point in points)])
    high = max([1.0, *(point.discrimination for point in points)])
    plot_w, plot_h = width - left - right, height - bottom - top
    drawing = new_drawing(width, height)

    def at(facility: float, discrimination: float) -> tuple[float, float]:
        return left + plot_w * facility, bottom + plot_h * (discrimination - low) / (high - low)

    drawing.add(Rect(left, bottom, plot_w, plot_h, fillColor=None, strokeColor=colors.black, strokeWidth=0.6))
    for tick in range(0, 11, 2):
        x, _ = at(tick / 10, low)
        drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=colors.black, strokeWidth=0.5))
        drawing.add(_label(x, bottom - 11, f"{tick / 10:.1f}", anchor="middle"))
    drawing.add(_label(left + plot_w / 2, 2, "facility (share of points earned)", anchor="middle"))
    value = round(low * 5) / 5
    while value <= high + 1e-9:
        _, y = at(0, value)
        if bottom - 1e-6 <= y <= bottom + plot_h + 1e-6:
            drawing.add(Line(left - 3, y, left, y, strokeColor=colors.black, strokeWidth=0.5))
            drawing.add(_label(left - 5, y - 2.5, f"{value:.1f}", anchor="end"))
        value += 0.2
    drawing.add(_label(left + 3, bottom + plot_h - 9, "discrimination (corrected point-biserial)"))
    for reference, dash, text in ((0.0, None, "0"), (weak, [3, 2], f"weak below {weak:g}")):
        x0, y = at(0, reference)
        x1, _ = at(1, reference)
        drawing.add(Line(x0, y, x1, y, strokeColor=colors.black, strokeWidth=0.6, strokeDashArray=dash))
        if dash:
            drawing.add(_label(x1 - 2, y + 2, text, anchor="end"))
    # Names of many flagged items would print over each other; the item table lists them all anyway.
    named = sum(point.flagged for point in points) <= NAMED_POINTS
    for point in points:
        x, y = at(point.facility, point.discrimination)
        if point.flagged:
            drawing.add(
                Rect(x - 3, y - 3, 6, 6, fillColor=colors.white, strokeColor=colors.black, strokeWidth=0.9)
            )
            if named:
                drawing.add(_label(x + 5, y - 2.5, point.item_id, size=6.5))
        else:
            drawing.add(Circle(x, y, 2.2, fillColor=colors.black, strokeColor=None))
    return drawing
