"""The results registry's tables: its own schema, apart from any kiosk's store.

The registry runs on SQLite for one office and on PostgreSQL when one machine is not enough, through the
same models, so only types both understand are used: free text is ``Text`` (PostgreSQL enforces
``VARCHAR`` lengths and SQLite does not, which would let a long name pass one and fail the other), ids are
short strings whose length the importer checks, and times are UTC ISO text that sorts as time.

Nothing here is ever deleted: refused and conflicting files are recorded in ``quarantine`` and an attempt
that arrives again with different contents is kept in ``attempt_conflicts`` beside the first copy. The banks
the registry rescores with are kept in ``banks``; what rescoring found for each attempt in ``attempt_checks``
and what an administrator decided about it in ``attempt_decisions``. Those three tables came after the
others: a registry made before them gets them when it is next opened, with every attempt it holds not yet
rescored.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID_LENGTH = 64
DIGEST_LENGTH = 64
CHECK_CODE_LENGTH = 19


class RegistryTime(TypeDecorator[datetime]):
    """A timezone-aware UTC time kept as fixed-width ISO text, the same on SQLite and PostgreSQL."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("The registry only keeps timezone-aware times.")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).astimezone(UTC)


class RegistryBase(DeclarativeBase):
    """Base of every registry table (a metadata of its own, never mixed with the kiosk store's)."""


class EnrolledKioskRow(RegistryBase):
    """A kiosk whose bundles the registry accepts, with the public key that signs them."""

    __tablename__ = "kiosks"

    kiosk_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    kiosk_name: Mapped[str] = mapped_column(Text)
    centre: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(32))
    public_text: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[datetime] = mapped_column(RegistryTime())


class RetiredKioskKeyRow(RegistryBase):
    """A kiosk key replaced by re-enrolment, kept so earlier bundles can still be checked by hand."""

    __tablename__ = "retired_kiosk_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.kiosk_id"))
    key_id: Mapped[str] = mapped_column(String(32))
    public_text: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[datetime] = mapped_column(RegistryTime())
    retired_at: Mapped[datetime] = mapped_column(RegistryTime())


class BundleRow(RegistryBase):
    """A bundle the registry opened and accepted; a kiosk's sequence numbers are unique."""

    __tablename__ = "bundles"
    __table_args__ = (UniqueConstraint("kiosk_id", "sequence", name="uq_bundles_kiosk_sequence"),)

    bundle_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.kiosk_id"))
    sequence: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    previous_hash: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    created_at: Mapped[datetime | None] = mapped_column(RegistryTime())
    received_at: Mapped[datetime] = mapped_column(RegistryTime())
    source_name: Mapped[str] = mapped_column(Text)
    # "imported", or "conflict" when an attempt in it differed from the copy already held.
    outcome: Mapped[str] = mapped_column(String(16))
    attempt_count: Mapped[int] = mapped_column(Integer)
    new_attempt_count: Mapped[int] = mapped_column(Integer)
    # The attempts this bundle's receipt acknowledges, as a JSON list, so a lost receipt can be re-issued.
    acknowledged_json: Mapped[str] = mapped_column(Text)


class ResultAttemptRow(RegistryBase):
    """One candidate's finished attempt, imported once whatever number of bundles carried it."""

    __tablename__ = "attempts"
    __table_args__ = (
        Index("ix_attempts_kiosk", "kiosk_id"),
        Index("ix_attempts_candidate", "candidate_number"),
        Index("ix_attempts_bank", "bank_id", "bank_version"),
        # The results list's order (see reads._LIST_ORDER): a page is a range of this index from a key, and
        # ``passed`` in it lets the list's count and its filters read the index alone.
        Index(
            "ix_attempts_list", "certificate", "grade", "centre", "candidate_number", "attempt_id", "passed"
        ),
        # A sitting or a centre chosen in the list, counted from the index alone; and the filters' choices,
        # which are one pass over it grouped by its first five columns.
        Index(
            "ix_attempts_sitting", "centre", "sitting_name", "sitting_date", "certificate", "grade", "passed"
        ),
    )

    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.kiosk_id"))
    bundle_id: Mapped[str] = mapped_column(ForeignKey("bundles.bundle_id"))
    centre: Mapped[str] = mapped_column(Text)
    candidate_number: Mapped[str] = mapped_column(String(ID_LENGTH))
    candidate_name: Mapped[str] = mapped_column(Text)
    candidate_name_zh: Mapped[str | None] = mapped_column(Text)
    certificate: Mapped[str] = mapped_column(String(32))
    grade: Mapped[int] = mapped_column(Integer)
    bank_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    bank_version: Mapped[int] = mapped_column(Integer)
    sitting_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    sitting_name: Mapped[str] = mapped_column(Text)
    sitting_date: Mapped[str | None] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(16))
    seed: Mapped[int] = mapped_column(BigInteger)
    started_at: Mapped[datetime | None] = mapped_column(RegistryTime())
    finished_at: Mapped[datetime | None] = mapped_column(RegistryTime())
    allowed_seconds: Mapped[float] = mapped_column(Float)
    consumed_seconds: Mapped[float] = mapped_column(Float)
    earned: Mapped[float] = mapped_column(Float)
    possible: Mapped[float] = mapped_column(Float)
    percent: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    submission_code: Mapped[str | None] = mapped_column(String(32))
    journal_head: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    journal_length: Mapped[int] = mapped_column(Integer)
    result_json: Mapped[str] = mapped_column(Text)
    form_json: Mapped[str] = mapped_column(Text)
    events_json: Mapped[str] = mapped_column(Text)
    checkpoints_json: Mapped[str] = mapped_column(Text)
    # SHA-256 of the attempt's signed record, to tell a faithful re-send from a changed one.
    content_digest: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    imported_at: Mapped[datetime] = mapped_column(RegistryTime())


