"""Every kiosk screen rendered at 1366x768 in English and Chinese, default and high-contrast themes.

Set KIOSK_SCREENSHOTS to a folder to keep the PNGs (e.g. KIOSK_SCREENSHOTS=/tmp/screens); without it the
screens are still rendered and checked, just not written.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton

from kiosk.domain.errors import StoreError
from kiosk.domain.items import ItemType
from kiosk.ui.main_window import DESIGN_SIZE
from kiosk.ui.screens.views import InterruptedLine
from kiosk.ui.theme import Theme


class Camera:
    def __init__(self, window, prefix: str) -> None:
        self.window = window
        self.prefix = prefix
        folder = os.environ.get("KIOSK_SCREENSHOTS")
        self.folder = Path(folder) if folder else None
        self.taken: list[str] = []

    def shoot(self, name: str) -> None:
        # Let pending layout requests run, as the event loop would before the screen is painted.
        QApplication.processEvents()
        pixmap = self.window.grab()
        assert not pixmap.isNull()
        assert (pixmap.width(), pixmap.height()) == DESIGN_SIZE
        self.taken.append(name)
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            assert pixmap.save(str(self.folder / f"{self.prefix}-{len(self.taken):02d}-{name}.png"))


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("theme", [Theme.DEFAULT, Theme.HIGH_CONTRAST])
def test_every_screen_renders(driver, window, language, theme, monkeypatch) -> None:
    window.resize(*DESIGN_SIZE)
    window.set_appearance(replace(window.appearance, theme=theme, language=language))
    camera = Camera(window, f"{language}-{theme.value}")
    camera.shoot("idle")
    driver.click(window.idle.unlock_button)
    driver.wait_for("unlock")
    camera.shoot("unlock")
    driver.type_into(window.unlock.pin, "246810")
    driver.type_into(window.unlock.release_code, "WRONG-CODE-0000")
    driver.click(window.unlock.unlock_button)
    driver.qtbot.waitUntil(lambda: not window.unlock.error.isHidden())
    camera.shoot("unlock-error")
    driver.type_into(window.unlock.release_code, driver.centre.release_code)
    driver.click(window.unlock.unlock_button)
    driver.wait_for("login")
    camera.shoot("login")
    driver.login("C-002")
    camera.shoot("instructions")
    driver.click(window.instructions.start_button)
    driver.wait_for("exam")
    answer = driver.go_to_type(ItemType.SINGLE)
    driver.click(answer.findChild(QRadioButton, answer.buttons[0].objectName()))
    driver.qtbot.waitUntil(lambda: not window.exam.saved_mark.isHidden())
    driver.click(window.exam.flag_button)
    camera.shoot("exam-single-saved")
    for item_type in (ItemType.NUMERIC, ItemType.MATCHING, ItemType.ORDERING, ItemType.MULTIPLE):
        driver.go_to_type(item_type)
        camera.shoot(f"exam-{item_type.value}")
    answer = driver.go_to_type(ItemType.SHORT_TEXT)
    session = window.presenter.session

    def failing(item_id, raw):
        raise StoreError("The disk holding the kiosk store is full; free some space and try again.")

    monkeypatch.setattr(session, "record_answer", failing)
    entry = answer.findChild(QLineEdit, "entry-short_text")
    driver.qtbot.keyClicks(entry, "electrolyte")
    entry.editingFinished.emit()
    driver.qtbot.waitUntil(lambda: not window.exam.save_banner.isHidden())
    camera.shoot("exam-save-failed")
    monkeypatch.undo()
    driver.centre.clock.advance(33 * 60)
    driver.qtbot.waitUntil(lambda: not window.exam.time_banner.isHidden())
    camera.shoot("exam-time-warning")
    driver.click(window.header.invigilator_button)
    camera.shoot("invigilator-pin")
    driver.qtbot.keyClicks(window.prompter.current.findChild(QLineEdit, "prompt-pin"), "246810")
    driver.answer_prompt("accept")
    driver.qtbot.waitUntil(
        lambda: window.prompter.current is not None and window.prompter.current.kind == "menu"
    )
    camera.shoot("invigilator-menu")
    driver.answer_prompt("pause")
    driver.qtbot.waitUntil(lambda: window.exam.pages.currentIndex() == 1)
    camera.shoot("exam-paused")
    driver.invigilator_menu("resume")
    driver.invigilator_menu("extra_time")
    camera.shoot("extra-time")
    driver.answer_prompt("reject")
    driver.invigilator_menu("incident")
    camera.shoot("incident")
    driver.answer_prompt("reject")
    driver.click(window.exam.review_button)
    driver.wait_for("review")
    camera.shoot("review")
    driver.click(window.review.submit_button)
    camera.shoot("submit-confirmation")
    driver.answer_prompt("accept")
    driver.wait_for("receipt")
    camera.shoot("receipt")
    window.resume.set_attempts(
        [InterruptedLine("A-1-00001", driver.centre.sitting_id, "C-001 Mwila Banda", 1234.0)]
    )
    window.stack.setCurrentWidget(window.resume)
    camera.shoot("resume")
    window.idle.show_interrupted(
        [InterruptedLine("A-1-00001", driver.centre.sitting_id, "C-001 Mwila Banda", 1234.0)]
    )
    window.stack.setCurrentWidget(window.idle)
    camera.shoot("idle-interrupted")
    assert len(camera.taken) == 22
