"""Checks that a PDF embeds every font it uses, and names from many scripts for the report tests."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

NAMES = (
    "Zhāng Wěi",
    "Ngozi Ọkọnkwọ",
    "Łukasz Żółć",
    "Nguyễn Thị Hương",
    "张伟",
    "Chanda Mwale 张伟",
)
"""Pinyin tone marks, Yoruba dots below, Polish, Vietnamese, Chinese, and Latin with Chinese in one name."""

STANDARD_14 = frozenset(
    {
        "Courier",
        "Courier-Bold",
        "Courier-Oblique",
        "Courier-BoldOblique",
        "Helvetica",
        "Helvetica-Bold",
        "Helvetica-Oblique",
        "Helvetica-BoldOblique",
        "Times-Roman",
        "Times-Bold",
        "Times-Italic",
        "Times-BoldItalic",
        "Symbol",
        "ZapfDingbats",
    }
)
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _objects(reader: PdfReader) -> list[object]:
    """Every object in the file, whether a page uses it or not."""
    found: list[object] = []
    for generation, numbers in reader.xref.items():
        for number in numbers:
            found.append(reader.get_object(IndirectObject(number, generation, reader)))
    for number in reader.xref_objStm:
        found.append(reader.get_object(IndirectObject(number, 0, reader)))
    return found


def _embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        descendants = font["/DescendantFonts"].get_object()
        assert isinstance(descendants, ArrayObject)
        return all(_embedded(descendant.get_object()) for descendant in descendants)
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor.get_object() for key in FONT_FILES)


def embedded_fonts(pdf: bytes) -> set[str]:
    """The base names of the fonts in ``pdf``, after checking each is embedded and none is a standard one.

    A subset's base name is "ABCDEF+Name"; the prefix is dropped.
    """
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for item in _objects(reader):
        if not isinstance(item, DictionaryObject) or item.get("/Type") != "/Font":
            continue
        base = str(item.get("/BaseFont", "")).lstrip("/")
        name = base.split("+", 1)[1] if "+" in base else base
        assert name not in STANDARD_14, f"{base} is a standard font, not embedded"
        assert _embedded(item), f"{base} is not embedded"
        names.add(name)
    assert names, "the PDF holds no font"
    return names
