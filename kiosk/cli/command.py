"""The ``kiosk`` command's verbs: a thin argparse shell over the services (``kiosk.cli.main`` runs them).

Each verb group lives in its own module exposing ``register(subparsers)``; a verb handler takes the parsed
arguments and returns an exit code. Errors a person can cause are ``KioskError``s, printed as their English
sentence plus the CLI's hint of what to run next (``kiosk.cli.hints``), or the CLI's own ``CommandError``s;
either is one line on stderr with exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from kiosk.cli import admin, app, bank, check, common, exam, registry, report, serve, sync
from kiosk.cli.common import CommandError
from kiosk.cli.hints import with_hint
from kiosk.cli.logs import configure_logging
from kiosk.domain.errors import KioskError

GROUPS = (bank, exam, registry, serve, sync, report, app, admin, check)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="1+X Assessment Kiosk: offline theory exams for energy storage certificates.",
    )
    common.add_data_dir(parser)
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    for group in GROUPS:
        group.register(subparsers)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (the program's own when None); the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # No verb opens the kiosk itself.
    handler = getattr(args, "handler", None) or app.open_kiosk
    log = configure_logging(common.data_dir(args) / "logs")
    try:
        code: int = handler(args)
    except KioskError as error:
        print(f"kiosk: {with_hint(error)}", file=sys.stderr)
        return 1
    except CommandError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kiosk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except Exception as error:
        # A defect, not a mistake a person made: the details go to the log, the person gets one sentence.
        logging.getLogger("kiosk").error("unexpected failure in 'kiosk %s'", args.verb, exc_info=error)
        print(
            f"kiosk: something went wrong inside the kiosk program ({type(error).__name__}); "
            f"the details are in {log}. Report them to the administrator.",
            file=sys.stderr,
        )
        return 2
    return code
