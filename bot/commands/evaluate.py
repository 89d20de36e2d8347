"""`policybot eval FILE`: accuracy, rejection, wrong and harmful verdicts on a question set, as users get them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.config import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("file", type=Path, help="question set in the questions.yaml format")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the question set through the conversation turn; print the figures and every miss; exit 1 if any."""
    from bot.commands.files import QUESTION_SET_LIMIT, read_bytes
    from bot.conversation import build_conversation
    from bot.evaluation import (
        EvalFileError,
        evaluate,
        evaluate_follow_ups,
        load_conversations,
        load_items,
        load_lookups,
    )

    read_bytes(args.file, QUESTION_SET_LIMIT)  # a device, a pipe or a huge file stops here, in one line
    try:
        items = load_items(args.file)
        lookups = load_lookups(args.file)
        conversations = load_conversations(args.file)
    except EvalFileError as error:
        print(f"policybot: {error}")
        return 2
    conversation = build_conversation(settings)
    # A conversation's first turn is a question like any other; the turns after it are follow-ups.
    report = evaluate(conversation, items + [turns[0] for turns in conversations])
    follow_ups = evaluate_follow_ups(conversation, conversations) if conversations else None
    lookup_misses = []
    for query, expected in lookups:
        result = conversation.lookup(query)
        found = result.number if result is not None and result.found else None
        if found != expected:
            lookup_misses.append({"q": query, "expected": expected, "got": found})
    if args.json:
        print(json.dumps({
            "in_scope": report.in_scope, "in_scope_correct": report.in_scope_correct,
            "accuracy": round(report.accuracy, 4), "out_of_scope": report.out_of_scope,
            "out_of_scope_declined": report.out_of_scope_declined, "rejection": round(report.rejection, 4),
            "verdict_errors": report.verdict_errors, "harmful": report.harmful,
            "follow_ups": None if follow_ups is None else {
                "in_scope": follow_ups.in_scope, "in_scope_correct": follow_ups.in_scope_correct,
                "out_of_scope": follow_ups.out_of_scope, "out_of_scope_declined": follow_ups.out_of_scope_declined,
                "harmful": follow_ups.harmful},
            "lookups": len(lookups), "lookups_correct": len(lookups) - len(lookup_misses),
            "lookup_misses": lookup_misses,
            "misses": [{"q": item.q, "expected": list(item.ids), "got": turn.answer.entry_id,
                        "verdict": turn.answer.verdict, "confidence": round(turn.answer.confidence, 3),
                        "problem": problem}
                       for item, turn, problem in report.misses],
        }, ensure_ascii=False))
    else:
        for item, turn, problem in report.misses:
            expected = ", ".join(item.ids) or "(decline)"
            print(f"MISS {problem}: {item.q!r} -> {turn.answer.entry_id} ({turn.answer.confidence:.2f}); "
                  f"expected {expected}")
        print(f"in-scope accuracy:      {report.in_scope_correct}/{report.in_scope} = {report.accuracy:.1%}")
        print(f"out-of-scope rejection: {report.out_of_scope_declined}/{report.out_of_scope} = {report.rejection:.1%}")
        print(f"verdict errors:         {report.verdict_errors}")
        print(f"harmful answers:        {report.harmful}")
        if follow_ups is not None:
            for item, turn, problem in follow_ups.misses:
                print(f"MISS follow-up {problem}: {item.q!r} -> {turn.answer.entry_id}; expected "
                      f"{', '.join(item.ids) or '(decline)'}")
            shown = follow_ups
            print(f"follow-ups in context:  {shown.in_scope_correct}/{shown.in_scope} in scope, "
                  f"{shown.out_of_scope_declined}/{shown.out_of_scope} declined, {shown.harmful} harmful")
        for miss in lookup_misses:
            print(f"MISS lookup {miss['q']!r} -> {miss['got']}; expected {miss['expected']}")
        if lookups:
            print(f"lookups:                {len(lookups) - len(lookup_misses)}/{len(lookups)}")
    clean = not report.misses and not lookup_misses and (follow_ups is None or not follow_ups.misses)
    return 0 if clean else 1
