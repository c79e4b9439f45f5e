"""Invigilator accounts: names and PINs (stored only hashed), checking a typed PIN, and PIN lockouts.

Five wrong PINs on a kiosk lock every PIN out for ten minutes (:mod:`kiosk.station.services.guesses`), which
a candidate could use to keep the invigilator away. So a lockout is logged as an incident of the sitting
it happened in, and it can be cleared at once by another invigilator's PIN (itself limited to five wrong
tries) or by the centre's recovery code: a long code shown once when the kiosk is set up, kept only as an
Argon2 hash, and never limited because it cannot be guessed. Each clearing is logged too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kiosk.domain.attempt import IncidentCategory
from kiosk.domain.errors import InputError, RuleError, SecurityError
from kiosk.formats.encoding import normalise_code, random_code
from kiosk.formats.secrets import hash_secret, new_pin, verify_secret
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext
from kiosk.station.services.kiosk_setup import NOT_SET_UP
from kiosk.station.storage.records import InvigilatorRecord
from kiosk.station.storage.repositories import audit, identity, people
from kiosk.station.storage.repositories import sittings as sitting_rows

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
MAX_NAME_LENGTH = 200
WRONG_PIN = guesses.WrongGuess(
    "invigilator.pin_wrong", "invigilator.pin_wrong_last_try", "invigilator.pin_wrong_now_locked"
)
WRONG_OVERRIDE = guesses.WrongGuess(
    "invigilator.override_wrong",
    "invigilator.override_wrong_last_try",
    "invigilator.override_wrong_now_locked",
)
# Who cleared a lockout when it was the recovery code, and who records the lockout itself.
BY_RECOVERY_CODE = "recovery code"
RECORDED_BY_KIOSK = "kiosk"
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


def check_pin(
    ctx: KioskContext, pin: str, *, sitting_id: int | None = None, attempt_id: str | None = None
) -> str:
    """The name of the active invigilator whose PIN this is; wrong guesses are counted and limited.

    The wrong guess that locks PINs out is logged: an event, and an incident of ``sitting_id`` (and
    ``attempt_id``) when the PIN was typed during a sitting.
    """
    limit = guesses.pin_limit()
    guesses.ensure_allowed(ctx, limit)
    name = _matching_invigilator(ctx, pin)
    if name is not None:
        guesses.record_success(ctx, limit)
        return name
    error = guesses.wrong_guess(ctx, WRONG_PIN, limit)
    if error.code == WRONG_PIN.now_locked:
        _log_lockout(ctx, limit, sitting_id, attempt_id)
    raise error


def _matching_invigilator(ctx: KioskContext, pin: str) -> str | None:
    """The active invigilator whose PIN ``pin`` is; None when it is nobody's. RuleError without any."""
    with ctx.store.session() as session:
        active = people.list_invigilators(session, active_only=True)
    if not active:
        raise RuleError("invigilator.none_active")
    typed = "".join(pin.split())
    if typed:
        for record in active:
            if verify_secret(typed, record.pin_hash):
                return record.name
    return None


def _log_lockout(
    ctx: KioskContext, limit: guesses.GuessLimit, sitting_id: int | None, attempt_id: str | None
) -> None:
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        # Typed on the unlock screen, the PIN names a sitting the store may not hold: no incident then.
        if sitting_id is not None and sitting_rows.get_sitting(session, sitting_id) is None:
            sitting_id = attempt_id = None
        audit.add_event(
            session,
            "pin_locked",
            now,
            attempt_id=attempt_id,
            sitting_id=sitting_id,
            detail={"failures": limit.max_failures, "minutes": limit.window_minutes},
        )
        if sitting_id is not None:
            audit.add_incident(
                session,
                sitting_id,
                attempt_id,
                IncidentCategory.PIN_LOCKOUT.value,
                f"{limit.max_failures} wrong invigilator PINs were typed on this kiosk, so PINs are refused "
                f"for up to {limit.window_minutes} minutes unless another invigilator's PIN or the centre's "
                "recovery code clears the lock.",
                now,
                None,
                RECORDED_BY_KIOSK,
                now,
            )


def pins_locked(ctx: KioskContext) -> bool:
    """Whether invigilator PINs are locked out on this kiosk now (too many wrong ones)."""
    return guesses.is_locked(ctx, guesses.pin_limit())


def clear_pin_lockout(
    ctx: KioskContext, secret: str, *, sitting_id: int | None = None, attempt_id: str | None = None
) -> str:
    """Lift a PIN lockout with another invigilator's PIN or the centre's recovery code; returns who did.

    Digits are taken as a PIN (limited by their own count of wrong tries), anything else as the recovery
    code. RuleError ``invigilator.pin_not_locked`` when there is no lockout to clear.
    """
    limit = guesses.pin_limit()
    if not guesses.is_locked(ctx, limit):
        raise RuleError("invigilator.pin_not_locked")
    typed = "".join(secret.split())
    override = guesses.pin_override_limit()
    if _PIN.fullmatch(typed):
        guesses.ensure_allowed(ctx, override)
        name = _matching_invigilator(ctx, typed)
        if name is None:
            raise guesses.wrong_guess(ctx, WRONG_OVERRIDE, override)
        who = name
    else:
        with ctx.store.session() as session:
            stored = identity.recovery_code_hash(session)
        if stored is None:
            raise RuleError("invigilator.no_recovery_code")
        code = normalise_code(typed)
        if not code or not verify_secret(code, stored):
            raise SecurityError("invigilator.recovery_code_wrong")
        who = BY_RECOVERY_CODE
    guesses.record_success(ctx, limit, override)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        audit.add_event(
            session, "pin_lock_cleared", now, attempt_id=attempt_id, sitting_id=sitting_id, detail={"by": who}
        )
        if sitting_id is not None:
            audit.add_incident(
                session,
                sitting_id,
                attempt_id,
                IncidentCategory.PIN_LOCKOUT.value,
                "The invigilator PIN lockout was cleared with "
                + ("the centre's recovery code." if who == BY_RECOVERY_CODE else f"the PIN of {who}."),
                now,
                None,
                who,
                now,
            )
    return who


def issue_recovery_code(ctx: KioskContext) -> str:
    """A new recovery code for this kiosk, returned to be shown once; only its hash is kept, and the code
    issued before it stops working."""
    code = random_code(4, 4)
    while _PIN.fullmatch(normalise_code(code)):
        # Digits alone would be taken for a PIN (a chance of about one in a billion).
        code = random_code(4, 4)
    code_hash = hash_secret(normalise_code(code), ctx.hash_cost)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        if identity.get_kiosk(session) is None:
            raise RuleError(NOT_SET_UP)
        identity.set_recovery_code_hash(session, code_hash)
        audit.add_event(session, "recovery_code_issued", now)
    return code
