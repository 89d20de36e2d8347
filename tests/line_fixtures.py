"""Fixtures for the LINE tests: the fake Messaging API server and the real web app serving the LINE channel."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from bot.application import Services, build_services
from bot.channels.line.webhook import WEBHOOK_PATH, web_channel
from bot.config import Settings
from bot.web import build_web_app, web_server
from tests.fake_line_api import ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi
from tests.telegram_fixtures import settings_for, with_fake_registry

LINE_ADMIN = "U0000000000000000000000000000ad01"


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 just now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def line_settings(tmp_path: Path, base_url: str, **extra: str) -> Settings:
    """Return settings for LINE only: the fake server, the test knowledge base, a temporary SQLite file."""
    return settings_for(tmp_path, TELEGRAM_BOT_TOKEN="", LINE_CHANNEL_SECRET=CHANNEL_SECRET,
                        LINE_CHANNEL_ACCESS_TOKEN=ACCESS_TOKEN, LINE_API_BASE_URL=base_url,
                        ADMIN_USER_IDS=f"line:{LINE_ADMIN}", **extra)


async def serving(server: uvicorn.Server) -> asyncio.Task[None]:
    """Start a uvicorn server in this loop and wait until it accepts connections."""
    task = asyncio.get_running_loop().create_task(server.serve())
    for _ in range(1000):
        if server.started or task.done():
            break
        await asyncio.sleep(0.01)
    assert server.started, "the web server did not start"
    return task


@dataclass
class RunningLine:
    """The web app serving the LINE channel on 127.0.0.1, against the fake server."""

    api: FakeLineApi
    url: str
    services: Services
    port: int


@pytest.fixture
def fake_line() -> Iterator[FakeLineApi]:
    """Run a fake LINE Messaging API server on 127.0.0.1."""
    with FakeLineApi().running() as api:
        yield api


async def start_line(tmp_path: Path, api: FakeLineApi, **extra: str) -> tuple[uvicorn.Server, asyncio.Task[None],
                                                                          RunningLine]:
    """Start the web app with the LINE channel only (test knowledge, fake registry) on a free port."""
    port = free_port()
    settings = line_settings(tmp_path, api.base_url, **extra)
    services = with_fake_registry(build_services(settings))
    server = web_server(build_web_app(services, [web_channel(settings, services)]), "127.0.0.1", port)
    task = await serving(server)
    return server, task, RunningLine(api, f"http://127.0.0.1:{port}{WEBHOOK_PATH}", services, port)


@pytest.fixture
async def running_line(tmp_path: Path, fake_line: FakeLineApi) -> AsyncIterator[RunningLine]:
    """Serve the LINE channel (RATE_LIMIT_PER_MINUTE=5) against the fake server."""
    server, task, running = await start_line(tmp_path, fake_line, RATE_LIMIT_PER_MINUTE="5")
    try:
        yield running
    finally:
        server.should_exit = True
        await task
