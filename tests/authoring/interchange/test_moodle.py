"""Moodle XML import: every corpus question converted (scoring like Moodle) or refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.interchange import import_bank
from kiosk.authoring.interchange.html import BLANK
from kiosk.authoring.interchange.model import DraftCompetence, Outcome
from kiosk.domain.errors import InputError, Notice
from kiosk.domain.items import Difficulty, ItemType, ScoringRule, Text
from kiosk.domain.responses import Response
from kiosk.messages import sentence
from tests.authoring.interchange.helpers import CORPUS, by_name, codes, convert, item, share

QUIZ = CORPUS / "moodle" / "energy-storage.xml"


@pytest.fixture(scope="module")
def quiz() -> dict:
    bank = convert("moodle", QUIZ)
    return {"bank": bank, **by_name(bank)}


EXPECTED = {
    "Negative current collector": (Outcome.CHANGED, ["interchange.formatting_reduced"]),
    "Cathode materials (balanced weights)": (Outcome.EXACT, []),
    "Safety devices (harsh penalty)": (
        Outcome.CHANGED,
        ["interchange.weights_to_partial", "interchange.scoring_differs", "interchange.feedback_dropped"],
    ),
    "Lead-acid nominal voltage": (Outcome.EXACT, []),
    "Ion carrier": (Outcome.EXACT, []),
    "Formation film (case and partial credit)": (
        Outcome.CHANGED,
        ["interchange.partial_answers_dropped", "interchange.case_sensitive", "interchange.feedback_dropped"],
    ),
    "Discharge time": (Outcome.EXACT, []),
    "Pack voltage (two units)": (
        Outcome.CHANGED,
        ["interchange.units_dropped", "interchange.feedback_dropped"],
    ),
    "Nominal voltages": (Outcome.EXACT, []),
    "Explain thermal runaway": (Outcome.NOT_CONVERTIBLE, ["interchange.type_not_convertible"]),
    "Drag the words": (Outcome.NOT_CONVERTIBLE, ["interchange.type_not_convertible"]),
    "Capacity test steps": (Outcome.EXACT, []),
    "Formula in the stem": (
        Outcome.CHANGED,
        ["interchange.partial_options_dropped", "interchange.formatting_reduced"],
    ),
}


def test_every_question_is_reported_and_category_entries_are_not_questions(quiz: dict) -> None:
    assert [entry.source.name for entry in quiz["bank"].converted] == list(EXPECTED)
    for name, (outcome, notice_codes) in EXPECTED.items():
        assert quiz[name].outcome is outcome, name
        assert codes(quiz[name]) == notice_codes, name
    assert quiz["Explain thermal runaway"].notices == [
        Notice("interchange.type_not_convertible", kind="essay")
    ]
    assert quiz["Drag the words"].notices[0].params == {"kind": "ddwtos"}
    assert quiz["Negative current collector"].source.line == 15


def test_keys_texts_and_metadata(quiz: dict) -> None:
    first = item(quiz["Negative current collector"])
    assert (first.id, first.type, first.key) == ("MNT1-101", ItemType.SINGLE, ("A",))
    assert (
        first.stem.en
        == "In a lithium-ion cell, which foil is the current collector of the graphite negative electrode?"
    )
    assert (first.competence, first.difficulty, first.level) == ("F1", Difficulty.EASY, "remember")
    assert (
        first.rationale
        == "Aluminium alloys with lithium at the negative electrode's potential, so copper is used."
    )
    bilingual = item(quiz["Cathode materials (balanced weights)"])
    assert bilingual.stem == Text("Which are lithium-ion cathode materials?", "哪些是锂离子电池正极材料？")
    assert (bilingual.key, bilingual.scoring, bilingual.points) == (("A", "B"), ScoringRule.PARTIAL, 2)
    assert item(quiz["Safety devices (harsh penalty)"]).competence == "P1"
    number = item(quiz["Discharge time"])
    assert (number.value, number.tolerance, number.unit) == (2.0, 0.05, "h")
    assert item(quiz["Pack voltage (two units)"]).unit == "V"
    assert item(quiz["Lead-acid nominal voltage"]).key == ("true",)
    assert item(quiz["Ion carrier"]).accepted == ("electrolyte", "the electrolyte")
    matching = item(quiz["Nominal voltages"])
    assert [p.text.en for p in matching.premises] == ["LFP", "Lead-acid", "NiMH"]
    assert [o.text.en for o in matching.options] == ["3.2 V", "2.0 V", "1.2 V", "3.7 V"]
    assert matching.pairs == (("1", "A"), ("2", "B"), ("3", "C"))
    ordering = item(quiz["Capacity test steps"])
    assert (ordering.key, ordering.scoring, ordering.competence) == (
        ("A", "B", "C"),
        ScoringRule.PARTIAL,
        "P1",
    )
    formula = item(quiz["Formula in the stem"])
    assert "CO₂" in formula.stem.en and "m²" in formula.stem.en and BLANK not in formula.stem.en
    assert quiz["bank"].competences == [
        DraftCompetence("F1", None, Text("Specialised knowledge of energy storage materials")),
        DraftCompetence("P1", None, Text("Test the performance of batteries")),
    ]


@pytest.mark.parametrize(
    ("name", "response", "moodle"),
    [
        ("Cathode materials (balanced weights)", ["A", "C"], 0.0),
        ("Cathode materials (balanced weights)", ["A"], 0.5),
        ("Cathode materials (balanced weights)", ["A", "B", "C"], 0.5),
        ("Discharge time", "2.04", 1.0),
        ("Discharge time", "2.06", 0.0),
        ("Nominal voltages", {"1": "A", "2": "C"}, 1 / 3),
        ("Capacity test steps", ["A", "C", "B"], 1 / 3),
        ("Ion carrier", "The Electrolyte", 1.0),
        ("Ion carrier", "water", 0.0),
        ("Lead-acid nominal voltage", "false", 0.0),
    ],
)
def test_converted_questions_score_as_moodle_does(
    quiz: dict, name: str, response: Response, moodle: float
) -> None:
    assert share(item(quiz[name]), response) == pytest.approx(moodle)


@pytest.mark.parametrize(
    ("name", "response", "moodle", "kiosk"),
    [
        ("Safety devices (harsh penalty)", ["A", "B", "C"], 0.0, 0.5),
        ("Formula in the stem", "B", 0.5, 0.0),
        ("Formation film (case and partial credit)", "sei", 0.0, 1.0),
    ],
)
def test_reported_changes_are_real_differences(
    quiz: dict, name: str, response: Response, moodle: float, kiosk: float
) -> None:
    assert quiz[name].outcome is Outcome.CHANGED
    assert share(item(quiz[name]), response) == kiosk != moodle


def test_the_written_folder_holds_the_bank_the_image_and_the_report(tmp_path: Path) -> None:
    output = tmp_path / "maintenance-1"
    report = import_bank("moodle", [QUIZ], output, word=sentence)
    assert (
        report.count(Outcome.EXACT),
        report.count(Outcome.CHANGED),
        report.count(Outcome.NOT_CONVERTIBLE),
    ) == (
        6,
        5,
        2,
    )
    bank_yaml = (output / "bank.yaml").read_text(encoding="utf-8")
    assert "certificate: maintenance\ngrade: 1\nversion: 1\n" in bank_yaml
    assert '  - {id: F1, title: "Specialised knowledge of energy storage materials"}' in bank_yaml
    assert (output / "images" / "cell-layers.png").read_bytes()[:4] == b"\x89PNG"
    items = (output / "items" / "001-energy-storage.yaml").read_text(encoding="utf-8")
    assert '  image: "images/cell-layers.png"' in items
    assert "# " + str(QUIZ) + ':15 "Negative current collector": converted as MNT1-101 with changes' in items
    lines = (output / "import-report.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("13 question(s) read: 6 converted exactly, 5 converted with changes, 2 not")
    assert any(
        '"Explain thermal runaway": not convertible: essay questions have no kiosk item type.' in line
        for line in lines
    )


def test_a_file_that_is_not_a_moodle_export_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?>\n<questions/>")
    with pytest.raises(InputError) as caught:
        convert("moodle", other)
    assert caught.value.code == "interchange.moodle_not_quiz"
    assert caught.value.params == {"file": str(other), "line": 2, "found": "questions"}
    broken = tmp_path / "broken.xml"
    broken.write_text("<quiz>\n<question type='truefalse'>\n</quiz>")
    with pytest.raises(InputError) as malformed:
        convert("moodle", broken)
    assert (malformed.value.code, malformed.value.params["line"]) == ("interchange.not_xml", 3)
