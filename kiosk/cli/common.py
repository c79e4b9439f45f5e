"""Options and helpers shared by every verb group."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kiosk.station.services.context import KioskContext, open_context


class CommandError(Exception):
    """A mistake in a command's options or environment, worded by the CLI itself (it may name options)."""


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


def passphrase(args: argparse.Namespace) -> bytes | None:
    """The private key's passphrase from the environment variable named by ``--passphrase-env``, if any."""
    name: str | None = getattr(args, "passphrase_env", None)
    if name is None:
        return None
    value = os.environ.get(name)
    if not value:
        raise CommandError(f"The environment variable {name} named by --passphrase-env is not set.")
    return value.encode()


@contextmanager
def kiosk_context(args: argparse.Namespace) -> Iterator[KioskContext]:
    """The kiosk's context on the chosen data folder, closed when the verb is done."""
    ctx = open_context(data_dir(args))
    try:
        yield ctx
    finally:
        ctx.close()


class ProgressBar:
    """A plain-text progress bar for ``(done, total[, item])`` reports, on stderr as a rule.

    On a terminal it is redrawn in place (padded, so a shorter label wipes a longer one); elsewhere (a log,
    a pipe) it writes a line per tenth. With ``delay`` it shows only once the work has taken that long. The
    label is the item's name when one is given (the file being imported), else ``what``.
    """

    def __init__(self, stream: TextIO, what: str = "", delay: float = 0.0, width: int = 30) -> None:
        self.stream = stream
        self.what = what
        self.width = width
        self.live = stream.isatty()
        self._show_from = time.monotonic() + delay
        self._shown = False
        self._last_tenth = -1

    def __call__(self, done: int, total: int, item: Path | str | None = None) -> None:
        if not self._shown:
            if time.monotonic() < self._show_from or total <= 0:
                return
            self._shown = True
        label = item.name if isinstance(item, Path) else (item if item is not None else self.what)
        filled = self.width * done // total
        bar = f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} {label}".rstrip()
        if self.live:
            self.stream.write(f"\r{bar[:100]:<100}")
            if done == total:
                self.stream.write("\n")
        else:
            tenth = 10 * done // total
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
            self.stream.write(bar + "\n")
        self.stream.flush()
