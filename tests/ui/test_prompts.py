"""The one prompter: questions drawn over the window, answered by clicking their real buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from kiosk.ui.prompts import MenuAction, Prompter


@pytest.fixture
def host(qtbot) -> QWidget:
    widget = QWidget()
    widget.resize(1366, 768)
    content = QWidget(widget)
    content.setObjectName("content")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_confirm_calls_back_with_the_answer_and_blocks_the_content_meanwhile(qtbot, host) -> None:
    content = host.findChild(QWidget, "content")
    prompter = Prompter(host, blocked=content)
    answers: list[bool] = []
    with qtbot.waitSignal(prompter.prompt_opened) as opened:
        panel = prompter.confirm("Submit?", "No going back.", "Yes", "No", answers.append)
    assert opened.args == ["confirm"]
    assert not content.isEnabled()
    assert panel.title_label.text() == "Submit?" and panel.message_label.text() == "No going back."
    qtbot.mouseClick(panel.buttons["reject"], Qt.MouseButton.LeftButton)
    assert answers == [False] and not prompter.is_open and content.isEnabled()
    panel = prompter.confirm("Submit?", "", "Yes", "No", answers.append)
    qtbot.mouseClick(panel.buttons["accept"], Qt.MouseButton.LeftButton)
    assert answers == [False, True]


def test_escape_cancels_a_prompt(qtbot, host) -> None:
    prompter = Prompter(host)
    answers: list[bool] = []
    panel = prompter.confirm("Leave?", "", "Leave", "Stay", answers.append)
    qtbot.keyClick(panel.buttons["reject"], Qt.Key.Key_Escape)
    assert answers == [False] and not prompter.is_open


def test_pin_prompt_asks_again_when_empty_and_hands_over_the_pin(qtbot, host) -> None:
    prompter = Prompter(host)
    pins: list[str] = []
    panel = prompter.ask_pin("Invigilator", "Type your PIN.", pins.append)
    field = panel.findChild(QLineEdit, "prompt-pin")
    assert field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(panel.buttons["accept"], Qt.MouseButton.LeftButton)
    assert panel.error_label.text() == "Type the invigilator PIN." and prompter.is_open
    qtbot.keyClicks(field, " 246810 ")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert pins == ["246810"] and not prompter.is_open


def test_menu_offers_only_enabled_actions(qtbot, host) -> None:
    prompter = Prompter(host)
    chosen: list[str] = []
    panel = prompter.menu(
        "Menu", "", [MenuAction("pause", "Pause"), MenuAction("end", "End", enabled=False)], chosen.append
    )
    assert not panel.buttons["end"].isEnabled()
    qtbot.mouseClick(panel.buttons["pause"], Qt.MouseButton.LeftButton)
    assert chosen == ["pause"]


def test_a_new_prompt_replaces_an_open_one_without_answering_it(qtbot, host) -> None:
    prompter = Prompter(host)
    first: list[bool] = []
    prompter.confirm("First", "", "Yes", "No", first.append)
    informed: list[str] = []
    panel = prompter.inform("Time is up", "Handed in.", lambda: informed.append("closed"))
    assert prompter.current is panel and first == []
    qtbot.mouseClick(panel.findChild(QPushButton, "prompt-button-accept"), Qt.MouseButton.LeftButton)
    assert informed == ["closed"]
