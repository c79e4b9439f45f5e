"""The on-screen tools a bank allows: read from its source, carried in its package, opened on the kiosk."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kiosk.authoring.source import read_bank_dir
from kiosk.domain.items import Calculator, Tools
from kiosk.formats.bank_payload import bank_from_payload, bank_to_payload
from kiosk.station.services.bank_install import install_package
from kiosk.station.services.context import KioskContext
from kiosk.station.services.sittings import open_sitting, schedule_sitting
from tests.fixtures.kiosk import PIN, RELEASE_CODE, make_bank


def _source_with(folder: Path, tools: str) -> Path:
    """The small test bank ``folder`` (which names no tools), its blueprint now allowing ``tools``."""
    meta = folder / "bank.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "\nblueprint:\n" in text
    meta.write_text(text.replace("\nblueprint:\n", f"\nblueprint:\n  tools: {tools}\n", 1), encoding="utf-8")
    return folder


def test_a_blueprint_allows_a_calculator_and_zoom(bank_dir: Path) -> None:
    bank, problems = read_bank_dir(_source_with(bank_dir, "{calculator: scientific, zoom: true}"))
    assert [problem.code for problem in problems if problem.code.startswith("source.")] == []
    assert bank is not None
    assert bank.blueprint.tools == Tools(Calculator.SCIENTIFIC, calculator_memory=False, zoom=True)


def test_without_tools_a_bank_allows_none(bank_dir: Path) -> None:
    assert "tools" not in (bank_dir / "bank.yaml").read_text(encoding="utf-8")
    bank, _ = read_bank_dir(bank_dir)
    assert bank is not None and bank.blueprint.tools == Tools()


def test_calculator_memory_is_only_kept_with_a_calculator(bank_dir: Path) -> None:
    bank, _ = read_bank_dir(_source_with(bank_dir, "{calculator: basic, calculator_memory: true}"))
    assert bank is not None and bank.blueprint.tools == Tools(Calculator.BASIC, calculator_memory=True)


@pytest.mark.parametrize(
    ("tools", "code", "params"),
    [
        (
            "{calculator: graphing}",
            "source.not_allowed",
            {"key": "calculator", "value": "graphing", "allowed": "basic, scientific"},
        ),
        ("{zoom: please}", "source.not_boolean", {"key": "zoom"}),
        ("{calculator: basic, calculator_memory: 2}", "source.not_boolean", {"key": "calculator_memory"}),
        ("[calculator]", "source.not_mapping", {"key": "tools"}),
    ],
)
def test_a_tool_value_the_kiosk_does_not_know_is_a_problem_on_its_line(
    bank_dir: Path, tools: str, code: str, params: dict[str, object]
) -> None:
    folder = _source_with(bank_dir, tools)
    _, problems = read_bank_dir(folder)
    found = [problem for problem in problems if problem.code == code]
    assert [problem.params for problem in found] == [params]
    lines = (folder / "bank.yaml").read_text(encoding="utf-8").splitlines()
    assert found[0].line == lines.index(f"  tools: {tools}") + 1


def test_an_unknown_tool_is_named(bank_dir: Path) -> None:
    _, problems = read_bank_dir(_source_with(bank_dir, "{calculater: basic}"))
    (unknown,) = [problem for problem in problems if problem.params.get("key") == "calculater"]
    assert unknown.code == "source.key_unknown"
    assert unknown.params["suggestion"] == "calculator"


def test_the_allowed_tools_travel_in_the_package_to_the_kiosk(
    staffed: KioskContext, codes: dict[str, str], write_package: Callable[..., Path]
) -> None:
    plain = make_bank(version=2)
    tooled = dataclasses.replace(
        plain,
        blueprint=dataclasses.replace(
            plain.blueprint, tools=Tools(Calculator.BASIC, calculator_memory=True, zoom=True)
        ),
    )
    # A bank without tools keeps the payload it always had; one with tools carries them.
    assert "tools" not in json.loads(bank_to_payload(plain))["blueprint"]
    assert json.loads(bank_to_payload(tooled))["blueprint"]["tools"] == {
        "calculator": "basic",
        "calculator_memory": True,
        "zoom": True,
    }
    assert bank_from_payload(bank_to_payload(tooled)).blueprint.tools == tooled.blueprint.tools
    install_package(staffed, write_package(tooled))
    info = schedule_sitting(staffed, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))
    opened = open_sitting(staffed, info.id, PIN, RELEASE_CODE)
    assert opened.bank.blueprint.tools == Tools(Calculator.BASIC, calculator_memory=True, zoom=True)
