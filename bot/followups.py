"""Follow-ups: a message that needs the question before it ("แล้วถ้าเป็น อบจ. ล่ะ", "ทำไม", "what about a municipality?").

The earlier question is read together with the follow-up, with the part the follow-up replaces taken
out of it: a new actor replaces the old one ("แล้ว อบจ. ล่ะ"), a sector replaces a sister city
("ถ้าเป็นด้านการศึกษาล่ะ"). A follow-up that is a complete question on its own is answered alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import thai
from bot.concepts import ConceptDetector

# How a message says it goes on from the one before.
_MARKERS = re.compile(
    r"^\s*(?:แล้ว|ถ้า|งั้น|และ|ส่วน|หรือ|อ้าว|อ้อ|เอ่อ|ทำไม|เพราะ|อ้างอิง|กรณี|ต่อ)"
    r"|(?:ล่ะ|ละ|หละ|เหรอ|หรอ|ด้วย|ด้วยไหม|ด้วยมั้ย|ได้ป่ะ)\s*(?:ครับ|คะ|ค่ะ|จ้า|จ๊ะ|เจ้า|เด้อ)?\s*[?？]*\s*$"
    r"|^\s*(?:what|how)\s+about\b|^\s*and\s+(?:if|for|what|how)\b|^\s*what\s+if\b|^\s*why\b|^\s*same\s+for\b"
    r"|^\s*(?:so|then|ok\s+so)\b|^\s*is\s+that\b|^\s*does\s+that\b",
    re.IGNORECASE,
)
# Actors: a follow-up naming one replaces the earlier question's.
_ACTORS = re.compile(
    r"อบต|อบจ|ทต|ทม|ทน|เทศบาล\S*|องค์การบริหารส่วน\S+|อปท|จังหวัด|ผู้ว่า\S*|ผวจ|ตำบล|อำเภอ|เมืองพัทยา|กทม"
    r"|municipalit\w+|tambon|\bsao\b|\btao\b|\bpao\b|province|provincial|governor|subdistrict",
    re.IGNORECASE,
)
# A follow-up this short that is not a complete question can only be understood with the one before.
_SHORT = 5


@dataclass(frozen=True)
class Context:
    """The question an earlier answer in the same chat was for."""

    question: str
    entry_id: str | None = None


# "อ๋อ เข้าใจแล้ว", "ok thanks": a reply that closes, not a question to read with the one before.
_CLOSING = re.compile(
    r"^\s*(?:อ๋อ|อ้อ|โอ\s*เค|ok|okay|รับทราบ|เข้าใจ\s*แล้ว|ขอบคุณ|ขอบใจ|thanks?|thank\s+you|got\s+it|noted)",
    re.IGNORECASE,
)


def closes(text: str) -> bool:
    """Tell whether a message only acknowledges the answer before it."""
    return bool(_CLOSING.search(thai.simplify(text)))


def has_marker(text: str) -> bool:
    """Tell whether a message says it goes on from the one before ("แล้ว…", "…ล่ะ", "what about…")."""
    return bool(_MARKERS.search(thai.simplify(text)))


def is_follow_up(text: str, words: int) -> bool:
    """Tell whether a message reads as going on from the one before (a marker, or a few words)."""
    return has_marker(text) or words <= _SHORT


def combine(previous: str, follow_up: str, detector: ConceptDetector) -> str:
    """Return the earlier question with what the follow-up replaces taken out (what the follow-up is read with)."""
    before = thai.simplify(previous)
    now = thai.simplify(follow_up)
    said = detector.detect(now).present
    if _ACTORS.search(now):
        before = _ACTORS.sub(" ", before)
    if "sister-city" not in said and ("agreement" in said or _SECTOR_WORDS.search(now)):
        # "ถ้าเป็นด้านการศึกษาล่ะ" after a sister-city question asks about a sector instead.
        mentions = [m for m in detector.detect(before).mentions if m.concept == "sister-city"]
        for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
            before = before[: mention.start] + " " + before[mention.end:]
    return before


_SECTOR_WORDS = re.compile(
    r"ด้าน|เรื่อง|สาขา|การศึกษา|ท่องเที่ยว|สาธารณสุข|การค้า|เกษตร|กีฬา|วัฒนธรรม|สิ่งแวดล้อม|ขยะ"
    r"|tourism|education|health|trade|culture|sport|agricultur\w+|environment",
    re.IGNORECASE,
)
