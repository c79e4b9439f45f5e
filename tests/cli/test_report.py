"""``kiosk report ...`` end to end: slips with a progress bar, certificates, analyses, the offline slip check
(valid, altered, unknown signer) and the centre's pack and sitting report."""

from __future__ import annotations

import base64
import io
import re
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.cli import main
from kiosk.domain.forms import Form
from kiosk.domain.items import Bank
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.result_rules import ResultRules
from kiosk.formats.secrets import HashCost, hash_secret
from kiosk.registry.services.reporting import SlipRecord, sign_slip
from kiosk.registry.storage import repo
from kiosk.station.services import roster as station_roster
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import open_context
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import schedule_sitting
from tests.fixtures.kiosk import make_bank, make_package
from tests.fixtures.registry import World, database_url_fixture, world_fixture
from tests.fixtures.reporting import bank_fixture, import_attempts, scored_attempt

__all__ = ["bank_fixture", "database_url_fixture", "world_fixture"]

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def registry(world: World, bank: Bank) -> World:
    import_attempts(
        world,
        "K1",
        [
            scored_attempt(bank, "A-K1-1", "C001", ("T-001", "T-003", "T-004"), name_zh="张伟"),
            scored_attempt(bank, "A-K1-2", "C002", ("T-001",)),
        ],
    )
    return world


def _registry_args(world: World) -> list[str]:
    return ["--registry-dir", str(world.root / "registry"), "--db", world.url]


