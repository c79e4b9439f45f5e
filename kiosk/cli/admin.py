"""``kiosk admin``: open the administrator console for this centre, or (``--registry``) for the registry.

The Qt console is imported only when the verb runs, through ``kiosk.app`` (the CLI does not import the ui
layer), so the headless verbs stay quick.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.cli.common import data_dir, passphrase
from kiosk.cli.registry import REGISTRY_DB_ENV, default_registry_dir

LANGUAGES = ("en", "zh")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    admin = subparsers.add_parser(
        "admin",
        help="open the administrator console: roster, invigilators, banks, sittings, printing, export "
        "(or, with --registry, kiosks, imports, results and reports)",
    )
    admin.add_argument("--registry", action="store_true", help="open the registry's console instead")
    admin.add_argument(
        "--registry-dir",
        type=Path,
        default=None,
        help="the registry's folder (implies --registry; default: $KIOSK_REGISTRY_DIR or the platform's "
        "data folder)",
    )
    admin.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"registry database URL, e.g. postgresql+psycopg://user@host/registry (implies --registry; "
        f"default: ${REGISTRY_DB_ENV} or registry.db in the registry folder)",
    )
    admin.add_argument("--passphrase-env", help="environment variable holding the registry key's passphrase")
    admin.add_argument(
        "--language", choices=LANGUAGES, default="en", help="the console's language (en or zh)"
    )
    admin.set_defaults(handler=open_admin_console)


def open_admin_console(args: argparse.Namespace) -> int:
    from kiosk.app import run_admin

    registry = bool(args.registry or args.registry_dir or args.db)
    key_passphrase = passphrase(args)
    registry_dir: Path | None = None
    if registry:
        registry_dir = args.registry_dir or default_registry_dir()
    url = (args.db or os.environ.get(REGISTRY_DB_ENV) or None) if registry else None
    return int(
        run_admin(
            data_dir(args),
            registry_dir=registry_dir,
            database_url=url,
            passphrase=key_passphrase,
            language=args.language,
        )
    )
