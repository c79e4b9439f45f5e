"""Reading folders of bank sources into the catalogue reports use, and refusing folders that hold none."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.catalogue import load_catalogue
from kiosk.domain.errors import InputError
from kiosk.messages import sentence


def test_a_bank_folder_or_a_folder_of_them_is_read(bank_dir: Path) -> None:
    for path in (bank_dir, bank_dir.parent):
        catalogue = load_catalogue([path])
        assert list(catalogue.banks) == [("maintenance-1", 3)]
        assert catalogue.sources == (path,)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^source\.folder_missing\b") as caught:
        load_catalogue([tmp_path / "nope"])
    assert caught.value.params == {"path": tmp_path / "nope"}


def test_a_folder_without_bank_sources_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^source\.no_banks\b") as caught:
        load_catalogue([tmp_path])
    assert sentence(caught.value) == (
        f"The folder {tmp_path} holds no bank source (no bank.yaml in it or in its sub-folders); give the "
        "folder of bank sources, e.g. question_banks."
    )
