"""Rendering: escaping, the 4,096-character split, callback data sizes; the flood guard."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import Answer, Answerer
from bot.channels.telegram.render import (
    MAX_CALLBACK_BYTES,
    answer_reply,
    card_reply,
    entry_token,
    resolve_entry_token,
)
from bot.channels.telegram.split import split_html
from bot.config import default_contact
from bot.flood import FloodGuard
from bot.knowledge import Entry, load_knowledge
from bot.lookups import REFERS_TO, LetterView, Link, LookupResult

KB = Path(__file__).parent / "data" / "telegram_kb"
_TAG = re.compile(r"</?([a-z]+)[^>]*>")


def _balanced(chunk: str) -> bool:
    stack: list[str] = []
    for match in _TAG.finditer(chunk):
        if match.group(0).startswith("</"):
            if not stack or stack.pop() != match.group(1):
                return False
        else:
            stack.append(match.group(1))
    return not stack


def _no_broken_markup(chunk: str) -> bool:
    # No half tag or half entity at either end.
    return not re.search(r"<[^>]*$|^[^<]*>|&[a-z]*$", chunk)


def test_short_text_is_one_message() -> None:
    assert split_html("<b>สั้น</b>") == ["<b>สั้น</b>"]


def test_long_reply_is_split_on_lines_with_tags_whole() -> None:
    text = "\n".join(f"<b>หัวข้อ {i}</b> รายละเอียด &amp; คำอธิบาย <i>เน้น</i> " * 3 for i in range(300))
    chunks = split_html(text)
    assert len(chunks) > 1
    assert all(len(chunk.encode("utf-16-le")) // 2 <= 4096 for chunk in chunks)
    assert all(_balanced(chunk) and _no_broken_markup(chunk) for chunk in chunks)
    assert "\n".join(chunks) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["คำ", "word", "&amp;", "<b>ตัวหนา</b>", "👍", " ", "\n", "<i>เอียง ยาว</i>"]),
                min_size=1, max_size=4000))
def test_split_never_cuts_inside_a_tag(parts: list[str]) -> None:
    text = "<b>" + "".join(parts) + "</b>"
    for chunk in split_html(text, limit=300):
        assert len(chunk.encode("utf-16-le")) // 2 <= 300
        assert _balanced(chunk) and _no_broken_markup(chunk)


def _letter(number: str, subject: str | None = None) -> LetterView:
    return LetterView(key=number, kind="circular", number=number, date=None, title=None, issuer=None,
                      subject=subject, recipient=None, summary=None, note=None, kb_id=None, is_stub=False)


def test_data_derived_text_is_escaped() -> None:
    entry = Entry(id="x", title="<i>t</i>", verdict="yes", questions=("q",), answer="a", sources=())
    answer = Answer(question="q", kind="entry", text="<script>alert(1)</script> & co", confidence=1.0, entry=entry)
    reply = answer_reply(answer, default_contact(), "abc")
    assert "<script>" not in reply.text and "&lt;script&gt;" in reply.text and "&amp; co" in reply.text
    assert "<i>t</i>" not in reply.text
    card = card_reply(LookupResult(query="q", found=True, document=_letter("<b>1</b>", "a<b"),
                                   references=[Link(REFERS_TO, _letter("ว <1>"))], status="found"))
    assert "<b>1</b>" not in card.text.replace("<b>หนังสือที่ ", "") and "a&lt;b" in card.text


def test_callback_data_fits_64_bytes_and_long_ids_are_hashed() -> None:
    kb = load_knowledge(KB)
    answer = Answerer(kb, default_contact()).entry_answer("sister-city-province-only")
    assert answer is not None
    reply = answer_reply(answer, default_contact(), "0123456789ab")
    assert reply.keyboard is not None
    for row in reply.keyboard.inline_keyboard:
        for button in row:
            assert len(str(button.callback_data).encode()) <= MAX_CALLBACK_BYTES
    long_id = "a-" * 40 + "z"
    token = entry_token(long_id)
    assert token.startswith("#") and len(token) < 20
    assert resolve_entry_token(kb, "sister-city-province-only") == "sister-city-province-only"
    assert resolve_entry_token(kb, "no-such-entry") is None
    card = card_reply(LookupResult(query="1", found=True, document=_letter("1"),
                                   references=[Link(REFERS_TO, _letter("ก" * 40))], status="found"))
    # A number too long for callback data gets no walk button (only the share row).
    assert card.keyboard is not None
    assert not [b for row in card.keyboard.inline_keyboard for b in row if b.callback_data]


def test_flood_guard_warns_once_then_drops_then_recovers() -> None:
    now = [0.0]
    guard = FloodGuard(3, clock=lambda: now[0])
    assert [guard.check("telegram:1") for _ in range(3)] == ["ok"] * 3
    assert guard.check("telegram:1") == "warn"
    assert guard.check("telegram:1") == "drop"
    assert guard.check("telegram:2") == "ok"  # per user
    now[0] = 61.0
    assert guard.check("telegram:1") == "ok"
    now[0] = 200.0
    guard.forget_idle()
    assert guard._seen == {}


def test_core_modules_do_not_import_a_chat_library() -> None:
    # Every module outside bot/channels/ (the core, the application layer, the web server, the
    # commands) imports no chat library (Telegram, LINE); the core imports no web framework either.
    code = (
        "import sys\n"
        "import pkgutil, importlib, bot, bot.commands, bot.checker\n"
        "core = [m.name for m in pkgutil.iter_modules(bot.__path__) if m.name not in "
        "('channels', '__main__', 'application', 'web', 'commands', 'migrations')]\n"
        "for name in core: importlib.import_module('bot.' + name)\n"
        "assert {'thai', 'knowledge', 'matcher', 'answers', 'conversation', 'circulars', 'store', 'config',\n"
        "        'querylog', 'registry', 'texts', 'plain'} <= set(core), core\n"
        "web = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'telegram', 'linebot'))\n"
        "import bot.application, bot.web\n"
        "for m in pkgutil.iter_modules(bot.commands.__path__): importlib.import_module('bot.commands.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'linebot'))\n"
        "print(web, bad)\n"
        "sys.exit(1 if bad or web else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr
