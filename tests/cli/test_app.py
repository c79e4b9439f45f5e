"""``kiosk``, ``kiosk run`` and ``kiosk demo``: which kiosk opens, and the demo centre's printout."""

from __future__ import annotations

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
