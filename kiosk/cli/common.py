"""Options and helpers shared by every verb group."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def default_data_dir() -> Path:
    """Where the kiosk keeps its store, keys and packages, by the platform's conventions."""
    override = os.environ.get("KIOSK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "OneXKiosk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "OneXKiosk"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "onex-kiosk"


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder for the kiosk's store, keys and bank packages (default: the platform's data folder "
        "or $KIOSK_DATA_DIR)",
    )


def data_dir(args: argparse.Namespace) -> Path:
    chosen: Path | None = args.data_dir
    return chosen if chosen is not None else default_data_dir()


def say(message: str) -> None:
    print(message)
