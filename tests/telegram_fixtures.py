"""Fixtures for the Telegram tests: a test knowledge base, a fake circular registry, a running bot."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.chat.app import build_application, build_services
from bot.chat.context import BotApp, Services
from bot.config import Settings, load_settings
from tests.fake_bot_api import TOKEN, FakeBotApi

KB_DATA = Path(__file__).parent / "data" / "telegram_kb"
ADMIN_ID = 4242

W0313 = {
    "number": "ขร 0023.20/ว 0313",
    "date": "2026-02-23",
    "subject": "แนวทางการจัดทำความตกลงความร่วมมือระหว่างประเทศขององค์กรปกครองส่วนท้องถิ่น",
    "issuer": "อำเภอแม่สาย",
    "references": [
        {"number": "ขร 0023.20/ว 016", "date": "2026-01-08", "relation": "อ้างถึง"},
        {"number": "ขร 0023.3/ว 4634", "date": "2026-02-16", "relation": "สิ่งที่ส่งมาด้วย"},
    ],
    "referenced_by": [],
}
W016 = {
    "number": "ขร 0023.20/ว 016",
    "date": "2026-01-08",
    "subject": "",
    "issuer": "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย",
    "references": [],
    "referenced_by": [{"number": "ขร 0023.20/ว 0313"}],
}


class FakeCircularLookup:
    """A two-letter registry with the lookup interface bot.registry provides."""

    def __init__(self) -> None:
        self.cards = {"0313": W0313, "016": W016}

    def _key(self, query: str) -> str | None:
        from bot.thai import clean

        digits = "".join(ch if ch in "0123456789" else " " for ch in clean(query)).split()
        return next((key for key in self.cards if digits and digits[-1].lstrip("0") == key.lstrip("0")), None)

    def lookup(self, query: str) -> Mapping[str, Any]:
        """Find a circular by its last number group."""
        key = self._key(query)
        if key is None:
            return {"query": query, "found": False, "candidates": [W0313["number"]]}
        return dict(self.cards[key], query=query, found=True, candidates=[])

    def find_in_text(self, text: str) -> Sequence[Mapping[str, Any]]:
        """Find `ว <digits>` numbers in free text."""
        import re

        return [self.lookup(match) for match in re.findall(r"ว\s*\d{3,4}", text)]


def settings_for(tmp_path: Path, base_url: str = "http://127.0.0.1:9/bot", **extra: str) -> Settings:
    """Return settings pointing at a temporary knowledge base and SQLite file."""
    kb_dir = tmp_path / "kb"
    if not kb_dir.exists():
        shutil.copytree(KB_DATA, kb_dir)
    environ = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": base_url,
        "KNOWLEDGE_DIR": str(kb_dir),
        "DB_PATH": str(tmp_path / "bot.db"),
        "ADMIN_USER_IDS": str(ADMIN_ID),
        "USER_HASH_SALT": "test-salt",
        **extra,
    }
    return load_settings(environ, env_file=None)


@dataclass
class RunningBot:
    """A started Application polling the fake server."""

    app: BotApp
    api: FakeBotApi
    services: Services


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """Run a fake Bot API server on 127.0.0.1."""
    with FakeBotApi().running() as api:
        yield api


async def start_bot(app: BotApp) -> None:
    """Initialise, start and begin polling (the tech-notes recipe)."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)


async def stop_bot(app: BotApp) -> None:
    """Stop polling, stop and shut down (running post_shutdown)."""
    assert app.updater is not None
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)


@pytest.fixture
async def running_bot(tmp_path: Path, fake_api: FakeBotApi) -> AsyncIterator[RunningBot]:
    """Run the real Application against the fake server, with the test knowledge and registry."""
    settings = settings_for(tmp_path, fake_api.base_url, RATE_LIMIT_PER_MINUTE="5")
    services = build_services(settings)
    real = services.circulars
    close = getattr(real, "close", None)
    if callable(close):
        close()  # the test knowledge has no letters: use the two-letter fake registry instead
    services.circulars = FakeCircularLookup()
    app = build_application(settings, services)
    await start_bot(app)
    try:
        yield RunningBot(app, fake_api, services)
    finally:
        await stop_bot(app)
