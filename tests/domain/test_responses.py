"""Canonical responses, their validation and short-text normalisation."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import InputError
from kiosk.domain.items import Bank
from kiosk.domain.responses import (
    MAX_TEXT_LENGTH,
    is_answered,
    normalise_response,
    normalise_text,
    response_from_json,
    response_to_json,
)
from kiosk.messages import sentence


def check(bank: Bank, item_id: str, raw: object) -> object:
    return normalise_response(bank.item(item_id), raw)


Refusal = tuple[str, dict[str, object]]


def rejects(bank: Bank, item_id: str, raw: object) -> Refusal:
    """The refusal's code and facts (other than the item, which every refusal names)."""
    with pytest.raises(InputError) as caught:
        normalise_response(bank.item(item_id), raw)
    params = dict(caught.value.params)
    assert params.pop("item") == item_id
    return caught.value.code, params


# --- single ---------------------------------------------------------------------------------------------


def test_single_accepts_an_option_id_with_stray_spaces(bank: Bank) -> None:
    assert check(bank, "SGL", " C ") == "C"


def test_single_none_and_blank_mean_no_answer(bank: Bank) -> None:
    assert check(bank, "SGL", None) == ""
    assert check(bank, "SGL", "  ") == ""


def test_single_rejects_an_unknown_option_naming_the_choices(bank: Bank) -> None:
    assert rejects(bank, "SGL", "Z") == ("response.unknown_option", {"choice": "Z", "known": "A, B, C, D"})
    with pytest.raises(InputError) as caught:
        normalise_response(bank.item("SGL"), "Z")
    assert sentence(caught.value) == (
        "Answer to item SGL names option 'Z', which the item does not have; use one of A, B, C, D."
    )


def test_single_rejects_a_list(bank: Bank) -> None:
    assert rejects(bank, "SGL", ["A"]) == ("response.single_not_text", {"found": "array"})


def test_single_option_ids_are_case_sensitive(bank: Bank) -> None:
    assert rejects(bank, "SGL", "b")[1]["choice"] == "b"


# --- multiple -------------------------------------------------------------------------------------------


def test_multiple_is_sorted_and_unique(bank: Bank) -> None:
    assert check(bank, "MUL", ["D", "A", "D", " C"]) == ["A", "C", "D"]


def test_multiple_accepts_a_tuple_and_empty_means_no_answer(bank: Bank) -> None:
    assert check(bank, "MUL", ("B",)) == ["B"]
    assert check(bank, "MUL", []) == []
    assert check(bank, "MUL", None) == []


def test_multiple_rejects_unknown_option(bank: Bank) -> None:
    assert rejects(bank, "MUL", ["A", "F"]) == (
        "response.unknown_option",
        {"choice": "F", "known": "A, B, C, D, E"},
    )


def test_multiple_rejects_text_and_non_text_ids(bank: Bank) -> None:
    assert rejects(bank, "MUL", "A") == ("response.not_a_list", {"found": "string"})
    assert rejects(bank, "MUL", ["A", 2]) == ("response.list_not_text", {})


# --- true/false -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", "true"), (" False ", "false"), (True, "true"), (False, "false")]
)
def test_true_false_accepts_words_and_booleans(bank: Bank, raw: object, expected: str) -> None:
    assert check(bank, "TF", raw) == expected


def test_true_false_rejects_other_words(bank: Bank) -> None:
    assert rejects(bank, "TF", "yes") == ("response.not_true_false", {"answer": "yes"})


def test_true_false_rejects_numbers(bank: Bank) -> None:
    assert rejects(bank, "TF", 1) == ("response.true_false_not_text", {"found": "number"})


