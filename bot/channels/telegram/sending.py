"""Sending to Telegram: keep under its rate limits, wait out a flood limit per chat, retry what failed in transit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
# A reply is tried again for at most this long (then it is dropped, and that is logged).
RETRY_SECONDS = 60.0
_FIRST_BACKOFF = 0.5
_MAX_BACKOFF = 8.0
# Errors that sending again cannot mend.
_FINAL = (BadRequest, Forbidden, InvalidToken, Conflict, ChatMigrated)


def _group(chat: object) -> int | str | bool:
    """Return the group a chat id names for the per-group limit (negative ids and @channel names), or False."""
    with contextlib.suppress(ValueError, TypeError):
        chat = int(chat)  # type: ignore[call-overload]
    if (isinstance(chat, int) and chat < 0) or isinstance(chat, str):
        return chat
    return False


class ChatRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter, but a flood wait pauses only its own chat, and transient failures are retried.

    AIORateLimiter pauses every request while one chat waits out a 429 (one chat's retry_after=30
    stalled every other chat for 30 s) and gives up after a few tries. Here a 429 delays only the
    chat it names; 5xx replies, network errors and garbled answers are retried with backoff; and a
    reply is dropped only after RETRY_SECONDS, logged with the chat's hash, never its contents.
    """

    def __init__(self, chat_hash: Callable[[object], str], retry_seconds: float = RETRY_SECONDS) -> None:
        super().__init__(max_retries=0)
        self._chat_hash = chat_hash
        self._retry_seconds = retry_seconds
        self._paused_until: dict[object, float] = {}

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Send one request: wait for its chat's flood limit, retry transient failures for a bounded time."""
        chat = data.get("chat_id")
        deadline = time.monotonic() + self._retry_seconds
        backoff = _FIRST_BACKOFF
        tries = 0
        while True:
            tries += 1
            await self._wait_for_chat(chat)
            try:
                # AIORateLimiter's own limits (30 a second, 20 a minute per group), without its global pause.
                return await self._run_request(
                    chat=chat is not None,
                    group=_group(chat),
                    allow_paid_broadcast=bool(data.get("allow_paid_broadcast")),
                    callback=callback,
                    args=args,
                    kwargs=kwargs,
                )
            except RetryAfter as error:
                wait = error.retry_after
                seconds = wait if isinstance(wait, int | float) else wait.total_seconds()
                self._paused_until[chat] = max(self._paused_until.get(chat, 0.0), time.monotonic() + seconds + 0.1)
                failure: TelegramError = error
            except _FINAL:
                raise
            except TelegramError as error:
                # 5xx (NetworkError), timeouts, a garbled answer ("Invalid server response"): try again.
                failure = error
                await asyncio.sleep(min(backoff, max(0.0, deadline - time.monotonic())) * random.uniform(0.8, 1.2))
                backoff = min(_MAX_BACKOFF, backoff * 2)
            if time.monotonic() >= deadline:
                log.warning("telegram %s to chat %s dropped after %d tries over %.0f s: %s", endpoint,
                            self._chat_hash(chat), tries, self._retry_seconds, type(failure).__name__)
                raise failure
            log.info("telegram %s to chat %s failed (%s); trying again", endpoint, self._chat_hash(chat),
                     type(failure).__name__)

    async def _wait_for_chat(self, chat: object) -> None:
        """Sleep while this chat is under a flood limit; other chats go on."""
        until = self._paused_until.get(chat)
        if until is None:
            return
        delay = until - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        with contextlib.suppress(KeyError):
            if self._paused_until[chat] <= time.monotonic():
                del self._paused_until[chat]
