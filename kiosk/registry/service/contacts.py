"""Each kiosk's last contact with the registry's HTTPS service, as the service records it.

The service notes a kiosk's contact when it accepts one of its signed requests, and its upload when an
upload got a receipt. Each worker process writes a kiosk's time at most once a minute
(:data:`CONTACT_RESOLUTION_SECONDS`), so a burst of uploads costs one small write rather than one each: a
time shown is the kiosk's latest contact to within that minute. A failure to record is logged and
otherwise ignored; it never costs a kiosk its answer.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from kiosk.domain.errors import KioskError
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage.contacts import KioskContact, kiosk_contacts, record_contact

__all__ = ["CONTACT_RESOLUTION_SECONDS", "ContactLog", "KioskContact", "last_contacts"]

CONTACT_RESOLUTION_SECONDS = 60

_log = logging.getLogger(__name__)


def last_contacts(ctx: RegistryContext) -> dict[str, KioskContact]:
    """When each kiosk last reached this registry over the network, and last uploaded; by kiosk id."""
    with ctx.database.session() as session:
        return kiosk_contacts(session)


class ContactLog:
    """Records kiosks' contacts for one worker process, writing each kiosk's at most once a minute."""

    def __init__(self, ctx: RegistryContext, resolution_seconds: float = CONTACT_RESOLUTION_SECONDS) -> None:
        self._ctx = ctx
        self._resolution = resolution_seconds
        self._written: dict[tuple[str, bool], datetime] = {}
        self._lock = threading.Lock()

    def note(self, kiosk_id: str, at: datetime, upload: bool = False) -> None:
        """Record that ``kiosk_id`` reached the registry at ``at`` (``upload``: with a receipted upload)."""
        key = (kiosk_id, upload)
        with self._lock:
            last = self._written.get(key)
            if last is not None and 0 <= (at - last).total_seconds() < self._resolution:
                return
            self._written[key] = at
            if upload:
                # An upload is a contact too: a plain request in the same minute need not be written.
                self._written[(kiosk_id, False)] = at
        try:
            with self._ctx.database.transaction() as session:
                record_contact(session, kiosk_id, at, upload)
        except KioskError as error:
            with self._lock:
                self._written.pop(key, None)
            _log.warning("the contact of kiosk %s was not recorded: %s", kiosk_id, error)
