"""How a located problem is kept (place, code, facts) and how it reads."""

from __future__ import annotations

from pathlib import Path

from kiosk.authoring.problems import Problem
from kiosk.domain.errors import BankError
from kiosk.messages import sentence

ANSWER = Problem(Path("items/a.yaml"), 12, "source.answer_not_one_option", {"options": "A, B"}, "MNT2-001")


def test_a_problem_names_file_line_and_item() -> None:
    assert ANSWER.location == "items/a.yaml:12: item MNT2-001"
    assert str(ANSWER) == "items/a.yaml:12: item MNT2-001: source.answer_not_one_option options=A, B"


def test_a_problem_is_an_error_with_its_code_and_facts() -> None:
    error = ANSWER.error()
    assert isinstance(error, BankError)
    assert (error.code, error.params) == ("source.answer_not_one_option", {"options": "A, B"})
    assert sentence(error) == "the answer must be one option id of A, B"


def test_a_problem_with_a_whole_file_has_no_line() -> None:
    problem = Problem(Path("bank.yaml"), 0, "source.no_bank_file")
    assert problem.location == "bank.yaml"
    assert sentence(problem.error()) == "is missing; every bank folder needs a bank.yaml"
