"""Shared test fixtures: isolate every test from the user's settings and data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# The channels' fixtures: fake Bot API and LINE Messaging API servers, running bots.
pytest_plugins = ["tests.telegram_fixtures", "tests.line_fixtures"]


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point data, cache and database at a temporary folder; never read the user's `.env`."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PYTHAINLP_OFFLINE", "1")
    monkeypatch.setenv("PYTHAINLP_READ_ONLY", "1")
    for name in ("DATABASE_URL", "DB_PATH", "KNOWLEDGE_DIR", "TELEGRAM_BOT_TOKEN", "WEBHOOK_URL", "LINE_CHANNEL_SECRET",
                 "LINE_CHANNEL_ACCESS_TOKEN", "LINE_API_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture
def pg_url() -> Iterator[str]:
    """Yield the URL of a fresh, empty PostgreSQL database (skips without POLICYBOT_TEST_PG_URL)."""
    import os
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = os.environ.get("POLICYBOT_TEST_PG_URL")
    if not base:
        pytest.skip("no PostgreSQL server (set POLICYBOT_TEST_PG_URL)")
    name = f"policybot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection that leaves this machine: tests must pass offline."""
    import ipaddress
    import socket

    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
            host = str(address[0])
            try:
                local = ipaddress.ip_address(host).is_loopback
            except ValueError:
                local = host == "localhost"
            if not local:
                raise OSError(f"network access to {host} refused in tests")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
