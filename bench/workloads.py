"""Pieces several benches are built from: a scratch registry database, the key fields that make an item of
each type answerable, compiled bytecode, a settled disk, and a child process run within a time limit."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, exc, make_url, text

from kiosk.domain.items import Choice, ItemType, ScoringRule, Text


@contextmanager
def fresh_database(kind: str, root: Path, pg_base: str, label: str, schema: str) -> Iterator[str]:
    """An empty registry database for one run: a new SQLite file (removed afterwards), or ``schema`` on the
    PostgreSQL server at ``pg_base`` dropped and made again, and dropped at the end."""
    if kind == "sqlite":
        path = root / f"registry-{label}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(pg_base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield (
            make_url(pg_base)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(False)
        )
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def compile_kiosk() -> None:
    """Compile the kiosk's modules to bytecode, as pip and the installer leave an installed program.

    A checkout run with PYTHONDONTWRITEBYTECODE set would otherwise compile every module again in every
    process a bench starts, which no installed kiosk or registry does.
    """
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "kiosk"), quiet=1)


def settle(kind: str, pg_base: str) -> None:
    """Let what earlier runs wrote reach the disk before the next run starts, so it is not slowed by their
    write-back: the OS writes its dirty pages out, and PostgreSQL takes a checkpoint (when it lets this
    user; otherwise the run goes ahead without one)."""
    os.sync()
    if kind != "postgresql":
        return
    admin = create_engine(pg_base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("CHECKPOINT"))
    except exc.DBAPIError:
        pass
    finally:
        admin.dispose()


def answerable(item_type: ItemType, options: tuple[Choice, ...]) -> dict[str, object]:
    """The fields that give an item of ``item_type`` its choices and key (options A-E for choice types)."""
    if item_type in (ItemType.SINGLE, ItemType.ORDERING):
        return {"options": options, "key": ("A",) if item_type is ItemType.SINGLE else tuple("ABCDE")}
    if item_type is ItemType.MULTIPLE:
        return {"options": options, "key": ("A", "C"), "scoring": ScoringRule.PARTIAL}
    if item_type is ItemType.TRUE_FALSE:
        return {"key": ("true",)}
    if item_type is ItemType.NUMERIC:
        return {"value": 2.0, "tolerance": 0.05, "unit": "h"}
    if item_type is ItemType.MATCHING:
        return {
            "premises": tuple(Choice(str(i), Text(f"Premise {i}")) for i in range(1, 5)),
            "options": options,
            "pairs": tuple((str(i), "ABCD"[i - 1]) for i in range(1, 5)),
        }
    return {"accepted": ("electrolyte",)}


class ChildFailed(RuntimeError):
    """A bench's child process did not finish in time or failed; the message says which."""


def run_child(
    script: str, args: Sequence[str], what: str, timeout: float, env: Mapping[str, str] | None = None
) -> str:
    """Run ``script --child ARGS`` in a fresh Python within ``timeout`` seconds; all it printed on stdout.

    Raises ChildFailed naming ``what`` when it does not finish in time, or exits non-zero (with the last
    lines it printed), so a child that hangs or breaks fails its bench instead of stalling it.
    """
    try:
        done = subprocess.run(
            [sys.executable, script, "--child", *args],
            capture_output=True,
            env=None if env is None else dict(env),
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ChildFailed(f"the {what} did not finish within {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = " / ".join((done.stdout + done.stderr).strip().splitlines()[-3:]) or "no output"
        raise ChildFailed(f"the {what} failed with exit code {done.returncode}: {tail}")
    return done.stdout
