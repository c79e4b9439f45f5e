"""One build step on top of pyproject.toml: the sample bank sources go into the package.

``question_banks/`` stays where authors and tests read it, beside the package. A wheel (and so any install
from it) gets a copy as the package data ``kiosk/sample_banks``, where ``kiosk demo`` finds it through
``importlib.resources``. An editable install needs no copy: the demo reads the checkout's folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup  # type: ignore[import-untyped, unused-ignore]
from setuptools.command.build_py import build_py  # type: ignore[import-untyped, unused-ignore]

SAMPLES = Path(__file__).resolve().parent / "question_banks"
PACKAGED_AS = Path("kiosk") / "sample_banks"


class BuildWithSampleBanks(build_py):  # type: ignore[misc, unused-ignore]
    """``build_py`` that also copies the sample bank sources into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode or not SAMPLES.is_dir():
            return
        target = Path(self.build_lib) / PACKAGED_AS
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithSampleBanks})
