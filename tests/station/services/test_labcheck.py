"""The pre-exam lab check: each line fails (or warns) when its condition is faked, and a failed check keeps a
sitting locked until an invigilator overrides it with their PIN, which is recorded as an incident."""

from __future__ import annotations

import dataclasses
import struct
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.domain.errors import FileWriteError, RuleError, SecurityError
from kiosk.messages import sentence
from kiosk.station.services import labcheck
from kiosk.station.services.context import KioskContext
from kiosk.station.services.labcheck import (
    Check,
    LabFacts,
    Power,
    Verdict,
    Volume,
    evaluate,
    gather_facts,
    override_lab_check,
    power_from_sysfs,
    require_ready,
    sessions_from_utmp,
    volume_of,
)
from kiosk.station.services.sittings import SittingInfo, open_sitting, schedule_sitting
from kiosk.station.storage.repositories import audit
from tests.fixtures.kiosk import PIN, RELEASE_CODE

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def healthy(folder: Path = Path("/var/lib/onex-kiosk")) -> LabFacts:
    """A PC that passes every line."""
    return LabFacts(
        now=NOW,
        folder=folder,
        volume=Volume("/", "ext4", "/dev/sda2"),
        restore_software=(),
        free_bytes=50 * 1024**3,
        need_bytes=300 * 1024**2,
        write_seconds=0.004,
        write_error=None,
        power=None,
        remote_tools=(),
        other_sessions=(),
        screen=(1366, 768),
        cjk_font=True,
        store_problems=0,
        last_recorded=NOW - timedelta(days=1),
        newest_package=("maintenance-2", NOW - timedelta(days=3)),
        platform="linux",
    )


def verdict(facts: LabFacts, check: Check) -> Verdict:
    return evaluate(facts).line(check).verdict


def test_a_healthy_pc_passes_every_line_with_one_sentence_each() -> None:
    report = evaluate(healthy())
    assert [line.check for line in report.lines] == list(Check)
    assert {line.verdict for line in report.lines} == {Verdict.PASS}
    assert report.passed
    for line in report.lines:
        said = sentence(line.finding)
        assert "{" not in said and said.endswith(".") and said.count(". ") == 0, said


def test_storage_in_memory_fails() -> None:
    facts = dataclasses.replace(healthy(), volume=Volume("/tmp", "tmpfs", "tmpfs"))
    line = evaluate(facts).line(Check.STORAGE)
    assert (line.verdict, line.finding.code) == (Verdict.FAIL, "lab_check.storage_in_memory")
    assert line.finding.params["fstype"] == "tmpfs"
    overlay_in_memory = Volume("/", "overlay", "overlayroot", in_memory=True)
    assert verdict(dataclasses.replace(healthy(), volume=overlay_in_memory), Check.STORAGE) is Verdict.FAIL
    overlay = Volume("/", "overlay", "overlay")
    assert verdict(dataclasses.replace(healthy(), volume=overlay), Check.STORAGE) is Verdict.WARN


def test_reboot_to_restore_software_fails() -> None:
    facts = dataclasses.replace(healthy(), volume=None, restore_software=("Deep Freeze",), platform="win32")
    line = evaluate(facts).line(Check.STORAGE)
    assert (line.verdict, line.finding.code) == (Verdict.FAIL, "lab_check.restore_software")
    assert "Deep Freeze" in sentence(line.finding)
    clean_windows = dataclasses.replace(facts, restore_software=())
    assert verdict(clean_windows, Check.STORAGE) is Verdict.PASS
    unknown = dataclasses.replace(clean_windows, platform="darwin")
    assert verdict(unknown, Check.STORAGE) is Verdict.WARN


def test_too_little_free_disk_fails_and_little_warns() -> None:
    full = dataclasses.replace(healthy(), free_bytes=100 * 1024**2)
    line = evaluate(full).line(Check.DISK_SPACE)
    assert (line.verdict, line.finding.params) == (Verdict.FAIL, {"free": "100 MB", "need": "300 MB"})
    assert verdict(dataclasses.replace(healthy(), free_bytes=500 * 1024**2), Check.DISK_SPACE) is Verdict.WARN


