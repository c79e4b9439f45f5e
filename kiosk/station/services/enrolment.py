"""Kiosk enrolment: the file a kiosk writes so the registry will accept its result bundles.

The file is JSON naming the kiosk (id, name, centre) with its public identity text, signed by the kiosk's
own key so a centre name or key changed in transit is noticed. The signature proves the file is whole, not
who brought it: the registry administrator compares the key id printed by ``kiosk enrol`` on the kiosk
with the one ``kiosk registry enrol`` prints, as with an ssh fingerprint.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.domain.errors import InputError, RuleError
from kiosk.formats.enrolment import ENROLMENT_SUFFIX, Enrolment, enrolment_text, read_enrolment
from kiosk.formats.keys import PrivateIdentity
from kiosk.station.services.context import KioskContext
from kiosk.station.services.kiosk_setup import load_kiosk_identity, require_kiosk
from kiosk.support.files import SHARED, write_file


def write_enrolment(
    identity: PrivateIdentity,
    kiosk_id: str,
    kiosk_name: str,
    centre: str,
    out: Path,
    now: datetime,
    mode: int = SHARED,
) -> Path:
    """Write the enrolment file atomically to ``out`` (a folder gets ``<kiosk id>.1xenrol``).

    Public by default (``mode``): it carries only the kiosk's names and public key, for the registry to copy.
    """
    target = out / f"{kiosk_id}{ENROLMENT_SUFFIX}" if out.is_dir() else out
    if not target.parent.is_dir():
        raise InputError("enrolment.folder_missing", folder=target.parent)
    text = enrolment_text(identity, kiosk_id, kiosk_name, centre, now)
    write_file(target, text.encode("utf-8"), mode)
    return target


def enrol(ctx: KioskContext, out: Path, centre: str | None = None) -> tuple[Path, Enrolment]:
    """Write this kiosk's enrolment file to ``out`` (a file, or a folder for ``<kiosk id>.1xenrol``).

    ``centre``, when given, must be the centre the kiosk was set up for: bundles name that centre, so an
    enrolment under another name would file its results in the wrong place.
    """
    info = require_kiosk(ctx)
    if centre is not None and " ".join(centre.split()).casefold() != info.centre_name.casefold():
        raise RuleError("enrolment.other_centre", centre=info.centre_name, given=centre)
    identity = load_kiosk_identity(ctx)
    target = out / f"{info.kiosk_id}{ENROLMENT_SUFFIX}" if out.is_dir() else out
    # Written into the data folder it is owner-only, like everything else there.
    mode = ctx.mode_for(target, SHARED)
    path = write_enrolment(
        identity, info.kiosk_id, info.kiosk_name, info.centre_name, out, ctx.clock.wall(), mode
    )
    return path, read_enrolment(path)
