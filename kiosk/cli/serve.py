"""``kiosk registry serve`` (the registry as an HTTPS service) and ``kiosk registry link`` (its link file).

Both verbs join the ``registry`` group made by :mod:`kiosk.cli.registry`, so this group registers after it.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli.common import CommandError, say
from kiosk.cli.registry import REGISTRY_DB_ENV, REGISTRY_DIR_ENV, default_registry_dir, registry_context
from kiosk.messages import sentence
from kiosk.registry.service.link import make_link, registry_certificate
from kiosk.registry.service.settings import DEFAULT_MAX_BODY_BYTES, ServiceSettings
from kiosk.registry.services.registry import open_registry

if TYPE_CHECKING:
    from kiosk.registry.service.app import Application

# The application factory each worker process imports (it must be importable by name).
FACTORY = "kiosk.cli.serve:make_app"
DEFAULT_PORT = 8443


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    registry = subparsers.choices["registry"]
    verbs = next(action for action in registry._actions if isinstance(action, argparse._SubParsersAction))

    serve = verbs.add_parser("serve", help="serve the registry over HTTPS so kiosks can send results")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every address)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    serve.add_argument(
        "--packages",
        type=Path,
        metavar="DIR",
        help="folder of bank packages kiosks may download (default: packages/ in the registry folder)",
    )
    serve.add_argument(
        "--max-body-mib",
        type=int,
        default=DEFAULT_MAX_BODY_BYTES // (1024 * 1024),
        metavar="MIB",
        help="largest upload accepted, in MiB (default: %(default)s)",
    )
    _options(serve)
    serve.set_defaults(handler=_serve)

    link = verbs.add_parser("link", help="write the link file that lets kiosks reach this registry")
    link.add_argument("--url", required=True, help="the address kiosks use, e.g. https://10.0.0.5:8443")
    link.add_argument("--out", type=Path, required=True, metavar="FILE", help="file or folder to write")
    _options(link)
    link.set_defaults(handler=_link)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--registry-dir",
        type=Path,
        default=None,
        help=f"the registry's folder (default: ${REGISTRY_DIR_ENV} or the platform's data folder)",
    )
    parser.add_argument("--passphrase-env", help="environment variable holding the registry key's passphrase")
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"database URL (default: ${REGISTRY_DB_ENV} or registry.db in the registry folder)",
    )


def _registry_dir(args: argparse.Namespace) -> Path:
    chosen: Path | None = args.registry_dir
    return chosen if chosen is not None else default_registry_dir()


def _serve(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        raise CommandError(f"--port {args.port} is not a port number (1 to 65535).")
    if args.workers < 1:
        raise CommandError("--workers must be 1 or more.")
    if args.max_body_mib < 1:
        raise CommandError("--max-body-mib must be 1 or more.")
    settings = ServiceSettings(
        registry_dir=_registry_dir(args).resolve(),
        database_url=args.db or os.environ.get(REGISTRY_DB_ENV) or None,
        passphrase_env=args.passphrase_env,
        packages=None if args.packages is None else args.packages.resolve(),
        max_body_bytes=args.max_body_mib * 1024 * 1024,
    )
    try:
        # The web framework and server come with the optional "serve" extra; a kiosk does without them.
        from kiosk.registry.service.server import run
    except ImportError as error:
        raise CommandError(
            f"The registry service needs {error.name or 'its web server'}: install it with "
            "pip install 'onex-kiosk[serve]'."
        ) from None
    # Opened once here so a wrong folder, passphrase or database is said before any worker starts.
    with registry_context(args) as ctx:
        tls = registry_certificate(ctx)
    where = f"https://{args.host}:{args.port}"
    say(f"Serving the registry in {settings.registry_dir} on {where} ({args.workers} worker(s)).")
    say(f"Certificate SHA-256 {tls.fingerprint}; kiosks pin it from the file 'kiosk registry link' writes.")
    run(settings, tls, FACTORY, args.host, args.port, args.workers)
    return 0


def _link(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        path, tls = make_link(ctx, args.url, args.out)
    say(f"Wrote {path}: kiosks reach this registry at {args.url}, certificate SHA-256 {tls.fingerprint}.")
    say("On each kiosk run: kiosk sync --link <this file>")
    return 0


def make_app() -> Application:
    """The application of one worker process, from the settings ``kiosk registry serve`` handed over."""
    from kiosk.registry.service.app import create_app
    from kiosk.registry.service.server import settings_from_environment

    settings = settings_from_environment()
    passphrase = None
    if settings.passphrase_env:
        value = os.environ.get(settings.passphrase_env)
        passphrase = value.encode() if value else None
    ctx = open_registry(settings.registry_dir, settings.database_url, passphrase)
    return create_app(ctx, settings, sentence, close_on_shutdown=True)
