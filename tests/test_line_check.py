"""Draft checks over LINE: a file message is size-checked, fetched from the content API, checked and reported."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.checker import MAX_BYTES
from bot.texts import CHECK_RESULT_LABELS as RESULT_LABELS
from tests.checker_fixtures import draft_lines, make_docx, make_pdf
from tests.fake_line_api import texts
from tests.line_fixtures import RunningLine

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
W0313_TITLE = "หนังสืออำเภอแม่สาย ที่ ขร 0023.20/ว 0313"


@pytest.fixture
def line(running_line: RunningLine) -> RunningLine:
    """The LINE channel served against the fake Messaging API."""
    return running_line


async def _reply(line: RunningLine, event: dict[str, Any]) -> list[dict[str, Any]]:
    assert (await line.api.deliver(line.url, event)).status_code == 200
    (call,) = await line.api.wait_for("reply", where=lambda c: c.body.get("replyToken") == event["replyToken"])
    return call.messages


def _verdict(message: dict[str, Any]) -> str:
    return str(message["contents"]["header"]["contents"][0]["text"])


async def test_a_safe_docx_is_fetched_checked_and_reported_under_the_loading_animation(line: RunningLine) -> None:
    api = line.api
    event = api.file_event(make_docx(draft_lines("safe-tourism-th.txt")), "ร่าง MOU ท่องเที่ยว.docx", user_id="U701")
    (bubble,) = await _reply(line, event)
    assert _verdict(bubble) == RESULT_LABELS["ok"] and bubble["altText"].startswith(RESULT_LABELS["ok"])
    body = [item["text"] for item in bubble["contents"]["body"]["contents"]]
    assert body[0] == "ผลการตรวจร่างความตกลง: ร่าง MOU ท่องเที่ยว.docx" and "โปรด" in body[1]
    (content,) = api.calls_of("content")
    (loading,) = api.calls_of("loading")
    (reply,) = api.calls_of("reply")
    assert content.body["messageId"] == event["message"]["id"]
    # The animation is asked for as the work starts (alongside the download) and lands before the answer.
    assert loading.body == {"chatId": "U701", "loadingSeconds": 20} and max(loading.at, content.at) <= reply.at


async def test_an_unsafe_pdf_lists_each_finding_with_clause_excerpt_reason_and_source(line: RunningLine) -> None:
    api = line.api
    event = api.file_event(make_pdf([draft_lines("unsafe-disguised-th.txt")]), "draft.pdf", user_id="U702")
    bubble, findings = await _reply(line, event)
    assert _verdict(bubble) == RESULT_LABELS["not-allowed"]
    assert bubble["contents"]["header"]["backgroundColor"] == "#C62828"
    text = findings["text"]
    assert text.startswith("ประเด็นที่พบ (4)") and "\n\n1. ข้อ 1 — " in text and "\n\n4. ข้อ 4 — " in text
    assert '“ข้อ 1 ทั้งสองฝ่ายตกลงยกระดับความสัมพันธ์ให้เป็น "เมืองคู่มิตร"' in text
    assert "เหตุผล:" in text and f"อ้างอิง: {W0313_TITLE}" in text


async def test_an_oversized_file_is_refused_from_its_size_before_any_download(line: RunningLine) -> None:
    api = line.api
    event = api.file_event(b"small really", "huge.pdf", user_id="U703", file_size=MAX_BYTES + 1)
    (message,) = await _reply(line, event)
    assert "เกินขนาดที่ตรวจได้" in message["text"] and "10 MB" in message["text"]
    assert not api.calls_of("content")


async def test_unreadable_files_get_the_checker_s_thai_message(line: RunningLine) -> None:
    api = line.api
    (png,) = await _reply(line, api.file_event(PNG, "scan.png", user_id="U704"))
    (empty,) = await _reply(line, api.file_event(b"", "empty.txt", user_id="U705"))
    assert "ไฟล์ภาพ (PNG)" in png["text"] and "ไม่มีข้อความให้ตรวจ" in empty["text"]
    (photo,) = await _reply(line, api.image_event("U706"))
    assert "ภาพถ่าย" in photo["text"] and not api.calls_of("content")[2:]


async def test_content_that_cannot_be_fetched_asks_to_send_again(line: RunningLine) -> None:
    api = line.api
    event = api.file_event(b"x", "gone.txt", user_id="U707")
    api.contents.clear()  # LINE keeps contents for a limited time
    (message,) = await _reply(line, event)
    assert "ส่งไฟล์อีกครั้ง" in message["text"]


async def test_many_findings_fill_at_most_five_messages_and_say_how_many_more(line: RunningLine) -> None:
    api = line.api
    clauses = [f"ข้อ {n} ทั้งสองฝ่ายเป็นเมืองพี่เมืองน้องและจะขอให้รัฐบาลไทยผูกพันตามความตกลงนี้ " + "ก" * 400
               for n in range(1, 121)]
    messages = await _reply(line, api.file_event(make_pdf([clauses[:60], clauses[60:]]), "ยาว.pdf", user_id="U708"))
    assert len(messages) == 5 and all(len(m.get("text", "")) <= 5000 for m in messages)
    assert "และอีก" in messages[-1]["text"] and "ประเด็นที่แสดงในแชตไม่ได้" in messages[-1]["text"]


async def test_check_pasted_after_the_command_and_the_command_alone(line: RunningLine) -> None:
    api = line.api
    pasted = "/check\nข้อ 1 ความตกลงนี้ต้องได้รับสัตยาบัน\nข้อ 2 ทั้งสองฝ่ายจะแลกเปลี่ยนนักเรียน"
    bubble, findings = await _reply(line, api.text_event(pasted, user_id="U709"))
    assert _verdict(bubble) == RESULT_LABELS["review"] and "สัตยาบัน" in findings["text"]
    (prompt,) = await _reply(line, api.text_event("/check", user_id="U710"))
    assert "ส่งไฟล์ร่างความตกลง" in prompt["text"] and "10 MB" in prompt["text"]
    assert not api.calls_of("content")


async def test_a_check_that_outlasts_the_reply_token_is_pushed(line: RunningLine) -> None:
    api = line.api
    event = api.file_event(make_docx(["ข้อ 1 ทั้งสองเมืองเป็นเมืองพี่เมืองน้องกัน"]), "x.docx", user_id="U711")
    api.expire(event["replyToken"])
    await api.deliver(line.url, event)
    (push,) = await api.wait_for("push")
    assert push.body["to"] == "U711" and RESULT_LABELS["not-allowed"] in texts(push)
    await asyncio.sleep(0.1)
    assert len(api.calls_of("push")) == 1
