"""The store: engines, migrations on a real SQLite file (and PostgreSQL when CI provides one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from bot.store import StoreError, open_engine


def test_sqlite_file_is_created_and_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'bot.db'}"
    engine = open_engine(url)
    assert (tmp_path / "nested" / "bot.db").is_file()
    assert "alembic_version" in inspect(engine).get_table_names()
    # Migrating again is a no-op, not an error.
    open_engine(url).dispose()
    engine.dispose()


def test_unusable_database_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        open_engine(f"sqlite:///{blocker / 'bot.db'}")
    assert "\n" not in str(caught.value)


@pytest.mark.postgres
def test_postgresql_is_migrated(pg_url: str) -> None:
    engine = open_engine(pg_url)
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from alembic_version")).scalar_one() >= 1
    engine.dispose()
