"""The console window: a header, the list of pages on the left, the current page, and the prompter over it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.admin.i18n import ConsoleLanguage
from kiosk.ui.admin.seams import Desktop, DialogFileChooser, FileChooser, SystemDesktop
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage
from kiosk.ui.i18n import tr
from kiosk.ui.prompts import Prompter
from kiosk.ui.tasks import TaskRunner

NAV_WIDTH = 230


class PagePresenter(Protocol):
    """What the window needs of a page's presenter: its page, and a call when the page comes into view."""

    @property
    def page(self) -> ConsolePage: ...

    def activated(self) -> None: ...


class Face(Protocol):
    """Which console this is (centre or registry): its name, a line saying where it works, its pages."""

    def title(self) -> str: ...

    def subtitle(self) -> str: ...

    def build(self, tools: ConsoleTools) -> Sequence[PagePresenter]: ...


class AdminWindow(QMainWindow):
    """The administrator console: pages chosen from a list, prompts drawn over the page."""

    page_changed = Signal(str)
    """The page with the given name is now shown."""

    def __init__(
        self,
        face: Face,
        language: ConsoleLanguage | None = None,
        chooser: FileChooser | None = None,
        desktop: Desktop | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("admin-window")
        self.face = face
        self.language = language or ConsoleLanguage()
        central = QWidget()
        central.setObjectName("admin-central")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QFrame()
        header.setProperty("role", "header")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(20, 8, 20, 8)
        self.title_label = QLabel()
        self.title_label.setObjectName("admin-title")
        self.title_label.setProperty("role", "title")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("admin-subtitle")
        self.subtitle_label.setProperty("role", "muted")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header_layout.addLayout(titles, 1)
        self.language_button = QPushButton()
        self.language_button.setObjectName("admin-language")
        self.language_button.clicked.connect(self._toggle_language)
        header_layout.addWidget(self.language_button)
        outer.addWidget(header)

        self.body = QWidget()
        self.body.setObjectName("admin-body")
        body_layout = QHBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("admin-nav")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setProperty("role", "nav-list")
        self.stack = QStackedWidget()
        self.stack.setObjectName("admin-stack")
        body_layout.addWidget(self.nav)
        body_layout.addWidget(self.stack, 1)
        outer.addWidget(self.body, 1)

        self.prompter = Prompter(central, blocked=self.body)
        self.tasks = tasks or TaskRunner(parent=self)
        self.tools = ConsoleTools(
            self.tasks, self.prompter, chooser or DialogFileChooser(), desktop or SystemDesktop()
        )
        self.presenters: list[PagePresenter] = []
        self.nav.currentRowChanged.connect(self._show_page)
        for index in range(9):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(self._go_to(index))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self).activated.connect(self.refresh)
        self.set_face(face)

    def set_face(self, face: Face) -> None:
        """Show ``face``'s pages in place of the current ones (a set-up page gives way to the console)."""
        self.face = face
        old = self.presenters
        self.presenters = []
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        for presenter in old:
            self.stack.removeWidget(presenter.page)
            presenter.page.deleteLater()
        self.presenters = list(face.build(self.tools))
        for presenter in self.presenters:
            self.stack.addWidget(presenter.page)
            self.nav.addItem("")
        self.retranslate()
        self.nav.setCurrentRow(0)
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- pages -----------------------------------------------------------------------------------------

    def show_page(self, name: str) -> ConsolePage:
        """Bring the named page into view (as choosing it in the list does) and return it."""
        for index, presenter in enumerate(self.presenters):
            if presenter.page.page_name == name:
                self.nav.setCurrentRow(index)
                return presenter.page
        raise KeyError(name)

    @property
    def current_page(self) -> ConsolePage:
        return self.presenters[self.stack.currentIndex()].page

    def refresh(self) -> None:
        """Read the current page's lists again (F5)."""
        self.presenters[self.stack.currentIndex()].activated()

    def _go_to(self, index: int) -> Callable[[], None]:
        def go() -> None:
            if index >= len(self.presenters):
                return
            self.nav.setCurrentRow(index)
            # A shortcut means "work on that page now": put the keyboard in it (arrow keys in the list
            # only browse, so they leave the focus in the list).
            first = self.presenters[index].page.first_input
            (first or self.nav).setFocus(Qt.FocusReason.ShortcutFocusReason)

        return go

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        presenter = self.presenters[index]
        presenter.activated()
        self.page_changed.emit(presenter.page.page_name)

    # -- language --------------------------------------------------------------------------------------

    def _toggle_language(self) -> None:
        self.language.set_language("zh" if self.language.language == "en" else "en")

    def retranslate(self) -> None:
        self.setWindowTitle(tr("AdminWindow", "1+X administrator console"))
        self.title_label.setText(self.face.title())
        self.subtitle_label.setText(self.face.subtitle())
        # The button names the other language in that language, so it can be found by someone who reads it.
        self.language_button.setText("中文" if self.language.language == "en" else "English")
        self.language_button.setToolTip(tr("AdminWindow", "Switch the console's language"))
        for index, presenter in enumerate(self.presenters):
            item = self.nav.item(index)
            shortcut = f"   Ctrl+{index + 1}" if index < 9 else ""
            item.setText(presenter.page.nav_label())
            item.setToolTip(presenter.page.nav_label() + shortcut)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tasks.busy:
            # Closing mid-import or mid-export would leave the administrator unsure what was done.
            self.prompter.inform(
                tr("AdminWindow", "Work is still running"),
                tr("AdminWindow", "Wait until the current work has finished, then close the console."),
            )
            event.ignore()
            return
        self.language.reset()
        super().closeEvent(event)
