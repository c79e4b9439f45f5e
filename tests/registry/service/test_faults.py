"""Fault tests with real processes: every bundle is imported once and every receipt reaches its kiosk.

The registry is ``kiosk registry serve`` in a process of its own on loopback (:class:`ServedRegistry`).
Kiosks are real kiosks (candidates sat an exam, results exported three times) sending through a proxy
that drops connections, cuts and resets them mid-upload, delays them and loses answers; the server is
killed with SIGKILL mid-upload (halfway through a body, between keeping an upload and importing it, after
importing it but before its answer arrives) and started again; the kiosk's sender (``kiosk sync
--watch``) is killed with SIGKILL mid-upload and after the import, and started again. After the faults,
the registry's database holds each bundle and attempt once, nothing is quarantined, and every bundle's
receipt has been applied on its kiosk. Slow-loris clients (a byte a second) neither stop another kiosk's
upload nor keep their connections past the server's read deadlines.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.formats.secrets import HashCost
from kiosk.formats.signed_requests import content_digest, sign_request
from kiosk.registry.service.link import make_link, registry_certificate
from kiosk.registry.service.server import GuardedH11Protocol
from kiosk.registry.services.registry import RegistryContext, enrol_kiosk, open_registry
from kiosk.registry.storage.repo import count_rows, find_bundle
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.exam import login
from kiosk.station.services.export import ExportResult, export_results
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk, load_kiosk_identity, require_kiosk
from kiosk.station.services.receipts import delivery_status
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from kiosk.station.services.sync import (
    STATE_FILE,
    RegistryClient,
    Status,
    SyncPass,
    link_registry,
    outbox_dir,
    registry_link,
    sync_once,
    sync_status,
)
from kiosk.station.storage.outbox import read_delivery
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT
from tests.fixtures.registry import World, attempt, registry_dir_fixture  # noqa: F401 (fixture)
from tests.registry.service.live import (
    REPO,
    Fault,
    FaultyProxy,
    ServedRegistry,
    call,
    free_port,
    live_registry,
)

ROSTER = (
    "Candidate number,Name,Chinese name,Certificate,Grade,Extra time\n"
    "C-001,Mwila Banda,,maintenance,II,\n"
    "C-002,Chanda Phiri,钱多多,maintenance,II,\n"
    "C-003,Bwalya Tembo,,maintenance,II,\n"
)


@dataclass
class Station:
    """A real kiosk: its context, and the bundles it exported (each holds every attempt not yet receipted)."""

    ctx: KioskContext
    exports: list[ExportResult] = field(default_factory=list)

    @property
    def kiosk_id(self) -> str:
        return require_kiosk(self.ctx).kiosk_id

    @property
    def smallest(self) -> int:
        return min(len(export.path.read_bytes()) for export in self.exports)


MakeStation = Callable[[str], Station]


# The tests where the database matters run on SQLite and on PostgreSQL; the others on SQLite alone.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture(name="registry")
def registry_fixture(registry_dir: Path, database_url: str) -> Iterator[RegistryContext]:
    opened = open_registry(registry_dir, database_url)
    registry_certificate(opened)
    yield opened
    opened.close()


@pytest.fixture(name="served")
def served_fixture(registry: RegistryContext, database_url: str, tmp_path: Path) -> Iterator[ServedRegistry]:
    served = ServedRegistry(registry.directory, tmp_path / "cli", free_port(), database_url=database_url)
    served.start()
    yield served
    served.stop()


@pytest.fixture(name="make_station")
def make_station_fixture(
    tmp_path: Path,
    clock: FakeClock,
    registry: RegistryContext,
    awarding_pub: Path,
    write_package: Callable[..., Path],
) -> Iterator[MakeStation]:
    """Set up a kiosk enrolled at the registry where three candidates sit and results are exported thrice."""
    package = write_package()
    opened: list[KioskContext] = []

    def make(name: str) -> Station:
        folder = tmp_path / name.replace(" ", "-")
        ctx = open_context(folder / "data", clock=clock, hash_cost=HashCost.TEST)
        opened.append(ctx)
        init_kiosk(ctx, "CZVTC Lusaka", name)
        trust_key(ctx, awarding_pub)
        install_package(ctx, package)
        (ctx.trust_dir / "registry.pub").write_bytes(
            (registry.directory / "keys" / "registry.pub").read_bytes()
        )
        create_invigilator(ctx, "Ms Mulenga", PIN)
        roster = folder / "roster.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        codes = {issued.candidate_number: issued.access_code for issued in import_roster(ctx, roster).codes}
        info = schedule_sitting(ctx, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))
        sitting = open_sitting(ctx, info.id, PIN, RELEASE_CODE)
        usb = folder / "usb"
        usb.mkdir()
        station = Station(ctx)
        for number in sorted(codes):
            session = login(ctx, sitting, number, codes[number])
            session.start()
            for item_id in session.form.item_ids:
                clock.advance(20)
                session.record_answer(item_id, RIGHT[item_id])
            session.submit()
            session.close()
            station.exports.append(export_results(ctx, usb))
        enrolment, _ = enrol(ctx, folder)
        enrol_kiosk(registry, enrolment)
        return station

    yield make
    for ctx in opened:
        ctx.close()


def link(station: Station, registry: RegistryContext, port: int) -> None:
    """Give the kiosk the registry's link file, naming ``port`` on loopback (the proxy's or the server's)."""
    folder = station.ctx.data_dir.parent
    path, _ = make_link(registry, f"https://127.0.0.1:{port}", folder / "registry.1xlink")
    link_registry(station.ctx, path)


