"""Sending to LINE: reply with the event's token while it is valid, push only as the allowed fallback.

A reply token is single-use and valid for about a minute after the event (LINE's documentation);
replies are free, pushes count against the LINE Official Account's monthly message quota. So a
reply is retried on 429 and 5xx until REPLY_SECONDS after the webhook arrived; a push is sent
only when the reply could not go through (token expired, refused, or still failing when the
window closed) and LINE_PUSH_FALLBACK allows it. A reply that failed with a 5xx may still have
been delivered: when a retry then finds the token spent, the first try went through and nothing
more is sent. Pushes carry a retry key, so retrying one never delivers it twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import aiohttp
from linebot.v3.messaging import PushMessageRequest, ReplyMessageRequest, ShowLoadingAnimationRequest
from linebot.v3.messaging.exceptions import ApiException

from bot.channels.line.render import MAX_MESSAGES

log = logging.getLogger(__name__)

# LINE documents about a minute for a reply token; stop using it a little before.
REPLY_SECONDS = 50.0
PUSH_SECONDS = 30.0
REQUEST_TIMEOUT = 10.0
_FIRST_BACKOFF = 0.5
_MAX_BACKOFF = 4.0
LOADING_SECONDS = 20  # LINE takes 5-60 in steps of 5; the animation ends when the answer arrives
# Bot messages remembered (by LINE message id) so that a message quoting one counts as addressed to the bot.
REMEMBERED_MESSAGES = 10_000

Outcome = Literal["replied", "pushed", "dropped"]
_ReplyState = Literal["replied", "spent", "unused", "refused"]


@dataclass(frozen=True)
class Destination:
    """Where the reply to one event goes: its reply token until `deadline`, else a push to `to`."""

    reply_token: str | None
    to: str | None
    deadline: float  # on the sender's clock (time.monotonic)


class SentMessages:
    """The ids of the messages this process sent, each with the log reference of the answer it carried."""

    def __init__(self, limit: int = REMEMBERED_MESSAGES) -> None:
        self._limit = limit
        self._refs: OrderedDict[str, str | None] = OrderedDict()

    def remember(self, message_ids: Sequence[str], ref: str | None) -> None:
        """Record sent message ids; the oldest are forgotten past the limit."""
        for message_id in message_ids:
            self._refs[message_id] = ref
            self._refs.move_to_end(message_id)
        while len(self._refs) > self._limit:
            self._refs.popitem(last=False)

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._refs

    def ref(self, message_id: str) -> str | None:
        """Return the log reference of the answer a sent message carried, if any."""
        return self._refs.get(message_id)


def _sent_ids(response: Any) -> list[str]:
    return [str(sent.id) for sent in (getattr(response, "sent_messages", None) or [])]


def _status(error: ApiException) -> int:
    return int(error.status or 0)


def _reason(error: ApiException) -> str:
    """Return LINE's error message (its JSON `message`; it names fields, never users' texts)."""
    body = error.body if isinstance(error.body, str) else ""
    return body[:200]


class Sender:
    """Sends messages for the handlers through the SDK's Messaging API client."""

    def __init__(self, api: Any, *, push_allowed: bool, clock: Callable[[], float] = time.monotonic) -> None:
        self.api = api
        self.push_allowed = push_allowed
        self.clock = clock
        self.sent = SentMessages()

    async def send(self, destination: Destination, messages: Sequence[Any], ref: str | None = None,
                   *, push: bool = True) -> Outcome:
        """Reply (retrying within the token's time), else push if allowed; return what happened."""
        messages = list(messages)[:MAX_MESSAGES]
        state = await self._reply(destination, messages, ref)
        if state in ("replied", "spent"):
            return "replied"
        if state == "refused" or not push:
            return "dropped"
        if not self.push_allowed or destination.to is None:
            log.warning("LINE reply not delivered and no push allowed (LINE_PUSH_FALLBACK=no): answer dropped")
            return "dropped"
        return await self._push(destination.to, messages, ref)

    async def _reply(self, destination: Destination, messages: list[Any], ref: str | None) -> _ReplyState:
        """Use the reply token, retrying 429, 5xx and network failures until the destination's deadline."""
        if destination.reply_token is None:
            return "unused"
        request = ReplyMessageRequest(reply_token=destination.reply_token, messages=messages)
        backoff = _FIRST_BACKOFF
        in_doubt = False  # an earlier try may have been delivered (5xx, lost connection)
        while (left := destination.deadline - self.clock()) > 0:
            try:
                response = await self.api.reply_message(request, _request_timeout=min(REQUEST_TIMEOUT, left))
            except ApiException as error:
                status = _status(error)
                if status == 400 and in_doubt:
                    # The token is single-use: refused now, it was used by the try whose answer was lost.
                    log.info("LINE reply token already used by an earlier try: the reply went through")
                    return "spent"
                if status in (401, 403):
                    log.error("LINE refused the channel access token (%d): check LINE_CHANNEL_ACCESS_TOKEN", status)
                    return "refused"
                if status == 400:
                    log.warning("LINE refused the reply (400 %s)", _reason(error))
                    return "unused" if "reply token" in _reason(error).lower() else "refused"
                if status != 429 and status < 500:
                    log.warning("LINE refused the reply (%d %s)", status, _reason(error))
                    return "refused"
                in_doubt = in_doubt or status >= 500
                failure = f"HTTP {status}"
            except (aiohttp.ClientError, TimeoutError) as error:
                in_doubt = True
                failure = type(error).__name__
            else:
                self.sent.remember(_sent_ids(response), ref)
                return "replied"
            delay = min(backoff, destination.deadline - self.clock()) * random.uniform(0.8, 1.0)
            if delay <= 0:
                break
            log.info("LINE reply failed (%s); trying again in %.1f s", failure, delay)
            await asyncio.sleep(delay)
            backoff = min(_MAX_BACKOFF, backoff * 2)
        log.warning("LINE reply token out of time before the reply went through")
        return "unused"

    async def _push(self, to: str, messages: list[Any], ref: str | None) -> Outcome:
        """Push the messages, retrying transient failures under one retry key (delivered at most once)."""
        request = PushMessageRequest(to=to, messages=messages)
        key = str(uuid.uuid4())
        deadline = self.clock() + PUSH_SECONDS
        backoff = _FIRST_BACKOFF
        while True:
            try:
                response = await self.api.push_message(request, x_line_retry_key=key, _request_timeout=REQUEST_TIMEOUT)
            except ApiException as error:
                status = _status(error)
                if status == 409:
                    return "pushed"  # an earlier try with this retry key was accepted
                if status != 429 and status < 500:
                    log.warning("LINE refused the push (%d %s): answer dropped", status, _reason(error))
                    return "dropped"
                failure = f"HTTP {status}"
            except (aiohttp.ClientError, TimeoutError) as error:
                failure = type(error).__name__
            else:
                self.sent.remember(_sent_ids(response), ref)
                log.info("LINE answer pushed (the reply token could not be used)")
                return "pushed"
            if self.clock() + backoff > deadline:
                log.warning("LINE push still failing after %.0f s (%s): answer dropped", PUSH_SECONDS, failure)
                return "dropped"
            await asyncio.sleep(backoff * random.uniform(0.8, 1.0))
            backoff = min(_MAX_BACKOFF, backoff * 2)

    async def show_loading(self, user_id: str) -> None:
        """Show LINE's loading animation in a one-to-one chat; a failure here only loses the hint."""
        request = ShowLoadingAnimationRequest(chat_id=user_id, loading_seconds=LOADING_SECONDS)
        try:
            await self.api.show_loading_animation(request, _request_timeout=REQUEST_TIMEOUT)
        except (ApiException, aiohttp.ClientError, TimeoutError):
            log.debug("LINE loading animation failed", exc_info=True)

    @contextlib.asynccontextmanager
    async def loading(self, user_id: str | None, after: float = 0.0) -> AsyncIterator[None]:
        """Show the loading animation if the block takes longer than `after` seconds (one-to-one chats only)."""
        if user_id is None:
            yield
            return
        asked = asyncio.Event()

        async def show() -> None:
            await asyncio.sleep(after)
            asked.set()
            await self.show_loading(user_id)

        task = asyncio.get_running_loop().create_task(show())
        try:
            yield
        finally:
            if not asked.is_set():
                task.cancel()
            # An animation already asked for must reach LINE before the answer, or it would outlast it.
            await asyncio.gather(task, return_exceptions=True)
