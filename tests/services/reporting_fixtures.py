"""Registry results for the reporting tests: attempts on the shared test bank (maintenance-1 version 3),
scored by the real scoring code, sealed into bundles and imported through the real registry import."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from kiosk.banks.source import load_bank_dir
from kiosk.domain.forms import Form, FormItem
from kiosk.domain.items import Bank
from kiosk.domain.scoring import score_attempt
from kiosk.services.registry_import import Outcome, import_bundles
from kiosk.services.reporting_banks import BankCatalogue, catalogue_of
from tests.services.registry_fixtures import World, attempt

# Two foundational items (F1) and two practical ones (P1); pass mark 60 %, practical minimum 50 %.
ITEMS = ("T-001", "T-003", "T-004", "T-007")
RIGHT: dict[str, object] = {"T-001": "A", "T-003": "true", "T-004": "2", "T-007": "electrolyte"}
WRONG: dict[str, object] = {"T-001": "B", "T-003": "false", "T-004": "5", "T-007": "water"}


@pytest.fixture(name="bank")
def bank_fixture(bank_dir: Path) -> Bank:
    return load_bank_dir(bank_dir)


@pytest.fixture(name="catalogue")
def catalogue_fixture(bank: Bank) -> BankCatalogue:
    return catalogue_of([bank])


def scored_attempt(
    bank: Bank,
    attempt_id: str,
    number: str,
    right: Sequence[str],
    name_zh: str | None = None,
    centre_sitting: str = "Morning theory",
    items: Sequence[str] = ITEMS,
) -> dict[str, Any]:
    """A finished attempt at a form of ``items``, answering ``right`` ones correctly and the rest wrongly."""
    chosen = {i: RIGHT[i] if i in right else WRONG[i] for i in items}
    form = Form(
        bank.bank_id,
        bank.version,
        7,
        tuple(FormItem(i, ("A", "B", "C") if i == "T-001" else ()) for i in items),
    )
    result = score_attempt(bank, form, chosen)
    record = attempt(attempt_id, number, items=len(items))
    record["candidate"]["name_zh"] = name_zh
    record["sitting"]["name"] = centre_sitting
    record["form"] = form.to_dict()
    record["responses"] = [
        {
            "item_id": i,
            "response": chosen.get(i),
            "flagged": False,
            "score": result.item_scores[i],
            "max": 1.0,
        }
        for i in items
    ]
    record["result"] = result.to_dict()
    return record


def import_attempts(world: World, kiosk_id: str, attempts: list[dict[str, Any]], centre: str = "") -> None:
    """Seal ``attempts`` as the kiosk's next bundle and import it; fails the test unless imported."""
    kiosk = world.kiosk(kiosk_id)
    if centre:
        kiosk.centre = centre
    path = world.bundle(kiosk, attempts)
    report = import_bundles(world.ctx, [path])
    assert [outcome.outcome for outcome in report.outcomes] == [Outcome.IMPORTED], report.outcomes
