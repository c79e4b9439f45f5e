"""``kiosk bank ...`` and ``kiosk keys new``: the awarding body's verbs for sources, packages and keys."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from kiosk.authoring import build as authoring
from kiosk.authoring.forms_check import DEFAULT_DRAWS, FormsReport, check_forms
from kiosk.authoring.lint import BankFigures
from kiosk.authoring.problems import Problem
from kiosk.authoring.release_codes import new_release_code
from kiosk.authoring.source import load_bank_dir
from kiosk.cli import exam
from kiosk.cli.common import CommandError, passphrase, say
from kiosk.formats import bank_packages
from kiosk.formats.keys import KeyKind
from kiosk.messages import sentence


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bank = subparsers.add_parser("bank", help="validate, build, inspect and verify question bank packages")
    verbs = bank.add_subparsers(dest="bank_verb", metavar="VERB", required=True)

    validate = verbs.add_parser(
        "validate", help="check bank source folders: every problem, and item-writing warnings"
    )
    validate.add_argument("sources", nargs="+", type=Path, metavar="SRC")
    validate.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1 on any)")
    validate.set_defaults(handler=_validate)

    lint = verbs.add_parser("lint", help="print each bank's item-writing and form figures, as a table")
    lint.add_argument("sources", nargs="+", type=Path, metavar="SRC")
    lint.add_argument(
        "--draws",
        type=_positive,
        default=DEFAULT_DRAWS,
        help=f"forms drawn per bank (default {DEFAULT_DRAWS})",
    )
    lint.set_defaults(handler=_lint)

    forms = verbs.add_parser(
        "forms", help="draw many forms of each bank: spread of expected difficulty, overlap, enemies"
    )
    forms.add_argument("sources", nargs="+", type=Path, metavar="SRC")
    forms.add_argument(
        "--draws",
        type=_positive,
        default=DEFAULT_DRAWS,
        help=f"forms drawn per bank (default {DEFAULT_DRAWS})",
    )
    forms.set_defaults(handler=_forms)

    release_code = verbs.add_parser("release-code", help="print a new strong release code")
    release_code.set_defaults(handler=_release_code)

    build = verbs.add_parser("build", help="build a signed, encrypted package from a bank source folder")
    build.add_argument("source", type=Path, metavar="SRC")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    build.add_argument("--signing-key", type=Path, required=True, help="the awarding body's private key file")
    build.add_argument(
        "--release-code",
        help="the exam-day release code (default: $KIOSK_RELEASE_CODE, or asked for)",
    )
    build.add_argument("--passphrase-env", help="environment variable holding the signing key's passphrase")
    build.add_argument(
        "--strict",
        action="store_true",
        help="refuse to build while the item-writing lint has warnings (as 'bank validate --strict' lists)",
    )
    build.set_defaults(handler=_build)

    inspect = verbs.add_parser("inspect", help="show a package's signed header without decrypting it")
    inspect.add_argument("package", type=Path, metavar="FILE")
    inspect.add_argument(
        "--trusted", type=Path, metavar="KEY.pub", help="check the signature against this awarding-body key"
    )
    inspect.set_defaults(handler=_inspect)

    verify = verbs.add_parser("verify", help="check a package's signature against a trusted public key")
    verify.add_argument("package", type=Path, metavar="FILE")
    verify.add_argument(
        "--trusted", type=Path, action="append", required=True, help="awarding body public key"
    )
    verify.set_defaults(handler=_verify)
    exam.add_bank_verbs(verbs)
    from kiosk.cli import bank_interchange  # import and export verbs, kept in their own module

    bank_interchange.register(verbs)

    keys = subparsers.add_parser("keys", help="make signing and encryption keys")
    key_verbs = keys.add_subparsers(dest="keys_verb", metavar="VERB", required=True)
    new = key_verbs.add_parser("new", help="generate a key pair: NAME.key (private, 0600) and NAME.pub")
    new.add_argument("kind", choices=[kind.value for kind in KeyKind])
    new.add_argument("name")
    new.add_argument("--out", type=Path, default=Path("."), help="folder to write the key files in")
    new.add_argument("--passphrase-env", help="environment variable holding a passphrase for the private key")
    new.set_defaults(handler=_keys_new)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _said(problem: Problem, warning: bool = False) -> str:
    return f"{problem.location}: {'warning: ' if warning else ''}{sentence(problem.error())}"


def _validate(args: argparse.Namespace) -> int:
    errors = {source: authoring.validate_source(source) for source in args.sources}
    warnings = authoring.lint(args.sources).warnings
    failed = 0
    for source in args.sources:
        problems, cautions = errors[source], warnings.get(source, [])
        for problem in problems:
            say(_said(problem))
        for problem in cautions:
            say(_said(problem, warning=True))
        counts = [f"{len(problems)} problem(s)"] if problems else ["valid"]
        if cautions:
            counts.append(
                f"{len(cautions)} warning(s)" + (", which --strict counts as problems" if args.strict else "")
            )
        say(f"{source}: {', '.join(counts)}")
        failed += bool(problems) or (args.strict and bool(cautions))
    return 1 if failed else 0


def _lint(args: argparse.Namespace) -> int:
    errors = {source: authoring.validate_source(source) for source in args.sources}
    report = authoring.lint(args.sources)
    rows = []
    for source in args.sources:
        if errors[source]:
            say(f"{source}: {len(errors[source])} problem(s); 'kiosk bank validate {source}' lists them")
        figures = report.figures.get(source)
        if figures is not None:
            rows.append(
                (figures, check_forms(load_bank_dir(source), args.draws) if not errors[source] else None)
            )
    if rows:
        say(figures_table(rows, args.draws))
    return 1 if any(errors.values()) else 0


def figures_table(rows: list[tuple[BankFigures, FormsReport | None]], draws: int) -> str:
    """The lint figures as a Markdown table, one row per bank."""
    header = (
        "| bank | items | scenario items | key longest (single) | true/false true | busiest key position | "
        f"duplicate clusters | expected mark over {draws:,} forms | form spread | overlap | warnings |"
    )
    lines = [header, "|" + " --- |" * header.count(" | ") + " --- |"]
    for figures, forms in rows:
        share = figures.key_longest_share
        true_share = figures.true_share
        busiest = figures.busiest_position
        cells = [
            figures.bank_id,
            str(figures.items),
            f"{100 * figures.scenarios / figures.items:.0f} % ({figures.scenarios})"
            if figures.items
            else "-",
            f"{share:.0f} % ({figures.key_longest}/{figures.single})" if share is not None else "-",
            f"{true_share:.0f} % ({figures.true_keys}/{figures.true_false})"
            if true_share is not None
            else "-",
            f"{busiest[0]} {busiest[1]:.0f} %" if busiest else "-",
            str(figures.duplicate_clusters),
            f"{forms.expected_mean:.1f} % ({forms.expected_min:.1f}-{forms.expected_max:.1f})"
            if forms
            else "-",
            f"{forms.spread:.1f} points (SD {forms.expected_sd:.1f})" if forms else "-",
            f"{forms.overlap_mean:.0f} %" if forms else "-",
            str(figures.warnings),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _forms(args: argparse.Namespace) -> int:
    unfair = 0
    for source in args.sources:
        report = check_forms(load_bank_dir(source), args.draws)
        say(
            f"{source}: {report.draws:,} forms of {report.form_length} items from a pool of {report.pool}; "
            f"expected mark {report.expected_mean:.1f} % (from {report.expected_min:.1f} to "
            f"{report.expected_max:.1f}, a spread of {report.spread:.1f} points, "
            f"SD {report.expected_sd:.2f}); two forms share {report.overlap_mean:.0f} % of their items "
            f"on average ({report.overlap_max:.0f} % at most); the most drawn item is on "
            f"{report.exposure_max:.0f} % of forms."
        )
        if report.failures:
            say(f"{source}: {report.failures:,} of {report.draws:,} forms could not be drawn.")
        if report.enemy_meetings:
            say(f"{source}: {report.enemy_meetings:,} forms hold two items of one enemies set.")
        unfair += not report.fair
    return 1 if unfair else 0


def _release_code(args: argparse.Namespace) -> int:
    say(new_release_code())
    return 0


def _build(args: argparse.Namespace) -> int:
    if args.strict:
        cautions = authoring.lint([args.source]).warnings.get(args.source, [])
        if cautions:
            for problem in cautions:
                say(_said(problem, warning=True))
            raise CommandError(
                f"{args.source} has {len(cautions)} item-writing warning(s), and --strict builds only a bank "
                "with none; nothing was built."
            )
    code = args.release_code or os.environ.get("KIOSK_RELEASE_CODE") or getpass.getpass("Release code: ")
    if not code.strip():
        raise CommandError("A release code is needed to build a package; give --release-code.")
    signer = authoring.load_signing_identity(args.signing_key, passphrase(args))
    built = authoring.build_bank_package(args.source, args.output, signer, code)
    say(
        f"Built {built.path}: {built.bank_id} version {built.version}, "
        f"{built.item_count} items, {built.size} bytes."
    )
    return 0


def _inspect(args: argparse.Namespace) -> int:
    # Without a trusted key the header is only read: anyone can write one, so its signer is not vouched for.
    if args.trusted is None:
        header = bank_packages.inspect_package(args.package)
        checked = "NOT VERIFIED (give --trusted KEY.pub to check the signature)"
    else:
        header = bank_packages.verify_package_file(args.package, [args.trusted])
        checked = "verified against " + str(args.trusted)
    for label, value in authoring.describe_header(header):
        say(f"{label + ':':15}{value}")
    say(f"{'Signature:':15}{checked}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    header = bank_packages.verify_package_file(args.package, args.trusted)
    say(
        f"{args.package}: signature valid "
        f"({header.bank_id} version {header.version}, key {header.signer_key_id})."
    )
    return 0


def _keys_new(args: argparse.Namespace) -> int:
    private, public = authoring.new_keys(KeyKind(args.kind), args.name, args.out, passphrase(args))
    say(f"Wrote {private} (private, keep it secret) and {public} (public, share it).")
    return 0
