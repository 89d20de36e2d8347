"""Parse the plain text of a Thai official letter (หนังสือราชการภายนอก) into its fields."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from bot.numbers import find_numbers, parse_number, prepare
from bot.thai import THAI_MONTHS, clean

# Fields a text must have to be stored as a letter; without them it is something else.
REQUIRED_FIELDS = ("number", "date", "subject", "recipient")

_MONTHS = THAI_MONTHS


def _abbreviation_pattern(abbreviation: str) -> str:
    """Return a pattern for `ก.พ.` that also accepts `ก.พ`, `ก. พ.` and `กพ`."""
    parts = [part for part in abbreviation.split(".") if part]
    return r"\.?\s?".join(re.escape(part) for part in parts) + r"\.?"


# How officials shorten month names when they type (กุมภา, สิงหา), as in "23 กุมภา 54".
_SPOKEN_MONTHS = ("มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา",
                  "พฤศจิกา", "ธันวา")
_MONTH_LOOKUP: list[tuple[re.Pattern[str], str]] = []
for (_full, _abbr), _spoken in zip(_MONTHS, _SPOKEN_MONTHS, strict=True):
    _MONTH_LOOKUP.append((re.compile(re.escape(_full)), _full))
    _MONTH_LOOKUP.append((re.compile(_abbreviation_pattern(_abbr)), _full))
    _MONTH_LOOKUP.append((re.compile(re.escape(_spoken)), _full))
_MONTH_ALTERNATIVES = "|".join(
    sorted([re.escape(full) for full, _ in _MONTHS] + [_abbreviation_pattern(abbr) for _, abbr in _MONTHS]
           + [re.escape(spoken) for spoken in _SPOKEN_MONTHS], key=len, reverse=True)
)
_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?P<month>{_MONTH_ALTERNATIVES})\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{{4}}|\d{{2}})(?!\d)"
)
_TIME = re.compile(r"(?P<hour>\d{1,2})\s*[.:]\s*(?P<minute>\d{2})\s*(?:น\.?)?")
_PHONE = re.compile(r"โทร(?:ศัพท์)?\.?\s*(?:/\s*โทรสาร\.?)?\s*[:.]?\s*(?P<phone>0[\d\s-]{7,15}\d)")
_RECEIVED = re.compile(r"(?:เลข(?:ที่)?\s*รับ|รับที่)\s*[:.]?\s*(?P<number>\d+(?:/\d+)?)")
_PAGE_NUMBER = re.compile(r"^[-–—]\s*\d{1,3}\s*[-–—]$")
_URGENCY = re.compile(r"^(ด่วนที่สุด|ด่วนมาก|ด่วน)$")
_NUMBERED_ITEM = re.compile(r"(?:^|\s)(?:\(?\d{1,2}[.)])\s+")
_COUNT = re.compile(r"(?:จำนวน)\s*(?P<count>\d+\s*(?:ฉบับ|ชุด|แผ่น|เล่ม|หน้า|แผ่นดิสก์|แผ่นซีดี))")
_SECTION_HEADS = ("เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย", "สิ่งที่แนบมาด้วย")
_CLOSING = re.compile(r"^(ขอแสดงความนับถือ|ขอแสดงความนับถืออย่างสูง)")
# A stamp or a continuation marker that can fall in the middle of the text.
_NOISE = re.compile(r"^(สำเนาถูกต้อง|/.{1,40}$|\.{3,}.*|ลับ|ลับมาก|ลับที่สุด)")
_URGENT_WORDS = re.compile(r"\s*(ด่วนที่สุด|ด่วนมาก|ด่วน)\s*")
_BODY_START = ("ตามที่", "ด้วย", "ตามหนังสือ", "อนุสนธิ", "จึงเรียน", "เนื่องด้วย", "เนื่องจาก", "อ้างถึงหนังสือ")
_OFFICE_WORDS = ("สำนักงาน", "กลุ่มงาน", "กลุ่ม", "ส่วน", "ฝ่าย", "กอง", "งาน", "ศูนย์", "สำนัก")


@dataclass
class Reference:
    """A letter named under อ้างถึง."""

    number: str | None
    date: str | None
    issuer: str | None
    text: str


@dataclass
class Enclosure:
    """An item under สิ่งที่ส่งมาด้วย; a letter copy carries its own number and date."""

    title: str
    number: str | None
    date: str | None
    issuer: str | None
    count: str | None


@dataclass
class Signer:
    """Who signed the letter."""

    name: str | None
    position: str | None


@dataclass
class Received:
    """The receiving office's registry stamp: not part of the letter itself."""

    number: str
    date: str | None
    time: str | None
    office: str | None


