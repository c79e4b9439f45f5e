"""Building blocks every console page shares: the page frame, a path field, a banner, tables, a drop area.

Each page says what it is for in one line under its title, keeps its words in ``retranslate()`` (called
again on every LanguageChange) and disables its action buttons while its work runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.theme import set_style_property


class ConsolePage(QWidget):
    """One page of the console: a title, a line saying what it is for, then the page's own widgets."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(f"page-{name}")
        self.page_name = name
        outer = QVBoxLayout(self)
        # Tight enough that the fullest page (export, in Chinese) fits a 1366x768 lab screen.
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(8)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "title")
        self.intro_label = QLabel()
        self.intro_label.setProperty("role", "muted")
        self.intro_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        outer.addWidget(self.intro_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body, 1)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName(f"{name}-busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        outer.addWidget(self.busy_bar)
        self._actions: list[QWidget] = []
        self._refocus: QWidget | None = None
        self.first_input: QWidget | None = None
        """Where the keyboard lands when the page is chosen with its shortcut."""

    # -- what subclasses provide ------------------------------------------------------------------------

    def nav_label(self) -> str:
        """The page's name in the console's navigation list."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible word of the page in the current language."""
        raise NotImplementedError

    # -- shared behaviour ------------------------------------------------------------------------------

    def guard(self, *widgets: QWidget) -> None:
        """Widgets to disable while the page's work runs (so nothing is started twice)."""
        self._actions.extend(widgets)

    def set_busy(self, busy: bool) -> None:
        if busy:
            focused = QApplication.focusWidget()
            self._refocus = focused if focused is not None and self.isAncestorOf(focused) else None
        self.busy_bar.setVisible(busy)
        for widget in self._actions:
            widget.setEnabled(not busy)
        if not busy:
            self.update_actions()
            self._restore_focus()

    def _restore_focus(self) -> None:
        # Disabling the focused button or box while work runs drops the keyboard focus; give it back, so
        # someone working without a mouse carries on where they were.
        target, self._refocus = self._refocus, None
        now = QApplication.focusWidget()
        if target is None or (now is not None and not self.isAncestorOf(now)):
            return
        if target.isEnabled() and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.first_input is not None and self.first_input.isEnabled():
            self.first_input.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def busy(self) -> bool:
        return self.busy_bar.isVisible()

    def update_actions(self) -> None:
        """Enable or disable the page's buttons for its current state (after work finished)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PathField(QWidget):
    """A file or folder path the administrator types or picks with a Browse button."""

    browse_requested = Signal()
    """The Browse button was pressed; the page's presenter asks its file chooser."""
    submitted = Signal()
    """Return was pressed in the path box."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}-edit")
        self.edit.setClearButtonEnabled(True)
        self.caption.setBuddy(self.edit)
        self.browse = QPushButton()
        self.browse.setObjectName(f"{name}-browse")
        layout.addWidget(self.caption)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.browse.clicked.connect(self.browse_requested)
        self.edit.returnPressed.connect(self.submitted)

    def set_texts(self, caption: str, browse: str, placeholder: str = "") -> None:
        self.caption.setText(caption)
        self.browse.setText(browse)
        self.edit.setPlaceholderText(placeholder)

    def path(self) -> Path | None:
        text = self.edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        self.edit.setText(str(path))


def make_table(name: str, wrap_rows: bool = False) -> QTableWidget:
    """A read-only table, whole rows selected, readable with the keyboard.

    ``wrap_rows`` keeps every row as tall as its wrapped text whenever a column changes width (for
    tables of sentences; it costs time on long tables, so lists of results do without).
    """
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    table.setTabKeyNavigation(False)
    if wrap_rows:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def set_headers(table: QTableWidget, headers: Sequence[str], stretch: int | None = None) -> None:
    """Set the column headings; ``stretch`` names the column that takes the spare width."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    header = table.horizontalHeader()
    # A stretched column never shrinks below this, so a long row elides elsewhere rather than vanishing.
    header.setMinimumSectionSize(64)
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]], keys: Sequence[object] = ()) -> None:
    """Replace the table's rows; ``keys`` (one per row) are kept as each row's first cell's user data."""
    sorting = table.isSortingEnabled()
    table.setSortingEnabled(False)
    table.clearContents()
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int | float) and not isinstance(value, bool):
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 0 and row < len(keys):
                item.setData(Qt.ItemDataRole.UserRole, keys[row])
            table.setItem(row, column, item)
    table.setSortingEnabled(sorting)
    table.resizeRowsToContents()
    # No current cell until the administrator picks one, so the first Down arrow lands on the first row.
    table.setCurrentCell(-1, -1)


def selected_key(table: QTableWidget) -> object | None:
    """The key of the selected row (see :func:`fill_table`), or None."""
    row = table.currentRow()
    if row < 0 or not table.selectionModel().isRowSelected(row, table.rootIndex()):
        return None
    return row_key(table, row)


def row_key(table: QTableWidget, row: int) -> object | None:
    """The key kept with a row by :func:`fill_table`."""
    item = table.item(row, 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def select_key(table: QTableWidget, key: object) -> bool:
    """Select the row whose key is ``key``; False if there is none."""
    for row in range(table.rowCount()):
        if row_key(table, row) == key:
            table.selectRow(row)
            return True
    return False


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else item.text()


def table_text(table: QTableWidget) -> list[list[str]]:
    """Every cell's text, row by row (what a person reads; used by tests and for copying)."""
    return [
        [cell_text(table, row, column) for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


class DropArea(QLabel):
    """A box that accepts files and folders dragged from the file manager."""

    paths_dropped = Signal(list)
    """Local files or folders (list[Path]) were dropped on the box."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumHeight(64)
        self.setProperty("role", "drop")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            set_style_property(self, "state", "hover")
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        set_style_property(self, "state", "")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        set_style_property(self, "state", "")
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.paths_dropped.emit(paths)
        else:
            event.ignore()
