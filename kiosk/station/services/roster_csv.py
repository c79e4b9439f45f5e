"""Reading a candidate roster exported from a spreadsheet, reporting every bad row by number.

Accepts UTF-8 with or without a byte-order mark, or Windows-1252; comma, semicolon or tab between fields;
the common spellings of each column heading; stray blank lines and spaces. Nothing here touches the store.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

from kiosk.domain.errors import InputError
from kiosk.domain.items import Certificate

MAX_NUMBER_LENGTH = 32
MAX_NAME_LENGTH = 200
MAX_NOTES_LENGTH = 500
MAX_EXTRA_TIME_FACTOR = 3.0

# Normalised heading (lower case, single spaces, no punctuation) -> field.
_ALIASES = {
    "candidate number": "number",
    "candidate no": "number",
    "candidate num": "number",
    "candidate id": "number",
    "number": "number",
    "no": "number",
    "id": "number",
    "exam number": "number",
    "student number": "number",
    "name": "name",
    "full name": "name",
    "candidate name": "name",
    "english name": "name",
    "name zh": "name_zh",
    "chinese name": "name_zh",
    "name chinese": "name_zh",
    "中文名": "name_zh",
    "中文姓名": "name_zh",
    "certificate": "certificate",
    "cert": "certificate",
    "x certificate": "certificate",
    "grade": "grade",
    "level": "grade",
    "extra time": "extra_time",
    "extra time factor": "extra_time",
    "time factor": "extra_time",
    "accommodation": "extra_time",
    "notes": "notes",
    "note": "notes",
    "remarks": "notes",
    "comments": "notes",
}
# Required field -> the heading a file must have for it (any alias above would do).
_REQUIRED = {"number": "candidate number", "name": "name", "certificate": "certificate", "grade": "grade"}
_GRADES = {"1": 1, "2": 2, "3": 3, "i": 1, "ii": 2, "iii": 3}
_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9/._-]*")
_FACTOR = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_PERCENT = re.compile(r"\+?([0-9]+(?:[.,][0-9]+)?)\s*%")

# Reports one problem with the current row: (column, error code, params).
_Bad: TypeAlias = Callable[[str, str, dict[str, object]], None]

# Columns a problem can be in: a roster field, the heading row, or the file's rows as a whole.
HEADING = "heading"
ROWS = "rows"


@dataclass(frozen=True, slots=True)
class RosterRow:
    """A good roster row, cleaned."""

    row: int
    candidate_number: str
    full_name: str
    name_zh: str | None
    certificate: Certificate
    grade: int
    extra_time_factor: float
    notes: str


@dataclass(frozen=True, slots=True)
class RosterProblem:
    """One thing wrong with (or noted about) the file, as data: where, what (an error code) and the facts.

    ``row`` counts the file's lines from 1 (usually the heading row); ``column`` is the roster field
    (``number``, ``name``, ``name_zh``, ``certificate``, ``grade``, ``extra_time``, ``notes``), or
    :data:`HEADING` or :data:`ROWS`. The wording of ``code`` (which names the row) is in
    :mod:`kiosk.messages`; :meth:`error` gives what it renders.
    """

    row: int
    column: str
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def error(self) -> InputError:
        """The problem as an error carrying ``row`` and ``column`` with its own params, for the wording."""
        return InputError(self.code, row=self.row, column=self.column, **self.params)

    def __str__(self) -> str:
        return str(self.error())


@dataclass(frozen=True, slots=True)
class ParsedRoster:
    rows: tuple[RosterRow, ...]
    problems: tuple[RosterProblem, ...]
    warnings: tuple[RosterProblem, ...] = ()
    """Things noted that stop nothing, e.g. a column that is not a roster column and was ignored."""
    encoding: str = "utf-8"
    delimiter: str = ","
    ignored_columns: tuple[str, ...] = field(default=())


def normalise_candidate_number(value: str) -> str:
    """Candidate numbers compare without case or surrounding spaces (they are typed at log-in)."""
    return value.strip().upper()


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as error:
        raise InputError("roster.not_text", path=source, byte=error.start + 1) from error


def _heading(text: str) -> str:
    cleaned = re.sub(r"[_\-.:#()]+", " ", text.replace("\ufeff", "")).strip().lower()
    return " ".join(cleaned.split())


def _delimiter(header_line: str) -> str:
    # The heading row never holds quoted commas, so counting there is more reliable than csv.Sniffer,
    # which guesses from data rows where names and notes may contain either character.
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def parse_roster(data: bytes, source: str) -> ParsedRoster:
    """Parse roster CSV bytes; every problem is collected, none raised (except for unreadable text)."""
    text, encoding = decode(data, source)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise InputError("roster.empty", path=source)
    delimiter = _delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[RosterProblem] = []
    columns: dict[str, int] | None = None
    ignored: list[str] = []
    heading_row = 1
    rows: list[RosterRow] = []
    for record in reader:
        row_number = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if columns is None:
            heading_row = row_number
            columns, ignored, header_problems = _columns(record, row_number)
            problems.extend(header_problems)
            if header_problems:
                break
            continue
        parsed = _row(record, columns, row_number, problems)
        if parsed is not None:
            rows.append(parsed)
    if columns is not None and not rows and not problems:
        problems.append(RosterProblem(heading_row, ROWS, "roster.no_candidates"))
    _check_duplicates(rows, problems)
    warnings = tuple(
        RosterProblem(heading_row, HEADING, "roster.column_ignored", {"heading": name}) for name in ignored
    )
    return ParsedRoster(
        rows=tuple(rows),
        problems=tuple(sorted(problems, key=lambda problem: problem.row)),
        warnings=warnings,
        encoding=encoding,
        delimiter=delimiter,
        ignored_columns=tuple(ignored),
    )


def _columns(record: list[str], row_number: int) -> tuple[dict[str, int], list[str], list[RosterProblem]]:
    columns: dict[str, int] = {}
    ignored: list[str] = []
    problems: list[RosterProblem] = []
    for index, cell in enumerate(record):
        name = _heading(cell)
        known = _ALIASES.get(name)
        if known is None:
            if name:
                ignored.append(cell.strip())
            continue
        if known in columns:
            problems.append(
                RosterProblem(
                    row_number,
                    HEADING,
                    "roster.heading_repeated",
                    {"heading": cell.strip(), "first": columns[known] + 1},
                )
            )
            continue
        columns[known] = index
    for key, label in _REQUIRED.items():
        if key not in columns:
            problems.append(RosterProblem(row_number, HEADING, "roster.heading_missing", {"heading": label}))
    return columns, ignored, problems


def _cell(record: list[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def _row(
    record: list[str], columns: dict[str, int], row_number: int, problems: list[RosterProblem]
) -> RosterRow | None:
    found_before = len(problems)

    def bad(column: str, code: str, params: dict[str, object]) -> None:
        problems.append(RosterProblem(row_number, column, code, params))

    number = normalise_candidate_number(_cell(record, columns, "number"))
    if not number:
        bad("number", "roster.number_empty", {})
    elif len(number) > MAX_NUMBER_LENGTH or not _NUMBER.fullmatch(number):
        bad("number", "roster.number_invalid", {"value": number, "max_length": MAX_NUMBER_LENGTH})
    name = " ".join(_cell(record, columns, "name").split())
    if not name:
        bad("name", "roster.name_empty", {})
    elif len(name) > MAX_NAME_LENGTH:
        bad("name", "roster.name_too_long", {"max_length": MAX_NAME_LENGTH})
    name_zh = " ".join(_cell(record, columns, "name_zh").split()) or None
    if name_zh is not None and len(name_zh) > MAX_NAME_LENGTH:
        bad("name_zh", "roster.name_zh_too_long", {"max_length": MAX_NAME_LENGTH})
    certificate = _certificate(_cell(record, columns, "certificate"), bad)
    grade = _grade(_cell(record, columns, "grade"), bad)
    factor = _extra_time(_cell(record, columns, "extra_time"), bad)
    notes = " ".join(_cell(record, columns, "notes").split())
    if len(notes) > MAX_NOTES_LENGTH:
        bad("notes", "roster.notes_too_long", {"max_length": MAX_NOTES_LENGTH})
    if len(problems) > found_before or certificate is None or grade is None or factor is None:
        return None
    return RosterRow(row_number, number, name, name_zh, certificate, grade, factor, notes)


def _certificate(value: str, bad: _Bad) -> Certificate | None:
    cleaned = " ".join(value.lower().split()).removeprefix("energy storage").strip()
    for certificate in Certificate:
        if cleaned == certificate.value:
            return certificate
    choices = ", ".join(certificate.value for certificate in Certificate)
    if not value:
        bad("certificate", "roster.certificate_empty", {"choices": choices})
    else:
        bad("certificate", "roster.certificate_invalid", {"value": value, "choices": choices})
    return None


def _grade(value: str, bad: _Bad) -> int | None:
    cleaned = " ".join(value.lower().split()).removeprefix("grade").strip()
    grade = _GRADES.get(cleaned)
    if grade is None:
        if value:
            bad("grade", "roster.grade_invalid", {"value": value})
        else:
            bad("grade", "roster.grade_empty", {})
    return grade


def _extra_time(value: str, bad: _Bad) -> float | None:
    if not value:
        return 1.0
    percent = _PERCENT.fullmatch(value)
    if percent is not None:
        factor = 1.0 + float(percent.group(1).replace(",", ".")) / 100.0
    elif _FACTOR.fullmatch(value):
        factor = float(value.replace(",", "."))
    else:
        bad("extra_time", "roster.extra_time_invalid", {"value": value})
        return None
    if not math.isfinite(factor) or not 1.0 <= factor <= MAX_EXTRA_TIME_FACTOR:
        # A plain number above the maximum was most likely meant as a percentage.
        meant_percent = factor > MAX_EXTRA_TIME_FACTOR and percent is None
        bad(
            "extra_time",
            "roster.extra_time_percent" if meant_percent else "roster.extra_time_out_of_range",
            {"value": value, "max_factor": f"{MAX_EXTRA_TIME_FACTOR:g}"},
        )
        return None
    return factor


def _check_duplicates(rows: list[RosterRow], problems: list[RosterProblem]) -> None:
    first_row: dict[str, int] = {}
    for row in rows:
        earlier = first_row.get(row.candidate_number)
        if earlier is not None:
            problems.append(
                RosterProblem(
                    row.row,
                    "number",
                    "roster.number_repeated",
                    {"number": row.candidate_number, "first_row": earlier},
                )
            )
        else:
            first_row[row.candidate_number] = row.row
