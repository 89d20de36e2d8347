"""Read a file an official has into text: plain text, .docx, a PDF's text layer, or a scan through OCR."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.checker.errors import DocumentRefused
from bot.checker.reading import read_with_format
from bot.intake.ocr import OcrFailed, OcrLine, OcrUnavailable, Tesseract, image_pages, pdf_page_count, pdf_pages
from bot.intake.repair import repair_ocr_text

if TYPE_CHECKING:
    from PIL.Image import Image

# A letter is a few pages: a megabyte of plain text is more than any letter.
TEXT_LIMIT = 1024 * 1024
# The letter itself (number, date, subject, signature) is on its first pages; enclosures follow.
OCR_PAGES = 5
# A text layer thinner than this per page is a scan with a stray line (a page number, a stamp).
_MIN_LETTERS_PER_PAGE = 30
_LETTER = re.compile(r"[A-Za-z\u0e01-\u0e2e]")
# Magic bytes of the images a scanner or a phone makes.
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
_FORMAT_METHODS = {"text": "text", "docx": "docx", "pdf": "pdf-text"}


class DocumentUnreadable(Exception):
    """A file that cannot be read into text; `code` says why and the message is one line for the operator."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ReadDocument:
    """A file's text and how it was read (`method`: text, docx, pdf-text, ocr), for provenance."""

    text: str
    method: str
    name: str
    sha256: str
    pages: int | None = None
    pages_read: int | None = None
    # OCR only: every line with Tesseract's confidence, and the mean word confidence (0–1).
    lines: tuple[OcrLine, ...] = ()
    confidence: float | None = None


def read_data(
    data: bytes, name: str, *, ocr: Callable[[], Tesseract] = Tesseract.find, ocr_pages: int = OCR_PAGES
) -> ReadDocument:
    """Read the bytes of file `name` into text; raise DocumentUnreadable with a one-line reason otherwise."""
    digest = hashlib.sha256(data).hexdigest()
    image = next((kind for magic, kind in _IMAGES if data.startswith(magic)), None)
    if image is None and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        image = "WebP"
    if image is not None:
        return _ocr(name, digest, "image", lambda: image_pages(data, ocr_pages), ocr)
    try:
        text, kind = read_with_format(data, name)
    except DocumentRefused as error:
        if error.code == "no-text":
            return _ocr(name, digest, "PDF", lambda: pdf_pages(data, ocr_pages), ocr)
        raise DocumentUnreadable(error.code, _operator_line(name, error)) from None
    if kind == "text" and len(data) > TEXT_LIMIT:
        raise DocumentUnreadable("too-large", f"{name}: holds more than {TEXT_LIMIT:,} bytes of text; not a letter")
    if kind == "pdf" and len(_LETTER.findall(text)) < _MIN_LETTERS_PER_PAGE * pdf_page_count(data):
        return _ocr(name, digest, "PDF", lambda: pdf_pages(data, ocr_pages), ocr)
    return ReadDocument(text=text, method=_FORMAT_METHODS[kind], name=name, sha256=digest)


def _operator_line(name: str, error: DocumentRefused) -> str:
    """Return the checker's English reason, naming the file once."""
    message, base = error.operator_message, Path(name).name
    # The checker names the file by its base name; the operator gave the whole path.
    return name + message[len(base):] if message.startswith(base) else f"{name}: {message}"


def _ocr(
    name: str, digest: str, what: str, pages: Callable[[], tuple[int, Iterator[Image]]], engine: Callable[[], Tesseract]
) -> ReadDocument:
    """Read a scan's pages with Tesseract; its text gets the predictable OCR repairs."""
    try:
        tesseract = engine()
    except OcrUnavailable as error:
        raise DocumentUnreadable("no-ocr", f"{name}: is a scanned {what} and needs OCR, but {error}") from None
    texts: list[str] = []
    lines: list[OcrLine] = []
    confidences: list[float] = []
    try:
        count, images = pages()
        read = 0
        for image in images:
            page = tesseract.read(image)
            read += 1
            texts.append(repair_ocr_text(page.text))
            lines.extend(OcrLine(repair_ocr_text(line.text), line.confidence, line.digit_confidence,
                                 line.thai_digits) for line in page.lines)
            if page.mean_confidence is not None:
                confidences.append(page.mean_confidence)
    except OcrFailed as error:
        raise DocumentUnreadable("ocr-failed", f"{name}: {error}") from None
    text = "\n\n".join(texts)
    if len(_LETTER.findall(text)) < 3:
        raise DocumentUnreadable("no-text", f"{name}: OCR found no text in the scan (a blank or unreadable page)")
    confidence = round(sum(confidences) / len(confidences) / 100, 3) if confidences else None
    return ReadDocument(text=text, method="ocr", name=name, sha256=digest, pages=count, pages_read=read,
                        lines=tuple(lines), confidence=confidence)
