"""The rows one bundle becomes in the registry database, built from its parsed contents.

Kept apart from the import logic so ``bench/import.py`` can insert exactly the same rows as its floor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import cast

from kiosk.formats.bundle_content import AttemptContent, BundleContent, IncidentContent

IMPORTED = "imported"


def bundle_row(path: Path, digest: str, content: BundleContent, now: datetime | None) -> dict[str, object]:
    """The bundle's row as first claimed: counted as imported until its attempts are stored.

    ``now`` (the time it was received) may be left None for the caller to set when it stores the row.
    """
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
    content: BundleContent, attempt: AttemptContent, now: datetime | None, centre: str | None = None
) -> dict[str, object]:
    """One attempt's row; its full result, form and audit trail are kept as JSON beside the columns.

    ``centre`` is the centre the kiosk was enrolled for, which the attempt is filed under; the centre the
    bundle names is used only when none is given. ``now`` (the time it was imported) may be left None for
    the caller to set when it stores the row.
    """
    raw = attempt.raw
    # As the kiosk signed them when the bundle was read in outline; encoded again only otherwise.
    signed = attempt.signed_json or {name: _json(raw[name]) for name in _KEPT_JSON}
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
        "result_json": signed["result"],
        "form_json": signed["form"],
        "events_json": signed["events"],
        "checkpoints_json": signed["checkpoints"],
        "content_digest": attempt.content_digest,
        "imported_at": now,
    }


def response_rows(attempt: AttemptContent) -> list[tuple[object, ...]]:
    """The attempt's response rows, as tuples in the order of ``registry_repo.RESPONSE_COLUMNS``."""
    return list(zip(*response_columns(attempt), strict=True))


def response_columns(attempt: AttemptContent) -> tuple[Sequence[object], ...]:
    """The attempt's response rows as columns, in the order of ``registry_repo.RESPONSE_COLUMNS``: what
    :func:`response_rows` zips into rows, and a process hands to another at a fraction of the cost of a
    hundred rows."""
    item_ids, responses, flags, scores, maxima = attempt.lines
    count = len(item_ids)
    return (
        (attempt.attempt_id,) * count,
        item_ids,
        range(1, count + 1),
        _answers_json(responses),
        flags,
        scores,
        maxima,
    )


def _answers_json(responses: Sequence[object]) -> list[str | None]:
    """Each response as the JSON text it is stored as; None (not answered) stays None.

    Most responses are one of a few option ids: their JSON is looked up, not encoded again.
    """
    if set(map(type, responses)) == {str}:
        known = list(map(_TEXT_JSON.get, cast(Sequence[str], responses)))
        if all(known):
            return known
    return [_answer_json(response) for response in responses]


def _answer_json(response: object) -> str | None:
    if response is None:
        return None
    if type(response) is not str:
        return _json(response)
    text = _TEXT_JSON.get(response)
    if text is None:
        text = encode_basestring(response)
        if len(_TEXT_JSON) < _TEXT_JSON_LIMIT:
            _TEXT_JSON[response] = text
    return text


# The parts of an attempt kept as JSON beside its columns.
_KEPT_JSON = ("result", "form", "events", "checkpoints")
# The JSON of text responses already met, up to a bound (short-text answers are all different).
_TEXT_JSON: dict[str, str] = {}
_TEXT_JSON_LIMIT = 4096


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
