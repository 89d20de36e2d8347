"""Turn conversation turns and letter cards into LINE messages: Flex bubbles, texts, quick replies, postbacks.

An answer is a Flex bubble whose header carries the verdict label on the verdict's colour, the
short answer in the body and its sources in small text; its `altText` (what notifications and
chat lists show) is the verdict and the first sentence. Related questions and suggestions are
quick-reply postbacks on the last message; 👍/👎 are postback buttons under the answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from linebot.v3.messaging import (
    FlexBox,
    FlexBubble,
    FlexButton,
    FlexMessage,
    FlexSeparator,
    FlexText,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
    URIAction,
)

from bot.answers import Answer
from bot.checker import MAX_BYTES
from bot.conversation import Turn
from bot.knowledge import Entry, KnowledgeBase
from bot.lookups import LookupResult
from bot.texts import (
    DECLINE_TITLE,
    DID_YOU_MEAN,
    FEEDBACK_NO,
    FEEDBACK_YES,
    RELATION_LABELS,
    SOURCES_HEADING,
    VERDICT_LABELS,
    Contact,
)
from bot.thai import thai_date

# The SDK's models are untyped (no py.typed): one alias says what is a LINE message object.
Message = Any

# The Messaging API's limits.
MAX_MESSAGES = 5  # message objects in one reply or push
MAX_TEXT = 5000  # characters of a text message
MAX_ALT_TEXT = 1500  # characters of a Flex message's altText
MAX_LABEL = 20  # characters of an action's label
MAX_POSTBACK = 300  # characters of postback data and of its displayText
MAX_QUICK_REPLIES = 13
# What this bot shows of them.
ALT_SENTENCE = 400
MAX_OFFERED = 4  # related questions or suggestions offered as quick replies
MAX_CARD_BUTTONS = 4

# Postback data is "<kind>:<payload>" and self-contained, so any process can handle any press.
PB_ENTRY = "q"  # show an entry's answer: q:<entry id>
PB_CIRCULAR = "c"  # show a circular's card: c:<number>
PB_FEEDBACK = "f"  # feedback on a logged answer: f:<1|0>:<log ref>

VERDICT_COLOURS = {"yes": "#1E7E34", "no": "#C62828", "conditional": "#A35200", "info": "#1565C0"}
DECLINE_COLOUR = "#5F6368"
CARD_COLOUR = "#37474F"
MUTED = "#666666"
_WHITE = "#FFFFFF"

HELP_TEXT = (
    "วิธีใช้\n"
    "• พิมพ์คำถามเป็นภาษาไทย เช่น “อบต. ทำ MOU กับเมืองในต่างประเทศได้ไหม”\n"
    "• พิมพ์เลขที่หนังสือ เช่น ว 0313 เพื่อดูรายละเอียดหนังสือเวียนและหนังสือที่อ้างถึง\n"
    f"• ตรวจร่างความตกลงก่อนลงนาม: ส่งไฟล์ร่าง (.docx, PDF ที่มีข้อความ หรือ .txt ไม่เกิน {MAX_BYTES // 2**20} MB) "
    "มาในแชตส่วนตัวกับบอท\n"
    "• ในกลุ่ม ให้แท็ก (@) บอทในข้อความ หรือตอบกลับ (reply) ข้อความของบอท\n\n"
)
WELCOME_TEXT = (
    "สวัสดีครับ บอทนี้ตอบคำถามของเจ้าหน้าที่องค์กรปกครองส่วนท้องถิ่น (อปท.) "
    "เรื่องแนวทางความร่วมมือระหว่างประเทศและเมืองพี่เมืองน้อง โดยบอกคำตอบก่อน แล้วตามด้วยเอกสารที่มา\n\n"
    "พิมพ์คำถามเป็นภาษาไทยได้เลย หรือแตะตัวอย่างคำถามด้านล่าง"
)
GROUP_WELCOME_TEXT = (
    "สวัสดีครับ บอทนี้ตอบคำถามเรื่องแนวทางความร่วมมือระหว่างประเทศของ อปท. และเมืองพี่เมืองน้อง "
    "ในกลุ่มนี้ให้แท็ก (@) บอทตามด้วยคำถาม หรือตอบกลับ (reply) ข้อความของบอท"
)


def help_text(contact: Contact) -> str:
    """Return the usage help, naming the contact office."""
    return HELP_TEXT + f"คำตอบเป็นแนวทางเบื้องต้น หากไม่แน่ใจโปรดติดต่อ{contact.line}"


def postback(kind: str, payload: str) -> str | None:
    """Return postback data `kind:payload`, or None when it would exceed LINE's 300 characters."""
    data = f"{kind}:{payload}"
    return data if len(data) <= MAX_POSTBACK else None


