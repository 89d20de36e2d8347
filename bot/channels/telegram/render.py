"""Turn conversation turns, letter cards and lists into Telegram HTML messages and inline keyboards."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answers import Answer
from bot.conversation import Turn
from bot.knowledge import Entry, KnowledgeBase, KnowledgeSource
from bot.lookups import LookupResult
from bot.querylog import Stats, UnansweredGroup
from bot.texts import (
    DID_YOU_MEAN,
    FEEDBACK_NO,
    FEEDBACK_YES,
    RELATION_LABELS,
    SOURCES_HEADING,
    VERDICT_LABELS,
    Contact,
    provenance_line,
    review_warning,
)
from bot.thai import thai_date

MAX_MESSAGE = 4096
MAX_CALLBACK_BYTES = 64
MAX_BUTTON_TEXT = 40
MAX_RELATED = 3

# Callback data is "<kind>:<payload>", short enough for Telegram's 64-byte limit and
# self-contained, so any bot process behind a load balancer can handle any button.
CB_ENTRY = "q"  # show an entry's answer: q:<entry id>
CB_DOCUMENT = "d"  # show a source document: d:<document id>
CB_CIRCULAR = "c"  # show a circular card in a new message: c:<number>
CB_WALK = "w"  # walk a card's reference chain, editing the card in place: w:<number>
CB_FEEDBACK = "f"  # feedback: f:<1|0>:<log ref>
CB_NOOP = "x"  # an already-pressed button


@dataclass(frozen=True)
class Reply:
    """One reply: HTML text and an optional inline keyboard."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


def callback(kind: str, payload: str) -> str | None:
    """Return callback data `kind:payload`, or None when it would exceed 64 bytes."""
    data = f"{kind}:{payload}"
    return data if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES else None


def entry_token(entry_id: str) -> str:
    """Return the shortest callback payload naming an entry (its id, or a hash of a long id)."""
    if callback(CB_ENTRY, entry_id) is not None:
        return entry_id
    return "#" + hashlib.sha1(entry_id.encode("utf-8")).hexdigest()[:12]


def resolve_entry_token(kb: KnowledgeBase, token: str) -> str | None:
    """Return the entry id a callback payload names, or None if no entry has it (stale button)."""
    if token in kb.by_id:
        return token
    if token.startswith("#"):
        for entry_id in kb.by_id:
            if entry_token(entry_id) == token:
                return entry_id
    return None


