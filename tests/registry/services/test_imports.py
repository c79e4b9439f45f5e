"""Importing many bundle files at once: the outcomes of importing them one by one, whatever is read ahead."""

from __future__ import annotations

import copy
import gc
import multiprocessing
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.formats.encoding import canonical_json
from kiosk.registry.services import imports
from kiosk.registry.services.imports import Outcome, import_bundles
from kiosk.registry.storage.store import RegistryDatabase
from kiosk.registry.storage.tables import AttemptConflictRow, ResultAttemptRow
from tests.fixtures.registry import World, attempt, database_url_fixture, world_fixture

__all__ = ["database_url_fixture", "world_fixture"]


def _malformed(attempt_id: str) -> dict[str, object]:
    record = attempt(attempt_id)
    record["state"] = "paused"
    return record


def test_a_batch_comes_to_what_importing_file_after_file_comes_to(world: World) -> None:
    # On PostgreSQL the next file is read while one is stored; each outcome must still be decided against
    # what the files before it stored, as on SQLite, where files are read in turn.
    kiosk = world.kiosk()
    first = world.bundle(kiosk, [attempt("A-1")], sequence=1, name="a.1xresult")
    shutil.copy(first, first.with_name("b.1xresult"))
    world.bundle(kiosk, [_malformed("A-2")], sequence=2, name="c.1xresult")
    world.bundle(kiosk, [attempt("A-3")], sequence=2, name="d.1xresult")
    world.bundle(kiosk, [attempt("A-4")], sequence=2, name="e.1xresult")
    world.bundle(kiosk, [_malformed("A-5")], sequence=1, name="f.1xresult")
    report = import_bundles(world.ctx, [world.root / "out"])
    found = [
        (
            outcome.path.name,
            outcome.outcome,
            outcome.problem.code if outcome.problem else None,
            outcome.attempts,
        )
        for outcome in report.outcomes
    ]
    assert found == [
        ("a.1xresult", Outcome.IMPORTED, None, 1),
        ("b.1xresult", Outcome.DUPLICATE, "registry_import.duplicate", 0),
        ("c.1xresult", Outcome.REFUSED, "bundle_content.state_unknown", 0),
        ("d.1xresult", Outcome.IMPORTED, None, 1),
        ("e.1xresult", Outcome.CONFLICT, "registry_import.same_id_other_bytes", 0),
        ("f.1xresult", Outcome.REFUSED, "bundle_content.state_unknown", 0),
    ]


