"""Power-cut endurance: kill a scripted candidate's kiosk process many times and count lost answers; then,
under strace, check that every acknowledged answer was on its way to the disk before it was acknowledged.

    python bench/power_cut.py --kills 500 [--traced 12] [--seed N] [--spawn] [--max-actions 120]
                              [--dir FOLDER]

After every SIGKILL the store is checked as a restarted kiosk would find it (integrity_check, every
journal verified, every acknowledged answer present, the exam clock within one checkpoint interval of the
time truly used). Answers lost must be 0. ``--spawn`` starts each child as a new Python program instead of
forking (slower, but the same path a real restart takes; always used where fork is unavailable).

SIGKILL shows that a process dying at any instruction loses nothing it acknowledged; it cannot show what an
operating-system crash or a power loss would keep, since the kernel's page cache survives a killed process.
What covers the operating-system side is the order of system calls: the commit's frames are written to
the write-ahead log and the log is flushed (fsync/fdatasync) before the answer is acknowledged. The
``--traced`` runs show that order: each child runs under ``strace -f -y -e
trace=fsync,fdatasync,write,pwrite64`` and is SIGKILLed like the others; every acknowledgement it wrote to
its stdout must come after a write to ``kiosk.db-wal`` made since the previous acknowledgement and after a
flush of that file which followed the last such write. The count of acknowledgements so preceded is printed
beside the count of acknowledgements, and the bench fails if they differ (or strace is missing: apt-get
install -y strace). Whether the disk's own write cache honours the flush is beyond what software can show.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verdicts import Figure, bench_folder, finish

from tests.station.services.power_cut_child import PowerCutReport, _set_up, run_power_cuts

REPO_ROOT = Path(__file__).resolve().parents[1]
WAL_SUFFIX = "kiosk.db-wal"
CHILD_TIMEOUT_S = 60.0
CYCLES_PER_CANDIDATE = 3
TRACED_SYSCALLS = "trace=fsync,fdatasync,write,pwrite64"
# "1234 fdatasync(4</x/kiosk.db-wal>) = 0", "1234 write(1<pipe:[9]>, "ACK ..."..., 39 <unfinished ...>",
# "1234 <... fdatasync resumed>) = 0"
_CALL = re.compile(r"^(\d+)\s+(write|pwrite64|fsync|fdatasync)\((\d+)<([^>]*)>(.*)$")
_RESUMED = re.compile(r"^(\d+)\s+<\.\.\. (write|pwrite64|fsync|fdatasync) resumed>(.*)$")
_RESULT = re.compile(r"\)\s+=\s+(-?\d+)")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


# -- reading strace's log -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One traced system call: who made it, which, on which file, and how it ended (None: unfinished)."""

    pid: int
    name: str
    fd: int
    path: str
    text: str
    result: int | None

    @property
    def on_wal(self) -> bool:
        return self.path.endswith(WAL_SUFFIX)

    @property
    def acknowledgement(self) -> bool:
        """A write of an ``ACK`` line to the child's stdout (finished or cut short by the kill)."""
        return self.name == "write" and self.fd == 1 and self.text.startswith(', "ACK ')


def read_calls(log: str) -> list[Call]:
    """The calls in strace's output, in the order they completed (an interrupted call where it began)."""
    calls: list[Call] = []
    pending: dict[int, tuple[str, int, str, str]] = {}
    for line in log.splitlines():
        started = _CALL.match(line)
        if started is not None:
            pid, name, fd, path, rest = started.groups()
            if rest.endswith("<unfinished ...>"):
                if name == "write" and fd == "1":
                    # An acknowledgement cut short still had to be preceded by the flush.
                    calls.append(Call(int(pid), name, 1, path, rest, None))
                else:
                    pending[int(pid)] = (name, int(fd), path, rest)
                continue
            result = _RESULT.search(rest)
            calls.append(Call(int(pid), name, int(fd), path, rest, int(result.group(1)) if result else None))
            continue
        resumed = _RESUMED.match(line)
        if resumed is not None and int(resumed.group(1)) in pending:
            name, fd_number, path, rest = pending.pop(int(resumed.group(1)))
            result = _RESULT.search(resumed.group(3))
            outcome = int(result.group(1)) if result else None
            calls.append(Call(int(resumed.group(1)), name, fd_number, path, rest, outcome))
    return calls


