"""Real servers for the service tests: uvicorn over TLS on loopback, a faulty TCP proxy, a raw signed client.

:func:`live_registry` runs the registry application on a real uvicorn server in a thread, on a loopback
socket of its own. :class:`ServedRegistry` runs ``kiosk registry serve`` as a process of its own, which
can be killed for real (SIGKILL) and started again on the same port. :class:`FaultyProxy` relays TCP
connections to either and spoils the ones it is told to: dropping them, cutting or resetting the request
after some bytes, delaying every chunk, throttling the upload, or swallowing the answer after the request
went through. :func:`call` sends one signed request with full control of every header, for the refusal
tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import http.client
import os
import signal
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import uvicorn

from kiosk.formats.keys import PrivateIdentity
from kiosk.formats.signed_requests import content_digest, sign_request
from kiosk.messages import sentence
from kiosk.registry.service.app import create_app
from kiosk.registry.service.link import registry_certificate
from kiosk.registry.service.server import GuardedH11Protocol
from kiosk.registry.service.settings import ServiceSettings
from kiosk.registry.services.registry import RegistryContext


@dataclass(frozen=True)
class LiveServer:
    port: int
    fingerprint: str

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"


@contextlib.contextmanager
def live_registry(
    ctx: RegistryContext,
    settings: ServiceSettings | None = None,
    now: Callable[[], datetime] | None = None,
    protocol: type[asyncio.Protocol] = GuardedH11Protocol,
) -> Iterator[LiveServer]:
    """Serve ``ctx`` over TLS on a free loopback port until the block ends (with ``serve``'s protocol)."""
    tls = registry_certificate(ctx)
    app = create_app(ctx, settings or ServiceSettings(ctx.directory), sentence, now=now)
    config = uvicorn.Config(
        app,
        http=protocol,
        lifespan="on",
        log_level="warning",
        ssl_certfile=str(tls.certificate),
        ssl_keyfile=str(tls.key),
    )
    server = uvicorn.Server(config)
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the registry server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(listener.getsockname()[1], tls.fingerprint)
    finally:
        server.should_exit = True
        thread.join(15)
        listener.close()


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]


def call(
    server: LiveServer,
    identity: PrivateIdentity,
    kiosk_id: str,
    method: str,
    path: str,
    body: bytes = b"",
    created: int | None = None,
    headers: dict[str, str] | None = None,
    signed: dict[str, str] | None = None,
) -> Answer:
    """One request signed by ``identity`` as ``kiosk_id`` (or with the given ``signed`` headers)."""
    digest = content_digest(body)
    sent = {"Content-Digest": digest}
    if signed is None:
        when = created if created is not None else int(time.time())
        signed = sign_request(identity, kiosk_id, method, path, digest, when)
    sent |= signed
    sent |= headers or {}
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, timeout=30, context=context)
    try:
        connection.connect()
        assert isinstance(connection.sock, ssl.SSLSocket)
        der = connection.sock.getpeercert(binary_form=True) or b""
        assert hashlib.sha256(der).hexdigest() == server.fingerprint
        connection.request(method, path, body=body if method == "PUT" else None, headers=sent)
        response = connection.getresponse()
        return Answer(response.status, response.read(), {k.lower(): v for k, v in response.getheaders()})
    finally:
        connection.close()


@dataclass
class Fault:
    """How to spoil one connection (every field is optional; a bare Fault relays faithfully).

    ``drop``: hang up as soon as the connection is accepted, before a byte is relayed. ``cut_after``: pass
    that many request bytes on, then hang up on both sides. ``reset_after``: the same, but with a TCP
    reset (RST) on both sides. ``swallow_after``: once the client has sent that many bytes, let nothing
    more reach it and hang up on it as soon as ``until()`` holds (the server has done its work), leaving
    the server's side to finish on its own. ``delay``: hold every chunk, either way, that many seconds (a
    laggy link). ``rate``: pass request bytes on at most that many per second (a slow uplink).
    """

    cut_after: int | None = None
    swallow_after: int | None = None
    until: Callable[[], bool] = lambda: True
    drop: bool = False
    reset_after: int | None = None
    delay: float = 0.0
    rate: int | None = None


