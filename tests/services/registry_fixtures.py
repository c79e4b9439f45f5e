"""Shared helpers for the registry, export and receipt tests: databases, identities and hand-built bundles.

Import the fixtures by their function names (``database_url_fixture``, ``world_fixture``); tests ask
for them as ``database_url`` and ``world``. ``database_url`` runs a test on SQLite and on PostgreSQL.
The PostgreSQL URL comes from ``KIOSK_TEST_PG_URL``: unset, those cases skip; set, they must run, and an
unreachable server fails them. Each PostgreSQL case gets a schema of its own (through ``search_path``),
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

from kiosk.domain.clock import FakeClock
from kiosk.security.bundles import bundle_digest, seal_bundle
from kiosk.security.keys import KeyKind, PrivateIdentity, generate_identity
from kiosk.services.bundle_content import CONTENT_VERSION
from kiosk.services.context import KioskContext
from kiosk.services.enrolment import write_enrolment
from kiosk.services.exam import login
from kiosk.services.registry import RegistryContext, enrol_kiosk, init_registry, open_registry
from kiosk.services.sittings import OpenSitting
from tests.services.kiosk_fixtures import RIGHT

PG_ENV = "KIOSK_TEST_PG_URL"
NOW = "2025-03-14T09:00:00+00:00"


@contextmanager
def postgres_schema_url(base: str) -> Iterator[str]:
    """A URL whose connections use a fresh schema of their own; the schema is dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        try:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        finally:
            admin.dispose()


