"""The nine sample banks shipped in question_banks/: valid, complete, and buildable into packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.build import build_bank_package
from kiosk.authoring.source import load_bank_dir, read_bank_dir
from kiosk.domain.forms import assemble_form
from kiosk.domain.items import Certificate, ItemType
from kiosk.formats.bank_packages import open_bank_package
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.packages import TEST_RELEASE_KDF

ROOT = Path(__file__).resolve().parents[2] / "question_banks"
PAIRS = [(certificate, grade) for certificate in Certificate for grade in (1, 2, 3)]


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
