"""Repair what OCR predictably gets wrong in Thai letters: dropped marks in key words, stray vowels, O for 0."""

from __future__ import annotations

import re
import unicodedata

from bot.intake.prefixes import OFFICE_PREFIXES

_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_LEADING_VOWELS = "\u0e40-\u0e44"
# The heading words every letter has, as Tesseract writes them with a tone mark or vowel dropped or doubled.
_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ลงว[ั]?นท[ีิ][่้]?(?![่ก-ฮ])"), "ลงวันที่"),
    (re.compile(r"(?<![ก-ฮ])ว[ั]?นท[ีิ](?![่ก-ฮ])"), "วันที่"),
    (re.compile(r"(?m)^(\s*)เร[ื่ึ]{0,3}อง"), r"\1เรื่อง"),
    (re.compile(r"(?m)^(\s*)เร[ีิ]ยน"), r"\1เรียน"),
    (re.compile(r"(?m)^(\s*)อ[้]?างถ[ึี][่]?ง"), r"\1อ้างถึง"),
    (re.compile(r"(?m)^(\s*)ส[ิ]?[่]?งท[ีิ]?[่]?ส[่]?งมาด[้]?วย"), r"\1สิ่งที่ส่งมาด้วย"),
    (re.compile(r"เลขท[ีิ]?[่]?รับ"), "เลขที่รับ"),
    # "ที ขร 0023…": the letter's ที่ line without its tone mark (not ทีม, ทีละ, …).
    (re.compile(r"(?m)^(\s*)ท[ีิ][้๊]?(?=\s*[:.]?\s*[ก-ฮ][\u0e30-\u0e4e]?[ก-ฮ]\.?\s*[0-9O๐-๙])"), r"\1ที่"),
    (re.compile(r"(?<![ก-ฮ])หนังสือท[ีิ](?![่ก-ฮ])"), "หนังสือที่"),
)
# A prefix just before an office code ("ลูป 0023.9/"): consonants with marks that OCR added.
_PREFIX_BEFORE_CODE = re.compile(
    rf"(?<![\u0e01-\u0e4e])(?P<prefix>[{_LEADING_VOWELS}]?[ก-ฮ][{_MARKS}]{{0,2}}[ก-ฮ][{_MARKS}]{{0,2}}(?:[ก-ฮ][{_MARKS}]{{0,2}})?)"
    rf"(?P<tail>\.?\s*[0-9O๐-๙]{{2,5}}(?:\s*\.\s*[0-9๐-๙]{{1,4}})*\s*[/|])"
)
# A slash read as a bar, a backslash or the letter l/I between the office code and ว.
_SLASH = re.compile(r"(?<=[0-9๐-๙])\s*[|\\lI]\s*(?=ว)")


def repair_ocr_text(text: str) -> str:
    """Return OCR text with the predictable slips of Thai letters repaired; other text is left alone."""
    # Tesseract writes sara am as nikhahit + sara aa (ํา), which no word list or pattern expects.
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    for pattern, replacement in _WORDS:
        text = pattern.sub(replacement, text)
    text = _PREFIX_BEFORE_CODE.sub(_known_prefix, text)
    return _SLASH.sub("/", text)


def _known_prefix(match: re.Match[str]) -> str:
    """Drop the vowels and marks OCR put into a prefix, when what is left is an office's prefix."""
    prefix = match.group("prefix")
    bare = re.sub(rf"[{_MARKS}{_LEADING_VOWELS}]", "", prefix)
    if bare != prefix and bare in OFFICE_PREFIXES:
        return bare + match.group("tail")
    return match.group(0)
