"""Shared test fixtures: isolate every test from the user's settings and data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point data, cache and database at a temporary folder; never read the user's `.env`."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PYTHAINLP_OFFLINE", "1")
    monkeypatch.setenv("PYTHAINLP_READ_ONLY", "1")
    for name in ("DATABASE_URL", "DB_PATH", "KNOWLEDGE_DIR", "TELEGRAM_BOT_TOKEN", "WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield
