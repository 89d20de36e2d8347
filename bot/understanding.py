"""Question understanding before scoring: the question clause of a long message, its concepts, what the matcher reads.

- A long message (a story, then the question) is split into clauses; the last one that asks
  something (and the one before it) is the question. Of the story, only the decisive concepts
  (synonyms.yaml weight 1.5 and up: เมืองพี่เมืองน้อง, MOU, the sector, binding) are kept: who
  writes, the history with the foreign town and next month's meeting are not what is asked.
- Denied mentions ("ไม่ใช่เมืองพี่เมืองน้อง", "not a twin town") are taken out of what the matcher
  reads, and a mention in another script or a disguised name (友好城市, "สัมพันธ์พี่น้อง") is read as the
  concept's Thai name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot import thai
from bot.analyzer import Analyzer
from bot.concepts import CONCEPTS_BY_ID, ConceptDetector, Concepts, Mention

# A clause that asks: Thai question words and particles (also Northern and Isan), or English ones.
_ASKS = re.compile(
    r"ได้\s*(?:ไหม|มั้ย|มั๊ย|ไม|หรือ\s*(?:ไม่|เปล่า)|ป่ะ|ปะ|ป่าว|รึ\s*เปล่า|บ่|ก่|เบาะ|บ้อ|ม้าย|โม้)|ไหม|มั้ย|มั๊ย|ม้าย|หรือ\s*(?:ไม่|เปล่า)"
    r"|ใช่\s*(?:ไหม|มั้ย|หรือ|ป่ะ|บ่)|ยัง\s*(?:ไง|งัย)|อย่าง\s*ไร|อะไร|ไหน|ใคร|เมื่อ\s*ไร|เท่า\s*(?:ไร|ไหร่)|กี่|บ้าง|มั่ง"
    r"|หรือ\s*ยัง|แม่น\s*บ่|ได้\s*ก่"
    r"|\?|\b(?:can|could|may|should|is\s+it|are\s+we|do\s+we|how|what|who|which|allowed|permitted)\b",
    re.IGNORECASE,
)
# Chat particles that close a question too ("…ห้ามทำเมืองพี่เมืองน้องเลยใช่มะ แล้วจะ…"): they split a message into
# its questions, but do not move a long message's focus (a story's "ใช่ป่าว" is often a guess, not the question).
_ASKS_TOO = re.compile(r"ใช่\s*(?:ปะ|มะ|ม่ะ|เปล่า|ป่าว)|ได้\s*(?:มะ|ม่ะ)")
# Where one clause of a message ends: a line, a question or full stop, a space between Thai words.
_CLAUSE_END = re.compile(
    # (A numbered point after Thai, "…ได้ไหม 2) ถ้าจะโทร…", starts a clause too.)
    # ("…ได้ไหม 2.ถ้าไม่ได้…": a point's number glued to its first word starts a clause too.)
    r"\n+|[?!;]+|(?<=[a-z0-9])\.\s+|(?<=[\u0e00-\u0e7f\")”])\s+(?=[\u0e00-\u0e7f\"(“]|[1-9๑-๙][.)](?![\d๐-๙]))"
)
# Below this many words a message is one question: nothing in it is context.
_LONG = 14
_THAI_NAME = re.compile(r"[\u0e00-\u0e7f]")


# A word of the story around a question is kept when it is this decisive (synonyms.yaml weight).
_DECISIVE = 1.5
# Decisive words that in a story only set the scene: "ได้รับการติดต่อจากเมืองในญี่ปุ่น" (were contacted),
# "ทต.แห่งหนึ่งในจังหวัดนครพนม" (where the writer works). Asked in the question, they count.
_STORY_SETTING = frozenset({"ติดต่อ", "จังหวัด"})
# The question of a long message holds at least this many words (clauses before it are added).
_FOCUS_TERMS = 6
# Words that name a kind of place: the unknown words right after them are a place's name
# ("เมืองปากลาย แขวงไซยะบูลี"), which says where, not what is asked.
_PLACE_HEADS = frozenset({"เมือง", "จังหวัด", "อำเภอ", "แขวง", "มณฑล", "รัฐ", "เขต", "county", "prefecture"})
_NAME_WORDS = 3


@dataclass(frozen=True)
class Understood:
    """A question as the matcher should read it: its terms and its concepts."""

    terms: list[str]
    concepts: Concepts
    # True when a long message was read as a story and a question at its end.
    focused: bool = False
    # True when it was read with the question before it (its concepts include that one's).
    follow_up: bool = False
    # Concepts a long message names only in its story, not in its question ("ปีที่แล้วไปดูงานที่ญี่ปุ่น … ทำ MOU ได้ไหม").
    story_only: frozenset[str] = frozenset()


def _question_clause(text: str, analyzer: Analyzer) -> tuple[int, int]:
    """Return where the question of a long message begins and ends ((0, len): the whole message is the question)."""
    clauses = [0] + [match.end() for match in _CLAUSE_END.finditer(text)]
    ends = [*clauses[1:], len(text)]
    asking = [index for index, (start, end) in enumerate(zip(clauses, ends, strict=True))
              if _ASKS.search(text, start, end)]
    if not asking:
        return 0, len(text)
    first = last = asking[-1]
    # What follows the last question is more of the story ("…ได้ไหมครับ ที่ถามเพราะเมื่อสามปีก่อน…"), unless
    # it goes on asking ("…ได้ไหม หรือคู่ต้องเป็นระดับเดียวกับจังหวัด") or is too short to tell a story.
    while last + 1 < len(clauses) and (
        _GOES_ON.match(text, clauses[last + 1]) or len(analyzer.terms(text[clauses[last + 1]:])) < _FOCUS_TERMS
    ):
        last += 1
    end = ends[last]
    # The clauses before the question often hold its object ("…กับเมืองในลาว ได้ไหมครับ"): take
    # them back until the question has words enough to stand alone.
    while first > 0 and len(analyzer.terms(text[clauses[first]:end])) < _FOCUS_TERMS:
        first -= 1
    return clauses[first], end


# Words that carry a question on into the next clause: "…ได้ไหม หรือต้องให้จังหวัดทำ", "…or must the province do it".
_GOES_ON = re.compile(r"\s*(?:หรือ|ต้อง|จำเป็น|แล้ว|และ|คือ|เช่น|ถ้า|หาก|or\b|and\b|must\b|do\s+we\b|if\b)", re.IGNORECASE)
# Words that start a second question in one message: "…ได้ไหม แล้วมีเบอร์ให้โทรไหม", "อีกข้อ", "also".
_NEXT_QUESTION = re.compile(
    r"^(?:แล้ว|และ|(?:กับ\s*)?ถ้า\s*(?:ไม่|เป็น|อย่าง\s*นั้น|งั้น|ทำ\s*ไม่)|อีก\s*(?:ข้อ|เรื่อง|อย่าง)|นอกจาก\s*นี้|ส่วน|กับ\s*อีก|ข้อ\s*(?:(?:ที่\s*)?(?:สอง|สาม|[2-9๒-๙])|ต่อ\s*ไป)"
    r"|ประการ\s*(?:ที่\s*)?(?:สอง|[2-9])|[2-9][.)]|also|and\b|plus\b|second(?:ly)?\b|another\b)", re.IGNORECASE
)
# A part of a message holds at least this many characters to count as its own question.
_PART_CHARS = 8


def question_parts(text: str) -> list[str]:
    """Split a message that asks two or more things into its questions (one part: it asks one thing).

    A part ends at a clause that asks; a clause that asks nothing (the context) joins the next
    question. Only a part that begins a new clause with a word like "แล้ว", "และ", "อีกข้อ" or after
    a question mark starts a new question: "เทศบาลทำ MOU กับเมืองในจีนได้ไหม" stays whole.
    """
    clauses = [0] + [match.end() for match in _CLAUSE_END.finditer(text)]
    parts: list[str] = []
    start = 0
    for begin, end in zip(clauses, [*clauses[1:], len(text)], strict=True):
        clause = text[begin:end]
        if not _ASKS.search(clause) and not _ASKS_TOO.search(clause):
            continue
        after = text[end:].lstrip()
        follows_mark = clause.rstrip().endswith(("?", "？"))
        starts_next = follows_mark or _NEXT_QUESTION.match(after) is not None
        if end < len(text) and starts_next and len(text[start:end].strip()) >= _PART_CHARS:
            parts.append(text[start:end].strip())
            start = end
    rest = text[start:].strip()
    if parts and len(rest) >= _PART_CHARS and _ASKS.search(rest):
        parts.append(rest)
    elif parts:
        parts[-1] = f"{parts[-1]} {rest}".strip()
    return parts if len(parts) > 1 else [text.strip()]


def _without_place_names(terms: list[str], analyzer: Analyzer) -> list[str]:
    """Drop the unknown words that name a place right after a place word ("แขวง ไซ บู ลี" -> "แขวง")."""
    out: list[str] = []
    after_place = 0
    for term in terms:
        if after_place and not analyzer.knows(term):
            after_place -= 1
            continue
        after_place = _NAME_WORDS if term in _PLACE_HEADS else 0
        out.append(term)
    return out


def _rewritten(text: str, concepts: Concepts, analyzer: Analyzer) -> str:
    """Return `text` with denied mentions removed and foreign-script or disguised ones read as their Thai name."""
    edits: list[tuple[int, int, str]] = []
    named: set[str] = set()  # concepts some mention already names in the matcher's words
    for mention in concepts.mentions:
        reads_as = CONCEPTS_BY_ID[mention.concept].reads_as
        said = text[mention.start:mention.end]
        if reads_as and not mention.negated and reads_as in analyzer.terms(said, repair=False):
            named.add(mention.concept)
    for mention in concepts.mentions:
        said = text[mention.start:mention.end]
        concept = CONCEPTS_BY_ID[mention.concept]
        reads_as = concept.reads_as
        if mention.negated:
            # The negator goes with what it denies: "ไม่เกี่ยวกับ" left behind reads as a question about "ไม่".
            edits.append((mention.denied_from, mention.end, " "))
        elif concept.unread and not concept.read_with & concepts.present:
            edits.append((mention.start, mention.end, " "))
        elif reads_as and mention.concept not in named:
            named.add(mention.concept)
            # 友好城市 becomes เมืองพี่เมืองน้อง; a Thai disguise ("สัมพันธ์พี่น้อง") keeps its words too.
            replacement = f" {said} {reads_as} " if _THAI_NAME.search(said) else f" {reads_as} "
            edits.append((mention.start, mention.end, replacement))
    out = text
    limit = len(out)
    for start, end, replacement in sorted(edits, reverse=True):
        if start >= limit:
            continue  # inside a span already replaced (a denial reaching over another mention)
        out = out[:start] + replacement + out[min(end, limit):]
        limit = start
    return out


# The frame of a memo or a letter: whom it is addressed to and how it closes say nothing of what is asked
# ("เรียน สถ.อ." named the office, and the contact entry answered a question about a sister city).
_SALUTATION = re.compile(
    r"^\s*(?:เรียน|กราบเรียน)\s+\S+(?:\s+(?:สถ\.?\s*[อจ]\.?|อำเภอ\S*|จังหวัด\S*))?\s*"
    r"|^\s*(?:dear|to|attn\.?|kính\s+gửi|尊敬的|拝啓)\b[^,:\n]{0,60}[,:]\s*",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"\s*(?:จึง\s*เรียน\s*มา\s*เพื่อ\s*โปรด\S*|ขอ\s*แสดง\s*ความ\s*นับ\s*ถือ|(?:best|kind)\s+regards|sincerely|yours\s+faithfully"
    # Vietnamese closes with "Trân trọng," after the last sentence ("Chúng tôi trân trọng mời…" invites).
    r"|(?:(?<=[.!?])|^)\s*trân\s+trọng\s*(?:[,.!]|$))",
    re.IGNORECASE,
)


def without_frame(text: str) -> str:
    """Return a message without the salutation of a memo or letter and its closing formula (and the signature after)."""
    inner = _SALUTATION.sub("", text, count=1)
    closing = _CLOSING.search(inner)
    # A letter pasted with the official's question under it ("Kind regards … ----- อบต.ครับ … ได้ไหม"): what follows
    # the closing asks, so it stays; a signature does not.
    if closing is not None and not _ASKS.search(inner, closing.end()):
        inner = inner[:closing.start()]
    return inner if inner.strip() else text


# Abbreviations written with their dot that the patterns need spelt out ("จว.จะทำ sister city").
_SPELT_OUT = (
    (re.compile(r"(?<![\u0e00-\u0e7f])จว\.(?=\s*[\u0e00-\u0e7fa-z])"), "จังหวัด"),
    # The governor, the Ministries of Interior and Foreign Affairs, "abroad", as officials abbreviate them.
    (re.compile(r"(?<![\u0e00-\u0e7f])ผวจ\.?(?![\u0e00-\u0e7f])"), "ผู้ว่าราชการจังหวัด"),
    (re.compile(r"(?<![\u0e00-\u0e7f])มท\.(?![0-9๐-๙])"), "กระทรวงมหาดไทย"),
    (re.compile(r"(?<![\u0e00-\u0e7f])กต\."), "กระทรวงการต่างประเทศ"),
    (re.compile(r"(?<![\u0e00-\u0e7f])ก\.\s*(?=ต่างประเทศ)"), "กระทรวงการ"),  # its name: กระทรวงการต่างประเทศ
    (re.compile(r"(?<![\u0e00-\u0e7f])ก\.\s*(?=(?:การ)?(?:มหาดไทย|คลัง|พาณิชย์|กลาโหม|สาธารณสุข|ศึกษาธิการ))"), "กระทรวง"),
    (re.compile(r"(?<![\u0e00-\u0e7f])ตปท\.?(?![\u0e00-\u0e7f])"), "ต่างประเทศ"),
    # "ทต.กับ ม.แม่ฟ้าหลวง": a university (not ม.ค., a month, ม.3, a village, nor ม.ต้น/ม.ปลาย, secondary school).
    (re.compile(r"(?<![\u0e00-\u0e7f])ม\.\s*(?!ค\.|ต้น|ปลาย)(?=[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e4e])"),
     "มหาวิทยาลัย"),
    # "ร่างไม่มีข้อผูกพันรบ.ไทย": the government.
    (re.compile(r"(?<![\u0e00-\u0e7f])รบ\.\s*(?=ไทย|กลาง)|(?<=ผูกพัน)รบ\.?(?![\u0e00-\u0e7f])"), "รัฐบาล"),
    # A sector, not the Ministry: "MOU ด้านสธ." is public health.
    (re.compile(r"ด้าน\s*สธ\.?(?![\u0e00-\u0e7f])"), "ด้านสาธารณสุข"),
)


def _spelt_out(text: str) -> str:
    """Return `text` with dotted abbreviations the concept patterns need written in full."""
    for pattern, full in _SPELT_OUT:
        text = pattern.sub(full, text)
    return text


def understand(question: str, analyzer: Analyzer, detector: ConceptDetector, told: str = "") -> Understood:
    """Return what the matcher should read of `question`, and its concepts; `told` is an earlier question it follows."""
    if told:
        earlier, now = thai.simplify(_spelt_out(told)), without_frame(thai.simplify(_spelt_out(question)))
        return _follow_up(earlier, now, analyzer, detector)
    said = without_frame(thai.simplify(_spelt_out(question)))
    whole = analyzer.terms(said)
    concepts = detector.detect(said, whole)
    text = _rewritten(said, concepts, analyzer)
    start, end = _question_clause(text, analyzer) if len(whole) > _LONG else (0, len(text))
    if start == 0 and end == len(text):
        return Understood(_without_place_names(analyzer.terms(text), analyzer), concepts)
    story = [
        term for part in (text[:start], text[end:]) for term in analyzer.terms(part)
        if analyzer.weight(term) >= _DECISIVE and term not in _STORY_SETTING
    ]
    asked = _without_place_names(analyzer.terms(text[start:end]), analyzer)
    return Understood(story + asked, concepts, focused=True, story_only=_story_only(said, concepts, text[start:end]))


# What was done before: "ปีที่แล้ว", "เมื่อสามปีก่อน", "เคย", "last year".
_PAST = re.compile(
    r"ปี\s*(?:ที่\s*)?(?:แล้ว|ก่อน|ผ่าน\s*มา)|เดือน\s*(?:ที่\s*)?(?:แล้ว|ก่อน)|เมื่อ\s*\S{0,12}?(?:ปี|เดือน)\s*(?:ก่อน|ที่\s*แล้ว)|เคย"
    r"|\blast\s+(?:year|month)\b|\bago\b|\bpreviously\b",
    re.IGNORECASE,
)


_PAST_REACH = 20


def _story_only(said: str, concepts: Concepts, question: str) -> frozenset[str]:
    """Return the concepts a long message tells only as what was done before, none in its question clause `question`."""
    ends = [0] + [match.end() for match in _CLAUSE_END.finditer(said)] + [len(said)]

    def told_as_past(mention: Mention) -> bool:
        start = max(end for end in ends if end <= mention.start)
        finish = min(end for end in ends if end >= mention.end)
        if _PAST.search(said, start, finish) is not None:
            return True
        # The time may close the clause before, where the split fell ("…เมื่อปี 2562 แล้วปีที่แล้ว | อบต.เสนอ…ไปดูงาน").
        before = said[max(0, start - _PAST_REACH):start].rstrip()
        return any(found.end() == len(before) for found in _PAST.finditer(before))

    past: set[str] = set()
    now: set[str] = set()
    for mention in concepts.mentions:
        if not told_as_past(mention) or said[mention.start:mention.end] in question:
            now.add(mention.concept)
        elif not CONCEPTS_BY_ID[mention.concept].reads_as:
            # A mention read as another name was rewritten in the text the clause was cut from: it cannot be told apart.
            past.add(mention.concept)
    return frozenset(past - now)


def _within(concepts: Concepts, start: int, end: int) -> Concepts:
    """Return `concepts` with only the mentions inside text[start:end], placed as in that slice."""
    inside = tuple(
        Mention(m.concept, m.start - start, m.end - start, m.negated, max(m.denied_from, start) - start)
        for m in concepts.mentions if m.start >= start and m.end <= end
    )
    return replace(concepts, mentions=inside)


def _follow_up(told: str, asked: str, analyzer: Analyzer, detector: ConceptDetector) -> Understood:
    """Read a follow-up with the question before it: all of the follow-up, the known words of the other."""
    whole = f"{told} {asked}"
    concepts = detector.detect(whole, analyzer.terms(whole))
    # Each half is rewritten with the mentions found in the whole (no second reading of either).
    earlier = analyzer.terms(_rewritten(told, _within(concepts, 0, len(told)), analyzer))
    now = analyzer.terms(_rewritten(asked, _within(concepts, len(told) + 1, len(whole)), analyzer))
    # The earlier question was understood already: its words the knowledge base knows carry over.
    kept = [term for term in earlier if analyzer.knows(term) and not analyzer.is_filler(term)]
    return Understood(kept + _without_place_names(now, analyzer), concepts, focused=False, follow_up=True)
