"""Split Telegram HTML into messages of at most 4,096 UTF-16 units, on line boundaries, never inside a tag."""

from __future__ import annotations

import re

MAX_MESSAGE = 4096

_TAG = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>")


def utf16_len(text: str) -> int:
    """Return the length of `text` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _open_tags_after(text: str, stack: list[str]) -> list[str]:
    """Return the tags still open after `text`, given those open before it."""
    stack = list(stack)
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name)]
        else:
            stack.append(name)
    return stack


def _open_tag_text(text: str, names: list[str]) -> str:
    """Return the opening tags (with attributes) for the still-open `names` found in `text`."""
    found: list[str] = []
    for name in names:
        for match in reversed(list(_TAG.finditer(text))):
            if not match.group(1) and match.group(2).lower() == name:
                found.append(match.group(0))
                break
        else:
            found.append(f"<{name}>")
    return "".join(found)


def _cut_points(line: str) -> list[int]:
    """Return positions in `line` where a cut lands outside tags and entities, at spaces if possible."""
    points: list[int] = []
    inside = False
    for index, char in enumerate(line):
        if char in "<&":
            inside = True
        if not inside:
            points.append(index)
        if char in ">;":
            inside = False
    return points


def _split_long_line(line: str, limit: int) -> list[str]:
    """Split one over-long line outside tags and entities, closing and reopening open tags."""
    pieces: list[str] = []
    stack: list[str] = []
    prefix = ""
    rest = line
    while utf16_len(prefix + rest) > limit:
        room = limit - utf16_len(prefix) - 32  # keep room for closing tags
        points = [p for p in _cut_points(rest) if p > 0 and utf16_len(rest[:p]) <= room]
        if not points:
            break
        spaces = [p for p in points if rest[p] == " "]
        cut = spaces[-1] if spaces and spaces[-1] > room // 2 else points[-1]
        head = rest[:cut]
        open_after = _open_tags_after(head, stack)
        pieces.append(prefix + head + "".join(f"</{name}>" for name in reversed(open_after)))
        prefix = _open_tag_text(prefix + head, open_after)
        stack = open_after
        rest = rest[cut:].lstrip(" ")
    pieces.append(prefix + rest)
    return pieces


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split HTML into messages of at most `limit` UTF-16 units, on line boundaries, never inside a tag."""
    if utf16_len(text) <= limit:
        return [text]
    budget = limit - 64  # room to close and reopen tags that span a cut
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    stack: list[str] = []  # tags open at the start of `current`
    opening = ""  # their opening text, repeated at the start of the next chunk

    def flush() -> None:
        nonlocal current, size, stack, opening
        body = "\n".join(current)
        open_after = _open_tags_after(body, stack)
        chunks.append(opening + body + "".join(f"</{name}>" for name in reversed(open_after)))
        opening = _open_tag_text(opening + body, open_after)
        stack, current, size = open_after, [], utf16_len(opening)

    for line in text.split("\n"):
        parts = _split_long_line(line, budget) if utf16_len(line) > budget else [line]
        for part in parts:
            extra = utf16_len(part) + (1 if current else 0)
            if current and size + extra > budget:
                flush()
                extra = utf16_len(part)
            current.append(part)
            size += extra
    if current:
        flush()
    return [chunk for chunk in chunks if chunk.strip()]
