"""The circular registry as a conversation uses it: opened on first need, skipped for a while after a failure."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.numbers import find_numbers

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.lookups import LookupResult
    from bot.registry import Registry

log = logging.getLogger(__name__)
T = TypeVar("T")

# After a failure the registry is left alone this long, so a dead database costs one timeout,
# not one per message; then the next question tries it again (re-opening it if need be).
RETRY_SECONDS = 30.0
# The longest a question waits for its letter cards; then it is answered without them.
BUDGET_SECONDS = 1.5
# A new database is migrated and seeded on first use, which may take longer than a lookup: the
# opening goes on in the background for up to OPEN_BUDGET_SECONDS, while a question waits for it
# at most FIRST_WAIT_SECONDS (then it is answered without cards, and the next one tries again).
OPEN_BUDGET_SECONDS = 10.0
FIRST_WAIT_SECONDS = 2.0


def _database_errors() -> tuple[type[Exception], ...]:
    """Return the errors that mean the database is away (imported late: `ask` rarely opens it)."""
    # An except clause evaluates its expression only when an exception reaches it.
    from sqlalchemy.exc import SQLAlchemyError

    from bot.knowledge import KnowledgeError
    from bot.store import StoreError

    return (SQLAlchemyError, StoreError, KnowledgeError, OSError)


class CircularsUnavailable(Exception):
    """The registry cannot be reached now; answers go on without letter cards."""


class CircularSource(Protocol):
    """What a conversation needs from the registry (RegistryAccess; a fake in tests)."""

    @property
    def status(self) -> str:
        """Return "ok", "opening", "not-opened" or "unavailable" (for /healthz)."""
        ...

    def close(self) -> None:
        """Release the database connections."""
        ...

    def start_opening(self) -> None:
        """Begin opening the database in the background (at start-up)."""
        ...

    def find_in_text(self, text: str) -> list[LookupResult]:
        """Return a lookup for each letter number written in `text`; raise CircularsUnavailable."""
        ...

    def lookup(self, query: str) -> LookupResult:
        """Look one number up, however typed; raise CircularsUnavailable."""
        ...


class RegistryAccess:
    """Opens the registry lazily and stops asking it for RETRY_SECONDS after it fails (a circuit breaker)."""

    def __init__(
        self,
        open_registry: Callable[[], Registry],
        retry_seconds: float = RETRY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        budget: float = BUDGET_SECONDS,
    ) -> None:
        self._open = open_registry
        self._budget = budget
        # The database work runs here, so a caller waits at most `budget` even if the database hangs
        # (a paused server answers no timeout of its own); a stuck thread is left to finish.
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="registry")
        self._registry: Registry | None = None
        self._opening: Future[Registry] | None = None
        self._slow_opening = False
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._closed_until = 0.0
        self._last_error: str | None = None
        # Re-entrant: a failure while opening (lock held) opens the breaker too.
        self._lock = threading.RLock()

    @property
    def status(self) -> str:
        """Return "ok", "opening", "not-opened" (no question needed it yet) or "unavailable"."""
        if self._clock() < self._closed_until:
            return "unavailable"
        if self._registry is not None:
            return "ok"
        return "opening" if self._opening is not None else "not-opened"

    def start_opening(self) -> None:
        """Begin opening the registry in the background (at start-up), so no question waits for it."""
        with self._lock:
            if self._registry is None and self._opening is None and self._clock() >= self._closed_until:
                self._opening = self._pool.submit(self._open_now)

    def _open_now(self) -> Registry:
        """Open the registry (migrate, seed); on failure open the breaker. Runs in the pool."""
        started = self._clock()
        try:
            registry = self._open()
        except _database_errors() as error:
            with self._lock:
                self._opening = None
            raise self._failed(error) from error
        except BaseException:
            with self._lock:
                self._opening = None
            raise
        with self._lock:
            self._registry = registry
            self._opening = None
        if self._clock() - started > OPEN_BUDGET_SECONDS:
            log.warning("the circular registry took %.0f s to open", self._clock() - started)
        return registry

    @property
    def last_error(self) -> str | None:
        """Return the last failure, one line, for the operator."""
        return self._last_error

    def find_in_text(self, text: str) -> list[LookupResult]:
        """Return a lookup for each letter number in `text` (none: no database work at all)."""
        if not find_numbers(text):
            return []
        return self._call(lambda registry: registry.circulars_in(text))

    def lookup(self, query: str) -> LookupResult:
        """Look one number up."""
        return self._call(lambda registry: registry.lookup(query))

    def _registry_now(self) -> Registry:
        """Return the open registry, waiting at most FIRST_WAIT_SECONDS for its opening."""
        with self._lock:
            if self._clock() < self._closed_until:
                raise CircularsUnavailable(self._last_error or "registry unavailable")
            if self._registry is not None:
                return self._registry
            if self._opening is None:
                self._opening = self._pool.submit(self._open_now)
                self._slow_opening = False
            elif self._slow_opening:
                # One question already waited for this opening in vain: the others do not.
                raise CircularsUnavailable("the registry is still opening")
            opening = self._opening
        try:
            return opening.result(timeout=FIRST_WAIT_SECONDS)
        except FutureTimeout:
            # Still migrating or connecting: no breaker (it may yet open); this question goes without.
            with self._lock:
                self._slow_opening = True
            raise CircularsUnavailable("the registry is still opening") from None

    def _call(self, job: Callable[[Registry], T]) -> T:
        registry = self._registry_now()

        def work() -> T:
            try:
                return job(registry)
            except _database_errors() as error:
                raise self._failed(error) from error

        future = self._pool.submit(work)
        try:
            return future.result(timeout=self._budget)
        except FutureTimeout:
            raise self._failed(TimeoutError(f"the registry did not answer within {self._budget:g} s")) from None

    def _failed(self, error: Exception) -> CircularsUnavailable:
        """Open the breaker and return the exception to raise."""
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        with self._lock:
            self._closed_until = self._clock() + self._retry_seconds
            self._last_error = reason
        log.warning("circular registry unavailable for %.0f s: %s", self._retry_seconds, reason)
        return CircularsUnavailable(reason)

    def close(self) -> None:
        """Release the registry's database connections."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._registry is not None:
                self._registry.close()
                self._registry = None


def registry_access(settings: Settings) -> RegistryAccess:
    """Return access to the registry the settings name (DATABASE_URL or the SQLite file), opened on first use."""

    def open_registry() -> Registry:
        from bot.registry import Registry

        return Registry.from_settings(settings)

    return RegistryAccess(open_registry, budget=min(BUDGET_SECONDS, settings.db_timeout_seconds))
