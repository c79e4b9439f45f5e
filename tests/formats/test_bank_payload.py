"""The bank payload round trip and refusal of payloads this kiosk cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.authoring.source import load_bank_dir
from kiosk.domain.errors import BankError
from kiosk.formats.bank_payload import bank_from_payload, bank_to_payload
from kiosk.messages import sentence


def test_round_trip_keeps_every_item_type_and_images(bank_dir: Path) -> None:
    bank = load_bank_dir(bank_dir)
    again = bank_from_payload(bank_to_payload(bank))
    assert again == bank
    assert again.items == bank.items
    assert again.images == bank.images


def test_payload_is_canonical(bank_dir: Path) -> None:
    bank = load_bank_dir(bank_dir)
    assert bank_to_payload(bank) == bank_to_payload(bank_from_payload(bank_to_payload(bank)))


def test_unknown_format_is_refused(bank_dir: Path) -> None:
    data = json.loads(bank_to_payload(load_bank_dir(bank_dir)))
    data["format"] = 99
    with pytest.raises(BankError, match=r"^payload\.format_unknown\b") as caught:
        bank_from_payload(json.dumps(data).encode())
    assert caught.value.params == {"found": "99", "known": 2}
    assert "has format 99; this kiosk reads format 2" in sentence(caught.value)


def test_a_bank_without_format_2_additions_keeps_format_1_for_first_release_kiosks(bank_dir: Path) -> None:
    bank = load_bank_dir(bank_dir)
    assert not bank.blueprint.enemies
    assert json.loads(bank_to_payload(bank))["format"] == 1


def test_enemy_sets_make_a_format_2_payload_that_reads_back(bank_dir: Path) -> None:
    """A kiosk that knows only format 1 would draw forms without the enemy sets: it must refuse instead."""
    meta = bank_dir / "bank.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\nenemies:\n  - [T-008, T-009]\n", encoding="utf-8")
    bank = load_bank_dir(bank_dir)
    payload = bank_to_payload(bank)
    assert json.loads(payload)["format"] == 2
    assert bank_from_payload(payload).blueprint.enemies == (("T-008", "T-009"),)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"", "payload.unreadable"),
        (b"not json", "payload.unreadable"),
        (b"[]", "payload.unreadable"),
        (b'{"format": 1}', "payload.unreadable"),
        (b'{"format": "1"}', "payload.format_unknown"),
    ],
)
def test_garbage_is_refused_with_a_sentence(payload: bytes, code: str) -> None:
    with pytest.raises(BankError) as caught:
        bank_from_payload(payload)
    assert caught.value.code == code
    assert "{" not in sentence(caught.value)


def test_round_trip_keeps_the_order_of_area_minimums(bank_dir: Path) -> None:
    meta = bank_dir / "bank.yaml"
    meta.write_text(meta.read_text().replace("{practical: 50}", "{practical: 50, foundational: 40}"))
    bank = load_bank_dir(bank_dir)
    assert [area.value for area, _ in bank.blueprint.area_minimums] == ["practical", "foundational"]
    assert bank_from_payload(bank_to_payload(bank)) == bank
