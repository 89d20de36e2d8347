"""The database: engine for SQLite (default) or PostgreSQL, and schema migrations (Alembic)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATE_LOCK = threading.Lock()


def utcnow() -> datetime:
    """Return the current time, timezone-aware (UTC), as every table stores it."""
    return datetime.now(UTC)


class StoreError(Exception):
    """The database cannot be opened or migrated; the message is one line for the operator."""


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """Turn on foreign keys and WAL, so readers and one writer do not block each other."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for `url`; a SQLite file's folder is created on first use."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema up to date: apply every pending migration of every feature branch."""
    # Alembic reports every step (even its imports) at INFO; an operator needs only problems.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with _MIGRATE_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        # Each feature (registry, question log, ...) is its own Alembic branch: upgrade them all.
        command.upgrade(config, "heads")


def open_engine(url: str) -> Engine:
    """Create an engine for `url` and migrate it; raise StoreError with one clear line."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = make_engine(url)
        migrate(engine)
    except (SQLAlchemyError, OSError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        safe_url = make_url(url).render_as_string(hide_password=True)
        raise StoreError(f"cannot open database {safe_url}: {reason}") from error
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """Yield a session that commits on success and rolls back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
