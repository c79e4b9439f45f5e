"""The attempt state machine: which actions an attempt allows in each state, and incident categories."""

from __future__ import annotations

import enum

from kiosk.domain.errors import RuleError


class AttemptState(enum.StrEnum):
    """Where a candidate's attempt stands."""

    READY = "ready"
    """Form assembled, instructions shown; no time used yet."""
    RUNNING = "running"
    PAUSED = "paused"
    """Stopped by the invigilator; the clock does not run."""
    INTERRUPTED = "interrupted"
    """Found running at start-up after the kiosk stopped; an invigilator must authorise the resume."""
    SUBMITTED = "submitted"
    EXPIRED = "expired"
    """Time ran out and the attempt was submitted automatically."""


class AttemptAction(enum.StrEnum):
    """Something that can happen to an attempt."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    INTERRUPT = "interrupt"
    AUTHORISE_RESUME = "authorise_resume"
    SUBMIT = "submit"
    EXPIRE = "expire"


class IncidentCategory(enum.StrEnum):
    """Kinds of incident an invigilator or the kiosk records against an attempt."""

    POWER_OUTAGE = "power_outage"
    ILLNESS = "illness"
    TECHNICAL = "technical"
    MISCONDUCT = "misconduct"
    FOCUS_LOSS = "focus_loss"
    OTHER = "other"


_S = AttemptState
_A = AttemptAction

_TRANSITIONS: dict[tuple[AttemptState, AttemptAction], AttemptState] = {
    (_S.READY, _A.START): _S.RUNNING,
    (_S.RUNNING, _A.PAUSE): _S.PAUSED,
    (_S.PAUSED, _A.RESUME): _S.RUNNING,
    (_S.RUNNING, _A.INTERRUPT): _S.INTERRUPTED,
    (_S.INTERRUPTED, _A.AUTHORISE_RESUME): _S.RUNNING,
    (_S.RUNNING, _A.SUBMIT): _S.SUBMITTED,
    # Ending a sitting submits attempts that are paused or still waiting for an authorised resume.
    (_S.PAUSED, _A.SUBMIT): _S.SUBMITTED,
    (_S.INTERRUPTED, _A.SUBMIT): _S.SUBMITTED,
    # Time only runs while running, so nothing else can expire.
    (_S.RUNNING, _A.EXPIRE): _S.EXPIRED,
}

FINAL_STATES = frozenset({AttemptState.SUBMITTED, AttemptState.EXPIRED})

_VERBS = {
    _A.START: "start this attempt",
    _A.PAUSE: "pause this attempt",
    _A.RESUME: "resume this attempt",
    _A.INTERRUPT: "mark this attempt as interrupted",
    _A.AUTHORISE_RESUME: "authorise resuming this attempt",
    _A.SUBMIT: "submit this attempt",
    _A.EXPIRE: "let this attempt expire",
}

_SITUATION = {
    _S.READY: "it has not started yet",
    _S.RUNNING: "it is already running",
    _S.PAUSED: "it is paused",
    _S.INTERRUPTED: "it was interrupted and an invigilator must first authorise resuming it",
}

_FINAL_REASONS = {
    _S.SUBMITTED: "This attempt has already been submitted; answers can no longer change.",
    _S.EXPIRED: "This attempt's time is up and it was submitted automatically; answers can no longer change.",
}


def transition(state: AttemptState, action: AttemptAction) -> AttemptState:
    """The state ``action`` leads to from ``state``; raises RuleError saying why if it is not allowed."""
    target = _TRANSITIONS.get((state, action))
    if target is not None:
        return target
    if state in FINAL_STATES:
        raise RuleError(_FINAL_REASONS[state])
    repeated = state is AttemptState.PAUSED and action is AttemptAction.PAUSE
    situation = "it is already paused" if repeated else _SITUATION[state]
    raise RuleError(f"Cannot {_VERBS[action]}: {situation}.")


def allowed_actions(state: AttemptState) -> frozenset[AttemptAction]:
    """The actions :func:`transition` accepts from ``state``, e.g. to enable buttons."""
    return frozenset(action for (source, action) in _TRANSITIONS if source is state)


def accepts_answers(state: AttemptState) -> bool:
    """Whether answers may be saved: only while the attempt is running."""
    return state is AttemptState.RUNNING


def require_answers_accepted(state: AttemptState) -> None:
    """Raise RuleError with the reason when ``state`` does not accept answers."""
    if accepts_answers(state):
        return
    if state in FINAL_STATES:
        raise RuleError(_FINAL_REASONS[state])
    situation = _SITUATION[state].removeprefix("it ")
    raise RuleError(f"Answers cannot be saved now: this attempt {situation}.")
