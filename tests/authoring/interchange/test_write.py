"""The bank source written by an import reads back as exactly the values converted."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from kiosk.authoring.interchange.model import Converted, DraftBank, DraftCompetence, DraftItem, SourceRef
from kiosk.authoring.interchange.write import (
    bank_yaml,
    item_yaml,
    items_yaml,
    number,
    scalar,
    write_bank_folder,
)
from kiosk.authoring.source import read_bank_dir
from kiosk.domain.errors import FileWriteError, InputError
from kiosk.domain.items import Area, Choice, Difficulty, ItemType, ScoringRule, Text
from tests.fixtures.files import part_files


@pytest.mark.parametrize(
    "text",
    [
        "A",
        "yes",
        "No",
        "null",
        "~",
        "1",
        "0x1F",
        "3.2 V",
        "- dash",
        "key: value",
        "#hash",
        'quote " and \\ backslash',
        "line\nbreak",
        "tab\there",
        "中文：测试",
        "\u2028line separator",
        "nbsp\u00a0kept",
        "emoji 🔋",
        "",
    ],
)
def test_every_text_reads_back_as_itself(text: str) -> None:
    assert yaml.safe_load(f"value: {scalar(text)}") == {"value": text}


@pytest.mark.parametrize("value", [2.0, 0.05, 1e-05, 1.5e20, -3.25, 51.2, 123456789012345.0, 1e16])
def test_every_number_reads_back_as_itself(value: float) -> None:
    loaded = yaml.safe_load(f"value: {number(value)}")["value"]
    assert isinstance(loaded, int | float) and math.isclose(float(loaded), value, rel_tol=0, abs_tol=0)
    with pytest.raises(ValueError):
        number(math.inf)


def _bank() -> DraftBank:
    options = (Choice("A", Text("Yes", "是")), Choice("B", Text("no")))
    items = [
        DraftItem(ItemType.SINGLE, Text("Pick: one?", "选一个？"), options=options, key=("A",), id="W-1",
                  competence="F1", difficulty=Difficulty.EASY, rationale="Because.", level="apply"),
        DraftItem(ItemType.MULTIPLE, Text("Pick two"), options=options, key=("A", "B"),
                  scoring=ScoringRule.PARTIAL, points=2, id="W-2", competence="F1",
                  difficulty=Difficulty.HARD, rationale="Both."),
        DraftItem(ItemType.MATCHING, Text("Match"), premises=(Choice("1", Text("x")), Choice("2", Text("y"))),
                  options=options, pairs=(("1", "B"), ("2", "A")), id="W-3", competence="F1",
                  difficulty=Difficulty.MEDIUM, rationale="So."),
        DraftItem(ItemType.NUMERIC, Text("How many?"), value=1e-05, tolerance=1e-06, unit="F", id="W-4",
                  competence="F1", difficulty=Difficulty.MEDIUM, rationale="Small."),
        DraftItem(ItemType.SHORT_TEXT, Text("Name it"), accepted=("yes", "no: never"), id="W-5",
                  competence="F1", difficulty=Difficulty.EASY, rationale="Text."),
        DraftItem(ItemType.TRUE_FALSE, Text("True?"), key=("false",), id="W-6", competence="F1",
                  difficulty=Difficulty.EASY, rationale="No."),
    ]  # fmt: skip
    bank = DraftBank(
        converted=[Converted(SourceRef("s.xml", n, f"Q{n}"), draft, target="items/001-s.yaml") for n, draft in
                   enumerate(items, start=1)],
        title=Text("Written", "写出"),
        certificate="maintenance",
        grade=1,
        version=2,
        competences=[DraftCompetence("F1", Area.FOUNDATIONAL, Text("Materials"))],
    )  # fmt: skip
    return bank


def test_a_written_bank_reads_back_with_the_same_items(tmp_path: Path) -> None:
    bank = _bank()
    yaml_text = bank_yaml(bank, "test", str).replace(
        "blueprint:\n",
        "blueprint:\n  duration_minutes: 10\n  pass_mark: 50\n  draws: [{competence: F1, count: 3}]\n",
    )
    contents = {
        "bank.yaml": yaml_text.encode(),
        "items/001-s.yaml": items_yaml(bank, "items/001-s.yaml", lambda entry: entry.source.name).encode(),
    }
    write_bank_folder(tmp_path / "maintenance-1", contents)
    assert "  level: apply\n" in contents["items/001-s.yaml"].decode()
    loaded, problems = read_bank_dir(tmp_path / "maintenance-1")
    assert loaded is not None, [str(problem) for problem in problems]
    assert (loaded.title, loaded.version, loaded.languages) == (Text("Written", "写出"), 2, ("en", "zh"))
    assert len(loaded.items) == len(bank.items)
    for draft, back in zip(bank.items, loaded.items, strict=True):
        assert {name: getattr(back, name) for name in _fields(draft)} == _fields(draft)


def _fields(draft: DraftItem) -> dict[str, object]:
    """What a written item must read back as, field by field."""
    fields: dict[str, object] = {
        name: getattr(draft, name)
        for name in (
            "id",
            "type",
            "stem",
            "options",
            "key",
            "premises",
            "pairs",
            "unit",
            "accepted",
            "scoring",
        )
    }
    fields |= {"points": draft.points, "competence": draft.competence, "difficulty": draft.difficulty}
    fields |= {"rationale": draft.rationale, "tolerance": draft.tolerance}
    if draft.value is not None:
        fields["value"] = draft.value
    return fields


def test_an_item_yaml_leaves_out_what_the_source_did_not_say() -> None:
    draft = DraftItem(ItemType.TRUE_FALSE, Text("Cells age."), key=("true",), id="T-1")
    assert item_yaml(draft) == ["- id: T-1", "  type: true_false", '  stem: "Cells age."', "  answer: true"]


def test_an_existing_folder_with_files_is_never_written_into(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    with pytest.raises(InputError) as caught:
        write_bank_folder(tmp_path / "out", {"bank.yaml": b"x"})
    assert caught.value.code == "interchange.output_exists"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["keep.txt"]
    (tmp_path / "empty").mkdir()
    write_bank_folder(tmp_path / "empty", {"bank.yaml": b"x"})
    assert (tmp_path / "empty" / "bank.yaml").read_bytes() == b"x"


def test_a_full_disk_leaves_no_half_written_folder(tmp_path: Path, fill_disk: Callable[[], None]) -> None:
    fill_disk()
    with pytest.raises(FileWriteError) as caught:
        write_bank_folder(tmp_path / "bank", {"bank.yaml": b"x" * 100, "items/a.yaml": b"y" * 100})
    assert caught.value.code == "file.disk_full"
    assert sorted(path.name for path in tmp_path.iterdir()) == []
    assert part_files(tmp_path) == []
