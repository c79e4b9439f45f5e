"""Rescoring at the registry: every attempt scored again from its form, its answers and the registry's own
copy of the bank, with the same domain scoring the kiosk uses, and compared with what the kiosk says.

An attempt is *rescored* (its result filed) when every mark agrees: the total, the percentage and the pass,
each item's score, the marks by competence and by area, and the rules the result names. It is *flagged*
(kept, but not filed as a result) when one differs, with a notice naming the attempt and both marks, or when
its answer journal, sent with it, does not check out. It stays *pending* while the registry does not hold its
bank version; ``kiosk registry rescore`` checks the pending ones once the bank is added. An attempt that
cannot be scored at all on its bank (an item the bank lacks, an answer that does not fit its item) is an
error: an import refuses its bundle, a later rescore flags it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import sub
from typing import Any, cast

from kiosk.domain.errors import BankError, InputError, KioskError, Notice, RuleError
from kiosk.domain.forms import Form
from kiosk.domain.items import Bank
from kiosk.domain.journal import JournalEntry, submission_code, verify_chain
from kiosk.domain.responses import Response
from kiosk.domain.scoring import BankScorer, Result
from kiosk.formats.bundle_content import AttemptContent
from kiosk.formats.result_rules import RULES_KEY, ResultRules
from kiosk.registry.services.banks import BankSource, HeldCopy, held_copy
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage import reads as registry_reads
from kiosk.registry.storage.repo import PENDING, replace_check, unchecked_attempts

RESCORED = "rescored"
FLAGGED = "flagged"
# Marks agree when they differ by no more than the kiosk's rounding (points to 4 decimals, percent to 2).
_POINTS_SLACK = 1e-3
_PERCENT_SLACK = 0.011


@dataclass(frozen=True, slots=True)
class Claim:
    """What a kiosk says one attempt came to, and what it says it worked that out from."""

    attempt_id: str
    certificate: str
    grade: int
    form: Form
    answers: Mapping[str, object]
    """Each item's final response as sent (None when not answered)."""
    item_scores: Mapping[str, float]
    """Each item's score as the response lines give it."""
    result: Mapping[str, Any]
    """The result as the kiosk wrote it (``Result.to_dict`` with its optional rules)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What checking an attempt found: its state, the registry's result, and why it was flagged."""

    attempt_id: str
    state: str
    result: Result | None = None
    bank_digest: str | None = None
    problem: Notice | None = None

    def row(self, now: datetime | None) -> dict[str, object]:
        """The ``attempt_checks`` row recording this finding (``now`` may be set by the caller instead)."""
        result = self.result
        return {
            "attempt_id": self.attempt_id,
            "state": self.state,
            "bank_digest": self.bank_digest,
            "earned": None if result is None else round(result.earned, 4),
            "possible": None if result is None else round(result.possible, 4),
            "percent": None if result is None else round(result.percent, 2),
            "passed": None if result is None else result.passed,
            "reason_code": None if self.problem is None else self.problem.code,
            "reason_json": None if self.problem is None else json.dumps(self.problem.params, default=str),
            "checked_at": now,
        }


def claim_of(attempt: AttemptContent) -> Claim:
    """The claim an imported attempt makes."""
    lines = attempt.lines
    return Claim(
        attempt.attempt_id,
        attempt.certificate,
        attempt.grade,
        attempt.form,
        dict(zip(lines.item_ids, lines.responses, strict=True)),
        dict(zip(lines.item_ids, lines.scores, strict=True)),
        attempt.raw["result"],
    )


def rescore(bank: Bank, claim: Claim, digest: str | None = None, scorer: BankScorer | None = None) -> Finding:
    """Score ``claim``'s answers on ``bank`` and compare every mark with the claim.

    ``scorer``, a :class:`BankScorer` of ``bank``, scores many claims faster than one made for each.
    Raises InputError (``registry_rescore.item_not_in_bank`` or ``registry_rescore.answer_unfit``) when the
    attempt cannot be scored on this bank at all.
    """
    attempt = claim.attempt_id
    if (claim.certificate, claim.grade) != (bank.certificate.value, bank.grade):
        other = Notice(
            "registry_rescore.other_certificate",
            attempt=attempt,
            certificate=claim.certificate,
            grade=claim.grade,
            bank=bank.bank_id,
            version=bank.version,
        )
        return Finding(attempt, FLAGGED, None, digest, other)
    result = _score(bank, claim, scorer if scorer is not None and scorer.bank is bank else BankScorer(bank))
    problem = _difference(claim, result, bank)
    return Finding(attempt, RESCORED if problem is None else FLAGGED, result, digest, problem)


