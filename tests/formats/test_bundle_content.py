"""Reading a bundle's signed contents: every field checked, every problem one sentence naming it."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.domain.errors import InputError
from kiosk.domain.items import Area, Competence, Text
from kiosk.formats.bundle_content import CONTENT_VERSION, parse_bundle_content, record_digest
from kiosk.formats.keys import KeyKind, generate_identity
from tests.fixtures.registry import Kiosk, attempt, incident, inner_fields


def inner(**changes: Any) -> dict[str, Any]:
    kiosk = Kiosk("K1", generate_identity(KeyKind.KIOSK, "K1"))
    fields = inner_fields(kiosk, 3, [attempt("A-1"), attempt("A-2", "C2")], [incident(1), incident(2, "A-1")])
    fields.update(changes)
    return fields


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
    ("rules", "message"),
    [
        ("strict", "attempt A-2 result rules field 'rules' must be a map"),
        ({**RULES, "pass_mark": "60"}, "field 'pass_mark' must be a percentage from 0 to 100"),
        ({**RULES, "pass_mark": 160}, "field 'pass_mark' must be a percentage from 0 to 100"),
        ({**RULES, "area_minimums": []}, "field 'area_minimums' must be a map of area to percent"),
        (
            {**RULES, "area_minimums": {"artistic": 50}},
            "field 'area_minimums' must be one of foundational, practical, reflexive",
        ),
        ({**RULES, "competences": {}}, "attempt A-2 result rules field 'competences' must be a list"),
        ({**RULES, "competences": [{"id": "F1", "area": "foundational"}]}, "'competences[1].title' must be"),
        (
            {**RULES, "competences": [{"id": "F1", "area": "foundational", "title": "T", "title_zh": 3}]},
            "field 'competences[1].title_zh' must be text or null",
        ),
        (
            {**RULES, "item_points": {"T-001": -1}},
            "'item_points.T-001' must be a number of points, 0 or more",
        ),
    ],
)
def test_malformed_rules_are_named(rules: Any, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(with_rules(rules))
    text = str(caught.value)
    assert text.startswith("The result bundle K1-000003 is malformed: ")
    assert message in text


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
    ("path", "value", "message"),
    [
        ("attempt_id", "", "attempt 2 field 'attempt_id' must be non-empty text of at most 64 characters"),
        (
            "attempt_id",
            "A" * 65,
            "attempt 2 field 'attempt_id' must be non-empty text of at most 64 characters",
        ),
        ("candidate", "Ann", "attempt A-2 field 'candidate' must be a map"),
        ("candidate.number", KeyError, "attempt A-2 candidate field 'number' must be non-empty text"),
        ("candidate.name_zh", 5, "attempt A-2 candidate field 'name_zh' must be text or null"),
        ("grade", "II", "attempt A-2 field 'grade' must be a whole number"),
        ("grade", True, "attempt A-2 field 'grade' must be a whole number"),
        ("state", "paused", "attempt A-2 field 'state' must be 'submitted' or 'expired'"),
        ("started_at", "yesterday", "attempt A-2 field 'started_at' must be an ISO time with its time zone"),
        ("started_at", "2025-03-14T09:00:00", "field 'started_at' must be an ISO time with its time zone"),
        ("consumed_seconds", None, "attempt A-2 field 'consumed_seconds' must be a number"),
        ("result.passed", "yes", "attempt A-2 result field 'passed' must be true or false"),
        ("result.by_competence", [], "attempt A-2 result field 'by_competence' must be a map"),
        (
            "result.by_competence.F1",
            3,
            "field 'by_competence' must be a map of competence to earned and possible",
        ),
        ("result.by_competence.F1.possible", KeyError, "competence F1 field 'possible' must be a number"),
        ("journal.head", KeyError, "attempt A-2 journal field 'head' must be non-empty text"),
        ("form.seed", "12", "attempt A-2 form field 'seed' must be a whole number"),
        ("events", None, "attempt A-2 field 'events' must be a list"),
        ("responses", {}, "attempt A-2 field 'responses' must be a list"),
        ("responses.0", "A", "attempt A-2 field 'responses[1]' must be a map"),
        ("responses.0.flagged", 0, "attempt A-2 response 1 field 'flagged' must be true or false"),
        ("responses.0.max", "one", "attempt A-2 response 1 field 'max' must be a number"),
    ],
)
def test_each_malformed_attempt_field_is_named(path: str, value: Any, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bundle_content(broken(path, value))
    text = str(caught.value)
    assert text.startswith("The result bundle K1-000003 is malformed: ")
    assert message in text


def test_an_attempt_listed_twice_is_refused() -> None:
    with pytest.raises(InputError, match="it holds attempt A-1 twice"):
        parse_bundle_content(inner(attempts=[attempt("A-1"), attempt("A-1")]))


def test_an_item_answered_twice_is_refused() -> None:
    twice = attempt("A-1")
    twice["responses"].append(dict(twice["responses"][0]))
    with pytest.raises(InputError, match="attempt A-1 answers item T-001 twice"):
        parse_bundle_content(inner(attempts=[twice]))


def test_incidents_are_checked_too() -> None:
    with pytest.raises(InputError, match="it holds incident 1 twice"):
        parse_bundle_content(inner(incidents=[incident(1), incident(1)]))
    with pytest.raises(InputError, match="incident 1 field 'number' must be a whole number"):
        parse_bundle_content(inner(incidents=[{**incident(1), "number": "one"}]))
    with pytest.raises(InputError, match="incident 1: field 'incident' must be a map"):
        parse_bundle_content(inner(incidents=["power cut"]))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"content_version": CONTENT_VERSION + 1}, "its field 'content_version' must be 1"),
        ({"attempts": {}}, "its field 'attempts' must be a list"),
        ({"attempts": ["A-1"]}, "attempt 1: field 'attempt' must be a map"),
        ({"centre": ""}, "its field 'centre' must be non-empty text"),
        ({"created_at": 5}, "its field 'created_at' must be an ISO time"),
    ],
)
def test_bundle_level_fields_are_checked(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_bundle_content(inner(**changes))
