"""The ``kiosk`` package entry (``kiosk.cli.main``): light to import, the verbs loaded when a command runs."""

from __future__ import annotations

import ast
import subprocess
import sys


def test_importing_the_entry_loads_none_of_the_verbs_or_services() -> None:
    """Every helper process the program spawns runs the entry script, ``from kiosk.cli import main``,
    before its work: that import must not load the verbs, the services or their libraries."""
    code = (
        "import sys, kiosk.cli; "
        "print(sorted(name for name in sys.modules if name.startswith(('kiosk', 'sqlalchemy', 'PySide6'))))"
    )
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert ast.literal_eval(printed.strip()) == ["kiosk", "kiosk.cli"]
