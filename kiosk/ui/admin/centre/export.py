"""Exporting results to a folder or a USB stick, each bundle's delivery, and this kiosk's enrolment file.

When the kiosk has a link to its registry (``trust/registry.1xlink``), the console runs the outbox sender
(:func:`kiosk.station.services.sync.watch`) on a thread of its own while it is open: it sends at once,
again after each export, and every minute; the page shows each bundle's delivery in one sentence. The
sender stops when the console closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from kiosk.domain.errors import KioskError
from kiosk.formats import enrolment as enrolment_format
from kiosk.station.services import enrolment, export, recovery, sync
from kiosk.station.services.context import KioskContext
from kiosk.station.services.sync import BundleDelivery, Status
from kiosk.ui.admin.drives import Drive, removable_drives
from kiosk.ui.admin.terms import when
from kiosk.ui.admin.tools import ConsoleTools
from kiosk.ui.admin.widgets import ConsolePage, PathField
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr, trn
from kiosk.ui.widgets.status import Banner

KEY_FILTER = "1+X public key (*.pub);;*"


def _size(free_bytes: int) -> str:
    return f"{free_bytes / 1e9:.1f} GB" if free_bytes >= 1e9 else f"{free_bytes / 1e6:.0f} MB"


@dataclass(frozen=True)
class DeliveryView:
    """What the page shows of delivery: the registry's address (None without a link), every bundle, and
    why the link or the sender is not working (None when it is)."""

    url: str | None
    bundles: tuple[BundleDelivery, ...]
    problem: KioskError | None = None


def delivery_view(ctx: KioskContext, bundles: Sequence[BundleDelivery] | None = None) -> DeliveryView:
    """Read the link and every bundle's delivery, unless given (off the GUI thread: it reads files)."""
    url, problem = None, None
    if sync.link_path(ctx).exists():
        try:
            url = sync.registry_link(ctx).url
        except KioskError as error:
            problem = error
    return DeliveryView(url, tuple(sync.sync_status(ctx) if bundles is None else bundles), problem)


class BackgroundSender:
    """The outbox sender (:func:`sync.watch`) on a thread of its own: woken after each export, stopped at
    the end. ``on_pass`` and ``on_error`` are called on that thread."""

    def __init__(
        self,
        ctx: KioskContext,
        on_pass: Callable[[sync.SyncPass], None],
        on_error: Callable[[KioskError], None],
        interval: float = sync.FIRST_RETRY_SECONDS,
    ) -> None:
        self.ctx = ctx
        self.interval = interval
        self._on_pass = on_pass
        self._on_error = on_error
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start sending (a first pass at once), unless already started."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=sync.watch,
            args=(self.ctx, self.interval, self._on_pass, self._stop, self._wake, self._on_error),
            name="outbox-sender",
            daemon=True,
        )
        self._thread.start()

    def wake(self) -> None:
        """Start the next pass now (a new bundle was exported)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the current pass; wait for it up to ``timeout`` seconds."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)


class _SenderNews(QObject):
    """Carries the sender's news from its thread to the GUI thread (the signals are queued across)."""

    passed = Signal(object)
    """A pass ended; carries the :class:`DeliveryView` after it."""
    failed = Signal(object)
    """A pass could not run; carries the KioskError."""


