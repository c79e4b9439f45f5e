"""What a result bundle carries inside its signature, and how the registry reads it back.

The kiosk's export writes these fields (content version :data:`CONTENT_VERSION`); the registry parses them
into rows. Everything here is plain JSON, so a bundle stays readable by hand after decryption. Each
attempt is a self-contained record::

    attempt_id, candidate {number, name, name_zh, extra_time_factor}, certificate, grade,
    sitting {id, name, date}, bank {id, version}, form (Form.to_dict), state, started_at, finished_at,
    allowed_seconds, granted_seconds, consumed_seconds, submission_code,
    responses [{item_id, response, flagged, score, max}], result (Result.to_dict, with the optional
    ``rules`` of :mod:`kiosk.formats.result_rules`: absent from bundles made before it existed),
    journal {head, length, entries?}, events [{kind, detail, at}], checkpoints [{consumed_ms, at, reason}]

``journal.entries``, when a kiosk sends it, is the attempt's whole answer journal in sequence order, each
entry ``{sequence, item_id, response_json, consumed_ms, recorded_at, previous_hash, hash}`` as
:class:`kiosk.domain.journal.JournalEntry` holds it, so the registry can check the chain itself.

Incidents travel beside the attempts (``incidents``: number, attempt_id, sitting_id, category,
description, started_at, duration_seconds, recorded_by) because some belong to a sitting, not to one
candidate. An attempt's *record* is everything but its audit trail (events and checkpoints): two copies
of an attempt are the same when their records' digests are equal.

Every number is checked before anything uses or stores it: finite, within the bounds below, and in
agreement with the numbers it is made of (an attempt's points are the sum of its item scores, its
percentage their share of the form's points, its competence and area marks add up to its total). Every
response names an item on the attempt's form and every item on the form has one response line. A bundle
that breaks any of this is refused whole, with one error naming the field.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import reduce
from itertools import chain
from operator import add, itemgetter, le
from typing import Any, NamedTuple, cast

from kiosk.domain.errors import InputError
from kiosk.domain.forms import Form, FormItem
from kiosk.domain.items import GRADE_NAMES, Area
from kiosk.domain.journal import JournalEntry
from kiosk.formats.encoding import PlacedObject
from kiosk.formats.records import canonical_json
from kiosk.formats.result_rules import RULES_KEY, ResultRules, RulesFormatError, parse_rules

CONTENT_VERSION = 1
FINISHED_STATES = ("submitted", "expired")
MAX_ID_LENGTH = 64
TRAIL_FIELDS = ("events", "checkpoints")

# The bounds of every number in a bundle. Whole numbers the registry stores in INTEGER columns (sequence,
# incident numbers, journal lengths) stay within 32 bits, seeds within a signed 64-bit column.
MAX_WHOLE = 2**31 - 1
MAX_SEED = 2**63 - 1
MAX_GRADE = max(GRADE_NAMES)
MAX_VERSION = 999_999
MAX_SECONDS = 7 * 24 * 3600
MAX_POINTS = 1_000_000
MAX_FORM_ITEMS = 10_000
MAX_CODE_LENGTH = 32
# How far a total may sit from the sum of its parts: the kiosk rounds points to 4 decimals and percentages
# to 2 before it writes them, so sums of rounded parts drift by a few ten-thousandths.
POINTS_SLACK = 0.01
PERCENT_SLACK = 0.02

_DIGEST = re.compile(r"[0-9a-f]{64}")
# PostgreSQL keeps no NUL character in text: a text holding one is refused before it reaches a database.
_NUL = "\x00"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AREAS = ", ".join(area.value for area in Area)
_AREA_NAMES = frozenset(area.value for area in Area)


class ResponseLine(NamedTuple):
    """One answer line, as :attr:`AttemptContent.responses` lists them."""

    item_id: str
    position: int
    response: object
    flagged: bool
    score: float
    max_score: float | None


class ResponseColumns(NamedTuple):
    """An attempt's answer lines as columns, line ``n`` (position ``n + 1``) at index ``n`` of each.

    What the registry stores and rescores, a hundred lines at a time: columns go to the database and into
    lookups without a Python step per line.
    """

    item_ids: tuple[str, ...]
    responses: tuple[object, ...]
    flags: tuple[bool, ...]
    scores: tuple[float, ...]
    maxima: tuple[float | None, ...]


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
    lines: ResponseColumns
    """The answer lines (see :attr:`responses` for them one by one)."""
    form: Form
    """The form the candidate sat, drawn from the attempt's bank."""
    rules: ResultRules | None = None
    """The rules the result was judged by; None in bundles made before results carried them."""
    journal_entries: tuple[JournalEntry, ...] | None = None
    """The attempt's answer journal; None when the kiosk did not send it."""
    signed_json: Mapping[str, str] | None = None
    """The JSON of ``result``, ``form``, ``events`` and ``checkpoints`` as the kiosk signed it, when the
    bundle was read in outline (None otherwise: encode ``raw`` instead)."""

    @property
    def responses(self) -> tuple[ResponseLine, ...]:
        """The answer lines, one by one, in the order they came."""
        lines = self.lines
        return tuple(
            ResponseLine(item_id, position, response, flagged, score, maximum)
            for position, (item_id, response, flagged, score, maximum) in enumerate(
                zip(*lines, strict=True), start=1
            )
        )

    @property
    def day(self) -> str:
        """The day the attempt was sat: its sitting's date, else the day it finished (UTC), else ""."""
        if self.sitting_date:
            return self.sitting_date
        return self.finished_at.date().isoformat() if self.finished_at else ""


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


