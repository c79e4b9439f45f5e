"""A corpus of bad bundles: every field an adversary with an enrolled kiosk's key could set, mutated and
re-signed, imported in one batch with good bundles between them.

What must hold: no mutated attempt is filed as a result (each bundle is refused, or its attempt kept aside
by rescoring), nothing crashes the batch, the good bundles import, and every refusal and flag is one
sentence from the catalogue.
"""

from __future__ import annotations

import copy
import json
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.items import Bank
from kiosk.formats.bundles import BUNDLE_MAGIC, BUNDLE_SIGNATURE_LABEL, _seal
from kiosk.messages import sentence
from kiosk.messages.catalogue import MESSAGES
from kiosk.registry.services.banks import keep_bank
from kiosk.registry.services.imports import Outcome, import_bundles
from kiosk.registry.services.standing import Standing, standings
from kiosk.registry.storage import reads
from tests.fixtures.registry import Kiosk, World, database_url_fixture, inner_fields, world_fixture
from tests.fixtures.reporting import ITEMS, WRONG, bank_fixture, scored_attempt

__all__ = ["bank_fixture", "database_url_fixture", "world_fixture"]

Change = Callable[[dict[str, Any]], None]
"""Mutates a bundle's signed fields in place; the first attempt is the target."""

HUGE_DIGITS = "9" * 5000
"""A number longer than Python reads (4,300 digits), spliced into the signed bytes as they are."""


def _first(inner: dict[str, Any]) -> dict[str, Any]:
    attempt: dict[str, Any] = inner["attempts"][0]
    return attempt


def _set(path: str, value: object) -> Change:
    """Set the field at ``path`` in the first attempt (dotted, list positions as numbers)."""

    def change(inner: dict[str, Any]) -> None:
        target: Any = _first(inner)
        *parents, last = path.split(".")
        for name in parents:
            target = target[int(name)] if name.isdigit() else target[name]
        target[int(last) if last.isdigit() else last] = value

    return change


def _bundle_field(name: str, value: object) -> Change:
    def change(inner: dict[str, Any]) -> None:
        inner[name] = value

    return change


def _full_marks_for_wrong_answers(bank: Bank) -> Change:
    """Earned marks edited to full with every total consistent, the answers left as they were."""

    def change(inner: dict[str, Any]) -> None:
        attempt = _first(inner)
        full = scored_attempt(bank, attempt["attempt_id"], "X", ITEMS)
        attempt["result"], attempt["responses"] = full["result"], full["responses"]
        for line in attempt["responses"]:
            line["response"] = WRONG[line["item_id"]]

    return change


def _answers_changed(bank: Bank) -> Change:
    """Wrong answers changed to right ones after scoring (scores and result left)."""

    def change(inner: dict[str, Any]) -> None:
        attempt = _first(inner)
        right = scored_attempt(bank, attempt["attempt_id"], "X", ITEMS)
        for line, fixed in zip(attempt["responses"], right["responses"], strict=True):
            line["response"] = fixed["response"]

    return change


def _item_not_on_form(inner: dict[str, Any]) -> None:
    _first(inner)["responses"][0]["item_id"] = "T-999"


def _form_item_not_in_bank(inner: dict[str, Any]) -> None:
    attempt = _first(inner)
    attempt["form"]["items"][0]["item_id"] = "T-999"
    attempt["responses"][0]["item_id"] = "T-999"
    scores = attempt["result"]["item_scores"]
    scores["T-999"] = scores.pop("T-001")


def _nul_item(inner: dict[str, Any]) -> None:
    """An item id no database keeps (PostgreSQL stores no NUL), on the form and in the responses."""
    attempt = _first(inner)
    attempt["form"]["items"][0]["item_id"] = "T-001\x00"
    attempt["responses"][0]["item_id"] = "T-001\x00"
    attempt["result"]["item_scores"]["T-001\x00"] = attempt["result"]["item_scores"].pop("T-001")


def _line_missing(inner: dict[str, Any]) -> None:
    _first(inner)["responses"].pop()


def _competences_not_adding_up(inner: dict[str, Any]) -> None:
    _first(inner)["result"]["by_competence"]["F1"]["earned"] += 1


def _journal_forged(inner: dict[str, Any]) -> None:
    _first(inner)["journal"]["entries"] = [
        {
            "sequence": 1,
            "item_id": "T-001",
            "response_json": '"A"',
            "consumed_ms": 1000,
            "recorded_at": "2025-03-14T09:01:00+00:00",
            "previous_hash": "0" * 64,
            "hash": "f" * 64,
        }
    ]


