"""Composition root: builds the kiosk context and the main window, and runs them.

The only module that imports every layer: services for the context and the demo centre, the ui for the
window. ``kiosk`` (no verb) calls :func:`run_kiosk`; ``kiosk demo`` calls :func:`run_demo`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.clock import Clock
from kiosk.formats.secrets import HashCost
from kiosk.messages import sentence
from kiosk.station.services.context import KioskContext, open_context
from kiosk.ui.application import application, run_event_loop
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from kiosk.demo import DemoCentre

# The sample banks shipped beside the package in a source checkout.
SAMPLE_BANKS = Path(__file__).resolve().parent.parent / "question_banks"


def build_window(ctx: KioskContext, lockdown: bool = True, refresh_ms: int = 500) -> MainWindow:
    """The kiosk window over ``ctx``, not yet started (tests start it themselves)."""
    application()
    return MainWindow(ctx, lockdown=lockdown, refresh_ms=refresh_ms)


def run_kiosk(data_dir: Path, lockdown: bool = True, clock: Clock | None = None) -> int:
    """Run the kiosk on ``data_dir`` (full screen unless ``lockdown`` is False) until it is left."""
    app = application()
    ctx = open_context(data_dir, clock=clock)
    try:
        window = MainWindow(ctx, lockdown=lockdown)
        window.start()
        return run_event_loop(app)
    finally:
        ctx.close()


def run_demo(
    data_dir: Path,
    lockdown: bool = True,
    window: bool = True,
    banks_root: Path = SAMPLE_BANKS,
    say: Callable[[str], None] = print,
    hash_cost: HashCost = HashCost.STANDARD,
) -> DemoCentre:
    """Make a demo centre in ``data_dir``, print its PIN and codes, then open it (if ``window``)."""
    # Imported here: building banks pulls in the YAML reader, which opening the kiosk never needs.
    from kiosk.demo import describe_demo, make_demo_centre

    ctx = open_context(data_dir, hash_cost=hash_cost)
    try:
        demo = make_demo_centre(ctx, banks_root)
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
