"""The pre-exam lab check: is this PC fit to run an exam today?

Each line of the check looks at one thing that has lost answers or exams in college labs: a data folder that
a restart wipes (tmpfs, an overlay held in memory, Deep Freeze, Windows' Unified Write Filter), a nearly full
or very slow disk, a wrong clock, a screen too small for the exam, no font for Chinese text, a laptop on its
battery, remote-desktop software or other people logged in, and a damaged store. Each line passes, warns or
fails with one finding (a code and its facts, worded at the edge).

The facts are gathered first (:func:`gather_facts`) and judged apart from that (:func:`evaluate`), so tests
inject any fact. What only the window knows (the screen, the fonts Qt can draw with) comes in as facts; a
line whose facts are not known here is marked as not checked.

The check runs automatically before a sitting is unlocked (:func:`require_ready`): a failed line keeps the
sitting locked unless an invigilator lets it open anyway with their PIN (:func:`override_lab_check`), which
is recorded as an incident of the sitting.

The Linux checks read ``/proc/mounts``, ``/proc/*/comm``, ``/run/utmp`` and ``/sys/class/power_supply``.
The Windows checks (restore software by its service keys and the UWF filter's WMI state, processes from
``tasklist``, sessions from ``qwinsta``, power from ``GetSystemPowerStatus``) follow the vendors' documents.
"""

from __future__ import annotations

import contextlib
import enum
import getpass
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.domain.attempt import IncidentCategory
from kiosk.domain.errors import FileWriteError, KioskError, Notice, RuleError
from kiosk.formats.bank_packages import inspect_package
from kiosk.station.services.bank_install import list_installed
from kiosk.station.services.context import STORE_FILE, KioskContext
from kiosk.station.services.integrity import verify_journals
from kiosk.station.services.invigilators import check_pin
from kiosk.station.storage.repositories import audit, people
from kiosk.station.storage.repositories import sittings as sitting_rows
from kiosk.support.files import PRIVATE, write_file

MIN_SCREEN = (1280, 720)
# Free space: a floor for logs and the store's growth, each candidate's answers and journal with a wide
# margin, and room for two copies of the store (a backup before export, SQLite's own temporary copy).
FLOOR_BYTES = 200 * 1024 * 1024
PER_CANDIDATE_BYTES = 2 * 1024 * 1024
# Saving one answer writes and flushes a small file (or a page of the store) to disk.
WRITE_PROBE_BYTES = 4096
WRITE_PROBE_ROUNDS = 3
SLOW_WRITE_SECONDS = 0.2
TOO_SLOW_WRITE_SECONDS = 1.0
# A laptop on its battery below this share fails; above it, it warns.
LOW_BATTERY_PERCENT = 30
# The clock may lag what was recorded by this much (a second PC, a time server's correction) before it is
# called wrong; a bank package is made on another PC, possibly in another time zone's idea of "now".
RECORDS_SLACK = timedelta(minutes=5)
PACKAGE_SLACK = timedelta(hours=1)
OVERRIDE_EVENT = "lab_check_overridden"
UNLOCK_REFUSED = "lab_check.blocks_unlock"

