"""Result slips and certificates from the registry, the offline check of their verification code (valid,
altered, unknown signer, unreadable, or made for another purpose), and the results list as CSV or XLSX."""

from __future__ import annotations

import base64
import csv
import io
import re
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from kiosk.authoring.catalogue import load_catalogue
from kiosk.cli.hints import with_hint
from kiosk.domain.catalogue import BankCatalogue, catalogue_of
from kiosk.domain.errors import FileWriteError, InputError, SecurityError
from kiosk.domain.forms import Form
from kiosk.domain.items import Bank
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.records import sign_record
from kiosk.formats.result_rules import ResultRules
from kiosk.messages import sentence
from kiosk.registry.services.banks import keep_bank
from kiosk.registry.services.imports import import_bundles
from kiosk.registry.services.reporting import (
    FoundResults,
    ResultCount,
    ResultFilter,
    RulesMissingError,
    SlipRecord,
    WithheldError,
    find_results,
    held_results,
    issue_certificates,
    issue_slips,
    result_choices,
    sign_slip,
    slip_record,
    slip_rules,
    verify_check_code,
    verify_slip,
    write_results_list,
)
from kiosk.registry.services.standing import Standing, decide, standings
from kiosk.registry.storage import reads as registry_reads
from kiosk.registry.storage import repo
from kiosk.support.files import PRIVATE
from tests.fixtures.registry import World, database_url_fixture, world_fixture
from tests.fixtures.reporting import (
    ITEMS,
    bank_fixture,
    catalogue_fixture,
    import_attempts,
    scored_attempt,
)

__all__ = ["bank_fixture", "catalogue_fixture", "database_url_fixture", "world_fixture"]


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _check_code_in(text: str) -> str:
    """The short check code as printed after the instructions: four groups of four."""
    found = re.search(
        r"[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}", text.split("any change makes it fail.")[1]
    )
    assert found is not None
    return found.group(0)


def _code_in(held: World, text: str) -> str:
    """The signed token the slip's QR code carries: kept by the registry under the printed check code."""
    with held.ctx.database.session() as session:
        kept = repo.find_slip_check(session, _check_code_in(text))
    assert kept is not None
    return kept[1]


@pytest.fixture
def held(world: World, bank: Bank) -> World:
    """Two results: Chanda passes (3 of 4), Mutale fails the practical minimum (F1 right, P1 wrong).

    The registry holds their bank, so both were rescored on import and stand.
    """
    keep_bank(world.ctx, bank, "tests")
    import_attempts(
        world,
        "K1",
        [
            scored_attempt(bank, "A-K1-1", "C001", ("T-001", "T-003", "T-004"), name_zh="张伟"),
            scored_attempt(bank, "A-K1-2", "C002", ("T-001", "T-003")),
        ],
    )
    return world


