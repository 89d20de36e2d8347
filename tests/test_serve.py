"""`policybot serve`: operator errors, polling as a real process, webhook mode with its secret."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.chat.app import build_application, build_services
from bot.commands.serve import webhook_options
from bot.config import ConfigError
from bot.service import VERDICT_LABELS
from tests.fake_bot_api import TOKEN, FakeBotApi
from tests.telegram_fixtures import settings_for, start_bot, stop_bot

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"


def _serve(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    full.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "bot", "serve"], env=full, cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN is malformed"),
        ({"TELEGRAM_BOT_TOKEN": "123456:short"}, "TELEGRAM_BOT_TOKEN is malformed"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET must be set"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "bot.example.org", "WEBHOOK_SECRET": "s"}, "not an http(s) URL"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "99999"}, "WEBHOOK_PORT"),
    ],
)
def test_bad_settings_stop_with_one_line(env: dict[str, str], message: str, tmp_path: Path) -> None:
    result = _serve(env, tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_serve_polls_and_answers_with_the_shipped_knowledge(tmp_path: Path) -> None:
    with FakeBotApi().running() as api:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
               "DB_PATH": str(tmp_path / "bot.db"), "USER_HASH_SALT": "x"}
        full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
        full.update(PYTHONPATH=str(ROOT), **env)
        process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], env=full, cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not api.calls_of("getUpdates") and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.05)
            assert api.calls_of("setMyCommands"), api.summary()
            api.send_text(QUESTION, chat_id=77, user_id=77)
            while not api.calls_of("sendMessage") and time.monotonic() < deadline:
                time.sleep(0.02)
            (reply,) = api.calls_of("sendMessage")
            assert reply.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
            assert "จังหวัด" in reply.params["text"]
        finally:
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert TOKEN not in stderr  # the token must not end up in the logs
        # The question was logged in the SQLite file before the process ended.
        assert (tmp_path / "bot.db").is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode_refuses_requests_without_the_secret(tmp_path: Path, fake_api: FakeBotApi) -> None:
    port = _free_port()
    settings = settings_for(tmp_path, fake_api.base_url, WEBHOOK_URL=f"http://127.0.0.1:{port}/tg/hook",
                            WEBHOOK_SECRET="s3cret_Token-1", WEBHOOK_PORT=str(port))
    options = webhook_options(settings)
    app = build_application(settings, build_services(settings))
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_webhook(**options)  # type: ignore[arg-type]
    try:
        (hook,) = fake_api.calls_of("setWebhook")
        assert hook.params["url"] == f"http://127.0.0.1:{port}/tg/hook"
        assert hook.params["secret_token"] == "s3cret_Token-1"
        update = dict(fake_api.message_update(QUESTION, chat_id=88, user_id=88), update_id=1)
        url = f"http://127.0.0.1:{port}/tg/hook"
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
            assert (missing.status_code, wrong.status_code) == (403, 403)
            right = await client.post(url, content=json.dumps(update),
                                      headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret_Token-1",
                                               "Content-Type": "application/json"})
            assert right.status_code == 200
        (reply,) = await fake_api.wait_for("sendMessage", where=lambda call: call.params["chat_id"] == 88)
        assert reply.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
        assert len(fake_api.calls_of("sendMessage")) == 1  # the refused requests were not processed
    finally:
        await stop_bot(app)


def test_webhook_options_need_a_secret(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, WEBHOOK_URL="https://bot.example.org/x")
    with pytest.raises(ConfigError):
        webhook_options(settings)


async def test_questions_are_answered_when_the_database_is_unreachable(
    tmp_path: Path, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    settings = settings_for(tmp_path, fake_api.base_url, DB_PATH=str(blocker / "bot.db"))
    services = build_services(settings)
    app = build_application(settings, services)
    await start_bot(app)
    try:
        fake_api.send_text(QUESTION, chat_id=99, user_id=99)
        (reply,) = await fake_api.wait_for("sendMessage", where=lambda call: call.params["chat_id"] == 99)
        assert reply.params["text"].startswith("<b>")
        querylog = services.querylog
        assert querylog is not None
        for _ in range(200):  # the log write is queued just after the reply is sent
            await services.drain()
            if querylog.pending:
                break
            await asyncio.sleep(0.01)
        assert querylog.pending == 1 and not querylog.available
        assert "question log unavailable" in caplog.text
        fake_api.send_text("/stats", chat_id=4242, user_id=4242)
        (stats,) = await fake_api.wait_for("sendMessage", where=lambda call: call.params["chat_id"] == 4242)
        assert "ใช้งานไม่ได้" in stats.params["text"]
    finally:
        await stop_bot(app)


def test_env_example_documents_every_setting() -> None:
    from bot.config import SETTINGS

    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    names = [line.split("=", 1)[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert names == [setting.name for setting in SETTINGS]
    for setting in SETTINGS:
        assert f"# {setting.help}\n{setting.name}={setting.default}\n" in text
