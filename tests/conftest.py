"""Fixtures every test folder shares: a small but complete bank source (every item type) in a temp folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.fixtures.files import fill_disk  # noqa: F401 (fixture)

BANK_YAML = """\
certificate: maintenance
grade: 1
version: 3
title: Energy Storage Maintenance, Grade I
title_zh: 储能维护 I 级
languages: [en, zh]
competences:
  - {id: F1, area: foundational, title: Specialised knowledge of energy storage materials}
  - {id: P1, area: practical, title: Test the performance of energy storage batteries}
blueprint:
  duration_minutes: 30
  pass_mark: 60
  area_minimums: {practical: 50}
  draws:
    - {competence: F1, count: 3}
    - {competence: P1, difficulty: medium, count: 1}
    - {competence: P1, count: 1}
stimuli:
  - id: S1
    text: A technician tests a 12 V lead-acid battery bank.
    image: images/bank.svg
"""

ITEMS_YAML = """\
- id: T-001
  type: single
  competence: F1
  difficulty: easy
  stem: What does LFP stand for?
  stem_zh: LFP 代表什么？
  options:
    - {id: A, text: Lithium iron phosphate, text_zh: 磷酸铁锂}
    - {id: B, text: Lithium cobalt oxide}
    - {id: C, text: Lead fluoride plate}
  answer: A
  rationale: LFP is LiFePO4.
- id: T-002
  type: multiple
  competence: F1
  difficulty: medium
  scoring: partial
  stem: Which are lithium-ion cathode materials?
  options:
    - {id: A, text: NMC}
    - {id: B, text: LFP}
    - {id: C, text: Graphite}
    - {id: D, text: Lead dioxide}
  answer: [A, B]
  rationale: Graphite is an anode; PbO2 is the lead-acid positive.
- id: T-003
  type: true_false
  competence: F1
  difficulty: easy
  stem: A lead-acid cell has a nominal voltage of 2 V.
  answer: true
  rationale: Nominal 2.0 V per cell.
- id: T-004
  type: numeric
  competence: P1
  difficulty: medium
  stimulus: S1
  stem: A 100 Ah cell is discharged at 0.5C. How many hours does it last?
  answer: 2
  tolerance: 0.05
  unit: h
  rationale: 100 Ah / 50 A = 2 h.
- id: T-005
  type: ordering
  competence: P1
  difficulty: hard
  scoring: partial
  stem: Order the steps of a capacity test.
  options:
    - {id: A, text: Fully charge the cell}
    - {id: B, text: Rest the cell}
    - {id: C, text: Discharge at the rated current to the cut-off voltage}
  answer: [A, B, C]
  rationale: Charge, rest, then discharge and integrate current.
- id: T-006
  type: matching
  competence: F1
  difficulty: medium
  scoring: partial
  stem: Match each chemistry with its nominal cell voltage.
  premises:
    - {id: "1", text: LFP}
    - {id: "2", text: Lead-acid}
  options:
    - {id: A, text: 2.0 V}
    - {id: B, text: 3.2 V}
    - {id: C, text: 1.2 V}
  answer: {"1": B, "2": A}
  rationale: LFP 3.2 V, lead-acid 2.0 V.
- id: T-007
  type: short_text
  competence: P1
  difficulty: easy
  stem: Name the liquid that carries ions between the electrodes.
  accept: [electrolyte, the electrolyte]
  rationale: The electrolyte conducts ions.
- id: T-008
  type: single
  competence: F1
  difficulty: easy
  stem: Which is the anode material in most lithium-ion cells?
  options:
    - {id: A, text: Graphite}
    - {id: B, text: Lead}
  answer: A
  rationale: Graphite hosts lithium on charge.
- id: T-009
  type: single
  competence: F1
  difficulty: hard
  stem: Which gas may an overcharged lead-acid battery release?
  options:
    - {id: A, text: Hydrogen}
    - {id: B, text: Chlorine}
  answer: A
  rationale: Electrolysis of water releases hydrogen.
- id: T-010
  type: true_false
  competence: P1
  difficulty: medium
  stem: Internal resistance rises as a cell ages.
  answer: true
  rationale: Ageing increases resistance.
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect width="100" height="40"/></svg>'


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "maintenance-1"
    (folder / "items").mkdir(parents=True)
    (folder / "images").mkdir()
    (folder / "bank.yaml").write_text(BANK_YAML, encoding="utf-8")
    (folder / "items" / "all.yaml").write_text(ITEMS_YAML, encoding="utf-8")
    (folder / "images" / "bank.svg").write_text(SVG, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _a_lab_pc_fit_for_exams(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lab check sees a PC fit for exams, whatever machine the tests run on.

    Unlocking a sitting runs the lab check on this machine's real facts; a test machine whose /tmp is a
    tmpfs, that runs on battery or has a remote-desktop tool running would refuse every unlock. So the
    facts of the machine itself (volume, power, other sessions, remote tools, restore software, write speed)
    are replaced with those of a fit lab PC; the store's own facts stay real. The lab check's own tests see
    the real facts or make up their own.
    """
    if request.node.path.name == "test_labcheck.py":
        return
    from kiosk.station.services import labcheck

    real = labcheck.gather_facts

    def fit(ctx, screen=None, cjk_font=None):  # type: ignore[no-untyped-def]
        facts = real(ctx, screen, cjk_font)
        return replace(
            facts,
            volume=labcheck.Volume("/", "ext4", "/dev/sda1"),
            restore_software=(),
            write_seconds=0.002,
            power=None,
            remote_tools=(),
            other_sessions=(),
            free_bytes=max(facts.free_bytes, 100 * facts.need_bytes),
        )

    monkeypatch.setattr(labcheck, "gather_facts", fit)
