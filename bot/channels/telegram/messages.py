"""Reading a Telegram message: who sent it, whether it is meant for the bot, its words, what it replies to."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType

from bot.config import user_key

CHANNEL = "telegram"


def user_of(update: Update) -> str | None:
    """Return the sender as a channel-qualified id (`telegram:123`), or None."""
    user = update.effective_user
    return user_key(CHANNEL, user.id) if user is not None else None


def thread_of(chat_id: int) -> str:
    """Return the channel-qualified chat a conversation's follow-ups belong to (`telegram:-100123`)."""
    return f"{CHANNEL}:{chat_id}"


def from_bot(message: Message, bot_id: int) -> bool:
    """Tell whether the bot sent `message`."""
    return message.from_user is not None and message.from_user.id == bot_id


def replying_to(message: Message, bot_id: int) -> str | None:
    """Return the id of the bot's message that `message` replies to, or None."""
    replied = message.reply_to_message
    return str(replied.message_id) if replied is not None and from_bot(replied, bot_id) else None


def mentions_bot(message: Message, bot_id: int, bot_username: str | None) -> str | None:
    """Return the mention of the bot in the message's text or caption (to cut out), or None."""
    mention = f"@{bot_username}".lower() if bot_username else None
    kinds: list[str | None] = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    entities = message.parse_entities(kinds) if message.text is not None else message.parse_caption_entities(kinds)
    for entity, value in entities.items():
        if (entity.type == MessageEntity.MENTION and value.lower() == mention) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id
        ):
            return value
    return None


def addressed_text(message: Message, bot_id: int, bot_username: str | None) -> str | None:
    """Return the words of `message` (its text or caption) if it is meant for the bot: always so in private chats.

    In groups a message is meant for the bot when it replies to one of the bot's messages or mentions it
    (the mention is cut out of the words).
    """
    text = message.text if message.text is not None else message.caption or ""
    if message.chat.type == ChatType.PRIVATE or replying_to(message, bot_id) is not None:
        return text
    mention = mentions_bot(message, bot_id, bot_username)
    if mention is not None:
        return " ".join(text.replace(mention, " ").split())
    return None


def command_argument(message: Message) -> str:
    """Return the text after the leading /command of a message or caption, line breaks kept."""
    text = message.text or message.caption or ""
    entities = message.entities or message.caption_entities
    for entity in entities:
        # The command itself is ASCII, so its UTF-16 length is its length in characters.
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return text[entity.length :].strip()
    return text.strip()
