"""The registry fixtures (a registry folder and database, on SQLite and PostgreSQL) for these tests, and
the station's (a fake clock, the awarding body's key and bank packages) for the kiosks that send to it."""

from tests.fixtures.registry import database_url_fixture, world_fixture  # noqa: F401 (fixtures)
from tests.fixtures.station import awarding, awarding_pub, clock, write_package  # noqa: F401 (fixtures)