def delivery_sentence(item: BundleDelivery, linked: bool) -> str:
    """One bundle's delivery in one sentence: sent, or waiting (with the last error and the next try)."""
    count = item.attempts
    if item.status is Status.DELIVERED:
        if item.receipt_at is None:
            text = trn(
                "AdminExport",
                "Bundle {bundle} (%n attempt(s)) needs no sending: receipts for other bundles acknowledge "
                "every attempt in it.",
                count,
            )
        else:
            text = trn(
                "AdminExport",
                "Bundle {bundle} (%n attempt(s)) was sent; the registry's receipt was applied at {time}.",
                count,
            )
    elif not linked:
        if item.acknowledged:
            text = trn(
                "AdminExport",
                "Bundle {bundle} (%n attempt(s)) was delivered by USB: the registry's receipts acknowledge "
                "every attempt in it.",
                count,
            )
        else:
            text = trn(
                "AdminExport",
                "Bundle {bundle} (%n attempt(s)) waits for the registry's receipt, which comes back by USB.",
                count,
            )
    elif item.status is Status.SENDING:
        text = trn("AdminExport", "Bundle {bundle} (%n attempt(s)) is being sent.", count)
    elif item.status is Status.FAILED and item.error is not None:
        text = trn(
            "AdminExport",
            "Bundle {bundle} (%n attempt(s)) waits to be sent again at {next}; the last try failed: {reason}",
            count,
        )
    elif item.acknowledged:
        text = trn(
            "AdminExport",
            "Bundle {bundle} (%n attempt(s)) waits to be sent, though the registry's receipts already "
            "acknowledge every attempt in it.",
            count,
        )
    else:
        text = trn("AdminExport", "Bundle {bundle} (%n attempt(s)) waits to be sent.", count)
    reason = "" if item.error is None else error_sentence(item.error)
    return text.format(
        bundle=item.bundle_id, time=when(item.receipt_at), next=when(item.next_try_at), reason=reason
    )


