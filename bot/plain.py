"""Plain-text rendering of a turn, an answer, a letter card and the admin figures (the CLI, plain-text channels)."""

from __future__ import annotations

from datetime import timedelta, timezone
from typing import TYPE_CHECKING

from bot.answers import PERMISSIVE, Answer
from bot.brief import clip
from bot.conversation import Turn
from bot.knowledge import KnowledgeBase
from bot.lookups import ENCLOSES, REFERS_TO, Link, LookupResult
from bot.numbers import parse_number
from bot.texts import (
    ALSO_ASKED_HEADING,
    ALSO_HEADING,
    CAUTION_HEADING,
    SOURCES_HEADING,
    VERDICT_LABELS,
    provenance_line,
    review_warning,
)
from bot.thai import thai_date

if TYPE_CHECKING:
    # Only a type here: the question log's database modules stay out of `policybot ask`.
    from bot.querylog import Stats


def render_turn(turn: Turn) -> str:
    """Render a whole turn: the answer (unless the cards are the answer), its cards and notes."""
    parts = [] if turn.kind == "cards" else [render_answer(turn.answer)]
    parts += [render_card(card) for card in turn.cards]
    text = "\n\n".join(parts)
    if turn.notes:
        text += "\n" + "\n".join(turn.notes)
    return text


def render_answer(answer: Answer) -> str:
    """Render an answer: verdict and entry, the text, the sources, and "did you mean" for a decline."""
    lines: list[str] = []
    if answer.entry is not None:
        lines.append(f"{VERDICT_LABELS[answer.entry.verdict]}  [{answer.entry.id}, ความมั่นใจ {answer.confidence:.2f}]")
    lines.append(answer.text)
    if answer.sources:
        lines += ["", f"{SOURCES_HEADING}:"]
        lines.extend(f"- {source.title}" for source in answer.sources)
    if answer.suggestions and answer.kind == "decline":
        lines += ["", "หรือท่านหมายถึง: " + ", ".join(entry.id for entry in answer.suggestions)]
    for part in answer.also:
        # After the restriction, what the question asked that is allowed; else another thing it asked.
        if answer.verdict == "no" and part.verdict in PERMISSIVE:
            heading = ALSO_HEADING
        elif answer.verdict in PERMISSIVE and part.verdict == "no":
            heading = CAUTION_HEADING
        else:
            heading = ALSO_ASKED_HEADING
        lines += ["", f"{heading}:", render_answer(part)]
    return "\n".join(lines)


def render_card(result: LookupResult) -> str:
    """Render a lookup as plain Thai text: the letter's card, the candidates, or not found."""
    if not result.found or result.document is None:
        asked = parse_number(result.query)
        shown = asked.canonical if asked else result.query.strip()
        if result.status == "not-a-number":
            return f"ไม่พบเลขที่หนังสือในข้อความ “{shown}” โปรดพิมพ์เลขที่ เช่น ขร 0023.20/ว 0313 หรือ ว 0313"
        if result.status == "ambiguous":
            lines = [f"มีหนังสือหลายฉบับที่ตรงกับ {shown} โปรดระบุเลขที่เต็ม:"]
        else:
            lines = [f"ไม่พบหนังสือเลขที่ {shown} ในทะเบียนหนังสือ"]
            if result.candidates:
                lines.append("เลขที่ใกล้เคียงที่มีในทะเบียน (ไม่ใช่เลขที่ที่ถาม):")
        lines.extend(f"- {candidate}" for candidate in result.candidates)
        return "\n".join(lines)
    doc = result.document
    lines = [f"หนังสือที่ {doc.number}" if doc.number else (doc.title or doc.key)]
    origin = doc.provenance
    if origin.needs_review:
        # Before anything else: the number itself may be misread.
        lines.append(review_warning(origin.method))
    if doc.date:
        lines.append(f"ลงวันที่ {thai_date(doc.date)}")
    if doc.issuer:
        lines.append(f"จาก {doc.issuer}")
    if doc.subject:
        lines.append(f"เรื่อง {doc.subject}")
    elif doc.title and doc.number:
        lines.append(doc.title)
    if doc.recipient:
        lines.append(f"เรียน {doc.recipient}")
    sections = (
        ("อ้างถึง", [link for link in result.references if link.relation == REFERS_TO], False),
        ("สิ่งที่ส่งมาด้วย", [link for link in result.references if link.relation == ENCLOSES], False),
        ("ถูกอ้างถึงหรือส่งต่อโดย", result.referenced_by, True),
    )
    for heading, links, incoming in sections:
        if links:
            lines.append(f"{heading}:")
            lines.extend(f"- {_link_line(link, incoming)}" for link in links)
    if doc.is_stub:
        lines.append("(ทะเบียนรู้จักหนังสือฉบับนี้จากการอ้างถึงเท่านั้น ยังไม่มีข้อความฉบับเต็ม)")
    source = provenance_line(origin.method, origin.source, origin.confidence, origin.source_url)
    if source:
        lines.append(source)
    return "\n".join(lines)


def _link_line(link: Link, incoming: bool) -> str:
    doc = link.document
    text = f"หนังสือที่ {doc.number}" if doc.number else (doc.title or doc.key)
    if doc.date:
        text += f" ลงวันที่ {thai_date(doc.date)}"
    if doc.issuer:
        text += f" ({doc.issuer})"
    if incoming:
        text += " — อ้างถึงฉบับนี้" if link.relation == REFERS_TO else " — ส่งฉบับนี้มาด้วย"
    return text


# A /feedback comment as /stats shows it (the whole text is in the database); dates are the officials'
# own (Thailand has no daylight saving time).
MAX_COMMENT_SHOWN = 300
THAI_TIME = timezone(timedelta(hours=7))


def stats_sections(stats: Stats, kb: KnowledgeBase) -> list[tuple[str, list[str]]]:
    """Return the admin figures (/stats) as (heading, lines) sections, for every channel's renderer."""
    figures = [
        f"คำถามทั้งหมด: {stats.questions}",
        f"ตอบได้: {stats.answered} ({stats.answer_rate:.0%})",
        f"ความคิดเห็น: 👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
    ]
    if stats.by_channel:
        figures.append("ช่องทาง: " + " · ".join(f"{channel} {count}" for channel, count in stats.by_channel))
    if stats.median_latency_ms is not None:
        figures.append(f"เวลาตอบ (มัธยฐาน): {stats.median_latency_ms:.0f} ms")
    sections = [(f"สถิติ {stats.days} วันล่าสุด", figures)]
    if stats.top_entries:
        sections.append(("หัวข้อที่ถามบ่อย", [
            f"• {kb.by_id[entry_id].title if entry_id in kb.by_id else entry_id} ({count})"
            for entry_id, count in stats.top_entries
        ]))
    if stats.comment_count:
        sections.append((f"ความเห็นจากผู้ใช้ (/feedback): {stats.comment_count}", [
            f"• {thai_date(comment.created_at.astimezone(THAI_TIME).date().isoformat(), short=True)} "
            f"({comment.channel}): {clip(comment.text, MAX_COMMENT_SHOWN)}"
            for comment in stats.comments
        ]))
    return sections


def render_stats(stats: Stats, kb: KnowledgeBase) -> str:
    """Render the admin figures (/stats) as plain Thai text: totals, feedback, each channel, top entries, comments."""
    return "\n\n".join("\n".join([heading, *lines]) for heading, lines in stats_sections(stats, kb))
