"""Running the service: uvicorn over TLS, with one or more worker processes.

Each worker process builds its own application from ``factory`` (an import string ``module:function``),
which reads the :class:`~kiosk.registry.service.settings.ServiceSettings` handed over in the environment
and opens its own connection to the registry's database; the import is safe with several importers at
once, on SQLite (the write lock queues them) and on PostgreSQL.

uvicorn closes a connection left idle between requests (``timeout_keep_alive``) but sets no deadline on
reading a request, so a client that sends its headers a byte at a time (a slow-loris) could hold a
connection for ever. :class:`GuardedH11Protocol` adds the two deadlines web servers usually keep: a
request's head must arrive whole within :data:`HEAD_SECONDS` of its first byte (or of the connection
opening), and while its body is read at least :data:`MIN_BODY_BYTES_PER_SECOND` must arrive on average
over every :data:`BODY_WINDOW_SECONDS` (a stalled or trickling body is cut off; a slow mobile link is
far faster). A client that ends its side of the connection in the middle of a request is let go at
once. A connection that never completes its TLS handshake is closed by asyncio after 60 s. Other
connections are served meanwhile whatever one client does: the server is asynchronous, and the import
runs in a thread pool.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from kiosk.formats.tls import TlsFiles
from kiosk.registry.service.settings import SETTINGS_ENV, ServiceSettings

# An idle connection is closed after this many seconds, so idle or stalled clients do not pile up.
KEEP_ALIVE_SECONDS = 15
# A request's line and headers must arrive within this many seconds of their first byte.
HEAD_SECONDS = 30.0
# While a body is read, at least this many bytes per second on average over each window.
MIN_BODY_BYTES_PER_SECOND = 256
BODY_WINDOW_SECONDS = 60.0

_log = logging.getLogger("uvicorn.error")


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with deadlines for reading a request's head and body (see above)."""

    head_seconds: float = HEAD_SECONDS
    body_window_seconds: float = BODY_WINDOW_SECONDS
    min_body_bytes_per_second: int = MIN_BODY_BYTES_PER_SECOND

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._body_check: asyncio.TimerHandle | None = None
        self._body_bytes = 0
        self._partial_head = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head()
        self._cancel_body()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        before = self.cycle
        if self._between_requests():
            self._await_head()
            self._partial_head = True
        else:
            self._body_bytes += len(data)
        super().data_received(data)
        if self.cycle is not before:
            self._cancel_head()  # the head arrived
            self._partial_head = False
        self._follow_body()

    def eof_received(self) -> None:
        # The client will send nothing more (over TLS there is no half-closing): a request it had not
        # finished never will be, and uvicorn would otherwise wait for it.
        if self._reading_body() or (self._between_requests() and self._partial_head):
            self._close("it ended its side of the connection in the middle of a request")

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # A request that was waiting behind this one (pipelined) may have started.
        self._follow_body()

    # The head ---------------------------------------------------------------------------------------------

    def _between_requests(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _await_head(self) -> None:
        # Armed once per request and not pushed back by each byte: a head sent a byte at a time still ends.
        if self._head_deadline is None:
            self._head_deadline = self.loop.call_later(self.head_seconds, self._head_too_slow)

    def _cancel_head(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self._between_requests():
            self._close(f"its request head did not arrive within {self.head_seconds:.0f} s")

    # The body ---------------------------------------------------------------------------------------------

    def _reading_body(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete and self.cycle.more_body

    def _follow_body(self) -> None:
        if not self._reading_body():
            self._cancel_body()
        elif self._body_check is None:
            self._body_bytes = 0
            self._body_check = self.loop.call_later(self.body_window_seconds, self._check_body)

    def _cancel_body(self) -> None:
        if self._body_check is not None:
            self._body_check.cancel()
            self._body_check = None

    def _check_body(self) -> None:
        self._body_check = None
        if not self._reading_body():
            return
        expected = self.min_body_bytes_per_second * self.body_window_seconds
        # While the server itself holds reading back (its buffer is full), the client is not to blame.
        if self._body_bytes < expected and not self.flow.read_paused:
            self._close(
                f"its request body came at {self._body_bytes} bytes in {self.body_window_seconds:.0f} s"
            )
            return
        self._follow_body()

    def _close(self, why: str) -> None:
        if not self.transport.is_closing():
            client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
            _log.info("Closing the connection of %s: %s.", client, why)
            # At once, without waiting for the client's part of a polite TLS goodbye it may never send.
            self.transport.abort()


def run(
    settings: ServiceSettings, tls: TlsFiles, factory: str, host: str, port: int, workers: int = 1
) -> None:
    """Serve until stopped (Ctrl+C or SIGTERM); returns when the last worker has finished."""
    os.environ[SETTINGS_ENV] = settings.to_json()
    uvicorn.run(
        factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=GuardedH11Protocol,
        ssl_certfile=str(tls.certificate),
        ssl_keyfile=str(tls.key),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        log_level="info",
    )


def settings_from_environment() -> ServiceSettings:
    """The settings :func:`run` handed to this worker process."""
    text = os.environ.get(SETTINGS_ENV)
    if not text:
        raise RuntimeError(f"{SETTINGS_ENV} is not set: build the application through the server's run()")
    return ServiceSettings.from_json(text)
