"""The frozen program's entry point: the same ``kiosk`` command a pip install gives, in one folder."""

from __future__ import annotations

import multiprocessing

from kiosk.cli import main

if __name__ == "__main__":
    # A frozen program started again as a worker process must not run the command line a second time.
    multiprocessing.freeze_support()
    raise SystemExit(main())
