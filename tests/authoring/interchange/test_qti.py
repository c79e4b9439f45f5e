"""QTI 2.1 and 3.0 import: every corpus item converted (scoring like its source) or refused with a reason."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest

from kiosk.authoring.interchange.html import BLANK
from kiosk.authoring.interchange.model import DraftCompetence, DraftStimulus, Outcome
from kiosk.authoring.interchange.qti import rename_qti2
from kiosk.authoring.interchange.qti_rp import Container, Processor
from kiosk.authoring.interchange.xmlsafe import parse_xml
from kiosk.domain.errors import InputError, Notice
from kiosk.domain.items import Area, Difficulty, ItemType, ScoringRule, Text
from kiosk.domain.responses import Response
from tests.authoring.interchange.helpers import CORPUS, by_name, codes, convert, item, share, zip_folder

QTI21 = CORPUS / "qti21"
QTI3 = CORPUS / "qti3"


def _source_share(path: Path, response: object, maximum: float = 1.0) -> float:
    """What the source item's own response processing gives ``response`` (a QTI value), as a share."""
    root = parse_xml(path.read_bytes(), path.name)
    if root.namespace.endswith("v2p1"):
        rename_qti2(root)
    score = Processor.for_item(root).score({"RESPONSE": response})["SCORE"]
    return float(score or 0.0) / maximum


@pytest.fixture(scope="module")
def qti21() -> dict[str, object]:
    bank = convert("qti21", *sorted(QTI21.glob("*.xml")), QTI21 / "package")
    return {"bank": bank, **by_name(bank)}


@pytest.fixture(scope="module")
def qti3() -> dict[str, object]:
    bank = convert("qti3", *sorted(QTI3.glob("*.xml")), QTI3 / "package")
    return {"bank": bank, **by_name(bank)}


def test_every_qti21_corpus_item_is_reported(qti21: dict) -> None:
    expected = {
        "Negative current collector": (Outcome.EXACT, []),
        "Cathode materials": (
            Outcome.CHANGED,
            [
                "interchange.scoring_differs",
                "interchange.weights_to_partial",
                "interchange.formatting_reduced",
            ],
        ),
        "Ion carrier": (Outcome.CHANGED, ["interchange.partial_answers_dropped"]),
        "Discharge time": (Outcome.CHANGED, ["interchange.relative_tolerance"]),
        "Pack energy": (Outcome.CHANGED, ["interchange.rounding_tolerance"]),
        "Nominal voltages": (Outcome.EXACT, []),
        "Capacity test steps": (Outcome.EXACT, []),
        "Thermal runaway": (Outcome.NOT_CONVERTIBLE, ["interchange.interaction_not_convertible"]),
        "Vent position": (Outcome.NOT_CONVERTIBLE, ["interchange.interaction_not_convertible"]),
        "Cell parts": (Outcome.CHANGED, ["interchange.difficulty_mapped", "interchange.feedback_dropped"]),
        "Electrolyte conduction": (Outcome.EXACT, []),
    }
    bank = qti21["bank"]
    assert len(bank.converted) == len(expected)
    for name, (outcome, notice_codes) in expected.items():
        entry = qti21[name]
        assert entry.outcome is outcome, name
        assert sorted(codes(entry)) == sorted(notice_codes), name
    assert qti21["Thermal runaway"].notices == [
        Notice("interchange.interaction_not_convertible", kind="extendedTextInteraction")
    ]
    assert qti21["Vent position"].notices[0].params == {"kind": "hotspotInteraction"}


def test_qti21_keys_and_texts(qti21: dict) -> None:
    single = item(qti21["Negative current collector"])
    assert (single.type, single.key, single.id) == (ItemType.SINGLE, ("A",), "Q21-CHOICE")
    first, second = single.stem.en.split("\n")
    assert first == "Look at the cell cross-section."
    assert second == "Which foil is the current collector of the graphite negative electrode?"
    assert [choice.text.en for choice in single.options] == ["Copper foil", "Aluminium foil", "Nickel foil"]
    matching = item(qti21["Nominal voltages"])
    assert (matching.pairs, matching.scoring, matching.points) == (
        (("1", "A"), ("2", "B"), ("3", "C")),
        ScoringRule.PARTIAL,
        3,
    )
    assert [choice.text.en for choice in matching.options] == ["3.2 V", "2.0 V", "1.2 V", "3.7 V"]
    ordering = item(qti21["Capacity test steps"])
    assert (ordering.key, ordering.scoring) == (("B", "C", "A"), ScoringRule.ALL_OR_NOTHING)
    number = item(qti21["Discharge time"])
    assert (number.value, number.tolerance, number.unit, number.points) == (2.0, 0.1, "h", 2)
    rounded = item(qti21["Pack energy"])
    assert (rounded.value, rounded.tolerance) == (4.8, 0.05)
    text = item(qti21["Ion carrier"])
    assert text.accepted == ("electrolyte", "the electrolyte")
    assert text.stem.en == f"The liquid that carries ions between the electrodes is the {BLANK}."


