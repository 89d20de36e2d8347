"""A conversation as a user sees it in Telegram, from the real bot: question, follow-up, card, contact.

Runs the real Application (shipped knowledge base, the shipped letters in a temporary registry)
against the fake Bot API and prints each message as a phone shows it: the text without markup,
the expandable part folded to its first line, buttons in [brackets], a contact card as 👤.
The README's transcript is this output (tests/test_transcript.py keeps the two in step).

Run: `python -m tests.transcript` (prints it) or `python -m tests.transcript --readme` (writes it
into README.md between the transcript markers).
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from html import unescape
from pathlib import Path
from typing import Any

from bot.application import build_services
from bot.channels.telegram.app import build_application
from bot.config import load_settings
from tests.fake_bot_api import TOKEN, Call, FakeBotApi
from tests.telegram_fixtures import start_bot, stop_bot

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- transcript:start -->\n", "<!-- transcript:end -->"
CHAT = 1001
# What the official types, in order (the follow-up replies to the first answer).
CONVERSATION = ("ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม", "แล้วถ้าเป็น อบจ. ล่ะครับ", "ขอดูหนังสือ ว 0313", "/contact")
_FOLDED = re.compile(r"<blockquote expandable>(.*?)</blockquote>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    return unescape(_TAG.sub("", html))


def _folded(match: re.Match[str]) -> str:
    first = _plain(match.group(1)).strip().splitlines()[0]
    return f"▸ {first} … (แตะเพื่ออ่านต่อ)"


def shown(call: Call) -> str:
    """Return one message the bot sent, as a phone shows it before anything is tapped."""
    if call.method == "sendContact":
        return f"👤 {call.params['first_name']} · {call.params['phone_number']}"
    text = _plain(_FOLDED.sub(_folded, call.params["text"]))
    rows: list[list[dict[str, Any]]] = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    lines = [text.rstrip()]
    lines += [" ".join(f"[{button['text']}]" for button in row) for row in rows]
    return "\n".join(lines)


async def conversation() -> str:
    """Run the conversation through the real bot and return the transcript."""
    with FakeBotApi().running() as api, tempfile.TemporaryDirectory() as folder:
        settings = load_settings(
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url, "DB_PATH": f"{folder}/bot.db",
             "USER_HASH_SALT": "transcript"},
            env_file=None,
        )
        app = build_application(settings, build_services(settings), rate_limit=False)
        await start_bot(app)
        out: list[str] = []
        first_answer: int | None = None
        try:
            for text in CONVERSATION:
                before = len(api.calls)
                follow_up = text.startswith("แล้ว")
                api.send_text(text, chat_id=CHAT, user_id=CHAT, reply_to_bot=first_answer if follow_up else False)
                method = "sendContact" if text == "/contact" else "sendMessage"
                await api.wait_for(method, where=lambda call, at=before: api.calls.index(call) >= at
                                   and call.result is not None)
                await asyncio.sleep(0.2)  # any further message of the same reply
                sent = [call for call in api.calls[before:] if call.method in ("sendMessage", "sendContact")]
                if first_answer is None:
                    first_answer = sent[0].result["message_id"]
                quoted = f"↩️ {text}" if follow_up else text
                out.append(f"👤 {quoted}")
                out += [f"🤖 {shown(call)}" for call in sent]
        finally:
            await stop_bot(app)
        return "\n\n".join(out) + "\n"


def as_readme_block(transcript: str) -> str:
    """Return the transcript as the README holds it between the markers."""
    return "```text\n" + transcript + "```\n"


def readme_block() -> str:
    """Return what the README holds between the transcript markers."""
    return README.read_text(encoding="utf-8").split(START, 1)[1].split(END, 1)[0]


def main() -> None:
    """Print the transcript, or write it into the README."""
    transcript = asyncio.run(conversation())
    if "--readme" in sys.argv[1:]:
        text = README.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        README.write_text(head + START + as_readme_block(transcript) + END + rest.split(END, 1)[1], encoding="utf-8")
    else:
        print(transcript, end="")


if __name__ == "__main__":
    main()