@dataclass
class ParsedLetter:
    """Everything the parser read from one letter; `missing` lists required fields it did not find."""

    number: str | None = None
    printed_number: str | None = None
    issuer: str | None = None
    address: str | None = None
    date: str | None = None
    subject: str | None = None
    recipient: str | None = None
    references: list[Reference] = field(default_factory=list)
    enclosures: list[Enclosure] = field(default_factory=list)
    signer: Signer = field(default_factory=lambda: Signer(None, None))
    contact_office: str | None = None
    phone: str | None = None
    received: Received | None = None
    urgency: str | None = None
    body: str = ""

    @property
    def missing(self) -> list[str]:
        """Return the required fields this text lacks (empty for a letter)."""
        return [name for name in REQUIRED_FIELDS if not getattr(self, name)]

    def to_json(self) -> dict[str, Any]:
        """Return the object documented for `policybot parse --json`."""
        return {
            "number": self.number,
            "printed_number": self.printed_number,
            "date": self.date,
            "issuer": self.issuer,
            "address": self.address,
            "subject": self.subject,
            "recipient": self.recipient,
            "references": [{"number": r.number, "date": r.date, "issuer": r.issuer} for r in self.references],
            "enclosures": [asdict(e) for e in self.enclosures],
            "signer": asdict(self.signer),
            "contact_office": self.contact_office,
            "phone": self.phone,
            "received": asdict(self.received) if self.received else None,
            "urgency": self.urgency,
        }


def parse_thai_date(text: str) -> str | None:
    """Return the first Thai date in `text` as an ISO date (Buddhist year → Christian), or None."""
    match = _DATE.search(prepare(text))
    return date_of(match) if match else None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, ISO date) for each valid Thai date in prepared `text`, in order."""
    found = []
    for match in _DATE.finditer(text):
        iso = date_of(match)
        if iso is not None:
            found.append((match.start(), match.end(), iso))
    return found


def date_of(match: re.Match[str]) -> str | None:
    """Return the ISO date a match of the Thai date pattern names, or None if no such day exists."""
    from pythainlp.util import thai_strptime

    month = next(full for pattern, full in _MONTH_LOOKUP if pattern.fullmatch(match.group("month")))
    year = int(match.group("year"))
    if len(match.group("year")) == 4 and year < 2400:
        year += 543  # a Christian-era year written in a Thai letter
    # thai_strptime wants Arabic digits and a plain "day month year"; it reads the Buddhist year.
    try:
        parsed = thai_strptime(f"{int(match.group('day'))} {month} {year}", "%d %B %Y")
    except (ValueError, IndexError):
        return None
    return date(parsed.year, parsed.month, parsed.day).isoformat()


def is_receiving_stamp(line: str) -> bool:
    """Tell whether `line` holds a receiving office's stamp (เลขที่รับ …), not the letter's own number."""
    return _RECEIVED.search(line) is not None


def _is_date_line(line: str) -> bool:
    match = _DATE.search(line)
    return match is not None and len(line) - len(match.group(0)) <= 8


def _is_head(line: str) -> bool:
    return line.startswith(_SECTION_HEADS) or bool(_CLOSING.match(line))


def _number_line(line: str) -> tuple[str, str] | None:
    """Return (printed number, rest of line) if `line` is the letter's `ที่ …` line."""
    match = re.match(r"^ที่\s*[:.]?\s*(?=[\u0e01-\u0e2e].{0,6}\d)", line)
    if not match or line.startswith("ที่ว่าการ") or line.startswith("ที่ทำการ"):
        return None
    found = find_numbers(line[match.end():])
    if not found or found[0][0].level != "full":
        return None
    printed = found[0][1]
    rest = line[match.end():].split(printed, 1)[-1].strip()
    return printed, rest


