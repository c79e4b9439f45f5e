"""The registry rescores every attempt on its own copy of the bank: custody of banks, results kept aside when
they differ from the rescoring (with both marks), results waiting for their bank, the answer journal, the
centre a result is filed under, second results and the administrator's decisions about them."""

from __future__ import annotations

import copy
import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kiosk.cli.hints import with_hint
from kiosk.domain.catalogue import catalogue_of
from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.domain.forms import Form
from kiosk.domain.items import Bank
from kiosk.domain.journal import GENESIS, JournalEntry, submission_code
from kiosk.domain.responses import response_to_json
from kiosk.domain.scoring import score_attempt
from kiosk.formats.keys import KeyKind, generate_identity, load_public, write_identity
from kiosk.formats.receipts import read_receipt
from kiosk.messages import sentence
from kiosk.registry.services import rescoring
from kiosk.registry.services.banks import BankOutcome, held_copy, keep_bank, keep_package, list_banks
from kiosk.registry.services.imports import Outcome, import_bundles, import_file
from kiosk.registry.services.registry import enrol_kiosk, open_registry
from kiosk.registry.services.reporting import (
    ResultFilter,
    WithheldError,
    find_results,
    issue_certificates,
    issue_slips,
)
from kiosk.registry.services.rescoring import rescore_pending
from kiosk.registry.services.standing import Standing, decide, standings, withheld
from kiosk.registry.storage import reads
from kiosk.station.services.context import STORE_FILE, KioskContext
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.export import export_results
from tests.fixtures.kiosk import RELEASE_CODE, make_bank, make_package
from tests.fixtures.registry import (  # noqa: F401 (fixtures)
    Sit,
    World,
    database_url_fixture,
    registry_dir_fixture,
    sit_fixture,
    trusting_fixture,
    usb_fixture,
    world_fixture,
)
from tests.fixtures.reporting import ITEMS, RIGHT, WRONG, bank_fixture, scored_attempt

__all__ = ["bank_fixture"]


def stand_of(world: World, attempt_id: str) -> Standing:
    with world.ctx.database.session() as session:
        held = reads.results(session, [attempt_id])
        return standings(session, held)[attempt_id].standing


def rows(world: World, sql: str) -> list[tuple[object, ...]]:
    with world.ctx.database.session() as session:
        return [tuple(row) for row in session.execute(text(sql))]


def all_right_claim(bank: Bank, attempt_id: str, number: str, answers: dict[str, object]) -> dict[str, Any]:
    """An attempt claiming full marks, with ``answers`` as the responses it sends (edited on the kiosk)."""
    record = scored_attempt(bank, attempt_id, number, ITEMS)
    for line in record["responses"]:
        line["response"] = answers[line["item_id"]]
    return record


# Results that differ from the rescoring ------------------------------------------------------------------


