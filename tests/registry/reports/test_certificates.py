"""Certificates: one landscape page with the candidate, the certificate and grade, and the code."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from kiosk.formats.records import check_code
from kiosk.registry.reports.certificates import CertificateData, render_certificate
from kiosk.registry.reports.slips import Candidate
from kiosk.support.paper.fonts import has_cjk
from tests.fixtures.paper import CENTRE, TOKEN, PdfText
from tests.support.paper.embedding import NAMES, embedded_fonts

CERTIFICATE = CertificateData(
    attempt_id="A-K1-0007",
    candidate=Candidate("2025-0042", "Chanda Mwale", "张伟"),
    certificate="Energy Storage Recycling",
    grade=3,
    centre=CENTRE,
    sitting_date="2025-06-14",
    issued_on=date(2025, 7, 1),
    percent=81.25,
    token=TOKEN,
    check_code=check_code(TOKEN),
    submission_code="8RGEU-RZQWJ",
)


def test_certificate_is_one_landscape_page_with_its_text(pdf_text: PdfText) -> None:
    pdf = render_certificate(CERTIFICATE)
    pages, text = pdf_text(pdf)
    assert pages == 1
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    for expected in (
        "CERTIFICATE OF ACHIEVEMENT",
        "Chanda Mwale",
        "张伟",
        "candidate number 2025-0042",
        "Energy Storage Recycling, Grade III (advanced)",
        "with a mark of 81.2%",
        "14 Jun 2025",
        "1 Jul 2025",
        "This certificate carries a record signed by the results registry",
        "Registry administrator",
        "Certificate for attempt A-K1-0007",
        "Submission code 8RGEU-RZQWJ",
        check_code(TOKEN),
    ):
        assert expected in text, expected


def test_a_long_name_without_chinese_stays_on_one_page(pdf_text: PdfText) -> None:
    candidate = Candidate("2025-0043", "Mutale Banda " * 4, None)
    pages, text = pdf_text(render_certificate(replace(CERTIFICATE, candidate=candidate)))
    assert pages == 1
    assert "Mutale Banda" in text
    assert "张伟" not in text


@pytest.mark.parametrize("name", NAMES)
def test_a_name_in_any_script_prints_as_written_in_embedded_fonts(name: str, pdf_text: PdfText) -> None:
    candidate = Candidate("2025-0044", name, None)
    pdf = render_certificate(replace(CERTIFICATE, candidate=candidate))
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert name in text
    chinese = {"DroidSansFallback"} if has_cjk(name) else set()
    assert embedded_fonts(pdf) == {"LiberationSans", "LiberationSans-Bold", "LiberationMono", *chinese}
