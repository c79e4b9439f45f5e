"""GIFT import: every syntax of the corpus converted (scoring like Moodle would) or refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.interchange.html import BLANK
from kiosk.authoring.interchange.model import DraftCompetence, Outcome
from kiosk.domain.errors import InputError
from kiosk.domain.items import ItemType, ScoringRule, Text
from kiosk.domain.responses import Response
from tests.authoring.interchange.helpers import CORPUS, by_name, codes, convert, item, share

GIFT = CORPUS / "gift" / "energy-storage.gift"


@pytest.fixture(scope="module")
def gift() -> dict:
    bank = convert("gift", GIFT)
    return {"bank": bank, **by_name(bank)}


EXPECTED = {
    "Separator": (Outcome.CHANGED, ["interchange.feedback_dropped"], ItemType.SINGLE),
    "Anode": (Outcome.EXACT, [], ItemType.SINGLE),
    "Ageing": (Outcome.EXACT, [], ItemType.TRUE_FALSE),
    "Memory effect": (Outcome.CHANGED, ["interchange.feedback_dropped"], ItemType.TRUE_FALSE),
    "Electrolyte": (Outcome.EXACT, [], ItemType.SHORT_TEXT),
    "Cathodes": (Outcome.EXACT, [], ItemType.MULTIPLE),
    "Gases": (
        Outcome.CHANGED,
        ["interchange.weights_to_partial", "interchange.scoring_differs"],
        ItemType.MULTIPLE,
    ),
    "Voltages": (Outcome.EXACT, [], ItemType.MATCHING),
    "Discharge time": (Outcome.EXACT, [], ItemType.NUMERIC),
    "Pack voltage": (Outcome.EXACT, [], ItemType.NUMERIC),
    "Rest period": (Outcome.EXACT, [], ItemType.NUMERIC),
    "Charging time": (
        Outcome.CHANGED,
        ["interchange.partial_answers_dropped", "interchange.feedback_dropped"],
        ItemType.NUMERIC,
    ),
    "Ratio: capacity": (Outcome.EXACT, [], ItemType.SINGLE),
    "Formula": (Outcome.CHANGED, ["interchange.formatting_reduced"], ItemType.SINGLE),
    "Explain": (Outcome.NOT_CONVERTIBLE, ["interchange.type_not_convertible"], None),
    "Instructions": (Outcome.NOT_CONVERTIBLE, ["interchange.type_not_convertible"], None),
}


def test_every_question_is_reported_with_its_line(gift: dict) -> None:
    assert [entry.source.name for entry in gift["bank"].converted] == list(EXPECTED)
    for name, (outcome, notice_codes, item_type) in EXPECTED.items():
        entry = gift[name]
        assert (entry.outcome, codes(entry)) == (outcome, notice_codes), name
        assert entry.item is None or entry.item.type is item_type, name
    assert [gift[name].source.line for name in ("Separator", "Anode", "Explain")] == [7, 15, 65]
    assert gift["Explain"].notices[0].params == {"kind": "essay"}
    assert gift["Instructions"].notices[0].params == {"kind": "description"}


def test_the_syntaxes_become_the_right_keys(gift: dict) -> None:
    separator = item(gift["Separator"])
    assert separator.key == ("A",)
    assert separator.rationale == "The separator is ionically conducting but electronically insulating."
    assert (
        item(gift["Anode"]).stem.en
        == f"Most lithium-ion cells use {BLANK} as the negative electrode material."
    )
    assert item(gift["Ageing"]).key == ("true",)
    assert item(gift["Memory effect"]).key == ("false",)
    assert item(gift["Electrolyte"]).accepted == ("electrolyte", "the electrolyte")
    cathodes = item(gift["Cathodes"])
    assert (cathodes.key, cathodes.scoring) == (("A", "B"), ScoringRule.PARTIAL)
    voltages = item(gift["Voltages"])
    assert voltages.pairs == (("1", "A"), ("2", "B"), ("3", "C"))
    assert [o.text.en for o in voltages.options] == ["3.2 V", "2.0 V", "1.2 V"]
    assert (item(gift["Discharge time"]).value, item(gift["Discharge time"]).tolerance) == (2.0, 0.05)
    rest = item(gift["Rest period"])
    assert (rest.value, rest.tolerance) == (3.0, 2.0)
    assert item(gift["Formula"]).stem.en == "Which gas is written H₂ in this list?"
    assert gift["bank"].competences == [
        DraftCompetence("F1", None, Text("Specialised knowledge of energy storage materials")),
        DraftCompetence("P1", None, Text("Test the performance of batteries")),
    ]
    assert item(gift["Discharge time"]).competence == "P1"


def test_escaped_characters_are_the_characters_themselves(gift: dict) -> None:
    ratio = item(gift["Ratio: capacity"])
    assert (
        ratio.stem.en == "Which ratio is the C-rate of a 2 A discharge of a 4 Ah cell? (Think I = C ~ 0.5#)"
    )
    assert [o.text.en for o in ratio.options] == ["0.5C", "2C", "{1C}"]


@pytest.mark.parametrize(
    ("name", "response", "moodle"),
    [
        ("Cathodes", ["A", "C"], 0.0),
        ("Cathodes", ["A", "B"], 1.0),
        ("Rest period", "1", 1.0),
        ("Rest period", "5.1", 0.0),
        ("Voltages", {"1": "A", "2": "A", "3": "A"}, 1 / 3),
        ("Electrolyte", "ELECTROLYTE", 1.0),
        ("Charging time", "5", 1.0),
    ],
)
def test_converted_questions_score_as_moodle_would(
    gift: dict, name: str, response: Response, moodle: float
) -> None:
    assert share(item(gift[name]), response) == pytest.approx(moodle)


def test_reported_changes_are_real_differences(gift: dict) -> None:
    assert share(item(gift["Gases"]), ["A", "C"]) == 0.0  # Moodle: 50 %
    assert share(item(gift["Charging time"]), "5.4") == 0.0  # Moodle: 50 % within 0.5


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("// c\n\nQuestion one {=a ~b\n\nQuestion two {=c ~d}\n", "interchange.gift_braces", 3),
        ("Q {=a ~b}}\n", "interchange.gift_braces", 1),
        ("Q {=a {~b}}\n", "interchange.gift_braces", 1),
        ("\n\n::Title without end Q {=a ~b}\n", "interchange.gift_title", 3),
    ],
)
def test_malformed_gift_names_the_line(tmp_path: Path, text: str, code: str, line: int) -> None:
    path = tmp_path / "bad.gift"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        convert("gift", path)
    assert (caught.value.code, caught.value.params["line"], caught.value.params["file"]) == (
        code,
        line,
        str(path),
    )


def test_a_file_that_is_not_utf8_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.gift"
    path.write_bytes("Q one {T}\n\nCaf\u00e9 {F}\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        convert("gift", path)
    assert (caught.value.code, caught.value.params["line"]) == ("interchange.not_utf8", 3)


def test_a_wildcard_answer_cannot_be_converted(tmp_path: Path) -> None:
    path = tmp_path / "wild.gift"
    path.write_text("Name a lithium salt. {=LiPF*}\n\nName it again. {=LiPF6 =%0%*#no}\n", encoding="utf-8")
    first, second = convert("gift", path).converted
    assert first.outcome is Outcome.NOT_CONVERTIBLE and codes(first) == ["interchange.wildcard_answer"]
    assert item(second).accepted == ("LiPF6",)
