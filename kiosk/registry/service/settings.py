"""What one running registry service needs to know, passed to each worker process as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

# A bundle carries a few hundred attempts at most; this leaves room for a large centre's.
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
# How far a request's signing time may be from the registry's clock, either way.
DEFAULT_REPLAY_WINDOW_SECONDS = 300
SETTINGS_ENV = "KIOSK_SERVE_SETTINGS"
PACKAGES_DIR = "packages"
INBOX_DIR = "inbox"
TLS_DIR = "tls"


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """The registry folder and database, where packages are offered, and the service's limits."""

    registry_dir: Path
    database_url: str | None = None
    passphrase_env: str | None = None
    packages: Path | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    replay_window_seconds: int = DEFAULT_REPLAY_WINDOW_SECONDS

    @property
    def packages_dir(self) -> Path:
        """The folder whose bank packages kiosks may download (default: ``packages/`` in the registry)."""
        return self.packages if self.packages is not None else self.registry_dir / PACKAGES_DIR

    @property
    def tls_dir(self) -> Path:
        return self.registry_dir / TLS_DIR

    def to_json(self) -> str:
        return json.dumps(
            {
                "registry_dir": str(self.registry_dir),
                "database_url": self.database_url,
                "passphrase_env": self.passphrase_env,
                "packages": None if self.packages is None else str(self.packages),
                "max_body_bytes": self.max_body_bytes,
                "replay_window_seconds": self.replay_window_seconds,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> ServiceSettings:
        fields = json.loads(text)
        return cls(
            registry_dir=Path(fields["registry_dir"]),
            database_url=fields["database_url"],
            passphrase_env=fields["passphrase_env"],
            packages=None if fields["packages"] is None else Path(fields["packages"]),
            max_body_bytes=int(fields["max_body_bytes"]),
            replay_window_seconds=int(fields["replay_window_seconds"]),
        )
