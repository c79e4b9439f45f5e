"""Candidate responses: their canonical shape per item type, validation, and short-text normalisation.

Canonical shapes (all JSON-able):

single      ``"B"``                      one option id
multiple    ``["A", "C"]``               option ids, sorted, unique
true_false  ``"true"`` or ``"false"``
numeric     ``"2.5"``                    the typed number, decimal comma turned into a point
ordering    ``["C", "A", "D", "B"]``     every option id once, in the candidate's order
matching    ``{"1": "B", "3": "A"}``     premise id -> response id, possibly partial
short_text  ``"the electrolyte"``        the typed text, at most 200 characters

The empty forms (``""``, ``[]``, ``{}``) mean "not answered", so a candidate can clear an answer.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping

from kiosk.domain.errors import InputError
from kiosk.domain.items import Choice, Item, ItemType

Response = str | list[str] | dict[str, str]

MAX_TEXT_LENGTH = 200

# ASCII digits only: other scripts' digits parse in float() but are not what an examiner expects to read
# back. A Chinese input method types full-width forms ("２，５"), so those are mapped to ASCII first, as is
# the minus sign U+2212; NFKC would also turn "10²" into "102", which is why it is not used here.
_NUMBER_FORMS = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x2212: ord("-")}
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

_TEXT_TYPES = frozenset({ItemType.SINGLE, ItemType.TRUE_FALSE, ItemType.NUMERIC, ItemType.SHORT_TEXT})
_LIST_TYPES = frozenset({ItemType.MULTIPLE, ItemType.ORDERING})
# Built once: ``json.dumps`` with these options would build the same encoder on every saved answer.
_CANONICAL_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def normalise_response(item: Item, raw: object) -> Response:
    """Check a raw response against ``item`` and return its canonical form.

    ``None`` stands for "no answer" and becomes the type's empty form. Raises InputError (a ``response.*``
    code, with the item's id as ``item``) when the response has the wrong shape or names something the
    item does not have.
    """
    if item.type is ItemType.SINGLE:
        return _single(item, raw)
    if item.type is ItemType.MULTIPLE:
        return _multiple(item, raw)
    if item.type is ItemType.TRUE_FALSE:
        return _true_false(item, raw)
    if item.type is ItemType.NUMERIC:
        return _numeric(item, raw)
    if item.type is ItemType.ORDERING:
        return _ordering(item, raw)
    if item.type is ItemType.MATCHING:
        return _matching(item, raw)
    return _short_text(item, raw)


def is_answered(item: Item, response: Response | None) -> bool:
    """Whether ``response`` counts as an answer to ``item`` (blank text, empty list or dict do not).

    A response of the wrong shape for the item type is not an answer.
    """
    if response is None:
        return False
    if item.type in _TEXT_TYPES:
        return isinstance(response, str) and response.strip() != ""
    if item.type in _LIST_TYPES:
        return isinstance(response, list) and len(response) > 0
    return isinstance(response, dict) and len(response) > 0


def normalise_text(text: str) -> str:
    """Reduce short-text answers to the form they are compared in (README: short_text).

    Case, accents, surrounding and repeated whitespace and trailing punctuation are ignored; characters
    without case or accents, such as Chinese, pass through unchanged apart from compatibility forms
    (full-width letters become ordinary ones).
    """
    # Decompose before and after casefolding: NFKD can yield capitals (e.g. Roman numeral "Ⅻ" -> "XII") and
    # casefolding can yield combining marks (e.g. "İ" -> "i" + dot above).
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Recompose what NFKD split without being an accent, such as Hangul syllables.
    collapsed = " ".join(unicodedata.normalize("NFC", stripped).split())
    # Only "other" punctuation (. , ; : ! ? 。 ， ！ ？ ...): a closing bracket or quote would leave its
    # opening partner behind.
    end = len(collapsed)
    while end > 0 and (collapsed[end - 1].isspace() or unicodedata.category(collapsed[end - 1]) == "Po"):
        end -= 1
    return collapsed[:end]


def response_to_json(response: Response | None) -> str:
    """Serialise a response canonically (sorted keys, no spaces) for storage and hashing."""
    return _CANONICAL_ENCODER.encode(response)


def response_from_json(text: str) -> Response | None:
    """Read back a response written by :func:`response_to_json`; raises InputError if it is not one."""
    try:
        value: object = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError("response.stored_not_json", reason=error.msg, position=error.pos) from error
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return [str(part) for part in value]
    if isinstance(value, dict) and all(isinstance(part, str) for part in value.values()):
        return {str(key): str(part) for key, part in value.items()}
    raise InputError("response.stored_not_response", found=_kind(value))


def _option_ids(choices: tuple[Choice, ...]) -> list[str]:
    return [choice.id for choice in choices]


def _listing(ids: list[str]) -> str:
    return ", ".join(ids)


def _text(item: Item, raw: object, code: str) -> str:
    """``raw`` stripped when it is text; otherwise InputError ``code`` (which says what the item wants)."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InputError(code, item=item.id, found=_kind(raw))
    return raw.strip()


