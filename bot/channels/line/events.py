"""Reading LINE webhook events: who sent one and where, whether a group message is meant for the bot, redeliveries."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from linebot.v3.webhooks import GroupSource, RoomSource, UserSource

from bot.channels.line.sending import SentMessages
from bot.config import user_key

CHANNEL = "line"
_SPACES = re.compile(r"[ \t]{2,}")
# Webhook event ids remembered, so that a redelivered event is answered once (per process).
REMEMBERED_EVENTS = 10_000


@dataclass(frozen=True)
class Origin:
    """Where an event comes from: the chat's kind, the id a push goes to, and the sender."""

    chat_type: str  # "private", "group" or "room", as the question log records chat types
    chat_id: str | None  # the user (one-to-one), group or room id
    user_id: str | None  # the sender; LINE leaves it out for some group members

    @property
    def user(self) -> str:
        """Return the channel-qualified id the services know the sender by (`line:U4af...`)."""
        # A group member LINE does not name is counted (flood guard, log) as the group.
        return user_key(CHANNEL, self.user_id or self.chat_id or "unknown")

    @property
    def private(self) -> bool:
        """Tell whether this is a one-to-one chat with the bot."""
        return self.chat_type == "private"


def origin_of(event: Any) -> Origin:
    """Return where an event comes from."""
    source = event.source
    if isinstance(source, GroupSource):
        return Origin("group", source.group_id, source.user_id)
    if isinstance(source, RoomSource):
        return Origin("room", source.room_id, source.user_id)
    user_id = source.user_id if isinstance(source, UserSource) else None
    return Origin("private", user_id, user_id)


@dataclass(frozen=True)
class Addressed:
    """A text message meant for the bot: the question, and the bot answer it quotes (if any)."""

    text: str
    # Log reference of the bot's answer this message quotes: the seam for follow-ups in context,
    # which the conversation core does not take yet (nothing is passed to it for now).
    quoted_ref: str | None = None


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Return `text` with the (index, length) spans removed; LINE counts them in UTF-16 code units."""
    units = text.encode("utf-16-le")
    for index, length in sorted(spans, reverse=True):
        units = units[: 2 * index] + units[2 * (index + length) :]
    # Line breaks stay: a draft pasted after "@bot /check" keeps its clauses apart.
    return _SPACES.sub(" ", units.decode("utf-16-le", errors="ignore")).strip()


def addressed_text(content: Any, origin: Origin, sent: SentMessages) -> Addressed | None:
    """Return the question if a message is for the bot: one-to-one always, in groups when it mentions or quotes it."""
    text = str(content.text)
    quoted_id = content.quoted_message_id
    quotes_bot = quoted_id is not None and quoted_id in sent
    quoted_ref = sent.ref(quoted_id) if quotes_bot else None
    if origin.private:
        return Addressed(text, quoted_ref)
    mention = content.mention
    mine = [(m.index, m.length) for m in (mention.mentionees if mention else []) if getattr(m, "is_self", False)]
    if mine:
        return Addressed(_without_spans(text, mine), quoted_ref)
    return Addressed(text, quoted_ref) if quotes_bot else None


class SeenEvents:
    """The webhook event ids handled lately, so that a redelivered one is answered once."""

    def __init__(self, limit: int = REMEMBERED_EVENTS) -> None:
        self._limit = limit
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, event_id: str) -> bool:
        """Record `event_id`; tell whether it was new."""
        if event_id in self._ids:
            return False
        self._ids[event_id] = None
        if len(self._ids) > self._limit:
            self._ids.popitem(last=False)
        return True
