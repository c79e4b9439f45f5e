"""Opening the console: the centre face on a data folder, the registry face on a registry folder, the
sentence when the folder is not a registry, the event loop, and the ``kiosk admin`` verb's options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import kiosk.app
from kiosk.cli import main
from kiosk.domain.errors import InputError
from kiosk.ui.admin.launch import DEFAULT_SIZE, open_admin, run_admin
from kiosk.ui.admin.window import AdminWindow
from tests.ui.admin.admin_helpers import settle


def test_the_centre_console_opens_on_a_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    with open_admin(tmp_path / "data") as window:
        settle(qtbot, window)
        assert window.title_label.text() == "Centre administration"
        assert "This PC is not set up as a kiosk yet" in window.subtitle_label.text()
        assert (window.width(), window.height()) == DEFAULT_SIZE
        assert not window.isFullScreen()
        assert [window.nav.item(i).text() for i in range(window.nav.count())][:2] == [
            "Roster import",
            "Candidates",
        ]
    assert (tmp_path / "data" / "kiosk.db").exists()


def test_the_registry_console_opens_in_chinese(qtbot: QtBot, registry_dir: Path, tmp_path: Path) -> None:
    with open_admin(tmp_path / "data", registry_dir=registry_dir, language="zh") as window:
        settle(qtbot, window)
        assert window.title_label.text() == "成绩登记中心"
        assert window.nav.item(0).text() == "考试机"
    assert QCoreApplication.translate("AdminWindow", "Results registry") == "Results registry"


def test_a_folder_that_is_not_a_registry_is_told_in_a_sentence(tmp_path: Path) -> None:
    with (
        pytest.raises(InputError, match=r"^registry\.not_set_up folder="),
        open_admin(tmp_path / "data", registry_dir=tmp_path / "nothing"),
    ):
        pass


def test_run_admin_returns_when_the_window_closes(qtbot: QtBot, tmp_path: Path) -> None:
    def close_console() -> None:
        # Closing the last window ends the event loop, as when the administrator closes the console.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, AdminWindow) and widget.isVisible():
                widget.close()

    QTimer.singleShot(0, close_console)
    assert run_admin(tmp_path / "data") == 0


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``kiosk admin`` asked ``kiosk.app.run_admin`` to open (the seam between CLI and ui)."""
    calls: list[dict[str, Any]] = []

    def fake(data_dir: Path, **options: Any) -> int:
        calls.append({"data_dir": data_dir, **options})
        return 0

    monkeypatch.setattr(kiosk.app, "run_admin", fake, raising=False)
    monkeypatch.delenv("KIOSK_REGISTRY_DB", raising=False)
    return calls


def test_kiosk_admin_opens_the_centre_console(opened: list[dict[str, Any]], tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "admin"]) == 0
    assert opened == [
        {
            "data_dir": tmp_path,
            "registry_dir": None,
            "database_url": None,
            "passphrase": None,
            "language": "en",
        }
    ]


def test_kiosk_admin_registry_options(
    opened: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REGISTRY_PASS", "correct horse")
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    argv = ["admin", "--registry-dir", str(tmp_path), "--db", url, "--passphrase-env", "REGISTRY_PASS"]
    assert main([*argv, "--language", "zh"]) == 0
    assert opened[0]["registry_dir"] == tmp_path
    assert opened[0]["database_url"] == url
    assert opened[0]["passphrase"] == b"correct horse"
    assert opened[0]["language"] == "zh"

    monkeypatch.setenv("KIOSK_REGISTRY_DIR", str(tmp_path / "reg"))
    assert main(["admin", "--registry"]) == 0
    assert opened[1]["registry_dir"] == tmp_path / "reg"


def test_kiosk_admin_with_an_unset_passphrase_variable_says_so(
    opened: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["admin", "--registry", "--passphrase-env", "NO_SUCH_VARIABLE_SET"]) == 1
    assert "The environment variable NO_SUCH_VARIABLE_SET named by --passphrase-env is not set." in (
        capsys.readouterr().err
    )
    assert opened == []
