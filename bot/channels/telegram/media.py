"""Messages that are not plain text: every one gets something.

- A photo, video or other media with a question in its caption gets the answer (read in context,
  like a text message); without one that the knowledge base understands, a photo gets the hint to
  send drafts as files and anything else one line on what the bot does.
- Stickers, voice and video notes, audio, locations, contacts and polls get that one line.
- A document: a draft file (.docx, PDF, .txt) is checked as before, and a question in its caption
  is answered first; another file with a question caption gets the answer, and without one the
  checker says why it cannot read the file.
In groups only messages meant for the bot count (a reply to it, a mention in the caption, /check).
"""

from __future__ import annotations

from html import escape

from telegram import Message, Update

from bot.channels.telegram.checking import (
    PHOTO_TEXT,
    caption_command,
    check_document,
    document_wanted,
    looks_like_draft,
)
from bot.channels.telegram.context import BotContext
from bot.channels.telegram.handlers import allowed, read, send_turn
from bot.channels.telegram.messages import addressed_text
from bot.channels.telegram.render import Reply
from bot.channels.telegram.replies import deliver
from bot.conversation import Turn
from bot.texts import UNSUPPORTED_TEXT

# Turns worth sending for a caption: the knowledge base (or the registry) understood it.
UNDERSTOOD = ("answer", "cards", "smalltalk")


def _caption_question(message: Message, context: BotContext) -> str | None:
    """Return the question in a caption meant for the bot (not a /check command), or None."""
    if caption_command(message):
        return None
    text = addressed_text(message, context.bot.id, context.bot.username)
    return text.strip() if text and text.strip() else None


async def _answered(update: Update, context: BotContext, message: Message, question: str) -> Turn | None:
    """Answer a caption when the knowledge base understands it; return the turn sent, or None."""
    turn = await read(update, context, message, question)
    if turn.kind not in UNDERSTOOD:
        return None
    await send_turn(update, context, message, turn)
    return turn


async def media_message(update: Update, context: BotContext) -> None:
    """A photo, sticker, voice note, location, poll...: answers a caption question, else says what the bot does."""
    message = update.effective_message
    if message is None:
        return
    if addressed_text(message, context.bot.id, context.bot.username) is None:
        return  # a group's own conversation
    if not await allowed(update, context):
        return
    question = _caption_question(message, context)
    if question is not None and await _answered(update, context, message, question) is not None:
        return
    hint = PHOTO_TEXT if message.photo else UNSUPPORTED_TEXT
    await deliver(context, message, [Reply(escape(hint))], edited=update.edited_message is not None)


async def document_message(update: Update, context: BotContext) -> None:
    """A document: checks a draft (answering a caption question first); answers a question on any other file."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if not document_wanted(message, context.bot.id, context.bot.username) or not await allowed(update, context):
        return
    question = _caption_question(message, context)
    if looks_like_draft(message.document):
        if question is not None:
            await _answered(update, context, message, question)
        await check_document(message, message.document, context)
        return
    if question is not None and await _answered(update, context, message, question) is not None:
        return
    # Not a draft by its name and no question understood: the checker says why it cannot read it.
    await check_document(message, message.document, context)
