"""One conversation turn for every channel: a message in, a `Turn` out (answer, letter cards, what is logged).

The CLI, `eval`, the benches and every chat channel call `Conversation.respond`; channels only
render the `Turn` (bot.plain for text, bot.channels.telegram.render for Telegram HTML).
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, Protocol

from bot import thai
from bot.answers import Answer, Answerer
from bot.circulars import CircularSource, CircularsUnavailable, registry_access
from bot.clock import utcnow
from bot.config import Settings
from bot.followups import Context, asks_why, closes, combine, has_marker, is_follow_up
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.lookups import LookupResult
from bot.numbers import find_numbers
from bot.texts import CARDS_UNAVAILABLE_TEXT, unknown_number_text

log = logging.getLogger(__name__)

TurnKind = Literal["answer", "cards", "smalltalk", "decline", "empty"]
MAX_CARDS = 3


@dataclass(frozen=True)
class LogRecord:
    """What is logged of one turn; `user` is the channel-qualified id, hashed before it is stored."""

    ref: str
    user: str
    channel: str
    chat_type: str
    question: str
    entry_id: str | None
    verdict: str | None
    confidence: float
    declined: bool
    latency_ms: float
    created_at: datetime = field(default_factory=utcnow)


class TurnLog(Protocol):
    """Where turns are logged (bot.querylog.QuestionLogger, through the application's writer)."""

    def submit(self, record: LogRecord) -> None:
        """Take one log row for writing; must not wait for the database."""
        ...


@dataclass(frozen=True)
class Turn:
    """The bot's whole reply to one message: the knowledge base's answer and the letters it names."""

    answer: Answer
    cards: tuple[LookupResult, ...] = ()
    # The question named letters but the registry could not be asked (database away).
    cards_unavailable: bool = False
    # Short lines a channel shows after the answer: registry unavailable, a number it does not know.
    notes: tuple[str, ...] = ()
    # The log row's reference (feedback buttons carry it); None when the turn was not logged.
    ref: str | None = None
    # For a follow-up, the question as it was read: the earlier one with the follow-up; else None.
    read_with: str | None = None

    @property
    def context(self) -> Context:
        """Return what a follow-up to this turn is read with: the question as this turn understood it."""
        return Context(self.read_with or self.question, self.answer.entry_id)

    @property
    def carries_on(self) -> bool:
        """Tell whether a next message may go on from this turn: a question was asked (answered or not)."""
        return self.kind not in ("smalltalk", "empty")

    @property
    def question(self) -> str:
        """Return the message as the user wrote it."""
        return self.answer.question

    @property
    def found_cards(self) -> tuple[LookupResult, ...]:
        """Return the cards of letters the registry holds."""
        return tuple(card for card in self.cards if card.found)

    @property
    def kind(self) -> TurnKind:
        """Tell what the reply is: an entry's answer, letter cards only, small talk, a decline, or empty."""
        if self.answer.kind == "entry":
            return "answer"
        if self.cards and self.answer.kind in ("decline", "empty"):
            return "cards"
        return self.answer.kind

    @property
    def answered(self) -> bool:
        """Tell whether the reply answers the message (an entry, or a letter the registry holds)."""
        return self.answer.kind == "entry" or bool(self.found_cards)

    @property
    def declined(self) -> bool:
        """Tell whether this was a question the bot could not answer (what curators should look at)."""
        # Small talk ("สวัสดี") and an empty message are not questions the curators missed.
        return not self.answered and self.answer.kind == "decline"

    def to_json(self) -> dict[str, Any]:
        """Return the object documented for `policybot ask --json`."""
        answer = self.answer
        return {
            "question": answer.question,
            "entry_id": answer.entry_id,
            "verdict": answer.verdict,
            "confidence": round(answer.confidence, 4),
            "answer": answer.text,
            "sources": [source.title for source in answer.sources],
            "source_ids": [source.id for source in answer.sources],
            "suggestions": [entry.id for entry in answer.suggestions],
            "related": [entry.id for entry in answer.related],
            "also": [part.entry_id for part in answer.also],
            "circulars": [card.number for card in self.found_cards if card.number],
            "cards": [card.to_json() for card in self.cards],
            "cards_unavailable": self.cards_unavailable,
            "title": answer.entry.title if answer.entry else None,
            "smalltalk": answer.smalltalk,
            "kind": self.kind,
            "read_with": self.read_with,
        }


class Conversation:
    """Turns messages into replies from one knowledge base and the circular registry."""

    def __init__(
        self,
        answerer: Answerer,
        circulars: CircularSource | None = None,
        turn_log: TurnLog | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.answerer = answerer
        self.circulars = circulars
        self.turn_log = turn_log
        self._clock = clock

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base answers come from."""
        return self.answerer.kb

    def needs_registry(self, text: str) -> bool:
        """Tell whether answering `text` asks the registry (it names a letter number): database work."""
        return self.circulars is not None and bool(find_numbers(text))

    def respond(self, text: str, *, user: str = "cli:local", channel: str = "cli", chat: str = "private",
                log_turn: bool = True, context: Context | None = None) -> Turn:
        """Answer one message (read with `context`, the earlier question, when it is a follow-up): the entry,
        cards for the letter numbers in it, and the log row."""
        started = self._clock()
        answer, read_with = self._answer(text, context)
        cards: tuple[LookupResult, ...] = ()
        unavailable = False
        if self.circulars is not None:
            try:
                cards = tuple(self.circulars.find_in_text(text)[:MAX_CARDS])
            except CircularsUnavailable:
                unavailable = True
        notes = []
        if unavailable:
            notes.append(CARDS_UNAVAILABLE_TEXT)
        elif cards and not any(card.found for card in cards):
            notes.append(unknown_number_text(self.answerer.contact))
        logged = self.turn_log is not None and log_turn and answer.kind != "empty"
        turn = Turn(answer, cards, unavailable, tuple(notes), ref=secrets.token_hex(6) if logged else None,
                    read_with=read_with)
        if self.turn_log is not None and turn.ref is not None:
            self.turn_log.submit(
                LogRecord(
                    ref=turn.ref,
                    user=user,
                    channel=channel,
                    chat_type=chat,
                    question=text,
                    entry_id=answer.entry_id,
                    verdict=answer.verdict,
                    confidence=float(answer.confidence),
                    declined=turn.declined,
                    latency_ms=(self._clock() - started) * 1000,
                )
            )
        return turn

    def _answer(self, text: str, context: Context | None) -> tuple[Answer, str | None]:
        """Answer `text` alone, or with the earlier question when it only makes sense as a follow-up.

        Returns the answer and, for a follow-up, the question as it was read (earlier question and follow-up).
        """
        alone = self.answerer.answer(text)
        if context is None or alone.kind in ("smalltalk", "empty") or closes(text):
            return alone, None
        analyzer = self.answerer.matcher.analyzer
        terms = analyzer.terms(text)
        before = self.kb.by_id.get(context.entry_id or "")
        if before is not None and asks_why(text, len(terms)):
            # "ทำไม" after an answer asks for its source: the entry that explains it, or itself again.
            why = self.answerer.entry_answer(before.because or before.id)
            if why is not None:
                # What a next follow-up goes on from stays the question this one asked why of.
                return replace(why, question=text), context.question
        if before is not None and "letter-question" in before.first_when and self.answerer.concepts.says(
            thai.simplify(text), "letter-question"
        ):
            # "ใครลงนาม", "and the attachment?" right after a letter's answer ask that letter's details.
            again = self.answerer.entry_answer(before.id)
            if again is not None:
                return replace(again, question=text), context.question
        marker = has_marker(text)
        # A complete question is answered alone; a follow-up marker ("แล้ว…ล่ะ") or a few words that
        # mean nothing alone are read with the question before. A few words the knowledge base has
        # never seen ("ค่าเงินรูปีเท่าไหร่") start a new topic, and are answered (or declined) alone.
        new_words = [term for term in terms if not analyzer.knows(term) and not analyzer.is_filler(term)]
        if not marker and (not is_follow_up(text, len(terms)) or alone.kind == "entry" or new_words):
            return alone, None
        earlier = combine(context.question, text, self.answerer.concepts)
        joined = self.answerer.answer(text, follows=earlier)
        if joined.kind != "entry":
            return alone, None
        return replace(joined, question=text), f"{earlier} {thai.simplify(text)}"

    def entry(self, entry_id: str) -> Turn | None:
        """Return the turn for one entry asked by id (a button, a deep link); None if there is none."""
        answer = self.answerer.entry_answer(entry_id)
        return Turn(answer) if answer is not None else None

    def lookup(self, query: str) -> LookupResult | None:
        """Look one letter up by number; None when the registry cannot be reached."""
        if self.circulars is None:
            return None
        try:
            return self.circulars.lookup(query)
        except CircularsUnavailable:
            return None



def answerer_for(kb: KnowledgeBase, settings: Settings) -> Answerer:
    """Return an answerer over `kb` with the settings' thresholds and contact office."""
    return Answerer(kb, settings.contact, settings.match_threshold, settings.story_threshold)


def build_conversation(settings: Settings, turn_log: TurnLog | None = None) -> Conversation:
    """Load the knowledge base the settings name; answer over it and the registry (opened on first need)."""
    kb = load_knowledge(settings.knowledge_dir)
    return Conversation(answerer_for(kb, settings), registry_access(settings), turn_log)
