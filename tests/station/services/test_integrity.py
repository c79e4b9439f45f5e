"""Start-up and pre-export checks: journals, current answers, submission codes; backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession
from kiosk.station.services.integrity import backup_store, check_store, verify_journals


def _tamper(ctx: KioskContext, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Change the file behind the kiosk's back, as someone with the data folder could."""
    with sqlite3.connect(ctx.store.path) as connection:
        connection.execute("DROP TRIGGER IF EXISTS journal_no_update")
        connection.execute("DROP TRIGGER IF EXISTS journal_no_delete")
        for statement, params in statements:
            connection.execute(statement, params)


def _three_answers(exam: ExamSession) -> None:
    exam.record_answer("F-01", "A")
    exam.record_answer("F-02", ["A"])
    exam.record_answer("F-01", "B")


def test_untouched_records_have_no_problems(exam: ExamSession, staffed: KioskContext) -> None:
    _three_answers(exam)
    exam.submit()
    assert verify_journals(staffed) == []
    assert check_store(staffed).ok


def test_a_modified_journal_entry_is_reported_by_attempt_and_entry(
    exam: ExamSession, staffed: KioskContext
) -> None:
    _three_answers(exam)
    _tamper(
        staffed,
        (
            'UPDATE journal SET response_json = \'["A","C"]\' WHERE attempt_id = ? AND sequence = 2',
            (exam.attempt_id,),
        ),
    )
    problems = verify_journals(staffed)
    assert f"Journal entry 2 of attempt {exam.attempt_id} was modified: its hash does not match." in problems
    assert (
        f"The saved answer to item F-02 of attempt {exam.attempt_id} does not match its journal (entry 2)."
        in problems
    )


def test_a_removed_last_entry_is_noticed(exam: ExamSession, staffed: KioskContext) -> None:
    _three_answers(exam)
    _tamper(staffed, ("DELETE FROM journal WHERE attempt_id = ? AND sequence = 3", (exam.attempt_id,)))
    problems = verify_journals(staffed)
    assert any(
        f"The journal of attempt {exam.attempt_id} does not end at its recorded head" in p for p in problems
    )


def test_a_current_answer_changed_outside_the_journal_is_noticed(
    exam: ExamSession, staffed: KioskContext
) -> None:
    _three_answers(exam)
    _tamper(
        staffed,
        (
            "UPDATE responses SET response_json = '\"C\"' WHERE attempt_id = ? AND item_id = 'F-01'",
            (exam.attempt_id,),
        ),
        (
            "INSERT INTO responses VALUES "
            "(?, 'F-03', '\"true\"', 0, NULL, '2025-06-02T08:00:00.000000+00:00')",
            (exam.attempt_id,),
        ),
    )
    assert verify_journals(staffed) == [
        f"The saved answer to item F-01 of attempt {exam.attempt_id} does not match its journal (entry 3).",
        f"The saved answer to item F-03 of attempt {exam.attempt_id} is not in its journal at all.",
    ]


def test_a_removed_current_answer_is_noticed(exam: ExamSession, staffed: KioskContext) -> None:
    _three_answers(exam)
    _tamper(staffed, ("DELETE FROM responses WHERE attempt_id = ? AND item_id = 'F-02'", (exam.attempt_id,)))
    assert verify_journals(staffed) == [
        f"The saved answer to item F-02 of attempt {exam.attempt_id} is missing, but journal entry 2 "
        "records one."
    ]


def test_a_changed_submission_code_is_noticed(exam: ExamSession, staffed: KioskContext) -> None:
    _three_answers(exam)
    exam.submit()
    _tamper(staffed, ("UPDATE attempts SET submission_code = 'AAAAA-AAAAA' WHERE id = ?", (exam.attempt_id,)))
    assert verify_journals(staffed) == [
        f"The submission code of attempt {exam.attempt_id} does not match its journal: the journal head "
        "or the code was changed after submission."
    ]
    check = check_store(staffed)
    assert not check.ok and check.database_problems == () and len(check.journal_problems) == 1


def test_a_backup_of_the_live_store_is_complete(
    exam: ExamSession, staffed: KioskContext, tmp_path: Path
) -> None:
    _three_answers(exam)
    (tmp_path / "backups").mkdir()
    written = backup_store(staffed, tmp_path / "backups")
    with sqlite3.connect(written) as copy:
        assert copy.execute("SELECT count(*) FROM journal").fetchone() == (3,)
