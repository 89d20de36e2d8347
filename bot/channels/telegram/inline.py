"""Inline mode (`@bot question` in any chat): answers, letter cards, and the most asked questions when empty.

Telegram sends one inline query per keystroke, so inline mode has its own flood budget (never the
chat's: typing one question must not lock the user out of the private chat) and nothing to warn:
an inline query has no chat. Inline queries are answered but not logged.
"""

from __future__ import annotations

import hashlib
from html import escape

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode

from bot.application import Services
from bot.brief import brief, clip
from bot.channels.telegram.context import BotContext
from bot.channels.telegram.links import card_payload, deep_link, entry_payload
from bot.channels.telegram.messages import CHANNEL, user_of
from bot.channels.telegram.render import answer_html, card_reply, entry_token, share_button, share_query
from bot.channels.telegram.split import split_html
from bot.knowledge import Entry
from bot.lookups import LookupResult
from bot.texts import VERDICT_LABELS

MAX_INLINE_RESULTS = 5
# Inline queries a user may send a minute: a question typed letter by letter is dozens of them.
INLINE_PER_MINUTE = 120
# Past this many users counted, idle ones are forgotten (the guard's memory stays bounded).
MAX_COUNTED_USERS = 10_000
TITLE_CHARS = 48
DESCRIPTION_CHARS = 120
OPEN_IN_BOT = "🤖 เปิดในบอท"
OPEN_CHAT = "💬 ถามในแชตส่วนตัว"
# The start parameter of the "open the private chat" button above the results.
OPEN_CHAT_START = "inline"
DECLINED_TITLE = "ไม่พบคำตอบในฐานความรู้"


def _buttons(share: str, payload: str | None, username: str | None) -> InlineKeyboardMarkup:
    row = [share_button(share)]
    if payload is not None and username:
        row.append(InlineKeyboardButton(OPEN_IN_BOT, url=deep_link(username, payload)))
    return InlineKeyboardMarkup([row])


def entry_result(services: Services, entry: Entry, username: str | None) -> InlineQueryResultArticle | None:
    """Return one entry as an inline result: a short title, the one-sentence answer, the phone-first message."""
    turn = services.entry(entry.id)
    if turn is None:
        return None
    contact = services.settings.contact
    short = brief(turn.answer, contact)
    return InlineQueryResultArticle(
        id=entry_token(entry.id)[:64],
        title=f"{VERDICT_LABELS[entry.verdict]}: {clip(entry.title, TITLE_CHARS)}",
        description=clip(short.lead, DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(
            split_html(answer_html(turn.answer, contact))[0], parse_mode=ParseMode.HTML
        ),
        reply_markup=_buttons(share_query(entry), entry_payload(entry.id), username),
    )


def card_result(card: LookupResult, username: str | None) -> InlineQueryResultArticle | None:
    """Return a letter the registry holds as an inline result carrying its card."""
    doc = card.document
    if not card.found or doc is None or not doc.number:
        return None
    return InlineQueryResultArticle(
        id="c" + hashlib.sha1(doc.number.encode("utf-8")).hexdigest()[:20],
        title=f"📜 หนังสือที่ {doc.number}",
        description=clip(doc.subject or doc.title or doc.issuer or "", DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(split_html(card_reply(card).text)[0], parse_mode=ParseMode.HTML),
        reply_markup=_buttons(doc.number, card_payload(doc.number), username),
    )


def _exact(services: Services, text: str) -> Entry | None:
    """Return the entry whose title is exactly `text` (what a share button types), or None."""
    folded = " ".join(text.split())
    return next((entry for entry in services.kb.entries if entry.title == folded), None)


async def inline_query(update: Update, context: BotContext) -> None:
    """Offers the top answers for `@bot question` typed in any chat; the most asked ones for an empty query."""
    query = update.inline_query
    if query is None:
        return
    user = user_of(update)
    guard = context.inline_flood
    if len(guard) > MAX_COUNTED_USERS:
        guard.forget_idle()
    if user is not None and guard.check(user) != "ok":
        return  # over the inline budget: no results, and no warning (there is no chat to send one to)
    services = context.services
    username = context.bot.username
    text = query.query.strip()
    chat_button = InlineQueryResultsButton(text=OPEN_CHAT, start_parameter=OPEN_CHAT_START)
    if not text:
        entries = [services.kb.by_id[entry_id] for entry_id in await services.most_asked(MAX_INLINE_RESULTS)]
        results = [result for entry in entries if (result := entry_result(services, entry, username))]
        # The most asked change slowly and are the same for everyone.
        await query.answer(results, cache_time=300, is_personal=False, button=chat_button)
        return
    turn = await services.respond(text, user=user or "", channel=CHANNEL, chat="inline", log_turn=False)
    answer = turn.answer
    cards = [result for card in turn.cards if (result := card_result(card, username))]
    exact = _exact(services, text)
    candidates = [exact] if exact is not None else []
    candidates += [answer.entry] if answer.entry else []
    candidates += [*answer.suggestions, *answer.related]
    entries = [entry for entry in dict.fromkeys(candidates) if not entry.is_smalltalk]
    results = cards + [result for entry in entries if (result := entry_result(services, entry, username))]
    if not results:
        results.append(
            InlineQueryResultArticle(
                id="declined",
                title=DECLINED_TITLE,
                description=clip(answer.text, DESCRIPTION_CHARS),
                input_message_content=InputTextMessageContent(escape(answer.text), parse_mode=ParseMode.HTML),
            )
        )
    # Answers depend only on the question, so Telegram may cache them for everyone.
    await query.answer(results[:MAX_INLINE_RESULTS], cache_time=60, is_personal=False, button=chat_button)
