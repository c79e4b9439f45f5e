"""Evaluating a QTI item's response processing, for the operators assessment items commonly use.

An imported item is kept only as far as it scores like its source: the import runs the source's own response
processing (a standard template such as match_correct or map_response, or custom rules) on probe responses
and compares the result with the kiosk's. The export is checked the same way. Element and attribute names
are QTI 3.0's (``qti-match``, ``base-type``); QTI 2.x items are renamed to them when read. An operator
this module does not evaluate raises :class:`Unreadable`, so nothing is guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from kiosk.authoring.interchange.probe import Unreadable
from kiosk.authoring.interchange.xmlsafe import Node

NUMERIC = frozenset({"float", "integer", "duration"})


@dataclass(frozen=True, slots=True)
class Container:
    """A multiple (unordered) or ordered QTI value."""

    cardinality: str
    values: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class MapEntry:
    key: str
    value: float
    case_sensitive: bool


@dataclass(frozen=True, slots=True)
class Mapping:
    default: float
    lower: float | None
    upper: float | None
    entries: tuple[MapEntry, ...]


@dataclass(frozen=True, slots=True)
class Declaration:
    identifier: str
    cardinality: str
    base_type: str
    correct: tuple[str, ...] = ()
    mapping: Mapping | None = None
    default: tuple[str, ...] = ()
    normal_maximum: float | None = None
    line: int = 0


def parse_value(text: str, base_type: str) -> Any:
    """A QTI value written as ``text`` in ``base_type``; raises ValueError when it is not one."""
    if base_type in ("float", "duration"):
        return float(text.strip())
    if base_type == "integer":
        return int(text.strip())
    if base_type == "boolean":
        return text.strip() in ("true", "1")
    if base_type in ("directedPair", "pair"):
        parts = text.split()
        if len(parts) != 2:
            raise ValueError(text)
        return (parts[0], parts[1])
    if base_type == "string":
        return text
    return text.strip()


def _number(text: str | None) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        return None


def read_declarations(item: Node) -> tuple[dict[str, Declaration], dict[str, Declaration]]:
    """The item's response and outcome declarations, by identifier."""
    responses: dict[str, Declaration] = {}
    outcomes: dict[str, Declaration] = {}
    for node in item.children:
        if node.tag not in ("qti-response-declaration", "qti-outcome-declaration"):
            continue
        identifier = node.get("identifier") or ""
        correct = node.child("qti-correct-response")
        default = node.child("qti-default-value")
        mapping = node.child("qti-mapping")
        declaration = Declaration(
            identifier=identifier,
            cardinality=node.get("cardinality") or "single",
            base_type=node.get("base-type") or "",
            correct=tuple(value.text for value in correct.all("qti-value")) if correct else (),
            mapping=_mapping(mapping) if mapping is not None else None,
            default=tuple(value.text for value in default.all("qti-value")) if default else (),
            normal_maximum=_number(node.get("normal-maximum")),
            line=node.line,
        )
        (responses if node.tag == "qti-response-declaration" else outcomes)[identifier] = declaration
    return responses, outcomes


def _mapping(node: Node) -> Mapping:
    entries = tuple(
        MapEntry(
            entry.get("map-key") or "",
            _number(entry.get("mapped-value")) or 0.0,
            (entry.get("case-sensitive") or "true").strip() == "true",
        )
        for entry in node.all("qti-map-entry")
    )
    return Mapping(
        default=_number(node.get("default-value")) or 0.0,
        lower=_number(node.get("lower-bound")),
        upper=_number(node.get("upper-bound")),
        entries=entries,
    )


def template_name(processing: Node) -> str | None:
    """The standard template a response processing names (``match_correct``...), or None."""
    location = processing.get("template") or processing.get("template-location")
    if not location:
        return None
    return location.rstrip("/").rsplit("/", 1)[-1].removesuffix(".xml")


class _Exit(Exception):
    pass


