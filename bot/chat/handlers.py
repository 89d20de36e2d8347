"""Telegram handlers: commands, questions, buttons, inline queries, admin commands, errors."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Sequence
from html import escape

from sqlalchemy.engine import Engine
from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError

from bot.chat.context import BotContext, Services
from bot.chat.protocols import LookupResult
from bot.chat.render import (
    CB_CIRCULAR,
    CB_DOCUMENT,
    CB_ENTRY,
    CB_FEEDBACK,
    CB_NOOP,
    CB_WALK,
    HELP_TEXT,
    MAX_MESSAGE,
    Reply,
    answer_html,
    answer_reply,
    circular_reply,
    document_reply,
    entry_answer,
    entry_token,
    resolve_entry_token,
    sources_reply,
    split_html,
    stats_html,
    unanswered_html,
    welcome_reply,
)
from bot.knowledge import KnowledgeError, load_knowledge
from bot.querylog import LogRecord, stats, unanswered
from bot.service import VERDICT_LABELS

log = logging.getLogger(__name__)

FLOOD_TEXT = "ขออภัย คุณส่งข้อความถี่เกินไป กรุณารอสักครู่ประมาณหนึ่งนาทีแล้วค่อยถามใหม่นะครับ"
ERROR_TEXT = "ขออภัย เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้งในภายหลัง"
NO_REGISTRY_TEXT = "ขออภัย ระบบค้นหาหนังสือเวียนยังไม่พร้อมใช้งาน"
CIRCULAR_USAGE = "โปรดระบุเลขที่หนังสือ เช่น /circular ขร 0023.20/ว 0313"
STALE_BUTTON_TEXT = "ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาถามใหม่อีกครั้ง"
THANKS_TEXT = "ขอบคุณสำหรับความคิดเห็นครับ"
NO_LOG_TEXT = "ฐานข้อมูลบันทึกคำถามใช้งานไม่ได้ในขณะนี้"
MAX_CARDS = 3
MAX_INLINE_RESULTS = 5


async def send_reply(message: Message, reply: Reply) -> Message:
    """Send a reply, split to Telegram's size limit; the keyboard goes on the last part."""
    chunks = split_html(reply.text)
    sent = message
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        sent = await message.reply_text(chunk, reply_markup=reply.keyboard if last else None)
    return sent


async def allowed(update: Update, context: BotContext) -> bool:
    """Count the update against the sender's flood limit; warn once politely, then stay quiet."""
    user = update.effective_user
    if user is None:
        return True
    verdict = context.services.flood.check(user.id)
    if verdict == "ok":
        return True
    if verdict == "warn":
        if update.callback_query is not None:
            await update.callback_query.answer(FLOOD_TEXT, show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(escape(FLOOD_TEXT))
    elif update.callback_query is not None:
        # A callback query must always be answered, or the user's button keeps spinning.
        await update.callback_query.answer()
    return False


def addressed_text(message: Message, bot_id: int, bot_username: str | None) -> str | None:
    """Return the question in `message` if it is meant for the bot (always so in private chats)."""
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    reply_to = message.reply_to_message
    if reply_to is not None and reply_to.from_user is not None and reply_to.from_user.id == bot_id:
        return text
    mention = f"@{bot_username}".lower() if bot_username else None
    entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    for entity, value in entities.items():
        if (entity.type == MessageEntity.MENTION and value.lower() == mention) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id
        ):
            return " ".join(text.replace(value, " ").split())
    return None


async def start(update: Update, context: BotContext) -> None:
    """Sends the Thai welcome with example questions as buttons."""
    if update.effective_message is not None and await allowed(update, context):
        await send_reply(update.effective_message, welcome_reply(context.services.kb))


async def help_command(update: Update, context: BotContext) -> None:
    """Sends the Thai usage help."""
    if update.effective_message is not None and await allowed(update, context):
        await send_reply(update.effective_message, Reply(HELP_TEXT))


async def sources(update: Update, context: BotContext) -> None:
    """Lists the documents the answers rest on."""
    if update.effective_message is not None and await allowed(update, context):
        await send_reply(update.effective_message, sources_reply(context.services.kb))


async def circular(update: Update, context: BotContext) -> None:
    """Shows the card of the circular named in the command's arguments."""
    message = update.effective_message
    if message is None or not await allowed(update, context):
        return
    query = " ".join(context.args or []).strip()
    lookup = context.services.circulars
    if not query:
        await send_reply(message, Reply(escape(CIRCULAR_USAGE)))
    elif lookup is None:
        await send_reply(message, Reply(escape(NO_REGISTRY_TEXT)))
    else:
        await send_reply(message, circular_reply(await asyncio.to_thread(lookup.lookup, query)))


