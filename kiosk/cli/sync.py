"""``kiosk sync``: send the kiosk's result bundles to the registry over the network and apply its receipts.

One pass by default (exit code 1 when a bundle tried in it is left failed), or ``--watch`` to keep
sending until interrupted. ``--link FILE`` first keeps the registry's link file (where the registry is and
the certificate to pin), checked against the registry key the kiosk trusts.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from kiosk.cli import common
from kiosk.cli.common import CommandError, say
from kiosk.cli.hints import with_hint
from kiosk.cli.registry import table
from kiosk.station.services.sync import (
    BundleDelivery,
    Status,
    SyncPass,
    link_path,
    link_registry,
    sync_once,
    sync_status,
    watch,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = subparsers.add_parser(
        "sync", help="send result bundles to the registry over the network and bring back their receipts"
    )
    sync.add_argument(
        "--link",
        type=Path,
        metavar="FILE",
        help="the registry's link file (from 'kiosk registry link'); kept",
    )
    sync.add_argument("--watch", action="store_true", help="keep sending until interrupted (Ctrl+C)")
    sync.add_argument(
        "--interval",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --watch, how often to look for new bundles (default: 60)",
    )
    sync.add_argument("--now", action="store_true", help="try every bundle without a receipt now")
    sync.add_argument("--status", action="store_true", help="only show each bundle's state; send nothing")
    sync.set_defaults(handler=_sync)


def _sync(args: argparse.Namespace) -> int:
    if args.interval < 1:
        raise CommandError("--interval must be at least 1 second.")
    with common.kiosk_context(args) as ctx:
        if args.link is not None:
            link = link_registry(ctx, args.link)
            say(f"Linked to the registry at {link.url} (certificate SHA-256 {link.fingerprint}).")
        if args.status:
            for line in delivery_lines(sync_status(ctx)):
                say(line)
            return 0
        if not link_path(ctx).exists():
            raise CommandError(
                "This kiosk has no link to a registry yet: run 'kiosk sync --link FILE' with the file "
                "'kiosk registry link' wrote at the registry."
            )
        if args.watch:
            watch(ctx, args.interval, _show)
            return 0
        result = sync_once(ctx, force=args.now)
    _show(result)
    return 1 if result.failed else 0


def _show(result: SyncPass) -> None:
    if result.busy:
        say("Another sender on this kiosk is busy; nothing was sent in this pass.")
        return
    for line in delivery_lines(result.bundles):
        say(line)
    delivered = sum(1 for item in result.bundles if item.status is Status.DELIVERED)
    say(f"{len(result.tried)} bundle(s) tried in this pass; {delivered} of {len(result.bundles)} delivered.")


def _time(value: datetime | None) -> str:
    return "-" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _detail(item: BundleDelivery) -> str:
    if item.status is Status.DELIVERED:
        if item.receipt_at is None:
            return "its attempts were acknowledged in other bundles' receipts"
        return f"receipt applied {_time(item.receipt_at)}"
    if item.error is not None:
        return f"{with_hint(item.error)} Next try {_time(item.next_try_at)}."
    return ""


def delivery_lines(bundles: tuple[BundleDelivery, ...] | list[BundleDelivery]) -> list[str]:
    """A table of every written bundle: its state, tries and what happened last."""
    if not bundles:
        return ["No result bundle has been exported yet."]
    rows = [
        (item.bundle_id, str(item.attempts), item.status.value, str(item.tries), _detail(item))
        for item in bundles
    ]
    return table(("BUNDLE", "ATTEMPTS", "STATE", "TRIES", "DETAIL"), rows)