def _score(bank: Bank, claim: Claim, scorer: BankScorer) -> Result:
    answers = claim.answers
    if None in answers.values():
        answers = {item_id: answer for item_id, answer in answers.items() if answer is not None}
    try:
        return scorer.score(claim.form, cast(Mapping[str, Response], answers))
    except BankError as error:
        raise InputError(
            "registry_rescore.item_not_in_bank",
            attempt=claim.attempt_id,
            item=str(error.params.get("item", "?")),
            bank=bank.bank_id,
            version=bank.version,
        ) from None
    except (InputError, RuleError) as error:
        raise InputError(
            "registry_rescore.answer_unfit", attempt=claim.attempt_id, item=str(error.params.get("item", "?"))
        ) from None


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    return str(value)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _differs(kiosk: object, registry: float, slack: float = _POINTS_SLACK) -> bool:
    number = _number(kiosk)
    return number is None or not math.isfinite(number) or abs(number - registry) > slack


def _difference(claim: Claim, result: Result, bank: Bank) -> Notice | None:
    """The first mark in which the claim and the registry's result differ, as a notice; None if none."""
    attempt = claim.attempt_id
    claimed = claim.result
    mark = round(result.percent, 2)
    if _differs(claimed.get("percent"), result.percent, _PERCENT_SLACK) or _differs(
        claimed.get("earned"), result.earned
    ):
        return Notice(
            "registry_rescore.mark_differs",
            attempt=attempt,
            kiosk=_shown(claimed.get("percent")),
            registry=_shown(mark),
        )

    def part(name: str, kiosk: object, registry: object) -> Notice:
        return Notice(
            "registry_rescore.part_differs",
            attempt=attempt,
            field=name,
            kiosk=_shown(kiosk),
            registry=_shown(registry),
            mark=_shown(mark),
        )

    if _differs(claimed.get("possible"), result.possible):
        return part("result.possible", claimed.get("possible"), result.possible)
    if claimed.get("passed") is not result.passed:
        return part("result.passed", claimed.get("passed"), result.passed)
    item = _first_differing(claim.item_scores, result.item_scores)
    if item is not None:
        return part(f"responses.{item}.score", claim.item_scores.get(item, "-"), result.item_scores[item])
    scores = claimed.get("item_scores")
    if isinstance(scores, Mapping):
        item = _first_differing(scores, result.item_scores)
        if item is not None:
            return part(f"result.item_scores.{item}", scores.get(item, "-"), result.item_scores[item])
    ours = {
        "by_competence": {key: (part.earned, part.possible) for key, part in result.by_competence.items()},
        "by_area": {area.value: (part.earned, part.possible) for area, part in result.by_area.items()},
    }
    for name, parts in ours.items():
        found = _parts_difference(name, claimed.get(name), parts)
        if found is not None:
            return part(*found)
    rules = claimed.get(RULES_KEY)
    if rules is not None and rules != ResultRules.of_bank(bank, claim.form).to_dict():
        expected = ResultRules.of_bank(bank, claim.form)
        shown = rules.get("pass_mark") if isinstance(rules, Mapping) else rules
        return part(f"result.{RULES_KEY}", shown, expected.pass_mark)
    return None


def _first_differing(claimed: Mapping[str, Any], ours: Mapping[str, float]) -> str | None:
    """The first item whose claimed score is not the registry's (beyond rounding), or None.

    Every item of every attempt imported is compared, so the usual case, none differing, is checked for the
    whole attempt at once; otherwise the plain loop finds the first, and anything not a number falls back
    to the careful comparison.
    """
    try:
        differences = list(map(sub, map(claimed.__getitem__, ours), ours.values()))
        # A NaN, which fails every comparison, makes the sum NaN, unequal to itself.
        if not differences or (
            min(differences) >= -_POINTS_SLACK
            and max(differences) <= _POINTS_SLACK
            and (total := sum(differences)) == total
        ):
            return None
    except (KeyError, TypeError):
        pass
    try:
        for item_id, score in ours.items():
            # NaN fails the comparison, as does a number out of the slack.
            if not -_POINTS_SLACK <= claimed[item_id] - score <= _POINTS_SLACK:
                return item_id
    except (KeyError, TypeError):
        for item_id, score in ours.items():
            if _differs(claimed.get(item_id), score):
                return item_id
    return None


