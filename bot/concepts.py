"""The decisive concepts of a question (which letters it names, ...), so entries can say when they apply.

An entry's `applies` (knowledge/entries/*.yaml) lists concepts it `needs` (all must be in the
question) and concepts that `exclude` it (none may be): a question without the needed concept
cannot get that entry's verdict, however many other words it shares with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.numbers import LetterNumber, find_numbers, parse_number

if TYPE_CHECKING:
    from bot.knowledge import KnowledgeSource

# A letter number whose letter is not among the knowledge base's documents.
UNKNOWN_LETTER = "letter:unknown"
LETTER_PREFIX = "letter:"
# Concepts known without the knowledge base (letter:<document id> is added per numbered document).
CONCEPTS: frozenset[str] = frozenset({UNKNOWN_LETTER})


def letter_concept(document_id: str) -> str:
    """Return the concept of a question that names this knowledge-base document by number."""
    return f"{LETTER_PREFIX}{document_id}"


def known_concepts(documents: Mapping[str, KnowledgeSource]) -> frozenset[str]:
    """Return every concept an entry may name: the fixed ones and one per numbered document."""
    return CONCEPTS | {letter_concept(doc.id) for doc in documents.values() if doc.number}


class ConceptDetector:
    """Finds the concepts of questions, with one knowledge base's documents."""

    def __init__(self, documents: Mapping[str, KnowledgeSource]) -> None:
        self._letters: list[tuple[LetterNumber, str]] = []
        for document in documents.values():
            number = parse_number(document.number) if document.number else None
            if number is not None:
                self._letters.append((number, document.id))

    def _letter(self, number: LetterNumber) -> str | None:
        """Return the document a typed number names, matched as far as it was typed ("ว 0313" = its serial)."""
        for known, document_id in self._letters:
            if {"full": known.key_full, "tail": known.key_tail, "serial": known.key_serial}[number.level] == number.key:
                return document_id
        return None

    def detect(self, text: str) -> frozenset[str]:
        """Return the concepts in `text`."""
        found: set[str] = set()
        for number, _ in find_numbers(text):
            document_id = self._letter(number)
            found.add(letter_concept(document_id) if document_id else UNKNOWN_LETTER)
        return frozenset(found)
