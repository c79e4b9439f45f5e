"""Shared byte-level helpers: JSON parsing, base64, labels, codes and the length-prefixed reader."""

from __future__ import annotations

import json

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats import encoding
from kiosk.formats.encoding import (
    ByteReader,
    PlacedObject,
    b64decode,
    b64encode,
    check_label,
    has_ambiguous_characters,
    normalise_code,
    parse_json_object,
    parse_json_outline,
    purpose_label,
    random_code,
)
from kiosk.messages import sentence

UNREADABLE, TWICE = "bundle.signed_unreadable", "bundle.signed_field_twice"


def test_parse_json_object() -> None:
    assert parse_json_object(b'{"a":1,"b":"\xe5\xbc\xa0"}', UNREADABLE, TWICE) == {"a": 1, "b": "张"}


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (b'{"a":1,"a":2}', TWICE, {"key": "a", "bundle_id": "B-1"}),
        (b"[1,2]", UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"a":', UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"a":"\xff"}', UNREADABLE, {"bundle_id": "B-1"}),
        (b"[" * 100_000, UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"points": ' + b"9" * 5000 + b"}", UNREADABLE, {"bundle_id": "B-1"}),
    ],
    ids=["duplicate", "not an object", "cut short", "not utf-8", "too deep", "a 5,000-digit number"],
)
def test_parse_json_object_refuses_bad_input(data: bytes, code: str, params: dict[str, object]) -> None:
    with pytest.raises(SecurityError) as caught:
        parse_json_object(data, UNREADABLE, TWICE, bundle_id="B-1")
    assert (caught.value.code, caught.value.params) == (code, params)


def test_a_field_named_twice_is_said_in_one_sentence() -> None:
    with pytest.raises(SecurityError) as caught:
        parse_json_object(b'{"a":1,"a":2}', UNREADABLE, TWICE, bundle_id="B-1")
    assert sentence(caught.value) == (
        "The signed part of result bundle B-1 names the field 'a' twice; it was altered or damaged."
    )


def test_base64_round_trip_and_strictness() -> None:
    for data in (b"", b"\x00", b"\xff\xfe", bytes(range(50))):
        assert b64decode(b64encode(data), "package.value_not_base64") == data
    assert "=" not in b64encode(b"\x00")
    for bad in ("a+b", "a/b", "abc=", "a", 5):
        with pytest.raises(SecurityError) as caught:
            b64decode(bad, "package.value_not_base64", field="cipher.nonce")
        assert (caught.value.code, caught.value.params) == (
            "package.value_not_base64",
            {"field": "cipher.nonce"},
        )


def test_purpose_labels() -> None:
    assert purpose_label("bank-header") == b"1x-kiosk/bank-header/v1\x00"
    check_label(purpose_label("bank-header"))
    for bad in ("", "Bank", "a/b", "-x", "x" * 64):
        with pytest.raises(ValueError, match="lower-case letters"):
            purpose_label(bad)


def test_random_code_shape() -> None:
    assert len(random_code(3, 4)) == 14
    assert random_code(1, 6).isalnum()
    assert random_code(2, 2)[2] == "-"


def test_normalise_and_ambiguity() -> None:
    assert normalise_code("ab_cd\u2014ef gh") == "ABCDEFGH"
    assert not has_ambiguous_characters("K7QFM2XD")
    for code in ("K7QF0", "OK", "I2", "L3", "123"):
        assert has_ambiguous_characters(code)


def test_byte_reader() -> None:
    reader = ByteReader(b"\x01\x00\x02\x00\x00\x00\x03abcrest", "bundle.contents_truncated", bundle_id="B-1")
    assert (reader.u8("a"), reader.u16("b"), reader.u32("c")) == (1, 2, 3)
    assert reader.take(3, "d") == b"abc"
    assert reader.rest() == b"rest"
    assert reader.rest() == b""
    with pytest.raises(SecurityError, match=r"^bundle\.contents_truncated\b") as caught:
        reader.take(1, "trailer")
    assert caught.value.params == {"part": "trailer", "bundle_id": "B-1"}


# --- reading in outline ------------------------------------------------------------------------------------


OUTLINED = b'{"a":1,"list":[{"x":1.5,"y":{"deep":[1,2]}},{"z":null}],"s":"t"}'


