"""Test doubles for the console's two seams (file chooser, desktop) and small helpers for driving it."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.admin.window import AdminWindow

# The lab and office screens the console is designed for.
SCREEN = (1366, 768)


class ScriptedChooser:
    """Answers the console's file questions from a script the test sets up, and records what was asked."""

    def __init__(self) -> None:
        self.answers: list[object] = []
        self.asked: list[tuple[str, str]] = []

    def _next(self, kind: str, title: str) -> object:
        self.asked.append((kind, title))
        return self.answers.pop(0) if self.answers else None

    def open_file(self, parent: QWidget, title: str, name_filter: str) -> Path | None:
        return self._next("open_file", title)  # type: ignore[return-value]

    def open_files(self, parent: QWidget, title: str, name_filter: str) -> list[Path]:
        return self._next("open_files", title) or []  # type: ignore[return-value]

    def folder(self, parent: QWidget, title: str) -> Path | None:
        return self._next("folder", title)  # type: ignore[return-value]

    def save_file(self, parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
        return self._next("save_file", title)  # type: ignore[return-value]


class RecordingDesktop:
    """Remembers the files the console asked the system to open, instead of opening a viewer."""

    def __init__(self) -> None:
        self.opened: list[Path] = []

    def open_path(self, path: Path) -> bool:
        self.opened.append(path)
        return True


def settle(qtbot: QtBot, window: AdminWindow) -> None:
    """Wait until the console's background work has finished and its results are on screen."""
    qtbot.waitUntil(lambda: not window.tasks.busy)


def click(qtbot: QtBot, button: QPushButton) -> None:
    """Click a button as a person would; it must be visible and enabled."""
    assert button.isVisible(), f"{button.objectName()} is hidden"
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace a line edit's text by typing, as a person would."""
    widget.setFocus()
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def answer_prompt(qtbot: QtBot, window: AdminWindow, button: str = "accept") -> str:
    """Click a button of the open prompt and return the prompt's title and message."""
    qtbot.waitUntil(lambda: window.prompter.current is not None)
    panel = window.prompter.current
    assert panel is not None
    said = f"{panel.title_label.text()}\n{panel.message_label.text()}"
    click(qtbot, panel.buttons[button])
    return said


def drop_files(area: QWidget, paths: list[Path]) -> None:
    """Drag files onto a widget as the file manager does: a drag entering it, then the drop, carrying URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = area.rect().center()
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide marks the (only) QPoint constructor deprecated; it is still how Qt makes the event.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(point), actions, mime, buttons, modifiers)
    QApplication.sendEvent(area, enter)
    assert enter.isAccepted(), "the widget refused the drag"
    drop = QDropEvent(QPointF(point), actions, mime, buttons, modifiers)
    QApplication.sendEvent(area, drop)
    assert drop.isAccepted(), "the widget refused the drop"