def flushed_acknowledgements(calls: list[Call]) -> tuple[int, int, list[str]]:
    """Acknowledgements, how many were preceded by their WAL flush, and a sentence for each that was not.

    An acknowledgement is a write of an ``ACK`` line to stdout that returned (reached the parent); a write
    the kill interrupted is not counted, but it too must come after its flush. Preceded means: the same
    process wrote the WAL after its previous acknowledgement, and flushed the WAL (fsync or fdatasync,
    returning 0) after the last of those writes, before this acknowledgement.
    """
    last_ack: dict[int, int] = {}
    last_write: dict[int, int] = {}
    last_flush: dict[int, int] = {}
    acknowledged = flushed = 0
    problems: list[str] = []
    for position, call in enumerate(calls):
        if call.acknowledgement:
            # Counted when the write reached the pipe; one the kill cut short is checked all the same.
            delivered = (call.result or 0) > 0
            acknowledged += delivered
            wrote = last_write.get(call.pid, -1)
            synced = last_flush.get(call.pid, -1)
            if wrote > last_ack.get(call.pid, -1) and synced > wrote:
                flushed += delivered
            else:
                said = _QUOTED.search(call.text)
                problems.append(
                    f"acknowledgement {said.group(0) if said else '?'} by process {call.pid} was not "
                    "preceded by a flush of the write-ahead log after the answer's write to it"
                )
            last_ack[call.pid] = position
        elif call.on_wal and call.name in ("write", "pwrite64") and (call.result or 0) > 0:
            last_write[call.pid] = position
        elif call.on_wal and call.name in ("fsync", "fdatasync") and call.result == 0:
            last_flush[call.pid] = position
    return acknowledged, flushed, problems


# -- the traced children --------------------------------------------------------------------------------


@dataclass
class TraceReport:
    """What the traced kills found."""

    kills: int = 0
    printed: int = 0
    """ACK lines the children printed (read from their stdout)."""
    traced: int = 0
    """ACK writes strace saw."""
    flushed: int = 0
    """Of those, how many came after the WAL flush of their answer."""
    lost: int = 0
    problems: list[str] = field(default_factory=list)


