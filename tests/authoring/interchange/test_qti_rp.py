"""QTI response processing evaluated: templates, custom rules, tolerances, rounding, patterns."""

from __future__ import annotations

import pytest

from kiosk.authoring.interchange.probe import Unreadable
from kiosk.authoring.interchange.qti import rename_qti2
from kiosk.authoring.interchange.qti_rp import Container, Processor, parse_value, template_name, xsd_regex
from kiosk.authoring.interchange.xmlsafe import parse_xml

NS = 'xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"'


def _processor(declarations: str, processing: str) -> Processor:
    item = f"<qti-assessment-item {NS}>{declarations}{processing}</qti-assessment-item>"
    return Processor.for_item(parse_xml(item.encode(), "item.xml"))


def _score(processor: Processor, response: object) -> object:
    return processor.score({"RESPONSE": response})["SCORE"]


FLOAT_SCORE = '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>'


def test_the_match_correct_and_map_response_templates() -> None:
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier">'
        "<qti-correct-response><qti-value>A</qti-value><qti-value>B</qti-value></qti-correct-response>"
        '<qti-mapping lower-bound="0" upper-bound="2" default-value="-1">'
        '<qti-map-entry map-key="A" mapped-value="1"/><qti-map-entry map-key="B" mapped-value="1"/>'
        "</qti-mapping></qti-response-declaration>" + FLOAT_SCORE
    )
    match = _processor(declaration, '<qti-response-processing template="https://x/match_correct.xml"/>')
    assert _score(match, Container("multiple", ("B", "A"))) == 1.0
    assert _score(match, Container("multiple", ("A",))) == 0.0
    mapped = _processor(
        declaration, '<qti-response-processing template="http://x/rptemplates/map_response"/>'
    )
    assert _score(mapped, Container("multiple", ("A", "B", "C"))) == 1.0
    assert _score(mapped, Container("multiple", ("A", "C", "D"))) == 0.0
    assert _score(mapped, Container("multiple", ("A", "A"))) == 1.0
    assert _score(mapped, None) == 0.0


def _numeric(condition: str) -> Processor:
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="float">'
        "<qti-correct-response><qti-value>4.8</qti-value></qti-correct-response></qti-response-declaration>"
        + FLOAT_SCORE
    )
    rules = (
        "<qti-response-processing><qti-response-condition><qti-response-if>"
        f"{condition}"
        '<qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">3</qti-base-value>'
        "</qti-set-outcome-value></qti-response-if></qti-response-condition></qti-response-processing>"
    )
    return _processor(declaration, rules)


@pytest.mark.parametrize(
    ("condition", "right", "wrong"),
    [
        (
            '<qti-equal tolerance-mode="absolute" tolerance="0.1 0.2"><qti-correct identifier="RESPONSE"/>'
            '<qti-variable identifier="RESPONSE"/></qti-equal>',
            [4.7, 5.0, 4.8],
            [4.69, 5.01],
        ),
        (
            '<qti-equal tolerance-mode="relative" tolerance="10"><qti-correct identifier="RESPONSE"/>'
            '<qti-variable identifier="RESPONSE"/></qti-equal>',
            [4.33, 5.27],
            [4.3, 5.3],
        ),
        (
            '<qti-equal-rounded rounding-mode="decimalPlaces" figures="1">'
            '<qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-equal-rounded>',
            [4.75, 4.84],
            [4.74, 4.85],
        ),
        (
            '<qti-equal-rounded rounding-mode="significantFigures" figures="1">'
            '<qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-equal-rounded>',
            [4.5, 5.49],
            [4.49, 5.5],
        ),
    ],
)
def test_numbers_within_a_tolerance_or_a_rounding(
    condition: str, right: list[float], wrong: list[float]
) -> None:
    processor = _numeric(condition)
    assert [_score(processor, number) for number in right] == [3.0] * len(right)
    assert [_score(processor, number) for number in wrong] == [0.0] * len(wrong)
    assert _score(processor, None) == 0.0


def test_patterns_are_xml_schema_regular_expressions() -> None:
    assert xsd_regex(r"[\s\p{Z}]*[sS]\p{Mn}*[eE][iI][\s\p{Z}\p{Po}]*").fullmatch(" Sei.") is not None
    assert xsd_regex(r"a^b$c").fullmatch("a^b$c") is not None
    assert xsd_regex(r"\d+\.\d").fullmatch("12.5") is not None
    assert xsd_regex(r"[^\s]+").fullmatch("no space") is None
    with pytest.raises(Unreadable):
        xsd_regex(r"[a-z-[aeiou]]")
    with pytest.raises(Unreadable):
        xsd_regex(r"\p{IsBasicLatin}")


def test_operators_not_evaluated_are_named() -> None:
    declaration = '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer"/>'
    rules = (
        '<qti-response-processing><qti-set-outcome-value identifier="SCORE">'
        '<qti-random-integer min="1" max="2"/></qti-set-outcome-value></qti-response-processing>'
    )
    with pytest.raises(Unreadable) as caught:
        _score(_processor(declaration + FLOAT_SCORE, rules), 1)
    assert caught.value.what == "qti-random-integer"


def test_qti_2_names_are_read_as_qti_3_names() -> None:
    item = parse_xml(
        b'<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"><responseDeclaration '
        b'identifier="RESPONSE" cardinality="single" baseType="string"><correctResponse><value>SEI</value>'
        b"</correctResponse></responseDeclaration>"
        b'<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/><itemBody><p>x</p>'
        b'</itemBody><responseProcessing><responseCondition><responseIf><stringMatch caseSensitive="false">'
        b'<variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></stringMatch>'
        b'<setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>'
        b"</responseIf></responseCondition></responseProcessing></assessmentItem>",
        "item.xml",
    )
    rename_qti2(item)
    assert [child.tag for child in item.children][:2] == [
        "qti-response-declaration",
        "qti-outcome-declaration",
    ]
    processor = Processor.for_item(item)
    assert _score(processor, "sei") == 1.0 and _score(processor, "SEL") == 0.0


def test_values_and_template_names() -> None:
    assert parse_value(" P1  A ", "directedPair") == ("P1", "A")
    assert parse_value("2", "integer") == 2
    with pytest.raises(ValueError):
        parse_value("P1", "pair")
    node = parse_xml(
        b'<r template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>', "r"
    )
    assert template_name(node) == "map_response"
