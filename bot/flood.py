"""Per-user flood guard: at most N messages a minute, a polite warning once, then silence.

The counters live in this process's memory only. With several bot processes behind a load
balancer each keeps its own, so a user may get up to N messages a minute per process.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class FloodGuard:
    """Sliding one-minute window of message times per user."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic, window: float = 60.0) -> None:
        self.per_minute = per_minute
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._warned: dict[str, float] = {}

    def check(self, user: str) -> str:
        """Count one message from `user` (a channel-qualified id); return "ok", "warn" (first one over) or "drop"."""
        now = self.clock()
        times = self._seen.setdefault(user, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) < self.per_minute:
            times.append(now)
            self._warned.pop(user, None)
            return "ok"
        warned_at = self._warned.get(user)
        if warned_at is not None and now - warned_at < self.window:
            return "drop"
        self._warned[user] = now
        return "warn"

    def __len__(self) -> int:
        """Return how many users the guard is counting."""
        return len(self._seen)

    def forget_idle(self) -> None:
        """Drop users with no message in the window, so memory stays bounded."""
        now = self.clock()
        for user in [key for key, times in self._seen.items() if not times or now - times[-1] >= self.window]:
            del self._seen[user]
            self._warned.pop(user, None)