def on_real_time(clock: FakeClock) -> None:
    """Set the kiosks' wall clock to now: the served registry checks signatures against its real clock."""
    clock.jump_wall(time.time() - clock.wall().timestamp())


def client(station: Station, timeout: float) -> RegistryClient:
    ctx = station.ctx
    return RegistryClient(registry_link(ctx), load_kiosk_identity(ctx), station.kiosk_id, ctx.clock, timeout)


def held(registry: RegistryContext) -> dict[str, int]:
    with registry.database.session() as session:
        return count_rows(session)


def kept(registry: RegistryContext, station: Station, bundle_id: str = "") -> list[Path]:
    """The uploads the registry keeps in its inbox from ``station`` (of one bundle, if named)."""
    return sorted((registry.directory / "inbox" / station.kiosk_id).glob(f"{bundle_id}*.1xresult"))


def delivered(station: Station) -> bool:
    return all(row.delivered for row in delivery_status(station.ctx))


def assert_imported_once(registry: RegistryContext, stations: list[Station]) -> None:
    counted = held(registry)
    bundle_ids = [export.bundle_id for station in stations for export in station.exports]
    attempt_ids = {row.attempt_id for station in stations for row in delivery_status(station.ctx)}
    assert len(attempt_ids) == 3 * len(stations)
    assert (counted["bundles"], counted["attempts"]) == (len(bundle_ids), len(attempt_ids))
    assert (counted["quarantine"], counted["attempt_conflicts"]) == (0, 0)
    with registry.database.session() as session:
        for bundle_id in bundle_ids:
            bundle = find_bundle(session, bundle_id)
            assert bundle is not None and bundle.outcome == "imported", bundle_id
    for station in stations:
        # Each upload kept once, whatever number of times it was sent.
        assert len(kept(registry, station)) == len(station.exports)


def assert_receipts_home(station: Station) -> None:
    assert delivered(station)
    states = sync_status(station.ctx)
    assert [item.bundle_id for item in states] == [export.bundle_id for export in station.exports]
    for item in states:
        assert item.status is Status.DELIVERED and item.receipt_at is not None, item
        assert (outbox_dir(station.ctx) / "receipts" / f"{item.bundle_id}.1xreceipt").exists()
        assert item.error is None