def _issuer_of(text: str) -> str | None:
    """Return the office named in `หนังสือ<office> ที่ …` (or `สำเนาหนังสือ…`), if any."""
    if text.startswith("มติคณะรัฐมนตรี"):
        return "คณะรัฐมนตรี"
    number_ahead = r"\s*ที่\s*(?=[\u0e01-\u0e2e][.\s]?[\u0e01-\u0e2e]\.?\s*\d)"
    match = re.search(rf"(?:สำเนา)?หนังสือ\s*(?P<issuer>.*?){number_ahead}", text)
    # "อ้างถึง กรมส่งเสริมการปกครองท้องถิ่น ที่ มท …": the office without the word หนังสือ.
    match = match or re.match(rf"(?:สำเนา)?(?P<issuer>.*?){number_ahead}", text)
    if not match:
        return None
    issuer = _URGENT_WORDS.sub(" ", match.group("issuer")).strip()
    return issuer or None


def _split_items(text: str) -> list[str]:
    """Split a section into its numbered items (`1. …  2. …`), or keep it whole."""
    parts = [part.strip() for part in _NUMBERED_ITEM.split(" " + text) if part.strip()]
    return parts or [text.strip()]


def _undouble(lines: list[str]) -> list[str]:
    """Undo double spacing (every line followed by a blank, as some copy-pastes make it)."""
    filled = [i for i, line in enumerate(lines[:-1]) if line]
    if len(filled) < 4 or any(lines[i + 1] for i in filled):
        return lines
    result: list[str] = []
    blank_run = 0
    for line in [*lines, "x"]:
        if line:
            result.extend([""] * max(blank_run - 1, 0))
            result.append(line)
            blank_run = 0
        else:
            blank_run += 1
    return result[:-1]


class _Lines:
    """The letter's lines, cleaned one by one (blank lines kept: they carry the layout)."""

    def __init__(self, text: str) -> None:
        # bot.thai.clean per line: normalising the whole text would collapse the blank lines.
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = [clean(line) if line.strip() else "" for line in raw]
        self.lines = _undouble(lines)
        self.used = [False] * len(self.lines)
        for index, line in enumerate(self.lines):
            if _PAGE_NUMBER.match(line) or (line and _NOISE.match(line)):
                self.lines[index] = ""

    def find(self, predicate: Any, start: int = 0, stop: int | None = None) -> int | None:
        """Return the index of the first unused line from `start` that satisfies `predicate`."""
        for index in range(start, len(self.lines) if stop is None else stop):
            if not self.used[index] and self.lines[index] and predicate(self.lines[index]):
                return index
        return None

    def block(self, start: int, *, through_blanks: Any = None) -> tuple[str, int]:
        """Join the line at `start` with its continuation lines; return (text, index after)."""
        parts = [self.lines[start]]
        self.used[start] = True
        index = start + 1
        while index < len(self.lines):
            line = self.lines[index]
            if self.used[index]:
                index += 1
                continue
            if not line:
                nxt = self.find(lambda _: True, index)
                if nxt is not None and through_blanks is not None and through_blanks(self.lines[nxt]):
                    index = nxt
                    continue
                break
            if _is_head(line) or line.startswith(_BODY_START):
                break
            parts.append(line)
            self.used[index] = True
            index += 1
        return " ".join(parts), index


def _take_stamp(lines: _Lines, letter: ParsedLetter) -> None:
    """Find the receiving stamp (เลขที่รับ, date, time) and keep it apart from the letter."""
    index = lines.find(lambda line: _RECEIVED.search(line) is not None)
    if index is None:
        return
    start = index
    # The receiving office's name is the line just above, when the stamp is a block of lines.
    office = None
    if index > 0 and lines.lines[index - 1] and _RECEIVED.match(lines.lines[index]):
        above = lines.lines[index - 1]
        plain = not _is_head(above) and not _is_date_line(above) and not _URGENCY.match(above)
        if plain and _number_line(above) is None:
            office, start = above, index - 1
    stop = index + 1
    while True:
        nxt = lines.find(lambda _: True, stop, min(stop + 3, len(lines.lines)))
        if nxt is None or not re.match(r"^(วันที่|เวลา)", lines.lines[nxt]):
            break
        stop = nxt + 1
    text = " ".join(lines.lines[start:stop])
    for position in range(start, stop):
        lines.used[position] = True
    stamp = _RECEIVED.search(text)
    assert stamp is not None
    if office is None:
        before = text[: stamp.start()].strip()
        office = before or None
    after = text[stamp.end():]
    date_text = after.split("เวลา", 1)[0]
    time_match = _TIME.search(after.split("เวลา", 1)[1]) if "เวลา" in after else None
    letter.received = Received(
        number=stamp.group("number"),
        date=parse_thai_date(date_text),
        time=f"{int(time_match.group('hour')):02d}:{time_match.group('minute')}" if time_match else None,
        office=office,
    )


