"""Exporting results: one signed, encrypted bundle of every finished attempt the registry has not receipted.

The bundle is numbered and chained in the outbox first (one transaction), then written to the destination
whole or not at all (:func:`kiosk.support.files.write_file`) and read back from it. If writing or reading
back fails, the outbox entry is taken back so the next export reuses the number; the attempts themselves
are only ever read here, so exporting again (or twice) never loses or changes one: every attempt not yet
acknowledged by a registry receipt goes into the next bundle again.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.attempt import AttemptState
from kiosk.domain.errors import InputError, KioskError, RuleError, SecurityError, StoreError
from kiosk.formats.bundle_content import CONTENT_VERSION
from kiosk.formats.bundles import BundleHeader, bundle_digest, read_bundle_header, seal_bundle
from kiosk.formats.keys import KeyKind, PublicIdentity, load_public
from kiosk.station.services.bank_install import trusted_keys
from kiosk.station.services.context import KioskContext
from kiosk.station.services.integrity import verify_journals
from kiosk.station.services.kiosk_setup import load_kiosk_identity, require_kiosk
from kiosk.station.storage.engine import StoreSession
from kiosk.station.storage.outbox import (
    add_bundle,
    bundle_data,
    forget_bundle,
    last_bundle,
    mark_written,
    unwritten_bundles,
)
from kiosk.station.storage.records import AttemptRecord
from kiosk.station.storage.repositories import attempts, audit, people, sittings
from kiosk.support.files import PRIVATE, write_file

BUNDLE_SUFFIX = ".1xresult"
REGISTRY_KEY_FILE = "registry.pub"
FINISHED = (AttemptState.SUBMITTED.value, AttemptState.EXPIRED.value)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The bundle written: where, its id and number, and how many attempts it carries."""

    path: Path
    bundle_id: str
    sequence: int
    attempt_count: int
    digest: str
    rewritten: tuple[Path, ...] = ()
    """Bundles an interrupted export had recorded but not written, written first (same bytes)."""


def registry_keys(ctx: KioskContext, path: Path | None = None) -> list[PublicIdentity]:
    """The registry keys this kiosk trusts: the file ``path``, or every registry key in ``trust/``."""
    if path is not None:
        public = load_public(path)
        if public.kind is not KeyKind.REGISTRY:
            raise SecurityError("export.key_not_registry", path=path, kind=public.kind.value)
        return [public]
    found = trusted_keys(ctx, KeyKind.REGISTRY)
    if not found:
        raise InputError("export.no_registry_key", path=ctx.trust_dir / REGISTRY_KEY_FILE)
    return found


def registry_public_key(ctx: KioskContext, path: Path | None = None) -> PublicIdentity:
    """The one registry key bundles are encrypted to (see :func:`registry_keys`)."""
    found = registry_keys(ctx, path)
    if len(found) > 1:
        raise InputError("export.several_registry_keys", keys=", ".join(key.key_id for key in found))
    return found[0]


def export_results(ctx: KioskContext, destination: Path, registry_key: Path | None = None) -> ExportResult:
    """Write one bundle of every finished, unacknowledged attempt into the folder ``destination``."""
    if not destination.is_dir():
        raise InputError("export.folder_missing", folder=destination)
    info = require_kiosk(ctx)
    identity = load_kiosk_identity(ctx)
    registry = registry_public_key(ctx, registry_key)
    problems = verify_journals(ctx)
    if problems:
        raise StoreError("export.records_fail_check", count=len(problems))
    rewritten = _write_unwritten(ctx, destination)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        waiting = [
            record for record in attempts.attempts_in_states(session, FINISHED) if not record.delivered
        ]
        if not waiting:
            raise RuleError("export.nothing_to_export")
        previous = last_bundle(session)
        sequence = 1 if previous is None else previous.sequence + 1
        bundle_id = f"{info.kiosk_id}-{sequence:06d}"
        inner: dict[str, object] = {
            "bundle_id": bundle_id,
            "kiosk_id": info.kiosk_id,
            "sequence": sequence,
            "previous_hash": "" if previous is None else previous.digest,
            "content_version": CONTENT_VERSION,
            "kiosk_name": info.kiosk_name,
            "centre": info.centre_name,
            "created_at": now.isoformat(),
            "attempts": [attempt_content(session, record) for record in waiting],
            "incidents": incident_content(session, waiting),
        }
        data = seal_bundle(inner, identity, registry)
        digest = bundle_digest(data)
        ids = [record.id for record in waiting]
        add_bundle(session, bundle_id, sequence, digest, str(inner["previous_hash"]), ids, now, data)
        audit.add_event(
            session, "results_exported", now, detail={"bundle_id": bundle_id, "attempts": len(ids)}
        )
    target = destination / f"{bundle_id}{BUNDLE_SUFFIX}"
    try:
        _write_and_read_back(target, data, read_bundle_header(data))
    except BaseException:
        with ctx.store.transaction() as session:
            forget_bundle(session, bundle_id)
        raise
    with ctx.store.transaction() as session:
        mark_written(session, bundle_id, str(target), ctx.clock.wall())
    return ExportResult(target, bundle_id, sequence, len(ids), digest, rewritten)


