"""Read a draft (plain text, .docx, PDF with a text layer) into text, refusing anything else."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.checker.archive import bounded_docx
from bot.checker.errors import SAVE_AS as _SAVE_AS
from bot.checker.errors import DocumentRefused, damaged, too_complex
from bot.checker.limits import MAX_BYTES, MAX_CHARS, MAX_DOCX_PARAGRAPHS, MAX_PDF_PAGES
from bot.checker.pdf_text import pdf_text

__all__ = ["MAX_BYTES", "MAX_CHARS", "MAX_PDF_PAGES", "check_size", "read_bytes", "read_path"]

_SNIFF = 4096

# Magic bytes of files that are certainly not drafts we can read: (prefix, English name, Thai name).
_NOT_DOCUMENTS: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "ไฟล์ภาพ (PNG)"),
    (b"\xff\xd8\xff", "a JPEG image", "ไฟล์ภาพ (JPEG)"),
    (b"GIF87a", "a GIF image", "ไฟล์ภาพ (GIF)"),
    (b"GIF89a", "a GIF image", "ไฟล์ภาพ (GIF)"),
    (b"II*\x00", "a TIFF image", "ไฟล์ภาพ (TIFF)"),
    (b"MM\x00*", "a TIFF image", "ไฟล์ภาพ (TIFF)"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image", "ไฟล์ภาพ (JPEG 2000)"),
    (b"Rar!\x1a\x07", "a RAR archive", "ไฟล์บีบอัด (RAR)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "ไฟล์บีบอัด (7z)"),
    (b"\x1f\x8b", "a gzip archive", "ไฟล์บีบอัด (gzip)"),
    (b"BZh", "a bzip2 archive", "ไฟล์บีบอัด (bzip2)"),
    (b"\xfd7zXZ\x00", "an xz archive", "ไฟล์บีบอัด (xz)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel (.doc/.xls) file",
     "ไฟล์ Word รุ่นเก่า (.doc) หรือ Excel"),
    (b"{\\rtf", "an RTF file", "ไฟล์ RTF"),
    (b"\x7fELF", "a program", "ไฟล์โปรแกรม"),
    (b"ID3", "an audio file", "ไฟล์เสียง"),
    (b"OggS", "an audio/video file", "ไฟล์เสียงหรือวิดีโอ"),
    (b"\x1aE\xdf\xa3", "a video file", "ไฟล์วิดีโอ"),
)


def _refuse(code: str, thai: str, english: str) -> DocumentRefused:
    return DocumentRefused(code, thai, english)


def _too_large(size: int) -> DocumentRefused:
    limit_mb = MAX_BYTES // (1024 * 1024)
    return _refuse(
        "too-large",
        f"ไฟล์มีขนาด {size / 1024 / 1024:.1f} MB เกินขนาดที่ตรวจได้ ({limit_mb} MB) "
        "โปรดส่งเฉพาะร่างความตกลง หรือแบ่งส่งเป็นส่วน",
        f"the file is {size:,} bytes; the checker reads drafts up to {MAX_BYTES:,} bytes",
    )


def check_size(size: int) -> None:
    """Raise DocumentRefused if a file of `size` bytes is over MAX_BYTES (call it before downloading)."""
    if size > MAX_BYTES:
        raise _too_large(size)


def _empty() -> DocumentRefused:
    return _refuse(
        "empty",
        "ไฟล์นี้ไม่มีข้อความให้ตรวจ โปรดตรวจสอบว่าส่งไฟล์ร่างความตกลงถูกไฟล์",
        "the file is empty (no text to check)",
    )


def _kind_of(head: bytes, name: str) -> str:
    """Name the format from the first bytes: 'pdf', 'zip', 'text', or a refusal."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"AVI ", b"WAVE"):
        raise _refuse(
            "not-a-document",
            f"ไฟล์ {name} เป็นไฟล์ภาพหรือสื่อ ไม่ใช่เอกสารข้อความ ระบบตรวจได้เฉพาะข้อความ {_SAVE_AS}",
            f"{name} is an image or media file (RIFF), not a document",
        )
    if head[4:12] in (b"ftypheic", b"ftypavif", b"ftypmif1", b"ftypisom", b"ftypmp42"):
        raise _refuse(
            "not-a-document",
            f"ไฟล์ {name} เป็นไฟล์ภาพหรือวิดีโอ ไม่ใช่เอกสารข้อความ {_SAVE_AS}",
            f"{name} is an image or video file, not a document",
        )
    if head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00":
        # BMP: "BM" alone could start a text ("BMA ..."); the reserved zero bytes make it sure.
        raise _refuse(
            "not-a-document",
            f"ไฟล์ {name} เป็นไฟล์ภาพ (BMP) ไม่ใช่ร่างความตกลงที่ระบบอ่านได้ {_SAVE_AS}",
            f"{name} is a BMP image, not a .txt, .docx or PDF draft",
        )
    for magic, english, thai in _NOT_DOCUMENTS:
        if head.startswith(magic):
            raise _refuse(
                "not-a-document",
                f"ไฟล์ {name} เป็น{thai} ไม่ใช่ร่างความตกลงที่ระบบอ่านได้ {_SAVE_AS}",
                f"{name} is {english}, not a .txt, .docx or PDF draft",
            )
    return "text"


