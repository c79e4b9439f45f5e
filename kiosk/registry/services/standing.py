"""Whether a held result may be printed, and the administrator's decisions that settle second results.

An attempt's *standing* is, in this order of precedence:

- ``void``: an administrator voided it (it never prints);
- ``flagged``: its marks or answer journal did not check out, so it is not filed as a result;
- ``second``: the registry holds another live result for the same candidate, bank and day, and no
  administrator has kept this one (both print only once someone decides, with who and why recorded);
- ``pending``: the registry does not hold its bank version yet, so it is not rescored;
- ``ready``: rescored, and nothing holds it back.

Slips and certificates print for ``ready`` attempts only. A *live* result is one not flagged and not voided:
voiding one of two results leaves the other alone, and so free to print.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from kiosk.domain.errors import InputError, Notice, RuleError
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage import reads as registry_reads
from kiosk.registry.storage.repo import (
    PENDING,
    AttemptCheck,
    Decision,
    Sitter,
    add_decision,
    checks_of,
    decisions_of,
    sitters,
)
from kiosk.registry.storage.store import RegistrySession

FLAGGED = "flagged"
KEEP = "keep"
VOID = "void"
# Longest name and reason a decision keeps.
MAX_NAME = 200
MAX_REASON = 2000


class Standing(StrEnum):
    READY = "ready"
    PENDING = "pending"
    FLAGGED = "flagged"
    SECOND = "second"
    VOID = "void"


@dataclass(frozen=True, slots=True)
class Stand:
    """An attempt's standing and, unless it is ready, why, as a notice to word at the edge."""

    attempt_id: str
    standing: Standing
    reason: Notice | None = None

    @property
    def ready(self) -> bool:
        return self.standing is Standing.READY


class Sitting(Protocol):
    """Whose attempt it is and on which bank: what every rule about second results starts from."""

    @property
    def attempt_id(self) -> str: ...
    @property
    def candidate_number(self) -> str: ...
    @property
    def bank_id(self) -> str: ...


class Sat(Sitting, Protocol):
    """What standing needs to know of a held attempt."""

    @property
    def bank_version(self) -> int: ...
    @property
    def sitting_date(self) -> str | None: ...
    @property
    def finished_at(self) -> datetime | None: ...


def _day(sat: Sat | Sitter) -> str:
    if sat.sitting_date:
        return sat.sitting_date
    return sat.finished_at.date().isoformat() if sat.finished_at else ""


