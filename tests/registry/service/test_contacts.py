"""Each kiosk's last contact with the registry's HTTPS service: recorded by it, read by the console."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.registry.service.contacts import ContactLog, last_contacts
from kiosk.registry.storage.contacts import record_contact
from tests.fixtures.registry import World, attempt
from tests.registry.service.live import call, live_registry

T0 = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)


def test_a_contact_is_recorded_and_never_moved_back(world: World) -> None:
    with world.ctx.database.transaction() as session:
        record_contact(session, "K1", T0, upload=True)
        record_contact(session, "K1", T0 + timedelta(minutes=5), upload=False)
        record_contact(session, "K1", T0 - timedelta(minutes=5), upload=True)  # a late writer
        record_contact(session, "K2", T0, upload=False)
    contacts = last_contacts(world.ctx)
    assert (contacts["K1"].contact_at, contacts["K1"].upload_at) == (T0 + timedelta(minutes=5), T0)
    assert (contacts["K2"].contact_at, contacts["K2"].upload_at) == (T0, None)
    with world.ctx.database.transaction() as session:
        record_contact(session, "K2", T0 + timedelta(hours=1), upload=True)
    later = T0 + timedelta(hours=1)
    assert (last_contacts(world.ctx)["K2"].contact_at, last_contacts(world.ctx)["K2"].upload_at) == (
        later,
        later,
    )


def test_a_worker_writes_a_kiosks_contact_at_most_once_a_minute(world: World) -> None:
    log = ContactLog(world.ctx)
    log.note("K1", T0)
    log.note("K1", T0 + timedelta(seconds=30))
    assert last_contacts(world.ctx)["K1"].contact_at == T0
    log.note("K1", T0 + timedelta(seconds=40), upload=True)  # the first upload is written at once
    assert last_contacts(world.ctx)["K1"].upload_at == T0 + timedelta(seconds=40)
    log.note("K1", T0 + timedelta(seconds=90))  # within a minute of the upload, which was a contact too
    assert last_contacts(world.ctx)["K1"].contact_at == T0 + timedelta(seconds=40)
    log.note("K1", T0 + timedelta(seconds=101))
    assert last_contacts(world.ctx)["K1"].contact_at == T0 + timedelta(seconds=101)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_service_records_who_called_and_who_uploaded(world: World) -> None:
    one, two, stranger = world.kiosk("K1"), world.kiosk("K2"), world.kiosk("K9", enrol=False)
    path = world.bundle(one, [attempt("K1-A1")])
    with live_registry(world.ctx, now=lambda: datetime.now(UTC)) as server:
        before = datetime.now(UTC)
        assert call(server, two.identity, "K2", "GET", "/v1/status").status == 200
        answer = call(server, one.identity, "K1", "PUT", "/v1/bundles/K1-000001", path.read_bytes())
        assert answer.status == 201
        assert call(server, stranger.identity, "K9", "GET", "/v1/status").status == 401
        after = datetime.now(UTC)
    contacts = last_contacts(world.ctx)
    assert set(contacts) == {"K1", "K2"}
    assert contacts["K2"].upload_at is None and before <= contacts["K2"].contact_at <= after
    assert contacts["K1"].upload_at is not None and before <= contacts["K1"].upload_at <= after
    assert contacts["K1"].contact_at == contacts["K1"].upload_at
