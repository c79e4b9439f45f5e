"""The rows one bundle becomes in the registry database, built from its parsed contents.

Kept apart from the import logic so ``bench/import.py`` can insert exactly the same rows as its floor.
"""

from __future__ import annotations

import json
from datetime import datetime
from json.encoder import encode_basestring
from pathlib import Path

from kiosk.formats.bundle_content import AttemptContent, BundleContent, IncidentContent

IMPORTED = "imported"


def bundle_row(path: Path, digest: str, content: BundleContent, now: datetime) -> dict[str, object]:
    """The bundle's row as first claimed: counted as imported until its attempts are stored."""
    return {
        "bundle_id": content.bundle_id,
        "kiosk_id": content.kiosk_id,
        "sequence": content.sequence,
        "digest": digest,
        "previous_hash": content.previous_hash,
        "created_at": content.created_at,
        "received_at": now,
        "source_name": path.name,
        "outcome": IMPORTED,
        "attempt_count": len(content.attempts),
        "new_attempt_count": 0,
        "acknowledged_json": "[]",
    }


def attempt_row(
    content: BundleContent, attempt: AttemptContent, now: datetime, centre: str | None = None
) -> dict[str, object]:
    """One attempt's row; its full result, form and audit trail are kept as JSON beside the columns.

    ``centre`` is the centre the kiosk was enrolled for, which the attempt is filed under; the centre the
    bundle names is used only when none is given.
    """
    raw = attempt.raw
    return {
        "attempt_id": attempt.attempt_id,
        "kiosk_id": content.kiosk_id,
        "bundle_id": content.bundle_id,
        "centre": content.centre if centre is None else centre,
        "candidate_number": attempt.candidate_number,
        "candidate_name": attempt.candidate_name,
        "candidate_name_zh": attempt.candidate_name_zh,
        "certificate": attempt.certificate,
        "grade": attempt.grade,
        "bank_id": attempt.bank_id,
        "bank_version": attempt.bank_version,
        "sitting_id": attempt.sitting_id,
        "sitting_name": attempt.sitting_name,
        "sitting_date": attempt.sitting_date,
        "state": attempt.state,
        "seed": attempt.seed,
        "started_at": attempt.started_at,
        "finished_at": attempt.finished_at,
        "allowed_seconds": attempt.allowed_seconds,
        "consumed_seconds": attempt.consumed_seconds,
        "earned": attempt.earned,
        "possible": attempt.possible,
        "percent": attempt.percent,
        "passed": attempt.passed,
        "submission_code": attempt.submission_code,
        "journal_head": attempt.journal_head,
        "journal_length": attempt.journal_length,
        "result_json": _json(raw["result"]),
        "form_json": _json(raw["form"]),
        "events_json": _json(raw["events"]),
        "checkpoints_json": _json(raw["checkpoints"]),
        "content_digest": attempt.content_digest,
        "imported_at": now,
    }


def response_rows(attempt: AttemptContent) -> list[tuple[object, ...]]:
    """The attempt's response rows, as tuples in the order of ``registry_repo.RESPONSE_COLUMNS``."""
    attempt_id = attempt.attempt_id
    return [
        (
            attempt_id,
            item_id,
            position,
            None if response is None else _json(response),
            flagged,
            score,
            maximum,
        )
        for item_id, position, response, flagged, score, maximum in attempt.responses
    ]


def incident_row(content: BundleContent, incident: IncidentContent) -> dict[str, object]:
    return {
        "kiosk_id": content.kiosk_id,
        "incident_number": incident.number,
        "bundle_id": content.bundle_id,
        "attempt_id": incident.attempt_id,
        "sitting_id": incident.sitting_id,
        "category": incident.category,
        "description": incident.description,
        "started_at": incident.started_at,
        "duration_seconds": incident.duration_seconds,
        "recorded_by": incident.recorded_by,
    }


# One encoder for every call: json.dumps with options builds a new encoder each time, which shows when
# it runs for each of a million responses.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json(value: object) -> str:
    # Most responses are a single option id: encode those without the encoder's dispatch.
    return encode_basestring(value) if isinstance(value, str) else _ENCODER.encode(value)


def competence_rows(attempt: AttemptContent) -> list[tuple[object, ...]]:
    """The attempt's competence rows, as tuples in the order of ``registry_repo.COMPETENCE_COLUMNS``."""
    return [
        (attempt.attempt_id, key, earned, possible) for key, (earned, possible) in attempt.competences.items()
    ]