@dataclass
class Processor:
    """Runs one item's response processing; ``score`` gives the outcomes for given responses."""

    responses: dict[str, Declaration]
    outcomes: dict[str, Declaration]
    rules: list[Node] | None  # None: a template stands for the rules
    template: str | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def for_item(cls, item: Node) -> Processor:
        responses, outcomes = read_declarations(item)
        processing = item.child("qti-response-processing")
        if processing is None:
            return cls(responses, outcomes, [], None)
        template = template_name(processing)
        if template is not None and not processing.children:
            return cls(responses, outcomes, None, template)
        return cls(responses, outcomes, processing.children, None)

    def score(self, responses: dict[str, Any]) -> dict[str, Any]:
        """The outcome values after response processing of ``responses`` (identifier -> QTI value)."""
        self.values = {}
        for identifier, declaration in self.outcomes.items():
            self.values[identifier] = self._initial(declaration)
        for identifier in self.responses:
            self.values[identifier] = responses.get(identifier)
        try:
            if self.rules is None:
                self._template()
            else:
                self._rules(self.rules)
        except _Exit:
            pass
        return {identifier: self.values.get(identifier) for identifier in self.outcomes}

    def _initial(self, declaration: Declaration) -> Any:
        if declaration.default:
            return self._typed(declaration, declaration.default)
        return 0.0 if declaration.base_type in NUMERIC and declaration.cardinality == "single" else None

    def _typed(self, declaration: Declaration, texts: tuple[str, ...]) -> Any:
        try:
            values = tuple(parse_value(text, declaration.base_type) for text in texts)
        except ValueError as error:
            raise Unreadable(f"value {error}") from None
        if declaration.cardinality == "single":
            return values[0] if values else None
        return Container(declaration.cardinality, values) if values else None

    def _template(self) -> None:
        response = self.values.get("RESPONSE")
        if self.template in ("match_correct", "CC2_match", "CC2_match_basic"):
            matched = _match(response, self._correct("RESPONSE"))
            self.values["SCORE"] = 1.0 if matched else 0.0
        elif self.template in ("map_response", "CC2_map_response"):
            self.values["SCORE"] = 0.0 if _is_null(response) else self._map("RESPONSE")
        else:
            raise Unreadable(f"template {self.template}")

    def _correct(self, identifier: str) -> Any:
        declaration = self.responses.get(identifier)
        if declaration is None:
            raise Unreadable(f"correct {identifier}")
        return self._typed(declaration, declaration.correct)

    def _map(self, identifier: str) -> float:
        declaration = self.responses.get(identifier)
        if declaration is None or declaration.mapping is None:
            raise Unreadable(f"mapping of {identifier}")
        return apply_mapping(declaration, self.values.get(identifier))

    def _rules(self, rules: list[Node]) -> None:
        for rule in rules:
            self._rule(rule)

    def _rule(self, rule: Node) -> None:
        if rule.tag == "qti-response-condition":
            for branch in rule.children:
                if branch.tag == "qti-response-else":
                    self._rules(branch.children)
                    return
                if branch.tag not in ("qti-response-if", "qti-response-else-if") or not branch.children:
                    raise Unreadable(branch.tag)
                if self._evaluate(branch.children[0]) is True:
                    self._rules(branch.children[1:])
                    return
        elif rule.tag == "qti-set-outcome-value":
            identifier = rule.get("identifier") or ""
            value = self._evaluate(_only(rule))
            declaration = self.outcomes.get(identifier)
            if declaration is not None and declaration.base_type == "float" and isinstance(value, int | bool):
                value = float(value)
            self.values[identifier] = value
        elif rule.tag == "qti-exit-response":
            raise _Exit
        elif rule.tag == "qti-response-processing-fragment":
            self._rules(rule.children)
        else:
            raise Unreadable(rule.tag)

    def _evaluate(self, node: Node) -> Any:
        tag = node.tag
        arguments = node.children
        if tag == "qti-base-value":
            try:
                return parse_value(node.text, node.get("base-type") or "")
            except ValueError:
                raise Unreadable(f"base value {node.text!r}") from None
        if tag == "qti-variable":
            return self.values.get(node.get("identifier") or "")
        if tag == "qti-correct":
            return self._correct(node.get("identifier") or "")
        if tag == "qti-map-response":
            return self._map(node.get("identifier") or "")
        if tag == "qti-null":
            return None
        values = [self._evaluate(argument) for argument in arguments]
        if tag == "qti-is-null":
            return _is_null(values[0])
        if tag == "qti-match":
            return None if any(_is_null(v) for v in values) else _match(values[0], values[1])
        if tag == "qti-and":
            return _three_valued(values, all_of=True)
        if tag == "qti-or":
            return _three_valued(values, all_of=False)
        if tag == "qti-not":
            return None if values[0] is None else not values[0]
        if tag in ("qti-sum", "qti-product", "qti-subtract", "qti-divide", "qti-min", "qti-max"):
            return _arithmetic(tag, values)
        if tag == "qti-equal":
            return self._equal(node, values)
        if tag == "qti-equal-rounded":
            return _equal_rounded(node, values)
        if tag in ("qti-gt", "qti-gte", "qti-lt", "qti-lte"):
            if any(v is None for v in values):
                return None
            a, b = float(values[0]), float(values[1])
            return {"qti-gt": a > b, "qti-gte": a >= b, "qti-lt": a < b, "qti-lte": a <= b}[tag]
        if tag == "qti-string-match":
            return _string_match(node, values)
        if tag == "qti-pattern-match":
            if values[0] is None:
                return None
            return xsd_regex(node.get("pattern") or "").fullmatch(str(values[0])) is not None
        if tag in ("qti-multiple", "qti-ordered"):
            flat = [
                v for value in values for v in (value.values if isinstance(value, Container) else [value])
            ]
            flat = [v for v in flat if v is not None]
            return (
                Container("multiple" if tag == "qti-multiple" else "ordered", tuple(flat)) if flat else None
            )
        if tag == "qti-member":
            if values[0] is None or values[1] is None:
                return None
            return values[0] in values[1].values
        if tag == "qti-contains":
            if values[0] is None or values[1] is None:
                return None
            return _contains(values[0], values[1])
        if tag == "qti-index":
            container = values[0]
            position = int(node.get("n") or "0")
            if not isinstance(container, Container) or not 1 <= position <= len(container.values):
                return None
            return container.values[position - 1]
        if tag == "qti-container-size":
            return len(values[0].values) if isinstance(values[0], Container) else 0
        if tag == "qti-integer-to-float":
            return None if values[0] is None else float(values[0])
        if tag in ("qti-round", "qti-truncate"):
            if values[0] is None:
                return None
            number = float(values[0])
            return math.floor(number + 0.5) if tag == "qti-round" else math.trunc(number)
        raise Unreadable(tag)

    def _equal(self, node: Node, values: list[Any]) -> bool | None:
        if any(v is None for v in values):
            return None
        a, b = float(values[0]), float(values[1])
        mode = node.get("tolerance-mode") or "exact"
        if mode == "exact":
            return a == b
        tolerances = [float(t) for t in (node.get("tolerance") or "0").split()]
        low, high = tolerances[0], tolerances[-1]
        if mode == "absolute":
            lower, upper = a - low, a + high
        elif mode == "relative":
            lower, upper = a * (1 - low / 100), a * (1 + high / 100)
        else:
            raise Unreadable(f"tolerance mode {mode}")
        include_lower = (node.get("include-lower-bound") or "true") == "true"
        include_upper = (node.get("include-upper-bound") or "true") == "true"
        above = b >= lower if include_lower else b > lower
        below = b <= upper if include_upper else b < upper
        return above and below


