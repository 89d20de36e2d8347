"""Inline buttons: an entry, an answer's sources, a document, a circular, the contact card, or feedback."""

from __future__ import annotations

from html import escape

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.channels.telegram.context import BotContext
from bot.channels.telegram.handlers import allowed, answer_entry, send_contact_card
from bot.channels.telegram.messages import CHANNEL
from bot.channels.telegram.render import (
    CB_CIRCULAR,
    CB_CONTACT,
    CB_DOCUMENT,
    CB_ENTRY,
    CB_FEEDBACK,
    CB_NOOP,
    CB_SOURCES,
    CB_WALK,
    Reply,
    card_reply,
    contact_button,
    document_reply,
    entry_sources_reply,
    resolve_entry_token,
)
from bot.channels.telegram.replies import send_reply
from bot.channels.telegram.split import split_html
from bot.config import user_key
from bot.texts import NO_REGISTRY_TEXT, STALE_BUTTON_TEXT, THANKS_TEXT, rephrase_text


async def button(update: Update, context: BotContext) -> None:
    """Handles a pressed inline button: an entry, sources, a document, a circular, the contact, or feedback."""
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
    message = query.message if isinstance(query.message, Message) else None
    if kind == CB_NOOP:
        return
    if kind == CB_CONTACT and update.effective_chat is not None:
        await send_contact_card(context.bot, update.effective_chat.id, services.settings.contact)
        return
    reply: Reply | None = None
    if kind == CB_ENTRY:
        entry_id = resolve_entry_token(services.kb, payload)
        if entry_id is not None and message is not None and await answer_entry(update, context, message, entry_id):
            return
    elif kind == CB_SOURCES:
        entry_id = resolve_entry_token(services.kb, payload)
        turn = services.entry(entry_id) if entry_id is not None else None
        reply = entry_sources_reply(turn.answer) if turn is not None else None
    elif kind == CB_DOCUMENT and payload in services.kb.documents:
        reply = document_reply(services.kb.documents[payload], with_card=services.circulars is not None)
    elif kind in (CB_CIRCULAR, CB_WALK):
        result = await services.lookup(payload)
        reply = card_reply(result) if result is not None else Reply(escape(NO_REGISTRY_TEXT))
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
    """Stores a 👍/👎 and swaps the feedback buttons for a thank-you; after a 👎, offers to rephrase or call."""
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
    if value < 0 and message is not None:
        contact = context.services.settings.contact
        await send_reply(message, Reply(escape(rephrase_text(contact)), InlineKeyboardMarkup([[contact_button()]])))
