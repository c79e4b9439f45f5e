"""``import_bank``: formats, files, the new folder's name, and the ids the items get."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.interchange import import_bank, read_sources
from kiosk.domain.errors import InputError
from tests.authoring.interchange.helpers import CORPUS

AIKEN = CORPUS / "aiken" / "energy-storage.txt"


def test_an_unknown_format_or_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as unknown:
        read_sources("word", [AIKEN], tmp_path / "x")
    assert unknown.value.params == {"format": "word", "known": "qti3, qti21, moodle, gift, aiken"}
    with pytest.raises(InputError) as missing:
        read_sources("aiken", [tmp_path / "nothing.txt"], tmp_path / "x")
    assert missing.value.code == "interchange.file_missing"


def test_a_folder_named_like_a_bank_gives_its_certificate_and_grade(tmp_path: Path) -> None:
    named = read_sources("aiken", [AIKEN], tmp_path / "recycling-3")
    assert (named.certificate, named.grade) == ("recycling", 3)
    other = read_sources("aiken", [AIKEN], tmp_path / "my import")
    assert (other.certificate, other.grade) == (None, None)
    assert [item.id for item in other.items] == ["MY-IMPORT-001", "MY-IMPORT-002", "MY-IMPORT-003"]


def test_usable_source_ids_are_kept_and_clashes_renumbered(tmp_path: Path) -> None:
    qti = CORPUS / "qti3"
    bank = read_sources(
        "qti3", [qti / "choice-single.xml", qti / "choice-single.xml", qti / "order.xml"], tmp_path / "b"
    )
    assert [item.id for item in bank.items] == ["Q3-CHOICE", "B-001", "Q3-ORDER"]


def test_each_source_file_gets_its_own_item_file_and_nothing_is_dropped(tmp_path: Path) -> None:
    aiken_report = import_bank("aiken", [AIKEN, AIKEN], tmp_path / "bank")
    assert len(aiken_report.entries) == 8
    assert sorted(path.name for path in (tmp_path / "bank" / "items").iterdir()) == [
        "001-energy-storage.yaml",
        "002-energy-storage.yaml",
    ]
    assert sorted(path.name for path in (tmp_path / "bank").iterdir()) == [
        "bank.yaml",
        "import-report.txt",
        "items",
    ]


def test_a_malformed_file_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Q?\nA. caf\xe9\nB. b\nANSWER: A\n")  # not UTF-8: the file cannot be read at all
    with pytest.raises(InputError):
        import_bank("aiken", [AIKEN, bad], tmp_path / "bank")
    assert not (tmp_path / "bank").exists()
