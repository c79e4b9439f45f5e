"""``kiosk bank import`` and ``kiosk bank export`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.authoring.interchange.helpers import CORPUS, SAMPLE_BANKS


def test_import_prints_the_report_and_writes_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "maintenance-1"
    gift = CORPUS / "gift" / "energy-storage.gift"
    code = main(
        ["--data-dir", str(tmp_path / "data"), "bank", "import", "gift", str(gift), "-o", str(output)]
    )
    printed = capsys.readouterr().out.splitlines()
    assert code == 0
    assert printed[0].startswith("16 question(s) read: 9 converted exactly")
    assert len([line for line in printed if '": ' in line]) == 16
    assert printed[-1] == f"Fill in what is missing, then check it with: kiosk bank validate {output}"
    assert (output / "bank.yaml").read_text(encoding="utf-8").startswith("# Imported from GIFT: ")
    assert "# The duration, the pass mark and the draws are for the author to set." in (
        output / "bank.yaml"
    ).read_text(encoding="utf-8")


def test_import_refuses_a_folder_that_holds_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x").write_text("")
    aiken = CORPUS / "aiken" / "energy-storage.txt"
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "bank",
            "import",
            "aiken",
            str(aiken),
            "-o",
            str(tmp_path / "out"),
        ]
    )
    assert code == 1
    error = capsys.readouterr().err
    assert "already holds files" in error and "give a new folder with -o" in error


def test_export_writes_a_qti3_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "design-1.zip"
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "bank",
            "export",
            "qti3",
            str(SAMPLE_BANKS / "design-1"),
            "-o",
            str(target),
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith(
        f"Wrote {target}: design-1 version 2, 128 items as a QTI 3.0 package"
    )
    assert target.read_bytes()[:2] == b"PK"
