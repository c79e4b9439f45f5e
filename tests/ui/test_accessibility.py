"""Accessibility of the kiosk's screens: every control named for a screen reader, every target at least
24 pixels square, the keyboard focus always visible, the navigator's states told apart in every theme,
and nothing clipped at 1366x768 at any text size, in English or Chinese.

A tour walks a real window through every screen a candidate (and the invigilator at the kiosk) sees: the
idle, unlock, login, instructions, resume screens, each question type with the calculator and an enlarged
diagram, a rest break, the invigilator's PIN and menu, the review, the confirmation and the receipt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from kiosk.domain.clock import FakeClock
from kiosk.domain.items import Calculator, ItemType, Tools
from kiosk.station.services.roster import import_roster
from kiosk.ui.main_window import DESIGN_SIZE, MainWindow
from kiosk.ui.screens.views import InterruptedLine
from kiosk.ui.theme import MIN_TARGET, TEXT_SCALES, Appearance, Theme
from kiosk.ui.widgets.controls import plain
from kiosk.ui.widgets.navigator import Navigator, NavState
from tests.ui.conftest import PIN, Centre, Driver, build_centre, make_bank

Check = Callable[[str], None]
# Every kind of control the screens have, each of which the tour must meet.
_KINDS = (QPushButton, QRadioButton, QCheckBox, QLineEdit, QComboBox, QListWidget, QSpinBox, QPlainTextEdit)
_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


@pytest.fixture
def tooled(tmp_path, clock: FakeClock) -> Iterator[Centre]:
    """A centre whose bank allows the calculator and zoom, with more candidates: one per tour."""
    built = build_centre(
        tmp_path / "kiosk-data", clock, make_bank(tools=Tools(Calculator.SCIENTIFIC, zoom=True))
    )
    roster = tmp_path / "more.csv"
    roster.write_text(
        "candidate number,name,chinese name,certificate,grade,extra time\n"
        + "".join(f"T-{n:03d},Tour Candidate {n},,maintenance,2,\n" for n in range(1, 13)),
        encoding="utf-8",
    )
    built.codes.update(
        {issued.candidate_number: issued.access_code for issued in import_roster(built.ctx, roster).codes}
    )
    yield built
    built.ctx.close()


@pytest.fixture
def tour_window(qtbot, tooled: Centre) -> Iterator[MainWindow]:
    window = MainWindow(tooled.ctx, lockdown=False, refresh_ms=20)
    qtbot.addWidget(window)
    window.resize(*DESIGN_SIZE)
    window.start()
    yield window
    window.presenter.shutdown()
    window.languages.reset()


def _controls(window: QWidget) -> list[QWidget]:
    """The controls a person operates that are on screen now (not a drop-down's inner parts)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            continue
        if isinstance(widget, QAbstractItemView) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # a table only to read
        found.append(widget)
    return found


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__} '{widget.objectName()}'"


def _prompt(driver: Driver, kind: str) -> None:
    window = driver.window
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == kind, timeout=10000
    )


def tour(driver: Driver, check: Check, number: str = "C-002") -> None:
    """Walk the window through every screen, calling ``check(name)`` on each; candidate ``number`` sits
    the exam. The first tour unlocks the sitting; later ones show the invigilator's screens again and
    start at the login."""
    window = driver.window
    waiting = [InterruptedLine("A-1-00001", driver.centre.sitting_id, "C-001 Mwila Banda", 1234.0)]
    window.resume.set_attempts(waiting)
    window.idle.show_interrupted(waiting)
    window.unlock.show_error("That invigilator PIN is not correct. 4 more wrong tries will lock entry.")
    if window.presenter.open_sitting is None:
        check("idle")
        driver.click(window.idle.unlock_button)
        driver.wait_for("unlock")
        window.unlock.show_error("That invigilator PIN is not correct. 4 more wrong tries will lock entry.")
        check("unlock")
        window.presenter.screen_changed.emit("resume")
        check("resume")
        window.presenter.screen_changed.emit("unlock")
        driver.type_into(window.unlock.pin, PIN)
        driver.type_into(window.unlock.release_code, driver.centre.release_code)
        driver.click(window.unlock.unlock_button)
        driver.wait_for("login")
    else:
        for screen_name in ("idle", "unlock", "resume", "login"):
            window.presenter.screen_changed.emit(screen_name)
            if screen_name == "unlock":
                window.unlock.show_error(
                    "That invigilator PIN is not correct. 4 more wrong tries will lock entry."
                )
            if screen_name != "login":
                check(screen_name)
    check("login")
    driver.login(number)
    check("instructions")
    driver.click(window.instructions.start_button)
    driver.wait_for("exam")
    screen = window.exam
    exam = driver.exam
    for item_type in ItemType:
        position = next(i for i in range(exam.count) if exam.item_at(i).type is item_type)
        driver.click(screen.navigator.buttons[position])
        driver.qtbot.waitUntil(lambda position=position: exam.index == position)
        check(f"exam-{item_type.value}")
        if item_type is ItemType.NUMERIC:
            driver.click(screen.calculator_button)
            screen.calculator.input.setText("sqrt(2)*cos(30)")
            screen.calculator.work_out()
            screen.calculator.input.setText("5/0")
            screen.calculator.work_out()
            check("exam-calculator")
            driver.click(screen.calculator.close_button)
            driver.click(screen.view.zoom_buttons[0])
            screen.zoom_view.step(1)
            check("exam-zoom")
            driver.click(screen.zoom_view.close_button)
    driver.click(screen.rest_button)
    _prompt(driver, "pin")
    check("rest-break-pin")
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), PIN)
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1)
    check("rest-break")
    driver.click(screen.break_back_button)
    driver.invigilator_menu("extra_time")
    check("extra-time")
    driver.answer_prompt("reject")
    driver.invigilator_menu("incident")
    check("incident")
    driver.answer_prompt("reject")
    driver.click(window.header.invigilator_button)
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), PIN)
    driver.answer_prompt("accept")
    _prompt(driver, "menu")
    check("invigilator-menu")
    driver.answer_prompt("reject")
    driver.click(screen.review_button)
    driver.wait_for("review")
    check("review")
    driver.click(window.review.submit_button)
    _prompt(driver, "confirm")
    check("submit-confirmation")
    driver.answer_prompt("accept")
    driver.wait_for("receipt")
    check("receipt")
    driver.click(window.receipt.finish_button)
    driver.wait_for("login")


