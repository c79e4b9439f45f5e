"""The demo centre: sample banks built, installed and scheduled today, a roster and an invigilator."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli.hints import with_hint
from kiosk.demo import describe_demo, make_demo_centre, sample_bank_dirs, sample_banks_root
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import BankError, KioskError, RuleError
from kiosk.formats.secrets import HashCost
from kiosk.messages import sentence
from kiosk.messages.catalogue import MESSAGES
from kiosk.station.services.context import KioskContext, open_context
from kiosk.station.services.exam import login
from kiosk.station.services.roster import list_candidates
from kiosk.station.services.sittings import list_sittings, open_sitting
from kiosk.support.files import PRIVATE


@pytest.fixture
def demo_ctx(tmp_path: Path) -> Iterator[KioskContext]:
    ctx = open_context(tmp_path / "demo-data", clock=FakeClock(), hash_cost=HashCost.TEST)
    yield ctx
    ctx.close()


def test_demo_centre_can_be_sat_at_once(demo_ctx: KioskContext, bank_dir: Path) -> None:
    broken = bank_dir.parent / "recycling-9"
    broken.mkdir()
    (broken / "bank.yaml").write_text("certificate: nonsense\n", encoding="utf-8")
    demo = make_demo_centre(demo_ctx, bank_dir.parent)
    assert [bank.bank_id for bank in demo.banks] == ["maintenance-1"]
    [skipped] = demo.skipped
    assert (skipped.name, skipped.folder) == ("recycling-9", broken)
    assert skipped.error.code in MESSAGES
    assert len(demo.pin) == 6 and demo.pin.isdigit()
    assert len(demo.candidates) == 10
    assert {candidate.bank_id for candidate in demo.candidates} == {"maintenance-1"}
    stored = {candidate.candidate_number: candidate for candidate in list_candidates(demo_ctx)}
    assert stored["DEMO-004"].extra_time_factor == 1.25
    assert stored["DEMO-003"].name_zh == "李伟"
    today = demo_ctx.clock.wall().astimezone().date()
    sittings = list_sittings(demo_ctx, today)
    assert [s.id for s in sittings] == [demo.banks[0].sitting_id] and sittings[0].show_score
    opened = open_sitting(demo_ctx, demo.banks[0].sitting_id, demo.pin, demo.banks[0].release_code)
    first = demo.candidates[0]
    session = login(demo_ctx, opened, first.candidate_number, first.access_code)
    assert session.candidate_name == "Mwila Banda"
    lines = describe_demo(demo, sentence)
    assert lines[0] == f"Invigilator: Demo Invigilator, PIN {demo.pin}"
    assert f"  Demo: Energy Storage Maintenance, Grade I: {demo.banks[0].release_code}" in lines
    assert f"  DEMO-001  {first.access_code}  Mwila Banda — maintenance-1" in lines
    assert lines[-1] == f"Sample bank recycling-9 was skipped: {sentence(skipped.error)}"
    # Without a way to word errors, the skipped bank's error is given as its code and parameters.
    assert describe_demo(demo)[-1] == f"Sample bank recycling-9 was skipped: {skipped.error}"
    # The roster of the demo's candidates holds their names: readable by its owner only.
    roster = demo_ctx.data_dir / "demo" / "roster.csv"
    assert stat.S_IMODE(roster.stat().st_mode) == PRIVATE


def test_demo_refuses_a_folder_that_is_already_a_kiosk(demo_ctx: KioskContext, bank_dir: Path) -> None:
    make_demo_centre(demo_ctx, bank_dir.parent)
    with pytest.raises(RuleError) as refused:
        make_demo_centre(demo_ctx, bank_dir.parent)
    error = refused.value
    assert (error.code, error.params) == ("demo.folder_is_kiosk", {"folder": demo_ctx.data_dir})
    assert with_hint(error) == (
        f"The folder {demo_ctx.data_dir} already holds a kiosk; the demo needs an empty folder; give one "
        "with --data-dir."
    )


def test_demo_needs_bank_sources(demo_ctx: KioskContext, tmp_path: Path) -> None:
    empty = tmp_path / "no-banks"
    empty.mkdir()
    with pytest.raises(BankError) as refused:
        make_demo_centre(demo_ctx, empty)
    assert (refused.value.code, refused.value.params) == ("demo.no_bank_sources", {"folder": empty})
    assert "holds no bank sources" in sentence(refused.value)
    with pytest.raises(BankError) as refused:
        sample_bank_dirs(tmp_path / "missing")
    assert refused.value.code == "demo.banks_folder_missing"
    assert refused.value.params == {"folder": tmp_path / "missing"}
    assert with_hint(refused.value).endswith(
        "does not exist; choose the question_banks folder; give it with --banks."
    )


def test_demo_refuses_when_no_bank_builds(demo_ctx: KioskContext, tmp_path: Path) -> None:
    root = tmp_path / "banks"
    (root / "design-1").mkdir(parents=True)
    (root / "design-1" / "bank.yaml").write_text("certificate: design\n", encoding="utf-8")
    with pytest.raises(BankError) as refused:
        make_demo_centre(demo_ctx, root)
    assert refused.value.code == "demo.no_bank_builds"
    assert refused.value.params == {"folder": root, "banks": "design-1"}
    assert sentence(refused.value) == f"None of the sample banks in {root} could be built (design-1)."
    assert "'kiosk bank validate'" in with_hint(refused.value)
    # Why the bank did not build goes along as the error's cause.
    assert isinstance(refused.value.__cause__, KioskError)


def test_sample_banks_are_found_in_a_checkout_and_in_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a source checkout (and an editable install) the samples are the question_banks folder.
    checkout = Path(__file__).resolve().parents[1] / "question_banks"
    assert sample_banks_root() == checkout
    assert len(sample_bank_dirs(sample_banks_root())) == 9
    # An installed package (a wheel, a frozen build) carries its own copy as package data.
    package = tmp_path / "kiosk"
    (package / "sample_banks").mkdir(parents=True)
    monkeypatch.setattr("kiosk.demo.resources.files", lambda name: package)
    assert sample_banks_root() == package / "sample_banks"
