"""Aiken import: single-answer questions converted exactly; a malformed file names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.interchange.model import Outcome
from kiosk.domain.errors import Notice
from kiosk.domain.items import ItemType
from tests.authoring.interchange.helpers import CORPUS, convert, item, share

AIKEN = CORPUS / "aiken" / "energy-storage.txt"


def test_the_corpus_converts_and_the_ninth_option_is_too_many() -> None:
    converted = convert("aiken", AIKEN).converted
    assert [(entry.source.line, entry.outcome) for entry in converted] == [
        (1, Outcome.EXACT),
        (8, Outcome.EXACT),
        (14, Outcome.EXACT),
        (20, Outcome.NOT_CONVERTIBLE),
    ]
    first, second, third, fourth = converted
    assert (item(first).type, item(first).key) == (ItemType.SINGLE, ("A",))
    assert [o.text.en for o in item(second).options] == ["LiCoO2", "LiFePO4", "NMC811", "NCA"]
    assert item(second).key == ("B",)
    assert item(third).stem.en == 'What does the "C" in a C-rate of 0.5C stand for?'
    assert fourth.notices == [Notice("interchange.too_many_options", count=9, limit=8)]
    assert first.source.name == "Which foil is the current collector of the…"
    assert (share(item(second), "B"), share(item(second), "A")) == (1.0, 0.0)


@pytest.mark.parametrize(
    ("text", "code", "line", "at"),
    [
        ("Q?\nA. one\nB. two\n\nNext?\nA. x\nB. y\nANSWER: A\n", "interchange.aiken_no_answer", 5, 1),
        ("Q?\nA. one\nB. two\nANSWER: C\n", "interchange.aiken_answer_unknown", 4, 1),
        ("Q?\nANSWER: A\n", "interchange.aiken_no_options", 2, 1),
        ("Q?\nA. one\nB. two\n", "interchange.aiken_no_answer", 5, 1),  # the next question's line
        ("A. one\nB. two\nANSWER: A\n", "interchange.aiken_option_first", 1, 1),
    ],
)
def test_a_malformed_question_is_listed_with_its_line_and_the_rest_go_on(
    tmp_path: Path, text: str, code: str, line: int, at: int
) -> None:
    path = tmp_path / "bad.txt"
    good = "Which gas does an overcharged lead-acid cell give off?\nA. Hydrogen\nB. Chlorine\nANSWER: A\n"
    path.write_text(good + "\n" + text + "\n" + good.replace("Which gas", "What gas"), encoding="utf-8")
    shift = good.count("\n") + 1
    converted = convert("aiken", path).converted
    outcomes = [entry.outcome for entry in converted]
    assert outcomes[0] == outcomes[-1] == Outcome.EXACT  # the questions around the bad one still come in
    [bad] = [entry for entry in converted if entry.outcome is Outcome.NOT_CONVERTIBLE]
    [notice] = bad.notices
    assert (notice.code, notice.params["line"], bad.source.line) == (code, line + shift, at + shift)
    assert str(notice.params["file"]).endswith("bad.txt")
    if code == "interchange.aiken_answer_unknown":
        assert (notice.params["answer"], notice.params["options"]) == ("C", "A, B")


def test_every_question_of_a_file_with_many_faults_is_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "faults.txt"
    path.write_text(
        "One?\nA. a\nB. b\nANSWER: Z\nTwo?\nA. a\nB. b\nThree?\nA. a\nB. b\nANSWER: B\nFour?\nANSWER: A\n",
        encoding="utf-8",
    )
    converted = convert("aiken", path).converted
    assert [(entry.source.line, entry.outcome) for entry in converted] == [
        (1, Outcome.NOT_CONVERTIBLE),
        (5, Outcome.NOT_CONVERTIBLE),
        (8, Outcome.EXACT),
        (12, Outcome.NOT_CONVERTIBLE),
    ]
    assert [entry.notices[0].code for entry in converted if entry.item is None] == [
        "interchange.aiken_answer_unknown",
        "interchange.aiken_no_answer",
        "interchange.aiken_no_options",
    ]
