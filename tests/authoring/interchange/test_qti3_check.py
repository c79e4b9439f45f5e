"""The structural checks catch what would make an exported package unusable (they stand in for the XSD)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from kiosk.authoring.interchange.export_qti3 import package_files
from kiosk.authoring.interchange.qti3_check import package_problems
from kiosk.authoring.source import load_bank_dir
from tests.authoring.interchange.helpers import SAMPLE_BANKS

Files = dict[str, bytes]


@pytest.fixture(scope="module")
def good() -> Files:
    return package_files(load_bank_dir(SAMPLE_BANKS / "design-1"))


def _zip(files: Files) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _replace(path: str, old: bytes, new: bytes) -> Callable[[Files], None]:
    def change(files: Files) -> None:
        target = path if path in files else next(name for name in files if name.startswith(path))
        assert old in files[target]
        files[target] = files[target].replace(old, new, 1)

    return change


def _drop(prefix: str) -> Callable[[Files], None]:
    def change(files: Files) -> None:
        del files[next(name for name in files if name.startswith(prefix))]

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop("imsmanifest.xml"), "no imsmanifest.xml"),
        (_drop("images/"), "is not in the package"),
        (_drop("stimuli/"), "is not in the package"),
        (_replace("imsmanifest.xml", b"qtiv3p0/imscp_v1p1", b"qtiv2p1/imscp_v1p1"), "root is"),
        (
            _replace("imsmanifest.xml", b"<schema>QTI Package</schema>", b"<schema>IMS</schema>"),
            "QTI Package",
        ),
        (
            _replace("imsmanifest.xml", b'type="imsqti_item_xmlv3p0"', b'type="imsqti_item_xmlv2p1"'),
            "resource type",
        ),
        (_replace("items/DSN1-001.xml", b"imsqtiasi_v3p0", b"imsqti_v2p1"), "namespace"),
        (_replace("items/DSN1-001.xml", b'time-dependent="false"', b""), "time-dependent"),
        (
            _replace("items/DSN1-001.xml", b"<qti-value>B</qti-value>", b"<qti-value>Z</qti-value>"),
            "not a choice",
        ),
        (
            _replace("items/DSN1-001.xml", b'response-identifier="RESPONSE"', b'response-identifier="R2"'),
            "not declared",
        ),
        (
            _replace("items/DSN1-001.xml", b"<qti-item-body>", b"<qti-item-body><qti-slider/>"),
            "unknown element",
        ),
        (_replace("items/DSN1-001.xml", b'identifier="B"', b'identifier="A"'), "unique XML name"),
    ],
)
def test_a_broken_package_is_caught(good: Files, change: Callable[[Files], None], expected: str) -> None:
    assert package_problems(_zip(good)) == []
    files = dict(good)
    change(files)
    problems = package_problems(_zip(files))
    assert any(expected in problem for problem in problems), problems


def test_a_file_that_is_not_a_zip_is_caught() -> None:
    assert package_problems(b"not a zip") == ["not a zip file"]
