"""The registry's HTTPS interface for kiosks, as a Starlette application.

Every request is signed by an enrolled kiosk (:mod:`kiosk.registry.service.auth`), and the kiosk's
contact is recorded (:mod:`kiosk.registry.service.contacts`). The routes:

``PUT /v1/bundles/{bundle_id}``
    The body is the bundle file, exactly as export wrote it; ``Content-Digest`` (sha-256) is required and
    checked. The bytes are kept in the registry's ``inbox/<kiosk id>/`` folder and imported by
    :func:`kiosk.registry.services.imports.import_file`, as ``kiosk registry import`` would. Answers:
    ``201`` and the signed receipt on the first import; ``200`` and the same receipt for the same bytes
    again (however they arrived, USB included); ``409`` when another bundle with this id is held (the
    upload is quarantined); ``422`` when the bundle is refused (quarantined too). The ``Import-Outcome``
    header names the outcome.
``GET /v1/receipts`` and ``GET /v1/receipts/{bundle_id}``
    The bundles held from the asking kiosk, and the receipt of one of them.
``GET /v1/status``
    The registry's key id and clock, and what it holds of the asking kiosk (count, newest number, gaps).
``GET /v1/banks`` and ``GET /v1/banks/{name}``
    The bank packages offered for download, and one of them, resumable with ``Range`` (``206``).

A refusal is JSON ``{"code", "params", "message"}``: the code and facts as everywhere in the product, and
the English sentence for people reading logs (the kiosk words the code in its own language). Parameters
that are paths are given as file names only, so the registry's folders stay private.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from kiosk.domain.errors import InputError, KioskError, Notice, SecurityError, StoreError
from kiosk.formats.bank_packages import PACKAGE_SUFFIX
from kiosk.formats.bundles import bundle_digest, read_bundle_header
from kiosk.formats.keys import PublicIdentity
from kiosk.formats.receipts import receipt_text
from kiosk.formats.signed_requests import digest_matches
from kiosk.registry.service.auth import RequestVerifier
from kiosk.registry.service.contacts import ContactLog
from kiosk.registry.service.settings import INBOX_DIR, ServiceSettings
from kiosk.registry.services.imports import BUNDLE_SUFFIX, FileOutcome, Outcome, import_file
from kiosk.registry.services.registry import RegistryContext, sequence_gaps
from kiosk.registry.storage.repo import find_bundle, find_bundle_by_sequence, find_kiosk, kiosk_sequences
from kiosk.support.files import PRIVATE, write_file

Wording = Callable[[KioskError | Notice], str]
# What :func:`create_app` returns, named for callers that do not import the framework themselves.
Application = Starlette

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# The HTTP status of each refusal the service makes itself; a refused import is 422, a failing store 503.
STATUS: dict[str, int] = {
    "request_signature.missing": 401,
    "request_signature.malformed": 401,
    "request_signature.invalid": 401,
    "registry_service.unknown_kiosk": 401,
    "registry_service.signature_expired": 401,
    "registry_service.signature_replayed": 401,
    "registry_service.digest_missing": 400,
    "registry_service.digest_mismatch": 400,
    "registry_service.body_too_large": 413,
    "registry_service.bundle_id_mismatch": 400,
    "registry_service.other_kiosk": 403,
    "registry_service.bundle_not_held": 404,
    "registry_service.package_not_found": 404,
}
RECEIPT_TYPE = "text/plain; charset=us-ascii"


@dataclass(frozen=True, slots=True)
class _Held:
    """A package offered for download, with the digest of its bytes as they were when last looked at."""

    size: int
    mtime_ns: int
    sha256: str


class RegistryService:
    """The route handlers, around one open registry."""

    def __init__(
        self, ctx: RegistryContext, settings: ServiceSettings, wording: Wording, now: Callable[[], datetime]
    ) -> None:
        self.ctx = ctx
        self.settings = settings
        self.wording = wording
        self.now = now
        self.verifier = RequestVerifier(self._kiosk_key, now, settings.replay_window_seconds)
        self.contacts = ContactLog(ctx)
        self._packages: dict[str, _Held] = {}

    # Each request: who signed it, and its body within the limit ---------------------------------------

    def _kiosk_key(self, kiosk_id: str) -> PublicIdentity | None:
        """The key enrolled for ``kiosk_id`` now (read for each request, so enrolments count at once)."""
        with self.ctx.database.session() as session:
            kiosk = find_kiosk(session, kiosk_id)
        return None if kiosk is None else PublicIdentity.from_text(kiosk.public_text)

    async def _kiosk(self, request: Request, note: bool = True) -> str:
        headers = request.headers
        path = request.scope.get("raw_path", request.url.path.encode("ascii"))
        return await run_in_threadpool(
            self._identify,
            note,
            request.method,
            bytes(path).decode("latin-1"),
            headers.get("content-digest"),
            headers.get("signature-input"),
            headers.get("signature"),
        )

    def _identify(
        self,
        note: bool,
        method: str,
        path: str,
        digest: str | None,
        signature_input: str | None,
        signature: str | None,
    ) -> str:
        kiosk_id = self.verifier.kiosk_of(method, path, digest, signature_input, signature)
        if note:
            self.contacts.note(kiosk_id, self.now())
        return kiosk_id

    async def _body(self, request: Request) -> bytes:
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputError("registry_service.body_too_large", limit=limit)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise InputError("registry_service.body_too_large", limit=limit)
            chunks.append(chunk)
        body = b"".join(chunks)
        if not digest_matches(request.headers.get("content-digest"), body):
            raise InputError("registry_service.digest_mismatch")
        return body

    def problem(self, error: KioskError | Notice, status: int | None = None) -> JSONResponse:
        """The JSON refusal for ``error``."""
        code = status or STATUS.get(error.code) or (503 if isinstance(error, StoreError) else 422)
        params = {name: _plain(value) for name, value in error.params.items()}
        body = {"code": error.code, "params": params, "message": self.wording(error)}
        headers = {"WWW-Authenticate": 'Signature realm="1x-registry"'} if code == 401 else None
        return JSONResponse(body, status_code=code, headers=headers)

    # Routes --------------------------------------------------------------------------------------------

    async def put_bundle(self, request: Request) -> Response:
        bundle_id = request.path_params["bundle_id"]
        try:
            # The contact is noted with the upload's outcome, in one write.
            kiosk_id = await self._kiosk(request, note=False)
            body = await self._body(request)
            outcome = await run_in_threadpool(self._import, kiosk_id, bundle_id, body)
        except ClientDisconnect:
            # The upload was cut: nothing was kept and nobody is listening for an answer.
            return Response(status_code=400)
        except KioskError as error:
            return self.problem(error)
        headers = {"Import-Outcome": outcome.outcome.value}
        if outcome.receipt is not None:
            answered = 200 if outcome.outcome is Outcome.DUPLICATE else 201
            receipt = await run_in_threadpool(outcome.receipt.read_bytes)
            return Response(receipt, status_code=answered, media_type=RECEIPT_TYPE, headers=headers)
        # Without a receipt the bundle was refused or conflicts, and the outcome says why.
        assert outcome.problem is not None
        status = 409 if outcome.outcome is Outcome.CONFLICT else None
        response = self.problem(outcome.problem, status)
        response.headers.update(headers)
        return response

    def _import(self, kiosk_id: str, bundle_id: str, body: bytes) -> FileOutcome:
        digest = bundle_digest(body)
        try:
            header = read_bundle_header(body)
        except KioskError:
            # Not even a header: the import refuses it and keeps a copy, as for a file brought by USB.
            name = f"unreadable-{digest[:16]}{BUNDLE_SUFFIX}"
        else:
            if header.bundle_id != bundle_id or not _NAME.fullmatch(bundle_id):
                raise InputError(
                    "registry_service.bundle_id_mismatch", bundle_id=bundle_id, found=header.bundle_id
                )
            if header.kiosk_id != kiosk_id:
                raise SecurityError(
                    "registry_service.other_kiosk",
                    bundle_id=bundle_id,
                    owner=header.kiosk_id,
                    kiosk_id=kiosk_id,
                )
            name = f"{bundle_id}-{digest[:16]}{BUNDLE_SUFFIX}"
        # Kept like a file from a USB stick, named by its bytes: the same upload again finds it there.
        path = self.ctx.directory / INBOX_DIR / kiosk_id / name
        if not path.exists():
            write_file(path, body, PRIVATE)
        outcome = import_file(self.ctx, path)
        self.contacts.note(kiosk_id, self.now(), upload=outcome.receipt is not None)
        return outcome

    async def list_receipts(self, request: Request) -> Response:
        try:
            kiosk_id = await self._kiosk(request)
            await self._body(request)
            held = await run_in_threadpool(self._held_bundles, kiosk_id)
        except KioskError as error:
            return self.problem(error)
        return JSONResponse({"kiosk_id": kiosk_id, "bundles": held})

    def _held_bundles(self, kiosk_id: str) -> list[dict[str, object]]:
        found: list[dict[str, object]] = []
        with self.ctx.database.session() as session:
            for sequence in kiosk_sequences(session).get(kiosk_id, []):
                bundle = find_bundle_by_sequence(session, kiosk_id, sequence)
                if bundle is not None:
                    found.append(
                        {
                            "bundle_id": bundle.bundle_id,
                            "sequence": bundle.sequence,
                            "digest": bundle.digest,
                            "outcome": bundle.outcome,
                            "acknowledged": len(bundle.acknowledged),
                        }
                    )
        return found

    async def get_receipt(self, request: Request) -> Response:
        bundle_id = request.path_params["bundle_id"]
        try:
            kiosk_id = await self._kiosk(request)
            await self._body(request)
            text = await run_in_threadpool(self._receipt, kiosk_id, bundle_id)
        except KioskError as error:
            return self.problem(error)
        return Response(text.encode("ascii"), media_type=RECEIPT_TYPE)

    def _receipt(self, kiosk_id: str, bundle_id: str) -> str:
        with self.ctx.database.session() as session:
            bundle = find_bundle(session, bundle_id)
        if bundle is None or bundle.kiosk_id != kiosk_id:
            raise InputError("registry_service.bundle_not_held", bundle_id=bundle_id)
        # The same bundle always gets the same receipt, so it is made again rather than looked for.
        return receipt_text(
            self.ctx.identity,
            bundle.bundle_id,
            bundle.kiosk_id,
            bundle.sequence,
            bundle.digest,
            bundle.acknowledged,
        )

    async def status(self, request: Request) -> Response:
        try:
            kiosk_id = await self._kiosk(request)
            await self._body(request)
            sequences, gaps = await run_in_threadpool(self._sequences, kiosk_id)
        except KioskError as error:
            return self.problem(error)
        return JSONResponse(
            {
                "registry_key_id": self.ctx.identity.key_id,
                "registry_time": self.now().isoformat(),
                "kiosk_id": kiosk_id,
                "bundles_held": len(sequences),
                "newest_sequence": max(sequences) if sequences else None,
                "missing_sequences": gaps,
            }
        )

    def _sequences(self, kiosk_id: str) -> tuple[list[int], list[int]]:
        with self.ctx.database.session() as session:
            sequences = kiosk_sequences(session).get(kiosk_id, [])
        return sequences, sequence_gaps(self.ctx, [kiosk_id]).get(kiosk_id, [])

    async def list_banks(self, request: Request) -> Response:
        try:
            await self._kiosk(request)
            await self._body(request)
            offered = await run_in_threadpool(self._offered)
        except KioskError as error:
            return self.problem(error)
        return JSONResponse({"packages": offered})

    def _offered(self) -> list[dict[str, object]]:
        folder = self.settings.packages_dir
        paths = sorted(folder.glob(f"*{PACKAGE_SUFFIX}")) if folder.is_dir() else []
        return [
            {"name": path.name, "size": held.size, "sha256": held.sha256}
            for path in paths
            if _NAME.fullmatch(path.name) and (held := self._held_package(path)) is not None
        ]

    def _held_package(self, path: Path) -> _Held | None:
        try:
            info = path.stat()
            known = self._packages.get(path.name)
            if known is not None and (known.size, known.mtime_ns) == (info.st_size, info.st_mtime_ns):
                return known
            digest = hashlib.sha256()
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        held = _Held(info.st_size, info.st_mtime_ns, digest.hexdigest())
        self._packages[path.name] = held
        return held

    async def get_bank(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            await self._kiosk(request)
            await self._body(request)
            path = self.settings.packages_dir / name
            if not (_NAME.fullmatch(name) and name.endswith(PACKAGE_SUFFIX) and path.is_file()):
                raise InputError("registry_service.package_not_found", name=name)
        except KioskError as error:
            return self.problem(error)
        # Starlette answers Range requests itself: 206 with Content-Range, or 416 past the end.
        return FileResponse(path, media_type="application/octet-stream")


def _plain(value: object) -> object:
    if isinstance(value, Path):
        return value.name
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def create_app(
    ctx: RegistryContext,
    settings: ServiceSettings,
    wording: Wording = str,
    now: Callable[[], datetime] | None = None,
    close_on_shutdown: bool = False,
) -> Application:
    """The application serving ``ctx``; ``wording`` makes the English sentence of each refusal."""
    service = RegistryService(ctx, settings, wording, now or ctx.now)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if close_on_shutdown:
                ctx.close()

    routes = [
        Route("/v1/bundles/{bundle_id}", service.put_bundle, methods=["PUT"]),
        Route("/v1/receipts", service.list_receipts, methods=["GET"]),
        Route("/v1/receipts/{bundle_id}", service.get_receipt, methods=["GET"]),
        Route("/v1/status", service.status, methods=["GET"]),
        Route("/v1/banks", service.list_banks, methods=["GET"]),
        Route("/v1/banks/{name}", service.get_bank, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
