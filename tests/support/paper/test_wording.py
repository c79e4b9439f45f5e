"""How values read on paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from kiosk.support.paper.wording import (
    clock_time,
    day,
    grade_label,
    minutes,
    percent,
    points,
    zone_name,
)

CAT = timezone(timedelta(hours=2))


def test_grades() -> None:
    assert grade_label(2) == "II (intermediate)"
    assert grade_label(7) == "7"


def test_numbers() -> None:
    assert percent(72.5) == "72.5%"
    assert percent(60.0) == "60%"
    assert percent(66.666) == "66.7%"
    assert points(12.0) == "12"
    assert points(2.5) == "2.50"


def test_durations() -> None:
    assert minutes(None) == ""
    assert minutes(312) == "5:12"
    assert minutes(3600) == "1:00:00"
    assert minutes(-4) == "0:00"


def test_times_and_dates() -> None:
    moment = datetime(2025, 6, 14, 7, 5, tzinfo=UTC)
    assert clock_time(moment) == "07:05"
    assert clock_time(moment, CAT) == "09:05"
    assert clock_time(None) == ""
    assert zone_name(CAT, moment) == "UTC+02:00"
    assert zone_name(UTC, moment) == "UTC"
    assert day(date(2025, 6, 4)) == "4 Jun 2025"
    assert day("2025-06-14") == "14 Jun 2025"
    assert day("June term") == "June term"
    assert day(None) == ""
