"""How the CLI tells a mistake: the error's English sentence, then what to run next; one line, exit code 1."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.hints import HINTS, with_hint
from kiosk.domain.errors import InputError
from kiosk.messages import sentence


@pytest.fixture
def kiosk_dir(tmp_path: Path) -> Path:
    data = tmp_path / "kiosk"
    assert main(["--data-dir", str(data), "init", "--centre", "Test Centre", "--kiosk", "Lab PC 1"]) == 0
    return data


def test_an_error_is_its_sentence_with_the_cli_hint(
    kiosk_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(kiosk_dir), "invigilator", "reset-pin", "Nobody"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "kiosk: There is no invigilator named 'Nobody'; check the spelling; 'kiosk invigilator list' shows "
        "them.\n"
    )


def test_a_missing_environment_variable_names_the_option(
    kiosk_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_SUCH_PIN_VARIABLE", raising=False)
    capsys.readouterr()
    assert (
        main(["--data-dir", str(kiosk_dir), "invigilator", "add", "Bo", "--pin-env", "NO_SUCH_PIN_VARIABLE"])
        == 1
    )
    assert capsys.readouterr().err == (
        "kiosk: The environment variable NO_SUCH_PIN_VARIABLE named by --pin-env is not set.\n"
    )


def test_the_hint_follows_the_sentence_after_a_semicolon() -> None:
    error = InputError("invigilator.unknown", name="Bo")
    assert sentence(error) == "There is no invigilator named 'Bo'; check the spelling."
    assert with_hint(error) == (
        "There is no invigilator named 'Bo'; check the spelling; 'kiosk invigilator list' shows them."
    )


def test_an_error_without_a_hint_is_its_sentence_alone() -> None:
    error = InputError("invigilator.name_empty")
    assert "invigilator.name_empty" not in HINTS
    assert with_hint(error) == sentence(error)


def test_every_area_hints_module_is_gathered() -> None:
    hints_dir = Path(__file__).resolve().parents[2] / "kiosk" / "cli" / "hints"
    for module in sorted(hints_dir.glob("*.py")):
        if module.stem == "__init__":
            continue
        area = import_module(f"kiosk.cli.hints.{module.stem}")
        for code, hint in area.HINTS.items():
            assert HINTS[code] == hint
