"""A candidate who never touches the mouse: every key is sent to the window, as a real keyboard sends it,
and reaches whatever has the focus at that moment (``Driver.press`` and ``Driver.type_keys``).

Each question that opens must take the keyboard at once, whatever closed the one before; Tab goes through
the question before the header; Enter presses a focused button; an error gives the keyboard back to the
field at fault; the mouse wheel never changes an answer the candidate did not choose to change.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from kiosk.domain.attempt import AttemptState
from kiosk.domain.items import ItemType
from kiosk.formats.secrets import HashCost
from kiosk.station.services.context import open_context
from kiosk.ui.main_window import STRAY_WINDOW_MS, MainWindow
from kiosk.ui.widgets.item_entries import IDLE_SAVE_MS
from tests.ui.conftest import PIN, RELEASE_CODE, Driver

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
# A right answer of each type (raw, as the answer widgets report them).
ANSWERS = {
    ItemType.SINGLE: "A",
    ItemType.MULTIPLE: ["A", "B"],
    ItemType.TRUE_FALSE: "true",
    ItemType.NUMERIC: "2",
    ItemType.ORDERING: ["A", "B", "C"],
    ItemType.MATCHING: {"1": "B", "2": "A"},
    ItemType.SHORT_TEXT: "electrolyte",
}


def _saved(driver: Driver, item_id: str) -> object:
    return driver.window.presenter.session.responses.get(item_id)


def _in_question(driver: Driver) -> bool:
    view = driver.window.exam.view
    return view is not None and view.isAncestorOf(driver.focus)


def _prompt_settled(driver: Driver) -> None:
    """Wait until a prompt is up and the window has the keyboard again.

    Building a prompt shows one of its labels as a window of its own for a moment (before the label is
    laid out in the panel); the offscreen test platform, like a window manager, moves the keyboard to it.
    The kiosk window takes the keyboard back after ``STRAY_WINDOW_MS``; a person never types that fast.
    """
    driver.qtbot.waitUntil(lambda: driver.window.prompter.current is not None)
    _settled(driver)


def _settled(driver: Driver) -> None:
    driver.qtbot.wait(STRAY_WINDOW_MS * 3)
    driver.qtbot.waitUntil(lambda: driver.window.isActiveWindow() and driver.focus is not None)


def _unlock_and_log_in_by_keys(driver: Driver, number: str = "C-001") -> None:
    window = driver.window
    # The idle screen's only control, "open a sitting", has the keyboard: Enter presses it.
    driver.press(K.Key_Return)
    driver.wait_for("unlock")
    assert driver.focus is window.unlock.pin
    driver.type_keys(PIN)
    driver.press(K.Key_Return)
    driver.type_keys(RELEASE_CODE)
    driver.press(K.Key_Return)
    driver.wait_for("login")
    driver.qtbot.waitUntil(lambda: driver.focus is window.login.number)
    driver.type_keys(number)
    driver.press(K.Key_Return)
    driver.type_keys(driver.centre.codes[number])
    driver.press(K.Key_Return)
    driver.wait_for("instructions")
    assert driver.focus is window.instructions.start_button


def _start_by_keys(driver: Driver) -> None:
    _unlock_and_log_in_by_keys(driver)
    driver.press(K.Key_Return)
    driver.wait_for("exam")


def _go_to(driver: Driver, position: int) -> None:
    """Page Down / Page Up to the question at ``position``."""
    exam = driver.exam
    while exam.index != position:
        before = exam.index
        driver.press(K.Key_PageDown if exam.index < position else K.Key_PageUp)
        assert exam.index != before, "the page keys did not move"


def _position_of(driver: Driver, item_type: ItemType) -> int:
    exam = driver.exam
    return next(i for i in range(exam.count) if exam.item_at(i).type is item_type)


def _answer_by_keys(driver: Driver) -> object:
    """Answer the question on screen with keys only; return the response the store must then hold."""
    answer = driver.window.exam.view.answer
    item = answer.item
    if item.type is ItemType.SINGLE:
        driver.type_keys("b")
        return answer.ids[1]
    if item.type is ItemType.MULTIPLE:
        driver.type_keys("ac")
        return sorted([answer.ids[0], answer.ids[2]])
    if item.type is ItemType.TRUE_FALSE:
        driver.type_keys("2")
        return "false"
    if item.type is ItemType.NUMERIC:
        driver.type_keys("2,5")
        driver.press(K.Key_Return)
        return "2.5"
    if item.type is ItemType.SHORT_TEXT:
        # No Enter: moving on saves what is typed.
        driver.type_keys("electrolyte")
        return "electrolyte"
    if item.type is ItemType.ORDERING:
        shown = answer.response()
        driver.type_keys("3")
        driver.press(K.Key_Up, ALT)
        return [shown[0], shown[2], shown[1]]
    assert item.type is ItemType.MATCHING
    # The first drop-down has the keyboard: a letter picks that answer; a digit goes to that line.
    driver.type_keys("b")
    driver.type_keys("2")
    driver.type_keys("a")
    first, second = answer.premises
    return {first.id: answer.options[1].id, second.id: answer.options[0].id}


def _next_by_keys(driver: Driver) -> None:
    focus = driver.focus
    # In a text field N is a letter of the answer; Page Down moves on from anywhere.
    driver.press(K.Key_PageDown if isinstance(focus, QLineEdit) else K.Key_N)


def test_a_whole_sitting_with_the_keyboard_only(driver, window) -> None:
    _start_by_keys(driver)
    exam = driver.exam
    session = window.presenter.session
    assert exam.index == 0 and _in_question(driver)
    expected = {}
    for position in range(exam.count):
        assert exam.index == position
        assert _in_question(driver), f"question {position + 1} opened without the keyboard"
        item_id = exam.item.id
        expected[item_id] = _answer_by_keys(driver)
        if position < exam.count - 1:
            _next_by_keys(driver)
            driver.qtbot.waitUntil(lambda position=position: exam.index == position + 1)
        else:
            driver.press(K.Key_R, ALT)
            driver.wait_for("review")
        assert session.responses.get(item_id) == expected[item_id], exam.item_at(position).type
    assert session.responses == expected
    review = window.review
    assert review.subtitle.text().startswith("You have answered 7 of 7 questions; 0 flagged for review.")
    # Submit: Alt+S, then the confirmation (its safe answer has the keyboard): Tab to "Yes", Enter.
    driver.press(K.Key_S, ALT)
    _prompt_settled(driver)
    assert driver.focus is window.prompter.current.buttons["reject"]
    driver.press(K.Key_Tab)
    assert driver.focus is window.prompter.current.buttons["accept"]
    driver.press(K.Key_Return)
    driver.wait_for("receipt")
    assert session.state is AttemptState.SUBMITTED
    assert "You answered 7 of 7 questions." in window.receipt.details.text()
    assert driver.focus is window.receipt.finish_button


def test_every_question_opened_by_mouse_or_keys_takes_the_keyboard(driver, window) -> None:
    driver.start_exam()
    exam = driver.exam
    for position in (3, 1, 6, 0, 5, 2, 4):
        driver.click(window.exam.navigator.buttons[position])
        assert exam.index == position
        assert _in_question(driver)
        driver.click(window.exam.next_button if position < exam.count - 1 else window.exam.previous_button)
        assert _in_question(driver)
    # A text answer's field has the keyboard when its question opens.
    _go_to(driver, _position_of(driver, ItemType.SHORT_TEXT))
    assert driver.focus is window.exam.view.answer.edit
    _go_to(driver, _position_of(driver, ItemType.NUMERIC))
    assert driver.focus is window.exam.view.answer.edit
    # A choice question starts on the option already chosen.
    position = _position_of(driver, ItemType.SINGLE)
    _go_to(driver, position)
    driver.type_keys("c")
    driver.press(K.Key_N if position < exam.count - 1 else K.Key_P)
    _go_to(driver, position)
    assert driver.focus is window.exam.view.answer.buttons[2]


def test_starting_with_alt_s_puts_the_keyboard_in_question_one_not_the_hidden_review(driver, window) -> None:
    _unlock_and_log_in_by_keys(driver)
    driver.press(K.Key_S, ALT)
    driver.wait_for("exam")
    exam = driver.exam
    assert _in_question(driver)
    assert not window.review.isAncestorOf(driver.focus)
    start = exam.index
    for _ in range(4):
        driver.press(K.Key_Down)
    driver.press(K.Key_Return)
    assert window.current_screen.value == "exam" and exam.index == start
    # A number typed and Enter (as the hint says) saves it and stays on the question.
    position = _position_of(driver, ItemType.NUMERIC)
    _go_to(driver, position)
    driver.type_keys("2.5")
    driver.press(K.Key_Return)
    assert window.current_screen.value == "exam" and exam.index == position
    assert _saved(driver, exam.item.id) == "2.5"
    assert window.exam.saved_mark.text() == "✓ Answer saved"


def test_tab_goes_through_the_question_then_its_buttons_and_enter_presses_them(driver, window) -> None:
    driver.start_exam()
    exam = driver.exam
    screen = window.exam
    _go_to(driver, 0)
    seen = []
    while driver.focus is not screen.next_button:
        driver.press(K.Key_Tab)
        seen.append(driver.focus)
        assert len(seen) < 20, "Tab never reached Next"
    assert window.header.language_button not in seen
    in_question = [screen.view.isAncestorOf(widget) for widget in seen]
    # The question's own controls come first, then the buttons under it.
    assert in_question == sorted(in_question, reverse=True)
    assert seen[-3:] == [screen.flag_button, screen.review_button, screen.next_button]
    driver.press(K.Key_Return)
    assert exam.index == 1 and _in_question(driver)
    # Enter on the flag button flags; the header comes after the navigator, never before the question.
    while driver.focus is not screen.flag_button:
        driver.press(K.Key_Tab)
    driver.press(K.Key_Return)
    assert exam.item.id in window.presenter.session.flags
    for _ in range(3 + exam.count):
        driver.press(K.Key_Tab)
    assert window.header.isAncestorOf(driver.focus)
    while window.header.isAncestorOf(driver.focus):
        driver.press(K.Key_Tab)
    assert _in_question(driver)


def test_a_failed_login_gives_the_keyboard_back_to_the_access_code(driver, window) -> None:
    driver.unlock()
    driver.qtbot.waitUntil(lambda: driver.focus is window.login.number)
    driver.type_keys("C-001")
    driver.press(K.Key_Return)
    driver.type_keys("AAAA-BBBB")
    driver.press(K.Key_Return)
    driver.qtbot.waitUntil(lambda: not window.login.error.isHidden())
    assert driver.focus is window.login.code
    assert window.login.code.selectedText() == "AAAA-BBBB"
    # Typing the right code replaces the wrong one; a Space never reaches the language button.
    driver.type_keys(driver.centre.codes["C-001"])
    driver.press(K.Key_Return)
    driver.wait_for("instructions")
    assert window.languages.language == "en"


def test_a_wrong_pin_gives_the_keyboard_back_to_the_pin(driver, window) -> None:
    driver.press(K.Key_Return)
    driver.wait_for("unlock")
    driver.type_keys("999999")
    driver.press(K.Key_Return)
    driver.type_keys(RELEASE_CODE)
    driver.press(K.Key_Return)
    driver.qtbot.waitUntil(lambda: not window.unlock.error.isHidden())
    assert driver.focus is window.unlock.pin


def test_closing_a_prompt_gives_the_keyboard_back_to_the_question(driver, window) -> None:
    driver.start_exam()
    assert _in_question(driver)
    driver.press(K.Key_I, Qt.KeyboardModifier.ControlModifier | ALT)
    _prompt_settled(driver)
    driver.press(K.Key_Escape)
    driver.qtbot.waitUntil(lambda: window.prompter.current is None)
    driver.qtbot.waitUntil(lambda: _in_question(driver))
    # From review, "No, go back" at the submit question returns to the review list.
    driver.press(K.Key_R, ALT)
    driver.wait_for("review")
    assert driver.focus is window.review.list
    driver.press(K.Key_S, ALT)
    _prompt_settled(driver)
    driver.press(K.Key_Return)
    driver.qtbot.waitUntil(lambda: driver.focus is window.review.list)


def test_the_wheel_over_an_unfocused_drop_down_changes_nothing(driver, window) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.MATCHING)
    item_id = answer.item.id
    driver.type_keys("1b")
    first = answer.combos[0]
    chosen = first.currentData()
    assert _saved(driver, item_id) == {answer.premises[0].id: chosen}
    # The candidate moves on to the second line with Tab; the pointer rests on the first and the wheel turns.
    driver.press(K.Key_Tab)
    assert driver.focus is answer.combos[1]
    for delta in (-120, -120):
        wheel = QWheelEvent(
            QPointF(10, 10),
            QPointF(first.mapToGlobal(QPoint(10, 10))),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(first, wheel)
    assert first.currentData() == chosen
    assert driver.focus is answer.combos[1]
    assert _saved(driver, item_id) == {answer.premises[0].id: chosen}
    assert first.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_number_that_is_not_one_stays_on_screen_and_counts_as_not_answered(driver, window) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.NUMERIC)
    exam = driver.exam
    position = exam.index
    item_id = answer.item.id
    driver.click(answer.edit)
    driver.type_keys("2.5")
    driver.press(K.Key_Return)
    assert _saved(driver, item_id) == "2.5"
    assert window.exam.navigator.state(position).answered
    # The candidate changes it to something that is not a number and tries to move on.
    driver.type_keys("x")
    driver.press(K.Key_PageDown if position < exam.count - 1 else K.Key_PageUp)
    assert exam.index == position, "the text that cannot be saved was dropped"
    assert driver.focus is answer.edit
    assert answer.edit.text() == "2.5x"
    assert answer.problem.text() == "This is not a number; type digits such as 2.5 or 2,5."
    # What the screen shows is what counts: the earlier 2.5 no longer stands.
    assert not _saved(driver, item_id)
    assert not window.exam.navigator.state(position).answered
    assert "not answered" in window.exam.navigator.buttons[position].toolTip()
    assert window.exam.saved_mark.isHidden()
    # Asked again, the candidate may move on; coming back, the text and its problem are still there.
    driver.press(K.Key_PageDown if position < exam.count - 1 else K.Key_PageUp)
    assert exam.index != position
    _go_to(driver, position)
    answer = window.exam.view.answer
    assert answer.edit.text() == "2.5x" and not answer.problem.isHidden()
    driver.press(K.Key_R, ALT)
    driver.wait_for("review")
    lines = [window.review.list.item(row).text() for row in range(window.review.list.count())]
    assert f"Question {position + 1}: not answered" in lines


def test_a_partly_matched_item_shows_as_partly_answered(driver, window) -> None:
    driver.start_exam()
    driver.go_to_type(ItemType.MATCHING)
    position = driver.exam.index
    driver.type_keys("1b")
    navigator = window.exam.navigator
    assert not navigator.state(position).answered and navigator.state(position).partly
    assert navigator.buttons[position].text() == f"◐{position + 1}"
    assert navigator.buttons[position].property("state") == "partly"
    assert "partly answered" in navigator.buttons[position].toolTip()
    assert window.exam.saved_mark.text() == "✓ Answer saved"
    driver.press(K.Key_R, ALT)
    driver.wait_for("review")
    review = window.review
    lines = [review.list.item(row).text() for row in range(review.list.count())]
    assert f"Question {position + 1}: partly answered" in lines
    assert "1 question only partly answered." in review.subtitle.text()
    assert review.subtitle.text().startswith("You have answered 0 of 7 questions")
    # Back to it from the list with the keyboard; both lines chosen: answered.
    assert driver.focus is review.list
    for _ in range(lines.index(f"Question {position + 1}: partly answered")):
        driver.press(K.Key_Down)
    driver.press(K.Key_Return)
    driver.wait_for("exam")
    driver.type_keys("2")
    driver.type_keys("a")
    assert navigator.state(position).answered and navigator.buttons[position].text() == str(position + 1)


def test_short_text_is_saved_after_a_pause_in_typing(driver, window) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SHORT_TEXT)
    item_id = answer.item.id
    driver.click(answer.edit)
    driver.type_keys("electro")
    assert _saved(driver, item_id) is None and window.exam.saved_mark.isHidden()
    driver.qtbot.waitUntil(lambda: _saved(driver, item_id) == "electro", timeout=IDLE_SAVE_MS * 3)
    assert window.exam.saved_mark.text() == "✓ Answer saved" and not window.exam.saved_mark.isHidden()
    # Typing again: the mark goes until the new text is saved too.
    driver.type_keys("lyte")
    assert window.exam.saved_mark.isHidden()
    driver.qtbot.waitUntil(lambda: _saved(driver, item_id) == "electrolyte", timeout=IDLE_SAVE_MS * 3)
    assert not window.exam.saved_mark.isHidden()


def test_the_review_screen_shows_the_time_left(driver, window, centre) -> None:
    driver.start_exam()
    driver.press(K.Key_R, ALT)
    driver.wait_for("review")
    countdown = window.review.countdown
    assert countdown.isVisible()
    driver.qtbot.waitUntil(lambda: countdown.text() == "Time left 30:00")
    centre.clock.advance(95)
    driver.qtbot.waitUntil(lambda: countdown.text() == "Time left 28:25")


def test_the_time_warning_follows_extra_time_a_pause_and_the_language(driver, window, centre) -> None:
    driver.start_exam()
    banner = window.exam.time_banner
    centre.clock.advance(26 * 60)
    driver.qtbot.waitUntil(lambda: banner.label.text().startswith("Only 5 minutes left."))
    driver.invigilator_menu("extra_time")
    panel = window.prompter.current
    panel.findChild(QSpinBox, "prompt-minutes").setValue(10)
    driver.qtbot.keyClicks(panel.findChild(QLineEdit, "prompt-reason"), "Fire alarm")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(lambda: window.exam.countdown.text() == "Time left 14:00")
    assert banner.isHidden()
    centre.clock.advance(10 * 60)
    driver.qtbot.waitUntil(lambda: banner.label.text().startswith("Only 5 minutes left."))
    driver.click(window.header.language_button)
    assert re.search(r"[\u4e00-\u9fff]", banner.label.text()) and "Only" not in banner.label.text()
    driver.click(window.header.language_button)
    assert banner.label.text().startswith("Only 5 minutes left.")
    driver.invigilator_menu("pause")
    driver.qtbot.waitUntil(lambda: window.exam.pages.currentIndex() == 1)
    assert banner.isHidden()
    driver.invigilator_menu("resume")
    driver.qtbot.waitUntil(lambda: window.exam.pages.currentIndex() == 0)
    assert banner.label.text().startswith("Only 5 minutes left.") and not banner.isHidden()
    _settled(driver)
    assert _in_question(driver)


def test_a_resumed_candidate_starts_where_they_were(driver, window, centre, qtbot) -> None:
    driver.start_exam()
    exam = driver.exam
    # Questions 1 to 3 answered (as the screen saves them), then on to question 4.
    for position in range(3):
        item = exam.item_at(position)
        exam.answer(item.id, ANSWERS[item.type])
        assert _saved(driver, item.id)
        driver.click(window.exam.next_button)
    assert exam.index == 3
    window.presenter.exam.stop()
    window.hide()
    centre.clock.advance(300)
    ctx = open_context(centre.ctx.data_dir, clock=centre.clock, hash_cost=HashCost.TEST)
    try:
        restarted = MainWindow(ctx, lockdown=False, refresh_ms=20)
        qtbot.addWidget(restarted)
        restarted.start()
        again = Driver(qtbot, restarted, centre)
        again.unlock(expect="resume")
        again.type_into(restarted.resume.pin, PIN)
        again.click(restarted.resume.resume_button)
        again.wait_for("exam")
        assert again.exam.index == 3
        assert restarted.exam.position_label.text() == "Question 4 of 7"
        assert restarted.exam.view.isAncestorOf(QApplication.focusWidget())
        restarted.presenter.shutdown()
    finally:
        ctx.close()


def test_keys_typed_into_an_invigilator_prompt_stay_there(driver, window) -> None:
    driver.start_exam()
    driver.invigilator_menu("incident")
    panel = window.prompter.current
    category = panel.findChild(QComboBox, "prompt-category")
    _prompt_settled(driver)
    assert driver.focus is category
    driver.press(K.Key_Tab)
    assert isinstance(driver.focus, QPlainTextEdit)
    index = driver.exam.index
    driver.type_keys("n")
    assert driver.exam.index == index and driver.focus.toPlainText() == "n"


def test_no_part_of_the_kiosk_watches_every_event_of_the_application(qtbot, centre, monkeypatch) -> None:
    """Keys are looked at on the control with the keyboard and on the kiosk window, never by a filter on
    the whole application (which Python would run for every paint, move and timer of every widget)."""
    installed: list[str] = []
    original = QApplication.installEventFilter

    def install(app: QApplication, watcher: object) -> None:
        if type(watcher).__module__.startswith("kiosk"):
            installed.append(type(watcher).__name__)
        original(app, watcher)

    monkeypatch.setattr(QApplication, "installEventFilter", install)
    window = MainWindow(centre.ctx, lockdown=True, refresh_ms=20)
    qtbot.addWidget(window)
    window.start()
    try:
        driver = Driver(qtbot, window, centre)
        driver.start_exam()
        answer = driver.go_to_type(ItemType.SINGLE)
        position = driver.exam.index
        driver.press(K.Key_C)
        driver.qtbot.waitUntil(lambda: _saved(driver, answer.item.id) == answer.ids[2])
        with qtbot.waitSignal(window.lockdown.escape_blocked):
            driver.press(K.Key_Escape)
        driver.press(K.Key_PageDown if position < driver.exam.count - 1 else K.Key_PageUp)
        driver.qtbot.waitUntil(lambda: driver.exam.index != position)
        window.exam.review_button.setFocus()
        driver.press(K.Key_Return)
        driver.wait_for("review")
        assert installed == []
    finally:
        window.presenter.shutdown()
        window.lockdown.release()
        window.languages.reset()


def test_keys_reach_the_question_when_qt_does_not_count_the_window_as_active(qtbot, driver, window) -> None:
    """In an X session without a window manager the keyboard's keys arrive on the kiosk's window while Qt
    counts no window as active: the exam's keys still reach the question the window keeps the focus in."""
    from PySide6.QtWidgets import QWidget

    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    position = driver.exam.index
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    assert answer.isAncestorOf(window.focusWidget())
    driver.press(K.Key_C)
    driver.qtbot.waitUntil(lambda: _saved(driver, answer.item.id) == answer.ids[2])
    driver.press(K.Key_PageDown if position < driver.exam.count - 1 else K.Key_PageUp)
    driver.qtbot.waitUntil(lambda: driver.exam.index != position)
