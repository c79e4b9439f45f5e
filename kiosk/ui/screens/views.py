"""Plain data the presenters hand to screens, so screens never read service objects themselves."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SittingLine:
    """A sitting as listed on the idle and unlock screens."""

    sitting_id: int
    name: str
    exam: str
    state: str


@dataclass(frozen=True, slots=True)
class InterruptedLine:
    """An attempt stopped by a crash or power cut, waiting for the invigilator to authorise a resume."""

    attempt_id: str
    sitting_id: int
    candidate: str
    remaining_seconds: float


@dataclass(frozen=True, slots=True)
class InstructionsView:
    candidate: str
    exam: str
    grade: str
    minutes: float
    standard_minutes: int
    item_count: int
    resumed: bool = False


@dataclass(frozen=True, slots=True)
class ReceiptView:
    candidate: str
    sitting: str
    exam: str
    submission_code: str
    submitted_at: str
    answered: int
    item_count: int
    expired: bool
    percent: float | None = None
    passed: bool | None = None
