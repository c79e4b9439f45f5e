"""A demo centre: every sample bank built, installed and scheduled today, with candidates and an invigilator.

``kiosk demo`` uses this so anyone can sit an exam within a minute. The demo awarding-body key is made
fresh in ``<data_dir>/demo/`` and trusted; each bank gets its own random release code. Nothing here is
secret in practice: the codes are printed for whoever runs the demo.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from kiosk.authoring.build import build_bank_package
from kiosk.domain.errors import BankError, KioskError, RuleError
from kiosk.domain.items import certificate_name
from kiosk.formats.bank_packages import PACKAGE_SUFFIX
from kiosk.formats.keys import KeyKind, generate_identity, write_identity
from kiosk.formats.packages import new_release_code
from kiosk.station.services.bank_install import install_package, trust_key
from kiosk.station.services.context import KioskContext
from kiosk.station.services.invigilators import create_invigilator
from kiosk.station.services.kiosk_setup import init_kiosk, kiosk_info
from kiosk.station.services.roster import import_roster
from kiosk.station.services.sittings import schedule_sitting
from kiosk.support.files import PRIVATE, write_file

DEMO_DIR = "demo"
# Where a wheel or a frozen build carries the sample bank sources, inside the package (the build copies
# question_banks/ there; a source checkout keeps them only beside the package).
SAMPLE_BANKS_RESOURCE = "sample_banks"
DEMO_CENTRE = "Demo Centre (China–Zambia Vocational and Technical College)"
DEMO_KIOSK = "Demo PC"
DEMO_INVIGILATOR = "Demo Invigilator"
CANDIDATE_COUNT = 10
# Names for the demo roster; each candidate is entered for one bank in turn.
_NAMES = (
    ("Mwila Banda", "姆维拉·班达"),
    ("Chanda Phiri", None),
    ("Li Wei", "李伟"),
    ("Natasha Mulenga", None),
    ("Bwalya Zulu", None),
    ("Wang Fang", "王芳"),
    ("Mutale Tembo", None),
    ("Kondwani Lungu", None),
    ("Zhang Min", "张敏"),
    ("Thandiwe Sakala", None),
)


@dataclass(frozen=True, slots=True)
class DemoBank:
    bank_id: str
    title: str
    release_code: str
    sitting_id: int
    sitting_name: str


@dataclass(frozen=True, slots=True)
class DemoCandidate:
    candidate_number: str
    name: str
    bank_id: str
    access_code: str


@dataclass(frozen=True, slots=True)
class SkippedBank:
    """A sample bank that did not build: its folder and the error that stopped it (a code and params)."""

    name: str
    folder: Path
    error: KioskError


@dataclass(frozen=True)
class DemoCentre:
    """What was made, and the secrets to hand out (shown once)."""

    invigilator: str
    pin: str
    banks: tuple[DemoBank, ...]
    candidates: tuple[DemoCandidate, ...]
    skipped: tuple[SkippedBank, ...] = field(default=())
    """Each sample bank that could not be built, and why."""


def sample_banks_root() -> Path:
    """The sample bank sources: the package's own copy when installed, else the checkout's question_banks."""
    packaged = resources.files("kiosk") / SAMPLE_BANKS_RESOURCE
    if packaged.is_dir():
        # Installed packages (a wheel, a frozen one-folder build) are plain folders on disk.
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "question_banks"


def sample_bank_dirs(banks_root: Path) -> list[Path]:
    """The bank source folders under ``banks_root`` (those holding a bank.yaml), in name order."""
    if not banks_root.is_dir():
        raise BankError("demo.banks_folder_missing", folder=banks_root)
    return sorted(path for path in banks_root.iterdir() if (path / "bank.yaml").is_file())


def make_demo_centre(ctx: KioskContext, banks_root: Path, on_date: date | None = None) -> DemoCentre:
    """Set up ``ctx``'s empty data folder as a demo centre with every sample bank under ``banks_root``.

    Refused if the folder is already a kiosk (its data would mix with the demo's). A sample bank that
    does not build is skipped and named in ``skipped``; if none builds the demo is refused.
    """
    if kiosk_info(ctx) is not None:
        raise RuleError("demo.folder_is_kiosk", folder=ctx.data_dir)
    folders = sample_bank_dirs(banks_root)
    if not folders:
        raise BankError("demo.no_bank_sources", folder=banks_root)
    today = on_date or ctx.clock.wall().astimezone().date()
    init_kiosk(ctx, DEMO_CENTRE, DEMO_KIOSK)
    demo_dir = ctx.data_dir / DEMO_DIR
    signer = generate_identity(KeyKind.AWARDING, "demo-awarding-body")
    _, public = write_identity(signer, demo_dir / "keys")
    trust_key(ctx, public)

    banks: list[DemoBank] = []
    skipped: list[SkippedBank] = []
    for folder in folders:
        code = new_release_code()
        package = demo_dir / "packages" / f"{folder.name}{PACKAGE_SUFFIX}"
        try:
            built = build_bank_package(folder, package, signer, code)
        except KioskError as error:
            skipped.append(SkippedBank(folder.name, folder, error))
            continue
        install_package(ctx, package)
        title = _bank_caption(built.bank_id)
        sitting = schedule_sitting(ctx, f"Demo: {title}", built.bank_id, today, show_score=True)
        banks.append(DemoBank(built.bank_id, title, code, sitting.id, sitting.name))
    if not banks:
        names = ", ".join(bank.name for bank in skipped)
        raise BankError("demo.no_bank_builds", folder=banks_root, banks=names) from skipped[0].error

    roster = demo_dir / "roster.csv"
    planned = _write_roster(roster, banks)
    issued = {code.candidate_number: code.access_code for code in import_roster(ctx, roster).codes}
    candidates = tuple(
        DemoCandidate(number, name, bank_id, issued[number]) for number, name, bank_id in planned
    )
    pin = create_invigilator(ctx, DEMO_INVIGILATOR)
    return DemoCentre(DEMO_INVIGILATOR, pin, tuple(banks), candidates, tuple(skipped))


def _bank_caption(bank_id: str) -> str:
    certificate, _, grade = bank_id.rpartition("-")
    return certificate_name(certificate, int(grade))


def _write_roster(path: Path, banks: list[DemoBank]) -> list[tuple[str, str, str]]:
    """Write the demo roster CSV (as a centre would export it) and return (number, name, bank) rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["candidate number", "name", "chinese name", "certificate", "grade", "extra time"])
    planned = []
    for index in range(CANDIDATE_COUNT):
        bank = banks[index % len(banks)]
        certificate, _, grade = bank.bank_id.rpartition("-")
        number = f"DEMO-{index + 1:03d}"
        name, name_zh = _NAMES[index % len(_NAMES)]
        # One candidate has a 25% extra-time accommodation, to show it on the instructions screen.
        writer.writerow([number, name, name_zh or "", certificate, grade, "25%" if index == 3 else ""])
        planned.append((number, name, bank.bank_id))
    write_file(path, buffer.getvalue().encode("utf-8"), PRIVATE)
    return planned


def describe_demo(demo: DemoCentre, wording: Callable[[KioskError], str] = str) -> list[str]:
    """The lines ``kiosk demo`` prints: the PIN, each sitting's release code, each candidate's code.

    A sample bank that was skipped gets a last line naming it, with ``wording`` of the error that stopped
    it: the caller's sentence for an error (the code and its parameters when none is given).
    """
    lines = [f"Invigilator: {demo.invigilator}, PIN {demo.pin}", "", "Sittings today (release codes):"]
    lines += [f"  {bank.sitting_name}: {bank.release_code}" for bank in demo.banks]
    lines += ["", "Candidates (candidate number, access code, exam):"]
    lines += [
        f"  {candidate.candidate_number}  {candidate.access_code}  {candidate.name} — {candidate.bank_id}"
        for candidate in demo.candidates
    ]
    if demo.skipped:
        lines.append("")
        lines += [f"Sample bank {bank.name} was skipped: {wording(bank.error)}" for bank in demo.skipped]
    return lines
