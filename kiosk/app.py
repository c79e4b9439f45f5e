"""Composition root: builds the kiosk context and the main window, and runs them.

The only module that imports every layer: services for the context and the demo centre, the ui for the
window. ``kiosk`` (no verb) calls :func:`run_kiosk`; ``kiosk demo`` calls :func:`run_demo`.

The kiosk paints first: :func:`open_window` shows the window at once and opens the store behind it, on a
worker thread, with the store's libraries (SQLAlchemy, the services, cryptography) imported there too.
The store's integrity check is still the gate: until it has passed nothing can be unlocked or logged into,
and a store that fails it is reported in the window, which then stays closed to every exam. So the
services are imported inside the functions here, never at the top of this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.clock import Clock
from kiosk.ui.application import application, run_event_loop
from kiosk.ui.application import display_facts as ask_qt
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from kiosk.demo import DemoCentre
    from kiosk.formats.secrets import HashCost
    from kiosk.station.services.context import KioskContext
    from kiosk.station.storage.instance import FolderLock


def display_facts() -> tuple[tuple[int, int] | None, bool | None]:
    """This PC's screen size and whether a font can draw Chinese, as Qt sees them (for the lab check)."""
    application()
    return ask_qt()


def open_window(
    data_dir: Path, lockdown: bool = True, clock: Clock | None = None, refresh_ms: int = 500
) -> MainWindow:
    """The kiosk window on ``data_dir``, shown at once, with its store opened and checked behind it.

    ``window.ready`` turns true once the store passed its check and today's sittings are read; until then
    the idle screen says the store is being checked, and a store that fails is reported there
    (``window.presenter.store_error``).
    """
    application()
    # The check before a sitting is unlocked judges the screen and fonts the window has (asked on this
    # thread: Qt's screens and fonts belong to it); the services note them once they are imported.
    screen, cjk_font = display_facts()
    window = MainWindow(None, lockdown=lockdown, refresh_ms=refresh_ms)

    def open_store() -> KioskContext:
        from kiosk.station.services import labcheck
        from kiosk.station.services.context import open_context

        labcheck.note_display(screen, cjk_font)
        return open_context(data_dir, clock=clock)

    window.start(open_store)
    return window


def claim_folder(data_dir: Path) -> FolderLock:
    """Hold ``data_dir`` for this kiosk program (making the folder if it is new), before any window shows.

    StoreError ``kiosk_store.in_use`` when another kiosk program runs on it: two windows on one store could
    both submit the same attempt, and a second full-screen window would cover the first one's exam. The
    lock is taken through the storage module itself, which needs neither SQLAlchemy nor the services.
    """
    from kiosk.domain.errors import StoreError
    from kiosk.station.storage.instance import lock_data_folder
    from kiosk.support.files import PRIVATE_FOLDER

    try:
        data_dir.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise StoreError("kiosk_store.folder_not_created", folder=data_dir, reason=reason) from error
    return lock_data_folder(data_dir)


def close_store(window: MainWindow) -> None:
    """Release the store's connections once the window is gone (if it was opened at all)."""
    ctx = window.ctx
    if ctx is not None:
        ctx.close()


def run_kiosk(data_dir: Path, lockdown: bool = True, clock: Clock | None = None) -> int:
    """Run the kiosk on ``data_dir`` (full screen unless ``lockdown`` is False) until it is left.

    Raises the store's StoreError after the window closes when the store could not be opened or failed its
    integrity check (the window said so meanwhile), so the exit code says it too.
    """
    app = application()
    folder = claim_folder(data_dir)
    try:
        window = open_window(data_dir, lockdown=lockdown, clock=clock)
        try:
            code = run_event_loop(app)
        finally:
            close_store(window)
        failure = window.presenter.store_error
        if failure is not None:
            raise failure
        return code
    finally:
        folder.release()


def self_test_kiosk(
    data_dir: Path, screenshot: Path, unlock: tuple[int, str, str] | None = None, timeout: float = 60.0
) -> dict[str, object]:
    """Start the kiosk window on ``data_dir``, reach its first screen (or, with ``unlock`` = sitting, PIN,
    release code, open that sitting as an invigilator would and reach the candidates' login screen), save a
    screenshot to ``screenshot`` and close; returns what was reached. For checking an installed package."""
    from kiosk.ui.presenters.kiosk import Screen

    app = application()
    window = open_window(data_dir, lockdown=False)
    try:
        deadline = time.monotonic() + timeout
        # The store is opened behind the painted window; nothing is reached before it passed its check.
        while not window.ready and window.presenter.store_error is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        if window.presenter.store_error is not None:
            raise window.presenter.store_error
        target = Screen.IDLE
        refused: list[str] = []
        if unlock is not None:
            target = Screen.LOGIN
            window.presenter.unlock_failed.connect(lambda said, _field: refused.append(said))
            window.presenter.unlock(*unlock)
        while window.current_screen is not target and not refused and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        # A few more turns so the screen is painted before it is grabbed.
        for _ in range(25):
            app.processEvents()
            time.sleep(0.02)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(screenshot))
        reached: dict[str, object] = {
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
        window.tasks.wait()
        close_store(window)


def run_demo(
    data_dir: Path,
    lockdown: bool = True,
    window: bool = True,
    banks_root: Path | None = None,
    say: Callable[[str], None] = print,
    hash_cost: HashCost | None = None,
) -> DemoCentre:
    """Make a demo centre in ``data_dir``, print its PIN and codes, then open it (if ``window``).

    ``banks_root`` is the folder of bank sources (default: the sample banks shipped with the program);
    ``hash_cost`` the secrets' hashing cost (default: the standard one).
    """
    # Imported here: building banks pulls in the YAML reader, which opening the kiosk never needs.
    from kiosk.demo import describe_demo, make_demo_centre, sample_banks_root
    from kiosk.formats.secrets import HashCost
    from kiosk.messages import sentence
    from kiosk.station.services.context import open_context

    ctx = open_context(data_dir, hash_cost=hash_cost or HashCost.STANDARD)
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
