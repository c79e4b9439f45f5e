"""Time the candidate does not lose at the kiosk: the invigilator's menu stops the clock, a rest break the
invigilator confirms stops it, and a PIN lockout is cleared there and then."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from kiosk.domain.attempt import AttemptState
from kiosk.station.services.invigilators import issue_recovery_code, pins_locked
from kiosk.station.storage.repositories import audit
from tests.ui.conftest import PIN, Driver

K = Qt.Key


def _incidents(driver: Driver, category: str) -> list[audit.IncidentRecord]:
    with driver.centre.ctx.store.session() as session:
        found = audit.incidents(session, sitting_id=driver.centre.sitting_id)
    return [incident for incident in found if incident.category == category]


def _open_menu(driver: Driver, pin: str = PIN) -> None:
    window = driver.window
    driver.click(window.header.invigilator_button)
    driver.qtbot.waitUntil(lambda: window.prompter.current is not None)
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), pin)
    driver.answer_prompt("accept")


def _prompt(driver: Driver, kind: str) -> None:
    window = driver.window
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == kind, timeout=10000
    )


def test_the_candidates_clock_stops_while_the_invigilator_menu_is_open(driver, window, centre) -> None:
    driver.start_exam()
    countdown = window.exam.countdown
    driver.qtbot.waitUntil(lambda: countdown.text() == "Time left 30:00")
    _open_menu(driver)
    _prompt(driver, "menu")
    session = window.presenter.session
    assert session.clock_held
    centre.clock.advance(125)
    driver.qtbot.wait(60)
    assert countdown.text() == "Time left 30:00"
    driver.answer_prompt("reject")
    driver.qtbot.waitUntil(lambda: not session.clock_held)
    (incident,) = _incidents(driver, "invigilator_menu")
    assert incident.duration_seconds == 125.0 and incident.recorded_by == "Grace Mwale"
    assert window.exam.info_banner.label.text() == (
        "Your time was stopped for 02:05 while the invigilator used this PC; you lost none."
    )
    centre.clock.advance(60)
    driver.qtbot.waitUntil(lambda: countdown.text() == "Time left 29:00")


def test_the_clock_stays_stopped_until_the_last_prompt_of_the_menu_closes(driver, window, centre) -> None:
    driver.start_exam()
    session = window.presenter.session
    _open_menu(driver)
    _prompt(driver, "menu")
    driver.answer_prompt("extra_time")
    _prompt(driver, "extra_time")
    assert session.clock_held
    centre.clock.advance(40)
    panel = window.prompter.current
    panel.findChild(QSpinBox, "prompt-minutes").setValue(5)
    driver.qtbot.keyClicks(panel.findChild(QLineEdit, "prompt-reason"), "Fire alarm")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(lambda: not session.clock_held)
    assert round(session.remaining_seconds()) == 35 * 60
    (incident,) = _incidents(driver, "invigilator_menu")
    assert incident.duration_seconds == 40.0


def test_a_candidate_asks_for_a_rest_break_and_the_invigilator_confirms_it(driver, window, centre) -> None:
    driver.start_exam()
    screen = window.exam
    driver.click(screen.navigator.buttons[3])
    driver.click(screen.rest_button)
    _prompt(driver, "pin")
    assert window.prompter.current.title_label.text() == "Rest break"
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), PIN)
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1)
    session = window.presenter.session
    assert session.on_break and session.state is AttemptState.PAUSED
    assert screen.paused_title.text() == "Rest break"
    assert screen.rest_button.isHidden() and screen.next_button.isHidden()
    driver.qtbot.waitUntil(lambda: driver.focus is screen.break_back_button)
    centre.clock.advance(300)
    driver.qtbot.wait(60)
    assert screen.countdown.text() == "Time left 30:00"
    # Back at the desk: Enter on the focused button, no PIN.
    driver.press(K.Key_Return)
    driver.qtbot.waitUntil(lambda: screen.pages.currentIndex() == 0)
    assert session.state is AttemptState.RUNNING and not session.on_break
    assert driver.exam.index == 3 and screen.view.isAncestorOf(driver.focus)
    (incident,) = _incidents(driver, "rest_break")
    assert incident.duration_seconds == 300.0 and incident.recorded_by == "Grace Mwale"
    assert round(session.remaining_seconds()) == 30 * 60


def test_a_rest_break_is_refused_without_the_right_pin(driver, window) -> None:
    driver.start_exam()
    driver.click(window.exam.rest_button)
    _prompt(driver, "pin")
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), "111111")
    driver.answer_prompt("accept")
    _prompt(driver, "inform")
    assert window.prompter.current.message_label.text().startswith("That invigilator PIN is not correct.")
    driver.answer_prompt("accept")
    assert window.presenter.session.state is AttemptState.RUNNING
    assert window.exam.pages.currentIndex() == 0


def test_a_pin_lockout_is_cleared_with_the_recovery_code_there_and_then(driver, window, centre) -> None:
    code = issue_recovery_code(centre.ctx)
    driver.start_exam()
    for _ in range(5):
        _open_menu(driver, "111111")
        driver.qtbot.waitUntil(
            lambda: window.prompter.current is not None and window.prompter.current.kind != "pin",
            timeout=10000,
        )
        driver.answer_prompt("accept" if window.prompter.current.kind == "inform" else "reject")
    assert pins_locked(centre.ctx)
    # The next try says PINs are locked, and offers to clear the lock.
    _open_menu(driver)
    _prompt(driver, "confirm")
    panel = window.prompter.current
    assert panel.title_label.text() == "Invigilator PINs are locked"
    assert panel.message_label.text().startswith("Too many wrong PINs: wait 10 minutes")
    assert panel.buttons["accept"].text() == "Clear the lock…"
    driver.answer_prompt("accept")
    _prompt(driver, "pin")
    captions = [label.text() for label in window.prompter.current.findChildren(QLabel)]
    assert "Invigilator PIN or recovery code" in captions
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), code.lower())
    driver.answer_prompt("accept")
    _prompt(driver, "inform")
    assert window.prompter.current.title_label.text() == "The lock is cleared"
    driver.answer_prompt("accept")
    # Straight back to the menu's PIN, which works again.
    _prompt(driver, "pin")
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), PIN)
    driver.answer_prompt("accept")
    _prompt(driver, "menu")
    assert not pins_locked(centre.ctx)
    locked, cleared = _incidents(driver, "pin_lockout")
    attempt = window.presenter.session.attempt_id
    assert (locked.recorded_by, locked.attempt_id) == ("kiosk", attempt)
    assert (cleared.recorded_by, cleared.attempt_id) == ("recovery code", attempt)


def test_a_wrong_secret_to_clear_the_lock_is_said_and_offered_again(driver, window, centre) -> None:
    driver.start_exam()
    for _ in range(5):
        _open_menu(driver, "111111")
        driver.qtbot.waitUntil(
            lambda: window.prompter.current is not None and window.prompter.current.kind != "pin",
            timeout=10000,
        )
        driver.answer_prompt("accept" if window.prompter.current.kind == "inform" else "reject")
    _open_menu(driver)
    _prompt(driver, "confirm")
    driver.answer_prompt("accept")
    _prompt(driver, "pin")
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), "135799")
    driver.answer_prompt("accept")
    _prompt(driver, "confirm")
    assert window.prompter.current.message_label.text().startswith(
        "That is not the PIN of an active invigilator. 4 more wrong tries"
    )
    driver.answer_prompt("reject")
    assert not window.prompter.is_open
    assert pins_locked(centre.ctx)
