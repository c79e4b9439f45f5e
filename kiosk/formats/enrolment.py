"""The kiosk enrolment file: JSON naming a kiosk (id, name, centre) with its public identity, signed by the
kiosk's own key so a centre name or key changed in transit is noticed. The kiosk writes it; the registry
reads it to enrol the kiosk."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.errors import InputError, KioskError, SecurityError
from kiosk.formats.encoding import purpose_label
from kiosk.formats.keys import KeyKind, PrivateIdentity, PublicIdentity, verify_signature
from kiosk.formats.records import canonical_json

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
    empty = (
        ("enrolment.kiosk_id_empty", kiosk_id),
        ("enrolment.kiosk_name_empty", kiosk_name),
        ("enrolment.centre_empty", centre),
    )
    for code, value in empty:
        if not value.strip():
            raise InputError(code)
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


def read_enrolment(path: Path) -> Enrolment:
    """Read and check an enrolment file; every problem is one error naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("enrolment.file_missing", path=path) from None
    except OSError as error:
        raise InputError(
            "enrolment.file_unreadable", path=path, reason=error.strerror or str(error)
        ) from None
    damaged = InputError("enrolment.damaged", path=path)
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
        raise InputError("enrolment.not_kiosk_key", path=path, kind=public.kind.value)
    signed = canonical_json({name: fields[name] for name in _SIGNED_FIELDS})
    try:
        verify_signature(public, ENROLMENT_LABEL, signed, signature)
    except SecurityError:
        raise SecurityError("enrolment.altered", path=path) from None
    kiosk_id, kiosk_name, centre = fields["kiosk_id"], fields["kiosk_name"], fields["centre"]
    if not kiosk_id.strip() or len(kiosk_id) > 64 or not kiosk_name.strip() or not centre.strip():
        raise damaged
    return Enrolment(kiosk_id, kiosk_name, centre, public, created_at)