def test_qti21_package_brings_metadata_images_and_rationale(qti21: dict) -> None:
    bank = qti21["bank"]
    cell = item(qti21["Cell parts"])
    assert (cell.competence, cell.difficulty, cell.image) == ("F1", Difficulty.EASY, "images/cell.png")
    assert (QTI21 / "package" / "images" / "cell.png").read_bytes() == bank.images["images/cell.png"]
    assert bank.title == Text("Cell construction")
    assert bank.competences == [DraftCompetence("F1")]
    true_false = item(qti21["Electrolyte conduction"])
    assert (true_false.type, true_false.key) == (ItemType.TRUE_FALSE, ("true",))
    assert true_false.rationale == "An electrolyte is an ionic conductor and an electronic insulator."


@pytest.mark.parametrize(
    ("name", "file", "ours", "theirs"),
    [
        ("Cathode materials", "choice-multiple.xml", ["A", "B"], Container("multiple", ("NMC", "LFP"))),
        ("Cathode materials", "choice-multiple.xml", ["A"], Container("multiple", ("NMC",))),
        (
            "Cathode materials",
            "choice-multiple.xml",
            ["A", "C"],
            Container("multiple", ("NMC", "GRAPHITE")),
        ),
        ("Ion carrier", "text-entry-string.xml", "The Electrolyte", "The Electrolyte"),
        ("Discharge time", "text-entry-float.xml", "2.09", 2.09),
        ("Discharge time", "text-entry-float.xml", "2.11", 2.11),
        (
            "Nominal voltages",
            "match.xml",
            {"1": "A", "2": "C"},
            Container("multiple", (("LFP", "V32"), ("PB", "V12"))),
        ),
        (
            "Capacity test steps",
            "order.xml",
            ["B", "C", "A"],
            Container("ordered", ("CHARGE", "REST", "DISCHARGE")),
        ),
        (
            "Capacity test steps",
            "order.xml",
            ["B", "A", "C"],
            Container("ordered", ("CHARGE", "DISCHARGE", "REST")),
        ),
    ],
)
def test_converted_qti21_items_score_like_their_source(
    qti21: dict, name: str, file: str, ours: Response, theirs: object
) -> None:
    draft = item(qti21[name])
    assert share(draft, ours) == pytest.approx(_source_share(QTI21 / file, theirs, draft.points))


def test_where_the_kiosk_scores_differently_the_report_shows_it(qti21: dict) -> None:
    draft = item(qti21["Cathode materials"])
    source = _source_share(QTI21 / "choice-multiple.xml", Container("multiple", ("NMC", "LEAD")), 2)
    assert (share(draft, ["A", "D"]), source) == (0.0, 0.5)
    differs = next(n for n in qti21["Cathode materials"].notices if n.code == "interchange.scoring_differs")
    assert differs.params == {"response": '["A","D"]', "source": 50, "kiosk": 0}


def test_every_qti3_corpus_item_is_reported(qti3: dict) -> None:
    expected = {
        "Anode material": (Outcome.EXACT, []),
        "Fire risks": (Outcome.EXACT, []),
        "Series voltage": (Outcome.EXACT, []),
        "Formation film": (Outcome.CHANGED, ["interchange.case_sensitive"]),
        "Cell components": (Outcome.EXACT, []),
        "Recycling steps": (Outcome.EXACT, []),
        "Cell voltage": (Outcome.EXACT, []),
        "Second life": (Outcome.NOT_CONVERTIBLE, ["interchange.interaction_not_convertible"]),
        "Busbar": (Outcome.NOT_CONVERTIBLE, ["interchange.interaction_not_convertible"]),
        "Pack voltage": (Outcome.EXACT, []),
        "Pack capacity": (Outcome.CHANGED, ["interchange.image_svg_refused"]),
    }
    assert len(qti3["bank"].converted) == len(expected)
    for name, (outcome, notice_codes) in expected.items():
        assert qti3[name].outcome is outcome, name
        assert sorted(codes(qti3[name])) == sorted(notice_codes), name
    assert qti3["Busbar"].notices[0].params == {"kind": "qti-hotspot-interaction"}
    assert qti3["Pack capacity"].notices[0].params == {"image": "images/wiring.svg", "reason": "<script>"}


