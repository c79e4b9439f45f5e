"""Words the kiosk shows for bank and sitting data: exam titles, grades, certificates, sitting states."""

from __future__ import annotations

from kiosk.domain.items import GRADE_NAMES, Bank
from kiosk.station.services.sittings import SittingInfo
from kiosk.ui.i18n import tr


def exam_title(bank: Bank, language: str) -> str:
    return bank.title.get(language)


def grade_name(bank: Bank) -> str:
    return GRADE_NAMES.get(bank.grade, str(bank.grade))


def bank_caption(bank_id: str) -> str:
    """A person's name for a bank id such as ``maintenance-2``: 'Energy Storage Maintenance, grade II'."""
    certificate, _, grade = bank_id.rpartition("-")
    names = {
        "design": tr("KioskPresenter", "Energy Storage Design"),
        "maintenance": tr("KioskPresenter", "Energy Storage Maintenance"),
        "recycling": tr("KioskPresenter", "Energy Storage Recycling"),
    }
    if certificate not in names or not grade.isdigit():
        return bank_id
    return tr("KioskPresenter", "{certificate}, grade {grade}").format(
        certificate=names[certificate], grade=GRADE_NAMES.get(int(grade), grade)
    )


def state_label(info: SittingInfo) -> str:
    labels = {
        "scheduled": tr("KioskPresenter", "scheduled"),
        "open": tr("KioskPresenter", "open"),
        "closed": tr("KioskPresenter", "closed"),
    }
    return labels.get(info.state.value, info.state.value)
