"""Fixtures for the kiosk service tests: a fresh data folder per test, a fake clock, cheap hashing, and
a kiosk with a trusted awarding key, an installed bank, an invigilator, a roster and an open sitting."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.items import Bank
from kiosk.security.keys import KeyKind, PrivateIdentity, generate_identity, write_identity
from kiosk.security.secrets import HashCost
from kiosk.services.bank_install import install_package, trust_key
from kiosk.services.context import KioskContext, open_context
from kiosk.services.exam import ExamSession, login
from kiosk.services.invigilators import create_invigilator
from kiosk.services.kiosk_setup import init_kiosk
from kiosk.services.roster import import_roster
from kiosk.services.sittings import OpenSitting, open_sitting, schedule_sitting
from tests.services.kiosk_fixtures import PIN, RELEASE_CODE, make_bank, make_package

ROSTER = (
    "Candidate number,Name,Chinese name,Certificate,Grade,Extra time\n"
    "C-001,Mwila Banda,,maintenance,II,\n"
    "C-002,Chanda Phiri,钱多多,maintenance,2,25%\n"
    "C-003,Bwalya Tembo,,design,1,\n"
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(tmp_path: Path, clock: FakeClock) -> Iterator[KioskContext]:
    context = open_context(tmp_path / "data", clock=clock, hash_cost=HashCost.TEST)
    yield context
    context.close()


@pytest.fixture
def kiosk(ctx: KioskContext) -> KioskContext:
    """A kiosk that has been through ``kiosk init``."""
    init_kiosk(ctx, "CZVTC Lusaka", "Lab 2 PC 14")
    return ctx


@pytest.fixture
def awarding() -> PrivateIdentity:
    return generate_identity(KeyKind.AWARDING, "awarding-body")


@pytest.fixture
def awarding_pub(awarding: PrivateIdentity, tmp_path: Path) -> Path:
    _, public = write_identity(awarding, tmp_path / "awarding-keys")
    return public


@pytest.fixture
def write_package(awarding: PrivateIdentity, tmp_path: Path) -> Callable[..., Path]:
    """Write a package of a bank (default: version 1 of the test bank) and return its path."""

    def write(bank: Bank | None = None, signer: PrivateIdentity | None = None, name: str = "") -> Path:
        chosen = bank or make_bank()
        data = make_package(chosen, signer or awarding)
        path = tmp_path / "usb" / (name or f"{chosen.bank_id}-v{chosen.version}.1xbank")
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def installed(kiosk: KioskContext, awarding_pub: Path, write_package: Callable[..., Path]) -> KioskContext:
    """A kiosk trusting the awarding body, with version 1 of the test bank installed."""
    trust_key(kiosk, awarding_pub)
    install_package(kiosk, write_package())
    return kiosk


@pytest.fixture
def staffed(installed: KioskContext, tmp_path: Path) -> KioskContext:
    """Plus an invigilator (PIN ``PIN``) and a roster of three candidates (codes in ``codes``)."""
    create_invigilator(installed, "Ms Mulenga", PIN)
    return installed


@pytest.fixture
def codes(staffed: KioskContext, tmp_path: Path) -> dict[str, str]:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    result = import_roster(staffed, roster)
    return {issued.candidate_number: issued.access_code for issued in result.codes}


@pytest.fixture
def sitting(staffed: KioskContext, codes: dict[str, str]) -> OpenSitting:
    info = schedule_sitting(staffed, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))
    return open_sitting(staffed, info.id, PIN, RELEASE_CODE)


@pytest.fixture
def exam(staffed: KioskContext, codes: dict[str, str], sitting: OpenSitting) -> Iterator[ExamSession]:
    """Candidate C-001 (no extra time, 30 minutes) logged in and started."""
    session = login(staffed, sitting, "C-001", codes["C-001"])
    session.start()
    yield session
    session.close()