def apply_mapping(declaration: Declaration, value: Any) -> float:
    """The mapped value of a response, as QTI's mapResponse computes it (distinct values, then bounds)."""
    mapping = declaration.mapping
    assert mapping is not None
    items = value.values if isinstance(value, Container) else ([] if value is None else [value])
    total = 0.0
    seen: list[Any] = []
    for item in items:
        if item in seen:
            continue
        seen.append(item)
        total += _mapped(mapping, declaration.base_type, item)
    if not items and declaration.cardinality == "single":
        total = 0.0
    if mapping.lower is not None:
        total = max(total, mapping.lower)
    if mapping.upper is not None:
        total = min(total, mapping.upper)
    return total


def _mapped(mapping: Mapping, base_type: str, value: Any) -> float:
    for entry in mapping.entries:
        try:
            key = parse_value(entry.key, base_type)
        except ValueError:
            continue
        if base_type == "string" and not entry.case_sensitive:
            if str(key).casefold() == str(value).casefold():
                return entry.value
        elif base_type == "pair" and isinstance(key, tuple) and isinstance(value, tuple):
            if sorted(key) == sorted(value):
                return entry.value
        elif key == value:
            return entry.value
    return mapping.default


def _only(node: Node) -> Node:
    if len(node.children) != 1:
        raise Unreadable(node.tag)
    return node.children[0]


def _is_null(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, Container) and not value.values)


def _match(a: Any, b: Any) -> bool:
    if isinstance(a, Container) and isinstance(b, Container):
        if a.cardinality == "ordered" or b.cardinality == "ordered":
            return a.values == b.values
        return Counter(a.values) == Counter(b.values)
    if isinstance(a, Container) or isinstance(b, Container):
        return False
    return bool(a == b)


def _contains(container: Container, part: Container) -> bool:
    if container.cardinality == "ordered":
        size = len(part.values)
        return any(
            container.values[i : i + size] == part.values for i in range(len(container.values) - size + 1)
        )
    held = Counter(container.values)
    wanted = Counter(part.values)
    return all(held[value] >= count for value, count in wanted.items())


def _three_valued(values: list[Any], all_of: bool) -> bool | None:
    if all_of:
        if any(v is False for v in values):
            return False
        return None if any(v is None for v in values) else True
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _arithmetic(tag: str, values: list[Any]) -> float | None:
    flat: list[Any] = []
    for value in values:
        flat += list(value.values) if isinstance(value, Container) else [value]
    if not flat or any(v is None for v in flat):
        return None
    numbers = [float(v) for v in flat]
    if tag == "qti-sum":
        return math.fsum(numbers)
    if tag == "qti-product":
        return math.prod(numbers)
    if tag == "qti-min":
        return min(numbers)
    if tag == "qti-max":
        return max(numbers)
    if tag == "qti-subtract":
        return numbers[0] - numbers[1]
    return None if numbers[1] == 0 else numbers[0] / numbers[1]


