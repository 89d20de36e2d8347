"""`policybot review`: list what the registry read with doubt (OCR, failed checks); confirm or correct it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the review command's arguments."""
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list the documents that need review (the default)")
    listing.add_argument("--json", action="store_true", help="print one JSON object per document")
    confirm = actions.add_parser("confirm", help="the number and date are right as read")
    confirm.add_argument("number", help="the number as `review` lists it")
    correct = actions.add_parser("correct", help="set the number and/or date a person read from the original")
    correct.add_argument("number", help="the number as `review` lists it")
    correct.add_argument("--number", dest="new_number", metavar="RIGHT", help="the right number")
    correct.add_argument("--date", dest="new_date", metavar="YYYY-MM-DD", help="the right date (Christian era)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, settings: Any) -> int:
    """List, confirm or correct; exit 2 with one line for a number the registry does not hold."""
    from bot.registry import Registry, RegistryError
    from bot.registry_review import confirm, correct, pending
    from bot.store import StoreError

    try:
        registry = Registry.from_settings(settings)
    except StoreError as error:
        print(f"policybot: {error}", file=sys.stderr)
        return 2
    try:
        if args.action in (None, "list"):
            items = pending(registry)
            for item in items:
                print(json.dumps(item.to_json(), ensure_ascii=False) if args.json else item.describe())
            if not args.json:
                print(f"policybot: review: {len(items)} documents need review", file=sys.stderr)
            return 0
        if args.action == "confirm":
            item = confirm(registry, args.number)
        else:
            item = correct(registry, args.number, args.new_number, args.new_date)
    except RegistryError as error:
        print(f"policybot: review: {error}", file=sys.stderr)
        return 2
    finally:
        registry.close()
    print(json.dumps(item.to_json(), ensure_ascii=False) if args.json else f"reviewed {item.describe()}")
    return 0
