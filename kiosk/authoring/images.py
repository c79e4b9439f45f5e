"""Checking a bank's images by what they hold, not by their names, before they are signed into a package.

A text file named ``.svg`` or junk named ``.png`` would be signed, installed and then fail on the candidate's
screen. PNG and JPEG files are decoded here far enough to be sure a viewer can draw them (PNG: every chunk's
CRC and the inflated pixel data's size; JPEG: the segment structure up to the scan, its frame size, and its
end marker), using the standard library only. SVG files are parsed with expat, refusing any DOCTYPE or entity
(no entity expansion, no external entities), and must be a plain ``<svg>`` drawing: no scripts, no event
attributes, and no reference to anything outside the file (a ``#fragment`` of it, or a PNG or JPEG held in
it as ``data:`` and checked like any other picture).
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

# The largest image side, in pixels, a kiosk is asked to draw; also bounds the memory a PNG may inflate to.
MAX_SIDE = 10_000

_INFLATE_CHUNK = 1 << 20
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Allowed bit depths per PNG colour type, and the samples per pixel of each.
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_PNG_SAMPLES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# Adam7 passes: (x start, y start, x step, y step).
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))

# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are not frames.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})

_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
# Elements that run code or embed another document.
_SVG_FORBIDDEN = frozenset({"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"})
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import", re.IGNORECASE)
# A picture held in the file itself (as drawing programs embed bitmaps): checked like any other picture.
_DATA_PICTURE = re.compile(
    r"data:image/(?P<kind>png|jpeg|jpg);base64,(?P<data>[A-Za-z0-9+/=\s]*)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ImageProblem:
    """Why an image cannot be used: an error code and its facts (the image's name is added by the reader)."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


class _Damaged(Exception):
    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def check_image(data: bytes, suffix: str) -> ImageProblem | None:
    """Why the bytes of an image named ``*suffix`` are unusable, or None when a kiosk can show them."""
    kind = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}[suffix.lower()]
    if kind == "SVG":
        return _check_svg(data)
    found = _sniff(data)
    if found != kind:
        return _not_kind(kind, found)
    try:
        width, height = _png_size(data) if kind == "PNG" else _jpeg_size(data)
    except _Damaged as damaged:
        return ImageProblem("source.image_damaged", {"kind": kind, "part": damaged.part})
    if max(width, height) > MAX_SIDE:
        return ImageProblem("source.image_too_large", {"width": width, "height": height, "limit": MAX_SIDE})
    return None


def _not_kind(kind: str, found: str) -> ImageProblem:
    if found in ("PNG", "JPEG", "SVG"):
        return ImageProblem("source.image_wrong_suffix", {"kind": kind, "found": found})
    return ImageProblem("source.image_not_kind", {"kind": kind})


def _sniff(data: bytes) -> str:
    """What the first bytes say the data is: PNG, JPEG, SVG (XML text), text or unknown."""
    if data.startswith(_PNG_SIGNATURE):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg"):
        return "SVG"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "unknown"
    return "text"


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG whose chunks, CRCs and inflated pixel data all check out."""
    position = len(_PNG_SIGNATURE)
    header: tuple[int, int, int, int, int] | None = None
    compressed: list[bytes] = []
    palette = False
    while True:
        if position + 8 > len(data):
            raise _Damaged("IEND")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        crc_at = position + 8 + length
        if len(body) != length or crc_at + 4 > len(data):
            raise _Damaged(kind.decode("latin-1"))
        if zlib.crc32(kind + body) != struct.unpack(">I", data[crc_at : crc_at + 4])[0]:
            raise _Damaged(f"CRC of {kind.decode('latin-1')}")
        position = crc_at + 4
        if header is None and kind != b"IHDR":
            raise _Damaged("IHDR")
        if kind == b"IHDR":
            if header is not None or length != 13:
                raise _Damaged("IHDR")
            width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
            if width > MAX_SIDE or height > MAX_SIDE:
                return width, height
            if (
                not (width and height)
                or depth not in _PNG_DEPTHS.get(colour, ())
                or (compression, filtering) != (0, 0)
                or interlace not in (0, 1)
            ):
                raise _Damaged("IHDR")
            header = (width, height, depth, colour, interlace)
        elif kind == b"PLTE":
            palette = True
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
    assert header is not None
    width, height, depth, colour, interlace = header
    if not compressed:
        raise _Damaged("IDAT")
    if colour == 3 and not palette:
        raise _Damaged("PLTE")
    expected = _png_raw_size(width, height, depth * _PNG_SAMPLES[colour], interlace)
    # Each row starts with a filter type byte of 0 to 4 (checked for plain, not interlaced, images).
    row = expected // height if not interlace else 0
    inflater = zlib.decompressobj()
    pending, total = b"".join(compressed), 0
    try:
        while not inflater.eof:
            out = inflater.decompress(pending, _INFLATE_CHUNK)
            pending = inflater.unconsumed_tail
            if not out and not pending:
                break
            if row and any(out[i] > 4 for i in range(-total % row, len(out), row)):
                raise _Damaged("IDAT")
            total += len(out)
            if total > expected:
                break
    except zlib.error:
        raise _Damaged("IDAT") from None
    if total != expected or not inflater.eof:
        raise _Damaged("IDAT")
    return width, height


def _png_raw_size(width: int, height: int, bits_per_pixel: int, interlace: int) -> int:
    """Bytes of filtered scanlines a PNG of this shape inflates to (one filter byte per row)."""
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    total = 0
    for x0, y0, dx, dy in passes:
        columns = (width - x0 + dx - 1) // dx if width > x0 else 0
        rows = (height - y0 + dy - 1) // dy if height > y0 else 0
        if columns and rows:
            total += rows * (1 + (columns * bits_per_pixel + 7) // 8)
    return total


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height of a JPEG whose segments run well-formed from its start to a scan and its end."""
    position = 2
    size: tuple[int, int] | None = None
    while True:
        if position + 2 > len(data) or data[position] != 0xFF:
            raise _Damaged("segment")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _JPEG_STANDALONE:
            position += 2
            continue
        if marker == 0xD9:
            raise _Damaged("SOS")
        if position + 4 > len(data):
            raise _Damaged("segment")
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        body = data[position + 4 : position + 2 + length]
        if length < 2 or len(body) != length - 2:
            raise _Damaged("segment")
        if marker in _JPEG_FRAMES:
            if len(body) < 6:
                raise _Damaged("SOF")
            precision, height, width, components = struct.unpack(">BHHB", body[:6])
            if precision not in (8, 12, 16) or not width or not height or not components:
                raise _Damaged("SOF")
            if len(body) != 6 + 3 * components:
                raise _Damaged("SOF")
            size = (width, height)
        elif marker == 0xDA:
            if size is None:
                raise _Damaged("SOF")
            if data.rstrip(b"\x00").endswith(b"\xff\xd9") and len(data) > position + 2 + length + 2:
                return size
            raise _Damaged("EOI")
        position += 2 + length


