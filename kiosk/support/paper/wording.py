"""How values are worded on paper: grades, marks, durations and times (certificates: domain.items)."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from kiosk.domain.items import GRADE_NAMES

GRADE_LEVELS = {1: "elementary", 2: "intermediate", 3: "advanced"}


def grade_label(grade: int) -> str:
    """E.g. "II (intermediate)"; an unknown grade prints as its number."""
    name = GRADE_NAMES.get(grade, str(grade))
    level = GRADE_LEVELS.get(grade)
    return f"{name} ({level})" if level else name


def percent(value: float, places: int = 1) -> str:
    """E.g. "72.5%"; trailing ".0" dropped so whole marks read as whole."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def points(value: float) -> str:
    """Points as printed: whole numbers without decimals, others to two places."""
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.2f}"


def minutes(seconds: float | None) -> str:
    """A duration as "h:mm:ss" (or "m:ss" under an hour); blank when unknown."""
    if seconds is None:
        return ""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


def clock_time(moment: datetime | None, zone: tzinfo = UTC) -> str:
    """A time of day as "HH:MM" in ``zone``; blank when unknown."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).strftime("%H:%M")


def zone_name(zone: tzinfo, on: datetime | None = None) -> str:
    """E.g. "UTC+02:00", naming the offset in force at ``on`` (or now)."""
    moment = (on or datetime.now(UTC)).astimezone(zone)
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    return f"UTC{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def day(value: date | datetime | str | None) -> str:
    """A date as "14 Jun 2025"; text dates (YYYY-MM-DD) are parsed, anything else is printed as given."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            return value
        return day(parsed)
    return value.strftime("%d %b %Y").lstrip("0")
