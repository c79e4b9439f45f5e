"""The Qt application object the kiosk and the console run in; only the ui layer imports PySide6."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

APPLICATION_NAME = "1+X Assessment Kiosk"


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, created (once) if there is none yet."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION_NAME)
    return app


def run_event_loop(app: QApplication) -> int:
    """Run until the kiosk window closes; returns the exit code."""
    return int(app.exec())


def display_facts() -> tuple[tuple[int, int] | None, bool | None]:
    """The primary screen's size (in the layout's pixels) and whether a font can draw Simplified Chinese,
    for the lab check; (None, None) when there is no screen. Needs the Qt application to exist."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return None, None
    size = screen.size()
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return (size.width(), size.height()), bool(families)
