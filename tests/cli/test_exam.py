"""The administrator's headless verbs: one clear sentence and a non-zero exit on every mistake."""

from __future__ import annotations

import io
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.common import ProgressBar
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost, hash_secret
from kiosk.station.services import roster as station_roster
from tests.fixtures.kiosk import make_bank, make_package

ROSTER = (
    "number,name,certificate,grade,extra time\n"
    "C-001,Mwila Banda,maintenance,2,\n"
    "C-002,Chanda Phiri,maintenance,2,25%\n"
)


def kiosk(data: Path, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def bank_verb(data: Path, *argv: str) -> int:
    return kiosk(data, "bank", *argv)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk-data"
    assert kiosk(folder, "init", "--centre", "CZVTC Lusaka", "--kiosk", "Lab 2 PC 14") == 0
    return folder


@pytest.fixture
def package(tmp_path: Path) -> tuple[Path, Path]:
    """A package of the test bank and the awarding body's public key file."""
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    _, public = write_identity(signer, tmp_path / "awarding")
    path = tmp_path / "usb" / "maintenance-2.1xbank"
    path.parent.mkdir()
    path.write_bytes(make_package(make_bank(), signer))
    return path, public


def test_init_reports_the_new_kiosk_and_refuses_a_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "kiosk-data"
    assert kiosk(data, "init", "--centre", "CZVTC Lusaka", "--kiosk", "Lab 2 PC 14") == 0
    assert "This PC is now kiosk " in capsys.readouterr().out
    assert kiosk(data, "init", "--centre", "Other", "--kiosk", "PC 1") == 1
    assert "kiosk: This PC is already set up as kiosk" in capsys.readouterr().err


def test_trusting_and_installing_a_bank(
    data: Path, package: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, public = package
    assert bank_verb(data, "list") == 0
    assert "No bank packages are installed" in capsys.readouterr().out
    assert kiosk(data, "trust", str(public)) == 0
    assert "Trusted awarding key 'awarding'" in capsys.readouterr().out
    assert bank_verb(data, "install", str(path)) == 0
    assert "Installed maintenance-2 version 1" in capsys.readouterr().out
    assert bank_verb(data, "list") == 0
    assert "maintenance-2    version 1" in capsys.readouterr().out


def test_the_roster_is_checked_imported_and_its_codes_written_privately(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER + "C-003,,maintenance,9,\n", encoding="utf-8")
    assert kiosk(data, "roster", "check", str(roster)) == 1
    out = capsys.readouterr().out
    assert "Row 4, name: it is empty" in out and "Row 4, grade: '9' is not a grade" in out
    assert kiosk(data, "roster", "import", str(roster)) == 1
    assert "has 2 problems and nothing was imported" in capsys.readouterr().err

    roster.write_text(ROSTER, encoding="utf-8")
    assert kiosk(data, "roster", "check", str(roster)) == 0
    codes = tmp_path / "codes.csv"
    assert kiosk(data, "roster", "import", str(roster), "--codes-out", str(codes)) == 0
    assert "Imported 2 candidates." in capsys.readouterr().out
    assert stat.S_IMODE(codes.stat().st_mode) == 0o600
    lines = codes.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "candidate number,name,access code" and lines[1].startswith("C-001,Mwila Banda,")
    assert kiosk(data, "roster", "import", str(roster), "--codes-out", str(codes)) == 1
    assert f"The file {codes} already exists" in capsys.readouterr().err

    assert kiosk(data, "roster", "reset-code", "c-002") == 0
    assert "New access code for C-002: " in capsys.readouterr().out
    assert kiosk(data, "roster", "extra-time", "C-001", "1.5") == 0
    assert kiosk(data, "roster", "list") == 0
    assert "C-001            Mwila Banda  (maintenance II)  extra time x1.5" in capsys.readouterr().out


def test_codes_are_printed_when_no_file_is_given(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert kiosk(data, "roster", "import", str(roster)) == 0
    out = capsys.readouterr().out
    assert "Access codes (shown only now" in out and "Chanda Phiri" in out


def test_a_long_roster_import_shows_a_bar_on_stderr_and_a_short_one_none(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "short.csv"
    short.write_text(ROSTER, encoding="utf-8")
    assert kiosk(data, "roster", "import", str(short)) == 0
    assert "access codes made" not in capsys.readouterr().err

    def slow_hash(secret: str, cost: HashCost = HashCost.STANDARD) -> str:
        time.sleep(0.03)
        return hash_secret(secret, HashCost.TEST)

    # 50 codes at 30 ms each take 1.5 s, hashed in this process so that the slow stand-in is used.
    monkeypatch.setattr(station_roster, "hash_secret", slow_hash)
    monkeypatch.setattr(station_roster, "hash_workers", lambda: 1)
    rows = "".join(f"L-{number:03d},Long Roster {number},maintenance,2,\n" for number in range(50))
    long = tmp_path / "long.csv"
    long.write_text(ROSTER.splitlines(keepends=True)[0] + rows, encoding="utf-8")
    codes = tmp_path / "codes.csv"
    assert kiosk(data, "roster", "import", str(long), "--codes-out", str(codes)) == 0
    captured = capsys.readouterr()
    assert "Imported 50 candidates." in captured.out
    bars = captured.err.splitlines()
    assert bars and all(line.startswith("[") and line.endswith(" access codes made") for line in bars)
    assert bars[-1] == f"[{'#' * 30}] 50/50 access codes made"
    assert len(bars) <= 11  # a line per tenth when stderr is not a terminal


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_redraws_in_place_on_a_terminal_and_waits_a_second_first() -> None:
    terminal = _Terminal()
    bar = ProgressBar(terminal, "access codes made", delay=0.0, width=10)
    for done in range(1, 5):
        bar(done, 4)
    assert (
        terminal.getvalue()
        == "".join(
            f"\r{bar:<100}"
            for bar in (
                "[##--------] 1/4 access codes made",
                "[#####-----] 2/4 access codes made",
                "[#######---] 3/4 access codes made",
                "[##########] 4/4 access codes made",
            )
        )
        + "\n"
    )
    quiet = _Terminal()
    waiting = ProgressBar(quiet, "access codes made", delay=1.0)
    waiting(1, 2)
    waiting(2, 2)
    assert quiet.getvalue() == ""


def test_invigilators_are_added_with_a_pin_shown_once(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kiosk(data, "invigilator", "add", "Ms Mulenga") == 0
    assert "Added invigilator 'Ms Mulenga'. PIN: " in capsys.readouterr().out
    monkeypatch.setenv("NEW_PIN", "864209")
    assert kiosk(data, "invigilator", "add", "Mr Zulu", "--pin-env", "NEW_PIN") == 0
    assert "PIN: 864209" in capsys.readouterr().out
    assert kiosk(data, "invigilator", "add", "Mr Phiri", "--pin-env", "UNSET_PIN_VARIABLE") == 1
    assert "UNSET_PIN_VARIABLE named by --pin-env is not set" in capsys.readouterr().err
    assert kiosk(data, "invigilator", "deactivate", "Mr Zulu") == 0
    assert kiosk(data, "invigilator", "reset-pin", "Ms Mulenga") == 0
    capsys.readouterr()
    assert kiosk(data, "invigilator", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["Mr Zulu  (deactivated)", "Ms Mulenga"]


def test_sittings_are_scheduled_and_listed(
    data: Path, package: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, public = package
    kiosk(data, "trust", str(public))
    bank_verb(data, "install", str(path))
    assert kiosk(data, "sitting", "schedule", "Theory", "--bank", "design-1", "--date", "2025-06-02") == 1
    assert "Bank design-1 is not installed on this kiosk" in capsys.readouterr().err
    assert (
        kiosk(data, "sitting", "schedule", "Theory", "--bank", "maintenance-2", "--date", "2025-06-02") == 0
    )
    assert "Scheduled sitting 1: 'Theory', maintenance-2, on 2025-06-02." in capsys.readouterr().out
    assert kiosk(data, "sitting", "list", "--date", "2025-06-03") == 0
    assert "No sittings are scheduled on 2025-06-03." in capsys.readouterr().out
    assert kiosk(data, "sitting", "list") == 0
    assert "2025-06-02  scheduled  maintenance-2  Theory" in capsys.readouterr().out


def test_a_badly_written_date_is_refused_by_the_parser(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        kiosk(data, "sitting", "list", "--date", "2/6/2025")
    assert exit_info.value.code == 2
    assert "'2/6/2025' is not a date; write it as YYYY-MM-DD." in capsys.readouterr().err


def test_store_check_and_backup(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk(data, "store", "check") == 0
    assert "The store and every answer journal are intact." in capsys.readouterr().out
    (tmp_path / "backups").mkdir()
    assert kiosk(data, "store", "backup", "--store-only", str(tmp_path / "backups")) == 0
    assert f"Backed the store up to {tmp_path / 'backups'}" in capsys.readouterr().out
    assert kiosk(data, "store", "backup", "--store-only", str(tmp_path / "nowhere" / "b.db")) == 1
    assert "does not exist; create it or choose another" in capsys.readouterr().err


def test_a_damaged_store_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "kiosk.db").write_bytes(b"\x13" * 4096)
    assert kiosk(folder, "store", "check") == 1
    assert "is damaged" in capsys.readouterr().err


def test_a_full_disk_keeps_the_roster_and_says_the_codes_were_not_saved(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fill_disk: Callable[[], None]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    codes = tmp_path / "out" / "codes.csv"
    codes.parent.mkdir()
    fill_disk()
    assert kiosk(data, "roster", "import", str(roster), "--codes-out", str(codes)) == 1
    said = capsys.readouterr().err
    assert "The candidates were imported but their access codes were not saved" in said
    assert f"The disk is full, so {codes} was not written" in said
    assert "kiosk roster reset-code" in said
    assert list(codes.parent.iterdir()) == []
