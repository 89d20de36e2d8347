"""LINE end to end: signed webhooks into the real web app, replies through the real SDK to a fake Messaging API."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import httpx
import pytest

from bot.application import Services
from bot.querylog import QuestionFeedback, QuestionLog, hash_user
from bot.store import session_scope
from bot.texts import DECLINE_TITLE, FLOOD_TEXT, STALE_BUTTON_TEXT, THANKS_TEXT, VERDICT_LABELS
from tests.fake_line_api import CHANNEL_SECRET, FakeLineApi, postbacks, quick_replies, sign, texts
from tests.line_fixtures import LINE_ADMIN, RunningLine, start_line

QUESTION = "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"


def _to_token(event: dict[str, Any]) -> Any:
    return lambda call: call.body.get("replyToken") == event["replyToken"]


async def _reply(line: RunningLine, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Deliver one event and return the messages of its reply."""
    response = await line.api.deliver(line.url, event)
    assert response.status_code == 200
    (call,) = await line.api.wait_for("reply", where=_to_token(event))
    return call.messages


async def _log_rows(services: Services, count: int) -> list[QuestionLog]:
    """Wait for `count` question-log rows (written off the event loop) and return them."""
    querylog = services.querylog
    assert querylog is not None and querylog.engine is not None
    rows: list[Any] = []
    for _ in range(200):
        querylog.drain()
        with session_scope(querylog.engine) as session:
            rows = list(session.exec(QuestionLog.__table__.select()).all())  # type: ignore[attr-defined]
        if len(rows) >= count:
            return rows
        await asyncio.sleep(0.02)
    raise AssertionError(f"expected {count} log rows, found {len(rows)}")


def _header(message: dict[str, Any]) -> tuple[str, str]:
    header = message["contents"]["header"]
    return header["contents"][0]["text"], header["backgroundColor"]


async def test_question_gets_a_verdict_bubble_with_sources_feedback_and_quick_replies(
    running_line: RunningLine,
) -> None:
    event = running_line.api.text_event(QUESTION, user_id="U501")
    (message,) = await _reply(running_line, event)
    assert message["type"] == "flex"
    assert _header(message) == (VERDICT_LABELS["no"], "#C62828")
    body = [item["text"] for item in message["contents"]["body"]["contents"] if item.get("type") == "text"]
    assert body[0] == "อปท. ทำเมืองพี่เมืองน้องเองไม่ได้" and "ระดับจังหวัด" in body[1]
    assert body[2] == "ที่มา" and body[3].startswith("• หนังสืออำเภอแม่สาย")
    small = [item for item in message["contents"]["body"]["contents"] if item.get("text", "").startswith("• ")]
    assert all(item["size"] == "xxs" for item in small)
    # Notifications read right: the verdict, then the first sentence.
    assert message["altText"].startswith("❌ ") and "ระดับจังหวัด" in message["altText"]
    assert len(message["altText"]) <= 1500
    (row,) = await _log_rows(running_line.services, 1)
    assert postbacks(message) == [f"f:1:{row.ref}", f"f:0:{row.ref}"]
    ((label, data),) = quick_replies(message)
    assert data == "q:other-cooperation-allowed" and label.startswith("อปท. ร่วมมือ") and label.endswith("…")
    assert len(label.encode("utf-16-le")) // 2 <= 20  # LINE's label limit, counted as LINE counts
    # The chat shows the whole question as what the user asked.
    shown = message["quickReply"]["items"][0]["action"]["displayText"]
    assert shown == "อปท. ร่วมมือกับหน่วยการปกครองของต่างประเทศในกรอบอื่นได้"
    # Logged under the channel, the user id hashed with the same salt as Telegram's.
    salt = running_line.services.settings.user_hash_salt
    assert row.channel == "line" and row.chat_type == "private" and row.entry_id == "sister-city-province-only"
    assert row.user_hash == hash_user("line:U501", salt) and "U501" not in row.user_hash
    assert not running_line.api.calls_of("push")


