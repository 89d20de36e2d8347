"""Telegram handlers for text and commands: each reads the update, asks the shared services, sends the rendering."""

from __future__ import annotations

import logging
from html import escape

from telegram import Bot, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError

from bot.channels.telegram.context import BotContext
from bot.channels.telegram.links import parse_start
from bot.channels.telegram.messages import (
    CHANNEL,
    addressed_text,
    command_argument,
    replying_to,
    thread_of,
    user_of,
)
from bot.channels.telegram.render import (
    Reply,
    card_reply,
    help_text,
    sources_reply,
    stats_html,
    turn_replies,
    unanswered_html,
    welcome_reply,
)
from bot.channels.telegram.replies import deliver, send_reply
from bot.conversation import Turn
from bot.querylog import MAX_COMMENT_CHARS
from bot.texts import (
    CIRCULAR_USAGE,
    COMMENT_FAILED,
    COMMENT_THANKS,
    COMMENT_USAGE,
    ERROR_TEXT,
    FLOOD_TEXT,
    NO_LOG_TEXT,
    NO_REGISTRY_TEXT,
    Contact,
)

log = logging.getLogger(__name__)


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


async def read(update: Update, context: BotContext, message: Message, text: str) -> Turn:
    """Answer `text` (a message's words or caption) read in context: the bot message it replies to, or the
    sender's recent question in this chat."""
    return await context.services.respond(
        text, user=user_of(update) or f"{CHANNEL}:unknown", channel=CHANNEL, chat=str(message.chat.type),
        # An edited message was logged when it was first sent.
        log_turn=update.edited_message is None,
        thread=thread_of(message.chat.id), replying_to=replying_to(message, context.bot.id),
    )


async def send_turn(update: Update, context: BotContext, message: Message, turn: Turn) -> None:
    """Send a turn's replies to `message`, or, when the message was edited, edit the earlier replies."""
    replies = turn_replies(turn, context.services.settings.contact)
    await deliver(context, message, replies, turn, edited=update.edited_message is not None)


async def answer_text(update: Update, context: BotContext, message: Message, text: str) -> Turn:
    """Answer `text` in context and send (or edit) the reply."""
    turn = await read(update, context, message, text)
    await send_turn(update, context, message, turn)
    return turn


async def answer_entry(update: Update, context: BotContext, message: Message, entry_id: str) -> bool:
    """Send one entry's answer (a button, a deep link) and take its question as what follow-ups go on from."""
    services = context.services
    turn = services.entry(entry_id)
    if turn is None:
        return False
    user = user_of(update)
    if user is not None:
        services.memory.remember(thread_of(message.chat.id), user, turn.context)
    await deliver(context, message, turn_replies(turn, services.settings.contact), turn)
    return True


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
    await answer_text(update, context, message, text)


async def start(update: Update, context: BotContext) -> None:
    """Sends the Thai welcome, or what a deep link names: an entry's answer or a letter's card."""
    message = update.effective_message
    if message is None or not await allowed(update, context):
        return
    services = context.services
    target = parse_start(context.args[0], services.kb.by_id) if context.args else None
    if target is not None and target.kind == "entry" and await answer_entry(update, context, message, target.value):
        return
    if target is not None and target.kind == "card":
        result = await services.lookup(target.value)
        await send_reply(message, card_reply(result) if result is not None else Reply(escape(NO_REGISTRY_TEXT)))
        return
    user = user_of(update)
    if user is not None:
        # A fresh start is a new topic: the next message is read alone.
        services.memory.forget(thread_of(message.chat.id), user)
    await send_reply(message, welcome_reply(services.kb))


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
    reply = card_reply(result) if result is not None else Reply(escape(NO_REGISTRY_TEXT))
    # A corrected number ("/circular ว 313" edited to "ว 0313") replaces the earlier card.
    await deliver(context, message, [reply], edited=update.edited_message is not None)


async def send_contact_card(bot: Bot, chat_id: int, contact: Contact) -> Message:
    """Send the contact office as a contact card, so a phone can call it with one tap."""
    # A contact's first name holds at most 64 characters; the office's name fits.
    return await bot.send_contact(chat_id, phone_number=contact.e164, first_name=contact.office[:64])


async def contact_command(update: Update, context: BotContext) -> None:
    """/contact: sends the office to ask as a contact card."""
    chat = update.effective_chat
    if chat is not None and await allowed(update, context):
        await send_contact_card(context.bot, chat.id, context.services.settings.contact)


async def feedback_command(update: Update, context: BotContext) -> None:
    """/feedback TEXT: stores the comment for the admins (/stats lists it) and thanks the sender."""
    message = update.effective_message
    user = user_of(update)
    if message is None or user is None or not await allowed(update, context):
        return
    text = command_argument(message)
    if not text:
        await send_reply(message, Reply(escape(COMMENT_USAGE)))
        return
    stored = await context.services.comment(user, CHANNEL, text[:MAX_COMMENT_CHARS])
    await send_reply(message, Reply(escape(COMMENT_THANKS if stored else COMMENT_FAILED)))


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
    """Sends question and answer statistics, and the latest /feedback comments, to an admin."""
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
