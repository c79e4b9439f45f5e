"""Package files are read within limits and never outside the package."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from kiosk.authoring.interchange import packages
from kiosk.authoring.interchange.packages import FolderFiles, ZipFiles, resolve
from kiosk.domain.errors import InputError


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("base", "href", "expected"),
    [
        ("items/q1.xml", "../images/a.png", "images/a.png"),
        ("items/q1.xml", "a%20b.png", "items/a b.png"),
        ("q1.xml", "./x/../y.png", "y.png"),
        ("items/q1.xml", "../../etc/passwd", None),
        ("q1.xml", "/etc/passwd", None),
        ("q1.xml", "http://example.org/a.png", None),
        ("q1.xml", "file:///etc/passwd", None),
        ("q1.xml", "..\\evil.png", None),
        ("q1.xml", "", None),
    ],
)
def test_references_resolve_inside_the_package_only(base: str, href: str, expected: str | None) -> None:
    assert resolve(base, href) == expected


def test_zip_entries_are_read_by_name_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    files = ZipFiles(_zip({"a.xml": b"<a/>", "dir/b.png": b"x" * 100}), "p.zip")
    assert files.names() == ["a.xml", "dir/b.png"]
    assert files.read("a.xml") == b"<a/>"
    assert files.read("missing.xml") is None
    assert files.display("a.xml") == "p.zip/a.xml"
    monkeypatch.setattr(packages, "MAX_FILE_BYTES", 50)
    with pytest.raises(InputError) as caught:
        files.read("dir/b.png")
    assert caught.value.code == "interchange.zip_too_large"


def test_a_zip_bomb_or_a_crowd_of_entries_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _zip({"big.bin": b"\0" * 100_000})
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", 10_000)
    with pytest.raises(InputError) as caught:
        ZipFiles(bomb, "bomb.zip")
    assert caught.value.code == "interchange.zip_too_large"
    monkeypatch.setattr(packages, "MAX_ENTRIES", 2)
    with pytest.raises(InputError):
        ZipFiles(_zip({"1": b"", "2": b"", "3": b""}), "many.zip")


def test_a_damaged_zip_is_an_error_with_the_file() -> None:
    with pytest.raises(InputError) as caught:
        ZipFiles(b"PK\x03\x04 not really", "broken.zip")
    assert caught.value.code == "interchange.not_zip"
    assert caught.value.params["file"] == "broken.zip"


def test_folder_files_stay_inside_their_folder(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "items").mkdir(parents=True)
    (tmp_path / "pkg" / "items" / "q.xml").write_bytes(b"<q/>")
    (tmp_path / "secret.txt").write_bytes(b"secret")
    (tmp_path / "pkg" / "link.txt").symlink_to(tmp_path / "secret.txt")
    files = FolderFiles(tmp_path / "pkg", "pkg")
    assert files.read("items/q.xml") == b"<q/>"
    assert files.read("link.txt") is None
    assert files.read("../secret.txt") is None
    assert "items/q.xml" in files.names()
