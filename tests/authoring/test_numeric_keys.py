"""Every numeric key of the sample banks is recomputed from the data its stem (or stimulus) gives.

Each bank has a module in tests/authoring/numeric_keys/ with FORMULAS (item id -> arithmetic over the stem's
numbers) and NO_DATA (item id -> why the stem gives nothing to compute from). A key that does not follow
from its stem, a formula that uses a number the candidate never sees, or a numeric item in neither table
fails here.
"""

from __future__ import annotations

import ast
import importlib.util
import math
import operator
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.authoring.source import load_bank_dir
from kiosk.domain.items import Bank, Item, ItemType

ROOT = Path(__file__).resolve().parents[2] / "question_banks"
BANKS = sorted(p.name for p in ROOT.iterdir() if (p / "bank.yaml").is_file())

#: Factors a formula may use without the stem stating them: unit conversions and small whole numbers.
UNIT_FACTORS = {1.0, 2.0, 3.0, 4.0, 10.0, 100.0, 1000.0, 1e6, 1e9, 60.0, 3600.0, 24.0, 365.0, 1.5, 0.5}
_FUNCTIONS: dict[str, Callable[[float], float]] = {
    "sqrt": math.sqrt,
    "log": math.log,
    "log10": math.log10,
    "exp": math.exp,
}
_OPERATORS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_NUMBER = re.compile(r"\d+(?:[ ,]\d{3})*(?:\.\d+)?")


def evaluate(formula: str) -> tuple[float, list[float]]:
    """The value of an arithmetic formula and the literal numbers it uses; anything else is refused."""
    literals: list[float] = []

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            literals.append(float(node.value))
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCTIONS
            and len(node.args) == 1
        ):
            return _FUNCTIONS[node.func.id](walk(node.args[0]))
        raise ValueError(f"not plain arithmetic: {ast.dump(node)}")

    return walk(ast.parse(formula, mode="eval")), literals


def stated_numbers(item: Item, bank: Bank) -> set[float]:
    """Numbers the candidate reads: the stem and the stimulus it refers to (thousands spaces allowed)."""
    texts = [item.stem.en]
    if item.stimulus:
        texts.extend(s.text.en for s in bank.stimuli if s.id == item.stimulus)
    found: set[float] = set()
    for text in texts:
        for match in _NUMBER.findall(text.replace("−", "-")):
            found.add(float(match.replace(",", "").replace(" ", "")))
    return found


def stated(value: float, numbers: set[float]) -> bool:
    candidates = {value, value * 100, abs(value)}
    return any(math.isclose(c, n, rel_tol=1e-9) for c in candidates for n in numbers) or value in UNIT_FACTORS


def _tables(bank_folder: str) -> tuple[dict[str, str], dict[str, str]]:
    path = Path(__file__).parent / "numeric_keys" / f"{bank_folder.replace('-', '_')}.py"
    spec = importlib.util.spec_from_file_location(f"numeric_keys_{path.stem}", path)
    assert spec is not None and spec.loader is not None, f"{path} is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.FORMULAS), dict(module.NO_DATA)


def test_evaluate_refuses_anything_but_arithmetic() -> None:
    assert evaluate("16 * 3.2 * 280 / 1000") == (pytest.approx(14.336), [16.0, 3.2, 280.0, 1000.0])
    assert evaluate("sqrt(16) - 1")[0] == 3.0
    with pytest.raises(ValueError, match="not plain arithmetic"):
        evaluate("__import__('os').getcwd()")


def test_a_formula_using_a_number_the_stem_never_gives_is_caught() -> None:
    bank = load_bank_dir(ROOT / BANKS[0])
    numeric = next(item for item in bank.items if item.type is ItemType.NUMERIC)
    assert not stated(123456.789, stated_numbers(numeric, bank))


@pytest.mark.parametrize("folder", BANKS)
def test_every_numeric_key_follows_from_its_stem(folder: str) -> None:
    bank = load_bank_dir(ROOT / folder)
    formulas, no_data = _tables(folder)
    numeric = {item.id: item for item in bank.items if item.type is ItemType.NUMERIC}
    assert set(formulas) & set(no_data) == set(), "an item is in both FORMULAS and NO_DATA"
    assert sorted(numeric) == sorted({*formulas, *no_data}), "each numeric item in exactly one table"
    assert all(reason.strip() for reason in no_data.values())
    wrong = []
    for item_id, formula in formulas.items():
        item = numeric[item_id]
        value, literals = evaluate(formula)
        numbers = stated_numbers(item, bank)
        unstated = [n for n in literals if not stated(n, numbers)]
        assert item.value is not None
        if unstated or abs(value - item.value) > item.tolerance + 1e-9:
            wrong.append((item_id, formula, round(value, 6), item.value, item.tolerance, unstated))
    assert wrong == [], "(id, formula, recomputed, key, tolerance, numbers the stem does not give)"