class ExportPage(ConsolePage):
    """Lays out where to write (a folder or a removable drive), the export button and its progress."""

    export_requested = Signal()
    """Write a result bundle into the destination folder."""
    drives_requested = Signal()
    """Look again for removable drives."""
    enrolment_requested = Signal()
    """Write this kiosk's enrolment file into the destination folder."""
    backup_requested = Signal()
    """Back the whole kiosk up into the destination folder, sealed with the passphrase typed twice."""

    def __init__(self) -> None:
        super().__init__("export")
        self.destination = PathField("export-destination")
        self.body.addWidget(self.destination)
        drive_row = QHBoxLayout()
        self.drive_label = QLabel()
        self.drives = QComboBox()
        self.drives.setObjectName("export-drives")
        self.drive_label.setBuddy(self.drives)
        self.refresh_drives = QPushButton()
        self.refresh_drives.setObjectName("export-refresh-drives")
        drive_row.addWidget(self.drive_label)
        drive_row.addWidget(self.drives, 1)
        drive_row.addWidget(self.refresh_drives)
        self.body.addLayout(drive_row)
        self.registry_key = PathField("export-registry-key")
        self.body.addWidget(self.registry_key)

        self.export_button = QPushButton()
        self.export_button.setObjectName("export-run")
        self.export_button.setProperty("role", "primary")
        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        action_row = QHBoxLayout()
        action_row.addWidget(self.export_button)
        action_row.addWidget(self.progress, 1)
        self.body.addLayout(action_row)
        self.status = Banner("export-status", selectable=True)
        self.body.addWidget(self.status)

        self.delivery_title = QLabel()
        self.delivery_title.setProperty("role", "stem")
        self.link_label = QLabel()
        self.link_label.setObjectName("export-link")
        self.link_label.setProperty("role", "muted")
        self.link_label.setWordWrap(True)
        self.deliveries = QListWidget()
        self.deliveries.setObjectName("export-deliveries")
        self.deliveries.setWordWrap(True)
        self.deliveries.setMinimumHeight(48)
        self.body.addWidget(self.delivery_title)
        self.body.addWidget(self.link_label)
        self.body.addWidget(self.deliveries, 1)

        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        self.enrol_title = QLabel()
        self.enrol_title.setProperty("role", "stem")
        self.enrol_help = QLabel()
        self.enrol_help.setWordWrap(True)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("export-enrol")
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_help, 1)
        enrol_row.addWidget(self.enrol_button)
        card_layout.addWidget(self.enrol_title)
        card_layout.addLayout(enrol_row)
        self.body.addWidget(card)

        backup_card = QFrame()
        backup_card.setProperty("role", "card")
        backup_layout = QVBoxLayout(backup_card)
        self.backup_title = QLabel()
        self.backup_title.setProperty("role", "stem")
        self.backup_help = QLabel()
        self.backup_help.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("export-backup-passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setObjectName("export-backup-passphrase-again")
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase)
        self.passphrase_again_label = QLabel()
        self.passphrase_again_label.setBuddy(self.passphrase_again)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("export-backup")
        backup_row = QHBoxLayout()
        for widget in (self.passphrase_label, self.passphrase, self.passphrase_again_label):
            backup_row.addWidget(widget)
        backup_row.addWidget(self.passphrase_again)
        backup_row.addWidget(self.backup_button)
        backup_layout.addWidget(self.backup_title)
        backup_row.insertWidget(0, self.backup_help, 1)
        backup_layout.addLayout(backup_row)
        self.body.addWidget(backup_card)

        self.export_button.clicked.connect(self.export_requested)
        self.destination.submitted.connect(self.export_requested)
        self.refresh_drives.clicked.connect(self.drives_requested)
        self.enrol_button.clicked.connect(self.enrolment_requested)
        self.backup_button.clicked.connect(self.backup_requested)
        self.passphrase_again.returnPressed.connect(self.backup_requested)
        self.drives.activated.connect(self._drive_chosen)
        self.guard(
            self.export_button, self.enrol_button, self.backup_button, self.refresh_drives, self.drives
        )
        self.found: list[Drive] = []
        self.view = DeliveryView(None, ())
        self.sender_problem: KioskError | None = None
        self.first_input = self.destination.edit
        self.retranslate()

    def nav_label(self) -> str:
        return tr("AdminExport", "Export results")

    def retranslate(self) -> None:
        self.title_label.setText(tr("AdminExport", "Export results for the registry"))
        self.intro_label.setText(
            tr(
                "AdminExport",
                "Results leave this PC as one signed, encrypted bundle holding every finished attempt the "
                "registry has not yet acknowledged. The bundle is read back after writing; exporting again "
                "never loses an attempt.",
            )
        )
        self.destination.set_texts(
            tr("AdminExport", "Write to folder"),
            tr("AdminExport", "Browse…"),
            tr("AdminExport", "a folder or USB stick"),
        )
        self.drive_label.setText(tr("AdminExport", "Removable drive"))
        self.refresh_drives.setText(tr("AdminExport", "Look again"))
        self.registry_key.set_texts(
            tr("AdminExport", "Registry key"),
            tr("AdminExport", "Browse…"),
            tr("AdminExport", "leave empty to use the registry key this kiosk trusts"),
        )
        # Said where it matters, not on a line of its own: a lab screen is 768 pixels tall.
        self.registry_key.edit.setToolTip(
            tr(
                "AdminExport",
                "Bundles are encrypted to the registry's public key; only the registry can open them.",
            )
        )
        self.export_button.setText(tr("AdminExport", "Export results"))
        self.enrol_title.setText(tr("AdminExport", "Enrol this kiosk at the registry"))
        self.enrol_help.setText(
            tr(
                "AdminExport",
                "The registry accepts bundles only from enrolled kiosks. Write this kiosk's enrolment file "
                "into the folder above and send it with the first bundle.",
            )
        )
        self.enrol_button.setText(tr("AdminExport", "Write enrolment file"))
        self.backup_title.setText(tr("AdminExport", "Back up this kiosk"))
        self.backup_help.setText(
            tr(
                "AdminExport",
                "Written into the folder above: all this kiosk needs to come back on another PC, its key "
                "sealed with the passphrase (12+ characters; keep it apart from the stick).",
            )
        )
        self.passphrase_label.setText(tr("AdminExport", "Passphrase"))
        self.passphrase_again_label.setText(tr("AdminExport", "Again"))
        self.backup_button.setText(tr("AdminExport", "Back up"))
        self.delivery_title.setText(tr("AdminExport", "Delivery of each bundle"))
        self.show_drives(self.found)
        self.show_delivery(self.view, self.sender_problem)

    def show_delivery(self, view: DeliveryView, sender_problem: KioskError | None = None) -> None:
        """Say how bundles travel, and each bundle's delivery in one sentence, newest first."""
        self.view = view
        self.sender_problem = sender_problem
        problem = view.problem or sender_problem
        if view.url is None and view.problem is None:
            link = tr(
                "AdminExport",
                "This kiosk has no link to a registry: bundles travel on a USB stick and their receipts come "
                "back the same way.",
            )
        elif problem is not None:
            link = tr(
                "AdminExport", "Bundles cannot be sent to the registry over the network now: {reason}"
            ).format(reason=error_sentence(problem))
        else:
            link = tr(
                "AdminExport",
                "While this console is open, bundles go to the registry at {url} by themselves: after each "
                "export and every minute until its receipt comes back. USB still works as well.",
            ).format(url=view.url)
        self.link_label.setText(link)
        self.deliveries.clear()
        linked = view.url is not None
        for item in reversed(view.bundles):
            self.deliveries.addItem(delivery_sentence(item, linked))
        if not view.bundles:
            self.deliveries.addItem(tr("AdminExport", "No bundle has been exported yet."))

    def show_drives(self, drives: list[Drive]) -> None:
        self.found = drives
        self.drives.clear()
        if not drives:
            self.drives.addItem(
                tr("AdminExport", "No removable drive found; insert a USB stick and look again")
            )
            self.drives.setEnabled(False)
            return
        self.drives.addItem(tr("AdminExport", "Choose a drive…"))
        for drive in drives:
            self.drives.addItem(
                tr("AdminExport", "{label} ({root}, {free} free)").format(
                    label=drive.label, root=drive.root, free=_size(drive.free_bytes)
                )
            )
        self.drives.setEnabled(not self.busy)

    def _drive_chosen(self, index: int) -> None:
        if 1 <= index <= len(self.found):
            self.destination.set_path(self.found[index - 1].root)

    def show_exporting(self) -> None:
        self.progress.setRange(0, 0)
        self.status.clear()

    def show_exported(self, done: bool) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if done else 0)

    def update_actions(self) -> None:
        self.drives.setEnabled(bool(self.found) and not self.busy)


