"""Identities (an Ed25519 signing key plus an X25519 agreement key) and their key and public files.

Key file (``<name>.key``): two plain lines naming the kind and name, then two PKCS8 PEM blocks, signing
key first. With a passphrase the two blocks are sealed instead: AES-256-GCM under a key derived from the
passphrase with Argon2id (memory-hard; the cost is written in the file and bounded when read), with the
kind, name and cost as associated data, in one ``1X-KIOSK SEALED PRIVATE KEYS`` block::

    -----BEGIN 1X-KIOSK SEALED PRIVATE KEYS-----
    kdf: argon2id
    memory-kib: 65536
    iterations: 3
    lanes: 4
    salt: <base64>
    nonce: <base64>

    <base64 of the sealed PEM blocks, 64 characters a line>
    -----END 1X-KIOSK SEALED PRIVATE KEYS-----

Key files written before the seal existed hold PKCS8 blocks encrypted by PBKDF2 with 2,048 rounds; they
are still read. A key file is written with mode 0600 and :func:`load_identity` refuses one that group or
other users may access on POSIX systems, as ssh does, because a readable private key is as good as a
published one. (Windows has no such mode bits; there the installer's folder permissions are what
protect the key.)

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

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import b64decode, b64encode, canonical_json, check_label, purpose_label
from kiosk.support.files import PRIVATE, SHARED, write_file

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_PUBLIC_BEGIN = "-----BEGIN 1X-KIOSK PUBLIC IDENTITY-----"
_PUBLIC_END = "-----END 1X-KIOSK PUBLIC IDENTITY-----"
_PRIVATE_HEADER = "# 1+X kiosk private identity. Keep this file secret; anyone holding it can sign as you."
_PEM_BLOCK = re.compile(
    r"-----BEGIN (ENCRYPTED )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+?"
    r"-----END (?:ENCRYPTED )?PRIVATE KEY-----"
)
_SEALED_BEGIN = "-----BEGIN 1X-KIOSK SEALED PRIVATE KEYS-----"
_SEALED_END = "-----END 1X-KIOSK SEALED PRIVATE KEYS-----"
_SEALED_BLOCK = re.compile(re.escape(_SEALED_BEGIN) + r"\r?\n(.*?)" + re.escape(_SEALED_END), re.DOTALL)
_SEALED_FIELDS = ("kdf", "memory-kib", "iterations", "lanes", "salt", "nonce")

KEY_FILE_KDF_LABEL = purpose_label("key-file-passphrase")
KEY_FILE_SEAL_LABEL = purpose_label("key-file-seal")
# Ceilings for the cost read from a key file, so a damaged file cannot ask for gigabytes or minutes.
_MAX_KDF_MEMORY_KIB = 1024 * 1024
_MAX_KDF_ITERATIONS = 64
_MAX_KDF_LANES = 16
_SALT_LENGTH = 16
_NONCE_LENGTH = 12


# Each error code of reading public key text, and its twin that also names the file the text came from.
_IN_FILE = {
    "key.name_invalid": "key.public_file_name_invalid",
    "key.public_wrong_length": "key.public_file_wrong_length",
    "key.public_not_key_file": "key.public_file_not_key_file",
    "key.public_bad_line": "key.public_file_bad_line",
    "key.public_incomplete": "key.public_file_incomplete",
    "key.public_unknown_kind": "key.public_file_unknown_kind",
    "key.public_not_base64": "key.public_file_not_base64",
    "key.public_id_mismatch": "key.public_file_id_mismatch",
}


class KeyKind(enum.StrEnum):
    """Who holds an identity: the awarding body signs banks, kiosks sign bundles, the registry opens them."""

    AWARDING = "awarding"
    REGISTRY = "registry"
    KIOSK = "kiosk"


def check_name(name: str) -> str:
    """Return ``name`` if it can be an identity name (it also names the key files), else raise."""
    if not _NAME.fullmatch(name):
        raise SecurityError("key.name_invalid", name=name)
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
            raise SecurityError("key.public_wrong_length", name=self.name)

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
            raise SecurityError("key.public_not_key_file", begin=_PUBLIC_BEGIN, end=_PUBLIC_END)
        fields: dict[str, str] = {}
        for line in lines[1:-1]:
            key, sep, value = line.partition(":")
            if not sep or key.strip() in fields:
                raise SecurityError("key.public_bad_line", line=line)
            fields[key.strip()] = value.strip()
        expected = {"kind", "name", "key-id", "signing", "agreement"}
        if set(fields) != expected:
            missing = ", ".join(sorted(expected - set(fields))) or "none"
            raise SecurityError("key.public_incomplete", missing=missing)
        try:
            kind = KeyKind(fields["kind"])
        except ValueError:
            raise SecurityError("key.public_unknown_kind", kind=fields["kind"]) from None
        identity = cls(
            kind=kind,
            name=fields["name"],
            signing=b64decode(fields["signing"], "key.public_not_base64", field="signing"),
            agreement=b64decode(fields["agreement"], "key.public_not_base64", field="agreement"),
        )
        if identity.key_id != fields["key-id"]:
            raise SecurityError("key.public_id_mismatch", name=identity.name, key_id=fields["key-id"])
        return identity


@dataclass(frozen=True)
class KeyFileKdf:
    """Argon2id cost for turning a key file's passphrase into the key that seals it; written in the file.

    The standard cost (64 MiB, 3 passes, 4 lanes) takes a few tenths of a second, paid once each time a
    key is loaded, and makes every guess at a stolen file's passphrase cost as much.
    """

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def derive(self, passphrase: bytes, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt, length=32, iterations=self.iterations, lanes=self.lanes, memory_cost=self.memory_kib
        )
        return kdf.derive(KEY_FILE_KDF_LABEL + passphrase)

    def associated_data(self, kind: KeyKind, name: str) -> bytes:
        """What the seal binds besides the keys: the file's kind and name lines and this cost."""
        described = {
            "kind": kind.value,
            "name": name,
            "kdf": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }
        return KEY_FILE_SEAL_LABEL + canonical_json(described)


