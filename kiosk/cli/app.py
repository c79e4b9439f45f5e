"""``kiosk``, ``kiosk run`` and ``kiosk demo``: open the kiosk window, or a demo centre in it.

The Qt application is imported only when one of these verbs runs, so the headless verbs stay quick.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from kiosk.cli.common import data_dir, say


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="open the kiosk full screen (the same as 'kiosk' with no verb)")
    run.add_argument(
        "--no-lockdown", action="store_true", help="development only: a normal window, escape keys work"
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
        help="an empty folder for the demo centre (default: a new temporary folder)",
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
    from kiosk.app import run_kiosk

    return run_kiosk(data_dir(args), lockdown=not getattr(args, "no_lockdown", False))


def _demo(args: argparse.Namespace) -> int:
    from kiosk.app import SAMPLE_BANKS, run_demo

    chosen: Path | None = args.demo_data_dir or args.data_dir
    folder = chosen if chosen is not None else Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    banks: Path = args.banks or SAMPLE_BANKS
    run_demo(folder, lockdown=not args.no_lockdown, window=not args.no_window, banks_root=banks, say=say)
    if args.no_window:
        say(f"Open it with: kiosk --data-dir {folder} run")
    return 0