class ExportPresenter(QObject):
    """Exports results and writes the enrolment file through the export and enrolment services, and runs
    the outbox sender while the console is open when the kiosk has a link to its registry."""

    results_exported = Signal()
    """A bundle was written and read back (the attempts it carries now wait for the registry's receipt)."""

    def __init__(
        self,
        ctx: KioskContext,
        tools: ConsoleTools,
        parent: QObject | None = None,
        send_interval: float = sync.FIRST_RETRY_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tools = tools
        self.page = ExportPage()
        self.page.destination.browse_requested.connect(self.browse)
        self.page.registry_key.browse_requested.connect(self.browse_key)
        self.page.drives_requested.connect(self.look_for_drives)
        self.page.export_requested.connect(self.export)
        self.page.enrolment_requested.connect(self.write_enrolment)
        self.page.backup_requested.connect(self.back_up)
        self.closed = False
        self.news = _SenderNews(self)
        self.news.passed.connect(self._sent)
        self.news.failed.connect(self._not_sent)
        news = self.news

        def passed(result: sync.SyncPass) -> None:
            news.passed.emit(delivery_view(ctx, result.bundles))

        self.outbox_sender = BackgroundSender(ctx, passed, news.failed.emit, send_interval)
        # The console closes by deleting its window, and the page with it: the sender stops then.
        self.page.destroyed.connect(lambda *_: self.close())
        self.start_sending()

    def activated(self) -> None:
        self.look_for_drives()
        self.start_sending()
        self.refresh_delivery()

    def start_sending(self) -> bool:
        """Run the sender if this kiosk has a link to its registry (and it is not running yet)."""
        if self.closed or not sync.link_path(self.ctx).exists():
            return False
        self.outbox_sender.start()
        return True

    def close(self) -> None:
        """Stop the sender (the console is closing)."""
        self.closed = True
        self.outbox_sender.stop()

    def refresh_delivery(self) -> None:
        """Read every bundle's delivery afresh (in the background: the page stays usable meanwhile)."""
        self.tools.tasks.run("export-delivery", lambda: delivery_view(self.ctx), self._shown, self._unread)

    def _shown(self, view: DeliveryView) -> None:
        if not self.closed:
            self.page.show_delivery(view, self.page.sender_problem)

    def _unread(self, error: Exception) -> None:
        if self.closed:
            return
        if not isinstance(error, KioskError):
            self.tools.tell_failure(tr("AdminExport", "The delivery of the bundles cannot be shown"), error)
            return
        self.page.show_delivery(self.page.view, error)

    def _sent(self, view: DeliveryView) -> None:
        if not self.closed:
            self.page.show_delivery(view)

    def _not_sent(self, error: KioskError) -> None:
        if not self.closed:
            self.page.show_delivery(self.page.view, error)

    def look_for_drives(self) -> None:
        self.page.show_drives(removable_drives())

    def browse(self) -> None:
        folder = self.tools.chooser.folder(self.page, tr("AdminExport", "Choose where to write the results"))
        if folder is not None:
            self.page.destination.set_path(folder)

    def browse_key(self) -> None:
        path = self.tools.chooser.open_file(
            self.page, tr("AdminExport", "Choose the registry's public key"), KEY_FILTER
        )
        if path is not None:
            self.page.registry_key.set_path(path)

    def _destination(self) -> Path | None:
        folder = self.page.destination.path()
        if folder is None:
            self.page.status.show_message(
                "error", tr("AdminExport", "Type or choose the folder (or USB stick) to write to first.")
            )
        return folder

    def export(self) -> None:
        folder = self._destination()
        if folder is None or self.page.busy:
            return
        key = self.page.registry_key.path()
        self.page.show_exporting()

        def exported(result: export.ExportResult) -> None:
            self.page.show_exported(True)
            said = trn(
                "AdminExport",
                "Wrote bundle {bundle} with %n attempt(s) to {path} and read it back intact. Take it "
                "to the registry; its receipt marks the attempts as delivered.",
                result.attempt_count,
            ).format(bundle=result.bundle_id, path=result.path)
            if result.rewritten:
                said += " " + trn(
                    "AdminExport",
                    "%n bundle(s) an interrupted export had numbered but not written were written too; take "
                    "them as well.",
                    len(result.rewritten),
                )
            self.page.status.show_message("info", said)
            self.results_exported.emit()
            self.refresh_delivery()
            if self.outbox_sender.running:
                self.outbox_sender.wake()
            else:
                self.start_sending()

        self.tools.run(
            self.page,
            "export-results",
            lambda: export.export_results(self.ctx, folder, key),
            exported,
            tr("AdminExport", "No results were exported"),
            on_failed=lambda _error: self.page.show_exported(False),
        )

    def write_enrolment(self) -> None:
        folder = self._destination()
        if folder is None or self.page.busy:
            return

        def written(result: tuple[Path, enrolment_format.Enrolment]) -> None:
            path, enrolled = result
            self.page.status.show_message(
                "info",
                tr(
                    "AdminExport",
                    "Wrote {path}. Key id {key_id}: the registry administrator should see the same id when "
                    "enrolling this kiosk.",
                ).format(path=path, key_id=enrolled.key_id),
            )

        self.tools.run(
            self.page,
            "export-enrolment",
            lambda: enrolment.enrol(self.ctx, folder),
            written,
            tr("AdminExport", "The enrolment file was not written"),
        )

    def back_up(self) -> None:
        folder = self._destination()
        page = self.page
        if folder is None or page.busy:
            return
        if page.passphrase.text() != page.passphrase_again.text():
            page.status.show_message(
                "error", tr("AdminExport", "The two passphrases differ; type the same one twice.")
            )
            return
        secret = page.passphrase.text().encode()

        def made(backup: recovery.KioskBackup) -> None:
            page.passphrase.clear()
            page.passphrase_again.clear()
            page.status.show_message(
                "info",
                tr(
                    "AdminExport",
                    "Backed kiosk {kiosk_id} up to {folder}: {packages} bank package(s) and {keys} trusted "
                    "key(s) with it.",
                ).format(
                    kiosk_id=backup.kiosk_id,
                    folder=backup.folder,
                    packages=backup.packages,
                    keys=backup.trusted_keys,
                ),
            )

        self.tools.run(
            page,
            "export-backup",
            lambda: recovery.backup_kiosk(self.ctx, folder, secret),
            made,
            tr("AdminExport", "The kiosk was not backed up"),
        )
