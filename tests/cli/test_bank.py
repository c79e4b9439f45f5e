"""The awarding body's verbs end to end: keys, validate, build, inspect, verify — and their refusals."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from kiosk.cli import main

CODE = "K7QF-M2XD-9PHA"


@pytest.fixture
def keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "keys"
    assert main(["keys", "new", "awarding", "board", "--out", str(folder)]) == 0
    capsys.readouterr()
    return folder


SAMPLES = Path(__file__).resolve().parents[2] / "question_banks"


def _build(bank_dir: Path, keys: Path, output: Path, *more: str) -> int:
    return main(
        [
            *("bank", "build", str(bank_dir), "-o", str(output)),
            *("--signing-key", str(keys / "board.key"), "--release-code", CODE),
            *more,
        ]
    )


def test_keys_new_writes_a_private_file_only_the_owner_reads(keys: Path) -> None:
    mode = stat.S_IMODE((keys / "board.key").stat().st_mode)
    assert mode == 0o600
    assert (keys / "board.pub").is_file()


def test_validate_reports_valid_and_problems(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "validate", str(bank_dir)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith(f"{bank_dir}: valid")
    items = bank_dir / "items" / "all.yaml"
    items.write_text(items.read_text().replace("answer: A\n  rationale: LFP", "answer: Z\n  rationale: LFP"))
    assert main(["bank", "validate", str(bank_dir)]) == 1
    out = capsys.readouterr().out
    assert "all.yaml:11: item T-001: the answer must be one option id of A, B, C" in out
    assert "1 problem(s)" in out


def test_build_inspect_verify(
    bank_dir: Path, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "m1.1xbank"
    assert _build(bank_dir, keys, package) == 0
    assert "maintenance-1 version 3, 10 items" in capsys.readouterr().out
    assert main(["bank", "inspect", str(package)]) == 0
    out = capsys.readouterr().out
    assert "Bank:          maintenance-1" in out and "Grade:         I" in out
    # Anyone can write a header: without a trusted key, inspect says its signer is not vouched for.
    assert "Signature:     NOT VERIFIED" in out
    assert main(["bank", "inspect", str(package), "--trusted", str(keys / "board.pub")]) == 0
    assert f"Signature:     verified against {keys / 'board.pub'}" in capsys.readouterr().out
    assert main(["bank", "verify", str(package), "--trusted", str(keys / "board.pub")]) == 0
    assert "signature valid" in capsys.readouterr().out
    other = tmp_path / "other"
    assert main(["keys", "new", "awarding", "other", "--out", str(other)]) == 0
    capsys.readouterr()
    assert main(["bank", "inspect", str(package), "--trusted", str(other / "other.pub")]) == 1
    refused = capsys.readouterr()
    assert "Signature:" not in refused.out and refused.err.startswith("kiosk: ")


def test_verify_refuses_a_tampered_package_in_one_sentence(
    bank_dir: Path, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "m1.1xbank"
    _build(bank_dir, keys, package)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x40
    package.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["bank", "verify", str(package), "--trusted", str(keys / "board.pub")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: ") and err.count("\n") == 1 and "Traceback" not in err


def test_verify_refuses_an_unknown_signer(
    bank_dir: Path, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "m1.1xbank"
    _build(bank_dir, keys, package)
    assert main(["keys", "new", "awarding", "other", "--out", str(keys)]) == 0
    capsys.readouterr()
    assert main(["bank", "verify", str(package), "--trusted", str(keys / "other.pub")]) == 1
    assert "unknown" in capsys.readouterr().err


def test_build_refuses_a_bad_source_and_writes_nothing(
    bank_dir: Path, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bank_dir / "bank.yaml").write_text("certificate: welding\n", encoding="utf-8")
    package = tmp_path / "bad.1xbank"
    assert _build(bank_dir, keys, package) == 1
    assert "problem(s)" in capsys.readouterr().err
    assert not package.exists()


def test_a_strict_build_refuses_a_bank_with_item_writing_warnings(
    bank_dir: Path, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "m1.1xbank"
    assert _build(bank_dir, keys, package, "--strict") == 1
    captured = capsys.readouterr()
    assert "warning: the key is 8 characters long" in captured.out
    assert captured.err == (
        f"kiosk: {bank_dir} has 9 item-writing warning(s), and --strict builds only a bank with none; "
        "nothing was built.\n"
    )
    assert not package.exists()


def test_a_sample_bank_builds_strictly(
    keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "r2.1xbank"
    assert _build(SAMPLES / "recycling-2", keys, package, "--strict") == 0
    assert "recycling-2 version 2" in capsys.readouterr().out


def test_inspect_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "inspect", str(tmp_path / "none.1xbank")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_keys_new_refuses_to_overwrite(keys: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "new", "awarding", "board", "--out", str(keys)]) == 1
    assert capsys.readouterr().err.startswith("kiosk: ")


def test_validate_prints_warnings_and_strict_counts_them(
    bank_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bank", "validate", str(bank_dir)]) == 0
    out = capsys.readouterr().out
    assert (
        f"all.yaml:{_answer_line(bank_dir, 'T-008')}: item T-008: warning: the key is 8 characters long"
        in out
    )
    assert out.strip().splitlines()[-1] == f"{bank_dir}: valid, 9 warning(s)"
    assert main(["bank", "validate", "--strict", str(bank_dir)]) == 1
    assert capsys.readouterr().out.strip().endswith("9 warning(s), which --strict counts as problems")


def _answer_line(bank_dir: Path, item_id: str) -> int:
    lines = (bank_dir / "items" / "all.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"- id: {item_id}")
    return next(n for n, line in enumerate(lines[start:], start + 1) if line.startswith("  answer:"))


def test_lint_prints_one_row_of_figures_per_bank(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "lint", "--draws", "50", str(bank_dir)]) == 0
    table = capsys.readouterr().out.strip().splitlines()
    assert table[0].startswith("| bank | items | scenario items | key longest (single) | true/false true |")
    assert "expected mark over 50 forms" in table[0]
    assert len(table) == 3 and table[1].startswith("| --- |")
    assert table[2].startswith("| maintenance-1 | 10 | 10 % (1) | 67 % (2/3) | 100 % (2/2) | A 100 % | 0 |")
    assert table[2].endswith("| 9 |")


def test_forms_reports_spread_and_overlap(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "forms", "--draws", "100", str(bank_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{bank_dir}: 100 forms of 5 items from a pool of 10; expected mark ")
    assert "two forms share" in out and "the most drawn item is on" in out


def test_release_code_prints_a_strong_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "release-code"]) == 0
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}", code)


def test_build_refuses_a_weak_release_code_and_says_how_to_get_one(
    bank_dir: Path, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "weak.1xbank"
    args = ["bank", "build", str(bank_dir), "-o", str(package), "--signing-key", str(keys / "board.key")]
    assert main([*args, "--release-code", "a"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: The release code is too easy to guess")
    assert err.strip().endswith("run 'kiosk bank release-code' for a strong one.")
    assert not package.exists()


def test_build_refuses_a_key_that_is_not_the_awarding_bodys(
    bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "new", "kiosk", "lab-pc", "--out", str(tmp_path / "keys")]) == 0
    package = tmp_path / "bank.1xbank"
    signing = ["--signing-key", str(tmp_path / "keys" / "lab-pc.key"), "--release-code", CODE]
    assert main(["bank", "build", str(bank_dir), "-o", str(package), *signing]) == 1
    assert "only an awarding-body key may sign a bank package" in capsys.readouterr().err
    assert not package.exists()
