"""The one place the pieces meet: a question in, an `Answer` out (no Telegram here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from bot import thai
from bot.config import Settings
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matcher import Matcher
from bot.numbers import find_numbers

VERDICT_LABELS = {
    "yes": "✅ ทำได้",
    "no": "❌ ทำไม่ได้",
    "conditional": "⚠️ ทำได้โดยมีเงื่อนไข",
    "info": "ℹ️ ข้อมูล",
}

CONTACT = "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย โทร./โทรสาร 0-5373-2273"

EMPTY_TEXT = (
    "กรุณาพิมพ์คำถามเป็นข้อความ เช่น \"ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม\" "
    "หรือเลขที่หนังสือ เช่น \"ว 0313\""
)

DECLINE_TEXT = (
    "ขออภัย ไม่พบคำตอบสำหรับคำถามนี้ในฐานความรู้ "
    "ซึ่งครอบคลุมเฉพาะแนวทางความร่วมมือระหว่างประเทศของ อปท. และเรื่องเมืองพี่เมืองน้อง "
    f"หากต้องการสอบถามเพิ่มเติม โปรดติดต่อ{CONTACT}"
)


@dataclass
class Answer:
    """What the bot says to one question; `to_json` gives the CLI's JSON object."""

    question: str
    entry_id: str | None
    verdict: str | None
    confidence: float
    answer: str
    sources: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    circulars: list[str] = field(default_factory=list)
    title: str | None = None
    smalltalk: str | None = None

    @property
    def declined(self) -> bool:
        """Tell whether the bot declined to answer (a small-talk reply answers nothing either)."""
        return self.entry_id is None and not self.circulars

    def to_json(self) -> dict[str, Any]:
        """Return the JSON-ready dict documented for `policybot ask --json`."""
        data = asdict(self)
        data["confidence"] = round(self.confidence, 4)
        return data


class CircularSource(Protocol):
    """What the service needs from the circular registry (bot.registry.Registry has it)."""

    def answer_text(self, text: str) -> tuple[list[str], str] | None:
        """Return (canonical numbers found, Thai cards) for the numbers in `text`, or None."""
        ...


class PolicyService:
    """Answers questions from a knowledge base; build once, call `answer` many times."""

    def __init__(
        self,
        kb: KnowledgeBase,
        threshold: float = 0.53,
        circulars: Callable[[], CircularSource] | None = None,
    ) -> None:
        self.kb = kb
        self.threshold = threshold
        self.matcher = Matcher(kb)
        # The registry is opened on the first question that names a letter number: most
        # questions never need the database, and a one-shot `ask` should not pay for it.
        self._open_circulars = circulars
        self._circulars: CircularSource | None = None

    def circular_answer(self, question: str) -> Answer | None:
        """Answer with the registry's cards when the question names a letter number."""
        if self._open_circulars is None or not find_numbers(question):
            return None
        if self._circulars is None:
            self._circulars = self._open_circulars()
        found = self._circulars.answer_text(question)
        if found is None:
            return None
        numbers, cards = found
        if not numbers:
            cards = f"{cards}\nหากต้องการตรวจสอบเลขที่หนังสือ โปรดติดต่อ{CONTACT}"
        return Answer(
            question=question,
            entry_id=None,
            verdict=None,
            confidence=1.0 if numbers else 0.0,
            answer=cards,
            circulars=numbers,
            title="หนังสือเวียน" if numbers else None,
        )

    def answer(self, question: str) -> Answer:
        """Answer one question, or decline with suggestions and the contact office."""
        if not thai.clean(question):
            return Answer(question=question, entry_id=None, verdict=None, confidence=0.0, answer=EMPTY_TEXT)
        card = self.circular_answer(question)
        if card is not None:
            return card
        ranked = self.matcher.match(question)
        best = ranked[0] if ranked else None
        if (best is None or best.confidence < self.threshold) and _maybe_wrong_layout(question):
            retyped = self._retyped(question)
            if retyped is not None:
                return retyped
        if best is None or best.confidence < self.threshold:
            suggestions = [m.entry.id for m in ranked if not m.entry.is_smalltalk][:3]
            return Answer(
                question=question,
                entry_id=None,
                verdict=None,
                confidence=best.confidence if best else 0.0,
                answer=DECLINE_TEXT,
                suggestions=suggestions,
            )
        entry = best.entry
        if entry.is_smalltalk:
            # A greeting or a thank-you is not a question: reply in kind, but answer no policy
            # entry (entry_id stays null, as for a decline) and point to what can be asked.
            return Answer(
                question=question,
                entry_id=None,
                verdict=None,
                confidence=best.confidence,
                answer=entry.answer,
                related=list(entry.related),
                smalltalk=entry.id,
            )
        documents = [self.kb.documents[source] for source in entry.sources]
        return Answer(
            question=question,
            entry_id=entry.id,
            verdict=entry.verdict,
            confidence=best.confidence,
            answer=entry.answer,
            sources=[document.title for document in documents],
            source_ids=list(entry.sources),
            suggestions=[m.entry.id for m in ranked[1:4] if m.confidence >= self.threshold / 2],
            related=list(entry.related),
            title=entry.title,
        )


    def _retyped(self, question: str) -> Answer | None:
        """Answer a question typed with the keyboard left on English ("v[9" for "อบต")."""
        from pythainlp.util import eng_to_thai

        thai_text = eng_to_thai(question)
        answer = self.answer(thai_text)
        if answer.entry_id is None:
            return None
        answer.question = question
        answer.answer = f"(อ่านว่า: {thai_text})\n{answer.answer}"
        return answer


def _maybe_wrong_layout(question: str) -> bool:
    """Tell whether a question may be Thai typed on the English keyboard layout."""
    return not thai.has_thai(question) and any(ch.isascii() and ch.isalpha() for ch in question)


def build_service(settings: Settings) -> PolicyService:
    """Load the knowledge base named by the settings and build the service on it."""

    def open_registry() -> CircularSource:
        from bot.registry import Registry

        return Registry.from_settings(settings)

    return PolicyService(load_knowledge(settings.knowledge_dir), settings.match_threshold, open_registry)


def render_plain(answer: Answer) -> str:
    """Render an answer as plain text for a terminal: verdict, answer, sources, suggestions."""
    lines: list[str] = []
    if answer.verdict:
        lines.append(f"{VERDICT_LABELS[answer.verdict]}  [{answer.entry_id}, ความมั่นใจ {answer.confidence:.2f}]")
    lines.append(answer.answer)
    if answer.sources:
        lines.append("")
        lines.append("ที่มา:")
        lines.extend(f"- {source}" for source in answer.sources)
    if answer.suggestions and answer.entry_id is None:
        lines.append("")
        lines.append("หรือท่านหมายถึง: " + ", ".join(answer.suggestions))
    return "\n".join(lines)
