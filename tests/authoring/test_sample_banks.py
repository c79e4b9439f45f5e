"""The nine sample banks shipped in question_banks/: valid, complete, and buildable into packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.build import build_bank_package, lint
from kiosk.authoring.forms_check import check_forms
from kiosk.authoring.lint import LintReport
from kiosk.authoring.source import load_bank_dir, read_bank_dir
from kiosk.domain.forms import assemble_form
from kiosk.domain.items import Certificate, Item, ItemType
from kiosk.formats.bank_packages import open_bank_package
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.packages import TEST_RELEASE_KDF

ROOT = Path(__file__).resolve().parents[2] / "question_banks"
PAIRS = [(certificate, grade) for certificate in Certificate for grade in (1, 2, 3)]


@pytest.fixture(scope="module")
def linted() -> LintReport:
    """The item-writing lint of all nine banks together (near-duplicates are looked for across banks)."""
    return lint(sorted(path for path in ROOT.iterdir() if (path / "bank.yaml").is_file()))


def test_all_nine_banks_are_present() -> None:
    assert sorted(p.name for p in ROOT.iterdir() if (p / "bank.yaml").is_file()) == sorted(
        f"{c.value}-{g}" for c, g in PAIRS
    )


@pytest.mark.parametrize(("certificate", "grade"), PAIRS, ids=lambda v: str(v))
def test_sample_bank_is_valid_and_complete(certificate: Certificate, grade: int) -> None:
    folder = ROOT / f"{certificate.value}-{grade}"
    bank, problems = read_bank_dir(folder)
    assert [str(p) for p in problems] == []  # each as "place: code facts" if any
    assert bank is not None
    assert (bank.certificate, bank.grade) == (certificate, grade)
    assert len(bank.items) >= 50
    assert bank.blueprint.item_count * 2 <= len(bank.items)
    assert {item.type for item in bank.items} == set(ItemType)
    assert {draw.competence for draw in bank.blueprint.draws} == {c.id for c in bank.competences}
    assert len(bank.competences) == {1: 5, 2: 8, 3: 11}[grade]
    assert all(item.rationale.strip() for item in bank.items)
    assert bank.stimuli, "each bank shares at least one stimulus"
    assert any(item.stem.zh for item in bank.items)


def test_the_nine_banks_pass_the_item_writing_lint_strictly(linted: LintReport) -> None:
    """What ``kiosk bank validate --strict question_banks/*/`` checks: not one warning in any bank."""
    assert {folder.name: [str(p) for p in found] for folder, found in linted.warnings.items() if found} == {}


@pytest.mark.parametrize(("certificate", "grade"), PAIRS, ids=lambda v: str(v))
def test_sample_bank_meets_the_item_writing_standard(
    certificate: Certificate, grade: int, linted: LintReport
) -> None:
    folder = ROOT / f"{certificate.value}-{grade}"
    bank = load_bank_dir(folder)
    figures = linted.figures[folder]
    # Forms of 40-50 items in 60-90 minutes, from a pool at least three times a form.
    assert 40 <= bank.blueprint.item_count <= 50
    assert 60 <= bank.blueprint.duration_minutes <= 90
    assert len(bank.items) >= 3 * bank.blueprint.item_count
    # Every draw names a difficulty, so every form has the same mix.
    assert all(draw.difficulty is not None for draw in bank.blueprint.draws)
    # The key is the longest option in at most a third of single items; true/false near half true.
    assert figures.key_longest_share is not None and figures.key_longest_share <= 100 / 3
    assert figures.true_share is not None and 40 <= figures.true_share <= 60
    # A fifth or more work from a scenario; every item has a level, a rationale and Chinese text.
    assert 5 * figures.scenarios >= len(bank.items)
    assert all(item.level is not None and item.rationale.strip() for item in bank.items)
    assert all(item.stem.zh for item in bank.items)
    assert all(choice.text.zh for item in bank.items for choice in (*item.options, *item.premises))
    assert all(stimulus.text.zh for stimulus in bank.stimuli)
    forms = check_forms(bank, 500)
    assert forms.spread < 1.0 and forms.overlap_mean < 50


def test_the_item_faults_the_review_named_are_fixed() -> None:
    banks = {
        folder.name: load_bank_dir(folder) for folder in ROOT.iterdir() if (folder / "bank.yaml").is_file()
    }

    def item(bank: str, item_id: str) -> Item:
        return next(found for found in banks[bank].items if found.id == item_id)

    # RCY3-021's tolerance no longer accepts the error its own rationale names.
    assert item("recycling-3", "RCY3-021").tolerance <= 0.2
    # RCY3-028 no longer refers to a table the candidate never sees: it shows one.
    assert item("recycling-3", "RCY3-028").stimulus is not None
    # MNT3-023 no longer states MNT3-022's answer.
    answer = item("maintenance-3", "MNT3-022").value
    assert answer is not None and f"{answer:g}" not in item("maintenance-3", "MNT3-023").stem.en
    # Round-trip efficiency excludes auxiliaries in maintenance-3 as in design-3.
    assert "exclud" in item("maintenance-3", "MNT3-040").stem.en.lower()
    # MNT3-048 ordered steps that are not a strict sequence; it is no longer an ordering item.
    assert item("maintenance-3", "MNT3-048").type is not ItemType.ORDERING
    # DSN2-040's stem no longer names the cycle whose order it asks for.
    assert "PDCA" not in item("design-2", "DSN2-040").stem.en
    # RCY1-036 accepts the wordings a competent candidate writes.
    assert len(item("recycling-1", "RCY1-036").accepted) >= 4


@pytest.mark.parametrize(("certificate", "grade"), PAIRS, ids=lambda v: str(v))
def test_sample_bank_builds_opens_and_draws_forms(
    certificate: Certificate, grade: int, tmp_path: Path
) -> None:
    folder = ROOT / f"{certificate.value}-{grade}"
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    built = build_bank_package(
        folder, tmp_path / "bank.1xbank", signer, "K7QF-M2XD-9PHA", kdf=TEST_RELEASE_KDF
    )
    bank = open_bank_package(built.path.read_bytes(), [signer.public], "k7qf m2xd 9pha")
    assert bank == load_bank_dir(folder)
    for seed in range(25):
        form = assemble_form(bank, seed)
        assert len(set(form.item_ids)) == bank.blueprint.item_count
