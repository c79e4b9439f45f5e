"""Who is asking: every request must be signed by an enrolled kiosk, recently, and only once.

The signature format is :mod:`kiosk.formats.signed_requests`. A request is accepted when its kiosk is
enrolled here, its signature checks out with that kiosk's enrolled key, it was signed within the replay
window of the registry's clock (either way), and its nonce has not been seen inside that window. Nonces
are remembered by each worker process for twice the window; a request replayed to *another* worker inside
the window gets past the cache, which is why every operation of the service is idempotent (the same
upload gives the same receipt) and a replay can at most repeat what the first request did.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from kiosk.domain.errors import SecurityError
from kiosk.formats.keys import PublicIdentity
from kiosk.formats.signed_requests import read_signature, verify_request

# A bound on the remembered nonces of one worker, so a flood of signed requests cannot exhaust memory.
MAX_REMEMBERED_NONCES = 200_000


class NonceCache:
    """The nonces of accepted requests, each until its signing time is outside the replay window."""

    def __init__(self, window_seconds: int, limit: int = MAX_REMEMBERED_NONCES) -> None:
        self._window = window_seconds
        self._limit = limit
        self._until: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def first_use(self, kiosk_id: str, nonce: str, created: int, now: int) -> bool:
        """Remember ``nonce``; False when it was already used by ``kiosk_id`` inside the window."""
        key = (kiosk_id, nonce)
        with self._lock:
            if self._until.get(key, -1) >= now:
                return False
            if len(self._until) >= self._limit:
                self._until = {held: until for held, until in self._until.items() if until >= now}
            if len(self._until) >= self._limit:
                # Still full of live nonces (a flood): forget the oldest half, as a bounded cache must.
                for held in list(self._until)[: self._limit // 2]:
                    del self._until[held]
            self._until[key] = created + 2 * self._window
            return True


class RequestVerifier:
    """Checks one request's signature headers and says which kiosk sent it."""

    def __init__(
        self,
        kiosk_key: Callable[[str], PublicIdentity | None],
        now: Callable[[], datetime],
        window_seconds: int,
    ) -> None:
        self._kiosk_key = kiosk_key
        self._now = now
        self._window = window_seconds
        self._nonces = NonceCache(window_seconds)

    def kiosk_of(
        self, method: str, path: str, digest: str | None, signature_input: str | None, signature: str | None
    ) -> str:
        """The id of the enrolled kiosk that signed this request; SecurityError (401) otherwise."""
        claims = read_signature(signature_input, signature)
        public = self._kiosk_key(claims.kiosk_id)
        if public is None:
            raise SecurityError("registry_service.unknown_kiosk", kiosk_id=claims.kiosk_id)
        if digest is None:
            raise SecurityError("registry_service.digest_missing")
        verify_request(claims, public, method, path, digest)
        now = int(self._now().timestamp())
        if abs(now - claims.created) > self._window:
            raise SecurityError(
                "registry_service.signature_expired",
                kiosk_id=claims.kiosk_id,
                created=datetime.fromtimestamp(claims.created, self._now().tzinfo).isoformat(),
                now=self._now().isoformat(),
                window=self._window,
            )
        if not self._nonces.first_use(claims.kiosk_id, claims.nonce, claims.created, now):
            raise SecurityError("registry_service.signature_replayed", kiosk_id=claims.kiosk_id)
        return claims.kiosk_id
