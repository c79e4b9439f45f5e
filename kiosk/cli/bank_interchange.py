"""``kiosk bank import`` and ``kiosk bank export``: items in from other tools, and a bank out as QTI 3.0."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.authoring.interchange import FORMATS, export_qti3, import_bank
from kiosk.authoring.interchange.report import report_lines
from kiosk.cli.common import say
from kiosk.messages import sentence


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` and ``export`` verbs to ``kiosk bank``."""
    bring_in = verbs.add_parser(
        "import",
        help="convert QTI 3.0 or 2.1, Moodle XML, GIFT or Aiken files into a new bank source folder, "
        "with a report on every question",
    )
    bring_in.add_argument("format", choices=FORMATS, metavar="FORMAT", help="one of: " + ", ".join(FORMATS))
    bring_in.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="item files, packages (.zip) or unpacked packages"
    )
    bring_in.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="the new bank source folder"
    )
    bring_in.set_defaults(handler=_import)

    take_out = verbs.add_parser("export", help="write a bank source folder as a QTI 3.0 content package")
    take_out.add_argument("format", choices=("qti3",), metavar="FORMAT", help="qti3")
    take_out.add_argument("source", type=Path, metavar="SRC")
    take_out.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.zip")
    take_out.set_defaults(handler=_export)


def _import(args: argparse.Namespace) -> int:
    report = import_bank(args.format, args.files, args.output, word=sentence)
    for line in report_lines(report, sentence):
        say(line)
    say(f"Fill in what is missing, then check it with: kiosk bank validate {args.output}")
    return 0


def _export(args: argparse.Namespace) -> int:
    exported = export_qti3(args.source, args.output)
    say(
        f"Wrote {exported.path}: {exported.bank_id} version {exported.version}, "
        f"{exported.item_count} items as a QTI 3.0 package, {exported.size} bytes."
    )
    return 0
