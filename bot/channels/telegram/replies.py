"""Sending replies: split to Telegram's size, remember which bot messages answered which message, edit them.

When a user edits a question, the bot edits its earlier reply instead of sending a second one, so the
chat reads as if the question had been asked right the first time. Which bot messages answered which
user message is kept per process and bounded; after a restart (or past the bound) an edit gets a new reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence

from telegram import Message
from telegram.error import BadRequest, TelegramError

from bot.channels.telegram.context import BotContext
from bot.channels.telegram.messages import thread_of
from bot.channels.telegram.render import Reply
from bot.channels.telegram.split import split_html
from bot.conversation import Turn

log = logging.getLogger(__name__)

# User messages whose replies are remembered: a day of a busy district's questions, well under a MB.
MAX_TRACKED = 5000


class SentReplies:
    """The bot's reply message ids for each user message, by (chat id, message id); the oldest are forgotten."""

    def __init__(self, limit: int = MAX_TRACKED) -> None:
        self.limit = limit
        self._sent: OrderedDict[tuple[int, int], list[int]] = OrderedDict()
        # Updates are handled concurrently: an edit must wait for the replies to its message to be sent.
        self._locks: dict[tuple[int, int], asyncio.Lock] = {}
        self._holders: dict[tuple[int, int], int] = {}

    @contextlib.asynccontextmanager
    async def delivering(self, chat_id: int, message_id: int) -> AsyncIterator[None]:
        """Hold one message's replies while they are sent or edited (an edit of it waits, then edits them)."""
        key = (chat_id, message_id)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._holders[key] = self._holders.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._holders[key] -= 1
            if not self._holders[key]:
                del self._holders[key], self._locks[key]

    def get(self, chat_id: int, message_id: int) -> list[int]:
        """Return the ids of the bot's replies to one message (empty if none are remembered)."""
        return list(self._sent.get((chat_id, message_id), ()))

    def put(self, chat_id: int, message_id: int, replies: list[int]) -> None:
        """Remember the ids of the bot's replies to one message."""
        key = (chat_id, message_id)
        self._sent.pop(key, None)
        self._sent[key] = list(replies)
        while len(self._sent) > self.limit:
            self._sent.popitem(last=False)

    def __len__(self) -> int:
        return len(self._sent)


def parts(replies: Sequence[Reply]) -> list[Reply]:
    """Split replies to Telegram's size limit; each reply's keyboard goes on its last part."""
    out: list[Reply] = []
    for reply in replies:
        chunks = split_html(reply.text)
        last = len(chunks) - 1
        out += [Reply(chunk, reply.keyboard if index == last else None) for index, chunk in enumerate(chunks)]
    return out


async def send_reply(message: Message, reply: Reply) -> Message:
    """Send one reply to `message`, split to Telegram's size limit; return the last message sent."""
    sent = message
    for part in parts([reply]):
        sent = await message.reply_text(part.text, reply_markup=part.keyboard)
    return sent


async def deliver(
    context: BotContext, message: Message, replies: Sequence[Reply], turn: Turn | None = None, *, edited: bool = False
) -> list[int]:
    """Send the replies to `message`, or, for an edited message, edit the bot's earlier replies in place.

    Extra earlier replies are deleted; each message sent is noted for follow-ups (`turn`).
    """
    chat_id = message.chat.id
    async with context.replies.delivering(chat_id, message.message_id):
        ids = await _send_or_edit(context, message, replies, edited)
    if turn is not None:
        thread = thread_of(chat_id)
        for sent_id in ids:
            context.services.sent(thread, str(sent_id), turn)
    return ids


async def _send_or_edit(context: BotContext, message: Message, replies: Sequence[Reply], edited: bool) -> list[int]:
    """Send the replies, or edit the earlier ones in place and delete those no longer needed; remember them."""
    chat_id = message.chat.id
    earlier = context.replies.get(chat_id, message.message_id) if edited else []
    ids: list[int] = []
    for index, part in enumerate(parts(replies)):
        sent_id = await _edit(context, chat_id, earlier[index], part) if index < len(earlier) else None
        if sent_id is None:
            sent_id = (await message.reply_text(part.text, reply_markup=part.keyboard)).message_id
        ids.append(sent_id)
    for stale in earlier[len(ids):]:
        # The edited question needs fewer messages: the rest would answer a question no longer asked.
        with contextlib.suppress(TelegramError):
            await context.bot.delete_message(chat_id, stale)
    context.replies.put(chat_id, message.message_id, ids)
    return ids


async def _edit(context: BotContext, chat_id: int, message_id: int, part: Reply) -> int | None:
    """Edit one earlier reply; return its id, or None when it can no longer be edited (send a new one then)."""
    try:
        await context.bot.edit_message_text(part.text, chat_id=chat_id, message_id=message_id,
                                            reply_markup=part.keyboard)
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return message_id  # the edit did not change the answer
        log.info("earlier reply could not be edited (%s); sending a new one", error)
        return None
    return message_id
