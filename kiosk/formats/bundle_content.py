"""What a result bundle carries inside its signature, and how the registry reads it back.

The kiosk's export writes these fields (content version :data:`CONTENT_VERSION`); the registry parses them
into rows. Everything here is plain JSON, so a bundle stays readable by hand after decryption. Each
attempt is a self-contained record::

    attempt_id, candidate {number, name, name_zh, extra_time_factor}, certificate, grade,
    sitting {id, name, date}, bank {id, version}, form (Form.to_dict), state, started_at, finished_at,
    allowed_seconds, granted_seconds, consumed_seconds, submission_code,
    responses [{item_id, response, flagged, score, max}], result (Result.to_dict, with the optional
    ``rules`` of :mod:`kiosk.formats.result_rules`: absent from bundles made before it existed),
    journal {head, length}, events [{kind, detail, at}], checkpoints [{consumed_ms, at, reason}]

Incidents travel beside the attempts (``incidents``: number, attempt_id, sitting_id, category,
description, started_at, duration_seconds, recorded_by) because some belong to a sitting, not to one
candidate. An attempt's *record* is everything but its audit trail (events and checkpoints): two copies
of an attempt are the same when their records' digests are equal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from kiosk.domain.errors import InputError
from kiosk.formats.records import canonical_json
from kiosk.formats.result_rules import RULES_KEY, ResultRules, RulesFormatError, parse_rules

CONTENT_VERSION = 1
FINISHED_STATES = ("submitted", "expired")
MAX_ID_LENGTH = 64
TRAIL_FIELDS = ("events", "checkpoints")


class ResponseLine(NamedTuple):
    """One answer line; a plain tuple because an import reads a hundred of them per attempt."""

    item_id: str
    position: int
    response: object
    flagged: bool
    score: float
    max_score: float | None


@dataclass(frozen=True, slots=True)
class AttemptContent:
    """One parsed attempt, with the digest of its record and the raw dict it came from."""

    attempt_id: str
    raw: Mapping[str, Any]
    content_digest: str
    candidate_number: str
    candidate_name: str
    candidate_name_zh: str | None
    certificate: str
    grade: int
    sitting_id: str
    sitting_name: str
    sitting_date: str | None
    bank_id: str
    bank_version: int
    seed: int
    state: str
    started_at: datetime | None
    finished_at: datetime | None
    allowed_seconds: float
    consumed_seconds: float
    submission_code: str | None
    earned: float
    possible: float
    percent: float
    passed: bool
    competences: dict[str, tuple[float, float]]
    journal_head: str
    journal_length: int
    responses: tuple[ResponseLine, ...]
    rules: ResultRules | None = None
    """The rules the result was judged by; None in bundles made before results carried them."""


@dataclass(frozen=True, slots=True)
class IncidentContent:
    number: int
    attempt_id: str | None
    sitting_id: str
    category: str
    description: str
    started_at: datetime | None
    duration_seconds: float | None
    recorded_by: str


@dataclass(frozen=True, slots=True)
class BundleContent:
    bundle_id: str
    kiosk_id: str
    sequence: int
    previous_hash: str
    kiosk_name: str
    centre: str
    created_at: datetime | None
    attempts: tuple[AttemptContent, ...]
    incidents: tuple[IncidentContent, ...]


def record_digest(attempt: Mapping[str, Any]) -> str:
    """SHA-256 of an attempt's record (everything but its audit trail), in canonical JSON."""
    record = {key: value for key, value in attempt.items() if key not in TRAIL_FIELDS}
    return hashlib.sha256(canonical_json(record)).hexdigest()