def signed_record_digest(attempt: PlacedObject) -> str:
    """:func:`record_digest` over the bytes the kiosk signed: the attempt's members but its audit trail.

    A kiosk signs canonical JSON, whose every part is the canonical JSON of that part, so for a bundle a
    kiosk wrote this is the record's canonical digest without encoding the record again. For JSON written
    some other way (spaces, escapes, another order) it is a digest of the record as written: two equal
    digests still mean two equal records, and a record sent again written differently is kept aside as
    differing rather than taken as the same.
    """
    text, places = attempt.text, attempt.places
    members = [text[start:end] for key, (start, _, end) in places.items() if key not in TRAIL_FIELDS]
    return hashlib.sha256(("{" + ",".join(members) + "}").encode("utf-8")).hexdigest()


def attempt_json(attempt: AttemptContent) -> str:
    """The attempt's whole JSON: as the kiosk signed it when the bundle was read in outline (for a bundle a
    kiosk wrote, its canonical JSON), else encoded again canonically."""
    raw = attempt.raw
    if isinstance(raw, PlacedObject):
        text = raw.text
        return "{" + ",".join([text[start:end] for start, _, end in raw.places.values()]) + "}"
    return canonical_json(dict(raw)).decode("utf-8")


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
        if _NUL in value:
            raise self.fail("bundle_content.text_with_nul", where, name)
        return value

    def optional_text(
        self, data: Mapping[str, Any], name: str, where: str, limit: int | None = None
    ) -> str | None:
        value = data.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail("bundle_content.not_text_or_null", where, name)
        if limit is not None and len(value) > limit:
            raise self.fail("bundle_content.not_short_text_or_null", where, name, limit=limit)
        if _NUL in value:
            raise self.fail("bundle_content.text_with_nul", where, name)
        return value

    def free_text(self, data: Mapping[str, Any], name: str, where: str) -> str:
        """Any text, "" when missing; NUL is refused, as no database keeps it."""
        value = str(data.get(name) or "")
        if _NUL in value:
            raise self.fail("bundle_content.text_with_nul", where, name)
        return value

    def digest(self, data: Mapping[str, Any], name: str, where: str) -> str:
        value = self.text(data, name, where, 64)
        if not _DIGEST.fullmatch(value):
            raise self.fail("bundle_content.not_digest", where, name)
        return value

    def integer(
        self, data: Mapping[str, Any], name: str, where: str, low: int = 0, high: int = MAX_WHOLE
    ) -> int:
        value = data.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail("bundle_content.not_whole_number", where, name)
        if not low <= value <= high:
            raise self.fail("bundle_content.not_in_range", where, name, low=low, high=high)
        return value

    def number(
        self, data: Mapping[str, Any], name: str, where: str, low: float = 0.0, high: float = MAX_POINTS
    ) -> float:
        """A finite number from ``low`` to ``high``: NaN, infinities and huge values are refused here."""
        value = data.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail("bundle_content.not_number", where, name)
        # NaN fails every comparison, so it is out of range too; a huge int is compared before float().
        if not low <= value <= high:
            raise self.fail("bundle_content.not_in_range", where, name, low=_shown(low), high=_shown(high))
        return float(value)

    def optional_number(
        self, data: Mapping[str, Any], name: str, where: str, low: float = 0.0, high: float = MAX_POINTS
    ) -> float | None:
        return None if data.get(name) is None else self.number(data, name, where, low, high)

    def boolean(self, data: Mapping[str, Any], name: str, where: str) -> bool:
        value = data.get(name)
        if not isinstance(value, bool):
            raise self.fail("bundle_content.not_boolean", where, name)
        return value

    def time(self, data: Mapping[str, Any], name: str, where: str) -> datetime | None:
        value = data.get(name)
        if value is None:
            return None
        if isinstance(value, str) and len(value) <= 64:
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is not None:
                try:
                    return parsed.astimezone(UTC)
                except OverflowError:
                    pass
        raise self.fail("bundle_content.not_time", where, name)

    def day(self, data: Mapping[str, Any], name: str, where: str) -> str | None:
        value = data.get(name)
        if value is None:
            return None
        if isinstance(value, str) and _DAY.fullmatch(value):
            try:
                date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return value
        raise self.fail("bundle_content.not_date", where, name)

    def finite(self, value: object, place: str) -> None:
        """Refuse a part of the bundle holding NaN or an infinity anywhere inside it."""
        try:
            canonical_json(value)
        except ValueError:
            raise self.fail("bundle_content.not_finite", place) from None


