"""Power cuts, simulated: a scripted candidate in a child process is killed (SIGKILL) at random moments.

The child (:func:`run_candidate`) answers as fast as it can against a real kiosk data folder and reports
each answer on its output only after ``record_answer`` returned ("ACK ..."), and each clock tick
("TICK ..."). Its clock is a FakeClock moved by a fixed step before every action, so the exam time it has
truly used is known exactly from what it printed. The parent (:func:`run_power_cuts`) kills it, then
checks the store as a restarted kiosk would find it: SQLite's integrity check passes, every journal
verifies, every acknowledged answer is there, and the stored clock is within one checkpoint interval of
the truth. The next child resumes the attempt the way an invigilator would (``authorise_resume``).

Run as a script, this module is the child: ``python -m tests.station.services.power_cut_child --help``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from kiosk.domain.attempt import FINAL_STATES, AttemptState
from kiosk.domain.clock import CHECKPOINT_INTERVAL_SECONDS, FakeClock
from kiosk.domain.errors import RuleError
from kiosk.domain.responses import Response, response_to_json
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.secrets import HashCost
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import open_context
from kiosk.station.services.exam import authorise_resume, find_interrupted, login
from kiosk.station.services.integrity import verify_journals
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from kiosk.station.storage.repositories import attempts, audit
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT, WRONG, make_bank, make_package

REPO_ROOT = Path(__file__).resolve().parents[3]
STEP_SECONDS = 0.5
# Short enough that some attempts run out of time between kills, so expiry is killed too.
DURATION_MINUTES = 2
CYCLES_PER_CANDIDATE = 5
# Never charge more than ran; never lose more than one checkpoint interval. Exact in binary floating point.
TOLERANCE = 1e-6


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


# The child.


def run_candidate(
    data_dir: Path, sitting_id: int, candidate: str, code: str, seed: int, write: Callable[[str], None]
) -> int:
    """Resume or start ``candidate``'s attempt and answer until killed or out of time."""
    clock = FakeClock(monotonic_start=0.0, wall_start=datetime.now(UTC))
    ctx = open_context(data_dir, clock=clock, hash_cost=HashCost.TEST)
    waiting = {found.candidate_number: found for found in find_interrupted(ctx)}
    sitting = open_sitting(ctx, sitting_id, PIN, RELEASE_CODE)
    if candidate in waiting:
        session = authorise_resume(ctx, sitting, waiting[candidate].attempt_id, PIN)
        how = "resumed"
    else:
        try:
            session = login(ctx, sitting, candidate, code)
        except RuleError:
            # Killed after its time ran out and it was submitted, but before it could say so.
            write("DONE -")
            return 0
        how = "login"
        if session.state is AttemptState.READY:
            session.start()
    if session.state in FINAL_STATES:
        write(f"DONE {session.attempt_id}")
        return 0
    write(f"READY {session.attempt_id} {how} {_ms(session.consumed_seconds())}")
    rng = random.Random(seed)
    item_ids = session.form.item_ids
    while True:
        clock.advance(STEP_SECONDS)
        if rng.random() < 0.7:
            item_id = rng.choice(item_ids)
            response: Response = RIGHT[item_id] if rng.random() < 0.5 else WRONG[item_id]
            try:
                saved = session.record_answer(item_id, response)
            except RuleError:
                write(f"DONE {session.attempt_id}")
                return 0
            write(
                f"ACK {session.attempt_id} {item_id} {saved.sequence} {_ms(saved.consumed_seconds)} "
                f"{response_to_json(saved.response)}"
            )
        else:
            session.tick()
            if session.state in FINAL_STATES:
                write(f"DONE {session.attempt_id}")
                return 0
            write(f"TICK {session.attempt_id} {_ms(session.consumed_seconds())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The scripted candidate of the power-cut test.")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--sitting", type=int, required=True)
    parser.add_argument("--candidate", required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    def write(line: str) -> None:
        # Unbuffered: once written, the line is in the pipe even if the process dies a moment later.
        os.write(sys.stdout.fileno(), (line + "\n").encode())

    return run_candidate(args.data_dir, args.sitting, args.candidate, args.code, args.seed, write)


# The parent.


@dataclass
class PowerCutReport:
    """What the kills found: counts, the worst clock lag seen, and every problem (none is a pass)."""

    kills: int = 0
    answers_acknowledged: int = 0
    answers_lost: int = 0
    resumes: int = 0
    attempts_finished: int = 0
    max_clock_lag_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    number: str
    code: str
    attempt_id: str | None = None
    # Bounds on the exam time truly used, from what the child printed: [printed, printed + one step].
    printed_ms: int = 0
    cycles: int = 0
    acked: dict[int, tuple[str, str]] = field(default_factory=dict)


def _set_up(data_dir: Path, candidates: int) -> tuple[int, list[_Candidate]]:
    ctx = open_context(data_dir, clock=FakeClock(wall_start=datetime.now(UTC)), hash_cost=HashCost.TEST)
    try:
        init_kiosk(ctx, "Power-cut centre", "Power-cut PC")
        signer = generate_identity(KeyKind.AWARDING, "power-cut-awarding")
        _, public = write_identity(signer, data_dir.parent / "awarding")
        trust_key(ctx, public)
        bank = make_bank(duration_minutes=DURATION_MINUTES)
        package = data_dir.parent / "bank.1xbank"
        package.write_bytes(make_package(bank, signer))
        install_package(ctx, package)
        create_invigilator(ctx, "Power-cut invigilator", PIN)
        roster = data_dir.parent / "roster.csv"
        rows = "".join(f"P-{number:04d},Candidate {number},maintenance,2\n" for number in range(candidates))
        roster.write_text("number,name,certificate,grade\n" + rows, encoding="utf-8")
        issued = import_roster(ctx, roster).codes
        sitting = schedule_sitting(ctx, "Power-cut sitting", bank.bank_id, date.today())
    finally:
        ctx.close()
    return sitting.id, [_Candidate(code.candidate_number, code.access_code) for code in issued]


class _Child:
    """A running child and the lines it has written so far (drained continuously so it never blocks)."""

    def __init__(self, data_dir: Path, sitting_id: int, candidate: _Candidate, seed: int, fork: bool) -> None:
        self.lines: list[str] = []
        self._written = threading.Condition()
        self._finished = False
        if fork:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's side
                os.close(read_end)
                code = 70
                try:
                    code = run_candidate(
                        data_dir,
                        sitting_id,
                        candidate.number,
                        candidate.code,
                        seed,
                        lambda line: _write_all(write_end, (line + "\n").encode()),
                    )
                except BaseException:
                    traceback.print_exc()
                finally:
                    os._exit(code)
            os.close(write_end)
            self.pid = pid
            self._process: subprocess.Popen[bytes] | None = None
            stream: IO[bytes] = os.fdopen(read_end, "rb")
        else:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.station.services.power_cut_child",
                    "--data-dir",
                    str(data_dir),
                    "--sitting",
                    str(sitting_id),
                    "--candidate",
                    candidate.number,
                    "--code",
                    candidate.code,
                    "--seed",
                    str(seed),
                ],
                cwd=REPO_ROOT,
                stdout=subprocess.PIPE,
            )
            self.pid = self._process.pid
            assert self._process.stdout is not None
            stream = self._process.stdout
        self._reader = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self._reader.start()

    def _drain(self, stream: object) -> None:
        for raw in stream:  # type: ignore[attr-defined]
            with self._written:
                self.lines.append(raw.decode().rstrip("\n"))
                self._written.notify_all()
        with self._written:
            self._finished = True
            self._written.notify_all()

    def wait_for_lines(self, count: int, timeout: float = 60.0) -> None:
        """Wait until the child has written ``count`` lines (or has ended)."""
        with self._written:
            self._written.wait_for(lambda: self._finished or len(self.lines) >= count, timeout)

    def kill_and_wait(self) -> int:
        """SIGKILL (if still running), reap, and wait until every written line has been read."""
        if self._process is not None:
            self._process.kill()
            status = self._process.wait()
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _, raw_status = os.waitpid(self.pid, 0)
            status = os.waitstatus_to_exitcode(raw_status)
        self._reader.join()
        return status


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


