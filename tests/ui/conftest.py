"""Hermetic fixtures for the kiosk UI tests: offscreen Qt, a temp data dir, a fake clock, a set-up centre.

QT_QPA_PLATFORM is set before anything imports Qt. The centre is built through the real services: a bank
made in code (one item of every type on each form, a shared stimulus with an SVG diagram, Chinese text on
some items), packaged with cheap test KDF settings, installed, scheduled today, with a roster and an
invigilator.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Certificate,
    Choice,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    ScoringRule,
    Stimulus,
    Text,
    Tools,
)
from kiosk.formats.bank_packages import package_header_fields
from kiosk.formats.bank_payload import bank_to_payload
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.packages import TEST_RELEASE_KDF, build_package
from kiosk.formats.secrets import HashCost
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import schedule_sitting

RELEASE_CODE = "K7QF-M2XD-9PHA"
PIN = "246810"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">'
    b'<rect x="10" y="10" width="280" height="100" fill="none" stroke="black" stroke-width="3"/>'
    b'<text x="150" y="70" font-size="24" text-anchor="middle">12 V bank</text></svg>'
)

# One competence per item type, so a form drawing one item per competence holds every type.
TYPE_COMPETENCES = {
    ItemType.SINGLE: ("F1", Area.FOUNDATIONAL),
    ItemType.MULTIPLE: ("F2", Area.FOUNDATIONAL),
    ItemType.TRUE_FALSE: ("F3", Area.FOUNDATIONAL),
    ItemType.NUMERIC: ("P1", Area.PRACTICAL),
    ItemType.ORDERING: ("P2", Area.PRACTICAL),
    ItemType.MATCHING: ("P3", Area.PRACTICAL),
    ItemType.SHORT_TEXT: ("R1", Area.REFLEXIVE),
}


def _choices(*texts: str, zh: tuple[str, ...] = ()) -> tuple[Choice, ...]:
    return tuple(
        Choice("ABCDEFGH"[i], Text(text, zh[i] if i < len(zh) else None)) for i, text in enumerate(texts)
    )


def make_item(item_type: ItemType, number: int) -> Item:
    """An item of ``item_type``; ``number`` tells copies apart."""
    competence, _ = TYPE_COMPETENCES[item_type]
    base = {
        "id": f"{item_type.value.upper()}-{number}",
        "type": item_type,
        "competence": competence,
        "difficulty": Difficulty.EASY,
        "rationale": "test item",
    }
    if item_type is ItemType.SINGLE:
        return Item(
            **base,
            stem=Text(f"Which chemistry is LFP? ({number})", f"LFP 是哪种化学体系？（{number}）"),
            options=_choices(
                "Lithium iron phosphate",
                "Lithium cobalt oxide",
                "Lead acid",
                zh=("磷酸铁锂", "钴酸锂", "铅酸"),
            ),
            key=("A",),
        )
    if item_type is ItemType.MULTIPLE:
        return Item(
            **base,
            stem=Text(f"Which are cathode materials? ({number})"),
            options=_choices("NMC", "LFP", "Graphite", "Lead dioxide"),
            key=("A", "B"),
            scoring=ScoringRule.PARTIAL,
        )
    if item_type is ItemType.TRUE_FALSE:
        return Item(**base, stem=Text(f"A lead-acid cell is 2 V nominal. ({number})"), key=("true",))
    if item_type is ItemType.NUMERIC:
        return Item(
            **base,
            stem=Text(f"How many hours does a 100 Ah cell last at 50 A? ({number})"),
            stimulus="S-BANK",
            value=2.0,
            tolerance=0.05,
            unit="h",
        )
    if item_type is ItemType.ORDERING:
        return Item(
            **base,
            stem=Text(f"Order the steps of a capacity test. ({number})"),
            options=_choices("Charge fully", "Rest", "Discharge to cut-off"),
            key=("A", "B", "C"),
            scoring=ScoringRule.PARTIAL,
        )
    if item_type is ItemType.MATCHING:
        return Item(
            **base,
            stem=Text(f"Match each chemistry with its voltage. ({number})"),
            premises=(Choice("1", Text("LFP")), Choice("2", Text("Lead-acid"))),
            options=_choices("2.0 V", "3.2 V", "1.2 V"),
            pairs=(("1", "B"), ("2", "A")),
            scoring=ScoringRule.PARTIAL,
        )
    return Item(
        **base,
        stem=Text(f"Name the liquid that carries ions between the electrodes. ({number})"),
        accepted=("electrolyte", "the electrolyte"),
    )


def make_bank(
    per_type: int = 2, duration_minutes: int = 30, version: int = 1, tools: Tools | None = None
) -> Bank:
    """A maintenance grade II bank whose forms hold one item of each type (drawn from ``per_type`` each),
    allowing the on-screen ``tools`` given (none by default)."""
    competences = tuple(
        Competence(competence, area, Text(f"Competence {competence}"))
        for competence, area in TYPE_COMPETENCES.values()
    )
    items = tuple(make_item(item_type, n) for item_type in TYPE_COMPETENCES for n in range(1, per_type + 1))
    return Bank(
        certificate=Certificate.MAINTENANCE,
        grade=2,
        version=version,
        title=Text("Energy Storage Maintenance, Grade II", "储能维护 II 级"),
        languages=("en", "zh"),
        competences=competences,
        blueprint=Blueprint(
            duration_minutes=duration_minutes,
            pass_mark=60,
            draws=tuple(Draw(competence, 1) for competence, _ in TYPE_COMPETENCES.values()),
            tools=tools or Tools(),
        ),
        items=items,
        stimuli=(
            Stimulus(
                "S-BANK",
                Text(
                    "A technician tests a 12 V battery bank built from LFP cells.",
                    "技术员测试一组 12 V 磷酸铁锂电池。",
                ),
                "images/bank.svg",
            ),
        ),
        images={"images/bank.svg": SVG},
    )


@dataclass
class Centre:
    """A kiosk data folder set up through the services, with the secrets a test types."""

    ctx: KioskContext
    clock: FakeClock
    bank: Bank
    sitting_id: int
    codes: dict[str, str]
    pin: str = PIN
    release_code: str = RELEASE_CODE


def build_centre(data_dir: Path, clock: FakeClock, bank: Bank, show_score: bool = True) -> Centre:
    ctx = open_context(data_dir, clock=clock, hash_cost=HashCost.TEST)
    init_kiosk(ctx, "Test Centre", "Lab PC 1")
    signer = generate_identity(KeyKind.AWARDING, "test-awarding")
    _, public = write_identity(signer, data_dir.parent / "awarding-keys")
    trust_key(ctx, public)
    package = data_dir.parent / f"{bank.bank_id}.1xbank"
    package.write_bytes(
        build_package(
            package_header_fields(bank), bank_to_payload(bank), signer, RELEASE_CODE, kdf=TEST_RELEASE_KDF
        )
    )
    install_package(ctx, package)
    today = clock.wall().astimezone().date()
    sitting = schedule_sitting(ctx, "Morning theory", bank.bank_id, today, show_score=show_score)
    roster = data_dir.parent / "roster.csv"
    roster.write_text(
        "candidate number,name,chinese name,certificate,grade,extra time\n"
        "C-001,Mwila Banda,姆维拉,maintenance,2,\n"
        "C-002,Li Wei,李伟,maintenance,2,25%\n"
        "C-003,Chanda Phiri,,design,1,\n",
        encoding="utf-8",
    )
    codes = {issued.candidate_number: issued.access_code for issued in import_roster(ctx, roster).codes}
    create_invigilator(ctx, "Grace Mwale", PIN)
    return Centre(ctx, clock, bank, sitting.id, codes)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(monotonic_start=5000.0, wall_start=datetime(2025, 6, 2, 8, 0, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "kiosk-data"


@pytest.fixture
def centre(data_dir: Path, clock: FakeClock) -> Iterator[Centre]:
    built = build_centre(data_dir, clock, make_bank())
    yield built
    built.ctx.close()


class Driver:
    """Drives the real kiosk window the way a person would: clicks and typing, waiting for what they see."""

    def __init__(self, qtbot: object, window: object, centre: Centre) -> None:
        self.qtbot = qtbot
        self.window = window
        self.centre = centre

    def click(self, widget: object) -> None:
        from PySide6.QtCore import Qt

        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type_into(self, widget: object, text: str) -> None:
        widget.clear()
        self.qtbot.keyClicks(widget, text)

    def press(self, key: object, modifier: object = None) -> None:
        """Press and release a key the way a keyboard does: sent to the window, so whatever has the focus
        at that moment gets it (and shortcuts and mnemonics apply), never to a widget the test chose."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.window.windowHandle(), key, modifier or Qt.KeyboardModifier.NoModifier)

    def type_keys(self, text: str) -> None:
        """Type ``text`` one key at a time into whatever has the focus (capitals with Shift)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for char in text:
            key = QTest.asciiToKey(ord(char.lower()))
            shift = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
            QTest.sendKeyEvent(QTest.KeyAction.Click, self.window.windowHandle(), key, char, shift)

    @property
    def focus(self) -> object:
        """The widget the keyboard reaches now."""
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    def wait_for(self, screen: str) -> None:
        self.qtbot.waitUntil(lambda: self.window.current_screen.value == screen, timeout=10000)

    def unlock(self, pin: str = PIN, code: str = RELEASE_CODE, expect: str = "login") -> None:
        self.click(self.window.idle.unlock_button)
        self.wait_for("unlock")
        self.type_into(self.window.unlock.pin, pin)
        self.type_into(self.window.unlock.release_code, code)
        self.click(self.window.unlock.unlock_button)
        if expect:
            self.wait_for(expect)

    def login(self, number: str = "C-001", code: str | None = None, expect: str = "instructions") -> None:
        self.type_into(self.window.login.number, number)
        self.type_into(self.window.login.code, code if code is not None else self.centre.codes[number])
        self.click(self.window.login.login_button)
        if expect:
            self.wait_for(expect)

    def start_exam(self, number: str = "C-001") -> None:
        self.unlock()
        self.login(number)
        self.click(self.window.instructions.start_button)
        self.wait_for("exam")

    @property
    def exam(self) -> object:
        return self.window.presenter.exam

    def go_to_type(self, item_type: object) -> object:
        """Show the form's ``item_type`` item by clicking its navigator button; return its answer widget."""
        exam = self.exam
        position = next(i for i in range(exam.count) if exam.item_at(i).type is item_type)
        self.click(self.window.exam.navigator.buttons[position])
        self.qtbot.waitUntil(lambda: exam.index == position)
        return self.window.exam.view.answer

    def prompt_button(self, key: str) -> object:
        self.qtbot.waitUntil(lambda: self.window.prompter.current is not None)
        return self.window.prompter.current.buttons[key]

    def answer_prompt(self, key: str) -> None:
        self.click(self.prompt_button(key))

    def invigilator_menu(self, choice: str, pin: str = PIN) -> None:
        self.click(self.window.header.invigilator_button)
        self.qtbot.waitUntil(lambda: self.window.prompter.current is not None)
        from PySide6.QtWidgets import QLineEdit

        pin_field = self.window.prompter.current.findChild(QLineEdit, "prompt-pin")
        self.qtbot.keyClicks(pin_field, pin)
        self.answer_prompt("accept")
        self.qtbot.waitUntil(
            lambda: self.window.prompter.current is not None and self.window.prompter.current.kind == "menu",
            timeout=10000,
        )
        self.answer_prompt(choice)


@pytest.fixture
def window(qtbot: object, centre: Centre) -> Iterator[object]:
    from kiosk.ui.main_window import MainWindow

    kiosk_window = MainWindow(centre.ctx, lockdown=False, refresh_ms=20)
    qtbot.addWidget(kiosk_window)
    kiosk_window.start()
    yield kiosk_window
    kiosk_window.presenter.shutdown()
    kiosk_window.languages.reset()


@pytest.fixture
def driver(qtbot: object, window: object, centre: Centre) -> Driver:
    return Driver(qtbot, window, centre)