def _path(place: str, name: str = "") -> str:
    """``place.name``, or either alone when the other is empty (the bundle's own fields have no place)."""
    return ".".join(part for part in (place, name) if part)


def _shown(number: float) -> str:
    """A bound as a person reads it: 100, not 100.0."""
    return f"{number:g}"


def parse_bundle_content(inner: Mapping[str, Any]) -> BundleContent:
    """Read the signed contents of an opened bundle; raises InputError naming the first bad field."""
    bundle_id = str(inner.get("bundle_id", "?"))[:MAX_ID_LENGTH]
    read = _Reader(bundle_id)
    if inner.get("content_version") != CONTENT_VERSION:
        raise read.fail("bundle_content.version_unknown", "", "content_version", expected=CONTENT_VERSION)
    previous_hash = inner.get("previous_hash", "")
    if not isinstance(previous_hash, str) or (previous_hash and not _DIGEST.fullmatch(previous_hash)):
        raise read.fail("bundle_content.not_digest_or_empty", "", "previous_hash")
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
        sequence=read.integer(inner, "sequence", "", 1),
        previous_hash=previous_hash,
        kiosk_name=read.text(inner, "kiosk_name", ""),
        centre=read.text(inner, "centre", ""),
        created_at=read.time(inner, "created_at", ""),
        attempts=tuple(attempts),
        incidents=tuple(incidents),
    )


@dataclass(frozen=True, slots=True)
class _Totals:
    """An attempt's result totals, read and checked before its parts are read against them."""

    earned: float
    possible: float
    percent: float