def corpus(bank: Bank) -> dict[str, tuple[Change, str]]:
    """Each mutation by name, with the text spliced in for a number JSON cannot hold ("" for none)."""
    nan, inf = float("nan"), float("inf")
    changes: dict[str, Change] = {
        "percent above 100": _set("result.percent", 150.0),
        "percent negative": _set("result.percent", -5.0),
        "percent NaN": _set("result.percent", nan),
        "earned negative": _set("result.earned", -1.0),
        "earned huge": _set("result.earned", 1e24),
        "earned 10**30": _set("result.earned", 10**30),
        "earned NaN": _set("result.earned", nan),
        "possible infinite": _set("result.possible", inf),
        "possible negative": _set("result.possible", -4.0),
        "competence NaN": _set("result.by_competence.F1.earned", nan),
        "competences not adding up": _competences_not_adding_up,
        "area huge": _set("result.by_area.practical.possible", 1e24),
        "area unknown": _set("result.by_area.artistic", {"earned": 0.0, "possible": 0.0}),
        "item score NaN": _set("responses.0.score", nan),
        "item score above its points": _set("responses.0.score", 7.0),
        "item score negative": _set("responses.1.score", -1.0),
        "item max negative": _set("responses.0.max", -1.0),
        "result item scores huge": _set("result.item_scores.T-001", 1e24),
        "answer to an item not on the form": _item_not_on_form,
        "form item without a response line": _line_missing,
        "form of another bank": _set("form.bank_id", "maintenance-2"),
        "form item not in the bank": _form_item_not_in_bank,
        "form seed huge": _set("form.seed", 2**64),
        "bank version 0": _set("bank.version", 0),
        "grade 10**30": _set("grade", 10**30),
        "another grade": _set("grade", 3),
        "consumed infinite": _set("consumed_seconds", inf),
        "allowed negative": _set("allowed_seconds", -60.0),
        "sitting date too long": _set("sitting.date", "2025-03-14 and a long tail"),
        "sitting date impossible": _set("sitting.date", "2025-13-45"),
        "submission code too long": _set("submission_code", "X" * 40),
        "journal head not a digest": _set("journal.head", "z" * 64),
        "journal length huge": _set("journal.length", 10**30),
        "journal forged": _journal_forged,
        "NaN in the audit trail": _set("events.0.detail", {"took": nan}),
        "NaN in the candidate": _set("candidate.extra_time_factor", nan),
        "NUL in the candidate's name": _set("candidate.name", "Ann\x00Banda"),
        "NUL in an item id": _nul_item,
        "earned marks edited, totals consistent": _full_marks_for_wrong_answers(bank),
        "answers changed after scoring": _answers_changed(bank),
        "pass flipped": _set("result.passed", True),
        "sequence 10**30": _bundle_field("sequence", 10**30),
        "incident number 10**30": _bundle_field("incidents", [_incident(10**30)]),
        "incident duration NaN": _bundle_field("incidents", [{**_incident(1), "duration_seconds": nan}]),
    }
    found = {name: (change, "") for name, change in changes.items()}
    found["earned with 5,000 digits"] = (_set("result.earned", 12345), HUGE_DIGITS)
    return found


def _incident(number: int) -> dict[str, Any]:
    return {
        "number": number,
        "attempt_id": None,
        "sitting_id": "1",
        "category": "other",
        "description": "",
        "started_at": None,
        "duration_seconds": None,
        "recorded_by": "",
    }


def seal_forged(world: World, kiosk: Kiosk, inner: dict[str, Any], splice: str = "") -> bytes:
    """Sign ``inner`` with the enrolled kiosk's own key as its export would, but as JSON that may hold NaN,
    infinities and numbers no JSON reader takes (``splice`` replaces the number 12345 in the text)."""
    signed_fields = {
        **inner,
        "recipient": world.ctx.identity.public.key_id,
        "kiosk_key_id": kiosk.identity.key_id,
    }
    text = json.dumps(
        signed_fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=True
    )
    if splice:
        text = text.replace("12345", splice, 1)
    signed = text.encode("utf-8")
    outer = {"bundle_id": inner["bundle_id"], "kiosk_id": inner["kiosk_id"], "sequence": inner["sequence"]}
    return _seal(
        outer, signed, kiosk.identity.sign(BUNDLE_SIGNATURE_LABEL, signed), world.ctx.identity.public
    )


def _one_sentence(said: str) -> bool:
    """A sentence from the catalogue, whole: one line, every field filled, no traceback."""
    return bool(said) and "\n" not in said and "{" not in said and said.endswith(".") and "Error" not in said


