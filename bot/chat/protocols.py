"""What the Telegram layer needs from the core, as small protocols (no Telegram here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from bot.knowledge import KnowledgeBase
from bot.service import Answer

# A circular lookup result, JSON-like: {query, found, number, date, subject, issuer,
# references: [{number, date, relation}], referenced_by, candidates}.
LookupResult = Mapping[str, Any]


class Answerer(Protocol):
    """Answers a question from a knowledge base (bot.service.PolicyService)."""

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base the answers come from."""
        ...

    def answer(self, question: str) -> Answer:
        """Answer one question."""
        ...


class CircularLookup(Protocol):
    """Finds circulars by number (bot.registry, merged separately)."""

    def lookup(self, query: str) -> LookupResult:
        """Look one circular number up, however typed."""
        ...

    def find_in_text(self, text: str) -> Sequence[LookupResult]:
        """Return lookup results for circular numbers written anywhere in `text`."""
        ...
