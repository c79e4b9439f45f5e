"""The console's doors to the desktop: choosing files and opening them with the system's viewer.

They are seams rather than direct ``QFileDialog`` / ``QDesktopServices`` calls because a native file
dialog blocks in ``exec()`` and an opened PDF viewer outlives a test; tests pass their own chooser and
desktop, and everything else in the console is driven through real widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


class FileChooser(Protocol):
    """Asks the administrator for files and folders; every method returns None (or []) when cancelled."""

    def open_file(self, parent: QWidget, title: str, name_filter: str) -> Path | None: ...

    def open_files(self, parent: QWidget, title: str, name_filter: str) -> list[Path]: ...

    def folder(self, parent: QWidget, title: str) -> Path | None: ...

    def save_file(self, parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None: ...


class Desktop(Protocol):
    """Hands a finished file to the operating system (a PDF viewer, a spreadsheet)."""

    def open_path(self, path: Path) -> bool: ...


class DialogFileChooser:
    """The platform's file dialogs."""

    def open_file(self, parent: QWidget, title: str, name_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
        return Path(name) if name else None

    def open_files(self, parent: QWidget, title: str, name_filter: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return [Path(name) for name in names]

    def folder(self, parent: QWidget, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def save_file(self, parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
        return Path(name) if name else None


class SystemDesktop:
    """Opens files with whatever the operating system associates with them."""

    def open_path(self, path: Path) -> bool:
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
