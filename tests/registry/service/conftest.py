"""The registry fixtures (a registry folder and database, on SQLite and PostgreSQL) for these tests."""

from tests.fixtures.registry import database_url_fixture, world_fixture  # noqa: F401 (fixtures)
