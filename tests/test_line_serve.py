"""The real `policybot serve` process with LINE: alone, and beside Telegram on the one web server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from bot.texts import CHECK_RESULT_LABELS, VERDICT_LABELS
from tests.checker_fixtures import make_docx
from tests.fake_bot_api import TOKEN, FakeBotApi
from tests.fake_line_api import ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi, sign, texts
from tests.line_fixtures import free_port

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"
SALT = "a-test-salt-of-32-characters-xxx"


@contextmanager
def _serve(tmp_path: Path, env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Run `python -m bot serve` with `env` until the block ends; yield it and its base URL once /healthz answers."""
    port = free_port()
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "LINE_"))}
    full.update(PYTHONPATH=str(ROOT), WEBHOOK_PORT=str(port), DB_PATH=str(tmp_path / "bot.db"), USER_HASH_SALT=SALT,
                **env)
    process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], env=full, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    try:
        yield process, base
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)


def _finish(process: subprocess.Popen[str]) -> str:
    """Wait for the process to end; return its stderr after checking it ended cleanly and kept secrets out."""
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert ACCESS_TOKEN not in stderr and CHANNEL_SECRET not in stderr and TOKEN not in stderr
    return stderr


def test_serve_answers_line_webhooks_end_to_end(tmp_path: Path) -> None:
    with FakeLineApi().running() as api:
        env = {"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
               "LINE_API_BASE_URL": api.base_url}
        with _serve(tmp_path, env) as (process, base):
            url = f"{base}/line/webhook"
            health = httpx.get(f"{base}/healthz").json()
            assert health["channels"] == ["line"], health
            # Text: a verdict bubble, through the real SDK.
            event = api.text_event(QUESTION, user_id="U801")
            assert api.deliver_now(url, event).status_code == 200
            (reply,) = api.wait_now("reply")
            assert reply.body["replyToken"] == event["replyToken"] and VERDICT_LABELS["no"] in texts(reply)
            # A wrong signature: refused, and nothing runs.
            forged = api.text_event(QUESTION, user_id="U802")
            assert api.deliver_now(url, forged, signature=sign(api.body(forged), "0" * 32)).status_code == 403
            # The same event again (LINE redelivering it): answered once.
            again = dict(event, deliveryContext={"isRedelivery": True})
            assert api.deliver_now(url, again).status_code == 200
            # A postback, and a 429 from the reply API that the bot waits out.
            api.fail_next("reply", 429)
            pressed = api.postback_event("q:other-cooperation-allowed", user_id="U803")
            api.deliver_now(url, pressed)
            tries = api.wait_now("reply", 2, where=lambda c: c.body["replyToken"] == pressed["replyToken"])
            assert len(tries) == 2 and VERDICT_LABELS["conditional"] in texts(tries[1])
            # A file: fetched from the content API and checked.
            draft = make_docx(["ข้อ 1 ทั้งสองเมืองเป็นเมืองพี่เมืองน้องกัน"])
            sent = api.file_event(draft, "ร่าง.docx", user_id="U804")
            api.deliver_now(url, sent)
            (checked,) = api.wait_now("reply", where=lambda c: c.body["replyToken"] == sent["replyToken"])
            assert CHECK_RESULT_LABELS["not-allowed"] in texts(checked)
            assert [call.body.get("replyToken") for call in api.calls_of("reply")].count(event["replyToken"]) == 1
            assert not [c for c in api.calls_of("reply") if c.body["replyToken"] == forged["replyToken"]]
        _finish(process)


def test_serve_runs_telegram_and_line_on_one_web_server(tmp_path: Path) -> None:
    with FakeLineApi().running() as line, FakeBotApi().running() as telegram:
        env = {"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
               "LINE_API_BASE_URL": line.base_url, "TELEGRAM_BOT_TOKEN": TOKEN,
               "TELEGRAM_API_BASE_URL": telegram.base_url}
        with _serve(tmp_path, env) as (process, base):
            health = httpx.get(f"{base}/healthz").json()
            assert health["channels"] == ["telegram", "line"], health
            # Telegram polls (no WEBHOOK_URL) inside the same process that serves LINE's webhook.
            deadline = time.monotonic() + 30
            while not telegram.calls_of("getUpdates") and time.monotonic() < deadline:
                time.sleep(0.05)
            telegram.send_text(QUESTION, chat_id=77, user_id=77)
            event = line.text_event(QUESTION, user_id="U805")
            assert line.deliver_now(f"{base}/line/webhook", event).status_code == 200
            (reply,) = line.wait_now("reply")
            while not telegram.calls_of("sendMessage") and time.monotonic() < deadline:
                time.sleep(0.02)
            (message,) = telegram.calls_of("sendMessage")
            assert message.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
            assert VERDICT_LABELS["no"] in texts(reply)
        _finish(process)
