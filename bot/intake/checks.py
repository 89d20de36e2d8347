"""Decide whether a person must check what was read: OCR confidence, Thai digits, and consistency checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.intake.documents import ReadDocument
from bot.intake.ocr import OcrLine
from bot.intake.prefixes import is_known_prefix
from bot.letters import find_dates
from bot.numbers import LetterNumber, number_spans, prepare

# Tesseract's confidence (0–100) below which a digit it read is not trusted. Arabic digits read right
# scored 83–97 on test scans; misread ones in the 60s and 70s.
OCR_REVIEW_BELOW = 80.0
# A letter dated this far ahead is a misreading (or a typing slip), not a letter from the future.
_FUTURE_SLACK = timedelta(days=31)
# No letter in the registry predates the Buddhist-era calendar reform (1 January 2484).
_EARLIEST = date(1941, 1, 1)


@dataclass(frozen=True)
class Reading:
    """What was read from one document that checks look at: its number, date and receiving stamp's date."""

    number: LetterNumber
    date: str | None
    received: str | None = None


def review_reasons(document: ReadDocument, reading: Reading, today: date) -> list[str]:
    """Return why this reading needs a person (English, one phrase each); empty when it can be trusted."""
    reasons: list[str] = []
    if document.method == "ocr":
        reasons += _ocr_reasons(document, reading)
    if reading.date is not None:
        day = date.fromisoformat(reading.date)
        if day > today + _FUTURE_SLACK:
            reasons.append(f"the date {reading.date} is in the future")
        if day < _EARLIEST:
            reasons.append(f"the date {reading.date} is older than any letter on record")
        if reading.received is not None and date.fromisoformat(reading.received) < day:
            reasons.append(f"received ({reading.received}) before the letter's date ({reading.date})")
    return reasons


def _ocr_reasons(document: ReadDocument, reading: Reading) -> list[str]:
    """Return the OCR-specific reasons: Thai digits, low confidence, an unknown prefix."""
    reasons: list[str] = []
    number_line = _line_with_number(document.lines, reading.number)
    if number_line is None:
        reasons.append("the number was not found on one line of the OCR text")
    else:
        # Tesseract's Thai model misreads Thai digits (๔→๕, ๖→๒, ๗→๓) with high confidence.
        if number_line.thai_digits:
            reasons.append("the number was read by OCR from Thai digits")
        if number_line.digit_confidence is not None and number_line.digit_confidence < OCR_REVIEW_BELOW:
            reasons.append(f"the number was read with low OCR confidence ({number_line.digit_confidence:.0f}%)")
    if reading.number.prefix is not None and not is_known_prefix(reading.number.prefix):
        reasons.append(f"the prefix {reading.number.prefix} is not a known office's")
    if reading.date is not None:
        date_line = _line_with_date(document.lines, reading.date)
        if date_line is None:
            reasons.append("the date was not found on one line of the OCR text")
        else:
            if date_line.thai_digits:
                reasons.append("the date was read by OCR from Thai digits")
            if date_line.digit_confidence is not None and date_line.digit_confidence < OCR_REVIEW_BELOW:
                reasons.append(f"the date was read with low OCR confidence ({date_line.digit_confidence:.0f}%)")
    return reasons


def _line_with_number(lines: tuple[OcrLine, ...], number: LetterNumber) -> OcrLine | None:
    """Return the first OCR line holding `number` (the same matching key)."""
    for line in lines:
        if any(found.key == number.key for _, _, found in number_spans(line.text)):
            return line
    return None


def _line_with_date(lines: tuple[OcrLine, ...], iso: str) -> OcrLine | None:
    """Return the first OCR line holding the date `iso`."""
    for line in lines:
        if any(found == iso for _, _, found in find_dates(prepare(line.text))):
            return line
    return None