def _parts_difference(
    name: str, claimed: object, ours: Mapping[str, tuple[float, float]]
) -> tuple[str, object, object] | None:
    """The first competence or area whose marks differ: (field, kiosk's value, registry's value)."""
    theirs = claimed if isinstance(claimed, Mapping) else {}
    for key in sorted(set(theirs) | set(ours)):
        kiosk_part, our_part = theirs.get(key), ours.get(key)
        if our_part is None:
            return f"result.{name}.{key}", _earned(kiosk_part), "-"
        for value, registry in zip(("earned", "possible"), our_part, strict=True):
            kiosk_value = kiosk_part.get(value) if isinstance(kiosk_part, Mapping) else None
            if _differs(kiosk_value, registry):
                shown = kiosk_value if kiosk_value is not None else "-"
                return f"result.{name}.{key}.{value}", shown, round(registry, 4)
    return None


def _earned(part: object) -> object:
    return part.get("earned", "-") if isinstance(part, Mapping) else "-"


def journal_problem(attempt: AttemptContent) -> Notice | None:
    """Whether the answer journal sent with an attempt checks out and ends in the answers sent.

    None when it does, or when the bundle carries no journal entries (the chain is then checked on the
    kiosk before export only).
    """
    entries = attempt.journal_entries
    if entries is None:
        return None
    broken = Notice("registry_rescore.journal_broken", attempt=attempt.attempt_id)
    if len(entries) != attempt.journal_length:
        return broken
    if verify_chain(attempt.attempt_id, list(entries), expected_head=attempt.journal_head):
        return broken
    last: dict[str, JournalEntry] = {}
    for entry in entries:
        last[entry.item_id] = entry
    lines = attempt.lines
    for item_id, response in zip(lines.item_ids, lines.responses, strict=True):
        final = last.get(item_id)
        try:
            journalled = None if final is None else json.loads(final.response_json)
        except ValueError:
            return broken
        if journalled != response:
            return Notice("registry_rescore.answer_not_journalled", attempt=attempt.attempt_id, item=item_id)
    if set(last) - set(lines.item_ids):
        return broken
    return None


def submission_problem(attempt: AttemptContent) -> Notice | None:
    """Whether the submission code sent is the one the attempt's journal head gives (None when it is).

    The candidate saw that code on the end screen and finds it again on the slip; an attempt whose answers
    were rewritten after submission (journal recomputed) no longer matches the code the candidate saw.
    """
    if attempt.submission_code is None:
        return None
    recomputed = submission_code(attempt.attempt_id, attempt.journal_head)
    if attempt.submission_code == recomputed:
        return None
    return Notice(
        "registry_rescore.submission_code_wrong",
        attempt=attempt.attempt_id,
        sent=attempt.submission_code,
        recomputed=recomputed,
    )


def check_attempt(ctx: RegistryContext, attempt: AttemptContent) -> Finding:
    """Check one imported attempt: its journal when sent, then its marks on the held bank (pending if none).

    Raises InputError when it cannot be scored on the held bank at all (see :func:`rescore`).
    """
    return AttemptChecks(ctx).check([attempt])[attempt.attempt_id]


class AttemptChecks:
    """Checks attempts as :func:`check_attempt` does, for one import or rescoring run.

    Each held bank version scores through one :class:`BankScorer`, which remembers the points each answer
    to each item earns, and a batch of attempts (a bundle's) asks the database about each bank version
    once, not once per attempt: a version another administrator adds meanwhile is seen from the next batch.
    """

    def __init__(self, ctx: BankSource) -> None:
        self.ctx = ctx
        self._scorers: dict[tuple[str, int], BankScorer] = {}

    def scorer(self, copy: HeldCopy) -> BankScorer:
        """The scorer of a held copy, made on first use."""
        key = (copy.bank.bank_id, copy.bank.version)
        scorer = self._scorers.get(key)
        if scorer is None or scorer.bank is not copy.bank:
            scorer = self._scorers[key] = BankScorer(copy.bank)
        return scorer

    def held(
        self, bank_id: str, version: int, batch: dict[tuple[str, int], HeldCopy | None]
    ) -> HeldCopy | None:
        """The held copy of a bank version, looked up once per ``batch``."""
        key = (bank_id, version)
        if key not in batch:
            batch[key] = held_copy(self.ctx, bank_id, version)
        return batch[key]

    def check(self, attempts: Sequence[AttemptContent]) -> dict[str, Finding]:
        """The finding of each attempt, by id; raises InputError for the first that cannot be scored."""
        batch: dict[tuple[str, int], HeldCopy | None] = {}
        findings: dict[str, Finding] = {}
        for attempt in attempts:
            problem = submission_problem(attempt) or journal_problem(attempt)
            if problem is not None:
                findings[attempt.attempt_id] = Finding(attempt.attempt_id, FLAGGED, problem=problem)
                continue
            copy = self.held(attempt.bank_id, attempt.bank_version, batch)
            if copy is None:
                findings[attempt.attempt_id] = Finding(attempt.attempt_id, PENDING)
                continue
            claim = claim_of(attempt)
            findings[attempt.attempt_id] = rescore(copy.bank, claim, copy.digest, self.scorer(copy))
        return findings


