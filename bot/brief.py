"""The first screen of an answer, for phones: one sentence after the verdict, what to do instead, short sources.

Answers are written once, in knowledge/: an entry's `short` and `instead` when a curator wrote them,
otherwise the answer's first line and its "สิ่งที่ทำได้แทน:" paragraph. Channel-neutral: a chat
channel renders a `Brief` in its own markup; the plain-text renderer (CLI) keeps the whole answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answers import Answer
from bot.knowledge import CONTACT_PLACEHOLDER, KnowledgeSource
from bot.texts import READ_AS_TEXT, VERDICT_LABELS, Contact
from bot.thai import general_words, thai_date

# How the knowledge base starts the paragraph that says what an LAO may do instead.
INSTEAD_MARK = "สิ่งที่ทำได้แทน"
# Words an answer may open with that only repeat the verdict label shown before them.
_ECHOES = ("ทำไม่ได้", "ไม่ได้", "ทำได้")
# A number as printed ("ขร 0023.20/ว 0313", "ว 0313", "35/5", "2561)"): a cut never falls inside one.
_NUMBER_RUN = re.compile(r"(?:[\u0e01-\u0e2e]{1,3}\.?\s)?\S*\d\S*(?:\s(?:ว\.?\s)?\d\S*)*")
# Where a label may be cut: after a space, or after a closing bracket or a comma.
_CUT_AFTER = " ),;"
THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
# Longer than any word in the general word list that a label would hold.
_LONGEST_WORD = 24


@dataclass(frozen=True)
class Brief:
    """An answer's first screen: `lead` follows the verdict label; `rest` is what only the full text says."""

    lead: str
    instead: str | None
    sources: tuple[str, ...]
    rest: str
    read_as: str | None = None


def brief(answer: Answer, contact: Contact) -> Brief:
    """Return the first screen of an entry's answer (its `short`/`instead`, or what its text begins with)."""
    entry = answer.entry
    text = answer.text
    read_as = None
    if answer.read_as is not None and text.startswith(f"({READ_AS_TEXT}:"):
        # A question typed on the English layout: say how it was read, on its own line.
        read_as, _, text = text.partition("\n")
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    curated_instead = entry.instead if entry is not None else None
    instead = _resolve(curated_instead, contact)
    if curated_instead is None:
        found = next((part for part in paragraphs if part.startswith(INSTEAD_MARK)), None)
        if found is not None:
            paragraphs.remove(found)
            instead = found[len(INSTEAD_MARK):].lstrip(" :").strip() or None
    short = entry.short if entry is not None else None
    if short is not None:
        lead = _resolve(short, contact) or ""
    elif paragraphs:
        first, _, remainder = paragraphs[0].partition("\n")
        lead = _without_echo(first.strip(), answer.verdict)
        paragraphs[0] = remainder.strip()
    else:
        lead = ""
    rest = "\n\n".join(part for part in paragraphs if part)
    return Brief(lead, instead, tuple(source_label(source) for source in answer.sources), rest, read_as)


def _resolve(text: str | None, contact: Contact) -> str | None:
    return text.replace(CONTACT_PLACEHOLDER, contact.line) if text else None


def _without_echo(sentence: str, verdict: str | None) -> str:
    """Drop an opening word that only repeats the verdict label ("ทำไม่ได้ การสถาปนา…" after "❌ ทำไม่ได้")."""
    label = VERDICT_LABELS.get(verdict or "", "")
    for echo in _ECHOES:
        if echo in label and sentence.startswith(echo + " ") and len(sentence) > len(echo) + 1:
            return sentence[len(echo) + 1 :].lstrip()
    return sentence


def source_label(document: KnowledgeSource) -> str:
    """Return a document's short label: its `short`, the circular part of its number, or a Cabinet date."""
    if document.short:
        return document.short
    if document.number:
        # "ขร 0023.20/ว 0313" -> "ว 0313": officials cite circulars by their serial.
        return document.number.rsplit("/", 1)[-1].strip()
    if document.kind == "cabinet-resolution" and document.date:
        return f"มติ ครม. {thai_date(document.date, short=True)}"
    return clip(document.title.split(" (", 1)[0], 32)


@lru_cache(maxsize=4096)
def clip(text: str, limit: int) -> str:
    """Return `text` on one line, cut to `limit` characters at a word's end (never inside a number) with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - 1
    numbers = [match.span() for match in _NUMBER_RUN.finditer(text)]

    def allowed(cut: int) -> bool:
        return not any(start < cut < end for start, end in numbers)

    spaces = [index + 1 for index in range(room) if text[index] in _CUT_AFTER and allowed(index + 1)]
    if spaces and spaces[-1] >= room * 3 // 4:
        cut = spaces[-1]
    else:
        # Thai runs words together: cut where a word ends, and before a number rather than inside it.
        # A label that is one long number from the start shows none of it rather than part of it.
        ends = _word_ends(text[: limit + _LONGEST_WORD])
        cut = max([end for end in ends if end <= room and allowed(end)], default=0)
    return text[:cut].rstrip(" ,;") + "…"


def _word_ends(text: str) -> list[int]:
    """Return where words end in `text`: Thai by the longest dictionary word at each point (else one
    character cluster, so a vowel or tone mark stays with its letter), any other character on its own."""
    from pythainlp.tokenize import tcc

    words = general_words()
    clusters = sorted(tcc.tcc_pos(text))
    ends: list[int] = []
    index = 0
    while index < len(text):
        if not THAI_LETTER.match(text[index]):
            index += 1
        else:
            longest = next((end for end in range(min(len(text), index + _LONGEST_WORD), index, -1)
                            if text[index:end] in words), None)
            index = longest or next((end for end in clusters if end > index), len(text))
        ends.append(index)
    return ends