def _id_list(item: Item, raw: object) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list | tuple):
        raise InputError("response.not_a_list", item=item.id, found=_kind(raw))
    if not all(isinstance(part, str) for part in raw):
        raise InputError("response.list_not_text", item=item.id)
    return [part.strip() for part in raw]


def _kind(raw: object) -> str:
    """The JSON kind of a value of the wrong shape, kept with the error for the log."""
    if isinstance(raw, bool):
        return "boolean"
    if isinstance(raw, str):
        return "string"
    if isinstance(raw, int | float):
        return "number"
    if isinstance(raw, list | tuple):
        return "array"
    if isinstance(raw, Mapping):
        return "object"
    return type(raw).__name__


def _check_known(
    item: Item, chosen: list[str], known: list[str], code: str = "response.unknown_option"
) -> None:
    for choice in chosen:
        if choice not in known:
            raise InputError(code, item=item.id, choice=choice, known=_listing(known))


def _single(item: Item, raw: object) -> str:
    choice = _text(item, raw, "response.single_not_text")
    if choice:
        _check_known(item, [choice], _option_ids(item.options))
    return choice


def _multiple(item: Item, raw: object) -> list[str]:
    chosen = _id_list(item, raw)
    _check_known(item, chosen, _option_ids(item.options))
    # Ticking a box twice is still one tick, so duplicates collapse rather than fail.
    return sorted(set(chosen))


def _true_false(item: Item, raw: object) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    answer = _text(item, raw, "response.true_false_not_text").lower()
    if answer not in ("", "true", "false"):
        raise InputError("response.not_true_false", item=item.id, answer=answer)
    return answer


def _numeric(item: Item, raw: object) -> str:
    if isinstance(raw, bool):
        raise InputError("response.number_not_boolean", item=item.id)
    if isinstance(raw, int | float):
        raw = repr(raw)
    typed = _text(item, raw, "response.number_not_text")
    if len(typed) > MAX_TEXT_LENGTH:
        raise InputError("response.number_too_long", item=item.id, length=len(typed))
    text = typed.translate(_NUMBER_FORMS)
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    if not text:
        return ""
    if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        raise InputError("response.not_a_number", item=item.id, typed=typed)
    return text


def _ordering(item: Item, raw: object) -> list[str]:
    order = _id_list(item, raw)
    if not order:
        return []
    known = _option_ids(item.options)
    _check_known(item, order, known)
    seen: set[str] = set()
    for element in order:
        if element in seen:
            raise InputError("response.listed_twice", item=item.id, element=element)
        seen.add(element)
    missing = [element for element in known if element not in seen]
    if missing:
        code = "response.element_missing" if len(missing) == 1 else "response.elements_missing"
        raise InputError(code, item=item.id, missing=_listing(missing), count=len(missing))
    return order


def _matching(item: Item, raw: object) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise InputError("response.not_a_map", item=item.id, found=_kind(raw))
    premises = _option_ids(item.premises)
    options = _option_ids(item.options)
    matched: dict[str, str] = {}
    for premise, choice in raw.items():
        if not isinstance(premise, str) or not (choice is None or isinstance(choice, str)):
            raise InputError("response.map_not_text", item=item.id)
        premise, choice = premise.strip(), (choice or "").strip()
        _check_known(item, [premise], premises, "response.unknown_premise")
        # An empty choice is how a candidate un-matches a premise.
        if choice:
            _check_known(item, [choice], options)
            matched[premise] = choice
    return {premise: matched[premise] for premise in premises if premise in matched}


def _short_text(item: Item, raw: object) -> str:
    text = _text(item, raw, "response.short_text_not_text")
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError("response.text_too_long", item=item.id, length=len(text), limit=MAX_TEXT_LENGTH)
    return text
