"""With the kiosk in Chinese, every error a candidate or an invigilator can meet is shown in Chinese.

Each test makes one mistake through the real window (a wrong release code, PIN or access code, an unknown
candidate, a lock-out after too many guesses, a number that is not one, ...) and checks the status label,
prompt or banner that tells it: it holds Chinese and no English sentence (a run of three or more words).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QLineEdit

from kiosk.domain.attempt import AttemptState
from kiosk.domain.errors import SecurityError
from kiosk.domain.items import ItemType
from kiosk.formats.secrets import HashCost
from kiosk.station.services.context import open_context
from kiosk.ui.errors import error_message
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import Driver

# Three or more Latin words in a row, joined only by spaces or punctuation: an untranslated sentence.
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,;:'’()/-]+[A-Za-z]+){2,}")
WRONG_CODE = "AAAA-BBBB-CCCC"


def assert_chinese(text: str) -> None:
    assert text.strip(), "nothing was shown"
    assert re.search(r"[\u4e00-\u9fff]", text), text
    assert not ENGLISH_RUN.search(text), text


def in_chinese(driver: Driver) -> None:
    driver.click(driver.window.header.language_button)
    assert driver.window.languages.language == "zh"


def shown_after(driver: Driver, label: QLabel, press: object) -> str:
    """Click ``press`` and wait for ``label`` to show what went wrong."""
    label.clear()
    label.hide()
    driver.click(press)
    driver.qtbot.waitUntil(lambda: not label.isHidden() and bool(label.text()), timeout=10000)
    return label.text()


def try_unlock(driver: Driver, pin: str, code: str) -> str:
    unlock = driver.window.unlock
    driver.type_into(unlock.pin, pin)
    driver.type_into(unlock.release_code, code)
    return shown_after(driver, unlock.error, unlock.unlock_button)


def try_login(driver: Driver, number: str, code: str) -> str:
    login = driver.window.login
    driver.type_into(login.number, number)
    driver.type_into(login.code, code)
    return shown_after(driver, login.error, login.login_button)


def informed(driver: Driver) -> str:
    window = driver.window
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == "inform",
        timeout=10000,
    )
    panel = window.prompter.current
    return f"{panel.title_label.text()}\n{panel.message_label.text()}"


def test_wrong_release_codes_then_the_lock_are_told_in_chinese(driver: Driver, window, centre) -> None:
    in_chinese(driver)
    driver.click(window.idle.unlock_button)
    driver.wait_for("unlock")
    said = [try_unlock(driver, centre.pin, WRONG_CODE) for _ in range(6)]
    for text in said:
        assert_chinese(text)
    # Fewer tries left each time, then the lock itself: each a different sentence.
    assert len(set(said[:5])) == 5
    assert window.current_screen.value == "unlock"


def test_a_wrong_invigilator_pin_on_unlocking_is_told_in_chinese(driver: Driver, window) -> None:
    in_chinese(driver)
    driver.click(window.idle.unlock_button)
    driver.wait_for("unlock")
    assert_chinese(try_unlock(driver, "999999", driver.centre.release_code))
    # The screen's own checks too.
    assert_chinese(try_unlock(driver, "", driver.centre.release_code))
    assert_chinese(try_unlock(driver, driver.centre.pin, ""))


def test_wrong_access_codes_then_the_lock_are_told_in_chinese(driver: Driver, window) -> None:
    in_chinese(driver)
    driver.unlock()
    said = [try_login(driver, "C-001", "AAAA-BBBB") for _ in range(6)]
    for text in said:
        assert_chinese(text)
    assert len(set(said[:5])) == 5
    assert window.current_screen.value == "login"


def test_an_unknown_candidate_and_one_for_another_exam_are_told_in_chinese(driver: Driver, window) -> None:
    in_chinese(driver)
    driver.unlock()
    assert_chinese(try_login(driver, "C-999", "AAAA-BBBB"))
    assert_chinese(try_login(driver, "C-003", driver.centre.codes["C-003"]))
    assert_chinese(try_login(driver, "", "AAAA-BBBB"))


def test_a_candidate_who_already_submitted_is_told_in_chinese(driver: Driver, window) -> None:
    driver.start_exam()
    in_chinese(driver)
    driver.click(window.exam.review_button)
    driver.click(window.review.submit_button)
    driver.answer_prompt("accept")
    driver.wait_for("receipt")
    driver.click(window.receipt.finish_button)
    driver.wait_for("login")
    assert_chinese(try_login(driver, "C-001", driver.centre.codes["C-001"]))


def test_logging_in_with_no_sitting_open_is_told_in_chinese(driver: Driver, window) -> None:
    in_chinese(driver)
    with driver.qtbot.waitSignal(window.presenter.login_failed) as failed:
        window.presenter.login("C-001", driver.centre.codes["C-001"])
    assert_chinese(failed.args[0])


def test_a_wrong_pin_in_the_invigilator_menu_is_told_in_chinese(driver: Driver, window) -> None:
    driver.start_exam()
    in_chinese(driver)
    driver.click(window.header.invigilator_button)
    pin = window.prompter.current.findChild(QLineEdit, "prompt-pin")
    driver.qtbot.keyClicks(pin, "111111")
    driver.answer_prompt("accept")
    assert_chinese(informed(driver))
    driver.answer_prompt("accept")
    assert window.presenter.session.state is AttemptState.RUNNING


def test_ending_the_sitting_during_an_exam_is_refused_in_chinese(driver: Driver, window) -> None:
    driver.start_exam()
    in_chinese(driver)
    driver.invigilator_menu("end_sitting")
    driver.answer_prompt("accept")
    assert_chinese(informed(driver))


def test_a_number_that_is_not_one_is_told_in_chinese(driver: Driver, window) -> None:
    driver.start_exam()
    in_chinese(driver)
    answer = driver.go_to_type(ItemType.NUMERIC)
    # The field's own check as the candidate types...
    driver.qtbot.keyClicks(answer.edit, "abc")
    assert not answer.problem.isHidden()
    assert_chinese(answer.problem.text())
    # ...and the store's refusal, should text get past it.
    with driver.qtbot.waitSignal(driver.exam.answer_rejected) as rejected:
        driver.exam.answer(answer.item.id, "2..5")
    assert_chinese(rejected.args[1])
    assert_chinese(answer.problem.text())


def test_an_answer_after_the_time_is_up_is_told_in_chinese(driver: Driver, window, centre) -> None:
    driver.start_exam()
    in_chinese(driver)
    exam = driver.exam
    item = exam.item_at(0)
    centre.clock.advance(31 * 60)
    said: list[str] = []
    exam.answer_rejected.connect(lambda _item, text: said.append(text))
    exam.answer_save_failed.connect(lambda _item, text: said.append(text))
    exam.answer(item.id, "A")
    driver.wait_for("receipt")
    for text in said:
        assert_chinese(text)
    assert_chinese(window.receipt.title.text())
    assert window.presenter.session.state is AttemptState.EXPIRED


def test_a_wrong_pin_when_resuming_after_a_crash_is_told_in_chinese(
    driver: Driver, window, centre, qtbot
) -> None:
    driver.start_exam()
    window.presenter.exam.stop()
    window.hide()
    centre.clock.advance(120)
    ctx = open_context(centre.ctx.data_dir, clock=centre.clock, hash_cost=HashCost.TEST)
    restarted = MainWindow(ctx, lockdown=False, refresh_ms=20)
    qtbot.addWidget(restarted)
    try:
        restarted.start()
        again = Driver(qtbot, restarted, centre)
        in_chinese(again)
        again.unlock(expect="resume")
        resume = restarted.resume
        resume.list.setCurrentRow(0)
        again.type_into(resume.pin, "111111")
        assert_chinese(shown_after(again, resume.error, resume.resume_button))
        # A candidate whose exam was interrupted cannot simply log in again.
        again.click(resume.skip_button)
        again.wait_for("login")
        assert_chinese(try_login(again, "C-001", centre.codes["C-001"]))
    finally:
        restarted.presenter.shutdown()
        restarted.languages.reset()
        ctx.close()


def test_an_unexpected_failure_and_a_coded_error_are_worded_in_chinese(window, driver: Driver) -> None:
    in_chinese(driver)
    assert_chinese(error_message(RuntimeError("disk controller on fire")))
    assert_chinese(error_message(SecurityError("invigilator.pin_wrong", tries=3, minutes=10)))
    driver.click(window.header.language_button)
    assert error_message(SecurityError("invigilator.pin_wrong", tries=3, minutes=10)) == (
        "That invigilator PIN is not correct. 3 more wrong tries will lock entry for 10 minutes."
    )
