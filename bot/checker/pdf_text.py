"""Read a PDF's text layer within limits: pages, content bytes, characters and seconds."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import time
from collections.abc import Callable, Iterator
from typing import Any

from bot.checker.errors import DocumentRefused, damaged, too_complex
from bot.checker.limits import (
    MAX_CHARS,
    MAX_PDF_CONTENT,
    MAX_PDF_PAGE_CONTENT,
    MAX_PDF_PAGES,
    MAX_PDF_SECONDS,
)

# pypdf's own per-stream decoding limits (75 MB by default), lowered where this pypdf has them.
_DECODED_LIMIT = 32 * 1024 * 1024
_PYPDF_LIMITS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "array_based_stream_maximum_output_length",
)


class _OutOfTime(Exception):
    """Raised from inside pypdf's extraction when the time budget is spent."""


def _pypdf_limits() -> contextlib.AbstractContextManager[object]:
    """Return a context that lowers pypdf's decoding limits (pypdf >= 6.2), or does nothing."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    configuration = getattr(pypdf, "Configuration", None)
    if apply is None or configuration is None:
        return contextlib.nullcontext()
    known = {field.name for field in dataclasses.fields(configuration)}
    return apply(**{limit: _DECODED_LIMIT for limit in _PYPDF_LIMITS if limit in known})  # type: ignore[no-any-return]


def _streams(value: Any) -> Iterator[tuple[object, Any]]:
    """Yield (identity, stream) for a /Contents value: one stream or an array of them."""
    from pypdf.generic import ArrayObject, IndirectObject

    resolved = value.get_object() if isinstance(value, IndirectObject) else value
    items = list(resolved) if isinstance(resolved, ArrayObject) else [value]
    for item in items:
        # An indirect reference names the shared object; a direct stream is its own identity.
        if isinstance(item, IndirectObject):
            yield (item.idnum, item.generation), item.get_object()
        else:
            yield id(item), item


def _forms(page: Any) -> Iterator[tuple[object, Any]]:
    """Yield (identity, stream) for the form XObjects a page can draw (their text is extracted too)."""
    from pypdf.generic import DictionaryObject, IndirectObject

    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for key in xobjects:
        raw = xobjects.raw_get(key)
        stream = raw.get_object()
        if isinstance(stream, DictionaryObject) and stream.get("/Subtype") == "/Form":
            yield ((raw.idnum, raw.generation) if isinstance(raw, IndirectObject) else id(stream)), stream


def _check_content(pages: Any, name: str) -> None:
    """Refuse before extracting if the pages' content streams are too big for pypdf to interpret."""
    sizes: dict[object, int] = {}
    total = 0
    for number, page in enumerate(pages, 1):
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        parts = list(_streams(contents)) if contents is not None else []
        cost = 0
        for identity, stream in [*parts, *_forms(page)]:
            # A shared stream is decoded once, but pypdf interprets it again for every page using it.
            if identity not in sizes:
                sizes[identity] = len(stream.get_data()) if hasattr(stream, "get_data") else 0
            cost += sizes[identity]
        if cost > MAX_PDF_PAGE_CONTENT:
            raise too_complex(
                name, f"page {number} draws {cost:,} bytes of content; the checker reads up to {MAX_PDF_PAGE_CONTENT:,}"
            )
        total += cost
        if total > MAX_PDF_CONTENT:
            raise too_complex(
                name, f"pages 1-{number} draw {total:,} bytes of content; the checker reads up to {MAX_PDF_CONTENT:,}"
            )


def _deadline(seconds: float) -> Callable[[Any, Any, Any, Any], None]:
    """Return a pypdf operator visitor that raises _OutOfTime once `seconds` have passed."""
    end = time.monotonic() + seconds
    calls = 0
    expired = False

    def visit(operator: Any, operands: Any, cm: Any, tm: Any) -> None:
        nonlocal calls, expired
        calls += 1
        if not expired and calls % 256 == 0:
            expired = time.monotonic() > end
        # Once spent, raise at every operator: pypdf swallows errors raised inside form XObjects,
        # so the next operator of the page itself must raise again.
        if expired:
            raise _OutOfTime

    return visit


def _refuse_pages(name: str, count: int) -> DocumentRefused:
    return DocumentRefused(
        "too-large",
        f"ไฟล์ {name} มี {count} หน้า เกินกว่าที่ตรวจได้ ({MAX_PDF_PAGES} หน้า)",
        f"{name} has {count} pages; the checker reads up to {MAX_PDF_PAGES}",
    )


def pdf_text(data: bytes, name: str, seconds: float = MAX_PDF_SECONDS) -> str:
    """Return the text layer of a PDF, pages joined by newlines; refuse it past any limit."""
    from pypdf import PdfReader

    texts: list[str] = []
    try:
        with _pypdf_limits():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise DocumentRefused(
                    "encrypted",
                    f"ไฟล์ {name} ถูกเข้ารหัสหรือล็อกไว้ โปรดส่งไฟล์ที่ไม่ได้ล็อก",
                    f"{name} is an encrypted PDF",
                )
            pages = reader.pages
            if len(pages) > MAX_PDF_PAGES:
                raise _refuse_pages(name, len(pages))
            _check_content(pages, name)
            visit = _deadline(seconds)
            characters = 0
            for page in pages:
                text = page.extract_text(visitor_operand_before=visit) or ""
                characters += len(text) + 1
                # Stop at once rather than extract 300 pages of a text that will be refused anyway.
                if characters > MAX_CHARS:
                    raise DocumentRefused(
                        "too-long",
                        f"ข้อความในไฟล์ยาวเกินกว่าที่ตรวจได้ ({MAX_CHARS:,} ตัวอักษร) โปรดส่งเฉพาะร่างความตกลง",
                        f"{name} holds more than {MAX_CHARS:,} characters; the checker reads up to {MAX_CHARS:,}",
                    )
                texts.append(text)
    except DocumentRefused:
        raise
    except _OutOfTime as error:
        raise too_complex(name, f"extracting its text took more than {seconds:g} s") from error
    except MemoryError as error:
        raise too_complex(name, "reading it ran out of memory") from error
    except Exception as error:
        # pypdf raises a dozen kinds of error (and lets others through) for a damaged file.
        raise damaged(name, "is a PDF that cannot be read", error) from error
    # A page break is not a paragraph break: sentences run on across pages.
    return "\n".join(texts)
