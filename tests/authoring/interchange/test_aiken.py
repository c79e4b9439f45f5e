"""Aiken import: single-answer questions converted exactly; a malformed file names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.interchange.model import Outcome
from kiosk.domain.errors import InputError, Notice
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
    ("text", "code", "line"),
    [
        ("Q?\nA. one\nB. two\n\nNext?\nA. x\nB. y\nANSWER: A\n", "interchange.aiken_no_answer", 5),
        ("Q?\nA. one\nB. two\nANSWER: C\n", "interchange.aiken_answer_unknown", 4),
        ("Q?\nANSWER: A\n", "interchange.aiken_no_options", 2),
        ("Q?\nA. one\nB. two\n", "interchange.aiken_no_answer", 1),
    ],
)
def test_malformed_aiken_names_the_line(tmp_path: Path, text: str, code: str, line: int) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        convert("aiken", path)
    assert (caught.value.code, caught.value.params["line"]) == (code, line)
    if code == "interchange.aiken_answer_unknown":
        assert (caught.value.params["answer"], caught.value.params["options"]) == ("C", "A, B")
