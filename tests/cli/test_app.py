"""``kiosk``, ``kiosk run`` and ``kiosk demo``: which kiosk opens, and the demo centre's printout."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import kiosk.app
from kiosk.cli import main


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """The kiosk windows the command asked for (the window itself is the UI tests' business)."""
    calls: list[tuple[Path, bool]] = []

    def run_kiosk(data_dir: Path, lockdown: bool = True) -> int:
        calls.append((data_dir, lockdown))
        return 0

    monkeypatch.setattr(kiosk.app, "run_kiosk", run_kiosk)
    return calls


def test_no_verb_opens_the_locked_down_kiosk(opened: list[tuple[Path, bool]], tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path)]) == 0
    assert opened == [(tmp_path, True)]


def test_run_without_lockdown_is_for_development(opened: list[tuple[Path, bool]], tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "run", "--no-lockdown"]) == 0
    assert opened == [(tmp_path, False)]


def test_demo_makes_a_centre_prints_its_secrets_and_opens_it(
    opened: list[tuple[Path, bool]], tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder), "--banks", str(bank_dir.parent), "--no-lockdown"]) == 0
    out = capsys.readouterr().out
    assert f"Demo centre made in {folder}" in out
    assert "Invigilator: Demo Invigilator, PIN " in out
    assert "  Demo: Energy Storage Maintenance, Grade I: " in out
    assert out.count("  DEMO-0") == 10
    assert opened == [(folder, False)]


def test_demo_without_window_says_how_to_open_it_later(
    opened: list[tuple[Path, bool]], tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder), "--banks", str(bank_dir.parent), "--no-window"]) == 0
    assert capsys.readouterr().out.endswith(f"Open it with: kiosk --data-dir {folder} run\n")
    assert opened == []
    # A second demo in the same folder is refused with one sentence.
    assert main(["demo", "--data-dir", str(folder), "--banks", str(bank_dir.parent), "--no-window"]) == 1
    assert "already holds a kiosk" in capsys.readouterr().err


def test_demo_uses_the_kiosk_data_folder_from_the_environment(
    opened: list[tuple[Path, bool]],
    tmp_path: Path,
    bank_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "from-env"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
    assert main(["demo", "--banks", str(bank_dir.parent), "--no-window"]) == 0
    out = capsys.readouterr().out
    assert f"Demo centre made in {folder}" in out
    assert out.endswith("Open it with: kiosk run\n")
    # After a power cut a plain 'kiosk run' opens the same centre, not a new empty one.
    assert main(["run"]) == 0
    assert opened == [(folder, True)]
    assert (folder / "kiosk.db").is_file()


def test_demo_uses_the_platform_data_folder_by_default(
    opened: list[tuple[Path, bool]],
    tmp_path: Path,
    bank_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KIOSK_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["demo", "--banks", str(bank_dir.parent), "--no-lockdown"]) == 0
    folder = tmp_path / "share" / "onex-kiosk"
    assert f"Demo centre made in {folder}" in capsys.readouterr().out
    assert opened == [(folder, False)]
    # The same folder a second time is refused: it is a kiosk now, and nothing of it is lost.
    assert main(["demo", "--banks", str(bank_dir.parent), "--no-window"]) == 1
    assert "already holds a kiosk" in capsys.readouterr().err


def test_the_self_test_reaches_a_screen_and_prints_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Path, Path, tuple[int, str, str] | None]] = []

    def self_test(data_dir: Path, screenshot: Path, unlock: tuple[int, str, str] | None) -> dict[str, object]:
        asked.append((data_dir, screenshot, unlock))
        return {"screen": "login" if unlock else "idle", "screenshot": str(screenshot)}

    monkeypatch.setattr(kiosk.app, "self_test_kiosk", self_test)
    png = tmp_path / "shot.png"
    assert main(["--data-dir", str(tmp_path), "run", "--self-test", str(png)]) == 0
    assert json.loads(capsys.readouterr().out) == {"screen": "idle", "screenshot": str(png)}
    monkeypatch.setenv("KIOSK_SELF_TEST_UNLOCK", "3:246810:K7QF-M2XD-9PHA")
    assert main(["--data-dir", str(tmp_path), "run", "--self-test", str(png)]) == 0
    assert asked[-1] == (tmp_path, png, (3, "246810", "K7QF-M2XD-9PHA"))
    monkeypatch.setenv("KIOSK_SELF_TEST_UNLOCK", "three")
    assert main(["--data-dir", str(tmp_path), "run", "--self-test", str(png)]) == 1
    assert "must be SITTING:PIN:RELEASE-CODE" in capsys.readouterr().err
