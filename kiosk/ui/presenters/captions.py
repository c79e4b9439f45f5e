"""Words the kiosk shows for bank and sitting data: exam titles, grades, certificates, sitting states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.items import GRADE_NAMES, Bank, Certificate, certificate_name
from kiosk.ui.i18n import tr

if TYPE_CHECKING:
    from kiosk.station.services.sittings import SittingInfo


def exam_title(bank: Bank, language: str) -> str:
    return bank.title.get(language)


def grade_name(bank: Bank) -> str:
    return GRADE_NAMES.get(bank.grade, str(bank.grade))


def bank_caption(bank_id: str, language: str) -> str:
    """A person's name for a bank id such as ``maintenance-2``: 'Energy Storage Maintenance, Grade II'."""
    certificate, _, grade = bank_id.rpartition("-")
    if certificate not in {c.value for c in Certificate} or not grade.isdigit():
        return bank_id
    return certificate_name(certificate, int(grade), language)


def state_label(info: SittingInfo) -> str:
    labels = {
        "scheduled": tr("KioskPresenter", "scheduled"),
        "open": tr("KioskPresenter", "open"),
        "closed": tr("KioskPresenter", "closed"),
    }
    return labels.get(info.state.value, info.state.value)
