"""Read citation lines — how pages, letters' อ้างถึง and officials write a letter down — into letters' fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.letters import find_dates, is_receiving_stamp
from bot.numbers import LetterNumber, number_spans, prepare
from bot.thai import clean

# A bullet, a dash or a list number before a citation ("- ", "• ", "1. ", "(2) ", "ก. ").
_BULLET = re.compile(r"^\s*(?:[-–—•·▪●○◦*✓>»]+|\(?\d{1,3}[.)]|\(?[ก-ฮ][.)](?=\s))\s*")
# A copied link or file name ends with its extension.
_FILE_SUFFIX = re.compile(r"\s*(?:\.(?:pdf|docx?|jpe?g|png)|[\[(](?:pdf|docx?)[\])])\s*$", re.IGNORECASE)
# What may stand before a letter's own date: ลงวันที่, its short forms ลว./ลง, or an opening bracket.
# (วันที่ alone is not one: inside a subject it is the date of a meeting or an event.)
_DATE_KEYWORD = re.compile(r"(?:ลงวันที่|ลว\.?|(?<![\u0e01-\u0e4e])ลง|[(\[])\s*[:.]?\s*$")
# A date that is a Cabinet resolution's (มติคณะรัฐมนตรีเมื่อวันที่ …), not the letter's.
_CABINET_BEFORE = re.compile(r"(?:มติ\s*(?:คณะรัฐมนตรี|ครม\.?)|ครม\.?)\s*(?:เมื่อ)?\s*(?:วันที่)?\s*[:.]?\s*$")
_NUMERIC_DATE = re.compile(
    r"(?:ลงวันที่|ลว\.?|ลง|\()\s*[:.]?\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4}|\d{2})(?!\d)"
)
# Where the words of a citation's subject end and the next citation's issuer begins.
_NEXT_CITATION = re.compile(r"\s(?:และ|กับ|,|;)?\s*(?:สำเนา)?หนังสือ|\s(?:และ|,|;)\s*(?=\S+\s*ที่\s*$)")
_LEADING_WORDS = re.compile(
    r"^(?:อ้างถึง|สิ่งที่ส่งมาด้วย|สิ่งที่แนบมาด้วย|ตามที่|ตาม|อนุสนธิ|และ|กับ|หรือ|[,;:])\s*[:.]?\s*"
)
_URGENCY = re.compile(r"\s*(?:ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ)\s*")
# Documents that carry a number of their own but are not letters (orders, announcements).
_NOT_A_LETTER = re.compile(r"(?:คำสั่ง|ประกาศ|ระเบียบ|มติ)")
_SUBJECT_TRIM = " :.-–—»,;"
_OPENING = {")": "(", "]": "["}
# A heading's date stands alone on its line (a few characters of noise allowed).
_DATE_LINE_SLACK = 12
_LOOKAHEAD_LINES = 4
_MIN_SUBJECT = 4


@dataclass(frozen=True)
class Citation:
    """One letter as a citation names it: its number and what else the line says about it."""

    number: LetterNumber
    printed_number: str
    date: str | None
    subject: str | None
    issuer: str | None
    text: str

    @property
    def canonical(self) -> str:
        """Return the canonical number (`มท 0893.3/ว 1863`, or `ว 0712` when only the serial is written)."""
        return self.number.canonical

    def to_json(self) -> dict[str, Any]:
        """Return the object `parse --json` lists under `citations`."""
        return {
            "number": self.canonical,
            "printed_number": self.printed_number,
            "date": self.date,
            "subject": self.subject,
            "issuer": self.issuer,
            "text": self.text,
        }


@dataclass
class _Found:
    start: int
    end: int
    number: LetterNumber


def _prepared_lines(text: str) -> list[str]:
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = prepare(clean(raw)) if raw.strip() else ""
        line = _FILE_SUFFIX.sub("", _BULLET.sub("", line))
        lines.append(line)
    return lines


def parse_citations(text: str) -> list[Citation]:
    """Return every letter cited in `text`, in order, one per number (a repeated number once)."""
    lines = _prepared_lines(text)
    citations: list[Citation] = []
    for index, line in enumerate(lines):
        if not line or is_receiving_stamp(line):
            continue
        citations.extend(_line_citations(lines, index))
    return _merge_repeats(citations)


def _line_citations(lines: list[str], index: int) -> list[Citation]:
    """Read the citations whose numbers are on line `index` (a heading's date may be on the lines below)."""
    line = lines[index]
    found = [_Found(start, end, number) for start, end, number in number_spans(line)]
    citations: list[Citation] = []
    segment_start = 0
    for position, item in enumerate(found):
        next_start = found[position + 1].start if position + 1 < len(found) else len(line)
        before = line[segment_start:item.start]
        after = line[item.end:next_start]
        if _is_other_document(before, item.number):
            segment_start = item.end
            continue
        when, date_end = _letter_date(after)
        subject, cut = _subject(after, date_end, last=position + 1 == len(found))
        issuer = _issuer(before)
        if when is None and position + 1 == len(found) and not before.replace("ที่", "").strip(" :"):
            # A letterhead: "ที่ ขร …" alone, then the office and the date on lines of their own.
            when, office, heading_subject = _heading_below(lines, index)
            issuer = issuer or office
            subject = subject or heading_subject
        printed = line[item.start:item.end].strip()
        citations.append(Citation(item.number, printed, when, subject, issuer, line.strip()))
        segment_start = item.end + cut
    return citations


def _is_other_document(before: str, number: LetterNumber) -> bool:
    """Tell whether the number belongs to an order or announcement (`คำสั่ง … ที่ 7/2562`), not a letter."""
    if "หนังสือ" in before:
        return False
    if _NOT_A_LETTER.search(before):
        return True
    # "123/2562" without ว is a serial and its year: how orders are numbered, not letters.
    return not number.circular and len(number.serial) == 4 and number.serial.startswith("25")


def _letter_date(after: str) -> tuple[str | None, int]:
    """Return the letter's date among the words after its number, and where that date ends."""
    subject_at = after.find("เรื่อง")
    candidates: list[tuple[int, int, str, bool]] = []
    for start, end, iso in find_dates(after):
        lead = after[max(0, start - 24):start]
        if _CABINET_BEFORE.search(lead):
            continue  # a Cabinet resolution's date inside the citation
        candidates.append((start, end, iso, bool(_DATE_KEYWORD.search(lead))))
    for match in _NUMERIC_DATE.finditer(after):
        numeric = _numeric_date(match)
        if numeric is not None:
            candidates.append((match.start(), match.end(), numeric, True))
    candidates.sort()
    ahead = [c for c in candidates if subject_at < 0 or c[0] < subject_at]
    # Before เรื่อง any date is the letter's; inside the subject only one that says ลงวันที่.
    chosen = ahead[0] if ahead else next((c for c in candidates if c[3]), None)
    if chosen is None:
        return None, 0
    return chosen[2], chosen[1]


def _numeric_date(match: re.Match[str]) -> str | None:
    """Return the ISO date of `ลงวันที่ 23/8/2556` (Buddhist year, two digits allowed), or None."""
    year = int(match.group("year"))
    year = year + 2500 if year < 100 else year
    year = year - 543 if year > 2400 else year
    try:
        return date(year, int(match.group("month")), int(match.group("day"))).isoformat()
    except ValueError:
        return None


def _subject(after: str, date_end: int, last: bool) -> tuple[str | None, int]:
    """Return the subject written after the number (and date), and where this citation's words end."""
    subject_at = after.find("เรื่อง")
    start = subject_at + len("เรื่อง") if subject_at >= 0 else date_end
    rest = after[start:]
    cut = len(after)
    if not last:
        boundary = _NEXT_CITATION.search(rest)
        if boundary is not None:
            cut = start + boundary.start()
            rest = rest[: boundary.start()]
        else:
            cut = start
            rest = "" if subject_at < 0 else rest
    if subject_at < 0 and date_end == 0:
        return None, cut  # no date and no เรื่อง: the words after the number are not known to be a subject
    subject = rest.lstrip(_SUBJECT_TRIM + ")]").rstrip(_SUBJECT_TRIM).removesuffix(" นั้น").strip()
    subject = re.sub(r"^เรื่อง\s*", "", subject)
    while subject.endswith((")", "]")) and subject.count(subject[-1]) > subject.count(_OPENING[subject[-1]]):
        subject = subject[:-1].rstrip(_SUBJECT_TRIM)  # the closing bracket of "(DATE)" or a link's
    thai_letters = len(re.findall(r"[\u0e01-\u0e2e]", subject))
    return (subject if thai_letters >= _MIN_SUBJECT else None), cut


def _issuer(before: str) -> str | None:
    """Return the office named before the number (`หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ …`), if any."""
    text = before.strip()
    while True:
        stripped = _LEADING_WORDS.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"^[(\[\"'“]+", "", text)
    # "หนังสือ", "สำเนาหนังสือ", "หนังสือสั่งการ", "เลขที่หนังสือ": the kind of document, not who sent it.
    text = re.sub(r"^(?:สำเนา)?(?:เลขที่\s*)?หนังสือ(?:สั่งการ|เวียน|ราชการ)?\s*(?:เลขที่)?", "", text)
    text = re.sub(r"\s*ที่\s*[:.]?\s*$", "", text)
    text = _URGENCY.sub(" ", text).strip(" :,;-")
    if len(re.findall(r"[\u0e01-\u0e2e]", text)) < 3:
        return None
    return " ".join(text.split())


