"""Render a draft-check result (bot.checker) for LINE: a verdict bubble, then the findings as text messages.

LINE bots cannot send files, so the findings that do not fit in the reply's five messages are
counted, not attached (Telegram attaches the full result as a .txt file).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linebot.v3.messaging import FlexBox, FlexBubble, FlexMessage, FlexText, TextMessage

from bot.channels.line.render import MAX_ALT_TEXT, MAX_MESSAGES, MAX_TEXT, shorten
from bot.checker import MAX_BYTES, CheckResult
from bot.checker.report import ShownFinding, shown_findings
from bot.knowledge import KnowledgeBase
from bot.texts import CHECK_RESULT_LABELS, SEVERITY_LABELS

_LIMIT_MB = MAX_BYTES // (1024 * 1024)
CHECK_PROMPT = (
    f"ส่งไฟล์ร่างความตกลง (.docx, PDF ที่มีข้อความ หรือ .txt ขนาดไม่เกิน {_LIMIT_MB} MB) มาในแชตส่วนตัวกับบอทได้เลย "
    "หรือพิมพ์ /check ตามด้วยข้อความร่าง ระบบจะตรวจทีละข้อว่ามีถ้อยคำที่ขัดกับแนวทางหรือไม่"
)
MEDIA_TEXT = (
    "ระบบตรวจร่างความตกลงอ่านได้เฉพาะไฟล์ .docx, PDF ที่มีข้อความ หรือ .txt "
    "ยังอ่านภาพถ่าย วิดีโอ หรือเสียงไม่ได้ โปรดส่งร่างเป็นไฟล์เอกสาร"
)
FETCH_FAILED_TEXT = "ขออภัย ดาวน์โหลดไฟล์จาก LINE ไม่สำเร็จ กรุณาส่งไฟล์อีกครั้ง"
CHECK_COLOURS = {"ok": "#1E7E34", "review": "#A35200", "not-allowed": "#C62828"}
# Room kept in the last message for the line that counts the findings not shown.
_TAIL = 200


def source_titles(kb: KnowledgeBase) -> dict[str, str]:
    """Return document titles by id, for naming a finding's sources."""
    return {document.id: document.title for document in kb.documents.values()}


def check_messages(result: CheckResult, titles: Mapping[str, str], name: str | None = None) -> list[Any]:
    """Return the verdict bubble (file name, summary) and as many findings as fit in the remaining messages."""
    label = CHECK_RESULT_LABELS[result.result]
    heading = f"ผลการตรวจร่างความตกลง: {name}" if name else "ผลการตรวจร่างความตกลง"
    body = FlexBox(layout="vertical", spacing="sm", contents=[
        FlexText(text=heading, wrap=True, weight="bold", size="sm"),
        FlexText(text=result.summary, wrap=True, size="sm", margin="md"),
    ])
    header = FlexBox(layout="vertical", background_color=CHECK_COLOURS[result.result], padding_all="12px",
                     contents=[FlexText(text=label, wrap=True, weight="bold", size="md", color="#FFFFFF")])
    bubble = FlexMessage(alt_text=shorten(f"{label} {name or ''}", MAX_ALT_TEXT),
                         contents=FlexBubble(header=header, body=body))
    return [bubble, *(TextMessage(text=text) for text in findings_texts(result, titles, MAX_MESSAGES - 1))]


def _finding_block(item: ShownFinding) -> str:
    finding = item.finding
    severity = SEVERITY_LABELS.get(finding.severity, finding.severity)
    lines = [f"{item.number}. {finding.clause} — {finding.title} [{severity}]", f"ถ้อยคำ: “{finding.excerpt}”"]
    if item.repeats is not None:
        lines.append(f"เหตุผลและแหล่งอ้างอิง: เช่นเดียวกับประเด็นที่ {item.repeats}")
    else:
        lines += [f"เหตุผล: {finding.reason}", f"อ้างอิง: {item.sources}"]
    return "\n".join(lines)


def findings_texts(result: CheckResult, titles: Mapping[str, str], max_messages: int) -> list[str]:
    """Return the findings packed into at most `max_messages` texts; the last says how many did not fit."""
    if not result.findings:
        return []
    texts = [f"ประเด็นที่พบ ({len(result.findings)})"]
    shown = 0
    for item in shown_findings(result, titles, None):
        block = shorten_block(_finding_block(item))
        last = len(texts) == max_messages
        room = MAX_TEXT - (_TAIL if last else 0)
        if len(texts[-1]) + 2 + len(block) <= room:
            texts[-1] += "\n\n" + block
        elif not last:
            texts.append(block)
        else:
            break
        shown += 1
    hidden = len(result.findings) - shown
    if hidden:
        texts[-1] += f"\n\nและอีก {hidden} ประเด็นที่แสดงในแชตไม่ได้ โปรดแก้ไขประเด็นข้างต้นแล้วส่งร่างมาตรวจอีกครั้ง"
    return texts


def shorten_block(block: str) -> str:
    """Return one finding's text, cut if a quoted clause alone would overflow a message."""
    return block if len(block) <= MAX_TEXT - _TAIL else block[: MAX_TEXT - _TAIL - 1] + "…"
