"""Reading roster CSVs as spreadsheets export them, and reporting every bad row by number."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.domain.errors import InputError
from kiosk.domain.items import Certificate
from kiosk.messages import sentence
from kiosk.station.services.roster_csv import RosterProblem, normalise_candidate_number, parse_roster


def _data(problem: RosterProblem) -> tuple[Any, ...]:
    return (problem.row, problem.column, problem.code, dict(problem.params))


def _parse(text: str, encoding: str = "utf-8") -> tuple[list[tuple[Any, ...]], list[str]]:
    """The rows read, and every problem in its English wording."""
    parsed = parse_roster(text.encode(encoding), "roster.csv")
    rows = [
        (
            row.row,
            row.candidate_number,
            row.full_name,
            row.name_zh,
            row.certificate,
            row.grade,
            row.extra_time_factor,
        )
        for row in parsed.rows
    ]
    return rows, [sentence(problem.error()) for problem in parsed.problems]


def test_a_clean_roster_is_read() -> None:
    rows, problems = _parse(
        "Candidate number,Name,Chinese name,Certificate,Grade,Extra time,Notes\n"
        "c-001,Mwila Banda,,maintenance,II,,\n"
        "C-002,Chanda Phiri,钱多多,Energy Storage Design,1,25%,ramp\n"
    )
    assert problems == []
    assert rows == [
        (2, "C-001", "Mwila Banda", None, Certificate.MAINTENANCE, 2, 1.0),
        (3, "C-002", "Chanda Phiri", "钱多多", Certificate.DESIGN, 1, 1.25),
    ]


def test_utf8_with_a_byte_order_mark_and_semicolons_from_a_european_spreadsheet() -> None:
    parsed = parse_roster(
        "\ufeffcandidate_no;full name;certificate;grade;extra_time_factor\n"
        "C-001;Mwila Banda;recycling;III;1,5\n".encode(),
        "roster.csv",
    )
    assert (parsed.encoding, parsed.delimiter, parsed.problems) == ("utf-8", ";", ())
    (row,) = parsed.rows
    assert (row.candidate_number, row.certificate, row.grade, row.extra_time_factor) == (
        "C-001",
        Certificate.RECYCLING,
        3,
        1.5,
    )


def test_windows_1252_is_read_when_the_file_is_not_utf8() -> None:
    parsed = parse_roster(
        "Number,Name,Certificate,Grade\nC-001,Chilufya Mulenga-Tembó,design,1\n".encode("cp1252"), "r"
    )
    assert parsed.encoding == "windows-1252"
    assert parsed.rows[0].full_name == "Chilufya Mulenga-Tembó"


def test_tabs_quoted_commas_stray_blank_lines_and_spaces_are_handled() -> None:
    rows, problems = _parse(
        "\n\nid\tcandidate name\tcert\tlevel\n"
        "\n"
        '  C-001 \t"Banda,  Mwila" \t MAINTENANCE \t grade 2 \n'
        "\t\t\t\n"
        "C-002\tPhiri\tmaintenance\tii\n\n"
    )
    assert problems == []
    assert [(row[0], row[1], row[2], row[5]) for row in rows] == [
        (5, "C-001", "Banda, Mwila", 2),
        (7, "C-002", "Phiri", 2),
    ]


@pytest.mark.parametrize(
    ("extra", "factor"),
    [
        ("", 1.0),
        ("1", 1.0),
        ("1.25", 1.25),
        ("25%", 1.25),
        ("+25%", 1.25),
        ("+ 50 %", None),
        ("50 %", 1.5),
        ("2", 2.0),
    ],
)
def test_extra_time_may_be_a_factor_or_a_percentage(extra: str, factor: float | None) -> None:
    rows, problems = _parse(f"number,name,certificate,grade,extra time\nC-1,A B,design,1,{extra}\n")
    if factor is None:
        assert problems and "extra time" in problems[0]
    else:
        assert problems == [] and rows[0][6] == factor


BAD_ROWS = (
    "Candidate number,Name,Certificate,Grade,Extra time\n"
    "C-001,Mwila Banda,maintenance,2,\n"
    ",Chanda Phiri,maintenance,2,\n"
    "C-003,,storage,IV,25\n"
    "C-004,Bwalya Tembo,design,1,0.5\n"
    "C 005!,Ok Name,design,1,abc\n"
)


def test_every_bad_row_is_reported_as_data_with_its_number_and_column() -> None:
    parsed = parse_roster(BAD_ROWS.encode(), "roster.csv")
    choices = "design, maintenance, recycling"
    assert [_data(problem) for problem in parsed.problems] == [
        (3, "number", "roster.number_empty", {}),
        (4, "name", "roster.name_empty", {}),
        (4, "certificate", "roster.certificate_invalid", {"value": "storage", "choices": choices}),
        (4, "grade", "roster.grade_invalid", {"value": "IV"}),
        (4, "extra_time", "roster.extra_time_percent", {"value": "25", "max_factor": "3"}),
        (5, "extra_time", "roster.extra_time_out_of_range", {"value": "0.5", "max_factor": "3"}),
        (6, "number", "roster.number_invalid", {"value": "C 005!", "max_length": 32}),
        (6, "extra_time", "roster.extra_time_invalid", {"value": "abc"}),
    ]
    assert parsed.problems[0].error().params == {"row": 3, "column": "number"}


def test_every_bad_row_is_worded_with_its_number_field_and_what_to_do() -> None:
    rows, problems = _parse(BAD_ROWS)
    assert [row[1] for row in rows] == ["C-001"]
    assert problems == [
        "Row 3, candidate number: it is empty; give every candidate their number.",
        "Row 4, name: it is empty; give the candidate's full name.",
        "Row 4, certificate: 'storage' is not a certificate; write one of design, maintenance, recycling.",
        "Row 4, grade: 'IV' is not a grade; write 1, 2 or 3 (or I, II, III).",
        "Row 4, extra time: '25' is outside 1.0 (no extra time) to 3 (triple time) (did you mean 25%?); "
        "write for example 1.25 or 25%.",
        "Row 5, extra time: '0.5' is outside 1.0 (no extra time) to 3 (triple time); "
        "write for example 1.25 or 25%.",
        "Row 6, candidate number: 'C 005!' is not a candidate number; "
        "use up to 32 letters, digits, '-' or '/'.",
        "Row 6, extra time: 'abc' is not an extra-time factor; "
        "write for example 1.25 or 25%, or leave it empty.",
    ]


def test_a_candidate_listed_twice_is_reported_on_the_second_row() -> None:
    _, problems = _parse(
        "number,name,certificate,grade\nC-001,A,design,1\nC-002,B,design,1\nc-001,C,design,1\n"
    )
    assert problems == ["Row 4, candidate number: C-001 also appears on row 2; list each candidate once."]


def test_missing_and_repeated_columns_are_reported_on_the_heading_row() -> None:
    _, problems = _parse("number,id,name,grade\nC-001,X,A,1\n")
    assert problems == [
        "Row 1, heading: column 'id' repeats column 1; keep only one of them.",
        "Row 1, heading: there is no 'certificate' column; add one to the heading row.",
    ]


def test_unknown_columns_are_ignored_with_a_warning() -> None:
    parsed = parse_roster(b"number,name,certificate,grade,Phone\nC-001,A,design,1,0977\n", "r")
    assert parsed.problems == () and parsed.ignored_columns == ("Phone",)
    assert [_data(warning) for warning in parsed.warnings] == [
        (1, "heading", "roster.column_ignored", {"heading": "Phone"})
    ]
    assert [sentence(warning.error()) for warning in parsed.warnings] == [
        "Column 'Phone' is not a roster column and was ignored."
    ]


def test_a_heading_with_no_candidates_is_a_problem() -> None:
    _, problems = _parse("number,name,certificate,grade\n\n")
    assert problems == ["Row 1, rows: the file has a heading row but no candidates; add their rows."]


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(InputError, match=r"^roster\.empty path=roster.csv$"):
        parse_roster(b"\n \n", "roster.csv")


def test_text_in_neither_encoding_is_refused_with_advice() -> None:
    with pytest.raises(InputError, match=r"^roster\.not_text\b") as caught:
        parse_roster(b"number\x81\x8d\n", "roster.csv")
    assert caught.value.params == {"path": "roster.csv", "byte": 7}
    assert sentence(caught.value) == (
        "The roster roster.csv is neither UTF-8 nor Windows-1252 text (byte 7); save it from the "
        "spreadsheet as 'CSV UTF-8'."
    )


def test_candidate_numbers_compare_without_case_or_spaces() -> None:
    assert normalise_candidate_number("  c-001 ") == "C-001"
