"""Rendering: escaping, the 4,096-character split, callback data sizes; the flood guard."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat.flood import FloodGuard
from bot.chat.render import (
    MAX_CALLBACK_BYTES,
    answer_reply,
    circular_reply,
    entry_answer,
    entry_token,
    resolve_entry_token,
    split_html,
)
from bot.knowledge import load_knowledge
from bot.service import Answer

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


def test_data_derived_text_is_escaped() -> None:
    kb = load_knowledge(KB)
    answer = Answer(question="q", entry_id="x", verdict="yes", confidence=1.0,
                    answer="<script>alert(1)</script> & co", title="<i>t</i>")
    reply = answer_reply(answer, kb, "abc")
    assert "<script>" not in reply.text and "&lt;script&gt;" in reply.text and "&amp; co" in reply.text
    card = circular_reply({"found": True, "number": "<b>1</b>", "subject": "a<b", "references": [
        {"number": "ว <1>", "relation": "อ้างถึง"}]})
    assert "<b>1</b>" not in card.text.replace("<b>หนังสือที่ ", "") and "a&lt;b" in card.text


def test_callback_data_fits_64_bytes_and_long_ids_are_hashed() -> None:
    kb = load_knowledge(KB)
    reply = answer_reply(entry_answer(kb, "sister-city-province-only"), kb, "0123456789ab")
    assert reply.keyboard is not None
    for row in reply.keyboard.inline_keyboard:
        for button in row:
            assert len(str(button.callback_data).encode()) <= MAX_CALLBACK_BYTES
    long_id = "a-" * 40 + "z"
    token = entry_token(long_id)
    assert token.startswith("#") and len(token) < 20
    assert resolve_entry_token(kb, "sister-city-province-only") == "sister-city-province-only"
    assert resolve_entry_token(kb, "no-such-entry") is None
    card = circular_reply({"found": True, "number": "1", "references": [{"number": "ก" * 40}]})
    assert card.keyboard is None  # a number too long for callback data gets no button


def test_flood_guard_warns_once_then_drops_then_recovers() -> None:
    now = [0.0]
    guard = FloodGuard(3, clock=lambda: now[0])
    assert [guard.check(1) for _ in range(3)] == ["ok"] * 3
    assert guard.check(1) == "warn"
    assert guard.check(1) == "drop"
    assert guard.check(2) == "ok"  # per user
    now[0] = 61.0
    assert guard.check(1) == "ok"
    now[0] = 200.0
    guard.forget_idle()
    assert guard._seen == {}


def test_core_modules_do_not_import_telegram() -> None:
    code = (
        "import sys\n"
        "import pkgutil, importlib, bot\n"
        "core = [m.name for m in pkgutil.iter_modules(bot.__path__) if m.name not in ('chat', '__main__')]\n"
        "for name in core: importlib.import_module('bot.' + name)\n"
        "assert {'thai', 'knowledge', 'matcher', 'service', 'store', 'config', 'querylog'} <= set(core), core\n"
        "import bot.commands.serve\n"
        "bad = sorted(m for m in sys.modules if m == 'telegram' or m.startswith('telegram.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr
