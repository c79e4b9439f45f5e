"""A two-column table of labelled details (candidate, centre, sitting) shared by slips, packs and reports."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from kiosk.support.paper.fonts import BOLD, REGULAR
from kiosk.support.paper.page import (
    CELL,
    cell,
)


def details_table(pairs: list[tuple[str, str]], width: float) -> Table:
    """Label/value pairs two to a row, labels in bold."""
    widths = [width / 4 * share for share in (0.7, 1.3, 0.7, 1.3)]
    rows = []
    for start in range(0, len(pairs), 2):
        row: list[object] = []
        for label, value in pairs[start : start + 2]:
            row.extend([cell(label, widths[0], bold=True), cell(value, widths[1])])
        rows.append(row + [""] * (4 - len(row)))
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, CELL.fontSize, CELL.leading),
                ("FONT", (0, 0), (0, -1), BOLD, CELL.fontSize, CELL.leading),
                ("FONT", (2, 0), (2, -1), BOLD, CELL.fontSize, CELL.leading),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.Color(0.6, 0.6, 0.6)),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
