"""Score what users get (the conversation turn, registry included) on a question set in the `questions.yaml` format.

Verdicts are scored by direction, as the judges do: "yes" and "conditional" agree; "info" agrees
with anything it does not contradict. A "yes"/"conditional" answer where the item wants "no" or a
decline is *harmful* and counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.conversation import Conversation, Turn

PERMISSIVE = frozenset({"yes", "conditional"})


class EvalFileError(Exception):
    """The question set cannot be read; the message is one line for the operator."""


@dataclass(frozen=True)
class EvalItem:
    """One question, the entry ids that count as right ([] = must decline), and the verdict."""

    q: str
    ids: tuple[str, ...]
    verdict: str | None = None


@dataclass
class EvalReport:
    """Figures of one evaluation run, and every miss."""

    in_scope: int = 0
    in_scope_correct: int = 0
    out_of_scope: int = 0
    out_of_scope_declined: int = 0
    verdict_errors: int = 0
    harmful: int = 0
    misses: list[tuple[EvalItem, Turn, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Return the share of in-scope questions answered with an accepted entry."""
        return self.in_scope_correct / self.in_scope if self.in_scope else 1.0

    @property
    def rejection(self) -> float:
        """Return the share of out-of-scope questions declined."""
        return self.out_of_scope_declined / self.out_of_scope if self.out_of_scope else 1.0


def _read_set(path: Path) -> Any:
    """Read a question set's YAML; raise EvalFileError with one line if it cannot be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise EvalFileError(f"{path}: cannot read question set: {str(error).splitlines()[0]}") from None


def load_items(path: Path) -> list[EvalItem]:
    """Read the `items` of a question set; raise EvalFileError naming the problem."""
    data = _read_set(path)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise EvalFileError(f"{path}: expected a mapping with an 'items' list")
    items = []
    for number, raw in enumerate(data["items"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("q"), str) or not isinstance(raw.get("ids"), list):
            raise EvalFileError(f"{path}: item {number} needs 'q' (text) and 'ids' (list)")
        verdict = raw.get("verdict")
        items.append(EvalItem(raw["q"], tuple(str(i) for i in raw["ids"]), None if verdict is None else str(verdict)))
    return items


def load_lookups(path: Path) -> list[tuple[str, str | None]]:
    """Read the `lookups` of a question set: (what a user types, the number it must find or None)."""
    data = _read_set(path)
    lookups = data.get("lookups") if isinstance(data, dict) else None
    if not isinstance(lookups, list):
        return []
    pairs = []
    for number, raw in enumerate(lookups, 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("q"), str):
            raise EvalFileError(f"{path}: lookup {number} needs 'q' (text) and 'number' (text or null)")
        pairs.append((raw["q"], None if raw.get("number") is None else str(raw["number"])))
    return pairs


def verdicts_conflict(wanted: str | None, given: str | None) -> bool:
    """Tell whether an answer's verdict contradicts the wanted one (yes and conditional agree; info never conflicts)."""
    if wanted is None or given is None or "info" in (wanted, given):
        return False
    return (wanted in PERMISSIVE) != (given in PERMISSIVE)


def is_harmful(item: EvalItem, given: str | None) -> bool:
    """Tell whether an answer says "yes"/"conditional" where the item wants "no" or a decline."""
    return given in PERMISSIVE and (not item.ids or item.verdict == "no")


def evaluate(conversation: Conversation, items: list[EvalItem]) -> EvalReport:
    """Answer every item as a user would get it and count hits, declines, wrong and harmful verdicts."""
    report = EvalReport()
    for item in items:
        turn = conversation.respond(item.q, channel="eval", log_turn=False)
        entry_id, verdict = turn.answer.entry_id, turn.answer.verdict
        if is_harmful(item, verdict):
            report.harmful += 1
            report.misses.append((item, turn, f"HARMFUL: {verdict} where the answer is {item.verdict or 'a decline'}"))
        if not item.ids:
            report.out_of_scope += 1
            if entry_id is None:
                report.out_of_scope_declined += 1
            elif not is_harmful(item, verdict):
                report.misses.append((item, turn, "answered an out-of-scope question"))
            continue
        report.in_scope += 1
        if entry_id in item.ids:
            report.in_scope_correct += 1
        else:
            report.misses.append((item, turn, "declined" if entry_id is None else "wrong entry"))
        if entry_id is not None and verdicts_conflict(item.verdict, verdict):
            report.verdict_errors += 1
            if not is_harmful(item, verdict):
                report.misses.append((item, turn, f"verdict {verdict}, expected {item.verdict}"))
    return report