def test_the_cycle_collector_rests_during_an_import_only(world: World) -> None:
    kiosk = world.kiosk()
    for sequence in (1, 2):
        world.bundle(kiosk, [attempt(f"A-{sequence}", f"C{sequence}")], sequence=sequence)
    seen: list[bool] = []
    report = import_bundles(world.ctx, [world.root / "out"], lambda *_: seen.append(gc.isenabled()))
    assert [outcome.outcome for outcome in report.outcomes] == [Outcome.IMPORTED] * 2
    assert seen == [False, False]
    assert gc.isenabled()
    # A caller that paused it itself finds it paused still.
    gc.disable()
    try:
        import_bundles(world.ctx, [world.root / "out"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def _batch(world: World, count: int) -> list[str]:
    kiosk = world.kiosk()
    names = [f"b{sequence:02d}.1xresult" for sequence in range(1, count + 1)]
    for sequence, name in enumerate(names, start=1):
        world.bundle(kiosk, [attempt(f"A-{sequence}", f"C{sequence}")], sequence=sequence, name=name)
    return names


def test_on_postgresql_a_batch_is_read_ahead_by_reader_processes(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[str] = []

    class Counted(ProcessPoolExecutor):
        def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
            handed.append(next(arg.name for arg in args if isinstance(arg, Path)))  # the file
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(imports, "ProcessPoolExecutor", Counted)
    names = _batch(world, imports.READER_PROCESS_FROM)
    report = import_bundles(world.ctx, [world.root / "out"])
    assert [(item.path.name, item.outcome, item.attempts) for item in report.outcomes] == [
        (name, Outcome.IMPORTED, 1) for name in names
    ]
    # SQLite writes in this process, where the reading happens too.
    assert handed == (names if world.ctx.database.dialect == "postgresql" else [])


def test_an_import_goes_on_here_when_no_reader_process_can_start(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    if world.ctx.database.dialect != "postgresql":
        pytest.skip("reader processes read for PostgreSQL only")
    # The reader processes are told of a database they cannot reach, so none starts.
    nowhere = property(lambda _: "postgresql+psycopg://nobody@127.0.0.1:9/nothing?connect_timeout=2")
    monkeypatch.setattr(RegistryDatabase, "connection_url", nowhere)
    names = _batch(world, imports.READER_PROCESS_FROM + 1)
    report = import_bundles(world.ctx, [world.root / "out"])
    assert [(item.path.name, item.outcome, item.attempts) for item in report.outcomes] == [
        (name, Outcome.IMPORTED, 1) for name in names
    ]


def test_attempts_read_ahead_keep_their_json_as_the_kiosk_signed_it(world: World) -> None:
    """A reader process sends the attempts' JSON back as places in the bundle's text; what is stored is that
    text, Chinese names and all, as an import in this process stores it."""
    kiosk = world.kiosk()
    sent: dict[str, dict[str, Any]] = {}
    for sequence in range(1, imports.READER_PROCESS_FROM + 2):
        record = attempt(f"A-{sequence}", f"C{sequence}", items=4)
        record["candidate"]["name_zh"] = "班达·穆隆加" if sequence % 2 else None
        note = {"note": "停电 → 恢复"}
        record["events"] = [{"kind": "started", "detail": note, "at": "2025-03-14T09:00:00Z"}]
        sent[record["attempt_id"]] = record
        world.bundle(kiosk, [record], sequence=sequence)
    # The first attempt again in a later bundle, changed: kept aside whole, beside the copy held.
    changed = copy.deepcopy(sent["A-1"])
    changed["candidate"]["name"] = "Someone else 某人"
    world.bundle(kiosk, [changed], sequence=imports.READER_PROCESS_FROM + 2)
    report = import_bundles(world.ctx, [world.root / "out"])
    assert [item.outcome for item in report.outcomes][-1] is Outcome.CONFLICT
    members = ("result", "form", "events", "checkpoints")
    with world.ctx.database.session() as session:
        stored = {
            row.attempt_id: [getattr(row, f"{member}_json") for member in members]
            for row in session.scalars(select(ResultAttemptRow))
        }
        kept = session.scalars(select(AttemptConflictRow))
        conflicts = [(row.attempt_id, row.content_json) for row in kept]
    assert stored == {
        attempt_id: [canonical_json(record[member]).decode("utf-8") for member in members]
        for attempt_id, record in sent.items()
    }
    assert conflicts == [("A-1", canonical_json(changed).decode("utf-8"))]


@pytest.mark.parametrize(("threads", "method"), [(1, "fork"), (3, "spawn")])
def test_reader_processes_are_forked_only_from_a_process_of_one_thread(
    world: World, monkeypatch: pytest.MonkeyPatch, threads: int, method: str
) -> None:
    if world.ctx.database.dialect != "postgresql":
        pytest.skip("reader processes read for PostgreSQL only")
    if "fork" not in multiprocessing.get_all_start_methods():
        method = "spawn"
    started: list[str] = []

    class Recorded(ProcessPoolExecutor):
        def __init__(self, workers: int, context: Any, **kwargs: Any) -> None:
            started.append(context.get_start_method())
            super().__init__(workers, context, **kwargs)

    monkeypatch.setattr(imports, "ProcessPoolExecutor", Recorded)
    monkeypatch.setattr(imports, "_threads", lambda: threads)
    names = _batch(world, imports.READER_PROCESS_FROM)
    report = import_bundles(world.ctx, [world.root / "out"])
    assert [(item.path.name, item.outcome, item.attempts) for item in report.outcomes] == [
        (name, Outcome.IMPORTED, 1) for name in names
    ]
    assert started == [method]


def test_every_thread_of_the_process_is_counted() -> None:
    before = imports._threads()
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert imports._threads() == before + 1
    finally:
        stop.set()
        waiting.join()