def _write_unwritten(ctx: KioskContext, destination: Path) -> tuple[Path, ...]:
    """Write the bundles an interrupted export recorded but did not write, byte for byte as recorded.

    A kiosk stopped (power cut, killed) between recording a bundle and writing its file has numbered it
    and chained the next one to it; without its file the registry would wait for that number forever.
    Its sealed bytes were kept with the record, so the same bundle is written now (the registry takes the
    same bytes once however often they arrive). A bundle recorded by a version that did not keep the bytes
    was never handed out, so its number is taken back for the next bundle, as after a failed write.
    """
    with ctx.store.session() as session:
        pending = [(bundle, bundle_data(session, bundle.bundle_id)) for bundle in unwritten_bundles(session)]
    written = []
    for bundle, data in pending:
        if data is None:
            with ctx.store.transaction() as session:
                forget_bundle(session, bundle.bundle_id)
            continue
        target = destination / f"{bundle.bundle_id}{BUNDLE_SUFFIX}"
        if not (target.exists() and target.read_bytes() == data):
            _write_and_read_back(target, data, read_bundle_header(data))
        with ctx.store.transaction() as session:
            mark_written(session, bundle.bundle_id, str(target), ctx.clock.wall())
            audit.add_event(
                session,
                "results_exported",
                ctx.clock.wall(),
                detail={"bundle_id": bundle.bundle_id, "rewritten": True},
            )
        written.append(target)
    return tuple(written)


def _write_and_read_back(target: Path, data: bytes, header: BundleHeader) -> None:
    if target.exists():
        raise InputError("export.file_exists", file=target.name, folder=target.parent)
    # Private: a bundle carries candidates' names and results. A failed write leaves nothing behind and
    # raises FileWriteError (code ``file.*``).
    write_file(target, data, PRIVATE)
    try:
        written = _read_from_device(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        reason = error.strerror or str(error)
        raise StoreError("export.read_back_failed", path=target, reason=reason) from None
    try:
        check = read_bundle_header(written)
        same = written == data and (
            check.bundle_id,
            check.kiosk_id,
            check.sequence,
            check.recipient_key_id,
        ) == (
            header.bundle_id,
            header.kiosk_id,
            header.sequence,
            header.recipient_key_id,
        )
    except KioskError:
        same = False
    if not same:
        with contextlib.suppress(OSError):
            target.unlink()
        raise StoreError("export.read_back_different", path=target)


def _read_from_device(path: Path) -> bytes:
    """Read a just-written file, asking the OS first to drop its cached copy so the device is read."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def attempt_content(session: StoreSession, record: AttemptRecord) -> dict[str, object]:
    """One finished attempt as the bundle carries it (see :mod:`kiosk.formats.bundle_content`)."""
    candidate = people.get_candidate_by_id(session, record.candidate_id)
    sitting = sittings.get_sitting(session, record.sitting_id)
    if candidate is None or sitting is None:
        raise StoreError("export.attempt_orphaned", attempt=record.id)
    result = json.loads(record.result_json or "{}")
    scores = result.get("item_scores", {})
    stored = {response.item_id: response for response in attempts.responses(session, record.id)}
    form = json.loads(record.form_json)
    responses = []
    for item in form.get("items", []):
        item_id = item["item_id"]
        saved = stored.get(item_id)
        responses.append(
            {
                "item_id": item_id,
                "response": None
                if saved is None or saved.response_json is None
                else json.loads(saved.response_json),
                "flagged": bool(saved and saved.flagged),
                "score": float(scores.get(item_id, 0.0)),
                # Item points live in the bank, which stays locked once the sitting is over; the
                # registry, which holds the banks, fills them in for item analysis.
                "max": None,
            }
        )
    journal = attempts.journal(session, record.id)
    return {
        "attempt_id": record.id,
        "candidate": {
            "number": candidate.candidate_number,
            "name": candidate.full_name,
            "name_zh": candidate.name_zh,
        },
        "certificate": candidate.certificate,
        "grade": candidate.grade,
        "sitting": {"id": str(sitting.id), "name": sitting.name, "date": sitting.scheduled_on.isoformat()},
        "bank": {"id": record.bank_id, "version": record.bank_version},
        "form": form,
        "state": record.state,
        "started_at": _iso(record.started_at),
        "finished_at": _iso(record.finished_at),
        "allowed_seconds": record.allowed_seconds,
        "granted_seconds": record.granted_seconds,
        "consumed_seconds": record.consumed_seconds,
        "submission_code": record.submission_code,
        "responses": responses,
        "result": result,
        # The whole answer journal travels, so the registry can check the chain and that every final
        # answer is the last one journalled, not only trust the head.
        "journal": {
            "head": record.journal_head,
            "length": len(journal),
            "entries": [
                {
                    "sequence": entry.sequence,
                    "item_id": entry.item_id,
                    "response_json": entry.response_json,
                    "consumed_ms": entry.consumed_ms,
                    "recorded_at": entry.recorded_at,
                    "previous_hash": entry.previous_hash,
                    "hash": entry.hash,
                }
                for entry in journal
            ],
        },
        "events": [
            {"kind": event.kind, "detail": json.loads(event.detail_json), "at": _iso(event.wall_at)}
            for event in audit.events(session, attempt_id=record.id)
        ],
        "checkpoints": [
            {"consumed_ms": point.consumed_ms, "at": _iso(point.wall_at), "reason": point.reason}
            for point in attempts.checkpoints(session, record.id)
        ],
    }


def incident_content(session: StoreSession, records: list[AttemptRecord]) -> list[dict[str, object]]:
    """The incidents of the bundle's attempts and of their sittings as a whole."""
    ids = {record.id for record in records}
    found: list[dict[str, object]] = []
    for sitting_id in sorted({record.sitting_id for record in records}):
        for incident in audit.incidents(session, sitting_id=sitting_id):
            if incident.attempt_id is not None and incident.attempt_id not in ids:
                continue
            found.append(
                {
                    "number": incident.id,
                    "attempt_id": incident.attempt_id,
                    "sitting_id": str(incident.sitting_id),
                    "category": incident.category,
                    "description": incident.description,
                    "started_at": _iso(incident.started_at),
                    "duration_seconds": incident.duration_seconds,
                    "recorded_by": incident.recorded_by,
                }
            )
    return found
