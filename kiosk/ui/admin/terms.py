"""Words the console shows for values the services return: certificates, grades, states, outcomes."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.domain import items
from kiosk.domain.items import GRADE_NAMES
from kiosk.ui.i18n import current_language, tr


def certificate_name(value: str) -> str:
    """The certificate's name in the console's language, e.g. "Energy Storage Maintenance"."""
    return items.certificate_name(value, language=current_language())


def certificate_short(value: str) -> str:
    """The certificate's own word, for tables where every certificate is an energy-storage one."""
    names = {
        "design": tr("AdminTerms", "Design"),
        "maintenance": tr("AdminTerms", "Maintenance"),
        "recycling": tr("AdminTerms", "Recycling"),
    }
    return names.get(str(value), str(value))


def grade_name(grade: int) -> str:
    return GRADE_NAMES.get(grade, str(grade))


def yes_no(value: bool) -> str:
    return tr("AdminTerms", "yes") if value else tr("AdminTerms", "no")


def factor_text(factor: float) -> str:
    """An extra-time factor as people say it: 'none' or '×1.25'."""
    return tr("AdminTerms", "none") if factor <= 1.0 else f"×{factor:.2f}".rstrip("0").rstrip(".")


def sitting_state(value: str) -> str:
    states = {
        "scheduled": tr("AdminTerms", "scheduled"),
        "open": tr("AdminTerms", "open"),
        "closed": tr("AdminTerms", "closed"),
    }
    return states.get(str(value), str(value))


def outcome_name(value: str) -> str:
    outcomes = {
        "imported": tr("AdminTerms", "imported"),
        "duplicate": tr("AdminTerms", "duplicate"),
        "conflict": tr("AdminTerms", "conflict"),
        "refused": tr("AdminTerms", "refused"),
    }
    return outcomes.get(str(value), str(value))


def when(value: datetime | date | None) -> str:
    """A date or time as the administrator reads it (local time, to the minute)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value.isoformat()
