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
import uvicorn

from bot.application import build_services
from bot.channels.telegram.app import build_application, web_channel, webhook_path
from bot.config import ConfigError
from bot.texts import VERDICT_LABELS
from bot.web import build_web_app, web_server
from tests.fake_bot_api import TOKEN, FakeBotApi
from tests.fake_line_api import ACCESS_TOKEN, CHANNEL_SECRET
from tests.telegram_fixtures import settings_for, start_bot, stop_bot, with_fake_registry

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"


def _serve(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "LINE_"))}
    full.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "bot", "serve"], env=full, cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "no channel to serve: set TELEGRAM_BOT_TOKEN"),
        ({"LINE_CHANNEL_SECRET": CHANNEL_SECRET}, "LINE_CHANNEL_ACCESS_TOKEN is not set"),
        ({"LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN}, "LINE_CHANNEL_SECRET is not set"),
        ({"LINE_CHANNEL_SECRET": "not a secret!", "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN},
         "LINE_CHANNEL_SECRET is invalid"),
        ({"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN},
         "USER_HASH_SALT must be set"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN is invalid: malformed"),
        ({"TELEGRAM_BOT_TOKEN": "123456:short"}, "TELEGRAM_BOT_TOKEN is invalid: malformed"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET must be set"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "bot.example.org", "WEBHOOK_SECRET": "s"},
         "WEBHOOK_URL='bot.example.org' is invalid: not an http(s) URL"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "99999"}, "WEBHOOK_PORT"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN}, "USER_HASH_SALT must be set"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "USER_HASH_SALT": "short"}, "USER_HASH_SALT must be set"),
    ],
)
def test_bad_settings_stop_with_one_line(env: dict[str, str], message: str, tmp_path: Path) -> None:
    result = _serve(env, tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert CHANNEL_SECRET not in result.stderr and ACCESS_TOKEN not in result.stderr


def test_serve_polls_and_answers_with_the_shipped_knowledge(tmp_path: Path) -> None:
    with FakeBotApi().running() as api:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
               "DB_PATH": str(tmp_path / "bot.db"), "USER_HASH_SALT": "a-test-salt-of-32-characters-xxx"}
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


async def _running(server: uvicorn.Server) -> asyncio.Task[None]:
    """Start a uvicorn server in this loop and wait until it accepts connections."""
    task = asyncio.get_running_loop().create_task(server.serve())
    for _ in range(500):
        if server.started or task.done():
            break
        await asyncio.sleep(0.01)
    assert server.started, "the web server did not start"
    return task


async def test_webhook_mode_serves_telegram_and_healthz_from_one_web_app(tmp_path: Path, fake_api: FakeBotApi) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/tg/hook"
    settings = settings_for(tmp_path, fake_api.base_url, WEBHOOK_URL=url, WEBHOOK_SECRET="s3cret_Token-1",
                            WEBHOOK_PORT=str(port))
    services = with_fake_registry(build_services(settings))
    server = web_server(build_web_app(services, [web_channel(settings, services)]), "127.0.0.1", port)
    task = await _running(server)
    try:
        (hook,) = fake_api.calls_of("setWebhook")
        assert hook.params["url"] == url and hook.params["secret_token"] == "s3cret_Token-1"
        update = dict(fake_api.message_update(QUESTION, chat_id=88, user_id=88), update_id=1)
        secret = {"X-Telegram-Bot-Api-Secret-Token": "s3cret_Token-1"}
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
            assert (missing.status_code, wrong.status_code) == (403, 403)
            garbage = await client.post(url, content=b"{not json", headers=secret)
            not_an_update = await client.post(url, json=[1, 2], headers=secret)
            assert (garbage.status_code, not_an_update.status_code) == (400, 400)
            right = await client.post(url, content=json.dumps(update),
                                      headers={**secret, "Content-Type": "application/json"})
            assert right.status_code == 200
            health = (await client.get(f"http://127.0.0.1:{port}/healthz")).json()
        (reply,) = await fake_api.wait_for("sendMessage", where=lambda call: call.params["chat_id"] == 88)
        assert reply.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
        assert len(fake_api.calls_of("sendMessage")) == 1  # the refused requests were not processed
        assert health["status"] == "ok" and health["channels"] == ["telegram"]
        assert health["knowledge"]["entries"] == len(services.kb.entries) and health["question_log"] == "ok"
    finally:
        server.should_exit = True
        await task


def test_webhook_mode_needs_a_secret(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, WEBHOOK_URL="https://bot.example.org/x")
    with pytest.raises(ConfigError):
        webhook_path(settings)


def test_serve_in_webhook_mode_reports_a_dead_database_as_degraded_and_still_answers(tmp_path: Path) -> None:
    port = _free_port()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    url = f"http://127.0.0.1:{port}/hook"
    with FakeBotApi().running() as api:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url, "WEBHOOK_URL": url,
               "WEBHOOK_SECRET": "abc", "WEBHOOK_PORT": str(port), "DB_PATH": str(blocker / "bot.db"),
               "USER_HASH_SALT": "a-test-salt-of-32-characters-xxx"}
        full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
        full.update(PYTHONPATH=str(ROOT), **env)
        process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], env=full, cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not api.calls_of("setWebhook") and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.05)
            assert api.calls_of("setWebhook"), api.summary()
            update = dict(api.message_update("ตามหนังสือ ว 0313 อบต ทำเมืองพี่เมืองน้องได้ไหม", chat_id=5, user_id=5),
                          update_id=7)
            posted = httpx.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "abc"})
            assert posted.status_code == 200
            while not api.calls_of("sendMessage") and time.monotonic() < deadline:
                time.sleep(0.02)
            reply = api.calls_of("sendMessage")[0]
            assert reply.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
            assert "ทะเบียนหนังสือเวียนใช้งานไม่ได้" in reply.params["text"]
            health = httpx.get(f"http://127.0.0.1:{port}/healthz").json()
            assert health["status"] == "degraded" and health["registry"] == "unavailable"
            assert health["question_log"] == "unavailable"
        finally:
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr and TOKEN not in stderr


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
            querylog.drain(0.01)
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
