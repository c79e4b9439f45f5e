"""Plain, frozen copies of stored rows: what repositories hand to the services above them.

They carry stored values as stored (state names as text, JSON as text); the services give them meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class KioskRecord:
    kiosk_id: str
    centre_name: str
    kiosk_name: str
    key_file: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BankRecord:
    bank_id: str
    version: int
    certificate: str
    grade: int
    title: str
    item_count: int
    header_json: str
    package_file: str
    package_sha256: str
    signer_key_id: str
    installed_at: datetime


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    id: int
    candidate_number: str
    full_name: str
    name_zh: str | None
    certificate: str
    grade: int
    extra_time_factor: float
    access_code_hash: str
    notes: str


@dataclass(frozen=True, slots=True)
class InvigilatorRecord:
    id: int
    name: str
    pin_hash: str
    active: bool


@dataclass(frozen=True, slots=True)
class SittingRecord:
    id: int
    name: str
    bank_id: str
    bank_version: int | None
    scheduled_on: date
    state: str
    show_score_on_receipt: bool
    opened_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    id: str
    candidate_id: int
    sitting_id: int
    bank_id: str
    bank_version: int
    seed: int
    form_json: str
    state: str
    allowed_seconds: float
    granted_seconds: float
    consumed_seconds: float
    checkpoint_at: datetime | None
    journal_head: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    submission_code: str | None
    result_json: str | None
    delivered: bool
    bundle_id: str | None
    current_item_id: str | None = None


@dataclass(frozen=True, slots=True)
class ResponseRecord:
    item_id: str
    response_json: str | None
    flagged: bool
    sequence: int | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class CheckpointRecord:
    consumed_ms: int
    wall_at: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    attempt_id: str | None
    sitting_id: int | None
    kind: str
    detail_json: str
    wall_at: datetime


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    id: int
    sitting_id: int
    attempt_id: str | None
    category: str
    description: str
    started_at: datetime
    duration_seconds: float | None
    recorded_by: str
