"""Answer-save latency, beside raw sqlite3 doing the same writes with the same pragmas and the same hashing.

Budgets (docs/ARCHITECTURE.md §7): the save at <= 1.5x the raw floor at both p50 and p99, on the data disk
and on tmpfs (where disk jitter cannot hide the program's own cost); click to commit p99 <= 15 ms on the data
disk, judged for the save and for a real click in the window. The click's ratio to the floor is printed
beside it, not judged: it holds the window's own work on a click, which the floor cannot do.

    python bench/answer_save.py [--answers 2000] [--clicks 500] [--dir FOLDER]

Three paths save answers to a 100-item form drawn from a 200-item bank, on each disk:

- the service: ``ExamSession.record_answer`` (normalise the response, hash-chain a journal entry, and in one
  transaction INSERT the entry, UPSERT the current response and UPDATE the attempt's clock and journal head);
- the GUI: a real mouse click on an option of the kiosk window (QT_QPA_PLATFORM=offscreen, in a child
  process with a time limit), timed until the click has returned with the commit done and the "Answer saved"
  mark shown; the time until the event loop is idle again (painted) is printed beside it;
- the floor: the plainest program doing the same work. It works on a copy of the very store the service
  writes (same schema, indexes, triggers and rows, taken with SQLite's backup API once the attempt has
  started), through a bare sqlite3 connection with the store's pragmas (read back and compared), and for
  each answer serialises the canonical response, reads the clocks, computes the same SHA-256 entry hash
  and runs the same three statements in one transaction. It does not validate the response: that is the
  kiosk's own cost. After the run the floor's journal is verified with the kiosk's ``verify_chain`` and its
  row counts compared with the service's, so the floor provably did the same writes and hashing.

Service and floor alternate answer by answer (in alternating order) so both see the same disk conditions;
in the GUI child the floor runs between clicks. On tmpfs each path saves five times as many answers.
``--dir`` names a folder on the disk the kiosk keeps its data on (default: the nearest existing folder
above the kiosk's default data folder); tmpfs is /dev/shm where it exists. Each run works in a folder of
its own, removes what killed earlier runs left behind first, and removes its own at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verdicts import Figure, bench_folder, finish, ratio
from workloads import ChildFailed, answerable, run_child

from kiosk.cli.common import default_data_dir
from kiosk.domain.clock import SystemClock
from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Certificate,
    Choice,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    Text,
)
from kiosk.domain.journal import verify_chain
from kiosk.domain.responses import Response, normalise_response
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.exam import login
from kiosk.station.services.exam_session import ExamSession
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.labcheck import evaluate, gather_facts, override_lab_check, volume_of
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from kiosk.station.storage.answer_writer import _INSERT_JOURNAL, _UPDATE_CLOCK, _UPSERT_RESPONSE
from kiosk.station.storage.engine import BUSY_TIMEOUT_MS
from tests.fixtures.kiosk import PIN, RELEASE_CODE, make_package

BUDGET_P99_MS = 15.0
BUDGET_RATIO = 1.5
WARM_UP = 20
# A save on tmpfs takes a fiftieth of one on a disk, so a moment of another program's load there spoils many
# samples at once: tmpfs saves this many times as many answers, to keep its p99 from resting on a few bursts.
TMPFS_FACTOR = 5
GUI_TIMEOUT_S = 600.0
WAIT_S = 60.0
FORM_ITEMS = 100
CANDIDATE = "B-001"
# The pragmas the kiosk's store sets on every connection (kiosk/support/sql.py), set again by the floor;
# both connections are read back and compared before anything is timed.
PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)
COMPARED_PRAGMAS = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "page_size")
# The journal's hash input, as kiosk/domain/journal.py defines it; the floor computes it with the standard
# library alone and verify_chain proves afterwards that it is the same hash.
JOURNAL_PURPOSE = "onex-kiosk/answer-journal/v1"


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# -- the centre: a 200-item bank, a 100-item form, one candidate ------------------------------------------

# How often each type occurs in the sample banks shipped in question_banks/ (1,172 items when this was
# written: 478 single, 220 numeric, 180 true/false, 105 multiple, 78 short text, 63 matching, 48 ordering),
# scaled to the 200 items of the bench bank and shuffled, so the service validates the mix a kiosk sees.
_TYPE_COUNTS = (
    (ItemType.SINGLE, 82),
    (ItemType.NUMERIC, 37),
    (ItemType.TRUE_FALSE, 31),
    (ItemType.MULTIPLE, 18),
    (ItemType.SHORT_TEXT, 13),
    (ItemType.MATCHING, 11),
    (ItemType.ORDERING, 8),
)
_TYPES = [item_type for item_type, count in _TYPE_COUNTS for _ in range(count)]
random.Random(1).shuffle(_TYPES)


def bench_bank() -> Bank:
    """A maintenance grade III bank of 200 items of every type, 10 competences; forms hold 100 items."""
    areas = [Area.FOUNDATIONAL] * 4 + [Area.PRACTICAL] * 4 + [Area.REFLEXIVE] * 2
    competences = tuple(Competence(f"C{i}", area, Text(f"Competence {i}")) for i, area in enumerate(areas))
    options = tuple(
        Choice("ABCDE"[i], Text(f"Option {i + 1}: a plausible statement about cells and packs"))
        for i in range(5)
    )
    items = []
    for number in range(2 * FORM_ITEMS):
        item_type = _TYPES[number]
        fields: dict[str, object] = {
            "id": f"BIG-{number:03d}",
            "type": item_type,
            "competence": competences[number % len(competences)].id,
            "difficulty": Difficulty.MEDIUM,
            "stem": Text(f"Question {number}: which statement about the module is right?"),
            "rationale": "bench",
        }
        fields.update(answerable(item_type, options))
        items.append(Item(**fields))  # type: ignore[arg-type]
    return Bank(
        certificate=Certificate.MAINTENANCE,
        grade=3,
        version=1,
        title=Text("Energy Storage Maintenance, Grade III (answer-save bench)"),
        languages=("en",),
        competences=competences,
        blueprint=Blueprint(
            duration_minutes=600,
            pass_mark=60,
            draws=tuple(Draw(c.id, FORM_ITEMS // len(competences)) for c in competences),
        ),
        items=tuple(items),
    )


def two_answers(item: Item) -> tuple[object, object]:
    """Two different raw answers to ``item``, as the screen would hand them to the service."""
    if item.type is ItemType.SINGLE:
        return "A", "B"
    if item.type is ItemType.MULTIPLE:
        return ["C", "A"], ["B"]
    if item.type is ItemType.TRUE_FALSE:
        return "true", "false"
    if item.type is ItemType.NUMERIC:
        return "2.5", "2,0"
    if item.type is ItemType.ORDERING:
        return list("EDCBA"), list("ABCDE")
    if item.type is ItemType.MATCHING:
        return {"1": "A", "2": "B"}, {"1": "B"}
    return "electrolyte", "the separator"


@dataclass(frozen=True)
class Centre:
    data_dir: Path
    sitting_id: int
    access_code: str


def make_centre(folder: Path) -> Centre:
    """A kiosk data folder with the bench bank installed and a sitting scheduled today.

    The lab check refuses a store on tmpfs (rightly: it does not survive a power cut); there, as an
    invigilator could, the bench overrides it with the PIN, which changes nothing on the save path.
    """
    data_dir = folder / "data"
    ctx = open_context(data_dir, clock=SystemClock(), hash_cost=HashCost.TEST)
    try:
        init_kiosk(ctx, "Bench centre", "Bench PC")
        signer = generate_identity(KeyKind.AWARDING, "bench-awarding")
        _, public = write_identity(signer, folder / "keys")
        trust_key(ctx, public)
        bank = bench_bank()
        package = folder / "bank.1xbank"
        package.write_bytes(make_package(bank, signer))
        install_package(ctx, package)
        create_invigilator(ctx, "Bench invigilator", PIN)
        roster = folder / "roster.csv"
        roster.write_text(
            f"number,name,certificate,grade\n{CANDIDATE},Bench Candidate,maintenance,3\n", encoding="utf-8"
        )
        code = import_roster(ctx, roster).codes[0].access_code
        sitting = schedule_sitting(ctx, "Bench sitting", bank.bank_id, date.today())
        report = evaluate(gather_facts(ctx))
        if not report.passed:
            failed = ", ".join(line.check.value for line in report.failed)
            print(f"  lab check fails here ({failed}); overridden with the invigilator's PIN for the bench")
            override_lab_check(ctx, sitting.id, PIN, "answer-save bench")
    finally:
        ctx.close()
    return Centre(data_dir, sitting.id, code)


def store_path(data_dir: Path) -> Path:
    return data_dir / "kiosk.db"


def pragmas(connection: sqlite3.Connection) -> dict[str, object]:
    return {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in COMPARED_PRAGMAS}


# -- the floor ------------------------------------------------------------------------------------------


class RawFloor:
    """The same work done the plainest way: bare sqlite3 on a copy of the service's store.

    ``attempt_id``, ``sequence`` and ``head`` continue the attempt's journal as the copy holds it.
    """

    def __init__(self, copy: Path, attempt_id: str, next_sequence: int, head: str) -> None:
        self.path = copy
        self.connection = sqlite3.connect(copy, isolation_level=None)
        for pragma in PRAGMAS:
            self.connection.execute(pragma)
        self.cursor = self.connection.cursor()
        self.attempt_id = attempt_id
        self.sequence = next_sequence
        self.head = head
        self.started = time.monotonic()
        self.response_encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self.fields_encoder = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)

    @classmethod
    def beside(cls, ctx: KioskContext, session: ExamSession, copy: Path) -> RawFloor:
        """A floor on a copy of ``ctx``'s store as it is now, continuing ``session``'s attempt."""
        source = sqlite3.connect(store_path(ctx.data_dir))
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        with ctx.store.session() as reading:
            row = reading.connection().exec_driver_sql(
                "SELECT journal_head, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM journal "
                "WHERE attempt_id = ?) FROM attempts WHERE id = ?",
                (session.attempt_id, session.attempt_id),
            )
            head, next_sequence = row.one()
        floor = cls(copy, session.attempt_id, int(next_sequence), str(head))
        with ctx.store.engine.connect() as kiosk:
            raw = kiosk.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            theirs, ours = pragmas(raw), pragmas(floor.connection)
        if theirs != ours:
            raise SystemExit(f"the floor's pragmas {ours} differ from the kiosk store's {theirs}")
        return floor

    def save(self, item_id: str, response: Response) -> float:
        """Seconds for one answer: serialise, hash, and the three statements in one transaction."""
        started = time.perf_counter()
        response_json = self.response_encoder.encode(response)
        consumed = time.monotonic() - self.started
        consumed_ms = int(consumed * 1000)
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        sequence, previous = self.sequence, self.head
        fields = [
            JOURNAL_PURPOSE,
            previous,
            self.attempt_id,
            sequence,
            item_id,
            response_json,
            consumed_ms,
            at,
        ]
        digest = hashlib.sha256(self.fields_encoder.encode(fields).encode("ascii")).hexdigest()
        cursor = self.cursor
        cursor.execute("BEGIN IMMEDIATE")
        cursor.execute(
            _INSERT_JOURNAL,
            (self.attempt_id, sequence, item_id, response_json, consumed_ms, at, previous, digest),
        )
        cursor.execute(_UPSERT_RESPONSE, (self.attempt_id, item_id, response_json, sequence, at))
        cursor.execute(_UPDATE_CLOCK, (consumed, at, digest, self.attempt_id))
        cursor.execute("COMMIT")
        elapsed = time.perf_counter() - started
        self.sequence, self.head = sequence + 1, digest
        return elapsed

    def close(self) -> None:
        self.cursor.close()
        self.connection.close()


def written(path: Path, attempt_id: str) -> tuple[int, int, list[str]]:
    """Journal entries and current responses of an attempt in a store, and what verify_chain finds."""
    from kiosk.domain.journal import JournalEntry

    connection = sqlite3.connect(path)
    try:
        entries = [
            JournalEntry(prev, attempt, sequence, item, response, consumed, recorded, digest)
            for attempt, sequence, item, response, consumed, recorded, prev, digest in connection.execute(
                "SELECT attempt_id, sequence, item_id, response_json, consumed_ms, recorded_at, prev_hash, "
                "hash FROM journal WHERE attempt_id = ? ORDER BY sequence",
                (attempt_id,),
            )
        ]
        (head,) = connection.execute(
            "SELECT journal_head FROM attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        (responses,) = connection.execute(
            "SELECT COUNT(*) FROM responses WHERE attempt_id = ?", (attempt_id,)
        ).fetchone()
    finally:
        connection.close()
    return len(entries), int(responses), verify_chain(attempt_id, entries, expected_head=head)


def check_same_work(service_store: Path, floor: RawFloor, attempt_id: str) -> None:
    """Stop the bench unless the floor wrote what the service wrote and its chain verifies."""
    theirs, ours = written(service_store, attempt_id), written(floor.path, attempt_id)
    if theirs[2] or ours[2]:
        raise SystemExit(f"a journal does not verify: service {theirs[2][:2]}, floor {ours[2][:2]}")
    if theirs[:2] != ours[:2]:
        raise SystemExit(
            f"the floor did not do the same writes: service {theirs[0]} entries and {theirs[1]} current "
            f"responses, floor {ours[0]} and {ours[1]}"
        )


# -- the service path, in this process ------------------------------------------------------------------


def start_session(ctx: KioskContext, centre: Centre) -> ExamSession:
    sitting = open_sitting(ctx, centre.sitting_id, PIN, RELEASE_CODE)
    session = login(ctx, sitting, CANDIDATE, centre.access_code)
    session.start()
    return session


def workload(session: ExamSession, count: int) -> list[tuple[str, object, Response]]:
    """(item id, raw answer, canonical answer) for ``count`` saves, cycling through the form."""
    plan: list[tuple[str, object, Response]] = []
    item_ids = session.form.item_ids
    for number in range(count):
        item_id = item_ids[number % len(item_ids)]
        item = session.item(item_id)
        raw = two_answers(item)[(number // len(item_ids)) % 2]
        plan.append((item_id, raw, normalise_response(item, raw)))
    return plan


def measure_service(folder: Path, answers: int) -> tuple[list[float], list[float]]:
    """Floor and service latencies, alternating answer by answer (and which goes first)."""
    centre = make_centre(folder)
    ctx = open_context(centre.data_dir, clock=SystemClock(), hash_cost=HashCost.TEST)
    session = start_session(ctx, centre)
    floor = RawFloor.beside(ctx, session, folder / "floor.db")
    try:
        plan = workload(session, answers + WARM_UP)
        floor_times: list[float] = []
        service_times: list[float] = []

        def service(item_id: str, raw: object) -> float:
            started = time.perf_counter()
            session.record_answer(item_id, raw)
            return time.perf_counter() - started

        for number, (item_id, raw, canonical) in enumerate(plan):
            if number % 2:
                service_time, floor_time = service(item_id, raw), floor.save(item_id, canonical)
            else:
                floor_time, service_time = floor.save(item_id, canonical), service(item_id, raw)
            if number >= WARM_UP:
                floor_times.append(floor_time)
                service_times.append(service_time)
        check_same_work(store_path(centre.data_dir), floor, session.attempt_id)
        return floor_times, service_times
    finally:
        floor.close()
        session.close()
        ctx.close()


# -- the GUI path, in a child process -------------------------------------------------------------------


def _wait_for(app: Any, window: Any, screen: str) -> None:
    """Run the event loop until ``screen`` shows; exit 3 after WAIT_S seconds."""
    deadline = time.monotonic() + WAIT_S
    while window.current_screen.value != screen:
        if time.monotonic() > deadline:
            print(f"the kiosk never reached the {screen} screen (it shows {window.current_screen.value})")
            raise SystemExit(3)
        app.processEvents()
        window.tasks.wait(5)


def _until_idle(app: Any) -> None:
    """Process everything queued (layout, paint) until the event loop has nothing left but a zero timer."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    app.sendPostedEvents()


