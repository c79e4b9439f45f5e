"""Reading a bundle's signed contents: every field checked, every problem one error naming it."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.domain.errors import InputError
from kiosk.domain.items import Area, Competence, Text
from kiosk.formats.bundle_content import (
    CONTENT_VERSION,
    TRAIL_FIELDS,
    parse_bundle_content,
    record_digest,
    signed_record_digest,
)
from kiosk.formats.encoding import PlacedObject, canonical_json, parse_json_outline
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.messages import sentence
from tests.fixtures.registry import Kiosk, attempt, incident, inner_fields


def inner(**changes: Any) -> dict[str, Any]:
    kiosk = Kiosk("K1", generate_identity(KeyKind.KIOSK, "K1"))
    fields = inner_fields(kiosk, 3, [attempt("A-1"), attempt("A-2", "C2")], [incident(1), incident(2, "A-1")])
    fields.update(changes)
    return fields


def read(fields: dict[str, Any], outline: bool) -> dict[str, Any]:
    """The fields as given, or as a registry reads them from the bytes a kiosk signs (in outline)."""
    return read_text(canonical_json(fields).decode()) if outline else fields


def test_a_well_formed_bundle_is_read_into_typed_parts() -> None:
    content = parse_bundle_content(inner())
    assert (content.bundle_id, content.kiosk_id, content.sequence, content.centre) == (
        "K1-000003",
        "K1",
        3,
        "Kitwe Campus",
    )
    assert content.created_at == datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
    first = content.attempts[0]
    assert (first.attempt_id, first.candidate_number, first.bank_id, first.bank_version, first.seed) == (
        "A-1",
        "C001",
        "maintenance-1",
        3,
        12345,
    )
    assert (first.earned, first.possible, first.passed, first.competences) == (
        2.0,
        3.0,
        True,
        {"F1": (2.0, 3.0)},
    )
    assert [(line.item_id, line.position, line.score, line.max_score) for line in first.responses] == [
        ("T-001", 1, 1.0, 1.0),
        ("T-002", 2, 0.0, 1.0),
        ("T-003", 3, 1.0, 1.0),
    ]
    assert [incident.number for incident in content.incidents] == [1, 2]
    assert content.incidents[1].attempt_id == "A-1"


RULES: dict[str, Any] = {
    "pass_mark": 60.0,
    "area_minimums": {"practical": 50.0},
    "competences": [{"id": "F1", "area": "foundational", "title": "Cell basics", "title_zh": "电池基础"}],
    "item_points": {"T-001": 1.0, "T-002": 1.0, "T-003": 2},
}


def with_rules(rules: Any = RULES) -> dict[str, Any]:
    fields = inner()
    fields["attempts"][1]["result"]["rules"] = copy.deepcopy(rules)
    return fields


def test_the_rules_a_result_was_judged_by_are_read_when_present() -> None:
    content = parse_bundle_content(with_rules())
    rules = content.attempts[1].rules
    assert rules is not None
    assert (rules.pass_mark, rules.area_minimums) == (60.0, ((Area.PRACTICAL, 50.0),))
    assert rules.competences == (Competence("F1", Area.FOUNDATIONAL, Text("Cell basics", "电池基础")),)
    assert rules.item_points == {"T-001": 1.0, "T-002": 1.0, "T-003": 2.0}


def test_a_bundle_made_before_results_carried_rules_still_reads() -> None:
    assert [attempt.rules for attempt in parse_bundle_content(inner()).attempts] == [None, None]


@pytest.mark.parametrize(
    ("rules", "code", "field"),
    [
        ("strict", "bundle_content.not_map", "attempts[A-2].result.rules"),
        ({**RULES, "pass_mark": "60"}, "bundle_content.not_percent", "attempts[A-2].result.rules.pass_mark"),
        ({**RULES, "pass_mark": 160}, "bundle_content.not_percent", "attempts[A-2].result.rules.pass_mark"),
        (
            {**RULES, "area_minimums": []},
            "bundle_content.not_area_map",
            "attempts[A-2].result.rules.area_minimums",
        ),
        (
            {**RULES, "area_minimums": {"artistic": 50}},
            "bundle_content.not_area",
            "attempts[A-2].result.rules.area_minimums",
        ),
        ({**RULES, "competences": {}}, "bundle_content.not_list", "attempts[A-2].result.rules.competences"),
        (
            {**RULES, "competences": [{"id": "F1", "area": "foundational"}]},
            "bundle_content.not_text",
            "attempts[A-2].result.rules.competences[1].title",
        ),
        (
            {**RULES, "competences": [{"id": "F1", "area": "foundational", "title": "T", "title_zh": 3}]},
            "bundle_content.not_text_or_null",
            "attempts[A-2].result.rules.competences[1].title_zh",
        ),
        (
            {**RULES, "item_points": {"T-001": -1}},
            "bundle_content.not_points",
            "attempts[A-2].result.rules.item_points.T-001",
        ),
    ],
)
def test_malformed_rules_are_named(rules: Any, code: str, field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(with_rules(rules))
    assert caught.value.code == code
    assert (caught.value.params["bundle_id"], caught.value.params["field"]) == ("K1-000003", field)
    said = sentence(caught.value)
    assert said.startswith(f"The result bundle K1-000003 is malformed: field '{field}' must be ")
    assert "{" not in said


def test_an_unknown_area_in_the_rules_names_the_areas() -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(with_rules({**RULES, "area_minimums": {"artistic": 50}}))
    assert sentence(caught.value) == (
        "The result bundle K1-000003 is malformed: field 'attempts[A-2].result.rules.area_minimums' must be "
        "one of foundational, practical, reflexive; the kiosk that made it may run a different program "
        "version."
    )


def test_the_record_digest_ignores_the_audit_trail_only() -> None:
    original = attempt("A-1")
    trail = copy.deepcopy(original)
    trail["events"].append({"kind": "printed", "detail": {}, "at": "2025-03-14T10:00:00+00:00"})
    trail["checkpoints"] = []
    assert record_digest(trail) == record_digest(original)
    changed = copy.deepcopy(original)
    changed["responses"][0]["response"] = "B"
    assert record_digest(changed) != record_digest(original)


def broken(path: str, value: Any) -> dict[str, Any]:
    fields = inner()
    target: Any = fields["attempts"][1]
    *parents, last = path.split(".")
    for name in parents:
        target = target[int(name)] if name.isdigit() else target[name]
    key: Any = int(last) if last.isdigit() else last
    if value is KeyError:
        del target[key]
    else:
        target[key] = value
    return fields


@pytest.mark.parametrize(
    ("path", "value", "code", "field"),
    [
        ("attempt_id", "", "bundle_content.not_short_text", "attempts[2].attempt_id"),
        ("attempt_id", "A" * 65, "bundle_content.not_short_text", "attempts[2].attempt_id"),
        ("candidate", "Ann", "bundle_content.not_map", "attempts[A-2].candidate"),
        ("candidate.number", KeyError, "bundle_content.not_short_text", "attempts[A-2].candidate.number"),
        ("candidate.name_zh", 5, "bundle_content.not_text_or_null", "attempts[A-2].candidate.name_zh"),
        ("grade", "II", "bundle_content.not_whole_number", "attempts[A-2].grade"),
        ("grade", True, "bundle_content.not_whole_number", "attempts[A-2].grade"),
        ("state", "paused", "bundle_content.state_unknown", "attempts[A-2].state"),
        ("started_at", "yesterday", "bundle_content.not_time", "attempts[A-2].started_at"),
        ("started_at", "2025-03-14T09:00:00", "bundle_content.not_time", "attempts[A-2].started_at"),
        ("consumed_seconds", None, "bundle_content.not_number", "attempts[A-2].consumed_seconds"),
        ("result.passed", "yes", "bundle_content.not_boolean", "attempts[A-2].result.passed"),
        ("result.by_competence", [], "bundle_content.not_map", "attempts[A-2].result.by_competence"),
        (
            "result.by_competence.F1",
            3,
            "bundle_content.not_competence_map",
            "attempts[A-2].result.by_competence",
        ),
        (
            "result.by_competence.F1.possible",
            KeyError,
            "bundle_content.not_number",
            "attempts[A-2].result.by_competence.F1.possible",
        ),
        ("journal.head", KeyError, "bundle_content.not_short_text", "attempts[A-2].journal.head"),
        ("form.seed", "12", "bundle_content.not_whole_number", "attempts[A-2].form.seed"),
        ("events", None, "bundle_content.not_list", "attempts[A-2].events"),
        ("responses", {}, "bundle_content.not_list", "attempts[A-2].responses"),
        ("responses.0", "A", "bundle_content.not_map", "attempts[A-2].responses[1]"),
        ("responses.0.flagged", 0, "bundle_content.not_boolean", "attempts[A-2].responses[1].flagged"),
        ("responses.0.max", "one", "bundle_content.not_number", "attempts[A-2].responses[1].max"),
    ],
)
@pytest.mark.parametrize("outline", [False, True], ids=["plain", "outline"])
def test_each_malformed_attempt_field_is_named(
    path: str, value: Any, code: str, field: str, outline: bool
) -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(read(broken(path, value), outline))
    assert caught.value.code == code
    assert (caught.value.params["bundle_id"], caught.value.params["field"]) == ("K1-000003", field)
    said = sentence(caught.value)
    assert said.startswith(f"The result bundle K1-000003 is malformed: field '{field}' must be ")
    assert said.endswith("; the kiosk that made it may run a different program version.")
    assert "{" not in said


@pytest.mark.parametrize(
    ("path", "value", "wanted"),
    [
        ("attempt_id", "", "non-empty text of at most 64 characters"),
        ("candidate.name", "", "non-empty text"),
        ("state", "paused", "'submitted' or 'expired'"),
        ("started_at", "yesterday", "an ISO time with its time zone, or null"),
        ("result.by_competence.F1", 3, "a map of competence to earned and possible"),
        ("responses.0.score", "1", "a number"),
    ],
)
def test_the_sentence_says_what_the_field_must_be(path: str, value: Any, wanted: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(broken(path, value))
    assert f"' must be {wanted}; the kiosk that made it" in sentence(caught.value)


def test_an_attempt_listed_twice_is_refused() -> None:
    with pytest.raises(InputError, match=r"^bundle_content\.attempt_twice\b") as caught:
        parse_bundle_content(inner(attempts=[attempt("A-1"), attempt("A-1")]))
    assert sentence(caught.value) == "The result bundle K1-000003 is malformed: it holds attempt A-1 twice."


@pytest.mark.parametrize("outline", [False, True], ids=["plain", "outline"])
def test_an_item_answered_twice_is_refused(outline: bool) -> None:
    twice = attempt("A-1")
    twice["responses"].append(dict(twice["responses"][0]))
    with pytest.raises(InputError, match=r"^bundle_content\.answer_twice\b") as caught:
        parse_bundle_content(read(inner(attempts=[twice]), outline))
    assert caught.value.params == {"bundle_id": "K1-000003", "attempt": "A-1", "item": "T-001"}
    assert "attempt A-1 answers item T-001 twice" in sentence(caught.value)


def test_incidents_are_checked_too() -> None:
    with pytest.raises(InputError, match=r"^bundle_content\.incident_twice\b") as caught:
        parse_bundle_content(inner(incidents=[incident(1), incident(1)]))
    assert "it holds incident 1 twice" in sentence(caught.value)
    with pytest.raises(InputError, match=r"^bundle_content\.not_whole_number\b") as caught:
        parse_bundle_content(inner(incidents=[{**incident(1), "number": "one"}]))
    assert "field 'incidents[1].number' must be a whole number" in sentence(caught.value)
    with pytest.raises(InputError, match=r"^bundle_content\.not_map\b") as caught:
        parse_bundle_content(inner(incidents=["power cut"]))
    assert "field 'incidents[1]' must be a map" in sentence(caught.value)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"content_version": CONTENT_VERSION + 1}, "field 'content_version' must be 1;"),
        ({"attempts": {}}, "field 'attempts' must be a list;"),
        ({"attempts": ["A-1"]}, "field 'attempts[1]' must be a map;"),
        ({"centre": ""}, "field 'centre' must be non-empty text;"),
        ({"created_at": 5}, "field 'created_at' must be an ISO time"),
    ],
)
def test_bundle_level_fields_are_checked(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(inner(**changes))
    assert caught.value.code.startswith("bundle_content.")
    assert f"The result bundle K1-000003 is malformed: {message}" in sentence(caught.value)


def test_an_attempt_read_in_outline_is_digested_and_kept_from_the_bytes_signed() -> None:
    fields = inner(attempts=[attempt("A-1"), attempt("A-2", "C2", items=5)])
    plain, outlined = parse_bundle_content(fields), parse_bundle_content(read(fields, True))
    for careful, fast in zip(plain.attempts, outlined.attempts, strict=True):
        assert isinstance(fast.raw, PlacedObject) and careful.signed_json is None
        # The same digest as encoding the record again, since a kiosk signs canonical JSON.
        assert fast.content_digest == careful.content_digest == record_digest(fast.raw)
        assert fast.content_digest == signed_record_digest(fast.raw)
        assert fast.signed_json == {
            name: canonical_json(fast.raw[name]).decode() for name in ("result", "form", *TRAIL_FIELDS)
        }
        # Every other part read the same either way.
        assert replace(fast, raw=careful.raw, signed_json=None) == careful
    assert replace(outlined, attempts=plain.attempts) == plain


def test_a_record_written_some_other_way_is_digested_as_written() -> None:
    fields = inner()
    content = parse_bundle_content(read_text(json.dumps(fields, sort_keys=True, indent=1)))
    first = content.attempts[0]
    # Equal digests still mean equal records; the same record written otherwise digests otherwise.
    assert first.raw == fields["attempts"][0]
    assert first.content_digest == signed_record_digest(first.raw) != record_digest(first.raw)


@pytest.mark.parametrize(
    ("place", "field"),
    [
        ('"extra_time_factor":1.0', "attempts[A-1]"),
        ('"detail":{}', "attempts[A-1].events"),
        ('"premise_order":[]', "attempts[A-1]"),
    ],
    ids=["in the candidate", "in the audit trail", "beside a form item"],
)
def test_a_number_too_large_for_a_float_is_refused_wherever_it_is(place: str, field: str) -> None:
    beside = place.split(":")[0][:-1] + '_x":1e999'
    text = canonical_json(inner(attempts=[attempt("A-1")])).decode().replace(place, f"{place},{beside}", 1)
    with pytest.raises(InputError) as caught:
        parse_bundle_content(read_text(text))
    assert (caught.value.code, caught.value.params["field"]) == ("bundle_content.not_finite", field)


def read_text(text: str) -> dict[str, Any]:
    """Signed JSON as a registry reads it: in outline, where it can be."""
    return parse_json_outline(text.encode(), "bundle.signed_unreadable", "bundle.signed_field_twice", depth=2)


@pytest.mark.parametrize("outline", [False, True], ids=["plain", "outline"])
def test_lines_and_form_items_with_fields_left_out_are_read_line_by_line(outline: bool) -> None:
    sparse = attempt("A-1")
    for line in sparse["responses"]:
        del line["max"], line["response"]
    for item in sparse["form"]["items"]:
        del item["premise_order"]
    first = parse_bundle_content(read(inner(attempts=[sparse]), outline)).attempts[0]
    assert [(line.item_id, line.position, line.response, line.max_score) for line in first.responses] == [
        ("T-001", 1, None, None),
        ("T-002", 2, None, None),
        ("T-003", 3, None, None),
    ]
    assert [item.premise_order for item in first.form.items] == [(), (), ()]
    assert first.lines.item_ids == ("T-001", "T-002", "T-003")