# File systems held in memory: whatever is written there is gone at the next restart.
VOLATILE_FILESYSTEMS = frozenset({"tmpfs", "ramfs", "rootfs", "zram", "devtmpfs"})
# File systems of a live or read-only image: writes, if any, land in a memory layer.
IMAGE_FILESYSTEMS = frozenset({"squashfs", "iso9660", "aufs", "unionfs"})
# Remote-desktop and remote-support programs, by process name (lower case, without ".exe").
REMOTE_TOOLS: dict[str, str] = {
    "anydesk": "AnyDesk",
    "teamviewer": "TeamViewer",
    "teamviewerd": "TeamViewer",
    "teamviewer_service": "TeamViewer",
    "tv_bin": "TeamViewer",
    "rustdesk": "RustDesk",
    "x11vnc": "x11vnc",
    "xvnc": "VNC",
    "vncserver": "VNC",
    "vncserver-x11": "VNC",
    "winvnc": "VNC",
    "tvnserver": "TightVNC",
    "uvnc_service": "UltraVNC",
    "x0vncserver": "TigerVNC",
    "krfb": "KDE desktop sharing",
    "vino-server": "GNOME desktop sharing",
    "gnome-remote-desktop": "GNOME remote desktop",
    "gnome-remote-desktop-daemon": "GNOME remote desktop",
    "xrdp": "xrdp",
    "xrdp-sesman": "xrdp",
    "rdpclip": "Remote Desktop",
    "chrome-remote-desktop-host": "Chrome Remote Desktop",
    "remoting_host": "Chrome Remote Desktop",
    "splashtopstreamer": "Splashtop",
    "srserver": "Splashtop",
    "ammyy_admin": "Ammyy Admin",
    "aa_v3": "Ammyy Admin",
    "screenconnect.clientservice": "ScreenConnect",
    "logmein": "LogMeIn",
    "lmiguardiansvc": "LogMeIn",
    "parsecd": "Parsec",
    "sunshine": "Sunshine",
    "dwagent": "DWService",
    "meshagent": "MeshCentral",
}


