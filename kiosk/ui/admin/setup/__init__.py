"""First-run set-up in the console: a new PC becomes a kiosk, a new folder becomes a registry.

Each face has one page; when its work is done it calls back, and the console shows the usual pages in its
place (see ``kiosk.ui.admin.launch``). Nothing here asks for a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.setup.centre import CentreSetupPresenter
from kiosk.ui.admin.setup.registry import RegistrySetupPresenter
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.window import PagePresenter
from kiosk.ui.i18n import tr


class CentreSetupFace:
    """The console on a PC that is not a kiosk yet: only the set-up page."""

    def __init__(self, ctx: KioskContext, on_done: Callable[[], None]) -> None:
        self.ctx = ctx
        self.on_done = on_done

    def title(self) -> str:
        return tr("AdminWindow", "Centre administration")

    def subtitle(self) -> str:
        return tr("AdminWindow", "This PC is not set up as a kiosk yet · data folder {folder}").format(
            folder=self.ctx.data_dir
        )

    def build(self, tools: ConsoleTools) -> Sequence[PagePresenter]:
        return [CentreSetupPresenter(self.ctx, tools, self.on_done)]


class RegistrySetupFace:
    """The registry console on a folder that is not a registry yet: only the set-up page."""

    def __init__(
        self, directory: Path, on_done: Callable[[str | None], None], suggested_url: str | None = None
    ) -> None:
        self.directory = directory
        self.on_done = on_done
        self.suggested_url = suggested_url

    def title(self) -> str:
        return tr("AdminWindow", "Results registry")

    def subtitle(self) -> str:
        return tr("AdminSetup", "Registry folder {folder} · not set up yet").format(folder=self.directory)

    def build(self, tools: ConsoleTools) -> Sequence[PagePresenter]:
        presenter = RegistrySetupPresenter(self.directory, tools, self.on_done)
        if self.suggested_url:
            presenter.page.suggest_url(self.suggested_url)
        return [presenter]
