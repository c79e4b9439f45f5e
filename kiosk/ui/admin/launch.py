"""Opening the administrator console: the centre face on a kiosk data folder, or the registry face.

``kiosk admin`` reaches :func:`run_admin` through ``kiosk.app`` (the CLI may not import the ui layer).
The console is an ordinary desktop window: no full screen, no swallowed keys, no focus-loss incidents.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6

from kiosk.registry.services.registry import open_registry
from kiosk.station.services.context import open_context
from kiosk.ui.admin.centre import CentreFace
from kiosk.ui.admin.i18n import ConsoleLanguage
from kiosk.ui.admin.registry import RegistryFace
from kiosk.ui.admin.style import apply as apply_style
from kiosk.ui.admin.window import AdminWindow, Face
from kiosk.ui.application import application, run_event_loop
from kiosk.ui.theme import Appearance

# Designed for the 1366x768 screens of the college's lab and office PCs.
DEFAULT_SIZE = (1366, 768)


@contextmanager
def open_admin(
    data_dir: Path,
    registry_dir: Path | None = None,
    database_url: str | None = None,
    passphrase: bytes | None = None,
    language: str = "en",
) -> Iterator[AdminWindow]:
    """The console window (shown): the registry in ``registry_dir`` if given, else the centre's data folder.

    The store or database is closed when the block ends. Raises the services' KioskError (one sentence)
    when the folder or database cannot be opened.
    """
    # The store or database is opened before any window, so a wrong folder is one sentence, not a window.
    if registry_dir is not None:
        registry_ctx = open_registry(registry_dir, database_url, passphrase)
        close = registry_ctx.close
    else:
        ctx = open_context(data_dir)
        close = ctx.close
    switch = ConsoleLanguage()
    try:
        face: Face = RegistryFace(registry_ctx) if registry_dir is not None else CentreFace(ctx)
        app = application()
        apply_style(app, Appearance(language=language))
        switch.set_language(language)
        window = AdminWindow(face, language=switch)
        window.resize(*DEFAULT_SIZE)
        window.show()
        try:
            yield window
        finally:
            window.tasks.wait()
            window.close()
            # Deleted now, not by a later deleteLater: a console destroyed at some later turn of the event
            # loop, after its Python side was released, left Qt's style-sheet machinery a dangling widget.
            shiboken6.delete(window)
    finally:
        switch.reset()
        close()


def run_admin(
    data_dir: Path,
    registry_dir: Path | None = None,
    database_url: str | None = None,
    passphrase: bytes | None = None,
    language: str = "en",
) -> int:
    """Open the console and run it until the administrator closes it; returns the exit code."""
    with open_admin(data_dir, registry_dir, database_url, passphrase, language) as window:
        app = application()
        window.raise_()
        return run_event_loop(app)
