"""Turn conversation turns, letter cards and lists into Telegram HTML messages and inline keyboards.

An answer's first message is made for a phone: the verdict and one sentence, what to do instead,
short source labels, then the full explanation in an expandable blockquote; at most three rows of
buttons (a related question; sources, contact, share; feedback).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answers import Answer
from bot.brief import brief, clip, source_label
from bot.conversation import Turn
from bot.knowledge import Entry, KnowledgeBase, KnowledgeSource
from bot.lookups import LookupResult
from bot.plain import stats_sections
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

MAX_CALLBACK_BYTES = 64
MAX_BUTTON_TEXT = 40
MAX_RELATED = 3
# Rows of buttons under an answer: a phone shows three without scrolling the message away.
MAX_ROWS = 3
# Source labels on the first screen; the rest are counted ("+2") and listed behind the 📄 button.
MAX_SOURCE_LABELS = 4
# Telegram's limit on the query a share button puts in the message field.
MAX_INLINE_QUERY = 256

# Callback data is "<kind>:<payload>", short enough for Telegram's 64-byte limit and
# self-contained, so any bot process behind a load balancer can handle any button.
CB_ENTRY = "q"  # show an entry's answer: q:<entry id>
CB_DOCUMENT = "d"  # show a source document: d:<document id>
CB_SOURCES = "s"  # list an entry's sources with a button each: s:<entry id>
CB_CIRCULAR = "c"  # show a circular card in a new message: c:<number>
CB_WALK = "w"  # walk a card's reference chain, editing the card in place: w:<number>
CB_FEEDBACK = "f"  # feedback: f:<1|0>:<log ref>
CB_CONTACT = "k"  # send the contact office as a contact card: k:
CB_NOOP = "x"  # an already-pressed button

CONTACT_BUTTON = "📞 ติดต่อ"
SHARE_BUTTON = "📤 แชร์"
SOURCES_BUTTON = "📄 ที่มา"
INSTEAD_LABEL = "ทำได้แทน"


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


def _button(text: str, data: str | None) -> InlineKeyboardButton | None:
    return InlineKeyboardButton(clip(text, MAX_BUTTON_TEXT), callback_data=data) if data else None


def _entry_button(entry: Entry) -> InlineKeyboardButton | None:
    return _button(f"❓ {entry.title}", callback(CB_ENTRY, entry_token(entry.id)))


def contact_button() -> InlineKeyboardButton:
    """Return the button that sends the contact office as a contact card."""
    return InlineKeyboardButton(CONTACT_BUTTON, callback_data=f"{CB_CONTACT}:")


def share_query(entry: Entry) -> str:
    """Return what a share button types after @bot: the entry's title, which inline mode answers with it."""
    return entry.title if len(entry.title) <= MAX_INLINE_QUERY else entry.questions[0][:MAX_INLINE_QUERY]


def share_button(query: str) -> InlineKeyboardButton:
    """Return the button that lets a user pick a chat and send this answer there (inline mode)."""
    return InlineKeyboardButton(SHARE_BUTTON, switch_inline_query=query[:MAX_INLINE_QUERY])


def _keyboard(rows: Iterable[Iterable[InlineKeyboardButton | None]]) -> InlineKeyboardMarkup | None:
    kept = [[button for button in row if button is not None] for row in rows]
    kept = [row for row in kept if row]
    return InlineKeyboardMarkup(kept) if kept else None


def turn_replies(turn: Turn, contact: Contact) -> list[Reply]:
    """Render a whole turn: the answer (unless the letter cards are the answer), then one card per letter."""
    replies = [] if turn.kind == "cards" else [answer_reply(turn.answer, contact, turn.ref)]
    # After a restriction, what the question asked that is allowed: its own message, verdict first.
    replies += [answer_reply(part, contact) for part in turn.answer.also]
    replies += [card_reply(card) for card in turn.cards]
    if turn.notes:
        # The notes (registry away, a number it does not know) close the last message.
        last = replies[-1]
        replies[-1] = Reply(last.text + "\n\n" + "\n".join(escape(note) for note in turn.notes), last.keyboard)
    return replies


def sources_line(labels: Sequence[str]) -> str:
    """Return the short source labels as one line ("ว 0313 · มติ ครม. 10 ต.ค. 2561"), the rest counted."""
    shown = " · ".join(labels[:MAX_SOURCE_LABELS])
    more = len(labels) - MAX_SOURCE_LABELS
    return shown + (f" · +{more}" if more > 0 else "")


def answer_html(answer: Answer, contact: Contact) -> str:
    """Render an answer for a phone: verdict and one sentence, what to do instead, sources; the rest folded."""
    if answer.entry is None:
        return escape(answer.text)
    entry = answer.entry
    short = brief(answer, contact)
    label = f"<b>{escape(VERDICT_LABELS[entry.verdict])}</b>"
    lines = [f"{label} {escape(short.lead)}" if short.lead else label]
    if short.read_as:
        lines.append(f"<i>{escape(short.read_as)}</i>")
    if short.instead:
        lines.append(f"👉 <b>{INSTEAD_LABEL}:</b> {escape(short.instead)}")
    if short.sources:
        lines.append(f"📄 {escape(sources_line(short.sources))}")
    # The whole explanation, folded: Telegram shows its first lines and opens it on a tap.
    folded = [f"<b>{escape(entry.title)}</b>"]
    if short.rest:
        folded += ["", escape(short.rest)]
    if answer.sources:
        folded += ["", f"<b>{SOURCES_HEADING}</b>", *(f"• {escape(source.title)}" for source in answer.sources)]
    lines.append("<blockquote expandable>" + "\n".join(folded) + "</blockquote>")
    return "\n".join(lines)


