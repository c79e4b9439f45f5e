"""The whole kiosk driven through its real widgets: unlock, login, instructions, review, submit, receipt,
the invigilator's menu, and resuming after a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QRadioButton, QSpinBox

from kiosk.domain.attempt import AttemptState
from kiosk.domain.items import ItemType
from kiosk.formats.secrets import HashCost
from kiosk.station.services.context import open_context
from kiosk.station.storage.repositories import audit
from kiosk.ui.main_window import MainWindow


def _incidents(centre):
    with centre.ctx.store.session() as session:
        return audit.incidents(session, sitting_id=centre.sitting_id)


def test_idle_screen_names_the_kiosk_and_todays_sittings(window) -> None:
    assert window.current_screen.value == "idle"
    assert window.header.place.text() == "1+X Assessment Kiosk  ·  Test Centre  ·  Lab PC 1"
    assert window.idle.table.rowCount() == 1
    assert window.idle.table.item(0, 0).text() == "Morning theory"
    assert window.idle.table.item(0, 1).text() == "Energy Storage Maintenance, Grade II"
    assert window.idle.table.item(0, 2).text() == "scheduled"
    assert window.idle.interrupted_banner.isHidden()


def test_unlock_login_and_start(driver, window) -> None:
    driver.start_exam()
    assert window.presenter.session.state is AttemptState.RUNNING
    assert window.exam.position_label.text() == "Question 1 of 7"
    assert window.exam.countdown.text() == "Time left 30:00"


def test_unlock_shows_a_wrong_release_code_without_leaving_the_screen(driver, window) -> None:
    driver.unlock(code="AAAA-BBBB-CCCC", expect="")
    driver.qtbot.waitUntil(lambda: not window.unlock.error.isHidden())
    assert window.current_screen.value == "unlock"
    assert window.unlock.error.text().startswith("The release code is not correct")
    assert "4 more wrong tries will lock entry for 10 minutes." in window.unlock.error.text()
    assert window.unlock.unlock_button.isEnabled()


def test_unlock_refuses_a_wrong_pin(driver, window) -> None:
    driver.unlock(pin="999999", expect="")
    driver.qtbot.waitUntil(lambda: not window.unlock.error.isHidden())
    assert window.unlock.error.text().startswith("That invigilator PIN is not correct.")


def test_unlock_asks_for_missing_fields_before_trying(driver, window) -> None:
    driver.click(window.idle.unlock_button)
    driver.click(window.unlock.unlock_button)
    assert window.unlock.error.text() == "Type your invigilator PIN."
    driver.type_into(window.unlock.pin, "246810")
    driver.click(window.unlock.unlock_button)
    assert window.unlock.error.text() == "Type the release code announced for this exam."


def test_release_code_is_forgiving_about_case_and_spaces(driver) -> None:
    driver.unlock(code="k7qf m2xd 9pha")


def test_login_refuses_a_wrong_access_code(driver, window) -> None:
    driver.unlock()
    driver.login("C-001", code="AAAA-BBBB", expect="")
    driver.qtbot.waitUntil(lambda: not window.login.error.isHidden())
    assert window.login.error.text().startswith("That candidate number and access code do not match")
    assert window.current_screen.value == "login"


def test_login_refuses_a_candidate_entered_for_another_exam(driver, window) -> None:
    driver.unlock()
    driver.login("C-003", expect="")
    driver.qtbot.waitUntil(lambda: not window.login.error.isHidden())
    assert window.login.error.text().startswith(
        "Candidate C-003 is entered for the design certificate, grade I, but this sitting is for the "
        "maintenance certificate, grade II"
    )


def test_instructions_show_the_exam_the_time_with_extra_time_and_the_rules(driver, window) -> None:
    driver.unlock()
    driver.login("C-002")
    values = window.instructions.values
    assert window.instructions.title.text() == "Welcome, Li Wei (C-002)"
    assert values["exam"].text() == "Energy Storage Maintenance, Grade II"
    assert values["grade"].text() == "II"
    assert values["duration"].text() == "38 minutes (including your extra time)"
    assert values["items"].text() == "7"
    assert "handed in automatically" in window.instructions.rules.text()
    assert window.presenter.session.state is AttemptState.READY


def test_review_lists_unanswered_and_flagged_and_jumps_back(driver, window) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    driver.click(answer.findChild(QRadioButton, "choice-A"))
    driver.qtbot.waitUntil(lambda: answer.item.id in window.presenter.session.responses)
    driver.click(window.exam.flag_button)
    flagged_position = driver.exam.index
    driver.click(window.exam.review_button)
    driver.wait_for("review")
    review = window.review
    assert review.subtitle.text().startswith("You have answered 1 of 7 questions; 1 flagged for review.")
    texts = [review.list.item(row).text() for row in range(review.list.count())]
    assert len(texts) == 7
    assert f"Question {flagged_position + 1}: ⚑ flagged" in texts
    target = next(row for row in range(review.list.count()) if "not answered" in review.list.item(row).text())
    wanted = int(review.list.item(target).data(Qt.ItemDataRole.UserRole))
    review.list.setCurrentRow(target)
    driver.qtbot.keyClick(review.list, Qt.Key.Key_Return)
    driver.wait_for("exam")
    assert driver.exam.index == wanted
    driver.click(window.exam.review_button)
    driver.wait_for("review")
    driver.click(review.back_button)
    driver.wait_for("exam")


def test_submit_asks_for_confirmation_then_shows_the_receipt_with_the_score(driver, window, centre) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.TRUE_FALSE)
    driver.click(answer.findChild(QRadioButton, "choice-true"))
    driver.qtbot.waitUntil(lambda: answer.item.id in window.presenter.session.responses)
    driver.click(window.exam.review_button)
    driver.wait_for("review")
    driver.click(window.review.submit_button)
    panel = window.prompter.current
    assert panel.title_label.text() == "Submit your answers?"
    assert panel.message_label.text() == (
        "6 questions are not answered. After you submit you cannot change any answer."
    )
    # Going back keeps the exam open.
    driver.answer_prompt("reject")
    assert window.current_screen.value == "review"
    assert window.presenter.session.state is AttemptState.RUNNING
    driver.click(window.review.submit_button)
    driver.answer_prompt("accept")
    driver.wait_for("receipt")
    session = window.presenter.session
    assert session.state is AttemptState.SUBMITTED
    receipt = window.receipt
    assert receipt.title.text() == "Your answers have been handed in"
    assert receipt.code.text() == session.receipt.submission_code
    assert len(receipt.code.text()) == 11
    assert receipt.score.text() == f"Score: {session.receipt.result.percent:.0f}% — Not yet passed"
    driver.click(receipt.finish_button)
    driver.wait_for("login")
    assert window.login.number.text() == ""
    # The same candidate cannot sit the exam again.
    driver.login("C-001", expect="")
    driver.qtbot.waitUntil(lambda: not window.login.error.isHidden())
    assert (
        window.login.error.text()
        == "Candidate C-001 has already submitted this exam; it cannot be taken again."
    )


def test_receipt_hides_the_score_where_the_sitting_does_not_show_it(qtbot, tmp_path, clock) -> None:
    from tests.ui.conftest import Driver, build_centre, make_bank

    centre = build_centre(tmp_path / "data", clock, make_bank(), show_score=False)
    try:
        window = MainWindow(centre.ctx, lockdown=False, refresh_ms=20)
        qtbot.addWidget(window)
        window.start()
        driver = Driver(qtbot, window, centre)
        driver.start_exam()
        driver.click(window.exam.review_button)
        driver.click(window.review.submit_button)
        driver.answer_prompt("accept")
        driver.wait_for("receipt")
        assert window.receipt.score.text() == "Your result will be sent to your college."
        window.presenter.shutdown()
    finally:
        centre.ctx.close()


def test_invigilator_pauses_and_resumes_the_exam(driver, window, centre) -> None:
    driver.start_exam()
    driver.qtbot.waitUntil(lambda: window.exam.countdown.text() == "Time left 30:00")
    driver.invigilator_menu("pause")
    driver.qtbot.waitUntil(lambda: window.exam.pages.currentIndex() == 1)
    assert window.presenter.session.state is AttemptState.PAUSED
    assert window.exam.paused_title.text() == "Exam paused"
    assert window.exam.next_button.isHidden()
    centre.clock.advance(600)
    driver.qtbot.waitUntil(lambda: window.exam.countdown.text() == "Time left 30:00")
    driver.invigilator_menu("resume")
    driver.qtbot.waitUntil(lambda: window.exam.pages.currentIndex() == 0)
    assert window.presenter.session.state is AttemptState.RUNNING
    assert window.exam.info_banner.label.text() == "The exam has resumed. Your time is running again."
    centre.clock.advance(60)
    driver.qtbot.waitUntil(lambda: window.exam.countdown.text() == "Time left 29:00")


def test_invigilator_menu_refuses_a_wrong_pin(driver, window) -> None:
    driver.start_exam()
    driver.click(window.header.invigilator_button)
    pin = window.prompter.current.findChild(QLineEdit, "prompt-pin")
    driver.qtbot.keyClicks(pin, "111111")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == "inform"
    )
    assert window.prompter.current.message_label.text().startswith("That invigilator PIN is not correct.")
    driver.answer_prompt("accept")
    assert not window.prompter.is_open
    assert window.presenter.session.state is AttemptState.RUNNING


def test_invigilator_gives_extra_time(driver, window, centre) -> None:
    driver.start_exam()
    driver.invigilator_menu("extra_time")
    panel = window.prompter.current
    assert panel.kind == "extra_time"
    minutes = panel.findChild(QSpinBox, "prompt-minutes")
    minutes.setValue(10)
    driver.answer_prompt("accept")
    assert panel.error_label.text() == "Write the reason for the extra time."
    driver.qtbot.keyClicks(panel.findChild(QLineEdit, "prompt-reason"), "Fire alarm")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(lambda: window.exam.countdown.text() == "Time left 40:00")
    assert window.exam.info_banner.label.text() == "The invigilator gave you 10 more minutes."
    assert round(window.presenter.session.remaining_seconds()) == 2400


def test_invigilator_records_an_incident(driver, window, centre) -> None:
    driver.start_exam()
    driver.invigilator_menu("incident")
    panel = window.prompter.current
    category = panel.findChild(QComboBox, "prompt-category")
    category.setCurrentIndex(category.findData("illness"))
    driver.qtbot.keyClicks(panel.findChild(QPlainTextEdit, "prompt-description"), "Candidate felt faint.")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == "inform"
    )
    assert window.prompter.current.message_label.text() == "The incident was recorded."
    recorded = _incidents(centre)
    # The menu stopped the candidate's clock while it was open: that is an incident of its own.
    assert [(i.category, i.description, i.recorded_by) for i in recorded][1:] == [
        ("illness", "Candidate felt faint.", "Grace Mwale")
    ]
    assert recorded[0].category == "invigilator_menu"


def test_ending_the_sitting_is_refused_while_an_exam_runs_and_works_after(driver, window) -> None:
    driver.start_exam()
    driver.invigilator_menu("end_sitting")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == "inform"
    )
    assert window.prompter.current.title_label.text() == "The sitting cannot end yet"
    driver.answer_prompt("accept")
    driver.click(window.exam.review_button)
    driver.click(window.review.submit_button)
    driver.answer_prompt("accept")
    driver.wait_for("receipt")
    driver.click(window.receipt.finish_button)
    driver.wait_for("login")
    driver.invigilator_menu("end_sitting")
    driver.answer_prompt("accept")
    driver.wait_for("idle")
    assert window.presenter.open_sitting is None
    assert window.idle.table.rowCount() == 0
    assert window.idle.progress.text() == "No sitting is scheduled on this kiosk today."


def test_leaving_the_kiosk_pauses_a_running_exam(driver, window) -> None:
    driver.start_exam()
    session = window.presenter.session
    driver.invigilator_menu("leave")
    assert window.prompter.current.title_label.text() == "Leave the kiosk?"
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(lambda: not window.isVisible())
    assert session.state is AttemptState.PAUSED


def test_resume_after_a_crash_restores_answers_and_the_time_left(driver, window, centre, qtbot) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    position = driver.exam.index
    centre.clock.advance(120)
    driver.click(answer.findChild(QRadioButton, "choice-B"))
    driver.qtbot.waitUntil(lambda: answer.item.id in window.presenter.session.responses)
    centre.clock.advance(3)  # less than a checkpoint interval: lost with the crash, never charged
    # The power goes: nothing is paused or closed properly.
    window.presenter.exam.stop()
    window.hide()
    centre.clock.advance(900)

    ctx = open_context(centre.ctx.data_dir, clock=centre.clock, hash_cost=HashCost.TEST)
    try:
        restarted = MainWindow(ctx, lockdown=False, refresh_ms=20)
        qtbot.addWidget(restarted)
        restarted.start()
        banner = restarted.idle.interrupted_banner
        assert not banner.isHidden()
        assert "Candidate C-001 Mwila Banda: 28:00 left" in banner.label.text()
        from tests.ui.conftest import Driver

        again = Driver(qtbot, restarted, centre)
        again.unlock(expect="resume")
        resume = restarted.resume
        assert resume.list.item(0).text() == "Candidate C-001 Mwila Banda — 28:00 left"
        again.click(resume.resume_button)
        assert resume.error.text() == "Type your invigilator PIN."
        again.type_into(resume.pin, "246810")
        again.click(resume.resume_button)
        again.wait_for("exam")
        assert restarted.exam.countdown.text() == "Time left 28:00"
        session = restarted.presenter.session
        assert session.responses[answer.item.id] == "B"
        assert restarted.exam.navigator.state(position).answered
        outage = [i for i in _incidents(centre) if i.category == "power_outage"]
        assert len(outage) == 1 and round(outage[0].duration_seconds) == 903
        restarted.presenter.shutdown()
    finally:
        ctx.close()


def test_chinese_and_back(driver, window) -> None:
    driver.unlock()
    driver.login("C-002")
    driver.click(window.header.language_button)
    assert window.instructions.title.text() == "欢迎，李伟 (C-002)"
    assert window.instructions.values["exam"].text() == "储能维护 II 级"
    assert window.header.language_button.text() == "English"
    driver.click(window.instructions.start_button)
    driver.wait_for("exam")
    answer = driver.go_to_type(ItemType.SINGLE)
    assert (
        window.exam.view.findChild(type(window.exam.position_label), "stem")
        .text()
        .startswith("LFP 是哪种化学体系")
    )
    assert answer.rows[0].label.text().endswith(answer.item.option(answer.ids[0]).text.zh)
    driver.click(window.header.language_button)
    assert window.exam.position_label.text().startswith("Question")
    assert (
        window.exam.view.findChild(type(window.exam.position_label), "stem")
        .text()
        .startswith("Which chemistry")
    )
