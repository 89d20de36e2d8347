"""What each chat asked last, so that a follow-up ("แล้ว อบจ. ล่ะ") is read with it: channel-neutral.

Two ways a message follows an earlier answer: it replies to that answer's message (any time, while
the reply is remembered), or it comes from the same person in the same chat within a few minutes.
Memory is per process and bounded; a restart forgets, which only means a follow-up is read alone.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from bot.followups import Context

# Bounds: enough for every chat of a district's officials many times over, a few MB at most.
MAX_SPEAKERS = 10_000
MAX_REPLIES = 20_000


class ChatMemory:
    """The last question each speaker asked in each chat, and the question behind each bot message."""

    def __init__(self, minutes: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = minutes * 60.0
        self._clock = clock
        self._last: OrderedDict[tuple[str, str], tuple[float, Context]] = OrderedDict()
        self._replies: OrderedDict[tuple[str, str], Context] = OrderedDict()
        # Channels may call from the event loop and from worker threads.
        self._lock = threading.Lock()

    def context(self, chat: str, speaker: str, replying_to: str | None = None) -> Context | None:
        """Return what a message is read with: the answer it replies to, else the speaker's recent question."""
        with self._lock:
            if replying_to is not None:
                replied = self._replies.get((chat, replying_to))
                if replied is not None:
                    return replied
            last = self._last.get((chat, speaker))
            if last is None or self._clock() - last[0] > self.window:
                return None
            return last[1]

    def remember(self, chat: str, speaker: str, context: Context) -> None:
        """Note the question a speaker's answered message was read as (what the next follow-up goes on from)."""
        with self._lock:
            key = (chat, speaker)
            self._last.pop(key, None)
            self._last[key] = (self._clock(), context)
            while len(self._last) > MAX_SPEAKERS:
                self._last.popitem(last=False)

    def forget(self, chat: str, speaker: str) -> None:
        """Drop a speaker's recent question (a new topic, /start): the next message is read alone."""
        with self._lock:
            self._last.pop((chat, speaker), None)

    def sent(self, chat: str, message: str, context: Context) -> None:
        """Note the question behind one of the bot's messages, for replies to it later."""
        with self._lock:
            key = (chat, message)
            self._replies.pop(key, None)
            self._replies[key] = context
            while len(self._replies) > MAX_REPLIES:
                self._replies.popitem(last=False)