class Verdict(enum.StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    NOT_CHECKED = "not_checked"


class Check(enum.StrEnum):
    """The lines of the lab check, in the order they are shown."""

    STORAGE = "storage"
    DISK_SPACE = "disk_space"
    WRITE_SPEED = "write_speed"
    CLOCK = "clock"
    SCREEN = "screen"
    CHINESE_FONT = "chinese_font"
    POWER = "power"
    REMOTE_ACCESS = "remote_access"
    STORE = "store"


@dataclass(frozen=True, slots=True)
class Volume:
    """The mounted file system the data folder lives on (Linux)."""

    mount_point: str
    fstype: str
    source: str
    in_memory: bool = False
    """An overlay whose writable layer is itself in memory (as overlayroot and live systems set up)."""


@dataclass(frozen=True, slots=True)
class Power:
    """This PC's battery: whether it runs on it now, and how full it is (None when it does not say)."""

    on_battery: bool
    percent: int | None


@dataclass(frozen=True)
class LabFacts:
    """Everything the lab check judges; gathered by :func:`gather_facts`, or made up by tests."""

    now: datetime
    """The PC's wall clock, timezone-aware."""
    folder: Path
    volume: Volume | None
    """None where the platform tells nothing about mounts (Windows, macOS)."""
    restore_software: tuple[str, ...]
    free_bytes: int
    need_bytes: int
    write_seconds: float
    """How long saving a small file took (the median of a few tries)."""
    write_error: FileWriteError | None
    """Why the small file could not be saved (``write_seconds`` means nothing then)."""
    power: Power | None
    """None when the PC has no battery."""
    remote_tools: tuple[str, ...]
    other_sessions: tuple[str, ...]
    screen: tuple[int, int] | None
    cjk_font: bool | None
    store_problems: int
    last_recorded: datetime | None
    newest_package: tuple[str, datetime] | None
    """The bank whose installed package was made last, and when."""
    platform: str = field(default=sys.platform)


@dataclass(frozen=True, slots=True)
class LabLine:
    check: Check
    verdict: Verdict
    finding: Notice | KioskError


@dataclass(frozen=True)
class LabReport:
    lines: tuple[LabLine, ...]

    @property
    def failed(self) -> tuple[LabLine, ...]:
        return tuple(line for line in self.lines if line.verdict is Verdict.FAIL)

    @property
    def warned(self) -> tuple[LabLine, ...]:
        return tuple(line for line in self.lines if line.verdict is Verdict.WARN)

    @property
    def passed(self) -> bool:
        """No line failed (warnings and lines not checked here do not block an exam)."""
        return not self.failed

    def line(self, check: Check) -> LabLine:
        return next(line for line in self.lines if line.check is check)


# -- judging ---------------------------------------------------------------------------------------------


def evaluate(facts: LabFacts) -> LabReport:
    """Judge ``facts``: one line per :class:`Check`, in order."""
    return LabReport(
        (
            _storage(facts),
            _disk_space(facts),
            _write_speed(facts),
            _clock(facts),
            _screen(facts),
            _font(facts),
            _power(facts),
            _remote(facts),
            _store(facts),
        )
    )


def _storage(facts: LabFacts) -> LabLine:
    folder = facts.folder
    if facts.restore_software:
        software = ", ".join(facts.restore_software)
        finding = Notice("lab_check.restore_software", folder=folder, software=software)
        return LabLine(Check.STORAGE, Verdict.FAIL, finding)
    volume = facts.volume
    if volume is None:
        if facts.platform == "win32":
            return LabLine(
                Check.STORAGE, Verdict.PASS, Notice("lab_check.no_restore_software", folder=folder)
            )
        return LabLine(Check.STORAGE, Verdict.WARN, Notice("lab_check.storage_unknown", folder=folder))
    fstype = volume.fstype
    if fstype in VOLATILE_FILESYSTEMS or fstype in IMAGE_FILESYSTEMS or volume.in_memory:
        finding = Notice("lab_check.storage_in_memory", folder=folder, fstype=fstype)
        return LabLine(Check.STORAGE, Verdict.FAIL, finding)
    if fstype == "overlay":
        return LabLine(Check.STORAGE, Verdict.WARN, Notice("lab_check.storage_overlay", folder=folder))
    finding = Notice("lab_check.storage_persistent", folder=folder, fstype=fstype)
    return LabLine(Check.STORAGE, Verdict.PASS, finding)


def _size(count: int) -> str:
    """A byte count as people read it: 512 MB, 3.4 GB."""
    if count >= 1024**3:
        return f"{count / 1024**3:.1f} GB"
    return f"{count / 1024**2:.0f} MB"


def _disk_space(facts: LabFacts) -> LabLine:
    free, need = _size(facts.free_bytes), _size(facts.need_bytes)
    if facts.free_bytes < facts.need_bytes:
        return LabLine(Check.DISK_SPACE, Verdict.FAIL, Notice("lab_check.disk_full", free=free, need=need))
    if facts.free_bytes < 2 * facts.need_bytes:
        return LabLine(Check.DISK_SPACE, Verdict.WARN, Notice("lab_check.disk_low", free=free, need=need))
    return LabLine(Check.DISK_SPACE, Verdict.PASS, Notice("lab_check.disk_enough", free=free, need=need))


def _write_speed(facts: LabFacts) -> LabLine:
    if facts.write_error is not None:
        return LabLine(Check.WRITE_SPEED, Verdict.FAIL, facts.write_error)
    milliseconds = round(facts.write_seconds * 1000)
    if facts.write_seconds >= TOO_SLOW_WRITE_SECONDS:
        finding = Notice("lab_check.write_too_slow", milliseconds=milliseconds)
        return LabLine(Check.WRITE_SPEED, Verdict.FAIL, finding)
    if facts.write_seconds >= SLOW_WRITE_SECONDS:
        return LabLine(
            Check.WRITE_SPEED, Verdict.WARN, Notice("lab_check.write_slow", milliseconds=milliseconds)
        )
    return LabLine(Check.WRITE_SPEED, Verdict.PASS, Notice("lab_check.write_fast", milliseconds=milliseconds))


def _shown_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _clock(facts: LabFacts) -> LabLine:
    now = facts.now
    if facts.last_recorded is not None and now < facts.last_recorded - RECORDS_SLACK:
        finding = Notice(
            "lab_check.clock_behind_records", now=_shown_time(now), last=_shown_time(facts.last_recorded)
        )
        return LabLine(Check.CLOCK, Verdict.FAIL, finding)
    if facts.newest_package is not None:
        bank, made = facts.newest_package
        if now < made - PACKAGE_SLACK:
            finding = Notice(
                "lab_check.clock_behind_package", now=_shown_time(now), made=_shown_time(made), bank=bank
            )
            return LabLine(Check.CLOCK, Verdict.FAIL, finding)
    return LabLine(Check.CLOCK, Verdict.PASS, Notice("lab_check.clock_plausible", now=_shown_time(now)))


def _screen(facts: LabFacts) -> LabLine:
    if facts.screen is None:
        return LabLine(Check.SCREEN, Verdict.NOT_CHECKED, Notice("lab_check.screen_unknown"))
    width, height = facts.screen
    min_width, min_height = MIN_SCREEN
    if width < min_width or height < min_height:
        finding = Notice(
            "lab_check.screen_small", width=width, height=height, min_width=min_width, min_height=min_height
        )
        return LabLine(Check.SCREEN, Verdict.FAIL, finding)
    return LabLine(
        Check.SCREEN, Verdict.PASS, Notice("lab_check.screen_large_enough", width=width, height=height)
    )


def _font(facts: LabFacts) -> LabLine:
    if facts.cjk_font is None:
        return LabLine(Check.CHINESE_FONT, Verdict.NOT_CHECKED, Notice("lab_check.chinese_font_unknown"))
    if not facts.cjk_font:
        return LabLine(Check.CHINESE_FONT, Verdict.FAIL, Notice("lab_check.chinese_font_missing"))
    return LabLine(Check.CHINESE_FONT, Verdict.PASS, Notice("lab_check.chinese_font_present"))


def _power(facts: LabFacts) -> LabLine:
    power = facts.power
    if power is None or not power.on_battery:
        return LabLine(Check.POWER, Verdict.PASS, Notice("lab_check.power_mains"))
    if power.percent is None:
        return LabLine(Check.POWER, Verdict.WARN, Notice("lab_check.power_battery_unknown"))
    if power.percent < LOW_BATTERY_PERCENT:
        return LabLine(
            Check.POWER, Verdict.FAIL, Notice("lab_check.power_battery_low", percent=power.percent)
        )
    return LabLine(Check.POWER, Verdict.WARN, Notice("lab_check.power_battery", percent=power.percent))


def _remote(facts: LabFacts) -> LabLine:
    if facts.remote_tools:
        finding = Notice("lab_check.remote_tools", tools=", ".join(facts.remote_tools))
        return LabLine(Check.REMOTE_ACCESS, Verdict.FAIL, finding)
    if facts.other_sessions:
        finding = Notice("lab_check.other_sessions", sessions=", ".join(facts.other_sessions))
        return LabLine(Check.REMOTE_ACCESS, Verdict.WARN, finding)
    return LabLine(Check.REMOTE_ACCESS, Verdict.PASS, Notice("lab_check.remote_none"))


def _store(facts: LabFacts) -> LabLine:
    if facts.store_problems:
        return LabLine(
            Check.STORE, Verdict.FAIL, Notice("lab_check.store_damaged", count=facts.store_problems)
        )
    return LabLine(Check.STORE, Verdict.PASS, Notice("lab_check.store_intact"))


# -- gathering -------------------------------------------------------------------------------------------


@dataclass
class _Display:
    """What the kiosk window told about its screen and fonts (see :func:`note_display`)."""

    screen: tuple[int, int] | None = None
    cjk_font: bool | None = None


_display = _Display()


def note_display(screen: tuple[int, int] | None, cjk_font: bool | None) -> None:
    """The kiosk window's screen size and whether it can draw Chinese, for the check before unlocking.

    The window calls this as it starts; the services cannot see the screen or the fonts themselves.
    """
    _display.screen = screen
    _display.cjk_font = cjk_font


def gather_facts(
    ctx: KioskContext, screen: tuple[int, int] | None = None, cjk_font: bool | None = None
) -> LabFacts:
    """This PC's facts now; ``screen`` and ``cjk_font`` default to what the kiosk window noted."""
    folder = ctx.data_dir
    write_seconds, write_error = _time_writes(folder)
    problems = len(ctx.store.check_integrity(quick=True).problems)
    if not problems:
        problems = len(verify_journals(ctx))
    return LabFacts(
        now=datetime.now(UTC),
        folder=folder,
        volume=_volume(folder) if sys.platform.startswith("linux") else None,
        restore_software=tuple(_windows_restore_software()) if sys.platform == "win32" else (),
        free_bytes=shutil.disk_usage(folder).free,
        need_bytes=_need_bytes(ctx),
        write_seconds=write_seconds,
        write_error=write_error,
        power=_power_now(),
        remote_tools=tuple(_remote_tools(_process_names())),
        other_sessions=tuple(_other_sessions()),
        screen=screen if screen is not None else _display.screen,
        cjk_font=cjk_font if cjk_font is not None else _display.cjk_font,
        store_problems=problems,
        last_recorded=_last_recorded(ctx),
        newest_package=_newest_package(ctx),
    )


def run_lab_check(
    ctx: KioskContext, screen: tuple[int, int] | None = None, cjk_font: bool | None = None
) -> LabReport:
    """Gather this PC's facts and judge them."""
    return evaluate(gather_facts(ctx, screen, cjk_font))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _need_bytes(ctx: KioskContext) -> int:
    with ctx.store.session() as session:
        candidates = len(people.list_candidates(session))
    store = ctx.data_dir / STORE_FILE
    store_size = store.stat().st_size if store.exists() else 0
    return FLOOR_BYTES + candidates * PER_CANDIDATE_BYTES + 2 * store_size


def _last_recorded(ctx: KioskContext) -> datetime | None:
    with ctx.store.session() as session:
        moments = [event.wall_at for event in audit.events(session)]
    return max((_aware(moment) for moment in moments), default=None)


def _newest_package(ctx: KioskContext) -> tuple[str, datetime] | None:
    newest: tuple[str, datetime] | None = None
    for bank in list_installed(ctx):
        try:
            made = datetime.strptime(inspect_package(bank.package_file).created, "%Y-%m-%dT%H:%M:%SZ")
        except (KioskError, ValueError):
            # A package that cannot be read is the unlock's own business (it refuses it by name).
            continue
        made = made.replace(tzinfo=UTC)
        if newest is None or made > newest[1]:
            newest = (bank.bank_id, made)
    return newest


def _time_writes(folder: Path) -> tuple[float, FileWriteError | None]:
    """The median time to save a small file in ``folder`` (written, flushed, renamed as answers are)."""
    probe = folder / ".lab-check-write"
    timings = []
    try:
        for _ in range(WRITE_PROBE_ROUNDS):
            started = time.perf_counter()
            write_file(probe, os.urandom(WRITE_PROBE_BYTES), PRIVATE)
            timings.append(time.perf_counter() - started)
    except FileWriteError as error:
        return 0.0, error
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return statistics.median(timings), None


def _unescape_mount(field_text: str) -> str:
    """A /proc/mounts field with its octal escapes (``\\040`` for a space) undone."""
    out, index = [], 0
    while index < len(field_text):
        if field_text[index] == "\\" and field_text[index + 1 : index + 4].isdigit():
            out.append(chr(int(field_text[index + 1 : index + 4], 8)))
            index += 4
        else:
            out.append(field_text[index])
            index += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Mount:
    point: Path
    fstype: str
    source: str
    options: str


def _mounts(mounts_text: str) -> list[_Mount]:
    mounts = []
    for line in mounts_text.splitlines():
        fields = [_unescape_mount(value) for value in line.split()[:4]]
        if len(fields) == 4:
            mounts.append(_Mount(Path(fields[1]), fields[2], fields[0], fields[3]))
    return mounts


def _holder(path: Path, mounts: Sequence[_Mount]) -> _Mount | None:
    """The deepest mount point above ``path`` (the last mounted wins a tie, as the kernel's does)."""
    best: _Mount | None = None
    for mount in mounts:
        if path.is_relative_to(mount.point) and (
            best is None or len(mount.point.parts) >= len(best.point.parts)
        ):
            best = mount
    return best


def volume_of(path: Path, mounts_text: str) -> Volume | None:
    """The mount ``path`` lives on, from the text of ``/proc/mounts``.

    An overlay counts as in memory when its writable layer (``upperdir``) is under a tmpfs mount, as
    overlayroot's reboot-to-restore and live systems set it up.
    """
    mounts = _mounts(mounts_text)
    mount = _holder(path.resolve(), mounts)
    if mount is None:
        return None
    in_memory = False
    if mount.fstype == "overlay":
        options = mount.options.split(",")
        upper = next((option.split("=", 1)[1] for option in options if option.startswith("upperdir=")), "")
        if upper:
            holder = _holder(Path(upper), [other for other in mounts if other.fstype != "overlay"])
            in_memory = holder is not None and holder.fstype in VOLATILE_FILESYSTEMS
    return Volume(str(mount.point), mount.fstype, mount.source, in_memory)


def _volume(folder: Path) -> Volume | None:
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return volume_of(folder, text)


def power_from_sysfs(root: Path) -> Power | None:
    """The battery state from a ``/sys/class/power_supply``-shaped folder; None when there is no battery.

    Batteries of devices (a wireless mouse) are not this PC's; the PC is on battery when a system battery
    is discharging and no mains or USB supply is online.
    """
    if not root.is_dir():
        return None

    def read(folder: Path, name: str) -> str:
        try:
            return (folder / name).read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    batteries, online = [], False
    for supply in sorted(root.iterdir()):
        kind = read(supply, "type")
        if kind == "Battery" and read(supply, "scope") != "Device":
            batteries.append(supply)
        elif kind in ("Mains", "USB", "USB_C", "USB_PD") and read(supply, "online") == "1":
            online = True
    if not batteries:
        return None
    statuses = [read(battery, "status") for battery in batteries]
    levels = [int(level) for level in (read(b, "capacity") for b in batteries) if level.isdigit()]
    percent = min(levels) if levels else None
    on_battery = not online and any(status in ("Discharging", "") for status in statuses)
    return Power(on_battery, percent)


def _power_now() -> Power | None:
    if sys.platform.startswith("linux"):
        return power_from_sysfs(Path("/sys/class/power_supply"))
    if sys.platform == "win32":
        return _windows_power()
    return None


def _windows_power() -> Power | None:  # pragma: no cover - Windows only
    import ctypes

    class SystemPowerStatus(ctypes.Structure):
        _fields_ = [
            ("ACLineStatus", ctypes.c_ubyte),
            ("BatteryFlag", ctypes.c_ubyte),
            ("BatteryLifePercent", ctypes.c_ubyte),
            ("SystemStatusFlag", ctypes.c_ubyte),
            ("BatteryLifeTime", ctypes.c_ulong),
            ("BatteryFullLifeTime", ctypes.c_ulong),
        ]

    status = SystemPowerStatus()
    windll = getattr(ctypes, "windll", None)
    if windll is None or not windll.kernel32.GetSystemPowerStatus(ctypes.byref(status)):
        return None
    if status.BatteryFlag & 128 or status.BatteryFlag == 255:  # no system battery, or unknown
        return None
    percent = None if status.BatteryLifePercent == 255 else int(status.BatteryLifePercent)
    return Power(status.ACLineStatus == 0, percent)


def _process_names() -> list[str]:
    """The names of the programs running on this PC (lower case, without ``.exe``)."""
    names: list[str] = []
    if sys.platform.startswith("linux"):
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    names.append((entry / "comm").read_text(encoding="utf-8", errors="replace").strip())
    elif sys.platform == "win32":  # pragma: no cover - Windows only
        listing = _command(["tasklist", "/fo", "csv", "/nh"])
        names = [line.split('","')[0].strip('"') for line in listing.splitlines() if line.startswith('"')]
    else:
        names = [Path(line.strip()).name for line in _command(["ps", "-axo", "comm="]).splitlines()]
    return [name.lower().removesuffix(".exe") for name in names if name]


def _remote_tools(process_names: Iterable[str]) -> list[str]:
    """The remote-desktop programs among ``process_names``, each named once."""
    found = {REMOTE_TOOLS[name] for name in process_names if name in REMOTE_TOOLS}
    return sorted(found)


def _text(value: bytes) -> str:
    return value.split(b"\0", 1)[0].decode(errors="replace")


def sessions_from_utmp(data: bytes, me: str) -> list[str]:
    """Logins other than ``me``'s at this PC, and anyone's from elsewhere, from the bytes of utmp.

    Each is "user (where)": the terminal, or the host a remote login came from.
    """
    record = struct.Struct("hi32s4s32s256shhiii4i20s")
    user_process = 7
    found: list[str] = []
    for offset in range(0, len(data) - record.size + 1, record.size):
        fields = record.unpack_from(data, offset)
        if fields[0] != user_process:
            continue
        line, user, host = (_text(fields[index]) for index in (2, 4, 5))
        remote = bool(host) and not host.startswith(":")
        if user != me or remote:
            shown = f"{user} ({host if remote else line})"
            if shown not in found:
                found.append(shown)
    return found


def _other_sessions() -> list[str]:
    try:
        me = getpass.getuser()
    except (KeyError, OSError):
        me = ""
    if sys.platform.startswith("linux"):
        for path in (Path("/run/utmp"), Path("/var/run/utmp")):
            with contextlib.suppress(OSError):
                return sessions_from_utmp(path.read_bytes(), me)
        return []
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_sessions(me)
    return []


def _windows_sessions(me: str) -> list[str]:  # pragma: no cover - Windows only
    """Active sessions of other users, and any Remote Desktop session, from ``qwinsta``'s table."""
    found = []
    for line in _command(["qwinsta"]).splitlines()[1:]:
        parts = line.lstrip(">").split()
        if len(parts) < 3 or "Active" not in parts:
            continue
        session, user = parts[0], parts[1]
        if user.lower() != me.lower() or session.lower().startswith("rdp-tcp"):
            found.append(f"{user} ({session})")
    return found


# Reboot-to-restore software on Windows, by the service or driver key it installs.
_RESTORE_SERVICES = {
    "DeepFrz": "Deep Freeze",
    "DFServ": "Deep Freeze",
    "ShdServ": "Reboot Restore Rx",
    "ewf": "Enhanced Write Filter",
}


def _windows_restore_software() -> list[str]:  # pragma: no cover - Windows only
    """Reboot-to-restore software that is on: Deep Freeze (frozen), Reboot Restore, EWF, and UWF."""
    if sys.platform != "win32":
        return []
    import winreg

    found: list[str] = []
    for service, name in _RESTORE_SERVICES.items():
        key_path = rf"SYSTEM\CurrentControlSet\Services\{service}"
        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as key:
                start = winreg.QueryValueEx(key, "Start")[0]
        except OSError:
            continue
        # Start 4 is "disabled": installed but off.
        if start != 4 and name not in found:
            found.append(name)
    if "Deep Freeze" in found and _deep_freeze_thawed():
        found.remove("Deep Freeze")
    if _uwf_enabled():
        found.append("Unified Write Filter")
    return found


def _deep_freeze_thawed() -> bool:  # pragma: no cover - Windows only
    """Deep Freeze's command-line tool answers ``get /ISFROZEN`` with exit code 1 when frozen, 0 when not."""
    windows = Path(os.environ.get("SYSTEMROOT", r"C:\Windows"))
    for tool in (windows / "SysWOW64" / "DFC.exe", windows / "System32" / "DFC.exe"):
        if tool.exists():
            try:
                done = subprocess.run(
                    [str(tool), "get", "/ISFROZEN"], capture_output=True, timeout=20, check=False
                )
            except (OSError, subprocess.SubprocessError):
                return False
            return done.returncode == 0
    return False


def _uwf_enabled() -> bool:  # pragma: no cover - Windows only
    """Whether the Unified Write Filter protects the system now (its WMI class ``UWF_Filter``)."""
    script = (
        "(Get-CimInstance -Namespace root/standardcimv2/embedded -ClassName UWF_Filter "
        "-ErrorAction SilentlyContinue).CurrentEnabled"
    )
    return _command(["powershell", "-NoProfile", "-NonInteractive", "-Command", script]).strip() == "True"


def _command(argv: Sequence[str]) -> str:
    """What a system tool printed; empty when it is missing or fails."""
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


# -- before unlocking ------------------------------------------------------------------------------------


def lab_check_overridden(ctx: KioskContext, sitting_id: int) -> bool:
    """Whether an invigilator has let ``sitting_id`` open despite a failed lab check."""
    with ctx.store.session() as session:
        return any(event.kind == OVERRIDE_EVENT for event in audit.events(session, sitting_id=sitting_id))


def require_ready(ctx: KioskContext, sitting_id: int, facts: LabFacts | None = None) -> LabReport | None:
    """Run the lab check before ``sitting_id`` is unlocked; RuleError when a line fails.

    Nothing is checked (None is returned) once an invigilator has overridden the check for this sitting.
    """
    if lab_check_overridden(ctx, sitting_id):
        return None
    report = evaluate(facts if facts is not None else gather_facts(ctx))
    if not report.passed:
        raise RuleError(UNLOCK_REFUSED, sitting=sitting_id, count=len(report.failed))
    return report


def override_lab_check(
    ctx: KioskContext, sitting_id: int, pin: str, reason: str = "", facts: LabFacts | None = None
) -> LabReport:
    """Let ``sitting_id`` open although the lab check fails, on an invigilator's PIN; recorded as an incident.

    Refused when nothing fails (there is nothing to override) or the sitting is closed or unknown.
    """
    invigilator = check_pin(ctx, pin, sitting_id=sitting_id)
    with ctx.store.session() as session:
        sitting = sitting_rows.get_sitting(session, sitting_id)
    if sitting is None:
        raise RuleError("sitting.unknown", sitting=sitting_id)
    if sitting.state == "closed":
        raise RuleError("sitting.closed", sitting=sitting.id, name=sitting.name)
    report = evaluate(facts if facts is not None else gather_facts(ctx))
    if report.passed:
        raise RuleError("lab_check.nothing_to_override", sitting=sitting_id)
    failed = [line.check.value for line in report.failed]
    said = " ".join(reason.split())
    description = f"Opened despite a failed pre-exam lab check ({', '.join(failed)})" + (
        f": {said}" if said else "."
    )
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        audit.add_incident(
            session,
            sitting_id,
            None,
            IncidentCategory.TECHNICAL.value,
            description,
            now,
            None,
            invigilator,
            now,
        )
        audit.add_event(
            session,
            OVERRIDE_EVENT,
            now,
            sitting_id=sitting_id,
            detail={
                "by": invigilator,
                "failed": failed,
                "findings": [_finding(line) for line in report.failed],
            },
        )
    return report


def _finding(line: LabLine) -> dict[str, object]:
    return {"code": line.finding.code, **{key: str(value) for key, value in line.finding.params.items()}}


def findings_json(report: LabReport) -> str:
    """The report as JSON (check, verdict, code and facts per line), for logs and ``--json``."""
    return json.dumps(
        [
            {"check": line.check.value, "verdict": line.verdict.value, **_finding(line)}
            for line in report.lines
        ],
        ensure_ascii=False,
        indent=2,
    )