def answer_reply(answer: Answer, contact: Contact, log_ref: str | None = None) -> Reply:
    """Render an answer with at most three rows of buttons: a related question; sources, contact, share; feedback."""
    rows: list[list[InlineKeyboardButton | None]] = []
    if answer.entry is None:
        text = answer_html(answer, contact)
        if answer.kind == "decline":
            # "Did you mean" and a way to ask a person.
            offered = answer.suggestions[: MAX_ROWS - 1]
            rows += [[_entry_button(entry)] for entry in offered]
            rows.append([contact_button()])
            if offered:
                text += f"\n\n{DID_YOU_MEAN}"
        else:
            # Small talk offers what can be asked (its related entries).
            rows += [[_entry_button(entry)] for entry in answer.related[:MAX_ROWS]]
        return Reply(text, _keyboard(rows))
    entry = answer.entry
    related = [other for other in answer.related if other.id != entry.id]
    if related:
        rows.append([_entry_button(related[0])])
    rows.append([
        _button(SOURCES_BUTTON, callback(CB_SOURCES, entry_token(entry.id))),
        contact_button(),
        share_button(share_query(entry)),
    ])
    if log_ref is not None:
        rows.append(
            [
                _button(FEEDBACK_YES, callback(CB_FEEDBACK, f"1:{log_ref}")),
                _button(FEEDBACK_NO, callback(CB_FEEDBACK, f"0:{log_ref}")),
            ]
        )
    return Reply(answer_html(answer, contact), _keyboard(rows))


def entry_sources_reply(answer: Answer) -> Reply:
    """List one answer's sources by their full titles, with a button for each document's card."""
    lines = [f"<b>{SOURCES_HEADING}</b>"]
    buttons: list[InlineKeyboardButton | None] = []
    for number, source in enumerate(answer.sources, start=1):
        lines.append(f"{number}. {escape(source.title)}")
        buttons.append(_button(f"📄 {source_label(source)}", callback(CB_DOCUMENT, source.id)))
    # Two short labels a row keeps even six sources within three rows.
    rows = [buttons[index:index + 2] for index in range(0, min(len(buttons), 2 * MAX_ROWS), 2)]
    return Reply("\n".join(lines), _keyboard(rows))


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
    walks: list[InlineKeyboardButton | None] = []
    if result.references:
        lines += ["", "<b>อ้างถึงและสิ่งที่ส่งมาด้วย</b>"]
        for link in result.references:
            target = link.document
            detail = ", ".join(part for part in (RELATION_LABELS.get(link.relation, link.relation),
                                                 thai_date(target.date) if target.date else None) if part)
            lines.append(f"• {escape(target.label)}" + (f" ({escape(detail)})" if detail else ""))
            if target.number:
                walks.append(_button(f"➡️ {target.number}", callback(CB_WALK, target.number)))
    if result.referenced_by:
        lines += ["", "<b>หนังสือที่อ้างถึงฉบับนี้</b>"]
        for link in result.referenced_by:
            lines.append(f"• {escape(link.document.label)}")
            if link.document.number:
                walks.append(_button(f"⬅️ {link.document.number}", callback(CB_WALK, link.document.number)))
    # Two letters a row, two rows at most, then sharing: three rows like an answer.
    kept = [button for button in walks if button is not None][: 2 * (MAX_ROWS - 1)]
    rows: list[list[InlineKeyboardButton | None]] = [list(kept[index:index + 2]) for index in range(0, len(kept), 2)]
    if doc.number:
        rows.append([share_button(doc.number)])
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
        rows.append([_button(f"📄 {source_label(document)}", callback(CB_DOCUMENT, document.id))])
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
    rows = [[_entry_button(entry)] for entry in kb.examples[:examples]]
    return Reply(text, _keyboard(rows))


def help_text(contact: Contact) -> str:
    """Return the /help text (HTML), naming the contact office."""
    return (
        "<b>วิธีใช้</b>\n"
        "• พิมพ์คำถามเป็นภาษาไทย เช่น “อบต. ทำ MOU กับเมืองในต่างประเทศได้ไหม”\n"
        "• /circular &lt;เลขที่&gt; ดูรายละเอียดหนังสือเวียน เช่น /circular ว 0313\n"
        "• /sources ดูรายการเอกสารที่คำตอบอ้างอิง\n"
        "• /contact ส่งเบอร์โทรของสำนักงานที่ให้คำปรึกษา\n"
        "• /feedback ตามด้วยข้อความ ส่งความเห็นหรือแจ้งคำตอบที่ไม่ถูกต้องถึงผู้ดูแล\n"
        "• /check ตรวจร่างความตกลงก่อนลงนาม: ส่งไฟล์ร่าง (.docx, PDF ที่มีข้อความ หรือ .txt) มาในแชตนี้ "
        "หรือพิมพ์ /check ตามด้วยข้อความร่าง ในกลุ่มให้ส่งไฟล์พร้อมคำบรรยาย /check\n"
        "• ในกลุ่ม ให้กล่าวถึงบอท (@) หรือตอบกลับข้อความของบอท\n"
        "• ในแชตใดก็ได้ พิมพ์ @ชื่อบอท ตามด้วยคำถาม เพื่อแทรกคำตอบ\n\n"
        f"คำตอบเป็นแนวทางเบื้องต้น หากไม่แน่ใจโปรดติดต่อ{escape(contact.line)}"
    )


def stats_html(stats: Stats, kb: KnowledgeBase) -> str:
    """Render /stats: the plain sections, headings in bold, everything escaped."""
    return "\n\n".join(
        "\n".join([f"<b>{escape(heading)}</b>", *(escape(line) for line in lines)])
        for heading, lines in stats_sections(stats, kb)
    )


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
