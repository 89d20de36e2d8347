"""Thai official-letter numbers: canonical spelling, matching keys, query parsing, finding them in text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

# Thai digits ๐-๙ → 0-9 by table: this runs on every lookup, so no PyThaiNLP call here.
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u206f\ufeff\u00ad]")
# The letter O typed (or read by OCR) for a zero, and l or I for a one: a run of digits with them,
# not part of a Latin word; or one such letter alone after "0023." (`ชม 0023.l/ว`).
_DIGIT_RUN = re.compile(r"(?<![A-Za-z])[0-9OolI]*[0-9][0-9OolI]*(?![A-Za-z])|(?<=[0-9]\.)[OolI](?![A-Za-z])")
_CONSONANT = "\u0e01-\u0e2e"
_THAI_LETTER = "\u0e01-\u0e4e"
# Where a number may start: not glued to a Thai word, except right after หนังสือ/ที่ typed without a space.
_START = rf"(?:(?<![{_THAI_LETTER}])|(?<=หนังสือ)|(?<=ที่))"
_PREFIX = rf"(?P<prefix>[{_CONSONANT}](?:\s?\.?\s?[{_CONSONANT}]){{1,3}})\.?"
_CODE = r"(?P<code>\d{1,8}(?:\s*\.\s*\d{1,8}){0,4})"
_SERIAL = r"(?P<w>ว\s*\.?\s*)?(?P<serial>\d{1,8})(?!\d)(?!\.\d)"
_SLASH = r"\s*/\s*"
# "ขร 0023.20/ว 0313", "ข.ร.0023.20 / ว.313", "มท 0810.2/1234" (a letter, not a circular).
_FULL = re.compile(rf"{_START}{_PREFIX}\s*{_CODE}{_SLASH}{_SERIAL}")
# "0023.20/ว0313": the office code and the serial, without the ministry prefix.
_TAIL = re.compile(rf"(?<![\d.{_THAI_LETTER}]){_CODE}{_SLASH}{_SERIAL}")
# "ว 0313", "หนังสือ ว ๔๖๓๔", "ว.4634": the circular serial alone.
_CIRCULAR = re.compile(rf"{_START}ว\s*\.?\s*(?P<serial>\d{{1,8}})(?!\d)(?!\.\d)")

# A circular's ว romanised by an official writing in English: "kr 0023.20/w 0313", "0023.20/V.313".
_LATIN_W = re.compile(r"(?:(?<=[0-9]/)|(?<=[0-9] / ))(?:[wW][oO][rR]?|[wWvV])(?=\s?\.?\s?[0-9])")

Level = Literal["full", "tail", "serial"]


@dataclass(frozen=True)
class LetterNumber:
    """A parsed letter number; absent parts (prefix, code) are None for partial queries."""

    prefix: str | None
    code: str | None
    circular: bool
    serial: str

    @property
    def level(self) -> Level:
        """Tell how much of a number this is: full, without prefix (tail), or the serial only."""
        if self.prefix is not None:
            return "full"
        return "tail" if self.code is not None else "serial"

    @property
    def canonical(self) -> str:
        """Return the canonical spelling: Arabic digits, single spaces (`ขร 0023.20/ว 0313`)."""
        serial = f"ว {self.serial}" if self.circular else self.serial
        if self.code is None:
            return serial
        tail = f"{self.code}/{serial}"
        return f"{self.prefix} {tail}" if self.prefix is not None else tail

    @property
    def key_serial(self) -> str:
        """Return the serial key: circular mark plus the serial without zero padding (`ว313`)."""
        return ("ว" if self.circular else "") + _strip_zeros(self.serial)

    @property
    def key_tail(self) -> str | None:
        """Return the key of office code and serial (`23.20/ว313`), or None for a bare serial."""
        if self.code is None:
            return None
        code = ".".join(_strip_zeros(part) for part in self.code.split("."))
        return f"{code}/{self.key_serial}"

    @property
    def key_full(self) -> str | None:
        """Return the full matching key (`ขร23.20/ว313`), or None without a prefix."""
        if self.prefix is None or self.key_tail is None:
            return None
        return f"{self.prefix}{self.key_tail}"

    @property
    def key(self) -> str:
        """Return the most specific key this number has."""
        return self.key_full or self.key_tail or self.key_serial


def _strip_zeros(digits: str) -> str:
    return digits.lstrip("0") or "0"


def prepare(text: str) -> str:
    """Return `text` with NFC, no invisible characters, Arabic digits, O/o and l/I in digit runs as 0 and 1,
    and a circular's ว typed in Latin after the slash (`0023.20/w 0313`) as ว."""
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text).translate(_DIGITS)
    if any(letter in text for letter in "OolI"):
        text = _DIGIT_RUN.sub(_digits_read, text)
    if "/" in text:
        # "Wor" becomes "ว  ": as many characters, so that offsets into the prepared text stay those of the original.
        text = _LATIN_W.sub(lambda latin: "ว".ljust(len(latin.group())), text)
    return text


