"""Themes and text size: what the style sheet says for each appearance, and the header controls."""

from __future__ import annotations

from kiosk.ui.theme import PALETTES, TEXT_SCALES, Appearance, Theme, point_size, stylesheet


def test_text_size_steps_up_and_down_and_stops_at_the_ends() -> None:
    appearance = Appearance()
    assert appearance.smaller() == appearance
    sizes = [appearance.text_scale]
    for _ in TEXT_SCALES:
        appearance = appearance.larger()
        sizes.append(appearance.text_scale)
    assert sizes[: len(TEXT_SCALES)] == list(TEXT_SCALES)
    assert appearance.larger() == appearance
    assert appearance.smaller().text_scale == TEXT_SCALES[-2]


def test_large_text_mode_jumps_to_a_large_scale_and_back() -> None:
    large = Appearance().with_large_text(True)
    assert large.large_text and large.text_scale == 1.5
    assert not large.with_large_text(False).large_text
    assert point_size(large) == 16 and point_size(Appearance()) == 11


def test_high_contrast_uses_its_own_palette_and_thicker_focus() -> None:
    default = stylesheet(Appearance())
    contrast = stylesheet(Appearance(theme=Theme.HIGH_CONTRAST))
    assert f"background: {PALETTES[Theme.HIGH_CONTRAST].window}" in contrast
    assert "border: 4px solid #00ffff" in contrast
    assert "border: 3px solid #e07000" in default
    assert "check-dark.svg" in contrast and "check-light.svg" in default


def test_the_style_sheet_grows_with_the_text_scale() -> None:
    assert "font-size: 11pt" in stylesheet(Appearance())
    assert "font-size: 19pt" in stylesheet(Appearance(text_scale=1.75))


def test_header_controls_change_the_appearance(window, driver) -> None:
    driver.click(window.header.contrast_button)
    assert window.appearance.theme is Theme.HIGH_CONTRAST
    assert window.header.contrast_button.isChecked()
    driver.click(window.header.larger_button)
    assert window.appearance.text_scale == 1.15
    driver.click(window.header.large_text_button)
    assert window.appearance.text_scale == 1.5 and window.header.large_text_button.isChecked()
    driver.click(window.header.smaller_button)
    assert window.appearance.text_scale == 1.3
    assert not window.header.large_text_button.isChecked()
    driver.click(window.header.contrast_button)
    assert window.appearance.theme is Theme.DEFAULT
    assert window.header.language_button.text() == "中文"
    driver.click(window.header.language_button)
    assert window.header.language_button.text() == "English"
    assert window.idle.title.text() == "1+X 考评考试机"


def test_a_navigator_button_keeps_its_size_in_every_look(qtbot) -> None:
    """The thicker borders ("on screen now", flagged, the focus) are padded out alike, so moving to another
    question repaints two buttons and does not lay the whole navigator out again."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui import theme
    from kiosk.ui.widgets.navigator import Navigator, NavState

    app = QApplication.instance()
    try:
        for look in (Appearance(), Appearance(theme=Theme.HIGH_CONTRAST)):
            theme.apply(app, look)
            navigator = Navigator(12)
            qtbot.addWidget(navigator)
            navigator.show()
            button = navigator.buttons[0]
            sizes = set()
            for state in (NavState(), NavState(answered=True), NavState(partly=True), NavState(flagged=True)):
                for current in (False, True):
                    navigator.set_state(0, state)
                    navigator.set_current(0 if current else -1)
                    QApplication.processEvents()
                    sizes.add(button.sizeHint().toTuple())
            button.setFocus()
            QApplication.processEvents()
            sizes.add(button.sizeHint().toTuple())
            assert len(sizes) == 1, (look.theme, sizes)
    finally:
        theme.apply(app, Appearance())
