"""The station fixtures (a staffed kiosk with an open sitting) and the full-disk fixture for these tests."""

from tests.fixtures.registry import fill_disk_fixture  # noqa: F401 (fixture)
from tests.fixtures.station import (  # noqa: F401 (fixtures)
    awarding,
    awarding_pub,
    clock,
    codes,
    ctx,
    exam,
    installed,
    kiosk,
    sitting,
    staffed,
    write_package,
)
