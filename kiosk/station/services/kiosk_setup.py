"""Setting a PC up as a kiosk: its identity in the store and its signing key in the data folder."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.domain.errors import FileWriteError, InputError, RuleError
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, load_identity, write_identity
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import audit, identity
from kiosk.support.files import PRIVATE

MAX_NAME_LENGTH = 200
# The error code for a PC that has not been through ``kiosk init``.
NOT_SET_UP = "kiosk.not_set_up"


@dataclass(frozen=True, slots=True)
class KioskInfo:
    """Who this kiosk is: a generated id, the centre and the name staff know the PC by."""

    kiosk_id: str
    centre_name: str
    kiosk_name: str
    key_id: str
    created_at: datetime


def _clean_name(value: str, empty: str, too_long: str) -> str:
    """``value`` with its spaces tidied; ``empty`` and ``too_long`` are the error codes for this name."""
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InputError(empty)
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError(too_long, max_length=MAX_NAME_LENGTH)
    return cleaned


def init_kiosk(ctx: KioskContext, centre_name: str, kiosk_name: str) -> KioskInfo:
    """Give this PC its kiosk identity and signing key; refused if it already has one."""
    centre = _clean_name(centre_name, "kiosk.centre_name_empty", "kiosk.centre_name_too_long")
    name = _clean_name(kiosk_name, "kiosk.kiosk_name_empty", "kiosk.kiosk_name_too_long")
    with ctx.store.session() as session:
        existing = identity.get_kiosk(session)
    if existing is not None:
        raise RuleError(
            "kiosk.already_set_up",
            kiosk_id=existing.kiosk_id,
            kiosk_name=existing.kiosk_name,
            centre=existing.centre_name,
        )
    kiosk_id = secrets.token_hex(4).upper()
    key = generate_identity(KeyKind.KIOSK, f"kiosk-{kiosk_id.lower()}")
    key_path = ctx.keys_dir / f"{key.name}.key"
    try:
        # Both halves owner-only like everything in the data folder; the public half travels by enrolment.
        write_identity(key, ctx.keys_dir, public_mode=PRIVATE)
    except FileWriteError:
        # The private half may have landed before the public half failed; left alone it would block the
        # next try.
        _remove_key(key_path)
        raise
    now = ctx.clock.wall()
    try:
        with ctx.store.transaction() as session:
            record = identity.create_kiosk(session, kiosk_id, centre, name, key_path.name, now)
            audit.add_event(
                session, "kiosk_initialised", now, detail={"kiosk_id": kiosk_id, "key": key.key_id}
            )
    except BaseException:
        # Without its row the key file is an orphan that would block the next try.
        _remove_key(key_path)
        raise
    return KioskInfo(record.kiosk_id, record.centre_name, record.kiosk_name, key.key_id, record.created_at)


def _remove_key(key_path: Path) -> None:
    key_path.unlink(missing_ok=True)
    key_path.with_suffix(".pub").unlink(missing_ok=True)


def kiosk_info(ctx: KioskContext) -> KioskInfo | None:
    """This kiosk's identity, or None if ``kiosk init`` has not been run."""
    with ctx.store.session() as session:
        record = identity.get_kiosk(session)
    if record is None:
        return None
    key = load_kiosk_identity(ctx, record.key_file)
    return KioskInfo(record.kiosk_id, record.centre_name, record.kiosk_name, key.key_id, record.created_at)


def require_kiosk(ctx: KioskContext) -> KioskInfo:
    """This kiosk's identity; RuleError saying how to set it up if it has none."""
    info = kiosk_info(ctx)
    if info is None:
        raise RuleError(NOT_SET_UP)
    return info


def load_kiosk_identity(ctx: KioskContext, key_file: str | None = None) -> PrivateIdentity:
    """This kiosk's private identity (for signing result bundles)."""
    if key_file is None:
        with ctx.store.session() as session:
            record = identity.get_kiosk(session)
        if record is None:
            raise RuleError(NOT_SET_UP)
        key_file = record.key_file
    return load_identity(ctx.keys_dir / key_file)
