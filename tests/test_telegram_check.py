"""/check end to end: the real Application against the fake Bot API server, drafts as real files."""

from __future__ import annotations

import asyncio
import time
from html import unescape
from pathlib import Path

import pytest

from bot.application import build_services
from bot.channels.telegram.app import build_application, file_base_url
from bot.channels.telegram.check_render import MAX_SHOWN_FINDINGS
from bot.checker import MAX_BYTES
from bot.config import default_contact
from bot.texts import CHECK_RESULT_LABELS as RESULT_LABELS
from tests.checker_fixtures import draft_lines, make_docx, make_pdf
from tests.fake_bot_api import BOT_USER, Call, FakeBotApi
from tests.telegram_fixtures import RunningBot, settings_for, start_bot, stop_bot, with_fake_registry

W0313_TITLE = "หนังสืออำเภอแม่สาย ที่ ขร 0023.20/ว 0313"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _to(chat_id: int) -> object:
    return lambda call: call.params.get("chat_id") == chat_id


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def _replies(bot: RunningBot, chat_id: int, count: int = 1) -> list[str]:
    calls: list[Call] = await bot.api.wait_for("sendMessage", count, where=_to(chat_id))
    return [call.params["text"] for call in calls]


async def test_safe_docx_draft_is_ok(running_bot: RunningBot) -> None:
    api = running_bot.api
    data = make_docx(draft_lines("safe-tourism-th.txt"))
    api.send_document(data, "ร่าง MOU ท่องเที่ยว.docx", chat_id=701, user_id=701,
                      mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    (text,) = await _replies(running_bot, 701)
    # Verdict first, then the draft's name and the summary naming the office to consult.
    assert text.startswith(f"<b>{RESULT_LABELS['ok']}</b>\n")
    assert "ร่าง MOU ท่องเที่ยว.docx" in text and default_contact().line in unescape(text)
    assert "ประเด็นที่พบ" not in text
    # The file was fetched through getFile and the file URL derived from TELEGRAM_API_BASE_URL.
    (get_file,) = api.calls_of("getFile")
    (download,) = api.calls_of("download")
    assert download.params["path"].startswith("/file/bot")
    assert get_file.at <= download.at
    # "typing…" is shown while the draft is read and checked.
    (action,) = [c for c in api.calls_of("sendChatAction") if c.params["chat_id"] == 701]
    assert action.params["action"] == "typing"
    assert not api.calls_of("sendDocument")


async def test_unsafe_pdf_draft_with_caption_is_not_allowed_with_clause_and_excerpt(running_bot: RunningBot) -> None:
    api = running_bot.api
    data = make_pdf([draft_lines("unsafe-disguised-th.txt")])
    api.send_document(data, "draft.pdf", caption="/check", chat_id=702, user_id=702, mime_type="application/pdf")
    (text,) = await _replies(running_bot, 702)
    plain = unescape(text)
    assert text.startswith(f"<b>{RESULT_LABELS['not-allowed']}</b>")
    assert "<b>ประเด็นที่พบ (4)</b>" in text
    assert "<b>1. ข้อ 1</b>" in text and "<b>4. ข้อ 4</b>" in text
    assert '“ข้อ 1 ทั้งสองฝ่ายตกลงยกระดับความสัมพันธ์ให้เป็น "เมืองคู่มิตร"' in plain
    assert '&quot;เมืองคู่มิตร&quot;' in text  # the excerpt is escaped
    assert "เหตุผล:" in text and f"อ้างอิง: {W0313_TITLE}" in plain  # sources by title
    # The summary comes after the verdict and before the findings.
    assert plain.index("ไม่ควรลงนาม") < plain.index("ร่างความตกลงนี้มีถ้อยคำที่ขัด") < plain.index("ประเด็นที่พบ")


async def test_text_pasted_after_the_command(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_text("/check ข้อ 1 ความตกลงนี้ต้องได้รับสัตยาบัน\nข้อ 2 ทั้งสองฝ่ายจะแลกเปลี่ยนนักเรียน",
                  chat_id=703, user_id=703)
    (text,) = await _replies(running_bot, 703)
    assert text.startswith(f"<b>{RESULT_LABELS['review']}</b>")
    assert "<b>1. ข้อ 1</b>" in text and "สัตยาบัน" in text and "ข้อ 2" not in text.split("ประเด็นที่พบ")[1]
    assert not api.calls_of("getFile")


async def test_check_without_anything_explains_how_and_a_reply_with_a_file_is_checked_in_a_group(
    running_bot: RunningBot,
) -> None:
    api = running_bot.api
    api.send_text("/check", chat_id=704, user_id=704)
    (prompt,) = await _replies(running_bot, 704)
    assert "ส่งไฟล์ร่างความตกลง" in prompt and "10 MB" in prompt
    # In a group a bare document is not for the bot; one replying to the bot (its prompt) is.
    data = make_docx(draft_lines("unsafe-disguised-th.txt"))
    api.send_document(data, "a.docx", chat_id=-705, user_id=705, chat_type="supergroup")
    api.send_document(data, "b.docx", chat_id=-706, user_id=705, chat_type="supergroup", reply_to_bot=True)
    (text,) = await _replies(running_bot, -706)
    assert text.startswith(f"<b>{RESULT_LABELS['not-allowed']}</b>")
    await asyncio.sleep(0.3)
    assert not [c for c in api.calls_of("sendMessage") if c.params["chat_id"] == -705]
    assert len(api.calls_of("getFile")) == 1


async def test_group_caption_for_another_bot_is_ignored_and_for_this_bot_is_checked(running_bot: RunningBot) -> None:
    api = running_bot.api
    data = make_docx(["ข้อ 1 ทั้งสองเมืองเป็นเมืองพี่เมืองน้องกัน"])
    api.send_document(data, "x.docx", caption="/check@other_bot", chat_id=-707, user_id=707, chat_type="group")
    api.send_document(data, "y.docx", caption=f"/check@{BOT_USER['username']}", chat_id=-708, user_id=707,
                      chat_type="group")
    (text,) = await _replies(running_bot, -708)
    assert text.startswith(f"<b>{RESULT_LABELS['not-allowed']}</b>")
    await asyncio.sleep(0.3)
    assert not [c for c in api.calls_of("sendMessage") if c.params["chat_id"] == -707]


async def test_png_sent_as_a_document_is_refused_in_thai(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_document(PNG, "scan.png", chat_id=709, user_id=709, mime_type="image/png")
    (text,) = await _replies(running_bot, 709)
    assert "ไฟล์ภาพ (PNG)" in text and "ไม่ใช่ร่างความตกลง" in text and "Traceback" not in text
    assert not text.startswith("<b>")


async def test_oversized_file_is_refused_before_any_download(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_document(b"small really", "huge.pdf", chat_id=710, user_id=710, file_size=MAX_BYTES + 1,
                      mime_type="application/pdf")
    (text,) = await _replies(running_bot, 710)
    assert "เกินขนาดที่ตรวจได้" in text and "10 MB" in text
    assert not api.calls_of("getFile") and not api.calls_of("download")


async def test_empty_and_broken_files_get_the_thai_message(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_document(b"", "empty.txt", chat_id=711, user_id=711)
    api.send_document(b"PK\x03\x04 broken docx", "broken.docx", chat_id=712, user_id=712)
    (empty,) = await _replies(running_bot, 711)
    (broken,) = await _replies(running_bot, 712)
    assert "ไม่มีข้อความให้ตรวจ" in empty
    assert "เสียหาย" in broken and "broken.docx" in broken


def _whole_findings(text: str) -> list[int]:
    """Return the numbers of the findings in a result message, checking that each one is complete."""
    numbers = []
    for block in text.split("\n\n<b>")[1:]:
        head = block.split(".", 1)[0]
        if not head.isdigit():
            continue
        numbers.append(int(head))
        assert "ถ้อยคำ:" in block and ("อ้างอิง:" in block or "เช่นเดียวกับประเด็นที่" in block), block
    return numbers


async def test_many_findings_are_cut_between_findings_and_attached_in_full(running_bot: RunningBot) -> None:
    api = running_bot.api
    boilerplate = draft_lines("unsafe-treaty-boilerplate-en.txt")
    clauses = [f"ข้อ {n} ทั้งสองฝ่ายเป็นเมืองพี่เมืองน้องและจะขอให้รัฐบาลไทยผูกพันตามความตกลงนี้" for n in range(1, 26)]
    api.send_document(make_pdf([boilerplate, clauses]), "ร่างยาว.pdf", chat_id=713, user_id=713)
    (document,) = await api.wait_for("sendDocument", where=_to(713))
    texts = [c.params["text"] for c in api.calls_of("sendMessage") if c.params["chat_id"] == 713]
    # One message, cut only between findings; the rest is in the attachment.
    (text,) = texts
    assert _utf16(text) <= 4096 and text.startswith(f"<b>{RESULT_LABELS['not-allowed']}</b>")
    shown = _whole_findings(text)
    assert shown == list(range(1, len(shown) + 1)) and len(shown) <= MAX_SHOWN_FINDINGS
    total = int(text.split("<b>ประเด็นที่พบ (")[1].split(")")[0])
    assert total > MAX_SHOWN_FINDINGS
    assert text.endswith(f"<b>และอีก {total - len(shown)} ประเด็น</b> ผลการตรวจฉบับเต็มอยู่ในไฟล์แนบ")
    # The attachment holds every finding, as plain text, after the result message.
    upload = document.params["document"]
    assert upload["filename"] == "ผลการตรวจ-ร่างยาว.txt"
    full = upload["content"].decode("utf-8")
    assert f"\n{total}. " in full and full.startswith("ไฟล์: ร่างยาว.pdf\nผลการตรวจร่างความตกลง: ❌")
    assert document.at >= max(c.at for c in api.calls_of("sendMessage") if c.params["chat_id"] == 713)


@pytest.mark.parametrize("draft", ["unsafe-outside-powers-en.txt", "unsafe-treaty-th.txt"])
async def test_a_result_too_long_for_one_message_is_never_split_mid_finding(running_bot: RunningBot,
                                                                            draft: str) -> None:
    # A handful of findings whose reasons run past 4,096 characters (they used to be split mid-finding,
    # leaving a lone "อ้างอิง:" in a second message).
    api = running_bot.api
    chat = 730 if draft.endswith("en.txt") else 731
    api.send_document(make_docx(draft_lines(draft)), "ร่าง.docx", chat_id=chat, user_id=chat)
    (document,) = await api.wait_for("sendDocument", where=_to(chat))
    (text,) = [c.params["text"] for c in api.calls_of("sendMessage") if c.params["chat_id"] == chat]
    shown = _whole_findings(text)
    total = int(text.split("<b>ประเด็นที่พบ (")[1].split(")")[0])
    assert _utf16(text) <= 4096 and 0 < len(shown) < total <= MAX_SHOWN_FINDINGS
    assert f"และอีก {total - len(shown)} ประเด็น" in text
    assert f"\n{total}. " in document.params["document"]["content"].decode("utf-8")


async def test_a_short_result_has_no_attachment(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.send_document(make_docx(draft_lines("unsafe-disguised-th.txt")), "ร่าง.docx", chat_id=732, user_id=732)
    (text,) = await _replies(running_bot, 732)
    assert _whole_findings(text) == [1, 2, 3, 4] and "ไฟล์แนบ" not in text
    await asyncio.sleep(0.2)
    assert not [c for c in api.calls_of("sendDocument") if c.params["chat_id"] == 732]


async def test_a_signature_table_stays_out_of_the_last_clauses_excerpt(running_bot: RunningBot) -> None:
    api = running_bot.api
    lines = ["บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยว", "ข้อ 1 ทั้งสองฝ่ายจะส่งเสริมการท่องเที่ยวร่วมกัน",
             "ข้อ 2 บันทึกความเข้าใจนี้มีผลผูกพันตามกฎหมายระหว่างประเทศ"]
    table = [["ลงชื่อ ....................", "ลงชื่อ ...................."], ["(นายสมชาย ใจดี)", "(นายบุญมี ดีมาก)"],
             ["นายกเทศมนตรีตำบลเวียง", "เจ้าเมืองห้วยทราย"]]
    api.send_document(make_docx(lines, table=table), "ร่าง.docx", chat_id=733, user_id=733)
    (text,) = await _replies(running_bot, 733)
    plain = unescape(text)
    assert "“ข้อ 2 บันทึกความเข้าใจนี้มีผลผูกพันตามกฎหมายระหว่างประเทศ”" in plain
    assert "ลงชื่อ" not in plain and "สมชาย" not in plain


async def test_a_photo_in_private_gets_a_hint(running_bot: RunningBot) -> None:
    api = running_bot.api
    update = api.message_update("", chat_id=714, user_id=714, entities=[])
    del update["message"]["text"]
    update["message"]["photo"] = [{"file_id": "p1", "file_unique_id": "up1", "width": 1, "height": 1}]
    api.push(update)
    (text,) = await _replies(running_bot, 714)
    assert "ภาพถ่ายหรือภาพสแกน" in text


async def test_unexpected_error_goes_to_the_error_handler(
    running_bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def explode(*args: object) -> object:
        raise RuntimeError("checker exploded")

    monkeypatch.setattr(running_bot.services.checker, "check_async", explode)
    running_bot.api.send_text("/check ข้อ 1 ทดสอบ", chat_id=715, user_id=715)
    (text,) = await _replies(running_bot, 715)
    assert "เกิดข้อผิดพลาด" in text and "exploded" not in text


def test_file_url_follows_the_api_base_url() -> None:
    assert file_base_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_base_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/file/bot"
    assert file_base_url("http://proxy/telegram") == "http://proxy/telegram/file/bot"


async def test_check_replying_to_a_posted_file_or_text_checks_it(running_bot: RunningBot) -> None:
    api = running_bot.api
    file_id = api.add_file(make_docx(["ข้อ 1 ทั้งสองเมืองเป็นเมืองแฝดกัน"]), "posted.docx")
    update = api.message_update("/check", chat_id=-716, user_id=716, chat_type="supergroup")
    update["message"]["reply_to_message"] = {
        "message_id": 3, "date": 0, "chat": update["message"]["chat"], "from": update["message"]["from"],
        "document": {"file_id": file_id, "file_unique_id": "u", "file_name": "posted.docx", "file_size": 4000},
    }
    api.push(update)
    (text,) = await _replies(running_bot, -716)
    assert text.startswith(f"<b>{RESULT_LABELS['not-allowed']}</b>") and "posted.docx" in text
    update = api.message_update("/check", chat_id=717, user_id=717)
    update["message"]["reply_to_message"] = {
        "message_id": 4, "date": 0, "chat": update["message"]["chat"], "from": update["message"]["from"],
        "text": "Article 1\nThis Agreement is subject to ratification.",
    }
    api.push(update)
    (text,) = await _replies(running_bot, 717)
    assert text.startswith(f"<b>{RESULT_LABELS['review']}</b>") and "Article 1" in text


async def test_help_lists_check(running_bot: RunningBot) -> None:
    running_bot.api.send_text("/help", chat_id=718, user_id=718)
    (text,) = await _replies(running_bot, 718)
    assert "/check" in text and ".docx" in text


async def test_shutdown_with_a_check_running_takes_seconds(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    from tests.test_checker_worker import SLOW, SlowWorker

    settings = settings_for(tmp_path, fake_api.base_url)
    services = with_fake_registry(build_services(settings))
    services.checker = SlowWorker(timeout=120)
    app = build_application(settings, services)
    await start_bot(app)
    stopped = False
    try:
        fake_api.send_text(f"/check {SLOW}ข้อ 1 ความร่วมมือด้านการท่องเที่ยว", chat_id=790, user_id=790)
        await fake_api.wait_for("sendChatAction", where=lambda call: call.params.get("chat_id") == 790)
        await asyncio.sleep(0.5)  # the check is now running (it would take a minute)
        started = time.monotonic()
        await stop_bot(app)
        stopped = True
        assert time.monotonic() - started < 10
        assert services.checker.pid is None
    finally:
        if not stopped:
            await stop_bot(app)
