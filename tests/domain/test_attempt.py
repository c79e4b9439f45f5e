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
from kiosk.messages import sentence

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
    with pytest.raises(RuleError, match=r"^attempt\.") as caught:
        transition(state, action)
    assert caught.value.params == {"action": action.value, "state": state.value}
    message = sentence(caught.value)
    assert message.endswith(".")
    assert "attempt" in message


def test_a_submitted_attempt_cannot_change() -> None:
    for action in A:
        with pytest.raises(RuleError, match=r"^attempt\.submitted\b") as caught:
            transition(S.SUBMITTED, action)
        assert sentence(caught.value) == (
            "This attempt has already been submitted; answers can no longer change."
        )


def test_an_expired_attempt_cannot_change() -> None:
    for action in A:
        with pytest.raises(RuleError, match=r"^attempt\.expired\b") as caught:
            transition(S.EXPIRED, action)
        assert sentence(caught.value) == (
            "This attempt's time is up and it was submitted automatically; answers can no longer change."
        )


@pytest.mark.parametrize(
    ("state", "action", "code"),
    [
        (S.READY, A.PAUSE, "attempt.not_started"),
        (S.READY, A.SUBMIT, "attempt.not_started"),
        (S.RUNNING, A.START, "attempt.already_running"),
        (S.RUNNING, A.AUTHORISE_RESUME, "attempt.already_running"),
        (S.PAUSED, A.PAUSE, "attempt.already_paused"),
        (S.PAUSED, A.EXPIRE, "attempt.paused"),
        (S.PAUSED, A.INTERRUPT, "attempt.paused"),
        (S.INTERRUPTED, A.RESUME, "attempt.awaiting_authorisation"),
    ],
)
def test_refusals_say_why(state: AttemptState, action: AttemptAction, code: str) -> None:
    with pytest.raises(RuleError) as caught:
        transition(state, action)
    assert caught.value.code == code


def test_a_refusal_reads_as_one_sentence() -> None:
    with pytest.raises(RuleError) as caught:
        transition(S.INTERRUPTED, A.RESUME)
    assert sentence(caught.value) == (
        "That cannot be done now: "
        "this attempt was interrupted and an invigilator must first authorise resuming it."
    )


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
    ("state", "code", "message"),
    [
        (
            S.READY,
            "attempt.answers_not_started",
            "Answers cannot be saved now: this attempt has not started yet.",
        ),
        (S.PAUSED, "attempt.answers_paused", "Answers cannot be saved now: this attempt is paused."),
        (
            S.INTERRUPTED,
            "attempt.answers_awaiting_authorisation",
            "Answers cannot be saved now: "
            "this attempt was interrupted and an invigilator must first authorise resuming it.",
        ),
        (
            S.SUBMITTED,
            "attempt.submitted",
            "This attempt has already been submitted; answers can no longer change.",
        ),
        (
            S.EXPIRED,
            "attempt.expired",
            "This attempt's time is up and it was submitted automatically; answers can no longer change.",
        ),
    ],
)
def test_require_answers_accepted_explains_refusals(state: AttemptState, code: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        require_answers_accepted(state)
    assert (caught.value.code, caught.value.params) == (code, {"state": state.value})
    assert sentence(caught.value) == message


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
        "invigilator_menu",
        "rest_break",
        "pin_lockout",
    ]
    assert AttemptState("paused") is S.PAUSED
