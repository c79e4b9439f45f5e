"""A candidate's session: answers saved durably, the clock, expiry, invigilator actions, submission."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Mapping
from datetime import UTC, date, timedelta, timezone

import pytest

from kiosk.domain.attempt import AttemptState, IncidentCategory
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.domain.journal import verify_chain
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession, login
from kiosk.station.services.integrity import verify_journals
from kiosk.station.services.sittings import OpenSitting, open_sitting, schedule_sitting
from kiosk.station.services.submission import submission_code
from kiosk.station.storage.repositories import attempts, audit
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT, WRONG, make_bank


def _row(ctx: KioskContext, sql: str, *params: object) -> tuple[object, ...]:
    """Read straight from the file with a separate connection, as a restarted kiosk would."""
    with sqlite3.connect(ctx.store.path) as connection:
        row = connection.execute(sql, params).fetchone()
    assert row is not None
    return tuple(row)


def _answer_everything(session: ExamSession, answers: Mapping[str, object]) -> None:
    for item_id in session.form.item_ids:
        session.record_answer(item_id, answers[item_id])


def test_start_sets_the_clock_running(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting, clock: FakeClock
) -> None:
    session = login(staffed, sitting, "C-001", codes["C-001"])
    assert (session.state, session.remaining_seconds()) == (AttemptState.READY, 1800.0)
    clock.advance(30)  # reading the instructions costs nothing
    session.start()
    clock.advance(60)
    assert (session.state, session.remaining_seconds()) == (AttemptState.RUNNING, 1740.0)
    assert _row(staffed, "SELECT state, started_at FROM attempts WHERE id = ?", session.attempt_id) == (
        "running",
        "2025-06-02T08:00:30.000000+00:00",
    )
    with pytest.raises(RuleError, match=r"^attempt\.already_running\b"):
        session.start()


def test_an_answer_is_in_the_file_when_record_answer_returns(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    clock.advance(42.5)
    saved = exam.record_answer("F-02", ["C", "A"])
    assert (saved.item_id, saved.response, saved.sequence, saved.consumed_seconds) == (
        "F-02",
        ["A", "C"],
        1,
        42.5,
    )
    assert saved.remaining_seconds == 1800 - 42.5
    assert _row(
        staffed,
        "SELECT item_id, response_json, consumed_ms FROM journal WHERE attempt_id = ?",
        exam.attempt_id,
    ) == (
        "F-02",
        '["A","C"]',
        42500,
    )
    assert _row(
        staffed, "SELECT response_json, sequence FROM responses WHERE attempt_id = ?", exam.attempt_id
    ) == (
        '["A","C"]',
        1,
    )
    assert _row(staffed, "SELECT consumed_seconds FROM attempts WHERE id = ?", exam.attempt_id) == (42.5,)
    assert exam.responses == {"F-02": ["A", "C"]}


def test_answers_are_normalised_and_bad_ones_are_refused_without_a_trace(
    exam: ExamSession, staffed: KioskContext
) -> None:
    assert exam.record_answer("F-04", " 2,0 ").response == "2.0"
    with pytest.raises(InputError, match=r"^response\.") as caught:
        exam.record_answer("F-01", "Z")
    assert caught.value.params["item"] == "F-01"
    with pytest.raises(InputError, match=r"^exam\.item_not_on_form item=X-99$"):
        exam.record_answer("X-99", "A")
    assert _row(staffed, "SELECT count(*) FROM journal") == (1,)
    assert exam.record_answer("F-01", "B").sequence == 2


def test_every_answer_extends_a_hash_chain_that_verifies(exam: ExamSession, staffed: KioskContext) -> None:
    exam.record_answer("F-01", "A")
    exam.record_answer("F-01", "B")
    exam.record_answer("P-03", "electrolyte")
    with staffed.store.session() as session:
        entries = attempts.journal(session, exam.attempt_id)
        record = attempts.get_attempt(session, exam.attempt_id)
    assert record is not None
    assert [entry.sequence for entry in entries] == [1, 2, 3]
    assert verify_chain(exam.attempt_id, entries, expected_head=record.journal_head) == []
    assert exam.responses == {"F-01": "B", "P-03": "electrolyte"}


def test_answers_are_refused_before_the_start(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    session = login(staffed, sitting, "C-001", codes["C-001"])
    with pytest.raises(RuleError, match=r"^attempt\.answers_not_started\b"):
        session.record_answer("F-01", "B")
    with pytest.raises(RuleError, match=r"^attempt\.not_started\b"):
        session.submit()


def test_tick_checkpoints_after_five_seconds_of_running_time(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    clock.advance(4.0)
    assert exam.tick() == 1796.0
    assert _row(staffed, "SELECT consumed_seconds FROM attempts WHERE id = ?", exam.attempt_id) == (0.0,)
    clock.advance(1.0)
    exam.tick()
    assert _row(staffed, "SELECT consumed_seconds FROM attempts WHERE id = ?", exam.attempt_id) == (5.0,)
    with staffed.store.session() as session:
        assert [
            (point.consumed_ms, point.reason) for point in attempts.checkpoints(session, exam.attempt_id)
        ] == [
            (0, "start"),
            (5000, "tick"),
        ]


def test_an_answer_is_itself_a_checkpoint(exam: ExamSession, clock: FakeClock, staffed: KioskContext) -> None:
    clock.advance(4.0)
    exam.record_answer("F-01", "B")
    clock.advance(4.0)
    exam.tick()  # only 4 s since the answer's checkpoint
    assert _row(staffed, "SELECT consumed_seconds FROM attempts WHERE id = ?", exam.attempt_id) == (4.0,)


def test_an_answer_keeps_the_clock_s_time_in_the_journal_and_utc_text_in_the_store(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    exam.record_answer("F-01", "B")
    # A clock that gives UTC: the journal's text and the store's are the same.
    first = clock.wall().isoformat(timespec="microseconds")
    assert _row(staffed, "SELECT recorded_at FROM journal WHERE sequence = 1") == (first,)
    assert _row(staffed, "SELECT checkpoint_at FROM attempts WHERE id = ?", exam.attempt_id) == (first,)
    # One that gives another zone: the journal keeps (and hashes) its text, the store keeps UTC text.
    local = clock.wall().astimezone(timezone(timedelta(hours=8)))
    monkeypatch.setattr(clock, "wall", lambda: local)
    exam.record_answer("F-01", "C")
    assert _row(staffed, "SELECT recorded_at FROM journal WHERE sequence = 2") == (
        local.isoformat(timespec="microseconds"),
    )
    utc = local.astimezone(UTC).isoformat(timespec="microseconds")
    assert _row(staffed, "SELECT checkpoint_at FROM attempts WHERE id = ?", exam.attempt_id) == (utc,)
    assert _row(staffed, "SELECT updated_at FROM responses WHERE item_id = 'F-01'") == (utc,)


def test_changing_the_system_clock_has_no_effect(exam: ExamSession, clock: FakeClock) -> None:
    clock.advance(100)
    clock.jump_wall(3 * 3600)
    assert exam.tick() == 1700.0
    clock.jump_wall(-6 * 3600)
    assert exam.tick() == 1700.0
    assert exam.state is AttemptState.RUNNING


def test_the_attempt_submits_itself_when_time_runs_out(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    exam.record_answer("F-01", "B")
    clock.advance(1799.0)
    assert exam.tick() == 1.0
    clock.advance(3.0)  # the tick that notices comes a little late
    assert exam.tick() == 0.0
    assert exam.state is AttemptState.EXPIRED
    receipt = exam.receipt
    assert receipt is not None and receipt.expired and receipt.answered == 1
    assert _row(staffed, "SELECT state, consumed_seconds FROM attempts WHERE id = ?", exam.attempt_id) == (
        "expired",
        1800.0,
    )
    assert exam.submit() is receipt


def test_an_answer_after_expiry_submits_the_attempt_and_is_refused(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    clock.advance(1800.5)
    with pytest.raises(RuleError, match=r"^attempt\.expired\b"):
        exam.record_answer("F-01", "B")
    assert exam.state is AttemptState.EXPIRED
    assert _row(staffed, "SELECT count(*) FROM journal") == (0,)
    with pytest.raises(RuleError, match=r"^attempt\.expired\b"):
        exam.set_flag("F-01", True)


def test_a_pause_stops_the_clock_until_an_invigilator_resumes(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    clock.advance(100)
    exam.pause(PIN)
    assert exam.state is AttemptState.PAUSED
    clock.advance(600)
    assert exam.tick() == 1700.0
    with pytest.raises(RuleError, match=r"^attempt\.answers_paused\b"):
        exam.record_answer("F-01", "B")
    with pytest.raises(RuleError, match=r"^attempt\.already_paused\b"):
        exam.pause(PIN)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        exam.resume("000000")
    assert exam.state is AttemptState.PAUSED
    exam.resume(PIN)
    clock.advance(10)
    assert exam.remaining_seconds() == 1690.0
    with staffed.store.session() as session:
        kinds = [
            (event.kind, json.loads(event.detail_json).get("by"))
            for event in audit.events(session, attempt_id=exam.attempt_id)
        ]
    assert ("paused", "Ms Mulenga") in kinds and ("resumed", "Ms Mulenga") in kinds


def test_a_candidate_with_an_accommodation_gets_their_extra_time(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    session = login(staffed, sitting, "C-002", codes["C-002"])
    assert session.allowed_seconds == 1800 * 1.25


def test_granted_time_extends_the_exam_and_is_kept(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    clock.advance(1700)
    assert exam.grant_extra_time(PIN, 10, "fire alarm evacuation") == 700.0
    assert _row(staffed, "SELECT granted_seconds FROM attempts WHERE id = ?", exam.attempt_id) == (600.0,)
    again = login(staffed, sitting, "C-001", codes["C-001"])
    assert again.allowed_seconds == 2400.0
    with pytest.raises(InputError, match=r"^exam\.extra_time_out_of_range\b") as caught:
        exam.grant_extra_time(PIN, 0, "none")
    assert caught.value.params == {"minutes": "0", "max_minutes": 240}
    with pytest.raises(InputError, match=r"^exam\.extra_time_reason_missing$"):
        exam.grant_extra_time(PIN, 5, "  ")


def test_no_time_can_be_granted_after_submission(exam: ExamSession) -> None:
    exam.submit()
    with pytest.raises(RuleError, match=r"^attempt\.submitted\b"):
        exam.grant_extra_time(PIN, 5, "too late")


def test_incidents_are_recorded_by_category_with_the_invigilator(
    exam: ExamSession, staffed: KioskContext
) -> None:
    first = exam.record_incident(PIN, IncidentCategory.ILLNESS, "Felt faint; water given.")
    second = exam.record_incident(PIN, "focus_loss", "Alt-tabbed twice.")
    with staffed.store.session() as session:
        recorded = audit.incidents(session, attempt_id=exam.attempt_id)
    assert [(incident.id, incident.category, incident.recorded_by) for incident in recorded] == [
        (first, "illness", "Ms Mulenga"),
        (second, "focus_loss", "Ms Mulenga"),
    ]
    with pytest.raises(InputError, match=r"^incident\.category_unknown\b") as caught:
        exam.record_incident(PIN, "fire", "Smoke.")
    assert caught.value.params["category"] == "fire"
    assert str(caught.value.params["choices"]).startswith("power_outage, illness")
    with pytest.raises(InputError, match=r"^incident\.description_missing$"):
        exam.record_incident(PIN, "other", " ")
    with pytest.raises(InputError, match=r"^incident\.description_too_long max_length=2000$"):
        exam.record_incident(PIN, "other", "x" * 2001)
    exam.submit()
    exam.record_incident(PIN, IncidentCategory.MISCONDUCT, "Notes found after submission.")


def test_submitting_returns_a_receipt_without_the_score_by_default(
    exam: ExamSession, staffed: KioskContext
) -> None:
    _answer_everything(exam, RIGHT)
    receipt = exam.submit()
    head = _row(staffed, "SELECT journal_head FROM attempts WHERE id = ?", exam.attempt_id)[0]
    assert receipt.submission_code == submission_code(exam.attempt_id, str(head))
    assert (receipt.state, receipt.answered, receipt.item_count, receipt.result) == (
        AttemptState.SUBMITTED,
        9,
        9,
        None,
    )
    assert (receipt.candidate_number, receipt.candidate_name, receipt.sitting_name) == (
        "C-001",
        "Mwila Banda",
        "Maintenance II theory",
    )
    state, code, result = _row(
        staffed, "SELECT state, submission_code, result_json FROM attempts WHERE id = ?", exam.attempt_id
    )
    assert (state, code) == ("submitted", receipt.submission_code)
    stored = json.loads(str(result))
    assert stored["percent"] == 100.0
    # The rules the result was judged by travel beside the result fields, which stay as they were.
    assert set(stored) == {
        *("earned", "possible", "percent", "passed", "by_competence", "by_area", "item_scores"),
        *("failed_areas", "rules"),
    }
    bank = make_bank()
    assert stored["rules"] == {
        "pass_mark": 60.0,
        "area_minimums": {"practical": 50.0},
        "competences": [
            {"id": "F1", "area": "foundational", "title": "Knowledge", "title_zh": None},
            {"id": "P1", "area": "practical", "title": "Practice", "title_zh": None},
        ],
        "item_points": {item_id: float(bank.item(item_id).points) for item_id in exam.form.item_ids},
    }
    with pytest.raises(RuleError, match=r"^attempt\.submitted\b"):
        exam.record_answer("F-01", "A")
    with pytest.raises(RuleError, match=r"^attempt\.submitted\b"):
        exam.submit()


def test_the_score_is_shown_when_the_sitting_allows_it(staffed: KioskContext, codes: dict[str, str]) -> None:
    info = schedule_sitting(staffed, "Mock exam", "maintenance-2", date(2025, 6, 2), show_score=True)
    opened = open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    session = login(staffed, opened, "C-001", codes["C-001"])
    session.start()
    _answer_everything(session, WRONG)
    result = session.submit().result
    assert result is not None and (result.percent, result.passed) == (0.0, False)


def test_flags_are_saved_and_come_back(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    exam.set_flag("P-01", True)
    exam.set_flag("F-01", True)
    exam.set_flag("F-01", False)
    assert exam.flags == {"P-01"}
    assert login(staffed, sitting, "C-001", codes["C-001"]).flags == {"P-01"}
    with pytest.raises(InputError, match=r"^exam\.item_not_on_form item=Z-1$"):
        exam.set_flag("Z-1", True)


def test_moving_between_items(exam: ExamSession) -> None:
    first = exam.form.item_ids[0]
    assert exam.current_item_id == first
    last = exam.form.item_ids[-1]
    assert exam.move(last).id == last and exam.current_item_id == last
    with pytest.raises(InputError, match=r"^exam\.item_not_on_form item=Z-1$"):
        exam.move("Z-1")
    assert exam.form_item(last).item_id == last


def test_answers_from_two_threads_are_saved_one_after_the_other(
    exam: ExamSession, staffed: KioskContext
) -> None:
    errors: list[BaseException] = []

    def answer(item_id: str, choices: list[str]) -> None:
        try:
            for number in range(40):
                exam.record_answer(item_id, choices[number % len(choices)])
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [
        threading.Thread(target=answer, args=("F-01", ["A", "B", "C"])),
        threading.Thread(target=answer, args=("F-05", ["A", "B"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert verify_journals(staffed) == []
    assert _row(staffed, "SELECT count(*), max(sequence) FROM journal") == (80, 80)