def run_power_cuts(
    work_dir: Path,
    kills: int,
    seed: int = 0,
    fork: bool | None = None,
    max_actions: int = 120,
    progress: Callable[[PowerCutReport], None] | None = None,
) -> PowerCutReport:
    """Kill a scripted candidate ``kills`` times, checking the store after each kill.

    Each run of the child is killed after a random number (below ``max_actions``) of answers and ticks.
    """
    use_fork = hasattr(os, "fork") if fork is None else fork
    data_dir = work_dir / "data"
    # At most one new candidate per kill (a candidate whose time ran out is replaced).
    sitting_id, candidates = _set_up(data_dir, kills + 2)
    rng = random.Random(seed)
    report = PowerCutReport()
    queue = list(candidates)
    current = queue.pop(0)
    while report.kills < kills:
        child = _Child(data_dir, sitting_id, current, rng.randrange(2**32), use_fork)
        # Mostly kill while answering, after a random number of actions (so the amount of work done does
        # not depend on the machine's speed) and then at a random moment within the next few actions;
        # sometimes kill during start-up or the resume itself.
        if rng.random() < 0.1:
            time.sleep(rng.uniform(0.0, 0.05))
        else:
            child.wait_for_lines(1 + rng.randrange(max_actions))
            time.sleep(rng.uniform(0.0, 0.005))
        status = child.kill_and_wait()
        report.kills += 1
        finished = _absorb(child.lines, status, current, report)
        _check_store(data_dir, current, report, finished)
        current.cycles += 1
        if finished or current.cycles >= CYCLES_PER_CANDIDATE:
            current = queue.pop(0)
        if progress is not None:
            progress(report)
    return report


