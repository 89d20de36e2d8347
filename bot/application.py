"""The running bot, channel-neutral: knowledge (reload, rollback), registry, question log, checks, flood guard, jobs.

A channel (bot.channels.telegram, later LINE) holds one `Services` and calls its async methods;
blocking work (the database, the checker) runs off the event loop here, not in the channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.checker import CheckResult
from bot.checker.worker import CheckWorker
from bot.circulars import CircularSource, registry_access
from bot.config import Settings
from bot.conversation import Conversation, Turn, answerer_for
from bot.flood import FloodGuard
from bot.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from bot.lookups import LookupResult
from bot.memory import ChatMemory
from bot.querylog import QuestionLogger, Stats, UnansweredGroup

log = logging.getLogger(__name__)
T = TypeVar("T")

RETENTION_INTERVAL = 24 * 3600.0
# How long the most asked entries (for an empty inline query) are reused before the log is asked again,
# and how long a caller waits for the first answer before the knowledge base's examples stand in.
MOST_ASKED_SECONDS = 600.0
MOST_ASKED_WAIT = 1.0
# Threads for turns and database work: a stalled database ties up at most these, never the event loop.
WORKERS = 4


@dataclass(frozen=True)
class ReloadResult:
    """What `/reload` did: the new knowledge's size, or the problems that kept the old one serving."""

    ok: bool
    entries: int = 0
    documents: int = 0
    problems: tuple[str, ...] = ()