def _short(text: str, limit: int = MAX_BUTTON_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _button(text: str, data: str | None) -> InlineKeyboardButton | None:
    return InlineKeyboardButton(_short(text), callback_data=data) if data else None


def _entry_button(entry: Entry) -> InlineKeyboardButton | None:
    return _button(f"❓ {entry.title}", callback(CB_ENTRY, entry_token(entry.id)))


def _keyboard(rows: Iterable[Iterable[InlineKeyboardButton | None]]) -> InlineKeyboardMarkup | None:
    kept = [[button for button in row if button is not None] for row in rows]
    kept = [row for row in kept if row]
    return InlineKeyboardMarkup(kept) if kept else None


def turn_replies(turn: Turn) -> list[Reply]:
    """Render a whole turn: the answer (unless the letter cards are the answer), then one card per letter."""
    replies = [] if turn.kind == "cards" else [answer_reply(turn.answer, turn.ref)]
    # After a restriction, what the question asked that is allowed: its own message, verdict first.
    replies += [answer_reply(part) for part in turn.answer.also]
    replies += [card_reply(card) for card in turn.cards]
    if turn.notes:
        # The notes (registry away, a number it does not know) close the last message.
        last = replies[-1]
        replies[-1] = Reply(last.text + "\n\n" + "\n".join(escape(note) for note in turn.notes), last.keyboard)
    return replies


def answer_html(answer: Answer) -> str:
    """Render an answer: verdict first, then the explanation, then the sources."""
    if answer.entry is None:
        return escape(answer.text)
    lines = [f"<b>{escape(VERDICT_LABELS[answer.entry.verdict])}</b>", f"<b>{escape(answer.entry.title)}</b>", ""]
    lines.append(escape(answer.text))
    if answer.sources:
        lines += ["", f"<b>{SOURCES_HEADING}</b>"]
        lines += [f"• {escape(source.title)}" for source in answer.sources]
    return "\n".join(lines)


def answer_reply(answer: Answer, log_ref: str | None = None) -> Reply:
    """Render an answer with buttons for its sources, related questions and feedback."""
    rows: list[list[InlineKeyboardButton | None]] = []
    if answer.entry is None:
        # A decline offers "did you mean"; small talk offers what can be asked (its related entries).
        offered = answer.suggestions or answer.related
        rows += [[_entry_button(entry)] for entry in offered[:MAX_RELATED]]
        text = answer_html(answer)
        if offered and answer.kind == "decline":
            text += f"\n\n{DID_YOU_MEAN}"
        return Reply(text, _keyboard(rows))
    for source in answer.sources:
        rows.append([_button(f"📄 {document_label(source)}", callback(CB_DOCUMENT, source.id))])
    related = [entry for entry in answer.related if entry.id != answer.entry.id][:MAX_RELATED]
    rows += [[_entry_button(entry)] for entry in related]
    if log_ref is not None:
        rows.append(
            [
                _button(FEEDBACK_YES, callback(CB_FEEDBACK, f"1:{log_ref}")),
                _button(FEEDBACK_NO, callback(CB_FEEDBACK, f"0:{log_ref}")),
            ]
        )
    return Reply(answer_html(answer), _keyboard(rows))


def document_label(document: KnowledgeSource) -> str:
    """Return a short name for a document: its number when it has one, else its title."""
    return document.number or document.title


def document_reply(document: KnowledgeSource, with_card: bool = False) -> Reply:
    """Render a source document's card."""
    lines = [f"📄 <b>{escape(document.title)}</b>"]
    for label, value in (
        ("เลขที่", document.number),
        ("ลงวันที่", thai_date(document.date) if document.date else None),
        ("ผู้ออก", document.issuer),
        ("หมายเหตุ", document.note),
    ):
        if value:
            lines.append(f"{label}: {escape(value)}")
    if document.url:
        lines.append(f'<a href="{escape(document.url, quote=True)}">เปิดเอกสาร</a>')
    rows = []
    if document.number and with_card:
        rows.append([_button("🔎 ดูบัตรหนังสือเวียน", callback(CB_CIRCULAR, document.number))])
    return Reply("\n".join(lines), _keyboard(rows))


def card_reply(result: LookupResult) -> Reply:
    """Render a circular lookup as a card, with buttons that walk its references; or the candidates."""
    if not result.found or result.document is None:
        if result.status == "ambiguous":
            text = f"มีหนังสือหลายฉบับที่ตรงกับ <b>{escape(result.query)}</b> โปรดเลือกหรือระบุเลขที่เต็ม"
        else:
            text = f"ไม่พบหนังสือเลขที่ <b>{escape(result.query)}</b> ในทะเบียน"
            if result.candidates:
                text += "\nเลขที่ใกล้เคียงที่มีในทะเบียน (ไม่ใช่เลขที่ที่ถาม)"
        buttons = [[_button(f"🔎 {number}", callback(CB_WALK, number))] for number in result.candidates[:5]]
        return Reply(text, _keyboard(buttons))
    doc = result.document
    lines = [f"📜 <b>หนังสือที่ {escape(doc.number or doc.label)}</b>"]
    origin = doc.provenance
    if origin.needs_review:
        lines.append(f"<b>{escape(review_warning(origin.method))}</b>")
    for label, value in (("ลงวันที่", thai_date(doc.date) if doc.date else None), ("จาก", doc.issuer),
                         ("เรื่อง", doc.subject or (doc.title if doc.number else None))):
        if value:
            lines.append(f"{label}: {escape(value)}")
    rows: list[list[InlineKeyboardButton | None]] = []
    if result.references:
        lines += ["", "<b>อ้างถึงและสิ่งที่ส่งมาด้วย</b>"]
        for link in result.references:
            target = link.document
            detail = ", ".join(part for part in (RELATION_LABELS.get(link.relation, link.relation),
                                                 thai_date(target.date) if target.date else None) if part)
            lines.append(f"• {escape(target.label)}" + (f" ({escape(detail)})" if detail else ""))
            if target.number:
                rows.append([_button(f"➡️ {target.number}", callback(CB_WALK, target.number))])
    if result.referenced_by:
        lines += ["", "<b>หนังสือที่อ้างถึงฉบับนี้</b>"]
        for link in result.referenced_by:
            lines.append(f"• {escape(link.document.label)}")
            if link.document.number:
                rows.append([_button(f"⬅️ {link.document.number}", callback(CB_WALK, link.document.number))])
    if doc.is_stub:
        lines += ["", "<i>ทะเบียนรู้จักหนังสือฉบับนี้จากการอ้างถึงเท่านั้น ยังไม่มีข้อความฉบับเต็ม</i>"]
    source = provenance_line(origin.method, origin.source, origin.confidence, origin.source_url)
    if source:
        lines.append(f"<i>{escape(source)}</i>")
    return Reply("\n".join(lines), _keyboard(rows))


def sources_reply(kb: KnowledgeBase) -> Reply:
    """List the documents the bot's answers rest on."""
    lines = ["<b>เอกสารที่คำตอบของบอทอ้างอิง</b>", ""]
    rows = []
    for number, document in enumerate(kb.documents.values(), start=1):
        lines.append(f"{number}. {escape(document.title)}")
        rows.append([_button(f"📄 {document_label(document)}", callback(CB_DOCUMENT, document.id))])
    return Reply("\n".join(lines), _keyboard(rows[:20]))


def welcome_reply(kb: KnowledgeBase, examples: int = 3) -> Reply:
    """Render /start: what the bot answers, with example questions as buttons."""
    text = (
        "สวัสดีครับ บอทนี้ตอบคำถามของเจ้าหน้าที่องค์กรปกครองส่วนท้องถิ่น (อปท.) "
        "เรื่องแนวทางความร่วมมือระหว่างประเทศและเมืองพี่เมืองน้อง "
        "โดยบอกคำตอบก่อน แล้วตามด้วยเอกสารที่มา\n\n"
        "พิมพ์คำถามเป็นภาษาไทยได้เลย หรือพิมพ์เลขที่หนังสือเพื่อดูรายละเอียดหนังสือ\n"
        "ตัวอย่างคำถาม:"
    )
    policy = [entry for entry in kb.entries if not entry.is_smalltalk][:examples]
    rows = [[_entry_button(entry)] for entry in policy]
    return Reply(text, _keyboard(rows))


def help_text(contact: Contact) -> str:
    """Return the /help text (HTML), naming the contact office."""
    return (
        "<b>วิธีใช้</b>\n"
        "• พิมพ์คำถามเป็นภาษาไทย เช่น “อบต. ทำ MOU กับเมืองในต่างประเทศได้ไหม”\n"
        "• /circular &lt;เลขที่&gt; ดูรายละเอียดหนังสือเวียน เช่น /circular ว 0313\n"
        "• /sources ดูรายการเอกสารที่คำตอบอ้างอิง\n"
        "• /check ตรวจร่างความตกลงก่อนลงนาม: ส่งไฟล์ร่าง (.docx, PDF ที่มีข้อความ หรือ .txt) มาในแชตนี้ "
        "หรือพิมพ์ /check ตามด้วยข้อความร่าง ในกลุ่มให้ส่งไฟล์พร้อมคำบรรยาย /check\n"
        "• ในกลุ่ม ให้กล่าวถึงบอท (@) หรือตอบกลับข้อความของบอท\n"
        "• ในแชตใดก็ได้ พิมพ์ @ชื่อบอท ตามด้วยคำถาม เพื่อแทรกคำตอบ\n\n"
        f"คำตอบเป็นแนวทางเบื้องต้น หากไม่แน่ใจโปรดติดต่อ{escape(contact.line)}"
    )


def stats_html(stats: Stats, kb: KnowledgeBase) -> str:
    """Render /stats."""
    lines = [
        f"<b>สถิติ {stats.days} วันล่าสุด</b>",
        f"คำถามทั้งหมด: {stats.questions}",
        f"ตอบได้: {stats.answered} ({stats.answer_rate:.0%})",
        f"ความคิดเห็น: 👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
    ]
    if stats.by_channel:
        lines.append("ช่องทาง: " + " · ".join(f"{escape(channel)} {count}" for channel, count in stats.by_channel))
    if stats.median_latency_ms is not None:
        lines.append(f"เวลาตอบ (มัธยฐาน): {stats.median_latency_ms:.0f} ms")
    if stats.top_entries:
        lines += ["", "<b>หัวข้อที่ถามบ่อย</b>"]
        for entry_id, count in stats.top_entries:
            title = kb.by_id[entry_id].title if entry_id in kb.by_id else entry_id
            lines.append(f"• {escape(title)} ({count})")
    return "\n".join(lines)


def unanswered_html(groups: Sequence[UnansweredGroup], kb: KnowledgeBase) -> str:
    """Render /unanswered: declined questions grouped, with the nearest entry for each."""
    if not groups:
        return "ยังไม่มีคำถามที่ตอบไม่ได้"
    lines = ["<b>คำถามที่ตอบไม่ได้บ่อยที่สุด</b>"]
    for number, group in enumerate(groups, start=1):
        lines += ["", f"{number}. <b>{escape(group.example)}</b> ({group.count} ครั้ง)"]
        for variant in group.variants[1:4]:
            lines.append(f"   ◦ {escape(variant)}")
        if group.nearest:
            title = kb.by_id[group.nearest].title if group.nearest in kb.by_id else group.nearest
            lines.append(f"   ใกล้เคียงที่สุด: {escape(title)} <code>{escape(group.nearest)}</code>")
        else:
            lines.append("   ใกล้เคียงที่สุด: ไม่มีหัวข้อใกล้เคียง (อาจต้องเพิ่มหัวข้อใหม่)")
    return "\n".join(lines)


_TAG = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>")


def _utf16_len(text: str) -> int:
    # Telegram counts message length in UTF-16 code units.
    return len(text.encode("utf-16-le")) // 2


def _open_tags_after(text: str, stack: list[str]) -> list[str]:
    """Return the tags still open after `text`, given those open before it."""
    stack = list(stack)
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name)]
        else:
            stack.append(name)
    return stack


