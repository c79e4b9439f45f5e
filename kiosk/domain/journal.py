"""The tamper-evident answer journal: every saved answer is an entry whose hash covers the one before it.

Changing, removing, inserting or reordering entries breaks the chain at a point that names the entry, which
:func:`verify_chain` reports at start-up and before export. Sequence numbers start at 1; the first entry
links to :data:`GENESIS`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

GENESIS = "0" * 64
FIRST_SEQUENCE = 1

# A purpose label keeps these hashes from ever being confused with hashes of anything else.
_PURPOSE = "onex-kiosk/answer-journal/v1"

SUBMISSION_CODE_LENGTH = 10
# 32 symbols without 0/O and 1/I, which are misread when a code is copied from a receipt.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_CODE_LABEL = b"onex-kiosk/submission-code/v1\x00"
# Built once: ``json.dumps`` with these options builds an identical encoder on every call, which costs more
# than the encoding itself on the answer-save path.
_FIELDS_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def submission_code(attempt_id: str, journal_head: str) -> str:
    """A short code such as ``7KQ4M-X2D9P`` that identifies an attempt's final answers.

    The candidate sees it on the end screen; the registry recomputes it from the exported attempt and prints
    it on the result slip and certificate, so a candidate can check the registry holds the answers they
    submitted.
    """
    digest = hashlib.sha256(_CODE_LABEL + attempt_id.encode("utf-8") + b"\x00" + journal_head.encode("ascii"))
    number = int.from_bytes(digest.digest()[:8], "big")
    symbols = []
    for _ in range(SUBMISSION_CODE_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        symbols.append(CODE_ALPHABET[index])
    code = "".join(symbols)
    return f"{code[:5]}-{code[5:]}"


def entry_hash(
    previous_hash: str,
    attempt_id: str,
    sequence: int,
    item_id: str,
    response_json: str,
    consumed_ms: int,
    recorded_at: str,
) -> str:
    """The SHA-256 (hex) of an entry's fields, encoded as a canonical JSON array so no two differ alike."""
    fields = [_PURPOSE, previous_hash, attempt_id, sequence, item_id, response_json, consumed_ms, recorded_at]
    encoded = _FIELDS_ENCODER.encode(fields)
    return hashlib.sha256(encoded.encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One saved answer as journalled: what was answered, when, and the link to the entry before it."""

    previous_hash: str
    attempt_id: str
    sequence: int
    item_id: str
    response_json: str
    consumed_ms: int
    recorded_at: str
    hash: str

    @classmethod
    def create(
        cls,
        previous_hash: str,
        attempt_id: str,
        sequence: int,
        item_id: str,
        response_json: str,
        consumed_ms: int,
        recorded_at: str,
    ) -> JournalEntry:
        """A new entry with its hash computed; pass the current :func:`chain_head` as ``previous_hash``."""
        digest = entry_hash(
            previous_hash, attempt_id, sequence, item_id, response_json, consumed_ms, recorded_at
        )
        return cls(
            previous_hash, attempt_id, sequence, item_id, response_json, consumed_ms, recorded_at, digest
        )

    def computed_hash(self) -> str:
        """The hash the entry's fields give now; differs from ``hash`` if a field was changed."""
        return entry_hash(
            self.previous_hash,
            self.attempt_id,
            self.sequence,
            self.item_id,
            self.response_json,
            self.consumed_ms,
            self.recorded_at,
        )


def chain_head(entries: Sequence[JournalEntry]) -> str:
    """The hash the next entry must link to: the last entry's (entries in sequence order), else GENESIS."""
    return entries[-1].hash if entries else GENESIS


def next_sequence(entries: Sequence[JournalEntry]) -> int:
    """The sequence number of the next entry to append (entries in sequence order)."""
    return entries[-1].sequence + 1 if entries else FIRST_SEQUENCE


def verify_chain(
    attempt_id: str, entries: Sequence[JournalEntry], expected_head: str | None = None
) -> list[str]:
    """Check an attempt's journal, given in stored order; returns one sentence per problem, empty if intact.

    Detects entries whose fields no longer match their hash, entries from another attempt, missing,
    repeated or reordered sequence numbers, and broken links between consecutive entries. Entries removed
    from the end leave a shorter but consistent chain; pass the separately recorded ``expected_head`` to
    detect that too.
    """
    problems: list[str] = []
    present = {entry.sequence for entry in entries}
    by_sequence: dict[int, JournalEntry] = {}
    highest = FIRST_SEQUENCE - 1
    for entry in entries:
        number = entry.sequence
        name = f"Journal entry {number} of attempt {attempt_id}"
        if entry.attempt_id != attempt_id:
            problems.append(f"{name} belongs to attempt {entry.attempt_id} instead.")
        if entry.computed_hash() != entry.hash:
            problems.append(f"{name} was modified: its hash does not match.")
        if number < FIRST_SEQUENCE:
            problems.append(f"{name} has an impossible sequence number: entries are numbered from 1.")
            continue
        if number in by_sequence:
            problems.append(f"{name} appears more than once.")
            continue
        by_sequence[number] = entry
        if number < highest:
            problems.append(f"{name} is out of order: it comes after entry {highest}.")
        elif number > highest + 1:
            skipped = range(highest + 1, number)
            later = [gap for gap in skipped if gap in present]
            if later:
                problems.append(f"{name} is out of order: it comes before entry {later[0]}.")
            problems.extend(
                f"Journal entry {gap} of attempt {attempt_id} is missing: it was removed or never written."
                for gap in skipped
                if gap not in present
            )
        highest = max(highest, number)

    for number, entry in sorted(by_sequence.items()):
        if number == FIRST_SEQUENCE:
            if entry.previous_hash != GENESIS:
                problems.append(
                    f"Journal entry {number} of attempt {attempt_id} does not start the chain: "
                    "entries before it were removed or it was replaced."
                )
        elif number - 1 in by_sequence and entry.previous_hash != by_sequence[number - 1].hash:
            problems.append(
                f"Journal entry {number} of attempt {attempt_id} does not link to entry {number - 1}: "
                f"entry {number - 1} was changed or replaced."
            )

    if expected_head is not None:
        last = by_sequence[max(by_sequence)].hash if by_sequence else GENESIS
        if last != expected_head:
            problems.append(
                f"The journal of attempt {attempt_id} does not end at its recorded head: "
                "its last entries were removed or replaced."
            )
    return problems
