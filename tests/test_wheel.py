"""A wheel that works alone: built from the checkout, installed in a fresh virtual environment, run elsewhere.

The environment sees this one's packages (``--system-site-packages``) so nothing is fetched, but the kiosk
package itself comes only from the wheel: the demo must find its sample banks, icons and translations
inside the installed package, not in the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.wheel


def _run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _venv_bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if sys.platform == "win32" else "bin") / name


def test_the_wheel_runs_the_demo_from_a_fresh_environment(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # The source distribution first, then the wheel from it: the way 'python -m build' makes both, so the
    # sdist's manifest is checked too. No isolation: the build tools come from this environment.
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, ROOT], cwd=tmp_path)
    [wheel] = dist.glob("onex_kiosk-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata_name] = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode()
    assert "kiosk/sample_banks/maintenance-1/bank.yaml" in names
    assert "kiosk/ui/i18n/kiosk_zh_CN.qm" in names
    assert "kiosk/ui/icons/check-dark.svg" in names
    # A kiosk PC gets no registry-only driver: PostgreSQL's comes with the 'registry' extra alone.
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist: psycopg")]
    assert requires and all("extra ==" in line for line in requires)
    assert any('extra == "registry"' in line for line in requires)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", venv], cwd=tmp_path)
    python = _venv_bin(venv, "python.exe" if sys.platform == "win32" else "python")
    # --force-reinstall: the same version may already be installed (editable) in the outer environment.
    options = ["--quiet", "--no-deps", "--no-index", "--force-reinstall"]
    install: list[str | Path] = [python, "-m", "pip", "install", *options, wheel]
    _run(install, cwd=tmp_path)

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "KIOSK_DATA_DIR")}
    env["KIOSK_DATA_DIR"] = str(tmp_path / "kiosk-data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = _run(
        [python, "-c", "import kiosk, kiosk.demo; print(kiosk.demo.sample_banks_root())"], outside, env
    )
    assert Path(where.strip()).is_relative_to(venv), where
    kiosk_command = _venv_bin(venv, "kiosk.exe" if sys.platform == "win32" else "kiosk")
    out = _run([kiosk_command, "demo", "--no-window"], outside, env)
    assert f"Demo centre made in {tmp_path / 'kiosk-data'}" in out
    assert "Invigilator: Demo Invigilator, PIN " in out
    assert out.count("  DEMO-0") == 10
    assert "was skipped" not in out
    assert out.endswith("Open it with: kiosk run\n")
    assert (tmp_path / "kiosk-data" / "kiosk.db").is_file()
