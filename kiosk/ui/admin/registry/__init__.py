"""The registry face of the console: kiosks, bundle imports, results and reports."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.registry.services.registry import RegistryContext
from kiosk.ui.admin.registry.imports import ImportsPresenter
from kiosk.ui.admin.registry.kiosks import KiosksPresenter
from kiosk.ui.admin.registry.results import ResultsPresenter
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.window import PagePresenter
from kiosk.ui.i18n import tr


class RegistryFace:
    """The console as the registry administrator sees it, working on one registry folder and database."""

    def __init__(self, ctx: RegistryContext) -> None:
        self.ctx = ctx

    def title(self) -> str:
        return tr("AdminWindow", "Results registry")

    def subtitle(self) -> str:
        return tr("AdminWindow", "Registry folder {folder} · database {database}").format(
            folder=self.ctx.directory, database=self.ctx.database.shown_url
        )

    def build(self, tools: ConsoleTools) -> Sequence[PagePresenter]:
        return [
            KiosksPresenter(self.ctx, tools),
            ImportsPresenter(self.ctx, tools),
            ResultsPresenter(self.ctx, tools),
        ]
