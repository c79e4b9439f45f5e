"""``kiosk report ...``: printed reports.

At the registry: result slips, certificates, cohort and item analysis, and checking a slip's verification
code. At a centre's kiosk: the invigilation pack and the sitting report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.authoring.catalogue import load_catalogue
from kiosk.cli import common
from kiosk.cli import registry as registry_cli
from kiosk.cli.common import CommandError, ProgressBar, say
from kiosk.cli.registry import REGISTRY_DB_ENV
from kiosk.domain.catalogue import BankCatalogue
from kiosk.registry.services.analysis import write_cohort, write_item_analysis
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.services.reporting import default_workers, issue_certificates, issue_slips
from kiosk.registry.services.standing import withheld
from kiosk.station.services.reports import print_pack, write_sitting_report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser("report", help="print result slips, certificates, packs and analyses")
    verbs = report.add_subparsers(dest="report_verb", metavar="VERB", required=True)

    slips = verbs.add_parser("slips", help="a signed result slip PDF for every result that stands (or named)")
    _registry_options(slips)
    # The registry prints by its own copies of the banks; sources given here are added to them first.
    _banks_option(slips, required=False)
    _batch_options(slips)
    slips.set_defaults(handler=_slips)

    certificates = verbs.add_parser("certificates", help="a certificate PDF for every passing attempt held")
    _registry_options(certificates)
    _batch_options(certificates)
    certificates.set_defaults(handler=_certificates)

    cohort = verbs.add_parser("cohort", help="pass rates and competences by centre: PDF, CSV and XLSX")
    _registry_options(cohort)
    _banks_option(cohort, required=False)
    _analysis_options(cohort)
    cohort.set_defaults(handler=_cohort)

    items = verbs.add_parser("items", help="item statistics and reliability: PDF, CSV and XLSX")
    _registry_options(items)
    _banks_option(items, required=True)
    _analysis_options(items)
    items.set_defaults(handler=_items)

    registry_cli.add_verify_slip(verbs)

    pack = verbs.add_parser("pack", help="the invigilation pack of a sitting (issues fresh access codes)")
    pack.add_argument("--sitting", type=int, required=True, metavar="ID")
    pack.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    pack.set_defaults(handler=_pack)

    sitting = verbs.add_parser("sitting", help="attendance, times, incidents and outages of a sitting")
    sitting.add_argument("--sitting", type=int, required=True, metavar="ID")
    sitting.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    sitting.set_defaults(handler=_sitting)


def _registry_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--registry-dir", type=Path, default=None, help="the registry's folder")
    parser.add_argument("--passphrase-env", help="environment variable holding the registry key's passphrase")
    parser.add_argument(
        "--db", default=None, metavar="URL", help=f"database URL (default: ${REGISTRY_DB_ENV})"
    )


def _banks_option(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--banks",
        type=Path,
        action="append",
        required=required,
        default=None,
        metavar="DIR",
        help="bank source folder, or a folder of them such as question_banks (pass rules, titles, item text)",
    )


def _batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write the PDFs in")
    parser.add_argument("--attempts", nargs="+", default=None, metavar="ID", help="only these attempts")
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="processes rendering at once (default: cores)"
    )


def _analysis_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for the PDF, CSV and XLSX"
    )
    parser.add_argument(
        "--bank", action="append", default=None, metavar="ID", help="only this bank, e.g. design-1"
    )


def _catalogue(args: argparse.Namespace) -> BankCatalogue | None:
    return load_catalogue(args.banks) if args.banks else None


def _out_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(
            f"The folder {path} cannot be created ({error.strerror}); choose another --out."
        ) from None
    return path


def _workers(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise CommandError(f"--workers must be 1 or more, not {args.workers}.")
    return int(args.workers)


def _slips(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    out = _out_dir(args.out)
    with registry_cli.registry_context(args) as ctx:
        written = issue_slips(ctx, catalogue, out, args.attempts, ProgressBar(sys.stderr), _workers(args))
        held_back = _held_back(ctx, args)
    say(f"Wrote {len(written)} result slip(s) to {out}.")
    if held_back:
        say(held_back)
    return 0


def _held_back(ctx: RegistryContext, args: argparse.Namespace) -> str:
    """A line counting the results left out of a run over every result, or "" when none were."""
    if args.attempts is not None:
        return ""
    count = len(withheld(ctx))
    if not count:
        return ""
    return (
        f"{count} result(s) held back (not rescored, kept aside, voided or awaiting a decision); "
        "'kiosk registry flags' says why for each."
    )


def _certificates(args: argparse.Namespace) -> int:
    out = _out_dir(args.out)
    with registry_cli.registry_context(args) as ctx:
        written, not_passed = issue_certificates(
            ctx, out, args.attempts, ProgressBar(sys.stderr), _workers(args)
        )
        held_back = _held_back(ctx, args)
    say(f"Wrote {len(written)} certificate(s) to {out}.")
    if not_passed:
        say(f"No certificate for {len(not_passed)} attempt(s) that did not pass.")
    if held_back:
        say(held_back)
    return 0


def _cohort(args: argparse.Namespace) -> int:
    out = _out_dir(args.out)
    with registry_cli.registry_context(args) as ctx:
        written = write_cohort(ctx, _catalogue(args), out, args.bank)
    say(f"Wrote {', '.join(path.name for path in written)} to {out}.")
    return 0


def _items(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.banks)
    out = _out_dir(args.out)
    with registry_cli.registry_context(args) as ctx:
        written = write_item_analysis(ctx, catalogue, out, args.bank)
    say(f"Wrote {', '.join(path.name for path in written)} to {out}.")
    return 0


def _pack(args: argparse.Namespace) -> int:
    with common.kiosk_context(args) as ctx:
        bar = ProgressBar(sys.stderr, "access codes made", delay=1.0)
        printed = print_pack(ctx, args.sitting, args.out, progress=bar)
    say(
        f"Wrote the invigilation pack for sitting {printed.sitting.id} ('{printed.sitting.name}') to "
        f"{printed.path}: {printed.candidates} candidate(s) issued fresh access codes; any earlier pack's "
        "codes no longer work."
    )
    return 0


def _sitting(args: argparse.Namespace) -> int:
    with common.kiosk_context(args) as ctx:
        path = write_sitting_report(ctx, args.sitting, args.out)
    say(f"Wrote the sitting report for sitting {args.sitting} to {path}.")
    return 0
