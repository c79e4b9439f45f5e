"""Identities, key files and signatures."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from kiosk.cli.hints import with_hint
from kiosk.domain.errors import SecurityError
from kiosk.formats.keys import (
    STANDARD_KEY_FILE_KDF,
    TEST_KEY_FILE_KDF,
    KeyFileKdf,
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
from kiosk.messages import sentence

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
    with pytest.raises(SecurityError, match=r"^key\.signature_mismatch\b") as caught:
        verify_signature(kiosk.public, label, data, signature)
    assert caught.value.params == {"kind": "kiosk", "name": "lab-pc-07", "key_id": kiosk.key_id}
    assert "signature does not match kiosk key 'lab-pc-07'" in sentence(caught.value)


def test_signature_fails_for_another_key(kiosk: PrivateIdentity, other_kiosk: PrivateIdentity) -> None:
    signature = kiosk.sign(LABEL, b"data")
    with pytest.raises(SecurityError, match=r"^key\.signature_mismatch\b") as caught:
        verify_signature(other_kiosk.public, LABEL, b"data", signature)
    assert sentence(caught.value).endswith("altered or signed with another key.")


def test_garbage_signature_is_a_security_error(kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError):
        verify_signature(kiosk.public, LABEL, b"data", b"short")


@pytest.mark.parametrize("label", [b"", b"no-prefix\x00", b"1x-kiosk/x/v1", b"1x-kiosk/x\x00/v1\x00"])
def test_labels_must_be_one_nul_terminated_prefix(kiosk: PrivateIdentity, label: bytes) -> None:
    with pytest.raises(ValueError, match="must look like"):
        kiosk.sign(label, b"data")


@pytest.mark.parametrize("name", ["", "../escape", "a/b", ".hidden", "x" * 65, "name with space"])
def test_unusable_names_are_refused(name: str) -> None:
    with pytest.raises(SecurityError, match=r"^key\.name_invalid\b") as caught:
        generate_identity(KeyKind.KIOSK, name)
    assert caught.value.params == {"name": name}
    assert f"The key name '{name}' cannot be used" in sentence(caught.value)


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
    ("mangle", "code", "message"),
    [
        (lambda t: "hello", "key.public_not_key_file", "This is not a public key file"),
        (
            lambda t: t.replace("-----END 1X-KIOSK PUBLIC IDENTITY-----", ""),
            "key.public_not_key_file",
            "This is not a public key file",
        ),
        (lambda t: _edit(t, "kind: registry\n", ""), "key.public_incomplete", "incomplete (missing: kind)"),
        (
            lambda t: _edit(t, "kind: registry", "kind: wizard"),
            "key.public_unknown_kind",
            "unknown kind 'wizard'",
        ),
        (
            lambda t: _edit(t, "kind: registry", "kind registry"),
            "key.public_bad_line",
            "malformed line 'kind registry'",
        ),
        (
            lambda t: _edit(t, "name: registry", "name: registry\nname: again"),
            "key.public_bad_line",
            "malformed line 'name: again'",
        ),
        (
            lambda t: _edit(t, "signing: ", "signing: !!"),
            "key.public_not_base64",
            "signing key is not valid base64",
        ),
        (
            lambda t: _edit(t, "signing: ", "signing: AAAA"),
            "key.public_wrong_length",
            "keys must be 32 bytes each",
        ),
        (lambda t: _edit(t, "name: registry", "name: ../x"), "key.name_invalid", "cannot be used"),
    ],
)
def test_malformed_public_text_is_refused_with_a_reason(
    registry: PrivateIdentity, mangle: Callable[[str], str], code: str, message: str
) -> None:
    with pytest.raises(SecurityError) as caught:
        PublicIdentity.from_text(mangle(registry.public.to_text()))
    assert caught.value.code == code
    assert message in sentence(caught.value)


@pytest.mark.parametrize(
    ("mangle", "code", "message"),
    [
        (lambda t: "hello", "key.public_file_not_key_file", "is not a public key file: it must start with"),
        (
            lambda t: _edit(t, "kind: registry\n", ""),
            "key.public_file_incomplete",
            "incomplete (missing: kind)",
        ),
        (
            lambda t: _edit(t, "kind: registry", "kind: wizard"),
            "key.public_file_unknown_kind",
            "names an unknown kind 'wizard'",
        ),
        (
            lambda t: _edit(t, "kind: registry", "kind registry"),
            "key.public_file_bad_line",
            "has a malformed line 'kind registry'",
        ),
        (
            lambda t: _edit(t, "signing: ", "signing: !!"),
            "key.public_file_not_base64",
            "is damaged: its signing key is not valid base64",
        ),
        (
            lambda t: _edit(t, "signing: ", "signing: AAAA"),
            "key.public_file_wrong_length",
            "is damaged: the keys of 'registry' must be 32 bytes each",
        ),
        (
            lambda t: re.sub(r"key-id: \w+", "key-id: 0123456789abcdef", t),
            "key.public_file_id_mismatch",
            "for 'registry' is damaged: its keys do not match its key id 0123456789abcdef",
        ),
        (
            lambda t: _edit(t, "name: registry", "name: ../x"),
            "key.public_file_name_invalid",
            "names a key '../x' that cannot be used",
        ),
    ],
)
def test_a_malformed_public_key_file_is_named_with_its_problem(
    tmp_path: Path, registry: PrivateIdentity, mangle: Callable[[str], str], code: str, message: str
) -> None:
    path = tmp_path / "registry.pub"
    path.write_text(mangle(registry.public.to_text()), encoding="utf-8")
    with pytest.raises(SecurityError) as caught:
        load_public(path)
    assert (caught.value.code, caught.value.params["path"]) == (code, path)
    said = sentence(caught.value)
    assert said.startswith(f"The public key file {path} ")
    assert message in said


def test_public_text_with_another_key_id_is_refused(
    registry: PrivateIdentity, kiosk: PrivateIdentity
) -> None:
    text = registry.public.to_text().replace(registry.key_id, kiosk.key_id)
    with pytest.raises(SecurityError, match=r"^key\.public_id_mismatch\b") as caught:
        PublicIdentity.from_text(text)
    assert caught.value.params == {"name": "registry", "key_id": kiosk.key_id}
    assert f"do not match its key id {kiosk.key_id}" in sentence(caught.value)


def test_public_identity_checks_key_lengths(kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^key\.public_wrong_length name=lab-pc-07$"):
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
    with pytest.raises(SecurityError, match=r"^key\.file_exists\b") as caught:
        write_identity(replacement, tmp_path)
    assert caught.value.params == {"path": key_path}
    assert "lab-pc-07.key already exists; move it away first" in sentence(caught.value)
    assert key_path.read_bytes() == before


def test_passphrase_protects_the_key_file(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path, passphrase=b"correct horse")
    assert b"-----BEGIN 1X-KIOSK SEALED PRIVATE KEYS-----" in key_path.read_bytes()
    assert b"PRIVATE KEY-----" not in key_path.read_bytes().replace(b"SEALED PRIVATE KEYS", b"")
    with pytest.raises(SecurityError, match=r"^key\.passphrase_needed\b") as caught:
        load_identity(key_path)
    assert "protected by a passphrase; give the passphrase" in sentence(caught.value)
    with pytest.raises(SecurityError, match=r"^key\.passphrase_wrong\b") as caught:
        load_identity(key_path, passphrase=b"wrong horse")
    assert sentence(caught.value) == f"The passphrase for the key file {key_path} is not correct."
    assert load_identity(key_path, passphrase=b"correct horse").key_id == kiosk.key_id


def test_passphrase_for_an_unprotected_key_is_not_needed(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path)
    assert load_identity(key_path, passphrase=b"anything").key_id == kiosk.key_id


def test_empty_passphrase_is_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    with pytest.raises(SecurityError, match=r"^key\.passphrase_empty$"):
        write_identity(kiosk, tmp_path, passphrase=b"")
    assert not (tmp_path / "lab-pc-07.key").exists()


@posix_only
def test_key_file_readable_by_others_is_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path)
    key_path.chmod(0o640)
    with pytest.raises(SecurityError, match=r"^key\.file_open_to_others\b") as caught:
        load_identity(key_path)
    assert caught.value.params == {"path": key_path, "mode": "0640"}
    assert "can be accessed by other users (mode 0640)" in sentence(caught.value)
    assert f"run 'chmod 600 {key_path}' and try again." in with_hint(caught.value)


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(SecurityError, match=r"^key\.file_missing\b") as caught:
        load_identity(tmp_path / "nothing.key")
    assert sentence(caught.value) == f"The key file {tmp_path / 'nothing.key'} does not exist."
    with pytest.raises(SecurityError, match=r"^key\.public_file_missing\b") as caught:
        load_public(tmp_path / "nothing.pub")
    assert sentence(caught.value) == f"The public key file {tmp_path / 'nothing.pub'} does not exist."


def test_unreadable_key_file(tmp_path: Path) -> None:
    (tmp_path / "folder.key").mkdir()
    with pytest.raises(SecurityError, match=r"^key\.file_unreadable\b") as caught:
        load_identity(tmp_path / "folder.key")
    assert caught.value.params["path"] == tmp_path / "folder.key"
    assert f"The key file {tmp_path / 'folder.key'} could not be read (" in sentence(caught.value)


def _private_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    path.chmod(0o600)
    return path


def test_foreign_key_file_is_refused(tmp_path: Path) -> None:
    path = _private_file(tmp_path / "x.key", b"-----BEGIN RSA PRIVATE KEY-----\nabc\n")
    with pytest.raises(SecurityError, match=r"^key\.file_not_key_file\b") as caught:
        load_identity(path)
    assert "not a 1+X kiosk key file or is damaged" in sentence(caught.value)


def test_damaged_key_block_is_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    text = kiosk.to_key_file(None).decode("ascii")
    lines = text.splitlines()
    lines[4] = "A" * len(lines[4])  # the first line of base64 inside the signing key block
    path = _private_file(tmp_path / "x.key", "\n".join(lines).encode("ascii"))
    with pytest.raises(SecurityError, match=r"^key\.file_damaged\b") as caught:
        load_identity(path)
    assert "is damaged: a key in it cannot be read" in sentence(caught.value)


def test_swapped_key_blocks_are_refused(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    text = kiosk.to_key_file(None).decode("ascii")
    head, first, second = text.split("-----BEGIN PRIVATE KEY-----")
    swapped = head + "-----BEGIN PRIVATE KEY-----" + second + "-----BEGIN PRIVATE KEY-----" + first
    path = _private_file(tmp_path / "x.key", swapped.encode("ascii"))
    with pytest.raises(SecurityError, match=r"^key\.file_wrong_key_types\b") as caught:
        load_identity(path)
    assert "wrong kinds of key (Ed25519 then X25519 expected)" in sentence(caught.value)


def test_unknown_kind_in_key_file(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    data = kiosk.to_key_file(None).replace(b"kind: kiosk", b"kind: wizard")
    with pytest.raises(SecurityError, match=r"^key\.file_unknown_kind\b") as caught:
        load_identity(_private_file(tmp_path / "x.key", data))
    assert caught.value.params["kind"] == "wizard"
    assert "unknown kind 'wizard'" in sentence(caught.value)


def test_load_public_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.pub"
    path.write_text("not a key")
    with pytest.raises(SecurityError, match=r"^key\.public_file_not_key_file\b") as caught:
        load_public(path)
    assert sentence(caught.value).startswith(f"The public key file {path} is not a public key file")
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SecurityError, match=r"^key\.public_file_not_text\b") as caught:
        load_public(path)
    assert sentence(caught.value) == f"The public key file {path} is not text; copy it again."


# Passphrase-protected key files: sealed with a memory-hard KDF; the older PBKDF2 files still open.


def _sealed(tmp_path: Path, kiosk: PrivateIdentity, kdf: KeyFileKdf = TEST_KEY_FILE_KDF) -> Path:
    return _private_file(tmp_path / "sealed.key", kiosk.to_key_file(b"correct horse", kdf))


def _fields(data: bytes) -> dict[str, str]:
    lines = data.decode("ascii").split("-----BEGIN 1X-KIOSK SEALED PRIVATE KEYS-----\n")[1].split("\n\n")[0]
    return dict(line.split(": ", 1) for line in lines.splitlines())


def test_a_passphrase_is_stretched_by_argon2id_at_the_standard_cost(
    tmp_path: Path, kiosk: PrivateIdentity
) -> None:
    key_path, _ = write_identity(kiosk, tmp_path, passphrase=b"correct horse")
    fields = _fields(key_path.read_bytes())
    assert fields["kdf"] == "argon2id"
    assert (int(fields["memory-kib"]), int(fields["iterations"]), int(fields["lanes"])) == (65536, 3, 4)
    assert (STANDARD_KEY_FILE_KDF.memory_kib, STANDARD_KEY_FILE_KDF.iterations) == (65536, 3)
    # Nothing of the keys shows in clear, and no PKCS8 block (PBKDF2, 2,048 rounds) is left in the file.
    assert b"ENCRYPTED PRIVATE KEY" not in key_path.read_bytes()
    assert load_identity(key_path, b"correct horse").key_id == kiosk.key_id


def test_a_cheap_seal_for_tests_round_trips(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, _ = write_identity(kiosk, tmp_path, passphrase=b"correct horse", kdf=TEST_KEY_FILE_KDF)
    assert _fields(key_path.read_bytes())["memory-kib"] == "64"
    loaded = load_identity(key_path, b"correct horse")
    assert (loaded.kind, loaded.name, loaded.key_id) == (KeyKind.KIOSK, "lab-pc-07", kiosk.key_id)
    verify_signature(kiosk.public, LABEL, b"x", loaded.sign(LABEL, b"x"))
    with pytest.raises(SecurityError, match=r"^key\.passphrase_wrong\b"):
        load_identity(key_path, b"correct horsE")
    with pytest.raises(SecurityError, match=r"^key\.passphrase_needed\b"):
        load_identity(key_path)


def test_two_seals_of_the_same_key_differ(kiosk: PrivateIdentity) -> None:
    first = kiosk.to_key_file(b"correct horse", TEST_KEY_FILE_KDF)
    second = kiosk.to_key_file(b"correct horse", TEST_KEY_FILE_KDF)
    assert _fields(first)["salt"] != _fields(second)["salt"] and first != second


def test_a_key_file_written_the_old_way_still_opens(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    """Key files from before the seal hold two PKCS8 blocks encrypted with PBKDF2 (2,048 rounds)."""
    old = generate_identity(KeyKind.REGISTRY, "registry-2024")
    encryption = serialization.BestAvailableEncryption(b"correct horse")
    keys = (old._signing_key, old._agreement_key)
    blocks = b"".join(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
        for key in keys
    )
    head = b"# 1+X kiosk private identity. Keep this file secret.\nkind: registry\nname: registry-2024\n"
    path = _private_file(tmp_path / "registry-2024.key", head + blocks)
    assert b"ENCRYPTED PRIVATE KEY" in path.read_bytes()
    assert load_identity(path, b"correct horse").key_id == old.key_id
    with pytest.raises(SecurityError, match=r"^key\.passphrase_wrong\b"):
        load_identity(path, b"wrong horse")
    with pytest.raises(SecurityError, match=r"^key\.passphrase_needed\b"):
        load_identity(path)


@pytest.mark.parametrize(
    ("old", "new"),
    [(b"kind: kiosk", b"kind: registry"), (b"name: lab-pc-07", b"name: lab-pc-99")],
    ids=["kind", "name"],
)
def test_the_seal_binds_the_kind_and_name_lines(
    tmp_path: Path, kiosk: PrivateIdentity, old: bytes, new: bytes
) -> None:
    path = _sealed(tmp_path, kiosk)
    _private_file(path, path.read_bytes().replace(old, new))
    with pytest.raises(SecurityError, match=r"^key\.passphrase_wrong\b"):
        load_identity(path, b"correct horse")


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("kdf", "pbkdf2"),
        ("memory-kib", "99999999"),
        ("memory-kib", "4"),
        ("iterations", "0"),
        ("iterations", "65"),
        ("lanes", "17"),
        ("lanes", "-1"),
    ],
)
def test_hostile_seal_settings_are_refused_before_any_work(
    tmp_path: Path, kiosk: PrivateIdentity, setting: str, value: str
) -> None:
    path = _sealed(tmp_path, kiosk)
    fields = _fields(path.read_bytes())
    line = f"{setting}: {fields[setting]}\n".encode()
    _private_file(path, path.read_bytes().replace(line, f"{setting}: {value}\n".encode(), 1))
    with pytest.raises(SecurityError, match=r"^key\.file_kdf_unusable\b") as caught:
        load_identity(path, b"correct horse")
    assert caught.value.params == {"path": path, "setting": setting}
    assert f"asks for passphrase settings ('{setting}') this program will not use" in sentence(caught.value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace("nonce: ", "nonce: !"),
        lambda text: text.replace("salt: ", "pepper: "),
        lambda text: text.replace("lanes: 1\n", "lanes: 1\nlanes: 1\n"),
        lambda text: text.replace("\n\n", "\n"),
        lambda text: text.replace("lanes: 1", "lanes 1"),
    ],
    ids=["bad base64", "unknown field", "field twice", "no blank line", "malformed line"],
)
def test_a_damaged_seal_is_refused(
    tmp_path: Path, kiosk: PrivateIdentity, damage: Callable[[str], str]
) -> None:
    path = _sealed(tmp_path, kiosk)
    _private_file(path, damage(path.read_text("ascii")).encode("ascii"))
    with pytest.raises(SecurityError, match=r"^key\.file_damaged\b"):
        load_identity(path, b"correct horse")


def test_a_flipped_sealed_byte_reads_as_a_wrong_passphrase(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    path = _sealed(tmp_path, kiosk)
    lines = path.read_text("ascii").splitlines()
    body = lines.index("") + 1
    lines[body] = ("B" if lines[body][0] != "B" else "C") + lines[body][1:]
    _private_file(path, "\n".join(lines).encode("ascii"))
    with pytest.raises(SecurityError, match=r"^key\.passphrase_wrong\b"):
        load_identity(path, b"correct horse")


def test_a_sealed_block_beside_plain_keys_is_not_a_key_file(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    path = _private_file(
        tmp_path / "x.key",
        kiosk.to_key_file(b"pass", TEST_KEY_FILE_KDF) + kiosk.to_key_file(None).split(b"\n", 3)[3],
    )
    with pytest.raises(SecurityError, match=r"^key\.file_not_key_file\b"):
        load_identity(path, b"pass")


@posix_only
def test_a_public_file_can_be_written_private(tmp_path: Path, kiosk: PrivateIdentity) -> None:
    key_path, pub_path = write_identity(kiosk, tmp_path, public_mode=0o600)
    assert stat.S_IMODE(key_path.stat().st_mode) == stat.S_IMODE(pub_path.stat().st_mode) == 0o600
