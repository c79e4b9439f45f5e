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
    INVIGILATOR_MENU = "invigilator_menu"
    """The invigilator's menu was open over the candidate's exam; the clock was stopped meanwhile."""
    REST_BREAK = "rest_break"
    """The candidate took a rest break the invigilator confirmed; the clock was stopped meanwhile."""
    PIN_LOCKOUT = "pin_lockout"
    """Too many wrong invigilator PINs locked the PIN out, or the lock was cleared."""


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

# Why an action is refused, by the state the attempt is in (the action itself is kept as a param).
_REFUSED = {
    _S.READY: "attempt.not_started",
    _S.RUNNING: "attempt.already_running",
    _S.PAUSED: "attempt.paused",
    _S.INTERRUPTED: "attempt.awaiting_authorisation",
    _S.SUBMITTED: "attempt.submitted",
    _S.EXPIRED: "attempt.expired",
}

# Why answers cannot be saved, by state (a final state gives the same reason as for any action).
_NO_ANSWERS = {
    _S.READY: "attempt.answers_not_started",
    _S.PAUSED: "attempt.answers_paused",
    _S.INTERRUPTED: "attempt.answers_awaiting_authorisation",
    _S.SUBMITTED: "attempt.submitted",
    _S.EXPIRED: "attempt.expired",
}


def transition(state: AttemptState, action: AttemptAction) -> AttemptState:
    """The state ``action`` leads to from ``state``; raises RuleError saying why if it is not allowed."""
    target = _TRANSITIONS.get((state, action))
    if target is not None:
        return target
    repeated = state is AttemptState.PAUSED and action is AttemptAction.PAUSE
    code = "attempt.already_paused" if repeated else _REFUSED[state]
    raise RuleError(code, action=action.value, state=state.value)


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
    raise RuleError(_NO_ANSWERS[state], state=state.value)
