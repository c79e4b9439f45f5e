"""Finishing an attempt: scoring it, deriving its submission code and writing the outcome.

The submission code (:func:`kiosk.domain.journal.submission_code`) is derived from the attempt id and the
head of its answer journal, so the registry recomputes it from an exported attempt, and a candidate's
receipt proves which answers were submitted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.attempt import AttemptState
from kiosk.domain.errors import StoreError
from kiosk.domain.forms import Form
from kiosk.domain.items import Bank
from kiosk.domain.journal import submission_code
from kiosk.domain.responses import Response, is_answered, response_from_json
from kiosk.domain.scoring import Result, score_attempt
from kiosk.formats.result_rules import RULES_KEY, ResultRules
from kiosk.station.storage.engine import StoreSession
from kiosk.station.storage.records import ResponseRecord
from kiosk.station.storage.repositories import attempts, audit


@dataclass(frozen=True, slots=True)
class Receipt:
    """What the candidate is shown (and may print) after submitting."""

    attempt_id: str
    candidate_number: str
    candidate_name: str
    sitting_name: str
    bank_id: str
    bank_version: int
    state: AttemptState
    submitted_at: datetime
    submission_code: str
    answered: int
    item_count: int
    result: Result | None
    """Only when the sitting shows scores on receipts."""

    @property
    def expired(self) -> bool:
        """Whether time ran out and the attempt was submitted automatically."""
        return self.state is AttemptState.EXPIRED


def stored_responses(records: list[ResponseRecord]) -> tuple[dict[str, Response], frozenset[str]]:
    """The current answers (unanswered items left out) and flagged items, from stored response rows."""
    answers: dict[str, Response] = {}
    flags: set[str] = set()
    for record in records:
        if record.flagged:
            flags.add(record.item_id)
        if record.response_json is not None:
            response = response_from_json(record.response_json)
            if response is not None:
                answers[record.item_id] = response
    return answers, frozenset(flags)


def load_form(form_json: str) -> Form:
    """The form stored with an attempt."""
    try:
        data = json.loads(form_json)
    except json.JSONDecodeError as error:
        raise StoreError("kiosk_store.form_damaged", detail=error.msg) from error
    if not isinstance(data, dict):
        raise StoreError("kiosk_store.form_not_object")
    return Form.from_dict(data)


def answered_count(bank: Bank, form: Form, answers: Mapping[str, Response]) -> int:
    return sum(1 for item_id in form.item_ids if is_answered(bank.item(item_id), answers.get(item_id)))


def finish(
    session: StoreSession,
    *,
    attempt_id: str,
    journal_head: str,
    bank: Bank,
    form: Form,
    answers: Mapping[str, Response],
    state: AttemptState,
    consumed_seconds: float,
    now: datetime,
    reason: str,
) -> tuple[str, Result]:
    """Score the attempt and record it as finished in ``state``; returns the submission code and result.

    The stored result also records the rules it was judged by (see :mod:`kiosk.formats.result_rules`),
    so the registry can print the slip without the bank.
    """
    result = score_attempt(bank, form, answers)
    code = submission_code(attempt_id, journal_head)
    stored = {**result.to_dict(), RULES_KEY: ResultRules.of_bank(bank, form).to_dict()}
    attempts.finish_attempt(
        session,
        attempt_id,
        state.value,
        consumed_seconds,
        now,
        code,
        json.dumps(stored, sort_keys=True, separators=(",", ":")),
    )
    attempts.save_checkpoint(session, attempt_id, consumed_seconds, now, reason)
    audit.add_event(
        session,
        state.value,
        now,
        attempt_id=attempt_id,
        detail={"reason": reason, "submission_code": code, "consumed_seconds": round(consumed_seconds, 3)},
    )
    return code, result