def _check_svg(data: bytes) -> ImageProblem | None:
    """Parse an SVG with expat, refusing what a drawing must not hold; None when it is a plain drawing."""
    checker = _SvgChecker()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = checker.doctype
    parser.EntityDeclHandler = checker.entity
    parser.ExternalEntityRefHandler = checker.external_entity
    parser.StartElementHandler = checker.start
    parser.EndElementHandler = checker.end
    parser.CharacterDataHandler = checker.text
    parser.ProcessingInstructionHandler = checker.instruction
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return ImageProblem(refused.code, {**refused.params, "line": parser.CurrentLineNumber})
    except expat.ExpatError as error:
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return _not_kind("SVG", _sniff(data))
        return ImageProblem(
            "source.svg_not_xml", {"line": error.lineno, "reason": expat.ErrorString(error.code)}
        )
    return None


class _Refused(Exception):
    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class _SvgChecker:
    """expat handlers that raise _Refused at the first thing an exam image may not hold."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.in_style = 0

    def doctype(self, *args: object) -> None:
        raise _Refused("source.svg_doctype")

    def entity(self, *args: object) -> None:
        raise _Refused("source.svg_doctype")

    def external_entity(self, *args: object) -> int:
        raise _Refused("source.svg_doctype")

    def instruction(self, target: str, data: str) -> None:
        # <?xml-stylesheet href="..."?> would fetch a style sheet from elsewhere.
        if target.lower() == "xml-stylesheet":
            raise _Refused("source.svg_external", reference=data.strip()[:80])

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, local = _split(name)
        if self.root is None:
            if local != "svg" or namespace not in ("", _SVG_NAMESPACE):
                raise _Refused("source.svg_root", root=local)
            self.root = local
        if local in _SVG_FORBIDDEN:
            raise _Refused("source.svg_script", element=local)
        if local == "style":
            self.in_style += 1
        for attribute, value in attributes.items():
            attribute_namespace, attribute_local = _split(attribute)
            if attribute_local.lower().startswith("on"):
                raise _Refused("source.svg_event", attribute=attribute_local)
            if attribute_local == "href" and attribute_namespace in ("", _XLINK_NAMESPACE):
                _check_reference(value.strip())
            if attribute_local == "style" or "url(" in value.lower():
                _check_css(value)

    def end(self, name: str) -> None:
        if _split(name)[1] == "style":
            self.in_style -= 1

    def text(self, data: str) -> None:
        if self.in_style:
            _check_css(data)


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _check_reference(reference: str) -> None:
    """Only a fragment of this file (``#id``), or a PNG or JPEG picture held in it, may be referred to."""
    if reference.startswith("#"):
        return
    embedded = _DATA_PICTURE.fullmatch(reference)
    if embedded is None:
        raise _Refused("source.svg_external", reference=reference[:80])
    try:
        picture = base64.b64decode(re.sub(r"\s+", "", embedded["data"]), validate=True)
    except binascii.Error:
        raise _Refused("source.svg_embedded_picture") from None
    if check_image(picture, ".png" if embedded["kind"].lower() == "png" else ".jpg") is not None:
        raise _Refused("source.svg_embedded_picture")


def _check_css(css: str) -> None:
    if _CSS_IMPORT.search(css):
        raise _Refused("source.svg_external", reference="@import")
    for match in _CSS_URL.finditer(css):
        _check_reference(match.group(1))