def test_a_result_edited_to_full_marks_is_kept_aside_naming_both_marks(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    kiosk = world.kiosk()
    # Every number agrees with every other (100 %, each item full marks), but not with the answers.
    forged = all_right_claim(bank, "A-K1-1", "C001", WRONG)
    honest = scored_attempt(bank, "A-K1-2", "C002", ("T-001",))
    outcome = import_file(world.ctx, world.bundle(kiosk, [forged, honest]))

    assert (outcome.outcome, outcome.attempts, outcome.flagged) == (Outcome.IMPORTED, 2, ("A-K1-1",))
    [flag] = outcome.notes
    assert (flag.code, flag.params) == (
        "registry_rescore.mark_differs",
        {"attempt": "A-K1-1", "kiosk": "100", "registry": "0"},
    )
    assert sentence(flag) == (
        "Attempt A-K1-1 is not filed as a result: the kiosk gives it 100 %, but the registry's rescoring of "
        "its answers gives 0 %. It is kept aside for a person to check."
    )
    # The rest of the bundle is filed; the kept-aside attempt is in no list, slip or certificate.
    assert stand_of(world, "A-K1-1") is Standing.FLAGGED and stand_of(world, "A-K1-2") is Standing.READY
    found = find_results(world.ctx, ResultFilter())
    assert [row.attempt_id for row in found.rows] == ["A-K1-2"] and found.total == 1
    assert [path.name for path in issue_slips(world.ctx, None, world.root / "slips")] == [
        "C002_A-K1-2_slip.pdf"
    ]
    assert issue_certificates(world.ctx, world.root / "certificates") == ([], ["A-K1-2"])
    with pytest.raises(WithheldError) as withheld_error:
        issue_certificates(world.ctx, world.root / "certificates", ["A-K1-1"])
    assert withheld_error.value.params == {"attempts": "A-K1-1", "more": 0}
    # Both are stored and acknowledged (the kiosk has nothing better to send); the bundle is evidence.
    assert outcome.receipt is not None
    assert read_receipt(outcome.receipt, world.ctx.identity.public).attempt_ids == ("A-K1-1", "A-K1-2")
    assert rows(world, "SELECT outcome, bundle_id FROM quarantine") == [("flagged", "K1-000001")]
    assert rows(world, "SELECT state, percent, reason_code FROM attempt_checks ORDER BY attempt_id") == [
        ("flagged", 0.0, "registry_rescore.mark_differs"),
        ("rescored", 25.0, None),
    ]
    [stand] = withheld(world.ctx)
    assert stand.reason == flag


def test_scores_moved_between_items_keep_the_total_but_are_kept_aside(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    record = scored_attempt(bank, "A-K1-1", "C001", ("T-001", "T-003"))
    first, second, third, _ = record["responses"]
    # T-001 and T-003 were right, T-004 wrong: claim T-004 right and T-003 wrong instead (same total).
    second["score"], third["score"] = 0.0, 1.0
    record["result"]["item_scores"].update({"T-003": 0.0, "T-004": 1.0})
    assert first["item_id"] == "T-001"
    outcome = import_file(world.ctx, world.bundle(world.kiosk(), [record]))
    [flag] = outcome.notes
    assert flag.code == "registry_rescore.part_differs"
    assert flag.params == {
        "attempt": "A-K1-1",
        "field": "responses.T-003.score",
        "kiosk": "0",
        "registry": "1",
        "mark": "50",
    }
    assert "its responses.T-003.score is 0 on the kiosk but 1 in the registry's rescoring" in sentence(flag)


def test_a_pass_claimed_against_the_banks_rules_is_kept_aside(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    # 50 % with the practical minimum missed: not a pass, whatever the kiosk says.
    record = scored_attempt(bank, "A-K1-1", "C001", ("T-001", "T-003"))
    record["result"]["passed"] = True
    outcome = import_file(world.ctx, world.bundle(world.kiosk(), [record]))
    [flag] = outcome.notes
    assert (flag.code, flag.params["field"], flag.params["kiosk"], flag.params["registry"]) == (
        "registry_rescore.part_differs",
        "result.passed",
        "true",
        "false",
    )


def test_an_attempt_claiming_another_certificate_is_kept_aside(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    record = scored_attempt(bank, "A-K1-1", "C001", ITEMS)
    record["grade"] = 3
    outcome = import_file(world.ctx, world.bundle(world.kiosk(), [record]))
    assert outcome.flagged == ("A-K1-1",)
    assert outcome.notes[0].code == "registry_rescore.other_certificate"


@pytest.mark.parametrize(
    ("change", "code", "params"),
    [
        (
            "item",
            "registry_rescore.item_not_in_bank",
            {"attempt": "A-K1-1", "item": "T-999", "bank": "maintenance-1", "version": 3},
        ),
        ("answer", "registry_rescore.answer_unfit", {"attempt": "A-K1-1", "item": "T-001"}),
    ],
)
def test_an_attempt_that_cannot_be_scored_on_the_held_bank_refuses_its_bundle_alone(
    world: World, bank: Bank, change: str, code: str, params: dict[str, object]
) -> None:
    keep_bank(world.ctx, bank, "tests")
    kiosk = world.kiosk()
    record = scored_attempt(bank, "A-K1-1", "C001", ("T-001",))
    if change == "item":
        record["form"]["items"][3]["item_id"] = "T-999"
        record["responses"][3]["item_id"] = "T-999"
        record["result"]["item_scores"]["T-999"] = record["result"]["item_scores"].pop("T-007")
    else:
        record["responses"][0]["response"] = "Z"  # T-001 has options A, B and C
    bad = world.bundle(kiosk, [record])
    good = world.bundle(kiosk, [scored_attempt(bank, "A-K1-2", "C002", ITEMS)])
    report = import_bundles(world.ctx, [bad, good])
    refused, imported = report.outcomes
    assert refused.outcome is Outcome.REFUSED and imported.outcome is Outcome.IMPORTED
    assert refused.problem is not None and (refused.problem.code, refused.problem.params) == (code, params)
    assert "{" not in sentence(refused.problem)
    assert stand_of(world, "A-K1-2") is Standing.READY
    assert rows(world, "SELECT attempt_id FROM attempts") == [("A-K1-2",)]


# Results waiting for their bank --------------------------------------------------------------------------


def test_results_wait_for_their_bank_then_rescore_files_or_flags_them(world: World, bank: Bank) -> None:
    kiosk = world.kiosk()
    forged = all_right_claim(bank, "A-K1-1", "C001", WRONG)
    honest = scored_attempt(bank, "A-K1-2", "C002", ITEMS)
    outcome = import_file(world.ctx, world.bundle(kiosk, [forged, honest]))
    assert outcome.outcome is Outcome.IMPORTED and outcome.flagged == ()
    [waiting] = outcome.notes
    assert (waiting.code, waiting.params) == (
        "registry_import.not_rescored",
        {"bundle_id": "K1-000001", "bank": "maintenance-1", "version": 3, "count": 2},
    )
    assert with_hint(waiting).endswith(
        "; add it with 'kiosk registry banks add', then run 'kiosk registry rescore'."
    )
    assert {stand_of(world, "A-K1-1"), stand_of(world, "A-K1-2")} == {Standing.PENDING}
    assert issue_slips(world.ctx, None, world.root / "slips") == []

    # Another version does not help; version 3 does.
    keep_bank(world.ctx, replace(bank, version=4), "elsewhere")
    report = rescore_pending(world.ctx)
    assert (report.rescored, report.flagged, report.pending) == (0, [], {("maintenance-1", 3): 2})
    keep_bank(world.ctx, bank, "tests")
    report = rescore_pending(world.ctx)
    assert report.rescored == 1 and report.pending == {}
    [flag] = report.flagged
    assert (flag.code, flag.params) == (
        "registry_rescore.mark_differs",
        {"attempt": "A-K1-1", "kiosk": "100", "registry": "0"},
    )
    assert stand_of(world, "A-K1-1") is Standing.FLAGGED and stand_of(world, "A-K1-2") is Standing.READY
    assert [path.name for path in issue_slips(world.ctx, None, world.root / "slips")] == [
        "C002_A-K1-2_slip.pdf"
    ]
    # Nothing is left to rescore.
    assert rescore_pending(world.ctx).rescored == 0


def test_results_held_before_the_registry_rescored_wait_to_be_rescored(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    import_file(world.ctx, world.bundle(world.kiosk(), [scored_attempt(bank, "A-K1-1", "C001", ITEMS)]))
    # A registry made before rescoring existed has no finding for its attempts.
    with world.ctx.database.transaction() as session:
        session.execute(text("DELETE FROM attempt_checks"))
    assert stand_of(world, "A-K1-1") is Standing.PENDING
    assert rescore_pending(world.ctx).rescored == 1
    assert stand_of(world, "A-K1-1") is Standing.READY


# The banks in the registry's custody ------------------------------------------------------------------------


def test_a_bank_version_is_kept_once_and_never_changes(world: World, bank: Bank) -> None:
    first = keep_bank(world.ctx, bank, "question_banks/maintenance-1")
    assert (first.bank_id, first.version, first.outcome) == ("maintenance-1", 3, BankOutcome.ADDED)
    assert keep_bank(world.ctx, bank, "again").outcome is BankOutcome.ALREADY
    other = replace(bank, blueprint=replace(bank.blueprint, pass_mark=40.0))
    with pytest.raises(SecurityError) as refused:
        keep_bank(world.ctx, other, "a copy with a lower pass mark")
    assert refused.value.code == "registry_banks.version_differs"
    assert refused.value.params == {
        "bank": "maintenance-1",
        "version": 3,
        "source": "a copy with a lower pass mark",
        "held_source": "question_banks/maintenance-1",
    }
    assert [(held.bank_id, held.version, held.source) for held in list_banks(world.ctx)] == [
        ("maintenance-1", 3, "question_banks/maintenance-1")
    ]
    copy_held = held_copy(world.ctx, "maintenance-1", 3)
    assert copy_held is not None and copy_held.bank == bank and copy_held.digest == first.digest


def test_a_damaged_copy_of_a_bank_is_not_used(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    with world.ctx.database.transaction() as session:
        session.execute(
            text("UPDATE banks SET payload = replace(payload, :before, :after)"),
            {"before": '"pass_mark":60', "after": '"pass_mark":6'},
        )
    with pytest.raises(SecurityError) as damaged:
        held_copy(world.ctx, "maintenance-1", 3)
    assert (damaged.value.code, damaged.value.params) == (
        "registry_banks.copy_damaged",
        {"bank": "maintenance-1", "version": 3},
    )


def test_a_package_is_kept_after_its_signature_and_release_code_check(world: World) -> None:
    awarding = generate_identity(KeyKind.AWARDING, "awarding-body")
    _, public = write_identity(awarding, world.root / "awarding")
    package = world.root / "maintenance-2-v1.1xbank"
    package.write_bytes(make_package(make_bank(), awarding))
    stranger = load_public(write_identity(generate_identity(KeyKind.AWARDING, "other"), world.root / "o")[1])
    with pytest.raises(SecurityError):
        keep_package(world.ctx, package, [stranger], RELEASE_CODE)
    with pytest.raises(SecurityError):
        keep_package(world.ctx, package, [load_public(public)], "WRONG-CODE-0000")
    assert list_banks(world.ctx) == []
    kept = keep_package(world.ctx, package, [load_public(public)], RELEASE_CODE)
    assert (kept.bank_id, kept.version, kept.outcome) == ("maintenance-2", 1, BankOutcome.ADDED)
    assert list_banks(world.ctx)[0].source == str(package)


# The answer journal, when the bundle carries it ---------------------------------------------------------


def journalled(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the answer journal a kiosk would have kept: one entry per answered item."""
    entries: list[JournalEntry] = []
    head = GENESIS
    for number, line in enumerate((line for line in record["responses"] if line["response"] is not None), 1):
        entry = JournalEntry.create(
            head,
            record["attempt_id"],
            number,
            line["item_id"],
            response_to_json(line["response"]),
            1000 * number,
            f"2025-03-14T09:0{number}:00.000000+00:00",
        )
        entries.append(entry)
        head = entry.hash
    record["submission_code"] = submission_code(record["attempt_id"], head)
    record["journal"] = {
        "head": head,
        "length": len(entries),
        "entries": [
            {
                "sequence": entry.sequence,
                "item_id": entry.item_id,
                "response_json": entry.response_json,
                "consumed_ms": entry.consumed_ms,
                "recorded_at": entry.recorded_at,
                "previous_hash": entry.previous_hash,
                "hash": entry.hash,
            }
            for entry in entries
        ],
    }
    return record


def test_the_answer_journal_sent_with_an_attempt_is_checked(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    kiosk = world.kiosk()
    whole = journalled(scored_attempt(bank, "A-K1-1", "C001", ITEMS))
    edited = journalled(scored_attempt(bank, "A-K1-2", "C002", ITEMS))
    edited["journal"]["entries"][1]["response_json"] = '"false"'  # the hash no longer matches
    # Answers changed after the journal, and their scores with them: every number agrees.
    replaced = journalled(scored_attempt(bank, "A-K1-3", "C003", ("T-001",)))
    right = scored_attempt(bank, "A-K1-3", "C003", ITEMS)
    replaced["responses"], replaced["result"] = right["responses"], right["result"]
    outcome = import_file(world.ctx, world.bundle(kiosk, [whole, edited, replaced]))
    assert outcome.flagged == ("A-K1-2", "A-K1-3")
    assert [(note.code, note.params) for note in outcome.notes] == [
        ("registry_rescore.journal_broken", {"attempt": "A-K1-2"}),
        ("registry_rescore.answer_not_journalled", {"attempt": "A-K1-3", "item": "T-003"}),
    ]
    assert stand_of(world, "A-K1-1") is Standing.READY


def test_answers_rewritten_with_a_new_journal_no_longer_give_the_code_the_candidate_saw(
    world: World, bank: Bank
) -> None:
    keep_bank(world.ctx, bank, "tests")
    kiosk = world.kiosk()
    sat = journalled(scored_attempt(bank, "A-K1-1", "C001", ("T-001",)))
    seen = sat["submission_code"]  # what the end screen showed the candidate
    # Every answer made right, the journal rebuilt to match and every number agreeing; only the code
    # the candidate saw is kept, since changing it would show on the slip.
    rewritten = journalled(scored_attempt(bank, "A-K1-1", "C001", ITEMS))
    rewritten["submission_code"] = seen
    outcome = import_file(world.ctx, world.bundle(kiosk, [rewritten]))
    assert outcome.flagged == ("A-K1-1",)
    [note] = outcome.notes
    assert (note.code, note.params) == (
        "registry_rescore.submission_code_wrong",
        {
            "attempt": "A-K1-1",
            "sent": seen,
            "recomputed": submission_code("A-K1-1", rewritten["journal"]["head"]),
        },
    )
    assert sentence(note).startswith(
        f"Attempt A-K1-1 is not filed as a result: the submission code it was sent with ({seen})"
    )


# The centre a result is filed under -------------------------------------------------------------------------


def test_results_are_filed_under_the_centre_the_kiosk_was_enrolled_for(world: World, bank: Bank) -> None:
    kiosk = world.kiosk()
    kiosk.centre = "Lusaka Main Campus"
    outcome = import_file(world.ctx, world.bundle(kiosk, [scored_attempt(bank, "A-K1-1", "C001", ITEMS)]))
    centre = next(note for note in outcome.notes if note.code == "registry_import.centre_differs")
    assert centre.params == {
        "bundle_id": "K1-000001",
        "kiosk_id": "K1",
        "named": "Lusaka Main Campus",
        "enrolled": "Kitwe Campus",
    }
    assert sentence(centre).endswith("its results are filed under 'Kitwe Campus'.")
    assert rows(world, "SELECT centre FROM attempts") == [("Kitwe Campus",)]


# Second results and decisions ------------------------------------------------------------------------------


def test_a_second_result_on_the_same_day_blocks_printing_until_an_administrator_decides(
    world: World, bank: Bank
) -> None:
    keep_bank(world.ctx, bank, "tests")
    one, two = world.kiosk("K1"), world.kiosk("K2")
    import_file(world.ctx, world.bundle(one, [scored_attempt(bank, "A-K1-1", "C001", ("T-001",))]))
    second = import_file(world.ctx, world.bundle(two, [scored_attempt(bank, "A-K2-1", "C001", ITEMS)]))
    [note] = second.notes
    assert (note.code, note.params) == (
        "registry_import.second_result",
        {
            "attempt": "A-K2-1",
            "other": "A-K1-1",
            "candidate": "C001",
            "bank": "maintenance-1",
            "day": "2025-03-14",
        },
    )
    assert "decide with 'kiosk registry decide ATTEMPT --keep' or '--void'" in with_hint(note)
    assert {stand_of(world, "A-K1-1"), stand_of(world, "A-K2-1")} == {Standing.SECOND}
    assert issue_certificates(world.ctx, world.root / "c") == ([], [])
    with pytest.raises(WithheldError):
        issue_slips(world.ctx, None, world.root / "s", ["A-K2-1"])
    found = {row.attempt_id: row.standing for row in find_results(world.ctx, ResultFilter()).rows}
    assert found == {"A-K1-1": "second", "A-K2-1": "second"}

    with pytest.raises(InputError) as unnamed:
        decide(world.ctx, "A-K1-1", keep=False, by="  ", why="Sat twice.")
    assert unnamed.value.code == "registry_decide.name_needed"
    with pytest.raises(InputError) as unexplained:
        decide(world.ctx, "A-K1-1", keep=False, by="Mrs Zulu", why="")
    assert unexplained.value.code == "registry_decide.reason_needed"
    with pytest.raises(InputError) as unknown:
        decide(world.ctx, "A-X", keep=True, by="Mrs Zulu", why="?")
    assert unknown.value.code == "results.attempt_not_held"

    decided = decide(world.ctx, "A-K1-1", keep=False, by="Mrs Zulu", why="Power cut; re-sat on PC 2.")
    assert (decided.decision.decision, decided.decision.decided_by) == ("void", "Mrs Zulu")
    assert [(stand.attempt_id, stand.standing) for stand in decided.stands] == [
        ("A-K1-1", Standing.VOID),
        ("A-K2-1", Standing.READY),
    ]
    assert sentence(decided.stands[0].reason) == (  # type: ignore[arg-type]
        "Attempt A-K1-1 was voided by Mrs Zulu (Power cut; re-sat on PC 2.)."
    )
    written, _ = issue_certificates(world.ctx, world.root / "c")
    assert [path.name for path in written] == ["C001_A-K2-1_certificate.pdf"]
    assert rows(world, "SELECT attempt_id, decision, decided_by, why FROM attempt_decisions") == [
        ("A-K1-1", "void", "Mrs Zulu", "Power cut; re-sat on PC 2.")
    ]
    # Voided results are left out of the analyses too.
    with world.ctx.database.session() as session:
        assert [held.attempt_id for held in reads.results(session, filed_only=True)] == ["A-K2-1"]


def test_keeping_both_results_prints_both_and_a_flagged_one_cannot_be_kept(world: World, bank: Bank) -> None:
    keep_bank(world.ctx, bank, "tests")
    kiosk = world.kiosk()
    first = scored_attempt(bank, "A-K1-1", "C001", ("T-001",))
    again = scored_attempt(bank, "A-K1-2", "C001", ITEMS)
    forged = all_right_claim(bank, "A-K1-3", "C001", WRONG)
    outcome = import_file(world.ctx, world.bundle(kiosk, [first, again, forged]))
    # The kept-aside attempt is no rival: only the two filed ones are second results of each other.
    assert sorted(
        str(note.params["attempt"]) for note in outcome.notes if note.code.endswith("second_result")
    ) == [
        "A-K1-1",
        "A-K1-2",
    ]
    decide(world.ctx, "A-K1-1", keep=True, by="Mr Phiri", why="Allowed to resit after the incident.")
    assert stand_of(world, "A-K1-1") is Standing.READY and stand_of(world, "A-K1-2") is Standing.SECOND
    decide(world.ctx, "A-K1-2", keep=True, by="Mr Phiri", why="Allowed to resit after the incident.")
    assert stand_of(world, "A-K1-2") is Standing.READY
    with pytest.raises(RuleError) as refused:
        decide(world.ctx, "A-K1-3", keep=True, by="Mr Phiri", why="The kiosk says so.")
    assert refused.value.code == "registry_decide.flagged"
    assert with_hint(refused.value).endswith("; use --void.")
    decide(world.ctx, "A-K1-3", keep=False, by="Mr Phiri", why="Marks edited on the kiosk.")
    assert stand_of(world, "A-K1-3") is Standing.VOID


# The attack end to end: a mark edited in kiosk.db before export --------------------------------------------


def test_a_mark_edited_in_the_kiosk_store_reaches_no_slip(
    trusting: KioskContext, sit: Sit, usb: Path, registry_dir: Path, tmp_path: Path
) -> None:
    from tests.fixtures.kiosk import WRONG as KIOSK_WRONG

    honest = sit("C-001")
    edited = sit("C-002", KIOSK_WRONG)
    # What the adversary did with sqlite3: the stored result of a failed attempt set to full marks.
    with sqlite3.connect(trusting.data_dir / STORE_FILE) as store:
        read = "SELECT result_json FROM attempts WHERE id = ?"
        result = json.loads(store.execute(read, (edited,)).fetchone()[0])
        full = copy.deepcopy(json.loads(store.execute(read, (honest,)).fetchone()[0]))
        for key in ("earned", "percent", "passed", "by_competence", "by_area", "item_scores", "failed_areas"):
            result[key] = full[key]
        store.execute("UPDATE attempts SET result_json = ? WHERE id = ?", (json.dumps(result), edited))
    path, _ = enrol(trusting, usb)
    bundle = export_results(trusting, usb).path

    registry = open_registry(registry_dir)
    try:
        enrol_kiosk(registry, path)
        keep_bank(registry, make_bank(), "awarding body")
        outcome = import_file(registry, bundle)
        assert outcome.outcome is Outcome.IMPORTED and outcome.flagged == (edited,)
        flag = next(note for note in outcome.notes if note.code == "registry_rescore.mark_differs")
        assert flag.params == {"attempt": edited, "kiosk": "100", "registry": "0"}
        slips = issue_slips(registry, None, tmp_path / "slips")
        assert [path.name.split("_")[0] for path in slips] == ["C-001"]
        written, _ = issue_certificates(registry, tmp_path / "certificates")
        assert [path.name.split("_")[0] for path in written] == ["C-001"]
    finally:
        registry.close()


def test_rescoring_uses_the_kiosks_own_scoring(bank: Bank) -> None:
    # The fixtures' claims are what score_attempt gives, so any flag above comes from an edit alone.
    record = scored_attempt(bank, "A-1", "C001", ("T-001", "T-004"))
    form = Form.from_dict(record["form"])
    answers = {line["item_id"]: line["response"] for line in record["responses"]}
    assert score_attempt(bank, form, answers).to_dict() == record["result"]
    assert catalogue_of([bank]).get("maintenance-1", 3) == bank
    assert {item: RIGHT[item] for item in ("T-001",)} == {"T-001": "A"}


# Checking many attempts ------------------------------------------------------------------------------------


def test_a_bundle_asks_for_each_bank_version_once(
    world: World, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, int]] = []

    def counted(ctx: Any, bank_id: str, version: int) -> Any:
        asked.append((bank_id, version))
        return held_copy(ctx, bank_id, version)

    monkeypatch.setattr(rescoring, "held_copy", counted)
    kiosk = world.kiosk()
    three = [scored_attempt(bank, f"A-K1-{n}", f"C00{n}", ITEMS) for n in (1, 2, 3)]
    outcome = import_file(world.ctx, world.bundle(kiosk, three))
    assert asked == [("maintenance-1", 3)]
    assert [note.code for note in outcome.notes] == ["registry_import.not_rescored"]
    # The next bundle asks again: the bank may have been added meanwhile, as it is here.
    keep_bank(world.ctx, bank, "tests")
    report = import_bundles(world.ctx, [world.bundle(kiosk, [scored_attempt(bank, "A-K1-4", "C004", ITEMS)])])
    assert asked == [("maintenance-1", 3)] * 2
    assert report.outcomes[0].outcome is Outcome.IMPORTED and not report.outcomes[0].notes
    checks, copy_ = rescoring.AttemptChecks(world.ctx), held_copy(world.ctx, "maintenance-1", 3)
    assert copy_ is not None and checks.scorer(copy_) is checks.scorer(copy_)


@pytest.mark.parametrize(
    ("claimed", "expected"),
    [
        ({"T-001": 1.0, "T-002": 0.0}, None),
        ({"T-001": 1.0005, "T-002": -0.0005}, None),
        ({"T-001": 1.0, "T-002": 0.5}, "T-002"),
        ({"T-001": float("nan"), "T-002": 0.0}, "T-001"),
        ({"T-001": 1.0, "T-002": float("inf")}, "T-002"),
        ({"T-001": "1", "T-002": 0.0}, "T-001"),
        ({"T-001": 1.0}, "T-002"),
        ({"T-001": True, "T-002": False}, None),
        ({"T-002": 0.0, "T-001": 0.0}, "T-001"),
    ],
    ids=[
        "equal",
        "within rounding",
        "one differs",
        "NaN",
        "infinity",
        "text",
        "missing",
        "booleans",
        "order",
    ],
)
def test_the_first_differing_item_score_is_found_as_one_by_one(
    claimed: dict[str, object], expected: str | None
) -> None:
    ours = {"T-001": 1.0, "T-002": 0.0}
    assert rescoring._first_differing(claimed, ours) == expected
