"""What the kiosk does next: from idle to an unlocked sitting, candidate after candidate, and the invigilator.

The presenter calls the services (slow ones through the TaskRunner), keeps the state of this PC (the open
sitting, the candidate's session) and tells the window which screen to show. It asks people things only
through the Prompter. The invigilator's menu is its part in ``kiosk.ui.presenters.invigilator``.

The store may be opened behind a window that is already painted (:meth:`KioskPresenter.open`): until it
has passed its integrity check ``ctx`` is None, and unlocking, logging in, resuming and the invigilator's
menu are refused. The services are imported where they are used, so that importing this module (and
painting the first screen) does not wait for the store's libraries.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.domain.attempt import AttemptState
from kiosk.domain.items import Bank
from kiosk.ui.errors import error_message
from kiosk.ui.i18n import tr, trn
from kiosk.ui.presenters.captions import bank_caption, exam_title, grade_name, state_label
from kiosk.ui.presenters.invigilator import InvigilatorMenu
from kiosk.ui.prompts import Prompter
from kiosk.ui.screens.views import InstructionsView, InterruptedLine, ReceiptView, SittingLine
from kiosk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kiosk.station.services import lockdown
    from kiosk.station.services.context import KioskContext
    from kiosk.station.services.exam import ExamSession, InterruptedAttempt
    from kiosk.station.services.kiosk_setup import KioskInfo
    from kiosk.station.services.sittings import OpenSitting, SittingInfo
    from kiosk.ui.presenters.exam import ExamPresenter


class Screen(enum.StrEnum):
    IDLE = "idle"
    UNLOCK = "unlock"
    RESUME = "resume"
    LOGIN = "login"
    INSTRUCTIONS = "instructions"
    EXAM = "exam"
    REVIEW = "review"
    RECEIPT = "receipt"


# Which field of the unlock, login or resume screen an error is about, by the start of its code.
_FIELDS_AT_FAULT = (
    ("invigilator.pin_", "pin"),
    ("sitting.release_code_", "release_code"),
    ("login.wrong_code", "code"),
    ("login.", "number"),
)


@dataclass(frozen=True)
class _Opened:
    """What the kiosk reads from its store as it starts, on the worker that opened it."""

    ctx: KioskContext
    kiosk: KioskInfo | None
    interrupted: list[InterruptedAttempt]
    today: list[SittingInfo]


def _read_start(ctx: KioskContext) -> _Opened:
    """Who this kiosk is, the attempts a crash left running (now marked so), and today's open sittings."""
    from kiosk.station.services import exam as exam_service
    from kiosk.station.services import kiosk_setup

    return _Opened(ctx, kiosk_setup.kiosk_info(ctx), exam_service.find_interrupted(ctx), _today_sittings(ctx))


def _today_sittings(ctx: KioskContext) -> list[SittingInfo]:
    from kiosk.station.services import sittings

    today = ctx.clock.wall().astimezone().date()
    return [s for s in sittings.list_sittings(ctx, today) if s.state.value != "closed"]


def field_at_fault(error: Exception) -> str:
    """``pin``, ``release_code``, ``code`` or ``number``: the field to correct; "" when none is to blame."""
    code = str(getattr(error, "code", ""))
    return next((field for prefix, field in _FIELDS_AT_FAULT if code.startswith(prefix)), "")


