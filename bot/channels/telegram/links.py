"""Deep links (`t.me/<bot>?start=<payload>`): which entry or letter card a start parameter opens.

Telegram allows a start parameter of 1-64 characters of A-Z a-z 0-9 _ -. Entry ids are lower-case
words joined by "-", so an entry is its own id; a letter number ("ขร 0023.20/ว 0313") is Thai with
spaces, dots and a slash, so a card is "c_" and the number's UTF-8 in URL-safe base64 (no padding).
An id never holds "_", so the two cannot be confused; a longer id is "e_" and a hash of it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

MAX_START = 64
CARD_PREFIX = "c_"
HASHED_ENTRY_PREFIX = "e_"
_ALLOWED = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class StartTarget:
    """What a start parameter opens: an entry (by id) or a letter's card (by number)."""

    kind: Literal["entry", "card"]
    value: str


def _entry_hash(entry_id: str) -> str:
    return HASHED_ENTRY_PREFIX + hashlib.sha1(entry_id.encode("utf-8")).hexdigest()[:16]


def entry_payload(entry_id: str) -> str:
    """Return the start parameter that opens an entry: its id, or a hash of an id too long for one."""
    return entry_id if _ALLOWED.match(entry_id) and "_" not in entry_id else _entry_hash(entry_id)


def card_payload(number: str) -> str | None:
    """Return the start parameter that opens a letter's card, or None when the number is too long for one."""
    encoded = base64.urlsafe_b64encode(number.encode("utf-8")).decode("ascii").rstrip("=")
    payload = CARD_PREFIX + encoded
    return payload if len(payload) <= MAX_START else None


def parse_start(payload: str, entry_ids: Iterable[str]) -> StartTarget | None:
    """Return what a start parameter opens, or None for one that names nothing (an old or mistyped link)."""
    payload = payload.strip()
    if not _ALLOWED.match(payload):
        return None
    if payload.startswith(CARD_PREFIX):
        encoded = payload[len(CARD_PREFIX):]
        try:
            number = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        return StartTarget("card", number) if number.strip() else None
    ids = set(entry_ids)
    if payload in ids:
        return StartTarget("entry", payload)
    if payload.startswith(HASHED_ENTRY_PREFIX):
        for entry_id in ids:
            if _entry_hash(entry_id) == payload:
                return StartTarget("entry", entry_id)
    return None


def deep_link(bot_username: str, payload: str) -> str:
    """Return the t.me link that opens the private chat with the bot and sends /start <payload>."""
    return f"https://t.me/{bot_username}?start={payload}"