def test_slips_certificates_and_analyses(
    registry: World, bank_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    out = tmp_path / "out"
    args = _registry_args(registry)
    assert main(["report", "slips", *args, "--banks", str(bank_dir), "--out", str(out / "slips")]) == 0
    captured = capsys.readouterr()
    assert f"Wrote 2 result slip(s) to {out / 'slips'}." in captured.out
    assert "2/2" in captured.err and "[" in captured.err  # the progress bar
    assert sorted(path.name for path in (out / "slips").iterdir()) == [
        "C001_A-K1-1_slip.pdf",
        "C002_A-K1-2_slip.pdf",
    ]

    assert main(["report", "certificates", *args, "--out", str(out / "certs")]) == 0
    assert "Wrote 1 certificate(s)" in capsys.readouterr().out

    assert main(["report", "cohort", *args, "--banks", str(bank_dir), "--out", str(out / "cohort")]) == 0
    assert "cohort.pdf, pass_rates.csv, competence_by_centre.csv, cohort.xlsx" in capsys.readouterr().out
    assert main(["report", "items", *args, "--banks", str(bank_dir), "--out", str(out / "items")]) == 0
    assert (out / "items" / "items.xlsx").is_file()


def test_slips_refuse_a_missing_bank_in_one_sentence(
    registry: World, tmp_path: Path, capsys: Capture
) -> None:
    empty = tmp_path / "no-banks"
    empty.mkdir()
    code = main(
        ["report", "slips", *_registry_args(registry), "--banks", str(empty), "--out", str(tmp_path / "o")]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kiosk: The folder {empty} holds no bank source") and err.count("\n") == 1


def test_slips_wait_until_the_registry_holds_the_bank_and_has_rescored(
    registry: World, bank: Bank, bank_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    record = scored_attempt(bank, "A-K2-1", "C003", ("T-001", "T-003", "T-004"))
    record["result"]["rules"] = ResultRules.of_bank(bank, Form.from_dict(record["form"])).to_dict()
    import_attempts(registry, "K2", [record])
    at_registry = _registry_args(registry)
    args = ["report", "slips", *at_registry]

    # The registry holds no bank yet: a named result is refused in one sentence, a run over all prints none.
    assert main([*args, "--attempts", "A-K2-1", "--out", str(tmp_path / "new")]) == 1
    assert capsys.readouterr().err == (
        "kiosk: The result(s) of attempt(s) A-K2-1 cannot be printed now: each is not rescored yet, kept "
        "aside by rescoring, voided, or one of two results awaiting a decision; 'kiosk registry flags' says "
        "why for each.\n"
    )
    assert main([*args, "--out", str(tmp_path / "all")]) == 0
    out = capsys.readouterr().out
    assert "Wrote 0 result slip(s)" in out and "3 result(s) held back" in out
    assert main(["registry", "flags", *at_registry]) == 0
    out = capsys.readouterr().out
    assert "A-K2-1   pending   Attempt A-K2-1 is not rescored yet: the registry does not hold bank" in out
    assert out.rstrip().endswith("3 result(s) cannot be printed now.")

    # Kept by the registry and rescored, they print.
    assert main(["registry", "banks", "add", str(bank_dir), *at_registry]) == 0
    assert "Bank maintenance-1 version 3: added (digest " in capsys.readouterr().out
    assert main(["registry", "banks", "list", *at_registry]) == 0
    assert "maintenance-1  3        " in capsys.readouterr().out
    assert main(["registry", "rescore", *at_registry]) == 0
    assert "Rescored 3 result(s); 0 kept aside; 0 still waiting for their bank." in capsys.readouterr().out
    assert main(["registry", "flags", *at_registry]) == 0
    assert "Every result held can be printed." in capsys.readouterr().out
    assert main([*args, "--out", str(tmp_path / "all")]) == 0
    assert "Wrote 3 result slip(s)" in capsys.readouterr().out
    # The same bank again changes nothing.
    assert main(["registry", "banks", "add", str(bank_dir), *at_registry]) == 0
    assert "Bank maintenance-1 version 3: already held" in capsys.readouterr().out


def _check_code(path: Path) -> str:
    """The short check code printed under the verification instructions."""
    text = " ".join(PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text().split())
    found = re.search(
        r"[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}", text.split("any change makes it fail.")[1]
    )
    assert found is not None
    return found.group(0)


def _slip_code(world: World, path: Path) -> str:
    """The signed token in the slip's QR code, in groups of five as a person would type it."""
    with world.ctx.database.session() as session:
        kept = repo.find_slip_check(session, _check_code(path))
    assert kept is not None
    token = kept[1]
    return " ".join(token[start : start + 5] for start in range(0, len(token), 5))


def test_verify_slip_valid_altered_and_unknown(
    registry: World, bank_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    main(
        ["report", "slips", *_registry_args(registry), "--banks", str(bank_dir), "--out", str(tmp_path / "s")]
    )
    capsys.readouterr()
    slip = tmp_path / "s" / "C001_A-K1-1_slip.pdf"
    code = _slip_code(registry, slip)
    registry_dir = ["--registry-dir", str(registry.root / "registry")]

    # The short check code, typed as printed: checked against the registry's own records.
    assert main(["registry", "verify-slip", _check_code(slip), *_registry_args(registry)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Valid: this registry printed this check code, and the result still stands")
    assert "Name:             Candidate C001" in out and "Submission code:" in out
    wrong = "2222-3333-4444-5555"
    assert main(["report", "verify-slip", wrong, *_registry_args(registry)]) == 1
    assert capsys.readouterr().err.startswith(
        f"kiosk: No slip or certificate printed by this registry carries the check code {wrong}"
    )

    # Valid: typed with its spaces, checked against the registry folder's own public key; the verb is
    # offered both as "kiosk registry verify-slip" (printed on slips) and "kiosk report verify-slip".
    assert main(["registry", "verify-slip", *code.split(), *registry_dir]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Valid: this code was signed by the results registry")
    assert (
        "Candidate number: C001" in out and "Mark:             75%" in out and "Result:           pass" in out
    )

    # Altered: the mark changed inside the code.
    packed = base64.b32decode(code.replace(" ", "") + "=" * (-len(code.replace(" ", "")) % 8))
    forged = base64.b32encode(packed.replace(b'"percent":75.0', b'"percent":95.0')).decode().rstrip("=")
    assert main(["report", "verify-slip", forged, *registry_dir]) == 1
    assert capsys.readouterr().err == (
        "kiosk: This verification code does not match its signature: the record was altered.\n"
    )

    # Unknown signer: a code signed by some other registry key.
    stranger = generate_identity(KeyKind.REGISTRY, "elsewhere")
    other = sign_slip(stranger, SlipRecord("A-K1-1", "C001", "maintenance", 1, 99.0, True, "2025-03-14"))
    assert main(["report", "verify-slip", other, *registry_dir]) == 1
    assert f"signed by an unknown key {stranger.key_id}; it was not issued here" in capsys.readouterr().err

    # The same code checked against a key file given by hand.
    _, pub = write_identity(stranger, tmp_path / "stranger")
    assert main(["report", "verify-slip", other, "--trusted", str(pub)]) == 0
    assert "Mark:             99%" in capsys.readouterr().out
    assert main(["report", "verify-slip", code.replace(" ", ""), "--trusted", str(pub)]) == 1
    assert "unknown key" in capsys.readouterr().err


def test_verify_slip_without_any_registry_key(tmp_path: Path, capsys: Capture) -> None:
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "report",
            "verify-slip",
            "ABCDE",
            "--registry-dir",
            str(tmp_path / "r"),
        ]
    )
    assert code == 1
    assert "No registry public key was found" in capsys.readouterr().err


def test_pack_and_sitting_report_from_the_kiosk(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    ctx = open_context(data, hash_cost=HashCost.TEST)
    try:
        init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
        awarding = generate_identity(KeyKind.AWARDING, "board")
        _, pub = write_identity(awarding, tmp_path / "keys")
        trust_key(ctx, pub)
        package = tmp_path / "m2.1xbank"
        package.write_bytes(make_package(make_bank(), awarding))
        install_package(ctx, package)
        roster = tmp_path / "roster.csv"
        roster.write_text("Number,Name,Certificate,Grade\nC-1,Mwila Banda,maintenance,2\n", encoding="utf-8")
        import_roster(ctx, roster)
        sitting = schedule_sitting(ctx, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))
    finally:
        ctx.close()

    def slow_hash(secret: str, cost: HashCost = HashCost.STANDARD) -> str:
        time.sleep(1.2)  # past the bar's one-second wait, as a large sitting's codes take
        return hash_secret(secret, HashCost.TEST)

    monkeypatch.setattr(station_roster, "hash_secret", slow_hash)
    monkeypatch.setattr(station_roster, "hash_workers", lambda: 1)
    pack = tmp_path / "pack.pdf"
    assert (
        main(["--data-dir", str(data), "report", "pack", "--sitting", str(sitting.id), "--out", str(pack)])
        == 0
    )
    said = capsys.readouterr()
    assert "1 candidate(s) issued fresh access codes; any earlier pack's codes no longer work." in said.out
    assert said.err.splitlines()[-1] == f"[{'#' * 30}] 1/1 access codes made"
    assert "Mwila Banda" in PdfReader(io.BytesIO(pack.read_bytes())).pages[4].extract_text()

    report = tmp_path / "sitting.pdf"
    assert (
        main(
            ["--data-dir", str(data), "report", "sitting", "--sitting", str(sitting.id), "--out", str(report)]
        )
        == 0
    )
    assert "Mwila Banda" in PdfReader(io.BytesIO(report.read_bytes())).pages[0].extract_text()

    assert main(["--data-dir", str(data), "report", "sitting", "--sitting", "42", "--out", str(report)]) == 1
    assert "There is no sitting 42 on this kiosk" in capsys.readouterr().err
