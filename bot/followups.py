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
    r"^\s*(?:แล้ว|ถ้า|งั้น|และ|ส่วน|หรือ|อ้าว|อ้อ|เอ่อ|ทำไม|ทำมัย|เพราะ|อ้างอิง|กรณี|ต่อ)"
    r"|(?:ล่ะ|ละ|หละ|เหรอ|หรอ|ด้วย|ด้วยไหม|ด้วยมั้ย|ได้ป่ะ)\s*(?:ครับ|คะ|ค่ะ|จ้า|จ๊ะ|เจ้า|เด้อ)?\s*[?？]*\s*$"
    r"|^\s*(?:what|how)\s+about\b|^\s*and\s+(?:if|for|what|how)\b|^\s*what\s+if\b|^\s*why\b|^\s*same\s+for\b"
    r"|^\s*(?:so|then|ok\s+so)\b|^\s*is\s+that\b|^\s*does\s+that\b"
    # Chinese "…呢?", Korean "…는요?", Vietnamese "…thì sao?": and what about …?
    r"|(?:呢|那么|는요|은요|이라면요|라면요|なら|thì\s+sao)\s*[?？]*\s*$|^\s*(?:那|还有|còn|그럼|그러면|じゃあ)",
    re.IGNORECASE,
)
# Actors: a follow-up naming one replaces the earlier question's.
_ACTORS = re.compile(
    # Thai runs have no spaces: name each actor's own words, never "\S*" (it would take the clause).
    r"อบต|อบจ|ทต|ทม|ทน|เทศบาล(?:ตำบล|เมือง|นคร)?|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อปท|จังหวัด|ผู้ว่า(?:ราชการจังหวัด|ฯ)?|ผวจ"
    r"|ตำบล|อำเภอ|เมืองพัทยา|กทม"
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
    r"^\s*(?:อ๋อ|อ้อ|โอ\s*เค|ok|okay|รับทราบ|เข้าใจ\s*แล้ว|ขอบคุณ|ขอบใจ|thanks?|thank\s+you|got\s+it|noted)"
    # A bare polite particle or "yes" is an acknowledgment too.
    r"|^\s*(?:ครับ(?:ผม)?|ค่ะ|คะ|จ้า|จ้ะ|ค่า|อืม+|อือ|ได้\s*(?:ครับ|ค่ะ)|yes|yep|sure)\s*[.!]*\s*$",
    re.IGNORECASE,
)


def closes(text: str) -> bool:
    """Tell whether a message only acknowledges the answer before it ("ok งั้นต้องทำตามแนวทางไหน" asks on)."""
    simple = thai.simplify(text)
    found = _CLOSING.search(simple)
    return found is not None and not _ASKS_ON.search(simple, found.end())


# "ทำไม", "อ้างอิงจากอะไร", "why?": asks where the answer before comes from.
_WHY = re.compile(
    r"ทำ\s*(?:ไม|มัย|หยัง)|เพราะ\s*(?:อะไร|อะหยัง|หยัง)|เหตุ\s*(?:ใด|ผล)|ใคร\s*(?:บอก|ว่า|กำหนด)|อ้าง\s*อิง|อิง\s*(?:จาก|ตาม)"
    r"|ที่\s*มา|มา\s*จาก\s*(?:ไหน|อะไร)|หลัก\s*ฐาน|(?:มี|เขียน|ระบุ)\s*(?:เขียน|ไว้)?\s*(?:ไว้\s*)?(?:ตรง\s*ไหน|ที่\s*ไหน)"
    r"|(?:หนังสือ|เอกสาร|ระเบียบ|กฎหมาย|มติ)\s*(?:ฉบับ\s*)?(?:ไหน|อะไร|ใด)|มี\s*เอกสาร"
    r"|\bwhy\b|how\s+come|says\s+who|based\s+on\s+what|what\s+is\s+(?:it|that|this)\s+based\s+on|where\s+does\s+(?:it|that)\s+say"
    r"|\bsource\b|legal\s+basis",
    re.IGNORECASE,
)
# A message that asks something after its "ok": it goes on, it does not close.
_ASKS_ON = re.compile(
    r"ไหม|มั้ย|ไหน|อะไร|อย่างไร|ยังไง|ไง|ใคร|เมื่อไร|เท่าไร|บ้าง|มั่ง|ล่ะ|\?|ได้\s*(?:ไหม|มั้ย|บ่|ป่ะ|ปะ)"
    r"|\b(?:what|how|who|when|where|which|can|may|is|are|do|does)\b",
    re.IGNORECASE,
)
# A why-question this short asks only why; a longer one asks something of its own.
_WHY_WORDS = 6


def asks_why(text: str, words: int) -> bool:
    """Tell whether a message only asks why, or from which source, the answer before says so."""
    return words <= _WHY_WORDS and bool(_WHY.search(thai.simplify(text)))


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
    if _NEW_ONE.search(now):
        # "แล้วถ้าจะเซ็นฉบับใหม่ล่ะ" after an old relationship asks about signing a new one: what made
        # the earlier question about the old one (its date, "เดิม", "ยกเลิก") goes.
        before = _OLD_ONE.sub(" ", before)
    return before


_NEW_ONE = re.compile(r"ใหม่|อีก\s*ฉบับ|\bnew\b|\banother\b", re.IGNORECASE)
_OLD_ONE = re.compile(
    r"(?:มา|ไว้)?\s*(?:แล้ว\s*)?ตั้งแต่\s*(?:ก่อน\s*)?(?:ปี|สมัย|พ\s*ศ)?\s*\d{0,4}|เคย|ของ\s*เดิม|เดิม|เก่า|ยกเลิก|ยัง\s*มี\s*ผล|กระทบ"
    r"|\b(?:since|existing|old|cancel\w*|still\s+valid)\b",
    re.IGNORECASE,
)
_SECTOR_WORDS = re.compile(
    r"ด้าน|เรื่อง|สาขา|การศึกษา|ท่องเที่ยว|สาธารณสุข|การค้า|เกษตร|กีฬา|วัฒนธรรม|สิ่งแวดล้อม|ขยะ"
    r"|tourism|education|health|trade|culture|sport|agricultur\w+|environment",
    re.IGNORECASE,
)