# --- numeric --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2.5", "2.5"),
        ("  2.50 ", "2.50"),
        ("2,5", "2.5"),
        ("-0.3", "-0.3"),
        ("+4", "+4"),
        (".5", ".5"),
        ("1e3", "1e3"),
        ("２．５", "2.5"),  # full-width, as a Chinese input method types it
        ("２，５", "2.5"),
        ("\u22121.5", "-1.5"),  # the Unicode minus sign
        (2.5, "2.5"),
        (3, "3"),
        ("", ""),
        (None, ""),
    ],
)
def test_numeric_keeps_the_typed_number_in_canonical_form(bank: Bank, raw: object, expected: str) -> None:
    assert check(bank, "NUM", raw) == expected


@pytest.mark.parametrize(
    "raw", ["abc", "2.5 h", "1,000.5", "1,2,3", "1_000", "nan", "inf", "1e999", "2..5", "٣", "10²"]
)
def test_numeric_rejects_what_is_not_a_plain_number(bank: Bank, raw: str) -> None:
    assert rejects(bank, "NUM", raw) == ("response.not_a_number", {"typed": raw})


def test_numeric_rejects_booleans_and_lists(bank: Bank) -> None:
    assert rejects(bank, "NUM", True) == ("response.number_not_boolean", {})
    assert rejects(bank, "NUM", [2.5]) == ("response.number_not_text", {"found": "array"})


def test_numeric_rejects_over_long_text(bank: Bank) -> None:
    assert rejects(bank, "NUM", "1" * (MAX_TEXT_LENGTH + 1)) == ("response.number_too_long", {"length": 201})


# --- ordering -------------------------------------------------------------------------------------------


def test_ordering_keeps_the_candidates_order(bank: Bank) -> None:
    assert check(bank, "ORD", ["B", "D", "A", "C"]) == ["B", "D", "A", "C"]


def test_ordering_empty_means_no_answer(bank: Bank) -> None:
    assert check(bank, "ORD", []) == []


def test_ordering_rejects_duplicates(bank: Bank) -> None:
    assert rejects(bank, "ORD", ["A", "A", "C", "D"]) == ("response.listed_twice", {"element": "A"})


def test_ordering_rejects_missing_elements(bank: Bank) -> None:
    assert rejects(bank, "ORD", ["A", "C"]) == ("response.elements_missing", {"missing": "B, D", "count": 2})
    assert rejects(bank, "ORD", ["A", "C", "D"]) == ("response.element_missing", {"missing": "B", "count": 1})
    with pytest.raises(InputError) as caught:
        normalise_response(bank.item("ORD"), ["A", "C"])
    assert sentence(caught.value) == "Answer to item ORD must place every element, but B, D are missing."


def test_ordering_rejects_unknown_elements(bank: Bank) -> None:
    code, params = rejects(bank, "ORD", ["A", "B", "C", "D", "E"])
    assert (code, params["choice"]) == ("response.unknown_option", "E")


# --- matching -------------------------------------------------------------------------------------------


def test_matching_may_be_partial_and_is_ordered_by_premise(bank: Bank) -> None:
    assert check(bank, "MAT", {"3": "A", "1": "D"}) == {"1": "D", "3": "A"}
    assert list(check(bank, "MAT", {"3": "A", "1": "D"})) == ["1", "3"]


def test_matching_blank_or_null_choice_unmatches_a_premise(bank: Bank) -> None:
    assert check(bank, "MAT", {"1": "", "2": None, "3": "B"}) == {"3": "B"}
    assert check(bank, "MAT", None) == {}


def test_matching_rejects_unknown_premise(bank: Bank) -> None:
    assert rejects(bank, "MAT", {"9": "A"}) == (
        "response.unknown_premise",
        {"choice": "9", "known": "1, 2, 3"},
    )


def test_matching_rejects_unknown_response(bank: Bank) -> None:
    code, params = rejects(bank, "MAT", {"1": "Z"})
    assert (code, params["choice"]) == ("response.unknown_option", "Z")