def test_no_mutated_attempt_is_filed_and_the_batch_goes_on(world: World, bank: Bank, tmp_path: Path) -> None:
    keep_bank(world.ctx, bank, "tests")
    kiosk = world.kiosk()
    folder = tmp_path / "stick"
    folder.mkdir()
    mutated: dict[str, str] = {}
    """Mutation by the id of the attempt it targets."""
    names: dict[str, str] = {}
    """Mutation by the name of the file holding it."""
    good: list[str] = []
    files: list[Path] = []
    for number, (name, (change, splice)) in enumerate(corpus(bank).items(), start=1):
        target = scored_attempt(bank, f"A-BAD-{number}", f"B{number:03d}", ("T-001", "T-003"))
        target["events"] = [{"kind": "started", "detail": {}, "at": "2025-03-14T09:00:00+00:00"}]
        target["candidate"]["extra_time_factor"] = 1.0
        target["journal"]["head"] = "a" * 64
        beside = scored_attempt(bank, f"A-OK-{number}", f"G{number:03d}", ITEMS)
        inner = inner_fields(kiosk, 2 * number - 1, [copy.deepcopy(target), beside], [])
        change(inner)
        # The mutated attempt's id is whatever the change left (a change never renames it).
        mutated[_first(inner)["attempt_id"]] = name
        path = folder / f"{2 * number - 1:03d}-bad.1xresult"
        path.write_bytes(seal_forged(world, kiosk, inner, splice))
        files.append(path)
        names[path.name] = name
        # A good bundle after each bad one: the batch goes on.
        honest = scored_attempt(bank, f"A-GOOD-{number}", f"H{number:03d}", ("T-001",))
        ok = inner_fields(kiosk, 2 * number, [honest], [])
        path = folder / f"{2 * number:03d}-good.1xresult"
        path.write_bytes(seal_forged(world, kiosk, ok))
        files.append(path)
        good.append(f"A-GOOD-{number}")

    report = import_bundles(world.ctx, [folder])

    assert len(report.outcomes) == len(files)
    by_name = {outcome.path.name: outcome for outcome in report.outcomes}
    for path in files:
        outcome = by_name[path.name]
        if path.name.endswith("-good.1xresult"):
            assert outcome.outcome is Outcome.IMPORTED, (path.name, outcome.problem)
            continue
        name = names[path.name]
        assert outcome.outcome in (Outcome.REFUSED, Outcome.IMPORTED), name
        if outcome.outcome is Outcome.REFUSED:
            assert outcome.problem is not None and outcome.problem.code in MESSAGES, name
            assert _one_sentence(sentence(outcome.problem)), (name, sentence(outcome.problem))
        else:
            assert len(outcome.flagged) == 1, (name, outcome.notes)
            for note in outcome.notes:
                assert note.code in MESSAGES and _one_sentence(sentence(note)), (name, sentence(note))
    with world.ctx.database.session() as session:
        held = reads.results(session)
        stands = standings(session, held)
    filed = {attempt for attempt, stand in stands.items() if stand.standing is Standing.READY}
    # Not one mutated attempt is filed as a result; every good one is.
    assert filed & set(mutated) == set()
    assert set(good) <= filed
    refused = sum(1 for outcome in report.outcomes if outcome.outcome is Outcome.REFUSED)
    kept_aside = len(report.flagged)
    assert refused + kept_aside == len(mutated)
    # Those caught only by rescoring are the ones whose numbers all agree with each other.
    assert {mutated[attempt] for attempt in report.flagged} == {
        "another grade",
        "journal forged",
        "earned marks edited, totals consistent",
        "answers changed after scoring",
        "pass flipped",
    }


def test_a_header_naming_a_bundle_no_database_can_keep_refuses_the_file_alone(
    world: World, bank: Bank
) -> None:
    kiosk = world.kiosk()
    inner = inner_fields(kiosk, 1, [scored_attempt(bank, "A-1", "C001", ITEMS)], [])
    inner["bundle_id"] = "K1-\x00"
    bad = world.root / "bad.1xresult"
    bad.write_bytes(seal_forged(world, kiosk, inner))
    good = world.bundle(kiosk, [scored_attempt(bank, "A-2", "C002", ITEMS)], sequence=2)
    refused, imported = import_bundles(world.ctx, [bad, good]).outcomes
    assert (refused.outcome, imported.outcome) == (Outcome.REFUSED, Outcome.IMPORTED)
    assert refused.problem is not None and refused.problem.code == "registry_import.bundle_unreadable"


@pytest.mark.parametrize("where", ["header", "signed part"])
def test_a_number_too_long_to_read_refuses_the_file_alone(world: World, bank: Bank, where: str) -> None:
    kiosk = world.kiosk()
    inner = inner_fields(kiosk, 1, [scored_attempt(bank, "A-1", "C001", ITEMS)], [])
    data = seal_forged(world, kiosk, inner)
    if where == "header":
        # The header is read before anything is checked: anyone can write one.
        start = len(BUNDLE_MAGIC) + 1
        (length,) = struct.unpack(">I", data[start : start + 4])
        header = data[start + 4 : start + 4 + length]
        header = header.replace(b'"sequence":1', b'"sequence":' + HUGE_DIGITS.encode())
        data = data[:start] + struct.pack(">I", len(header)) + header + data[start + 4 + length :]
    else:
        _first(inner)["allowed_seconds"] = 12345
        data = seal_forged(world, kiosk, inner, HUGE_DIGITS)
    bad = world.root / "bad.1xresult"
    bad.write_bytes(data)
    good = world.bundle(kiosk, [scored_attempt(bank, "A-2", "C002", ITEMS)], sequence=2)
    report = import_bundles(world.ctx, [bad, good])
    refused, imported = report.outcomes
    assert refused.outcome is Outcome.REFUSED and imported.outcome is Outcome.IMPORTED
    assert refused.problem is not None
    # The JSON reader itself refuses the number, so the refusal names the part that could not be read.
    expected = "bundle.header_unreadable" if where == "header" else "bundle.signed_unreadable"
    assert refused.problem.code == expected
    assert _one_sentence(sentence(refused.problem))
