"""Importing the roster all or nothing, access codes shown once, reissuing codes, accommodations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.domain.errors import InputError
from kiosk.formats.secrets import normalise_code, verify_secret
from kiosk.messages import sentence
from kiosk.station.services.context import KioskContext
from kiosk.station.services.roster import (
    RosterRejected,
    import_roster,
    list_candidates,
    preview_roster,
    reset_access_code,
    set_accommodation,
)
from kiosk.station.storage.repositories import people

GOOD = (
    "number,name,certificate,grade,extra time\n"
    "C-001,Mwila Banda,maintenance,2,\n"
    "C-002,Chanda Phiri,design,1,25%\n"
)


def _write(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _code_hash(ctx: KioskContext, number: str) -> str:
    with ctx.store.session() as session:
        record = people.get_candidate(session, number)
    assert record is not None
    return record.access_code_hash


def test_a_preview_reports_the_rows_and_writes_nothing(ctx: KioskContext, tmp_path: Path) -> None:
    preview = preview_roster(ctx, _write(tmp_path, GOOD))
    assert preview.ok and [row.candidate_number for row in preview.rows] == ["C-001", "C-002"]
    assert list_candidates(ctx) == []


def test_an_import_stores_everyone_and_returns_codes_kept_only_as_hashes(
    ctx: KioskContext, tmp_path: Path
) -> None:
    result = import_roster(ctx, _write(tmp_path, GOOD))
    assert result.count == 2
    codes = {issued.candidate_number: issued.access_code for issued in result.codes}
    for number, code in codes.items():
        assert len(normalise_code(code)) == 8
        assert verify_secret(normalise_code(code), _code_hash(ctx, number))
    with sqlite3.connect(ctx.store.path) as connection:
        stored = " ".join(row[0] for row in connection.execute("SELECT access_code_hash FROM candidates"))
    assert not any(normalise_code(code) in stored or code in stored for code in codes.values())
    assert [
        (c.candidate_number, c.certificate, c.grade, c.extra_time_factor) for c in list_candidates(ctx)
    ] == [
        ("C-001", "maintenance", 2, 1.0),
        ("C-002", "design", 1, 1.25),
    ]


def test_one_bad_row_stops_the_whole_import_and_every_problem_is_reported(
    ctx: KioskContext, tmp_path: Path
) -> None:
    path = _write(tmp_path, GOOD + "C-003,,design,1,\nC-004,Ok,design,7,\n")
    with pytest.raises(RosterRejected, match=r"^roster\.rejected\b") as caught:
        import_roster(ctx, path)
    assert caught.value.params == {"path": path, "count": 2}
    assert [(problem.row, problem.column, problem.code) for problem in caught.value.problems] == [
        (4, "name", "roster.name_empty"),
        (5, "grade", "roster.grade_invalid"),
    ]
    assert [sentence(problem.error()) for problem in caught.value.problems] == [
        "Row 4, name: it is empty; give the candidate's full name.",
        "Row 5, grade: '7' is not a grade; write 1, 2 or 3 (or I, II, III).",
    ]
    assert sentence(caught.value) == f"The roster {path} has 2 problems and nothing was imported."
    assert list_candidates(ctx) == []


def test_a_single_problem_is_worded_as_one(ctx: KioskContext, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + "C-003,,design,1,\n")
    with pytest.raises(RosterRejected, match=r"^roster\.rejected_one_problem\b") as caught:
        import_roster(ctx, path)
    assert sentence(caught.value) == f"The roster {path} has 1 problem and nothing was imported."


def test_a_long_list_of_problems_is_counted_and_every_one_kept(ctx: KioskContext, tmp_path: Path) -> None:
    rows = "".join(f"C-{number:03d},,design,1,\n" for number in range(8))
    with pytest.raises(RosterRejected) as caught:
        import_roster(ctx, _write(tmp_path, "number,name,certificate,grade,extra time\n" + rows))
    assert caught.value.params["count"] == 8
    assert [problem.row for problem in caught.value.problems] == list(range(2, 10))


def test_candidates_already_on_the_roster_are_reported_by_row(ctx: KioskContext, tmp_path: Path) -> None:
    import_roster(ctx, _write(tmp_path, GOOD))
    second = _write(
        tmp_path,
        "number,name,certificate,grade\nC-009,New Person,design,1\nc-002,Phiri,design,1\n",
        "more.csv",
    )
    preview = preview_roster(ctx, second)
    assert [(problem.row, problem.column, problem.code) for problem in preview.problems] == [
        (3, "number", "roster.number_on_roster")
    ]
    assert sentence(preview.problems[0].error()) == (
        "Row 3, candidate number: C-002 is already on this kiosk's roster; remove the row."
    )
    with pytest.raises(RosterRejected):
        import_roster(ctx, second)
    assert [candidate.candidate_number for candidate in list_candidates(ctx)] == ["C-001", "C-002"]


def test_a_missing_roster_file_is_named(ctx: KioskContext, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^roster\.file_missing\b") as caught:
        import_roster(ctx, tmp_path / "nowhere.csv")
    assert caught.value.params == {"path": tmp_path / "nowhere.csv"}


def test_a_reset_code_replaces_the_old_one(ctx: KioskContext, tmp_path: Path) -> None:
    old = import_roster(ctx, _write(tmp_path, GOOD)).codes[0].access_code
    new = reset_access_code(ctx, " c-001 ")
    assert new != old
    assert verify_secret(normalise_code(new), _code_hash(ctx, "C-001"))
    assert not verify_secret(normalise_code(old), _code_hash(ctx, "C-001"))
    with pytest.raises(InputError, match=r"^candidate\.unknown number=C-404$"):
        reset_access_code(ctx, "C-404")


def test_accommodations_are_checked_and_stored(ctx: KioskContext, tmp_path: Path) -> None:
    import_roster(ctx, _write(tmp_path, GOOD))
    set_accommodation(ctx, "C-001", 1.5)
    assert list_candidates(ctx)[0].extra_time_factor == 1.5
    for bad, shown in ((0.9, "0.9"), (3.5, "3.5"), (float("nan"), "nan")):
        with pytest.raises(InputError, match=r"^candidate\.extra_time_out_of_range\b") as caught:
            set_accommodation(ctx, "C-001", bad)
        assert caught.value.params == {"factor": shown, "max_factor": "3"}
    assert list_candidates(ctx)[0].extra_time_factor == 1.5
