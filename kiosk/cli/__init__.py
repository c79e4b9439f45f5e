"""The ``kiosk`` command. Its verbs are in :mod:`kiosk.cli.command`.

This package itself imports next to nothing, because more than the command line imports it: the program's
entry script does (``from kiosk.cli import main``), and a helper process the program spawns (a registry
import's bundle readers, the access-code hashers) runs that script again before it starts its work. Were
the verbs and the services behind them imported here, each helper would spend most of a second loading
modules it never uses.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kiosk`` command line ``argv`` (the program's own when None); the exit code."""
    from kiosk.cli.command import run  # loaded when a command runs (see above)

    return run(argv)
