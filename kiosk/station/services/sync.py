"""The outbox sender: result bundles go to the registry over HTTPS whenever it answers.

A bundle is sent once export has written it (the outbox row has a file) and until the registry's receipt
for it has been applied to the store, exactly as ``kiosk receipt import`` applies a receipt brought by
USB. Nothing is ever deleted: the sender keeps its own copy of each bundle in ``outbox/bundles/`` (taken
the first time it reads the exported file, which may sit on a USB stick that leaves later) and each
receipt in ``outbox/receipts/``.

Each bundle's progress is recorded (:class:`kiosk.station.storage.outbox.DeliveryState`): waiting,
sending, delivered with the receipt's time, or failed with the last error as a code and parameters and
the time of the next try. Retries back off from a minute, doubling to at most an hour, and never stop.
Sending the same bundle twice is harmless: the registry imports a bundle once and answers the same bytes
again, by network or by USB, with the same receipt.

Where the registry is comes from its link file (:mod:`kiosk.formats.tls`), checked against the registry
key the kiosk already trusts and kept in ``trust/``. The HTTP client is the standard library's
``http.client`` over an ``ssl`` context that accepts exactly the pinned certificate; requests are signed
with the kiosk's key (:mod:`kiosk.formats.signed_requests`).
"""

from __future__ import annotations

import hmac
import http.client
import json
import re
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from kiosk.domain.clock import Clock
from kiosk.domain.errors import InputError, KioskError, SecurityError
from kiosk.formats.bundles import bundle_digest
from kiosk.formats.keys import PrivateIdentity
from kiosk.formats.receipts import RECEIPT_SUFFIX
from kiosk.formats.signed_requests import content_digest, sign_request
from kiosk.formats.tls import RegistryLink, der_fingerprint, read_link
from kiosk.station.services.context import KioskContext
from kiosk.station.services.export import BUNDLE_SUFFIX, registry_keys
from kiosk.station.services.kiosk_setup import load_kiosk_identity, require_kiosk
from kiosk.station.services.receipts import delivery_status, import_receipt
from kiosk.station.storage.outbox import (
    DeliveryState,
    OutboxBundle,
    list_bundles,
    read_delivery,
    sender_lock,
    write_delivery,
)
from kiosk.support.files import PRIVATE, write_file

OUTBOX_DIR = "outbox"
LINK_FILE = "registry.1xlink"
STATE_FILE = "delivery.json"
LOCK_FILE = "sender.lock"
FIRST_RETRY_SECONDS = 60
LONGEST_RETRY_SECONDS = 3600
TIMEOUT_SECONDS = 30.0
# A receipt is a few kilobytes; anything much larger is not an answer this kiosk understands.
LONGEST_ANSWER = 4 * 1024 * 1024
# Failures of the connection itself: after one, the other bundles of the pass wait for the next try.
TRANSPORT_FAILURES = ("sync.registry_unreachable", "sync.certificate_mismatch")

_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


class DeliveryError(KioskError):
    """A bundle could not be delivered over the network: no answer, the wrong server, or a refusal."""


