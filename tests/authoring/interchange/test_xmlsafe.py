"""The hardened XML reader: no DOCTYPE or entities, bounded size and depth, every element with its line."""

from __future__ import annotations

import pytest

from kiosk.authoring.interchange import xmlsafe
from kiosk.authoring.interchange.xmlsafe import parse_xml
from kiosk.domain.errors import InputError


def test_elements_keep_their_line_namespace_attributes_and_mixed_content() -> None:
    root = parse_xml(
        b'<?xml version="1.0"?>\n<a xmlns="urn:x" xml:lang="zh">\n  <b id="1">one <i>two</i> three</b>\n</a>',
        "f.xml",
    )
    assert (root.tag, root.namespace, root.line, root.get("xml:lang")) == ("a", "urn:x", 2, "zh")
    b = root.child("b")
    assert b is not None and b.line == 3 and b.get("id") == "1"
    assert b.all_text() == "one two three"
    assert b.text == "one  three"
    assert [node.tag for node in root.walk()] == ["a", "b", "i"]
    assert root.path("b", "i") is not None


def test_a_billion_laughs_is_refused_at_its_doctype() -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>'
    )
    with pytest.raises(InputError) as caught:
        parse_xml(bomb, "bomb.xml")
    assert caught.value.code == "interchange.xml_doctype"
    assert caught.value.params["file"] == "bomb.xml"


def test_an_external_entity_is_never_fetched() -> None:
    xxe = b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<a>&x;</a>'
    with pytest.raises(InputError) as caught:
        parse_xml(xxe, "x.xml")
    assert caught.value.code == "interchange.xml_doctype"


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"<quiz>\n<question>\n</quiz>", 3),
        (b"<a>\n&nbsp;</a>", 2),
        (b"", 1),
        (b"just text", 1),
    ],
)
def test_malformed_xml_names_the_file_and_line(data: bytes, line: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_xml(data, "quiz.xml")
    assert caught.value.code == "interchange.not_xml"
    assert caught.value.params["file"] == "quiz.xml"
    assert caught.value.params["line"] == line


def test_too_large_and_too_deep_documents_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmlsafe, "MAX_XML_BYTES", 100)
    with pytest.raises(InputError) as large:
        parse_xml(b"<a>" + b" " * 200 + b"</a>", "big.xml")
    assert large.value.code == "interchange.xml_too_large"
    monkeypatch.setattr(xmlsafe, "MAX_DEPTH", 5)
    with pytest.raises(InputError) as deep:
        parse_xml(b"<a>" * 6 + b"</a>" * 6, "deep.xml")
    assert deep.value.code == "interchange.xml_too_deep"