class ResultResponseRow(RegistryBase):
    """A candidate's final response to one item with its score: the raw material of item analysis.

    Deliberately without a foreign key or an index by item: a bundle of a hundred attempts brings ten
    thousand of these rows, and on PostgreSQL the per-row key check and second index more than double the
    import's time. The importer writes them only in the transaction that stored their attempt, so none can
    be orphaned; item analysis reads the whole table anyway.
    """

    __tablename__ = "responses"
    # SQLite keeps such a table in its primary-key tree alone, one write per row instead of two.
    __table_args__ = ({"sqlite_with_rowid": False},)

    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    response_json: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)


class CompetenceScoreRow(RegistryBase):
    """Points earned and possible in one competence of one attempt (written like ``responses``)."""

    __tablename__ = "competence_scores"
    __table_args__ = ({"sqlite_with_rowid": False},)

    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    competence: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    earned: Mapped[float] = mapped_column(Float)
    possible: Mapped[float] = mapped_column(Float)


class ResultIncidentRow(RegistryBase):
    """An incident a kiosk recorded, keyed by kiosk and the kiosk's own number so re-sends merge."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_attempt", "attempt_id"),)

    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.kiosk_id"), primary_key=True)
    incident_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(ForeignKey("bundles.bundle_id"))
    attempt_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    sitting_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime | None] = mapped_column(RegistryTime())
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    recorded_by: Mapped[str] = mapped_column(Text)


class AttemptConflictRow(RegistryBase):
    """An attempt that arrived again with contents other than the copy already held; both are kept."""

    __tablename__ = "attempt_conflicts"
    __table_args__ = (Index("ix_attempt_conflicts_attempt", "attempt_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    bundle_id: Mapped[str] = mapped_column(ForeignKey("bundles.bundle_id"))
    held_bundle_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    held_digest: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    content_digest: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    content_json: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(RegistryTime())


class QuarantineRow(RegistryBase):
    """A file the registry refused or found in conflict, with where its copy was put and why."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_name: Mapped[str] = mapped_column(Text)
    stored_path: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    bundle_id: Mapped[str | None] = mapped_column(Text)
    kiosk_id: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(RegistryTime())


class HeldBankRow(RegistryBase):
    """A bank version in the registry's custody: its payload exactly as the awarding body built it."""

    __tablename__ = "banks"

    bank_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    # SHA-256 of the payload: a second copy of the same bank id and version must have the same digest.
    digest: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    # The bank payload (canonical JSON, images included) the registry rescores with.
    payload: Mapped[str] = mapped_column(Text)
    # Where the copy came from: a source folder or a package file, as given.
    source: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(RegistryTime())


class AttemptCheckRow(RegistryBase):
    """What rescoring an attempt found: its result filed (``rescored``), ``pending`` until its bank version
    is held, or ``flagged`` (kept aside, not filed as a result) with the reason as a code and parameters."""

    __tablename__ = "attempt_checks"
    __table_args__ = (Index("ix_attempt_checks_state", "state"),)

    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    bank_digest: Mapped[str | None] = mapped_column(String(DIGEST_LENGTH))
    # The registry's own marks, from the held bank (None while pending).
    earned: Mapped[float | None] = mapped_column(Float)
    possible: Mapped[float | None] = mapped_column(Float)
    percent: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    reason_code: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    reason_json: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime] = mapped_column(RegistryTime())


class AttemptDecisionRow(RegistryBase):
    """An administrator's decision to keep or void an attempt, with who made it and why; the latest counts."""

    __tablename__ = "attempt_decisions"
    __table_args__ = (Index("ix_attempt_decisions_attempt", "attempt_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    decision: Mapped[str] = mapped_column(String(8))
    decided_by: Mapped[str] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(RegistryTime())


class SlipCheckRow(RegistryBase):
    """A result slip's or certificate's signed record, kept under the short check code printed with it, so
    a code typed in (rather than scanned) can be checked against the registry."""

    __tablename__ = "slip_checks"

    code: Mapped[str] = mapped_column(String(CHECK_CODE_LENGTH), primary_key=True)
    attempt_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    token: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(RegistryTime())
