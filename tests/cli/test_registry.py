"""Result delivery from the command line: enrol, export, registry import with its table, receipts."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.common import ProgressBar
from kiosk.cli.registry import table
from kiosk.domain.clock import FakeClock
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost
from kiosk.registry.services.registry import open_registry
from kiosk.registry.services.reporting import held_results
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import open_context
from kiosk.station.services.exam import login
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from tests.fixtures.files import part_files
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT, make_bank, make_package


def kiosk_with_results(data_dir: Path, work: Path, candidates: int = 2) -> None:
    """A kiosk data folder where ``candidates`` candidates have sat and submitted a maintenance exam."""
    ctx = open_context(data_dir, clock=FakeClock(), hash_cost=HashCost.TEST)
    try:
        init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
        awarding = generate_identity(KeyKind.AWARDING, "awarding-body")
        _, public = write_identity(awarding, work / "awarding")
        trust_key(ctx, public)
        package = work / "bank.1xbank"
        package.write_bytes(make_package(make_bank(), awarding))
        install_package(ctx, package)
        create_invigilator(ctx, "Ms Mulenga", PIN)
        roster = work / "roster.csv"
        rows = "".join(f"C-{number:03d},Candidate {number},,maintenance,II,\n" for number in range(1, 4))
        roster.write_text("Candidate number,Name,Chinese name,Certificate,Grade,Extra time\n" + rows)
        codes = {issued.candidate_number: issued.access_code for issued in import_roster(ctx, roster).codes}
        info = schedule_sitting(ctx, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))
        sitting = open_sitting(ctx, info.id, PIN, RELEASE_CODE)
        for number in range(1, candidates + 1):
            session = login(ctx, sitting, f"C-{number:03d}", codes[f"C-{number:03d}"])
            session.start()
            for item_id in session.form.item_ids:
                session.record_answer(item_id, RIGHT[item_id])
            session.submit()
    finally:
        ctx.close()


def test_results_travel_from_kiosk_to_registry_and_a_receipt_comes_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, registry, usb = tmp_path / "kiosk", tmp_path / "registry", tmp_path / "usb"
    usb.mkdir()
    kiosk_with_results(data, tmp_path)
    kiosk = ["--data-dir", str(data)]
    at_registry = ["--registry-dir", str(registry)]

    assert main(["registry", "init", *at_registry]) == 0
    out = capsys.readouterr().out
    assert f"Give every kiosk the public key {registry / 'keys' / 'registry.pub'}" in out
    (data / "trust" / "registry.pub").write_bytes((registry / "keys" / "registry.pub").read_bytes())

    assert main([*kiosk, "enrol", "--out", str(usb), "--centre", "CZVTC Lusaka"]) == 0
    out = capsys.readouterr().out
    enrolment = next(usb.glob("*.1xenrol"))
    kiosk_id = enrolment.stem
    assert f"for kiosk {kiosk_id} ('Lab 2 PC 14' at CZVTC Lusaka)" in out
    key_id = out.split("Key id ")[1][:16]

    assert main(["registry", "enrol", str(enrolment), *at_registry]) == 0
    assert (
        f"Kiosk {kiosk_id} ('Lab 2 PC 14' at CZVTC Lusaka): enrolled; key id {key_id}."
        in capsys.readouterr().out
    )
    assert main(["registry", "kiosks", *at_registry]) == 0
    assert f"{kiosk_id}  {key_id}  CZVTC Lusaka  Lab 2 PC 14" in capsys.readouterr().out

    assert main([*kiosk, "export", "--to", str(usb)]) == 0
    bundle = usb / f"{kiosk_id}-000001.1xresult"
    assert f"Wrote bundle {kiosk_id}-000001 with 2 attempt(s) to {bundle} and read it back intact." in (
        capsys.readouterr().out
    )

    assert main(["registry", "import", str(usb), *at_registry]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split() == ["FILE", "OUTCOME", "BUNDLE", "NEW", "DETAIL"]
    assert lines[1].split()[:4] == [bundle.name, "imported", f"{kiosk_id}-000001", "2"]
    assert lines[-1] == "1 imported (2 new attempt(s)), 0 duplicate, 0 conflict, 0 refused."
    assert "[##############################] 1/1" in captured.err

    receipt = registry / "receipts" / f"{kiosk_id}-000001.1xreceipt"
    assert main([*kiosk, "receipt", "import", str(receipt)]) == 0
    assert "2 attempt(s) marked delivered, 0 already marked." in capsys.readouterr().out
    assert main([*kiosk, "export", "--to", str(usb)]) == 1
    assert "no finished attempts waiting to be exported" in capsys.readouterr().err

    assert main(["registry", "import", str(bundle), *at_registry]) == 0
    assert "0 imported (0 new attempt(s)), 1 duplicate" in capsys.readouterr().out


def test_a_refused_file_exits_1_with_its_reason_in_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = tmp_path / "registry"
    assert main(["registry", "init", "--registry-dir", str(registry)]) == 0
    bad = tmp_path / "junk.1xresult"
    bad.write_bytes(b"not a bundle")
    assert main(["registry", "import", str(bad), "--registry-dir", str(registry)]) == 1
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("junk.1xresult"))
    assert row.split()[:4] == ["junk.1xresult", "refused", "-", "-"]
    assert row.endswith("This file is not a result bundle (its opening marker is wrong).")
    assert "0 imported (0 new attempt(s)), 0 duplicate, 0 conflict, 1 refused." in out
    assert "copied to the registry's quarantine folder" in out
    assert len(list((registry / "quarantine").iterdir())) == 1


def test_registry_errors_are_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "import", str(tmp_path), "--registry-dir", str(tmp_path / "none")]) == 1
    assert capsys.readouterr().err == (
        f"kiosk: The folder {tmp_path / 'none'} is not a registry yet (it has no keys/*.key); run 'kiosk "
        "registry init' first, or give the registry's folder with --registry-dir.\n"
    )
    assert main(["registry", "init", "--registry-dir", str(tmp_path / "r")]) == 0
    capsys.readouterr()
    url = f"sqlite:///{tmp_path / 'missing' / 'registry.db'}"
    assert main(["registry", "kiosks", "--registry-dir", str(tmp_path / "r"), "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: The folder ") and "Traceback" not in err
    assert (
        main(["registry", "kiosks", "--registry-dir", str(tmp_path / "r"), "--passphrase-env", "NO_SUCH_VAR"])
        == 1
    )
    assert "NO_SUCH_VAR named by --passphrase-env is not set" in capsys.readouterr().err


def test_a_registry_made_on_a_full_disk_exits_1_and_leaves_no_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fill_disk: Callable[[], None]
) -> None:
    registry = tmp_path / "registry"
    fill_disk()
    assert main(["registry", "init", "--registry-dir", str(registry)]) == 1
    key = registry / "keys" / "registry.key"
    assert capsys.readouterr().err.startswith(f"kiosk: The disk is full, so {key} was not written; ")
    assert list((registry / "keys").iterdir()) == [] and part_files(registry / "keys") == []


def test_the_registry_folder_and_database_can_come_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_REGISTRY_DIR", str(tmp_path / "reg"))
    monkeypatch.setenv("KIOSK_REGISTRY_DB", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    assert main(["registry", "init"]) == 0
    assert main(["registry", "kiosks"]) == 0
    assert "No kiosk is enrolled yet." in capsys.readouterr().out
    assert (tmp_path / "elsewhere.db").is_file() and not (tmp_path / "reg" / "registry.db").exists()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_redraws_on_a_terminal() -> None:
    stream = FakeTerminal()
    bar = ProgressBar(stream, width=10)
    for done in range(1, 5):
        bar(done, 4, Path(f"b{done}.1xresult"))
    text = stream.getvalue()
    assert text.count("\r") == 4 and text.endswith("\n")
    assert "\r[#####-----] 2/4 b2.1xresult" in text


def test_the_progress_bar_prints_a_line_per_tenth_elsewhere() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, width=10)
    for done in range(1, 101):
        bar(done, 100, Path("b.1xresult"))
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11 and lines[-1] == "[##########] 100/100 b.1xresult"


def test_table_pads_all_but_the_last_column() -> None:
    assert table(("A", "BB", "C"), [("long", "x", "a sentence."), ("s", "yy", "")]) == [
        "A     BB  C",
        "long  x   a sentence.",
        "s     yy",
    ]


def test_banks_from_a_package_rescore_and_decisions_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, registry, usb = tmp_path / "kiosk", tmp_path / "registry", tmp_path / "usb"
    usb.mkdir()
    kiosk_with_results(data, tmp_path)
    kiosk = ["--data-dir", str(data)]
    at_registry = ["--registry-dir", str(registry)]
    assert main(["registry", "init", *at_registry]) == 0
    (data / "trust" / "registry.pub").write_bytes((registry / "keys" / "registry.pub").read_bytes())
    assert main([*kiosk, "enrol", "--out", str(usb), "--centre", "CZVTC Lusaka"]) == 0
    assert main(["registry", "enrol", str(next(usb.glob("*.1xenrol"))), *at_registry]) == 0
    assert main([*kiosk, "export", "--to", str(usb)]) == 0
    capsys.readouterr()

    # The registry holds no bank yet: the results are kept, not filed, and the note says what to do.
    assert main(["registry", "import", str(usb), *at_registry]) == 0
    out = capsys.readouterr().out
    assert "new attempts on bank maintenance-2 version 1: 2. The registry does not hold" in out
    assert "add it with 'kiosk registry banks add', then run 'kiosk registry rescore'." in out

    package = tmp_path / "bank.1xbank"
    awarding = tmp_path / "awarding" / "awarding-body.pub"
    assert main(["registry", "banks", "add", str(package), *at_registry]) == 1
    assert "give --trusted PUB" in capsys.readouterr().err
    add = ["registry", "banks", "add", str(package), "--trusted", str(awarding), *at_registry]
    assert main([*add, "--release-code", "WRONG-CODE-XXXX"]) == 1
    assert capsys.readouterr().err.startswith("kiosk: The release code is not correct")
    assert main([*add, "--release-code", RELEASE_CODE]) == 0
    out = capsys.readouterr().out
    assert "Bank maintenance-2 version 1: added (digest " in out and "'kiosk registry rescore'" in out
    assert main(["registry", "rescore", *at_registry]) == 0
    assert "Rescored 2 result(s); 0 kept aside; 0 still waiting for their bank." in capsys.readouterr().out

    opened = open_registry(registry)
    try:
        first, second = (held.attempt_id for held in held_results(opened))
    finally:
        opened.close()
    decide = ["registry", "decide", first, *at_registry]
    assert main([*decide, "--void", "--by", " ", "--why", "Seen copying."]) == 1
    assert capsys.readouterr().err == (
        "kiosk: Say who decides: a name of 1 to 200 characters; give it with --by.\n"
    )
    assert main([*decide, "--void", "--by", "Mrs Zulu", "--why", "Seen copying."]) == 0
    out = capsys.readouterr().out
    assert f"Attempt {first} voided by Mrs Zulu (Seen copying.)." in out
    assert f"  {first}: void: Attempt {first} was voided by Mrs Zulu (Seen copying.)." in out
    assert main(["registry", "flags", *at_registry]) == 0
    out = capsys.readouterr().out
    assert f"{first}  void" in out and second not in out
    assert out.rstrip().endswith("1 result(s) cannot be printed now.")
