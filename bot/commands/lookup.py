"""`policybot lookup NUMBER`: find a circular however its number is typed; batch from stdin."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the lookup command's arguments."""
    parser.add_argument("number", nargs="*", help="the number, e.g. \"ว 0313\" (none: read one per line from stdin)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per query")


def run(args: argparse.Namespace, settings: Any) -> int:
    """Look each query up and print its card (or JSON); exit 1 if any was not found."""
    from bot.plain import render_card
    from bot.registry import Registry
    from bot.store import StoreError

    queries = [" ".join(args.number)] if args.number else [line.strip() for line in sys.stdin if line.strip()]
    if not queries:
        print("policybot: lookup: give a number, or numbers one per line on stdin", file=sys.stderr)
        return 2
    try:
        registry = Registry.from_settings(settings)
    except StoreError as error:
        print(f"policybot: {error}", file=sys.stderr)
        return 2
    all_found = True
    try:
        for index, query in enumerate(queries):
            result = registry.lookup(query)
            all_found = all_found and result.found
            if args.json:
                print(json.dumps(result.to_json(), ensure_ascii=False), flush=True)
            else:
                if index:
                    print()
                print(render_card(result), flush=True)
    finally:
        registry.close()
    return 0 if all_found else 1
