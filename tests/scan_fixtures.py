"""Scans made in the tests: a letter rendered with a Thai font (Laksaman ≈ TH Sarabun) to images and image-only PDFs."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

FONT = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# An invented letter (not a source): its number, date and the letter it cites, as the tests expect them.
NUMBER, DATE = "ชม 0023.15/ว 742", "2026-03-12"
CITED, CITED_DATE = "ชม 0023.3/ว 1515", "2026-03-02"
LETTER_LINES = [
    "ที่ ชม 0023.15/ว 742",
    "ที่ว่าการอำเภอสันทราย",
    "12 มีนาคม 2569",
    "เรื่อง การจัดทำความร่วมมือด้านการท่องเที่ยว",
    "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
    "อ้างถึง หนังสือจังหวัดเชียงใหม่ ที่ ชม 0023.3/ว 1515 ลงวันที่ 2 มีนาคม 2569",
    "ด้วยจังหวัดแจ้งแนวทางการจัดทำความตกลงกับต่างประเทศ",
    "จึงเรียนมาเพื่อทราบ",
    "ขอแสดงความนับถือ",
    "(นายสมชาย ใจดี)",
    "นายอำเภอสันทราย",
]
NOT_A_LETTER = ["รายการอาหาร", "ข้าวผัดกุ้ง ห้าสิบบาท", "ต้มยำปลา หกสิบบาท", "น้ำมะนาว ยี่สิบบาท"]


def need_ocr_tools() -> None:
    """Skip (fail on CI) unless Tesseract's Thai model and the Thai font are installed."""
    missing = [what for what, there in (("tesseract", shutil.which("tesseract")), ("Laksaman font", FONT.exists()))
               if not there]
    if missing:
        message = f"needs {', '.join(missing)} (apt-get install tesseract-ocr tesseract-ocr-tha fonts-thai-tlwg)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def render(lines: list[str], *, thai_digits: bool = False, size: int = 40, width: int = 1654) -> object:
    """Return a greyscale page image of `lines` (200 dpi A4 width, a slight tilt and blur, as a scanner makes)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = ImageFont.truetype(str(FONT), size)
    shown = [line.translate(THAI_DIGITS) for line in lines] if thai_digits else lines
    image = Image.new("L", (width, 120 + int(len(shown) * size * 1.6)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(shown):
        draw.text((100, 60 + int(index * size * 1.6)), line, font=font, fill=0)
    return image.rotate(0.3, fillcolor=255, resample=Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(0.5))


def image_pdf(*pages: object) -> bytes:
    """Return an image-only PDF (no text layer) of the page images, as a scanner saves it."""
    buffer = io.BytesIO()
    first, *rest = pages
    first.save(buffer, format="PDF", resolution=200, save_all=True, append_images=rest)  # type: ignore[attr-defined]
    return buffer.getvalue()


def png(image: object) -> bytes:
    """Return the image as PNG bytes (a phone's or scanner's picture of the page)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()
