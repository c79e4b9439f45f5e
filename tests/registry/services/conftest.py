"""The station fixtures (a staffed kiosk with an open sitting) for these tests."""

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
