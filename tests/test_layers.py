"""The import rules of docs/ARCHITECTURE.md: actors never import each other, layers only import downwards,
each third-party library lives in its own corner, and imports are absolute.

The same rules are written as import-linter contracts in pyproject.toml, which ``.ci/run`` runs too; the
last test here checks the two agree on who may import what.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "kiosk"

# What each part of the tree may import of ours (besides itself). A part is the longest matching prefix.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "support": {"domain"},
    "formats": {"domain", "support"},
    "authoring": {"domain", "support", "formats"},
    "station.storage": {"domain", "support"},
    "station.reports": {"domain", "support"},
    "station.services": {"domain", "support", "formats", "station.storage", "station.reports"},
    "registry.storage": {"domain", "support"},
    "registry.reports": {"domain", "support"},
    "registry.services": {"domain", "support", "formats", "registry.storage", "registry.reports"},
    "registry.service": {"domain", "support", "formats", "registry.services", "registry.storage"},
    "messages": {"domain"},
    "demo": {"domain", "support", "formats", "authoring", "station"},
    "ui": {"domain", "support", "formats", "authoring", "station", "registry", "messages", "demo"},
    "cli": {"domain", "support", "formats", "authoring", "station", "registry", "messages", "demo", "app"},
    "app": {"domain", "support", "formats", "station", "messages", "demo", "ui"},
}

# Where each third-party library may be imported (module prefixes).
LIBRARY_HOMES: dict[str, tuple[str, ...]] = {
    "PySide6": ("ui",),
    "shiboken6": ("ui",),
    "sqlalchemy": ("support.sql", "station.storage", "registry.storage"),
    "psycopg": ("registry.storage",),
    "cryptography": ("formats",),
    "reportlab": ("support.paper", "station.reports", "registry.reports"),
    "qrcode": ("support.paper",),
    "openpyxl": ("support.paper",),
    "yaml": ("authoring",),
    "starlette": ("registry.service",),
    "uvicorn": ("registry.service",),
}


def _module(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _part(module: str) -> str:
    """The rule a module of ours falls under: the longest prefix in ALLOWED, or its top-level name."""
    pieces = module.split(".")
    for size in range(len(pieces), 0, -1):
        prefix = ".".join(pieces[:size])
        if prefix in ALLOWED:
            return prefix
    return pieces[0]


def _within(part: str, prefix: str) -> bool:
    return part == prefix or part.startswith(prefix + ".")


def _imports(path: Path) -> list[tuple[int, str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and module == "kiosk":
                # ``from kiosk import x``: each name is a module of ours
                found.extend((node.lineno, f"kiosk.{alias.name}", 0) for alias in node.names)
            else:
                found.append((node.lineno, module, node.level))
    return found


def _violations(root: Path = ROOT) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        module = _module(root, path)
        if module in ("", "__main__"):
            continue
        part = _part(module)
        for line, target, level in _imports(path):
            where = f"{path.relative_to(root.parent)}:{line}"
            if level:
                problems.append(f"{where}: relative import; write the absolute kiosk.… path")
                continue
            top = target.split(".")[0]
            if top == "kiosk":
                inner = target.removeprefix("kiosk").removeprefix(".")
                if not inner:
                    continue
                other = _part(inner)
                if _within(other, part) or _within(part, other):
                    continue
                allowed = ALLOWED.get(part, set())
                if not any(_within(other, prefix) for prefix in allowed):
                    problems.append(f"{where}: kiosk.{part} must not import kiosk.{other}")
            elif top in LIBRARY_HOMES and not any(_within(module, home) for home in LIBRARY_HOMES[top]):
                homes = ", ".join(f"kiosk.{home}" for home in LIBRARY_HOMES[top])
                problems.append(f"{where}: {top} belongs to {homes}, not kiosk.{module}")
    return problems


def test_every_module_keeps_to_its_layer() -> None:
    assert _violations() == []


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    fake_root = tmp_path / "kiosk"
    (fake_root / "domain").mkdir(parents=True)
    (fake_root / "domain" / "bad.py").write_text("import sqlalchemy\nfrom kiosk.ui import screens\n")
    assert _violations(fake_root) == [
        "kiosk/domain/bad.py:1: sqlalchemy belongs to kiosk.support.sql, kiosk.station.storage, "
        "kiosk.registry.storage, not kiosk.domain.bad",
        "kiosk/domain/bad.py:2: kiosk.domain must not import kiosk.ui",
    ]


def test_the_registry_and_the_station_never_import_each_other(tmp_path: Path) -> None:
    fake_root = tmp_path / "kiosk"
    for folder in ("registry/services", "station/services", "station/storage", "authoring"):
        (fake_root / folder).mkdir(parents=True)
    (fake_root / "registry" / "services" / "x.py").write_text("from kiosk.station.services import export\n")
    (fake_root / "station" / "services" / "y.py").write_text("import kiosk.registry.storage.repo\n")
    (fake_root / "station" / "storage" / "z.py").write_text("from kiosk.station.services import export\n")
    (fake_root / "authoring" / "w.py").write_text("from kiosk import station\n")
    assert _violations(fake_root) == [
        "kiosk/authoring/w.py:1: kiosk.authoring must not import kiosk.station",
        "kiosk/registry/services/x.py:1: kiosk.registry.services must not import kiosk.station.services",
        "kiosk/station/services/y.py:1: kiosk.station.services must not import kiosk.registry.storage",
        "kiosk/station/storage/z.py:1: kiosk.station.storage must not import kiosk.station.services",
    ]


def test_relative_imports_are_refused(tmp_path: Path) -> None:
    fake_root = tmp_path / "kiosk"
    (fake_root / "formats").mkdir(parents=True)
    (fake_root / "formats" / "a.py").write_text("from . import keys\nfrom .keys import x\n")
    assert _violations(fake_root) == [
        "kiosk/formats/a.py:1: relative import; write the absolute kiosk.… path",
        "kiosk/formats/a.py:2: relative import; write the absolute kiosk.… path",
    ]


def test_the_import_linter_contracts_name_the_same_rules() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    contracts = {contract["name"]: contract for contract in config["contracts"]}
    independent = contracts["Actors are independent"]
    assert set(independent["modules"]) == {"kiosk.authoring", "kiosk.station", "kiosk.registry"}
    layers = contracts["Layers"]["layers"]
    flat = [name.strip() for layer in layers for name in layer.split("|")]
    # every top-level part of the tree is placed in the layers contract, cli included
    tops = {path.stem if path.is_file() else path.name for path in ROOT.iterdir()}
    tops -= {"__init__", "__main__", "__pycache__"}
    assert {name.removeprefix("kiosk.") for name in flat} == tops
    assert flat.index("kiosk.cli") < flat.index("kiosk.ui") < flat.index("kiosk.station")
    inner = contracts["Layers inside the station and the registry"]
    assert set(inner["containers"]) == {"kiosk.station", "kiosk.registry"}
    assert inner["layers"] == ["services", "reports | storage"]
