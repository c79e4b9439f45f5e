"""The centre face of the console: roster, candidates, invigilators, banks, sittings, pack and export."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.station.services import kiosk_setup
from kiosk.station.services.context import KioskContext
from kiosk.ui.admin.centre.banks import BanksPresenter
from kiosk.ui.admin.centre.candidates import CandidatesPresenter
from kiosk.ui.admin.centre.export import ExportPresenter
from kiosk.ui.admin.centre.invigilators import InvigilatorsPresenter
from kiosk.ui.admin.centre.printing import PrintingPresenter
from kiosk.ui.admin.centre.receipts import ReceiptsPresenter
from kiosk.ui.admin.centre.roster import RosterPresenter
from kiosk.ui.admin.centre.sittings import SittingsPresenter
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.window import PagePresenter
from kiosk.ui.i18n import tr


class CentreFace:
    """The console as a centre administrator sees it, working on this PC's kiosk data folder."""

    def __init__(self, ctx: KioskContext) -> None:
        self.ctx = ctx
        self.info = kiosk_setup.kiosk_info(ctx)

    def title(self) -> str:
        return tr("AdminWindow", "Centre administration")

    def subtitle(self) -> str:
        if self.info is None:
            return tr("AdminWindow", "This PC is not set up as a kiosk yet · data folder {folder}").format(
                folder=self.ctx.data_dir
            )
        return tr("AdminWindow", "{centre} · kiosk {kiosk} ({kiosk_id}) · data folder {folder}").format(
            centre=self.info.centre_name,
            kiosk=self.info.kiosk_name,
            kiosk_id=self.info.kiosk_id,
            folder=self.ctx.data_dir,
        )

    def build(self, tools: ConsoleTools) -> Sequence[PagePresenter]:
        exporting = ExportPresenter(self.ctx, tools)
        receipts = ReceiptsPresenter(self.ctx, tools, exporting.page.registry_key.path)
        exporting.results_exported.connect(receipts.activated)
        return [
            RosterPresenter(self.ctx, tools),
            CandidatesPresenter(self.ctx, tools),
            InvigilatorsPresenter(self.ctx, tools),
            BanksPresenter(self.ctx, tools),
            SittingsPresenter(self.ctx, tools),
            PrintingPresenter(self.ctx, tools),
            exporting,
            receipts,
        ]
