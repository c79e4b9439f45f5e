"""The tools a bank may allow: an on-screen calculator worked from the keyboard, and a diagram zoom.

Keys are sent to the window (``Driver.press`` and ``Driver.type_keys``), as a real keyboard sends them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.domain.clock import FakeClock
from kiosk.domain.items import Calculator, ItemType, Tools
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import Centre, Driver, build_centre, make_bank

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@contextlib.contextmanager
def _window(qtbot, centre: Centre) -> Iterator[MainWindow]:
    window = MainWindow(centre.ctx, lockdown=False, refresh_ms=20)
    qtbot.addWidget(window)
    window.start()
    yield window
    window.presenter.shutdown()
    window.languages.reset()


@pytest.fixture
def tooled(tmp_path, clock: FakeClock) -> Iterator[Centre]:
    built = build_centre(
        tmp_path / "kiosk-data", clock, make_bank(tools=Tools(Calculator.SCIENTIFIC, zoom=True))
    )
    yield built
    built.ctx.close()


@pytest.fixture
def tooled_driver(qtbot, tooled: Centre) -> Iterator[Driver]:
    with _window(qtbot, tooled) as window:
        yield Driver(qtbot, window, tooled)


def _position_of(driver: Driver, item_type: ItemType) -> int:
    exam = driver.exam
    return next(i for i in range(exam.count) if exam.item_at(i).type is item_type)


def _open_calculator(driver: Driver) -> None:
    """Alt+C: the button is pressed as a mnemonic presses it (a moment's animation), then the sum line
    has the keyboard."""
    driver.press(K.Key_C, ALT)
    screen = driver.window.exam
    driver.qtbot.waitUntil(lambda: screen.calculator_shown and driver.focus is screen.calculator.input)


def _go_to(driver: Driver, position: int) -> None:
    driver.click(driver.window.exam.navigator.buttons[position])
    driver.qtbot.waitUntil(lambda: driver.exam.index == position)


def test_without_tools_there_is_no_calculator_and_no_zoom(driver, window) -> None:
    driver.start_exam()
    screen = window.exam
    assert screen.calculator is None and screen.calculator_button.isHidden()
    driver.go_to_type(ItemType.NUMERIC)
    assert screen.view.zoom_buttons == []
    driver.press(K.Key_C, ALT)
    driver.qtbot.wait(200)
    assert screen.calculator is None


def test_the_calculator_is_worked_from_the_keyboard(tooled_driver: Driver) -> None:
    driver = tooled_driver
    window = driver.window
    driver.start_exam()
    screen = window.exam
    _go_to(driver, _position_of(driver, ItemType.SINGLE))
    assert not screen.calculator_button.isHidden()
    _open_calculator(driver)
    calculator = screen.calculator
    driver.type_keys("12*3,5")
    driver.press(K.Key_Return)
    assert calculator.result.text() == "= 42"
    assert calculator.input.text() == "42"
    # Letters of a sum go to the calculator, never to the question: "c" of cos does not choose C.
    calculator.input.clear()
    driver.type_keys("cos(60)+sqrt(16)")
    driver.press(K.Key_Return)
    assert calculator.result.text() == "= 4.5"
    item_id = driver.exam.item.id
    assert item_id not in window.presenter.session.responses
    # A mistake is said in words, and the sum stays to be corrected.
    calculator.input.clear()
    driver.type_keys("5/(2-2)")
    driver.press(K.Key_Return)
    assert calculator.result.text() == "Dividing by zero has no answer."
    assert calculator.input.text() == "5/(2-2)"
    assert calculator.input.accessibleDescription() == "Dividing by zero has no answer."
    # Closing it gives the keyboard back to the question, and the navigator comes back.
    driver.click(calculator.close_button)
    assert not screen.calculator_shown
    assert screen.view.isAncestorOf(driver.focus)
    assert screen.navigator.isVisible()


def test_the_calculator_keys_type_for_the_mouse_and_leave_the_keyboard_on_the_sum(tooled_driver) -> None:
    driver = tooled_driver
    driver.start_exam()
    screen = driver.window.exam
    driver.click(screen.calculator_button)
    calculator = screen.calculator
    for key in ("sqrt(", "9", ")", "×", "2", "="):
        driver.click(calculator.keys[key])
    assert calculator.result.text() == "= 6"
    assert driver.focus is calculator.input
    driver.click(calculator.keys["clear"])
    assert calculator.input.text() == "" and calculator.result.isHidden()


def test_nothing_worked_out_is_kept_from_one_question_to_the_next(tooled_driver: Driver) -> None:
    driver = tooled_driver
    driver.start_exam()
    screen = driver.window.exam
    _open_calculator(driver)
    driver.type_keys("2^10")
    driver.press(K.Key_Return)
    calculator = screen.calculator
    assert calculator.remembers and calculator.history.text() == "2^10 = 1024"
    index = driver.exam.index
    driver.press(K.Key_PageDown)
    driver.qtbot.waitUntil(lambda: driver.exam.index == index + 1)
    assert not calculator.remembers
    assert calculator.input.text() == "" and calculator.history.isHidden()


def test_a_bank_may_let_the_calculator_remember(qtbot, tmp_path, clock) -> None:
    centre = build_centre(
        tmp_path / "kiosk-data", clock, make_bank(tools=Tools(Calculator.BASIC, calculator_memory=True))
    )
    try:
        with _window(qtbot, centre) as window:
            driver = Driver(qtbot, window, centre)
            driver.start_exam()
            _open_calculator(driver)
            calculator = window.exam.calculator
            # The basic calculator has no powers, and says so.
            assert "^" not in calculator.keys
            driver.type_keys("2^2")
            driver.press(K.Key_Return)
            assert calculator.result.text() == (
                "'^' is on the scientific calculator only; this exam allows the basic one."
            )
            calculator.input.clear()
            driver.type_keys("7*6")
            driver.press(K.Key_Return)
            driver.press(K.Key_PageDown)
            driver.qtbot.waitUntil(lambda: driver.exam.index == 1)
            assert calculator.history.text() == "7*6 = 42" and calculator.input.text() == "42"
            assert window.exam.zoom_view.isHidden() and window.exam.view.zoom_buttons == []
    finally:
        centre.ctx.close()


def test_a_diagram_is_enlarged_to_fill_the_question_area_and_moved_about_with_keys(
    tooled_driver: Driver,
) -> None:
    driver = tooled_driver
    window = driver.window
    driver.start_exam()
    screen = window.exam
    position = _position_of(driver, ItemType.NUMERIC)
    _go_to(driver, position)
    (button,) = screen.view.zoom_buttons
    small = screen.view.findChild(type(screen.position_label), "stimulus-image").pixmap().size()
    driver.press(K.Key_D, ALT)
    zoom = screen.zoom_view
    driver.qtbot.waitUntil(lambda: screen.zoomed)
    assert screen.zoomed and zoom.isVisible() and not screen.question_scroll.isVisible()
    assert driver.focus is zoom.pane
    fitted = zoom.picture.pixmap().size()
    assert fitted.width() > small.width() * 1.5
    # The enlarged diagram fills the question area (one of its sides, keeping its shape).
    area = zoom.pane.viewport().size()
    assert fitted.width() >= area.width() - 30 or fitted.height() >= area.height() - 30
    driver.press(K.Key_Plus)
    driver.press(K.Key_Plus)
    assert zoom.factor == 2.0
    assert zoom.picture.pixmap().width() > fitted.width() * 1.9
    scroll = zoom.pane.horizontalScrollBar()
    assert scroll.maximum() > 0 and scroll.value() == 0
    # Right moves about the diagram, not to the next question.
    driver.press(K.Key_Right)
    driver.press(K.Key_Right)
    assert scroll.value() > 0 and driver.exam.index == position
    driver.press(K.Key_Minus)
    assert zoom.factor == 1.5
    driver.press(K.Key_Q, ALT)
    driver.qtbot.waitUntil(lambda: not screen.zoomed)
    assert not screen.zoomed and screen.question_scroll.isVisible()
    assert screen.view.isAncestorOf(QApplication.focusWidget())
    # The mouse opens it too, and moving to another question closes it.
    driver.click(button)
    assert screen.zoomed and zoom.factor == 1.0
    # Page Down pages through the enlarged diagram; it is the navigator that moves on.
    driver.press(K.Key_PageDown)
    assert driver.exam.index == position
    driver.click(screen.navigator.buttons[(position + 1) % driver.exam.count])
    assert not screen.zoomed


def test_typing_an_answer_next_to_the_calculator_still_works(tooled_driver: Driver) -> None:
    driver = tooled_driver
    driver.start_exam()
    position = _position_of(driver, ItemType.NUMERIC)
    _go_to(driver, position)
    screen = driver.window.exam
    _open_calculator(driver)
    driver.type_keys("100/50")
    driver.press(K.Key_Return)
    assert screen.calculator.input.text() == "2"
    # Back to the answer field with the mouse, and the answer is typed and saved as ever.
    entry = screen.view.answer.findChild(QLineEdit, "entry-numeric")
    driver.click(entry)
    driver.type_keys("2")
    driver.press(K.Key_Return)
    assert driver.window.presenter.session.responses[driver.exam.item.id] == "2"
