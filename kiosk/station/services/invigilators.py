"""Invigilator accounts: names and PINs (stored only hashed), and checking a typed PIN."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kiosk.domain.errors import InputError, RuleError
from kiosk.formats.secrets import hash_secret, new_pin, verify_secret
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.records import InvigilatorRecord
from kiosk.station.storage.repositories import audit, people

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
MAX_NAME_LENGTH = 200
WRONG_PIN = guesses.WrongGuess(
    "invigilator.pin_wrong", "invigilator.pin_wrong_last_try", "invigilator.pin_wrong_now_locked"
)
_PIN = re.compile(r"[0-9]+")
# Six-digit PINs that lead the lists of leaked PINs and are not caught by the rules of ``weak_pin``.
_COMMON_PINS = frozenset({"112233", "159753", "147258", "147369", "258369", "159357", "789456", "654123"})


@dataclass(frozen=True, slots=True)
class InvigilatorInfo:
    name: str
    active: bool


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("invigilator.name_empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError("invigilator.name_too_long", max_length=MAX_NAME_LENGTH)
    return cleaned


def _clean_pin(pin: str | None) -> str:
    """The PIN to set: ``pin`` without spaces, refused when malformed or easy to guess; or a new one."""
    if pin is None:
        generated = new_pin()
        while weak_pin(generated) is not None:
            generated = new_pin()
        return generated
    cleaned = "".join(pin.split())
    if not _PIN.fullmatch(cleaned) or not MIN_PIN_DIGITS <= len(cleaned) <= MAX_PIN_DIGITS:
        raise InputError("invigilator.pin_invalid", min_digits=MIN_PIN_DIGITS, max_digits=MAX_PIN_DIGITS)
    weakness = weak_pin(cleaned)
    if weakness is not None:
        raise InputError(weakness)
    return cleaned


def weak_pin(pin: str) -> str | None:
    """The error code saying why a PIN of digits is among the first an intruder would try, or None.

    Refused: one digit repeated (``000000``), a run up or down (``123456``, ``987654``, ``890123``), a short
    group repeated (``121212``, ``123123``), the same read backwards (``123321``), and a few PINs that top
    every list of leaked PINs.
    """
    if len(set(pin)) == 1:
        return "invigilator.pin_repeated"
    steps = {(int(after) - int(before)) % 10 for before, after in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        return "invigilator.pin_sequential"
    repeats_a_group = any(pin == pin[:size] * (len(pin) // size) for size in (2, 3, 4))
    if repeats_a_group or pin == pin[::-1] or pin in _COMMON_PINS:
        return "invigilator.pin_pattern"
    return None


def create_invigilator(ctx: KioskContext, name: str, pin: str | None = None) -> str:
    """Add an invigilator account and return its PIN (generated unless given); only its hash is kept."""
    cleaned = _clean_name(name)
    chosen = _clean_pin(pin)
    pin_hash = hash_secret(chosen, ctx.hash_cost)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        if people.get_invigilator(session, cleaned) is not None:
            raise InputError("invigilator.exists", name=cleaned)
        people.add_invigilator(session, cleaned, pin_hash, now)
        audit.add_event(session, "invigilator_added", now, detail={"name": cleaned})
    return chosen


def _require(ctx: KioskContext, name: str) -> InvigilatorRecord:
    with ctx.store.session() as session:
        record = people.get_invigilator(session, _clean_name(name))
    if record is None:
        raise InputError("invigilator.unknown", name=name)
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
        raise RuleError("invigilator.none_active")
    typed = "".join(pin.split())
    if typed:
        for record in active:
            if verify_secret(typed, record.pin_hash):
                guesses.record_success(ctx, limit)
                return record.name
    raise guesses.wrong_guess(ctx, WRONG_PIN, limit)