class Status(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class BundleDelivery:
    """One written bundle and how far it has got: what the console and ``kiosk sync`` show."""

    bundle_id: str
    sequence: int
    attempts: int
    status: Status
    tries: int
    error: KioskError | None
    next_try_at: datetime | None
    receipt_at: datetime | None
    acknowledged: bool = False
    """Every attempt it carries has been acknowledged by a receipt (this bundle's or another's, by network
    or by USB): its results are safe at the registry, whatever its own delivery."""


@dataclass(frozen=True, slots=True)
class SyncPass:
    """What one pass did: every written bundle's state afterwards, and the ids it tried to deliver."""

    bundles: tuple[BundleDelivery, ...]
    tried: tuple[str, ...] = ()
    busy: bool = False

    @property
    def failed(self) -> bool:
        """True when a bundle tried in this pass is left failed."""
        tried = set(self.tried)
        return any(item.status is Status.FAILED for item in self.bundles if item.bundle_id in tried)

    def next_try_at(self) -> datetime | None:
        """The earliest time a failed bundle is due again."""
        times = [item.next_try_at for item in self.bundles if item.next_try_at is not None]
        return min(times, default=None)


def retry_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` failed tries in a row: 60, 120, 240, … up to an hour."""
    doublings: int = max(0, min(failures, 32) - 1)
    return min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS << doublings)


# The link to the registry --------------------------------------------------------------------------------


def link_path(ctx: KioskContext) -> Path:
    return ctx.trust_dir / LINK_FILE


def link_registry(ctx: KioskContext, source: Path) -> RegistryLink:
    """Check the link file ``source`` against the trusted registry key and keep it as this kiosk's link."""
    link = read_link(source, registry_keys(ctx))
    if source.resolve() != link_path(ctx).resolve():
        write_file(link_path(ctx), source.read_bytes(), PRIVATE)
    return link


def registry_link(ctx: KioskContext) -> RegistryLink:
    """This kiosk's link to its registry; InputError ``sync.not_linked`` when it has none."""
    path = link_path(ctx)
    if not path.exists():
        raise InputError("sync.not_linked", path=path)
    return read_link(path, registry_keys(ctx))


# The HTTP client ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]


class _WrongCertificate(Exception):
    def __init__(self, found: str) -> None:
        super().__init__(found)
        self.found = found


class _PinnedConnection(http.client.HTTPSConnection):
    """HTTPS to a server whose certificate has exactly the pinned fingerprint, checked before any request."""

    def __init__(self, host: str, port: int, fingerprint: str, timeout: float) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        # The certificate is self-signed and trusted by its fingerprint alone, checked in connect().
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        super().__init__(host, port, timeout=timeout, context=context)
        self._fingerprint = fingerprint

    def connect(self) -> None:
        super().connect()
        der = self.sock.getpeercert(binary_form=True) if isinstance(self.sock, ssl.SSLSocket) else None
        found = der_fingerprint(der) if der else "none"
        if not hmac.compare_digest(found, self._fingerprint):
            self.close()
            raise _WrongCertificate(found)


class RegistryClient:
    """Signed requests to the registry named by a link, as one kiosk."""

    def __init__(
        self,
        link: RegistryLink,
        identity: PrivateIdentity,
        kiosk_id: str,
        clock: Clock,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.link = link
        self._identity = identity
        self._kiosk_id = kiosk_id
        self._clock = clock
        self._timeout = timeout

    @classmethod
    def for_kiosk(cls, ctx: KioskContext, link: RegistryLink | None = None) -> RegistryClient:
        info = require_kiosk(ctx)
        return cls(link or registry_link(ctx), load_kiosk_identity(ctx), info.kiosk_id, ctx.clock)

    def request(self, method: str, path: str, body: bytes = b"") -> Answer:
        """Send one signed request and read the whole answer; DeliveryError when there is none."""
        digest = content_digest(body)
        created = int(self._clock.wall().timestamp())
        headers = {
            "Content-Digest": digest,
            **sign_request(self._identity, self._kiosk_id, method, path, digest, created),
        }
        if method == "PUT":
            headers["Content-Type"] = "application/octet-stream"
        connection = _PinnedConnection(self.link.host, self.link.port, self.link.fingerprint, self._timeout)
        try:
            connection.request(method, path, body=body if method == "PUT" else None, headers=headers)
            response = connection.getresponse()
            data = response.read(LONGEST_ANSWER + 1)
            answer = Answer(
                response.status, data, {name.lower(): value for name, value in response.getheaders()}
            )
        except _WrongCertificate as wrong:
            raise DeliveryError(
                "sync.certificate_mismatch",
                url=self.link.url,
                expected=self.link.fingerprint,
                found=wrong.found,
            ) from None
        except (OSError, http.client.HTTPException) as error:
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            raise DeliveryError("sync.registry_unreachable", url=self.link.url, reason=reason) from None
        finally:
            connection.close()
        if len(answer.body) > LONGEST_ANSWER:
            raise DeliveryError("sync.registry_answer", status=answer.status)
        return answer

    def put_bundle(self, bundle_id: str, data: bytes) -> Answer:
        return self.request("PUT", f"/v1/bundles/{bundle_id}", data)

    def get_receipt(self, bundle_id: str) -> Answer:
        return self.request("GET", f"/v1/receipts/{bundle_id}")

    def status(self) -> dict[str, object]:
        """What the registry holds of this kiosk (see the registry service's ``/v1/status``)."""
        answer = self.request("GET", "/v1/status")
        if answer.status != 200:
            raise refusal(answer)
        try:
            fields = json.loads(answer.body)
        except ValueError:
            raise DeliveryError("sync.registry_answer", status=answer.status) from None
        if not isinstance(fields, dict):
            raise DeliveryError("sync.registry_answer", status=answer.status)
        return fields


def refusal(answer: Answer) -> KioskError:
    """The registry's reason for a refusal, as the code and parameters it sent."""
    try:
        fields = json.loads(answer.body)
        code, params = fields["code"], fields["params"]
    except (ValueError, TypeError, KeyError):
        return DeliveryError("sync.registry_answer", status=answer.status)
    if not isinstance(code, str) or not _CODE.fullmatch(code) or not isinstance(params, dict):
        return DeliveryError("sync.registry_answer", status=answer.status)
    return DeliveryError(code, **{str(name): value for name, value in params.items()})


# Sending ------------------------------------------------------------------------------------------------


def outbox_dir(ctx: KioskContext) -> Path:
    return ctx.data_dir / OUTBOX_DIR


def _written(ctx: KioskContext) -> list[OutboxBundle]:
    with ctx.store.session() as session:
        return [bundle for bundle in list_bundles(session) if bundle.written_to is not None]


def _delivery(bundle: OutboxBundle, state: DeliveryState, delivered: set[str]) -> BundleDelivery:
    error = None if state.error_code is None else DeliveryError(state.error_code, **state.error_params)
    return BundleDelivery(
        bundle_id=bundle.bundle_id,
        sequence=bundle.sequence,
        attempts=len(bundle.attempt_ids),
        status=_status(state.status),
        tries=state.tries,
        error=error,
        next_try_at=state.next_try_at,
        receipt_at=state.receipt_at,
        acknowledged=set(bundle.attempt_ids) <= delivered,
    )


def _status(text: str) -> Status:
    try:
        return Status(text)
    except ValueError:
        return Status.WAITING


def sync_status(ctx: KioskContext) -> list[BundleDelivery]:
    """Every written bundle and how far its delivery has got, by sequence number (no network)."""
    states = read_delivery(outbox_dir(ctx) / STATE_FILE)
    delivered = {row.attempt_id for row in delivery_status(ctx) if row.delivered}
    return [
        _delivery(bundle, states.get(bundle.bundle_id, DeliveryState()), delivered)
        for bundle in _written(ctx)
    ]


def sync_once(ctx: KioskContext, client: RegistryClient | None = None, force: bool = False) -> SyncPass:
    """Send every written bundle without a receipt whose next try is due (every one with ``force``).

    Returns at once, changing nothing, when another sender on this kiosk is busy. Failures are recorded
    with the bundle, not raised; only a kiosk with no link or no registry key raises.
    """
    folder = outbox_dir(ctx)
    with sender_lock(folder / LOCK_FILE) as mine:
        if not mine:
            return SyncPass(tuple(sync_status(ctx)), busy=True)
        client = client or RegistryClient.for_kiosk(ctx)
        state_file = folder / STATE_FILE
        states = read_delivery(state_file)
        tried: list[str] = []
        down: KioskError | None = None
        for bundle in _written(ctx):
            state = states.get(bundle.bundle_id, DeliveryState())
            now = ctx.clock.wall()
            due = state.next_try_at is None or state.next_try_at <= now
            if state.status == Status.DELIVERED or not (force or due):
                continue
            tried.append(bundle.bundle_id)
            if down is None:
                states[bundle.bundle_id] = replace(state, status=Status.SENDING.value, last_try_at=now)
                write_delivery(state_file, states)
                try:
                    receipted = _deliver(ctx, client, bundle)
                except KioskError as error:
                    states[bundle.bundle_id] = _failed(state, error, now)
                    down = error if error.code in TRANSPORT_FAILURES else None
                else:
                    states[bundle.bundle_id] = DeliveryState(
                        Status.DELIVERED.value,
                        state.tries + 1,
                        last_try_at=now,
                        receipt_at=ctx.clock.wall() if receipted else None,
                    )
            else:
                # The registry did not answer a moment ago: this bundle waits for the next try too.
                states[bundle.bundle_id] = _failed(state, down, now)
            write_delivery(state_file, states)
        return SyncPass(tuple(sync_status(ctx)), tuple(tried))


def _failed(state: DeliveryState, error: KioskError, now: datetime) -> DeliveryState:
    tries = state.tries + 1
    return DeliveryState(
        Status.FAILED.value,
        tries,
        error.code,
        dict(error.params),
        last_try_at=now,
        next_try_at=now + timedelta(seconds=retry_delay(tries)),
    )


def _deliver(ctx: KioskContext, client: RegistryClient, bundle: OutboxBundle) -> bool:
    """Upload one bundle and apply its receipt; a bundle whose file is gone may still have a receipt.

    Returns False for a bundle whose file is gone and whose every attempt other receipts acknowledged.
    """
    try:
        data = _bundle_bytes(ctx, bundle)
    except KioskError as unavailable:
        answer = client.get_receipt(bundle.bundle_id)
        if answer.status == 200:
            _apply_receipt(ctx, bundle, answer.body)
            return True
        delivered = {row.attempt_id for row in delivery_status(ctx) if row.delivered}
        if set(bundle.attempt_ids) <= delivered:
            return False  # everything it carried reached the registry in other bundles
        raise unavailable
    answer = client.put_bundle(bundle.bundle_id, data)
    if answer.status not in (200, 201):
        raise refusal(answer)
    _apply_receipt(ctx, bundle, answer.body)
    return True


def _bundle_bytes(ctx: KioskContext, bundle: OutboxBundle) -> bytes:
    """The bundle's bytes, from the sender's own copy or else the exported file (then copied)."""
    own = outbox_dir(ctx) / "bundles" / f"{bundle.bundle_id}{BUNDLE_SUFFIX}"
    exported = Path(bundle.written_to or "")
    for source in (own, exported):
        try:
            data = source.read_bytes()
        except OSError:
            continue
        if bundle_digest(data) != bundle.digest:
            raise DeliveryError("sync.bundle_file_changed", bundle_id=bundle.bundle_id, path=source)
        if source != own:
            write_file(own, data, PRIVATE)
        return data
    raise DeliveryError("sync.bundle_file_missing", bundle_id=bundle.bundle_id, path=exported)


def _apply_receipt(ctx: KioskContext, bundle: OutboxBundle, body: bytes) -> None:
    path = outbox_dir(ctx) / "receipts" / f"{bundle.bundle_id}{RECEIPT_SUFFIX}"
    write_file(path, body, PRIVATE)
    receipt = import_receipt(ctx, path)
    if receipt.bundle_id != bundle.bundle_id:
        raise SecurityError("sync.receipt_other_bundle", bundle_id=bundle.bundle_id, found=receipt.bundle_id)


def watch(
    ctx: KioskContext,
    interval: float = FIRST_RETRY_SECONDS,
    on_pass: Callable[[SyncPass], None] | None = None,
    stop: threading.Event | None = None,
    wake: threading.Event | None = None,
    on_error: Callable[[KioskError], None] | None = None,
) -> None:
    """Send, then wait for the next due bundle or ``interval`` seconds (for new exports); until ``stop``.

    Setting ``wake`` starts the next pass at once (after an export, say); whoever sets ``stop`` should set
    ``wake`` too, so a waiting watch ends at once. A pass that raises (no link, no registry key, a store
    that cannot be read) ends the watch, unless ``on_error`` is given: then it is handed the error and the
    watch carries on, trying again after ``interval`` seconds.
    """
    stop = stop or threading.Event()
    alarm = wake or stop
    while not stop.is_set():
        try:
            result = sync_once(ctx)
        except KioskError as error:
            if on_error is None:
                raise
            on_error(error)
            wait = interval
        else:
            if on_pass is not None:
                on_pass(result)
            wait = interval
            due = result.next_try_at()
            if due is not None:
                wait = min(wait, max(1.0, (due - ctx.clock.wall()).total_seconds()))
        if stop.is_set():
            return
        alarm.wait(wait)
        if wake is not None:
            wake.clear()
