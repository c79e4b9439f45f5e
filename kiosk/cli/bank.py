"""``kiosk bank ...`` and ``kiosk keys new``: the awarding body's verbs for sources, packages and keys."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from kiosk.authoring import build as authoring
from kiosk.cli import exam
from kiosk.cli.common import CommandError, passphrase, say
from kiosk.formats import bank_packages
from kiosk.formats.keys import KeyKind
from kiosk.messages import sentence


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bank = subparsers.add_parser("bank", help="validate, build, inspect and verify question bank packages")
    verbs = bank.add_subparsers(dest="bank_verb", metavar="VERB", required=True)

    validate = verbs.add_parser("validate", help="check bank source folders and report every problem")
    validate.add_argument("sources", nargs="+", type=Path, metavar="SRC")
    validate.set_defaults(handler=_validate)

    build = verbs.add_parser("build", help="build a signed, encrypted package from a bank source folder")
    build.add_argument("source", type=Path, metavar="SRC")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    build.add_argument("--signing-key", type=Path, required=True, help="the awarding body's private key file")
    build.add_argument(
        "--release-code",
        help="the exam-day release code (default: $KIOSK_RELEASE_CODE, or asked for)",
    )
    build.add_argument("--passphrase-env", help="environment variable holding the signing key's passphrase")
    build.set_defaults(handler=_build)

    inspect = verbs.add_parser("inspect", help="show a package's signed header without decrypting it")
    inspect.add_argument("package", type=Path, metavar="FILE")
    inspect.set_defaults(handler=_inspect)

    verify = verbs.add_parser("verify", help="check a package's signature against a trusted public key")
    verify.add_argument("package", type=Path, metavar="FILE")
    verify.add_argument(
        "--trusted", type=Path, action="append", required=True, help="awarding body public key"
    )
    verify.set_defaults(handler=_verify)
    exam.add_bank_verbs(verbs)

    keys = subparsers.add_parser("keys", help="make signing and encryption keys")
    key_verbs = keys.add_subparsers(dest="keys_verb", metavar="VERB", required=True)
    new = key_verbs.add_parser("new", help="generate a key pair: NAME.key (private, 0600) and NAME.pub")
    new.add_argument("kind", choices=[kind.value for kind in KeyKind])
    new.add_argument("name")
    new.add_argument("--out", type=Path, default=Path("."), help="folder to write the key files in")
    new.add_argument("--passphrase-env", help="environment variable holding a passphrase for the private key")
    new.set_defaults(handler=_keys_new)


def _validate(args: argparse.Namespace) -> int:
    failed = 0
    for source in args.sources:
        problems = authoring.validate_source(source)
        for problem in problems:
            say(f"{problem.location}: {sentence(problem.error())}")
        if problems:
            failed += 1
            say(f"{source}: {len(problems)} problem(s)")
        else:
            say(f"{source}: valid")
    return 1 if failed else 0


def _build(args: argparse.Namespace) -> int:
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
    header = bank_packages.inspect_package(args.package)
    for label, value in authoring.describe_header(header):
        say(f"{label + ':':15}{value}")
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