def _take_heading(lines: _Lines, letter: ParsedLetter, subject_at: int) -> None:
    """Read the number, issuer, address and date from the lines above เรื่อง."""
    number_at = lines.find(lambda line: _number_line(line) is not None, 0, subject_at)
    rest = ""
    if number_at is not None:
        printed, rest = _number_line(lines.lines[number_at]) or ("", "")
        lines.used[number_at] = True
        number = parse_number(printed)
        letter.printed_number = printed
        letter.number = number.canonical if number else None
    # The letter's date is the last date line above เรื่อง that is not the stamp's (OCR puts
    # stamp dates and letterhead dates above the number, so prefer a date after it).
    date_lines = [i for i in range(subject_at) if not lines.used[i] and _is_date_line(lines.lines[i])]
    after_number = [i for i in date_lines if number_at is None or i > number_at]
    candidates = after_number or date_lines
    date_at = candidates[-1] if candidates else None
    if date_at is not None:
        letter.date = parse_thai_date(lines.lines[date_at])
        lines.used[date_at] = True
    # A memo (บันทึกข้อความ) puts "ที่ … วันที่ …" on one line and the office on "ส่วนราชการ …".
    on_number_line = _DATE.search(rest)
    if on_number_line:
        if letter.date is None:
            letter.date = parse_thai_date(on_number_line.group(0))
        rest = re.sub(r"\s*(ลง)?วันที่\s*$", "", rest[: on_number_line.start()]).strip()
    unit_at = lines.find(lambda line: line.startswith("ส่วนราชการ"), 0, subject_at)
    if unit_at is not None:
        lines.used[unit_at] = True
        unit = lines.lines[unit_at].removeprefix("ส่วนราชการ").strip(" :")
        phone = _PHONE.search(unit)
        if phone:
            letter.phone = re.sub(r"\s+", " ", phone.group("phone"))
            unit = unit[: phone.start()].strip()
        letter.issuer = unit or None
        return
    # Issuer and address: the lines between the number and the date (or the rest of the ที่ line).
    top = number_at + 1 if number_at is not None else 0
    bottom = date_at if date_at is not None and date_at > top else subject_at
    office_lines = [
        lines.lines[i]
        for i in range(top, bottom)
        if not lines.used[i] and lines.lines[i] and not _URGENCY.match(lines.lines[i])
    ]
    if rest:
        office_lines.insert(0, rest)
    if not office_lines and number_at is not None:
        # Two-column layouts read right column first: the office block then sits above ที่.
        above: list[str] = []
        for i in range(number_at - 1, -1, -1):
            if not lines.lines[i] or lines.used[i]:
                break
            above.insert(0, lines.lines[i])
        office_lines = above[-3:]
    if number_at is None and office_lines:
        # Without a ที่ line, letterhead noise may sit above: keep the block nearest the date.
        office_lines = office_lines[-2:]
    if office_lines:
        first = office_lines[0]
        road = re.search(r"\s(ถนน|ถ\.|เลขที่\s*\d|\d+\s*หมู่)", first)
        if road:
            office_lines[0:1] = [first[: road.start()].strip(), first[road.start():].strip()]
        letter.issuer = office_lines[0]
        letter.address = " ".join(office_lines[1:]) or None


