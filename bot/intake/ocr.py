"""OCR of scanned letters with Tesseract's Thai model: pages rasterised, text with per-line confidence."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-tha"
LANGUAGE = "tha"
# Scans are rasterised at 300 dpi: Tesseract reads Thai best with glyphs ~30 px high.
DPI = 300
# A page, one uniform block of text: the letter layout reads in order, and it is the fastest mode.
PAGE_SEGMENTATION = "6"
PAGE_TIMEOUT_SECONDS = 120.0
# A photo larger than this is shrunk first (an A4 page at 300 dpi is ~8.7 million pixels).
MAX_PIXELS = 25_000_000
# Larger images are refused rather than decoded (a "decompression bomb" would fill memory); Pillow's own
# warning starts just above this.
REFUSE_PIXELS = 89_000_000
# The second reader of Arabic numbers, and when it is asked (a word the Thai model was unsure of).
ENGLISH = "eng"
REREAD_BELOW = 90.0
NO_OPINION_BELOW = 50.0
_NUMBER_CHARS = "0123456789./"
_ARABIC_NUMBER = re.compile(r"[0-9][0-9./]*")
_THAI_DIGIT = re.compile("[๐-๙]")
_DIGIT = re.compile("[0-9๐-๙]")


class OcrUnavailable(Exception):
    """Tesseract or its Thai model is not installed; the message says what to install."""


class OcrFailed(Exception):
    """Tesseract could not read a page (it failed, or took too long); one line for the operator."""


@dataclass(frozen=True)
class OcrLine:
    """One line as Tesseract read it, with its lowest word confidence and that of its digits (0–100)."""

    text: str
    confidence: float
    digit_confidence: float | None
    thai_digits: bool


@dataclass(frozen=True)
class OcrPage:
    """The text of one page and its lines, in reading order."""

    text: str
    lines: tuple[OcrLine, ...]
    mean_confidence: float | None


class Tesseract:
    """The `tesseract` program with its Thai model; find it with `Tesseract.find()`."""

    def __init__(self, executable: str, language: str = LANGUAGE, psm: str = PAGE_SEGMENTATION) -> None:
        self.executable = executable
        self.language = language
        self.psm = psm

    @classmethod
    def find(cls, which: Callable[[str], str | None] = shutil.which) -> Tesseract:
        """Return the installed engine; raise OcrUnavailable naming the packages to install."""
        executable = which("tesseract")
        if executable is None:
            raise OcrUnavailable(f"the OCR engine Tesseract is not installed ({INSTALL_HINT})")
        if LANGUAGE not in _languages(executable):
            raise OcrUnavailable(f"Tesseract has no Thai model ({INSTALL_HINT})")
        return cls(executable)

    def read(self, image: Image) -> OcrPage:
        """Read one page image; raise OcrFailed if Tesseract fails or takes too long."""
        with tempfile.TemporaryDirectory(prefix="policybot-ocr-") as folder:
            text, tsv = self._run(image, Path(folder), [self.language, "--psm", self.psm], ("txt", "tsv"))
            words = _words(tsv)
            text = self._second_opinions(image, Path(folder), text, words)
        return _page(text, words)

    def _run(self, image: Image, folder: Path, options: list[str], outputs: tuple[str, ...]) -> tuple[str, str]:
        """Run tesseract on `image` with `options`; return its text and TSV (empty when not asked for)."""
        source = folder / "in.png"
        image.save(source, format="PNG")
        base = folder / "out"
        # One thread: on a small server several OpenMP threads per page slow everything else.
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        command = [self.executable, str(source), str(base), "-l", *options, *outputs]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PAGE_TIMEOUT_SECONDS, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise OcrFailed(f"Tesseract took longer than {PAGE_TIMEOUT_SECONDS:g} s on a page") from None
        except OSError as error:
            raise OcrFailed(f"Tesseract could not be run: {error.strerror or error}") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrFailed(f"Tesseract failed: {reason[-1] if reason else done.returncode}")
        return tuple(  # type: ignore[return-value]
            base.with_suffix(f".{kind}").read_text(encoding="utf-8", errors="replace") if kind in outputs else ""
            for kind in ("txt", "tsv"))

    def _second_opinions(self, image: Image, folder: Path, text: str, words: list[list[_Word]]) -> str:
        """Re-read each doubtful Arabic number with the English digit model; return the text with what it read.

        The Thai model reads Arabic digits with low confidence and sometimes wrongly (742 -> 762); the English
        model, limited to digits, reads them well. Agreement raises the confidence, disagreement is kept low.
        """
        if ENGLISH not in _languages(self.executable):
            return text
        lines = text.splitlines()
        filled = [index for index, line in enumerate(lines) if line.strip()]
        if len(filled) != len(words):
            return text
        for index, line_words in zip(filled, words, strict=True):
            for word in line_words:
                if word.confidence >= REREAD_BELOW or not _ARABIC_NUMBER.fullmatch(word.text):
                    continue
                crop = image.crop((max(0, word.box[0] - 8), max(0, word.box[1] - 8),
                                   word.box[0] + word.box[2] + 8, word.box[1] + word.box[3] + 8))
                digits_only = [ENGLISH, "--psm", "8", "-c", f"tessedit_char_whitelist={_NUMBER_CHARS}"]
                _, tsv = self._run(crop, folder, digits_only, ("tsv",))
                second = [w for line in _words(tsv) for w in line]
                if len(second) != 1:
                    continue
                if second[0].text == word.text:
                    word.confidence = max(word.confidence, second[0].confidence)
                elif second[0].confidence >= REREAD_BELOW:
                    lines[index] = lines[index].replace(word.text, second[0].text, 1)
                    word.text, word.confidence = second[0].text, second[0].confidence
                elif second[0].confidence >= NO_OPINION_BELOW:
                    word.confidence = min(word.confidence, second[0].confidence)
                # Below that the crop caught a neighbour's edge or nothing legible: no opinion either way.
        return "\n".join(lines)


@lru_cache(maxsize=4)
def _languages(executable: str) -> frozenset[str]:
    """Return the languages the Tesseract at `executable` has models for."""
    try:
        done = subprocess.run([executable, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


@dataclass
class _Word:
    """A word of Tesseract's TSV output: its confidence, text and box (left, top, width, height)."""

    confidence: float
    text: str
    box: tuple[int, int, int, int]


