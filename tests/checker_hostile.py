"""Build the hostile inputs an attacker sent the checker (zip bomb, one-clause text, shared-stream PDF).

Everything is generated in memory by the tests and the benchmark; no binary is checked in.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from tests.checker_fixtures import make_docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ONE_CLAUSE_PHRASE = "not sister city but treaty, "


def one_clause_text(size: int = 990_000) -> str:
    """Return about `size` characters of one clause: "not sister city but treaty, " repeated."""
    return ONE_CLAUSE_PHRASE * (size // len(ONE_CLAUSE_PHRASE))


def _replace_member(docx: bytes, name: str, write: object) -> bytes:
    """Return `docx` with member `name` rewritten by `write(handle)` (deflated, streamed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == name:
                # Streamed, so building a 200 MB member needs no 200 MB buffer.
                with target.open(name, "w", force_zip64=True) as handle:
                    write(handle)  # type: ignore[operator]
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


def zip_bomb_docx(document_bytes: int = 200 * 1024 * 1024) -> bytes:
    """Return a small .docx whose word/document.xml inflates to `document_bytes` of valid XML."""
    # Tiny paragraphs: millions of XML elements are what make a parsed tree take gigabytes.
    paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    block = paragraph * (1024 * 1024 // len(paragraph))

    def write(handle: io.BufferedIOBase) -> None:
        handle.write(head)
        written = len(head)
        while written + len(block) + len(tail) <= document_bytes:
            handle.write(block)
            written += len(block)
        handle.write(tail)

    return _replace_member(make_docx(["x"]), "word/document.xml", write)


def lying_zip_docx(document_bytes: int = 200 * 1024 * 1024, declared: int = 20_000) -> bytes:
    """Return a zip bomb whose headers say word/document.xml is only `declared` bytes."""
    data = bytearray(zip_bomb_docx(document_bytes))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    central = _central_directory_offset("word/document.xml", bytes(data))
    # The member was written with ZIP64 extras; rewrite both copies of its sizes to lie.
    _patch_sizes(data, info.header_offset, local=True, declared=declared)
    _patch_sizes(data, central, local=False, declared=declared)
    return bytes(data)


def _central_directory_offset(name: str, data: bytes) -> int:
    """Return where `name`'s central directory entry starts (searched from the end)."""
    encoded = name.encode()
    position = data.rfind(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length] == encoded:
            return position
        position = data.rfind(b"PK\x01\x02", 0, position)
    raise ValueError(f"no central directory entry for {name}")


def _patch_sizes(data: bytearray, offset: int, *, local: bool, declared: int) -> None:
    """Overwrite the uncompressed size (32-bit field and ZIP64 extra) of one header."""
    size_field = offset + (22 if local else 24)
    name_length, extra_length = struct.unpack_from("<HH", data, offset + (26 if local else 28))
    extra = offset + (30 if local else 46) + name_length
    if struct.unpack_from("<I", data, size_field)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, size_field, declared)
        return
    end = extra + extra_length
    while extra + 4 <= end:
        tag, length = struct.unpack_from("<HH", data, extra)
        if tag == 1:
            # ZIP64 extra: uncompressed size first, then compressed size.
            struct.pack_into("<Q", data, extra + 4, declared)
            return
        extra += 4 + length
    raise ValueError("no ZIP64 extra to patch")


def malformed_xml_docx() -> bytes:
    """Return a .docx whose word/document.xml is cut off mid-element (not well-formed XML)."""
    broken = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>sister city'.encode()
    return _replace_member(make_docx(["x"]), "word/document.xml", lambda handle: handle.write(broken))


def shared_stream_pdf(pages: int = 300, stream_bytes: int = 3 * 1024 * 1024) -> bytes:
    """Return a small PDF of `pages` pages that all draw one `stream_bytes` content stream (deflated)."""
    line = b"BT /F1 11 Tf 40 800 Td (The parties shall establish sister city relations.) Tj ET\n"
    content = line * (stream_bytes // len(line))
    packed = zlib.compress(content, 9)
    first_page = 5
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (first_page + index) for index in range(pages))
        + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
    ] * pages
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    """Return a PDF file holding `objects` (numbered from 1; the first is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def measure_in_child(kind: str, data: bytes, name: str, timeout: float = 120.0) -> tuple[str, float, float]:
    """Check `data` in a fresh spawned process; return (outcome, seconds, RSS growth in MB).

    `kind` is "file" (check_file) or "text" (check_text on `data` decoded with surrogatepass). The
    growth is the child's peak RSS (getrusage) after the check minus its peak after warm-up.
    """
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_measured_check, args=(send, kind, data, name), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise TimeoutError(f"the check of {name} did not finish in {timeout} s")
        outcome, seconds, growth_kb = receive.recv()
    finally:
        child.kill()
        child.join()
    return outcome, seconds, growth_kb / 1024


def _measured_check(send: object, kind: str, data: bytes, name: str) -> None:
    """Run in the child: warm up, check once, send (outcome, seconds, RSS growth in KB)."""
    import resource
    import time

    from bot.checker import DocumentRefused, check_file, check_text, warm_up

    warm_up()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        result = check_text(data.decode("utf-8", "surrogatepass")) if kind == "text" else check_file(data, name)
        outcome = result.result
    except DocumentRefused as error:
        outcome = f"refused:{error.code}"
    except BaseException as error:  # the test reports whatever escaped
        outcome = f"raised:{type(error).__name__}: {error}"
    seconds = time.perf_counter() - started
    send.send((outcome, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline))  # type: ignore[attr-defined]
