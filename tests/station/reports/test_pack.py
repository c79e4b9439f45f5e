"""The invigilation pack: cover with the reprint warning, instructions, register, incident form, slips."""

from __future__ import annotations

from dataclasses import replace

from kiosk.station.reports.pack import REPRINT_WARNING, PackCandidate, PackData, render_pack
from tests.fixtures.paper import PdfText
from tests.support.paper.embedding import NAMES, embedded_fonts


def test_pack_has_every_section_and_every_code(pack: PackData, pdf_text: PdfText) -> None:
    pages, text = pdf_text(render_pack(pack))
    # Cover, instructions, register, incident form, then 6 slips at 4 to a page.
    assert pages == 6
    flat = " ".join(text.split())
    for expected in (
        "Invigilation pack",
        "CONFIDENTIAL",
        "Confidential: this pack holds every candidate's access code",
        "1. Invigilator instructions",
        "Unlock the sitting on each PC",
        "release code",
        "After a power cut or crash",
        "authorise the resume",
        "End of the sitting",
        "2. Attendance register",
        "Signature",
        "3. Incident log form",
        "4. Admission slips",
        "60 minutes",
        "13 Jun 2025 14:05 UTC+02:00",
        "Lab 2 PC 07",
    ):
        assert expected in flat, expected
    assert " ".join(REPRINT_WARNING.split()) in flat
    for candidate in pack.candidates:
        assert candidate.access_code in text
        assert flat.count(f"Candidate number: {candidate.number}") == 1
    assert "李娜" in text
    assert "Extra time: +25% (applied automatically)" in flat


def test_extra_time_wording() -> None:
    assert PackCandidate("1", "A", None, 1.0, "X").extra_time == ""
    assert PackCandidate("1", "A", None, 1.5, "X").extra_time == "+50%"


def test_a_sitting_with_no_candidates_says_so(pack: PackData, pdf_text: PdfText) -> None:
    pages, text = pdf_text(render_pack(replace(pack, candidates=(), duration_minutes=None)))
    assert pages == 5
    assert "No candidates are entered for this sitting" in text
    assert "as set in the bank" in text


def test_names_in_any_script_print_as_written_in_embedded_fonts(pack: PackData, pdf_text: PdfText) -> None:
    candidates = tuple(
        replace(candidate, name=name, name_zh=None)
        for candidate, name in zip(pack.candidates, NAMES, strict=True)
    )
    pdf = render_pack(replace(pack, candidates=candidates))
    _, text = pdf_text(pdf)
    for name in NAMES:
        # In the attendance register and on the admission slip.
        assert text.count(name) >= 2, name
    for candidate in candidates:
        assert candidate.access_code in text
    assert embedded_fonts(pdf) == {
        "LiberationSans",
        "LiberationSans-Bold",
        "LiberationMono-Bold",
        "DroidSansFallback",
    }