def _attempt(read: _Reader, raw: Mapping[str, Any], position: int) -> AttemptContent:
    attempt_id = read.text(raw, "attempt_id", f"attempts[{position}]", MAX_ID_LENGTH)
    where = f"attempts[{attempt_id}]"
    candidate = read.obj(raw, "candidate", where)
    sitting = read.obj(raw, "sitting", where)
    bank = read.obj(raw, "bank", where)
    result = read.obj(raw, "result", where)
    journal = read.obj(raw, "journal", where)
    state = read.text(raw, "state", where)
    if state not in FINISHED_STATES:
        raise read.fail("bundle_content.state_unknown", where, "state")
    # Read in outline, a bundle holds no NaN or infinity anywhere (see parse_json_outline).
    placed = isinstance(raw, PlacedObject)
    for name in TRAIL_FIELDS:
        trail = read.array(raw, name, where)
        if not placed:
            read.finite(trail, f"{where}.{name}")
    bank_id = read.text(bank, "id", f"{where}.bank", MAX_ID_LENGTH)
    bank_version = read.integer(bank, "version", f"{where}.bank", 1, MAX_VERSION)
    form = _form(read, raw, attempt_id, bank_id, bank_version)
    totals = _totals(read, result, attempt_id)
    competences = _parts(read, result, "by_competence", attempt_id, totals)
    _parts(read, result, "by_area", attempt_id, totals)
    on_form = set(form.item_ids)
    responses = _responses(read, raw, attempt_id, form, on_form, totals)
    _item_scores(read, result, attempt_id, on_form, totals)
    read.optional_number(raw, "granted_seconds", where, high=MAX_SECONDS)
    journal_place = f"{where}.journal"
    digest, signed = "", None
    if isinstance(raw, PlacedObject):
        # Every part of the record has its place in the signed text: no need to encode it again.
        digest = signed_record_digest(raw)
        text, places = raw.text, raw.places
        signed = {name: text[places[name][1] : places[name][2]] for name in _SIGNED_JSON}
    parsed = AttemptContent(
        attempt_id=attempt_id,
        raw=raw,
        content_digest=digest,
        candidate_number=read.text(candidate, "number", f"{where}.candidate", MAX_ID_LENGTH),
        candidate_name=read.text(candidate, "name", f"{where}.candidate"),
        candidate_name_zh=read.optional_text(candidate, "name_zh", f"{where}.candidate"),
        certificate=read.text(raw, "certificate", where, 32),
        grade=read.integer(raw, "grade", where, 1, MAX_GRADE),
        sitting_id=read.text(sitting, "id", f"{where}.sitting", MAX_ID_LENGTH),
        sitting_name=read.text(sitting, "name", f"{where}.sitting"),
        sitting_date=read.day(sitting, "date", f"{where}.sitting"),
        bank_id=bank_id,
        bank_version=bank_version,
        seed=form.seed,
        state=state,
        started_at=read.time(raw, "started_at", where),
        finished_at=read.time(raw, "finished_at", where),
        allowed_seconds=read.number(raw, "allowed_seconds", where, high=MAX_SECONDS),
        consumed_seconds=read.number(raw, "consumed_seconds", where, high=MAX_SECONDS),
        submission_code=read.optional_text(raw, "submission_code", where, MAX_CODE_LENGTH),
        earned=totals.earned,
        possible=totals.possible,
        percent=totals.percent,
        passed=read.boolean(result, "passed", f"{where}.result"),
        competences=competences,
        journal_head=read.digest(journal, "head", journal_place),
        journal_length=read.integer(journal, "length", journal_place),
        lines=responses,
        form=form,
        rules=_rules(read, result, where),
        journal_entries=_journal(read, journal, attempt_id),
        signed_json=signed,
    )
    if signed is not None:
        return parsed
    # Last, once every field it covers has been checked; NaN in a field not read above is caught here.
    try:
        digest = record_digest(raw)
    except ValueError:
        raise read.fail("bundle_content.not_finite", where) from None
    return replace(parsed, content_digest=digest)


# The parts of an attempt the registry keeps as JSON beside its columns.
_SIGNED_JSON = ("result", "form", "events", "checkpoints")


