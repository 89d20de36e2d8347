"""The LINE layer's pieces: rendering within LINE's limits, the signature, addressing in groups, the sender."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
from pathlib import Path
from typing import Any

import pytest
from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, Configuration
from linebot.v3.webhooks import Event

from bot.answers import Answer, Answerer
from bot.channels.line.events import Origin, SeenEvents, addressed_text
from bot.channels.line.render import (
    MAX_MESSAGES,
    alt_text,
    first_sentence,
    postback,
    shorten,
    text_messages,
    turn_messages,
)
from bot.channels.line.sending import Destination, Sender, SentMessages
from bot.channels.line.webhook import content_base_url, line_configured, parse_events, signature_ok
from bot.config import ConfigError, default_contact, load_settings
from bot.conversation import Conversation
from bot.knowledge import load_knowledge
from bot.texts import VERDICT_LABELS
from tests.fake_line_api import ACCESS_TOKEN, BOT_USER_ID, FakeLineApi
from tests.fakes import FakeRegistry

KB = Path(__file__).parent / "data" / "telegram_kb"


def _conversation(kb: Path | None = KB) -> Conversation:
    return Conversation(Answerer(load_knowledge(kb), default_contact()), FakeRegistry())


def _json(message: Any) -> dict[str, Any]:
    return dict(message.to_dict())


def test_alt_text_says_the_verdict_once_then_the_first_sentence() -> None:
    shipped = _conversation(None)
    answer = shipped.respond("ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม", log_turn=False).answer
    assert answer.text.startswith("ทำไม่ได้")
    text = alt_text(answer)
    assert text.startswith("❌ ทำไม่ได้") and "ทำไม่ได้" not in text[len("❌ ทำไม่ได้"):][:3]
    assert "\n" not in text and text == "❌ " + first_sentence(answer.text)
    conditional = Answer("q", "entry", "ต้องไม่ผูกพันรัฐบาลไทย\nรายละเอียด", entry=answer.entry)
    assert alt_text(conditional) == f"{VERDICT_LABELS['no']}: ต้องไม่ผูกพันรัฐบาลไทย"
    # Thai typed on the English keyboard layout: the answer says how it read it, the notification does not.
    retyped = shipped.respond("v[9 meg,nv'rujg,nv'ohv'wfhws,", log_turn=False).answer  # อบต ทำเมืองพี่...
    assert retyped.read_as and retyped.text.startswith("(อ่านว่า")
    assert alt_text(retyped).startswith("❌ ทำไม่ได้") and "อ่านว่า" not in alt_text(retyped)


def test_first_sentence_is_the_first_paragraph_cut_at_a_space() -> None:
    assert first_sentence("\n\nทำได้ แต่ต้องไม่ผูกพัน\nอีกย่อหน้า") == "ทำได้ แต่ต้องไม่ผูกพัน"
    long = " ".join(["คำ" * 20] * 30)
    cut = first_sentence(long, limit=100)
    assert len(cut) <= 100 and cut.endswith("…") and cut[:-1] == cut[:-1].rstrip()


def test_labels_and_postbacks_keep_within_line_limits() -> None:
    assert shorten("👍" * 15, 20) == "👍" * 9 + "…"  # an emoji is two UTF-16 units
    assert shorten("สั้น", 20) == "สั้น"
    assert postback("q", "x" * 299) is None and postback("q", "x" * 298) == "q:" + "x" * 298


def test_a_turn_is_at_most_five_messages_with_quick_replies_on_the_last() -> None:
    conversation = _conversation()
    turn = conversation.respond("ตามหนังสือ ว 0313 ว 016 ว 4634 ว 9999 อบต ทำเมืองพี่เมืองน้องได้ไหม", log_turn=False)
    messages = [_json(m) for m in turn_messages(turn, default_contact())]
    assert 1 < len(messages) <= MAX_MESSAGES
    assert all("quickReply" not in m for m in messages[:-1]) and messages[-1]["quickReply"]["items"]


def test_long_text_is_split_at_line_breaks_into_line_sized_messages() -> None:
    text = "\n".join(["บรรทัด" * 100] * 40)  # 24,000 characters
    messages = [_json(m) for m in text_messages(text)]
    assert len(messages) == MAX_MESSAGES and all(len(m["text"]) <= 5000 for m in messages)
    assert all(not m["text"].startswith("\n") for m in messages)


def test_the_signature_is_hmac_sha256_of_the_raw_body() -> None:
    secret, body = "0123456789abcdef0123456789abcdef", b'{"events":[],"destination":"U1"} '
    good = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
    assert signature_ok(secret, body, good)
    assert not signature_ok(secret, body.strip(), good)  # not the JSON: the bytes
    assert not signature_ok(secret[::-1], body, good)
    assert not signature_ok(secret, body, good + "\u0e01")  # a header value that is not ASCII


def test_webhook_bodies_parse_into_sdk_events_and_skip_unknown_kinds() -> None:
    assert parse_events(b"[]") is None and parse_events(b'{"events": 1}') is None and parse_events(b"nope") is None
    api = FakeLineApi()
    events = parse_events(api.body({"type": "brandNew"}, api.text_event("สวัสดี")))
    assert events is not None and [type(event).__name__ for event in events] == ["MessageEvent"]


def test_line_needs_both_secrets_and_files_come_from_the_content_host() -> None:
    with pytest.raises(ConfigError, match="LINE_CHANNEL_ACCESS_TOKEN is not set"):
        line_configured(load_settings({"LINE_CHANNEL_SECRET": "a" * 32}, env_file=None))
    with pytest.raises(ConfigError, match="LINE_CHANNEL_SECRET is not set"):
        line_configured(load_settings({"LINE_CHANNEL_ACCESS_TOKEN": "t" * 40}, env_file=None))
    assert not line_configured(load_settings({}, env_file=None))
    with pytest.raises(ConfigError, match="LINE_CHANNEL_SECRET is invalid"):
        load_settings({"LINE_CHANNEL_SECRET": "has spaces in it, not a secret"}, env_file=None)
    assert content_base_url("https://api.line.me/") == "https://api-data.line.me"
    assert content_base_url("http://127.0.0.1:9000") == "http://127.0.0.1:9000"
    settings = load_settings({"LINE_PUSH_FALLBACK": "no"}, env_file=None)
    assert settings.line_push_fallback is False and load_settings({}, env_file=None).line_push_fallback is True


def _text_content(text: str, mentionees: list[dict[str, Any]] | None = None, quoted: str | None = None) -> Any:
    message: dict[str, Any] = {"type": "text", "id": "1", "quoteToken": "q", "text": text}
    if mentionees:
        message["mention"] = {"mentionees": mentionees}
    if quoted:
        message["quotedMessageId"] = quoted
    event = {"type": "message", "mode": "active", "timestamp": 1, "webhookEventId": "e",
             "deliveryContext": {"isRedelivery": False}, "replyToken": "r",
             "source": {"type": "group", "groupId": "C1", "userId": "U1"}, "message": message}
    return Event.from_dict(event).message


def test_in_groups_only_a_mention_of_the_bot_or_a_quote_of_its_message_addresses_it() -> None:
    group, private = Origin("group", "C1", "U1"), Origin("private", "U1", "U1")
    sent = SentMessages()
    sent.remember(["500"], "ref1")
    # The mention is cut out by its UTF-16 position (an emoji before it is two units).
    mention = {"index": 3, "length": 11, "type": "user", "userId": BOT_USER_ID, "isSelf": True}
    addressed = addressed_text(_text_content("😀 @Policy Bot ทำได้ไหม", [mention]), group, sent)
    assert addressed is not None and addressed.text == "😀 ทำได้ไหม" and addressed.quoted_ref is None
    first = dict(mention, index=0)
    pasted = addressed_text(_text_content("@Policy Bot /check ข้อ 1 ก\nข้อ 2 ข", [first]), group, sent)
    assert pasted is not None and pasted.text == "/check ข้อ 1 ก\nข้อ 2 ข"  # line breaks kept for the checker
    other = {"index": 3, "length": 5, "type": "user", "userId": "U2", "isSelf": False}
    assert addressed_text(_text_content("😀 @Som ทำได้ไหม", [other]), group, sent) is None
    assert addressed_text(_text_content("@All ทำได้ไหม", [{"index": 0, "length": 4, "type": "all"}]), group,
                          sent) is None
    quoting = addressed_text(_text_content("แล้วถ้าเป็นเทศบาลล่ะ", quoted="500"), group, sent)
    assert quoting is not None and quoting.quoted_ref == "ref1"  # the seam for follow-ups in context
    assert addressed_text(_text_content("อะไรนะ", quoted="499"), group, sent) is None
    assert addressed_text(_text_content("ทำได้ไหม"), private, sent) is not None


def test_remembered_ids_are_bounded() -> None:
    seen = SeenEvents(limit=2)
    assert seen.first_time("a") and not seen.first_time("a") and seen.first_time("b") and seen.first_time("c")
    assert seen.first_time("a")  # forgotten: the oldest go first
    sent = SentMessages(limit=1)
    sent.remember(["1", "2"], None)
    assert "1" not in sent and "2" in sent


async def test_the_loading_animation_shows_only_when_an_answer_takes_a_while(fake_line: FakeLineApi) -> None:
    async with AsyncApiClient(Configuration(host=fake_line.base_url, access_token=ACCESS_TOKEN)) as client:
        sender = Sender(AsyncMessagingApi(client), push_allowed=False)
        async with sender.loading("U1", after=0.2):
            await asyncio.sleep(0.01)
        assert not fake_line.calls_of("loading")
        async with sender.loading("U1", after=0.05):
            await asyncio.sleep(0.3)
        (call,) = fake_line.calls_of("loading")
        assert call.body == {"chatId": "U1", "loadingSeconds": 20}
        async with sender.loading(None):  # groups: LINE has no loading animation there
            pass
        # Replying with no token left and no push allowed sends nothing.
        gone = Destination(reply_token="rt-old", to="U1", deadline=0.0)
        assert await sender.send(gone, text_messages("x")) == "dropped"
        assert not fake_line.calls_of("reply") and not fake_line.calls_of("push")
