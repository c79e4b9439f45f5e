"""A tiny bank built in code, packages of it, and right/wrong answers per item: shared by the service
tests and the power-cut child process."""

from __future__ import annotations

from kiosk.banks.payload import bank_to_payload
from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Certificate,
    Choice,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    ScoringRule,
    Text,
)
from kiosk.domain.responses import Response
from kiosk.security.keys import PrivateIdentity
from kiosk.security.packages import TEST_RELEASE_KDF, build_package
from kiosk.services.authoring import package_header_fields

RELEASE_CODE = "K7QF-M2XD-9PHA"
PIN = "246810"


def _choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(choice_id, Text(f"Option {choice_id}")) for choice_id in ids)


def _item(item_id: str, item_type: ItemType, competence: str, **fields: object) -> Item:
    return Item(
        id=item_id,
        type=item_type,
        competence=competence,
        difficulty=Difficulty.EASY,
        stem=Text(f"Question {item_id}"),
        rationale="For reviewers.",
        **fields,  # type: ignore[arg-type]
    )


ITEMS = (
    _item("F-01", ItemType.SINGLE, "F1", options=_choices("A", "B", "C", "D"), key=("B",)),
    _item(
        "F-02",
        ItemType.MULTIPLE,
        "F1",
        options=_choices("A", "B", "C", "D"),
        key=("A", "C"),
        scoring=ScoringRule.PARTIAL,
    ),
    _item("F-03", ItemType.TRUE_FALSE, "F1", key=("true",)),
    _item("F-04", ItemType.NUMERIC, "F1", value=2.0, tolerance=0.05, unit="h"),
    _item("F-05", ItemType.SINGLE, "F1", options=_choices("A", "B", "C"), key=("A",)),
    _item("P-01", ItemType.ORDERING, "P1", options=_choices("A", "B", "C"), key=("A", "B", "C")),
    _item(
        "P-02",
        ItemType.MATCHING,
        "P1",
        premises=(Choice("1", Text("LFP")), Choice("2", Text("Lead-acid"))),
        options=_choices("A", "B", "C"),
        pairs=(("1", "B"), ("2", "A")),
        scoring=ScoringRule.PARTIAL,
    ),
    _item("P-03", ItemType.SHORT_TEXT, "P1", accepted=("electrolyte", "the electrolyte")),
    _item("P-04", ItemType.TRUE_FALSE, "P1", key=("false",)),
)

RIGHT: dict[str, Response] = {
    "F-01": "B",
    "F-02": ["A", "C"],
    "F-03": "true",
    "F-04": "2.0",
    "F-05": "A",
    "P-01": ["A", "B", "C"],
    "P-02": {"1": "B", "2": "A"},
    "P-03": "Electrolyte.",
    "P-04": "false",
}

WRONG: dict[str, Response] = {
    "F-01": "A",
    "F-02": ["B", "D"],
    "F-03": "false",
    "F-04": "7",
    "F-05": "C",
    "P-01": ["C", "B", "A"],
    "P-02": {"1": "C", "2": "B"},
    "P-03": "anode",
    "P-04": "true",
}


def make_bank(
    version: int = 1,
    duration_minutes: int = 30,
    certificate: Certificate = Certificate.MAINTENANCE,
    grade: int = 2,
    draws: tuple[Draw, ...] = (Draw("F1", 5), Draw("P1", 4)),
) -> Bank:
    """A maintenance grade II bank of nine items, one of every type; by default a form holds all nine."""
    return Bank(
        certificate=certificate,
        grade=grade,
        version=version,
        title=Text(f"Energy Storage {certificate.value.capitalize()}, Grade {grade}"),
        languages=("en",),
        competences=(
            Competence("F1", Area.FOUNDATIONAL, Text("Knowledge")),
            Competence("P1", Area.PRACTICAL, Text("Practice")),
        ),
        blueprint=Blueprint(
            duration_minutes=duration_minutes,
            pass_mark=60.0,
            draws=draws,
            area_minimums=((Area.PRACTICAL, 50.0),),
        ),
        items=ITEMS,
    )


def make_package(bank: Bank, signer: PrivateIdentity, release_code: str = RELEASE_CODE) -> bytes:
    """A signed, encrypted package of ``bank`` with cheap key derivation (tests only)."""
    return build_package(
        package_header_fields(bank), bank_to_payload(bank), signer, release_code, kdf=TEST_RELEASE_KDF
    )