def _utf16_len(text: str) -> int:
    # LINE counts characters in UTF-16 code units (an emoji is two).
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """Return `text` on one line, cut to `limit` characters (UTF-16) with an ellipsis."""
    text = " ".join(text.split())
    if _utf16_len(text) <= limit:
        return text
    while text and _utf16_len(text) > limit - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def first_sentence(text: str, limit: int = ALT_SENTENCE) -> str:
    """Return the first paragraph of an answer (the knowledge base's verdict sentence), at most `limit` long."""
    paragraph = next((line for line in text.splitlines() if line.strip()), "")
    paragraph = " ".join(paragraph.split())
    if len(paragraph) <= limit:
        return paragraph
    # Thai marks the end of a phrase with a space: cut at the last one that keeps most of the text.
    cut = paragraph.rfind(" ", 0, limit - 1)
    return paragraph[: cut if cut > limit // 2 else limit - 1].rstrip() + "…"


def alt_text(answer: Answer) -> str:
    """Return the text notifications show: the verdict and the answer's first sentence."""
    text = answer.text
    if answer.read_as:
        # The first line says how a message typed on the English keyboard layout was read.
        text = text.split("\n", 1)[-1]
    sentence = first_sentence(text)
    if answer.entry is None:
        return shorten(sentence, MAX_ALT_TEXT)
    label = VERDICT_LABELS[answer.entry.verdict]
    mark, _, words = label.partition(" ")
    # Most answers open with the verdict's own words ("ทำไม่ได้ ..."): say them once.
    text = f"{mark} {sentence}" if sentence.startswith(words) else f"{label}: {sentence}"
    return shorten(text, MAX_ALT_TEXT)


def _text(text: str, **style: Any) -> Any:
    return FlexText(text=text, wrap=True, **style)


def _header(title: str, colour: str) -> Any:
    return FlexBox(layout="vertical", background_color=colour, padding_all="12px",
                   contents=[_text(title, weight="bold", size="md", color=_WHITE)])


def _body(contents: Sequence[Any]) -> Any:
    return FlexBox(layout="vertical", spacing="sm", contents=list(contents))


def _postback_button(label: str, data: str, display: str | None = None) -> Any:
    action = PostbackAction(label=shorten(label, MAX_LABEL), data=data,
                            display_text=shorten(display, MAX_POSTBACK) if display else None)
    return FlexButton(action=action, style="link", height="sm")


def _entry_item(entry: Entry) -> Any | None:
    data = postback(PB_ENTRY, entry.id)
    if data is None:
        return None
    # The label must be short; the chat then shows the whole question as what the user asked.
    action = PostbackAction(label=shorten(entry.title, MAX_LABEL), data=data,
                            display_text=shorten(entry.title, MAX_POSTBACK))
    return QuickReplyItem(action=action)


def _circular_item(number: str) -> Any | None:
    data = postback(PB_CIRCULAR, number)
    if data is None:
        return None
    return QuickReplyItem(action=PostbackAction(label=shorten(f"🔎 {number}", MAX_LABEL), data=data,
                                                display_text=shorten(number, MAX_POSTBACK)))


def quick_reply(items: Iterable[Any | None]) -> Any | None:
    """Return a quick-reply bar of the given items (None ones dropped), or None when there are none."""
    kept = [item for item in items if item is not None][:MAX_QUICK_REPLIES]
    return QuickReply(items=kept) if kept else None


def offered_entries(answer: Answer) -> list[Entry]:
    """Return the entries to offer after an answer: "did you mean" for a decline, else the related ones."""
    if answer.kind == "decline":
        return list(answer.suggestions[:MAX_OFFERED])
    own = answer.entry_id
    return [entry for entry in answer.related if entry.id != own][:MAX_OFFERED]


def answer_message(answer: Answer, ref: str | None = None, contact: Contact | None = None) -> Message:
    """Render an answer: a verdict bubble for an entry, the decline bubble, or plain text for small talk."""
    if answer.kind == "decline":
        return decline_message(answer, contact)
    entry = answer.entry
    if entry is None:
        return TextMessage(text=shorten_text(answer.text))
    body = [_text(entry.title, weight="bold", size="sm"), _text(answer.text, size="sm", margin="md")]
    if answer.sources:
        body += [FlexSeparator(margin="lg"), _text(SOURCES_HEADING, size="xs", weight="bold", color=MUTED, margin="md")]
        body += [_text(f"• {source.title}", size="xxs", color=MUTED) for source in answer.sources]
    footer = None
    yes, no = (postback(PB_FEEDBACK, f"1:{ref}"), postback(PB_FEEDBACK, f"0:{ref}")) if ref else (None, None)
    if yes and no:
        # The log reference rides in the buttons, so any process can store the feedback.
        footer = FlexBox(layout="horizontal", contents=[_postback_button(FEEDBACK_YES, yes),
                                                        _postback_button(FEEDBACK_NO, no)])
    bubble = FlexBubble(header=_header(VERDICT_LABELS[entry.verdict], VERDICT_COLOURS[entry.verdict]),
                        body=_body(body), footer=footer)
    return FlexMessage(alt_text=alt_text(answer), contents=bubble)


def decline_message(answer: Answer, contact: Contact | None) -> Message:
    """Render a decline: the apology naming the office (with a call button), and "did you mean" if any."""
    body = [_text(answer.text, size="sm")]
    if answer.suggestions:
        body.append(_text(DID_YOU_MEAN, size="xs", color=MUTED, margin="md"))
    footer = None
    if contact is not None:
        # Officials read this on a phone: one tap calls the office.
        dial = "tel:" + contact.international.replace(" ", "")
        footer = FlexBox(layout="vertical", contents=[
            FlexButton(action=URIAction(label=shorten(f"📞 โทร {contact.phone}", MAX_LABEL), uri=dial),
                       style="link", height="sm")])
    bubble = FlexBubble(header=_header(DECLINE_TITLE, DECLINE_COLOUR), body=_body(body), footer=footer)
    return FlexMessage(alt_text=alt_text(answer), contents=bubble)


def shorten_text(text: str) -> str:
    """Return `text` cut to the length of one LINE text message, line breaks kept."""
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def card_message(result: LookupResult) -> Message:
    """Render a letter the registry holds as a card: number, date, issuer, subject and its reference chain."""
    doc = result.document
    assert doc is not None
    body: list[Any] = []
    for label, value in (("ลงวันที่", thai_date(doc.date) if doc.date else None), ("จาก", doc.issuer),
                         ("เรื่อง", doc.subject or (doc.title if doc.number else None))):
        if value:
            body.append(_text(f"{label}: {value}", size="sm"))
    buttons: list[Any] = []
    if result.references:
        body.append(_text("อ้างถึงและสิ่งที่ส่งมาด้วย", size="xs", weight="bold", color=MUTED, margin="md"))
        for link in result.references:
            target = link.document
            detail = ", ".join(part for part in (RELATION_LABELS.get(link.relation, link.relation),
                                                 thai_date(target.date) if target.date else None) if part)
            body.append(_text(f"• {target.label}" + (f" ({detail})" if detail else ""), size="xs"))
            if target.number:
                buttons.append(("➡️", target.number))
    if result.referenced_by:
        body.append(_text("หนังสือที่อ้างถึงฉบับนี้", size="xs", weight="bold", color=MUTED, margin="md"))
        for link in result.referenced_by:
            body.append(_text(f"• {link.document.label}", size="xs"))
            if link.document.number:
                buttons.append(("⬅️", link.document.number))
    if doc.is_stub:
        body.append(_text("ทะเบียนรู้จักหนังสือฉบับนี้จากการอ้างถึงเท่านั้น ยังไม่มีข้อความฉบับเต็ม",
                          size="xxs", color=MUTED, margin="md"))
    # Walking the chain: each button opens the linked letter's card (LINE cannot edit a sent message).
    footer_buttons = [_postback_button(f"{arrow} {number}", data, number)
                      for arrow, number in buttons[:MAX_CARD_BUTTONS]
                      if (data := postback(PB_CIRCULAR, number)) is not None]
    footer = FlexBox(layout="vertical", contents=footer_buttons) if footer_buttons else None
    title = f"📜 หนังสือที่ {doc.number or doc.label}"
    bubble = FlexBubble(header=_header(title, CARD_COLOUR), body=_body(body or [_text(doc.label, size="sm")]),
                        footer=footer)
    subject = doc.subject or doc.title or ""
    return FlexMessage(alt_text=shorten(f"{title} {subject}", MAX_ALT_TEXT), contents=bubble)


def unfound_lines(result: LookupResult) -> list[str]:
    """Return what is said of a number the registry does not hold, or holds more than once."""
    if result.status == "ambiguous":
        return [f"มีหนังสือหลายฉบับที่ตรงกับ {result.query} โปรดเลือกหรือระบุเลขที่เต็ม"]
    lines = [f"ไม่พบหนังสือเลขที่ {result.query} ในทะเบียน"]
    if result.candidates:
        lines.append("เลขที่ใกล้เคียงที่มีในทะเบียน (ไม่ใช่เลขที่ที่ถาม) แตะเพื่อดู")
    return lines


def lookup_messages(result: LookupResult) -> list[Message]:
    """Render one lookup: the card, or the not-found text with the nearby numbers as quick replies."""
    if result.found and result.document is not None:
        return [card_message(result)]
    message = TextMessage(text="\n".join(unfound_lines(result)))
    message.quick_reply = quick_reply(_circular_item(number) for number in result.candidates[:5])
    return [message]


def turn_messages(turn: Turn, contact: Contact | None = None) -> list[Message]:
    """Render a whole turn in at most five messages; quick replies for what to ask next go on the last."""
    answer = turn.answer
    messages = [] if turn.kind == "cards" else [answer_message(answer, turn.ref, contact)]
    # After a restriction, what the question asked that is allowed: its own bubble, verdict first.
    messages += [answer_message(part, None, contact) for part in answer.also]
    found = [card for card in turn.cards if card.found and card.document is not None]
    messages += [card_message(card) for card in found]
    unfound = [card for card in turn.cards if card not in found]
    lines = [line for card in unfound for line in unfound_lines(card)] + list(turn.notes)
    if lines:
        messages.append(TextMessage(text=shorten_text("\n".join(lines))))
    messages = messages[:MAX_MESSAGES]
    candidates = [_circular_item(number) for card in unfound for number in card.candidates[:3]]
    messages[-1].quick_reply = quick_reply([*candidates, *(_entry_item(entry) for entry in offered_entries(answer))])
    return messages


def welcome_messages(kb: KnowledgeBase, group: bool = False, examples: int = 3) -> list[Message]:
    """Render the greeting for a new friend (example questions as quick replies) or a group just joined."""
    if group:
        return [TextMessage(text=GROUP_WELCOME_TEXT)]
    policy = [entry for entry in kb.entries if not entry.is_smalltalk][:examples]
    return [TextMessage(text=WELCOME_TEXT, quick_reply=quick_reply(_entry_item(entry) for entry in policy))]


def text_messages(text: str) -> list[Message]:
    """Return plain text as LINE text messages of at most 5,000 characters, cut at line breaks."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > MAX_TEXT:
            chunks.append(line[:MAX_TEXT])
            line = line[MAX_TEXT:]
        if current and len(current) + 1 + len(line) > MAX_TEXT:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current.strip():
        chunks.append(current)
    return [TextMessage(text=chunk) for chunk in chunks[:MAX_MESSAGES]]