def test_qti3_keys_texts_and_scoring(qti3: dict) -> None:
    single = item(qti3["Anode material"])
    assert (single.key, single.options[0].text.en) == (("A",), "Graphite")
    multiple = item(qti3["Fire risks"])
    assert (multiple.key, multiple.scoring, multiple.points) == (("A", "C"), ScoringRule.PARTIAL, 2)
    assert share(multiple, ["A", "B"]) == _source_share(
        QTI3 / "choice-multiple.xml", Container("multiple", ("A", "B")), 2
    )
    number = item(qti3["Series voltage"])
    assert (number.value, number.tolerance, number.unit) == (51.2, 0.1, "V")
    assert share(number, "51.29") == _source_share(QTI3 / "text-entry-float.xml", 51.29) == 1.0
    text = item(qti3["Formation film"])
    assert text.accepted == ("SEI",)
    assert (share(text, "sei"), _source_share(QTI3 / "text-entry-string.xml", "sei")) == (1.0, 0.0)
    matching = item(qti3["Cell components"])
    assert [p.text.en for p in matching.premises] == ["Graphite", "LiPF₆"]
    assert (matching.pairs, matching.scoring) == ((("1", "A"), ("2", "B")), ScoringRule.ALL_OR_NOTHING)
    ordering = item(qti3["Recycling steps"])
    assert (ordering.key, ordering.scoring) == (("B", "D", "A", "C"), ScoringRule.PARTIAL)
    theirs = Container("ordered", ("DISCHARGE", "SHRED", "DISMANTLE", "LEACH"))
    assert share(ordering, ["B", "A", "D", "C"]) == _source_share(QTI3 / "order.xml", theirs) == 0.5
    inline = item(qti3["Cell voltage"])
    assert (inline.stem.en, inline.key) == (f"The nominal voltage of an LFP cell is {BLANK}.", ("B",))


def test_qti3_package_brings_competences_stimuli_and_both_languages(qti3: dict) -> None:
    bank = qti3["bank"]
    pack = item(qti3["Pack voltage"])
    assert pack.stem == Text("What is the nominal voltage of the pack?", "该电池包的标称电压是多少？")
    assert (pack.competence, pack.difficulty, pack.stimulus) == ("P1", Difficulty.MEDIUM, "S-PACK")
    assert pack.rationale == "Four cells in series: 4 × 3.2 V = 12.8 V."
    assert bank.competences == [
        DraftCompetence("P1", Area.PRACTICAL, Text("Assemble battery packs", "组装电池包"))
    ]
    assert bank.stimuli == [
        DraftStimulus(
            "S-PACK",
            Text(
                "The pack is built from eight 3.2 V, 50 Ah cells in a 4S2P arrangement.",
                "电池包由八只 3.2 V、50 Ah 的电芯按 4S2P 方式组成。",
            ),
            "images/pack.svg",
        )
    ]
    capacity = item(qti3["Pack capacity"])
    assert (capacity.unit, capacity.stimulus, capacity.image) == ("Ah", "S-PACK", None)
    assert bank.title == Text("Battery packs", "电池包")


def test_a_zipped_package_reads_like_the_unpacked_one(tmp_path: Path, qti3: dict) -> None:
    zipped = convert("qti3", zip_folder(QTI3 / "package", tmp_path / "packs.zip"))
    assert [entry.item for entry in zipped.converted] == [
        qti3["Pack voltage"].item,
        qti3["Pack capacity"].item,
    ]
    assert zipped.stimuli == qti3["bank"].stimuli


def test_a_zip_of_items_without_a_manifest_is_read_item_by_item(tmp_path: Path) -> None:
    folder = tmp_path / "loose"
    folder.mkdir()
    for name in ("choice-single.xml", "order.xml"):
        shutil.copy(QTI3 / name, folder / name)
    (folder / "notes.xml").write_text("<notes/>")
    bank = convert("qti3", zip_folder(folder, tmp_path / "loose.zip"))
    assert [entry.source.name for entry in bank.converted] == ["Anode material", "Recycling steps"]


