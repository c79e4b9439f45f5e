"""Receipts: the registry's signed word that it holds a bundle's attempts, carried back to the kiosk.

A receipt file is text: a comment line for people, then one or more signed record tokens
(:func:`kiosk.formats.records.sign_record`, purpose ``bundle-receipt``), each listing part of the
acknowledged attempt ids, so a bundle of any size gets a receipt whose tokens stay small. The same bundle
always gets the same receipt (Ed25519 signatures are deterministic and no time is included), so a lost
receipt can be issued again by importing the bundle again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.errors import InputError, SecurityError
from kiosk.formats.keys import PrivateIdentity, PublicIdentity
from kiosk.formats.records import sign_record, verify_record
from kiosk.support.files import PRIVATE, write_file

RECEIPT_PURPOSE = "bundle-receipt"


RECEIPT_SUFFIX = ".1xreceipt"


# Each refusal of a signed record, and its twin that names the receipt file the record is in.
_IN_RECEIPT = {
    "record.unreadable": "receipt.unreadable",
    "record.unknown_signer": "receipt.unknown_signer",
    "record.altered": "receipt.altered",
    "record.wrong_purpose": "receipt.wrong_purpose",
}


# Attempt ids per token: keeps each signed record well under the token format's 64 KiB limit.
IDS_PER_PART = 400


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a verified receipt acknowledges."""

    bundle_id: str
    kiosk_id: str
    sequence: int
    digest: str
    attempt_ids: tuple[str, ...]


def receipt_text(
    identity: PrivateIdentity,
    bundle_id: str,
    kiosk_id: str,
    sequence: int,
    digest: str,
    attempt_ids: Sequence[str],
) -> str:
    """The receipt file's text for one imported bundle."""
    ids = sorted(attempt_ids)
    chunks = [ids[start : start + IDS_PER_PART] for start in range(0, len(ids), IDS_PER_PART)] or [[]]
    lines = [
        f"# 1+X result receipt: the registry holds {len(ids)} attempt(s) of bundle {bundle_id} from kiosk "
        f"{kiosk_id}. On that kiosk run: kiosk receipt import <this file>"
    ]
    for part, chunk in enumerate(chunks, start=1):
        record: dict[str, object] = {
            "bundle_id": bundle_id,
            "kiosk_id": kiosk_id,
            "sequence": sequence,
            "digest": digest,
            "attempts": list(chunk),
            "part": part,
            "parts": len(chunks),
        }
        lines.append(sign_record(identity, RECEIPT_PURPOSE, record))
    return "\n".join(lines) + "\n"


def write_receipt(
    identity: PrivateIdentity,
    directory: Path,
    bundle_id: str,
    kiosk_id: str,
    sequence: int,
    digest: str,
    attempt_ids: Sequence[str],
) -> Path:
    """Write ``<bundle id>.1xreceipt`` into ``directory`` atomically and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{bundle_id}{RECEIPT_SUFFIX}"
    text = receipt_text(identity, bundle_id, kiosk_id, sequence, digest, attempt_ids)
    # Private: it lists which candidates' attempts the registry holds.
    write_file(path, text.encode("ascii"), PRIVATE)
    return path


def read_receipt(path: Path, registry: PublicIdentity | Sequence[PublicIdentity]) -> Receipt:
    """Read a receipt file and verify every part against the registry's public key (or any of several)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("receipt.file_missing", path=path) from None
    except OSError as error:
        raise InputError("receipt.file_unreadable", path=path, reason=error.strerror or str(error)) from None
    except UnicodeDecodeError as error:
        raise InputError("receipt.file_unreadable", path=path, reason=str(error)) from None
    tokens = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not tokens:
        raise InputError("receipt.empty", path=path)
    trusted = [registry] if isinstance(registry, PublicIdentity) else list(registry)
    records = []
    for token in tokens:
        try:
            records.append(verify_record(token, RECEIPT_PURPOSE, trusted))
        except SecurityError as error:
            # The record's own refusal, said of the receipt file it is in.
            raise SecurityError(_IN_RECEIPT.get(error.code, error.code), path=path, **error.params) from None
    return _combine(path, records)


def _combine(path: Path, records: Sequence[dict[str, Any]]) -> Receipt:
    first = records[0]
    bundle_id, kiosk_id, sequence, digest = (
        first.get("bundle_id"),
        first.get("kiosk_id"),
        first.get("sequence"),
        first.get("digest"),
    )
    parts = first.get("parts")
    if not (
        isinstance(bundle_id, str)
        and isinstance(kiosk_id, str)
        and isinstance(sequence, int)
        and isinstance(digest, str)
        and isinstance(parts, int)
    ):
        raise InputError("receipt.not_a_receipt", path=path)
    seen: set[int] = set()
    attempt_ids: list[str] = []
    for record in records:
        same = (record.get("bundle_id"), record.get("kiosk_id"), record.get("digest"), record.get("parts"))
        if same != (bundle_id, kiosk_id, digest, parts):
            raise InputError("receipt.mixed_bundles", path=path)
        part, ids = record.get("part"), record.get("attempts")
        if not isinstance(part, int) or not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise InputError("receipt.not_a_receipt", path=path)
        seen.add(part)
        attempt_ids.extend(ids)
    missing = sorted(set(range(1, parts + 1)) - seen)
    if missing:
        shown = ", ".join(str(part) for part in missing)
        raise InputError("receipt.incomplete", path=path, missing=shown, parts=parts)
    if len(seen) != len(records) or len(records) != parts:
        raise InputError("receipt.part_repeated", path=path)
    return Receipt(bundle_id, kiosk_id, sequence, digest, tuple(attempt_ids))
