"""The invigilator's menu on a kiosk: behind their PIN, pause, extra time, incidents, ending and leaving.

``InvigilatorMenu`` is a part of ``KioskPresenter``: it asks through the same Prompter and acts on the
exam and sitting the presenter holds, and hands the presenter back what changes this PC's state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.domain.attempt import IncidentCategory
from kiosk.station.services import invigilators, sittings
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession
from kiosk.station.services.sittings import OpenSitting
from kiosk.ui.errors import error_message
from kiosk.ui.i18n import tr
from kiosk.ui.presenters.exam import ExamPresenter
from kiosk.ui.prompts import MenuAction, Prompter
from kiosk.ui.tasks import TaskRunner


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

    # Provided by KioskPresenter.
    ctx: KioskContext
    tasks: TaskRunner
    prompter: Prompter
    open_sitting: OpenSitting | None
    session: ExamSession | None
    exam: ExamPresenter | None
    _busy: Callable[[bool], None]
    _after_sitting_closed: Callable[[], None]
    _after_leaving: Callable[[], None]

    def open_invigilator_menu(self) -> None:
        """Ask for the PIN, then offer what an invigilator may do now."""
        self.prompter.ask_pin(
            tr("KioskPresenter", "Invigilator"),
            tr("KioskPresenter", "Type your PIN to open the invigilator menu."),
            self._check_menu_pin,
        )

    def _check_menu_pin(self, pin: str) -> None:
        ctx = self.ctx
        self._busy(True)

        def failed(error: Exception) -> None:
            self._busy(False)
            self.prompter.inform(tr("KioskPresenter", "Invigilator menu"), error_message(error))

        self.tasks.run(
            "check-pin", lambda: invigilators.check_pin(ctx, pin), lambda _name: self._menu(pin), failed
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
        try:
            sittings.close_sitting(self.ctx, sitting, pin)
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
