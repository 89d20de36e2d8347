"""Check a draft agreement against the guideline, clause by clause (no Telegram here).

Use: `check_text(text)` or `check_file(path_or_bytes, filename)` -> `CheckResult`;
`render_thai(result)` for users; `DocumentRefused` (Thai `user_message`, English
`operator_message`) for files that are not readable drafts; `MAX_BYTES` and `check_size(size)` to refuse
an upload before downloading it; `warm_up()` at start-up.
"""

from bot.checker.engine import CheckResult, Finding, check_file, check_text, warm_up
from bot.checker.errors import DocumentRefused
from bot.checker.limits import DEFAULT_TIMEOUT
from bot.checker.reading import MAX_BYTES, MAX_CHARS, check_size
from bot.checker.report import render_thai
from bot.checker.rules import RULES
from bot.checker.worker import CheckWorker, check_async, close_default_worker, run_check

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "MAX_CHARS",
    "RULES",
    "CheckResult",
    "CheckWorker",
    "DocumentRefused",
    "Finding",
    "check_async",
    "check_file",
    "check_size",
    "check_text",
    "close_default_worker",
    "render_thai",
    "run_check",
    "warm_up",
]
