"""Images are checked by what they hold: PNG and JPEG decoded, SVG parsed safely, nothing from outside."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from pathlib import Path

import pytest

from kiosk.authoring.build import build_bank_package
from kiosk.authoring.images import MAX_SIDE, check_image
from kiosk.domain.errors import BankError
from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.packages import TEST_RELEASE_KDF
from tests.authoring.source_edits import edit, has, problems_in, read

# A 2 x 2 baseline JPEG, as Qt writes one.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010101006400640000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d"
    "283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb004301111212181518"
    "2f1a1a2f63423842636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
    "6363636363636363ffc00011080002000203012200021101031101ffc4001f00000105010101010101000000000000000001"
    "02030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114"
    "328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a53545556"
    "5758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5"
    "b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc4001f010003"
    "0101010101010101010000000000000102030405060708090a0bffc400b51100020102040403040705040400010277000102"
    "031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35"
    "363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495"
    "969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9ea"
    "f2f3f4f5f6f7f8f9faffda000c03010002110311003f00c7a28a2b84fa83ffd9"
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int = 3, height: int = 2, rows: bytes | None = None, interlace: int = 0) -> bytes:
    """An 8-bit RGB PNG; ``rows`` the filtered scanlines (plain black rows by default)."""
    if rows is None:
        rows = b"".join(b"\x00" + bytes(3 * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, interlace)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def svg(body: str, head: str = "") -> bytes:
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f"{body}</svg>"
    ).encode()


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (png(), ".png"),
        (png(5, 7, interlace=1, rows=bytes(119)), ".png"),  # Adam7: 119 bytes of scanlines
        (JPEG, ".jpg"),
        (JPEG, ".JPEG"),
        (SVG, ".svg"),
        (
            svg('<defs><marker id="arr"/></defs><path d="M0 0" marker-end="url(#arr)"/><use href="#arr"/>'),
            ".svg",
        ),
        (svg('<use xlink:href="#a"/><style>rect { fill: url(#g) }</style>'), ".svg"),
        (svg(f'<image href="data:image/png;base64,{base64.b64encode(png()).decode()}"/>'), ".svg"),
        (svg(f'<image xlink:href="data:image/jpeg;base64,\n{base64.b64encode(JPEG).decode()}"/>'), ".svg"),
    ],
)
def test_pictures_a_kiosk_can_show_pass(data: bytes, suffix: str) -> None:
    assert check_image(data, suffix) is None


def test_the_sample_banks_images_pass() -> None:
    root = Path(__file__).resolve().parents[2] / "question_banks"
    images = sorted(root.glob("*/images/*"))
    assert images
    assert [path.name for path in images if check_image(path.read_bytes(), path.suffix) is not None] == []


def _damaged_crc() -> bytes:
    data = bytearray(png())
    data[30] ^= 0xFF  # inside IHDR's body: its CRC no longer matches
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "suffix", "code", "params"),
    [
        (b"just some notes, not a picture\n", ".png", "source.image_not_kind", {"kind": "PNG"}),
        (os.urandom(64).replace(b"\x89", b"\x00"), ".png", "source.image_not_kind", {"kind": "PNG"}),
        (b"just some notes, not a picture\n", ".svg", "source.image_not_kind", {"kind": "SVG"}),
        (b"plain text\n", ".jpg", "source.image_not_kind", {"kind": "JPEG"}),
        (png(), ".jpg", "source.image_wrong_suffix", {"kind": "JPEG", "found": "PNG"}),
        (JPEG, ".png", "source.image_wrong_suffix", {"kind": "PNG", "found": "JPEG"}),
        (JPEG, ".svg", "source.image_wrong_suffix", {"kind": "SVG", "found": "JPEG"}),
        (png()[:-20], ".png", "source.image_damaged", {"kind": "PNG", "part": "IDAT"}),
        (png()[:40], ".png", "source.image_damaged", {"kind": "PNG"}),
        (_damaged_crc(), ".png", "source.image_damaged", {"kind": "PNG", "part": "CRC of IHDR"}),
        (png(rows=b"\x00" + bytes(9)), ".png", "source.image_damaged", {"kind": "PNG", "part": "IDAT"}),
        (png(rows=b"\x09" + bytes(9) + b"\x00" + bytes(9)), ".png", "source.image_damaged", {"part": "IDAT"}),
        (png(MAX_SIDE + 1, 1), ".png", "source.image_too_large", {"width": MAX_SIDE + 1, "limit": MAX_SIDE}),
        (JPEG[:300], ".jpg", "source.image_damaged", {"kind": "JPEG"}),
        (JPEG[:-2], ".jpg", "source.image_damaged", {"kind": "JPEG", "part": "EOI"}),
        (JPEG.replace(b"\xff\xc0", b"\xff\xfe", 1), ".jpg", "source.image_damaged", {"part": "SOF"}),
    ],
)
def test_pictures_that_would_fail_on_screen_are_refused(
    data: bytes, suffix: str, code: str, params: dict[str, object]
) -> None:
    problem = check_image(data, suffix)
    assert problem is not None
    assert problem.code == code
    assert params.items() <= problem.params.items()


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
            "source.svg_doctype",
            {},
        ),
        (
            b'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg xmlns="http://www.w3.org/2000/svg"/>',
            "source.svg_doctype",
            {},
        ),
        (svg("<script>alert(1)</script>"), "source.svg_script", {"element": "script"}),
        (svg("<foreignObject><p>hi</p></foreignObject>"), "source.svg_script", {"element": "foreignObject"}),
        (svg('<rect onclick="steal()"/>'), "source.svg_event", {"attribute": "onclick"}),
        (
            svg('<image href="http://example.com/a.png"/>'),
            "source.svg_external",
            {"reference": "http://example.com/a.png"},
        ),
        (
            svg('<image xlink:href="../../secret.png"/>'),
            "source.svg_external",
            {"reference": "../../secret.png"},
        ),
        (svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), "source.svg_external", {}),
        (
            svg('<image href="data:image/png;base64,bm90IGEgcGljdHVyZQ=="/>'),
            "source.svg_embedded_picture",
            {},
        ),
        (svg('<image href="data:image/png;base64,***"/>'), "source.svg_external", {}),
        (svg('<rect style="fill: url(http://example.com/x)"/>'), "source.svg_external", {}),
        (svg("<style>@import url(#x);</style>"), "source.svg_external", {"reference": "@import"}),
        (svg("", '<?xml-stylesheet href="http://example.com/s.css"?>'), "source.svg_external", {}),
        (b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "source.svg_root", {"root": "html"}),
        (b"<svg><rect></svg>", "source.svg_not_xml", {"line": 1}),
    ],
)
def test_svg_is_parsed_without_entities_and_must_be_a_plain_drawing(
    data: bytes, code: str, params: dict[str, object]
) -> None:
    problem = check_image(data, ".svg")
    assert problem is not None
    assert problem.code == code
    assert params.items() <= problem.params.items()


def test_a_text_file_named_svg_is_refused_where_the_bank_names_it(bank_dir: Path) -> None:
    (bank_dir / "images" / "bank.svg").write_text("TODO: draw the battery bank", encoding="utf-8")
    problems = problems_in(bank_dir)
    assert has(problems, "source.image_not_kind", image="images/bank.svg", kind="SVG")
    [problem] = problems
    assert (problem.path.name, problem.line) == ("bank.yaml", 21)
    assert read(problem).endswith("the image images/bank.svg is not a SVG picture; export it again as SVG")


def test_junk_named_png_is_refused(bank_dir: Path) -> None:
    (bank_dir / "images" / "junk.png").write_bytes(b"\x00\x01junk")
    edit(bank_dir / "bank.yaml", "image: images/bank.svg", "image: images/junk.png")
    assert has(problems_in(bank_dir), "source.image_not_kind", image="images/junk.png", kind="PNG")


def test_a_real_png_and_jpeg_are_packed(bank_dir: Path) -> None:
    (bank_dir / "images" / "a.png").write_bytes(png())
    (bank_dir / "images" / "b.jpg").write_bytes(JPEG)
    edit(bank_dir / "bank.yaml", "image: images/bank.svg", "image: images/a.png")
    edit(
        bank_dir / "items" / "all.yaml",
        "  difficulty: hard\n  stem: Which gas",
        "  difficulty: hard\n  image: images/b.jpg\n  stem: Which gas",
    )
    assert problems_in(bank_dir) == []


def test_an_image_linked_from_outside_the_folder_is_refused_and_never_packed(
    bank_dir: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_bytes(svg("<desc>the registry key passphrase</desc>"))
    (bank_dir / "images" / "bank.svg").unlink()
    (bank_dir / "images" / "bank.svg").symlink_to(secret)
    problems = problems_in(bank_dir)
    assert has(problems, "source.image_link_outside", image="images/bank.svg", target=secret.resolve())
    output = tmp_path / "bank.1xbank"
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    with pytest.raises(BankError, match=r"^bank\.source_invalid\b"):
        build_bank_package(bank_dir, output, signer, "K7QF-M2XD-9PHA", kdf=TEST_RELEASE_KDF)
    assert not output.exists()


def test_a_link_inside_the_folder_is_fine(bank_dir: Path) -> None:
    (bank_dir / "images" / "copy.svg").symlink_to(bank_dir / "images" / "bank.svg")
    edit(bank_dir / "bank.yaml", "image: images/bank.svg", "image: images/copy.svg")
    assert problems_in(bank_dir) == []


def test_an_item_file_linked_from_outside_is_refused_unread(bank_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("- {id: SECRET, stem: not yours}\n", encoding="utf-8")
    (bank_dir / "items" / "zz.yaml").symlink_to(outside)
    problems = problems_in(bank_dir)
    assert [(p.path.name, p.code, p.params) for p in problems] == [
        ("zz.yaml", "source.file_outside", {"target": outside.resolve()})
    ]
    assert "leads outside the bank folder" in read(problems[0])


def test_a_linked_items_folder_or_bank_file_is_refused(bank_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (bank_dir / "items").rename(elsewhere)
    (bank_dir / "items").symlink_to(elsewhere)
    assert has(problems_in(bank_dir), "source.file_outside", target=(elsewhere / "all.yaml").resolve())
    (bank_dir / "items").unlink()
    (bank_dir / "items").mkdir()
    (elsewhere / "all.yaml").rename(bank_dir / "items" / "all.yaml")
    (bank_dir / "bank.yaml").rename(tmp_path / "bank.yaml")
    (bank_dir / "bank.yaml").symlink_to(tmp_path / "bank.yaml")
    assert has(problems_in(bank_dir), "source.file_outside", target=(tmp_path / "bank.yaml").resolve())