async def test_decline_names_the_office_with_a_call_button_and_suggestions(running_line: RunningLine) -> None:
    event = running_line.api.text_event("ราคาข้าวหอมมะลิวันนี้เท่าไร", user_id="U502")
    (message,) = await _reply(running_line, event)
    assert _header(message)[0] == DECLINE_TITLE
    assert "0-5373-2273" in message["contents"]["body"]["contents"][0]["text"]
    (button,) = message["contents"]["footer"]["contents"]
    assert button["action"] == {"type": "uri", "label": "📞 โทร 0-5373-2273", "uri": "tel:+6653732273"}
    assert "ขออภัย" in message["altText"]
    assert all(data.startswith("q:") for _, data in quick_replies(message))
    (row,) = await _log_rows(running_line.services, 1)
    assert row.declined


async def test_small_talk_is_a_plain_text(running_line: RunningLine) -> None:
    (message,) = await _reply(running_line, running_line.api.text_event("สวัสดีครับ", user_id="U503"))
    assert message["type"] == "text" and message["text"].startswith("สวัสดี")


async def test_postbacks_open_an_entry_store_feedback_and_refuse_stale_data(running_line: RunningLine) -> None:
    api = running_line.api
    (answer,) = await _reply(running_line, api.text_event(QUESTION, user_id="U504"))
    (entry,) = await _reply(running_line, api.postback_event("q:other-cooperation-allowed", user_id="U504"))
    assert _header(entry)[0] == VERDICT_LABELS["conditional"]
    thumbs_down = postbacks(answer)[1]
    (thanks,) = await _reply(running_line, api.postback_event(thumbs_down, user_id="U504"))
    assert thanks == {"type": "text", "text": THANKS_TEXT}
    querylog = running_line.services.querylog
    assert querylog is not None and querylog.engine is not None
    votes: list[tuple[str, int]] = []
    for _ in range(100):
        with session_scope(querylog.engine) as session:
            votes = [(f.ref, f.value) for f in session.exec(QuestionFeedback.__table__.select())]  # type: ignore[attr-defined]
        if votes:
            break
        await asyncio.sleep(0.02)
    (row,) = await _log_rows(running_line.services, 1)
    assert votes == [(row.ref, -1)]
    for stale in ("q:no-such-entry", "zz:1", "f:7:abc"):
        (message,) = await _reply(running_line, api.postback_event(stale, user_id="U504b"))
        assert message["text"] == STALE_BUTTON_TEXT


async def test_a_letter_number_gets_its_card_and_the_buttons_walk_its_references(running_line: RunningLine) -> None:
    api = running_line.api
    (card,) = await _reply(running_line, api.text_event("ว 0313", user_id="U505"))
    assert _header(card)[0] == "📜 หนังสือที่ ขร 0023.20/ว 0313"
    shown = texts(api.calls_of("reply")[-1])
    assert "อ้างถึงและสิ่งที่ส่งมาด้วย" in shown and any("ขร 0023.20/ว 016" in text for text in shown)
    walk = postbacks(card)
    assert walk == ["c:ขร 0023.20/ว 016", "c:ขร 0023.3/ว 4634"]
    (target,) = await _reply(running_line, api.postback_event(walk[0], user_id="U505"))
    assert _header(target)[0] == "📜 หนังสือที่ ขร 0023.20/ว 016"
    assert postbacks(target) == ["c:ขร 0023.20/ว 0313"]  # it is referred to by ว 0313: walk back
    # A number the registry does not hold: said so, with the office to ask.
    (missing,) = await _reply(running_line, api.text_event("ขอดูหนังสือ ขร 0023.20/ว 9999", user_id="U505"))
    assert missing["type"] == "text" and "ไม่พบหนังสือเลขที่" in missing["text"] and "โปรดติดต่อ" in missing["text"]