def _reset(sock: socket.socket) -> None:
    """Close ``sock`` with a TCP reset rather than an orderly end."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    # Wake a thread blocked reading it (sends nothing), so the close really happens, with the reset.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)
    sock.close()


@dataclass
class FaultyProxy:
    """A TCP relay to ``target`` on loopback; each new connection takes the next fault, if any.

    ``relayed[n]`` is how many request bytes connection ``n`` (from 0) has passed on to the server so far;
    :meth:`sever` ends a connection at once, bytes the client wrote but the proxy has not passed on included
    (as when a kiosk loses power: what its network stack still held is gone with it).
    """

    target: int
    faults: list[Fault] = field(default_factory=list)
    connections: int = 0
    relayed: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: dict[int, tuple[socket.socket, ...]] = {}
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def sever(self, connection: int) -> None:
        """Reset connection number ``connection`` on both sides, now."""
        for sock in self._sockets.get(connection, ()):
            _reset(sock)

    def wait_relayed(self, connection: int, count: int, timeout: float = 30.0) -> None:
        """Wait until connection number ``connection`` has passed ``count`` request bytes on."""
        deadline = time.monotonic() + timeout
        while len(self.relayed) <= connection or self.relayed[connection] < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"connection {connection} did not relay {count} bytes: {self.relayed}")
            time.sleep(0.005)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            number = self.connections
            self.connections += 1
            self.relayed.append(0)
            fault = self.faults.pop(0) if self.faults else Fault()
            threading.Thread(target=self._relay, args=(client, fault, number), daemon=True).start()

    def _relay(self, client: socket.socket, fault: Fault, number: int) -> None:
        if fault.drop:
            client.close()
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target))
        except OSError:
            client.close()  # the server is down: the client sees the connection end
            return
        self._sockets[number] = (client, upstream)
        sent = 0

        def end() -> None:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

        def answers() -> None:
            while True:
                try:
                    data = upstream.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    with contextlib.suppress(OSError):
                        client.shutdown(socket.SHUT_WR)
                    return
                if fault.swallow_after is not None and sent >= fault.swallow_after:
                    continue  # the answer never reaches the client
                time.sleep(fault.delay)
                try:
                    client.sendall(data)
                except OSError:
                    return

        def hang_up() -> None:
            deadline = time.monotonic() + 15
            while (sent < (fault.swallow_after or 0) or not fault.until()) and time.monotonic() < deadline:
                time.sleep(0.02)
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)

        threading.Thread(target=answers, daemon=True).start()
        if fault.swallow_after is not None:
            threading.Thread(target=hang_up, daemon=True).start()
        # A throttled upload is read in small pieces, so the server sees a steady trickle.
        piece = 65536 if fault.rate is None else max(1, min(65536, fault.rate // 20))
        while True:
            try:
                data = client.recv(piece)
            except OSError:
                data = b""
            if not data:
                with contextlib.suppress(OSError):
                    upstream.shutdown(socket.SHUT_WR)
                return
            time.sleep(fault.delay)
            limit = fault.cut_after if fault.cut_after is not None else fault.reset_after
            if limit is not None and sent + len(data) >= limit:
                with contextlib.suppress(OSError):
                    upstream.sendall(data[: limit - sent])
                if fault.reset_after is not None:
                    _reset(client)
                    _reset(upstream)
                else:
                    end()
                return
            try:
                upstream.sendall(data)
            except OSError:
                end()
                return
            sent += len(data)
            self.relayed[number] = sent
            if fault.rate is not None:
                time.sleep(len(data) / fault.rate)


# The registry as a process of its own --------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


def tls_ready(port: int, timeout: float = 1.0) -> bool:
    """True when something on ``port`` completes a TLS handshake."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection(("127.0.0.1", port), timeout=timeout) as raw,
            context.wrap_socket(raw),
        ):
            return True
    except OSError:
        return False


@dataclass
class ServedRegistry:
    """``kiosk registry serve`` on a loopback port as a process of its own (and its workers' group)."""

    registry_dir: Path
    cli_dir: Path
    port: int
    workers: int = 1
    database_url: str | None = None
    log: Path | None = None
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        """Start serving and return once the server completes TLS handshakes on its port."""
        assert self.process is None or self.process.poll() is not None, "already serving"
        command = [sys.executable, "-m", "kiosk", "--data-dir", str(self.cli_dir), "registry", "serve"]
        command += ["--registry-dir", str(self.registry_dir), "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--workers", str(self.workers)]
        if self.database_url is not None:
            command += ["--db", self.database_url]
        self.log = self.registry_dir.parent / f"serve-{self.port}-{self.starts}.log"
        self.starts += 1
        with self.log.open("wb") as output:
            # A session of its own, so SIGKILL reaches the workers too, as when the machine loses power.
            self.process = subprocess.Popen(
                command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while not tls_ready(self.port):
            if self.process.poll() is not None and self.starts == 1 and "in use" in self.output():
                # Another program took the free port meanwhile; nothing has been told this one yet.
                self.port, self.starts = free_port(), 0
                self.start(timeout)
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the registry did not start serving:\n{self.output()}")
            time.sleep(0.05)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log is not None and self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL the server and its workers, at once and without warning."""
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        """Stop as Ctrl+C would (or kill when that does not end it)."""
        if self.process is None or self.process.poll() is not None:
            return
        # Ctrl+C, then Ctrl+C again (uvicorn's "force quit") if connections are still open after a while.
        for patience in (5, 5):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(patience)
                return
            except subprocess.TimeoutExpired:
                pass
        self.kill()
