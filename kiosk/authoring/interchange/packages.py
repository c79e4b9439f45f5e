"""The files of a QTI content package or a folder of items, read within limits and never outside the root.

A package is a zip file from someone else: its entries are counted and their sizes bounded (a zip bomb
stops at the limit whatever its header claims), nothing is extracted to disk, and a reference is followed
only when it stays inside the package (no absolute path, no ``..`` above the root, no URL).
"""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from kiosk.domain.errors import InputError

MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_FILE_BYTES = 64 * 1024 * 1024


class Files(Protocol):
    """Where a package's files come from; paths are POSIX paths relative to the package root."""

    def read(self, path: str) -> bytes | None: ...

    def names(self) -> list[str]: ...

    def display(self, path: str) -> str: ...


def resolve(base: str, href: str) -> str | None:
    """The package path ``href`` names, relative to the file ``base``; None when it leaves the package."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = unquote(parts.path)
    if target.startswith("/") or "\\" in target:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), target))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return joined


class ZipFiles:
    """The entries of a zip file, read one by one with their inflated size bounded."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError) as error:
            raise InputError("interchange.not_zip", file=name, reason=str(error) or "unreadable") from None
        if len(infos) > MAX_ENTRIES:
            raise InputError("interchange.zip_too_large", file=name)
        if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
            raise InputError("interchange.zip_too_large", file=name)
        self.entries = {info.filename: info for info in infos if not info.is_dir()}

    def names(self) -> list[str]:
        return sorted(self.entries)

    def read(self, path: str) -> bytes | None:
        info = self.entries.get(path)
        if info is None:
            return None
        try:
            with self.archive.open(info) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError) as error:
            raise InputError("interchange.not_zip", file=self.display(path), reason=str(error)) from None
        if len(data) > MAX_FILE_BYTES:
            raise InputError("interchange.zip_too_large", file=self.display(path))
        return data

    def display(self, path: str) -> str:
        return f"{self.name}/{path}"


class FolderFiles:
    """Files under a folder on disk (an unpacked package, or the folder of a single item file)."""

    def __init__(self, root: Path, name: str) -> None:
        self.root = root
        self.name = name

    def names(self) -> list[str]:
        return sorted(
            path.relative_to(self.root).as_posix() for path in self.root.rglob("*") if path.is_file()
        )

    def read(self, path: str) -> bytes | None:
        target = self.root / path
        try:
            if not target.is_file() or target.stat().st_size > MAX_FILE_BYTES:
                return None
            if not target.resolve().is_relative_to(self.root.resolve()):
                return None
            return target.read_bytes()
        except OSError:
            return None

    def display(self, path: str) -> str:
        return str(self.root / path)
