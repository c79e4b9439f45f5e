"""Composition root: builds the kiosk context and the main window, and runs them.

The only module that imports every layer: services for the context and the demo centre, the ui for the
window. ``kiosk`` (no verb) calls :func:`run_kiosk`; ``kiosk demo`` calls :func:`run_demo`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.clock import Clock
from kiosk.formats.secrets import HashCost
from kiosk.messages import sentence
from kiosk.station.services import labcheck
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.lockdown import claim_data_folder
from kiosk.ui.application import application, run_event_loop
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from kiosk.demo import DemoCentre


def build_window(ctx: KioskContext, lockdown: bool = True, refresh_ms: int = 500) -> MainWindow:
    """The kiosk window over ``ctx``, not yet started (tests start it themselves)."""
    application()
    return MainWindow(ctx, lockdown=lockdown, refresh_ms=refresh_ms)


def display_facts() -> tuple[tuple[int, int] | None, bool | None]:
    """This PC's screen size and whether a font can draw Chinese, as Qt sees them (for the lab check)."""
    # Imported on use: the console's page module holds the Qt side of the lab check.
    from kiosk.ui.admin.centre.labcheck import display_facts as ask_qt

    application()
    return ask_qt()


def run_kiosk(data_dir: Path, lockdown: bool = True, clock: Clock | None = None) -> int:
    """Run the kiosk on ``data_dir`` (full screen unless ``lockdown`` is False) until it is left."""
    app = application()
    # The check before a sitting is unlocked judges the screen and fonts the window has.
    labcheck.note_display(*display_facts())
    ctx = open_context(data_dir, clock=clock)
    try:
        # One kiosk program per data folder, held until this one ends: two windows on one store could
        # both submit the same attempt.
        folder = claim_data_folder(data_dir)
        try:
            window = MainWindow(ctx, lockdown=lockdown)
            window.start()
            return run_event_loop(app)
        finally:
            folder.release()
    finally:
        ctx.close()


def self_test_kiosk(
    data_dir: Path, screenshot: Path, unlock: tuple[int, str, str] | None = None, timeout: float = 60.0
) -> dict[str, object]:
    """Start the kiosk window on ``data_dir``, reach its first screen (or, with ``unlock`` = sitting, PIN,
    release code, open that sitting as an invigilator would and reach the candidates' login screen), save a
    screenshot to ``screenshot`` and close; returns what was reached. For checking an installed package."""
    from kiosk.ui.presenters.kiosk import Screen

    app = application()
    labcheck.note_display(*display_facts())
    ctx = open_context(data_dir)
    try:
        window = MainWindow(ctx, lockdown=False)
        window.start()
        target = Screen.IDLE
        refused: list[str] = []
        if unlock is not None:
            target = Screen.LOGIN
            window.presenter.unlock_failed.connect(lambda said, _field: refused.append(said))
            window.presenter.unlock(*unlock)
        deadline = time.monotonic() + timeout
        while window.current_screen is not target and not refused and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        # A few more turns so the screen is painted before it is grabbed.
        for _ in range(25):
            app.processEvents()
            time.sleep(0.02)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(screenshot))
        reached = {
            "screen": window.current_screen.value,
            "login_field_visible": window.login.number.isVisible(),
            "screenshot": str(screenshot) if saved else None,
            "size": [window.width(), window.height()],
            "refused": refused[0] if refused else None,
        }
        window.tasks.wait()
        window.leave()
        return reached
    finally:
        ctx.close()


def run_demo(
    data_dir: Path,
    lockdown: bool = True,
    window: bool = True,
    banks_root: Path | None = None,
    say: Callable[[str], None] = print,
    hash_cost: HashCost = HashCost.STANDARD,
) -> DemoCentre:
    """Make a demo centre in ``data_dir``, print its PIN and codes, then open it (if ``window``).

    ``banks_root`` is the folder of bank sources (default: the sample banks shipped with the program).
    """
    # Imported here: building banks pulls in the YAML reader, which opening the kiosk never needs.
    from kiosk.demo import describe_demo, make_demo_centre, sample_banks_root

    ctx = open_context(data_dir, hash_cost=hash_cost)
    try:
        demo = make_demo_centre(ctx, banks_root or sample_banks_root())
    finally:
        ctx.close()
    say(f"Demo centre made in {data_dir}")
    for line in describe_demo(demo, sentence):
        say(line)
    if window:
        run_kiosk(data_dir, lockdown=lockdown)
    return demo


def run_admin(
    data_dir: Path,
    registry_dir: Path | None = None,
    database_url: str | None = None,
    passphrase: bytes | None = None,
    language: str = "en",
) -> int:
    """The administrator console (``kiosk admin``), run until it is closed; returns the exit code."""
    # Imported on use: opening the kiosk itself never needs the console.
    from kiosk.ui.admin.launch import run_admin as run_console

    return run_console(data_dir, registry_dir, database_url, passphrase, language)
