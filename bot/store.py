"""The database: engine for SQLite (default) or PostgreSQL with timeouts, and schema migrations (Alembic)."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import math
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import Session, create_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATE_LOCK = threading.Lock()
# Every wait on the database ends: connecting, a statement, a lock, a pooled connection.
DEFAULT_TIMEOUT = 5.0
# One key for every policybot process migrating or seeding the same PostgreSQL database.
_PG_LOCK_KEY = 0x706F6C6963796274  # "policybt"


class StoreError(Exception):
    """The database cannot be opened or migrated; the message is one line for the operator."""


def _sqlite_pragmas(timeout: float) -> Any:
    def on_connect(dbapi_connection: object, _record: object) -> None:
        """Turn on foreign keys and WAL, so readers and one writer do not block each other; bound waits."""
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return on_connect


def make_engine(url: str, timeout: float = DEFAULT_TIMEOUT) -> Engine:
    """Create an engine for `url` whose waits end after `timeout` seconds; a SQLite file's folder is created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": timeout},
                               pool_timeout=timeout)
        event.listen(engine, "connect", _sqlite_pragmas(timeout))
        return engine
    milliseconds = int(timeout * 1000)
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_timeout=timeout,
        connect_args={
            "connect_timeout": max(1, math.ceil(timeout)),
            # The server ends a statement or a lock wait that takes longer; keepalives notice a dead peer.
            "options": f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds}",
            "keepalives": 1,
            "keepalives_idle": max(1, math.ceil(timeout)),
            "keepalives_interval": 1,
            "keepalives_count": 3,
        },
    )


@contextlib.contextmanager
def setup_lock(engine: Engine) -> Iterator[None]:
    """Hold the lock that lets one process at a time migrate and seed this database (the others wait)."""
    with _MIGRATE_LOCK:
        if engine.dialect.name == "sqlite":
            database = engine.url.database or ""
            if not database or database == ":memory:":
                yield
                return
            # A lock file beside the database: flock is released if the process dies.
            lock_path = Path(database).expanduser().with_suffix(Path(database).suffix + ".lock")
            with open(lock_path, "a+b") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
            return
        with engine.connect() as connection:
            # Migrations take longer than one statement may: wait for the lock without the statement timeout.
            connection.execute(text("SET statement_timeout = 0"))
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_LOCK_KEY})
                # Back to the session's own limit before the connection returns to the pool.
                connection.execute(text("RESET statement_timeout"))
                connection.commit()


def migrate(engine: Engine) -> None:
    """Bring the schema up to date: apply every pending migration of every feature branch."""
    # Alembic reports every step (even its imports) at INFO; an operator needs only problems.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with setup_lock(engine), engine.begin() as connection:
        _without_statement_timeout(connection)
        config.attributes["connection"] = connection
        # Each feature (registry, question log, ...) is its own Alembic branch: upgrade them all.
        command.upgrade(config, "heads")


def _without_statement_timeout(connection: Connection) -> None:
    """Let a migration's statements run as long as they need (PostgreSQL's limit is per session)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SET LOCAL statement_timeout = 0"))


def open_engine(url: str, timeout: float = DEFAULT_TIMEOUT) -> Engine:
    """Create an engine for `url` and migrate it; raise StoreError with one clear line."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = make_engine(url, timeout)
        migrate(engine)
    except (SQLAlchemyError, OSError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        safe_url = make_url(url).render_as_string(hide_password=True)
        raise StoreError(f"cannot open database {safe_url}: {reason}") from error
    return engine


@contextlib.contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """Yield a session that commits on success and rolls back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