@pytest.fixture(
    name="database_url", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def database_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The registry database for one test: an SQLite file, or a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    with postgres_schema_url(base) as url:
        yield url


@dataclass
class Kiosk:
    """A kiosk as the registry sees it: id, name, centre, key, and the bundles it has sealed so far."""

    kiosk_id: str
    identity: PrivateIdentity
    centre: str = "Kitwe Campus"
    name: str = "Lab PC 1"
    last_digest: str = ""
    sequence: int = 0
    files: list[Path] = field(default_factory=list)


@dataclass
class World:
    """A registry folder and database with helpers to enrol kiosks and write their bundles."""

    root: Path
    ctx: RegistryContext
    url: str

    def kiosk(self, kiosk_id: str = "K1", enrol: bool = True) -> Kiosk:
        kiosk = Kiosk(kiosk_id, generate_identity(KeyKind.KIOSK, kiosk_id))
        if enrol:
            path = write_enrolment(
                kiosk.identity, kiosk_id, kiosk.name, kiosk.centre, self.root / f"{kiosk_id}.1xenrol", _now()
            )
            enrol_kiosk(self.ctx, path)
        return kiosk

    def bundle(
        self,
        kiosk: Kiosk,
        attempts: list[dict[str, Any]],
        incidents: list[dict[str, Any]] | None = None,
        sequence: int | None = None,
        name: str | None = None,
        **extra: Any,
    ) -> Path:
        """Seal and write the kiosk's next bundle (or the given sequence number) into ``root/out``."""
        number = kiosk.sequence + 1 if sequence is None else sequence
        inner = inner_fields(kiosk, number, attempts, incidents or [], **extra)
        data = seal_bundle(inner, kiosk.identity, self.ctx.identity.public)
        kiosk.sequence = max(kiosk.sequence, number)
        kiosk.last_digest = bundle_digest(data)
        folder = self.root / "out"
        folder.mkdir(exist_ok=True)
        path = folder / (name or f"{kiosk.kiosk_id}-{number:06d}.1xresult")
        path.write_bytes(data)
        kiosk.files.append(path)
        return path


def _now() -> datetime:
    return datetime.fromisoformat(NOW)


def inner_fields(
    kiosk: Kiosk, sequence: int, attempts: list[dict[str, Any]], incidents: list[dict[str, Any]], **extra: Any
) -> dict[str, object]:
    fields: dict[str, object] = {
        "bundle_id": f"{kiosk.kiosk_id}-{sequence:06d}",
        "kiosk_id": kiosk.kiosk_id,
        "sequence": sequence,
        "previous_hash": kiosk.last_digest,
        "content_version": CONTENT_VERSION,
        "kiosk_name": kiosk.name,
        "centre": kiosk.centre,
        "created_at": NOW,
        "attempts": attempts,
        "incidents": incidents,
    }
    fields.update(extra)
    return fields


def attempt(
    attempt_id: str, candidate: str = "C001", items: int = 3, earned: float | None = None
) -> dict[str, Any]:
    """A finished attempt as the kiosk's export writes it, with ``items`` single-choice answers."""
    item_ids = [f"T-{number:03d}" for number in range(1, items + 1)]
    scores = {item_id: 1.0 if position % 2 == 0 else 0.0 for position, item_id in enumerate(item_ids)}
    total = sum(scores.values()) if earned is None else earned
    percent = round(100.0 * total / items, 2) if items else 0.0
    return {
        "attempt_id": attempt_id,
        "candidate": {
            "number": candidate,
            "name": f"Candidate {candidate}",
            "name_zh": None,
            "extra_time_factor": 1.0,
        },
        "certificate": "maintenance",
        "grade": 1,
        "sitting": {"id": "1", "name": "Morning theory", "date": "2025-03-14"},
        "bank": {"id": "maintenance-1", "version": 3},
        "form": {
            "bank_id": "maintenance-1",
            "bank_version": 3,
            "seed": 12345,
            "items": [
                {"item_id": item_id, "option_order": ["A", "B"], "premise_order": []} for item_id in item_ids
            ],
        },
        "state": "submitted",
        "started_at": "2025-03-14T09:00:00+00:00",
        "finished_at": "2025-03-14T09:25:00+00:00",
        "allowed_seconds": 1800.0,
        "granted_seconds": 0.0,
        "consumed_seconds": 1500.0,
        "submission_code": "ABCD-EFGH-JK",
        "responses": [
            {"item_id": item_id, "response": "A", "flagged": False, "score": scores[item_id], "max": 1.0}
            for item_id in item_ids
        ],
        "result": {
            "earned": total,
            "possible": float(items),
            "percent": percent,
            "passed": percent >= 60,
            "by_competence": {"F1": {"earned": total, "possible": float(items), "percent": percent}},
            "by_area": {"foundational": {"earned": total, "possible": float(items), "percent": percent}},
            "item_scores": scores,
            "failed_areas": [],
        },
        "journal": {"head": "a" * 64, "length": items},
        "events": [{"kind": "started", "detail": {}, "at": "2025-03-14T09:00:00+00:00"}],
        "checkpoints": [{"consumed_ms": 1_500_000, "at": "2025-03-14T09:25:00+00:00", "reason": "submit"}],
    }


def incident(number: int, attempt_id: str | None = None) -> dict[str, Any]:
    return {
        "number": number,
        "attempt_id": attempt_id,
        "sitting_id": "1",
        "category": "power_outage",
        "description": "Mains power failed for 4 minutes.",
        "started_at": "2025-03-14T09:10:00+00:00",
        "duration_seconds": 240.0,
        "recorded_by": "Mrs Banda",
    }


@pytest.fixture(name="world")
def world_fixture(tmp_path: Path, database_url: str) -> Iterator[World]:
    root = tmp_path / "registry"
    init_registry(root)
    ctx = open_registry(root, database_url, now=_now)
    try:
        yield World(tmp_path, ctx, database_url)
    finally:
        ctx.close()


# Kiosk side: a staffed kiosk (tests/services/conftest.py) that trusts a registry, a USB folder, exams.

Sit = Callable[..., str]


@pytest.fixture(name="registry_dir")
def registry_dir_fixture(tmp_path: Path) -> Path:
    """A registry folder with its key (no database opened)."""
    init_registry(tmp_path / "registry")
    return tmp_path / "registry"


@pytest.fixture(name="trusting")
def trusting_fixture(sitting: OpenSitting, staffed: KioskContext, registry_dir: Path) -> KioskContext:
    """The staffed kiosk, with an open sitting and the registry's public key in trust/registry.pub."""
    (staffed.trust_dir / "registry.pub").write_bytes((registry_dir / "keys" / "registry.pub").read_bytes())
    return staffed


@pytest.fixture(name="usb")
def usb_fixture(tmp_path: Path) -> Path:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    return folder


@pytest.fixture(name="sit")
def sit_fixture(trusting: KioskContext, sitting: OpenSitting, codes: dict[str, str], clock: FakeClock) -> Sit:
    """Run a candidate's exam: answer every item (right by default), then submit or leave it running."""

    def run(number: str, answers: Mapping[str, object] = RIGHT, submit: bool = True) -> str:
        session = login(trusting, sitting, number, codes[number])
        session.start()
        for item_id in session.form.item_ids:
            clock.advance(20)
            session.record_answer(item_id, answers[item_id])
        if submit:
            session.submit()
        return session.attempt_id

    return run
