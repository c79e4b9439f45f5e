"""The exam screen: one item at a time, the navigator, the clock, and the saved mark.

Laid out for a 1366x768 lab screen: the question scrolls on the left, the navigator sits in a fixed column
on the right, and the buttons to move, flag and review stay at the bottom whatever the text size.
Keyboard: A-H or 1-9 choose, Left/Right or N/P move, F flags (when no text field has the focus);
Alt+P, Alt+N, Alt+F and Page Up/Down work everywhere. Whenever a question opens the keyboard focus goes
into it (the chosen option, the first option, or the text field), because the controls it was on now show
another question; Tab goes through the question first, then the buttons, then the navigator. The window
hands this screen each key before the focused control sees it (:meth:`ExamScreen.handle_key`).

A bank may allow tools: a calculator (Alt+C), shown in place of the navigator, and a zoom of each diagram
(Alt+D), shown in place of the question until "Back to the question" (Alt+Q). The calculator starts
empty on each question unless the bank lets it remember. The candidate may ask for a rest break (Alt+B); the
invigilator confirms it, and the break page says when the time runs again.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.items import Calculator as CalculatorKind
from kiosk.ui.errors import error_message
from kiosk.ui.i18n import tr
from kiosk.ui.presenters.exam import AnswerState, ExamPresenter
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.calculator import Calculator
from kiosk.ui.widgets.controls import describe, name_controls, tab_chain
from kiosk.ui.widgets.navigator import Navigator, NavState
from kiosk.ui.widgets.question import ImageCache, QuestionView
from kiosk.ui.widgets.status import Banner, Countdown, format_duration
from kiosk.ui.widgets.zoom import ZoomView

_LETTER_KEYS = {getattr(Qt.Key, f"Key_{letter}"): index for index, letter in enumerate("ABCDEFGH")}
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit - 1 for digit in range(1, 10)}
_TEXT_INPUTS = (QLineEdit, QPlainTextEdit)


class ExamScreen(Screen):
    """Shows the presenter's current item and forwards every answer, move and flag to it."""

    review_requested = Signal()
    """The candidate asked to see the review list."""
    rest_break_requested = Signal()
    """The candidate asked for a rest break (the invigilator confirms it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exam-screen")
        self.presenter: ExamPresenter | None = None
        self.view: QuestionView | None = None
        self._images = ImageCache({})
        # What the info banner says, kept as data so it can be said again in another language.
        self._info: tuple[str, int] | None = None

        self.position_label = QLabel()
        self.position_label.setObjectName("exam-position")
        self.position_label.setProperty("role", "title")
        self.flag_label = QLabel()
        self.flag_label.setObjectName("exam-flag-mark")
        self.saved_mark = QLabel()
        self.saved_mark.setObjectName("saved-mark")
        self.saved_mark.setProperty("role", "saved")
        self.countdown = Countdown()
        bar = QHBoxLayout()
        bar.addWidget(self.position_label)
        bar.addSpacing(16)
        bar.addWidget(self.flag_label)
        bar.addStretch(1)
        bar.addWidget(self.saved_mark)
        bar.addSpacing(16)
        bar.addWidget(self.countdown)

        self.save_banner = Banner("save-banner")
        self.time_banner = Banner("time-banner")
        self.info_banner = Banner("info-banner")

        self.question_scroll = QScrollArea()
        self.question_scroll.setObjectName("question-scroll")
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.zoom_view = ZoomView({})
        self.zoom_view.closed.connect(self.close_zoom)
        self.question_pages = QStackedWidget()
        self.question_pages.addWidget(self.question_scroll)
        self.question_pages.addWidget(self.zoom_view)
        question_card = QFrame()
        question_card.setProperty("role", "card")
        card_layout = QVBoxLayout(question_card)
        card_layout.setContentsMargins(2, 2, 2, 2)
        card_layout.addWidget(self.question_pages)

        self.nav_title = QLabel()
        self.nav_title.setProperty("role", "muted")
        self.nav_scroll = QScrollArea()
        self.nav_scroll.setWidgetResizable(True)
        self.nav_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.nav_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend = QLabel()
        self.legend.setObjectName("nav-legend")
        self.legend.setProperty("role", "muted")
        self.legend.setWordWrap(True)
        side = QFrame()
        side.setObjectName("nav-panel")
        side.setProperty("role", "card")
        side.setFixedWidth(310)
        nav_page = QWidget()
        nav_layout = QVBoxLayout(nav_page)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.addWidget(self.nav_title)
        nav_layout.addWidget(self.nav_scroll, 1)
        nav_layout.addWidget(self.legend)
        self.side_pages = QStackedWidget()
        self.side_pages.addWidget(nav_page)
        # The calculator scrolls in its column rather than push the buttons off a 768-pixel screen.
        self.calculator_scroll = QScrollArea()
        self.calculator_scroll.setObjectName("calculator-scroll")
        self.calculator_scroll.setWidgetResizable(True)
        self.calculator_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.calculator_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.calculator_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side_pages.addWidget(self.calculator_scroll)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.side_pages)
        self.navigator: Navigator | None = None
        self.calculator: Calculator | None = None

        main = QHBoxLayout()
        main.setSpacing(12)
        main.addWidget(question_card, 1)
        main.addWidget(side)
        exam_page = QWidget()
        exam_page.setLayout(main)

        self.paused_title = QLabel()
        self.paused_title.setObjectName("paused-title")
        self.paused_title.setProperty("role", "huge")
        self.paused_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_text = QLabel()
        self.paused_text.setWordWrap(True)
        self.paused_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        paused_page = QFrame()
        paused_page.setObjectName("paused-page")
        paused_page.setProperty("role", "card")
        self.break_back_button = QPushButton()
        self.break_back_button.setObjectName("break-back-button")
        self.break_back_button.setProperty("role", "primary")
        self.break_back_button.hide()
        paused_layout = QVBoxLayout(paused_page)
        paused_layout.addStretch(1)
        paused_layout.addWidget(self.paused_title)
        paused_layout.addWidget(self.paused_text)
        paused_layout.addSpacing(16)
        paused_layout.addWidget(self.break_back_button, 0, Qt.AlignmentFlag.AlignCenter)
        paused_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(exam_page)
        self.pages.addWidget(paused_page)

        self.previous_button = QPushButton()
        self.previous_button.setObjectName("previous-button")
        self.flag_button = QPushButton()
        self.flag_button.setObjectName("flag-button")
        self.flag_button.setCheckable(True)
        self.review_button = QPushButton()
        self.review_button.setObjectName("review-button")
        self.next_button = QPushButton()
        self.next_button.setObjectName("next-button")
        self.next_button.setProperty("role", "primary")
        self.rest_button = QPushButton()
        self.rest_button.setObjectName("rest-break-button")
        self.calculator_button = QPushButton()
        self.calculator_button.setObjectName("calculator-button")
        self.calculator_button.setCheckable(True)
        self.calculator_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rest_button)
        buttons.addWidget(self.calculator_button)
        buttons.addWidget(self.flag_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.save_banner)
        layout.addWidget(self.time_banner)
        layout.addWidget(self.info_banner)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.previous_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(1))
        self.flag_button.clicked.connect(self._toggle_flag)
        self.review_button.clicked.connect(self._review)
        self.rest_button.clicked.connect(self._ask_rest_break)
        self.calculator_button.clicked.connect(
            lambda: self.show_calculator(self.calculator_button.isChecked())
        )
        self.break_back_button.clicked.connect(self._end_rest_break)
        self.retranslate()

    # -- binding ---------------------------------------------------------------------------------------

    def bind(self, presenter: ExamPresenter) -> None:
        """Show ``presenter``'s exam; every presenter signal this screen follows is connected here."""
        self.presenter = presenter
        # A new candidate gets a question view of their own, built on their first question.
        if self.view is not None:
            self.question_scroll.takeWidget()
            self.view.deleteLater()
            self.view = None
        self._images = ImageCache(presenter.bank.images)
        self.zoom_view.set_images(presenter.bank.images)
        self.close_zoom()
        self._bind_calculator(presenter)
        self.navigator = Navigator(presenter.count)
        self.nav_scroll.setWidget(self.navigator)
        self.navigator.item_chosen.connect(self._jump)
        for position in range(presenter.count):
            self._refresh_nav(position)
        self.save_banner.clear()
        self.time_banner.clear()
        self._show_info(None)
        self.pages.setCurrentIndex(1 if presenter.paused else 0)
        presenter.item_shown.connect(self._show_item)
        presenter.answer_saved.connect(self._answer_saved)
        presenter.answer_save_failed.connect(self._answer_failed)
        presenter.answer_rejected.connect(self._answer_rejected)
        presenter.draft_changed.connect(lambda item_id: self._refresh_nav(self._position_of(item_id)))
        presenter.flag_changed.connect(self._flag_changed)
        presenter.time_changed.connect(self._time_changed)
        presenter.time_warning_reached.connect(self._time_warning)
        presenter.paused_changed.connect(self._paused_changed)
        presenter.extra_time_granted.connect(self._extra_time)
        presenter.clock_released.connect(self._clock_released)
        self._time_changed(presenter.remaining)
        self._show_paused_page()

    def image_box(self) -> QSize:
        """The largest picture that fits beside the navigator without hiding the question."""
        width = max(320, min((self.question_scroll.viewport().width() - 60) // 2, 560))
        return QSize(width, 280)

    # -- showing ---------------------------------------------------------------------------------------

    def _show_item(self, position: int) -> None:
        presenter = self.presenter
        assert presenter is not None
        item = presenter.item_at(position)
        form_item = presenter.form_items[position]
        view = self.view
        changed = view is None or view.item.id != item.id
        stored = presenter.response(item.id)
        draft = presenter.draft(item.id)
        if view is None:
            view = QuestionView(
                presenter.bank,
                item,
                form_item,
                presenter.language,
                self._images,
                self.image_box(),
                zoom=presenter.tools.zoom,
                response=stored,
                draft=draft,
            )
            view.zoom_requested.connect(self.open_zoom)
            view.response_edited.connect(self._answer_edited)
            view.draft_refused.connect(self._draft_refused)
            view.response_changing.connect(lambda: self._show_saved(False))
            self.view = view
            self.question_scroll.setWidget(view)
        else:
            view.show_item(item, form_item, presenter.language, self.image_box(), stored, draft)
        self.question_scroll.verticalScrollBar().setValue(0)
        self.close_zoom(focus=False)
        if changed and self.calculator is not None and not presenter.tools.calculator_memory:
            # Nothing worked out for one question is carried to the next, unless the bank allows it.
            self.calculator.clear()
        if self.navigator is not None:
            self.navigator.set_current(position)
        # News from the invigilator has been seen once the candidate moves on; it gives the room back.
        self._show_info(None)
        self._refresh_bar()
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < presenter.count - 1)
        # Its controls are named as they are filled; a control added to an answer widget without a name
        # of its own is named after its caption here.
        name_controls(view.answer)
        self.take_focus()

    def _answer_edited(self, item_id: str, raw: object) -> None:
        if self.presenter is not None:
            self.presenter.answer(item_id, raw)

    def _draft_refused(self, item_id: str, text: str) -> None:
        if self.presenter is not None:
            self.presenter.keep_draft(item_id, text)

    def _refresh_bar(self) -> None:
        presenter = self.presenter
        if presenter is None:
            return
        item_id = presenter.item.id
        self.position_label.setText(
            tr("ExamScreen", "Question {number} of {total}").format(
                number=presenter.index + 1, total=presenter.count
            )
        )
        flagged = presenter.is_flagged(item_id)
        self.flag_button.setChecked(flagged)
        self.flag_label.setText(tr("ExamScreen", "⚑ Flagged for review") if flagged else "")
        self._show_saved(
            presenter.is_saved(item_id) and presenter.answer_state(item_id) is not AnswerState.OPEN
        )

    def _show_saved(self, saved: bool) -> None:
        self.saved_mark.setText(tr("ExamScreen", "✓ Answer saved") if saved else "")
        self.saved_mark.setVisible(saved)

    def _refresh_nav(self, position: int) -> None:
        presenter = self.presenter
        if presenter is None or self.navigator is None:
            return
        item_id = presenter.form_items[position].item_id
        state = presenter.answer_state(item_id)
        self.navigator.set_state(
            position,
            NavState(
                state is AnswerState.ANSWERED, presenter.is_flagged(item_id), state is AnswerState.PARTLY
            ),
        )

    def _position_of(self, item_id: str) -> int:
        assert self.presenter is not None
        return next(
            i for i, form_item in enumerate(self.presenter.form_items) if form_item.item_id == item_id
        )

    # -- what the presenter reports ------------------------------------------------------------------

    def _answer_saved(self, item_id: str) -> None:
        self._refresh_nav(self._position_of(item_id))
        if self.save_banner.isVisibleTo(self) and self.save_banner.property("item") == item_id:
            self.save_banner.clear()
        if self.view is not None and self.view.item.id == item_id and self.presenter is not None:
            self._show_saved(self.presenter.answer_state(item_id) is not AnswerState.OPEN)

    def _answer_failed(self, item_id: str, message: str) -> None:
        number = self._position_of(item_id) + 1
        self.save_banner.setProperty("item", item_id)
        self.save_banner.show_message(
            "error",
            tr(
                "ExamScreen",
                "Your answer to question {number} was NOT saved. Put up your hand for the invigilator now.",
            ).format(number=number)
            + "\n"
            + message,
        )
        if self.view is not None and self.view.item.id == item_id:
            self._show_saved(False)

    def _answer_rejected(self, item_id: str, message: str) -> None:
        if (
            self.view is not None
            and self.view.item.id == item_id
            and hasattr(self.view.answer, "show_problem")
        ):
            self.view.answer.show_problem(message)
            self._show_saved(False)
            # The field at fault gets the keyboard back.
            self._focus_question()

    def _flag_changed(self, item_id: str, flagged: bool) -> None:
        self._refresh_nav(self._position_of(item_id))
        self._refresh_bar()

    def _time_changed(self, seconds: float) -> None:
        self.countdown.show_remaining(seconds, tr("ExamScreen", "Time left"))

    def _time_warning(self, minutes: int) -> None:
        self._refresh_time_banner()

    def _refresh_time_banner(self) -> None:
        """Say how little time is left, as things are now (extra time or a pause can change it)."""
        presenter = self.presenter
        minutes = presenter.warning_minutes() if presenter is not None and not presenter.paused else None
        if minutes is None:
            self.time_banner.clear()
        elif minutes == 1:
            self.time_banner.show_message(
                "warning",
                tr(
                    "ExamScreen",
                    "Only 1 minute left. Your answers are handed in automatically when time runs out.",
                ),
            )
        else:
            self.time_banner.show_message(
                "warning",
                tr(
                    "ExamScreen",
                    "Only {minutes} minutes left. Your answers are handed in automatically when time "
                    "runs out.",
                ).format(minutes=minutes),
            )

    def _show_info(self, info: tuple[str, int] | None) -> None:
        """Show news from the invigilator (``resumed``, ``extra_time`` with its minutes, or ``stopped`` with
        its seconds); None hides it."""
        self._info = info
        if info is None:
            self.info_banner.clear()
        elif info[0] == "resumed":
            self.info_banner.show_message(
                "info", tr("ExamScreen", "The exam has resumed. Your time is running again.")
            )
        elif info[0] == "stopped":
            self.info_banner.show_message(
                "info",
                tr(
                    "ExamScreen",
                    "Your time was stopped for {time} while the invigilator used this PC; you lost none.",
                ).format(time=format_duration(info[1])),
            )
        else:
            self.info_banner.show_message(
                "info",
                tr("ExamScreen", "The invigilator gave you {minutes} more minutes.").format(minutes=info[1]),
            )

    def _paused_changed(self, paused: bool) -> None:
        self._show_paused_page()
        self._show_info(None if paused else ("resumed", 0))
        self._refresh_time_banner()
        self.take_focus()

    def _show_paused_page(self) -> None:
        """The paused page (an invigilator's pause, or a rest break) or the exam, with the right buttons."""
        presenter = self.presenter
        paused = presenter is not None and presenter.paused
        on_break = presenter is not None and presenter.on_break
        self.pages.setCurrentIndex(1 if paused else 0)
        for button in (
            self.previous_button,
            self.next_button,
            self.flag_button,
            self.review_button,
            self.rest_button,
        ):
            button.setVisible(not paused)
        self.calculator_button.setVisible(not paused and self.calculator is not None)
        self.break_back_button.setVisible(on_break)
        self._retranslate_paused()

    def _retranslate_paused(self) -> None:
        if self.presenter is not None and self.presenter.on_break:
            self.paused_title.setText(tr("ExamScreen", "Rest break"))
            self.paused_text.setText(
                tr(
                    "ExamScreen",
                    "Your time is stopped and your answers are saved. When you are back, press the button "
                    "below and your time runs again.",
                )
            )
        else:
            self.paused_title.setText(tr("ExamScreen", "Exam paused"))
            self.paused_text.setText(
                tr(
                    "ExamScreen",
                    "The invigilator has paused the exam. Your time is stopped and your answers are saved.",
                )
            )

    def _clock_released(self, seconds: float) -> None:
        if seconds >= 1:
            self._show_info(("stopped", round(seconds)))

    def _ask_rest_break(self) -> None:
        if self.presenter is None or self.presenter.paused or not self._may_leave():
            return
        self.rest_break_requested.emit()

    def _end_rest_break(self) -> None:
        presenter = self.presenter
        if presenter is None or not presenter.on_break:
            return
        try:
            presenter.end_rest_break()
        except KioskError as error:
            self.save_banner.show_message("error", error_message(error))

    # -- tools -------------------------------------------------------------------------------------------

    def _bind_calculator(self, presenter: ExamPresenter) -> None:
        if self.calculator is not None:
            self.calculator_scroll.takeWidget()
            self.calculator.deleteLater()
            self.calculator = None
        self.side_pages.setCurrentIndex(0)
        self.calculator_button.setChecked(False)
        kind = presenter.tools.calculator
        if kind is None:
            self.calculator_button.hide()
            return
        self.calculator = Calculator(kind is CalculatorKind.SCIENTIFIC)
        self.calculator.close_requested.connect(lambda: self.show_calculator(False))
        self.calculator_scroll.setWidget(self.calculator)
        self.calculator_button.setVisible(not presenter.paused)

    def show_calculator(self, shown: bool) -> None:
        """Show the calculator in place of the navigator (with the keyboard on it), or the navigator again."""
        calculator = self.calculator
        if calculator is None:
            return
        self.calculator_button.setChecked(shown)
        self.side_pages.setCurrentIndex(1 if shown else 0)
        if shown:
            calculator.focus_input()
        else:
            self._focus_question()

    @property
    def calculator_shown(self) -> bool:
        return self.calculator is not None and self.side_pages.currentIndex() == 1

    def open_zoom(self, path: str) -> None:
        """Show the diagram at ``path`` filling the question area."""
        self.question_pages.setCurrentWidget(self.zoom_view)
        self.zoom_view.show_image(path)

    def close_zoom(self, focus: bool = True) -> None:
        """Back from an enlarged diagram to the question."""
        if self.question_pages.currentWidget() is self.question_scroll:
            return
        self.question_pages.setCurrentWidget(self.question_scroll)
        if focus:
            self._focus_question()

    @property
    def zoomed(self) -> bool:
        return self.question_pages.currentWidget() is self.zoom_view

    def _extra_time(self, minutes: int) -> None:
        self._show_info(("extra_time", minutes))
        self._refresh_time_banner()

    # -- what the candidate does ---------------------------------------------------------------------

    def _commit_typing(self) -> None:
        if self.view is not None:
            self.view.answer.commit_pending()

    def _may_leave(self) -> bool:
        """Save what is typed; False (focus back on the field) when the candidate must first see a problem."""
        if self.view is None or self.view.answer.may_leave():
            return True
        self._focus_question()
        return False

    def _move(self, step: int) -> None:
        if self.presenter is None or self.presenter.paused:
            return
        target = self.presenter.index + step
        if not 0 <= target < self.presenter.count or not self._may_leave():
            return
        self.presenter.show(target)

    def _jump(self, position: int) -> None:
        if self.presenter is None or self.presenter.paused or not self._may_leave():
            return
        self.presenter.show(position)

    def _toggle_flag(self) -> None:
        if self.presenter is None or self.presenter.paused:
            return
        self.presenter.toggle_flag()
        self._refresh_bar()

    def _review(self) -> None:
        if self.presenter is None or self.presenter.paused or not self._may_leave():
            return
        self.review_requested.emit()

    # -- keyboard focus ----------------------------------------------------------------------------------

    def _focus_question(self) -> None:
        if self.view is not None and self.isVisible():
            self.view.answer.focus_answer()

    def take_focus(self) -> None:
        """Put the keyboard focus where the candidate works: into the question, or on the paused page."""
        if not self.isVisible():
            return
        if self.presenter is not None and self.presenter.on_break:
            self.break_back_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.presenter is None or self.presenter.paused or self.view is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.zoomed:
            self.zoom_view.pane.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.view.answer.focus_answer()
        if not self.view.isAncestorOf(self.window().focusWidget()):
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_order(self) -> list[QWidget]:
        """What Tab visits on this screen: the question's controls (or the enlarged diagram's), the
        buttons, then the navigator or the calculator."""
        if self.presenter is None or self.view is None:
            return []
        if self.presenter.paused:
            return [self.break_back_button] if self.break_back_button.isVisible() else []
        order = tab_chain(self.zoom_view) if self.zoomed else tab_chain(self.view)
        order += [
            button
            for button in (
                self.previous_button,
                self.rest_button,
                self.calculator_button,
                self.flag_button,
                self.review_button,
                self.next_button,
            )
            if button.isVisible() and button.isEnabled()
        ]
        if self.calculator_shown and self.calculator is not None:
            order += tab_chain(self.calculator)
        elif self.navigator is not None:
            order += [button for button in self.navigator.buttons if button.isEnabled()]
        return order

    def handle_key(self, event: QKeyEvent, target: QWidget) -> bool:
        """The exam's keyboard shortcuts for a key sent to ``target`` (the control with the focus, seen
        before it: a radio button would eat the arrow keys); True when the key was used here."""
        if self.presenter is None or self.presenter.paused or self.view is None or not self.isEnabled():
            return False
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.zoomed:
            return False
        if key == Qt.Key.Key_PageDown:
            self._move(1)
            return True
        if key == Qt.Key.Key_PageUp:
            self._move(-1)
            return True
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        # A key a text field ignored (Left at its start) still belongs to the field, not to navigation.
        focus = QApplication.focusWidget() or target
        if self.zoomed or (self.calculator is not None and self.calculator.isAncestorOf(focus)):
            # The arrows move about the enlarged diagram; letters and digits go to the calculator.
            return False
        if isinstance(target, _TEXT_INPUTS) or isinstance(focus, _TEXT_INPUTS):
            return False
        if key in (Qt.Key.Key_Right, Qt.Key.Key_N):
            self._move(1)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_P):
            self._move(-1)
            return True
        if key == Qt.Key.Key_F:
            self._toggle_flag()
            return True
        if key in _DIGIT_KEYS:
            return self.view.answer.choose(_DIGIT_KEYS[key])
        if key in _LETTER_KEYS and not isinstance(focus, QComboBox) and not isinstance(target, QComboBox):
            # In a matching drop-down a letter picks that option, as Qt's own list search does.
            return self.view.answer.choose(_LETTER_KEYS[key])
        return False

    # -- language --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.previous_button.setText(tr("ExamScreen", "◀ &Previous"))
        self.next_button.setText(tr("ExamScreen", "&Next ▶"))
        self.flag_button.setText(tr("ExamScreen", "⚑ &Flag for review"))
        self.review_button.setText(tr("ExamScreen", "&Review and submit"))
        self.rest_button.setText(tr("ExamScreen", "Rest &break"))
        self.calculator_button.setText(tr("ExamScreen", "&Calculator"))
        self.break_back_button.setText(tr("ExamScreen", "I am &back: continue the exam"))
        describe(self.previous_button, tr("ExamScreen", "Previous question"))
        describe(self.next_button, tr("ExamScreen", "Next question"))
        describe(
            self.flag_button,
            tr("ExamScreen", "Flag for review"),
            tr("ExamScreen", "Marks this question to look at again before you submit."),
        )
        describe(
            self.review_button,
            tr("ExamScreen", "Review and submit"),
            tr("ExamScreen", "Lists unanswered and flagged questions; you submit from there."),
        )
        describe(
            self.rest_button,
            tr("ExamScreen", "Rest break"),
            tr("ExamScreen", "Asks for a rest break; the invigilator confirms it and your time stops."),
        )
        describe(
            self.calculator_button,
            tr("ExamScreen", "Calculator"),
            tr("ExamScreen", "Shows or hides the calculator in place of the question numbers."),
        )
        describe(self.break_back_button, tr("ExamScreen", "I am back: continue the exam"))
        describe(self.question_scroll, tr("ExamScreen", "The question"))
        self.nav_title.setText(tr("ExamScreen", "Questions"))
        self.legend.setText(
            tr(
                "ExamScreen",
                "Filled: answered. ◐ and a dashed border: partly answered. ⚑: flagged. Thick border: on "
                "screen now. Click a number to go there.",
            )
        )
        self._retranslate_paused()
        if self.calculator is not None:
            self.calculator.retranslate()
        self.zoom_view.retranslate()
        if self.presenter is not None:
            self._refresh_bar()
            self._time_changed(self.presenter.remaining)
            self._refresh_time_banner()
            self._show_info(self._info)
            if self.navigator is not None:
                self.navigator.retranslate()

    def set_language(self, language: str) -> None:
        """Show the item in ``language`` where it has a version in it (the UI words follow the translator)."""
        if self.presenter is not None:
            self._commit_typing()
            self.presenter.language = language
            if self.view is not None:
                # The same question again, in the other language: the invigilator's news still stands.
                info = self._info
                self._show_item(self.presenter.index)
                self._show_info(info)
