"""Setting a PC up as a kiosk: its identity in the store and its signing key in the data folder."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.errors import InputError, RuleError
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, load_identity, write_identity
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import audit, identity

MAX_NAME_LENGTH = 200
NOT_SET_UP = "This PC is not set up as a kiosk yet; run 'kiosk init --centre NAME --kiosk NAME' first."


@dataclass(frozen=True, slots=True)
class KioskInfo:
    """Who this kiosk is: a generated id, the centre and the name staff know the PC by."""

    kiosk_id: str
    centre_name: str
    kiosk_name: str
    key_id: str
    created_at: datetime


def _clean_name(value: str, what: str, example: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InputError(f"The {what} is empty; give one, for example {example}.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError(f"The {what} is longer than {MAX_NAME_LENGTH} characters; shorten it.")
    return cleaned


def init_kiosk(ctx: KioskContext, centre_name: str, kiosk_name: str) -> KioskInfo:
    """Give this PC its kiosk identity and signing key; refused if it already has one."""
    centre = _clean_name(centre_name, "centre name", "'CZVTC Lusaka'")
    name = _clean_name(kiosk_name, "kiosk name", "'Lab 2 PC 14'")
    with ctx.store.session() as session:
        existing = identity.get_kiosk(session)
    if existing is not None:
        raise RuleError(
            f"This PC is already set up as kiosk {existing.kiosk_id} ('{existing.kiosk_name}' at "
            f"{existing.centre_name}); its identity cannot change."
        )
    kiosk_id = secrets.token_hex(4).upper()
    key = generate_identity(KeyKind.KIOSK, f"kiosk-{kiosk_id.lower()}")
    key_path, _ = write_identity(key, ctx.keys_dir)
    now = ctx.clock.wall()
    try:
        with ctx.store.transaction() as session:
            record = identity.create_kiosk(session, kiosk_id, centre, name, key_path.name, now)
            audit.add_event(
                session, "kiosk_initialised", now, detail={"kiosk_id": kiosk_id, "key": key.key_id}
            )
    except BaseException:
        # Without its row the key file is an orphan that would block the next try.
        key_path.unlink(missing_ok=True)
        key_path.with_suffix(".pub").unlink(missing_ok=True)
        raise
    return KioskInfo(record.kiosk_id, record.centre_name, record.kiosk_name, key.key_id, record.created_at)


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
