"""Candidate log-in (rate-limited, one attempt per sitting, forms rebuilt from the seed) and recovery
after the kiosk stopped (interrupted attempts resume only with an invigilator, the outage not charged)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kiosk.domain.attempt import AttemptState
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import InputError, RuleError, SecurityError, StoreError
from kiosk.domain.forms import assemble_form
from kiosk.messages import sentence
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession, authorise_resume, find_interrupted, login
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import OpenSitting, open_sitting, schedule_sitting
from kiosk.station.storage.repositories import attempts, audit
from tests.fixtures.kiosk import PIN, RELEASE_CODE, make_bank
from tests.fixtures.station import ROSTER


def _sql(ctx: KioskContext, statement: str, *params: object) -> None:
    with sqlite3.connect(ctx.store.path) as connection:
        connection.execute(statement, params)


def test_a_first_login_draws_a_form_from_a_recorded_seed(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    session = login(staffed, sitting, "C-001", codes["C-001"])
    assert re.fullmatch(r"A-[0-9A-F]{8}-00001", session.attempt_id)
    assert (session.state, session.candidate_name, session.allowed_seconds) == (
        AttemptState.READY,
        "Mwila Banda",
        1800.0,
    )
    with staffed.store.session() as store_session:
        record = attempts.get_attempt(store_session, session.attempt_id)
    assert record is not None
    assert session.form == assemble_form(make_bank(), record.seed)
    assert json.loads(record.form_json) == session.form.to_dict()
    assert (record.bank_id, record.bank_version) == ("maintenance-2", 1)


def test_numbers_and_codes_are_typed_loosely(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    typed = " " + codes["C-002"].lower().replace("-", " ") + " "
    session = login(staffed, sitting, " c-002 ", typed)
    assert (session.candidate_number, session.candidate_name_zh) == ("C-002", "钱多多")


def test_a_wrong_code_is_counted_per_candidate_and_locks(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    with pytest.raises(SecurityError, match=r"^login\.wrong_code\b") as caught:
        login(staffed, sitting, "C-001", "AAAA-AAAA")
    assert caught.value.params == {"tries": 4, "minutes": 10}
    assert sentence(caught.value) == (
        "That candidate number and access code do not match; check both with the invigilator. "
        "4 more wrong tries will lock entry for 10 minutes."
    )
    for _ in range(4):
        with pytest.raises(SecurityError, match=r"^login\.wrong_code"):
            login(staffed, sitting, "C-001", "AAAA-AAAA")
    with pytest.raises(SecurityError, match=r"^login\.access_code_locked\b") as caught:
        login(staffed, sitting, "C-001", codes["C-001"])
    assert caught.value.params == {"number": "C-001", "minutes": 10}
    # Another candidate on the same kiosk is not held up.
    login(staffed, sitting, "C-002", codes["C-002"])


def test_an_unknown_number_gets_the_same_answer_as_a_wrong_code(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str]
) -> None:
    with pytest.raises(SecurityError, match=r"^login\.wrong_code\b"):
        login(staffed, sitting, "C-404", codes["C-001"])
    with pytest.raises(InputError, match=r"^login\.number_missing$"):
        login(staffed, sitting, "  ", codes["C-001"])


def test_many_failures_on_one_kiosk_lock_it_for_everyone(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    for number in range(20):
        with pytest.raises(SecurityError, match=r"^login\.wrong_code"):
            login(staffed, sitting, f"X-{number}", "AAAA-AAAA")
    with pytest.raises(SecurityError, match=r"^login\.kiosk_locked minutes=10$"):
        login(staffed, sitting, "C-001", codes["C-001"])


def test_a_candidate_entered_for_another_exam_is_sent_to_the_invigilator(
    staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    with pytest.raises(RuleError, match=r"^login\.other_exam\b") as caught:
        login(staffed, sitting, "C-003", codes["C-003"])
    assert caught.value.params == {
        "number": "C-003",
        "certificate": "design",
        "grade": "I",
        "sitting_certificate": "maintenance",
        "sitting_grade": "II",
    }
    assert sentence(caught.value) == (
        "Candidate C-003 is entered for the design certificate, grade I, but this sitting is for the "
        "maintenance certificate, grade II; ask the invigilator."
    )


def test_logging_in_again_returns_the_same_attempt_with_its_answers(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting, clock: FakeClock
) -> None:
    clock.advance(50)
    exam.record_answer("F-01", "B")
    exam.set_flag("F-02", True)
    clock.advance(3)  # not yet checkpointed
    again = login(staffed, sitting, "C-001", codes["C-001"])
    assert (again.attempt_id, again.form, again.state) == (exam.attempt_id, exam.form, AttemptState.RUNNING)
    assert again.responses == {"F-01": "B"}
    assert again.flags == {"F-02"}
    assert again.consumed_seconds() == 50.0
    # The candidate picks up at the first item they have not answered.
    assert again.current_item_id == next(item_id for item_id in again.form.item_ids if item_id != "F-01")
    assert again.record_answer("F-03", "true").sequence == 2


def test_a_submitted_attempt_cannot_be_taken_again(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    exam.submit()
    with pytest.raises(RuleError, match=r"^login\.already_submitted number=C-001$"):
        login(staffed, sitting, "C-001", codes["C-001"])


def test_a_kiosk_that_was_never_set_up_cannot_start_attempts(
    ctx: KioskContext, awarding_pub: Path, write_package: Callable[..., Path], tmp_path: Path
) -> None:
    trust_key(ctx, awarding_pub)
    install_package(ctx, write_package())
    create_invigilator(ctx, "Ms Mulenga", PIN)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    code = import_roster(ctx, roster).codes[0].access_code
    info = schedule_sitting(ctx, "Theory", "maintenance-2", date(2025, 6, 2))
    opened = open_sitting(ctx, info.id, PIN, RELEASE_CODE)
    with pytest.raises(RuleError, match=r"^kiosk\.not_set_up$"):
        login(ctx, opened, "C-001", code)


def test_a_stored_form_that_no_longer_matches_its_seed_is_refused(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    changed = exam.form.to_dict()
    changed["items"] = list(reversed(changed["items"]))  # type: ignore[call-overload]
    _sql(staffed, "UPDATE attempts SET form_json = ? WHERE id = ?", json.dumps(changed), exam.attempt_id)
    with pytest.raises(StoreError, match=rf"^attempt\.form_changed attempt={exam.attempt_id}$"):
        login(staffed, sitting, "C-001", codes["C-001"])


def test_a_tampered_journal_stops_the_attempt_from_continuing(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    exam.record_answer("F-01", "A")
    with sqlite3.connect(staffed.store.path) as connection:
        connection.execute("DROP TRIGGER journal_no_update")
        connection.execute(
            "UPDATE journal SET response_json = '\"B\"' WHERE attempt_id = ?", (exam.attempt_id,)
        )
    with pytest.raises(StoreError, match=r"^attempt\.journal_broken\b") as caught:
        login(staffed, sitting, "C-001", codes["C-001"])
    assert caught.value.params["attempt"] == exam.attempt_id


def test_an_attempt_is_only_continued_with_the_bank_version_it_was_drawn_from(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting
) -> None:
    newer = replace(sitting, bank=make_bank(version=2))
    with pytest.raises(RuleError, match=r"^attempt\.other_bank_version\b") as caught:
        login(staffed, newer, "C-001", codes["C-001"])
    assert caught.value.params == {
        "attempt": exam.attempt_id,
        "bank": "maintenance-2",
        "version": 1,
        "sitting_version": 2,
    }


def test_a_running_attempt_found_at_start_up_is_marked_interrupted(
    exam: ExamSession, staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting, clock: FakeClock
) -> None:
    clock.advance(65)
    exam.tick()  # checkpoint at 65 s
    # The kiosk loses power here; on the next start-up:
    (found,) = find_interrupted(staffed)
    assert (found.attempt_id, found.candidate_number, found.consumed_seconds, found.allowed_seconds) == (
        exam.attempt_id,
        "C-001",
        65.0,
        1800.0,
    )
    assert find_interrupted(staffed) == [found]  # still waiting for an invigilator
    with pytest.raises(RuleError, match=r"^login\.interrupted number=C-001$"):
        login(staffed, sitting, "C-001", codes["C-001"])


def test_an_authorised_resume_does_not_charge_the_outage_and_records_it(
    exam: ExamSession, staffed: KioskContext, sitting: OpenSitting, clock: FakeClock
) -> None:
    clock.advance(100)
    exam.record_answer("F-01", "B")  # checkpoint at 100 s
    clock.advance(4)  # lost: after the last checkpoint
    clock.advance(12 * 60)  # the power cut
    find_interrupted(staffed)

    resumed = authorise_resume(staffed, sitting, exam.attempt_id, PIN)

    assert resumed.state is AttemptState.RUNNING
    assert resumed.consumed_seconds() == 100.0
    assert resumed.responses == {"F-01": "B"}
    clock.advance(10)
    assert resumed.remaining_seconds() == 1800 - 110
    with staffed.store.session() as session:
        (incident,) = audit.incidents(session, attempt_id=exam.attempt_id)
    assert (incident.category, incident.recorded_by, incident.duration_seconds) == (
        "power_outage",
        "Ms Mulenga",
        724.0,
    )
    assert "about 12 min 4 s passed before Ms Mulenga authorised the resume, and none of it was charged" in (
        incident.description
    )
    assert resumed.record_answer("F-02", ["A"]).sequence == 2


def test_only_an_interrupted_attempt_of_this_sitting_can_be_resumed(
    exam: ExamSession, staffed: KioskContext, sitting: OpenSitting
) -> None:
    with pytest.raises(RuleError, match=r"^attempt\.already_running action=authorise_resume\b"):
        authorise_resume(staffed, sitting, exam.attempt_id, PIN)
    with pytest.raises(InputError, match=r"^attempt\.unknown attempt=A-NOPE$"):
        authorise_resume(staffed, sitting, "A-NOPE", PIN)
    find_interrupted(staffed)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong\b"):
        authorise_resume(staffed, sitting, exam.attempt_id, "000000")
    info = schedule_sitting(staffed, "Afternoon", "maintenance-2", date(2025, 6, 2))
    other = open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    with pytest.raises(RuleError, match=rf"^attempt\.other_sitting attempt={exam.attempt_id}$"):
        authorise_resume(staffed, other, exam.attempt_id, PIN)
    assert authorise_resume(staffed, sitting, exam.attempt_id, PIN).state is AttemptState.RUNNING