class Services:
    """Everything the channels share; one per process (see README for what that implies)."""

    def __init__(
        self,
        settings: Settings,
        conversation: Conversation,
        querylog: QuestionLogger | None = None,
        circulars: CircularSource | None = None,
    ) -> None:
        self.settings = settings
        self.conversation = conversation
        self.querylog = querylog
        self.circulars = circulars
        self.flood = FloodGuard(settings.rate_limit_per_minute)
        self.admins = settings.admin_user_ids
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="policybot")
        # Draft checks run in one worker process, one at a time, each under a wall-clock limit:
        # a hostile file is killed there and never holds the GIL or memory of the chats.
        self.checker = CheckWorker(settings.check_timeout_seconds, contact=settings.contact.line)
        self._jobs: set[asyncio.Task[Any]] = set()
        self.memory = ChatMemory(settings.context_minutes)
        self._most_asked: tuple[float, list[str]] | None = None
        self._most_asked_job: asyncio.Task[None] | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base currently served."""
        return self.conversation.kb

    def is_admin(self, user: str) -> bool:
        """Tell whether a channel-qualified user id may use the admin commands."""
        return user in self.admins

    async def _blocking(self, job: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, job)

    async def _database(self, job: Callable[[], T], unavailable: T) -> T:
        """Run database work off the event loop; past the database timeout, give `unavailable` instead."""
        try:
            return await asyncio.wait_for(self._blocking(job), self.settings.db_timeout_seconds + 1)
        except TimeoutError:
            log.warning("the question log did not answer within %.0f s", self.settings.db_timeout_seconds + 1)
            return unavailable

    # --- the conversation ------------------------------------------------------------------------

    async def respond(
        self,
        text: str,
        *,
        user: str,
        channel: str,
        chat: str = "private",
        log_turn: bool = True,
        thread: str | None = None,
        replying_to: str | None = None,
    ) -> Turn:
        """Answer one message through the conversation turn; a turn that asks the registry runs off the event loop.

        `thread` names the chat (channel-qualified) for follow-ups: the message is read with the answer
        it replies to (`replying_to`, a bot message id) or with the same user's recent question there.
        """
        conversation = self.conversation
        context = self.memory.context(thread, user, replying_to) if thread is not None else None

        def respond() -> Turn:
            return conversation.respond(
                text, user=user, channel=channel, chat=chat, log_turn=log_turn, context=context
            )

        if conversation.needs_registry(text):
            turn = await self._blocking(respond)
        else:
            # No database work: matching takes about a millisecond of CPU, and the log row only joins
            # a queue, so a thread hop would cost more (and contend for the GIL) than it saves.
            turn = respond()
        # A question, answered or declined, is what a follow-up goes on from ("แล้วค่าที่พักล่ะ" after a
        # declined allowance question is about allowances); a greeting or a thank-you changes nothing.
        if thread is not None and turn.carries_on:
            self.memory.remember(thread, user, turn.context)
        return turn

    def sent(self, thread: str, message: str, turn: Turn) -> None:
        """Note that the bot's message `message` in `thread` carries `turn`, so a reply to it is read with it."""
        if turn.carries_on:
            self.memory.sent(thread, message, turn.context)

    def entry(self, entry_id: str) -> Turn | None:
        """Return the turn for one entry by id (no database work)."""
        return self.conversation.entry(entry_id)

    async def lookup(self, query: str) -> LookupResult | None:
        """Look a letter up by number; None when the registry cannot be reached."""
        conversation = self.conversation
        return await self._blocking(lambda: conversation.lookup(query))

    async def reload(self) -> ReloadResult:
        """Re-read knowledge/; if it is invalid, keep serving the old knowledge and return the problems."""
        current = self.conversation
        settings = self.settings

        def build() -> Conversation:
            kb = load_knowledge(settings.knowledge_dir)
            answerer = answerer_for(kb, settings)
            return Conversation(answerer, current.circulars, current.turn_log)

        try:
            fresh = await self._blocking(build)
        except KnowledgeError as error:
            return ReloadResult(ok=False, problems=tuple(error.problems))
        self.conversation = fresh
        log.info("knowledge reloaded: %d entries, %d documents", len(fresh.kb.entries), len(fresh.kb.documents))
        return ReloadResult(ok=True, entries=len(fresh.kb.entries), documents=len(fresh.kb.documents))

    # --- the question log ------------------------------------------------------------------------

    async def feedback(self, ref: str, user: str, value: int) -> bool:
        """Store a 👍/👎 on a logged answer; False for an unknown reference or no database."""
        querylog = self.querylog
        return querylog is not None and await self._database(lambda: querylog.feedback(ref, user, value), False)

    async def comment(self, user: str, channel: str, text: str) -> bool:
        """Store a /feedback comment for the admins; False for no database."""
        querylog = self.querylog
        return querylog is not None and await self._database(lambda: querylog.comment(user, channel, text), False)

    async def most_asked(self, limit: int = 5) -> list[str]:
        """Return the ids of the most asked entries (question log, refreshed every few minutes), then examples.

        Never waits long on the database: while the log is slow or away the knowledge base's examples stand in.
        """
        stale = self._most_asked is None or time.monotonic() - self._most_asked[0] > MOST_ASKED_SECONDS
        if stale and (self._most_asked_job is None or self._most_asked_job.done()):
            self._most_asked_job = asyncio.get_running_loop().create_task(self._refresh_most_asked())
            self._jobs.add(self._most_asked_job)
            self._most_asked_job.add_done_callback(self._jobs.discard)
        if self._most_asked is None and self._most_asked_job is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._most_asked_job), MOST_ASKED_WAIT)
        kb = self.kb
        logged = [entry_id for entry_id in (self._most_asked[1] if self._most_asked else []) if entry_id in kb.by_id]
        ids = [*logged, *(entry.id for entry in kb.examples)]
        return [entry_id for entry_id in dict.fromkeys(ids) if not kb.by_id[entry_id].is_smalltalk][:limit]

    async def _refresh_most_asked(self) -> None:
        stats = await self.stats()
        self._most_asked = (time.monotonic(), [entry_id for entry_id, _ in stats.top_entries] if stats else [])

    async def stats(self) -> Stats | None:
        """Return /stats figures; None while the log database is away."""
        querylog = self.querylog
        return None if querylog is None else await self._database(querylog.stats, None)

    async def unanswered(self) -> list[UnansweredGroup] | None:
        """Return the most frequent declined questions with the nearest entry; None while the database is away."""
        querylog = self.querylog
        if querylog is None:
            return None
        answerer = self.conversation.answerer

        def nearest(text: str) -> str | None:
            suggestions = answerer.answer(text).suggestions
            return suggestions[0].id if suggestions else None

        return await self._database(lambda: querylog.unanswered(nearest), None)

    # --- draft checks ----------------------------------------------------------------------------

    async def check(self, text: str | None = None, data: bytes | None = None, name: str = "") -> CheckResult:
        """Check a pasted draft (`text`) or a file's bytes in the worker; DocumentRefused if unreadable or too slow."""
        if text is not None:
            return await self.checker.check_async(text)
        return await self.checker.check_async(data or b"", name or "draft")

    # --- health and lifecycle --------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """Return the state of each part; "degraded" when a database is away but questions are answered."""
        kb = self.kb
        registry = self.circulars.status if self.circulars is not None else "off"
        log_state = "off" if self.querylog is None else ("ok" if self.querylog.available else "unavailable")
        degraded = registry == "unavailable" or log_state == "unavailable"
        return {
            "status": "degraded" if degraded else "ok",
            "knowledge": {"entries": len(kb.entries), "documents": len(kb.documents)},
            "registry": registry,
            "question_log": log_state,
            "pending_log_rows": self.querylog.pending if self.querylog is not None else 0,
        }

    async def start(self) -> None:
        """Open the question log, warm the matcher and checker up, start the daily retention job."""
        querylog = self.querylog
        if querylog is not None:
            await self._blocking(querylog.open)
            querylog.start()
            self._spawn(self._retention_loop())
        if self.circulars is not None:
            # Migrate and seed a new registry now, in the background, rather than on a user's question.
            self.circulars.start_opening()
        # The first question would otherwise pay for building the word-segmentation dictionary,
        # and the first /check for compiling the checker's patterns.
        answerer = self.conversation.answerer
        await self._blocking(lambda: answerer.answer("เมืองพี่เมืองน้อง"))
        # Start the checker's process in the background: questions are answered meanwhile.
        self._spawn(self._start_checker())

    async def _start_checker(self) -> None:
        try:
            await asyncio.to_thread(self.checker.start)
        except Exception as error:  # the first /check retries the start and reports it in Thai
            log.warning("the checker worker did not start: %s", error)

    async def stop(self) -> None:
        """Stop the jobs and the checker (killing a check in progress), write the log rows, close the databases."""
        self.checker.close()
        for task in list(self._jobs):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self.querylog is not None:
            await asyncio.to_thread(self.querylog.close)
        if self.circulars is not None:
            await asyncio.to_thread(self.circulars.close)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _spawn(self, job: Any) -> None:
        task = asyncio.get_running_loop().create_task(job)
        self._jobs.add(task)
        task.add_done_callback(self._jobs.discard)

    async def _retention_loop(self) -> None:
        """Delete question logs past LOG_RETENTION_DAYS now and once a day; forget idle flood counters."""
        querylog = self.querylog
        while querylog is not None:
            deleted = await self._blocking(lambda: querylog.purge(self.settings.log_retention_days))
            if deleted:
                log.info("question log retention: %d old row(s) deleted", deleted)
            self.flood.forget_idle()
            await asyncio.sleep(RETENTION_INTERVAL)


def build_services(settings: Settings) -> Services:
    """Load the knowledge base (KnowledgeError if invalid) and build the shared services on the settings."""
    querylog = QuestionLogger(settings.database_url, settings.user_hash_salt, settings.db_timeout_seconds)
    circulars = registry_access(settings)
    kb = load_knowledge(settings.knowledge_dir)
    conversation = Conversation(answerer_for(kb, settings), circulars, querylog)
    return Services(settings, conversation, querylog, circulars)
