"""Time the candidate does not lose: the invigilator's menu and rest breaks stop the clock, each an incident
with its length; and a resume goes back to the question the candidate was on."""

from __future__ import annotations

import json

import pytest

from kiosk.domain.attempt import AttemptState
from kiosk.domain.clock import CHECKPOINT_INTERVAL_SECONDS, FakeClock
from kiosk.domain.errors import RuleError, SecurityError
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession, authorise_resume, find_interrupted, login
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.records import IncidentRecord
from kiosk.station.storage.repositories import attempts, audit
from tests.fixtures.kiosk import PIN, RIGHT


def _incidents(ctx: KioskContext, exam: ExamSession, category: str) -> list[IncidentRecord]:
    with ctx.store.session() as session:
        return [i for i in audit.incidents(session, attempt_id=exam.attempt_id) if i.category == category]


def _events(ctx: KioskContext, exam: ExamSession) -> list[tuple[str, dict[str, object]]]:
    with ctx.store.session() as session:
        return [
            (e.kind, json.loads(e.detail_json)) for e in audit.events(session, attempt_id=exam.attempt_id)
        ]


def test_the_clock_stops_while_the_invigilator_menu_is_open(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    clock.advance(100)
    assert exam.hold_clock(PIN) == "Ms Mulenga"
    assert exam.clock_held and exam.state is AttemptState.RUNNING
    (incident,) = _incidents(staffed, exam, "invigilator_menu")
    # Recorded as it begins, before anyone knows how long it lasts.
    assert (incident.duration_seconds, incident.recorded_by) == (None, "Ms Mulenga")
    assert incident.started_at == clock.wall()
    clock.advance(95.5)
    assert exam.tick() == 1700.0
    assert exam.release_clock() == 95.5
    assert not exam.clock_held
    clock.advance(10)
    assert exam.remaining_seconds() == 1690.0
    (incident,) = _incidents(staffed, exam, "invigilator_menu")
    assert incident.duration_seconds == 95.5
    assert ("clock_held", {"by": "Ms Mulenga"}) in _events(staffed, exam)
    assert ("clock_released", {"seconds": 95.5}) in _events(staffed, exam)
    # Nothing held, nothing to release.
    assert exam.release_clock() is None


def test_the_menu_needs_the_pin_and_holds_nothing_when_the_exam_is_not_running(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        exam.hold_clock("000000")
    assert not exam.clock_held
    exam.pause(PIN)
    assert exam.hold_clock(PIN) == "Ms Mulenga"
    assert not exam.clock_held
    assert _incidents(staffed, exam, "invigilator_menu") == []


def test_pausing_from_the_menu_ends_the_menu_stop_and_the_pause_goes_on(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    exam.hold_clock(PIN)
    clock.advance(20)
    exam.pause(PIN)
    clock.advance(300)
    assert exam.release_clock() is None
    assert exam.state is AttemptState.PAUSED and exam.remaining_seconds() == 1800.0
    (incident,) = _incidents(staffed, exam, "invigilator_menu")
    assert incident.duration_seconds == 20.0


def test_a_rest_break_stops_the_clock_and_is_recorded_with_its_length(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    clock.advance(60)
    assert exam.start_rest_break(PIN) == "Ms Mulenga"
    assert exam.on_break and exam.state is AttemptState.PAUSED
    with pytest.raises(RuleError, match=r"^attempt\.answers_paused\b"):
        exam.record_answer("F-01", "B")
    clock.advance(420)
    assert exam.remaining_seconds() == 1740.0
    # The candidate ends the break themself: no PIN.
    assert exam.end_rest_break() == 420.0
    assert not exam.on_break and exam.state is AttemptState.RUNNING
    clock.advance(40)
    assert exam.remaining_seconds() == 1700.0
    (incident,) = _incidents(staffed, exam, "rest_break")
    assert (incident.duration_seconds, incident.recorded_by) == (420.0, "Ms Mulenga")
    assert incident.description.startswith("Candidate C-001 took a rest break, confirmed by Ms Mulenga")
    # Separate from extra time: nothing was granted.
    with staffed.store.session() as session:
        record = attempts.get_attempt(session, exam.attempt_id)
    assert record is not None and record.granted_seconds == 0.0
    kinds = [kind for kind, _ in _events(staffed, exam)]
    assert "rest_break_started" in kinds and "rest_break_ended" in kinds


def test_a_rest_break_needs_the_invigilators_pin_and_a_running_exam(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        exam.start_rest_break("000000")
    assert exam.state is AttemptState.RUNNING and not exam.on_break
    with pytest.raises(RuleError, match=r"^exam\.not_on_break$"):
        exam.end_rest_break()
    exam.pause(PIN)
    with pytest.raises(RuleError, match=r"^attempt\.already_paused\b"):
        exam.start_rest_break(PIN)
    # A pause by the invigilator is not a break the candidate can end.
    with pytest.raises(RuleError, match=r"^exam\.not_on_break$"):
        exam.end_rest_break()


def test_the_invigilator_resuming_during_a_break_ends_the_break(
    exam: ExamSession, clock: FakeClock, staffed: KioskContext
) -> None:
    exam.start_rest_break(PIN)
    clock.advance(90)
    exam.resume(PIN)
    assert not exam.on_break and exam.state is AttemptState.RUNNING
    (incident,) = _incidents(staffed, exam, "rest_break")
    assert incident.duration_seconds == 90.0


def test_a_resume_goes_back_to_the_question_the_candidate_was_on(
    exam: ExamSession, staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str]
) -> None:
    items = exam.form.item_ids
    exam.record_answer(items[0], RIGHT[items[0]])
    # Not the first unanswered question: the fourth, where the candidate was reading.
    exam.move(items[3])
    # A switch does not wait for the disk: the position goes into the store with the next checkpoint.
    staffed.clock.advance(CHECKPOINT_INTERVAL_SECONDS)
    exam.tick()
    with staffed.store.session() as session:
        record = attempts.get_attempt(session, exam.attempt_id)
    assert record is not None and record.current_item_id == items[3]
    exam.close()
    # The kiosk stops; at the restart the attempt is interrupted and the invigilator lets it go on.
    (interrupted,) = find_interrupted(staffed)
    resumed = authorise_resume(staffed, sitting, interrupted.attempt_id, PIN)
    assert resumed.current_item_id == items[3]
    resumed.move(items[5])
    resumed.pause(PIN)
    resumed.close()
    # Logging in again to a paused attempt also comes back to where the candidate was.
    again = login(staffed, sitting, "C-001", codes["C-001"])
    assert again.current_item_id == items[5]
    again.close()


def test_a_new_attempt_starts_at_the_first_question(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str]
) -> None:
    session = login(staffed, sitting, "C-002", codes["C-002"])
    assert session.current_item_id == session.form.item_ids[0]
    session.close()
