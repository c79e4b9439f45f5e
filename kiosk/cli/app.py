"""``kiosk``, ``kiosk run`` and ``kiosk demo``: open the kiosk window, or a demo centre in it.

The Qt application is imported only when one of these verbs runs, so the headless verbs stay quick.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from kiosk.cli.common import CommandError, data_dir, default_data_dir, say

SELF_TEST_UNLOCK = "KIOSK_SELF_TEST_UNLOCK"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="open the kiosk full screen (the same as 'kiosk' with no verb)")
    run.add_argument(
        "--no-lockdown", action="store_true", help="development only: a normal window, escape keys work"
    )
    run.add_argument(
        "--self-test",
        type=Path,
        metavar="PNG",
        help="start the kiosk, reach its first screen, save a screenshot to PNG and exit (checks an "
        "installed package; with $KIOSK_SELF_TEST_UNLOCK=SITTING:PIN:CODE it opens that sitting first and "
        "stops at the candidates' login screen); prints what was reached as JSON",
    )
    run.set_defaults(handler=open_kiosk)

    demo = subparsers.add_parser(
        "demo",
        help="make a demo centre (sample banks, sittings today, ten candidates, an invigilator) and open it",
    )
    demo.add_argument(
        "--data-dir",
        dest="demo_data_dir",
        type=Path,
        default=None,
        help="an empty folder for the demo centre (the same as --data-dir before the verb; default: the "
        "platform's data folder or $KIOSK_DATA_DIR, where 'kiosk run' opens it again)",
    )
    demo.add_argument(
        "--banks",
        type=Path,
        default=None,
        metavar="DIR",
        help="bank source folders to use (default: the samples)",
    )
    demo.add_argument("--no-lockdown", action="store_true", help="open the kiosk in a normal window")
    demo.add_argument(
        "--no-window", action="store_true", help="only make the demo centre and print its codes"
    )
    demo.set_defaults(handler=_demo)


def open_kiosk(args: argparse.Namespace) -> int:
    """Open the kiosk on the data folder; also what ``kiosk`` with no verb does."""
    screenshot: Path | None = getattr(args, "self_test", None)
    if screenshot is not None:
        return _self_test(args, screenshot)
    from kiosk.app import run_kiosk

    return run_kiosk(data_dir(args), lockdown=not getattr(args, "no_lockdown", False))


def _self_test(args: argparse.Namespace, screenshot: Path) -> int:
    from kiosk.app import self_test_kiosk

    unlock: tuple[int, str, str] | None = None
    spec = os.environ.get(SELF_TEST_UNLOCK, "")
    if spec:
        sitting, _, rest = spec.partition(":")
        pin, _, code = rest.partition(":")
        if not (sitting.isdigit() and pin and code):
            raise CommandError(f"${SELF_TEST_UNLOCK} must be SITTING:PIN:RELEASE-CODE.")
        unlock = (int(sitting), pin, code)
    reached = self_test_kiosk(data_dir(args), screenshot, unlock)
    say(json.dumps(reached))
    wanted = "login" if unlock is not None else "idle"
    return 0 if reached["screen"] == wanted and reached["screenshot"] else 1


def _demo(args: argparse.Namespace) -> int:
    """Make the demo centre in the kiosk's data folder, as every other verb finds it (so after a power cut
    a plain ``kiosk run`` opens the same centre again)."""
    from kiosk.app import run_demo

    chosen: Path | None = args.demo_data_dir or args.data_dir
    folder = chosen if chosen is not None else default_data_dir()
    banks: Path | None = args.banks
    run_demo(folder, lockdown=not args.no_lockdown, window=not args.no_window, banks_root=banks, say=say)
    if args.no_window:
        say(
            f"Open it with: kiosk --data-dir {folder} run"
            if chosen is not None
            else "Open it with: kiosk run"
        )
    return 0