STANDARD_KEY_FILE_KDF = KeyFileKdf()
# Cheap settings for test suites only: a key file sealed with them is as weak as its passphrase.
TEST_KEY_FILE_KDF = KeyFileKdf(memory_kib=64, iterations=1, lanes=1)


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

    def to_key_file(self, passphrase: bytes | None, kdf: KeyFileKdf = STANDARD_KEY_FILE_KDF) -> bytes:
        """The ``.key`` file contents (see the module docstring); ``kdf`` is the cost of a passphrase."""
        if passphrase is not None and not passphrase:
            raise SecurityError("key.passphrase_empty")
        blocks = b"".join(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            for key in (self._signing_key, self._agreement_key)
        )
        head = f"{_PRIVATE_HEADER}\nkind: {self.kind.value}\nname: {self.name}\n".encode("ascii")
        if not passphrase:
            return head + blocks
        return head + _seal(blocks, passphrase, kdf, self.kind, self.name)


def _seal(blocks: bytes, passphrase: bytes, kdf: KeyFileKdf, kind: KeyKind, name: str) -> bytes:
    salt = os.urandom(_SALT_LENGTH)
    nonce = os.urandom(_NONCE_LENGTH)
    sealed = b64encode(
        AESGCM(kdf.derive(passphrase, salt)).encrypt(nonce, blocks, kdf.associated_data(kind, name))
    )
    lines = [
        _SEALED_BEGIN,
        "kdf: argon2id",
        f"memory-kib: {kdf.memory_kib}",
        f"iterations: {kdf.iterations}",
        f"lanes: {kdf.lanes}",
        f"salt: {b64encode(salt)}",
        f"nonce: {b64encode(nonce)}",
        "",
        *(sealed[start : start + 64] for start in range(0, len(sealed), 64)),
        _SEALED_END,
        "",
    ]
    return "\n".join(lines).encode("ascii")


def _unseal(path: Path, body: str, kind: KeyKind, name: str, passphrase: bytes) -> str:
    """The PEM blocks sealed in a key file's sealed block (``body`` is its text between the markers)."""
    head, blank, rest = body.replace("\r\n", "\n").partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if not sep or key.strip() in fields:
            raise SecurityError("key.file_damaged", path=path)
        fields[key.strip()] = value.strip()
    if not blank or set(fields) != set(_SEALED_FIELDS):
        raise SecurityError("key.file_damaged", path=path)
    kdf = _key_file_kdf(path, fields)
    salt = b64decode(fields["salt"], "key.file_damaged", path=path)
    nonce = b64decode(fields["nonce"], "key.file_damaged", path=path)
    sealed = b64decode("".join(rest.split()), "key.file_damaged", path=path)
    if len(salt) < 8 or len(nonce) != _NONCE_LENGTH:
        raise SecurityError("key.file_damaged", path=path)
    try:
        blocks = AESGCM(kdf.derive(passphrase, salt)).decrypt(nonce, sealed, kdf.associated_data(kind, name))
    except (InvalidTag, ValueError):
        # A wrong passphrase and an altered file look the same to the seal; the passphrase is far likelier.
        raise SecurityError("key.passphrase_wrong", path=path) from None
    return blocks.decode("ascii", errors="replace")


def _key_file_kdf(path: Path, fields: dict[str, str]) -> KeyFileKdf:
    """The cost a sealed block names, refused when it is not Argon2id or beyond the ceilings."""
    if fields["kdf"] != "argon2id":
        raise SecurityError("key.file_kdf_unusable", path=path, setting="kdf")
    ceilings = {"memory-kib": _MAX_KDF_MEMORY_KIB, "iterations": _MAX_KDF_ITERATIONS, "lanes": _MAX_KDF_LANES}
    numbers: list[int] = []
    for setting, ceiling in ceilings.items():
        text = fields[setting]
        if not re.fullmatch(r"[0-9]{1,8}", text) or not 1 <= int(text) <= ceiling:
            raise SecurityError("key.file_kdf_unusable", path=path, setting=setting)
        numbers.append(int(text))
    memory_kib, iterations, lanes = numbers
    if memory_kib < 8 * lanes:  # Argon2's own minimum
        raise SecurityError("key.file_kdf_unusable", path=path, setting="memory-kib")
    return KeyFileKdf(memory_kib, iterations, lanes)


def generate_identity(kind: KeyKind, name: str) -> PrivateIdentity:
    """Create a fresh identity; write it with :func:`write_identity`."""
    return PrivateIdentity(kind, name, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def write_identity(
    identity: PrivateIdentity,
    directory: Path,
    passphrase: bytes | None = None,
    *,
    kdf: KeyFileKdf = STANDARD_KEY_FILE_KDF,
    public_mode: int = SHARED,
) -> tuple[Path, Path]:
    """Write ``<name>.key`` (mode 0600, never overwritten) and ``<name>.pub``; return both paths.

    ``kdf`` is the cost of the passphrase, if any; ``public_mode`` the public file's mode (readable by all
    unless it lives in a private folder).
    """
    directory.mkdir(parents=True, exist_ok=True)
    key_path = directory / f"{identity.name}.key"
    pub_path = directory / f"{identity.name}.pub"
    if key_path.exists():
        raise SecurityError("key.file_exists", path=key_path)
    write_file(key_path, identity.to_key_file(passphrase, kdf), PRIVATE)
    write_file(pub_path, identity.public.to_text().encode("ascii"), public_mode)
    return key_path, pub_path


def _read_file(path: Path, missing: str, unreadable: str) -> bytes:
    """The bytes of ``path``; SecurityError ``missing`` or ``unreadable`` (with ``reason``) if none."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SecurityError(missing, path=path) from None
    except OSError as exc:
        raise SecurityError(unreadable, path=path, reason=exc.strerror or str(exc)) from exc


def load_identity(path: Path, passphrase: bytes | None = None) -> PrivateIdentity:
    """Read a ``.key`` file, refusing one other users may access (POSIX) or a wrong passphrase."""
    data = _read_file(path, "key.file_missing", "key.file_unreadable")
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise SecurityError("key.file_open_to_others", path=path, mode=f"{mode:04o}")
    text = data.decode("ascii", errors="replace")
    kind_match = re.search(r"^kind: *(\S+) *\r?$", text, re.MULTILINE)
    name_match = re.search(r"^name: *(\S+) *\r?$", text, re.MULTILINE)
    sealed = list(_SEALED_BLOCK.finditer(text))
    blocks = list(_PEM_BLOCK.finditer(text))
    if kind_match is None or name_match is None or len(blocks) + 2 * len(sealed) != 2:
        raise SecurityError("key.file_not_key_file", path=path)
    try:
        kind = KeyKind(kind_match.group(1))
    except ValueError:
        raise SecurityError("key.file_unknown_kind", path=path, kind=kind_match.group(1)) from None
    encrypted = bool(sealed) or any(block.group(1) for block in blocks)
    if encrypted and not passphrase:
        raise SecurityError("key.passphrase_needed", path=path)
    if sealed and passphrase:
        unsealed = _unseal(path, sealed[0].group(1), kind, name_match.group(1), passphrase)
        blocks = list(_PEM_BLOCK.finditer(unsealed))
        if len(blocks) != 2 or any(block.group(1) for block in blocks):
            raise SecurityError("key.file_damaged", path=path)
    keys = []
    for block in blocks:
        # Only a block of the older format is encrypted on its own (PKCS8 with PBKDF2).
        block_passphrase = passphrase if block.group(1) else None
        try:
            keys.append(serialization.load_pem_private_key(block.group(0).encode("ascii"), block_passphrase))
        except ValueError:
            if block_passphrase:
                raise SecurityError("key.passphrase_wrong", path=path) from None
            raise SecurityError("key.file_damaged", path=path) from None
        except (TypeError, UnsupportedAlgorithm):
            raise SecurityError("key.file_damaged", path=path) from None
    signing_key, agreement_key = keys
    if not isinstance(signing_key, Ed25519PrivateKey) or not isinstance(agreement_key, X25519PrivateKey):
        raise SecurityError("key.file_wrong_key_types", path=path)
    return PrivateIdentity(kind, name_match.group(1), signing_key, agreement_key)


def load_public(path: Path) -> PublicIdentity:
    """Read a ``.pub`` file; errors name the file."""
    data = _read_file(path, "key.public_file_missing", "key.public_file_unreadable")
    try:
        return PublicIdentity.from_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SecurityError("key.public_file_not_text", path=path) from None
    except SecurityError as exc:
        # The same problem, said of the file it is in.
        raise SecurityError(_IN_FILE.get(exc.code, exc.code), path=path, **exc.params) from None


def verify_signature(public: PublicIdentity, label: bytes, data: bytes, signature: bytes) -> None:
    """Check that ``public`` signed ``label + data``, or raise a SecurityError."""
    check_label(label)
    try:
        Ed25519PublicKey.from_public_bytes(public.signing).verify(signature, label + data)
    except (InvalidSignature, ValueError):
        raise SecurityError(
            "key.signature_mismatch", kind=public.kind.value, name=public.name, key_id=public.key_id
        ) from None


def find_key(key_id: str, keys: Iterable[PublicIdentity]) -> PublicIdentity | None:
    """The identity among ``keys`` whose key id is ``key_id``, if any."""
    return next((key for key in keys if key.key_id == key_id), None)