def _form(read: _Reader, raw: Mapping[str, Any], attempt_id: str, bank_id: str, version: int) -> Form:
    """The attempt's form: items with their layout, drawn from the attempt's own bank."""
    place = f"attempts[{attempt_id}].form"
    data = read.obj(raw, "form", f"attempts[{attempt_id}]")
    form_bank = read.text(data, "bank_id", place, MAX_ID_LENGTH)
    form_version = read.integer(data, "bank_version", place, 1, MAX_VERSION)
    if (form_bank, form_version) != (bank_id, version):
        raise InputError(
            "bundle_content.form_other_bank",
            bundle_id=read.bundle_id,
            attempt=attempt_id,
            form_bank=form_bank,
            form_version=form_version,
            bank=bank_id,
            version=version,
        )
    seed = read.integer(data, "seed", place, 0, MAX_SEED)
    raw_items = read.array(data, "items", place)
    if len(raw_items) > MAX_FORM_ITEMS:
        raise read.fail("bundle_content.form_too_long", place, "items", limit=MAX_FORM_ITEMS)
    items = _known_form_items(raw_items)
    if items is not None:
        return Form(bank_id, version, seed, items)
    found = []
    seen: set[str] = set()
    for number, raw_item in enumerate(raw_items, start=1):
        if type(raw_item) is dict:
            item_id: Any = raw_item.get("item_id")
            options: Any = raw_item.get("option_order", _NO_IDS)
            premises: Any = raw_item.get("premise_order", _NO_IDS)
            if (
                type(item_id) is str
                and type(options) is list
                and type(premises) is list
                and item_id not in seen
            ):
                try:
                    form_item = _KNOWN_ITEMS.get((item_id, tuple(options), tuple(premises)))
                except TypeError:  # something unhashable where an id should be
                    form_item = None
                if form_item is None:
                    form_item = _form_item(item_id, options, premises)
                if form_item is not None:
                    seen.add(item_id)
                    found.append(form_item)
                    continue
        _refuse_form_item(read, raw_item, f"{place}.items[{number}]", attempt_id, seen)
    return Form(bank_id, version, seed, tuple(found))


_NO_IDS: list[str] = []
# Form items already found well formed, by item id, option order and premise order: forms repeat the
# same items with a few option orders over and over.
_KNOWN_ITEMS: dict[tuple[object, ...], FormItem] = {}
_FORM_ITEM_FIELDS = itemgetter("item_id", "option_order", "premise_order")


def _known_form_items(raw_items: list[Any]) -> tuple[FormItem, ...] | None:
    """The form's items when each is one already found well formed and no item is there twice; else None.

    The well-formed case, checked a whole form at a time (this runs for every item of every attempt
    imported); None sends the form through the item-by-item reading, which names what is wrong.
    """
    if not raw_items or set(map(type, raw_items)) != {dict}:
        return None
    try:
        item_ids, options, premises = zip(*map(_FORM_ITEM_FIELDS, raw_items), strict=True)
        if len(set(item_ids)) != len(item_ids) or set(map(type, chain(options, premises))) != {list}:
            return None
        keys = zip(item_ids, map(tuple, options), map(tuple, premises), strict=True)
        items = tuple(map(_KNOWN_ITEMS.get, keys))
    except (KeyError, TypeError):  # a field missing, or something unhashable where an id should be
        return None
    return cast(tuple[FormItem, ...], items) if all(items) else None


def _is_id(value: object) -> bool:
    return (
        type(value) is str and 0 < len(value) <= MAX_ID_LENGTH and bool(value.strip()) and _NUL not in value
    )


def _form_item(item_id: object, options: list[Any], premises: list[Any]) -> FormItem | None:
    """The form item these fields make when each is a well-formed id, remembered; else None."""
    if not (_is_id(item_id) and all(map(_is_id, options)) and all(map(_is_id, premises))):
        return None
    form_item = FormItem(str(item_id), tuple(options), tuple(premises))
    if len(_KNOWN_ITEMS) < 65536:
        _KNOWN_ITEMS[(item_id, form_item.option_order, form_item.premise_order)] = form_item
    return form_item


def _id_tuple(value: object) -> tuple[str, ...] | None:
    """``value`` as a tuple of ids when it is a list of short non-empty texts; else None."""
    if type(value) is not list or not all(map(_is_id, value)):
        return None
    return tuple(value)


def _refuse_form_item(read: _Reader, raw_item: object, place: str, attempt_id: str, seen: set[str]) -> None:
    """Raise the error naming what is wrong with a form item the fast path did not accept."""
    if not isinstance(raw_item, Mapping):
        raise read.fail("bundle_content.not_map", place)
    item_id = read.text(raw_item, "item_id", place, MAX_ID_LENGTH)
    if item_id in seen:
        raise InputError(
            "bundle_content.form_item_twice", bundle_id=read.bundle_id, attempt=attempt_id, item=item_id
        )
    for name in ("option_order", "premise_order"):
        if _id_tuple(raw_item.get(name, _NO_IDS)) is None:
            raise read.fail("bundle_content.not_id_list", place, name)
    raise read.fail("bundle_content.not_map", place)