async def test_groups_answer_only_when_mentioned_or_quoted(running_line: RunningLine) -> None:
    api = running_line.api
    plain = api.text_event(QUESTION, user_id="U506", group_id="C1")
    mentioned = api.text_event(QUESTION, user_id="U506", group_id="C1", mention_self=True)
    room = api.text_event("สวัสดีครับ", user_id="U506", room_id="R1", mention_self=True)
    assert (await api.deliver(running_line.url, plain, mentioned, room)).status_code == 200
    (reply,) = await api.wait_for("reply", where=_to_token(mentioned))
    await api.wait_for("reply", where=_to_token(room))
    await asyncio.sleep(0.2)
    assert not api.calls_of("reply") or not [c for c in api.calls_of("reply") if _to_token(plain)(c)]
    assert _header(reply.messages[0])[0] == VERDICT_LABELS["no"]
    rows = await _log_rows(running_line.services, 2)
    assert sorted(row.chat_type for row in rows) == ["group", "room"]
    assert QUESTION in [row.question for row in rows]  # the mention itself is not part of the question
    # Quoting the bot's answer addresses it; quoting someone else's message does not.
    quoting_other = api.text_event("ทำได้ไหม", user_id="U507", group_id="C1", quoted_message_id="42")
    assert (await api.deliver(running_line.url, quoting_other)).status_code == 200
    bot_message = reply_sent_id(api, mentioned)
    quoting_bot = api.text_event("แล้วเรื่องการท่องเที่ยวทำได้ไหม", user_id="U507", group_id="C1",
                                 quoted_message_id=bot_message)
    await _reply(running_line, quoting_bot)
    await asyncio.sleep(0.2)
    assert not [c for c in api.calls_of("reply") if _to_token(quoting_other)(c)]
    # A file or photo in a group is left alone (LINE files carry no mention).
    await api.deliver(running_line.url, api.file_event("ข้อ 1 ความร่วมมือ".encode(), "draft.txt", group_id="C1"))
    await asyncio.sleep(0.2)
    assert not api.calls_of("content")


def reply_sent_id(api: FakeLineApi, event: dict[str, Any]) -> str:
    """Return the id LINE gave the first message of the bot's reply to `event`."""
    (call,) = [c for c in api.calls_of("reply") if _to_token(event)(c)]
    return call.sent[0]