def _words(tsv: str) -> list[list[_Word]]:
    """Return the words of each line of Tesseract's TSV output, lines in reading order."""
    lines: dict[tuple[str, str, str, str], list[_Word]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        box = (int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]))
        lines.setdefault(key, []).append(_Word(float(row["conf"]), row["text"].strip(), box))
    return list(lines.values())


def page_from(text: str, tsv: str) -> OcrPage:
    """Pair Tesseract's text lines with the confidences of the same lines in its TSV output."""
    return _page(text, _words(tsv))


def _page(text: str, scored: list[list[_Word]]) -> OcrPage:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    all_confidences = [word.confidence for line_words in scored for word in line_words if word.confidence >= 0]
    page_floor = min(all_confidences) if all_confidences else 0.0
    result: list[OcrLine] = []
    for index, line in enumerate(lines):
        # Text and TSV list the same lines in the same order; if they ever disagree, assume the worst.
        line_words = scored[index] if len(scored) == len(lines) else []
        confidences = [word.confidence for word in line_words if word.confidence >= 0]
        digits = [word.confidence for word in line_words if _DIGIT.search(word.text) and word.confidence >= 0]
        has_digits = bool(_DIGIT.search(line))
        result.append(OcrLine(
            text=line,
            confidence=min(confidences) if confidences else page_floor,
            digit_confidence=(min(digits) if digits else page_floor) if has_digits else None,
            thai_digits=bool(_THAI_DIGIT.search(line)),
        ))
    mean = sum(all_confidences) / len(all_confidences) if all_confidences else None
    return OcrPage(text=text, lines=tuple(result), mean_confidence=mean)


def pdf_page_count(data: bytes) -> int:
    """Return how many pages a PDF has (1 if pdfium cannot tell)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return 1
    try:
        return max(1, len(document))
    finally:
        document.close()


def pdf_pages(data: bytes, limit: int) -> tuple[int, Iterator[Image]]:
    """Return the page count of a PDF and its first `limit` pages as greyscale images at DPI, one at a time."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise OcrFailed(f"the PDF cannot be rasterised: {error}") from None
    count = len(document)

    def pages() -> Iterator[Image]:
        try:
            for index in range(min(count, limit)):
                page = document[index]
                try:
                    bitmap = page.render(scale=DPI / 72, grayscale=True)
                    yield bitmap.to_pil()
                finally:
                    page.close()
        finally:
            document.close()

    return count, pages()


def image_pages(data: bytes, limit: int) -> tuple[int, Iterator[Image]]:
    """Return the frame count of an image (a TIFF may hold several pages) and its first `limit`, greyscale."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
    except (UnidentifiedImageError, PILImage.DecompressionBombError, PILImage.DecompressionBombWarning,
            OSError, ValueError) as error:
        raise OcrFailed(f"the image cannot be opened: {str(error).splitlines()[0] if str(error) else error}") from None
    width, height = image.size
    if width * height > REFUSE_PIXELS:
        raise OcrFailed(f"the image is {width}×{height} pixels, too large to read")
    count = getattr(image, "n_frames", 1)

    def pages() -> Iterator[Image]:
        for index in range(min(count, limit)):
            image.seek(index)
            frame = image.convert("L")
            pixels = frame.width * frame.height
            if pixels > MAX_PIXELS:
                scale = (MAX_PIXELS / pixels) ** 0.5
                frame = frame.resize((int(frame.width * scale), int(frame.height * scale)))
            yield frame

    return count, pages()
