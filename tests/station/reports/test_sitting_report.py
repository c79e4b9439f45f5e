"""The sitting report: attendance, times in the centre's zone, time used, incidents and outages."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from kiosk.station.reports.sitting_report import (
    NOT_STARTED,
    Evidence,
    EvidenceLine,
    SittingReportData,
    render_sitting_report,
    summary_pairs,
)
from tests.fixtures.paper import PdfText
from tests.support.paper.embedding import NAMES, embedded_fonts


def test_summary_counts(sitting: SittingReportData) -> None:
    assert dict(summary_pairs(sitting)) == {
        "Entered": "3",
        "Attended": "2",
        "Did not start": "0",
        "Absent": "1",
        "Finished": "2 (1 when time ran out)",
        "Not finished": "0",
        "Incidents": "2",
        "Refused log-ins": "0",
        "Extra time granted": "0, 0:00 in all",
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


def _with_evidence(sitting: SittingReportData) -> SittingReportData:
    start = sitting.opened_at
    assert start is not None
    absent = sitting.attendance[2]
    locked = replace(
        absent,
        state=NOT_STARTED,
        failed_logins=6,
        last_failed_login_at=start + timedelta(minutes=9),
        locked_out_at=start + timedelta(minutes=7),
    )
    tried = replace(
        absent,
        number="2025-0004",
        name="Mwila Zulu",
        state=NOT_STARTED,
        failed_logins=1,
        last_failed_login_at=start + timedelta(minutes=4),
    )
    evidence = (
        EvidenceLine(start + timedelta(minutes=4), "2025-0004", Evidence.LOGIN_WRONG_CODE),
        EvidenceLine(start + timedelta(minutes=5), "2025-0099", Evidence.LOGIN_UNKNOWN_NUMBER),
        EvidenceLine(start + timedelta(minutes=7), "2025-0003", Evidence.LOGIN_LOCKED_OUT),
        EvidenceLine(start + timedelta(minutes=9), "2025-0003", Evidence.LOGIN_REFUSED_LOCKED),
        EvidenceLine(start + timedelta(minutes=15), "2025-0002", Evidence.PAUSED, "Ms Tembo"),
        EvidenceLine(start + timedelta(minutes=18), "2025-0002", Evidence.RESUMED, "Ms Tembo"),
        EvidenceLine(
            start + timedelta(minutes=40), "2025-0002", Evidence.EXTRA_TIME, "Mr Zulu", 15, "Fire alarm"
        ),
        EvidenceLine(start + timedelta(minutes=41), "2025-0001", Evidence.INTERRUPTED),
    )
    return replace(sitting, attendance=(*sitting.attendance[:2], locked, tried), evidence=evidence)


def test_refused_log_ins_are_not_absent(sitting: SittingReportData) -> None:
    counts = dict(summary_pairs(_with_evidence(sitting)))
    assert (counts["Entered"], counts["Attended"], counts["Did not start"], counts["Absent"]) == (
        "4",
        "2",
        "2",
        "0",
    )
    assert counts["Refused log-ins"] == "4"
    assert counts["Extra time granted"] == "1, 15:00 in all"


def test_report_lists_log_ins_pauses_and_extra_time_with_times_and_who(
    sitting: SittingReportData, pdf_text: PdfText
) -> None:
    _, text = pdf_text(render_sitting_report(_with_evidence(sitting)))
    flat = " ".join(text.split())
    assert "absent" not in flat
    for expected in (
        # Times in the centre's zone (UTC+2).
        "Bwalya Phiri did not start: locked out at log-in 09:07",
        "Mwila Zulu did not start: 1 failed log-in, last 09:04",
        "09:04 2025-0004 Log-in refused: wrong access code. candidate",
        "09:05 2025-0099 Log-in refused: this candidate number is not on the roster. candidate",
        "09:07 2025-0003 Log-in refused: wrong access code; this number is now locked out of log-in. "
        "candidate",
        "09:09 2025-0003 Log-in refused: this number was locked out after too many wrong access codes.",
        "09:15 2025-0002 Exam paused by the invigilator; the clock stopped. Ms Tembo",
        "09:18 2025-0002 Exam resumed by the invigilator; the clock runs again. Ms Tembo",
        "09:40 2025-0002 Extra time granted: 15 min. Reason: Fire alarm Mr Zulu",
        "09:41 2025-0001 The kiosk stopped during the exam",
        "Rest breaks, the invigilator menu and PIN lockouts are listed with the incidents",
    ):
        assert expected in flat, expected


def test_a_quiet_sitting_says_there_was_nothing(sitting: SittingReportData, pdf_text: PdfText) -> None:
    _, text = pdf_text(render_sitting_report(replace(sitting, attendance=(), incidents=())))
    assert "No candidates are entered for this sitting." in text
    assert "No incidents were recorded." in text
    assert "No refused log-ins, pauses or extra time were recorded." in text
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
