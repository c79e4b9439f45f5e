"""Fixtures for the administrator console tests: offscreen Qt, a fresh kiosk data folder per test with a
fake clock and cheap hashing, packages built from the shared bank source, and a console window whose file
chooser and desktop are test doubles (the only seams; every other widget is real)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.authoring.build import build_bank_package
from kiosk.domain.clock import FakeClock
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, write_identity
from kiosk.formats.packages import TEST_RELEASE_KDF
from kiosk.formats.secrets import HashCost
from kiosk.registry.services.registry import RegistryContext, init_registry, open_registry
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.exam import login
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from kiosk.ui.admin.centre import CentreFace
from kiosk.ui.admin.style import apply as apply_style
from kiosk.ui.admin.window import AdminWindow, Face
from kiosk.ui.theme import Appearance
from tests.ui.admin.admin_helpers import SCREEN, RecordingDesktop, ScriptedChooser

RELEASE_CODE = "K7QF-M2XD-9PHA"
PIN = "246810"
CANDIDATES = (
    "Candidate number,Name,Chinese name,Certificate,Grade\n"
    "M-101,Mwila Banda,,maintenance,I\n"
    "M-102,Chanda Phiri,钱多多,maintenance,I\n"
    "M-103,Bwalya Tembo,,maintenance,I\n"
)
# The key of every item of the shared test bank (tests/conftest.py), in the canonical response shapes.
CORRECT: dict[str, object] = {
    "T-001": "A",
    "T-002": ["A", "B"],
    "T-003": "true",
    "T-004": "2",
    "T-005": ["A", "B", "C"],
    "T-006": {"1": "B", "2": "A"},
    "T-007": "electrolyte",
    "T-008": "A",
    "T-009": "A",
    "T-010": "true",
}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(tmp_path: Path, clock: FakeClock) -> Iterator[KioskContext]:
    context = open_context(tmp_path / "data", clock=clock, hash_cost=HashCost.TEST)
    init_kiosk(context, "CZVTC Lusaka", "Lab 2 PC 14")
    yield context
    QThreadPool.globalInstance().waitForDone(10000)
    context.close()


@pytest.fixture
def awarding() -> PrivateIdentity:
    return generate_identity(KeyKind.AWARDING, "awarding-body")


@pytest.fixture
def awarding_pub(awarding: PrivateIdentity, tmp_path: Path) -> Path:
    _, public = write_identity(awarding, tmp_path / "awarding-keys")
    return public


@pytest.fixture
def package(awarding: PrivateIdentity, bank_dir: Path, tmp_path: Path) -> Path:
    """The shared test bank (maintenance-1 version 3) built into a package on a 'USB stick'."""
    target = tmp_path / "usb" / "maintenance-1-v3.1xbank"
    build_bank_package(bank_dir, target, awarding, RELEASE_CODE, kdf=TEST_RELEASE_KDF)
    return target


@pytest.fixture
def finished(ctx: KioskContext, awarding_pub: Path, package: Path, tmp_path: Path) -> list[str]:
    """Three candidates who sat the test bank on this kiosk and submitted; their attempt ids."""
    trust_key(ctx, awarding_pub)
    install_package(ctx, package)
    create_invigilator(ctx, "Ms Mulenga", PIN)
    roster_file = tmp_path / "candidates.csv"
    roster_file.write_text(CANDIDATES, encoding="utf-8")
    codes = import_roster(ctx, roster_file).codes
    info = schedule_sitting(ctx, "Maintenance I theory", "maintenance-1", date(2025, 6, 2))
    sitting = open_sitting(ctx, info.id, PIN, RELEASE_CODE)
    ids = []
    for number, issued in enumerate(codes):
        session = login(ctx, sitting, issued.candidate_number, issued.access_code)
        session.start()
        if number == 0:
            # The first candidate knows every answer and passes; the others answer nothing.
            for item_id in session.form.item_ids:
                session.record_answer(item_id, CORRECT[item_id])
        session.submit()
        ids.append(session.attempt_id)
    return ids


@pytest.fixture
def registry_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "registry"
    init_registry(folder)
    return folder


@pytest.fixture
def registry_ctx(registry_dir: Path) -> Iterator[RegistryContext]:
    context = open_registry(registry_dir)
    yield context
    QThreadPool.globalInstance().waitForDone(10000)
    context.close()


@pytest.fixture
def registry_pub(registry_dir: Path) -> Path:
    return next((registry_dir / "keys").glob("*.pub"))


@pytest.fixture
def chooser() -> ScriptedChooser:
    return ScriptedChooser()


@pytest.fixture
def desktop() -> RecordingDesktop:
    return RecordingDesktop()


@pytest.fixture
def open_console(
    qtbot: QtBot, chooser: ScriptedChooser, desktop: RecordingDesktop
) -> Iterator[Callable[[Face], AdminWindow]]:
    """Open a console window for a face at the lab screen size, styled as ``kiosk admin`` styles it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    windows: list[AdminWindow] = []

    def open_window(face: Face) -> AdminWindow:
        apply_style(app, Appearance())
        window = AdminWindow(face, chooser=chooser, desktop=desktop)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not window.tasks.busy)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.tasks.wait()
        window.language.reset()
        window.close()
        # Deleted here and now rather than by a later deleteLater: a console window destroyed at some
        # later event-loop turn, after its Python side was released, left Qt's style sheet machinery a
        # dangling widget (a crash in the next setStyleSheet).
        shiboken6.delete(window)
    app.setStyleSheet("")


@pytest.fixture
def centre(ctx: KioskContext, open_console: Callable[[Face], AdminWindow]) -> AdminWindow:
    return open_console(CentreFace(ctx))