def _groups(found: Iterable[Sitter]) -> dict[tuple[str, str, str], list[str]]:
    """Attempt ids by (candidate, bank, day)."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for sitter in found:
        groups[(sitter.candidate_number, sitter.bank_id, _day(sitter))].append(sitter.attempt_id)
    return groups


def _live(check: AttemptCheck | None, decision: Decision | None) -> bool:
    return (check is None or check.state != FLAGGED) and (decision is None or decision.decision != VOID)


class Fresh(Sitting, Protocol):
    """What the second-result check needs to know of an attempt just stored."""

    @property
    def day(self) -> str: ...


def second_results(session: RegistrySession, fresh: Sequence[Fresh]) -> list[Notice]:
    """A note for each of ``fresh`` (just stored, not flagged) whose candidate has another live result on
    the same bank and day."""
    if not fresh:
        return []
    groups = _groups(sitters(session, {attempt.candidate_number for attempt in fresh}))
    rivals = {
        attempt.attempt_id: [
            other
            for other in groups[(attempt.candidate_number, attempt.bank_id, attempt.day)]
            if other != attempt.attempt_id
        ]
        for attempt in fresh
    }
    others = {other for found in rivals.values() for other in found}
    if not others:
        return []
    checks, decisions = checks_of(session, others), decisions_of(session, others)
    notes = []
    for attempt in fresh:
        live = sorted(
            other for other in rivals[attempt.attempt_id] if _live(checks[other], decisions.get(other))
        )
        if live:
            notes.append(
                Notice(
                    "registry_import.second_result",
                    attempt=attempt.attempt_id,
                    other=live[0],
                    candidate=attempt.candidate_number,
                    bank=attempt.bank_id,
                    day=attempt.day,
                )
            )
    return notes


def standings(session: RegistrySession, held: Sequence[Sat]) -> dict[str, Stand]:
    """The standing of each of ``held``, by attempt id."""
    ids = [sat.attempt_id for sat in held]
    groups = _groups(sitters(session, {sat.candidate_number for sat in held}))
    everyone = {attempt_id for group in groups.values() for attempt_id in group} | set(ids)
    checks, decisions = checks_of(session, everyone), decisions_of(session, everyone)
    found = {}
    for sat in held:
        attempt_id = sat.attempt_id
        found[attempt_id] = _stand(sat, groups, checks, decisions)
    return found


def _stand(
    sat: Sat,
    groups: dict[tuple[str, str, str], list[str]],
    checks: dict[str, AttemptCheck],
    decisions: dict[str, Decision],
) -> Stand:
    attempt_id = sat.attempt_id
    decision = decisions.get(attempt_id)
    if decision is not None and decision.decision == VOID:
        reason = Notice("results.standing_void", attempt=attempt_id, by=decision.decided_by, why=decision.why)
        return Stand(attempt_id, Standing.VOID, reason)
    check = checks.get(attempt_id) or AttemptCheck(attempt_id, PENDING)
    if check.state == FLAGGED:
        return Stand(attempt_id, Standing.FLAGGED, _flag_reason(check))
    day = _day(sat)
    rivals = sorted(
        other
        for other in groups.get((sat.candidate_number, sat.bank_id, day), [])
        if other != attempt_id and _live(checks.get(other), decisions.get(other))
    )
    if rivals and (decision is None or decision.decision != KEEP):
        reason = Notice(
            "results.standing_second",
            attempt=attempt_id,
            candidate=sat.candidate_number,
            bank=sat.bank_id,
            day=day,
            others=", ".join(rivals),
        )
        return Stand(attempt_id, Standing.SECOND, reason)
    if check.state != "rescored":
        reason = Notice(
            "results.standing_pending", attempt=attempt_id, bank=sat.bank_id, version=sat.bank_version
        )
        return Stand(attempt_id, Standing.PENDING, reason)
    return Stand(attempt_id, Standing.READY)


def _flag_reason(check: AttemptCheck) -> Notice:
    """The notice a flagged attempt was kept aside with, as recorded."""
    try:
        params = json.loads(check.reason_json or "{}")
    except ValueError:
        params = None
    if not check.reason_code or not isinstance(params, dict):
        return Notice("results.standing_flagged", attempt=check.attempt_id)
    return Notice(check.reason_code, **params)


def withheld(ctx: RegistryContext) -> list[Stand]:
    """Every held attempt that cannot be printed now, with why, by attempt id."""
    with ctx.database.session() as session:
        suspects = registry_reads.withheld_suspects(session)
        held = registry_reads.results(session, suspects)
        found = standings(session, held)
    return sorted((stand for stand in found.values() if not stand.ready), key=lambda stand: stand.attempt_id)


@dataclass(frozen=True, slots=True)
class Decided:
    """A recorded decision, and the standing of the attempt and of its rivals after it."""

    decision: Decision
    stands: tuple[Stand, ...]


def decide(ctx: RegistryContext, attempt_id: str, keep: bool, by: str, why: str) -> Decided:
    """Record an administrator's decision to keep or void an attempt, with who decided and why.

    Keeping an attempt lets it print although the registry holds another result for the same candidate,
    bank and day; voiding one means it never prints (and no longer holds back the others). A flagged
    attempt can be voided but not kept: its marks are not the registry's.
    """
    by, why = by.strip(), why.strip()
    if not by or len(by) > MAX_NAME:
        raise InputError("registry_decide.name_needed", limit=MAX_NAME)
    if not why or len(why) > MAX_REASON:
        raise InputError("registry_decide.reason_needed", limit=MAX_REASON)
    decision = Decision(attempt_id, KEEP if keep else VOID, by, why, ctx.now())
    with ctx.database.transaction() as session:
        found = registry_reads.results(session, [attempt_id])
        if not found:
            raise InputError("results.attempt_not_held", attempt=attempt_id)
        held = found[0]
        if keep and checks_of(session, [attempt_id])[attempt_id].state == FLAGGED:
            raise RuleError("registry_decide.flagged", attempt=attempt_id)
        add_decision(session, decision)
    with ctx.database.session() as session:
        same = [
            sitter.attempt_id
            for sitter in sitters(session, [held.candidate_number])
            if (sitter.bank_id, _day(sitter)) == (held.bank_id, _day(held))
        ]
        after = standings(session, registry_reads.results(session, same))
    return Decided(decision, tuple(after[attempt] for attempt in sorted(after)))
