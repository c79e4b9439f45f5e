"""Real servers for the service tests: uvicorn over TLS on loopback, a faulty TCP proxy, a raw signed client.

:func:`live_registry` runs the registry application on a real uvicorn server in a thread, on a loopback
socket of its own. :class:`FaultyProxy` relays TCP connections to it and spoils the ones it is told to:
cutting the request after some bytes, or swallowing the answer after the request went through.
:func:`call` sends one signed request with full control of every header, for the refusal tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import uvicorn

from kiosk.formats.keys import PrivateIdentity
from kiosk.formats.signed_requests import content_digest, sign_request
from kiosk.messages import sentence
from kiosk.registry.service.app import create_app
from kiosk.registry.service.link import registry_certificate
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
) -> Iterator[LiveServer]:
    """Serve ``ctx`` over TLS on a free loopback port until the block ends."""
    tls = registry_certificate(ctx)
    app = create_app(ctx, settings or ServiceSettings(ctx.directory), sentence, now=now)
    config = uvicorn.Config(
        app,
        http="h11",
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
    """How to spoil one connection: cut the request after ``cut_after`` bytes; or, once the client has sent
    ``swallow_after`` bytes, let nothing more reach it and hang up on it as soon as ``until()`` holds (the
    server has done its work), leaving the server's side to finish on its own."""

    cut_after: int | None = None
    swallow_after: int | None = None
    until: Callable[[], bool] = lambda: True


@dataclass
class FaultyProxy:
    """A TCP relay to ``target`` on loopback; each new connection takes the next fault, if any."""

    target: int
    faults: list[Fault] = field(default_factory=list)
    connections: int = 0

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            fault = self.faults.pop(0) if self.faults else Fault()
            threading.Thread(target=self._relay, args=(client, fault), daemon=True).start()

    def _relay(self, client: socket.socket, fault: Fault) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target))
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
                    return
                if not data:
                    with contextlib.suppress(OSError):
                        client.shutdown(socket.SHUT_WR)
                    return
                if fault.swallow_after is not None and sent >= fault.swallow_after:
                    continue  # the answer never reaches the client
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
        while True:
            try:
                data = client.recv(65536)
            except OSError:
                return
            if not data:
                with contextlib.suppress(OSError):
                    upstream.shutdown(socket.SHUT_WR)
                return
            if fault.cut_after is not None and sent + len(data) >= fault.cut_after:
                with contextlib.suppress(OSError):
                    upstream.sendall(data[: fault.cut_after - sent])
                end()
                return
            try:
                upstream.sendall(data)
            except OSError:
                return
            sent += len(data)