def _digits_read(match: re.Match[str]) -> str:
    """Read O/o as 0 and l/I as 1 inside a run of digits (`OO23` → `0023`, `3l47` → `3147`)."""
    return match.group(0).translate(_LOOKALIKES)


_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def _from_match(match: re.Match[str], level: Level) -> LetterNumber:
    groups = match.groupdict()
    prefix = re.sub(r"[\s.]", "", groups["prefix"]) if level == "full" else None
    code = re.sub(r"\s", "", groups["code"]) if level != "serial" else None
    circular = level == "serial" or bool(groups.get("w"))
    return LetterNumber(prefix, code, circular, groups["serial"])


def parse_number(text: str) -> LetterNumber | None:
    """Read the first letter number in `text` at the most specific level it is written; None if none."""
    text = prepare(text)
    for pattern, level in ((_FULL, "full"), (_TAIL, "tail"), (_CIRCULAR, "serial")):
        match = pattern.search(text)
        if match:
            return _from_match(match, level)  # type: ignore[arg-type]
    return None


def canonical(text: str) -> str | None:
    """Return the canonical spelling of the number in `text`, or None if it holds no number."""
    number = parse_number(text)
    return number.canonical if number else None


def matching_key(text: str) -> str | None:
    """Return the matching key of the number in `text` (spacing, dots, digits, zero padding ignored)."""
    number = parse_number(text)
    return number.key if number else None


def number_spans(text: str) -> list[tuple[int, int, LetterNumber]]:
    """Return (start, end, number) for each letter number in `text` after `prepare` (offsets into that text)."""
    return [(start, end, number) for start, end, number, _ in _spans(prepare(text))]


def find_numbers(text: str) -> list[tuple[LetterNumber, str]]:
    """Find every letter number in free text, most specific first per position; (number, printed)."""
    return [(number, printed) for _, _, number, printed in _spans(prepare(text))]


def without_numbers(text: str) -> str:
    """Return `text` prepared (see `prepare`) with every letter number in it blanked out."""
    text = prepare(text)
    for start, end, _, _ in reversed(_spans(text)):
        text = f"{text[:start]} {text[end:]}"
    return text


def _spans(text: str) -> list[tuple[int, int, LetterNumber, str]]:
    """Return (start, end, number, printed) for each letter number in prepared `text`, in order."""
    found: list[tuple[int, int, LetterNumber, str]] = []
    for pattern, level in ((_FULL, "full"), (_TAIL, "tail"), (_CIRCULAR, "serial")):
        for match in pattern.finditer(text):
            start, end = match.span()
            # A shorter reading inside a number already found is the same number, not another one.
            if any(start < taken_end and end > taken_start for taken_start, taken_end, _, _ in found):
                continue
            if level == "tail" and not match.group("w"):
                continue  # in running text "3/2" is a fraction or a date far more often than a letter
            found.append((start, end, _from_match(match, level), match.group(0).strip()))  # type: ignore[arg-type]
    found.sort(key=lambda item: item[0])
    return found