def _open_tag_text(text: str, names: list[str]) -> str:
    """Return the opening tags (with attributes) for the still-open `names` found in `text`."""
    found: list[str] = []
    for name in names:
        for match in reversed(list(_TAG.finditer(text))):
            if not match.group(1) and match.group(2).lower() == name:
                found.append(match.group(0))
                break
        else:
            found.append(f"<{name}>")
    return "".join(found)


def _cut_points(line: str) -> list[int]:
    """Return positions in `line` where a cut lands outside tags and entities, at spaces if possible."""
    points: list[int] = []
    inside = False
    for index, char in enumerate(line):
        if char in "<&":
            inside = True
        if not inside:
            points.append(index)
        if char in ">;":
            inside = False
    return points


def _split_long_line(line: str, limit: int) -> list[str]:
    """Split one over-long line outside tags and entities, closing and reopening open tags."""
    pieces: list[str] = []
    stack: list[str] = []
    prefix = ""
    rest = line
    while _utf16_len(prefix + rest) > limit:
        room = limit - _utf16_len(prefix) - 32  # keep room for closing tags
        points = [p for p in _cut_points(rest) if p > 0 and _utf16_len(rest[:p]) <= room]
        if not points:
            break
        spaces = [p for p in points if rest[p] == " "]
        cut = spaces[-1] if spaces and spaces[-1] > room // 2 else points[-1]
        head = rest[:cut]
        open_after = _open_tags_after(head, stack)
        pieces.append(prefix + head + "".join(f"</{name}>" for name in reversed(open_after)))
        prefix = _open_tag_text(prefix + head, open_after)
        stack = open_after
        rest = rest[cut:].lstrip(" ")
    pieces.append(prefix + rest)
    return pieces


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split HTML into messages of at most `limit` UTF-16 units, on line boundaries, never inside a tag."""
    if _utf16_len(text) <= limit:
        return [text]
    budget = limit - 64  # room to close and reopen tags that span a cut
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    stack: list[str] = []  # tags open at the start of `current`
    opening = ""  # their opening text, repeated at the start of the next chunk

    def flush() -> None:
        nonlocal current, size, stack, opening
        body = "\n".join(current)
        open_after = _open_tags_after(body, stack)
        chunks.append(opening + body + "".join(f"</{name}>" for name in reversed(open_after)))
        opening = _open_tag_text(opening + body, open_after)
        stack, current, size = open_after, [], _utf16_len(opening)

    for line in text.split("\n"):
        parts = _split_long_line(line, budget) if _utf16_len(line) > budget else [line]
        for part in parts:
            extra = _utf16_len(part) + (1 if current else 0)
            if current and size + extra > budget:
                flush()
                extra = _utf16_len(part)
            current.append(part)
            size += extra
    if current:
        flush()
    return [chunk for chunk in chunks if chunk.strip()]
