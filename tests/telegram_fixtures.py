"""Fixtures for the Telegram tests: a test knowledge base, a fake circular registry, a running bot."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.application import Services, build_services
from bot.channels.telegram.app import build_application
from bot.channels.telegram.context import BotApp
from bot.config import Settings, load_settings
from bot.conversation import Conversation
from tests.fake_bot_api import TOKEN, FakeBotApi
from tests.fakes import FakeRegistry

KB_DATA = Path(__file__).parent / "data" / "telegram_kb"
ADMIN_ID = 4242

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


def with_fake_registry(services: Services) -> Services:
    """Swap the registry for the two-letter fake (the test knowledge ships no letters)."""
    fake = FakeRegistry()
    services.circulars = fake
    services.conversation = Conversation(services.conversation.answerer, fake, services.querylog)
    return services


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
    services = with_fake_registry(build_services(settings))
    app = build_application(settings, services)
    await start_bot(app)
    try:
        yield RunningBot(app, fake_api, services)
    finally:
        await stop_bot(app)
