"""The kiosk log: a defect shows one sentence and leaves its traceback in the log, never on screen."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.logs import LOG_NAME, configure_logging


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook


def test_a_quiet_run_writes_no_log(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    logging.getLogger("kiosk.test").info("routine")
    assert path == tmp_path / "logs" / LOG_NAME
    assert not (tmp_path / "logs").exists()


def test_a_defect_is_one_sentence_on_screen_and_a_traceback_in_the_log(
    bank_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(folder: Path) -> None:
        raise RuntimeError("disk controller said no")

    monkeypatch.setattr("kiosk.authoring.build.validate_source", broken)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "bank", "validate", str(bank_dir)]) == 2
    err = capsys.readouterr().err
    log = data / "logs" / LOG_NAME
    assert err == (
        "kiosk: something went wrong inside the kiosk program (RuntimeError); "
        f"the details are in {log}. Report them to the administrator.\n"
    )
    text = log.read_text(encoding="utf-8")
    assert "unexpected failure in 'kiosk bank'" in text
    assert "Traceback" in text and "disk controller said no" in text


def test_uncaught_exceptions_are_logged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = configure_logging(tmp_path / "logs")
    try:
        raise ValueError("in a Qt slot")
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)
    capsys.readouterr()
    assert "in a Qt slot" in path.read_text(encoding="utf-8")


def test_the_log_is_private_from_its_first_line(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = configure_logging(tmp_path / "logs")
        logging.getLogger("kiosk.test").error("candidate C-001 could not be saved")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
