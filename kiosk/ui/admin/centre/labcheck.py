"""The pre-exam lab check in the console: each line's result, and letting a sitting open anyway.

The services judge the facts; this page adds what only Qt knows (the screen's size, whether a font can draw
Chinese) and shows one line per check. When a line fails, a sitting stays locked until it is fixed or an
invigilator lets that sitting open anyway with their PIN, which is recorded as an incident.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton

from kiosk.station.services import labcheck, sittings
from kiosk.station.services.context import KioskContext
from kiosk.station.services.labcheck import Check, LabReport, Verdict
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, fill_table, make_table, set_headers
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.status import Banner


def display_facts() -> tuple[tuple[int, int] | None, bool | None]:
    """The primary screen's size (in the layout's pixels) and whether a font can draw Simplified Chinese.

    Needs the Qt application to exist; (None, None) when it has no screen.
    """
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return None, None
    size = screen.size()
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return (size.width(), size.height()), bool(families)


def check_title(check: Check) -> str:
    titles = {
        Check.STORAGE: tr("AdminLabCheck", "Data kept through a restart"),
        Check.DISK_SPACE: tr("AdminLabCheck", "Free disk space"),
        Check.WRITE_SPEED: tr("AdminLabCheck", "Disk speed"),
        Check.CLOCK: tr("AdminLabCheck", "Clock"),
        Check.SCREEN: tr("AdminLabCheck", "Screen size"),
        Check.CHINESE_FONT: tr("AdminLabCheck", "Chinese font"),
        Check.POWER: tr("AdminLabCheck", "Power"),
        Check.REMOTE_ACCESS: tr("AdminLabCheck", "Remote access"),
        Check.STORE: tr("AdminLabCheck", "Kiosk store"),
    }
    return titles[check]


def verdict_text(verdict: Verdict) -> str:
    texts = {
        Verdict.PASS: tr("AdminLabCheck", "Pass"),
        Verdict.WARN: tr("AdminLabCheck", "Look at this"),
        Verdict.FAIL: tr("AdminLabCheck", "FAIL"),
        Verdict.NOT_CHECKED: tr("AdminLabCheck", "Not checked here"),
    }
    return texts[verdict]


class LabCheckPage(ConsolePage):
    """Lays out the summary, the table of lines, and the way to let a sitting open anyway."""

    run_requested = Signal()
    """Run the check (again)."""
    override_requested = Signal()
    """Let the chosen sitting open although a line fails."""

    def __init__(self) -> None:
        super().__init__("labcheck")
        self.status = Banner("labcheck-status", selectable=True)
        self.body.addWidget(self.status)
        self.run_button = QPushButton()
        self.run_button.setObjectName("labcheck-run")
        self.run_button.setProperty("role", "primary")
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addStretch(1)
        self.body.addLayout(top)
        self.table = make_table("labcheck-table", wrap_rows=True)
        self.body.addWidget(self.table, 1)
        override = QHBoxLayout()
        self.sitting_label = QLabel()
        self.sitting = QComboBox()
        self.sitting.setObjectName("labcheck-sitting")
        self.sitting_label.setBuddy(self.sitting)
        self.override_button = QPushButton()
        self.override_button.setObjectName("labcheck-override")
        self.override_button.setProperty("role", "danger")
        override.addWidget(self.sitting_label)
        override.addWidget(self.sitting, 1)
        override.addWidget(self.override_button)
        self.body.addLayout(override)
        self.report: LabReport | None = None
        self.sittings: list[sittings.SittingInfo] = []
        self.run_button.clicked.connect(self.run_requested)
        self.override_button.clicked.connect(self.override_requested)
        self.guard(self.run_button, self.override_button)
        self.first_input = self.run_button
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminLabCheck", "Lab check")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminLabCheck", "Pre-exam lab check"))
        self.intro_label.setText(
            tr(
                "AdminLabCheck",
                "Checks that this PC can run an exam without losing answers: the data folder survives a "
                "restart, there is disk space, the clock is right, the screen and fonts suit the exam, and "
                "nobody else can reach the PC. The kiosk runs the same check before it unlocks a sitting.",
            )
        )
        self.run_button.setText(tr("AdminLabCheck", "Run the check"))
        self.sitting_label.setText(tr("AdminLabCheck", "Sitting"))
        self.override_button.setText(tr("AdminLabCheck", "Let it open anyway…"))
        set_headers(
            self.table,
            [
                tr("AdminLabCheck", "Check"),
                tr("AdminLabCheck", "Result"),
                tr("AdminLabCheck", "What was found"),
            ],
            stretch=2,
        )
        if self.report is not None:
            self.show_report(self.report)
        self.show_sittings(self.sittings)

    def show_report(self, report: LabReport) -> None:
        self.report = report
        fill_table(
            self.table,
            [
                (check_title(line.check), verdict_text(line.verdict), error_sentence(line.finding))
                for line in report.lines
            ],
            [line.check.value for line in report.lines],
        )
        failed, warned = len(report.failed), len(report.warned)
        if failed:
            self.status.show_message(
                "error",
                tr(
                    "AdminLabCheck",
                    "Lines failed: {failed}. A sitting stays locked on this PC until they are fixed, or an "
                    "invigilator lets it open anyway.",
                ).format(failed=failed),
            )
        elif warned:
            self.status.show_message(
                "warning",
                tr(
                    "AdminLabCheck", "Nothing failed; look at the lines marked before the exam ({warned})."
                ).format(warned=warned),
            )
        else:
            self.status.show_message("info", tr("AdminLabCheck", "Nothing failed: this PC is ready."))
        self.update_actions()

    def show_sittings(self, listed: list[sittings.SittingInfo]) -> None:
        chosen = self.sitting.currentData()
        self.sittings = [sitting for sitting in listed if sitting.state is not sittings.SittingState.CLOSED]
        self.sitting.clear()
        for sitting in self.sittings:
            self.sitting.addItem(f"{sitting.name} ({sitting.scheduled_on.isoformat()})", sitting.id)
        if chosen is not None:
            index = self.sitting.findData(chosen)
            if index >= 0:
                self.sitting.setCurrentIndex(index)
        self.update_actions()

    def chosen_sitting(self) -> sittings.SittingInfo | None:
        key = self.sitting.currentData()
        return next((sitting for sitting in self.sittings if sitting.id == key), None)

    def update_actions(self) -> None:
        failing = self.report is not None and not self.report.passed
        self.override_button.setEnabled(failing and self.chosen_sitting() is not None and not self.busy)


class LabCheckPresenter(QObject):
    """Runs the lab check with this screen's facts, and records an invigilator's override."""

    def __init__(self, ctx: KioskContext, tools: ConsoleTools, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = LabCheckPage()
        self.page.run_requested.connect(self.run)
        self.page.override_requested.connect(self.override)

    def activated(self) -> None:
        self.run()

    def run(self) -> None:
        if self.page.busy:
            return
        screen, cjk_font = display_facts()

        def check() -> tuple[LabReport, list[sittings.SittingInfo]]:
            return labcheck.run_lab_check(self.ctx, screen, cjk_font), sittings.list_sittings(self.ctx)

        def done(result: tuple[LabReport, list[sittings.SittingInfo]]) -> None:
            report, listed = result
            self.page.show_sittings(listed)
            self.page.show_report(report)

        self.tools.run(
            self.page, "labcheck-run", check, done, tr("AdminLabCheck", "The lab check could not be run")
        )

    def override(self) -> None:
        sitting = self.page.chosen_sitting()
        if sitting is None or self.page.busy:
            return
        self.tools.prompter.ask_pin(
            tr("AdminLabCheck", "Let {name} open anyway?").format(name=sitting.name),
            tr(
                "AdminLabCheck",
                "The sitting opens on this PC although the lab check fails. This is recorded as an incident "
                "of the sitting, with the invigilator's name.",
            ),
            lambda pin: self._override(sitting, pin),
        )

    def _override(self, sitting: sittings.SittingInfo, pin: str) -> None:
        screen, cjk_font = display_facts()

        def work() -> LabReport:
            facts = labcheck.gather_facts(self.ctx, screen, cjk_font)
            return labcheck.override_lab_check(self.ctx, sitting.id, pin, facts=facts)

        def done(report: LabReport) -> None:
            self.page.show_report(report)
            self.page.status.show_message(
                "warning",
                tr(
                    "AdminLabCheck",
                    "{name} may now be opened on this PC although the lab check fails; the incident is "
                    "recorded.",
                ).format(name=sitting.name),
            )

        self.tools.run(self.page, "labcheck-override", work, done, tr("AdminLabCheck", "Nothing was changed"))
