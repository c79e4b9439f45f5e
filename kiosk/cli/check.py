"""``kiosk check``: the pre-exam lab check of this PC, one line each, and letting a sitting open anyway.

The screen size and the fonts come from Qt (through ``kiosk.app``) when a display is there to ask;
without one, those lines are marked as not checked and the kiosk window checks them before unlocking.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import subprocess
import sys

from kiosk.cli.common import CommandError, kiosk_context, say
from kiosk.cli.hints import with_hint
from kiosk.station.services import labcheck
from kiosk.station.services.labcheck import Check, LabReport, Verdict

TITLES = {
    Check.STORAGE: "Data kept through a restart",
    Check.DISK_SPACE: "Free disk space",
    Check.WRITE_SPEED: "Disk speed",
    Check.CLOCK: "Clock",
    Check.SCREEN: "Screen size",
    Check.CHINESE_FONT: "Chinese font",
    Check.POWER: "Power",
    Check.REMOTE_ACCESS: "Remote access",
    Check.STORE: "Kiosk store",
}
MARKS = {Verdict.PASS: "PASS", Verdict.WARN: "WARN", Verdict.FAIL: "FAIL", Verdict.NOT_CHECKED: "----"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check",
        help="the pre-exam lab check of this PC: data folder kept through a restart, disk, clock, screen, "
        "fonts, power, remote access, store (exit code 1 when a line fails)",
    )
    check.add_argument(
        "--allow-sitting",
        type=int,
        metavar="ID",
        help="let sitting ID open although a line fails (asks for an invigilator PIN; recorded as an "
        "incident)",
    )
    check.add_argument("--reason", default="", help="why the sitting opens anyway (kept with the incident)")
    check.add_argument("--pin-env", help="environment variable holding the invigilator's PIN (for scripts)")
    check.add_argument(
        "--json", action="store_true", help="print each line as JSON (check, verdict, code, facts)"
    )
    check.set_defaults(handler=check_command)


def check_command(args: argparse.Namespace) -> int:
    screen, cjk_font = _display_facts()
    with kiosk_context(args) as ctx:
        if args.allow_sitting is not None:
            facts = labcheck.gather_facts(ctx, screen, cjk_font)
            pin = _pin(args)
            report = labcheck.override_lab_check(ctx, args.allow_sitting, pin, args.reason, facts=facts)
            _print(report, args.json, summary=False)
            say(f"Sitting {args.allow_sitting} may now be opened; the override is recorded as an incident.")
            return 0
        report = labcheck.run_lab_check(ctx, screen, cjk_font)
    _print(report, args.json)
    return 0 if report.passed else 1


def _print(report: LabReport, as_json: bool, summary: bool = True) -> None:
    if as_json:
        say(labcheck.findings_json(report))
        return
    width = max(len(title) for title in TITLES.values())
    for line in report.lines:
        say(f"{MARKS[line.verdict]}  {TITLES[line.check]:<{width}}  {with_hint(line.finding)}")
    if not summary:
        return
    failed, warned = len(report.failed), len(report.warned)
    if failed:
        say(f"{failed} failed, {warned} to look at: a sitting stays locked until the failures are fixed.")
    elif warned:
        say(f"Nothing failed; {warned} to look at before the exam.")
    else:
        say("Nothing failed.")


def _pin(args: argparse.Namespace) -> str:
    name: str | None = args.pin_env
    if name is not None:
        value = os.environ.get(name)
        if not value:
            raise CommandError(f"The environment variable {name} named by --pin-env is not set.")
        return value
    if not sys.stdin.isatty():
        raise CommandError("An invigilator PIN is needed: run this at the PC, or give --pin-env NAME.")
    return getpass.getpass("Invigilator PIN: ")


def _display_facts() -> tuple[tuple[int, int] | None, bool | None]:
    """The screen size and whether Chinese can be shown: from Qt with a display, else fonts from fc-list."""
    if _has_display():
        from kiosk.app import display_facts

        return display_facts()
    return None, _fontconfig_has_chinese()


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _fontconfig_has_chinese() -> bool | None:
    """Whether fontconfig knows a font for Simplified Chinese; None where there is no fontconfig."""
    tool = shutil.which("fc-list")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, ":lang=zh-cn", "family"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.returncode == 0 and bool(done.stdout.strip())