def _equal_rounded(node: Node, values: list[Any]) -> bool | None:
    if any(v is None for v in values):
        return None
    figures = int(node.get("figures") or "1")
    mode = node.get("rounding-mode") or "significantFigures"
    return _rounded(float(values[0]), figures, mode) == _rounded(float(values[1]), figures, mode)


def _rounded(value: float, figures: int, mode: str) -> Decimal:
    number = Decimal(repr(value))
    if mode == "decimalPlaces":
        return number.quantize(Decimal(1).scaleb(-figures), rounding=ROUND_HALF_UP)
    if number == 0:
        return Decimal(0)
    exponent = number.adjusted() - figures + 1
    return number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def _string_match(node: Node, values: list[Any]) -> bool | None:
    if any(v is None for v in values):
        return None
    a, b = str(values[0]), str(values[1])
    if (node.get("case-sensitive") or "true") != "true":
        a, b = a.casefold(), b.casefold()
    if (node.get("substring") or "false") == "true":
        return b in a
    return a == b


# XML Schema regular expressions (the pattern facet QTI's patternMatch uses) in Python's syntax.
_XSD_ESCAPES = {"s": " \t\n\r", "n": "\n", "r": "\r", "t": "\t"}


# The planes with assigned characters outside private use (the tags and variation selectors at E0000-E01EF).
_SCANNED = (*range(0x40000), *range(0xE0000, 0xE01F0))


@cache
def _category_ranges() -> dict[str, list[tuple[int, int]]]:
    """Every Unicode general category (and its first letter) as code-point ranges, computed once."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    start, previous, last = 0, "", -2
    for code in _SCANNED:
        category = unicodedata.category(chr(code))
        if category != previous or code != last + 1:
            if previous:
                ranges.setdefault(previous, []).append((start, last))
            start, previous = code, category
        last = code
    ranges.setdefault(previous, []).append((start, last))
    for category in list(ranges):
        ranges.setdefault(category[0], []).extend(ranges[category])
    for major in {category[0] for category in ranges}:
        ranges[major].sort()
    return ranges


def _class_text(category: str) -> str:
    spans = _category_ranges().get(category)
    if spans is None:
        raise Unreadable(f"pattern \\p{{{category}}}")
    parts = []
    for low, high in spans:
        if 0xD800 <= low <= 0xDFFF:
            continue
        parts.append(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
    return "".join(parts)


@cache
def xsd_regex(pattern: str) -> re.Pattern[str]:
    """Compile an XML Schema regular expression (always anchored at both ends) for Python's re."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            letter = pattern[index + 1]
            index += 2
            if letter in "pP":
                end = pattern.find("}", index)
                if pattern[index : index + 1] != "{" or end < 0:
                    raise Unreadable(f"pattern {pattern!r}")
                body = _class_text(pattern[index + 1 : end])
                index = end + 1
                if letter == "P":
                    if in_class:
                        raise Unreadable(f"pattern {pattern!r}")
                    out.append(f"[^{body}]")
                else:
                    out.append(body if in_class else f"[{body}]")
                continue
            if letter == "s":
                out.append(re.escape(_XSD_ESCAPES["s"]) if in_class else "[ \\t\\n\\r]")
            elif letter == "S":
                if in_class:
                    raise Unreadable(f"pattern {pattern!r}")
                out.append("[^ \\t\\n\\r]")
            elif letter in "ic" or letter in "IC":
                raise Unreadable(f"pattern {pattern!r}")
            elif letter in _XSD_ESCAPES:
                out.append(re.escape(_XSD_ESCAPES[letter]))
            elif letter in "dDwW":
                out.append("\\" + letter)
            else:
                out.append(re.escape(letter))
            continue
        if char == "[":
            if in_class:
                raise Unreadable(f"pattern {pattern!r}")
            in_class = True
            out.append("[")
            if pattern[index + 1 : index + 2] == "^":
                out.append("^")
                index += 1
        elif char == "]" and in_class:
            in_class = False
            out.append("]")
        elif char == "-" and in_class and pattern[index + 1 : index + 2] == "[":
            raise Unreadable(f"pattern {pattern!r}")
        elif char in "^$" and not in_class:
            out.append("\\" + char)
        elif char == "." and not in_class:
            out.append("[^\\n\\r]")
        elif in_class and char in "\\[&~|":
            out.append("\\" + char)
        else:
            out.append(char)
        index += 1
    try:
        return re.compile("".join(out), re.DOTALL)
    except re.error:
        raise Unreadable(f"pattern {pattern!r}") from None
