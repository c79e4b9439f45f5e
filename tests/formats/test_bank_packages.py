"""Bank packages as files: the name an installed package is kept under."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import SecurityError
from kiosk.formats.bank_packages import package_file_name
from kiosk.formats.packages import PackageHeader
from kiosk.messages import sentence


def _header(bank_id: str, version: int) -> PackageHeader:
    return PackageHeader(
        bank_id=bank_id,
        certificate="maintenance",
        grade=2,
        version=version,
        item_count=40,
        title="Maintenance II",
        signer_key_id="0" * 16,
        created="2025-06-01T08:00:00Z",
        raw=b"{}",
        fields={},
    )


def test_an_installed_package_is_named_by_bank_and_version() -> None:
    assert package_file_name(_header("maintenance-2", 3)) == "maintenance-2-v3.1xbank"


@pytest.mark.parametrize(
    ("bank_id", "version"),
    [("../../x", 1), ("a/b", 1), ("..", 1), ("C:x", 1), ("maintenance-2", 0), ("maintenance-2", 10**6)],
)
def test_a_name_that_could_leave_its_folder_is_refused(bank_id: str, version: int) -> None:
    with pytest.raises(SecurityError, match=r"^package\.file_name_refused\b") as caught:
        package_file_name(_header(bank_id, version))
    assert caught.value.params == {"bank": bank_id, "version": str(version)}
    assert sentence(caught.value).startswith(f"The bank package names bank '{bank_id}' version {version},")