def _totals(read: _Reader, result: Mapping[str, Any], attempt_id: str) -> _Totals:
    """The result's points and percentage, each in range and the percentage their ratio."""
    place = f"attempts[{attempt_id}].result"
    possible = read.number(result, "possible", place)
    earned = read.number(result, "earned", place, high=possible)
    percent = read.number(result, "percent", place, high=100.0)
    expected = 100.0 * earned / possible if possible else 0.0
    if abs(percent - expected) > PERCENT_SLACK:
        raise InputError(
            "bundle_content.percent_not_ratio",
            bundle_id=read.bundle_id,
            attempt=attempt_id,
            percent=_shown(percent),
            earned=_shown(earned),
            possible=_shown(possible),
            expected=_shown(round(expected, 2)),
        )
    return _Totals(earned, possible, percent)


def _parts(
    read: _Reader, result: Mapping[str, Any], name: str, attempt_id: str, totals: _Totals
) -> dict[str, tuple[float, float]]:
    """The marks by competence (``by_competence``) or by area (``by_area``), which add up to the total."""
    place = f"attempts[{attempt_id}].result"
    found: dict[str, tuple[float, float]] = {}
    for key, subscore in read.obj(result, name, place).items():
        if not isinstance(subscore, Mapping) or len(key) > MAX_ID_LENGTH:
            raise read.fail("bundle_content.not_competence_map", place, name)
        if name == "by_area" and key not in _AREA_NAMES:
            raise read.fail("bundle_content.not_area", place, name, areas=_AREAS)
        where = f"{place}.{name}.{key}"
        possible = read.number(subscore, "possible", where, high=totals.possible)
        found[key] = (read.number(subscore, "earned", where, high=possible), possible)
        read.optional_number(subscore, "percent", where, high=100.0)
    earned = sum(part[0] for part in found.values())
    possible = sum(part[1] for part in found.values())
    slack = POINTS_SLACK + 1e-4 * len(found)
    if abs(earned - totals.earned) > slack or abs(possible - totals.possible) > slack:
        code = "bundle_content.areas_not_sum" if name == "by_area" else "bundle_content.competences_not_sum"
        raise InputError(
            code,
            bundle_id=read.bundle_id,
            attempt=attempt_id,
            earned=_shown(round(earned, 4)),
            possible=_shown(round(possible, 4)),
            total=_shown(totals.earned),
            total_possible=_shown(totals.possible),
        )
    return found


def _item_scores(
    read: _Reader, result: Mapping[str, Any], attempt_id: str, on_form: set[str], totals: _Totals
) -> None:
    """The result's own item scores, when it has them: items on the form, each in range."""
    scores = result.get("item_scores")
    if scores is None:
        return
    place = f"attempts[{attempt_id}].result"
    if not isinstance(scores, Mapping):
        raise read.fail("bundle_content.not_points_map", place, "item_scores")
    high = totals.possible
    values = scores.values()
    # The usual case at once: items of the form, numbers from 0 to the points possible (a NaN, which
    # fails every comparison, makes the sum NaN, unequal to itself).
    if (
        on_form.issuperset(scores)
        and set(map(type, values)) <= _NUMBER_TYPE_SET
        and (not values or (min(values) >= 0 and max(values) <= high))
        and (total := sum(values)) == total
    ):
        return
    for item_id, score in scores.items():
        if item_id not in on_form:
            raise InputError(
                "bundle_content.score_not_on_form", bundle_id=read.bundle_id, attempt=attempt_id, item=item_id
            )
        if type(score) not in _NUMBER_TYPES or not 0 <= score <= high:
            read.number(scores, item_id, f"{place}.item_scores", high=high)


