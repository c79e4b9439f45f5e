"""The kiosk store's tables, as typed SQLAlchemy models.

Rows stay inside the storage layer: repositories turn them into the small records of
``kiosk.station.storage.records`` before anything above sees them.
Times are stored as UTC ISO-8601 text so they
sort correctly and read back timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def stored_time(value: datetime) -> str:
    """How a time is written to the store: UTC, ISO 8601, always to the microsecond."""
    if value.tzinfo is None:
        raise ValueError("the kiosk store only keeps timezone-aware times")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime kept as fixed-width ISO text (so text order is time order)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else stored_time(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).astimezone(UTC)


class Base(DeclarativeBase):
    """Base of every kiosk table."""


class KioskRow(Base):
    """This kiosk's identity: one row, written by ``kiosk init``."""

    __tablename__ = "kiosk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(32), unique=True)
    centre_name: Mapped[str] = mapped_column(String(200))
    kiosk_name: Mapped[str] = mapped_column(String(200))
    key_file: Mapped[str] = mapped_column(String(300))
    attempt_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Added by schema version 4: the hash of the centre's recovery code, which clears a PIN lockout.
    recovery_code_hash: Mapped[str | None] = mapped_column(String(300))


class InstalledBankRow(Base):
    """A verified bank package copied into the data folder (still encrypted)."""

    __tablename__ = "installed_banks"
    __table_args__ = (UniqueConstraint("bank_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    certificate: Mapped[str] = mapped_column(String(32))
    grade: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    item_count: Mapped[int] = mapped_column(Integer)
    header_json: Mapped[str] = mapped_column(Text)
    package_file: Mapped[str] = mapped_column(String(300))
    package_sha256: Mapped[str] = mapped_column(String(64))
    signer_key_id: Mapped[str] = mapped_column(String(64))
    installed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CandidateRow(Base):
    """A candidate on this kiosk's roster, entered for one certificate and grade."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_number: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    certificate: Mapped[str] = mapped_column(String(32))
    grade: Mapped[int] = mapped_column(Integer)
    extra_time_factor: Mapped[float] = mapped_column(Float, default=1.0)
    access_code_hash: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SittingCodeRow(Base):
    """A candidate's access code for one sitting, issued with that sitting's invigilation pack. While it
    exists it is the only code that opens that sitting for the candidate; other sittings keep theirs."""

    __tablename__ = "sitting_codes"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sittings.id"), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(300))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())


class InvigilatorRow(Base):
    """An invigilator account; the PIN is only ever stored hashed."""

    __tablename__ = "invigilators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SittingRow(Base):
    """A scheduled exam session for one bank; ``bank_version`` is pinned when first opened."""

    __tablename__ = "sittings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    bank_id: Mapped[str] = mapped_column(String(64))
    bank_version: Mapped[int | None] = mapped_column(Integer)
    scheduled_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))
    show_score_on_receipt: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AttemptRow(Base):
    """One candidate's attempt at one sitting: its form, clock and outcome."""

    __tablename__ = "attempts"
    __table_args__ = (
        UniqueConstraint("candidate_id", "sitting_id"),
        Index("ix_attempts_sitting", "sitting_id"),
        Index("ix_attempts_state", "state"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sittings.id"))
    bank_id: Mapped[str] = mapped_column(String(64))
    bank_version: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(BigInteger)
    form_json: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    allowed_seconds: Mapped[float] = mapped_column(Float)
    granted_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    consumed_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    checkpoint_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The hash of the last journal entry, kept apart from the journal so a removed tail is noticed.
    journal_head: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    submission_code: Mapped[str | None] = mapped_column(String(32))
    result_json: Mapped[str | None] = mapped_column(Text)
    # Added by schema version 2: result-bundle delivery (issue 5).
    delivered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    bundle_id: Mapped[str | None] = mapped_column(String(64))
    # Added by schema version 4: the question the candidate was last on, where a resume takes them back.
    current_item_id: Mapped[str | None] = mapped_column(String(64))


class ResponseRow(Base):
    """The current answer and flag for one item of an attempt (the journal keeps the history)."""

    __tablename__ = "responses"

    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempts.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    response_json: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    sequence: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class JournalRow(Base):
    """One saved answer in an attempt's hash-chained, append-only journal."""

    __tablename__ = "journal"

    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempts.id"), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64))
    response_json: Mapped[str] = mapped_column(Text)
    consumed_ms: Mapped[int] = mapped_column(Integer)
    # Kept as the exact text that was hashed, not as a datetime.
    recorded_at: Mapped[str] = mapped_column(String(40))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class CheckpointRow(Base):
    """A record of the exam clock: consumed time at a wall time, and why it was taken."""

    __tablename__ = "clock_checkpoints"
    __table_args__ = (Index("ix_clock_checkpoints_attempt", "attempt_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempts.id"))
    consumed_ms: Mapped[int] = mapped_column(Integer)
    wall_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(16))


class EventRow(Base):
    """Something that happened to a sitting or attempt, for the audit trail."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_attempt", "attempt_id"), Index("ix_events_sitting", "sitting_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[str | None] = mapped_column(ForeignKey("attempts.id"))
    sitting_id: Mapped[int | None] = mapped_column(ForeignKey("sittings.id"))
    kind: Mapped[str] = mapped_column(String(40))
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    wall_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IncidentRow(Base):
    """An incident an invigilator (or the kiosk itself) recorded during a sitting."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_sitting", "sitting_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sittings.id"))
    attempt_id: Mapped[str | None] = mapped_column(ForeignKey("attempts.id"))
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    recorded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoginAttemptRow(Base):
    """One guess of a PIN, access code or release code, kept so rate limits survive a restart."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_scope", "scope", "wall_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(100))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    wall_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutboxBundleRow(Base):
    """A result bundle this kiosk made: its number, hash, the attempts in it and where it was written."""

    __tablename__ = "outbox_bundles"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    previous_hash: Mapped[str] = mapped_column(String(64))
    attempt_ids_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    written_to: Mapped[str | None] = mapped_column(Text)
    written_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Added by schema version 6: the sealed bundle itself, so one recorded but never written (the kiosk
    # stopped in between) is written again, byte for byte, by the next export.
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
