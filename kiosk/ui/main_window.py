"""The kiosk window: the header, the stack of screens, the prompter over them, and lockdown.

This is the one place where screens, presenters and the prompter are connected to each other. It also
keeps the keyboard with the person: each screen change, and each closed prompt, puts the focus into the
screen on view (never into a hidden one); Tab goes through that screen's controls and then the header;
Enter presses a focused button. Keys are looked at on the control that has the keyboard, before it sees
them (the screen on view may use them, see ``Screen.handle_key``): the window's event filter follows the
focus from control to control, and watches the native window the keys arrive on, instead of watching
every event of the application.

Start-up paints first: only the idle screen is built with the window, the other screens when they are
first shown, and the store can be opened and checked behind the painted window (``start(open_store)``).
Nothing that needs the store can be done before its integrity check has passed: the presenter refuses it
and the idle screen offers no sitting to open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, assert_never, cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent, QWindow
from PySide6.QtWidgets import QApplication, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import LanguageSwitch, tr
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.presenters.kiosk import KioskPresenter, Screen
from kiosk.ui.prompts import Prompter
from kiosk.ui.screens.base import Screen as ScreenWidget
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.controls import name_controls, tab_chain
from kiosk.ui.widgets.header import HeaderBar

if TYPE_CHECKING:
    from kiosk.station.services.context import KioskContext
    from kiosk.ui.presenters.exam import ExamPresenter
    from kiosk.ui.screens.exam import ExamScreen
    from kiosk.ui.screens.instructions import InstructionsScreen
    from kiosk.ui.screens.login import LoginScreen
    from kiosk.ui.screens.receipt import ReceiptScreen
    from kiosk.ui.screens.resume import ResumeScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.unlock import UnlockScreen

# The lab PCs' screens; the layout is designed for this size and must read well at it.
DESIGN_SIZE = (1366, 768)
# How long after a prompt opens the window checks that it still has the keyboard.
STRAY_WINDOW_MS = 50


class MainWindow(QWidget):
    """The kiosk: one window, full screen and locked down unless ``lockdown`` is False (development).

    ``ctx`` is the opened store's context, or None when ``start`` is given the means to open it.
    """

    def __init__(
        self,
        ctx: KioskContext | None,
        lockdown: bool = True,
        appearance: theme.Appearance | None = None,
        refresh_ms: int = 500,
    ) -> None:
        super().__init__()
        self.setObjectName("kiosk-window")
        self.appearance = appearance or theme.Appearance()
        self.languages = LanguageSwitch()
        self._may_close = False
        self._closed = False

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
        # The screens built so far: the idle one now, each other one when it is first needed.
        self.screens: dict[Screen, ScreenWidget] = {}
        self.idle = IdleScreen()
        self._add(Screen.IDLE, self.idle)
        self.lockdown = Lockdown(self, lockdown, lambda: self.prompter.is_open)
        # The control the key filter is on: the one with the keyboard, when it is in this window.
        self._key_target: QWidget | None = None
        # The native window the keys arrive on (watched for key presses only; see _watch_window).
        self._handle: QWindow | None = None
        self._connect()
        self.set_appearance(self.appearance)
        self.resize(*DESIGN_SIZE)

    def _add(self, key: Screen, screen: ScreenWidget) -> ScreenWidget:
        self.screens[key] = screen
        self.stack.addWidget(screen)
        return screen

    def screen_widget(self, key: Screen) -> ScreenWidget:
        """The screen ``key``, built (and connected) the first time it is asked for."""
        built = self.screens.get(key)
        return built if built is not None else self._add(key, self._build(key))

    def _build(self, key: Screen) -> ScreenWidget:
        # Each screen's module is imported here: the exam screen brings the SVG renderer, the calculator
        # and every answer widget, none of which the first paint needs.
        presenter = self.presenter
        if key is Screen.IDLE:
            # Built with the window (it is the first paint); here only for completeness.
            return IdleScreen()
        if key is Screen.UNLOCK:
            from kiosk.ui.screens.unlock import UnlockScreen

            unlock = UnlockScreen()
            unlock.unlock_requested.connect(presenter.unlock)
            unlock.cancelled.connect(presenter.cancel_unlock)
            return unlock
        if key is Screen.RESUME:
            from kiosk.ui.screens.resume import ResumeScreen

            resume = ResumeScreen()
            resume.resume_requested.connect(presenter.authorise_resume)
            resume.skipped.connect(presenter.skip_resume)
            return resume
        if key is Screen.LOGIN:
            from kiosk.ui.screens.login import LoginScreen

            login = LoginScreen()
            login.login_requested.connect(presenter.login)
            return login
        if key is Screen.INSTRUCTIONS:
            from kiosk.ui.screens.instructions import InstructionsScreen

            instructions = InstructionsScreen()
            instructions.start_requested.connect(presenter.start_exam)
            return instructions
        if key is Screen.EXAM:
            from kiosk.ui.screens.exam import ExamScreen

            exam = ExamScreen()
            exam.review_requested.connect(presenter.review)
            exam.rest_break_requested.connect(presenter.ask_rest_break)
            return exam
        if key is Screen.REVIEW:
            from kiosk.ui.screens.review import ReviewScreen

            review = ReviewScreen()
            review.item_requested.connect(presenter.back_to_exam)
            review.back_requested.connect(lambda: presenter.back_to_exam())
            review.submit_requested.connect(presenter.ask_submit)
            return review
        if key is Screen.RECEIPT:
            from kiosk.ui.screens.receipt import ReceiptScreen

            receipt = ReceiptScreen()
            receipt.finished.connect(presenter.finish_receipt)
            return receipt
        assert_never(key)

    @property
    def unlock(self) -> UnlockScreen:
        return cast("UnlockScreen", self.screen_widget(Screen.UNLOCK))

    @property
    def resume(self) -> ResumeScreen:
        return cast("ResumeScreen", self.screen_widget(Screen.RESUME))

    @property
    def login(self) -> LoginScreen:
        return cast("LoginScreen", self.screen_widget(Screen.LOGIN))

    @property
    def instructions(self) -> InstructionsScreen:
        return cast("InstructionsScreen", self.screen_widget(Screen.INSTRUCTIONS))

    @property
    def exam(self) -> ExamScreen:
        return cast("ExamScreen", self.screen_widget(Screen.EXAM))

    @property
    def review(self) -> ReviewScreen:
        return cast("ReviewScreen", self.screen_widget(Screen.REVIEW))

    @property
    def receipt(self) -> ReceiptScreen:
        return cast("ReceiptScreen", self.screen_widget(Screen.RECEIPT))

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
        presenter.store_opened.connect(self._store_opened)
        presenter.store_failed.connect(self._store_failed)
        presenter.sittings_changed.connect(self._sittings_changed)
        presenter.busy_changed.connect(self._busy_changed)
        # The screens these go to are built when the first of them arrives.
        presenter.unlock_failed.connect(lambda said, field: self.unlock.unlock_failed(said, field))
        presenter.sitting_opened.connect(lambda name, exam: self.login.set_sitting(name, exam))
        presenter.login_failed.connect(lambda said, field: self.login.login_failed(said, field))
        presenter.resume_offered.connect(lambda lines: self.resume.set_attempts(lines))
        presenter.resume_failed.connect(lambda said, field: self.resume.resume_failed(said, field))
        presenter.instructions_ready.connect(lambda view: self.instructions.show_details(view))
        presenter.exam_started.connect(self._exam_started)
        presenter.receipt_ready.connect(lambda view: self.receipt.show_receipt(view))
        presenter.kiosk_left.connect(self.leave)

        self.idle.unlock_requested.connect(presenter.request_unlock)
        self.lockdown.focus_lost.connect(presenter.record_focus_loss)
        self.lockdown.focus_regained.connect(presenter.record_focus_back)
        # Qt gives the focus back to whatever comes next in its chain (the language button) when a prompt
        # closes; the person belongs on the screen they were working on.
        self.prompter.prompt_closed.connect(lambda _kind: QTimer.singleShot(0, self._focus_after_prompt))
        self.prompter.prompt_opened.connect(
            lambda _kind: QTimer.singleShot(STRAY_WINDOW_MS, self._stay_active)
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- start and stop --------------------------------------------------------------------------------

    def start(self, open_store: Callable[[], KioskContext] | None = None) -> None:
        """Show the idle screen, and lock the window down if enabled.

        With ``open_store`` the window shows at once and the store is opened and checked behind it, on a
        worker thread: the idle screen says so meanwhile, and nothing that needs the store (opening a
        sitting, a login, the invigilator's menu) can be done before its integrity check has passed.
        Without it, the context the window was made with is read at once.
        """
        if open_store is None:
            self.presenter.start()
        else:
            self.idle.show_opening()
            # Started now: while the worker imports and checks, the event loop paints the window (Qt
            # paints without holding Python's lock, so the two share the machine's cores).
            self.presenter.open(open_store)
        if self.lockdown.enabled:
            self.lockdown.engage()
        else:
            self.show()

    @property
    def ctx(self) -> KioskContext | None:
        """The store's context, once it is open and passed its check."""
        return self.presenter.ctx

    @property
    def ready(self) -> bool:
        """Whether the store is open and passed its check (what the kiosk does needs that)."""
        return self.presenter.ctx is not None

    def _store_opened(self) -> None:
        info = self.presenter.kiosk
        if info is None:
            # Not set up as a kiosk yet: the idle screen says so.
            self.idle.show_kiosk("", "", "")
            return
        self.header.show_place(info.centre_name, info.kiosk_name)
        self.idle.show_kiosk(info.centre_name, info.kiosk_name, self.presenter.today_date().isoformat())

    def _store_failed(self, message: str) -> None:
        """The store could not be opened or failed its check: say so, and let the window be closed (no
        invigilator's PIN can be checked without the store, and no exam can run on it)."""
        self.idle.show_store_failure(message)
        self._may_close = True
        self.lockdown.release()

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
        self._watch_keys_on(None)
        if self._handle is not None and shiboken6.isValid(self._handle):
            self._handle.removeEventFilter(self)
        self._handle = None
        app = QApplication.instance()
        if isinstance(app, QApplication) and not self._closed:
            app.focusChanged.disconnect(self._focus_changed)
        self._closed = True
        event.accept()

    # -- screens -----------------------------------------------------------------------------------------

    def _show_screen(self, name: str) -> None:
        screen = Screen(name)
        widget = self.screen_widget(screen)
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
        screen = self.screen_widget(self.current_screen)
        if not screen.isAncestorOf(self.focusWidget()):
            screen.take_focus()

    # -- the keyboard ------------------------------------------------------------------------------------

    def tab_order(self) -> list[QWidget]:
        """What Tab visits now: the screen on view first, then the header's controls."""
        return self.screen_widget(self.current_screen).tab_order() + tab_chain(self.header)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch_window()

    def _watch_window(self) -> None:
        """Watch the native window the keyboard's keys arrive on (made anew when lockdown changes the
        window's flags, hence on every show)."""
        handle = self.windowHandle()
        if handle is None or handle is self._handle:
            return
        if self._handle is not None and shiboken6.isValid(self._handle):
            self._handle.removeEventFilter(self)
        self._handle = handle
        handle.installEventFilter(self)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self._closed:
            self._watch_keys_on(new if new is not None and new.window() is self else None)

    def _watch_keys_on(self, widget: QWidget | None) -> None:
        """Move the key filter to ``widget`` (the control with the keyboard), or take it off (None)."""
        current = self._key_target
        if current is widget:
            return
        if current is not None and shiboken6.isValid(current):
            current.removeEventFilter(self)
        self._key_target = widget
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._handle:
            if event.type() == QEvent.Type.KeyPress:
                # A key arriving on the window goes next to the control the window keeps the keyboard on,
                # even where Qt does not count the window as the active one (an X session without a
                # window manager): the key filter is put there first.
                self._watch_keys_on(self.focusWidget() or self)
            return False
        # Installed on the control with the keyboard: every key pressed in the kiosk comes here first.
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or not isinstance(watched, QWidget)
        ):
            return False
        screen = self.screens.get(self.current_screen)
        if (
            screen is not None
            and screen.isVisible()
            and (watched is screen or screen.isAncestorOf(watched))
            and screen.handle_key(event, watched)
        ):
            return True
        # Enter on a focused button presses it, as Space does (Qt does this only inside dialogs).
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QPushButton)
            and watched is self.focusWidget()
            and watched.isEnabled()
        ):
            watched.click()
            return True
        return False

    def _sittings_changed(self, sittings: list[Any], interrupted: list[Any]) -> None:
        self.idle.show_sittings(sittings)
        self.idle.show_interrupted(interrupted)

    def _busy_changed(self, busy: bool) -> None:
        if Screen.UNLOCK in self.screens:
            self.unlock.set_busy(busy)
        if Screen.LOGIN in self.screens:
            self.login.set_busy(busy)
        if Screen.RESUME in self.screens:
            self.resume.set_busy(busy)

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
            if Screen.EXAM in self.screens:
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