def _take_sections(lines: _Lines, letter: ParsedLetter) -> int:
    """Read เรื่อง, เรียน, อ้างถึง and สิ่งที่ส่งมาด้วย; return the index where the body starts."""
    end = 0
    subject_at = lines.find(lambda line: line.startswith("เรื่อง"))
    if subject_at is None:
        return 0
    _take_heading(lines, letter, subject_at)
    for i in range(subject_at):
        if _URGENCY.match(lines.lines[i]):
            letter.urgency = lines.lines[i]
    text, end = lines.block(subject_at)
    letter.subject = text.removeprefix("เรื่อง").strip(" :") or None
    index = lines.find(lambda line: line.startswith("เรียน"), end)
    if index is not None:
        text, end = lines.block(index)
        letter.recipient = text.removeprefix("เรียน").strip(" :") or None
    is_item = re.compile(r"^(\(?\d{1,2}[.)]\s|จำนวน)").match
    index = lines.find(lambda line: line.startswith("อ้างถึง"), end)
    if index is not None:
        text, end = lines.block(index, through_blanks=is_item)
        for item in _split_items(text.removeprefix("อ้างถึง").strip(" :")):
            numbers = [number for number, _ in find_numbers(item) if number.level == "full"]
            letter.references.append(
                Reference(
                    number=numbers[0].canonical if numbers else None,
                    date=parse_thai_date(item.split("ลงวันที่", 1)[-1] if "ลงวันที่" in item else item),
                    issuer=_issuer_of(item),
                    text=item,
                )
            )
    index = lines.find(lambda line: line.startswith(("สิ่งที่ส่งมาด้วย", "สิ่งที่แนบมาด้วย")), end)
    if index is not None:
        text, end = lines.block(index, through_blanks=is_item)
        text = re.sub(r"^สิ่งที่(ส่ง|แนบ)มาด้วย", "", text).strip(" :")
        for item in _split_items(text):
            count = _COUNT.search(item)
            title = _COUNT.sub("", item).strip() if count else item
            numbers = [number for number, _ in find_numbers(title) if number.level == "full"]
            letter.enclosures.append(
                Enclosure(
                    title=title,
                    number=numbers[0].canonical if numbers else None,
                    date=parse_thai_date(title.split("ลงวันที่", 1)[-1]) if "ลงวันที่" in title else None,
                    issuer=_issuer_of(title),
                    count=re.sub(r"\s+", " ", count.group("count")) if count else None,
                )
            )
    return end


_ACTING = re.compile(r"(แทน|แทน\s*$)$")
_POSITION_START = re.compile(r"^(ปฏิบัติราชการแทน|รักษาราชการแทน|รักษาการแทน|ผู้ว่าราชการจังหวัด|นายอำเภอ|อธิบดี|ปลัด|รอง)")


def _take_signature(lines: _Lines, letter: ParsedLetter, body_start: int) -> int:
    """Read the signer, the contact office and the telephone; return where the body ends."""
    closing = lines.find(lambda line: _CLOSING.match(line) is not None, body_start)
    tail_start = closing if closing is not None else len(lines.lines)
    phone_at = lines.find(lambda line: _PHONE.search(line) is not None, body_start)
    if phone_at is not None and not lines.used[phone_at]:
        match = _PHONE.search(lines.lines[phone_at])
        assert match is not None
        letter.phone = re.sub(r"\s+", " ", match.group("phone"))
    if closing is None:
        return tail_start
    lines.used[closing] = True
    rest = [
        i for i in range(closing + 1, len(lines.lines))
        if lines.lines[i] and not lines.used[i] and (phone_at is None or i < phone_at)
    ]
    name_at = next((i for i in rest if re.match(r"^\(.+\)$", lines.lines[i])), None)
    if name_at is None:
        return tail_start
    letter.signer.name = lines.lines[name_at].strip("() ")
    after = [i for i in rest if i > name_at]
    position: list[str] = []
    for i in after:
        line = lines.lines[i]
        if not position or _ACTING.search(position[-1]) or _POSITION_START.match(line):
            if position and line.startswith(_OFFICE_WORDS):
                break
            position.append(line)
            continue
        break
    letter.signer.position = " ".join(position) or None
    office = [lines.lines[i] for i in after[len(position):]]
    office = [line for line in office if not line.startswith(("ไปรษณีย์", "E-mail", "e-mail", "อีเมล", "www", "http"))]
    letter.contact_office = " ".join(office) or None
    return tail_start


def parse_letter(text: str) -> ParsedLetter:
    """Parse the plain text of a Thai official letter; fields it cannot find stay None."""
    lines = _Lines(text)
    letter = ParsedLetter()
    _take_stamp(lines, letter)
    body_start = _take_sections(lines, letter)
    body_end = _take_signature(lines, letter, body_start)
    paragraphs: list[str] = []
    for i in range(body_start, body_end):
        if lines.lines[i] and not lines.used[i]:
            paragraphs.append(lines.lines[i])
    letter.body = "\n".join(paragraphs)
    return letter


def summary_of(letter: ParsedLetter, limit: int = 400) -> str:
    """Return a short plain summary: the body's opening, cut at a word boundary."""
    text = " ".join(letter.body.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"