async def test_missing_or_wrong_signature_runs_nothing(running_line: RunningLine,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    api = running_line.api
    event = api.text_event(QUESTION, user_id="U508")
    missing = await api.deliver(running_line.url, event, signature=None)
    wrong = await api.deliver(running_line.url, event, signature=sign(FakeLineApi.body(event), "f" * 32))
    garbage = await api.deliver(running_line.url, event, signature="not base64 at all")
    assert (missing.status_code, wrong.status_code, garbage.status_code) == (400, 403, 403)
    body = FakeLineApi.body(event)
    async with httpx.AsyncClient() as client:
        not_ascii = await client.post(running_line.url, content=body,
                                      headers={"X-Line-Signature": "\u2713".encode() + sign(body).encode()})
        assert not_ascii.status_code == 403
        # The signature covers the raw bytes: a message changed on the way is refused.
        tampered_body = body.replace("ตำบล".encode(), "อำเภอ".encode())
        assert tampered_body != body
        tampered = await client.post(running_line.url, content=tampered_body, headers=FakeLineApi.headers(body))
        too_big = await client.post(running_line.url, content=b"{" + b" " * (1024 * 1024 + 1) + b"}",
                                    headers={"X-Line-Signature": "x"})
        not_json = await client.post(running_line.url, content=b"{nope", headers=FakeLineApi.headers(b"{nope"))
    assert (tampered.status_code, too_big.status_code, not_json.status_code) == (403, 413, 400)
    await asyncio.sleep(0.3)
    assert not api.calls_of("reply") and not api.calls_of("push")
    assert running_line.services.flood._seen == {}  # not even counted against a user
    assert "ตำบล" not in caplog.text  # refused bodies are not logged
    # The console's "Verify" button: a signed body with no events.
    verify = await api.deliver(running_line.url)
    assert verify.status_code == 200


async def test_a_redelivered_event_is_answered_once(running_line: RunningLine) -> None:
    api = running_line.api
    event = api.text_event(QUESTION, user_id="U509")
    await _reply(running_line, event)
    again = dict(event, deliveryContext={"isRedelivery": True})
    assert (await api.deliver(running_line.url, again)).status_code == 200
    await asyncio.sleep(0.3)
    assert len(api.calls_of("reply")) == 1 and not api.calls_of("push")
    assert len(await _log_rows(running_line.services, 1)) == 1
    # A redelivery this process never saw, whose reply token is long past: pushed, not replied.
    old = api.text_event(QUESTION, user_id="U510", redelivery=True)
    old["timestamp"] -= 120_000
    await api.deliver(running_line.url, old)
    (push,) = await api.wait_for("push")
    assert push.body["to"] == "U510" and push.headers["x-line-retry-key"]
    assert len(api.calls_of("reply")) == 1


async def test_reply_api_429_and_5xx_are_retried_within_the_token_time(running_line: RunningLine) -> None:
    api = running_line.api
    api.fail_next("reply", 429)
    event = api.text_event(QUESTION, user_id="U511")
    await api.deliver(running_line.url, event)
    calls = await api.wait_for("reply", 2, where=_to_token(event))
    assert calls[1].at - calls[0].at >= 0.3  # backed off
    api.fail_next("reply", 500)
    event = api.text_event(QUESTION, user_id="U512")
    await api.deliver(running_line.url, event)
    assert len(await api.wait_for("reply", 2, where=_to_token(event))) == 2
    await asyncio.sleep(0.2)
    assert not api.calls_of("push")


async def test_a_5xx_after_delivery_is_not_sent_twice(running_line: RunningLine) -> None:
    api = running_line.api
    # LINE delivered the reply, but the answer was lost: the retry finds the token spent.
    api.fail_next("reply", 500, deliver=True)
    event = api.text_event(QUESTION, user_id="U513")
    await api.deliver(running_line.url, event)
    await api.wait_for("reply", 2, where=_to_token(event))
    await asyncio.sleep(0.3)
    assert len(api.calls_of("reply")) == 2 and not api.calls_of("push")


async def test_an_expired_reply_token_falls_back_to_a_push_once(running_line: RunningLine) -> None:
    api = running_line.api
    event = api.text_event(QUESTION, user_id="U514", group_id="C9", mention_self=True)
    api.expire(event["replyToken"])
    api.fail_next("push", 500)
    await api.deliver(running_line.url, event)
    pushes = await api.wait_for("push", 2)
    assert [push.body["to"] for push in pushes] == ["C9", "C9"]
    assert pushes[0].headers["x-line-retry-key"] == pushes[1].headers["x-line-retry-key"]
    assert _header(pushes[1].messages[0])[0] == VERDICT_LABELS["no"]


async def test_without_push_fallback_an_expired_token_sends_nothing(tmp_path: Any, fake_line: FakeLineApi,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    server, task, line = await start_line(tmp_path, fake_line, LINE_PUSH_FALLBACK="no")
    try:
        event = fake_line.text_event(QUESTION, user_id="U515")
        fake_line.expire(event["replyToken"])
        with caplog.at_level(logging.WARNING):
            await fake_line.deliver(line.url, event)
            await fake_line.wait_for("reply")
            await asyncio.sleep(0.3)
        assert not fake_line.calls_of("push")
        assert "LINE_PUSH_FALLBACK=no" in caplog.text
    finally:
        server.should_exit = True
        await task


async def test_flood_guard_warns_once_then_stays_quiet(running_line: RunningLine) -> None:
    api = running_line.api
    events = [api.text_event("สวัสดี", user_id="U516") for _ in range(8)]  # the fixture allows 5 a minute
    await api.deliver(running_line.url, *events)
    await api.wait_for("reply", 6)
    await asyncio.sleep(0.3)
    replies = api.calls_of("reply")
    assert len(replies) == 6 and sum(call.messages[0].get("text") == FLOOD_TEXT for call in replies) == 1


async def test_new_friend_gets_the_welcome_with_example_questions(running_line: RunningLine) -> None:
    (message,) = await _reply(running_line, running_line.api.follow_event("U517"))
    assert message["text"].startswith("สวัสดีครับ")
    offered = [data for _, data in quick_replies(message)]
    assert offered == ["q:sister-city-province-only", "q:other-cooperation-allowed"]


async def test_admin_stats_count_both_channels(running_line: RunningLine) -> None:
    api = running_line.api
    await _reply(running_line, api.text_event(QUESTION, user_id="U518"))
    await _log_rows(running_line.services, 1)
    (help_message,) = await _reply(running_line, api.text_event("/stats", user_id="U518"))
    assert "วิธีใช้" in help_message["text"] and "สถิติ" not in help_message["text"]
    (stats,) = await _reply(running_line, api.text_event("/stats", user_id=LINE_ADMIN))
    assert "คำถามทั้งหมด: 1" in stats["text"] and "ช่องทาง: line 1" in stats["text"]


async def test_healthz_lists_the_line_channel(running_line: RunningLine) -> None:
    async with httpx.AsyncClient() as client:
        health = (await client.get(f"http://127.0.0.1:{running_line.port}/healthz")).json()
    assert health["channels"] == ["line"] and health["status"] == "ok"
    (info,) = running_line.api.calls_of("info")  # the bot said who it is on start
    assert info.headers["authorization"].startswith("Bearer ")


async def test_unknown_events_are_skipped_and_the_rest_answered(running_line: RunningLine) -> None:
    api = running_line.api
    unknown = {"type": "somethingNew", "mode": "active", "timestamp": int(time.time() * 1000),
               "webhookEventId": "01NEW", "deliveryContext": {"isRedelivery": False}}
    standby = dict(api.text_event(QUESTION, user_id="U519"), mode="standby")
    event = api.text_event(QUESTION, user_id="U519")
    assert (await api.deliver(running_line.url, unknown, standby, event)).status_code == 200
    await api.wait_for("reply", where=_to_token(event))
    await asyncio.sleep(0.2)
    assert len(api.calls_of("reply")) == 1  # standby: another bot server answers this channel


async def test_a_handler_error_is_logged_and_the_user_told(running_line: RunningLine,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    services = running_line.services

    async def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("matcher exploded")

    good = services.respond
    services.respond = broken  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR):
        (message,) = await _reply(running_line, running_line.api.text_event(QUESTION, user_id="U520"))
    services.respond = good  # type: ignore[method-assign]
    assert "เกิดข้อผิดพลาด" in message["text"]
    assert any(record.exc_info and "matcher exploded" in str(record.exc_info[1]) for record in caplog.records)
    assert QUESTION not in caplog.text


def test_the_secret_used_by_the_fake_is_the_settings_one() -> None:
    assert len(CHANNEL_SECRET) == 32


async def test_a_follow_up_is_read_with_the_answer_it_quotes_or_the_last_one(running_line: RunningLine) -> None:
    api = running_line.api
    asked = api.text_event(QUESTION, user_id="U610", group_id="C6", mention_self=True)
    await _reply(running_line, asked)
    # Another member quotes the bot's answer: read with that answer's question.
    quoting = api.text_event("แล้ว อบจ. ล่ะ", user_id="U611", group_id="C6", quoted_message_id=reply_sent_id(api, asked))
    (follow,) = await _reply(running_line, quoting)
    assert _header(follow)[0] == VERDICT_LABELS["no"]
    # In a one-to-one chat the short follow-up right after the answer is read with it.
    await _reply(running_line, api.text_event(QUESTION, user_id="U612"))
    (private,) = await _reply(running_line, api.text_event("แล้ว อบจ. ล่ะ", user_id="U612"))
    assert _header(private)[0] == VERDICT_LABELS["no"]
