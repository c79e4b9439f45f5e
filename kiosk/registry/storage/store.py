"""The registry database: an SQLite file by default, PostgreSQL through a SQLAlchemy URL.

Services own transactions (``with database.transaction() as session``), one per imported bundle. On SQLite
a writing transaction takes the write lock at ``BEGIN IMMEDIATE`` so two importers queue (``busy_timeout``)
instead of one failing half-way; on PostgreSQL they run side by side and unique keys with
``ON CONFLICT DO NOTHING`` decide who stores a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, exc, inspect, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.schema import CreateIndex

from kiosk.domain.errors import StoreError
from kiosk.registry.storage import contacts as _contacts  # noqa: F401 (its table is part of the schema)
from kiosk.registry.storage.tables import RegistryBase
from kiosk.support.sql import configure_sqlite, immediate_writes, unit_of_work

# Long enough for another importer's bundle transaction to finish on a slow disk.
SQLITE_BUSY_TIMEOUT_MS = 60_000

# What services name the sessions they are handed (they may not import SQLAlchemy themselves).
RegistrySession = Session


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of the registry's SQLite file at ``path``."""
    return URL.create("sqlite", database=str(path)).render_as_string()


class RegistryDatabase:
    """The registry's database: hands out sessions inside transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        writer = immediate_writes(engine) if self.dialect == "sqlite" else engine
        self._writer = sessionmaker(bind=writer, expire_on_commit=False)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def connection_url(self) -> str:
        """The database URL, password included, for another process of this program to connect with."""
        return self.engine.url.render_as_string(hide_password=False)

    @property
    def shown_url(self) -> str:
        """The database URL with any password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session for one use case: committed when the block ends, rolled back if it raises."""
        with self._run(self._writer, commit=True) as session:
            yield session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading only; anything written in it is rolled back."""
        with self._run(self._reader, commit=False) as session:
            yield session

    def _run(self, factory: sessionmaker[Session], commit: bool = True) -> AbstractContextManager[Session]:
        return unit_of_work(factory, commit, self.problem)

    def problem(self, error: exc.DBAPIError) -> StoreError:
        """The StoreError for a database failure, naming the database and what it said."""
        return StoreError("registry_db.refused", database=self.shown_url, detail=_detail(error))

    def create_schema(self) -> None:
        """Create any missing registry table or index (idempotent; safe when two importers start together)."""
        try:
            self._create_schema()
        except (exc.IntegrityError, exc.ProgrammingError):
            # Another importer created the same tables between our check and our CREATE: check again.
            self._create_schema()

    def _create_schema(self) -> None:
        with self.engine.begin() as connection:
            RegistryBase.metadata.create_all(connection, checkfirst=True)
            # create_all leaves a table that exists as it is, so an index added to the schema since (the
            # results list's, say) is made here; on a large PostgreSQL registry that takes a while, once.
            # Only a missing index is made: CREATE INDEX locks its table against writes even when the index
            # exists, and a registry opened while another process imports would then wait on that import
            # (or deadlock with it) for nothing.
            catalogue = inspect(connection)
            for table in RegistryBase.metadata.sorted_tables:
                held = {index["name"] for index in catalogue.get_indexes(table.name)}
                for index in sorted(table.indexes, key=lambda index: str(index.name)):
                    if index.name not in held:
                        connection.execute(CreateIndex(index, if_not_exists=True))

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_registry_database(url: str) -> RegistryDatabase:
    """Connect to the registry database at ``url`` and make sure its tables exist.

    Raises StoreError (code ``registry_db.*``) when the URL is malformed, the driver is missing, or the
    server cannot be reached.
    """
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise StoreError("registry_db.not_a_url", url=url) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError("registry_db.unsupported", backend=parsed.get_backend_name())
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise StoreError("registry_db.folder_missing", folder=folder)
    try:
        engine = create_engine(parsed)
    except (exc.ArgumentError, ImportError) as error:
        raise StoreError(
            "registry_db.unusable", database=parsed.render_as_string(hide_password=True), detail=str(error)
        ) from None
    if engine.dialect.name == "sqlite":
        # A registry file grows to gigabytes; a 64 MiB page cache keeps its indexes' hot pages in memory.
        configure_sqlite(engine, SQLITE_BUSY_TIMEOUT_MS, extra_pragmas=("PRAGMA cache_size = -65536",))
    database = RegistryDatabase(engine)
    try:
        database.create_schema()
    except exc.DBAPIError as error:
        engine.dispose()
        raise StoreError(
            "registry_db.unreachable", database=database.shown_url, detail=_detail(error)
        ) from None
    return database


def _detail(error: exc.DBAPIError) -> str:
    """The first line of what the database driver said."""
    said = str(error.orig).strip() if error.orig is not None else str(error).strip()
    return said.splitlines()[0] if said else type(error).__name__
