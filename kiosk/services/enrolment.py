"""Kiosk enrolment: the file a kiosk writes so the registry will accept its result bundles.

The file is JSON naming the kiosk (id, name, centre) with its public identity text, signed by the kiosk's
own key so a centre name or key changed in transit is noticed. The signature proves the file is whole, not
who brought it: the registry administrator compares the key id printed by ``kiosk enrol`` on the kiosk
with the one ``kiosk registry enrol`` prints, as with an ssh fingerprint.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.errors import InputError, KioskError, RuleError, SecurityError
from kiosk.security.encoding import purpose_label
from kiosk.security.keys import KeyKind, PrivateIdentity, PublicIdentity, verify_signature, write_atomically
from kiosk.security.records import canonical_json
from kiosk.services.context import KioskContext
from kiosk.services.kiosk_setup import load_kiosk_identity, require_kiosk

ENROLMENT_FORMAT = "1x-kiosk-enrolment/1"
ENROLMENT_SUFFIX = ".1xenrol"
ENROLMENT_LABEL = purpose_label("kiosk-enrolment")
_SIGNED_FIELDS = ("format", "kiosk_id", "kiosk_name", "centre", "public", "created_at")


@dataclass(frozen=True, slots=True)
class Enrolment:
    """What an enrolment file says about one kiosk."""

    kiosk_id: str
    kiosk_name: str
    centre: str
    public: PublicIdentity
    created_at: datetime

    @property
    def key_id(self) -> str:
        return self.public.key_id


def enrolment_text(
    identity: PrivateIdentity, kiosk_id: str, kiosk_name: str, centre: str, now: datetime
) -> str:
    """The signed enrolment file's text for this kiosk."""
    for field, value in (("kiosk id", kiosk_id), ("kiosk name", kiosk_name), ("centre", centre)):
        if not value.strip():
            raise InputError(f"The {field} for the enrolment file is empty; give one.")
    fields: dict[str, Any] = {
        "format": ENROLMENT_FORMAT,
        "kiosk_id": kiosk_id,
        "kiosk_name": kiosk_name.strip(),
        "centre": centre.strip(),
        "public": identity.public.to_text(),
        "created_at": now.astimezone(UTC).isoformat(timespec="seconds"),
    }
    signature = identity.sign(ENROLMENT_LABEL, canonical_json(fields))
    fields["signature"] = base64.b64encode(signature).decode("ascii")
    return json.dumps(fields, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_enrolment(
    identity: PrivateIdentity, kiosk_id: str, kiosk_name: str, centre: str, out: Path, now: datetime
) -> Path:
    """Write the enrolment file atomically to ``out`` (a folder gets ``<kiosk id>.1xenrol``)."""
    target = out / f"{kiosk_id}{ENROLMENT_SUFFIX}" if out.is_dir() else out
    if not target.parent.is_dir():
        raise InputError(f"The folder {target.parent} for the enrolment file does not exist.")
    text = enrolment_text(identity, kiosk_id, kiosk_name, centre, now)
    try:
        write_atomically(target, text.encode("utf-8"), 0o644)
    except OSError as error:
        raise InputError(f"The enrolment file {target} could not be written ({error.strerror}).") from None
    return target


def enrol(ctx: KioskContext, out: Path, centre: str | None = None) -> tuple[Path, Enrolment]:
    """Write this kiosk's enrolment file to ``out`` (a file, or a folder for ``<kiosk id>.1xenrol``).

    ``centre``, when given, must be the centre the kiosk was set up for: bundles name that centre, so an
    enrolment under another name would file its results in the wrong place.
    """
    info = require_kiosk(ctx)
    if centre is not None and " ".join(centre.split()).casefold() != info.centre_name.casefold():
        raise RuleError(
            f"This kiosk was set up for centre '{info.centre_name}', not '{centre}'; enrol it under its own "
            "centre (leave out --centre)."
        )
    identity = load_kiosk_identity(ctx)
    path = write_enrolment(identity, info.kiosk_id, info.kiosk_name, info.centre_name, out, ctx.clock.wall())
    return path, read_enrolment(path)


def read_enrolment(path: Path) -> Enrolment:
    """Read and check an enrolment file; every problem is one sentence naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"The enrolment file {path} does not exist.") from None
    except OSError as error:
        raise InputError(f"The enrolment file {path} could not be read ({error.strerror}).") from None
    damaged = InputError(
        f"The enrolment file {path} is not a kiosk enrolment file or is damaged; write it again with "
        "'kiosk enrol' on the kiosk."
    )
    try:
        fields = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise damaged from None
    if not isinstance(fields, dict) or fields.get("format") != ENROLMENT_FORMAT:
        raise damaged
    if any(not isinstance(fields.get(name), str) for name in (*_SIGNED_FIELDS, "signature")):
        raise damaged
    try:
        public = PublicIdentity.from_text(fields["public"])
        signature = base64.b64decode(fields["signature"], validate=True)
        created_at = datetime.fromisoformat(fields["created_at"])
    except (KioskError, binascii.Error, ValueError):
        raise damaged from None
    if public.kind is not KeyKind.KIOSK:
        raise InputError(f"The enrolment file {path} holds a {public.kind.value} key, not a kiosk key.")
    signed = canonical_json({name: fields[name] for name in _SIGNED_FIELDS})
    try:
        verify_signature(public, ENROLMENT_LABEL, signed, signature)
    except SecurityError:
        raise SecurityError(
            f"The enrolment file {path} was altered after the kiosk signed it; write it again with "
            "'kiosk enrol' on the kiosk."
        ) from None
    kiosk_id, kiosk_name, centre = fields["kiosk_id"], fields["kiosk_name"], fields["centre"]
    if not kiosk_id.strip() or len(kiosk_id) > 64 or not kiosk_name.strip() or not centre.strip():
        raise damaged
    return Enrolment(kiosk_id, kiosk_name, centre, public, created_at)
