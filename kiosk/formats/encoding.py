"""Byte-level helpers the security formats share: canonical JSON, base64, purpose labels, codes, parsing."""

from __future__ import annotations

import base64
import binascii
import importlib
import json
import re
import secrets
import struct
import unicodedata
from collections.abc import Callable
from types import ModuleType
from typing import Any, cast

from kiosk.domain.errors import SecurityError


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


# A faster JSON reader (see _placed_by_orjson); without it the standard library's does the same, slower.
_orjson = _optional("orjson")

# Characters people can read aloud and type without confusing them: no 0/O, 1/I/L.
UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

_PURPOSE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
# Everything an invigilator might type between groups: spaces, tabs, ASCII and typographic dashes,
# underscores and the ideographic space of a Chinese input method.
_CODE_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015\u2212\u3000]+")


def canonical_json(obj: object) -> bytes:
    """Encode ``obj`` the one way this project signs and hashes JSON: sorted keys, compact, UTF-8."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def parse_json_object(data: bytes, unreadable: str, twice: str, /, **params: object) -> dict[str, Any]:
    """Decode canonical JSON bytes into a dict, or raise a SecurityError with the caller's error codes.

    ``unreadable`` is the code for bytes that are not one JSON object, ``twice`` the code for a field named
    twice (it gets the field as ``key``); ``params`` go with either. Duplicate keys are refused so that
    what a verifier reads is exactly what the signer meant.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # The dict is built in C; only an object that lost a member on the way is looked at again.
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise SecurityError(twice, key=key, **params)
                seen.add(key)
        return result

    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad UTF-8, bad JSON and a number too long for Python to read (over 4,300 digits).
        raise SecurityError(unreadable, **params) from exc
    if not isinstance(value, dict):
        raise SecurityError(unreadable, **params)
    return value


class PlacedObject(dict[str, Any]):
    """A JSON object that knows where each of its members lies in the text it was read from.

    ``places`` maps each key to three offsets into ``text``: where the member's name starts, where its value
    starts and where its value ends. So ``text[start:end]`` is the member as written and
    ``text[value_start:end]`` its value as written, which a reader can hash or keep without encoding the
    value again. It compares, copies and encodes like the plain dict it otherwise is.
    """

    __slots__ = ("places", "text")

    text: str
    places: dict[str, tuple[int, int, int]]


class _Unfit(Exception):
    """The text is not one the outline reader vouches for; it is read the careful way instead."""


