"""When each kiosk last reached the registry over the network: its last signed request and its last upload.

One row per kiosk in ``kiosk_contacts``, written by the registry's HTTPS service (a bundle brought by USB
is no contact). The table is part of the registry's schema (:mod:`kiosk.registry.storage.store` imports
this module so that opening a registry creates it, in an older registry too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, case, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from kiosk.registry.storage.tables import ID_LENGTH, RegistryBase, RegistryTime


class KioskContactRow(RegistryBase):
    """A kiosk's last signed request the service accepted, and its last upload that got a receipt."""

    __tablename__ = "kiosk_contacts"

    kiosk_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    contact_at: Mapped[datetime] = mapped_column(RegistryTime())
    upload_at: Mapped[datetime | None] = mapped_column(RegistryTime())


@dataclass(frozen=True, slots=True)
class KioskContact:
    kiosk_id: str
    contact_at: datetime
    upload_at: datetime | None


def _table() -> Table:
    table: Table = KioskContactRow.__table__  # type: ignore[assignment]
    return table


def record_contact(session: Session, kiosk_id: str, at: datetime, upload: bool) -> None:
    """Note that ``kiosk_id`` reached the registry at ``at`` (with an upload when ``upload``).

    A time already recorded is never moved back, so workers writing out of order keep the latest.
    """
    table = _table()
    dialect: Any = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(
        kiosk_id=kiosk_id, contact_at=at, upload_at=at if upload else None
    )
    # Times are fixed-width UTC ISO text, so comparing the text compares the times.
    later = {
        "contact_at": case(
            (statement.excluded.contact_at > table.c.contact_at, statement.excluded.contact_at),
            else_=table.c.contact_at,
        )
    }
    if upload:
        later["upload_at"] = case(
            (
                table.c.upload_at.is_(None) | (statement.excluded.upload_at > table.c.upload_at),
                statement.excluded.upload_at,
            ),
            else_=table.c.upload_at,
        )
    session.execute(statement.on_conflict_do_update(index_elements=[table.c.kiosk_id], set_=later))


def kiosk_contacts(session: Session) -> dict[str, KioskContact]:
    """Every kiosk's recorded contact, by kiosk id."""
    return {
        row.kiosk_id: KioskContact(row.kiosk_id, row.contact_at, row.upload_at)
        for row in session.scalars(select(KioskContactRow))
    }
