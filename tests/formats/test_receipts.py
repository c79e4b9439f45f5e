"""Receipt files: a record's refusal is said of the receipt file it is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli.hints import with_hint
from kiosk.domain.errors import InputError, SecurityError
from kiosk.formats.keys import PrivateIdentity
from kiosk.formats.receipts import RECEIPT_PURPOSE, read_receipt, receipt_text
from kiosk.formats.records import sign_record
from kiosk.messages import sentence

DIGEST = "ab" * 32


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "B.1xreceipt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_receipt_reads_back(tmp_path: Path, registry: PrivateIdentity) -> None:
    path = write(tmp_path, receipt_text(registry, "B", "K1", 1, DIGEST, ["A-2", "A-1"]))
    receipt = read_receipt(path, registry.public)
    assert (receipt.bundle_id, receipt.kiosk_id, receipt.attempt_ids) == ("B", "K1", ("A-1", "A-2"))


def test_a_record_for_another_purpose_is_not_a_receipt(tmp_path: Path, registry: PrivateIdentity) -> None:
    path = write(tmp_path, sign_record(registry, "result-slip", {"attempt": "A-1"}) + "\n")
    with pytest.raises(SecurityError, match=r"^receipt\.wrong_purpose\b") as caught:
        read_receipt(path, registry.public)
    assert caught.value.params == {"path": path, "found": "result-slip", "expected": RECEIPT_PURPOSE}
    assert sentence(caught.value) == (
        f"The receipt file {path} does not check out: it holds a result-slip, not a bundle-receipt."
    )


def test_a_receipt_from_an_unknown_registry_names_its_key(
    tmp_path: Path, registry: PrivateIdentity, other_registry: PrivateIdentity
) -> None:
    path = write(tmp_path, receipt_text(other_registry, "B", "K1", 1, DIGEST, ["A-1"]))
    with pytest.raises(SecurityError, match=r"^receipt\.unknown_signer\b") as caught:
        read_receipt(path, registry.public)
    assert caught.value.params == {"path": path, "key_id": other_registry.key_id}
    said = sentence(caught.value)
    assert said.startswith(f"The receipt file {path} does not check out: it was signed by an unknown key")
    assert with_hint(caught.value).endswith("; give the registry's public key with --registry-key FILE.")


def test_a_record_that_is_not_a_receipt_is_refused(tmp_path: Path, registry: PrivateIdentity) -> None:
    path = write(tmp_path, sign_record(registry, RECEIPT_PURPOSE, {"bundle_id": "B"}) + "\n")
    with pytest.raises(InputError, match=r"^receipt\.not_a_receipt\b") as caught:
        read_receipt(path, registry.public)
    assert sentence(caught.value) == f"The receipt file {path} is not a bundle receipt."