def _heading_below(lines: list[str], index: int) -> tuple[str | None, str | None, str | None]:
    """Return (date, office, subject) from the lines under a lone `ที่ …` line, as a letterhead prints them."""
    office: str | None = None
    seen = 0
    for line in lines[index + 1:]:
        if not line:
            continue
        seen += 1
        if seen > _LOOKAHEAD_LINES or is_receiving_stamp(line) or number_spans(line):
            break
        if line.startswith("เรื่อง"):
            break
        dates = find_dates(line)
        if dates and len(line) - (dates[0][1] - dates[0][0]) <= _DATE_LINE_SLACK:
            subject = _subject_below(lines, lines.index(line, index + 1))
            return dates[0][2], office, subject
        if office is None and not dates:
            office = line
    return None, None, None


def _subject_below(lines: list[str], index: int) -> str | None:
    """Return the subject on a `เรื่อง …` line just below a heading's date, if there is one."""
    for line in lines[index + 1: index + 3]:
        if line.startswith("เรื่อง"):
            subject = line.removeprefix("เรื่อง").strip(_SUBJECT_TRIM + " ")
            return subject or None
    return None


def _merge_repeats(citations: list[Citation]) -> list[Citation]:
    """Keep one citation per number, filling what the first lacks from later mentions that agree."""
    kept: dict[str, Citation] = {}
    for citation in citations:
        key = citation.number.key
        first = kept.get(key)
        if first is None:
            kept[key] = citation
        elif first.date in (None, citation.date):
            kept[key] = Citation(
                first.number, first.printed_number, first.date or citation.date,
                first.subject or citation.subject, first.issuer or citation.issuer, first.text,
            )
    return list(kept.values())