def _rules(read: _Reader, result: Mapping[str, Any], where: str) -> ResultRules | None:
    if result.get(RULES_KEY) is None:
        return None
    try:
        return parse_rules(result[RULES_KEY])
    except RulesFormatError as error:
        field = error.field if error.field == RULES_KEY else f"{RULES_KEY}.{error.field}"
        raise read.fail(error.code, f"{where}.result", field, **error.params) from None


_NUMBER_TYPES = (int, float)
_ANSWER_TYPES = (str, list, dict, type(None))


_LINE_FIELDS = itemgetter("item_id", "flagged", "score", "max", "response")
_ANSWER_TYPE_SET = frozenset(_ANSWER_TYPES)
_NUMBER_TYPE_SET = frozenset(_NUMBER_TYPES)


def _whole_lines(
    raw_lines: list[Any], on_form: set[str], high: float
) -> tuple[ResponseColumns, float] | None:
    """The response lines and the points they add up to, when every line is well formed; else None.

    The well-formed case, checked an attempt at a time (this runs for every answer of every attempt
    imported): each line names a different item of the form, every item has one, the flag is a boolean,
    the answer a text, list, map or null, and 0 <= score <= max <= MAX_POINTS with score <= ``high``.
    None sends the lines through :func:`_responses`' line-by-line reading, which names what is wrong
    (a line without ``max`` or ``response``, which that reading takes as null, goes there too).
    """
    if len(raw_lines) != len(on_form) or set(map(type, raw_lines)) != {dict}:
        return None
    try:
        item_ids, flags, scores, maxima, answers = zip(*map(_LINE_FIELDS, raw_lines), strict=True)
        if set(item_ids) != on_form:  # so each item of the form once, and nothing else
            return None
    except (KeyError, TypeError):  # a field missing, or something unhashable where an id should be
        return None
    score_types, maximum_types = set(map(type, scores)), set(map(type, maxima))
    if (
        set(map(type, flags)) != {bool}
        or not set(map(type, answers)) <= _ANSWER_TYPE_SET
        or not score_types <= _NUMBER_TYPE_SET
        or not maximum_types <= _NUMBER_TYPE_SET
        # NaN fails each comparison it is in, so a line holding one fails here.
        or not all(map(le, scores, maxima))
        or not min(scores) >= 0
        or not max(scores) <= high
        or not max(maxima) <= MAX_POINTS
    ):
        return None
    # Added in order, as the line-by-line reading adds them.
    earned = reduce(add, scores, 0.0)
    if score_types != {float}:
        scores = tuple(map(float, scores))
    if maximum_types != {float}:
        maxima = tuple(map(float, maxima))
    return ResponseColumns(item_ids, answers, flags, scores, maxima), earned


def _responses(
    read: _Reader, raw: Mapping[str, Any], attempt_id: str, form: Form, on_form: set[str], totals: _Totals
) -> ResponseColumns:
    """One line per item on the form (``on_form``: their ids), each score within the item's points, adding
    up to the total."""
    where = f"attempts[{attempt_id}]"
    high = totals.possible
    raw_lines = read.array(raw, "responses", where)
    whole = _whole_lines(raw_lines, on_form, high)
    if whole is not None:
        lines, earned = whole
        _check_earned(read, attempt_id, totals, earned, len(raw_lines))
        return lines
    found: list[tuple[str, object, bool, float, float | None]] = []
    seen: set[str] = set()
    earned = 0.0
    for position, line in enumerate(raw_lines, start=1):
        if type(line) is dict:
            item_id: Any = line.get("item_id")
            flagged: Any = line.get("flagged")
            score: Any = line.get("score")
            max_score: Any = line.get("max")
            response: Any = line.get("response")
            if (
                type(item_id) is str
                and item_id in on_form
                and item_id not in seen
                and type(flagged) is bool
                and type(score) in _NUMBER_TYPES
                and type(response) in _ANSWER_TYPES
                and (
                    0 <= score <= high
                    if max_score is None
                    else type(max_score) in _NUMBER_TYPES
                    and 0 <= score <= max_score <= MAX_POINTS
                    and score <= high
                )
            ):
                seen.add(item_id)
                maximum = None if max_score is None else float(max_score)
                earned += score
                found.append((item_id, response, flagged, float(score), maximum))
                continue
        _refuse_response(read, line, position, attempt_id, seen, on_form, high)
    if len(seen) < len(on_form):
        missing = next(item_id for item_id in form.item_ids if item_id not in seen)
        raise InputError(
            "bundle_content.form_item_unanswered", bundle_id=read.bundle_id, attempt=attempt_id, item=missing
        )
    _check_earned(read, attempt_id, totals, earned, len(found))
    if not found:
        return ResponseColumns((), (), (), (), ())
    return ResponseColumns(*zip(*found, strict=True))


