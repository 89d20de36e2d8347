"""One turn for every channel: the CLI, `eval`, Telegram and LINE give the same entry, verdict and letter cards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from bot.application import build_services
from bot.channels.line.webhook import WEBHOOK_PATH
from bot.channels.line.webhook import web_channel as line_channel
from bot.channels.telegram.app import build_application
from bot.config import load_settings
from bot.knowledge import load_knowledge
from bot.texts import VERDICT_LABELS
from bot.web import build_web_app, web_server
from tests.fake_bot_api import TOKEN, FakeBotApi
from tests.fake_line_api import ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi
from tests.line_fixtures import free_port, serving
from tests.telegram_fixtures import start_bot, stop_bot

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม",
    "อบต. ทำ MOU ด้านการท่องเที่ยวกับเมืองในลาวได้ไหม",
    "ตามหนังสือ ว ๐๓๑๓ อบต.ทำ MOU เมืองพี่เมืองน้องได้ไหม",
    "หนังสือ ว 0313 ของอำเภอแม่สาย สรุปว่าอะไรบ้าง",
    "ว 4634",
    "ขอดูหนังสือ ขร 0023.20/ว 9999",
    "ราคาข้าวหอมมะลิวันนี้เท่าไร",
    "สวัสดีครับ",
]


def _cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DB_PATH": str(tmp_path / "cli.db")}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def _expected(tmp_path: Path) -> list[dict[str, Any]]:
    """Return what `policybot ask --json` answers to each question."""
    result = _cli(tmp_path, "ask", "--json", stdin="\n".join(QUESTIONS) + "\n")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


async def test_cli_eval_and_telegram_answer_alike(tmp_path: Path) -> None:
    cli = _expected(tmp_path)
    assert [row["entry_id"] for row in cli][:4] == [
        "sister-city-province-only", "other-cooperation-allowed", "sister-city-province-only", "circular-mae-sai-0313"]
    assert [row["circulars"] for row in cli][2:6] == [["ขร 0023.20/ว 0313"], ["ขร 0023.20/ว 0313"],
                                                      ["ขร 0023.3/ว 4634"], []]

    # eval: a question set whose expected entries are what the CLI answered scores perfectly.
    items = [{"q": q, "ids": [row["entry_id"]] if row["entry_id"] else [], "verdict": row["verdict"]}
             for q, row in zip(QUESTIONS, cli, strict=True)]
    question_set = tmp_path / "agree.yaml"
    question_set.write_text(yaml.safe_dump({"items": items}, allow_unicode=True), encoding="utf-8")
    evaluated = _cli(tmp_path, "eval", "--json", str(question_set))
    report = json.loads(evaluated.stdout)
    assert evaluated.returncode == 0 and report["misses"] == [], report

    # Telegram: the real Application against the fake Bot API, the shipped knowledge and the real registry.
    titles = {entry.id: entry.title for entry in load_knowledge().entries}
    with FakeBotApi().running() as api:
        settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                                  "DB_PATH": str(tmp_path / "tg.db"), "USER_HASH_SALT": "s"}, env_file=None)
        app = build_application(settings, build_services(settings))
        await start_bot(app)
        try:
            for chat, (question, row) in enumerate(zip(QUESTIONS, cli, strict=True), start=1):
                api.send_text(question, chat_id=chat, user_id=chat)
                wanted = (1 if row["entry_id"] or not row["cards"] else 0) + len(row["cards"])
                replies = await api.wait_for("sendMessage", wanted,
                                             where=lambda c, chat=chat: c.params["chat_id"] == chat)
                texts = [call.params["text"] for call in replies]
                if row["entry_id"]:
                    assert texts[0].startswith(f"<b>{VERDICT_LABELS[row['verdict']]}</b>"), (question, texts[0])
                    assert f"<b>{titles[row['entry_id']]}</b>" in texts[0]
                else:
                    assert not any(text.startswith(tuple(f"<b>{label}" for label in VERDICT_LABELS.values()))
                                   for text in texts), (question, texts)
                shown = [number for text in texts for number in row["circulars"] if f"หนังสือที่ {number}</b>" in text]
                assert shown == row["circulars"], (question, texts)
        finally:
            await stop_bot(app)

    # LINE: signed webhooks into the real web app, replies through the SDK to the fake Messaging API.
    with FakeLineApi().running() as api:
        settings = load_settings({"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
                                  "LINE_API_BASE_URL": api.base_url, "DB_PATH": str(tmp_path / "line.db"),
                                  "USER_HASH_SALT": "s"}, env_file=None)
        services = build_services(settings)
        port = free_port()
        server = web_server(build_web_app(services, [line_channel(settings, services)]), "127.0.0.1", port)
        task = await serving(server)
        labels = set(VERDICT_LABELS.values())
        try:
            for number, (question, row) in enumerate(zip(QUESTIONS, cli, strict=True), start=1):
                event = api.text_event(question, user_id=f"U{number:032d}")
                assert (await api.deliver(f"http://127.0.0.1:{port}{WEBHOOK_PATH}", event)).status_code == 200
                (reply,) = await api.wait_for("reply", where=lambda c, e=event: c.body["replyToken"] == e["replyToken"])
                flex = [message for message in reply.messages if message["type"] == "flex"]
                headers = [message["contents"]["header"]["contents"][0]["text"] for message in flex]
                if row["entry_id"]:
                    assert headers[0] == VERDICT_LABELS[row["verdict"]], (question, headers)
                    assert reply.messages[0]["contents"]["body"]["contents"][0]["text"] == titles[row["entry_id"]]
                else:
                    assert not labels & set(headers), (question, headers)
                shown = [header.removeprefix("📜 หนังสือที่ ") for header in headers if header.startswith("📜")]
                assert shown == row["circulars"], (question, headers)
        finally:
            server.should_exit = True
            await task