def test_a_slip_per_attempt_with_a_code_that_verifies(
    held: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    seen: list[tuple[int, int, str]] = []
    written = issue_slips(
        held.ctx, catalogue, tmp_path / "slips", progress=lambda d, t, p: seen.append((d, t, p.name))
    )
    assert [path.name for path in written] == ["C001_A-K1-1_slip.pdf", "C002_A-K1-2_slip.pdf"]
    assert seen == [(1, 2, "C001_A-K1-1_slip.pdf"), (2, 2, "C002_A-K1-2_slip.pdf")]
    pages, passing = _text(written[0])
    assert pages == 1
    for expected in (
        "Candidate C001",
        "张伟",
        "PASS",
        "Overall mark 75%",
        "Pass mark 60%",
        "maintenance-1 v3",
        "practical 50% of 50% needed (met)",
        "Kitwe Campus",
        "14 Mar 2025",
    ):
        assert expected in passing, expected
    _, failing = _text(written[1])
    assert "NOT PASSED" in failing and "practical 0% of 50% needed (NOT MET)" in failing

    record = verify_slip(_code_in(held, passing), [held.ctx.identity.public])
    code = held_results(held.ctx, ["A-K1-1"])[0].submission_code
    assert code is not None and f"Submission code {code}" in passing
    assert record == SlipRecord(
        "A-K1-1", "C001", "maintenance", 1, 75.0, True, "2025-03-14", "Candidate C001  张伟", code
    )
    assert verify_slip(_code_in(held, failing), [held.ctx.identity.public]).passed is False
    # The short code typed from the paper is checked against the registry and gives the same record.
    assert len(_check_code_in(passing)) <= 20
    assert verify_check_code(held.ctx, _check_code_in(passing).lower().replace("-", " ")) == record
    # A slip names a candidate and their result: readable by its owner only.
    assert {mode_of(path) for path in written} == {PRIVATE}


@pytest.mark.parametrize("workers", [1, 2])
def test_slips_on_a_full_disk_stop_with_no_part_file(
    held: World,
    bank: Bank,
    catalogue: BankCatalogue,
    tmp_path: Path,
    fill_disk: Callable[[], None],
    workers: int,
) -> None:
    # Eight slips, so that two workers do render them in other processes.
    import_attempts(held, "K2", [scored_attempt(bank, f"A-K2-{n}", f"D{n:03d}", ITEMS[:n]) for n in range(6)])
    folder = tmp_path / "slips"
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        issue_slips(held.ctx, catalogue, folder, workers=workers)
    assert full.value.code == "file.disk_full"
    assert full.value.params == {"path": folder / "C001_A-K1-1_slip.pdf"}
    assert list(folder.iterdir()) == []


def test_a_stored_result_that_is_not_readable_names_its_attempt(
    held: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    with held.ctx.database.transaction() as session:
        session.execute(text("UPDATE attempts SET result_json = '[]' WHERE attempt_id = 'A-K1-2'"))
    with pytest.raises(InputError) as unreadable:
        issue_slips(held.ctx, catalogue, tmp_path / "slips")
    error = unreadable.value
    assert (error.code, error.params) == ("results.stored_result_unreadable", {"attempt": "A-K1-2"})
    assert sentence(error) == "The stored result of attempt A-K1-2 is not readable; re-import its bundle."
    assert not (tmp_path / "slips").exists()


def test_certificates_on_a_full_disk_stop_with_no_part_file(
    held: World, tmp_path: Path, fill_disk: Callable[[], None]
) -> None:
    folder = tmp_path / "certificates"
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        issue_certificates(held.ctx, folder)
    assert full.value.code == "file.disk_full"
    assert full.value.params == {"path": folder / "C001_A-K1-1_certificate.pdf"}
    assert list(folder.iterdir()) == []


def test_certificates_only_for_those_who_passed(held: World, tmp_path: Path) -> None:
    written, not_passed = issue_certificates(held.ctx, tmp_path / "certs")
    assert [path.name for path in written] == ["C001_A-K1-1_certificate.pdf"]
    assert not_passed == ["A-K1-2"]
    pages, text = _text(written[0])
    assert pages == 1
    assert "CERTIFICATE OF ACHIEVEMENT" in text and "Candidate C001" in text and "张伟" in text
    record = verify_slip(_code_in(held, text), [held.ctx.identity.public])
    assert (record.attempt_id, record.passed, record.percent) == ("A-K1-1", True, 75.0)
    assert "Submission code" in text
    assert verify_check_code(held.ctx, _check_code_in(text)) == record
    assert mode_of(written[0]) == PRIVATE


def test_a_typed_check_code_that_is_wrong_unknown_or_withdrawn_is_refused(
    held: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    [slip] = issue_slips(held.ctx, catalogue, tmp_path, ["A-K1-1"])
    code = _check_code_in(_text(slip)[1])
    with pytest.raises(InputError) as malformed:
        verify_check_code(held.ctx, code[:-1])
    assert malformed.value.code == "result_slip.check_code_malformed"
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")  # one character misread
    with pytest.raises(InputError) as unknown:
        verify_check_code(held.ctx, wrong)
    assert (unknown.value.code, unknown.value.params) == ("result_slip.check_code_unknown", {"code": wrong})
    decide(held.ctx, "A-K1-1", keep=False, by="Registrar", why="Sat with notes.")
    with pytest.raises(SecurityError) as withdrawn:
        verify_check_code(held.ctx, code)
    assert (withdrawn.value.code, withdrawn.value.params) == (
        "result_slip.check_code_withdrawn",
        {"code": code, "attempt": "A-K1-1"},
    )
    assert sentence(withdrawn.value).endswith("the paper no longer stands.")


def test_a_reprinted_slip_carries_the_same_check_code(
    held: World, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    [first] = issue_slips(held.ctx, catalogue, tmp_path / "one", ["A-K1-1"])
    [again] = issue_slips(held.ctx, catalogue, tmp_path / "two", ["A-K1-1"])
    assert _check_code_in(_text(first)[1]) == _check_code_in(_text(again)[1])


def test_only_the_attempts_named(held: World, catalogue: BankCatalogue, tmp_path: Path) -> None:
    written = issue_slips(held.ctx, catalogue, tmp_path, ["A-K1-2"])
    assert [path.name for path in written] == ["C002_A-K1-2_slip.pdf"]
    with pytest.raises(InputError) as missing:
        issue_slips(held.ctx, catalogue, tmp_path, ["A-K1-1", "A-K1-9", "A-X"])
    assert missing.value.code == "results.attempt_not_held_and_more"
    assert missing.value.params == {"attempt": "A-K1-9", "more": 1}
    assert sentence(missing.value).startswith("The registry holds no attempt A-K1-9 (nor 1 more); check")
    with pytest.raises(InputError) as missing:
        issue_slips(held.ctx, catalogue, tmp_path, ["A-X"])
    assert missing.value.code == "results.attempt_not_held" and missing.value.params["attempt"] == "A-X"


def test_slips_need_the_bank_version_the_attempt_was_sat_on(world: World, bank: Bank, tmp_path: Path) -> None:
    import_attempts(world, "K1", [scored_attempt(bank, "A-K1-1", "C001", ("T-001",))])
    other = catalogue_of([replace(bank, version=4)])
    # Given another version, nothing prints: the attempt waits to be rescored on its own version.
    assert issue_slips(world.ctx, other, tmp_path) == []
    with pytest.raises(WithheldError) as missing:
        issue_slips(world.ctx, other, tmp_path, ["A-K1-1"])
    assert (missing.value.code, missing.value.params) == (
        "results.withheld",
        {"attempts": "A-K1-1", "more": 0},
    )
    [stand] = missing.value.stands
    assert stand.standing is Standing.PENDING and stand.reason is not None
    assert stand.reason.params == {"attempt": "A-K1-1", "bank": "maintenance-1", "version": 3}
    assert with_hint(stand.reason) == (
        "Attempt A-K1-1 is not rescored yet: the registry does not hold bank maintenance-1 version 3; add it "
        "with 'kiosk registry banks add', then run 'kiosk registry rescore'."
    )
    assert not list(tmp_path.glob("*.pdf"))
    # Once the registry holds version 3, the slip prints.
    assert len(issue_slips(world.ctx, catalogue_of([bank]), tmp_path, ["A-K1-1"])) == 1


def _ruled(bank: Bank, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` as a kiosk exports it since results carry the rules they were judged by."""
    form = Form.from_dict(record["form"])
    record["result"]["rules"] = ResultRules.of_bank(bank, form).to_dict()
    return record


def test_slips_show_the_rules_stored_with_each_result_once_rescored_on_the_held_bank(
    world: World, bank: Bank, tmp_path: Path
) -> None:
    keep_bank(world.ctx, bank, "tests")
    ruled = _ruled(bank, scored_attempt(bank, "A-K1-1", "C001", ("T-001", "T-003", "T-004"), name_zh="张伟"))
    import_attempts(world, "K1", [ruled])
    written = issue_slips(world.ctx, None, tmp_path)
    assert [path.name for path in written] == ["C001_A-K1-1_slip.pdf"]
    _, text = _text(written[0])
    for expected in (
        "PASS",
        "Overall mark 75%",
        "Pass mark 60%",
        "practical 50% of 50% needed (met)",
    ):
        assert expected in text, expected
    (rules,) = slip_rules(held_results(world.ctx), None)
    assert rules == ResultRules.of_bank(bank, Form.from_dict(ruled["form"]))


def test_a_result_whose_stored_rules_are_not_the_banks_is_kept_aside(
    world: World, bank: Bank, tmp_path: Path
) -> None:
    # A pass mark unlike the bank's 60 would print on the slip: the rescoring refuses to file the result.
    keep_bank(world.ctx, bank, "tests")
    ruled = _ruled(bank, scored_attempt(bank, "A-K1-1", "C001", ("T-001", "T-003", "T-004"), name_zh="张伟"))
    ruled["result"]["rules"]["pass_mark"] = 70.0
    ruled["result"]["rules"]["competences"][0]["title_zh"] = "基础知识"
    kiosk = world.kiosk("K1")
    [outcome] = import_bundles(world.ctx, [world.bundle(kiosk, [ruled])]).outcomes
    assert outcome.flagged == ("A-K1-1",)
    [flag] = outcome.notes
    assert flag.code == "registry_rescore.part_differs"
    assert (flag.params["field"], flag.params["kiosk"], flag.params["registry"]) == (
        "result.rules",
        "70",
        "60",
    )
    assert issue_slips(world.ctx, None, tmp_path) == []
    # What the kiosk stored is kept, for a person to check.
    (rules,) = slip_rules(held_results(world.ctx), None)
    assert [(line.id, line.title.zh) for line in rules.competences] == [("F1", "基础知识"), ("P1", None)]


def test_slips_of_results_waiting_for_their_bank_print_once_it_is_given(
    world: World, bank: Bank, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    old = [scored_attempt(bank, f"A-K1-{n}", f"C{n:03d}", ("T-001",)) for n in range(1, 6)]
    import_attempts(world, "K1", [_ruled(bank, scored_attempt(bank, "A-K1-0", "C000", ITEMS)), *old])
    # Not rescored yet: asked for all, none prints; asked for some, each is named.
    assert issue_slips(world.ctx, None, tmp_path) == []
    with pytest.raises(WithheldError) as withheld:
        issue_slips(world.ctx, None, tmp_path, ["A-K1-0", "A-K1-1", "A-K1-2", "A-K1-3"])
    assert withheld.value.code == "results.withheld_and_more"
    assert withheld.value.params == {"attempts": "A-K1-0, A-K1-1, A-K1-2", "more": 1}
    assert with_hint(withheld.value) == (
        "The result(s) of attempt(s) A-K1-0, A-K1-1, A-K1-2 and 1 more cannot be printed now: each is not "
        "rescored yet, kept aside by rescoring, voided, or one of two results awaiting a decision; "
        "'kiosk registry flags' says why for each."
    )
    assert {stand.standing for stand in withheld.value.stands} == {Standing.PENDING}
    assert not list(tmp_path.glob("*.pdf"))
    # Results of bundles made before results carried their rules need the bank for their slips' rules.
    with pytest.raises(InputError) as raised:
        slip_rules(held_results(world.ctx), None)
    assert raised.value.code == "results.rules_missing_and_more"
    assert raised.value.params == {"attempts": "A-K1-1, A-K1-2, A-K1-3", "more": 2}
    assert with_hint(raised.value) == (
        "The results of attempt(s) A-K1-1, A-K1-2, A-K1-3 and 2 more were exported before bundles carried "
        "their pass rules, so their slips need the bank source folders they were sat on; give them with "
        "--banks."
    )
    # The console asks for the bank folders on this error alone, and can say how many results lack rules.
    assert isinstance(raised.value, RulesMissingError)
    assert raised.value.attempt_ids == ("A-K1-1", "A-K1-2", "A-K1-3", "A-K1-4", "A-K1-5")
    with pytest.raises(RulesMissingError) as raised:
        slip_rules(held_results(world.ctx, ["A-K1-0", "A-K1-2"]), None)
    assert raised.value.code == "results.rules_missing"
    assert raised.value.params == {"attempts": "A-K1-2", "more": 0}
    # Given the bank sources, the registry keeps the bank, rescores the results and prints them all.
    assert len(issue_slips(world.ctx, catalogue, tmp_path / "all")) == 6
    assert len(issue_slips(world.ctx, None, tmp_path, ["A-K1-0"])) == 1


def test_slips_in_two_processes_match_one(
    held: World, bank: Bank, catalogue: BankCatalogue, tmp_path: Path
) -> None:
    import_attempts(
        held, "K2", [scored_attempt(bank, f"A-K2-{n}", f"D{n:03d}", ITEMS[: n % 4]) for n in range(6)]
    )
    one = issue_slips(held.ctx, catalogue, tmp_path / "one", workers=1)
    two = issue_slips(held.ctx, catalogue, tmp_path / "two", workers=2)
    assert [path.name for path in one] == [path.name for path in two]
    assert len(two) == 8
    for first, second in zip(one, two, strict=True):
        assert _text(first)[1] == _text(second)[1]


def _record(held: World) -> tuple[str, SlipRecord]:
    record = SlipRecord("A-K1-1", "C001", "maintenance", 1, 75.0, True, "2025-03-14")
    return sign_slip(held.ctx.identity, record), record


def test_an_altered_mark_fails_as_altered(held: World) -> None:
    code, _ = _record(held)
    packed = base64.b32decode(code + "=" * (-len(code) % 8))
    assert b'"percent":75.0' in packed
    forged = base64.b32encode(packed.replace(b'"percent":75.0', b'"percent":95.0')).decode().rstrip("=")
    with pytest.raises(SecurityError) as refused:
        verify_slip(forged, [held.ctx.identity.public])
    assert refused.value.code == "record.altered"


def test_a_code_from_another_registry_fails_as_unknown_signer(held: World) -> None:
    code, _ = _record(held)
    stranger = generate_identity(KeyKind.REGISTRY, "elsewhere")
    with pytest.raises(SecurityError) as refused:
        verify_slip(code, [stranger.public])
    assert (refused.value.code, refused.value.params["key_id"]) == (
        "record.unknown_signer",
        held.ctx.identity.key_id,
    )
    forged = sign_slip(stranger, SlipRecord("A-K1-1", "C001", "maintenance", 1, 99.0, True, "2025-03-14"))
    with pytest.raises(SecurityError) as refused:
        verify_slip(forged, [held.ctx.identity.public])
    assert (refused.value.code, refused.value.params["key_id"]) == ("record.unknown_signer", stranger.key_id)


def test_an_unreadable_code_and_a_code_for_something_else(held: World) -> None:
    with pytest.raises(SecurityError) as refused:
        verify_slip("HELLO-1", [held.ctx.identity.public])
    assert refused.value.code == "record.unreadable"
    receipt = sign_record(held.ctx.identity, "receipt", {"bundle": "K1-000001"})
    with pytest.raises(SecurityError) as refused:
        verify_slip(receipt, [held.ctx.identity.public])
    assert refused.value.code == "record.wrong_purpose"
    assert refused.value.params == {"found": "receipt", "expected": "result-slip"}
    with pytest.raises(InputError) as no_key:
        verify_slip(receipt, [])
    assert no_key.value.code == "result_slip.no_trusted_key"
    assert with_hint(no_key.value) == (
        "No registry public key was given to check the code against; give --trusted FILE."
    )


def test_spaces_and_lower_case_in_a_typed_code_do_not_matter(held: World) -> None:
    code, record = _record(held)
    typed = " ".join(code[i : i + 5] for i in range(0, len(code), 5)).lower()
    assert verify_slip(typed, [held.ctx.identity.public]) == record


def test_a_genuine_record_missing_a_field_is_reported(held: World) -> None:
    code = sign_record(held.ctx.identity, "result-slip", {"attempt": "A-1"})
    with pytest.raises(InputError) as refused:
        verify_slip(code, [held.ctx.identity.public])
    assert (refused.value.code, refused.value.params) == ("result_slip.field_missing", {"field": "candidate"})
    assert "genuine but its record has no 'candidate'" in sentence(refused.value)
    odd = sign_record(
        held.ctx.identity, "result-slip", {**slip_record(held_results(held.ctx)[0]).to_record(), "grade": "I"}
    )
    with pytest.raises(InputError) as refused:
        verify_slip(odd, [held.ctx.identity.public])
    assert refused.value.code == "result_slip.record_unreadable"


def test_slip_record_dates_fall_back_to_the_finish_day(held: World) -> None:
    result = held_results(held.ctx, ["A-K1-1"])[0]
    assert slip_record(result).date == "2025-03-14"
    assert slip_record(replace(result, sitting_date=None)).date == "2025-03-14"
    assert SlipRecord.from_record(slip_record(result).to_record()) == slip_record(result)
    assert ("Result", "pass") in slip_record(result).describe()


def test_catalogue_reads_bank_folders_and_refuses_empty_ones(bank_dir: Path, tmp_path: Path) -> None:
    assert list(load_catalogue([bank_dir]).banks) == [("maintenance-1", 3)]
    assert list(load_catalogue([bank_dir.parent]).banks) == [("maintenance-1", 3)]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError) as refused:
        load_catalogue([empty])
    assert refused.value.code == "source.no_banks" and refused.value.params["path"] == empty
    assert sentence(refused.value).startswith(f"The folder {empty} holds no bank source")
    with pytest.raises(InputError) as refused:
        load_catalogue([tmp_path / "nowhere"])
    assert refused.value.code == "source.folder_missing"
    assert refused.value.params == {"path": tmp_path / "nowhere"}
    assert "does not exist" in sentence(refused.value)


LIST_COLUMNS = ("Candidate", "Name", "Mark (%)", "Result")
LIST_ROWS = (("2025-0001", "Chanda Phiri 钱多多", 75.0, "pass"), ("2025-0002", "=Mutale", 37.5, "not passed"))


def test_the_results_list_as_csv(tmp_path: Path) -> None:
    target = write_results_list(tmp_path / "out" / "results.csv", LIST_COLUMNS, LIST_ROWS)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == [
        list(LIST_COLUMNS),
        ["2025-0001", "Chanda Phiri 钱多多", "75.0", "pass"],
        # A name that would start a formula is quoted, so the spreadsheet shows it as text.
        ["2025-0002", "'=Mutale", "37.5", "not passed"],
    ]
    assert mode_of(target) == PRIVATE


def test_the_results_list_as_xlsx_replaces_an_older_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "Results.XLSX"
    target.write_bytes(b"an older list")
    assert write_results_list(target, LIST_COLUMNS, LIST_ROWS) == target
    sheet = load_workbook(target)["results"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        list(LIST_COLUMNS),
        *map(list, LIST_ROWS),
    ]
    assert [path.name for path in tmp_path.iterdir()] == ["Results.XLSX"]
    assert mode_of(target) == PRIVATE


@pytest.mark.parametrize("name", ["results.csv", "results.xlsx"])
def test_a_results_list_on_a_full_disk_keeps_the_older_file_whole(
    tmp_path: Path, fill_disk: Callable[[], None], name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"an older list")
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        write_results_list(target, LIST_COLUMNS, LIST_ROWS)
    assert (full.value.code, full.value.params) == ("file.disk_full", {"path": target})
    assert sentence(full.value).startswith(
        f"The disk is full, so {target} was not written; nothing was changed."
    )
    assert target.read_bytes() == b"an older list"
    assert [path.name for path in tmp_path.iterdir()] == [name]


def test_the_results_list_only_as_csv_or_xlsx(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        write_results_list(tmp_path / "results.ods", LIST_COLUMNS, LIST_ROWS)
    assert (refused.value.code, refused.value.params) == (
        "results.list_wrong_suffix",
        {"name": "results.ods"},
    )
    assert sentence(refused.value).endswith(
        "cannot be saved as results.ods: give the file a name ending in .csv or .xlsx."
    )
    with pytest.raises(InputError) as refused:
        write_results_list(tmp_path / "results", LIST_COLUMNS, LIST_ROWS)
    assert (refused.value.code, refused.value.params) == ("results.list_wrong_suffix", {"name": "results"})
    assert list(tmp_path.iterdir()) == []


def test_a_results_list_that_cannot_be_written_says_where_and_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(FileWriteError) as refused:
        write_results_list(blocker / "results.xlsx", LIST_COLUMNS, LIST_ROWS)
    assert refused.value.code == "file.not_written"
    assert refused.value.params["path"] == blocker / "results.xlsx" and refused.value.params["reason"]
    said = sentence(refused.value)
    assert (
        said.startswith(f"{blocker / 'results.xlsx'} could not be written (")
        and "nothing was changed" in said
    )
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should be"


# -- the results list, filtered and paged in the database --------------------------------------------------


@pytest.fixture
def spread(world: World, bank: Bank) -> World:
    """Six results over two centres, two certificates, two grades, three sittings (one without a date)."""
    design = scored_attempt(bank, "A-K1-3", "C003", ITEMS)
    design["certificate"], design["grade"] = "design", 2
    undated = scored_attempt(bank, "A-K2-3", "C006", ("T-001",), centre_sitting="Resit")
    undated["sitting"]["date"] = None
    import_attempts(
        world,
        "K1",
        [
            scored_attempt(bank, "A-K1-1", "C001", ITEMS),
            scored_attempt(bank, "A-K1-2", "C002", ("T-001",)),
            design,
        ],
        centre="Kitwe Campus",
    )
    import_attempts(
        world,
        "K2",
        [
            scored_attempt(bank, "A-K2-1", "C004", ITEMS, centre_sitting="Afternoon theory"),
            scored_attempt(bank, "A-K2-2", "C005", (), centre_sitting="Afternoon theory"),
            undated,
        ],
        centre="Ndola Centre",
    )
    return world


def _numbers(chosen: ResultFilter, world: World) -> list[str]:
    return [row.candidate_number for row in find_results(world.ctx, chosen, limit=None).rows]


def test_the_results_list_is_filtered_and_counted_in_the_database(spread: World) -> None:
    everything = find_results(spread.ctx, ResultFilter())
    # In list order: certificate, grade, centre, candidate number.
    assert [row.candidate_number for row in everything.rows] == [
        "C003",
        "C001",
        "C002",
        "C004",
        "C005",
        "C006",
    ]
    assert (everything.total, everything.passed) == (6, 3)
    first = everything.rows[1]
    assert (first.attempt_id, first.centre, first.sitting_name, first.sitting_date) == (
        "A-K1-1",
        "Kitwe Campus",
        "Morning theory",
        "2025-03-14",
    )
    assert (first.percent, first.passed, first.bank_id) == (100.0, True, "maintenance-1")

    assert _numbers(ResultFilter(certificate="design"), spread) == ["C003"]
    assert _numbers(ResultFilter(grade=1), spread) == ["C001", "C002", "C004", "C005", "C006"]
    assert _numbers(ResultFilter(centre="Ndola Centre"), spread) == ["C004", "C005", "C006"]
    assert _numbers(ResultFilter(passed=False), spread) == ["C002", "C005", "C006"]
    assert _numbers(ResultFilter(centre="Kitwe Campus", passed=True, grade=1), spread) == ["C001"]
    sitting = ("Ndola Centre", "Afternoon theory", "2025-03-14")
    assert _numbers(ResultFilter(sitting=sitting), spread) == ["C004", "C005"]
    # A sitting without a date is chosen by an empty date.
    assert _numbers(ResultFilter(sitting=("Ndola Centre", "Resit", "")), spread) == ["C006"]
    # A sitting is its centre's: the same name and date at another centre is another sitting.
    assert _numbers(ResultFilter(sitting=("Kitwe Campus", "Afternoon theory", "2025-03-14")), spread) == []

    chosen = find_results(spread.ctx, ResultFilter(centre="Ndola Centre", passed=False))
    assert (chosen.total, chosen.passed) == (2, 0)
    none = find_results(spread.ctx, ResultFilter(certificate="recycling"))
    assert (none.rows, none.total, none.passed) == ([], 0, 0)


def _page(found: FoundResults) -> tuple[list[str], int, int, int]:
    """A page as (candidate numbers, results before it, total, passed)."""
    return [row.candidate_number for row in found.rows], found.start, found.total, found.passed


def test_the_results_list_comes_in_pages_read_by_key_from_either_end(spread: World) -> None:
    chosen = ResultFilter(grade=1)
    first = find_results(spread.ctx, chosen, limit=2)
    assert _page(first) == (["C001", "C002"], 0, 5, 2)
    second = find_results(spread.ctx, chosen, limit=2, after=first.rows[-1].key)
    assert _page(second) == (["C004", "C005"], 2, 5, 2)
    third = find_results(spread.ctx, chosen, limit=2, after=second.rows[-1].key)
    assert _page(third) == (["C006"], 4, 5, 2)
    # Nothing after the last row any more: the last page again.
    assert _page(find_results(spread.ctx, chosen, limit=2, after=third.rows[-1].key)) == (["C006"], 4, 5, 2)

    # The last page holds what whole pages from the start leave over, so the one before it is whole.
    last = find_results(spread.ctx, chosen, limit=2, last=True)
    assert _page(last) == (["C006"], 4, 5, 2)
    back = find_results(spread.ctx, chosen, limit=2, before=last.rows[0].key)
    assert _page(back) == (["C004", "C005"], 2, 5, 2)
    assert _page(find_results(spread.ctx, chosen, limit=2, before=back.rows[0].key)) == (
        ["C001", "C002"],
        0,
        5,
        2,
    )
    # A page that starts mid-way counts the rows before it; fewer than a page before: the first page.
    assert _page(find_results(spread.ctx, chosen, limit=2, before=second.rows[-1].key)) == (
        ["C002", "C004"],
        1,
        5,
        2,
    )
    assert _page(find_results(spread.ctx, chosen, limit=2, before=first.rows[-1].key)) == (
        ["C001", "C002"],
        0,
        5,
        2,
    )
    assert _page(find_results(spread.ctx, chosen, limit=5, last=True))[:2] == (
        ["C001", "C002", "C004", "C005", "C006"],
        0,
    )
    assert _page(find_results(spread.ctx, ResultFilter(certificate="recycling"), limit=2, last=True)) == (
        [],
        0,
        0,
        0,
    )


def test_pages_of_a_narrow_filter_follow_the_same_order(spread: World) -> None:
    # Certificate, grade and centre chosen: the first columns of the list's order are fixed.
    ndola = ResultFilter(certificate="maintenance", grade=1, centre="Ndola Centre")
    first = find_results(spread.ctx, ndola, limit=2)
    assert _page(first) == (["C004", "C005"], 0, 3, 1)
    following = find_results(spread.ctx, ndola, limit=2, after=first.rows[-1].key)
    assert _page(following) == (["C006"], 2, 3, 1)
    assert _page(find_results(spread.ctx, ndola, limit=2, before=following.rows[0].key)) == (
        ["C004", "C005"],
        0,
        3,
        1,
    )
    # A sitting fixes its centre; a centre alone fixes nothing at the front of the order.
    sitting = ResultFilter(sitting=("Ndola Centre", "Afternoon theory", "2025-03-14"))
    last = find_results(spread.ctx, sitting, limit=1, last=True)
    assert _page(last) == (["C005"], 1, 2, 1)
    assert _page(find_results(spread.ctx, sitting, limit=1, before=last.rows[0].key)) == (["C004"], 0, 2, 1)
    failed = ResultFilter(centre="Ndola Centre", passed=False)
    assert _page(find_results(spread.ctx, failed, limit=1, last=True)) == (["C006"], 1, 2, 0)
    passed = find_results(spread.ctx, ResultFilter(passed=True), limit=1)
    assert _page(passed) == (["C003"], 0, 3, 3)
    assert _page(find_results(spread.ctx, ResultFilter(passed=True), limit=1, after=passed.rows[0].key)) == (
        ["C001"],
        1,
        3,
        3,
    )


def test_a_page_turned_from_where_its_neighbour_stood_is_not_counted_again(spread: World) -> None:
    chosen = ResultFilter(grade=1)
    first = find_results(spread.ctx, chosen, limit=2)
    # Where the last row listed stood (as the console knows it) places the next page without a count:
    # told wrongly, the page is numbered as told, the rows and totals are the database's.
    following = find_results(spread.ctx, chosen, limit=2, after=first.rows[-1].key, at=1)
    assert _page(following) == (["C004", "C005"], 2, 5, 2)
    assert _page(find_results(spread.ctx, chosen, limit=2, after=first.rows[-1].key, at=7))[:2] == (
        ["C004", "C005"],
        8,
    )
    assert _page(find_results(spread.ctx, chosen, limit=2, before=following.rows[0].key, at=4))[:2] == (
        ["C001", "C002"],
        2,
    )
    # A place that cannot be right (a whole page before a row said to be second) is counted instead.
    last = find_results(spread.ctx, chosen, limit=2, last=True)
    assert _page(find_results(spread.ctx, chosen, limit=2, before=last.rows[0].key, at=1)) == (
        ["C004", "C005"],
        2,
        5,
        2,
    )
    # Past the end, or before the start, the page comes from that end, whatever was said.
    assert _page(find_results(spread.ctx, chosen, limit=2, after=last.rows[-1].key, at=0))[:2] == (
        ["C006"],
        4,
    )
    assert _page(find_results(spread.ctx, chosen, limit=2, before=first.rows[-1].key, at=9))[:2] == (
        ["C001", "C002"],
        0,
    )


FILTERS = [
    ResultFilter(),
    ResultFilter(certificate="design"),
    ResultFilter(grade=1),
    ResultFilter(centre="Ndola Centre"),
    ResultFilter(passed=False),
    ResultFilter(centre="Kitwe Campus", passed=True, grade=1),
    ResultFilter(sitting=("Ndola Centre", "Afternoon theory", "2025-03-14")),
    ResultFilter(sitting=("Ndola Centre", "Resit", "")),
    ResultFilter(sitting=("Kitwe Campus", "Afternoon theory", "2025-03-14")),
    ResultFilter(certificate="recycling"),
]


def test_the_choices_count_what_each_filter_lets_through(spread: World) -> None:
    _keep_aside(spread, "A-K2-1")
    choices = result_choices(spread.ctx)
    for chosen in FILTERS:
        counted = find_results(spread.ctx, chosen, limit=None)
        assert choices.count(chosen) == ResultCount(counted.total, counted.passed), chosen
    assert choices.count(ResultFilter()) == ResultCount(5, 2)


def test_totals_the_caller_knows_are_not_counted_again(spread: World) -> None:
    chosen = ResultFilter(grade=1)
    # Told totals (from the choices read a while ago, say), a page shows them; its rows are the database's.
    told = ResultCount(7, 1)
    first = find_results(spread.ctx, chosen, limit=2, counted=told)
    assert _page(first) == (["C001", "C002"], 0, 7, 1)
    # The last page is the rows whole pages of the told total leave over.
    assert _page(find_results(spread.ctx, chosen, limit=2, last=True, counted=told)) == (["C006"], 6, 7, 1)
    # Totals told that cannot be right (fewer than the rows listed): results came in since; counted now.
    assert _page(find_results(spread.ctx, chosen, limit=2, counted=ResultCount(1, 0))) == (
        ["C001", "C002"],
        0,
        5,
        2,
    )
    # A page whose place is not known has its rows before counted, and then its totals too.
    assert _page(find_results(spread.ctx, chosen, limit=2, after=first.rows[-1].key, counted=told)) == (
        ["C004", "C005"],
        2,
        5,
        2,
    )


def test_a_page_is_asked_for_one_way(spread: World) -> None:
    chosen = ResultFilter(grade=1)
    key = find_results(spread.ctx, chosen, limit=1).rows[0].key
    with pytest.raises(ValueError, match="a page needs a positive limit and at most one of after, before"):
        find_results(spread.ctx, chosen, limit=0)
    with pytest.raises(ValueError, match="at most one of after, before and last"):
        find_results(spread.ctx, chosen, limit=2, after=key, before=key)
    with pytest.raises(ValueError, match="at most one of after, before and last"):
        find_results(spread.ctx, chosen, limit=2, before=key, last=True)
    with pytest.raises(ValueError, match="not None, after=None, before=None, last=True"):
        find_results(spread.ctx, chosen, limit=None, last=True)
    with pytest.raises(ValueError, match="at=-1"):
        find_results(spread.ctx, chosen, limit=2, after=key, at=-1)


def _keep_aside(world: World, attempt_id: str) -> None:
    """Record that rescoring kept ``attempt_id`` aside, as it does for marks that do not check out."""
    with world.ctx.database.transaction() as session:
        repo.replace_check(
            session,
            {
                "attempt_id": attempt_id,
                "state": "flagged",
                "bank_digest": None,
                "earned": None,
                "possible": None,
                "percent": None,
                "passed": None,
                "reason_code": None,
                "reason_json": None,
                "checked_at": world.ctx.now(),
            },
        )


def test_results_kept_aside_are_in_no_page_count_or_choice(spread: World) -> None:
    _keep_aside(spread, "A-K1-3")  # the only design result
    _keep_aside(spread, "A-K2-1")  # C004, who passed the Ndola afternoon sitting
    chosen = ResultFilter(grade=1)
    first = find_results(spread.ctx, chosen, limit=2)
    assert _page(first) == (["C001", "C002"], 0, 4, 1)
    following = find_results(spread.ctx, chosen, limit=2, after=first.rows[-1].key)
    assert _page(following) == (["C005", "C006"], 2, 4, 1)
    assert _page(find_results(spread.ctx, chosen, limit=2, last=True)) == (["C005", "C006"], 2, 4, 1)
    # The rows before a page are counted without those kept aside.
    assert _page(find_results(spread.ctx, chosen, limit=1, before=following.rows[-1].key)) == (
        ["C005"],
        2,
        4,
        1,
    )
    assert _page(find_results(spread.ctx, ResultFilter(), limit=10))[1:] == (0, 4, 1)

    choices = result_choices(spread.ctx)
    assert (choices.certificates, choices.grades) == (("maintenance",), (1,))
    assert ("Ndola Centre", "Afternoon theory", "2025-03-14") in choices.sittings
    _keep_aside(spread, "A-K2-2")  # C005: now the whole afternoon sitting is kept aside
    choices = result_choices(spread.ctx)
    assert choices.sittings == (
        ("Ndola Centre", "Resit", ""),
        ("Kitwe Campus", "Morning theory", "2025-03-14"),
    )
    assert choices.centres == ("Kitwe Campus", "Ndola Centre")


def test_the_list_works_out_the_standing_only_of_results_that_may_be_held_back(
    world: World, bank: Bank
) -> None:
    keep_bank(world.ctx, bank, "tests")

    def sat(attempt_id: str, number: str, day: str | None, finished: str) -> dict[str, Any]:
        record = scored_attempt(bank, attempt_id, number, ITEMS)
        record["sitting"]["date"], record["finished_at"] = day, finished
        return record

    import_attempts(
        world,
        "K1",
        [
            # Undated: the day is the one it finished, in UTC (the 15th for both).
            sat("A-1", "C001", None, "2025-03-14T23:30:00-02:00"),
            sat("A-2", "C001", None, "2025-03-15T08:00:00+00:00"),
            # Sat again another day, dated and undated: no second result.
            sat("A-3", "C002", "2025-03-14", "2025-03-14T09:25:00+00:00"),
            sat("A-4", "C002", "2025-03-20", "2025-03-20T09:25:00+00:00"),
            sat("A-5", "C003", None, "2025-03-14T09:25:00+00:00"),
            sat("A-6", "C003", None, "2025-03-16T09:25:00+00:00"),
            sat("A-7", "C004", "2025-03-14", "2025-03-14T09:25:00+00:00"),
        ],
    )
    decide(world.ctx, "A-7", keep=False, by="Mrs Zulu", why="Left the room during the exam.")
    found = find_results(world.ctx, ResultFilter(), limit=None).rows
    assert sorted(row.attempt_id for row in found if row.suspect) == ["A-1", "A-2", "A-7"]
    with world.ctx.database.session() as session:
        everything = standings(session, registry_reads.results(session))
    # Those not worked out stand ready, as working them out says.
    worked_out = {attempt_id: stand.standing.value for attempt_id, stand in everything.items()}
    assert {row.attempt_id: row.standing for row in found} == worked_out
    assert [worked_out[attempt_id] for attempt_id in ("A-1", "A-2", "A-7")] == ["second", "second", "void"]
    assert {worked_out[attempt_id] for attempt_id in ("A-3", "A-4", "A-5", "A-6")} == {"ready"}


def test_the_filters_offer_each_value_held_once(spread: World) -> None:
    choices = result_choices(spread.ctx)
    assert choices.certificates == ("design", "maintenance")
    assert choices.grades == (1, 2)
    assert choices.centres == ("Kitwe Campus", "Ndola Centre")
    # By date (undated first), then name, then centre.
    assert choices.sittings == (
        ("Ndola Centre", "Resit", ""),
        ("Ndola Centre", "Afternoon theory", "2025-03-14"),
        ("Kitwe Campus", "Morning theory", "2025-03-14"),
    )


def test_an_empty_registry_offers_no_filter_values(world: World) -> None:
    choices = result_choices(world.ctx)
    assert (choices.certificates, choices.grades, choices.centres, choices.sittings) == ((), (), (), ())
    assert find_results(world.ctx, ResultFilter()).total == 0