def test_matching_rejects_a_list_and_non_text_values(bank: Bank) -> None:
    assert rejects(bank, "MAT", ["A"]) == ("response.not_a_map", {"found": "array"})
    assert rejects(bank, "MAT", {"1": 2}) == ("response.map_not_text", {})


# --- short text -----------------------------------------------------------------------------------------


def test_short_text_is_trimmed_but_otherwise_kept(bank: Bank) -> None:
    assert check(bank, "TXT", "  The Electrolyte. ") == "The Electrolyte."


def test_short_text_up_to_the_limit_is_accepted(bank: Bank) -> None:
    assert check(bank, "TXT", "x" * MAX_TEXT_LENGTH) == "x" * MAX_TEXT_LENGTH


def test_short_text_over_the_limit_is_rejected(bank: Bank) -> None:
    assert rejects(bank, "TXT", "x" * (MAX_TEXT_LENGTH + 1)) == (
        "response.text_too_long",
        {"length": 201, "limit": 200},
    )


def test_short_text_rejects_a_number(bank: Bank) -> None:
    assert rejects(bank, "TXT", 5) == ("response.short_text_not_text", {"found": "number"})


# --- is_answered ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item_id", "response", "answered"),
    [
        ("SGL", "B", True),
        ("SGL", "", False),
        ("SGL", "  ", False),
        ("SGL", None, False),
        ("SGL", ["B"], False),
        ("MUL", ["A"], True),
        ("MUL", [], False),
        ("TF", "false", True),
        ("NUM", "0", True),
        ("ORD", ["A", "B", "C", "D"], True),
        ("ORD", [], False),
        ("MAT", {"1": "A"}, True),
        ("MAT", {}, False),
        ("MAT", "1A", False),
        ("TXT", "x", True),
        ("TXT", "", False),
    ],
)
def test_is_answered(bank: Bank, item_id: str, response: object, answered: bool) -> None:
    assert is_answered(bank.item(item_id), response) is answered


# --- normalise_text -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Electrolyte", "electrolyte"),
        ("  the   electrolyte  ", "the electrolyte"),
        ("the\telectrolyte\n", "the electrolyte"),
        ("Électrolyte", "electrolyte"),
        ("naïve café", "naive cafe"),
        ("Straße", "strasse"),
        ("electrolyte.", "electrolyte"),
        ("electrolyte?! ", "electrolyte"),
        ("electrolyte . . .", "electrolyte"),
        ("Li-ion", "li-ion"),
        ("3.2 V", "3.2 v"),
        ("电解液", "电解液"),
        (" 电解液。", "电解液"),
        ("电解液 ！", "电解液"),
        ("磷酸铁锂\u3000电池", "磷酸铁锂 电池"),  # ideographic space
        ("ＬＦＰ", "lfp"),  # full-width letters
        ("...", ""),
        ("", ""),
    ],
)
def test_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_normalise_text_keeps_leading_punctuation_and_brackets() -> None:
    assert normalise_text("(LFP)") == "(lfp)"
    assert normalise_text("'quoted'") == "'quoted"


# --- JSON -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("response", ["B", ["A", "C"], {"1": "B", "2": "A"}, "电解液", None, ""])
def test_response_json_round_trips(response: object) -> None:
    assert response_from_json(response_to_json(response)) == response


def test_response_json_is_canonical() -> None:
    assert response_to_json({"2": "A", "1": "B"}) == '{"1":"B","2":"A"}'
    assert response_to_json("电") == '"电"'


def test_response_from_json_rejects_other_shapes() -> None:
    with pytest.raises(InputError, match=r"^response\.stored_not_json\b") as caught:
        response_from_json("not json")
    assert sentence(caught.value) == "Stored response is not valid JSON (Expecting value)."
    with pytest.raises(InputError, match=r"^response\.stored_not_response\b") as caught:
        response_from_json("[1, 2]")
    assert caught.value.params == {"found": "array"}
    with pytest.raises(InputError, match=r"^response\.stored_not_response\b"):
        response_from_json("3.5")