def test_every_control_on_every_screen_has_an_accessible_name(qtbot, tour_window, tooled) -> None:
    driver = Driver(qtbot, tour_window, tooled)
    missing: list[str] = []
    seen: set[str] = set()

    def check(name: str) -> None:
        QApplication.processEvents()
        for widget in _controls(tour_window):
            seen.update(kind.__name__ for kind in _KINDS if isinstance(widget, kind))
            if not widget.accessibleName().strip():
                missing.append(f"{name}: {_where(widget)}")

    tour(driver, check)
    assert missing == []
    assert seen == {kind.__name__ for kind in _KINDS}


def test_answer_controls_have_names_a_screen_reader_can_use(qtbot, tour_window, tooled) -> None:
    driver = Driver(qtbot, tour_window, tooled)
    driver.start_exam("C-002")
    exam = driver.exam
    screen = tour_window.exam
    names: dict[ItemType, list[str]] = {}
    for item_type in ItemType:
        position = next(i for i in range(exam.count) if exam.item_at(i).type is item_type)
        driver.click(screen.navigator.buttons[position])
        names[item_type] = [widget.accessibleName() for widget in _controls(screen.view.answer)]
    single = names[ItemType.SINGLE]
    assert len(single) == 3 and all(name[:3] in ("A. ", "B. ", "C. ") for name in single)
    assert names[ItemType.NUMERIC] == ["Your answer, a number in h"]
    assert names[ItemType.SHORT_TEXT] == ["Your answer"]
    matching = names[ItemType.MATCHING]
    assert sorted(name[:3] for name in matching) == ["1. ", "2. "]
    assert sorted(name[3:] for name in matching) == ["LFP", "Lead-acid"]
    assert screen.navigator.buttons[0].accessibleName().startswith("Question 1, ")
    # The hint is the description; an error the field shows is what a screen reader hears next.
    numeric = next(i for i in range(exam.count) if exam.item_at(i).type is ItemType.NUMERIC)
    driver.click(screen.navigator.buttons[numeric])
    entry = screen.view.answer
    assert entry.edit.accessibleDescription().startswith("Type a number in h")
    driver.qtbot.keyClicks(entry.edit, "two")
    assert not entry.problem.isHidden()
    assert entry.edit.accessibleDescription() == entry.problem.text()
    assert entry.problem.text().startswith("This is not a number")


def test_every_target_is_at_least_24_pixels_square(qtbot, tour_window, tooled) -> None:
    driver = Driver(qtbot, tour_window, tooled)
    small: list[str] = []

    def check(name: str) -> None:
        QApplication.processEvents()
        for widget in _controls(tour_window):
            if isinstance(widget, QAbstractScrollArea):
                continue
            if widget.width() < MIN_TARGET or widget.height() < MIN_TARGET:
                small.append(f"{name}: {_where(widget)} {widget.width()}x{widget.height()}")

    tour(driver, check)
    assert small == []


def _around(window: QWidget, widget: QWidget) -> QImage:
    """What the screen shows in and just around ``widget`` (its focus outline included)."""
    QApplication.processEvents()
    corner = widget.mapTo(window, QPoint(0, 0))
    area = QRect(corner.x() - 6, corner.y() - 6, widget.width() + 12, widget.height() + 12)
    return window.grab(area).toImage()


