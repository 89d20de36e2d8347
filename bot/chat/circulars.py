"""Adapter: the circular registry (bot.registry) seen through the CircularLookup protocol."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from bot.chat.protocols import CircularLookup, LookupResult
from bot.config import Settings
from bot.knowledge import KnowledgeError
from bot.store import StoreError

if TYPE_CHECKING:
    from bot.registry import Registry

log = logging.getLogger(__name__)


class RegistryLookup:
    """Looks circulars up in the registry and hands back its JSON-like results."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def lookup(self, query: str) -> LookupResult:
        """Look one number up, however typed."""
        return self.registry.lookup(query).to_json()

    def find_in_text(self, text: str) -> Sequence[LookupResult]:
        """Return lookups for every letter number written in `text`."""
        return [hit.to_json() for hit in self.registry.circulars_in(text)]

    def close(self) -> None:
        """Release the registry's database connections."""
        self.registry.close()


def open_registry_lookup(settings: Settings) -> CircularLookup | None:
    """Open the registry the settings name; None (and a warning) if its database is unusable."""
    from bot.registry import Registry

    try:
        return RegistryLookup(Registry.from_settings(settings))
    except (StoreError, SQLAlchemyError, KnowledgeError) as error:
        log.warning("circular registry unavailable, /circular will say so: %s", str(error).splitlines()[0])
        return None