@dataclass
class RescoreReport:
    """What ``rescore_pending`` did: attempts rescored, flagged (with why), and still pending by bank."""

    rescored: int = 0
    flagged: list[Notice] = field(default_factory=list)
    pending: dict[tuple[str, int], int] = field(default_factory=dict)

    @property
    def pending_count(self) -> int:
        return sum(self.pending.values())


Progress = Callable[[int, int], None]


def rescore_pending(ctx: RegistryContext, progress: Progress | None = None) -> RescoreReport:
    """Rescore every attempt not rescored yet whose bank version the registry now holds.

    Each attempt is read back as it was imported (its form, final responses and stored result) and recorded
    as rescored or flagged; those whose bank version is still not held stay pending.
    """
    with ctx.database.session() as session:
        waiting = unchecked_attempts(session)
    report = RescoreReport()
    checks = AttemptChecks(ctx)
    for start in range(0, len(waiting), 200):
        chunk = waiting[start : start + 200]
        with ctx.database.session() as session:
            held = registry_reads.results(session, chunk)
            answers = registry_reads.responses(session, chunk)
        by_attempt: dict[str, list[registry_reads.HeldResponse]] = {}
        for answer in answers:
            by_attempt.setdefault(answer.attempt_id, []).append(answer)
        batch: dict[tuple[str, int], HeldCopy | None] = {}
        findings = [_finding(checks, batch, result, by_attempt.get(result.attempt_id, [])) for result in held]
        with ctx.database.transaction() as session:
            for finding in findings:
                if finding.state != PENDING:
                    replace_check(session, finding.row(ctx.now()))
        for result, finding in zip(held, findings, strict=True):
            if finding.state == RESCORED:
                report.rescored += 1
            elif finding.state == FLAGGED and finding.problem is not None:
                report.flagged.append(finding.problem)
            else:
                key = (result.bank_id, result.bank_version)
                report.pending[key] = report.pending.get(key, 0) + 1
        if progress is not None:
            progress(min(start + len(chunk), len(waiting)), len(waiting))
    return report


def _finding(
    checks: AttemptChecks,
    batch: dict[tuple[str, int], HeldCopy | None],
    held: registry_reads.HeldResult,
    answers: Sequence[registry_reads.HeldResponse],
) -> Finding:
    copy = checks.held(held.bank_id, held.bank_version, batch)
    if copy is None:
        return Finding(held.attempt_id, PENDING)
    try:
        claim = _stored_claim(held, answers)
        return rescore(copy.bank, claim, copy.digest, checks.scorer(copy))
    except KioskError as error:
        # Stored before rescoring existed and not scorable on the held bank: kept aside with the reason.
        return Finding(held.attempt_id, FLAGGED, None, copy.digest, Notice(error.code, **error.params))


def _stored_claim(held: registry_reads.HeldResult, answers: Sequence[registry_reads.HeldResponse]) -> Claim:
    """The claim an attempt made when it was imported, read back from what the registry stored."""
    try:
        form = Form.from_dict(json.loads(held.form_json))
        result = json.loads(held.result_json)
        responses = {
            answer.item_id: None if answer.response_json is None else json.loads(answer.response_json)
            for answer in answers
        }
    except (ValueError, KioskError):
        raise InputError("results.stored_form_unreadable", attempt=held.attempt_id) from None
    if not isinstance(result, dict):
        raise InputError("results.stored_result_unreadable", attempt=held.attempt_id)
    return Claim(
        held.attempt_id,
        held.certificate,
        held.grade,
        form,
        responses,
        {answer.item_id: answer.score for answer in answers},
        result,
    )