@pytest.fixture(name="reader", params=["orjson", "standard library"])
def reader_fixture(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each outline test with orjson (when it vouches for the text) and with the standard library only."""
    if request.param == "orjson":
        assert encoding._orjson is not None, "orjson is a dependency of the kiosk"
    else:
        monkeypatch.setattr(encoding, "_orjson", None)
    return str(request.param)


def test_the_outline_knows_where_each_member_of_the_outer_levels_was_written(reader: str) -> None:
    value = parse_json_outline(OUTLINED, UNREADABLE, TWICE, depth=2)
    assert value == json.loads(OUTLINED)
    assert isinstance(value, PlacedObject)
    first = value["list"][0]
    assert isinstance(first, PlacedObject)
    # Level 3 is read whole: a plain dict with no places.
    assert type(first["y"]) is dict
    for placed in (value, first, value["list"][1]):
        for key, (start, value_start, end) in placed.places.items():
            assert placed.text[start:end] == f'"{key}":' + placed.text[value_start:end]
            assert json.loads(placed.text[value_start:end]) == placed[key]


@pytest.mark.parametrize(
    "data",
    [
        b' \n{ "b" : [ { "x" : 1.0 } , { } ] ,\t"a" : {"k": [true, false, null]} ,'
        b' "c": "\xe5\xbc\xa0\\n" }\r\n',
        b'{"a":[],"b":{},"c":[[{"d":{}}]],"e":-0.0,"f":1e300,"g":12345678901234567890}',
        b"{}",
    ],
    ids=["spaces everywhere", "empty and nested", "empty"],
)
def test_the_outline_reads_what_json_loads_reads(data: bytes, reader: str) -> None:
    value = parse_json_outline(data, UNREADABLE, TWICE, depth=2)
    assert isinstance(value, PlacedObject)
    assert value == json.loads(data) == parse_json_object(data, UNREADABLE, TWICE)
    for key, (start, value_start, end) in value.places.items():
        assert json.loads(value.text[value_start:end]) == value[key]
        assert value.text[start:value_start].startswith(json.dumps(key, ensure_ascii=False))


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (b'{"a":1,"a":2}', TWICE, {"key": "a", "bundle_id": "B-1"}),
        (b'{"l":[{"a":1,"b":2,"a":3}]}', TWICE, {"key": "a", "bundle_id": "B-1"}),
        (b'{"l":[{"m":{"n":[{"k":1,"k":1}]}}]}', TWICE, {"key": "k", "bundle_id": "B-1"}),
        (b"[1,2]", UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"a":', UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"a":1}x', UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"a":1,}', UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"a":"\xff"}', UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"l":[' + b"[" * 100_000 + b"]}", UNREADABLE, {"bundle_id": "B-1"}),
        (b'{"points": ' + b"9" * 5000 + b"}", UNREADABLE, {"bundle_id": "B-1"}),
    ],
    ids=[
        "duplicate",
        "duplicate one level down",
        "duplicate deep down",
        "not an object",
        "cut short",
        "trailing bytes",
        "trailing comma",
        "not utf-8",
        "too deep",
        "a 5,000-digit number",
    ],
)
def test_the_outline_refuses_what_parse_json_object_refuses(
    data: bytes, code: str, params: dict[str, object], reader: str
) -> None:
    with pytest.raises(SecurityError) as caught:
        parse_json_outline(data, UNREADABLE, TWICE, depth=2, bundle_id="B-1")
    assert (caught.value.code, caught.value.params) == (code, params)


@pytest.mark.parametrize(
    "data",
    [
        b'{"l":[{"a":NaN}]}',
        b'{"l":[{"a":[Infinity]}]}',
        b'{"l":[{"a":{"b":-Infinity}}]}',
        b'{"l":[{"a":{"b":1e999}}]}',
        b'{"l":[{"a":"\\ud800"}]}',
        b'{"l":[{"a":"caf\\u00e9"}]}',
    ],
    ids=["NaN", "infinity", "minus infinity", "a number too large", "an escaped surrogate", "any escape"],
)
def test_text_the_outline_cannot_vouch_for_is_read_the_careful_way(data: bytes, reader: str) -> None:
    value = parse_json_outline(data, UNREADABLE, TWICE, depth=2)
    assert not isinstance(value, PlacedObject) and not isinstance(value["l"][0], PlacedObject)
    assert repr(value) == repr(parse_json_object(data, UNREADABLE, TWICE))


def test_orjson_is_taken_at_its_word_only_for_text_it_writes_back_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    canonical = '{"a":[{"b":1.5,"c":"张三","d":[1,2,{"e":null}],"f":true}],"g":5400.0}'.encode()
    taken = encoding._placed_by_orjson(canonical, 2)
    assert isinstance(taken, PlacedObject)
    with monkeypatch.context() as patched:
        patched.setattr(encoding, "_orjson", None)
        careful = parse_json_outline(canonical, UNREADABLE, TWICE, depth=2)
    assert isinstance(careful, PlacedObject)
    assert taken == careful and taken.places == careful.places and taken.text == careful.text
    assert taken["a"][0].places == careful["a"][0].places
    for refused in (
        b'{"a":1,"a":1}',  # orjson keeps one of the two
        b'{"a":[{"b":1,"b":2}]}',
        b'{"a": 1}',  # spaces
        b'{"a":1e-05}',  # Python writes 1e-05, orjson 1e-5
        b'{"a":1.50}',
        b'{"a":123456789012345678901234567890}',  # read by orjson as a float
        rb'{"a":"caf\u00e9"}',
        b"[1]",
    ):
        assert encoding._placed_by_orjson(refused, 2) is None, refused
