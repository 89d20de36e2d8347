"""The letters shipped as citations (knowledge/citations.yaml): loaded and checked for seeding the registry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from bot.citations import Citation
from bot.knowledge import KnowledgeError
from bot.numbers import parse_number

SEED_FILE = "citations.yaml"
_REQUIRED = ("number", "date", "issuer", "subject", "seen_at")
_CONFIDENCE = ("high", "medium", "low")


@dataclass(frozen=True)
class SeedCitation:
    """One shipped letter known by its citation: what it says, where it was seen, how sure we are."""

    citation: Citation
    about: str | None
    seen_at: str
    confidence: str


def load_seed_citations(path: Path) -> list[SeedCitation]:
    """Return the citations in `path` (none if it does not exist); raise KnowledgeError naming each problem."""
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as error:  # ValueError: an impossible date
        raise KnowledgeError([f"{path.name}: not valid YAML: {str(error).splitlines()[0]}"]) from None
    items = (data or {}).get("citations") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise KnowledgeError([f"{path.name}: must hold a list under 'citations'"])
    seeds: list[SeedCitation] = []
    problems: list[str] = []
    for position, item in enumerate(items, 1):
        where = f"{path.name}: citation {position}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        missing = [name for name in _REQUIRED if not item.get(name)]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        number = parse_number(str(item["number"]))
        if number is None or number.key_full is None:
            problems.append(f"{where}: number {item['number']!r} is not a full letter number")
            continue
        try:
            when = date.fromisoformat(str(item["date"])).isoformat()
        except ValueError:
            problems.append(f"{where}: date {item['date']!r} is not YYYY-MM-DD")
            continue
        confidence = str(item.get("confidence", "medium"))
        if confidence not in _CONFIDENCE:
            problems.append(f"{where}: confidence must be one of {', '.join(_CONFIDENCE)}")
            continue
        text = f"หนังสือ{item['issuer']} ที่ {number.canonical} เรื่อง {item['subject']}"
        citation = Citation(number, str(item["number"]), when, str(item["subject"]), str(item["issuer"]), text)
        seeds.append(SeedCitation(citation, item.get("about"), str(item["seen_at"]), confidence))
    if problems:
        raise KnowledgeError(problems)
    return seeds
