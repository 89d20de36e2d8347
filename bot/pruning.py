"""A regex of many alternatives, run on a text with only the alternatives its scripts can match.

A concept's patterns hold Thai, English, Chinese, Japanese, Korean, Khmer and Myanmar alternatives
in one alternation, and the regex engine tries every one at every position of the text. An
alternative that needs a character of a script the text does not hold can never match it, and
leaving it out changes nothing: alternation is tried in order, so the remaining alternatives find
exactly the matches the whole regex finds. The alternatives must hold no capture groups.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# The standard library's regex parser (Python 3.11+, which the project needs): the tree `re` compiles.
# (Imported by name: typeshed does not describe these private modules.)
sre_constants: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

# Scripts by code point, as a text's characters are told apart (lower-cased text: Latin is a-z and accents).
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("latin", 0x0061, 0x007A),
    ("latin", 0x00DF, 0x024F),
    ("latin", 0x1E00, 0x1EFF),
    ("thai", 0x0E00, 0x0E7F),
    ("lao", 0x0E80, 0x0EFF),
    ("myanmar", 0x1000, 0x109F),
    ("khmer", 0x1780, 0x17FF),
    ("kana", 0x3040, 0x30FF),
    ("han", 0x4E00, 0x9FFF),
    ("hangul", 0xAC00, 0xD7AF),
)
_ANY_SCRIPT = re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for _, low, high in _SCRIPTS) + "]")


def script_of(code: int) -> str | None:
    """Return the script of a code point (one of _SCRIPTS), or None for digits, spaces and signs."""
    for name, low, high in _SCRIPTS:
        if low <= code <= high:
            return name
    return None


def _interval_of(code: int) -> int | None:
    """Return which of _SCRIPTS' intervals holds a code point, or None."""
    for index, (_, low, high) in enumerate(_SCRIPTS):
        if low <= code <= high:
            return index
    return None


def scripts_of(text: str) -> frozenset[str]:
    """Return the scripts `text` holds characters of."""
    return frozenset(name for name in map(script_of, map(ord, set(_ANY_SCRIPT.findall(text)))) if name)


def alternatives(source: str) -> list[str]:
    """Split a regex source at its top-level "|" (not inside a group, a class or after a backslash)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]" or index == start  # "]" first in a class is a literal
        elif char == "[":
            in_class = True
            if source.startswith("[]", index) or source.startswith("[^]", index):
                index += 2 if source[index + 1] == "]" else 3
                continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    return parts


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str]:
    """Return the scripts every match of a parsed sequence must hold a character of."""
    needed: set[str] = set()
    for op, av in items:
        needed |= _required_one(op, av)
    return frozenset(needed)


def _required_one(op: Any, av: Any) -> frozenset[str]:
    """Return the scripts every match of one parsed element must hold a character of."""
    if op is sre_constants.LITERAL:
        name = script_of(av)
        return frozenset({name}) if name else frozenset()
    if op is sre_constants.IN:
        # A class requires a script only if every character it takes is of that one script.
        names: set[str | None] = set()
        for item_op, item_av in av:
            if item_op is sre_constants.LITERAL:
                names.add(script_of(item_av))
            elif item_op is sre_constants.RANGE:
                low, high = item_av
                # The whole range in one interval ("[ก-ฮ]"), not two of one script with other signs between.
                same = _interval_of(low) is not None and _interval_of(low) == _interval_of(high)
                names.add(script_of(low) if same else None)
            else:
                names.add(None)  # a category ("\\s") or a negation: any character
        return frozenset(names) if len(names) == 1 and None not in names else frozenset()  # type: ignore[arg-type]
    if op is sre_constants.SUBPATTERN:
        return _required(av[3])
    if op is sre_constants.BRANCH:
        branches = [_required(branch) for branch in av[1]]
        return frozenset.intersection(*branches) if branches else frozenset()
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, _, inner = av
        return _required(inner) if low >= 1 else frozenset()
    return frozenset()  # assertions, anchors, any character: nothing is required


def required_scripts(source: str) -> frozenset[str]:
    """Return the scripts every match of a regex source must hold a character of (empty: none for sure)."""
    return _required(sre_parse.parse(source))


class PrunedRegex:
    """An alternation compiled, per set of scripts a text holds, without the alternatives it cannot match."""

    def __init__(self, sources: Iterable[str]) -> None:
        self._branches = [branch for source in sources for branch in alternatives(source)]
        self._needs = [required_scripts(branch) for branch in self._branches]
        self.full = self._compiled(tuple(range(len(self._branches))))
        if self.full.groups:
            raise ValueError("a pruned regex must hold no capture groups")
        self.for_scripts = lru_cache(maxsize=64)(self._for_scripts)

    def _compiled(self, kept: tuple[int, ...]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{self._branches[index]})" for index in kept) or "(?!)")

    def _for_scripts(self, scripts: frozenset[str]) -> re.Pattern[str]:
        """Return the regex of the alternatives a text holding these scripts can match."""
        kept = tuple(index for index, needs in enumerate(self._needs) if needs <= scripts)
        return self.full if len(kept) == len(self._branches) else self._compiled(kept)