def sending(station: Station, sender: RegistryClient, passes: list[SyncPass]) -> threading.Thread:
    """One forced pass of the sender in a thread of its own (its result appended to ``passes``)."""
    thread = threading.Thread(target=lambda: passes.append(sync_once(station.ctx, sender, force=True)))
    thread.start()
    return thread


def statuses(passes: list[SyncPass]) -> list[Status]:
    """Each bundle's state after the latest pass."""
    return [item.status for item in passes[-1].bundles]


def wait_for(
    condition: Callable[[], bool], what: str, timeout: float = 30.0, why: Callable[[], str] = str
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}\n{why()}"
        time.sleep(0.002)


# A proxy between kiosks and the served registry ---------------------------------------------------------


def test_through_drops_cuts_resets_delays_and_lost_answers_every_bundle_arrives_once(
    served: ServedRegistry, registry: RegistryContext, make_station: MakeStation, clock: FakeClock
) -> None:
    stations = [make_station("Lab PC 1"), make_station("Lab PC 2")]
    size = min(station.smallest for station in stations)
    assert size > 3000
    faults = [
        Fault(drop=True),  # accepted and closed before a byte
        Fault(reset_after=300),  # reset during the TLS handshake
        Fault(cut_after=size // 2),  # cut halfway through the body
        Fault(delay=0.1),  # a laggy link: slow, but through
        Fault(delay=2.5),  # lag beyond the kiosk's patience (2 s): it gives up
        Fault(reset_after=size // 3),  # reset mid-body
        Fault(swallow_after=size),  # the answer lost after the server has the whole upload
        Fault(cut_after=size // 4),
        Fault(drop=True),
    ]
    proxy = FaultyProxy(served.port, list(faults))
    try:
        for station in stations:
            link(station, registry, proxy.port)
        on_real_time(clock)
        senders = [client(station, timeout=2.0) for station in stations]
        failures = 0
        for _ in range(40):
            if all(delivered(station) for station in stations):
                break
            for station, sender in zip(stations, senders, strict=True):
                result = sync_once(station.ctx, sender, force=True)
                failures += result.failed
        assert proxy.faults == [], "every fault was met"
        assert failures >= len(faults) - 1  # at most the lagged-but-through one succeeded
    finally:
        proxy.close()
    assert_imported_once(registry, stations)
    for station in stations:
        assert_receipts_home(station)


# The server killed mid-upload ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_server_killed_mid_upload_and_started_again_imports_each_bundle_once(
    served: ServedRegistry, registry: RegistryContext, make_station: MakeStation, clock: FakeClock
) -> None:
    station = make_station("Lab PC 1")
    first, second = station.exports[0], station.exports[1]
    size = len(first.path.read_bytes())
    answered = threading.Event()
    proxy = FaultyProxy(
        served.port,
        [
            Fault(rate=size),  # about a second per upload, so the kill lands halfway
            Fault(swallow_after=size, until=answered.is_set),  # the kiosk waits; the answer never comes
            Fault(),  # the first bundle again (its receipt), then the second, killed while imported
        ],
    )
    passes: list[SyncPass] = []
    try:
        link(station, registry, proxy.port)
        on_real_time(clock)
        sender = client(station, timeout=15.0)

        # 1. Halfway through the body.
        thread = sending(station, sender, passes)
        proxy.wait_relayed(0, size // 2)
        served.kill()
        thread.join(30)
        assert statuses(passes)[0] is Status.FAILED
        error = passes[-1].bundles[0].error
        assert error is not None and error.code == "sync.registry_unreachable"
        assert held(registry)["bundles"] == 0 and kept(registry, station) == []
        served.start()

        # 2. After the import, before the answer reaches the kiosk.
        thread = sending(station, sender, passes)
        wait_for(lambda: held(registry)["bundles"] == 1, "the registry holds the first bundle")
        served.kill()
        answered.set()
        thread.join(30)
        assert statuses(passes)[0] is Status.FAILED and not delivered(station)
        served.start()

        # 3. Between keeping the second upload in the inbox and importing it (or just after).
        thread = sending(station, sender, passes)
        wait_for(lambda: bool(kept(registry, station, second.bundle_id)), "the second upload is kept")
        served.kill()
        thread.join(30)
        assert statuses(passes)[0] is Status.DELIVERED and passes[-1].failed
        served.start()

        for _ in range(3):
            if not delivered(station):
                sync_once(station.ctx, sender, force=True)
    finally:
        proxy.close()
    assert served.starts == 4
    assert_imported_once(registry, [station])
    assert_receipts_home(station)


# The kiosk's sender killed mid-upload --------------------------------------------------------------------


@dataclass
class Sender:
    """``kiosk sync --watch`` on a kiosk's data folder, as a process of its own."""

    data_dir: Path
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    def start(self) -> None:
        command = [sys.executable, "-m", "kiosk", "--data-dir", str(self.data_dir), "sync", "--watch"]
        command += ["--interval", "1"]
        self.starts += 1
        with self.log.open("ab") as output:
            output.write(f"--- start {self.starts}\n".encode())
            output.flush()
            self.process = subprocess.Popen(
                command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )

    @property
    def log(self) -> Path:
        return self.data_dir.parent / "sender.log"

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)


@pytest.mark.slow
@SQLITE_ONLY
def test_the_kiosk_sender_killed_mid_upload_and_started_again_delivers_each_bundle_once(
    served: ServedRegistry, registry: RegistryContext, make_station: MakeStation
) -> None:
    station = make_station("Lab PC 1")
    first = station.exports[0]
    size = len(first.path.read_bytes())
    state_file = outbox_dir(station.ctx) / STATE_FILE
    proxy = FaultyProxy(
        served.port,
        [
            Fault(rate=size // 2),  # about two seconds per upload
            Fault(swallow_after=size, until=lambda: False),  # the answer never comes
        ],
    )
    sender = Sender(station.ctx.data_dir)
    try:
        link(station, registry, proxy.port)
        # 1. Killed halfway through the body: the bundle is left "sending" and the registry keeps nothing.
        sender.start()
        proxy.wait_relayed(0, size // 2)
        sender.kill()
        proxy.sever(0)
        assert read_delivery(state_file)[first.bundle_id].status == "sending"
        assert kept(registry, station) == []
        # 2. Started again, and killed after the registry imported the bundle, before its answer arrived.
        sender.start()
        wait_for(lambda: held(registry)["bundles"] == 1, "the registry holds the first bundle")
        sender.kill()
        assert read_delivery(state_file)[first.bundle_id].status == "sending" and not delivered(station)
        # 3. Started again: every bundle goes, the first one's receipt comes back; then killed once more.
        sender.start()
        wait_for(lambda: delivered(station), "every receipt is applied on the kiosk", why=sender.output)
        wait_for(
            lambda: all(item.status is Status.DELIVERED for item in sync_status(station.ctx)),
            "every bundle is recorded delivered",
        )
        sender.kill()
    finally:
        if sender.process is not None and sender.process.poll() is None:
            sender.kill()
        proxy.close()
    assert proxy.connections >= 2 + len(station.exports)
    assert_imported_once(registry, [station])
    assert_receipts_home(station)


# Slow-loris clients ---------------------------------------------------------------------------------------


class Loris:
    """A client that opens a connection, sends ``at_once``, then ``data`` one byte per ``interval`` seconds
    (a slow-loris); or opens a bare TCP connection and says nothing (``tls=False``). It notes when the
    server hangs up."""

    def __init__(
        self, port: int, data: bytes = b"", interval: float = 1.0, tls: bool = True, at_once: bytes = b""
    ) -> None:
        self.port = port
        self.data = data
        self.interval = interval
        self.tls = tls
        self.at_once = at_once
        self.closed_after: float | None = None
        self.sent = 0
        self._stop = threading.Event()
        self._connected = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        assert self._connected.wait(15), "the slow client could not connect"

    def _run(self) -> None:
        raw = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        sock: socket.socket = raw
        if self.tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(raw)
        # Short reads from here on: waiting for an answer must not hold up the next byte.
        sock.settimeout(0.05)
        started = time.monotonic()
        self._connected.set()
        try:
            sock.sendall(self.at_once)
            while not self._stop.is_set():
                if self.sent < len(self.data):
                    sock.sendall(self.data[self.sent : self.sent + 1])
                    self.sent += 1
                if self._hung_up(sock, self.interval):
                    self.closed_after = time.monotonic() - started
                    return
        except OSError:
            self.closed_after = time.monotonic() - started
        finally:
            sock.close()

    def _hung_up(self, sock: socket.socket, wait: float) -> bool:
        """Wait up to ``wait`` seconds; True if the server closed the connection meanwhile."""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and not self._stop.is_set():
            try:
                if not sock.recv(4096):
                    return True
            except (TimeoutError, ssl.SSLWantReadError):
                continue  # still open (the server may have sent TLS session tickets, nothing else)
        return False

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)


def head_of(path: str, length: int = 100_000, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"PUT {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {length}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


@SQLITE_ONLY
def test_slow_loris_clients_do_not_stop_another_kiosks_upload(
    served: ServedRegistry, registry: RegistryContext, make_station: MakeStation, clock: FakeClock
) -> None:
    station = make_station("Lab PC 1")
    link(station, registry, served.port)
    lorises = [Loris(served.port, head_of("/v1/bundles/X-000001")) for _ in range(20)]
    lorises += [Loris(served.port, tls=False) for _ in range(10)]
    try:
        time.sleep(1.5)
        on_real_time(clock)
        started = time.monotonic()
        result = sync_once(station.ctx, client(station, timeout=10.0))
        took = time.monotonic() - started
        assert result.tried == tuple(export.bundle_id for export in station.exports)
        assert not result.failed and delivered(station)
        assert took < 10
        # The slow clients were not cut off for it (their deadlines are far off); they just did no harm.
        assert all(loris.closed_after is None for loris in lorises)
    finally:
        for loris in lorises:
            loris.stop()
    assert_imported_once(registry, [station])


class Impatient(GuardedH11Protocol):
    """The served protocol with deadlines short enough to watch: a head within 1.5 s, 200 bytes a second."""

    head_seconds = 1.5
    body_window_seconds = 1.0
    min_body_bytes_per_second = 200


@SQLITE_ONLY
def test_the_server_hangs_up_on_slow_heads_trickled_bodies_and_silence(world: World) -> None:
    kiosk = world.kiosk("K1")
    path = world.bundle(kiosk, [attempt("K1-A1")])
    data = path.read_bytes()
    target = "/v1/bundles/K1-000001"
    digest = content_digest(data)
    signed = sign_request(kiosk.identity, "K1", "PUT", target, digest, int(time.time()))
    body_head = head_of(target, len(data), {"Content-Digest": digest, **signed})
    with live_registry(world.ctx, now=lambda: datetime.now(UTC), protocol=Impatient) as server:
        slow_head = Loris(server.port, head_of(target), interval=0.1)  # 10 bytes a second
        trickle = Loris(server.port, data, interval=0.1, at_once=body_head)  # a signed head, then the trickle
        silent = Loris(server.port)  # connected, and not a word
        lorises = (slow_head, trickle, silent)
        try:
            # Meanwhile another upload is served as usual.
            answer = call(server, kiosk.identity, "K1", "PUT", target, data)
            assert answer.status == 201
            wait_for(lambda: all(loris.closed_after is not None for loris in lorises), "all hung up", 15)
        finally:
            for loris in lorises:
                loris.stop()
    assert slow_head.closed_after is not None and 1.4 <= slow_head.closed_after < 4
    assert silent.closed_after is not None and 1.4 <= silent.closed_after < 4
    # The trickled body was cut off at the first check of its rate, long before it was whole.
    assert trickle.closed_after is not None and trickle.closed_after < 4 and trickle.sent < 50
    assert len(list((world.ctx.directory / "inbox" / "K1").iterdir())) == 1
