"""The on-screen calculator's arithmetic: a small parser that works a typed sum out, never ``eval``.

Grammar (lowest binding first)::

    sum     = product { ("+" | "-") product }
    product = signed { ("*" | "/") signed }
    signed  = { "+" | "-" } power
    power   = atom [ "^" signed ]              (right to left: 2^3^2 is 2^9; -2^2 is -4)
    atom    = number | "(" sum ")" | function "(" sum ")" | "pi"

The basic calculator knows numbers, + - × ÷ and brackets. The scientific one adds powers (^), square roots
(sqrt or √), natural and common logarithms (ln, log), sine and cosine of an angle in degrees, and pi.
The usual keyboard and printed signs are both read: × * x, ÷ /, − -, and a decimal comma as a point.
A sum is at most :data:`MAX_LENGTH` characters and :data:`MAX_DEPTH` brackets deep, so no typed text can
make the parser work for long. Every mistake is an :class:`InputError` with a ``calculator.*`` code.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.domain.errors import InputError

MAX_LENGTH = 200
MAX_DEPTH = 20
# Answers are shown to ten significant digits, as on a pocket calculator.
DIGITS = 10

_OPERATORS = {
    "+": "+",
    "-": "-",
    "−": "-",
    "–": "-",
    "*": "*",
    "×": "*",
    "x": "*",
    "X": "*",
    "·": "*",
    "/": "/",
    "÷": "/",
    "^": "^",
    "(": "(",
    ")": ")",
    "√": "sqrt",
    "π": "pi",
}


def _sqrt(value: float) -> float:
    if value < 0:
        raise InputError("calculator.out_of_domain", function="sqrt", value=format_number(value))
    return math.sqrt(value)


def _ln(value: float) -> float:
    if value <= 0:
        raise InputError("calculator.out_of_domain", function="ln", value=format_number(value))
    return math.log(value)


def _log(value: float) -> float:
    if value <= 0:
        raise InputError("calculator.out_of_domain", function="log", value=format_number(value))
    return math.log10(value)


def _degrees(function: Callable[[float], float]) -> Callable[[float], float]:
    def in_degrees(angle: float) -> float:
        result = function(math.radians(angle))
        # sin 180° and cos 90° are 0, not 1.2e-16: round away what is only the float's noise.
        return 0.0 if abs(result) < 1e-12 else result

    return in_degrees


FUNCTIONS: dict[str, Callable[[float], float]] = {
    "sqrt": _sqrt,
    "ln": _ln,
    "log": _log,
    "sin": _degrees(math.sin),
    "cos": _degrees(math.cos),
}
# What only the scientific calculator knows, by name (functions, the power sign and pi).
SCIENTIFIC_ONLY = frozenset({*FUNCTIONS, "^", "pi"})


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    """``number``, ``name`` or the operator itself (``+ - * / ^ ( )``)."""
    text: str
    position: int
    """Where it starts in the typed text, counting from 1."""
    value: float = 0.0


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
            continue
        if char.isdigit() or char in ".,":
            start = index
            while index < len(text) and (text[index].isdigit() or text[index] in ".,"):
                index += 1
            written = text[start:index]
            number = written.replace(",", ".")
            if number.count(".") > 1 or number == ".":
                raise InputError("calculator.unexpected", text=written, position=start + 1)
            found.append(_Token("number", written, start + 1, float(number)))
            continue
        if char.isalpha() and char.isascii() and char not in "xX":
            start = index
            while index < len(text) and text[index].isascii() and text[index].isalpha():
                index += 1
            name = text[start:index].lower()
            if name not in FUNCTIONS and name != "pi":
                raise InputError("calculator.unexpected", text=text[start:index], position=start + 1)
            found.append(_Token("name", name, start + 1))
            continue
        operator = _OPERATORS.get(char)
        if operator is None:
            raise InputError("calculator.unexpected", text=char, position=index + 1)
        kind = "name" if operator in ("sqrt", "pi") else operator
        found.append(_Token(kind, operator, index + 1))
        index += 1
    return found


class _Parser:
    def __init__(self, tokens: list[_Token], scientific: bool) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.scientific = scientific

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise InputError("calculator.incomplete")
        self.index += 1
        return token

    def allow(self, token: _Token) -> None:
        if not self.scientific and token.text in SCIENTIFIC_ONLY:
            raise InputError("calculator.scientific_only", name=token.text)

    def sum(self) -> float:
        value = self.product()
        while (token := self.peek()) is not None and token.kind in ("+", "-"):
            self.index += 1
            right = self.product()
            value = value + right if token.kind == "+" else value - right
        return value

    def product(self) -> float:
        value = self.signed()
        while (token := self.peek()) is not None and token.kind in ("*", "/"):
            self.index += 1
            right = self.signed()
            if token.kind == "*":
                value *= right
            elif right == 0:
                raise InputError("calculator.divide_by_zero")
            else:
                value /= right
        return value

    def signed(self) -> float:
        negative = False
        while (token := self.peek()) is not None and token.kind in ("+", "-"):
            self.index += 1
            negative ^= token.kind == "-"
        value = self.power()
        return -value if negative else value

    def power(self) -> float:
        base = self.atom()
        token = self.peek()
        if token is None or token.kind != "^":
            return base
        self.allow(token)
        self.index += 1
        exponent = self.signed()
        if base == 0 and exponent < 0:
            raise InputError("calculator.divide_by_zero")
        if base < 0 and not float(exponent).is_integer():
            raise InputError("calculator.negative_fraction_power", value=format_number(base))
        try:
            return math.pow(base, exponent)
        except OverflowError:
            raise InputError("calculator.too_large") from None

    def atom(self) -> float:
        token = self.take()
        if token.kind == "number":
            return token.value
        if token.kind == "(":
            return self.bracketed(token)
        if token.kind == "name":
            self.allow(token)
            if token.text == "pi":
                return math.pi
            opening = self.peek()
            if opening is None:
                raise InputError("calculator.incomplete")
            if opening.kind != "(":
                raise InputError("calculator.needs_bracket", name=token.text, position=opening.position)
            self.index += 1
            return FUNCTIONS[token.text](self.bracketed(opening))
        raise InputError("calculator.unexpected", text=token.text, position=token.position)

    def bracketed(self, opening: _Token) -> float:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InputError("calculator.too_deep", depth=MAX_DEPTH)
        value = self.sum()
        closing = self.peek()
        if closing is None:
            raise InputError("calculator.bracket_open", position=opening.position)
        if closing.kind != ")":
            raise InputError("calculator.unexpected", text=closing.text, position=closing.position)
        self.index += 1
        self.depth -= 1
        return value


def evaluate(text: str, scientific: bool = False) -> float:
    """The value of the sum typed in ``text``; InputError (``calculator.*``) saying what is wrong."""
    if len(text) > MAX_LENGTH:
        raise InputError("calculator.too_long", length=len(text), max_length=MAX_LENGTH)
    tokens = _tokens(text)
    if not tokens:
        raise InputError("calculator.empty")
    parser = _Parser(tokens, scientific)
    value = parser.sum()
    rest = parser.peek()
    if rest is not None:
        if rest.kind == ")":
            raise InputError("calculator.bracket_unopened", position=rest.position)
        raise InputError("calculator.unexpected", text=rest.text, position=rest.position)
    if not math.isfinite(value):
        raise InputError("calculator.too_large")
    return value


def format_number(value: float) -> str:
    """``value`` as a calculator shows it: ten significant digits, no trailing zeros, ``E`` for powers."""
    if value == 0:
        return "0"
    text = f"{value:.{DIGITS}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}E{int(exponent)}"
    return text