def test_a_slow_disk_fails_and_a_failed_write_fails() -> None:
    line = evaluate(dataclasses.replace(healthy(), write_seconds=1.5)).line(Check.WRITE_SPEED)
    assert (line.verdict, line.finding.code, line.finding.params) == (
        Verdict.FAIL,
        "lab_check.write_too_slow",
        {"milliseconds": 1500},
    )
    assert verdict(dataclasses.replace(healthy(), write_seconds=0.3), Check.WRITE_SPEED) is Verdict.WARN
    refused = FileWriteError("file.read_only", path=Path("/mnt/ro/.lab-check-write"))
    line = evaluate(dataclasses.replace(healthy(), write_error=refused)).line(Check.WRITE_SPEED)
    assert (line.verdict, line.finding) == (Verdict.FAIL, refused)


def test_a_clock_behind_the_records_fails() -> None:
    facts = dataclasses.replace(healthy(), last_recorded=NOW + timedelta(hours=2))
    line = evaluate(facts).line(Check.CLOCK)
    assert (line.verdict, line.finding.code) == (Verdict.FAIL, "lab_check.clock_behind_records")
    assert line.finding.params == {"now": "2026-03-02 08:00 UTC", "last": "2026-03-02 10:00 UTC"}
    # A few minutes' difference is a clock corrected by a time server, not a wrong clock.
    slightly = dataclasses.replace(healthy(), last_recorded=NOW + timedelta(minutes=2))
    assert verdict(slightly, Check.CLOCK) is Verdict.PASS


def test_a_clock_behind_the_package_dates_fails() -> None:
    facts = dataclasses.replace(healthy(), newest_package=("design-1", NOW + timedelta(days=30)))
    line = evaluate(facts).line(Check.CLOCK)
    assert (line.verdict, line.finding.code) == (Verdict.FAIL, "lab_check.clock_behind_package")
    assert line.finding.params["bank"] == "design-1"


def test_a_small_screen_fails_and_an_unknown_one_is_not_checked() -> None:
    line = evaluate(dataclasses.replace(healthy(), screen=(1024, 768))).line(Check.SCREEN)
    assert (line.verdict, line.finding.code) == (Verdict.FAIL, "lab_check.screen_small")
    assert sentence(line.finding).startswith("The screen is 1024×768, smaller than the 1280×720")
    assert verdict(dataclasses.replace(healthy(), screen=(1280, 720)), Check.SCREEN) is Verdict.PASS
    unknown = evaluate(dataclasses.replace(healthy(), screen=None))
    assert unknown.line(Check.SCREEN).verdict is Verdict.NOT_CHECKED
    assert unknown.passed


def test_no_chinese_font_fails() -> None:
    line = evaluate(dataclasses.replace(healthy(), cjk_font=False)).line(Check.CHINESE_FONT)
    assert (line.verdict, line.finding.code) == (Verdict.FAIL, "lab_check.chinese_font_missing")
    assert verdict(dataclasses.replace(healthy(), cjk_font=None), Check.CHINESE_FONT) is Verdict.NOT_CHECKED


def test_running_on_a_low_battery_fails_and_on_battery_warns() -> None:
    low = evaluate(dataclasses.replace(healthy(), power=Power(on_battery=True, percent=18))).line(Check.POWER)
    assert (low.verdict, low.finding.code, low.finding.params) == (
        Verdict.FAIL,
        "lab_check.power_battery_low",
        {"percent": 18},
    )
    assert verdict(dataclasses.replace(healthy(), power=Power(True, 80)), Check.POWER) is Verdict.WARN
    assert verdict(dataclasses.replace(healthy(), power=Power(True, None)), Check.POWER) is Verdict.WARN
    assert verdict(dataclasses.replace(healthy(), power=Power(False, 12)), Check.POWER) is Verdict.PASS


