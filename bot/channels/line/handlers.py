"""LINE event handlers: each reads an event, asks the shared services, and sends what the renderers made."""

from __future__ import annotations

import logging
import time
from typing import Any

import aiohttp
from linebot.v3.messaging.exceptions import ApiException
from linebot.v3.webhooks import (
    AudioMessageContent,
    EventMode,
    FileMessageContent,
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    VideoMessageContent,
)

from bot.application import Services
from bot.channels.line.check_render import (
    CHECK_PROMPT,
    FETCH_FAILED_TEXT,
    MEDIA_TEXT,
    check_messages,
    source_titles,
)
from bot.channels.line.events import CHANNEL, Origin, addressed_text, origin_of
from bot.channels.line.render import (
    PB_CIRCULAR,
    PB_ENTRY,
    PB_FEEDBACK,
    help_text,
    lookup_messages,
    text_messages,
    turn_messages,
    welcome_messages,
)
from bot.channels.line.sending import REPLY_SECONDS, Destination, Sender
from bot.checker import DocumentRefused, check_size
from bot.plain import render_stats
from bot.texts import ERROR_TEXT, FLOOD_TEXT, NO_LOG_TEXT, NO_REGISTRY_TEXT, STALE_BUTTON_TEXT, THANKS_TEXT

log = logging.getLogger(__name__)

# A turn quicker than this shows no loading animation (most take about a millisecond).
LOADING_AFTER = 0.5
DEFAULT_NAME = "ร่างความตกลง"
# Messages a draft cannot be read from: a hint to send the draft as a file.
_MEDIA = (ImageMessageContent, VideoMessageContent, AudioMessageContent)
# A file is fetched with more time than a message, but not without end.
CONTENT_TIMEOUT = 60.0


def destination(event: Any, origin: Origin, received: float) -> Destination:
    """Return where the reply to `event` goes, with its reply token's deadline on the monotonic clock."""
    age = 0.0
    if event.delivery_context.is_redelivery:
        # A redelivered event's token dates from the event, not from this delivery.
        age = max(0.0, time.time() - event.timestamp / 1000)
    return Destination(getattr(event, "reply_token", None), origin.chat_id, received + REPLY_SECONDS - age)


