"""Phone-first Telegram (issue 11) end to end: the real Application against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.application import build_services
from bot.channels.telegram.app import build_application
from bot.channels.telegram.checking import PHOTO_TEXT
from bot.channels.telegram.context import INLINE_FLOOD_KEY
from bot.channels.telegram.links import card_payload, entry_payload, parse_start
from bot.channels.telegram.profile import SHORT_DESCRIPTION, admin_chats
from bot.channels.telegram.replies import SentReplies
from bot.flood import FloodGuard
from bot.texts import FLOOD_TEXT, UNSUPPORTED_TEXT, VERDICT_LABELS
from tests.fake_bot_api import BOT_USER, Call, FakeBotApi, buttons
from tests.telegram_fixtures import ADMIN_ID, RunningBot, settings_for, start_bot, stop_bot, with_fake_registry

QUESTION = "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"
NO = f"<b>{VERDICT_LABELS['no']}</b>"


def _to(chat_id: int) -> object:
    return lambda call: call.params.get("chat_id") == chat_id


def _answered(chat_id: int) -> object:
    # The fake's answer (with the message_id) is recorded just after the call itself.
    return lambda call: call.params.get("chat_id") == chat_id and call.result is not None


async def _quiet(api: FakeBotApi, chat_id: int, seconds: float = 0.3) -> list[Call]:
    """Wait a moment and return every message sent to a chat (to check that nothing more came)."""
    await asyncio.sleep(seconds)
    return [call for call in api.calls if call.params.get("chat_id") == chat_id and call.method.startswith("send")]


# --- follow-ups in every place they apply ------------------------------------------------------------


async def test_an_entry_button_is_context_for_the_next_question(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/start", chat_id=700, user_id=700)
    (welcome,) = await api.wait_for("sendMessage", where=_answered(700))
    api.press("q:sister-city-province-only", welcome.result, user_id=700)
    await api.wait_for("sendMessage", 2, where=_to(700))
    api.send_text("แล้ว อบจ. ล่ะ", chat_id=700, user_id=700)
    follow = (await api.wait_for("sendMessage", 3, where=_to(700)))[2]
    assert follow.params["text"].startswith(NO)


async def test_a_reply_to_an_older_answer_is_read_with_that_answer(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=701, user_id=701)
    (first,) = await api.wait_for("sendMessage", where=_answered(701))
    api.send_text("เทศบาลทำ MOU ด้านการท่องเที่ยวกับเมืองในจีนได้หรือเปล่า", chat_id=701, user_id=701)
    await api.wait_for("sendMessage", 2, where=_to(701))
    # The reply names the sister-city answer, not the tourism one that came last.
    api.send_text("แล้ว อบจ. ล่ะ", chat_id=701, user_id=701, reply_to_bot=first.result["message_id"])
    follow = (await api.wait_for("sendMessage", 3, where=_to(701)))[2]
    assert follow.params["text"].startswith(NO)


async def test_a_photo_caption_follow_up_is_read_in_context(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=702, user_id=702)
    (first,) = await api.wait_for("sendMessage", where=_answered(702))
    api.send_media("photo", caption="แล้ว อบจ. ล่ะ", chat_id=702, user_id=702, reply_to_bot=first.result["message_id"])
    follow = (await api.wait_for("sendMessage", 2, where=_to(702)))[1]
    assert follow.params["text"].startswith(NO)


async def test_an_edited_follow_up_edits_the_earlier_reply_in_context(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=703, user_id=703)
    await api.wait_for("sendMessage", where=_answered(703))
    update = api.message_update("แล้ว อบต. ล่ะ", chat_id=703, user_id=703)
    original = update["message"]["message_id"]
    api.push(update)
    reply = (await api.wait_for("sendMessage", 2, where=_answered(703)))[1]
    api.push(api.message_update("แล้ว อบจ. ล่ะ", chat_id=703, user_id=703, message_id=original, edited=True))
    (edit,) = await api.wait_for("editMessageText", where=_to(703))
    assert edit.params["message_id"] == reply.result["message_id"]
    assert edit.params["text"].startswith(NO)
    assert len([c for c in await _quiet(api, 703) if c.method == "sendMessage"]) == 2  # edited, not sent again


# --- every message gets something ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sticker", "voice", "video_note", "audio", "location", "contact", "poll"])
async def test_non_text_messages_get_one_line_in_private(running_bot: RunningBot, kind: str) -> None:
    api = running_bot.api
    api.send_media(kind, chat_id=710, user_id=710)
    (call,) = await api.wait_for("sendMessage", where=_to(710))
    assert call.params["text"] == UNSUPPORTED_TEXT


async def test_non_text_messages_in_groups_only_when_replying_to_the_bot(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_media("sticker", chat_id=-711, user_id=711, chat_type="supergroup")
    api.send_media("voice", chat_id=-712, user_id=711, chat_type="supergroup", reply_to_bot=True)
    (call,) = await api.wait_for("sendMessage", where=_to(-712))
    assert call.params["text"] == UNSUPPORTED_TEXT
    assert not await _quiet(api, -711)


async def test_a_photo_with_a_question_caption_gets_the_answer(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_media("photo", caption=QUESTION, chat_id=713, user_id=713)
    (call,) = await api.wait_for("sendMessage", where=_to(713))
    assert call.params["text"].startswith(NO)
    # Without a caption (or with one the knowledge base cannot read) a photo gets the drafting hint.
    api.send_media("photo", chat_id=714, user_id=714)
    api.send_media("photo", caption="ดูรูปนี้หน่อย", chat_id=715, user_id=715)
    for chat in (714, 715):
        (hint,) = await api.wait_for("sendMessage", where=_to(chat))
        assert hint.params["text"] == PHOTO_TEXT
    # In a group a caption counts when it mentions the bot.
    mention = "@" + BOT_USER["username"]
    api.send_media("photo", caption=f"{mention} {QUESTION}", chat_id=-716, user_id=716, chat_type="supergroup")
    api.send_media("photo", caption=QUESTION, chat_id=-717, user_id=716, chat_type="supergroup")
    (group,) = await api.wait_for("sendMessage", where=_to(-716))
    assert group.params["text"].startswith(NO)
    assert not await _quiet(api, -717)


async def test_a_document_caption_question_is_answered_and_drafts_still_checked(running_bot: RunningBot) -> None:
    api = running_bot.api
    draft = "ข้อ 1 ทั้งสองฝ่ายจะสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง\n".encode()
    # A draft file with a question: the answer first, then the check of the draft.
    api.send_document(draft, "ร่าง.txt", caption=QUESTION, chat_id=720, user_id=720, mime_type="text/plain")
    answer, check = await api.wait_for("sendMessage", 2, where=_to(720))
    assert answer.params["text"].startswith(NO)
    assert "ผลการตรวจร่างความตกลง" in check.params["text"] and "ไม่ควรลงนาม" in check.params["text"]
    # A file that is no draft (a scan) with a question: the answer only, no refusal of the file.
    api.send_document(b"\x89PNG\r\n\x1a\n" + b"0" * 64, "scan.png", caption=QUESTION, chat_id=721, user_id=721,
                      mime_type="image/png")
    (only,) = await api.wait_for("sendMessage", where=_to(721))
    assert only.params["text"].startswith(NO)
    assert len(await _quiet(api, 721)) == 1
    # The same scan without a question: the checker says why it cannot read it, as before.
    api.send_document(b"\x89PNG\r\n\x1a\n" + b"0" * 64, "scan.png", chat_id=722, user_id=722, mime_type="image/png")
    (refusal,) = await api.wait_for("sendMessage", where=_to(722))
    assert "ภาพ" in refusal.params["text"]
    # A /check caption is a command, not a question: only the check.
    api.send_document(draft, "ร่าง.txt", caption="/check", chat_id=723, user_id=723, mime_type="text/plain")
    (checked,) = await api.wait_for("sendMessage", where=_to(723))
    assert "ผลการตรวจร่างความตกลง" in checked.params["text"]
    assert len([c for c in await _quiet(api, 723) if c.method == "sendMessage"]) == 1


# --- edited messages -------------------------------------------------------------------------------------


async def test_an_edited_question_edits_the_earlier_reply(running_bot: RunningBot) -> None:
    api = running_bot.api
    update = api.message_update("ราคาข้าวหอมมะลิวันนี้เท่าไร", chat_id=730, user_id=730)
    original = update["message"]["message_id"]
    api.push(update)
    (declined,) = await api.wait_for("sendMessage", where=_answered(730))
    api.push(api.message_update(QUESTION, chat_id=730, user_id=730, message_id=original, edited=True))
    (edit,) = await api.wait_for("editMessageText", where=_to(730))
    assert edit.params["message_id"] == declined.result["message_id"] and edit.params["text"].startswith(NO)
    assert [c.method for c in await _quiet(api, 730)] == ["sendMessage"]


async def test_an_edit_that_needs_fewer_messages_deletes_the_rest(running_bot: RunningBot) -> None:
    api = running_bot.api
    # A question naming a letter gets the answer and the letter's card: two messages.
    update = api.message_update("ตามหนังสือ ว 0313 ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม", chat_id=731, user_id=731)
    original = update["message"]["message_id"]
    api.push(update)
    first, card = await api.wait_for("sendMessage", 2, where=_answered(731))
    api.push(api.message_update(QUESTION, chat_id=731, user_id=731, message_id=original, edited=True))
    (edit,) = await api.wait_for("editMessageText", where=_to(731))
    (deleted,) = await api.wait_for("deleteMessage", where=_to(731))
    assert edit.params["message_id"] == first.result["message_id"]
    assert deleted.params["message_id"] == card.result["message_id"]


async def test_an_edit_the_bot_cannot_apply_gets_a_new_reply(running_bot: RunningBot) -> None:
    api = running_bot.api
    update = api.message_update("ราคาข้าวหอมมะลิวันนี้เท่าไร", chat_id=732, user_id=732)
    original = update["message"]["message_id"]
    api.push(update)
    await api.wait_for("sendMessage", where=_answered(732))
    api.fail_next("editMessageText", 400, retry_after=None, description="Bad Request: message can't be edited")
    api.push(api.message_update(QUESTION, chat_id=732, user_id=732, message_id=original, edited=True))
    calls = await api.wait_for("sendMessage", 2, where=_to(732))
    assert calls[1].params["text"].startswith(NO)


async def test_an_edited_circular_command_replaces_the_card(running_bot: RunningBot) -> None:
    api = running_bot.api
    update = api.message_update("/circular ว 9999", chat_id=733, user_id=733)
    original = update["message"]["message_id"]
    api.push(update)
    (missing,) = await api.wait_for("sendMessage", where=_answered(733))
    assert "ไม่พบ" in missing.params["text"]
    api.push(api.message_update("/circular ว 0313", chat_id=733, user_id=733, message_id=original, edited=True))
    (edit,) = await api.wait_for("editMessageText", where=_to(733))
    assert edit.params["message_id"] == missing.result["message_id"] and "ขร 0023.20/ว 0313" in edit.params["text"]


# --- inline mode ------------------------------------------------------------------------------------------


async def test_inline_queries_have_their_own_budget_and_never_get_the_warning(running_bot: RunningBot) -> None:
    api = running_bot.api
    running_bot.app.bot_data[INLINE_FLOOD_KEY] = FloodGuard(3)
    for letters in range(1, 9):  # a question typed letter by letter: more queries than either budget
        api.inline(QUESTION[: letters * 4], user_id=740)
    await api.wait_for("answerInlineQuery", 3)
    await asyncio.sleep(0.3)
    assert len(api.calls_of("answerInlineQuery")) == 3
    assert not [c for c in api.calls_of("sendMessage") if FLOOD_TEXT in c.params.get("text", "")]
    # The private chat's budget (5 a minute in the fixture) is untouched.
    api.send_text(QUESTION, chat_id=740, user_id=740)
    (call,) = await api.wait_for("sendMessage", where=_to(740))
    assert call.params["text"].startswith(NO)


async def test_empty_inline_query_offers_examples_and_the_private_chat(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.inline("", user_id=741)
    (call,) = await api.wait_for("answerInlineQuery")
    ids = [result["id"] for result in call.params["results"]]
    assert ids == ["sister-city-province-only", "other-cooperation-allowed"]
    assert call.params["button"]["start_parameter"] == "inline" and call.params["button"]["text"]


async def test_empty_inline_query_shows_the_most_asked_first(running_bot: RunningBot) -> None:
    api = running_bot.api
    for user in (742, 743, 744):
        api.send_text("เทศบาลทำ MOU ด้านการท่องเที่ยวกับเมืองในจีนได้หรือเปล่า", chat_id=user, user_id=user)
        await api.wait_for("sendMessage", where=_to(user))
    querylog = running_bot.services.querylog
    assert querylog is not None
    for _ in range(100):
        if querylog.drain() and querylog.pending == 0:
            break
        await asyncio.sleep(0.02)
    api.inline("", user_id=745)
    (call,) = await api.wait_for("answerInlineQuery")
    assert call.params["results"][0]["id"] == "other-cooperation-allowed"


async def test_inline_results_are_short_and_carry_share_and_open_buttons(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.inline(QUESTION, user_id=746)
    (call,) = await api.wait_for("answerInlineQuery")
    first = call.params["results"][0]
    assert first["id"] == "sister-city-province-only" and len(first["title"]) <= 64
    assert first["input_message_content"]["message_text"].startswith(NO)
    (row,) = first["reply_markup"]["inline_keyboard"]
    assert row[0]["switch_inline_query"] == "อปท. ทำเมืองพี่เมืองน้องเองไม่ได้"
    assert row[1]["url"] == f"https://t.me/{BOT_USER['username']}?start=sister-city-province-only"
    # What the share button types is answered with that very entry.
    api.inline(row[0]["switch_inline_query"], user_id=747)
    shared = (await api.wait_for("answerInlineQuery", 2))[1]
    assert shared.params["results"][0]["id"] == "sister-city-province-only"


async def test_inline_circular_number_returns_the_card(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.inline("ว 0313", user_id=748)
    (call,) = await api.wait_for("answerInlineQuery")
    card = call.params["results"][0]
    assert card["title"] == "📜 หนังสือที่ ขร 0023.20/ว 0313"
    assert "อ้างถึง" in card["input_message_content"]["message_text"]
    (row,) = card["reply_markup"]["inline_keyboard"]
    payload = row[1]["url"].rsplit("start=", 1)[1]
    assert parse_start(payload, []) is not None and parse_start(payload, []).value == "ขร 0023.20/ว 0313"  # type: ignore[union-attr]


# --- deep links --------------------------------------------------------------------------------------------


def test_start_parameters_encode_entries_and_letter_numbers() -> None:
    ids = ["sister-city-province-only", "a-" * 40 + "z"]
    for entry_id in ids:
        payload = entry_payload(entry_id)
        assert len(payload) <= 64 and all(ch.isalnum() or ch in "_-" for ch in payload)
        target = parse_start(payload, ids)
        assert target is not None and (target.kind, target.value) == ("entry", entry_id)
    for number in ("ขร 0023.20/ว 0313", "ว 4634", "มท 0810.2/1234"):
        payload = card_payload(number)
        assert payload is not None and len(payload) <= 64 and all(ch.isalnum() or ch in "_-" for ch in payload)
        target = parse_start(payload, ids)
        assert target is not None and (target.kind, target.value) == ("card", number)
    assert card_payload("ขร " * 30) is None  # too long for a start parameter: no link
    for stale in ("no-such-entry", "c_!!", "c_", "", "e_0000", "x" * 65):
        assert parse_start(stale, ids) is None


async def test_start_with_an_entry_or_a_card_key(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/start sister-city-province-only", chat_id=750, user_id=750)
    (entry,) = await api.wait_for("sendMessage", where=_to(750))
    assert entry.params["text"].startswith(NO)
    payload = card_payload("ขร 0023.20/ว 0313")
    api.send_text(f"/start {payload}", chat_id=751, user_id=751)
    (card,) = await api.wait_for("sendMessage", where=_to(751))
    assert card.params["text"].startswith("📜") and "ขร 0023.20/ว 0313" in card.params["text"]
    # An unknown payload (an old link) gets the welcome.
    api.send_text("/start no-such-entry", chat_id=752, user_id=752)
    (welcome,) = await api.wait_for("sendMessage", where=_to(752))
    assert "สวัสดี" in welcome.params["text"]
    # The deep-linked entry is context for a follow-up, as a question would be.
    api.send_text("แล้ว อบจ. ล่ะ", chat_id=750, user_id=750)
    follow = (await api.wait_for("sendMessage", 2, where=_to(750)))[1]
    assert follow.params["text"].startswith(NO)


# --- contact and feedback -----------------------------------------------------------------------------------


async def test_contact_command_and_button_send_a_contact_card(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/contact", chat_id=760, user_id=760)
    (card,) = await api.wait_for("sendContact", where=_to(760))
    assert card.params["phone_number"] == "+6653732273"
    assert card.params["first_name"] == "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย"
    api.send_text(QUESTION, chat_id=761, user_id=761)
    (answer,) = await api.wait_for("sendMessage", where=_answered(761))
    assert ("📞 ติดต่อ", "k:") in buttons(answer)
    api.press("k:", answer.result, user_id=761)
    (pressed,) = await api.wait_for("sendContact", where=_to(761))
    assert pressed.params["phone_number"] == "+6653732273"


async def test_contact_comes_from_the_settings(tmp_path: Path, fake_api: FakeBotApi) -> None:
    settings = settings_for(tmp_path, fake_api.base_url, CONTACT_OFFICE="สำนักงานทดสอบ", CONTACT_PHONE="081-234-5678")
    app = build_application(settings, with_fake_registry(build_services(settings)))
    await start_bot(app)
    try:
        fake_api.send_text("/contact", chat_id=762, user_id=762)
        (card,) = await fake_api.wait_for("sendContact", where=_to(762))
        assert (card.params["phone_number"], card.params["first_name"]) == ("+66812345678", "สำนักงานทดสอบ")
    finally:
        await stop_bot(app)


async def test_feedback_is_stored_and_listed_in_stats(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/feedback", chat_id=763, user_id=763)
    (usage,) = await api.wait_for("sendMessage", where=_to(763))
    assert "/feedback" in usage.params["text"]
    api.send_text("/feedback คำตอบเรื่องงบดูงาน\nยังไม่ครบ <ขาดกทม>", chat_id=763, user_id=763)
    thanks = (await api.wait_for("sendMessage", 2, where=_to(763)))[1]
    assert "ขอบคุณ" in thanks.params["text"]
    api.send_text("/stats", chat_id=ADMIN_ID, user_id=ADMIN_ID)
    (stats,) = await api.wait_for("sendMessage", where=_to(ADMIN_ID))
    text = stats.params["text"]
    assert "/feedback): 1" in text and "คำตอบเรื่องงบดูงาน ยังไม่ครบ &lt;ขาดกทม&gt;" in text


async def test_thumbs_down_offers_to_rephrase_or_call(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text(QUESTION, chat_id=764, user_id=764)
    (answer,) = await api.wait_for("sendMessage", where=_answered(764))
    down = next(d for label, d in buttons(answer) if label.startswith("👎"))
    api.press(down, answer.result, user_id=764)
    line = (await api.wait_for("sendMessage", 2, where=_to(764)))[1]
    assert "ลองพิมพ์คำถามใหม่" in line.params["text"] and "0-5373-2273" in line.params["text"]
    assert len(line.params["text"].splitlines()) == 1 and buttons(line) == [("📞 ติดต่อ", "k:")]
    up = next(d for label, d in buttons(answer) if label.startswith("👍"))
    api.press(up, answer.result, user_id=764)
    await api.wait_for("editMessageReplyMarkup", 2)
    assert len([c for c in await _quiet(api, 764) if c.method == "sendMessage"]) == 2  # no line after a 👍


# --- profile -------------------------------------------------------------------------------------------------


async def test_profile_descriptions_are_set_in_thai(running_bot: RunningBot) -> None:
    api = running_bot.api
    (description,) = await api.wait_for("setMyDescription")
    (short,) = await api.wait_for("setMyShortDescription")
    assert "อปท." in description.params["description"] and "0-5373-2273" in description.params["description"]
    assert len(description.params["description"]) <= 512
    assert short.params["short_description"] == SHORT_DESCRIPTION and len(SHORT_DESCRIPTION) <= 120


async def test_profile_failures_are_logged_not_fatal(
    tmp_path: Path, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(tmp_path, fake_api.base_url, ADMIN_USER_IDS="4242,line:Uabc,77")
    fake_api.fail_next("setMyDescription", 400, retry_after=None, description="Bad Request: description too long")
    fake_api.fail_next("setMyCommands", 400, retry_after=None, description="Bad Request: chat not found")
    app = build_application(settings, with_fake_registry(build_services(settings)))
    with caplog.at_level(logging.WARNING):
        await start_bot(app)
    try:
        assert "could not set the description" in caplog.text
        fake_api.send_text(QUESTION, chat_id=770, user_id=770)
        (call,) = await fake_api.wait_for("sendMessage", where=_to(770))
        assert call.params["text"].startswith(NO)
        scopes = [c.params["scope"] for c in fake_api.calls_of("setMyCommands")]
        # One menu for everyone, one per Telegram admin; the LINE admin has no Telegram chat.
        assert [scope.get("chat_id") for scope in scopes] == [None, 77, 4242]
    finally:
        await stop_bot(app)


def test_admin_chats_are_the_numeric_telegram_ids(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, ADMIN_USER_IDS="4242, telegram:99, line:U4af4980629")
    assert admin_chats(settings) == [99, 4242]


def test_keyboards_fit_three_rows_for_the_test_knowledge(running_bot: RunningBot) -> None:
    # (A quick check on the fixture's own knowledge; the shipped one is walked in test_telegram_first_screen.)
    from bot.channels.telegram.render import turn_replies

    services = running_bot.services
    for entry in services.kb.entries:
        turn = services.entry(entry.id)
        if turn is None:
            continue
        for reply in turn_replies(turn, services.settings.contact):
            assert reply.keyboard is None or len(reply.keyboard.inline_keyboard) <= 3


async def test_an_edit_waits_for_the_replies_to_its_message_to_be_sent() -> None:
    # Updates are handled concurrently: an edit arriving while the first replies are still being
    # sent must edit them, not send a second set.
    replies = SentReplies()
    seen: list[object] = []

    async def first() -> None:
        async with replies.delivering(1, 10):
            await asyncio.sleep(0.05)
            replies.put(1, 10, [100, 101])
            seen.append("sent")

    async def edit() -> None:
        await asyncio.sleep(0.01)
        async with replies.delivering(1, 10):
            seen.append(replies.get(1, 10))

    await asyncio.gather(first(), edit())
    assert seen == ["sent", [100, 101]]
