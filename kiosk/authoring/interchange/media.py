"""Images brought in with the items: kept only when their bytes are a PNG, a JPEG or a plain SVG drawing.

An image's name says nothing about what it holds, so the kind is read from the content: the PNG and JPEG
signatures, or an SVG parsed by the hardened XML reader with no script, no event attribute, no embedded
document and no reference outside the file. Images that pass are stored once each (by content) under
``images/`` with a tidy name; the bank's own checks look at them again when the bank is validated.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from kiosk.authoring.interchange.xmlsafe import Node, parse_xml
from kiosk.domain.errors import InputError, Notice

MAX_IMAGE_BYTES = 8 * 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_SVG_FORBIDDEN = frozenset({"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"})
_SAFE_NAME = re.compile(r"[^a-z0-9]+")
_KEPT_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_SUFFIXES = {"png": (".png",), "jpg": (".jpg", ".jpeg"), "svg": (".svg",)}


def image_kind(data: bytes) -> str | None:
    """ "png", "jpg" or "svg" when the bytes are one a kiosk can show, else None."""
    if data.startswith(_PNG):
        return "png"
    if data.startswith(_JPEG):
        return "jpg"
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--"):
        return "svg"
    return None


def svg_problem(data: bytes, name: str) -> Notice | None:
    """Why an SVG is not a plain drawing, as a notice naming ``name``; None when it is one."""
    try:
        root = parse_xml(data, name)
    except InputError as error:
        if error.code == "interchange.xml_doctype":
            return Notice("interchange.image_svg_refused", image=name, reason="<!DOCTYPE>")
        return Notice("interchange.image_svg_malformed", image=name, line=error.params.get("line", 1))
    if root.tag != "svg" or root.namespace not in ("", _SVG_NAMESPACE):
        return Notice("interchange.image_svg_refused", image=name, reason=f"<{root.tag}>")
    reason = _refused_part(root)
    return Notice("interchange.image_svg_refused", image=name, reason=reason) if reason else None


def _refused_part(root: Node) -> str | None:
    """The first thing in an SVG that an exam image may not hold, as it is written, or None."""
    for node in root.walk():
        if node.tag in _SVG_FORBIDDEN:
            return f"<{node.tag}>"
        for attribute, value in node.attrs.items():
            if attribute.lower().startswith("on"):
                return attribute
            if attribute == "href" and not value.strip().startswith("#"):
                return "href"
            if "url(" in value.lower() and not re.search(r"url\(\s*['\"]?#", value, re.IGNORECASE):
                return "url()"
        text = node.all_text() if node.tag == "style" else ""
        if "@import" in text or re.search(r"url\(\s*['\"]?[^#'\"\s]", text):
            return "<style>"
    return None


@dataclass
class ImageStore:
    """The images an import keeps: bank path -> bytes, one file per distinct content."""

    images: dict[str, bytes] = field(default_factory=dict)
    _by_digest: dict[str, str] = field(default_factory=dict)

    def add(self, data: bytes, name: str) -> tuple[str | None, Notice | None]:
        """Keep ``data`` (found as ``name``); return its bank path, or why it was left out."""
        if len(data) > MAX_IMAGE_BYTES:
            return None, Notice(
                "interchange.image_too_large", image=name, limit=MAX_IMAGE_BYTES // (1024 * 1024)
            )
        kind = image_kind(data)
        if kind is None:
            return None, Notice("interchange.image_unknown_kind", image=name)
        if kind == "svg":
            problem = svg_problem(data, name)
            if problem is not None:
                return None, problem
        digest = hashlib.sha256(data).hexdigest()
        if digest in self._by_digest:
            return self._by_digest[digest], None
        path = self._path(name, kind)
        self.images[path] = data
        self._by_digest[digest] = path
        return path, None

    def _path(self, name: str, kind: str) -> str:
        """The bank path for an image found as ``name``: kept when it already is a tidy images/ path."""
        given = PurePosixPath(name)
        if (
            len(given.parts) > 1
            and given.parts[0] == "images"
            and all(_KEPT_PART.match(part) for part in given.parts)
            and given.suffix.lower() in _SUFFIXES[kind]
            and name not in self.images
        ):
            return name
        stem = _SAFE_NAME.sub("-", given.stem.lower()).strip("-")[:40] or "image"
        path = f"images/{stem}.{kind}"
        number = 2
        while path in self.images:
            path = f"images/{stem}-{number}.{kind}"
            number += 1
        return path
