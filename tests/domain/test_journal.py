"""The answer journal's hash chain: what it covers, and how each kind of tampering is reported."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace

import pytest

from kiosk.domain.journal import (
    FIRST_SEQUENCE,
    GENESIS,
    JournalEntry,
    chain_head,
    entry_hash,
    next_sequence,
    submission_code,
    verify_chain,
)

ATTEMPT = "A-12"


def build_journal(count: int, attempt_id: str = ATTEMPT) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    for _ in range(count):
        sequence = next_sequence(entries)
        entries.append(
            JournalEntry.create(
                previous_hash=chain_head(entries),
                attempt_id=attempt_id,
                sequence=sequence,
                item_id=f"MNT2-{sequence:03d}",
                response_json=json.dumps(["A", "C"] if sequence % 2 else "电解液"),
                consumed_ms=1500 * sequence,
                recorded_at=f"2025-06-02T08:{sequence:02d}:00+00:00",
            )
        )
    return entries


FIELDS = (GENESIS, ATTEMPT, 1, "MNT2-001", '"B"', 1500, "2025-06-02T08:01:00+00:00")


# --- hashing --------------------------------------------------------------------------------------------


def test_entry_hash_is_hex_sha256_of_a_labelled_json_array() -> None:
    expected = hashlib.sha256(
        b'["onex-kiosk/answer-journal/v1","' + GENESIS.encode() + b'","A-12",1,"MNT2-001","\\"B\\"",1500,'
        b'"2025-06-02T08:01:00+00:00"]'
    ).hexdigest()
    assert entry_hash(*FIELDS) == expected
    assert len(expected) == 64


@pytest.mark.parametrize("index", range(len(FIELDS)))
def test_every_field_changes_the_hash(index: int) -> None:
    changed = list(FIELDS)
    changed[index] = changed[index] + 1 if isinstance(changed[index], int) else str(changed[index]) + "x"
    assert entry_hash(*changed) != entry_hash(*FIELDS)


def test_field_boundaries_are_unambiguous() -> None:
    # Moving text from one field to the next must not give the same hash, as naive concatenation would.
    first = entry_hash(GENESIS, "A-1", 1, "2X", "{}", 0, "t")
    second = entry_hash(GENESIS, "A-12", 1, "X", "{}", 0, "t")
    assert first != second


def test_create_computes_the_hash_and_new_entries_link_up() -> None:
    entries = build_journal(3)
    assert entries[0].previous_hash == GENESIS
    assert entries[0].sequence == FIRST_SEQUENCE == 1
    assert entries[1].previous_hash == entries[0].hash
    assert entries[2].hash == entry_hash(
        entries[1].hash,
        ATTEMPT,
        3,
        "MNT2-003",
        entries[2].response_json,
        4500,
        "2025-06-02T08:03:00+00:00",
    )
    assert all(entry.computed_hash() == entry.hash for entry in entries)


def test_chain_head_and_next_sequence() -> None:
    assert chain_head([]) == GENESIS
    assert next_sequence([]) == 1
    entries = build_journal(4)
    assert chain_head(entries) == entries[-1].hash
    assert next_sequence(entries) == 5


# --- verification ---------------------------------------------------------------------------------------


def test_an_intact_journal_has_no_problems() -> None:
    assert verify_chain(ATTEMPT, build_journal(10)) == []
    assert verify_chain(ATTEMPT, []) == []


def test_a_modified_entry_is_named() -> None:
    entries = build_journal(10)
    entries[6] = replace(entries[6], response_json='"D"')
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 7 of attempt A-12 was modified: its hash does not match."
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"consumed_ms": 1},
        {"recorded_at": "2025-06-02T07:00:00+00:00"},
        {"item_id": "MNT2-099"},
    ],
)
def test_any_modified_field_is_caught(change: dict[str, object]) -> None:
    entries = build_journal(5)
    entries[2] = replace(entries[2], **change)
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 3 of attempt A-12 was modified: its hash does not match."
    ]


def test_a_modified_entry_with_a_recomputed_hash_breaks_the_next_link() -> None:
    entries = build_journal(10)
    forged = replace(entries[6], response_json='"D"')
    entries[6] = replace(forged, hash=forged.computed_hash())
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 8 of attempt A-12 does not link to entry 7: entry 7 was changed or replaced."
    ]


def test_a_removed_entry_is_named() -> None:
    entries = build_journal(10)
    del entries[3]
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 4 of attempt A-12 is missing: it was removed or never written."
    ]


def test_several_removed_entries_are_each_named() -> None:
    entries = build_journal(10)
    del entries[4:7]
    assert verify_chain(ATTEMPT, entries) == [
        f"Journal entry {number} of attempt A-12 is missing: it was removed or never written."
        for number in (5, 6, 7)
    ]


def test_a_removed_first_entry_is_named() -> None:
    entries = build_journal(5)[1:]
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 1 of attempt A-12 is missing: it was removed or never written."
    ]


def test_removed_last_entries_are_caught_against_the_recorded_head() -> None:
    entries = build_journal(6)
    head = chain_head(entries)
    truncated = entries[:4]
    assert verify_chain(ATTEMPT, truncated) == []  # a chain alone cannot tell it was longer
    assert verify_chain(ATTEMPT, truncated, expected_head=head) == [
        "The journal of attempt A-12 does not end at its recorded head: "
        "its last entries were removed or replaced."
    ]
    assert verify_chain(ATTEMPT, entries, expected_head=head) == []
    assert verify_chain(ATTEMPT, [], expected_head=GENESIS) == []


def test_swapped_entries_are_named() -> None:
    entries = build_journal(6)
    entries[2], entries[3] = entries[3], entries[2]
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 4 of attempt A-12 is out of order: it comes before entry 3.",
        "Journal entry 3 of attempt A-12 is out of order: it comes after entry 4.",
    ]


def test_an_entry_moved_to_the_end_is_named() -> None:
    entries = build_journal(6)
    entries.append(entries.pop(1))
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 3 of attempt A-12 is out of order: it comes before entry 2.",
        "Journal entry 2 of attempt A-12 is out of order: it comes after entry 6.",
    ]


def test_renumbering_to_hide_a_removal_is_caught() -> None:
    entries = build_journal(5)
    del entries[2]
    entries[2:] = [replace(entry, sequence=entry.sequence - 1) for entry in entries[2:]]
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 3 of attempt A-12 was modified: its hash does not match.",
        "Journal entry 4 of attempt A-12 was modified: its hash does not match.",
        "Journal entry 3 of attempt A-12 does not link to entry 2: entry 2 was changed or replaced.",
    ]


def test_an_inserted_forgery_is_caught() -> None:
    entries = build_journal(4)
    forged = JournalEntry.create(
        entries[1].hash, ATTEMPT, 3, "MNT2-003", '"A"', 4000, "2025-06-02T08:03:30+00:00"
    )
    entries[2] = forged  # well-formed itself, but entry 4 still links to the original entry 3
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 4 of attempt A-12 does not link to entry 3: entry 3 was changed or replaced."
    ]


def test_a_repeated_entry_is_named() -> None:
    entries = build_journal(4)
    entries.insert(2, entries[1])
    assert verify_chain(ATTEMPT, entries) == ["Journal entry 2 of attempt A-12 appears more than once."]


def test_an_entry_from_another_attempt_is_named() -> None:
    entries = build_journal(3)
    other = build_journal(3, attempt_id="A-99")
    entries[2] = other[2]
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 3 of attempt A-12 belongs to attempt A-99 instead.",
        "Journal entry 3 of attempt A-12 does not link to entry 2: entry 2 was changed or replaced.",
    ]


def test_a_first_entry_not_linked_to_genesis_is_named() -> None:
    forged = JournalEntry.create("f" * 64, ATTEMPT, 1, "MNT2-001", '"A"', 0, "2025-06-02T08:00:00+00:00")
    assert verify_chain(ATTEMPT, [forged]) == [
        "Journal entry 1 of attempt A-12 does not start the chain: entries before it were removed or it was "
        "replaced."
    ]


def test_an_impossible_sequence_number_is_named() -> None:
    entries = build_journal(2)
    entries.append(JournalEntry.create(entries[1].hash, ATTEMPT, 0, "MNT2-009", '"A"', 0, "t"))
    assert verify_chain(ATTEMPT, entries) == [
        "Journal entry 0 of attempt A-12 has an impossible sequence number: entries are numbered from 1."
    ]


def test_a_submission_code_is_short_unambiguous_and_fixed_by_attempt_and_journal() -> None:
    code = submission_code("A-3F9A12BC-00001", "ab" * 32)
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}", code)
    assert submission_code("A-3F9A12BC-00001", "ab" * 32) == code
    assert submission_code("A-3F9A12BC-00002", "ab" * 32) != code
    assert submission_code("A-3F9A12BC-00001", GENESIS) != code


def test_the_submission_code_does_not_change_between_releases() -> None:
    # The registry recomputes these; changing the derivation would break every receipt already printed.
    assert submission_code("A-3F9A12BC-00001", GENESIS) == "8RGEU-RZQWJ"
