"""The circular registry as a conversation uses it: opened on first need, skipped for a while after a failure."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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
OPEN_BUDGET_SECONDS = 10.0


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
        """Return "ok", "not-opened" or "unavailable" (for /healthz)."""
        ...

    def close(self) -> None:
        """Release the database connections."""
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
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._closed_until = 0.0
        self._last_error: str | None = None
        # Re-entrant: a failure while opening (lock held) opens the breaker too.
        self._lock = threading.RLock()

    @property
    def status(self) -> str:
        """Return "ok", "not-opened" (no question needed it yet) or "unavailable"."""
        if self._clock() < self._closed_until:
            return "unavailable"
        return "ok" if self._registry is not None else "not-opened"

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
        with self._lock:
            if self._clock() < self._closed_until:
                raise CircularsUnavailable(self._last_error or "registry unavailable")
            if self._registry is None:
                try:
                    self._registry = self._open()
                except _database_errors() as error:
                    raise self._failed(error) from error
            return self._registry

    def _call(self, job: Callable[[Registry], T]) -> T:
        if self._clock() < self._closed_until:
            raise CircularsUnavailable(self._last_error or "registry unavailable")

        def work() -> T:
            registry = self._registry_now()
            try:
                return job(registry)
            except _database_errors() as error:
                raise self._failed(error) from error

        # The first use migrates and seeds a new database: it may take longer than a lookup.
        budget = self._budget if self._registry is not None else max(self._budget, OPEN_BUDGET_SECONDS)
        future = self._pool.submit(work)
        try:
            return future.result(timeout=budget)
        except FutureTimeout:
            raise self._failed(TimeoutError(f"the registry did not answer within {budget:g} s")) from None

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
