"""QTI 3.0 export: every sample bank goes out and comes back with the same items, keys and metadata, and
each exported item's response processing scores like the kiosk."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from kiosk.authoring.interchange import export_qti3, import_bank
from kiosk.authoring.interchange.export_qti3 import answer_pattern, item_xml, package_bytes, package_files
from kiosk.authoring.interchange.model import DraftItem, Outcome
from kiosk.authoring.interchange.probe import probes
from kiosk.authoring.interchange.qti3_check import package_problems
from kiosk.authoring.interchange.qti_rp import Container, Processor, xsd_regex
from kiosk.authoring.interchange.xmlsafe import parse_xml
from kiosk.authoring.problems import BankSourceRejected
from kiosk.authoring.source import load_bank_dir
from kiosk.domain.errors import InputError
from kiosk.domain.items import Bank, Item, ItemType
from kiosk.domain.responses import Response, normalise_text
from kiosk.domain.scoring import score_item
from tests.authoring.interchange.helpers import SAMPLE_BANKS

BANKS = sorted(path.parent.name for path in SAMPLE_BANKS.glob("*/bank.yaml"))
_BLUEPRINT = re.compile(r"^blueprint:\n(?:  .*\n)+", re.MULTILINE)


def test_there_are_nine_sample_banks() -> None:
    assert len(BANKS) == 9


@pytest.mark.parametrize("name", BANKS)
def test_a_sample_bank_round_trips_exactly(tmp_path: Path, name: str) -> None:
    source = SAMPLE_BANKS / name
    original = load_bank_dir(source)
    exported = export_qti3(source, tmp_path / f"{name}.zip")
    assert (exported.bank_id, exported.item_count) == (original.bank_id, len(original.items))
    report = import_bank("qti3", [exported.path], tmp_path / name)
    assert [(entry.outcome, entry.notices) for entry in report.entries] == [(Outcome.EXACT, ())] * len(
        original.items
    )
    # QTI items carry no blueprint: it is the one thing the author sets again.
    bank_yaml = tmp_path / name / "bank.yaml"
    blueprint = _BLUEPRINT.search((source / "bank.yaml").read_text(encoding="utf-8"))
    assert blueprint is not None
    text = _BLUEPRINT.sub(lambda _: blueprint.group(0), bank_yaml.read_text(encoding="utf-8"))
    bank_yaml.write_text(text, encoding="utf-8")
    back = load_bank_dir(tmp_path / name)
    assert back.items == original.items
    assert back.stimuli == original.stimuli
    assert back.images == original.images
    assert back.competences == original.competences
    assert (back.certificate, back.grade, back.version, back.title, back.languages) == (
        original.certificate,
        original.grade,
        original.version,
        original.title,
        original.languages,
    )


@pytest.mark.parametrize("name", BANKS)
def test_the_package_passes_the_structural_checks_and_is_reproducible(name: str) -> None:
    bank = load_bank_dir(SAMPLE_BANKS / name)
    data = package_bytes(bank)
    assert package_problems(data) == []
    assert package_bytes(bank) == data
    names = zipfile.ZipFile(BytesIO(data)).namelist()
    assert names[0] == "imsmanifest.xml"
    assert sum(1 for entry in names if entry.startswith("items/")) == len(bank.items)


def _qti_response(item: Item, response: Response) -> object:
    if item.type is ItemType.MULTIPLE:
        return Container("multiple", tuple(response)) if response else None
    if item.type is ItemType.ORDERING:
        return Container("ordered", tuple(response))
    if item.type is ItemType.MATCHING:
        assert isinstance(response, dict)
        pairs = tuple((f"P{premise}", option) for premise, option in response.items())
        return Container("multiple", pairs) if pairs else None
    if item.type is ItemType.NUMERIC:
        return float(str(response))
    return response


def _draft(item: Item) -> DraftItem:
    return DraftItem(
        item.type,
        item.stem,
        options=item.options,
        key=item.key,
        premises=item.premises,
        pairs=item.pairs,
        value=item.value,
        tolerance=item.tolerance,
        accepted=item.accepted,
        scoring=item.scoring,
    )


@pytest.mark.parametrize("name", ["maintenance-1", "recycling-3"])
def test_exported_response_processing_scores_like_the_kiosk(name: str) -> None:
    bank: Bank = load_bank_dir(SAMPLE_BANKS / name)
    for item in bank.items:
        root = parse_xml(item_xml(item, bank, f"items/{item.id}.xml", {}), item.id)
        processor = Processor.for_item(root)
        for response in probes(_draft(item)):
            try:
                kiosk = score_item(item, response)
            except InputError:
                continue
            qti = processor.score({"RESPONSE": _qti_response(item, response)})["SCORE"]
            assert qti == pytest.approx(kiosk), (item.id, response)


@pytest.mark.parametrize(
    ("accepted", "typed", "right"),
    [
        ("the electrolyte", "  The   ELECTROLYTE. ", True),
        ("cafe", "Café", True),
        ("LiFePO₄", "lifepo4", True),
        ("LiFePO4", "ＬｉＦｅＰＯ４", True),
        ("磷酸铁锂", "磷酸铁锂。", True),
        ("U.S.", "u.s", True),
        ("a-b [c]", "A-B [C]!", True),
        ("electrolyte", "electrolytes", False),
        ("electrolyte", "elec trolyte", False),
    ],
)
def test_the_short_answer_pattern_accepts_what_the_kiosk_accepts(
    accepted: str, typed: str, right: bool
) -> None:
    assert (normalise_text(typed) == normalise_text(accepted)) is right
    assert (xsd_regex(answer_pattern(accepted)).fullmatch(typed) is not None) is right


def test_texts_in_two_languages_and_preformatted_text_survive(tmp_path: Path) -> None:
    bank = load_bank_dir(SAMPLE_BANKS / "design-3")
    files = package_files(bank)
    stimulus = next(data for path, data in files.items() if path.startswith("stimuli/") and b"<pre>" in data)
    assert b'xml:lang="zh-Hans"' in stimulus
    manifest = files["imsmanifest.xml"].decode()
    assert "<imsmd:entry>design-3</imsmd:entry>" in manifest
    assert '<imsmd:string language="zh">' in manifest
    assert "<imsmd:value>competency</imsmd:value>" in manifest


def test_an_invalid_source_is_not_exported(tmp_path: Path, bank_dir: Path) -> None:
    (bank_dir / "bank.yaml").write_text("certificate: maintenance\n", encoding="utf-8")
    with pytest.raises(BankSourceRejected) as caught:
        export_qti3(bank_dir, tmp_path / "out.zip")
    assert caught.value.code == "bank.source_invalid"
    assert not (tmp_path / "out.zip").exists()
