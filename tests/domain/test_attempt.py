"""The attempt state machine: every legal move, every illegal one refused with a reason."""

from __future__ import annotations

import pytest

from kiosk.domain.attempt import (
    FINAL_STATES,
    AttemptAction,
    AttemptState,
    IncidentCategory,
    accepts_answers,
    allowed_actions,
    require_answers_accepted,
    transition,
)
from kiosk.domain.errors import RuleError

S = AttemptState
A = AttemptAction

LEGAL = {
    (S.READY, A.START): S.RUNNING,
    (S.RUNNING, A.PAUSE): S.PAUSED,
    (S.PAUSED, A.RESUME): S.RUNNING,
    (S.RUNNING, A.INTERRUPT): S.INTERRUPTED,
    (S.INTERRUPTED, A.AUTHORISE_RESUME): S.RUNNING,
    (S.RUNNING, A.SUBMIT): S.SUBMITTED,
    (S.PAUSED, A.SUBMIT): S.SUBMITTED,
    (S.INTERRUPTED, A.SUBMIT): S.SUBMITTED,
    (S.RUNNING, A.EXPIRE): S.EXPIRED,
}

ILLEGAL = [(state, action) for state in S for action in A if (state, action) not in LEGAL]


@pytest.mark.parametrize(("move", "target"), LEGAL.items())
def test_legal_transitions(move: tuple[AttemptState, AttemptAction], target: AttemptState) -> None:
    assert transition(*move) is target


@pytest.mark.parametrize(("state", "action"), ILLEGAL)
def test_every_other_transition_is_refused_with_a_sentence(
    state: AttemptState, action: AttemptAction
) -> None:
    with pytest.raises(RuleError) as caught:
        transition(state, action)
    message = str(caught.value)
    assert message.endswith(".")
    assert "attempt" in message


def test_a_submitted_attempt_cannot_change() -> None:
    for action in A:
        with pytest.raises(RuleError) as caught:
            transition(S.SUBMITTED, action)
        assert str(caught.value) == "This attempt has already been submitted; answers can no longer change."


def test_an_expired_attempt_cannot_change() -> None:
    for action in A:
        with pytest.raises(RuleError) as caught:
            transition(S.EXPIRED, action)
        assert str(caught.value) == (
            "This attempt's time is up and it was submitted automatically; answers can no longer change."
        )


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (S.READY, A.PAUSE, "Cannot pause this attempt: it has not started yet."),
        (S.READY, A.SUBMIT, "Cannot submit this attempt: it has not started yet."),
        (S.RUNNING, A.START, "Cannot start this attempt: it is already running."),
        (S.RUNNING, A.AUTHORISE_RESUME, "Cannot authorise resuming this attempt: it is already running."),
        (S.PAUSED, A.PAUSE, "Cannot pause this attempt: it is already paused."),
        (S.PAUSED, A.EXPIRE, "Cannot let this attempt expire: it is paused."),
        (S.PAUSED, A.INTERRUPT, "Cannot mark this attempt as interrupted: it is paused."),
        (
            S.INTERRUPTED,
            A.RESUME,
            "Cannot resume this attempt: "
            "it was interrupted and an invigilator must first authorise resuming it.",
        ),
    ],
)
def test_refusals_say_why(state: AttemptState, action: AttemptAction, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        transition(state, action)
    assert str(caught.value) == message


def test_a_crash_while_running_needs_authorisation_before_answers_resume() -> None:
    state = transition(S.READY, A.START)
    state = transition(state, A.INTERRUPT)
    assert not accepts_answers(state)
    with pytest.raises(RuleError):
        transition(state, A.RESUME)
    state = transition(state, A.AUTHORISE_RESUME)
    assert accepts_answers(state)


def test_allowed_actions_match_the_transition_table() -> None:
    for state in S:
        assert allowed_actions(state) == {action for (source, action) in LEGAL if source is state}
    assert allowed_actions(S.SUBMITTED) == frozenset()


def test_only_a_running_attempt_accepts_answers() -> None:
    assert [state for state in S if accepts_answers(state)] == [S.RUNNING]


def test_final_states() -> None:
    assert frozenset({S.SUBMITTED, S.EXPIRED}) == FINAL_STATES


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (S.READY, "Answers cannot be saved now: this attempt has not started yet."),
        (S.PAUSED, "Answers cannot be saved now: this attempt is paused."),
        (
            S.INTERRUPTED,
            "Answers cannot be saved now: "
            "this attempt was interrupted and an invigilator must first authorise resuming it.",
        ),
        (S.SUBMITTED, "This attempt has already been submitted; answers can no longer change."),
        (
            S.EXPIRED,
            "This attempt's time is up and it was submitted automatically; answers can no longer change.",
        ),
    ],
)
def test_require_answers_accepted_explains_refusals(state: AttemptState, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        require_answers_accepted(state)
    assert str(caught.value) == message


def test_require_answers_accepted_passes_while_running() -> None:
    require_answers_accepted(S.RUNNING)


def test_stored_values_are_stable() -> None:
    assert [state.value for state in S] == [
        "ready",
        "running",
        "paused",
        "interrupted",
        "submitted",
        "expired",
    ]
    assert [action.value for action in A] == [
        "start",
        "pause",
        "resume",
        "interrupt",
        "authorise_resume",
        "submit",
        "expire",
    ]
    assert [category.value for category in IncidentCategory] == [
        "power_outage",
        "illness",
        "technical",
        "misconduct",
        "focus_loss",
        "other",
    ]
    assert AttemptState("paused") is S.PAUSED
