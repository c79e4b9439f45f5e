"""The verification block: a QR code drawn as vector rectangles and the short check code to type."""

from __future__ import annotations

import io
import re
import zlib

from pypdf import PdfReader

from kiosk.formats.records import check_code
from kiosk.support.paper.page import PageHeader, build_pdf
from kiosk.support.paper.verification import QUIET_ZONE, QrCode, qr_matrix, verification_block
from tests.fixtures.paper import TOKEN, PdfText


def test_qr_matrix_is_square_and_sized_for_the_text() -> None:
    small = qr_matrix("ABC")
    large = qr_matrix(TOKEN)
    assert len(small) == len(small[0]) == 21  # version 1
    assert len(large) == len(large[0])
    assert (len(large) - 17) % 4 == 0 and len(large) > 21
    # The three finder patterns: a dark 7x7 ring in three corners.
    for top, left in ((0, 0), (0, len(large) - 7), (len(large) - 7, 0)):
        assert all(large[top][left + n] and large[top + 6][left + n] for n in range(7))


def _page_stream(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return page.get_contents().get_data().decode("latin-1")


def test_the_qr_code_is_one_filled_path_of_one_rectangle_per_dark_run() -> None:
    pdf = build_pdf([QrCode("ABC", 100)], PageHeader("t", "c", "x"))
    stream = _page_stream(pdf)
    runs = sum(
        len(re.findall(r"1+", "".join("1" if dark else "0" for dark in row))) for row in qr_matrix("ABC")
    )
    assert stream.count(" re") == runs
    # Modules are 100 / (21 + 2 * quiet zone) points, starting one quiet zone in.
    step = 100 / (21 + 2 * QUIET_ZONE)
    assert f"{QUIET_ZONE * step:.2f} " in stream
    assert zlib  # streams are compressed by reportlab; pypdf hands them back decoded


def test_the_block_prints_the_short_check_code_and_how_to_check_it(pdf_text: PdfText) -> None:
    code = check_code(TOKEN)
    pdf = build_pdf([verification_block(TOKEN, code, 480, "certificate")], PageHeader("t", "c", "x"))
    _, text = pdf_text(pdf)
    assert "This certificate carries a record signed by the results registry" in text
    assert "kiosk registry verify-slip CODE" in text
    assert code in text and len(code) <= 20
    assert TOKEN not in text.replace(" ", "").replace("\n", "")  # the long token is only in the QR code