def _check_earned(read: _Reader, attempt_id: str, totals: _Totals, earned: float, lines: int) -> None:
    """Refuse response lines whose scores do not add up to the attempt's points."""
    if abs(earned - totals.earned) > POINTS_SLACK + 1e-4 * lines:
        raise InputError(
            "bundle_content.earned_not_sum",
            bundle_id=read.bundle_id,
            attempt=attempt_id,
            earned=_shown(totals.earned),
            total=_shown(round(earned, 4)),
        )


def _refuse_response(
    read: _Reader,
    line: object,
    position: int,
    attempt_id: str,
    seen: set[str],
    on_form: set[str],
    high: float,
) -> None:
    """Raise the error naming what is wrong with a response line the fast path did not accept."""
    place = f"attempts[{attempt_id}].responses[{position}]"
    if not isinstance(line, Mapping):
        raise read.fail("bundle_content.not_map", place)
    item_id = read.text(line, "item_id", place, MAX_ID_LENGTH)
    if item_id in seen:
        raise InputError(
            "bundle_content.answer_twice", bundle_id=read.bundle_id, attempt=attempt_id, item=item_id
        )
    if item_id not in on_form:
        raise InputError(
            "bundle_content.answer_not_on_form", bundle_id=read.bundle_id, attempt=attempt_id, item=item_id
        )
    read.boolean(line, "flagged", place)
    maximum = read.optional_number(line, "max", place)
    read.number(line, "score", place, high=high if maximum is None else min(high, maximum))
    if not isinstance(line.get("response"), _ANSWER_TYPES):
        raise read.fail("bundle_content.not_answer", place, "response")
    raise read.fail("bundle_content.not_response", place)


def _journal(read: _Reader, journal: Mapping[str, Any], attempt_id: str) -> tuple[JournalEntry, ...] | None:
    """The attempt's journal entries when the bundle carries them, each field checked; else None."""
    if journal.get("entries") is None:
        return None
    place = f"attempts[{attempt_id}].journal"
    entries = []
    for number, raw in enumerate(read.array(journal, "entries", place), start=1):
        where = f"{place}.entries[{number}]"
        if not isinstance(raw, Mapping):
            raise read.fail("bundle_content.not_map", where)
        entries.append(
            JournalEntry(
                previous_hash=read.digest(raw, "previous_hash", where),
                attempt_id=attempt_id,
                sequence=read.integer(raw, "sequence", where, 1),
                item_id=read.text(raw, "item_id", where, MAX_ID_LENGTH),
                response_json=read.text(raw, "response_json", where),
                consumed_ms=read.integer(raw, "consumed_ms", where, 0, MAX_SECONDS * 1000),
                recorded_at=read.text(raw, "recorded_at", where, 64),
                hash=read.digest(raw, "hash", where),
            )
        )
    return tuple(entries)


def _incident(read: _Reader, raw: Mapping[str, Any], position: int) -> IncidentContent:
    where = f"incidents[{position}]"
    return IncidentContent(
        number=read.integer(raw, "number", where, 1),
        attempt_id=read.optional_text(raw, "attempt_id", where, MAX_ID_LENGTH),
        sitting_id=read.text(raw, "sitting_id", where, MAX_ID_LENGTH),
        category=read.text(raw, "category", where, 32),
        description=read.free_text(raw, "description", where),
        started_at=read.time(raw, "started_at", where),
        duration_seconds=read.optional_number(raw, "duration_seconds", where, high=MAX_SECONDS),
        recorded_by=read.free_text(raw, "recorded_by", where),
    )