@pytest.mark.parametrize("theme", [Theme.DEFAULT, Theme.HIGH_CONTRAST])
def test_the_keyboard_focus_is_always_visible(qtbot, tour_window, tooled, theme) -> None:
    window = tour_window
    window.set_appearance(replace(window.appearance, theme=theme))
    driver = Driver(qtbot, window, tooled)
    driver.start_exam("C-002")
    screen = window.exam
    exam = driver.exam
    invisible: list[str] = []
    for item_type in ItemType:
        position = next(i for i in range(exam.count) if exam.item_at(i).type is item_type)
        driver.click(screen.navigator.buttons[position])
        order = window.tab_order()
        assert order
        for widget in order:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            focused = _around(window, widget)
            screen.setFocus(Qt.FocusReason.OtherFocusReason)
            unfocused = _around(window, widget)
            if focused == unfocused:
                invisible.append(f"{item_type.value}: {_where(widget)}")
    assert invisible == []


@pytest.mark.parametrize("theme", [Theme.DEFAULT, Theme.HIGH_CONTRAST])
def test_the_navigator_tells_every_state_apart_in_every_theme(qtbot, theme) -> None:
    from kiosk.ui import theme as themes

    app = QApplication.instance()
    themes.apply(app, Appearance(theme=theme))
    try:
        navigator = Navigator(1)
        qtbot.addWidget(navigator)
        button = navigator.buttons[0]
        button.setFixedSize(90, 60)
        # Looked at without the keyboard on it: the focus outline is a look of its own.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        navigator.show()

        def look(state: NavState, current: bool) -> tuple[int, int]:
            navigator.set_current(0 if current else -1)
            navigator.set_state(0, state)
            button.setText("")
            QApplication.processEvents()
            image = button.grab().toImage()
            # The border (left edge, half-way down) and the fill (inside the corner, away from the text).
            return image.pixel(1, 30), image.pixel(12, 12)

        looks = {
            "open": look(NavState(), False),
            "partly": look(NavState(partly=True), False),
            "answered": look(NavState(answered=True), False),
            "current": look(NavState(), True),
            "answered-current": look(NavState(answered=True), True),
        }
        assert len(set(looks.values())) == len(looks), looks
        # On screen now is told by its border, whatever the fill or the flag: never the same as another's.
        assert looks["answered-current"][0] != looks["answered"][0]
        flagged = look(NavState(answered=True, flagged=True), False)
        flagged_current = look(NavState(answered=True, flagged=True), True)
        partly_flagged_current = look(NavState(partly=True, flagged=True), True)
        assert flagged_current[0] != flagged[0]
        assert flagged_current[0] == partly_flagged_current[0] == looks["current"][0]
    finally:
        themes.apply(app, Appearance())


def _clipped(window: QWidget) -> list[str]:
    """Labels and buttons on screen showing less than their words (without a tooltip of the whole), and
    things outside the window."""
    found: list[str] = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        in_scroll = any(isinstance(parent, QAbstractScrollArea) for parent in _ancestors(widget, window))
        if not in_scroll:
            corner = widget.mapTo(window, QPoint(0, 0))
            box = QRect(corner, widget.size())
            if not bounds.contains(box) and widget.width() > 0 and widget.height() > 0:
                found.append(f"{_where(widget)} outside the window at {box}")
        text = ""
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            text = widget.text()
        elif isinstance(widget, QPushButton):
            text = plain(widget.text())
        if not text.strip() or plain(widget.toolTip()).strip() == plain(text).strip():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_height = widget.heightForWidth(widget.width())
            if widget.height() < need_height - 2:
                found.append(f"{_where(widget)} '{text[:40]}' {widget.height()} < {need_height} high")
            continue
        hint = widget.sizeHint()
        if widget.width() < hint.width() - 2 or widget.height() < hint.height() - 2:
            found.append(
                f"{_where(widget)} '{text[:40]}' {widget.width()}x{widget.height()} < "
                f"{hint.width()}x{hint.height()}"
            )
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and combo.currentText():
            room = combo.width() - 46
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > room and (
                combo.toolTip() != combo.currentText()
            ):
                found.append(f"{_where(combo)} '{combo.currentText()}' cut in {combo.width()} px")
    return found


def _settle() -> None:
    """Let every layout request a style change set off run, as the event loop would before painting."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _ancestors(widget: QWidget, top: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_nothing_is_clipped_at_1366x768_at_any_text_size(qtbot, tour_window, tooled, language) -> None:
    """Every screen at every text size, and in high contrast (thicker borders) at the largest."""
    window = tour_window
    driver = Driver(qtbot, window, tooled)
    problems: list[str] = []
    looks = [(Theme.DEFAULT, scale) for scale in TEXT_SCALES] + [(Theme.HIGH_CONTRAST, TEXT_SCALES[-1])]
    for number, (theme, scale) in enumerate(looks, start=1):
        window.set_appearance(replace(window.appearance, language=language, theme=theme, text_scale=scale))

        def check(name: str, theme: Theme = theme, scale: float = scale) -> None:
            _settle()
            assert (window.width(), window.height()) == DESIGN_SIZE, f"{name} at {scale}: the window grew"
            problems.extend(f"{name} at {scale} ({theme.value}): {problem}" for problem in _clipped(window))

        tour(driver, check, f"T-{number:03d}")
    if problems:
        pytest.fail("clipped:\n" + "\n".join(problems))
