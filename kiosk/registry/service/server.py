"""Running the service: uvicorn over TLS, with one or more worker processes.

Each worker process builds its own application from ``factory`` (an import string ``module:function``),
which reads the :class:`~kiosk.registry.service.settings.ServiceSettings` handed over in the environment
and opens its own connection to the registry's database; the import is safe with several importers at
once, on SQLite (the write lock queues them) and on PostgreSQL.
"""

from __future__ import annotations

import os

import uvicorn

from kiosk.formats.tls import TlsFiles
from kiosk.registry.service.settings import SETTINGS_ENV, ServiceSettings

# An idle connection is closed after this many seconds, so idle or stalled clients do not pile up.
KEEP_ALIVE_SECONDS = 15


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
        http="h11",
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
