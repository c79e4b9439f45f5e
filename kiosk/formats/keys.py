"""Identities (an Ed25519 signing key plus an X25519 agreement key) and their key and public files.

Key file (``<name>.key``): two PKCS8 PEM blocks, signing key first, encrypted when a passphrase is
given, after two plain lines naming the kind and name. It is written with mode 0600 and
:func:`load_identity` refuses one that group or other users may access on POSIX systems, as ssh does,
because a readable private key is as good as a published one. (Windows has no such mode bits; there
the installer's folder permissions are what protect the key.)

Public file (``<name>.pub``): a PEM-like text block with kind, name, key id and both raw public keys in
base64, safe to e-mail, print or copy to USB.
"""

from __future__ import annotations

import enum
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import b64decode, b64encode, check_label
from kiosk.support.files import write_file

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_PUBLIC_BEGIN = "-----BEGIN 1X-KIOSK PUBLIC IDENTITY-----"
_PUBLIC_END = "-----END 1X-KIOSK PUBLIC IDENTITY-----"
_PRIVATE_HEADER = "# 1+X kiosk private identity. Keep this file secret; anyone holding it can sign as you."
_PEM_BLOCK = re.compile(
    r"-----BEGIN (ENCRYPTED )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+?"
    r"-----END (?:ENCRYPTED )?PRIVATE KEY-----"
)


class KeyKind(enum.StrEnum):
    """Who holds an identity: the awarding body signs banks, kiosks sign bundles, the registry opens them."""

    AWARDING = "awarding"
    REGISTRY = "registry"
    KIOSK = "kiosk"


def check_name(name: str) -> str:
    """Return ``name`` if it can be an identity name (it also names the key files), else raise."""
    if not _NAME.fullmatch(name):
        raise SecurityError(
            f"The key name '{name}' cannot be used: use 1 to 64 letters, digits, dots, dashes or "
            "underscores, starting with a letter or digit."
        )
    return name


@dataclass(frozen=True)
class PublicIdentity:
    """The shareable half of an identity: what others need to verify signatures and encrypt to it."""

    kind: KeyKind
    name: str
    signing: bytes
    agreement: bytes

    def __post_init__(self) -> None:
        check_name(self.name)
        if len(self.signing) != 32 or len(self.agreement) != 32:
            raise SecurityError(f"The public key '{self.name}' is damaged: its keys must be 32 bytes each.")

    @property
    def key_id(self) -> str:
        """Short fingerprint people can compare by eye; every format names keys by it."""
        return hashlib.sha256(self.signing + self.agreement).hexdigest()[:16]

    def to_text(self) -> str:
        return "\n".join(
            [
                _PUBLIC_BEGIN,
                f"kind: {self.kind.value}",
                f"name: {self.name}",
                f"key-id: {self.key_id}",
                f"signing: {b64encode(self.signing)}",
                f"agreement: {b64encode(self.agreement)}",
                _PUBLIC_END,
                "",
            ]
        )

    @classmethod
    def from_text(cls, text: str) -> PublicIdentity:
        lines = [line.strip() for line in text.strip().splitlines()]
        if len(lines) < 2 or lines[0] != _PUBLIC_BEGIN or lines[-1] != _PUBLIC_END:
            raise SecurityError(
                f"This is not a public key file: it must start with '{_PUBLIC_BEGIN}' and end with "
                f"'{_PUBLIC_END}'."
            )
        fields: dict[str, str] = {}
        for line in lines[1:-1]:
            key, sep, value = line.partition(":")
            if not sep or key.strip() in fields:
                raise SecurityError(f"The public key file has a malformed line '{line}'; copy it again.")
            fields[key.strip()] = value.strip()
        expected = {"kind", "name", "key-id", "signing", "agreement"}
        if set(fields) != expected:
            missing = ", ".join(sorted(expected - set(fields))) or "none"
            raise SecurityError(f"The public key file is incomplete (missing: {missing}); copy it again.")
        try:
            kind = KeyKind(fields["kind"])
        except ValueError:
            raise SecurityError(
                f"The public key file names an unknown kind '{fields['kind']}'; expected awarding, "
                "registry or kiosk."
            ) from None
        identity = cls(
            kind=kind,
            name=fields["name"],
            signing=b64decode(fields["signing"], "The public key file's signing key"),
            agreement=b64decode(fields["agreement"], "The public key file's agreement key"),
        )
        if identity.key_id != fields["key-id"]:
            raise SecurityError(
                f"The public key file for '{identity.name}' is damaged: its keys do not match its key id "
                f"{fields['key-id']}; copy it again."
            )
        return identity