def _decode_text(data: bytes, name: str) -> str:
    """Decode plain text: UTF-8 (with or without BOM), UTF-16 with BOM, or Thai Windows-874."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:_SNIFF]:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                # Older Thai Windows text files are TIS-620/cp874, not UTF-8.
                text = data.decode("cp874")
            except UnicodeDecodeError:
                pass
            else:
                if _looks_like_text(text):
                    return text
    raise _refuse(
        "not-a-document",
        f"ไฟล์ {name} ไม่ใช่เอกสารข้อความที่ระบบอ่านได้ {_SAVE_AS}",
        f"{name} is not a .txt (UTF-8/UTF-16/cp874), .docx or PDF file",
    )


def _looks_like_text(text: str) -> bool:
    """Tell whether decoded text is mostly printable (binary decoded as cp874 is not)."""
    sample = text[:_SNIFF]
    bad = sum(1 for char in sample if ord(char) < 32 and char not in "\r\n\t\f")
    return bad <= len(sample) // 100


def _too_long(name: str, characters: str) -> DocumentRefused:
    return _refuse(
        "too-long",
        f"ข้อความในไฟล์ยาวเกินกว่าที่ตรวจได้ ({MAX_CHARS:,} ตัวอักษร) โปรดส่งเฉพาะร่างความตกลง",
        f"{name} holds {characters} characters; the checker reads up to {MAX_CHARS:,}",
    )


def _read_docx(archive: zipfile.ZipFile, name: str) -> str:
    """Read a .docx's text after checking its zip headers and unpacking its XML within limits."""
    from docx import Document

    package = bounded_docx(archive, name)
    try:
        document = Document(io.BytesIO(package))
        return "\n".join(_docx_lines(document, _Lines(name)))
    except DocumentRefused:
        raise
    except MemoryError as error:
        raise too_complex(name, "reading it ran out of memory") from error
    except Exception as error:
        # python-docx and lxml raise many kinds of error (XMLSyntaxError, KeyError, ValueError...)
        # for a damaged package; to the user each one is a damaged file.
        raise damaged(name, "looks like a .docx but cannot be opened", error) from error


class _Lines:
    """The lines read from a .docx so far, refused once too many paragraphs or characters."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.characters = 0

    def add(self, texts: Iterable[str], times: int = 1) -> None:
        """Append `texts`, `times` over (a merged table cell repeats), checking the limits first."""
        texts = list(texts)
        if times <= 0 or not texts:
            return
        count = len(texts) * times
        if len(self.lines) + count > MAX_DOCX_PARAGRAPHS:
            raise too_complex(
                self.name, f"the document has more than {MAX_DOCX_PARAGRAPHS:,} paragraphs and table cells"
            )
        self.characters += sum(len(text) + 1 for text in texts) * times
        if self.characters > MAX_CHARS:
            raise _too_long(self.name, f"more than {MAX_CHARS:,}")
        self.lines.extend(texts * times)


def _docx_lines(document: object, lines: _Lines) -> list[str]:
    """Return the paragraphs and table cells of a Word document in reading order."""
    from docx.text.paragraph import Paragraph

    counters: dict[str, int] = {}
    styles: dict[str, Any] = {}
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)  # type: ignore[arg-type]
            lines.add([_numbered(paragraph, counters, styles) + paragraph.text])
        elif tag == "tbl":
            # A table is a block of its own (often the signatures): blank lines keep it apart.
            lines.add([""])
            _table_lines(child, lines)
            lines.add([""])
    return lines.lines


def _table_lines(table: Any, lines: _Lines) -> None:
    """Add each row's cells' paragraphs, as python-docx's `row.cells` lists them, in linear time."""
    # row.cells finds a vertically merged cell's text by climbing row by row with XPath (quadratic in
    # the rows); here each row remembers the cell shown at each grid offset. Like row.cells, a cell
    # spanning n grid columns is listed n times, and a merge with no cell above is an error.
    above: dict[int, Any] | None = None
    for row in table.tr_lst:
        shown: dict[int, Any] = {}
        offset = row.grid_before
        for cell in row.tc_lst:
            root = cell
            if cell.vMerge == "continue":
                if above is None or offset not in above:
                    raise ValueError(f"a vertically merged cell at grid offset {offset} has no cell above it")
                root = above[offset]
            shown[offset] = root
            lines.add((paragraph.text for paragraph in root.p_lst), root.grid_span)
            offset += cell.grid_span
        above = shown