class LineBot:
    """Handles LINE webhook events with the shared services; one per process."""

    def __init__(self, services: Services, sender: Sender, blob_api: Any) -> None:
        self.services = services
        self.sender = sender
        self.blob_api = blob_api

    async def handle(self, event: Any, received: float) -> None:
        """Handles one event: a message, a button press, a new friend or group; an error is logged and told in Thai."""
        if event.mode == EventMode.STANDBY:
            return  # another bot server answers this channel now (LINE's module channels)
        origin = origin_of(event)
        where = destination(event, origin, received)
        try:
            if isinstance(event, MessageEvent):
                await self._message(event, origin, where)
            elif isinstance(event, PostbackEvent):
                await self._postback(event.postback.data, origin, where)
            elif isinstance(event, FollowEvent | JoinEvent):
                await self.sender.send(where, welcome_messages(self.services.kb, group=not origin.private))
        except Exception:
            # The traceback, never the message: it holds what the user wrote.
            log.exception("error while handling a LINE %s event", event.type)
            try:
                await self.sender.send(where, text_messages(ERROR_TEXT), push=False)
            except Exception:
                log.warning("could not tell the LINE user about the error", exc_info=True)

    async def _allowed(self, origin: Origin, where: Destination) -> bool:
        """Counts the event against the sender's flood limit; warns once politely, then stays quiet."""
        verdict = self.services.flood.check(origin.user)
        if verdict == "warn":
            await self.sender.send(where, text_messages(FLOOD_TEXT), push=False)
        return verdict == "ok"

    async def _message(self, event: Any, origin: Origin, where: Destination) -> None:
        """Handles a message by kind: a text, a file to check, or a photo, video or sound (a hint)."""
        content = event.message
        if isinstance(content, TextMessageContent):
            await self._text(content, origin, where)
        elif not origin.private:
            return  # a file or a photo in a group cannot be addressed to the bot (LINE gives it no mention)
        elif isinstance(content, FileMessageContent):
            if await self._allowed(origin, where):
                await self._check_file(content, origin, where)
        elif isinstance(content, _MEDIA) and await self._allowed(origin, where):
            await self.sender.send(where, text_messages(MEDIA_TEXT))

    async def _text(self, content: Any, origin: Origin, where: Destination) -> None:
        """Answers a text: in one-to-one chats always, in groups only when it mentions or quotes the bot."""
        addressed = addressed_text(content, origin, self.sender.sent)
        if addressed is None or not await self._allowed(origin, where):
            return
        text = addressed.text.strip()
        if not text or text.startswith("/"):
            await self._command(text, origin, where)
            return
        services = self.services
        async with self.sender.loading(origin.user_id if origin.private else None, after=LOADING_AFTER):
            # Follow-ups in context: a message quoting one of the bot's answers is read with that
            # answer's question (known by the answer's log ref); a short one with the user's last.
            thread = f"{CHANNEL}:{origin.chat_id}"
            turn = await services.respond(
                text, user=origin.user, channel=CHANNEL, chat=origin.chat_type,
                thread=thread, replying_to=addressed.quoted_ref,
            )
        await self.sender.send(where, turn_messages(turn, services.settings.contact), ref=turn.ref)
        if turn.ref is not None:
            services.sent(thread, turn.ref, turn)

    async def _command(self, text: str, origin: Origin, where: Destination) -> None:
        """Answers /check, /stats (admins) and /help; an empty or unknown command gets the help."""
        command = text.split(maxsplit=1)[0].lower() if text else ""
        # What follows the command keeps its line breaks (a pasted draft's clauses).
        rest = text[len(command):].strip()
        services = self.services
        if command == "/check":
            await self._check_text(rest, origin, where)
        elif command == "/stats" and services.is_admin(origin.user):
            stats = await services.stats()
            await self.sender.send(where, text_messages(render_stats(stats, services.kb) if stats else NO_LOG_TEXT))
        elif command == "/start":
            await self.sender.send(where, welcome_messages(services.kb, group=not origin.private))
        else:
            await self.sender.send(where, text_messages(help_text(services.settings.contact)))

    async def _postback(self, data: str, origin: Origin, where: Destination) -> None:
        """Handles a pressed button: feedback, an entry's answer, or a circular's card."""
        if not await self._allowed(origin, where):
            return
        kind, _, payload = data.partition(":")
        services = self.services
        if kind == PB_FEEDBACK:
            value, _, ref = payload.partition(":")
            if value in ("0", "1") and ref:
                await services.feedback(ref, origin.user, 1 if value == "1" else -1)
                await self.sender.send(where, text_messages(THANKS_TEXT))
                return
        elif kind == PB_ENTRY:
            turn = services.entry(payload)
            if turn is not None:
                await self.sender.send(where, turn_messages(turn, services.settings.contact))
                return
        elif kind == PB_CIRCULAR:
            result = await services.lookup(payload)
            await self.sender.send(where, lookup_messages(result) if result else text_messages(NO_REGISTRY_TEXT))
            return
        await self.sender.send(where, text_messages(STALE_BUTTON_TEXT))

    async def _check_text(self, text: str, origin: Origin, where: Destination) -> None:
        """Checks a draft pasted after /check; /check alone explains how to send one."""
        if not text:
            await self.sender.send(where, text_messages(CHECK_PROMPT))
            return
        async with self.sender.loading(origin.user_id if origin.private else None):
            result = await self.services.check(text=text)
        await self.sender.send(where, check_messages(result, source_titles(self.services.kb)))

    async def _check_file(self, content: Any, origin: Origin, where: Destination) -> None:
        """Refuses an oversized file from the size LINE reports; else fetches, checks and reports on it."""
        name = str(content.file_name or DEFAULT_NAME)
        try:
            check_size(int(content.file_size))
            async with self.sender.loading(origin.user_id):
                try:
                    data = await self.blob_api.get_message_content(content.id, _request_timeout=CONTENT_TIMEOUT)
                except (ApiException, aiohttp.ClientError, TimeoutError) as error:
                    # LINE keeps a file's content for a limited time; a failure here is the user's to retry.
                    log.warning("LINE file content not fetched: %s", getattr(error, "status", type(error).__name__))
                    await self.sender.send(where, text_messages(FETCH_FAILED_TEXT))
                    return
                # Drafts are checked in memory and never stored or logged.
                result = await self.services.check(data=bytes(data), name=name)
        except DocumentRefused as error:
            log.info("draft %s refused (%s): %s", name, error.code, error.operator_message)
            await self.sender.send(where, text_messages(error.user_message))
            return
        await self.sender.send(where, check_messages(result, source_titles(self.services.kb), name))
