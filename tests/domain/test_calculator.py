"""The on-screen calculator's parser: right answers, the usual signs, and every mistake as a code."""

from __future__ import annotations

import math

import pytest

from kiosk.domain.calculator import MAX_DEPTH, MAX_LENGTH, evaluate, format_number
from kiosk.domain.errors import InputError


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("10 - 4 - 3", 3.0),
        ("100 / 4 / 5", 5.0),
        ("12 × 3,5", 42.0),
        ("7 ÷ 2", 3.5),
        ("8 − 10", -2.0),
        ("-3 + +4", 1.0),
        ("--2", 2.0),
        ("2 * -3", -6.0),
        ("0.5 + .25", 0.75),
        ("48 x 2", 96.0),
        ("((2))", 2.0),
    ],
)
def test_the_basic_calculator_does_arithmetic(text: str, value: float) -> None:
    assert evaluate(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2^10", 1024.0),
        ("2^3^2", 512.0),
        ("-2^2", -4.0),
        ("2^-1", 0.5),
        ("sqrt(16) + √(9)", 7.0),
        ("ln(1)", 0.0),
        ("log(1000)", 3.0),
        ("sin(30)", 0.5),
        ("cos(60)", 0.5),
        ("sin(180)", 0.0),
        ("cos(90)", 0.0),
        ("2 * pi", 2 * math.pi),
        ("π", math.pi),
        ("SQRT(4)", 2.0),
        ("(-8)^3", -512.0),
    ],
)
def test_the_scientific_calculator_adds_powers_roots_logs_and_angles_in_degrees(
    text: str, value: float
) -> None:
    assert evaluate(text, scientific=True) == pytest.approx(value)


@pytest.mark.parametrize(("text", "name"), [("2^2", "^"), ("sqrt(4)", "sqrt"), ("√4", "sqrt"), ("pi", "pi")])
def test_the_basic_calculator_refuses_what_only_the_scientific_one_has(text: str, name: str) -> None:
    with pytest.raises(InputError) as caught:
        evaluate(text)
    assert caught.value.code == "calculator.scientific_only"
    assert caught.value.params == {"name": name}


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "calculator.empty", {}),
        ("   ", "calculator.empty", {}),
        ("1 +", "calculator.incomplete", {}),
        ("2 $ 3", "calculator.unexpected", {"text": "$", "position": 3}),
        ("1.2.3", "calculator.unexpected", {"text": "1.2.3", "position": 1}),
        ("2 (3)", "calculator.unexpected", {"text": "(", "position": 3}),
        ("import os", "calculator.unexpected", {"text": "import", "position": 1}),
        ("__import__('os')", "calculator.unexpected", {"text": "_", "position": 1}),
        ("(1 + 2", "calculator.bracket_open", {"position": 1}),
        ("1 + 2)", "calculator.bracket_unopened", {"position": 6}),
        ("5 / (2 - 2)", "calculator.divide_by_zero", {}),
        ("0^-1", "calculator.divide_by_zero", {}),
        ("sqrt(-4)", "calculator.out_of_domain", {"function": "sqrt", "value": "-4"}),
        ("ln(0)", "calculator.out_of_domain", {"function": "ln", "value": "0"}),
        ("log(-1)", "calculator.out_of_domain", {"function": "log", "value": "-1"}),
        ("(-8)^0.5", "calculator.negative_fraction_power", {"value": "-8"}),
        ("10^400", "calculator.too_large", {}),
        ("9^9^9", "calculator.too_large", {}),
        ("sqrt 4", "calculator.needs_bracket", {"name": "sqrt", "position": 6}),
        ("sin", "calculator.incomplete", {}),
    ],
)
def test_every_mistake_is_a_code_with_what_went_wrong(
    text: str, code: str, params: dict[str, object]
) -> None:
    with pytest.raises(InputError) as caught:
        evaluate(text, scientific=True)
    assert caught.value.code == code
    assert caught.value.params == params


def test_no_typed_text_can_make_it_work_for_long() -> None:
    with pytest.raises(InputError) as caught:
        evaluate("1+" * MAX_LENGTH)
    assert caught.value.code == "calculator.too_long"
    deep = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(InputError) as caught:
        evaluate(deep)
    assert caught.value.code == "calculator.too_deep"
    assert evaluate("(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH) == 1.0
    assert evaluate("-" * 150 + "1") == 1.0


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.0, "0"),
        (42.0, "42"),
        (-2.5, "-2.5"),
        (1 / 3, "0.3333333333"),
        (2.0 / 3.0 * 3.0, "2"),
        (1.5e9, "1500000000"),
        (1.5e12, "1.5E12"),
        (1.5e20, "1.5E20"),
        (2.5e-7, "2.5E-7"),
    ],
)
def test_answers_are_shown_as_a_pocket_calculator_shows_them(value: float, shown: str) -> None:
    assert format_number(value) == shown