class PrivateIdentity:
    """A secret identity: signs with Ed25519 and receives HPKE messages with X25519."""

    def __init__(
        self, kind: KeyKind, name: str, signing_key: Ed25519PrivateKey, agreement_key: X25519PrivateKey
    ) -> None:
        self.kind = kind
        self.name = check_name(name)
        self._signing_key = signing_key
        self._agreement_key = agreement_key
        raw = serialization.Encoding.Raw
        self.public = PublicIdentity(
            kind=kind,
            name=name,
            signing=signing_key.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
            agreement=agreement_key.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
        )

    def __repr__(self) -> str:
        return f"PrivateIdentity(kind={self.kind.value!r}, name={self.name!r}, key_id={self.key_id!r})"

    @property
    def key_id(self) -> str:
        return self.public.key_id

    @property
    def agreement_key(self) -> X25519PrivateKey:
        """The X25519 key, for HPKE decryption inside this package only."""
        return self._agreement_key

    def sign(self, label: bytes, data: bytes) -> bytes:
        """Sign ``label + data``; the label names the purpose so a signature cannot be reused elsewhere."""
        check_label(label)
        return self._signing_key.sign(label + data)

    def to_key_file(self, passphrase: bytes | None) -> bytes:
        """The ``.key`` file contents (see the module docstring)."""
        if passphrase is not None and not passphrase:
            raise SecurityError("The passphrase is empty; give a passphrase or none at all.")
        encryption: serialization.KeySerializationEncryption = (
            serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
        )
        blocks = [
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
            for key in (self._signing_key, self._agreement_key)
        ]
        head = f"{_PRIVATE_HEADER}\nkind: {self.kind.value}\nname: {self.name}\n".encode("ascii")
        return head + b"".join(blocks)


def generate_identity(kind: KeyKind, name: str) -> PrivateIdentity:
    """Create a fresh identity; write it with :func:`write_identity`."""
    return PrivateIdentity(kind, name, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def write_identity(
    identity: PrivateIdentity, directory: Path, passphrase: bytes | None = None
) -> tuple[Path, Path]:
    """Write ``<name>.key`` (mode 0600, never overwritten) and ``<name>.pub``; return both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    key_path = directory / f"{identity.name}.key"
    pub_path = directory / f"{identity.name}.pub"
    if key_path.exists():
        raise SecurityError(
            f"The key file {key_path} already exists; move it away first if you really mean to replace it."
        )
    write_file(key_path, identity.to_key_file(passphrase), 0o600)
    write_file(pub_path, identity.public.to_text().encode("ascii"), 0o644)
    return key_path, pub_path


def _read_file(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SecurityError(f"The {what} {path} does not exist.") from None
    except OSError as exc:
        raise SecurityError(f"The {what} {path} could not be read ({exc.strerror}).") from exc


def load_identity(path: Path, passphrase: bytes | None = None) -> PrivateIdentity:
    """Read a ``.key`` file, refusing one other users may access (POSIX) or a wrong passphrase."""
    data = _read_file(path, "key file")
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise SecurityError(
                f"The key file {path} can be accessed by other users (mode {mode:04o}); "
                f"run 'chmod 600 {path}' and try again."
            )
    text = data.decode("ascii", errors="replace")
    kind_match = re.search(r"^kind: *(\S+) *\r?$", text, re.MULTILINE)
    name_match = re.search(r"^name: *(\S+) *\r?$", text, re.MULTILINE)
    blocks = list(_PEM_BLOCK.finditer(text))
    if kind_match is None or name_match is None or len(blocks) != 2:
        raise SecurityError(f"The key file {path} is not a 1+X kiosk key file or is damaged.")
    try:
        kind = KeyKind(kind_match.group(1))
    except ValueError:
        raise SecurityError(f"The key file {path} names an unknown kind '{kind_match.group(1)}'.") from None
    encrypted = any(block.group(1) for block in blocks)
    if encrypted and not passphrase:
        raise SecurityError(f"The key file {path} is protected by a passphrase; give the passphrase.")
    keys = []
    for block in blocks:
        try:
            keys.append(
                serialization.load_pem_private_key(
                    block.group(0).encode("ascii"), passphrase if block.group(1) else None
                )
            )
        except ValueError:
            if encrypted:
                raise SecurityError(f"The passphrase for the key file {path} is not correct.") from None
            raise SecurityError(f"The key file {path} is damaged: a key in it cannot be read.") from None
        except (TypeError, UnsupportedAlgorithm):
            raise SecurityError(f"The key file {path} is damaged: a key in it cannot be read.") from None
    signing_key, agreement_key = keys
    if not isinstance(signing_key, Ed25519PrivateKey) or not isinstance(agreement_key, X25519PrivateKey):
        raise SecurityError(
            f"The key file {path} holds the wrong kinds of key (Ed25519 then X25519 expected)."
        )
    return PrivateIdentity(kind, name_match.group(1), signing_key, agreement_key)


def load_public(path: Path) -> PublicIdentity:
    """Read a ``.pub`` file; errors name the file."""
    data = _read_file(path, "public key file")
    try:
        return PublicIdentity.from_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SecurityError(f"The public key file {path} is not text; copy it again.") from None
    except SecurityError as exc:
        raise SecurityError(f"{path}: {exc}") from None


def verify_signature(public: PublicIdentity, label: bytes, data: bytes, signature: bytes) -> None:
    """Check that ``public`` signed ``label + data``, or raise a SecurityError."""
    check_label(label)
    try:
        Ed25519PublicKey.from_public_bytes(public.signing).verify(signature, label + data)
    except (InvalidSignature, ValueError):
        raise SecurityError(
            f"The signature does not match {public.kind.value} key '{public.name}' ({public.key_id}): "
            "the data was altered or signed with another key."
        ) from None


def find_key(key_id: str, keys: Iterable[PublicIdentity]) -> PublicIdentity | None:
    """The identity among ``keys`` whose key id is ``key_id``, if any."""
    return next((key for key in keys if key.key_id == key_id), None)
