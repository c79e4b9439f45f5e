"""The application object."""

from __future__ import annotations

from kiosk.ui.application import application


def test_application_reuses_the_running_one(qapp) -> None:
    assert application() is qapp
