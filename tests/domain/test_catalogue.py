"""The bank sources a report reads: a missing bank version is named with the versions that are there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.domain.catalogue import BankCatalogue, catalogue_of
from kiosk.domain.errors import InputError
from kiosk.domain.items import Bank
from kiosk.messages import sentence


def test_a_held_version_is_found(bank: Bank) -> None:
    assert catalogue_of([bank]).get(bank.bank_id, bank.version, "A-1") is bank


def test_a_missing_version_names_the_versions_held(bank: Bank) -> None:
    catalogue = BankCatalogue(
        {(bank.bank_id, 4): replace(bank, version=4), (bank.bank_id, 5): replace(bank, version=5)},
        (Path("banks"),),
    )
    with pytest.raises(InputError, match=r"^bank\.version_not_in_sources\b") as caught:
        catalogue.get(bank.bank_id, 3, "A-K1-1")
    assert caught.value.params == {
        "attempt": "A-K1-1",
        "bank": "maintenance-2",
        "version": 3,
        "sources": "banks",
        "held": "4, 5",
    }
    assert sentence(caught.value).startswith(
        "Attempt A-K1-1 was sat on bank maintenance-2 version 3, but banks holds version(s) 4, 5; "
    )


def test_a_missing_bank_says_the_sources_do_not_hold_it(bank: Bank) -> None:
    with pytest.raises(InputError, match=r"^bank\.not_in_sources\b") as caught:
        catalogue_of([bank]).get("design-1", 1, "A-K1-2")
    assert (caught.value.params["bank"], caught.value.params["held"]) == ("design-1", "")