def test_remote_desktop_tools_fail_and_other_logins_warn() -> None:
    facts = dataclasses.replace(healthy(), remote_tools=("AnyDesk", "TeamViewer"))
    line = evaluate(facts).line(Check.REMOTE_ACCESS)
    assert (line.verdict, line.finding.params) == (Verdict.FAIL, {"tools": "AnyDesk, TeamViewer"})
    sessions = dataclasses.replace(healthy(), other_sessions=("lab (10.0.0.9)",))
    assert verdict(sessions, Check.REMOTE_ACCESS) is Verdict.WARN


def test_a_damaged_store_fails() -> None:
    line = evaluate(dataclasses.replace(healthy(), store_problems=3)).line(Check.STORE)
    assert (line.verdict, line.finding.code, line.finding.params) == (
        Verdict.FAIL,
        "lab_check.store_damaged",
        {"count": 3},
    )


# -- the facts of this system ------------------------------------------------------------------------------

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
tmpfs /media/root-rw tmpfs rw,relatime 0 0
overlayroot /srv overlay rw,lowerdir=/media/root-ro,upperdir=/media/root-rw/overlay,workdir=/x 0 0
/dev/sdb1 /media/USB\\040STICK vfat rw 0 0
"""


def test_the_volume_comes_from_the_deepest_mount_above_the_folder() -> None:
    assert volume_of(Path("/var/lib/onex-kiosk"), MOUNTS) == Volume("/", "ext4", "/dev/sda2")
    assert volume_of(Path("/tmp/kiosk"), MOUNTS) == Volume("/tmp", "tmpfs", "tmpfs")
    assert volume_of(Path("/media/USB STICK/data"), MOUNTS) == Volume("/media/USB STICK", "vfat", "/dev/sdb1")
    # overlayroot keeps its writable layer in memory: a reboot-to-restore set-up.
    assert volume_of(Path("/srv/kiosk"), MOUNTS) == Volume("/srv", "overlay", "overlayroot", in_memory=True)


def _supply(root: Path, name: str, **files: str) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for file_name, text in files.items():
        (folder / file_name).write_text(text + "\n", encoding="utf-8")


def test_the_battery_state_comes_from_sysfs(tmp_path: Path) -> None:
    assert power_from_sysfs(tmp_path / "none") is None
    desktop = tmp_path / "desktop"
    _supply(desktop, "AC", type="Mains", online="1")
    _supply(desktop, "hidpp_battery_0", type="Battery", scope="Device", status="Discharging", capacity="5")
    assert power_from_sysfs(desktop) is None
    laptop = tmp_path / "laptop"
    _supply(laptop, "AC", type="Mains", online="0")
    _supply(laptop, "BAT0", type="Battery", status="Discharging", capacity="23")
    assert power_from_sysfs(laptop) == Power(on_battery=True, percent=23)
    (laptop / "AC" / "online").write_text("1\n", encoding="utf-8")
    (laptop / "BAT0" / "status").write_text("Charging\n", encoding="utf-8")
    assert power_from_sysfs(laptop) == Power(on_battery=False, percent=23)


def _utmp_record(kind: int, line: str, user: str, host: str) -> bytes:
    record = struct.Struct("hi32s4s32s256shhiii4i20s")
    return record.pack(
        kind, 1, line.encode(), b"", user.encode(), host.encode(), 0, 0, 0, 0, 0, 0, 0, 0, 0, b""
    )


def test_other_logins_come_from_utmp() -> None:
    data = b"".join(
        [
            _utmp_record(7, "tty1", "kiosk", ""),
            _utmp_record(7, ":0", "kiosk", ":0"),
            _utmp_record(7, "pts/1", "kiosk", "10.1.2.3"),
            _utmp_record(7, "tty2", "teacher", ""),
            _utmp_record(8, "pts/2", "gone", "10.9.9.9"),
        ]
    )
    assert sessions_from_utmp(data, "kiosk") == ["kiosk (10.1.2.3)", "teacher (tty2)"]


def test_remote_tools_are_named_from_process_names() -> None:
    names = ["bash", "anydesk", "teamviewerd", "tv_bin", "x11vnc", "xorg"]
    assert labcheck._remote_tools(names) == ["AnyDesk", "TeamViewer", "x11vnc"]


def test_the_facts_of_a_real_data_folder_are_gathered(staffed: KioskContext) -> None:
    facts = gather_facts(staffed, screen=(1920, 1080), cjk_font=True)
    assert facts.folder == staffed.data_dir
    assert facts.write_error is None and facts.write_seconds > 0
    assert not (staffed.data_dir / ".lab-check-write").exists()
    assert facts.store_problems == 0
    assert facts.newest_package is not None and facts.newest_package[0] == "maintenance-2"
    assert facts.last_recorded is not None
    assert facts.need_bytes >= labcheck.FLOOR_BYTES
    assert facts.screen == (1920, 1080)


# -- before unlocking --------------------------------------------------------------------------------------


@pytest.fixture
def scheduled(staffed: KioskContext) -> SittingInfo:
    return schedule_sitting(staffed, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch, staffed: KioskContext) -> LabFacts:
    """This PC's data folder seems to be on tmpfs, and the machine runs AnyDesk."""
    facts = dataclasses.replace(
        healthy(staffed.data_dir), volume=Volume("/", "tmpfs", "tmpfs"), remote_tools=("AnyDesk",)
    )
    monkeypatch.setattr(labcheck, "gather_facts", lambda ctx, screen=None, cjk_font=None: facts)
    return facts


