"""Invigilator accounts: names and PINs (stored only hashed), and checking a typed PIN."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.formats.secrets import hash_secret, new_pin, verify_secret
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.records import InvigilatorRecord
from kiosk.station.storage.repositories import audit, people

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
_PIN = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class InvigilatorInfo:
    name: str
    active: bool


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("The invigilator's name is empty; give the name colleagues know them by.")
    if len(cleaned) > 200:
        raise InputError("The invigilator's name is longer than 200 characters; shorten it.")
    return cleaned


def _clean_pin(pin: str | None) -> str:
    if pin is None:
        return new_pin()
    cleaned = "".join(pin.split())
    if not _PIN.fullmatch(cleaned) or not MIN_PIN_DIGITS <= len(cleaned) <= MAX_PIN_DIGITS:
        raise InputError(
            f"A PIN must be {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits; leave it out to have one generated."
        )
    return cleaned


def create_invigilator(ctx: KioskContext, name: str, pin: str | None = None) -> str:
    """Add an invigilator account and return its PIN (generated unless given); only its hash is kept."""
    cleaned = _clean_name(name)
    chosen = _clean_pin(pin)
    pin_hash = hash_secret(chosen, ctx.hash_cost)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        if people.get_invigilator(session, cleaned) is not None:
            raise InputError(
                f"An invigilator named '{cleaned}' already exists; use reset-pin to give a new PIN."
            )
        people.add_invigilator(session, cleaned, pin_hash, now)
        audit.add_event(session, "invigilator_added", now, detail={"name": cleaned})
    return chosen


def _require(ctx: KioskContext, name: str) -> InvigilatorRecord:
    with ctx.store.session() as session:
        record = people.get_invigilator(session, _clean_name(name))
    if record is None:
        raise InputError(
            f"There is no invigilator named '{name}'; check the spelling with 'kiosk invigilator list'."
        )
    return record


def reset_pin(ctx: KioskContext, name: str, pin: str | None = None) -> str:
    """Give an invigilator a new PIN (generated unless given) and return it; reactivates the account."""
    record = _require(ctx, name)
    chosen = _clean_pin(pin)
    pin_hash = hash_secret(chosen, ctx.hash_cost)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        people.set_pin_hash(session, record.id, pin_hash)
        people.set_active(session, record.id, True)
        audit.add_event(session, "invigilator_pin_reset", now, detail={"name": record.name})
    return chosen


def deactivate(ctx: KioskContext, name: str) -> None:
    """Stop an invigilator's PIN from working (the account is kept for the audit trail)."""
    record = _require(ctx, name)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        people.set_active(session, record.id, False)
        audit.add_event(session, "invigilator_deactivated", now, detail={"name": record.name})


def list_invigilators(ctx: KioskContext) -> list[InvigilatorInfo]:
    with ctx.store.session() as session:
        records = people.list_invigilators(session)
    return [InvigilatorInfo(record.name, record.active) for record in records]


def check_pin(ctx: KioskContext, pin: str) -> str:
    """The name of the active invigilator whose PIN this is; wrong guesses are counted and limited."""
    limit = guesses.pin_limit()
    guesses.ensure_allowed(ctx, limit)
    with ctx.store.session() as session:
        active = people.list_invigilators(session, active_only=True)
    if not active:
        raise RuleError(
            "No invigilator account is active on this kiosk; the administrator must add one with "
            "'kiosk invigilator add NAME'."
        )
    typed = "".join(pin.split())
    if typed:
        for record in active:
            if verify_secret(typed, record.pin_hash):
                guesses.record_success(ctx, limit)
                return record.name
    left = guesses.record_failure(ctx, limit)
    raise SecurityError(f"That invigilator PIN is not correct. {guesses.tries_left_phrase(left, limit)}")
