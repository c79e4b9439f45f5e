"""The countdown, the banner and the navigator on their own."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.widgets.navigator import Navigator, NavState
from kiosk.ui.widgets.status import Banner, Countdown, format_duration


def test_durations_round_up_to_whole_seconds() -> None:
    assert format_duration(0) == "00:00"
    assert format_duration(0.2) == "00:01"
    assert format_duration(59.0) == "00:59"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(-4) == "00:00"


def test_countdown_turns_amber_at_ten_minutes_and_red_at_five(qtbot) -> None:
    countdown = Countdown()
    qtbot.addWidget(countdown)
    countdown.show_remaining(601, "Time left")
    assert countdown.text() == "Time left 10:01" and countdown.property("level") == "normal"
    countdown.show_remaining(600, "Time left")
    assert countdown.property("level") == "warning"
    countdown.show_remaining(300, "Time left")
    assert countdown.property("level") == "critical"


def test_banner_shows_and_clears(qtbot) -> None:
    banner = Banner("test-banner")
    qtbot.addWidget(banner)
    assert banner.isHidden()
    banner.show_message("error", "Not saved.")
    assert not banner.isHidden() and banner.level == "error" and banner.label.text() == "Not saved."
    banner.clear()
    assert banner.isHidden()


def test_navigator_reports_clicks_and_describes_each_button(qtbot) -> None:
    navigator = Navigator(12)
    qtbot.addWidget(navigator)
    navigator.set_state(3, NavState(answered=True, flagged=True))
    navigator.set_current(3)
    button = navigator.buttons[3]
    assert button.text() == "⚑4"
    assert button.toolTip() == "Question 4, answered, flagged for review, on screen now"
    assert button.property("state") == "answered" and button.property("current") == "true"
    navigator.set_current(5)
    assert button.property("current") == "false"
    with qtbot.waitSignal(navigator.item_chosen) as chosen:
        qtbot.mouseClick(navigator.buttons[10], Qt.MouseButton.LeftButton)
    assert chosen.args == [10]
