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
    """Typed field access that turns every malformed value into one sentence naming bundle and field."""

    def __init__(self, bundle_id: str) -> None:
        self.bundle_id = bundle_id

    def fail(self, where: str, name: str, wanted: str) -> InputError:
        return InputError(
            f"The result bundle {self.bundle_id} is malformed: {where} field '{name}' must be {wanted}; "
            "the kiosk that made it may run a different program version."
        )

    def obj(self, data: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
        value = data.get(name)
        if not isinstance(value, Mapping):
            raise self.fail(where, name, "a map")
        return value

    def array(self, data: Mapping[str, Any], name: str, where: str) -> list[Any]:
        value = data.get(name)
        if not isinstance(value, list):
            raise self.fail(where, name, "a list")
        return value

    def text(self, data: Mapping[str, Any], name: str, where: str, limit: int | None = None) -> str:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip() or (limit is not None and len(value) > limit):
            wanted = "non-empty text" + (f" of at most {limit} characters" if limit else "")
            raise self.fail(where, name, wanted)
        return value

    def optional_text(self, data: Mapping[str, Any], name: str, where: str) -> str | None:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(where, name, "text or null")
        return value

    def integer(self, data: Mapping[str, Any], name: str, where: str) -> int:
        value = data.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(where, name, "a whole number")
        return value

    def number(self, data: Mapping[str, Any], name: str, where: str) -> float:
        value = data.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(where, name, "a number")
        return float(value)

    def optional_number(self, data: Mapping[str, Any], name: str, where: str) -> float | None:
        return None if data.get(name) is None else self.number(data, name, where)

    def boolean(self, data: Mapping[str, Any], name: str, where: str) -> bool:
        value = data.get(name)
        if not isinstance(value, bool):
            raise self.fail(where, name, "true or false")
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
        raise self.fail(where, name, "an ISO time with its time zone, or null")


def parse_bundle_content(inner: Mapping[str, Any]) -> BundleContent:
    """Read the signed contents of an opened bundle; raises InputError naming the first bad field."""
    bundle_id = str(inner.get("bundle_id", "?"))
    read = _Reader(bundle_id)
    if inner.get("content_version") != CONTENT_VERSION:
        raise read.fail("its", "content_version", f"{CONTENT_VERSION}")
    attempts = []
    seen: set[str] = set()
    for position, raw in enumerate(read.array(inner, "attempts", "its"), start=1):
        if not isinstance(raw, Mapping):
            raise read.fail(f"attempt {position}:", "attempt", "a map")
        attempt = _attempt(read, raw, position)
        if attempt.attempt_id in seen:
            raise InputError(
                f"The result bundle {bundle_id} is malformed: it holds attempt {attempt.attempt_id} twice."
            )
        seen.add(attempt.attempt_id)
        attempts.append(attempt)
    incidents = []
    numbers: set[int] = set()
    for position, raw in enumerate(read.array(inner, "incidents", "its"), start=1):
        if not isinstance(raw, Mapping):
            raise read.fail(f"incident {position}:", "incident", "a map")
        incident = _incident(read, raw, position)
        if incident.number in numbers:
            raise InputError(
                f"The result bundle {bundle_id} is malformed: it holds incident {incident.number} twice."
            )
        numbers.add(incident.number)
        incidents.append(incident)
    return BundleContent(
        bundle_id=read.text(inner, "bundle_id", "its", MAX_ID_LENGTH),
        kiosk_id=read.text(inner, "kiosk_id", "its", MAX_ID_LENGTH),
        sequence=read.integer(inner, "sequence", "its"),
        previous_hash=str(inner.get("previous_hash", "")),
        kiosk_name=read.text(inner, "kiosk_name", "its"),
        centre=read.text(inner, "centre", "its"),
        created_at=read.time(inner, "created_at", "its"),
        attempts=tuple(attempts),
        incidents=tuple(incidents),
    )


def _attempt(read: _Reader, raw: Mapping[str, Any], position: int) -> AttemptContent:
    where = f"attempt {position}"
    attempt_id = read.text(raw, "attempt_id", where, MAX_ID_LENGTH)
    where = f"attempt {attempt_id}"
    candidate = read.obj(raw, "candidate", where)
    sitting = read.obj(raw, "sitting", where)
    bank = read.obj(raw, "bank", where)
    form = read.obj(raw, "form", where)
    result = read.obj(raw, "result", where)
    journal = read.obj(raw, "journal", where)
    state = read.text(raw, "state", where)
    if state not in FINISHED_STATES:
        raise read.fail(where, "state", " or ".join(repr(name) for name in FINISHED_STATES))
    read.array(raw, "events", where)
    read.array(raw, "checkpoints", where)
    competences: dict[str, tuple[float, float]] = {}
    for competence, subscore in read.obj(result, "by_competence", f"{where} result").items():
        if not isinstance(subscore, Mapping) or len(competence) > MAX_ID_LENGTH:
            raise read.fail(f"{where} result", "by_competence", "a map of competence to earned and possible")
        competences[competence] = (
            read.number(subscore, "earned", f"{where} competence {competence}"),
            read.number(subscore, "possible", f"{where} competence {competence}"),
        )
    return AttemptContent(
        attempt_id=attempt_id,
        raw=raw,
        content_digest=record_digest(raw),
        candidate_number=read.text(candidate, "number", f"{where} candidate", MAX_ID_LENGTH),
        candidate_name=read.text(candidate, "name", f"{where} candidate"),
        candidate_name_zh=read.optional_text(candidate, "name_zh", f"{where} candidate"),
        certificate=read.text(raw, "certificate", where, 32),
        grade=read.integer(raw, "grade", where),
        sitting_id=read.text(sitting, "id", f"{where} sitting", MAX_ID_LENGTH),
        sitting_name=read.text(sitting, "name", f"{where} sitting"),
        sitting_date=read.optional_text(sitting, "date", f"{where} sitting"),
        bank_id=read.text(bank, "id", f"{where} bank", MAX_ID_LENGTH),
        bank_version=read.integer(bank, "version", f"{where} bank"),
        seed=read.integer(form, "seed", f"{where} form"),
        state=state,
        started_at=read.time(raw, "started_at", where),
        finished_at=read.time(raw, "finished_at", where),
        allowed_seconds=read.number(raw, "allowed_seconds", where),
        consumed_seconds=read.number(raw, "consumed_seconds", where),
        submission_code=read.optional_text(raw, "submission_code", where),
        earned=read.number(result, "earned", f"{where} result"),
        possible=read.number(result, "possible", f"{where} result"),
        percent=read.number(result, "percent", f"{where} result"),
        passed=read.boolean(result, "passed", f"{where} result"),
        competences=competences,
        journal_head=read.text(journal, "head", f"{where} journal", 64),
        journal_length=read.integer(journal, "length", f"{where} journal"),
        responses=_responses(read, raw, where),
        rules=_rules(read, result, where),
    )


def _rules(read: _Reader, result: Mapping[str, Any], where: str) -> ResultRules | None:
    if result.get(RULES_KEY) is None:
        return None
    try:
        return parse_rules(result[RULES_KEY])
    except RulesFormatError as error:
        raise read.fail(f"{where} result {RULES_KEY}", error.field, error.wanted) from None


_NUMBER_TYPES = (int, float)


def _responses(read: _Reader, raw: Mapping[str, Any], where: str) -> tuple[ResponseLine, ...]:
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
        _refuse_response(read, line, position, where, seen)
    return tuple(lines)


def _refuse_response(read: _Reader, line: object, position: int, where: str, seen: set[str]) -> None:
    """Raise the sentence naming what is wrong with a response line the fast path did not accept."""
    if not isinstance(line, Mapping):
        raise read.fail(where, f"responses[{position}]", "a map")
    place = f"{where} response {position}"
    item_id = read.text(line, "item_id", place, MAX_ID_LENGTH)
    if item_id in seen:
        raise InputError(
            f"The result bundle {read.bundle_id} is malformed: {where} answers item {item_id} twice."
        )
    read.boolean(line, "flagged", place)
    read.number(line, "score", place)
    read.optional_number(line, "max", place)
    raise read.fail(place, "response", "a map of item_id, response, flagged, score and max")


def _incident(read: _Reader, raw: Mapping[str, Any], position: int) -> IncidentContent:
    where = f"incident {position}"
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
