"""Focus-loss incidents the kiosk records by itself, without an invigilator's PIN."""

from __future__ import annotations

from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession
from kiosk.station.services.lockdown import RECORDED_BY, record_focus_loss
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.repositories import audit


def _incidents(ctx: KioskContext, sitting: OpenSitting) -> list[audit.IncidentRecord]:
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
