"""The kiosk log: where the details of an unexpected failure go, so a person only ever sees one sentence."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from types import TracebackType

LOG_NAME = "kiosk.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


class _FolderMakingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose folder is made on the first record, so a quiet run leaves nothing behind.

    The log can name candidates and files, so its folder is 0700 and every log file 0600 from the start.
    """

    def emit(self, record: logging.LogRecord) -> None:
        Path(self.baseFilename).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        super().emit(record)

    def _open(self):  # type: ignore[no-untyped-def]
        # Create the file owner-only before the logging module opens it with the umask's mode.
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(descriptor)
        return super()._open()


def configure_logging(log_dir: Path) -> Path:
    """Send warnings and errors of every layer to ``log_dir/kiosk.log``; returns the log's path.

    Uncaught exceptions (in the command line or in a Qt slot, which PySide reports through
    ``sys.excepthook``) are logged there too, with their traceback.
    """
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _FolderMakingHandler):
            root.removeHandler(handler)
            handler.close()
    handler = _FolderMakingHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)

    def log_uncaught(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        logging.getLogger("kiosk").error("uncaught failure", exc_info=(kind, error, trace))
        sys.__excepthook__(kind, error, trace)

    sys.excepthook = log_uncaught
    return path