async def question(update: Update, context: BotContext) -> None:
    """Answers a text message: in private chats always, in groups only when addressed."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    text = addressed_text(message, context.bot.id, context.bot.username)
    if text is None or not await allowed(update, context):
        return
    if not text.strip():
        await help_command(update, context)
        return
    await answer_question(message, context.services, text, update.effective_user.id if update.effective_user else 0)


async def answer_question(message: Message, services: Services, text: str, user_id: int) -> None:
    """Answer `text` (and show cards for circular numbers in it), then log it off the event loop."""
    started = time.perf_counter()
    answer = services.answerer.answer(text)
    hits: Sequence[LookupResult] = []
    if services.circulars is not None:
        # The registry is a database: keep its queries off the event loop.
        hits = list(await asyncio.to_thread(services.circulars.find_in_text, text))[:MAX_CARDS]
    found = [hit for hit in hits if hit.get("found")]
    querylog = services.querylog
    ref = secrets.token_hex(6) if querylog is not None else None
    if answer.declined and hits:
        # A message that is (mostly) a letter number: the cards are the answer, "not found" included.
        replies = [circular_reply(hit) for hit in hits]
    else:
        replies = [answer_reply(answer, services.kb, ref)] + [circular_reply(hit) for hit in found]
    for reply in replies:
        await send_reply(message, reply)
    if querylog is not None and ref is not None:
        record = LogRecord(
            ref=ref,
            user_hash=querylog.user_hash(user_id),
            chat_type=str(message.chat.type),
            question=text,
            entry_id=answer.entry_id,
            verdict=answer.verdict,
            confidence=float(answer.confidence),
            # Small talk ("สวัสดี") is neither answered nor a question the curators missed.
            declined=answer.declined and not found and not answer.smalltalk,
            latency_ms=(time.perf_counter() - started) * 1000,
        )
        services.spawn(lambda: querylog.record(record))


async def button(update: Update, context: BotContext) -> None:
    """Handles a pressed inline button: an entry, a source, a circular, or feedback."""
    query = update.callback_query
    if query is None or not await allowed(update, context):
        return
    kind, _, payload = (query.data or "").partition(":")
    services = context.services
    if kind == CB_FEEDBACK:
        await _feedback(query, services, payload)
        return
    # Answer first: Telegram shows a spinner on the button until the query is answered.
    await query.answer()
    reply: Reply | None = None
    if kind == CB_ENTRY:
        entry_id = resolve_entry_token(services.kb, payload)
        if entry_id is not None:
            reply = answer_reply(entry_answer(services.kb, entry_id), services.kb)
    elif kind == CB_DOCUMENT and payload in services.kb.documents:
        reply = document_reply(services.kb.documents[payload], with_card=services.circulars is not None)
    elif kind in (CB_CIRCULAR, CB_WALK) and services.circulars is not None:
        reply = circular_reply(await asyncio.to_thread(services.circulars.lookup, payload))
    elif kind == CB_NOOP:
        return
    message = query.message if isinstance(query.message, Message) else None
    if reply is None:
        reply = Reply(escape(STALE_BUTTON_TEXT))
    elif kind == CB_WALK and message is not None:
        # Walking a card's references edits the card in place, so the chat stays short.
        await query.edit_message_text(split_html(reply.text)[0], reply_markup=reply.keyboard)
        return
    if message is not None:
        await send_reply(message, reply)
    elif update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, split_html(reply.text)[0], reply_markup=reply.keyboard)


async def _feedback(query: CallbackQuery, services: Services, payload: str) -> None:
    """Stores a 👍/👎 and swaps the feedback buttons for a thank-you."""
    value_text, _, ref = payload.partition(":")
    if value_text not in ("0", "1") or not ref:
        await query.answer(STALE_BUTTON_TEXT)
        return
    value = 1 if value_text == "1" else -1
    querylog = services.querylog
    if querylog is not None:
        user_id = query.from_user.id
        services.spawn(lambda: querylog.feedback(ref, user_id, value))
    await query.answer(THANKS_TEXT)
    message = query.message if isinstance(query.message, Message) else None
    if message is not None and message.reply_markup is not None:
        rows = [
            list(row)
            for row in message.reply_markup.inline_keyboard
            if not any(str(b.callback_data or "").startswith(f"{CB_FEEDBACK}:") for b in row)
        ]
        mark = "👍" if value > 0 else "👎"
        rows.append([InlineKeyboardButton(f"{mark} {THANKS_TEXT}", callback_data=f"{CB_NOOP}:")])
        await query.edit_message_reply_markup(InlineKeyboardMarkup(rows))


async def inline_query(update: Update, context: BotContext) -> None:
    """Offers the top answers for `@bot question` typed in any chat."""
    query = update.inline_query
    if query is None or not query.query.strip() or not await allowed(update, context):
        return
    services = context.services
    answer = services.answerer.answer(query.query)
    kb = services.kb
    ids = ([answer.entry_id] if answer.entry_id else []) + answer.suggestions + answer.related
    ids = [entry_id for entry_id in dict.fromkeys(ids) if entry_id in kb.by_id][:MAX_INLINE_RESULTS]
    results = []
    for entry_id in ids:
        entry_reply = entry_answer(kb, entry_id)
        label = VERDICT_LABELS.get(entry_reply.verdict or "", "")
        results.append(
            InlineQueryResultArticle(
                id=entry_token(entry_id)[:64],
                title=f"{label} {entry_reply.title or ''}".strip(),
                description=" ".join(entry_reply.answer.split())[:120],
                input_message_content=InputTextMessageContent(
                    split_html(answer_html(entry_reply), MAX_MESSAGE)[0], parse_mode=ParseMode.HTML
                ),
            )
        )
    if not results:
        results.append(
            InlineQueryResultArticle(
                id="declined",
                title="ไม่พบคำตอบในฐานความรู้",
                description=" ".join(answer.answer.split())[:120],
                input_message_content=InputTextMessageContent(escape(answer.answer), parse_mode=ParseMode.HTML),
            )
        )
    # Answers depend only on the question, so Telegram may cache them for everyone.
    await query.answer(results, cache_time=60, is_personal=False)


def _is_admin(update: Update, services: Services) -> bool:
    user = update.effective_user
    return user is not None and user.id in services.admins


async def _admin_log(update: Update, context: BotContext) -> tuple[Message, Services, Engine] | None:
    """Return the admin's message, the services and the log database, or reply and return None.

    A non-admin gets the normal help, as if the command did not exist; an admin is told when
    the question log is unavailable.
    """
    message = update.effective_message
    services = context.services
    if message is None or not _is_admin(update, services):
        await help_command(update, context)
        return None
    engine = services.querylog.engine if services.querylog is not None else None
    if engine is None:
        await send_reply(message, Reply(NO_LOG_TEXT))
        return None
    return message, services, engine


async def stats_command(update: Update, context: BotContext) -> None:
    """Sends question and answer statistics to an admin; others get the normal help."""
    admin = await _admin_log(update, context)
    if admin is None:
        return
    message, services, engine = admin
    result = await asyncio.to_thread(stats, engine)
    await send_reply(message, Reply(stats_html(result, services.kb)))


async def unanswered_command(update: Update, context: BotContext) -> None:
    """Sends the most frequent declined questions, grouped, to an admin; others get the normal help."""
    admin = await _admin_log(update, context)
    if admin is None:
        return
    message, services, engine = admin
    await message.reply_chat_action(ChatAction.TYPING)
    answerer = services.answerer

    def nearest(text: str) -> str | None:
        suggestions = answerer.answer(text).suggestions
        return suggestions[0] if suggestions else None

    groups = await asyncio.to_thread(unanswered, engine, nearest)
    await send_reply(message, Reply(unanswered_html(groups, services.kb)))


async def reload_command(update: Update, context: BotContext) -> None:
    """Reloads knowledge/ from disk for an admin; keeps the old knowledge if the new is invalid."""
    message = update.effective_message
    services = context.services
    if message is None or not _is_admin(update, services):
        await help_command(update, context)
        return
    await message.reply_chat_action(ChatAction.TYPING)
    try:
        kb = await asyncio.to_thread(load_knowledge, services.settings.knowledge_dir)
        answerer = await asyncio.to_thread(services.make_answerer, kb)
    except KnowledgeError as error:
        problems = "\n".join(f"• {escape(problem)}" for problem in error.problems[:40])
        more = f"\n… และอีก {len(error.problems) - 40} รายการ" if len(error.problems) > 40 else ""
        text = f"<b>ฐานความรู้ใหม่มีข้อผิดพลาด ยังใช้ฐานความรู้เดิมต่อไป</b>\n{problems}{more}"
        await send_reply(message, Reply(text))
        return
    services.answerer = answerer
    log.info("knowledge reloaded: %d entries, %d documents", len(kb.entries), len(kb.documents))
    text = f"โหลดฐานความรู้ใหม่แล้ว: {len(kb.entries)} คำถาม, {len(kb.documents)} เอกสาร (เฉพาะกระบวนการนี้)"
    await send_reply(message, Reply(escape(text)))


async def error_handler(update: object, context: BotContext) -> None:
    """Logs the error and tells the user, in Thai, that something went wrong."""
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(ERROR_TEXT, show_alert=True)
                return
            except TelegramError:
                pass  # the query was already answered: say it in the chat instead
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, escape(ERROR_TEXT))
    except TelegramError:
        log.warning("could not tell the user about the error", exc_info=True)
