"""Split a draft into labelled clauses: ข้อ ๑ / Article 1 / numbered paragraphs / paragraphs."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from bot.thai import THAI_CHAR, clean

_ROMAN = r"[ivxlc]{1,7}"
_WORD_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
# A heading starts its line; "ข้อ 102 แห่งกฎบัตร" or "Article 5 of the Charter" is a reference.
_ARTICLE = re.compile(
    rf"^(?:(?P<th>ข้อ(?:ที่)?)\s*(?P<thn>\d{{1,3}}(?:\.\d{{1,3}})*)(?!\d)"
    rf"|(?P<en>article|art\.|clause|section)\s+(?P<enn>\d{{1,3}}(?:\.\d{{1,3}})*(?!\d)|{_ROMAN}\b|(?:{_WORD_NUMBERS})\b))"
    r"(?!\s*(?:แห่ง|ของ|ตาม|of\b|under\b|in\b))",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\(?(\d{1,2})(?:\.(?!\d)|\))\s*\S")
_CLOSING = re.compile(
    r"^(?:in\s+witness\s+whereof|done\s+(?:at|in)\b|signed\s+(?:at|in)\b|"
    r"ทำ(?:ขึ้น)?\s*(?:ที่|ณ)|ลงนาม\s*ณ|เพื่อเป็น(?:พยาน)?หลักฐาน|ในพยานแห่ง|"
    # A signature line or table with no closing sentence before it ("ลงชื่อ ....", "(Signature)").
    r"\(?ลงชื่อ|\(?signature\)?\s*(?:[:.]|$)|(?:for\s+and\s+)?on\s+behalf\s+of\b.{0,80}$)",
    re.IGNORECASE,
)
_EN_WORDS = {"art.": "Article"}
_LINE_MARK = "\ue000"
# Lone surrogates (from text decoded with "surrogateescape" or a broken UTF-16 layer) cannot be
# encoded to send or print, and noncharacters are not text: neither belongs in an excerpt.
_NOT_TEXT = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


# Both lie at U+D800 and above, where Thai and Latin text has nothing: one range is a quick test.
_HIGH = re.compile("[\ud800-\U0010ffff]")


def drop_non_text(text: str) -> str:
    """Return `text` without lone surrogates and Unicode noncharacters."""
    return _NOT_TEXT.sub("", text) if _HIGH.search(text) else text


@dataclass(frozen=True)
class Clause:
    """One clause of a draft: its label as officials say it, and where it is in the text."""

    index: int
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Draft:
    """A draft's cleaned text (one cleaned line per source line) and its clauses."""

    text: str
    clauses: tuple[Clause, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [clause.start for clause in self.clauses]

    def clause_at(self, offset: int) -> Clause:
        """Return the clause that contains `offset`."""
        return self.clauses[max(0, bisect.bisect_right(self._starts, offset) - 1)]


def _is_thai(text: str) -> bool:
    """Tell whether Thai letters outnumber Latin ones (the language of the labels)."""
    thai = len(re.findall(f"[{THAI_CHAR}]", text))
    latin = len(re.findall("[A-Za-z]", text))
    return thai >= latin


def _article_label(match: re.Match[str]) -> str:
    if match.group("th"):
        return f"ข้อ {match.group('thn')}"
    word = match.group("en").lower()
    number = match.group("enn")
    if re.fullmatch(_ROMAN, number, re.IGNORECASE):
        number = number.upper()
    elif number.isalpha():
        number = number.capitalize()
    return f"{_EN_WORDS.get(word, word.capitalize())} {number}"


def split_draft(raw: str) -> Draft:
    """Clean `raw` line by line and cut it into labelled clauses."""
    # clean() collapses newlines, but the layout is what finds the headings: carry each line
    # break through one clean() call as a private-use character (one call is ~4x faster).
    raw = drop_non_text(raw).replace(_LINE_MARK, " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in clean(raw.replace("\n", _LINE_MARK)).split(_LINE_MARK)]
    text = "\n".join(lines)
    thai = _is_thai(text)
    offsets: list[int] = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1

    articles: list[tuple[int, str]] = []
    numbered: list[tuple[int, str]] = []
    closings: list[int] = []
    for number, line in enumerate(lines):
        article = _ARTICLE.match(line)
        if article:
            articles.append((number, _article_label(article)))
            continue
        if _CLOSING.match(line):
            closings.append(number)
        paragraph = _NUMBERED.match(line)
        if paragraph:
            word = "ข้อ" if thai else "Clause"
            numbered.append((number, f"{word} {int(paragraph.group(1))}"))

    headings = articles if articles else numbered if len(numbered) >= 2 else []
    if not headings:
        return Draft(text, _paragraphs(lines, offsets, len(text), thai))
    first = headings[0][0]
    # A signature block after the last heading is its own part, not the last article; it starts at
    # its first line ("ทำขึ้นที่…" then "ลงชื่อ…" is one block).
    last = headings[-1][0]
    closing = next((number for number in closings if number > last), None)
    heads = headings + ([(closing, "ส่วนลงนาม" if thai else "Signatures")] if closing is not None else [])
    heads.sort()
    clauses: list[Clause] = []
    if any(line.strip() for line in lines[:first]):
        clauses.append(Clause(0, "ส่วนนำ" if thai else "Preamble", 0, offsets[first]))
    for position_in_list, (number, label) in enumerate(heads):
        end = offsets[heads[position_in_list + 1][0]] if position_in_list + 1 < len(heads) else len(text)
        clauses.append(Clause(len(clauses), label, offsets[number], end))
    return Draft(text, tuple(clauses))


def _paragraphs(lines: list[str], offsets: list[int], total: int, thai: bool) -> tuple[Clause, ...]:
    """Label paragraphs (blank-line separated; one per line if the draft has no blank lines)."""
    word = "ย่อหน้า" if thai else "Paragraph"
    blank_separated = any(not line.strip() for line in lines[:-1]) and sum(
        1 for line in lines if line.strip()
    ) > 1
    starts: list[int] = []
    previous_blank = True
    for number, line in enumerate(lines):
        if not line.strip():
            previous_blank = True
            continue
        if previous_blank or not blank_separated:
            starts.append(number)
        previous_blank = False
    if not starts:
        return (Clause(0, f"{word} 1", 0, total),)
    clauses = []
    for index, number in enumerate(starts):
        end = offsets[starts[index + 1]] if index + 1 < len(starts) else total
        clauses.append(Clause(index, f"{word} {index + 1}", offsets[number] if index else 0, end))
    return tuple(clauses)