def test_the_wrong_qti_version_is_an_error_naming_both(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        convert("qti3", QTI21 / "choice-single.xml")
    assert caught.value.code == "interchange.qti_version"
    assert (caught.value.params["found"], caught.value.params["expected"], caught.value.params["line"]) == (
        "2.1",
        "3.0",
        2,
    )
    other = tmp_path / "other.xml"
    other.write_text('<assessmentItem xmlns="urn:not-qti"/>')
    with pytest.raises(InputError) as namespace:
        convert("qti21", other)
    assert namespace.value.code == "interchange.qti_namespace"


def test_a_malformed_item_names_its_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<qti-assessment-item>\n<qti-item-body>\n</qti-assessment-item>')
    with pytest.raises(InputError) as caught:
        convert("qti3", broken)
    assert (caught.value.code, caught.value.params["line"]) == ("interchange.not_xml", 4)
    assert caught.value.params["file"] == str(broken)


def test_a_manifest_naming_a_missing_item_is_an_error(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(QTI3 / "package", package)
    (package / "items" / "pack-2.xml").unlink()
    with pytest.raises(InputError) as caught:
        convert("qti3", package)
    assert caught.value.code == "interchange.package_file_missing"
    assert caught.value.params["href"] == "items/pack-2.xml"


def _item(body: str, declarations: str = "", processing: str = "", root_extra: str = "") -> str:
    return (
        '<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="T" title="T" '
        f'time-dependent="false">{root_extra}{declarations}'
        '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>'
        f"<qti-item-body>{body}</qti-item-body>{processing}</qti-assessment-item>"
    )


SINGLE = (
    '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">'
    "<qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>"
)
CHOICE = (
    '<qti-choice-interaction response-identifier="RESPONSE" max-choices="1">'
    '<qti-simple-choice identifier="A">Yes</qti-simple-choice>'
    '<qti-simple-choice identifier="B">No</qti-simple-choice>'
    "</qti-choice-interaction>"
)
MATCH_CORRECT = '<qti-response-processing template="https://x/match_correct.xml"/>'


@pytest.mark.parametrize(
    ("xml", "code"),
    [
        (_item("<p>Nothing to answer.</p>", SINGLE, MATCH_CORRECT), "interchange.no_interaction"),
        (_item(CHOICE + CHOICE, SINGLE, MATCH_CORRECT), "interchange.several_interactions"),
        (
            _item(
                CHOICE,
                SINGLE,
                MATCH_CORRECT,
                '<qti-template-declaration identifier="X" cardinality="single"/>',
            ),
            "interchange.item_templated",
        ),
        (_item(CHOICE.replace("RESPONSE", "OTHER"), SINGLE, MATCH_CORRECT), "interchange.no_declaration"),
        (_item(CHOICE, SINGLE.replace("<qti-value>A</qti-value>", ""), MATCH_CORRECT), "interchange.no_key"),
        (
            _item(
                '<qti-choice-interaction response-identifier="RESPONSE">'
                + "".join(f'<qti-simple-choice identifier="C{n}">{n}</qti-simple-choice>' for n in range(9))
                + "</qti-choice-interaction>",
                SINGLE,
                MATCH_CORRECT,
            ),
            "interchange.too_many_options",
        ),
    ],
)
def test_items_the_kiosk_cannot_hold_are_refused_with_the_reason(tmp_path: Path, xml: str, code: str) -> None:
    path = tmp_path / "item.xml"
    path.write_text(xml, encoding="utf-8")
    entry = convert("qti3", path).converted[0]
    assert entry.outcome is Outcome.NOT_CONVERTIBLE
    assert codes(entry) == [code]


def test_an_item_without_response_processing_is_scored_from_its_key(tmp_path: Path) -> None:
    path = tmp_path / "item.xml"
    path.write_text(_item("<p>Is it?</p>" + CHOICE, SINGLE), encoding="utf-8")
    entry = convert("qti3", path).converted[0]
    assert (item(entry).key, codes(entry)) == (("A",), ["interchange.scoring_from_key"])


def test_images_from_data_uris_are_kept_and_references_outside_the_package_are_not(tmp_path: Path) -> None:
    png = (QTI21 / "package" / "images" / "cell.png").read_bytes()
    inline = f'<p><img src="data:image/png;base64,{base64.b64encode(png).decode()}" alt="cell"/></p>'
    path = tmp_path / "item.xml"
    path.write_text(_item(inline + CHOICE, SINGLE, MATCH_CORRECT), encoding="utf-8")
    bank = convert("qti3", path)
    assert item(bank.converted[0]).image == "images/inline.png"
    assert bank.images == {"images/inline.png": png}
    path.write_text(_item('<p><img src="../../secret.png" alt=""/></p>' + CHOICE, SINGLE, MATCH_CORRECT))
    entry = convert("qti3", path).converted[0]
    assert entry.notices == [Notice("interchange.image_missing", image="../../secret.png")]
