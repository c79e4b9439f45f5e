"""The kiosk window: the header, the stack of screens, the prompter over them, and lockdown.

This is the one place where screens, presenters and the prompter are connected to each other. It also
keeps the keyboard with the person: each screen change, and each closed prompt, puts the focus into the
screen on view (never into a hidden one); Tab goes through that screen's controls and then the header;
Enter presses a focused button.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.station.services.context import KioskContext
from kiosk.ui import theme
from kiosk.ui.i18n import LanguageSwitch, tr
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.presenters.exam import ExamPresenter
from kiosk.ui.presenters.kiosk import KioskPresenter, Screen
from kiosk.ui.prompts import Prompter
from kiosk.ui.screens.base import Screen as ScreenWidget
from kiosk.ui.screens.exam import ExamScreen
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.screens.instructions import InstructionsScreen
from kiosk.ui.screens.login import LoginScreen
from kiosk.ui.screens.receipt import ReceiptScreen
from kiosk.ui.screens.resume import ResumeScreen
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.unlock import UnlockScreen
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.controls import name_controls, tab_chain
from kiosk.ui.widgets.header import HeaderBar

# The lab PCs' screens; the layout is designed for this size and must read well at it.
DESIGN_SIZE = (1366, 768)
# How long after a prompt opens the window checks that it still has the keyboard.
STRAY_WINDOW_MS = 50


class MainWindow(QWidget):
    """The kiosk: one window, full screen and locked down unless ``lockdown`` is False (development)."""

    def __init__(
        self,
        ctx: KioskContext,
        lockdown: bool = True,
        appearance: theme.Appearance | None = None,
        refresh_ms: int = 500,
    ) -> None:
        super().__init__()
        self.setObjectName("kiosk-window")
        self.ctx = ctx
        self.appearance = appearance or theme.Appearance()
        self.languages = LanguageSwitch()
        self._may_close = False

        self.content = QWidget()
        self.header = HeaderBar()
        self.stack = QStackedWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content)

        self.prompter = Prompter(self, blocked=self.content)
        self.tasks = TaskRunner(parent=self)
        self.presenter = KioskPresenter(
            ctx, self.tasks, self.prompter, lambda: self.appearance.language, refresh_ms, parent=self
        )
        self.screens: dict[Screen, ScreenWidget] = {}
        self.idle = self._add(Screen.IDLE, IdleScreen())
        self.unlock = self._add(Screen.UNLOCK, UnlockScreen())
        self.resume = self._add(Screen.RESUME, ResumeScreen())
        self.login = self._add(Screen.LOGIN, LoginScreen())
        self.instructions = self._add(Screen.INSTRUCTIONS, InstructionsScreen())
        self.exam = self._add(Screen.EXAM, ExamScreen())
        self.review = self._add(Screen.REVIEW, ReviewScreen())
        self.receipt = self._add(Screen.RECEIPT, ReceiptScreen())
        self.lockdown = Lockdown(self, lockdown, lambda: self.prompter.is_open)
        self._connect()
        self.set_appearance(self.appearance)
        self.resize(*DESIGN_SIZE)

    def _add(self, key: Screen, screen: Any) -> Any:
        assert isinstance(screen, ScreenWidget)
        self.screens[key] = screen
        self.stack.addWidget(screen)
        return screen

    def _connect(self) -> None:
        presenter = self.presenter
        header = self.header
        header.language_toggled.connect(self.toggle_language)
        header.contrast_toggled.connect(self.toggle_contrast)
        header.text_larger_requested.connect(lambda: self.set_appearance(self.appearance.larger()))
        header.text_smaller_requested.connect(lambda: self.set_appearance(self.appearance.smaller()))
        header.large_text_toggled.connect(
            lambda: self.set_appearance(self.appearance.with_large_text(not self.appearance.large_text))
        )
        header.invigilator_requested.connect(presenter.open_invigilator_menu)
        menu = QShortcut(QKeySequence("Ctrl+Alt+I"), self)
        menu.setContext(Qt.ShortcutContext.ApplicationShortcut)
        menu.activated.connect(presenter.open_invigilator_menu)

        presenter.screen_changed.connect(self._show_screen)
        presenter.sittings_changed.connect(self._sittings_changed)
        presenter.busy_changed.connect(self._busy_changed)
        presenter.unlock_failed.connect(self.unlock.unlock_failed)
        presenter.sitting_opened.connect(self.login.set_sitting)
        presenter.login_failed.connect(self.login.login_failed)
        presenter.resume_offered.connect(self.resume.set_attempts)
        presenter.resume_failed.connect(self.resume.resume_failed)
        presenter.instructions_ready.connect(self.instructions.show_details)
        presenter.exam_started.connect(self._exam_started)
        presenter.receipt_ready.connect(self.receipt.show_receipt)
        presenter.kiosk_left.connect(self.leave)

        self.idle.unlock_requested.connect(presenter.request_unlock)
        self.unlock.unlock_requested.connect(presenter.unlock)
        self.unlock.cancelled.connect(presenter.cancel_unlock)
        self.resume.resume_requested.connect(presenter.authorise_resume)
        self.resume.skipped.connect(presenter.skip_resume)
        self.login.login_requested.connect(presenter.login)
        self.instructions.start_requested.connect(presenter.start_exam)
        self.exam.review_requested.connect(presenter.review)
        self.exam.rest_break_requested.connect(presenter.ask_rest_break)
        self.review.item_requested.connect(presenter.back_to_exam)
        self.review.back_requested.connect(lambda: presenter.back_to_exam())
        self.review.submit_requested.connect(presenter.ask_submit)
        self.receipt.finished.connect(presenter.finish_receipt)
        self.lockdown.focus_lost.connect(presenter.record_focus_loss)
        self.lockdown.focus_regained.connect(presenter.record_focus_back)
        # Qt gives the focus back to whatever comes next in its chain (the language button) when a prompt
        # closes; the person belongs on the screen they were working on.
        self.prompter.prompt_closed.connect(lambda _kind: QTimer.singleShot(0, self._focus_after_prompt))
        self.prompter.prompt_opened.connect(
            lambda _kind: QTimer.singleShot(STRAY_WINDOW_MS, self._stay_active)
        )
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- start and stop --------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the kiosk's state, show the idle screen, and lock the window down if enabled."""
        self.presenter.start()
        info = self.presenter.kiosk
        if info is not None:
            self.header.show_place(info.centre_name, info.kiosk_name)
            self.idle.show_kiosk(info.centre_name, info.kiosk_name, self.presenter.today_date().isoformat())
        if self.lockdown.enabled:
            self.lockdown.engage()
        else:
            self.show()

    def leave(self) -> None:
        """Close the kiosk for good (the invigilator's PIN was checked)."""
        self._may_close = True
        self.lockdown.release()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lockdown.enabled and not self._may_close:
            # Alt+F4 and the window manager's close button end here; only the invigilator menu may close.
            event.ignore()
            self.lockdown.escape_blocked.emit("close")
            return
        self.presenter.shutdown()
        self.languages.reset()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        event.accept()

    # -- screens -----------------------------------------------------------------------------------------

    def _show_screen(self, name: str) -> None:
        screen = Screen(name)
        widget = self.screens[screen]
        if screen is Screen.UNLOCK:
            self.unlock.set_sittings(self.presenter.sitting_lines())
            self.unlock.reset()
        elif screen is Screen.LOGIN:
            self.login.reset()
        elif screen is Screen.REVIEW:
            self.review.refresh()
        name_controls(widget)
        self.stack.setCurrentWidget(widget)
        if not self.prompter.is_open:
            widget.take_focus()

    def _stay_active(self) -> None:
        # Building a prompt can briefly show one of its labels as a window of its own before it is laid
        # out in the panel; the system then takes the keyboard from the kiosk and gives it to nobody. The
        # news of that comes after the prompt is built, hence the short wait.
        if self.isVisible() and QApplication.activeWindow() is None:
            self.activateWindow()

    def _focus_after_prompt(self) -> None:
        if self.prompter.is_open:
            return
        screen = self.screens[self.current_screen]
        if not screen.isAncestorOf(self.focusWidget()):
            screen.take_focus()

    # -- the keyboard ------------------------------------------------------------------------------------

    def tab_order(self) -> list[QWidget]:
        """What Tab visits now: the screen on view first, then the header's controls."""
        return self.screens[self.current_screen].tab_order() + tab_chain(self.header)

    def focusNextPrevChild(self, next: bool) -> bool:
        focus = self.focusWidget()
        order = [] if self.prompter.is_open else self.tab_order()
        if not order:
            # A prompt is open (its panel has its own order), or nothing on screen takes the keyboard.
            return super().focusNextPrevChild(next)
        if focus in order:
            target = order[(order.index(focus) + (1 if next else -1)) % len(order)]
        else:
            # The focus is on something Tab does not visit (the screen itself): start the round.
            target = order[0 if next else -1]
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a focused button presses it, as Space does (Qt does this only inside dialogs).
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QPushButton)
            and watched.hasFocus()
            and watched.window() is self
            and watched.isEnabled()
        ):
            watched.click()
            return True
        return False

    def _sittings_changed(self, sittings: list[Any], interrupted: list[Any]) -> None:
        self.idle.show_sittings(sittings)
        self.idle.show_interrupted(interrupted)

    def _busy_changed(self, busy: bool) -> None:
        for screen in (self.unlock, self.login, self.resume):
            screen.set_busy(busy)

    def _exam_started(self, exam: ExamPresenter) -> None:
        self.exam.bind(exam)
        self.review.bind(exam)

    @property
    def current_screen(self) -> Screen:
        return self.presenter.screen

    # -- appearance and language -----------------------------------------------------------------------

    def set_appearance(self, appearance: theme.Appearance) -> None:
        language_changed = appearance.language != self.languages.language
        self.appearance = appearance
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, appearance)
        self.header.show_appearance(appearance)
        self.setWindowTitle(tr("MainWindow", "1+X Assessment Kiosk"))
        if language_changed:
            self.languages.set_language(appearance.language)
            self.exam.set_language(appearance.language)
            self.presenter.language_changed()
            name_controls(self)

    def toggle_language(self) -> None:
        self.set_appearance(
            replace(self.appearance, language="zh" if self.appearance.language == "en" else "en")
        )

    def toggle_contrast(self) -> None:
        other = (
            theme.Theme.DEFAULT
            if self.appearance.theme is theme.Theme.HIGH_CONTRAST
            else theme.Theme.HIGH_CONTRAST
        )
        self.set_appearance(replace(self.appearance, theme=other))
