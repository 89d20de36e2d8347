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

from bot.answers import PERMISSIVE
from bot.conversation import Conversation, Turn
from bot.followups import Context


class EvalFileError(Exception):
    """The question set cannot be read; the message is one line for the operator."""


@dataclass(frozen=True)
class EvalItem:
    """One question, the entry ids that count as right ([] = must decline), and the verdict."""

    q: str
    ids: tuple[str, ...]
    verdict: str | None = None
    # For a question the sources do not settle ([] ids): entries written for its topic after the set
    # was, which may answer it with what the sources do say, never with a "yes" (the judges' rule).
    near: tuple[str, ...] = ()


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


def _item(path: Path, where: str, raw: Any) -> EvalItem:
    if not isinstance(raw, dict) or not isinstance(raw.get("q"), str) or not isinstance(raw.get("ids"), list):
        raise EvalFileError(f"{path}: {where} needs 'q' (text) and 'ids' (list)")
    verdict = raw.get("verdict")
    near = raw.get("near") or []
    if not isinstance(near, list):
        raise EvalFileError(f"{path}: {where}: 'near' must be a list of entry ids")
    return EvalItem(raw["q"], tuple(str(i) for i in raw["ids"]), None if verdict is None else str(verdict),
                    tuple(str(i) for i in near))


def load_items(path: Path) -> list[EvalItem]:
    """Read the `items` of a question set (none if it holds only conversations); raise EvalFileError."""
    data = _read_set(path)
    if isinstance(data, dict) and "items" not in data and isinstance(data.get("conversations"), list):
        return []
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise EvalFileError(f"{path}: expected a mapping with an 'items' list")
    return [_item(path, f"item {number}", raw) for number, raw in enumerate(data["items"], 1)]


def load_conversations(path: Path) -> list[list[EvalItem]]:
    """Read the `conversations` of a question set: turns a user sends one after another in one chat."""
    data = _read_set(path)
    conversations = data.get("conversations") if isinstance(data, dict) else None
    if conversations is None:
        return []
    if not isinstance(conversations, list):
        raise EvalFileError(f"{path}: 'conversations' must be a list")
    out = []
    for number, raw in enumerate(conversations, 1):
        turns = raw.get("turns") if isinstance(raw, dict) else None
        if not isinstance(turns, list) or not turns:
            raise EvalFileError(f"{path}: conversation {number} needs a list of 'turns'")
        out.append([_item(path, f"conversation {number} turn {index}", turn) for index, turn in enumerate(turns, 1)])
    return out


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


def evaluate(
    conversation: Conversation, items: list[EvalItem], contexts: list[Context | None] | None = None
) -> EvalReport:
    """Answer every item as a user would get it (with the earlier question, if given) and count the figures."""
    report = EvalReport()
    for index, item in enumerate(items):
        context = contexts[index] if contexts else None
        turn = conversation.respond(item.q, channel="eval", log_turn=False, context=context)
        entry_id, verdict = turn.answer.entry_id, turn.answer.verdict
        if is_harmful(item, verdict):
            report.harmful += 1
            report.misses.append((item, turn, f"HARMFUL: {verdict} where the answer is {item.verdict or 'a decline'}"))
        if not item.ids:
            report.out_of_scope += 1
            if entry_id is None or (entry_id in item.near and verdict not in PERMISSIVE):
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


def evaluate_follow_ups(conversation: Conversation, conversations: list[list[EvalItem]]) -> EvalReport:
    """Score the turns after the first of each conversation, each read as the message after the one before."""
    items: list[EvalItem] = []
    contexts: list[Context | None] = []
    for turns in conversations:
        first = conversation.respond(turns[0].q, channel="eval", log_turn=False)
        # As a channel does: a question, answered or declined, is what the next message goes on from.
        context = first.context if first.carries_on else None
        for item in turns[1:]:
            items.append(item)
            contexts.append(context)
            turn = conversation.respond(item.q, channel="eval", log_turn=False, context=context)
            if turn.carries_on:
                context = turn.context
    return evaluate(conversation, items, contexts)