class _Reader:
    """Typed field access that turns every malformed value into one InputError naming bundle and field.

    A field is named by its place in the bundle, as a path: ``content_version``, ``attempts[3].attempt_id``
    (by position until the attempt's id is known), ``attempts[A-1].candidate.number``,
    ``attempts[A-1].responses[2].score``, ``incidents[1].number``. The error code says what the field
    must be.
    """

    def __init__(self, bundle_id: str) -> None:
        self.bundle_id = bundle_id

    def fail(self, code: str, place: str, name: str = "", /, **params: object) -> InputError:
        return InputError(code, bundle_id=self.bundle_id, field=_path(place, name), **params)

    def obj(self, data: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
        value = data.get(name)
        if not isinstance(value, Mapping):
            raise self.fail("bundle_content.not_map", where, name)
        return value

    def array(self, data: Mapping[str, Any], name: str, where: str) -> list[Any]:
        value = data.get(name)
        if not isinstance(value, list):
            raise self.fail("bundle_content.not_list", where, name)
        return value

    def text(self, data: Mapping[str, Any], name: str, where: str, limit: int | None = None) -> str:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip() or (limit is not None and len(value) > limit):
            if limit is None:
                raise self.fail("bundle_content.not_text", where, name)
            raise self.fail("bundle_content.not_short_text", where, name, limit=limit)
        return value

    def optional_text(self, data: Mapping[str, Any], name: str, where: str) -> str | None:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail("bundle_content.not_text_or_null", where, name)
        return value

    def integer(self, data: Mapping[str, Any], name: str, where: str) -> int:
        value = data.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail("bundle_content.not_whole_number", where, name)
        return value

    def number(self, data: Mapping[str, Any], name: str, where: str) -> float:
        value = data.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail("bundle_content.not_number", where, name)
        return float(value)

    def optional_number(self, data: Mapping[str, Any], name: str, where: str) -> float | None:
        return None if data.get(name) is None else self.number(data, name, where)

    def boolean(self, data: Mapping[str, Any], name: str, where: str) -> bool:
        value = data.get(name)
        if not isinstance(value, bool):
            raise self.fail("bundle_content.not_boolean", where, name)
        return value

    def time(self, data: Mapping[str, Any], name: str, where: str) -> datetime | None:
        value = data.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is not None:
                return parsed.astimezone(UTC)
        raise self.fail("bundle_content.not_time", where, name)


def _path(place: str, name: str = "") -> str:
    """``place.name``, or either alone when the other is empty (the bundle's own fields have no place)."""
    return ".".join(part for part in (place, name) if part)


def parse_bundle_content(inner: Mapping[str, Any]) -> BundleContent:
    """Read the signed contents of an opened bundle; raises InputError naming the first bad field."""
    bundle_id = str(inner.get("bundle_id", "?"))
    read = _Reader(bundle_id)
    if inner.get("content_version") != CONTENT_VERSION:
        raise read.fail("bundle_content.version_unknown", "", "content_version", expected=CONTENT_VERSION)
    attempts = []
    seen: set[str] = set()
    for position, raw in enumerate(read.array(inner, "attempts", ""), start=1):
        if not isinstance(raw, Mapping):
            raise read.fail("bundle_content.not_map", f"attempts[{position}]")
        attempt = _attempt(read, raw, position)
        if attempt.attempt_id in seen:
            raise InputError("bundle_content.attempt_twice", bundle_id=bundle_id, attempt=attempt.attempt_id)
        seen.add(attempt.attempt_id)
        attempts.append(attempt)
    incidents = []
    numbers: set[int] = set()
    for position, raw in enumerate(read.array(inner, "incidents", ""), start=1):
        if not isinstance(raw, Mapping):
            raise read.fail("bundle_content.not_map", f"incidents[{position}]")
        incident = _incident(read, raw, position)
        if incident.number in numbers:
            raise InputError("bundle_content.incident_twice", bundle_id=bundle_id, incident=incident.number)
        numbers.add(incident.number)
        incidents.append(incident)
    return BundleContent(
        bundle_id=read.text(inner, "bundle_id", "", MAX_ID_LENGTH),
        kiosk_id=read.text(inner, "kiosk_id", "", MAX_ID_LENGTH),
        sequence=read.integer(inner, "sequence", ""),
        previous_hash=str(inner.get("previous_hash", "")),
        kiosk_name=read.text(inner, "kiosk_name", ""),
        centre=read.text(inner, "centre", ""),
        created_at=read.time(inner, "created_at", ""),
        attempts=tuple(attempts),
        incidents=tuple(incidents),
    )


def _attempt(read: _Reader, raw: Mapping[str, Any], position: int) -> AttemptContent:
    attempt_id = read.text(raw, "attempt_id", f"attempts[{position}]", MAX_ID_LENGTH)
    where = f"attempts[{attempt_id}]"
    candidate = read.obj(raw, "candidate", where)
    sitting = read.obj(raw, "sitting", where)
    bank = read.obj(raw, "bank", where)
    form = read.obj(raw, "form", where)
    result = read.obj(raw, "result", where)
    journal = read.obj(raw, "journal", where)
    state = read.text(raw, "state", where)
    if state not in FINISHED_STATES:
        raise read.fail("bundle_content.state_unknown", where, "state")
    read.array(raw, "events", where)
    read.array(raw, "checkpoints", where)
    competences: dict[str, tuple[float, float]] = {}
    for competence, subscore in read.obj(result, "by_competence", f"{where}.result").items():
        if not isinstance(subscore, Mapping) or len(competence) > MAX_ID_LENGTH:
            raise read.fail("bundle_content.not_competence_map", f"{where}.result", "by_competence")
        place = f"{where}.result.by_competence.{competence}"
        competences[competence] = (
            read.number(subscore, "earned", place),
            read.number(subscore, "possible", place),
        )
    return AttemptContent(
        attempt_id=attempt_id,
        raw=raw,
        content_digest=record_digest(raw),
        candidate_number=read.text(candidate, "number", f"{where}.candidate", MAX_ID_LENGTH),
        candidate_name=read.text(candidate, "name", f"{where}.candidate"),
        candidate_name_zh=read.optional_text(candidate, "name_zh", f"{where}.candidate"),
        certificate=read.text(raw, "certificate", where, 32),
        grade=read.integer(raw, "grade", where),
        sitting_id=read.text(sitting, "id", f"{where}.sitting", MAX_ID_LENGTH),
        sitting_name=read.text(sitting, "name", f"{where}.sitting"),
        sitting_date=read.optional_text(sitting, "date", f"{where}.sitting"),
        bank_id=read.text(bank, "id", f"{where}.bank", MAX_ID_LENGTH),
        bank_version=read.integer(bank, "version", f"{where}.bank"),
        seed=read.integer(form, "seed", f"{where}.form"),
        state=state,
        started_at=read.time(raw, "started_at", where),
        finished_at=read.time(raw, "finished_at", where),
        allowed_seconds=read.number(raw, "allowed_seconds", where),
        consumed_seconds=read.number(raw, "consumed_seconds", where),
        submission_code=read.optional_text(raw, "submission_code", where),
        earned=read.number(result, "earned", f"{where}.result"),
        possible=read.number(result, "possible", f"{where}.result"),
        percent=read.number(result, "percent", f"{where}.result"),
        passed=read.boolean(result, "passed", f"{where}.result"),
        competences=competences,
        journal_head=read.text(journal, "head", f"{where}.journal", 64),
        journal_length=read.integer(journal, "length", f"{where}.journal"),
        responses=_responses(read, raw, attempt_id),
        rules=_rules(read, result, where),
    )


def _rules(read: _Reader, result: Mapping[str, Any], where: str) -> ResultRules | None:
    if result.get(RULES_KEY) is None:
        return None
    try:
        return parse_rules(result[RULES_KEY])
    except RulesFormatError as error:
        field = error.field if error.field == RULES_KEY else f"{RULES_KEY}.{error.field}"
        raise read.fail(error.code, f"{where}.result", field, **error.params) from None


_NUMBER_TYPES = (int, float)


def _responses(read: _Reader, raw: Mapping[str, Any], attempt_id: str) -> tuple[ResponseLine, ...]:
    where = f"attempts[{attempt_id}]"
    lines = []
    seen: set[str] = set()
    for position, line in enumerate(read.array(raw, "responses", where), start=1):
        # The well-formed case, checked inline: this runs for every answer of every attempt imported.
        if isinstance(line, dict):
            item_id: Any = line.get("item_id")
            flagged: Any = line.get("flagged")
            score: Any = line.get("score")
            max_score: Any = line.get("max")
            if (
                isinstance(item_id, str)
                and 0 < len(item_id) <= MAX_ID_LENGTH
                and item_id not in seen
                and item_id.strip()
                and type(flagged) is bool
                and type(score) in _NUMBER_TYPES
                and (max_score is None or type(max_score) in _NUMBER_TYPES)
            ):
                seen.add(item_id)
                maximum = None if max_score is None else float(max_score)
                lines.append(
                    ResponseLine(item_id, position, line.get("response"), flagged, float(score), maximum)
                )
                continue
        _refuse_response(read, line, position, attempt_id, seen)
    return tuple(lines)


def _refuse_response(read: _Reader, line: object, position: int, attempt_id: str, seen: set[str]) -> None:
    """Raise the error naming what is wrong with a response line the fast path did not accept."""
    place = f"attempts[{attempt_id}].responses[{position}]"
    if not isinstance(line, Mapping):
        raise read.fail("bundle_content.not_map", place)
    item_id = read.text(line, "item_id", place, MAX_ID_LENGTH)
    if item_id in seen:
        raise InputError(
            "bundle_content.answer_twice", bundle_id=read.bundle_id, attempt=attempt_id, item=item_id
        )
    read.boolean(line, "flagged", place)
    read.number(line, "score", place)
    read.optional_number(line, "max", place)
    raise read.fail("bundle_content.not_response", place)


def _incident(read: _Reader, raw: Mapping[str, Any], position: int) -> IncidentContent:
    where = f"incidents[{position}]"
    return IncidentContent(
        number=read.integer(raw, "number", where),
        attempt_id=read.optional_text(raw, "attempt_id", where),
        sitting_id=read.text(raw, "sitting_id", where, MAX_ID_LENGTH),
        category=read.text(raw, "category", where, 32),
        description=str(raw.get("description") or ""),
        started_at=read.time(raw, "started_at", where),
        duration_seconds=read.optional_number(raw, "duration_seconds", where),
        recorded_by=str(raw.get("recorded_by") or ""),
    )
