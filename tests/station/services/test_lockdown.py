"""Focus-loss incidents the kiosk records by itself (without an invigilator's PIN); one kiosk per folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import StoreError
from kiosk.messages import sentence
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession
from kiosk.station.services.lockdown import (
    RECORDED_BY,
    claim_data_folder,
    focus_back,
    focus_lost,
    record_focus_loss,
)
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.records import IncidentRecord
from kiosk.station.storage.repositories import audit


def _incidents(ctx: KioskContext, sitting: OpenSitting) -> list[IncidentRecord]:
    with ctx.store.session() as session:
        return audit.incidents(session, sitting_id=sitting.sitting_id)


def test_a_focus_loss_is_recorded_against_the_sitting_and_attempt(
    staffed: KioskContext, sitting: OpenSitting, exam: ExamSession
) -> None:
    incident_id = record_focus_loss(staffed, sitting, exam.attempt_id, "  The kiosk window\nlost the focus. ")
    (incident,) = _incidents(staffed, sitting)
    assert incident.id == incident_id
    assert (incident.category, incident.description, incident.recorded_by, incident.attempt_id) == (
        "focus_loss",
        "The kiosk window lost the focus.",
        RECORDED_BY,
        exam.attempt_id,
    )
    assert incident.started_at == staffed.clock.wall()


def test_a_focus_loss_between_candidates_belongs_to_the_sitting_only(
    staffed: KioskContext, sitting: OpenSitting
) -> None:
    record_focus_loss(staffed, sitting, None, "   ")
    record_focus_loss(staffed, sitting, None, "x" * 900)
    first, second = _incidents(staffed, sitting)
    assert first.attempt_id is None
    assert first.description == "The kiosk window lost the focus."
    assert len(second.description) == 500


def test_a_focus_loss_gets_its_real_length_when_the_kiosk_has_its_screen_back(
    staffed: KioskContext, sitting: OpenSitting, exam: ExamSession, clock: FakeClock
) -> None:
    loss = focus_lost(staffed, sitting, exam.attempt_id, "The kiosk window was minimised.")
    (incident,) = _incidents(staffed, sitting)
    assert incident.id == loss.incident_id and incident.duration_seconds is None
    clock.advance(2.75)
    assert focus_back(staffed, loss) == 2.75
    (incident,) = _incidents(staffed, sitting)
    assert (incident.description, incident.duration_seconds) == ("The kiosk window was minimised.", 2.75)


_HOLDER = """
import sys, time
from pathlib import Path
from kiosk.station.services.lockdown import claim_data_folder
lock = claim_data_folder(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_second_kiosk_program_on_the_same_data_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError) as caught:
            claim_data_folder(folder)
        assert (caught.value.code, caught.value.params) == ("kiosk_store.in_use", {"folder": folder})
        assert sentence(caught.value).startswith(
            f"Another kiosk program is already running on the data folder {folder};"
        )
        # Another folder is another kiosk.
        elsewhere = tmp_path / "other"
        elsewhere.mkdir()
        claim_data_folder(elsewhere).release()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # The lock goes with the program that held it, however it ended.
    lock = claim_data_folder(folder)
    assert lock.held
    with pytest.raises(StoreError, match=r"^kiosk_store\.in_use\b"):
        claim_data_folder(folder)
    lock.release()
    assert not lock.held
    claim_data_folder(folder).release()


def test_a_killed_kiosk_leaves_no_stale_lock(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait(timeout=30)
    claim_data_folder(folder).release()


def test_a_folder_that_cannot_hold_the_lock_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        claim_data_folder(tmp_path / "missing")
    assert caught.value.code == "kiosk_store.lock_unavailable"
    assert caught.value.params["path"] == tmp_path / "missing" / "kiosk.lock"