def _distinct(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Unfit
    return found


class _FiniteNumbers(dict[str, float]):
    """Each number literal read, as its float; an infinity (a literal too large for a float) stops the read.

    Looked up in C for every number with a fraction or exponent in a bundle (three hundred an attempt),
    which costs less than making the float again: bundles repeat the same few literals (1.0, 0.0, 5400.0).
    """

    LIMIT = 10_000

    def __missing__(self, number: str) -> float:
        value = float(number)
        if value - value != 0.0:  # only an infinity gives NaN here
            raise _Unfit
        if len(self) < self.LIMIT:
            self[number] = value
        return value


def _no_constant(name: str) -> object:
    raise _Unfit  # NaN, Infinity or -Infinity


# The C scanner the outline reader hands every value below its outline to: the same JSON reader as
# json.loads, with duplicate names, NaN and infinities stopping the outline read.
_DECODER = json.JSONDecoder(
    object_pairs_hook=_distinct, parse_float=_FiniteNumbers().__getitem__, parse_constant=_no_constant
)
_SCAN: Callable[[str, int], tuple[Any, int]] = vars(_DECODER)["scan_once"]
# json's own string reader (its C one where there is one), which json.decoder has but does not declare.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = vars(json.decoder)["scanstring"]
_SPACE = re.compile(r"[ \t\n\r]*")


def parse_json_outline(
    data: bytes, unreadable: str, twice: str, /, depth: int, **params: object
) -> dict[str, Any]:
    """:func:`parse_json_object`, with the objects of the outer ``depth`` + 1 levels as :class:`PlacedObject`.

    Level 0 is the object itself, level 1 its members' values, level 2 the elements or members of those,
    and so on: with ``depth=2`` the attempts in a bundle's ``attempts`` list come back with the places of
    their members. The places are worth having only when they tell the whole truth, so the outline is
    given only for text with no name twice in any object, no NaN or infinity and no ``\\u`` escape (which
    may hide a surrogate no text column can keep); any other text, readable or not, comes back as
    :func:`parse_json_object` reads it, plain dicts and the same errors.
    """
    placed = _placed_by_orjson(data, depth)
    if placed is not None:
        return placed
    try:
        text = data.decode("utf-8")
        # A kiosk writes no \u escape but for a control character; as one may hide a surrogate, the rare
        # text with any is read the careful way.
        if "\\" not in text or "\\u" not in text:  # the first looks for one character, much faster
            index = _skip(text, 0)
            if text[index] == "{":
                value, index = _outline_object(text, index, depth)
                if _skip(text, index) == len(text):
                    return value
    except (_Unfit, ValueError, IndexError, RecursionError, StopIteration):
        pass
    return parse_json_object(data, unreadable, twice, **params)


_BLANK = " \t\n\r"


def _placed_by_orjson(data: bytes, depth: int) -> dict[str, Any] | None:
    """:func:`parse_json_outline`'s answer read by orjson, when orjson is installed and can vouch for it.

    orjson reads JSON several times faster than the standard library but keeps the last of two members of
    the same name, so its answer is taken only when writing it out again, member by member, gives back
    exactly the bytes read: an object that lost a member to another of the same name would come out
    shorter, as would text written any other way than compact JSON with Python's number format (spaces,
    exponents, escapes), a number too large to read and anything orjson reads otherwise than the standard
    library. Writing it out again is what gives each member its place. None when it cannot vouch.
    """
    if _orjson is None or depth < 0:
        return None
    try:
        value = _orjson.loads(data)
        if type(value) is not dict:
            return None
        made: list[PlacedObject] = []
        found, text = _placed(value, depth, 0, made)
        if text.encode("utf-8") != data:
            return None
        for placed in made:
            placed.text = text
    except (ValueError, TypeError, RecursionError):  # orjson.JSONDecodeError is a ValueError
        return None
    return cast(dict[str, Any], found)


# Member names as JSON with their colon, as met: every attempt in a bundle has the same few dozen
# (bounded, as the names come from whoever wrote the file).
_NAMES: dict[str, str] = {}
_NAMES_LIMIT = 4096


def _name(key: str, dumps: Callable[[Any], bytes]) -> str:
    name = _NAMES.get(key)
    if name is None:
        name = dumps(key).decode("utf-8") + ":"
        if len(_NAMES) < _NAMES_LIMIT:
            _NAMES[key] = name
    return name


def _placed(value: Any, depth: int, at: int, made: list[PlacedObject]) -> tuple[Any, str]:
    """``value``, written from offset ``at`` on, with its objects above ``depth`` 0 as :class:`PlacedObject`
    (each added to ``made``, for its ``text`` to be set once the whole text is known); and its JSON text."""
    kind = type(value)
    dumps = cast(ModuleType, _orjson).dumps
    if depth < 0 or (kind is not dict and kind is not list):
        return value, dumps(value).decode("utf-8")
    inner = depth - 1
    parts = []
    index = at + 1  # past the opening bracket
    if kind is list:
        items = []
        for item in value:
            item, item_text = _placed(item, inner, index, made)
            items.append(item)
            parts.append(item_text)
            index += len(item_text) + 1  # and the comma
        return items, "[" + ",".join(parts) + "]"
    found = PlacedObject()
    places: dict[str, tuple[int, int, int]] = {}
    for key, member in value.items():
        name = _name(key, dumps)
        value_start = index + len(name)
        if inner < 0:  # the members are written whole (most objects placed: an attempt's)
            member_text = dumps(member).decode("utf-8")
        else:
            member, member_text = _placed(member, inner, value_start, made)
            value[key] = member
        end = value_start + len(member_text)
        places[key] = (index, value_start, end)
        parts += (name, member_text, ",")
        index = end + 1
    found.update(value)
    found.places = places
    made.append(found)
    if parts:
        parts[-1] = "}"
    else:
        parts.append("}")
    return found, "{" + "".join(parts)


def _skip(text: str, index: int) -> int:
    """Where the JSON whitespace from ``index`` on ends."""
    blank = _SPACE.match(text, index)
    return blank.end() if blank else index


def _outline_value(text: str, index: int, depth: int) -> tuple[Any, int]:
    """The value starting at ``text[index]`` and where it ends; containers above ``depth`` 0 read here."""
    if depth >= 0:
        char = text[index]
        if char == "{":
            return _outline_object(text, index, depth)
        if char == "[":
            return _outline_array(text, index, depth)
    found: tuple[Any, int] = _SCAN(text, index)
    return found


def _outline_object(text: str, index: int, depth: int) -> tuple[PlacedObject, int]:
    """The object whose ``{`` is at ``text[index]``, read as json.loads reads one, and where it ends.

    Written for canonical JSON, which has no whitespace between tokens: each place where JSON allows some
    looks at one character before it asks the regular expression.
    """
    found = PlacedObject()
    places: dict[str, tuple[int, int, int]] = {}
    found.text, found.places = text, places
    index += 1
    if text[index] in _BLANK:
        index = _skip(text, index)
    if text[index] == "}":
        return found, index + 1
    inner = depth - 1
    while text[index] == '"':
        start = index
        key, index = _scanstring(text, index + 1, True)
        if text[index] in _BLANK:
            index = _skip(text, index)
        if text[index] != ":":
            break
        index += 1
        if text[index] in _BLANK:
            index = _skip(text, index)
        value_start = index
        value, index = _outline_value(text, index, inner)
        if key in found:
            break
        found[key] = value
        places[key] = (start, value_start, index)
        char = text[index]
        if char in _BLANK:
            index = _skip(text, index)
            char = text[index]
        if char == "}":
            return found, index + 1
        if char != ",":
            break
        index += 1
        if text[index] in _BLANK:
            index = _skip(text, index)
    raise _Unfit


def _outline_array(text: str, index: int, depth: int) -> tuple[list[Any], int]:
    """The array whose ``[`` is at ``text[index]``, read as json.loads reads one, and where it ends."""
    found: list[Any] = []
    index += 1
    if text[index] in _BLANK:
        index = _skip(text, index)
    if text[index] == "]":
        return found, index + 1
    inner = depth - 1
    while True:
        value, index = _outline_value(text, index, inner)
        found.append(value)
        char = text[index]
        if char in _BLANK:
            index = _skip(text, index)
            char = text[index]
        if char == "]":
            return found, index + 1
        if char != ",":
            raise _Unfit
        index += 1
        if text[index] in _BLANK:
            index = _skip(text, index)


def purpose_label(purpose: str) -> bytes:
    """The domain-separation prefix for one purpose, e.g. ``b"1x-kiosk/bank-header/v1\\x00"``.

    The terminating NUL (which never occurs inside a label) makes label + data unambiguous.
    """
    if not _PURPOSE.fullmatch(purpose):
        raise ValueError(f"purpose {purpose!r} must be lower-case letters, digits and dashes")
    return b"1x-kiosk/" + purpose.encode("ascii") + b"/v1\x00"


def check_label(label: bytes) -> None:
    """Refuse a label that is not one NUL-terminated prefix (a programming error, not a user one)."""
    if not label.startswith(b"1x-kiosk/") or not label.endswith(b"\x00") or label.count(b"\x00") != 1:
        raise ValueError(f"label {label!r} must look like b'1x-kiosk/<purpose>/v1\\x00'")


def b64encode(data: bytes) -> str:
    """URL-safe base64 without padding, for binary values inside JSON."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: object, code: str, /, **params: object) -> bytes:
    """Decode :func:`b64encode` output strictly; anything else raises SecurityError(``code``, ``params``)."""
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise SecurityError(code, **params)
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise SecurityError(code, **params) from exc


def random_code(groups: int, group_length: int) -> str:
    """A random code from :data:`UNAMBIGUOUS_ALPHABET` in dash-separated groups, e.g. ``K7QF-M2XD``."""
    chars = [secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(groups * group_length)]
    return "-".join("".join(chars[i : i + group_length]) for i in range(0, len(chars), group_length))


def normalise_code(code: str) -> str:
    """Upper-case a typed code and drop spaces and dashes; full-width IME characters become ASCII."""
    return _CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", code)).upper()


def has_ambiguous_characters(normalised: str) -> bool:
    """True when a normalised code holds a character our generated codes never contain (0, O, 1, I, L...)."""
    return any(char not in UNAMBIGUOUS_ALPHABET for char in normalised)


class ByteReader:
    """Reads a length-prefixed binary layout, turning every overrun into one SecurityError.

    The error has the code ``truncated`` and the ``params`` given here, plus ``part``: the name of the
    part the data ended inside (such as ``header length``).
    """

    def __init__(self, data: bytes, truncated: str, /, **params: object) -> None:
        self.data = data
        self.truncated = truncated
        self.params = params
        self.position = 0

    def take(self, count: int, part: str) -> bytes:
        end = self.position + count
        if end > len(self.data):
            raise SecurityError(self.truncated, part=part, **self.params)
        chunk = self.data[self.position : end]
        self.position = end
        return chunk

    def u8(self, part: str) -> int:
        return self.take(1, part)[0]

    def u16(self, part: str) -> int:
        value: int = struct.unpack(">H", self.take(2, part))[0]
        return value

    def u32(self, part: str) -> int:
        value: int = struct.unpack(">I", self.take(4, part))[0]
        return value

    def rest(self) -> bytes:
        chunk = self.data[self.position :]
        self.position = len(self.data)
        return chunk
