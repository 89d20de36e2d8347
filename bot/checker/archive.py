"""Unpack a .docx within limits: judge the zip by its headers first, then read through a capped stream."""

from __future__ import annotations

import io
import zipfile

from bot.checker.errors import DocumentRefused, damaged, too_complex
from bot.checker.limits import (
    MAX_PACKING_RATIO,
    MAX_UNPACKED_BYTES,
    MAX_XML_BYTES,
    MAX_XML_TAGS,
    MAX_ZIP_MEMBERS,
    RATIO_FLOOR_BYTES,
)

_CHUNK = 64 * 1024


def _parsed_by_docx(member: str) -> bool:
    """Tell whether python-docx may parse this member (XML parts and relationships)."""
    return member.lower().endswith((".xml", ".rels"))


def check_headers(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip whose headers declare too many members, too many bytes, or bomb-like packing."""
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise too_complex(name, f"the zip holds {len(members):,} members; the checker reads up to {MAX_ZIP_MEMBERS:,}")
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNPACKED_BYTES:
        raise too_complex(
            name, f"the zip unpacks to {declared:,} bytes; the checker unpacks up to {MAX_UNPACKED_BYTES:,}"
        )
    xml = sum(member.file_size for member in members if _parsed_by_docx(member.filename))
    if xml > MAX_XML_BYTES:
        raise too_complex(name, f"the XML parts unpack to {xml:,} bytes; the checker parses up to {MAX_XML_BYTES:,}")
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_PACKING_RATIO * max(1, member.compress_size):
            raise too_complex(
                name,
                f"{member.filename} is packed {member.file_size // max(1, member.compress_size):,}:1 "
                f"(a zip bomb; documents pack at most {MAX_PACKING_RATIO}:1)",
            )


def _read_capped(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bytes:
    """Return a member's bytes, refusing it as soon as it inflates past the size its header declares."""
    chunks: list[bytes] = []
    total = 0
    # Small reads: ZipExtFile.read() with no size inflates a whole member at once, whatever the header says.
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > member.file_size:
                declared = f"{member.file_size:,}"
                raise too_complex(name, f"{member.filename} inflates past the {declared} bytes its header declares")
            chunks.append(chunk)
    data = b"".join(chunks)
    tags = data.count(b"<")
    if tags > MAX_XML_TAGS:
        raise too_complex(name, f"{member.filename} holds {tags:,} XML tags; the checker parses up to {MAX_XML_TAGS:,}")
    return data


def bounded_docx(archive: zipfile.ZipFile, name: str) -> bytes:
    """Return the .docx repacked (stored, not deflated) with its XML parts only, every limit checked."""
    check_headers(archive, name)
    # One entry per name, the last one, as ZipFile.read() and so python-docx would pick it.
    members = {member.filename: member for member in archive.infolist()}
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as repacked:
            for filename, member in members.items():
                # The checker reads text only: images and other binary parts stay packed, and
                # python-docx gets an empty part in their place (it does not parse them on open).
                data = _read_capped(archive, member, name) if _parsed_by_docx(filename) else b""
                repacked.writestr(filename, data)
    except DocumentRefused:
        raise
    except Exception as error:
        # Bad CRC-32, zlib.error, unsupported compression, encrypted members: the file is damaged.
        raise damaged(name, "is a damaged zip/.docx file", error) from error
    return out.getvalue()
