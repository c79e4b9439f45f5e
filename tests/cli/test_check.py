"""``kiosk check``: a line per check with its mark and sentence, exit code 1 when a line fails, JSON, and
letting a sitting open anyway with an invigilator's PIN."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli import check as check_cli
from kiosk.cli import main
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost
from kiosk.station.services import labcheck
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import open_context
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.labcheck import Check, LabFacts, Volume
from kiosk.station.services.sittings import schedule_sitting
from kiosk.station.storage.repositories import audit
from tests.fixtures.kiosk import PIN, make_bank, make_package

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def facts(folder: Path, **changes: object) -> LabFacts:
    healthy = LabFacts(
        now=NOW,
        folder=folder,
        volume=Volume("/", "ext4", "/dev/sda2"),
        restore_software=(),
        free_bytes=50 * 1024**3,
        need_bytes=300 * 1024**2,
        write_seconds=0.004,
        write_error=None,
        power=None,
        remote_tools=(),
        other_sessions=(),
        screen=(1366, 768),
        cjk_font=True,
        store_problems=0,
        last_recorded=NOW - timedelta(days=1),
        newest_package=None,
        platform="linux",
    )
    return dataclasses.replace(healthy, **changes)  # type: ignore[arg-type]


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lab screen with Chinese fonts, whatever this machine has."""
    monkeypatch.setattr(check_cli, "_display_facts", lambda: ((1366, 768), True))


def fake(monkeypatch: pytest.MonkeyPatch, made: LabFacts) -> None:
    monkeypatch.setattr(labcheck, "gather_facts", lambda ctx, screen=None, cjk_font=None: made)


def test_every_line_is_printed_and_a_healthy_pc_exits_0(
    tmp_path: Path, display: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake(monkeypatch, facts(tmp_path))
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(Check) + 1
    assert lines[0].startswith("PASS  Data kept through a restart  The data folder ")
    assert lines[5] == "PASS  Chinese font                 A font that can show Chinese text is installed."
    assert lines[-1] == "Nothing failed."


def test_a_failing_line_exits_1_and_says_why(
    tmp_path: Path, display: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake(monkeypatch, facts(tmp_path, remote_tools=("AnyDesk",), other_sessions=("lab (tty2)",)))
    assert main(["--data-dir", str(tmp_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  Remote access" in out and "Remote-desktop software is running (AnyDesk)" in out
    assert out.endswith("1 failed, 0 to look at: a sitting stays locked until the failures are fixed.\n")


def test_json_gives_each_line_with_its_code_and_facts(
    tmp_path: Path, display: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake(monkeypatch, facts(tmp_path, screen=(1024, 600)))
    assert main(["--data-dir", str(tmp_path), "check", "--json"]) == 1
    lines = json.loads(capsys.readouterr().out)
    screen = next(line for line in lines if line["check"] == "screen")
    assert screen == {
        "check": "screen",
        "verdict": "fail",
        "code": "lab_check.screen_small",
        "width": "1024",
        "height": "600",
        "min_width": "1280",
        "min_height": "720",
    }


def test_the_real_facts_of_a_new_data_folder_make_a_line_each(
    tmp_path: Path, display: None, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data-dir", str(tmp_path / "data"), "check"])
    lines = capsys.readouterr().out.splitlines()
    assert [line[:4] in ("PASS", "WARN", "FAIL", "----") for line in lines[:-1]] == [True] * len(Check)
    assert "Screen size" in lines[4] and "1366×768" in lines[4]


def test_an_invigilator_lets_a_sitting_open_anyway(
    tmp_path: Path, display: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    ctx = open_context(folder, hash_cost=HashCost.TEST)
    init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
    awarding = generate_identity(KeyKind.AWARDING, "awarding-body")
    _, public = write_identity(awarding, tmp_path / "keys")
    trust_key(ctx, public)
    package = tmp_path / "maintenance-2.1xbank"
    package.write_bytes(make_package(make_bank(), awarding))
    install_package(ctx, package)
    create_invigilator(ctx, "Ms Mulenga", PIN)
    sitting = schedule_sitting(ctx, "Maintenance II theory", "maintenance-2", date(2026, 3, 2))
    ctx.close()

    fake(monkeypatch, facts(folder, volume=Volume("/tmp", "tmpfs", "tmpfs")))
    monkeypatch.setenv("KIOSK_TEST_PIN", PIN)
    argv = [
        "--data-dir",
        str(folder),
        "check",
        "--allow-sitting",
        str(sitting.id),
        "--pin-env",
        "KIOSK_TEST_PIN",
    ]
    assert main([*argv, "--reason", "power cut spare PC"]) == 0
    out = capsys.readouterr().out
    assert "FAIL  Data kept through a restart" in out
    assert out.endswith(f"Sitting {sitting.id} may now be opened; the override is recorded as an incident.\n")
    ctx = open_context(folder, hash_cost=HashCost.TEST)
    try:
        with ctx.store.session() as session:
            [incident] = audit.incidents(session, sitting_id=sitting.id)
        assert labcheck.lab_check_overridden(ctx, sitting.id)
    finally:
        ctx.close()
    assert incident.recorded_by == "Ms Mulenga" and "power cut spare PC" in incident.description
    # Without a terminal and without --pin-env there is no way to ask for the PIN: one sentence.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--data-dir", str(folder), "check", "--allow-sitting", str(sitting.id)]) == 1
    assert "An invigilator PIN is needed" in capsys.readouterr().err


def test_the_blocked_unlock_hint_names_the_verb_to_run() -> None:
    from kiosk.cli.hints import with_hint
    from kiosk.domain.errors import RuleError

    said = with_hint(RuleError("lab_check.blocks_unlock", sitting=4, count=2))
    assert said.endswith(
        "run 'kiosk check' to see each line, and 'kiosk check --allow-sitting 4' to let it open anyway."
    )
