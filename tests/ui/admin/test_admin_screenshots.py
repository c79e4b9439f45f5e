"""Every console page rendered at 1366×768 in English and Chinese, with real data on it.

The PNGs go to the folder named by $KIOSK_SCREENSHOTS (nothing is written when it is unset, but every page
is still rendered and checked to fit the lab screen).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.registry.services import imports as registry_import
from kiosk.registry.services import registry
from kiosk.registry.services.registry import RegistryContext
from kiosk.station.services import enrolment, export, invigilators
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.centre import CentreFace
from kiosk.ui.admin.centre.banks import BanksPage
from kiosk.ui.admin.centre.receipts import ReceiptsPage
from kiosk.ui.admin.centre.roster import RosterPage
from kiosk.ui.admin.registry import RegistryFace
from kiosk.ui.admin.registry.imports import ImportsPage
from kiosk.ui.admin.registry.results import ResultsPage
from kiosk.ui.admin.window import AdminWindow, Face
from tests.ui.admin.admin_helpers import SCREEN, drop_files, settle, type_into

BROKEN_ROSTER = (
    "Candidate number,Name,Chinese name,Certificate,Grade,Extra time\n"
    "C-001,Mwila Banda,,maintenance,II,\n"
    "C-002,Chanda Phiri,钱多多,maintenance,2,25%\n"
    ",Natasha Mumba,,maintenance,2,\n"
    "C-004,Bwalya Tembo,,cooking,4,\n"
    "C-005,Mutale Chileshe,,design,1,400\n"
)


def _out_dir() -> Path | None:
    folder = os.environ.get("KIOSK_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _fits(widget: QWidget) -> None:
    hint = widget.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], (
        f"{widget.objectName()} needs {hint.width()}x{hint.height()}, more than the lab screen"
    )


def _shoot(qtbot: QtBot, window: AdminWindow, face: str, language: str, out: Path | None) -> list[str]:
    window.language.set_language(language)
    # New words change widths; let the layouts settle before the first picture.
    button = window.language_button
    qtbot.waitUntil(lambda: button.width() >= button.sizeHint().width())
    names = []
    for presenter in window.presenters:
        page = window.show_page(presenter.page.page_name)
        settle(qtbot, window)
        _fits(window)
        image = window.grab()
        assert image.width() == SCREEN[0] and image.height() == SCREEN[1]
        name = f"admin-{face}-{page.page_name}-{language}.png"
        if out is not None:
            assert image.save(str(out / name))
        names.append(name)
    return names


@pytest.fixture
def staged_centre(
    qtbot: QtBot,
    ctx: KioskContext,
    finished: list[str],
    package: Path,
    registry_ctx: RegistryContext,
    registry_pub: Path,
    tmp_path: Path,
    open_console: Callable[[Face], AdminWindow],
) -> AdminWindow:
    """A centre console with data on every page: a broken roster previewed, a header read, results exported
    and their receipt brought back."""
    invigilators.create_invigilator(ctx, "Mr Zulu", "135790")
    shutil.copy(registry_pub, ctx.trust_dir / "registry.pub")
    stick = tmp_path / "stick"
    stick.mkdir()
    enrolled, _ = enrolment.enrol(ctx, stick)
    registry.enrol_kiosk(registry_ctx, enrolled)
    window = open_console(CentreFace(ctx))

    roster = window.show_page("roster")
    assert isinstance(roster, RosterPage)
    broken = tmp_path / "class-2025.csv"
    broken.write_text(BROKEN_ROSTER, encoding="utf-8")
    type_into(qtbot, roster.file.edit, str(broken))
    roster.preview_requested.emit()
    settle(qtbot, window)

    banks = window.show_page("banks")
    assert isinstance(banks, BanksPage)
    settle(qtbot, window)
    type_into(qtbot, banks.package_file.edit, str(package))
    banks.header_requested.emit()
    settle(qtbot, window)

    exporting = window.show_page("export")
    settle(qtbot, window)
    type_into(qtbot, exporting.destination.edit, str(stick))  # type: ignore[attr-defined]
    exporting.export_requested.emit()  # type: ignore[attr-defined]
    settle(qtbot, window)
    bundle = next(stick.glob("*.1xresult"))
    receipt = registry_import.import_bundles(registry_ctx, [bundle]).outcomes[0].receipt
    assert receipt is not None
    receipts = window.show_page("receipts")
    assert isinstance(receipts, ReceiptsPage)
    settle(qtbot, window)
    drop_files(receipts.drop, [receipt])
    settle(qtbot, window)
    return window


@pytest.fixture
def staged_registry(
    qtbot: QtBot,
    ctx: KioskContext,
    finished: list[str],
    registry_ctx: RegistryContext,
    registry_pub: Path,
    tmp_path: Path,
    open_console: Callable[[Face], AdminWindow],
) -> AdminWindow:
    """A registry console after importing a stick with a good bundle, a tampered one and a stray file."""
    stick = tmp_path / "stick"
    stick.mkdir()
    enrolled, _ = enrolment.enrol(ctx, stick)
    registry.enrol_kiosk(registry_ctx, enrolled)
    bundle = export.export_results(ctx, stick, registry_pub).path
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x55
    (stick / "CZVTC-lab2-copy.1xresult").write_bytes(bytes(data))
    (stick / "notes.1xresult").write_text("not a bundle", encoding="utf-8")
    window = open_console(RegistryFace(registry_ctx))
    imports = window.show_page("imports")
    assert isinstance(imports, ImportsPage)
    drop_files(imports.drop, [stick])
    settle(qtbot, window)
    results = window.show_page("results")
    assert isinstance(results, ResultsPage)
    settle(qtbot, window)
    return window


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_centre_page_is_rendered(qtbot: QtBot, staged_centre: AdminWindow, language: str) -> None:
    names = _shoot(qtbot, staged_centre, "centre", language, _out_dir())
    assert len(names) == len(staged_centre.presenters) == 8


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_registry_page_is_rendered(qtbot: QtBot, staged_registry: AdminWindow, language: str) -> None:
    names = _shoot(qtbot, staged_registry, "registry", language, _out_dir())
    assert len(names) == len(staged_registry.presenters) == 3
