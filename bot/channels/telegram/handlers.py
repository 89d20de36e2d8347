"""Telegram handlers: each reads the update, asks the shared services, and sends what the renderer made."""

from __future__ import annotations

import logging
from html import escape

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

from bot.channels.telegram.context import BotContext
from bot.channels.telegram.render import (
    CB_CIRCULAR,
    CB_DOCUMENT,
    CB_ENTRY,
    CB_FEEDBACK,
    CB_NOOP,
    CB_WALK,
    MAX_MESSAGE,
    Reply,
    answer_html,
    card_reply,
    document_reply,
    entry_token,
    help_text,
    resolve_entry_token,
    sources_reply,
    split_html,
    stats_html,
    turn_replies,
    unanswered_html,
    welcome_reply,
)
from bot.config import user_key
from bot.texts import (
    CIRCULAR_USAGE,
    DECLINE_TITLE,
    ERROR_TEXT,
    FLOOD_TEXT,
    NO_LOG_TEXT,
    NO_REGISTRY_TEXT,
    STALE_BUTTON_TEXT,
    THANKS_TEXT,
    VERDICT_LABELS,
)

log = logging.getLogger(__name__)

CHANNEL = "telegram"
MAX_INLINE_RESULTS = 5


def user_of(update: Update) -> str | None:
    """Return the sender as a channel-qualified id (`telegram:123`), or None."""
    user = update.effective_user
    return user_key(CHANNEL, user.id) if user is not None else None


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
    user = user_of(update)
    if user is None:
        return True
    verdict = context.services.flood.check(user)
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
        await send_reply(update.effective_message, Reply(help_text(context.services.settings.contact)))


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
    if not query:
        await send_reply(message, Reply(escape(CIRCULAR_USAGE)))
        return
    result = await context.services.lookup(query)
    await send_reply(message, card_reply(result) if result is not None else Reply(escape(NO_REGISTRY_TEXT)))


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
    thread = f"{CHANNEL}:{message.chat.id}"
    replied = message.reply_to_message
    replying_to = (
        str(replied.message_id)
        if replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id
        else None
    )
    turn = await context.services.respond(
        text, user=user_of(update) or f"{CHANNEL}:unknown", channel=CHANNEL, chat=str(message.chat.type),
        # An edited message was logged when it was first sent.
        log_turn=update.edited_message is None,
        thread=thread, replying_to=replying_to,
    )
    for reply in turn_replies(turn):
        sent = await send_reply(message, reply)
        context.services.sent(thread, str(sent.message_id), turn)


async def button(update: Update, context: BotContext) -> None:
    """Handles a pressed inline button: an entry, a source, a circular, or feedback."""
    query = update.callback_query
    if query is None or not await allowed(update, context):
        return
    kind, _, payload = (query.data or "").partition(":")
    services = context.services
    if kind == CB_FEEDBACK:
        await _feedback(query, context, payload)
        return
    # Answer first: Telegram shows a spinner on the button until the query is answered.
    await query.answer()
    reply: Reply | None = None
    if kind == CB_ENTRY:
        entry_id = resolve_entry_token(services.kb, payload)
        turn = services.entry(entry_id) if entry_id is not None else None
        reply = turn_replies(turn)[0] if turn is not None else None
    elif kind == CB_DOCUMENT and payload in services.kb.documents:
        reply = document_reply(services.kb.documents[payload], with_card=services.circulars is not None)
    elif kind in (CB_CIRCULAR, CB_WALK):
        result = await services.lookup(payload)
        reply = card_reply(result) if result is not None else Reply(escape(NO_REGISTRY_TEXT))
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


async def _feedback(query: CallbackQuery, context: BotContext, payload: str) -> None:
    """Stores a 👍/👎 and swaps the feedback buttons for a thank-you."""
    value_text, _, ref = payload.partition(":")
    if value_text not in ("0", "1") or not ref:
        await query.answer(STALE_BUTTON_TEXT)
        return
    value = 1 if value_text == "1" else -1
    await context.services.feedback(ref, user_key(CHANNEL, query.from_user.id), value)
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
    # Telegram sends one inline query per keystroke: answered, but not logged.
    turn = await services.respond(query.query, user=user_of(update) or "", channel=CHANNEL, chat="inline",
                                  log_turn=False)
    answer = turn.answer
    entries = [answer.entry] if answer.entry else []
    entries += [*answer.suggestions, *answer.related]
    results = []
    for entry in list(dict.fromkeys(entries))[:MAX_INLINE_RESULTS]:
        entry_turn = services.entry(entry.id)
        if entry_turn is None:
            continue
        results.append(
            InlineQueryResultArticle(
                id=entry_token(entry.id)[:64],
                title=f"{VERDICT_LABELS[entry.verdict]} {entry.title}",
                description=" ".join(entry_turn.answer.text.split())[:120],
                input_message_content=InputTextMessageContent(
                    split_html(answer_html(entry_turn.answer), MAX_MESSAGE)[0], parse_mode=ParseMode.HTML
                ),
            )
        )
    if not results:
        results.append(
            InlineQueryResultArticle(
                id="declined",
                title=DECLINE_TITLE,
                description=" ".join(answer.text.split())[:120],
                input_message_content=InputTextMessageContent(escape(answer.text), parse_mode=ParseMode.HTML),
            )
        )
    # Answers depend only on the question, so Telegram may cache them for everyone.
    await query.answer(results, cache_time=60, is_personal=False)


async def _admin_message(update: Update, context: BotContext) -> Message | None:
    """Return the admin's message; anyone else gets the help in a private chat and silence in a group."""
    message = update.effective_message
    user = user_of(update)
    if message is None or user is None or not context.services.is_admin(user):
        if message is not None and message.chat.type == ChatType.PRIVATE:
            await help_command(update, context)
        return None
    return message


async def stats_command(update: Update, context: BotContext) -> None:
    """Sends question and answer statistics to an admin; others get the normal help."""
    message = await _admin_message(update, context)
    if message is None:
        return
    result = await context.services.stats()
    await send_reply(message, Reply(stats_html(result, context.services.kb) if result else escape(NO_LOG_TEXT)))


async def unanswered_command(update: Update, context: BotContext) -> None:
    """Sends the most frequent declined questions, grouped, to an admin; others get the normal help."""
    message = await _admin_message(update, context)
    if message is None:
        return
    await message.reply_chat_action(ChatAction.TYPING)
    groups = await context.services.unanswered()
    text = unanswered_html(groups, context.services.kb) if groups is not None else escape(NO_LOG_TEXT)
    await send_reply(message, Reply(text))


async def reload_command(update: Update, context: BotContext) -> None:
    """Reloads knowledge/ from disk for an admin; keeps the old knowledge if the new is invalid."""
    message = await _admin_message(update, context)
    if message is None:
        return
    await message.reply_chat_action(ChatAction.TYPING)
    result = await context.services.reload()
    if not result.ok:
        problems = "\n".join(f"• {escape(problem)}" for problem in result.problems[:40])
        more = f"\n… และอีก {len(result.problems) - 40} รายการ" if len(result.problems) > 40 else ""
        await send_reply(message, Reply(f"<b>ฐานความรู้ใหม่มีข้อผิดพลาด ยังใช้ฐานความรู้เดิมต่อไป</b>\n{problems}{more}"))
        return
    text = f"โหลดฐานความรู้ใหม่แล้ว: {result.entries} คำถาม, {result.documents} เอกสาร (เฉพาะกระบวนการนี้)"
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
