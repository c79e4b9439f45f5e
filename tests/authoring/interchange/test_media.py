"""Images brought in are kept only when their content is a PNG, a JPEG or a plain SVG drawing."""

from __future__ import annotations

import base64

import pytest

from kiosk.authoring.interchange import media
from kiosk.authoring.interchange.media import ImageStore, image_kind, svg_problem
from kiosk.domain.errors import Notice

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR42mP4z8DAAMIM/4EAAB/uBfvxq7p3AAAAAElFTkSuQmCC"
)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'


def test_the_kind_is_read_from_the_content_not_the_name() -> None:
    assert image_kind(PNG) == "png"
    assert image_kind(JPEG) == "jpg"
    assert image_kind(b"\xef\xbb\xbf  " + SVG) == "svg"
    assert image_kind(b"GIF89a....") is None
    store = ImageStore()
    path, problem = store.add(b"not an image at all", "images/diagram.png")
    assert path is None and problem is not None
    assert (problem.code, problem.params) == (
        "interchange.image_unknown_kind",
        {"image": "images/diagram.png"},
    )


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignObject>"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="http://example.org/x.png"/></svg>',
            "href",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x/y)"/></svg>', "url()"),
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg/>', "<!DOCTYPE>"),
        (b'<?xml version="1.0"?><html/>', "<html>"),
    ],
)
def test_svgs_that_run_code_or_fetch_things_are_refused(svg: bytes, reason: str) -> None:
    refused = Notice("interchange.image_svg_refused", image="x.svg", reason=reason)
    assert svg_problem(svg, "x.svg") == refused
    assert ImageStore().add(svg, "x.svg") == (None, refused)


def test_a_malformed_svg_is_left_out_with_its_line() -> None:
    broken = b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>'
    problem = Notice("interchange.image_svg_malformed", image="x.svg", line=3)
    assert ImageStore().add(broken, "x.svg") == (None, problem)


def test_a_plain_svg_with_internal_references_is_kept() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use xlink:href="#g"/></svg>'
    )
    assert svg_problem(svg, "x.svg") is None
    assert ImageStore().add(svg, "images/g.svg") == ("images/g.svg", None)


def test_names_are_kept_when_tidy_and_images_are_stored_once() -> None:
    store = ImageStore()
    assert store.add(PNG, "images/Cell_1.png") == ("images/Cell_1.png", None)
    assert store.add(PNG, "elsewhere/copy.png") == ("images/Cell_1.png", None)
    assert store.add(SVG, "../weird name!.svg") == ("images/weird-name.svg", None)
    assert store.add(JPEG, "photo.jpeg") == ("images/photo.jpg", None)
    assert store.add(JPEG + b"x", "photo.jpeg") == ("images/photo-2.jpg", None)
    assert sorted(store.images) == [
        "images/Cell_1.png",
        "images/photo-2.jpg",
        "images/photo.jpg",
        "images/weird-name.svg",
    ]


def test_an_image_too_large_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(media, "MAX_IMAGE_BYTES", 10)
    path, problem = ImageStore().add(PNG, "big.png")
    assert path is None and problem is not None and problem.code == "interchange.image_too_large"