class TracedChild:
    """The scripted candidate under strace, its stdout drained as it comes."""

    def __init__(
        self, strace: str, log: Path, data_dir: Path, sitting: int, number: str, code: str, seed: int
    ):
        child = [sys.executable, "-m", "tests.station.services.power_cut_child", "--data-dir", str(data_dir)]
        child += ["--sitting", str(sitting), "--candidate", number, "--code", code, "--seed", str(seed)]
        trace = [strace, "-f", "-qq", "--seccomp-bpf", "-y", "-e", TRACED_SYSCALLS, "-o", str(log), "--"]
        self._errors = (log.with_suffix(".stderr")).open("wb")
        self.process = subprocess.Popen(
            trace + child, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=self._errors
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self._changed:
                self.lines.append(raw.decode().rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_for_lines(self, count: int) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._ended or len(self.lines) >= count, CHILD_TIMEOUT_S)

    def kill(self) -> None:
        """SIGKILL the traced program (not strace, which would let it run on), then wait for strace."""
        for pid in _descendants(self.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        try:
            self.process.wait(timeout=CHILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=CHILD_TIMEOUT_S)
        self._reader.join(timeout=CHILD_TIMEOUT_S)
        self._errors.close()


def _descendants(root: int) -> list[int]:
    """The processes below ``root`` (from /proc), children first."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        fields = text[text.rfind(")") + 2 :].split()
        parents[int(stat.parent.name)] = int(fields[1])
    found: list[int] = []
    level = [root]
    while level:
        level = [pid for pid, parent in parents.items() if parent in level]
        found.extend(level)
    return found


def _lost_answers(store: Path, lines: list[str]) -> tuple[int, list[str]]:
    """Acknowledged answers (``ACK`` lines) not in the store as acknowledged, and what is wrong."""
    connection = sqlite3.connect(store)
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        lost = 0
        for line in lines:
            if not line.startswith("ACK "):
                continue
            attempt_id, item_id, sequence, _, response_json = line[4:].split(" ", 4)
            row = connection.execute(
                "SELECT item_id, response_json FROM journal WHERE attempt_id = ? AND sequence = ?",
                (attempt_id, int(sequence)),
            ).fetchone()
            if row != (item_id, response_json):
                lost += 1
                problems.append(f"acknowledged answer {sequence} of {attempt_id} is not stored")
    finally:
        connection.close()
    return lost, problems


def run_traced(work_dir: Path, kills: int, seed: int, max_actions: int) -> TraceReport:
    """Kill ``kills`` children under strace; count acknowledgements and the WAL flushes before them."""
    report = TraceReport()
    strace = shutil.which("strace")
    if strace is None:
        report.problems.append("strace is not installed (apt-get install -y strace): the order is not shown")
        return report
    work_dir.mkdir(parents=True, exist_ok=True)
    data_dir = work_dir / "data"
    sitting, candidates = _set_up(data_dir, kills + 1)
    rng = random.Random(seed)
    current, cycles = 0, 0
    for kill in range(kills):
        candidate = candidates[current]
        log = work_dir / f"strace-{kill}.log"
        child = TracedChild(
            strace, log, data_dir, sitting, candidate.number, candidate.code, rng.randrange(2**32)
        )
        try:
            if rng.random() < 0.1:
                time.sleep(rng.uniform(0.0, 1.0))  # sometimes during start-up or the resume
            else:
                child.wait_for_lines(2 + rng.randrange(max_actions))
                time.sleep(rng.uniform(0.0, 0.005))
        finally:
            child.kill()
        report.kills += 1
        acknowledged, flushed, problems = flushed_acknowledgements(
            read_calls(log.read_text(encoding="utf-8", errors="replace"))
        )
        report.traced += acknowledged
        report.flushed += flushed
        report.problems.extend(f"traced kill {kill}: {problem}" for problem in problems)
        report.printed += sum(line.startswith("ACK ") for line in child.lines)
        lost, problems = _lost_answers(data_dir / "kiosk.db", child.lines)
        report.lost += lost
        report.problems.extend(f"traced kill {kill}: {problem}" for problem in problems)
        log.unlink()
        cycles += 1
        if any(line.startswith("DONE") for line in child.lines) or cycles >= CYCLES_PER_CANDIDATE:
            current, cycles = current + 1, 0
    if report.traced != report.printed:
        report.problems.append(
            f"the children printed {report.printed} acknowledgements but strace saw {report.traced}"
        )
    return report


# -- the bench ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--kills", type=int, default=500, help="how many times to kill the candidate's process"
    )
    parser.add_argument(
        "--traced", type=int, default=12, help="further kills of a child running under strace"
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="seed for kill timing and answers (default: random)"
    )
    parser.add_argument("--spawn", action="store_true", help="start each child as a new program, not a fork")
    parser.add_argument(
        "--max-actions", type=int, default=120, help="most answers and ticks a child makes before its kill"
    )
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to test (default: temp)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    started = time.perf_counter()

    def progress(report: PowerCutReport) -> None:
        if report.kills % 50 == 0:
            print(
                f"  {report.kills} kills, {report.answers_acknowledged} answers acknowledged, "
                f"{report.answers_lost} lost",
                flush=True,
            )

    with bench_folder("power-cut", args.dir) as folder:
        print(
            f"power cut: {args.kills} kills, seed {seed}, {'spawned' if args.spawn else 'forked'} children, "
            f"in {folder}"
        )
        (folder / "kills").mkdir()
        report = run_power_cuts(
            folder / "kills",
            args.kills,
            seed=seed,
            fork=False if args.spawn else None,
            max_actions=args.max_actions,
            progress=progress,
        )
        print(f"traced: {args.traced} kills of a child under strace", flush=True)
        traced = run_traced(folder / "traced", args.traced, seed, args.max_actions)
    elapsed = time.perf_counter() - started
    print(f"kills: {report.kills}")
    print(f"answers acknowledged: {report.answers_acknowledged}")
    print(f"answers lost: {report.answers_lost} (must be 0)")
    print(f"resumes authorised: {report.resumes}; attempts run to their end: {report.attempts_finished}")
    print(f"largest clock lag after a kill: {report.max_clock_lag_seconds:.1f} s (must be <= 5 s)")
    print(
        f"traced kills: {traced.kills}; acknowledgements printed {traced.printed}, seen by strace "
        f"{traced.traced}, preceded by their WAL flush {traced.flushed}; answers lost {traced.lost}"
    )
    problems = report.problems + traced.problems
    print(f"problems: {len(problems)}")
    for problem in problems[:20]:
        print(f"  {problem}")
    print(f"time: {elapsed:.1f} s")
    return finish(
        [
            Figure(
                "power_cut",
                f"answers lost over {report.kills} SIGKILLs ({report.answers_acknowledged} acknowledged)",
                str(report.answers_lost),
                "0",
                "0",
                "-",
                report.answers_lost == 0 and not report.problems,
            ),
            Figure(
                "power_cut",
                "largest exam-clock lag after a kill",
                f"{report.max_clock_lag_seconds:.1f} s",
                "<= 5 s",
                "-",
                "-",
                report.max_clock_lag_seconds <= 5.0,
            ),
            Figure(
                "power_cut",
                f"ACKs after their WAL fsync (strace, {traced.kills} SIGKILLs, {traced.lost} answers lost)",
                f"{traced.flushed} of {traced.traced}",
                "all",
                "-",
                "-",
                traced.traced > 0
                and traced.flushed == traced.traced
                and traced.lost == 0
                and not traced.problems,
            ),
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
