"""The certificate the registry serves HTTPS with, and the link file that carries it to kiosks.

The certificate and its key live in the registry folder's ``tls/``, made on first need (the first
``serve`` or ``link``) and kept from then on: kiosks pin it, so it is never replaced behind their backs.
The link file (:mod:`kiosk.formats.tls`) names the address kiosks should use and the certificate's
fingerprint, signed with the registry's key.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.formats.tls import LINK_SUFFIX, TlsFiles, ensure_certificate, split_url, write_link
from kiosk.registry.service.settings import TLS_DIR
from kiosk.registry.services.registry import RegistryContext


def registry_certificate(ctx: RegistryContext) -> TlsFiles:
    """The registry's certificate and key, made now if it has none yet."""
    return ensure_certificate(ctx.directory / TLS_DIR, f"1x-kiosk registry {ctx.identity.key_id}", ctx.now())


def make_link(ctx: RegistryContext, url: str, out: Path) -> tuple[Path, TlsFiles]:
    """Write the link file for kiosks to reach this registry at ``url`` (``out``: a file, or a folder)."""
    split_url(url)
    files = registry_certificate(ctx)
    target = out / f"{ctx.identity.name}{LINK_SUFFIX}" if out.is_dir() else out
    return write_link(ctx.identity, url, files.fingerprint, target), files