def _absorb(lines: list[str], status: int, candidate: _Candidate, report: PowerCutReport) -> bool:
    """Take in what the child printed; returns whether its attempt is over."""
    finished = False
    for line in lines:
        kind, _, rest = line.partition(" ")
        parts = rest.split(" ", 4)
        if kind == "READY":
            attempt_id, how, consumed_ms = parts[0], parts[1], int(parts[2])
            if candidate.attempt_id not in (None, attempt_id):
                report.problems.append(f"{candidate.number} was given a second attempt {attempt_id}.")
            if how == "resumed":
                report.resumes += 1
                if candidate.attempt_id is not None and consumed_ms != candidate.printed_ms:
                    # The timer must restart exactly from the last checkpointed time checked last round.
                    report.problems.append(
                        f"{attempt_id} resumed at {consumed_ms} ms, not at its checkpoint "
                        f"{candidate.printed_ms} ms."
                    )
            candidate.attempt_id = attempt_id
            candidate.printed_ms = consumed_ms
        elif kind == "ACK":
            item_id, sequence, response_json = parts[1], int(parts[2]), parts[4]
            candidate.acked[sequence] = (item_id, response_json)
            candidate.printed_ms = int(parts[3])
            report.answers_acknowledged += 1
        elif kind == "TICK":
            candidate.printed_ms = int(parts[1])
        elif kind == "DONE":
            if parts[0] != "-":
                candidate.attempt_id = parts[0]
            finished = True
        else:
            report.problems.append(f"The child wrote an unexpected line: {line!r}")
    if status not in (0, -signal.SIGKILL, 137) and not (os.name == "nt" and status == 1):
        report.problems.append(f"The child for {candidate.number} failed with exit status {status}.")
    return finished


def _check_store(data_dir: Path, candidate: _Candidate, report: PowerCutReport, finished: bool) -> None:
    """What a restarted kiosk finds: an intact file, verified journals, acknowledged answers, the clock."""
    with sqlite3.connect(data_dir / "kiosk.db") as connection:
        result = connection.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        report.problems.append(f"integrity_check after kill {report.kills}: {result}")
        return
    ctx = open_context(data_dir, clock=FakeClock(wall_start=datetime.now(UTC)), hash_cost=HashCost.TEST)
    try:
        report.problems.extend(f"after kill {report.kills}: {problem}" for problem in verify_journals(ctx))
        if candidate.attempt_id is None:
            return
        with ctx.store.session() as session:
            record = attempts.get_attempt(session, candidate.attempt_id)
            entries = {entry.sequence: entry for entry in attempts.journal(session, candidate.attempt_id)}
            current = {row.item_id: row for row in attempts.responses(session, candidate.attempt_id)}
            incidents = audit.incidents(session, attempt_id=candidate.attempt_id)
        assert record is not None
        last_acked: dict[str, int] = {}
        for sequence, (item_id, response_json) in candidate.acked.items():
            entry = entries.get(sequence)
            if entry is None or (entry.item_id, entry.response_json) != (item_id, response_json):
                report.answers_lost += 1
                report.problems.append(
                    f"Acknowledged answer {sequence} of {candidate.attempt_id} is not stored."
                )
            last_acked[item_id] = max(sequence, last_acked.get(item_id, 0))
        for item_id, sequence in last_acked.items():
            row = current.get(item_id)
            if row is None or row.sequence is None or row.sequence < sequence:
                report.problems.append(
                    f"The current answer to {item_id} of {candidate.attempt_id} went back in time."
                )
        if finished:
            report.attempts_finished += 1
            if AttemptState(record.state) not in FINAL_STATES:
                report.problems.append(f"{candidate.attempt_id} reported done but is {record.state}.")
            return
        stored_ms = _ms(record.consumed_seconds)
        upper_ms = candidate.printed_ms + _ms(STEP_SECONDS)
        lag = (upper_ms - stored_ms) / 1000
        report.max_clock_lag_seconds = max(report.max_clock_lag_seconds, lag)
        if stored_ms > upper_ms or lag > CHECKPOINT_INTERVAL_SECONDS + TOLERANCE:
            report.problems.append(
                f"{candidate.attempt_id} stored {stored_ms} ms of exam time; the truth was between "
                f"{candidate.printed_ms} and {upper_ms} ms."
            )
        if any(incident.category != "power_outage" for incident in incidents):
            report.problems.append(f"{candidate.attempt_id} has an incident that is not a power outage.")
        candidate.printed_ms = stored_ms  # what the next child must resume from
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
