"""Drawing many forms of a bank: the spread of expected difficulty, the overlap, and enemies kept apart."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from kiosk.authoring.forms_check import NOMINAL_CHANCE, check_forms
from kiosk.authoring.source import load_bank_dir
from kiosk.domain.forms import assemble_form
from kiosk.domain.items import Bank, Difficulty, Draw

ROOT = Path(__file__).resolve().parents[2] / "question_banks"


def stratified(bank: Bank) -> Bank:
    """The bank with every draw split by competence x difficulty, in the proportions of the pool."""
    draws = []
    for competence in sorted({item.competence for item in bank.items}):
        for difficulty in Difficulty:
            have = sum(1 for i in bank.items if i.competence == competence and i.difficulty is difficulty)
            if have >= 2:
                draws.append(Draw(competence, have // 2, difficulty))
    return replace(bank, blueprint=replace(bank.blueprint, draws=tuple(draws)))


def by_competence_only(bank: Bank) -> Bank:
    """The bank with each competence drawn as one count of any difficulty (as the first banks were)."""
    counts: dict[str, int] = {}
    for draw in bank.blueprint.draws:
        counts[draw.competence] = counts.get(draw.competence, 0) + draw.count
    draws = tuple(Draw(competence, count) for competence, count in sorted(counts.items()))
    return replace(bank, blueprint=replace(bank.blueprint, draws=draws))


def test_forms_drawn_from_mixed_difficulty_draws_differ_in_expected_mark() -> None:
    sample = load_bank_dir(ROOT / "maintenance-2")
    report = check_forms(by_competence_only(sample), 500)
    assert report.draws == 500 and report.form_length == 40 and report.pool == len(sample.items)
    assert report.fair
    assert report.spread > 5  # points between the easiest and the hardest form
    assert report.expected_min <= report.expected_mean <= report.expected_max
    # The bank as shipped draws by competence and difficulty: every form has the same expected mark.
    assert check_forms(sample, 500).spread == 0


def test_a_blueprint_drawn_by_competence_and_difficulty_gives_every_form_the_same_mix() -> None:
    bank = stratified(load_bank_dir(ROOT / "maintenance-2"))
    report = check_forms(bank, 300)
    assert report.fair
    assert report.spread == 0 and report.expected_sd == 0
    marks = {
        tuple(sorted(bank.item(i).difficulty.value for i in assemble_form(bank, seed).item_ids))
        for seed in range(50)
    }
    assert len(marks) == 1


def test_the_mean_overlap_is_the_mean_over_every_pair_of_forms() -> None:
    bank = load_bank_dir(ROOT / "recycling-1")
    draws = 40
    report = check_forms(bank, draws)
    forms = [set(assemble_form(bank, seed).item_ids) for seed in range(draws)]
    pairs = list(itertools.combinations(forms, 2))
    brute = sum(len(a & b) for a, b in pairs) / len(pairs) / bank.blueprint.item_count
    assert abs(report.overlap_mean - 100 * brute) < 1e-9
    consecutive = max(len(a & b) for a, b in itertools.pairwise(forms)) / bank.blueprint.item_count
    assert abs(report.overlap_max - 100 * consecutive) < 1e-9


def test_the_expected_mark_uses_nominal_chances_by_difficulty() -> None:
    bank = load_bank_dir(ROOT / "design-1")
    report = check_forms(bank, 1)
    form = assemble_form(bank, 0)
    items = [bank.item(i) for i in form.item_ids]
    expected = (
        100 * sum(i.points * NOMINAL_CHANCE[i.difficulty] for i in items) / sum(i.points for i in items)
    )
    assert abs(report.expected_mean - expected) < 1e-9


def test_declared_enemies_never_meet_and_unfillable_forms_are_counted() -> None:
    bank = load_bank_dir(ROOT / "maintenance-2")
    f1 = sorted(item.id for item in bank.items if item.competence == "F1")
    with_enemies = replace(bank, blueprint=replace(bank.blueprint, enemies=(tuple(f1[:2]), tuple(f1[2:4]))))
    report = check_forms(with_enemies, 300)
    assert report.enemy_meetings == 0 and report.failures == 0
    too_many = replace(bank, blueprint=replace(bank.blueprint, enemies=(tuple(f1),)))
    broken = check_forms(too_many, 20)
    assert broken.failures == 20 and not broken.fair