class KioskPresenter(InvigilatorMenu, QObject):
    """The kiosk's flow between screens, and the invigilator's menu."""

    screen_changed = Signal(str)
    """The window should now show this screen (a ``Screen`` value)."""
    sittings_changed = Signal(list, list)
    """Today's sittings (``SittingLine``) and interrupted attempts (``InterruptedLine``) were (re)read."""
    unlock_failed = Signal(str, str)
    """Opening a sitting failed; carries the sentence to show and the field at fault (``field_at_fault``)."""
    sitting_opened = Signal(str, str)
    """A sitting was unlocked on this kiosk; carries its name and its exam's title."""
    login_failed = Signal(str, str)
    """A candidate could not log in; carries the sentence to show and the field at fault."""
    resume_failed = Signal(str, str)
    """Resuming an interrupted attempt failed; carries the sentence to show and the field at fault."""
    resume_offered = Signal(list)
    """Interrupted attempts (``InterruptedLine``) of the open sitting wait for the invigilator."""
    instructions_ready = Signal(object)
    """The candidate logged in; carries the ``InstructionsView`` to show."""
    exam_started = Signal(object)
    """The candidate's exam is on screen; carries its ``ExamPresenter``."""
    receipt_ready = Signal(object)
    """The answers were handed in; carries the ``ReceiptView``."""
    busy_changed = Signal(bool)
    """Slow work started (True) or finished (False)."""
    kiosk_left = Signal()
    """The invigilator closed the kiosk program with their PIN."""
    store_opened = Signal()
    """The store is open and passed its check; ``kiosk`` and today's sittings have been read."""
    store_failed = Signal(str)
    """The store could not be opened or failed its integrity check; carries the sentence to show."""

    def __init__(
        self,
        ctx: KioskContext | None,
        tasks: TaskRunner,
        prompter: Prompter,
        language: Callable[[], str],
        refresh_ms: int = 500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.prompter = prompter
        self._language = language
        self._refresh_ms = refresh_ms
        self.screen = Screen.IDLE
        self.store_error: Exception | None = None
        self.kiosk: KioskInfo | None = None
        self.today: list[SittingInfo] = []
        self.interrupted: list[InterruptedAttempt] = []
        self.open_sitting: OpenSitting | None = None
        self.session: ExamSession | None = None
        self.exam: ExamPresenter | None = None
        self._focus_loss: lockdown.FocusLoss | None = None
        # The clock stopped for the invigilator's menu runs again once no prompt is left open.
        prompter.settled.connect(self.release_menu_clock)

    # -- start-up and the idle screen ----------------------------------------------------------------

    def start(self) -> None:
        """Read who this kiosk is, mark attempts a crash left running, list today's sittings; show idle."""
        self._opened(_read_start(self._store()))

    def open(self, open_store: Callable[[], KioskContext]) -> None:
        """Open the store with ``open_store`` on a worker thread (it raises if the store fails its check),
        then start as :meth:`start` does; ``store_opened`` or ``store_failed`` says how it went."""
        self.tasks.run("open-store", lambda: _read_start(open_store()), self._opened, self._open_failed)

    def _opened(self, opened: _Opened) -> None:
        self.ctx = opened.ctx
        self.kiosk = opened.kiosk
        self.interrupted = opened.interrupted
        self.today = opened.today
        self.sittings_changed.emit(self.sitting_lines(), self.interrupted_lines())
        self.store_opened.emit()
        self._show(Screen.IDLE)

    def _open_failed(self, error: Exception) -> None:
        self.store_error = error
        self.store_failed.emit(error_message(error))

    def store_refusal(self) -> str | None:
        """Why nothing needing the store can be done yet (still being checked, or failed); None once open."""
        if self.ctx is not None:
            return None
        if self.store_error is not None:
            return error_message(self.store_error)
        return tr("KioskPresenter", "The kiosk is still checking its store; try again in a moment.")

    def today_date(self) -> Any:
        return self._store().clock.wall().astimezone().date()

    def reload(self) -> None:
        self.today = _today_sittings(self._store())
        self.sittings_changed.emit(self.sitting_lines(), self.interrupted_lines())

    def sitting_lines(self) -> list[SittingLine]:
        language = self._language()
        return [
            SittingLine(info.id, info.name, bank_caption(info.bank_id, language), state_label(info))
            for info in self.today
        ]

    def interrupted_lines(self, sitting_id: int | None = None) -> list[InterruptedLine]:
        return [
            InterruptedLine(
                attempt.attempt_id,
                attempt.sitting_id,
                f"{attempt.candidate_number} {attempt.candidate_name}",
                max(0.0, attempt.allowed_seconds - attempt.consumed_seconds),
            )
            for attempt in self.interrupted
            if sitting_id is None or attempt.sitting_id == sitting_id
        ]

    def request_unlock(self) -> None:
        self._show(Screen.UNLOCK)

    def cancel_unlock(self) -> None:
        self._show(Screen.IDLE)

    # -- unlocking a sitting ---------------------------------------------------------------------------

    def unlock(self, sitting_id: int, pin: str, release_code: str) -> None:
        """Open a sitting off the GUI thread (Argon2id and decryption take a moment)."""
        ctx = self.ctx
        if ctx is None:
            self.unlock_failed.emit(self.store_refusal() or "", "")
            return
        from kiosk.station.services import sittings

        self._busy(True)
        self.tasks.run(
            "unlock",
            lambda: sittings.open_sitting(ctx, sitting_id, pin, release_code),
            self._unlocked,
            lambda error: self._failed(self.unlock_failed, error),
        )

    def _unlocked(self, opened: OpenSitting) -> None:
        self._busy(False)
        self.open_sitting = opened
        self.reload()
        self.sitting_opened.emit(opened.name, self.exam_caption(opened.bank))
        waiting = self.interrupted_lines(opened.sitting_id)
        if waiting:
            self.resume_offered.emit(waiting)
            self._show(Screen.RESUME)
        else:
            self._show(Screen.LOGIN)

    def exam_caption(self, bank: Bank) -> str:
        return tr("KioskPresenter", "{title} (version {version})").format(
            title=exam_title(bank, self._language()), version=bank.version
        )

    # -- candidates ----------------------------------------------------------------------------------

    def login(self, candidate_number: str, access_code: str) -> None:
        sitting = self.open_sitting
        ctx = self.ctx
        if sitting is None or ctx is None:
            self.login_failed.emit(
                tr("KioskPresenter", "No sitting is open on this kiosk; call the invigilator."), ""
            )
            return
        from kiosk.station.services import exam as exam_service

        self._busy(True)
        self.tasks.run(
            "login",
            lambda: exam_service.login(ctx, sitting, candidate_number, access_code),
            self._logged_in,
            lambda error: self._failed(self.login_failed, error),
        )

    def _logged_in(self, session: ExamSession) -> None:
        self._busy(False)
        self.session = session
        if session.state is AttemptState.READY:
            self.instructions_ready.emit(self.instructions(session))
            self._show(Screen.INSTRUCTIONS)
        else:
            self.start_exam()

    def candidate_name(self, session: ExamSession) -> str:
        if self._language() == "zh" and session.candidate_name_zh:
            return session.candidate_name_zh
        return session.candidate_name

    def instructions(self, session: ExamSession) -> InstructionsView:
        bank = session.bank
        return InstructionsView(
            candidate=f"{self.candidate_name(session)} ({session.candidate_number})",
            exam=exam_title(bank, self._language()),
            grade=grade_name(bank),
            minutes=session.allowed_seconds / 60.0,
            standard_minutes=bank.blueprint.duration_minutes,
            item_count=len(session.form.items),
            resumed=session.state is not AttemptState.READY,
        )

    def start_exam(self) -> None:
        """Start (or continue) the logged-in candidate's exam."""
        session = self.session
        if session is None:
            return
        if self.exam is not None:
            self.exam.stop()
            self.exam.deleteLater()
        # Imported here, with the exam itself: the first screens do not need it.
        from kiosk.ui.presenters.exam import ExamPresenter

        self.exam = ExamPresenter(session, self._language(), self._refresh_ms, parent=self)
        self.exam.exam_finished.connect(self._exam_finished)
        self.exam_started.emit(self.exam)
        self._show(Screen.EXAM)
        try:
            self.exam.begin()
        except Exception as error:
            self.prompter.inform(tr("KioskPresenter", "The exam cannot start"), error_message(error))

    def review(self) -> None:
        if self.exam is not None and not self.exam.finished:
            self._show(Screen.REVIEW)

    def back_to_exam(self, position: int | None = None) -> None:
        if self.exam is None or self.exam.finished:
            return
        self._show(Screen.EXAM)
        self.exam.show(self.exam.index if position is None else position)

    def ask_submit(self) -> None:
        """Ask the candidate to confirm; submitting cannot be undone."""
        exam = self.exam
        if exam is None or exam.finished:
            return
        unanswered = exam.unanswered_count
        partly = exam.partly_count
        if unanswered:
            message = trn(
                "KioskPresenter",
                "%n question(s) not answered. After you submit you cannot change any answer.",
                unanswered,
            )
        else:
            message = tr("KioskPresenter", "After you submit you cannot change any answer.")
        if partly:
            message = trn("KioskPresenter", "%n question(s) only partly answered.", partly) + " " + message
        self.prompter.confirm(
            tr("KioskPresenter", "Submit your answers?"),
            message,
            tr("KioskPresenter", "Yes, submit"),
            tr("KioskPresenter", "No, go back"),
            self._submit_answered,
        )

    def _submit_answered(self, confirmed: bool) -> None:
        if not confirmed or self.exam is None or self.exam.finished:
            return
        try:
            self.exam.submit()
        except Exception as error:
            self.prompter.inform(
                tr("KioskPresenter", "Your answers were not handed in"),
                error_message(error) + "\n" + tr("KioskPresenter", "Put up your hand for the invigilator."),
            )

    def _exam_finished(self, receipt: Any) -> None:
        self.prompter.cancel()
        self.interrupted = [a for a in self.interrupted if a.attempt_id != receipt.attempt_id]
        result = receipt.result
        self.receipt_ready.emit(
            ReceiptView(
                candidate=f"{self.candidate_name(self.session) if self.session else receipt.candidate_name} "
                f"({receipt.candidate_number})",
                sitting=receipt.sitting_name,
                exam=exam_title(self.session.bank, self._language()) if self.session else receipt.bank_id,
                submission_code=receipt.submission_code,
                submitted_at=receipt.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                answered=receipt.answered,
                item_count=receipt.item_count,
                expired=receipt.state is AttemptState.EXPIRED,
                percent=result.percent if result is not None else None,
                passed=result.passed if result is not None else None,
            )
        )
        self._show(Screen.RECEIPT)

    def finish_receipt(self) -> None:
        """Make the PC ready for the next candidate."""
        self._end_candidate()
        self._show(Screen.LOGIN if self.open_sitting is not None else Screen.IDLE)

    def _end_candidate(self) -> None:
        if self.exam is not None:
            self.exam.stop()
            self.exam.deleteLater()
        if self.session is not None:
            self.session.close()
        self.exam = None
        self.session = None

    # -- resuming after a crash ------------------------------------------------------------------------

    def authorise_resume(self, attempt_id: str, pin: str) -> None:
        sitting = self.open_sitting
        ctx = self.ctx
        if sitting is None or ctx is None:
            return
        from kiosk.station.services import exam as exam_service

        self._busy(True)
        self.tasks.run(
            "resume",
            lambda: exam_service.authorise_resume(ctx, sitting, attempt_id, pin),
            self._resumed,
            lambda error: self._failed(self.resume_failed, error),
        )

    def _resumed(self, session: ExamSession) -> None:
        self._busy(False)
        self.interrupted = [a for a in self.interrupted if a.attempt_id != session.attempt_id]
        self.session = session
        self.start_exam()

    def skip_resume(self) -> None:
        self._show(Screen.LOGIN)

    # -- lockdown --------------------------------------------------------------------------------------

    def record_focus_loss(self, detail: str) -> None:
        """Log that the kiosk window lost the focus, if a sitting is open (the incident needs one)."""
        sitting = self.open_sitting
        if sitting is None:
            return
        attempt = self.session.attempt_id if self.session is not None and self.exam is not None else None
        from kiosk.station.services import lockdown

        try:
            self._focus_loss = lockdown.focus_lost(self._store(), sitting, attempt, detail)
        except Exception as error:
            error_message(error)

    def record_focus_back(self) -> None:
        """The kiosk has its screen back: the focus-loss incident gets its real length."""
        loss, self._focus_loss = self._focus_loss, None
        if loss is None:
            return
        from kiosk.station.services import lockdown

        try:
            lockdown.focus_back(self._store(), loss)
        except Exception as error:
            error_message(error)

    def language_changed(self) -> None:
        """Re-send what screens show from bank or candidate data, now in the other language."""
        if self.store_error is not None:
            self.store_failed.emit(error_message(self.store_error))
        self.sittings_changed.emit(self.sitting_lines(), self.interrupted_lines())
        if self.open_sitting is not None:
            self.sitting_opened.emit(self.open_sitting.name, self.exam_caption(self.open_sitting.bank))
        if self.session is not None and self.screen is Screen.INSTRUCTIONS:
            self.instructions_ready.emit(self.instructions(self.session))

    # -- helpers -----------------------------------------------------------------------------------------

    def _show(self, screen: Screen) -> None:
        self.screen = screen
        self.screen_changed.emit(screen.value)

    def _busy(self, busy: bool) -> None:
        self.busy_changed.emit(busy)

    def _failed(self, signal: Any, error: Exception) -> None:
        self._busy(False)
        signal.emit(error_message(error), field_at_fault(error))

    def _after_sitting_closed(self) -> None:
        """The invigilator ended the open sitting: no candidate is left on this PC and it goes idle."""
        self._end_candidate()
        self.open_sitting = None
        self.reload()
        self._show(Screen.IDLE)

    def _after_leaving(self) -> None:
        """The invigilator closes the kiosk program: release the candidate and tell the window."""
        self._end_candidate()
        self.kiosk_left.emit()

    def shutdown(self) -> None:
        """Stop timers, wait for background work and release the session before the window goes away."""
        if self.exam is not None:
            self.exam.stop()
        self.tasks.wait()
        if self.session is not None:
            self.session.close()
