"""How a located problem reads."""

from __future__ import annotations

from pathlib import Path

from kiosk.authoring.problems import Problem


def test_a_problem_names_file_line_and_item() -> None:
    problem = Problem(Path("items/a.yaml"), 12, "the answer must be one option id of A, B", "MNT2-001")
    assert str(problem) == "items/a.yaml:12: item MNT2-001: the answer must be one option id of A, B"


def test_a_problem_with_a_whole_file_has_no_line() -> None:
    assert str(Problem(Path("bank.yaml"), 0, "is missing")) == "bank.yaml: is missing"
