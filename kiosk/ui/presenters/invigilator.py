"""The invigilator's menu on a kiosk: behind their PIN, pause, extra time, incidents, ending and leaving.

``InvigilatorMenu`` is a part of ``KioskPresenter``: it asks through the same Prompter and acts on the
exam and sitting the presenter holds, and hands the presenter back what changes this PC's state.

While the menu (and whatever it leads to: extra time, an incident) is open over a running exam, the
candidate's clock is stopped; it runs again when the last prompt closes. A PIN lockout is offered to be
cleared there and then, with another invigilator's PIN or the centre's recovery code. A rest break the
candidate asks for is confirmed here with the invigilator's PIN.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.domain.attempt import IncidentCategory
from kiosk.domain.errors import KioskError
from kiosk.ui.errors import error_message
from kiosk.ui.i18n import tr
from kiosk.ui.prompts import MenuAction, Prompter
from kiosk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # The services are imported where they are used: see kiosk.ui.presenters.kiosk.
    from kiosk.station.services.context import KioskContext
    from kiosk.station.services.exam import ExamSession
    from kiosk.station.services.sittings import OpenSitting
    from kiosk.ui.presenters.exam import ExamPresenter

# The refusals that mean invigilator PINs are locked out on this kiosk, which the menu offers to clear.
LOCKOUT_CODES = frozenset(
    {"invigilator.pin_locked", "invigilator.pin_locked_one_minute", "invigilator.pin_wrong_now_locked"}
)


def incident_categories() -> list[tuple[str, str]]:
    """Incident categories an invigilator may choose, with their captions."""
    return [
        (IncidentCategory.ILLNESS.value, tr("KioskPresenter", "Illness")),
        (IncidentCategory.TECHNICAL.value, tr("KioskPresenter", "Technical problem")),
        (IncidentCategory.MISCONDUCT.value, tr("KioskPresenter", "Suspected misconduct")),
        (IncidentCategory.POWER_OUTAGE.value, tr("KioskPresenter", "Power cut")),
        (IncidentCategory.OTHER.value, tr("KioskPresenter", "Something else")),
    ]


class InvigilatorMenu:
    """What an invigilator may do on a kiosk; mixed into ``KioskPresenter``, which provides the state."""

    # Provided by KioskPresenter; ctx is None until the store is open and passed its check.
    ctx: KioskContext | None
    tasks: TaskRunner
    prompter: Prompter
    open_sitting: OpenSitting | None
    session: ExamSession | None
    exam: ExamPresenter | None
    _busy: Callable[[bool], None]
    _after_sitting_closed: Callable[[], None]
    _after_leaving: Callable[[], None]
    store_refusal: Callable[[], str | None]
    # True while the menu's PIN is being checked: the clock it stopped must not run again meanwhile.
    _opening_menu: bool = False

    def _store(self) -> KioskContext:
        """The store's context, for what is only offered once it is open (every entry point checks)."""
        assert self.ctx is not None, "the kiosk store is not open"
        return self.ctx

    def open_invigilator_menu(self) -> None:
        """Ask for the PIN, then offer what an invigilator may do now (once the store is open: it checks
        the PIN)."""
        if self.ctx is None:
            self.prompter.inform(tr("KioskPresenter", "Invigilator menu"), self.store_refusal() or "")
            return
        self.prompter.ask_pin(
            tr("KioskPresenter", "Invigilator"),
            tr("KioskPresenter", "Type your PIN to open the invigilator menu."),
            self._check_menu_pin,
        )

    def _where(self) -> tuple[int | None, str | None]:
        """The open sitting and the running attempt, where an incident of this PC belongs."""
        sitting = self.open_sitting.sitting_id if self.open_sitting is not None else None
        running = self.session is not None and self.exam is not None and not self.exam.finished
        return sitting, self.session.attempt_id if running and self.session is not None else None

    def _check_menu_pin(self, pin: str) -> None:
        from kiosk.station.services import invigilators

        ctx = self._store()
        self._busy(True)
        sitting_id, attempt_id = self._where()
        exam = self.exam
        session = self.session if exam is not None and not exam.finished else None

        def check() -> str:
            if session is not None:
                # The PIN opens the menu and stops a running candidate's clock until the menu closes.
                return session.hold_clock(pin)
            return invigilators.check_pin(ctx, pin, sitting_id=sitting_id, attempt_id=attempt_id)

        def opened(_name: str) -> None:
            self._opening_menu = False
            self._menu(pin)

        def failed(error: Exception) -> None:
            self._opening_menu = False
            self._busy(False)
            if getattr(error, "code", "") in LOCKOUT_CODES:
                self._offer_to_clear(error_message(error))
            else:
                self.prompter.inform(tr("KioskPresenter", "Invigilator menu"), error_message(error))

        # Between the PIN prompt closing and the menu opening no prompt is open, but the clock stays held.
        self._opening_menu = True
        self.tasks.run("check-pin", check, opened, failed)

    def release_menu_clock(self) -> None:
        """Let the candidate's clock run again once no prompt is open (the menu stopped it)."""
        exam = self.exam
        if self.prompter.is_open or self._opening_menu or exam is None or exam.finished:
            return
        session = self.session
        if session is None or not session.clock_held:
            return
        try:
            exam.release_clock()
        except KioskError as error:
            # The clock runs again all the same; only the length of the stop may be missing.
            error_message(error)

    # -- a PIN lockout ---------------------------------------------------------------------------------

    def _offer_to_clear(self, message: str) -> None:
        self.prompter.confirm(
            tr("KioskPresenter", "Invigilator PINs are locked"),
            message
            + "\n"
            + tr(
                "KioskPresenter",
                "Another invigilator's PIN or the centre's recovery code can clear the lock now.",
            ),
            tr("KioskPresenter", "Clear the lock…"),
            tr("KioskPresenter", "Close"),
            lambda yes: self._ask_clearing_secret() if yes else None,
        )

    def _ask_clearing_secret(self) -> None:
        self.prompter.ask_pin(
            tr("KioskPresenter", "Clear the PIN lock"),
            tr(
                "KioskPresenter",
                "Type another invigilator's PIN, or the centre's recovery code (letters and digits, "
                "kept sealed by the centre).",
            ),
            self._clear_lockout,
            label=tr("KioskPresenter", "Invigilator PIN or recovery code"),
        )

    def _clear_lockout(self, secret: str) -> None:
        from kiosk.station.services import invigilators

        ctx = self._store()
        sitting_id, attempt_id = self._where()
        self._busy(True)

        def cleared(_who: str) -> None:
            self._busy(False)
            self.prompter.inform(
                tr("KioskPresenter", "The lock is cleared"),
                tr("KioskPresenter", "Invigilator PINs work again; the clearing was recorded."),
                self.open_invigilator_menu,
            )

        def failed(error: Exception) -> None:
            self._busy(False)
            if getattr(error, "code", "") == "invigilator.pin_not_locked":
                self.prompter.inform(tr("KioskPresenter", "Invigilator menu"), error_message(error))
            else:
                self._offer_to_clear(error_message(error))

        self.tasks.run(
            "clear-lockout",
            lambda: invigilators.clear_pin_lockout(ctx, secret, sitting_id=sitting_id, attempt_id=attempt_id),
            cleared,
            failed,
        )

    # -- a rest break ----------------------------------------------------------------------------------

    def ask_rest_break(self) -> None:
        """The candidate asked for a rest break: the invigilator confirms it with their PIN."""
        exam = self.exam
        if exam is None or exam.finished or exam.paused:
            return
        self.prompter.ask_pin(
            tr("KioskPresenter", "Rest break"),
            tr(
                "KioskPresenter",
                "A rest break stops your clock until you come back; it is recorded. Put up your hand: "
                "the invigilator confirms the break with their PIN.",
            ),
            lambda pin: self._act(lambda: exam.start_rest_break(pin)),
        )

    def menu_actions(self) -> list[MenuAction]:
        exam = self.exam
        running = exam is not None and not exam.finished
        paused = running and exam is not None and exam.paused
        actions = []
        if running:
            actions.append(
                MenuAction("resume", tr("KioskPresenter", "Resume the exam"))
                if paused
                else MenuAction("pause", tr("KioskPresenter", "Pause the exam"))
            )
            actions.append(MenuAction("extra_time", tr("KioskPresenter", "Give extra time…")))
            actions.append(MenuAction("incident", tr("KioskPresenter", "Record an incident…")))
        actions.append(
            MenuAction(
                "end_sitting", tr("KioskPresenter", "End the sitting…"), enabled=self.open_sitting is not None
            )
        )
        actions.append(MenuAction("leave", tr("KioskPresenter", "Leave the kiosk…"), danger=True))
        return actions

    def _menu(self, pin: str) -> None:
        self._busy(False)
        subtitle = ""
        if self.session is not None and self.exam is not None and not self.exam.finished:
            subtitle = tr("KioskPresenter", "Candidate {number}, attempt {attempt}").format(
                number=self.session.candidate_number, attempt=self.session.attempt_id
            )
        elif self.open_sitting is not None:
            subtitle = self.open_sitting.name
        self.prompter.menu(
            tr("KioskPresenter", "Invigilator menu"),
            subtitle,
            self.menu_actions(),
            lambda key: self._menu_choice(key, pin),
        )

    def _menu_choice(self, key: str, pin: str) -> None:
        exam = self.exam
        if key == "pause" and exam is not None:
            self._act(lambda: exam.pause(pin))
        elif key == "resume" and exam is not None:
            self._act(lambda: exam.resume(pin))
        elif key == "extra_time" and exam is not None:
            self.prompter.ask_extra_time(
                lambda minutes, reason: self._act(lambda: exam.grant_extra_time(pin, minutes, reason))
            )
        elif key == "incident" and exam is not None:
            self.prompter.ask_incident(
                incident_categories(),
                lambda category, text: self._act(
                    lambda: exam.record_incident(pin, category, text),
                    tr("KioskPresenter", "The incident was recorded."),
                ),
            )
        elif key == "end_sitting":
            self.prompter.confirm(
                tr("KioskPresenter", "End the sitting?"),
                tr(
                    "KioskPresenter",
                    "No more candidates can log in to it on this kiosk. Paused or interrupted exams are "
                    "handed in with their saved answers.",
                ),
                tr("KioskPresenter", "End the sitting"),
                tr("KioskPresenter", "Cancel"),
                lambda yes: self._end_sitting(pin) if yes else None,
                danger=True,
            )
        elif key == "leave":
            self.prompter.confirm(
                tr("KioskPresenter", "Leave the kiosk?"),
                tr(
                    "KioskPresenter",
                    "The kiosk program closes. "
                    "A running exam is paused first; its candidate can continue later.",
                ),
                tr("KioskPresenter", "Leave the kiosk"),
                tr("KioskPresenter", "Cancel"),
                lambda yes: self._leave(pin) if yes else None,
                danger=True,
            )

    def _act(self, action: Callable[[], Any], done: str = "") -> None:
        try:
            action()
        except Exception as error:
            self.prompter.inform(tr("KioskPresenter", "That did not work"), error_message(error))
            return
        if done:
            self.prompter.inform(tr("KioskPresenter", "Done"), done)

    def _end_sitting(self, pin: str) -> None:
        sitting = self.open_sitting
        if sitting is None:
            return
        if self.exam is not None and not self.exam.finished:
            self.prompter.inform(
                tr("KioskPresenter", "The sitting cannot end yet"),
                tr(
                    "KioskPresenter",
                    "A candidate's exam is running on this kiosk; it must be submitted or paused first.",
                ),
            )
            return
        from kiosk.station.services import sittings

        try:
            sittings.close_sitting(self._store(), sitting, pin)
        except Exception as error:
            self.prompter.inform(tr("KioskPresenter", "The sitting cannot end yet"), error_message(error))
            return
        self._after_sitting_closed()

    def _leave(self, pin: str) -> None:
        exam = self.exam
        if exam is not None and not exam.finished and not exam.paused:
            try:
                exam.pause(pin)
            except Exception as error:
                self.prompter.inform(tr("KioskPresenter", "That did not work"), error_message(error))
                return
        self._after_leaving()
