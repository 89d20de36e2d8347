"""Read the files named on the command line: regular files only, of bounded size, with one-line refusals."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A path longer than the system allows, or a name part longer than a file name can be.
_MAX_PATH = 4096
_MAX_NAME = 255
# A letter is a few pages: a megabyte of text is more than any letter.
LETTER_LIMIT = 1024 * 1024
# A question set of thousands of questions.
QUESTION_SET_LIMIT = 20 * 1024 * 1024


class FileRefused(Exception):
    """A named file cannot be read as asked; the message is one line for the operator."""


def read_bytes(name: str | Path, limit: int) -> bytes:
    """Return the bytes of the regular file `name` (at most `limit`); raise FileRefused otherwise."""
    text = str(name)
    if len(text) > _MAX_PATH or any(len(part) > _MAX_NAME for part in Path(text).parts):
        raise FileRefused(f"{text[:60]}…: the file name is too long")
    try:
        info = os.stat(text)
    except OSError as error:
        raise FileRefused(f"{text}: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
        raise FileRefused(f"{text}: is {kind}, not a file")
    if info.st_size > limit:
        raise FileRefused(f"{text}: is {info.st_size:,} bytes; at most {limit:,} are read")
    try:
        with open(text, "rb") as handle:
            # /proc files report size 0: read one byte past the limit to tell.
            data = handle.read(limit + 1)
    except OSError as error:
        raise FileRefused(f"{text}: cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise FileRefused(f"{text}: holds more than {limit:,} bytes")
    return data


def read_text(name: str | Path, limit: int) -> str:
    """Return the UTF-8 text of the file `name` (a byte-order mark dropped); raise FileRefused otherwise."""
    data = read_bytes(name, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(f"{name}: is not UTF-8 text") from None