def _numbered(paragraph: object, counters: dict[str, int], styles: dict[str, Any]) -> str:
    """Return "N. " for a top-level auto-numbered paragraph: Word keeps that number out of the text."""
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    numpr = ppr.numPr if ppr is not None else None
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if numpr is None and style_id is not None:
        # Looking a style up is slow in python-docx: only for styled paragraphs, once per style.
        if style_id not in styles:
            style = paragraph.style  # type: ignore[attr-defined]
            style_ppr = style.element.pPr if style is not None else None
            styles[style_id] = style_ppr.numPr if style_ppr is not None else None
        numpr = styles[style_id]
    if numpr is None or numpr.numId is None:
        return ""
    level = numpr.ilvl.val if numpr.ilvl is not None else 0
    if level != 0:
        return ""
    key = str(numpr.numId.val)
    counters[key] = counters.get(key, 0) + 1
    return f"{counters[key]}. "


def _read_pdf(data: bytes, name: str) -> str:
    text = pdf_text(data, name)
    if not text.strip():
        raise _refuse(
            "no-text",
            f"ไฟล์ PDF {name} ไม่มีชั้นข้อความ (อาจเป็นภาพสแกน) ระบบจึงอ่านข้อความไม่ได้ "
            "โปรดส่งไฟล์ .docx หรือ PDF ที่สร้างจากโปรแกรมพิมพ์เอกสาร",
            f"{name} is a PDF without a text layer (a scan?); OCR is not supported",
        )
    return text


def read_bytes(data: bytes, filename: str = "draft") -> str:
    """Return the text of a draft given as bytes; raise DocumentRefused for anything else."""
    return read_with_format(data, filename)[0]


def read_with_format(data: bytes, filename: str = "draft") -> tuple[str, str]:
    """Return (text, format) of a document given as bytes, format "text", "docx" or "pdf"; else DocumentRefused."""
    name = Path(filename).name or "draft"
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    if not data.strip():
        raise _empty()
    kind = _kind_of(data[:_SNIFF], name)
    if kind == "pdf":
        text = _read_pdf(data, name)
    elif kind == "zip":
        text, kind = _read_zip(data, name), "docx"
    else:
        text = _decode_text(data, name)
    if not text.strip():
        raise _empty()
    if len(text) > MAX_CHARS:
        raise _too_long(name, f"{len(text):,}")
    return text, kind


def _read_zip(data: bytes, name: str) -> str:
    """Read a .docx; refuse other zip files (archives, .xlsx, .pptx, .odt)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:
        # BadZipFile mostly; a damaged central directory can raise ValueError or struct.error too.
        raise damaged(name, "is a damaged zip/.docx file", error) from error
    with archive:
        members = set(archive.namelist())
        if "word/document.xml" in members:
            return _read_docx(archive, name)
    if "content.xml" in members and "mimetype" in members:
        thai, english = "เอกสาร OpenDocument (.odt/.ods)", "an OpenDocument file"
    elif any(member.startswith(("xl/", "ppt/")) for member in members):
        thai, english = "ไฟล์ Excel หรือ PowerPoint", "an Excel or PowerPoint file"
    else:
        thai, english = "ไฟล์บีบอัด (zip)", "a zip archive"
    raise _refuse(
        "not-a-document",
        f"ไฟล์ {name} เป็น{thai} ไม่ใช่ร่างความตกลงที่ระบบอ่านได้ {_SAVE_AS}",
        f"{name} is {english}, not a .txt, .docx or PDF draft",
    )


def read_path(path: Path) -> str:
    """Return the text of the draft at `path`; check its size before reading any of it."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise _refuse(
            "missing", f"ไม่พบไฟล์ {name}", f"{path}: no such file"
        ) from error
    except OSError as error:
        raise _refuse(
            "unreadable", f"ไม่สามารถอ่านไฟล์ {name} ได้", f"{path}: cannot be read: {error}"
        ) from error
    if path.is_dir():
        raise _refuse("unreadable", f"{name} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"{path} is a directory")
    if not path.is_file():
        # A pipe or device has no size to check and may never end.
        raise _refuse("unreadable", f"{name} ไม่ใช่ไฟล์เอกสาร", f"{path} is not a regular file")
    # Refuse by size before reading: a 50 MB upload must not be pulled into memory.
    if size > MAX_BYTES:
        raise _too_large(size)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _refuse(
            "unreadable", f"ไม่สามารถอ่านไฟล์ {name} ได้", f"{path}: cannot be read: {error}"
        ) from error
    return read_bytes(data, name)
