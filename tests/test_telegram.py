"""End to end: the real Application against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.application import build_services
from bot.channels.telegram.app import build_application
from bot.config import load_settings
from bot.querylog import QuestionFeedback, QuestionLog
from bot.store import session_scope
from bot.texts import VERDICT_LABELS
from tests.fake_bot_api import BOT_USER, TOKEN, FakeBotApi, buttons, keyboard
from tests.telegram_fixtures import ADMIN_ID, RunningBot, start_bot, stop_bot

QUESTION = "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"


def _to(chat_id: int) -> object:
    return lambda call: call.params.get("chat_id") == chat_id


async def _log_rows(bot: RunningBot, count: int) -> list[QuestionLog]:
    """Wait for `count` question-log rows (written off the event loop) and return them."""
    querylog = bot.services.querylog
    assert querylog is not None and querylog.engine is not None
    for _ in range(200):
        querylog.drain()
        with session_scope(querylog.engine) as session:
            rows = list(session.exec(QuestionLog.__table__.select()).all())  # type: ignore[attr-defined]
        if len(rows) >= count:
            return rows  # type: ignore[return-value]
        await asyncio.sleep(0.02)
    raise AssertionError(f"expected {count} log rows, found {len(rows)}")


async def test_startup_registers_thai_command_menu(running_bot: RunningBot) -> None:
    api = running_bot.api
    calls = await api.wait_for("setMyCommands", 2)
    by_scope = {call.params["scope"]["type"]: call for call in calls}
    names = [command["command"] for command in by_scope["default"].params["commands"]]
    assert names == ["start", "help", "circular", "sources", "check", "contact", "feedback"]
    commands = by_scope["default"].params["commands"]
    assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in c["description"]) for c in commands)
    # The admin (from ADMIN_USER_IDS) also gets the admin commands, in the menu of their own chat only.
    admin = by_scope["chat"]
    assert admin.params["scope"]["chat_id"] == ADMIN_ID
    assert [c["command"] for c in admin.params["commands"]][-3:] == ["stats", "unanswered", "reload"]
    assert api.calls[0].method == "getMe"


async def test_question_gets_verdict_first_html_reply_with_keyboard(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=501, user_id=501)
    (call,) = await api.wait_for("sendMessage", where=_to(501))
    text = call.params["text"]
    assert call.params["parse_mode"] == "HTML"
    assert text.startswith(f"<b>{VERDICT_LABELS['no']}</b>")
    visible, folded = text.split("<blockquote expandable>")
    # The verdict and its sentence, then short source labels; the titles only in the folded part.
    assert "ระดับจังหวัด" in visible.splitlines()[0]
    assert "📄 ว 0313 · มติ ครม. 10 ต.ค. 2561" in visible
    assert "<b>ที่มา</b>" in folded and "ลงวันที่ 23 กุมภาพันธ์ 2569" in folded and folded.endswith("</blockquote>")
    rows = keyboard(call)
    assert len(rows) <= 3
    data = [d for _, d in buttons(call)]
    assert data[0] == "q:other-cooperation-allowed"
    assert [button.get("callback_data") for button in rows[1][:2]] == ["s:sister-city-province-only", "k:"]
    assert rows[1][2]["switch_inline_query"] == "อปท. ทำเมืองพี่เมืองน้องเองไม่ได้"  # share: the entry's title
    assert rows[2][0]["text"].startswith("👍") and rows[2][1]["text"].startswith("👎")
    assert all(len(d.encode()) <= 64 for d in data)
    # The question is logged with a salted hash, never the raw id or a name.
    (row,) = await _log_rows(running_bot, 1)
    assert row.question == QUESTION and row.entry_id == "sister-city-province-only" and row.verdict == "no"
    assert row.user_hash != "501" and len(row.user_hash) == 64 and not row.declined
    assert row.latency_ms > 0


async def test_declined_question_offers_suggestions_and_contact(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("ราคาข้าวหอมมะลิวันนี้เท่าไร", chat_id=502, user_id=502)
    (call,) = await api.wait_for("sendMessage", where=_to(502))
    assert "ขออภัย" in call.params["text"] and "0-5373-2273" in call.params["text"]
    data = [d for _, d in buttons(call)]
    assert data[-1] == "k:" and all(d.startswith("q:") for d in data[:-1])
    assert len(keyboard(call)) <= 3
    (row,) = await _log_rows(running_bot, 1)
    assert row.declined and row.entry_id is None


async def test_small_talk_is_answered_in_kind_and_not_counted_as_unanswered(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("สวัสดีครับ", chat_id=520, user_id=520)
    (call,) = await api.wait_for("sendMessage", where=_to(520))
    assert call.params["text"].startswith("สวัสดีครับ") and "ขออภัย" not in call.params["text"]
    (row,) = await _log_rows(running_bot, 1)
    assert row.entry_id is None and not row.declined


async def test_html_in_questions_is_escaped(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("<b>ว 9999</b> & <script>", chat_id=503, user_id=503)
    (call,) = await api.wait_for("sendMessage", where=_to(503))
    assert "<script>" not in call.params["text"]


async def test_related_question_button_and_feedback(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=504, user_id=504)
    (answer,) = await api.wait_for("sendMessage", where=_to(504))
    api.press("q:other-cooperation-allowed", api.sent_message(answer), user_id=504)
    await api.wait_for("answerCallbackQuery")
    calls = await api.wait_for("sendMessage", 2, where=_to(504))
    assert calls[1].params["text"].startswith(f"<b>{VERDICT_LABELS['conditional']}</b>")

    feedback = next(d for label, d in buttons(answer) if label.startswith("👎"))
    api.press(feedback, api.sent_message(answer), user_id=504)
    (edit,) = await api.wait_for("editMessageReplyMarkup")
    assert not any(d.startswith("f:") for _, d in buttons(edit))
    assert any("ขอบคุณ" in label for label, _ in buttons(edit))
    querylog = running_bot.services.querylog
    assert querylog is not None and querylog.engine is not None
    for _ in range(100):
        querylog.drain()
        with session_scope(querylog.engine) as session:
            votes = [(f.ref, f.value) for f in session.exec(QuestionFeedback.__table__.select())]  # type: ignore[attr-defined]
        if votes:
            break
        await asyncio.sleep(0.02)
    (row,) = await _log_rows(running_bot, 1)
    assert votes == [(row.ref, -1)]


async def test_source_button_opens_document_card(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=505, user_id=505)
    (answer,) = await api.wait_for("sendMessage", where=_to(505))
    api.press("d:mae-sai-w0313", api.sent_message(answer), user_id=505)
    card = (await api.wait_for("sendMessage", 2, where=_to(505)))[1]
    assert "ขร 0023.20/ว 0313" in card.params["text"] and "23 กุมภาพันธ์ 2569" in card.params["text"]


async def test_circular_command_card_and_reference_walk(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/circular ว ๐๓๑๓", chat_id=506, user_id=506)
    (card,) = await api.wait_for("sendMessage", where=_to(506))
    text = card.params["text"]
    assert "ขร 0023.20/ว 0313" in text and "อำเภอแม่สาย" in text and "อ้างถึง" in text
    walk = [d for _, d in buttons(card)]
    assert "w:ขร 0023.20/ว 016" in walk
    api.press("w:ขร 0023.20/ว 016", api.sent_message(card), user_id=506)
    (edit,) = await api.wait_for("editMessageText")
    assert "ขร 0023.20/ว 016" in edit.params["text"] and "หนังสือที่อ้างถึงฉบับนี้" in edit.params["text"]
    assert "w:ขร 0023.20/ว 0313" in [d for _, d in buttons(edit)]


async def test_number_typed_in_a_message_shows_the_card(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("ขอดูหนังสือ ว 0313 หน่อย", chat_id=507, user_id=507)
    (card,) = await api.wait_for("sendMessage", where=_to(507))
    assert "📜" in card.params["text"] and "ขร 0023.20/ว 0313" in card.params["text"]


async def test_start_help_sources(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/start", chat_id=508, user_id=508)
    (welcome,) = await api.wait_for("sendMessage", where=_to(508))
    assert "สวัสดี" in welcome.params["text"]
    assert [d for _, d in buttons(welcome)] == ["q:sister-city-province-only", "q:other-cooperation-allowed"]
    api.send_text("/sources", chat_id=508, user_id=508)
    sources = (await api.wait_for("sendMessage", 2, where=_to(508)))[1]
    assert "มติคณะรัฐมนตรี" in sources.params["text"]
    api.send_text("/help", chat_id=508, user_id=508)
    help_call = (await api.wait_for("sendMessage", 3, where=_to(508)))[2]
    assert "/circular" in help_call.params["text"]


async def test_inline_query_offers_top_answers(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.inline(QUESTION)
    (call,) = await api.wait_for("answerInlineQuery")
    results = call.params["results"]
    assert results[0]["id"] == "sister-city-province-only"
    assert results[0]["title"].startswith(VERDICT_LABELS["no"])
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert "ระดับจังหวัด" in results[0]["input_message_content"]["message_text"]


async def test_inline_query_without_answer_offers_the_apology(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.inline("xyzzy qwerty")
    (call,) = await api.wait_for("answerInlineQuery")
    results = call.params["results"]
    assert results and all(r["type"] == "article" for r in results)


async def test_group_message_without_mention_is_ignored(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=-100, user_id=509, chat_type="supergroup")
    mention = "@" + BOT_USER["username"]
    api.send_text(f"{mention} {QUESTION}", chat_id=-101, user_id=509, chat_type="supergroup",
                  entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    api.send_text(QUESTION, chat_id=-102, user_id=509, chat_type="group", reply_to_bot=True)
    await api.wait_for("sendMessage", where=_to(-101))
    await api.wait_for("sendMessage", where=_to(-102))
    await asyncio.sleep(0.3)
    assert not api.calls_of("sendMessage") or all(c.params["chat_id"] != -100 for c in api.calls_of("sendMessage"))
    (reply,) = [c for c in api.calls_of("sendMessage") if c.params["chat_id"] == -101]
    assert reply.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
    # Commands work in groups, also when addressed as /command@botname.
    api.send_text(f"/circular@{BOT_USER['username']} ว 0313", chat_id=-103, user_id=509, chat_type="supergroup")
    (card,) = await api.wait_for("sendMessage", where=_to(-103))
    assert "ขร 0023.20/ว 0313" in card.params["text"]


async def test_admin_command_from_non_admin_gets_normal_help(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/stats", chat_id=510, user_id=510)
    (call,) = await api.wait_for("sendMessage", where=_to(510))
    assert "วิธีใช้" in call.params["text"] and "สถิติ" not in call.params["text"]
    # In a group the command is ignored: no help text posted to everyone.
    api.send_text("/stats", chat_id=-510, user_id=510, chat_type="supergroup")
    api.send_text("/help", chat_id=-511, user_id=510, chat_type="supergroup")
    await api.wait_for("sendMessage", where=_to(-511))
    assert not [c for c in api.calls_of("sendMessage") if c.params["chat_id"] == -510]


async def test_an_edited_question_is_not_logged_twice(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=526, user_id=526)
    await api.wait_for("sendMessage", where=_to(526))
    update = api.message_update(QUESTION + " ครับ", chat_id=526, user_id=526)
    update["edited_message"] = dict(update.pop("message"), edit_date=1)
    api.push(update)
    await api.wait_for("sendMessage", 2, where=_to(526))
    rows = await _log_rows(running_bot, 1)
    await asyncio.sleep(0.2)
    assert len(await _log_rows(running_bot, 1)) == len(rows) == 1


async def test_admin_stats_and_unanswered(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=511, user_id=511)
    api.send_text("ราคาข้าวหอมมะลิวันนี้เท่าไร", chat_id=512, user_id=512)
    api.send_text("วันนี้ราคาข้าวหอมมะลิเท่าไร", chat_id=513, user_id=513)
    await _log_rows(running_bot, 3)
    api.send_text("/stats", chat_id=ADMIN_ID, user_id=ADMIN_ID)
    (stats,) = await api.wait_for("sendMessage", where=_to(ADMIN_ID))
    assert "คำถามทั้งหมด: 3" in stats.params["text"] and "ตอบได้: 1 (33%)" in stats.params["text"]
    api.send_text("/unanswered", chat_id=ADMIN_ID, user_id=ADMIN_ID)
    unanswered = (await api.wait_for("sendMessage", 2, where=_to(ADMIN_ID)))[1]
    assert "(2 ครั้ง)" in unanswered.params["text"]
    assert "ใกล้เคียงที่สุด" in unanswered.params["text"]


async def test_reload_keeps_old_knowledge_when_new_is_invalid(running_bot: RunningBot) -> None:
    api = running_bot.api
    services = running_bot.services
    old = services.conversation
    kb_dir = services.settings.knowledge_dir
    (kb_dir / "entries" / "broken.yaml").write_text("- id: Bad Id\n  verdict: maybe\n", encoding="utf-8")
    api.send_text("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID)
    (call,) = await api.wait_for("sendMessage", where=_to(ADMIN_ID))
    assert "ยังใช้ฐานความรู้เดิม" in call.params["text"] and "broken.yaml" in call.params["text"]
    assert services.conversation is old
    (kb_dir / "entries" / "broken.yaml").unlink()
    api.send_text("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID)
    call = (await api.wait_for("sendMessage", 2, where=_to(ADMIN_ID)))[1]
    assert "โหลดฐานความรู้ใหม่แล้ว" in call.params["text"] and services.conversation is not old


async def test_flood_guard_warns_once_then_stays_quiet(running_bot: RunningBot) -> None:
    api = running_bot.api
    for _ in range(8):  # the fixture allows 5 a minute
        api.send_text("สวัสดี", chat_id=514, user_id=514)
    await api.wait_for("sendMessage", 6, where=_to(514))
    await asyncio.sleep(0.3)
    texts = [c.params["text"] for c in api.calls_of("sendMessage") if c.params["chat_id"] == 514]
    assert len(texts) == 6 and sum("ถี่เกินไป" in t for t in texts) == 1


async def test_rate_limit_429_is_retried(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.fail_next("sendMessage", 429, retry_after=1)
    api.send_text(QUESTION, chat_id=515, user_id=515)
    calls = await api.wait_for("sendMessage", 2, timeout=10, where=_to(515))
    assert calls[1].at - calls[0].at >= 1.0
    # And the bot keeps working afterwards.
    api.send_text("สวัสดี", chat_id=515, user_id=515)
    await api.wait_for("sendMessage", 3, where=_to(515))


async def test_replies_survive_repeated_429s_5xx_and_garbled_answers(running_bot: RunningBot) -> None:
    api = running_bot.api
    for _ in range(4):
        api.fail_next("sendMessage", 429, retry_after=0)
    api.send_text(QUESTION, chat_id=521, user_id=521)
    calls = await api.wait_for("sendMessage", 5, timeout=15, where=_to(521))
    assert len(calls) == 5  # four refusals, then the reply
    api.fail_next("sendMessage", 500, retry_after=None, description="Internal Server Error")
    api.fail_next("sendMessage", 502, retry_after=None, description="Bad Gateway")
    api.send_text(QUESTION, chat_id=522, user_id=522)
    assert len(await api.wait_for("sendMessage", 3, timeout=15, where=_to(522))) == 3
    api.garble_next("sendMessage")
    api.send_text(QUESTION, chat_id=523, user_id=523)
    replies = await api.wait_for("sendMessage", 2, timeout=15, where=_to(523))
    assert replies[1].params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")


async def test_one_chats_flood_wait_does_not_stall_the_others(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.fail_next("sendMessage", 429, retry_after=3)
    api.send_text(QUESTION, chat_id=524, user_id=524)
    await api.wait_for("sendMessage", where=_to(524))  # refused: this chat must wait 3 s
    started = asyncio.get_running_loop().time()
    api.send_text(QUESTION, chat_id=525, user_id=525)
    await api.wait_for("sendMessage", where=_to(525))
    assert asyncio.get_running_loop().time() - started < 1.5  # another chat is answered at once
    calls = await api.wait_for("sendMessage", 2, timeout=10, where=_to(524))
    assert calls[1].at - calls[0].at >= 3.0


async def test_handler_error_is_logged_and_user_told(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    api = running_bot.api

    class Broken:
        kb = running_bot.services.kb

        def needs_registry(self, text: str) -> bool:
            return False

        def respond(self, *args: object, **kwargs: object) -> object:
            raise RuntimeError("matcher exploded")

    good = running_bot.services.conversation
    running_bot.services.conversation = Broken()  # type: ignore[assignment]
    with caplog.at_level(logging.ERROR):
        api.send_text(QUESTION, chat_id=516, user_id=516)
        (call,) = await api.wait_for("sendMessage", where=_to(516))
    assert "เกิดข้อผิดพลาด" in call.params["text"]
    assert any(record.exc_info and "matcher exploded" in str(record.exc_info[1]) for record in caplog.records)
    running_bot.services.conversation = good
    api.send_text(QUESTION, chat_id=516, user_id=516)
    calls = await api.wait_for("sendMessage", 2, where=_to(516))
    assert calls[1].params["text"].startswith("<b>")


async def test_real_registry_card_and_reference_walk(tmp_path: Path, fake_api: FakeBotApi) -> None:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake_api.base_url,
         "DB_PATH": str(tmp_path / "bot.db"), "USER_HASH_SALT": "s"},
        env_file=None,
    )
    services = build_services(settings)
    assert services.circulars is not None  # the shipped letters, seeded into the registry
    app = build_application(settings, services)
    await start_bot(app)
    try:
        fake_api.send_text("/circular ขร ๐๐๒๓.๒๐/ว ๐๓๑๓", chat_id=601, user_id=601)
        (card,) = await fake_api.wait_for("sendMessage", where=_to(601))
        assert "ขร 0023.20/ว 0313" in card.params["text"] and "อ้างถึง" in card.params["text"]
        walk = [d for _, d in buttons(card) if d.startswith("w:")]
        assert walk, buttons(card)
        fake_api.press(walk[0], fake_api.sent_message(card), user_id=601)
        (edit,) = await fake_api.wait_for("editMessageText")
        assert "📜" in edit.params["text"] and "ว 0313" in edit.params["text"]  # the target refers back
        fake_api.send_text("ว 9999", chat_id=602, user_id=602)
        (missing,) = await fake_api.wait_for("sendMessage", where=_to(602))
        assert "ไม่พบหนังสือเลขที่" in missing.params["text"]
    finally:
        await stop_bot(app)


async def test_follow_up_is_read_with_the_question_before_it(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=620, user_id=620)
    await api.wait_for("sendMessage", where=_to(620))
    api.send_text("แล้ว อบจ. ล่ะ", chat_id=620, user_id=620)
    _, follow = await api.wait_for("sendMessage", where=_to(620), count=2)
    assert follow.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
    # The same words from someone with no question before them cannot be understood alone.
    api.send_text("แล้ว อบจ. ล่ะ", chat_id=621, user_id=621)
    (alone,) = await api.wait_for("sendMessage", where=_to(621))
    assert not alone.params["text"].startswith("<b>")


async def test_group_reply_to_an_answer_is_read_with_that_answer(running_bot: RunningBot) -> None:
    api = running_bot.api
    mention = "@" + BOT_USER["username"]
    api.send_text(f"{mention} {QUESTION}", chat_id=-630, user_id=630, chat_type="supergroup",
                  entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    # Wait for the fake's response too: the reply must point at the message_id it gave.
    (answer,) = await api.wait_for("sendMessage", where=lambda c: _to(-630)(c) and c.result is not None)
    # Another member replies to the bot's answer.
    api.send_text("แล้ว อบจ. ล่ะ", chat_id=-630, user_id=631, chat_type="supergroup",
                  reply_to_bot=answer.result["message_id"])
    _, follow = await api.wait_for("sendMessage", where=_to(-630), count=2)
    assert follow.params["text"].startswith(f"<b>{VERDICT_LABELS['no']}</b>")
