"""Identities, key files and signatures."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats.keys import (
    KeyKind,
    PrivateIdentity,
    PublicIdentity,
    find_key,
    generate_identity,
    load_identity,
    load_public,
    verify_signature,
    write_identity,
)

LABEL = b"1x-kiosk/test-purpose/v1\x00"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX notion")


def test_generated_identity_has_raw_keys_and_a_short_key_id(kiosk: PrivateIdentity) -> None:
    public = kiosk.public
    assert (public.kind, public.name) == (KeyKind.KIOSK, "lab-pc-07")
    assert len(public.signing) == 32 and len(public.agreement) == 32
    assert len(kiosk.key_id) == 16 and int(kiosk.key_id, 16) >= 0
    assert kiosk.key_id == public.key_id


def test_each_generated_identity_is_different() -> None:
    first = generate_identity(KeyKind.KIOSK, "a")
    second = generate_identity(KeyKind.KIOSK, "a")
    assert first.key_id != second.key_id


def test_repr_names_the_key_but_holds_no_secret(kiosk: PrivateIdentity) -> None:
    assert kiosk.key_id in repr(kiosk)
    assert "lab-pc-07" in repr(kiosk)


def test_signature_verifies_for_the_same_label_and_data(kiosk: PrivateIdentity) -> None:
    signature = kiosk.sign(LABEL, b"data")
    verify_signature(kiosk.public, LABEL, b"data", signature)


@pytest.mark.parametrize(
    ("label", "data"),
    [(LABEL, b"datA"), (b"1x-kiosk/other-purpose/v1\x00", b"data")],
    ids=["other data", "other purpose"],
)
def test_signature_fails_for_other_data_or_purpose(kiosk: PrivateIdentity, label: bytes, data: bytes) -> None:
    signature = kiosk.sign(LABEL, b"data")
    with pytest.raises(SecurityError, match="signature does not match kiosk key 'lab-pc-07'"):
        verify_signature(kiosk.public, label, data, signature)


def test_signature_fails_for_another_key(kiosk: PrivateIdentity, other_kiosk: PrivateIdentity) -> None:
    signature = kiosk.sign(LABEL, b"data")
    with pytest.raises(SecurityError, match="altered or signed with another key"):
        verify_signature(other_kiosk.public, LABEL, b"data", signature)


def test_garbage_signature_is_a_security_error(kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError):
        verify_signature(kiosk.public, LABEL, b"data", b"short")


@pytest.mark.parametrize("label", [b"", b"no-prefix\x00", b"1x-kiosk/x/v1", b"1x-kiosk/x\x00/v1\x00"])
def test_labels_must_be_one_nul_terminated_prefix(kiosk: PrivateIdentity, label: bytes) -> None:
    with pytest.raises(ValueError, match="must look like"):
        kiosk.sign(label, b"data")


@pytest.mark.parametrize("name", ["", "../escape", "a/b", ".hidden", "x" * 65, "name with space"])
def test_unusable_names_are_refused(name: str) -> None:
    with pytest.raises(SecurityError, match="cannot be used"):
        generate_identity(KeyKind.KIOSK, name)


def test_public_text_round_trip(registry: PrivateIdentity) -> None:
    text = registry.public.to_text()
    assert text.startswith("-----BEGIN 1X-KIOSK PUBLIC IDENTITY-----\n")
    assert f"key-id: {registry.key_id}" in text
    assert PublicIdentity.from_text(text) == registry.public
    # Copied through Windows Notepad: CRLF line ends and stray blank space.
    assert PublicIdentity.from_text("\r\n" + text.replace("\n", "  \r\n")) == registry.public


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda t: "hello", "This is not a public key file"),
        (lambda t: t.replace("-----END 1X-KIOSK PUBLIC IDENTITY-----", ""), "This is not a public key file"),
        (lambda t: _edit(t, "kind: registry\n", ""), r"incomplete \(missing: kind\)"),
        (lambda t: _edit(t, "kind: registry", "kind: wizard"), "unknown kind 'wizard'"),
        (lambda t: _edit(t, "kind: registry", "kind registry"), "malformed line 'kind registry'"),
        (lambda t: _edit(t, "name: registry", "name: registry\nname: again"), "malformed line 'name: again'"),
        (lambda t: _edit(t, "signing: ", "signing: !!"), "signing key is not valid base64"),
        (lambda t: _edit(t, "signing: ", "signing: AAAA"), "keys must be 32 bytes each"),
        (lambda t: _edit(t, "name: registry", "name: ../x"), "cannot be used"),
    ],
)
def test_malformed_public_text_is_refused_with_a_reason(
    registry: PrivateIdentity, mangle: Callable[[str], str], message: str
) -> None:
    with pytest.raises(SecurityError, match=message):
        PublicIdentity.from_text(mangle(registry.public.to_text()))


def test_public_text_with_another_key_id_is_refused(
    registry: PrivateIdentity, kiosk: PrivateIdentity
) -> None:
    text = registry.public.to_text().replace(registry.key_id, kiosk.key_id)
    with pytest.raises(SecurityError, match=f"do not match its key id {kiosk.key_id}"):
        PublicIdentity.from_text(text)


def test_public_identity_checks_key_lengths(kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match="32 bytes each"):
        replace(kiosk.public, agreement=b"\x00" * 31)


def test_find_key(kiosk: PrivateIdentity, registry: PrivateIdentity) -> None:
    keys = [registry.public, kiosk.public]
    assert find_key(kiosk.key_id, keys) == kiosk.public
    assert find_key("0" * 16, keys) is None


def test_write_and_load_identity(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, pub_path = write_identity(kiosk, tmp_path / "keys")
    assert (key_path.name, pub_path.name) == ("lab-pc-07.key", "lab-pc-07.pub")
    assert sorted(p.name for p in key_path.parent.iterdir()) == ["lab-pc-07.key", "lab-pc-07.pub"]
    loaded = load_identity(key_path)
    assert (loaded.kind, loaded.name, loaded.key_id) == (KeyKind.KIOSK, "lab-pc-07", kiosk.key_id)
    verify_signature(kiosk.public, LABEL, b"x", loaded.sign(LABEL, b"x"))
    assert load_public(pub_path) == kiosk.public
    assert b"PRIVATE KEY" in key_path.read_bytes()


@posix_only
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_key_file_modes_do_not_depend_on_the_umask(
    tmp_path: Path, kiosk: PrivateIdentity, umask: int
) -> None:
    old = os.umask(umask)
    try:
        key_path, pub_path = write_identity(kiosk, tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(pub_path.stat().st_mode) == 0o644


def test_a_stale_public_file_is_replaced(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    (tmp_path / "lab-pc-07.pub").write_text("stale")
    _, pub_path = write_identity(kiosk, tmp_path)
    assert load_public(pub_path) == kiosk.public


def test_existing_key_file_is_never_overwritten(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path)
    before = key_path.read_bytes()
    replacement = generate_identity(KeyKind.KIOSK, "lab-pc-07")
    with pytest.raises(SecurityError, match=r"lab-pc-07\.key already exists; move it away first"):
        write_identity(replacement, tmp_path)
    assert key_path.read_bytes() == before


def test_passphrase_protects_the_key_file(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path, passphrase=b"correct horse")
    assert b"ENCRYPTED PRIVATE KEY" in key_path.read_bytes()
    with pytest.raises(SecurityError, match="protected by a passphrase; give the passphrase"):
        load_identity(key_path)
    with pytest.raises(SecurityError, match=r"passphrase for the key file .* is not correct"):
        load_identity(key_path, passphrase=b"wrong horse")
    assert load_identity(key_path, passphrase=b"correct horse").key_id == kiosk.key_id


def test_passphrase_for_an_unprotected_key_is_not_needed(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path)
    assert load_identity(key_path, passphrase=b"anything").key_id == kiosk.key_id


def test_empty_passphrase_is_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match="passphrase is empty"):
        write_identity(kiosk, tmp_path, passphrase=b"")
    assert not (tmp_path / "lab-pc-07.key").exists()


@posix_only
def test_key_file_readable_by_others_is_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path)
    key_path.chmod(0o640)
    with pytest.raises(SecurityError, match=r"other users \(mode 0640\); run 'chmod 600"):
        load_identity(key_path)


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(SecurityError, match=r"key file .*nothing\.key does not exist"):
        load_identity(tmp_path / "nothing.key")
    with pytest.raises(SecurityError, match=r"public key file .*nothing\.pub does not exist"):
        load_public(tmp_path / "nothing.pub")


def test_unreadable_key_file(tmp_path: Path) -> None:
    (tmp_path / "folder.key").mkdir()
    with pytest.raises(SecurityError, match=r"key file .*folder\.key could not be read"):
        load_identity(tmp_path / "folder.key")


def _private_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    path.chmod(0o600)
    return path


def test_foreign_key_file_is_refused(tmp_path: Path) -> None:
    path = _private_file(tmp_path / "x.key", b"-----BEGIN RSA PRIVATE KEY-----\nabc\n")
    with pytest.raises(SecurityError, match="not a 1\\+X kiosk key file or is damaged"):
        load_identity(path)


def test_damaged_key_block_is_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    text = kiosk.to_key_file(None).decode("ascii")
    lines = text.splitlines()
    lines[4] = "A" * len(lines[4])  # the first line of base64 inside the signing key block
    path = _private_file(tmp_path / "x.key", "\n".join(lines).encode("ascii"))
    with pytest.raises(SecurityError, match="is damaged: a key in it cannot be read"):
        load_identity(path)


def test_swapped_key_blocks_are_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    text = kiosk.to_key_file(None).decode("ascii")
    head, first, second = text.split("-----BEGIN PRIVATE KEY-----")
    swapped = head + "-----BEGIN PRIVATE KEY-----" + second + "-----BEGIN PRIVATE KEY-----" + first
    path = _private_file(tmp_path / "x.key", swapped.encode("ascii"))
    with pytest.raises(SecurityError, match=r"wrong kinds of key \(Ed25519 then X25519 expected\)"):
        load_identity(path)


def test_unknown_kind_in_key_file(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    data = kiosk.to_key_file(None).replace(b"kind: kiosk", b"kind: wizard")
    with pytest.raises(SecurityError, match="unknown kind 'wizard'"):
        load_identity(_private_file(tmp_path / "x.key", data))


def test_load_public_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.pub"
    path.write_text("not a key")
    with pytest.raises(SecurityError, match=r"broken\.pub: This is not a public key file"):
        load_public(path)
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SecurityError, match=r"broken\.pub is not text"):
        load_public(path)
