"""Importing the roster all or nothing, access codes shown once, reissuing codes, accommodations."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.errors import InputError
from kiosk.formats.secrets import HashCost, hash_secret, new_access_code, normalise_code, verify_secret
from kiosk.messages import sentence
from kiosk.station.services import roster
from kiosk.station.services.context import KioskContext
from kiosk.station.services.roster import (
    RosterRejected,
    fresh_codes,
    hash_codes,
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


def _many(count: int) -> str:
    lines = [f"M-{number:03d},Candidate {number},maintenance,{1 + number % 3}," for number in range(count)]
    return "number,name,certificate,grade,extra time\n" + "\n".join(lines) + "\n"


def _counts_up_to(told: list[tuple[int, int]], total: int) -> None:
    """Progress went up one report after another and ended at the total."""
    done = [count for count, _ in told]
    assert done == sorted(set(done)) and done[0] >= 1
    assert {whole for _, whole in told} == {total}
    assert told[-1] == (total, total)


def test_an_import_reports_its_progress_up_to_the_total(ctx: KioskContext, tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    result = import_roster(
        ctx, _write(tmp_path, _many(25)), progress=lambda done, total: told.append((done, total))
    )
    assert result.count == 25
    _counts_up_to(told, 25)
    assert told == [(done, 25) for done in range(1, 26)]


def test_fresh_codes_report_their_progress(ctx: KioskContext, tmp_path: Path) -> None:
    import_roster(ctx, _write(tmp_path, _many(12)))
    with ctx.store.session() as session:
        records = people.list_candidates(session)
    told: list[tuple[int, int]] = []
    fresh = fresh_codes(ctx, records, lambda done, total: told.append((done, total)))
    assert [code.candidate_number for code in fresh] == [record.candidate_number for record in records]
    assert all(verify_secret(normalise_code(code.access_code), code.code_hash) for code in fresh)
    _counts_up_to(told, 12)


def test_hashing_shared_with_worker_processes_gives_each_code_its_own_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Worker processes take codes from the back while this one hashes from the front, slowly here."""
    codes = [new_access_code() for _ in range(40)]
    here: list[str] = []

    def slow_here(secret: str, cost: HashCost) -> str:
        here.append(secret)
        if len(here) > 1:
            # Slow enough that the workers (which hash with the real function) start and take some.
            time.sleep(0.2)
        return hash_secret(secret, cost)

    monkeypatch.setattr(roster, "PARALLEL_AFTER_S", 0.0)
    monkeypatch.setattr(roster, "hash_workers", lambda: 3)
    monkeypatch.setattr(roster, "hash_secret", slow_here)
    told: list[tuple[int, int]] = []
    hashes = hash_codes(codes, HashCost.TEST, lambda done, total: told.append((done, total)))

    assert len(hashes) == len(codes)
    for code, encoded in zip(codes, hashes, strict=True):
        assert verify_secret(normalise_code(code), encoded)
    assert not verify_secret(normalise_code(codes[0]), hashes[1])
    assert len(set(hashes)) == len(hashes)
    assert 1 <= len(here) < len(codes)  # the workers hashed the rest
    _counts_up_to(told, len(codes))


class _RefusingPool:
    """Stands in for a process pool whose workers cannot start."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def submit(self, *args: Any) -> Future[list[str]]:
        raise OSError("no processes here")

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _BrokenPool(_RefusingPool):
    """Stands in for a process pool whose workers died: every task comes back broken."""

    def submit(self, *args: Any) -> Future[list[str]]:
        future: Future[list[str]] = Future()
        future.set_running_or_notify_cancel()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future


@pytest.mark.parametrize("pool", [_RefusingPool, _BrokenPool])
def test_codes_the_workers_cannot_hash_are_hashed_here(monkeypatch: pytest.MonkeyPatch, pool: type) -> None:
    codes = [new_access_code() for _ in range(20)]
    monkeypatch.setattr(roster, "PARALLEL_AFTER_S", 0.0)
    monkeypatch.setattr(roster, "hash_workers", lambda: 2)
    monkeypatch.setattr(roster, "ProcessPoolExecutor", pool)
    told: list[tuple[int, int]] = []
    hashes = hash_codes(codes, HashCost.TEST, lambda done, total: told.append((done, total)))
    for code, encoded in zip(codes, hashes, strict=True):
        assert verify_secret(normalise_code(code), encoded)
    _counts_up_to(told, len(codes))