def test_a_failed_lab_check_keeps_the_sitting_locked(
    staffed: KioskContext, scheduled: SittingInfo, failing: LabFacts
) -> None:
    with pytest.raises(RuleError) as refused:
        open_sitting(staffed, scheduled.id, PIN, RELEASE_CODE)
    assert (refused.value.code, refused.value.params) == (
        "lab_check.blocks_unlock",
        {"sitting": scheduled.id, "count": 2},
    )
    assert "an invigilator can open the sitting anyway with their PIN" in sentence(refused.value)


def test_an_invigilator_overrides_with_their_pin_and_it_is_an_incident(
    staffed: KioskContext, scheduled: SittingInfo, failing: LabFacts
) -> None:
    with pytest.raises(SecurityError):
        override_lab_check(staffed, scheduled.id, "000000")
    report = override_lab_check(staffed, scheduled.id, PIN, "the only PC left in the lab")
    assert [line.check for line in report.failed] == [Check.STORAGE, Check.REMOTE_ACCESS]
    opened = open_sitting(staffed, scheduled.id, PIN, RELEASE_CODE)
    assert opened.sitting_id == scheduled.id
    with staffed.store.session() as session:
        [incident] = audit.incidents(session, sitting_id=scheduled.id)
        events = [event.kind for event in audit.events(session, sitting_id=scheduled.id)]
    assert incident.category == "technical"
    assert incident.recorded_by == "Ms Mulenga"
    assert "storage, remote_access" in incident.description
    assert "the only PC left in the lab" in incident.description
    assert labcheck.OVERRIDE_EVENT in events


def test_nothing_to_override_when_the_check_passes(staffed: KioskContext, scheduled: SittingInfo) -> None:
    facts = healthy(staffed.data_dir)
    assert require_ready(staffed, scheduled.id, facts) is not None
    with pytest.raises(RuleError) as refused:
        override_lab_check(staffed, scheduled.id, PIN, facts=facts)
    assert refused.value.code == "lab_check.nothing_to_override"


def test_the_window_notes_its_screen_for_the_check_before_unlocking(
    staffed: KioskContext, scheduled: SittingInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(labcheck, "_display", labcheck._Display())
    labcheck.note_display((800, 600), True)
    with pytest.raises(RuleError) as refused:
        open_sitting(staffed, scheduled.id, PIN, RELEASE_CODE)
    assert refused.value.params["count"] == 1
    report = labcheck.run_lab_check(staffed)
    assert [line.check for line in report.failed] == [Check.SCREEN]