def child_gui(folder: Path, sitting_id: int, access_code: str, clicks: int) -> None:
    """Click options in the kiosk window, the floor saving between clicks; print the samples as JSON."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from kiosk.ui.application import application
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.widgets.item_choices import SingleChoiceWidget

    app = application()
    data_dir = folder / "data"
    ctx = open_context(data_dir, clock=SystemClock(), hash_cost=HashCost.TEST)
    window = MainWindow(ctx, lockdown=False)
    window.start()
    presenter = window.presenter
    presenter.unlock(sitting_id, PIN, RELEASE_CODE)
    _wait_for(app, window, "login")
    presenter.login(CANDIDATE, access_code)
    _wait_for(app, window, "instructions")
    presenter.start_exam()
    _wait_for(app, window, "exam")
    exam, screen, session = presenter.exam, window.exam, presenter.session
    if exam is None or session is None:
        print("the exam did not start in the window")
        raise SystemExit(3)
    floor = RawFloor.beside(ctx, session, folder / "floor.db")
    singles = [
        position
        for position, form_item in enumerate(exam.form_items)
        if session.item(form_item.item_id).type is ItemType.SINGLE
    ]
    click_ms: list[float] = []
    idle_ms: list[float] = []
    floor_ms: list[float] = []
    for number in range(clicks + WARM_UP):
        position = singles[number % len(singles)]
        exam.show(position)
        _until_idle(app)
        answer = screen.view.answer if screen.view is not None else None
        if not isinstance(answer, SingleChoiceWidget):
            print(f"question {position + 1} is not shown with its options")
            raise SystemExit(3)
        item_id = answer.item.id
        row = next(row for row in answer.rows if not row.button.isChecked())
        chosen = answer.ids[answer.rows.index(row)]
        floor_time = floor.save(item_id, chosen)
        started = time.perf_counter()
        QTest.mouseClick(row, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 10))
        clicked = time.perf_counter()
        # The click returns only after record_answer committed and the screen showed the mark.
        if screen.saved_mark.isHidden() or exam.response(item_id) != chosen:
            print(f"click {number}: the answer to {item_id} was not shown as saved")
            raise SystemExit(4)
        _until_idle(app)
        painted = time.perf_counter()
        if number >= WARM_UP:
            click_ms.append((clicked - started) * 1000)
            idle_ms.append((painted - started) * 1000)
            floor_ms.append(floor_time * 1000)
    check_same_work(store_path(data_dir), floor, session.attempt_id)
    floor.close()
    print(json.dumps({"click_ms": click_ms, "idle_ms": idle_ms, "floor_ms": floor_ms}), flush=True)
    presenter.shutdown()
    ctx.close()


def measure_gui(folder: Path, clicks: int) -> tuple[list[float], list[float], list[float]]:
    """Floor, click-to-saved and click-to-idle latencies (seconds) from the GUI child."""
    centre = make_centre(folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    argv = [str(folder), str(centre.sitting_id), centre.access_code, str(clicks)]
    try:
        printed = run_child(str(Path(__file__).resolve()), argv, "GUI child", GUI_TIMEOUT_S, env)
    except ChildFailed as failed:
        raise SystemExit(str(failed)) from None
    samples = json.loads(printed.strip().splitlines()[-1])

    def seconds(name: str) -> list[float]:
        return [value / 1000 for value in samples[name]]

    return seconds("floor_ms"), seconds("click_ms"), seconds("idle_ms")


# -- the report -----------------------------------------------------------------------------------------


def row(label: str, samples: list[float]) -> str:
    p50, p99 = percentile(samples, 0.50), percentile(samples, 0.99)
    mean = sum(samples) / len(samples)
    return f"{label:40}{p50 * 1000:>10.3f}{p99 * 1000:>10.3f}{mean * 1000:>10.3f}"


def tmpfs_folder() -> Path | None:
    """/dev/shm when it is a tmpfs this process may write, else None."""
    shm = Path("/dev/shm")
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8")
    except OSError:
        return None
    volume = volume_of(shm, mounts) if shm.is_dir() else None
    is_tmpfs = volume is not None and volume.fstype == "tmpfs"
    return shm if is_tmpfs and os.access(shm, os.W_OK) else None


def data_disk_folder() -> Path:
    """The nearest existing folder above the kiosk's default data folder: the disk its store lives on.

    Never the data folder itself, which may hold a real kiosk's store.
    """
    folder = default_data_dir().parent
    while not folder.is_dir():
        folder = folder.parent
    return folder


def file_system(folder: Path) -> str:
    try:
        volume = volume_of(folder, Path("/proc/mounts").read_text(encoding="utf-8"))
    except OSError:
        volume = None
    return f"{volume.fstype} on {volume.source}" if volume is not None else "file system unknown"


def judged(
    disk: str,
    what: str,
    floor: list[float],
    figure: list[float],
    p99_budget: float | None,
    ratio_judged: bool,
) -> list[Figure]:
    """The p50 and p99 rows of one path on one disk."""
    rows = []
    for name, fraction in (("p50", 0.50), ("p99", 0.99)):
        value, base = percentile(figure, fraction) * 1000, percentile(floor, fraction) * 1000
        budgets: list[str] = []
        ok = True
        if name == "p99" and p99_budget is not None:
            budgets.append(f"<= {p99_budget:.0f} ms")
            ok = ok and value <= p99_budget
        if ratio_judged:
            budgets.append(f"<= {BUDGET_RATIO}x floor")
            ok = ok and value <= BUDGET_RATIO * base
        rows.append(
            Figure(
                "answer_save",
                f"{what} {name} ({disk})",
                f"{value:.3f} ms",
                " and ".join(budgets) or "-",
                f"{base:.3f} ms",
                ratio(value, base),
                ok if budgets else None,
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--answers", type=int, default=2000, help=f"answers each path saves (x{TMPFS_FACTOR} on tmpfs)"
    )
    parser.add_argument("--clicks", type=int, default=500, help="options clicked in the kiosk window")
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder on the data disk (default: above the data folder)"
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        folder, sitting, code, clicks = args.child
        child_gui(Path(folder), int(sitting), code, int(clicks))
        return 0

    disks: list[tuple[str, Path, bool]] = [("data disk", args.dir or data_disk_folder(), True)]
    shm = tmpfs_folder()
    if shm is not None:
        disks.append(("tmpfs", shm, False))
    rows: list[Figure] = []
    for disk, where, on_data_disk in disks:
        print(f"{disk}: {where} ({file_system(where)})")
        with bench_folder("answer-save", where) as folder:
            answers = args.answers if on_data_disk else TMPFS_FACTOR * args.answers
            floor, service = measure_service(folder / "service", answers)
            gui_floor, click, painted = measure_gui(folder / "gui", args.clicks)
        print(f"{'':40}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}")
        print(row(f"floor: raw sqlite3, same work ({len(floor)})", floor))
        print(row("ExamSession.record_answer", service))
        print(row(f"floor, in the GUI process ({len(gui_floor)})", gui_floor))
        print(row("GUI click until saved shown", click))
        print(row("GUI click until idle (painted)", painted))
        print()
        p99_budget = BUDGET_P99_MS if on_data_disk else None
        rows.extend(judged(disk, "save", floor, service, p99_budget, True))
        rows.extend(judged(disk, "click to saved", gui_floor, click, p99_budget, False))
        rows.extend(judged(disk, "click to painted", gui_floor, painted, None, False))
    if shm is None:
        print("no writable tmpfs at /dev/shm: the tmpfs figures were not measured")
    return finish(rows)


if __name__ == "__main__":
    raise SystemExit(main())
