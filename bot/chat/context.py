"""Shared services for handlers, reached with typed access through `context.services`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from telegram.ext import Application, CallbackContext, ExtBot

from bot.chat.flood import FloodGuard
from bot.chat.protocols import Answerer, CircularLookup
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.querylog import QuestionLogger

log = logging.getLogger(__name__)

SERVICES_KEY = "services"


@dataclass
class Services:
    """Everything the handlers share; one per process (see README for what that implies)."""

    settings: Settings
    answerer: Answerer
    # Builds a new answerer from reloaded knowledge (/reload).
    make_answerer: Callable[[KnowledgeBase], Answerer]
    circulars: CircularLookup | None = None
    querylog: QuestionLogger | None = None
    flood: FloodGuard = field(default_factory=lambda: FloodGuard(20))
    admins: frozenset[int] = frozenset()
    background: set[asyncio.Task[Any]] = field(default_factory=set)
    # Draft checks (/check) run one at a time in a worker thread; others wait their turn. A check is
    # pure Python and holds the GIL, so running two at once gains nothing and slows every other
    # chat (bench/bench_telegram_check.py: question p99 ~680 ms with two, ~200 ms with one).
    check_slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(1))

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base currently served."""
        return self.answerer.kb

    def spawn(self, job: Callable[[], object]) -> None:
        """Run blocking `job` in a worker thread without waiting; shutdown waits for it."""
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(job))
        self.background.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("background job failed", exc_info=task.exception())

    async def drain(self) -> None:
        """Wait for background jobs (log writes) to finish."""
        if self.background:
            await asyncio.gather(*list(self.background), return_exceptions=True)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Callback context with typed access to the shared services."""

    @property
    def services(self) -> Services:
        """Return the services stored in bot_data by the application factory."""
        return cast(Services, self.bot_data[SERVICES_KEY])


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]
