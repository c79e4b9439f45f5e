"""The exam screen with real services: answering every item type, moving, flagging, the clock and saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QPushButton, QRadioButton

from kiosk.domain.attempt import AttemptState
from kiosk.domain.errors import StoreError
from kiosk.domain.items import ItemType


def _saved(driver, item_id: str) -> None:
    """Wait until the store holds an answer to ``item_id`` and the saved mark shows it."""
    session = driver.window.presenter.session
    driver.qtbot.waitUntil(lambda: item_id in session.responses)
    driver.qtbot.waitUntil(lambda: not driver.window.exam.saved_mark.isHidden())


def test_single_choice_is_saved_by_clicking(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    assert driver.window.exam.saved_mark.isHidden()
    driver.click(answer.findChild(QRadioButton, "choice-B"))
    _saved(driver, answer.item.id)
    assert driver.window.presenter.session.responses[answer.item.id] == "B"
    assert driver.window.exam.saved_mark.text() == "✓ Answer saved"


def test_multiple_response_saves_every_tick(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.MULTIPLE)
    driver.click(answer.findChild(QCheckBox, "choice-C"))
    driver.click(answer.findChild(QCheckBox, "choice-A"))
    driver.qtbot.waitUntil(
        lambda: driver.window.presenter.session.responses.get(answer.item.id) == ["A", "C"]
    )
    driver.click(answer.findChild(QCheckBox, "choice-C"))
    driver.qtbot.waitUntil(lambda: driver.window.presenter.session.responses.get(answer.item.id) == ["A"])


def test_true_false(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.TRUE_FALSE)
    false = answer.findChild(QRadioButton, "choice-false")
    assert answer.rows[1].label.text() == "B.  False"
    driver.click(false)
    driver.qtbot.waitUntil(lambda: driver.window.presenter.session.responses.get(answer.item.id) == "false")


def test_numeric_accepts_a_decimal_comma_and_shows_its_unit(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.NUMERIC)
    assert answer.findChild(type(answer.unit), "entry-unit").text() == "h"
    entry = answer.findChild(QLineEdit, "entry-numeric")
    driver.qtbot.keyClicks(entry, "2,5")
    driver.qtbot.keyClick(entry, Qt.Key.Key_Return)
    _saved(driver, answer.item.id)
    assert driver.window.presenter.session.responses[answer.item.id] == "2.5"


def test_numeric_refuses_text_that_is_not_a_number_and_saves_nothing(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.NUMERIC)
    entry = answer.findChild(QLineEdit, "entry-numeric")
    driver.qtbot.keyClicks(entry, "two")
    driver.qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert not answer.problem.isHidden()
    assert answer.problem.text() == "This is not a number; type digits such as 2.5 or 2,5."
    assert answer.item.id not in driver.window.presenter.session.responses
    assert driver.window.exam.saved_mark.isHidden()


def test_short_text_is_saved_on_enter(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SHORT_TEXT)
    entry = answer.findChild(QLineEdit, "entry-short_text")
    driver.qtbot.keyClicks(entry, "  the Electrolyte ")
    driver.qtbot.keyClick(entry, Qt.Key.Key_Return)
    _saved(driver, answer.item.id)
    assert driver.window.presenter.session.responses[answer.item.id] == "the Electrolyte"


def test_typed_text_is_saved_when_the_candidate_moves_on_with_the_keyboard(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SHORT_TEXT)
    entry = answer.findChild(QLineEdit, "entry-short_text")
    driver.qtbot.keyClicks(entry, "electrolyte")
    driver.qtbot.keyClick(entry, Qt.Key.Key_PageDown)
    driver.qtbot.waitUntil(lambda: answer.item.id in driver.window.presenter.session.responses)


def test_ordering_moves_rows_with_buttons_and_saves_the_whole_order(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.ORDERING)
    rows = answer.findChild(QListWidget, "ordering-list")
    before = answer.response()
    rows.setCurrentRow(0)
    driver.click(answer.findChild(QPushButton, "ordering-down"))
    expected = [before[1], before[0], before[2]]
    driver.qtbot.waitUntil(lambda: driver.window.presenter.session.responses.get(answer.item.id) == expected)
    assert rows.item(0).text().startswith("1.  ")
    # Alt+Down moves the selected row too.
    rows.setCurrentRow(1)
    driver.qtbot.keyClick(rows, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    driver.qtbot.waitUntil(
        lambda: (
            driver.window.presenter.session.responses.get(answer.item.id) == [before[1], before[2], before[0]]
        )
    )


def test_ordering_can_be_kept_as_shown(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.ORDERING)
    shown = answer.response()
    driver.click(answer.findChild(QPushButton, "ordering-keep"))
    driver.qtbot.waitUntil(lambda: driver.window.presenter.session.responses.get(answer.item.id) == shown)


def test_matching_uses_one_drop_down_per_premise(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.MATCHING)
    first = answer.findChild(QComboBox, "match-1")
    assert first.itemText(0) == "(not answered)"
    first.setFocus()
    driver.qtbot.keyClick(first, Qt.Key.Key_Down)
    chosen = first.currentData()
    driver.qtbot.waitUntil(
        lambda: driver.window.presenter.session.responses.get(answer.item.id) == {"1": chosen}
    )
    assert "Answers to choose from:" in answer.legend.text()


def test_navigator_shows_answered_flagged_and_current(driver) -> None:
    driver.start_exam()
    exam = driver.window.exam
    navigator = exam.navigator
    assert navigator.current == 0
    assert navigator.buttons[0].property("current") == "true"
    driver.click(exam.next_button)
    driver.qtbot.waitUntil(lambda: navigator.current == 1)
    assert exam.position_label.text() == "Question 2 of 7"
    driver.click(exam.flag_button)
    driver.qtbot.waitUntil(lambda: navigator.state(1).flagged)
    assert navigator.buttons[1].text() == "⚑2"
    assert exam.flag_label.text() == "⚑ Flagged for review"
    item_id = driver.exam.item.id
    assert item_id in driver.window.presenter.session.flags
    driver.click(exam.previous_button)
    driver.qtbot.waitUntil(lambda: navigator.current == 0)
    assert not exam.previous_button.isEnabled()
    driver.click(navigator.buttons[6])
    driver.qtbot.waitUntil(lambda: navigator.current == 6)
    assert not exam.next_button.isEnabled()
    # Unflagging clears the mark and the stored flag.
    driver.click(navigator.buttons[1])
    driver.qtbot.waitUntil(lambda: navigator.current == 1)
    driver.click(exam.flag_button)
    driver.qtbot.waitUntil(lambda: not navigator.state(1).flagged)
    assert item_id not in driver.window.presenter.session.flags


def test_keyboard_chooses_moves_and_flags(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    position = driver.exam.index
    # Keys go to the window, as a keyboard sends them, and reach the question that has the focus.
    driver.press(Qt.Key.Key_C)
    driver.qtbot.waitUntil(
        lambda: driver.window.presenter.session.responses.get(answer.item.id) == answer.ids[2]
    )
    driver.press(Qt.Key.Key_2)
    driver.qtbot.waitUntil(
        lambda: driver.window.presenter.session.responses.get(answer.item.id) == answer.ids[1]
    )
    driver.press(Qt.Key.Key_F)
    driver.qtbot.waitUntil(lambda: answer.item.id in driver.window.presenter.session.flags)
    if position < driver.exam.count - 1:
        driver.press(Qt.Key.Key_N)
        driver.qtbot.waitUntil(lambda: driver.exam.index == position + 1)
        # Left in a text field moves its cursor; Page Up moves back from anywhere.
        driver.press(Qt.Key.Key_PageUp)
        driver.qtbot.waitUntil(lambda: driver.exam.index == position)
        driver.press(Qt.Key.Key_Right)
        driver.qtbot.waitUntil(lambda: driver.exam.index == position + 1)
    else:
        driver.press(Qt.Key.Key_P)
        driver.qtbot.waitUntil(lambda: driver.exam.index == position - 1)


def test_letters_typed_into_a_text_answer_are_not_shortcuts(driver) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SHORT_TEXT)
    position = driver.exam.index
    entry = answer.findChild(QLineEdit, "entry-short_text")
    assert driver.focus is entry
    driver.type_keys("fan")
    assert entry.text() == "fan"
    assert driver.exam.index == position
    assert answer.item.id not in driver.window.presenter.session.flags


def test_the_saved_mark_appears_only_after_the_service_returned(driver, monkeypatch) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    session = driver.window.presenter.session
    real = session.record_answer
    seen_during_save: list[bool] = []

    def watched(item_id, raw):
        seen_during_save.append(driver.window.exam.saved_mark.isHidden())
        return real(item_id, raw)

    monkeypatch.setattr(session, "record_answer", watched)
    driver.click(answer.findChild(QRadioButton, "choice-A"))
    _saved(driver, answer.item.id)
    assert seen_during_save == [True]


def test_a_failed_save_shows_a_red_banner_and_no_saved_mark(driver, monkeypatch) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.SINGLE)
    session = driver.window.presenter.session
    real = session.record_answer

    def failing(item_id, raw):
        raise StoreError("The disk holding the kiosk store is full; free some space and try again.")

    monkeypatch.setattr(session, "record_answer", failing)
    driver.click(answer.findChild(QRadioButton, "choice-A"))
    banner = driver.window.exam.save_banner
    driver.qtbot.waitUntil(lambda: not banner.isHidden())
    position = driver.exam.index + 1
    assert banner.level == "error"
    assert banner.label.text() == (
        f"Your answer to question {position} was NOT saved. Put up your hand for the invigilator now.\n"
        "The disk holding the kiosk store is full; free some space and try again."
    )
    assert driver.window.exam.saved_mark.isHidden()
    assert not driver.window.exam.navigator.state(driver.exam.index).answered
    assert answer.item.id not in session.responses
    # When saving works again the next answer is saved and the warning goes.
    monkeypatch.setattr(session, "record_answer", real)
    driver.click(answer.findChild(QRadioButton, "choice-B"))
    _saved(driver, answer.item.id)
    assert banner.isHidden()


def test_warnings_at_ten_five_and_one_minutes(driver, centre) -> None:
    driver.start_exam()
    banner = driver.window.exam.time_banner
    assert banner.isHidden()
    centre.clock.advance(20 * 60)
    driver.qtbot.waitUntil(lambda: banner.label.text().startswith("Only 10 minutes left."))
    assert driver.window.exam.countdown.property("level") == "warning"
    centre.clock.advance(5 * 60)
    driver.qtbot.waitUntil(lambda: banner.label.text().startswith("Only 5 minutes left."))
    assert driver.window.exam.countdown.property("level") == "critical"
    centre.clock.advance(4 * 60)
    driver.qtbot.waitUntil(lambda: banner.label.text().startswith("Only 1 minute left."))
    assert driver.window.exam.countdown.text() == "Time left 01:00"


def test_time_running_out_submits_automatically(driver, centre) -> None:
    driver.start_exam()
    answer = driver.go_to_type(ItemType.TRUE_FALSE)
    driver.click(answer.findChild(QRadioButton, "choice-true"))
    _saved(driver, answer.item.id)
    session = driver.window.presenter.session
    centre.clock.advance(30 * 60)
    driver.wait_for("receipt")
    assert session.state is AttemptState.EXPIRED
    receipt = driver.window.receipt
    assert receipt.title.text() == "Time is up: your answers have been handed in"
    assert receipt.code.text() == session.receipt.submission_code
    assert "You answered 1 of 7 questions." in receipt.details.text()


def test_the_countdown_follows_the_services_clock_not_the_wall_clock(driver, centre) -> None:
    driver.start_exam()
    countdown = driver.window.exam.countdown
    driver.qtbot.waitUntil(lambda: countdown.text() == "Time left 30:00")
    centre.clock.jump_wall(-3600)
    centre.clock.advance(75)
    driver.qtbot.waitUntil(lambda: countdown.text() == "Time left 28:45")


def test_questions_of_one_type_share_their_controls_and_each_keeps_its_own_answer(
    qtbot, tmp_path, clock
) -> None:
    from dataclasses import replace

    from kiosk.domain.items import Draw
    from kiosk.ui.main_window import MainWindow
    from tests.ui.conftest import Driver, build_centre, make_bank

    bank = make_bank(per_type=2)
    bank = replace(
        bank,
        blueprint=replace(bank.blueprint, draws=tuple(Draw(d.competence, 2) for d in bank.blueprint.draws)),
    )
    centre = build_centre(tmp_path / "data", clock, bank)
    try:
        window = MainWindow(centre.ctx, lockdown=False, refresh_ms=20)
        qtbot.addWidget(window)
        window.start()
        driver = Driver(qtbot, window, centre)
        driver.start_exam()
        exam, screen = driver.exam, window.exam
        session = window.presenter.session
        first, second = (i for i in range(exam.count) if exam.item_at(i).type is ItemType.SINGLE)

        def go(position: int) -> None:
            driver.click(screen.navigator.buttons[position])
            qtbot.waitUntil(lambda: exam.index == position)

        go(first)
        view, answer = screen.view, screen.view.answer
        driver.press(Qt.Key.Key_B)
        qtbot.waitUntil(lambda: session.responses.get(exam.item_at(first).id) == answer.ids[1])
        chosen = answer.ids[1]
        go(second)
        # The same controls, now the second item's, with nothing chosen; the keys reach them.
        assert screen.view is view and screen.view.answer is answer
        assert answer.item.id == exam.item_at(second).id
        assert answer.response() == "" and screen.saved_mark.isHidden()
        assert view.isAncestorOf(driver.focus)
        driver.press(Qt.Key.Key_C)
        qtbot.waitUntil(lambda: session.responses.get(exam.item_at(second).id) == answer.ids[2])
        assert session.responses[exam.item_at(first).id] == chosen
        go(first)
        assert answer.response() == chosen and not screen.saved_mark.isHidden()
        window.presenter.shutdown()
    finally:
        centre.ctx.close()
