"""What the results page reads of a result held at the registry, and the small rules it applies to them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from kiosk.ui.admin.terms import certificate_short, grade_name
from kiosk.ui.errors import ShownError
from kiosk.ui.i18n import tr


class HeldResult(Protocol):
    """What the page reads of a result held at the registry (as :func:`reporting.find_results` lists)."""

    @property
    def attempt_id(self) -> str: ...
    @property
    def centre(self) -> str: ...
    @property
    def candidate_number(self) -> str: ...
    @property
    def candidate_name(self) -> str: ...
    @property
    def candidate_name_zh(self) -> str | None: ...
    @property
    def certificate(self) -> str: ...
    @property
    def grade(self) -> int: ...
    @property
    def bank_id(self) -> str: ...
    @property
    def sitting_name(self) -> str: ...
    @property
    def sitting_date(self) -> str | None: ...
    @property
    def finished_at(self) -> datetime | None: ...
    @property
    def percent(self) -> float: ...
    @property
    def passed(self) -> bool: ...
    @property
    def standing(self) -> str: ...


def result_word(passed: bool) -> str:
    return tr("AdminResults", "pass") if passed else tr("AdminResults", "not passed")


def standing_word(standing: str) -> str:
    """Why a result cannot be printed yet, in a few words; "" for one that can."""
    words = {
        "pending": tr("AdminResults", "not rescored yet"),
        "second": tr("AdminResults", "second result: awaits a decision"),
        "void": tr("AdminResults", "voided"),
    }
    return words.get(standing, "")


def list_row(result: HeldResult) -> tuple[str | float, ...]:
    """A result as a row of the list: the mark as a number (spreadsheets sum it; the table adds the %)."""
    name = result.candidate_name + (f" {result.candidate_name_zh}" if result.candidate_name_zh else "")
    return (
        result.candidate_number,
        name,
        certificate_short(result.certificate),
        grade_name(result.grade),
        result.centre,
        result.sitting_name,
        result.sitting_date or "",
        round(result.percent, 1),
        result_word(result.passed),
    )


def make_folder(out: Path) -> Path:
    """The folder documents go in, made if it is missing."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShownError(
            tr("AdminResults", "The folder {path} cannot be made ({reason}); choose another.").format(
                path=out, reason=error.strerror
            )
        ) from None
    return out
