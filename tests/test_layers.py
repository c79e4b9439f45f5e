"""The layer rules of STYLE.md: who may import which layer and which third-party library."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "kiosk"

# Which kiosk layers each layer may import (besides itself).
ALLOWED_LAYERS = {
    "domain": set(),
    "security": {"domain"},
    "banks": {"domain"},
    "storage": {"domain"},
    "reports": {"domain"},
    "services": {"domain", "security", "banks", "storage", "reports"},
    "ui": {"domain", "services"},
    "cli": {"domain", "security", "banks", "storage", "reports", "services", "app"},
    "app": {"domain", "security", "banks", "storage", "reports", "services", "ui", "cli"},
}

# Each third-party library lives in exactly one layer.
LIBRARY_HOME = {
    "PySide6": "ui",
    "shiboken6": "ui",
    "sqlalchemy": "storage",
    "psycopg": "storage",
    "cryptography": "security",
    "reportlab": "reports",
    "qrcode": "reports",
    "openpyxl": "reports",
    "yaml": "banks",
}


def _layer(root: Path, path: Path) -> str:
    relative = path.relative_to(root)
    return (
        relative.parts[0].removesuffix(".py")
        if len(relative.parts) > 1 or relative.stem != "__init__"
        else ""
    )


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _violations(root: Path = ROOT) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        layer = _layer(root, path)
        if layer in ("", "__main__"):
            continue
        for line, module in _imports(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(root.parent)}:{line}"
            if top == "kiosk":
                parts = module.split(".")
                target = parts[1] if len(parts) > 1 else ""
                if target and target != layer and target not in ALLOWED_LAYERS.get(layer, set()):
                    problems.append(f"{where}: layer {layer} must not import kiosk.{target}")
            elif top in LIBRARY_HOME and LIBRARY_HOME[top] != layer:
                problems.append(f"{where}: {top} belongs to kiosk.{LIBRARY_HOME[top]}, not kiosk.{layer}")
    return problems


def test_every_module_keeps_to_its_layer() -> None:
    assert _violations() == []


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    fake_root = tmp_path / "kiosk"
    (fake_root / "domain").mkdir(parents=True)
    (fake_root / "domain" / "bad.py").write_text("import sqlalchemy\nfrom kiosk.ui import screens\n")
    assert _violations(fake_root) == [
        "kiosk/domain/bad.py:1: sqlalchemy belongs to kiosk.storage, not kiosk.domain",
        "kiosk/domain/bad.py:2: layer domain must not import kiosk.ui",
    ]
