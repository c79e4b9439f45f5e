"""Builds the UI's translations: .ts sources updated from the code, compiled to .qm with lrelease.

    python -m kiosk.ui.i18n.build            compile every .ts beside this module to its .qm
    python -m kiosk.ui.i18n.build --update   first add the code's new strings to kiosk_*.ts and console_*.ts

The compiled .qm files are kept in the repository and shipped in the package, so a kiosk needs no Qt tools;
``tests/ui/test_i18n.py`` checks that compiling again gives the same bytes. The errors_*.ts files
(the ``Errors`` context, one per part of the product) are written by hand from ``kiosk.messages``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

from kiosk.ui.i18n.sources import extract, merge, read_ts, render_ts

I18N_DIR = Path(__file__).resolve().parent
UI_DIR = I18N_DIR.parent
# The catalogues made from the code, and the locales each comes in (English only for plural forms).
CODE_CATALOGUES = ("kiosk", "console")
CODE_LOCALES = ("zh_CN", "en")


def code_files(catalogue: str) -> list[Path]:
    """The UI modules whose strings belong to ``catalogue``: the console's in admin/, the kiosk's others."""
    admin = UI_DIR / "admin"
    files = sorted(UI_DIR.rglob("*.py"))
    if catalogue == "console":
        return [path for path in files if admin in path.parents]
    return [path for path in files if admin not in path.parents]


def ts_path(catalogue: str, locale: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"{catalogue}_{locale}.ts"


def update(directory: Path = I18N_DIR) -> list[str]:
    """Bring the code's catalogues up to date with the code; returns a line per file changed."""
    report = []
    for catalogue in CODE_CATALOGUES:
        found, dynamic = extract(UI_DIR, code_files(catalogue))
        if dynamic:
            raise SystemExit("tr() needs literal text at " + ", ".join(dynamic))
        for locale in CODE_LOCALES:
            path = ts_path(catalogue, locale, directory)
            existing = read_ts(path)[1] if path.exists() else []
            merged = merge(locale, found, existing)
            text = render_ts(locale, merged)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                untranslated = sum(1 for message in merged if not message.translated)
                report.append(f"{path.name}: {len(merged)} strings, {untranslated} untranslated")
    return report


def lrelease() -> str:
    """The lrelease program PySide6 ships (the one ``pyside6-lrelease`` runs)."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return str(bundled)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise SystemExit("lrelease is not installed; install PySide6-Essentials")
    return found


def compile_ts(source: Path, target: Path) -> None:
    """Compile one .ts file to ``target`` (.qm)."""
    result = subprocess.run(
        [lrelease(), "-silent", str(source), "-qm", str(target)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not target.exists():
        raise SystemExit(
            f"lrelease failed on {source.name}: {result.stderr.strip() or result.stdout.strip()}"
        )


def release(directory: Path = I18N_DIR, out: Path | None = None) -> list[Path]:
    """Compile every .ts in ``directory`` to a .qm of the same name in ``out`` (default: beside it)."""
    made = []
    for source in sorted(directory.glob("*.ts")):
        target = (out or directory) / source.with_suffix(".qm").name
        compile_ts(source, target)
        made.append(target)
    # A .qm whose .ts is gone would still be loaded; take it away with its source.
    if out is None:
        for stale in directory.glob("*.qm"):
            if not stale.with_suffix(".ts").exists():
                stale.unlink()
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.ui.i18n.build", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--update", action="store_true", help="add the code's new strings to the .ts files first"
    )
    args = parser.parse_args(argv)
    if args.update:
        for line in update():
            print(line)
    for target in release():
        print(f"compiled {target.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
