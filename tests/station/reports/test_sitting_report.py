"""The sitting report: attendance, times in the centre's zone, time used, incidents and outages."""

from __future__ import annotations

from dataclasses import replace

from kiosk.station.reports.sitting_report import SittingReportData, render_sitting_report, summary_pairs
from tests.fixtures.paper import PdfText
from tests.support.paper.embedding import NAMES, embedded_fonts


def test_summary_counts(sitting: SittingReportData) -> None:
    assert dict(summary_pairs(sitting)) == {
        "Entered": "3",
        "Attended": "2",
        "Absent": "1",
        "Finished": "2 (1 when time ran out)",
        "Not finished": "0",
        "Incidents": "2",
        "Power outages": "1, 5:12 in all (not charged)",
    }


def test_report_lists_attendance_times_and_incidents(sitting: SittingReportData, pdf_text: PdfText) -> None:
    pages, text = pdf_text(render_sitting_report(sitting))
    assert pages == 1
    flat = " ".join(text.split())
    for expected in (
        "Sitting report",
        "Maintenance II theory (no. 3)",
        "Chanda Mwale 张伟",
        "submitted 09:00 09:52 50:00 1:00:00",  # 07:00 UTC shown as 09:00 in the centre's zone
        "expired 09:00 10:10 1:15:00 1:15:00",
        "Bwalya Phiri absent",
        "UTC+02:00",
        "09:20 2025-0001 power outage Mains failed in lab 2 5:12 kiosk",
        "whole room",
        "Fire drill bell tested nearby",
        "Outage lengths are estimates",
    ):
        assert expected in flat, expected


def test_a_quiet_sitting_says_there_was_nothing(sitting: SittingReportData, pdf_text: PdfText) -> None:
    _, text = pdf_text(render_sitting_report(replace(sitting, attendance=(), incidents=())))
    assert "No candidates are entered for this sitting." in text
    assert "No incidents were recorded." in text
    assert "No power outages were recorded." in text


def test_names_in_any_script_print_as_written_in_embedded_fonts(
    sitting: SittingReportData, pdf_text: PdfText
) -> None:
    present = sitting.attendance[0]
    attendance = tuple(
        replace(present, number=f"2025-{n:04d}", name=name, name_zh=None)
        for n, name in enumerate(NAMES, start=1)
    )
    pdf = render_sitting_report(replace(sitting, attendance=attendance))
    _, text = pdf_text(pdf)
    for name in NAMES:
        assert name in text, name
    assert embedded_fonts(pdf) == {"LiberationSans", "LiberationSans-Bold", "DroidSansFallback"}
