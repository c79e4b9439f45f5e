"""The rows a bundle becomes: every column of each registry table filled, in the driver's column order."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kiosk.formats.bundle_content import BundleContent, parse_bundle_content
from kiosk.formats.encoding import canonical_json, parse_json_outline
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.registry.services.rows import (
    attempt_row,
    bundle_row,
    competence_rows,
    incident_row,
    response_rows,
)
from kiosk.registry.storage.repo import COMPETENCE_COLUMNS, RESPONSE_COLUMNS
from kiosk.registry.storage.tables import BundleRow, ResultAttemptRow, ResultIncidentRow
from tests.fixtures.registry import Kiosk, attempt, incident, inner_fields

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)


def content() -> BundleContent:
    kiosk = Kiosk("K1", generate_identity(KeyKind.KIOSK, "K1"))
    answered = attempt("A-1", items=2)
    answered["responses"][1]["response"] = {"1": "B", "2": "A"}
    answered["responses"][0]["response"] = None
    return parse_bundle_content(inner_fields(kiosk, 1, [answered], [incident(4, "A-1")]))


def test_each_row_fills_every_column_of_its_table() -> None:
    parsed = content()
    columns = {
        "bundles": {column.name for column in BundleRow.__table__.columns},
        "attempts": {column.name for column in ResultAttemptRow.__table__.columns},
        "incidents": {column.name for column in ResultIncidentRow.__table__.columns},
    }
    assert set(bundle_row(Path("b.1xresult"), "d" * 64, parsed, NOW)) == columns["bundles"]
    assert set(attempt_row(parsed, parsed.attempts[0], NOW)) == columns["attempts"]
    assert set(incident_row(parsed, parsed.incidents[0])) == columns["incidents"]


def test_responses_and_competences_are_tuples_in_the_tables_column_order() -> None:
    parsed = content()
    assert RESPONSE_COLUMNS == (
        "attempt_id",
        "item_id",
        "position",
        "response_json",
        "flagged",
        "score",
        "max_score",
    )
    assert response_rows(parsed.attempts[0]) == [
        ("A-1", "T-001", 1, None, False, 1.0, 1.0),
        ("A-1", "T-002", 2, '{"1":"B","2":"A"}', False, 0.0, 1.0),
    ]
    assert COMPETENCE_COLUMNS == ("attempt_id", "competence", "earned", "possible")
    assert competence_rows(parsed.attempts[0]) == [("A-1", "F1", 1.0, 2.0)]


def test_text_responses_are_stored_as_json_text() -> None:
    parsed = content()
    row = attempt_row(parsed, parsed.attempts[0], NOW)
    assert str(row["result_json"]).startswith('{"by_area":')
    assert row["content_digest"] == parsed.attempts[0].content_digest


def test_an_attempt_read_in_outline_keeps_its_json_as_signed() -> None:
    kiosk = Kiosk("K1", generate_identity(KeyKind.KIOSK, "K1"))
    answered = attempt("A-1", items=4)
    for line, response in zip(answered["responses"], (None, ["A", "B"], {"1": "B"}, "é\n"), strict=True):
        line["response"] = response
    fields = inner_fields(kiosk, 1, [answered], [])
    plain = parse_bundle_content(fields)
    signed = parse_bundle_content(
        parse_json_outline(
            canonical_json(fields), "bundle.signed_unreadable", "bundle.signed_field_twice", depth=2
        )
    )
    row, again = attempt_row(signed, signed.attempts[0], NOW), attempt_row(plain, plain.attempts[0], NOW)
    assert row == again
    assert row["form_json"] == canonical_json(answered["form"]).decode()
    assert response_rows(signed.attempts[0]) == response_rows(plain.attempts[0])
    assert [values[3] for values in response_rows(signed.attempts[0])] == [
        None,
        '["A","B"]',
        '{"1":"B"}',
        '"é\\n"',
    ]
