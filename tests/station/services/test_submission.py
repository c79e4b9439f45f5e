"""Reading stored responses and forms back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from kiosk.domain.errors import StoreError
from kiosk.domain.forms import assemble_form
from kiosk.station.services.submission import load_form, stored_responses
from kiosk.station.storage.records import ResponseRecord
from tests.fixtures.kiosk import make_bank

NOW = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)


def test_stored_responses_give_answers_and_flags() -> None:
    records = [
        ResponseRecord("F-01", '"B"', False, 3, NOW),
        ResponseRecord("F-02", None, True, None, NOW),
        ResponseRecord("P-02", '{"1":"B"}', True, 5, NOW),
    ]
    answers, flags = stored_responses(records)
    assert answers == {"F-01": "B", "P-02": {"1": "B"}}
    assert flags == {"F-02", "P-02"}


def test_a_stored_form_reads_back_and_damage_is_a_store_error() -> None:
    form = assemble_form(make_bank(), 7)
    assert load_form(json.dumps(form.to_dict())) == form
    with pytest.raises(StoreError, match=r"^kiosk_store\.form_damaged detail="):
        load_form("{not json")
    with pytest.raises(StoreError, match=r"^kiosk_store\.form_not_object$"):
        load_form("[1, 2]")
