"""The shared page: running header with certificate and centre, "Page n of m", A4 in both orientations."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.platypus import PageBreak

from kiosk.support.paper.page import PageHeader, build_pdf, content_width, grid_table, page_size, para
from tests.fixtures.paper import PdfText

HEADER = PageHeader("Sitting report", "Energy Storage Design, Grade I", "Kitwe 基特韦 Campus", "Sitting 4")


def test_every_page_has_the_header_and_its_number(pdf_text: PdfText) -> None:
    pdf = build_pdf([para("first"), PageBreak(), para("second")], HEADER)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Sitting report" in text
        assert "Energy Storage Design, Grade I" in text and "基特韦" in text
        assert f"Page {number} of 2" in text
        assert "Sitting 4" in text
    assert reader.metadata is not None and reader.metadata.title == "Sitting report"


def test_pages_are_a4_portrait_or_landscape() -> None:
    portrait = PdfReader(io.BytesIO(build_pdf([para("x")], HEADER))).pages[0]
    landscape = PdfReader(io.BytesIO(build_pdf([para("x")], HEADER, wide=True))).pages[0]
    assert (round(float(portrait.mediabox.width)), round(float(portrait.mediabox.height))) == (595, 842)
    assert (round(float(landscape.mediabox.width)), round(float(landscape.mediabox.height))) == (842, 595)
    assert page_size(wide=True) == (page_size()[1], page_size()[0])
    assert content_width(wide=True) > content_width()


def test_a_long_header_is_shrunk_to_fit_not_overprinted(pdf_text: PdfText) -> None:
    long = PageHeader("Invigilation pack - CONFIDENTIAL", "Energy Storage Maintenance, Grade II", "C" * 200)
    _, text = pdf_text(build_pdf([para("x")], long))
    assert "Invigilation pack - CONFIDENTIAL" in text
    assert "..." in text


def test_a_long_table_repeats_its_header_on_each_page(pdf_text: PdfText) -> None:
    rows = [[str(n), f"row {n}"] for n in range(120)]
    pdf = build_pdf([grid_table(["Number", "Label"], rows, [100, 200])], HEADER)
    pages, text = pdf_text(pdf)
    assert pages >= 2
    assert text.count("Number") == pages
    assert "row 119" in text
