"""Opening the administrator console: the centre face on a kiosk data folder, or the registry face.

``kiosk admin`` reaches :func:`run_admin` through ``kiosk.app`` (the CLI may not import the ui layer).
The console is an ordinary desktop window: no full screen, no swallowed keys, no focus-loss incidents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import shiboken6

from kiosk.domain.errors import KioskError
from kiosk.registry.services.registry import RegistryContext, open_registry
from kiosk.station.services import kiosk_setup
from kiosk.station.services.context import KioskContext, open_context
from kiosk.ui.admin.centre import CentreFace
from kiosk.ui.admin.centre.labcheck import LabCheckPresenter
from kiosk.ui.admin.i18n import ConsoleLanguage
from kiosk.ui.admin.registry import RegistryFace
from kiosk.ui.admin.setup import CentreSetupFace, RegistrySetupFace
from kiosk.ui.admin.setup.registry import RegistryKeyPresenter, saved_database_url
from kiosk.ui.admin.style import apply as apply_style
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.window import AdminWindow, Face, PagePresenter
from kiosk.ui.application import application, run_event_loop
from kiosk.ui.i18n import tr
from kiosk.ui.theme import Appearance

# Designed for the 1366x768 screens of the college's lab and office PCs.
DEFAULT_SIZE = (1366, 768)


class _WithPages:
    """A face with more pages after its own (the lab check for a centre, the key for a registry)."""

    def __init__(self, face: Face, more: Callable[[ConsoleTools], Sequence[PagePresenter]]) -> None:
        self.face = face
        self.more = more

    def title(self) -> str:
        return self.face.title()

    def subtitle(self) -> str:
        return self.face.subtitle()

    def build(self, tools: ConsoleTools) -> Sequence[PagePresenter]:
        return [*self.face.build(tools), *self.more(tools)]


def centre_face(ctx: KioskContext) -> Face:
    """The centre console's pages, the pre-exam lab check last."""
    return _WithPages(CentreFace(ctx), lambda tools: [LabCheckPresenter(ctx, tools)])


def registry_face(ctx: RegistryContext) -> Face:
    """The registry console's pages, the registry's own public key last."""
    return _WithPages(RegistryFace(ctx), lambda tools: [RegistryKeyPresenter(ctx, tools)])


def _registry_is_set_up(directory: Path) -> bool:
    keys = directory / "keys"
    return keys.is_dir() and any(keys.glob("*.key"))


@contextmanager
def open_admin(
    data_dir: Path,
    registry_dir: Path | None = None,
    database_url: str | None = None,
    passphrase: bytes | None = None,
    language: str = "en",
    offer_setup: bool = False,
) -> Iterator[AdminWindow]:
    """The console window (shown): the registry in ``registry_dir`` if given, else the centre's data folder.

    With ``offer_setup``, a PC that is not a kiosk yet (or a registry folder without keys) opens on its
    set-up page, and the console's usual pages replace it once set-up is done. The store or database is
    closed when the block ends. Raises the services' KioskError (one sentence) when the folder or database
    cannot be opened.
    """
    closers: list[Callable[[], None]] = []
    window: AdminWindow | None = None

    def show(face: Face) -> None:
        assert window is not None
        window.set_face(face)

    def registry_made(url: str | None) -> None:
        assert window is not None
        try:
            opened = open_registry(registry_dir or data_dir, url, passphrase)
        except KioskError as error:
            window.tools.tell_failure(tr("AdminSetup", "The registry cannot be opened"), error)
            return
        closers.append(opened.close)
        show(registry_face(opened))

    switch = ConsoleLanguage()
    try:
        # The store or database is opened before any window, so a wrong folder is one sentence, not a window.
        face: Face
        if registry_dir is not None:
            url = database_url or saved_database_url(registry_dir)
            if offer_setup and not _registry_is_set_up(registry_dir):
                face = RegistrySetupFace(registry_dir, registry_made, url)
            else:
                registry_ctx = open_registry(registry_dir, url, passphrase)
                closers.append(registry_ctx.close)
                face = registry_face(registry_ctx)
        else:
            ctx = open_context(data_dir)
            closers.append(ctx.close)
            if offer_setup and kiosk_setup.kiosk_info(ctx) is None:
                face = CentreSetupFace(ctx, lambda: show(centre_face(ctx)))
            else:
                face = centre_face(ctx)
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
        for close in reversed(closers):
            close()


def run_admin(
    data_dir: Path,
    registry_dir: Path | None = None,
    database_url: str | None = None,
    passphrase: bytes | None = None,
    language: str = "en",
) -> int:
    """Open the console and run it until the administrator closes it; returns the exit code.

    A new PC or a new registry folder opens on its set-up page.
    """
    with open_admin(data_dir, registry_dir, database_url, passphrase, language, offer_setup=True) as window:
        app = application()
        window.raise_()
        return run_event_loop(app)
