"""The verification block printed on result slips and certificates: a QR code and a short code to type.

The QR code carries a signed record token (see :mod:`kiosk.formats.records`), which anyone with the
registry's public key checks offline; the check code beside it is short enough to type and is checked
against the registry, which keeps the token under it. Both are made elsewhere and only drawn here. The QR
code is drawn as one vector path, so it stays sharp on any printer, with each run of dark modules in a row
merged into one rectangle to keep the page small.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from kiosk.support.paper.fonts import MONO, register_fonts
from kiosk.support.paper.page import H3, LAYOUT_FONT, SMALL, para

QUIET_ZONE = 4
"""Blank modules around the code, as the QR standard asks, so scanners find its edges."""
MASK_PATTERN = 0


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules for ``text`` (True = dark), without the quiet zone; medium error correction.

    The mask pattern is fixed: any of the eight is a valid code, and trying all eight for the one a scanner
    likes best takes most of the time of a whole result slip.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=MASK_PATTERN)
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    return matrix


class QrCode(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """The QR code for a text as one filled vector path, ``size`` points square, quiet zone included."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.matrix = qr_matrix(text)
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = len(self.matrix) + 2 * QUIET_ZONE
        step = self.size / modules
        # PDF path operators written directly: thousands of rectangles through reportlab's path object cost
        # more than the rest of a result slip. Each run of dark modules is one rectangle ("re"), with a hair
        # of overlap so no white seams show between them when printed; "0 g" fills black, "f" fills the path.
        operators = ["q", "0 g"]
        for row_number, row in enumerate(self.matrix):
            y = self.size - (row_number + QUIET_ZONE + 1) * step - 0.05
            for start, end in _runs(row):
                x = (start + QUIET_ZONE) * step
                operators.append(f"{x:.2f} {y:.2f} {(end - start) * step + 0.05:.2f} {step + 0.1:.2f} re")
        operators.extend(["f", "Q"])
        self.canv.addLiteral("\n".join(operators))


def _runs(row: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of dark modules in a row, so a run is drawn as one rectangle."""
    found = []
    column = 0
    while column < len(row):
        if row[column]:
            start = column
            while column < len(row) and row[column]:
                column += 1
            found.append((start, column))
        else:
            column += 1
    return found


def verification_block(
    token: str, check_code: str, width: float, what: str = "result slip", qr_size: float = 38 * mm
) -> Flowable:
    """The QR code (the whole signed record, checked offline) beside the short check code to type in and
    how to use both, boxed, ``width`` points wide."""
    register_fonts()
    code_style = SMALL.clone("code", fontName=MONO, fontSize=11, leading=14)
    text = [
        para("Verification", H3, bold=True),
        para(
            f"This {what} carries a record signed by the results registry. Scan the QR code to check it "
            "with the registry's public key, or give the check code below to the registry (kiosk registry "
            "verify-slip CODE). A valid record shows the name, candidate number, certificate, grade, mark, "
            "result and submission code printed here; any change makes it fail.",
            SMALL,
        ),
        Paragraph(check_code, code_style),
    ]
    table = Table([[QrCode(token, qr_size), text]], colWidths=[qr_size + 4 * mm, width - qr_size - 4 * mm])
    table.setStyle(
        TableStyle(
            [
                LAYOUT_FONT,
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
