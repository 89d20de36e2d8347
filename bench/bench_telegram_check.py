"""Benchmark /check through the Telegram layer, against the fake Bot API server on 127.0.0.1.

Measures (1) a 20-page PDF draft sent as a document, from the update to the last reply (download,
check in a worker thread, HTML messages and the .txt attachment), one at a time; (2) how long other
chats wait for answers to questions while 4 such checks run at once, against the same questions
with no check running (the checks run off the event loop, so questions should stay fast).

The fake server runs in this process (its threads share the GIL with the bot), so the figures are
conservative. Run from the repository root: `python bench/bench_telegram_check.py [--runs 10]`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import twenty_page_draft  # noqa: E402

from bot.application import build_services  # noqa: E402
from bot.channels.telegram.app import build_application  # noqa: E402
from bot.config import load_settings  # noqa: E402
from tests.checker_fixtures import make_pdf  # noqa: E402
from tests.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402
from tests.telegram_fixtures import start_bot, stop_bot  # noqa: E402

QUESTIONS = ["ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม", "อบต. ทำความร่วมมือด้านการท่องเที่ยวกับต่างประเทศได้ไหม"]


def _pct(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _report(name: str, values_ms: list[float]) -> None:
    print(f"{name:<58} n={len(values_ms):<4} p50={_pct(values_ms, 50):8.1f} ms  p99={_pct(values_ms, 99):8.1f} ms",
          flush=True)


def _pdf() -> bytes:
    lines = twenty_page_draft().splitlines()
    return make_pdf([lines[start : start + 45] for start in range(0, len(lines), 45)])


def _sent_to(api: FakeBotApi, method: str, chat_id: int) -> int:
    return sum(1 for call in api.calls_of(method) if call.params.get("chat_id") == chat_id)


async def _check_once(api: FakeBotApi, pdf: bytes, chat_id: int) -> float:
    """Send the PDF; return ms until its full-result attachment arrives (the last reply)."""
    before = _sent_to(api, "sendDocument", chat_id)
    started = time.perf_counter()
    api.send_document(pdf, "ร่าง 20 หน้า.pdf", chat_id=chat_id, user_id=chat_id, mime_type="application/pdf")
    while _sent_to(api, "sendDocument", chat_id) == before:
        await asyncio.sleep(0.002)
    return (time.perf_counter() - started) * 1000


async def _ask(api: FakeBotApi, chat_id: int, count: int) -> list[float]:
    """Ask `count` questions one after another; return each reply's latency in ms."""
    latencies = []
    for index in range(count):
        before = _sent_to(api, "sendMessage", chat_id)
        started = time.perf_counter()
        api.send_text(QUESTIONS[index % len(QUESTIONS)], chat_id=chat_id, user_id=chat_id)
        while _sent_to(api, "sendMessage", chat_id) == before:
            await asyncio.sleep(0.001)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


async def run(runs: int) -> None:
    """Start the bot against the fake server and print the figures."""
    pdf = _pdf()
    with FakeBotApi().running() as api, tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url, "DB_PATH": f"{tmp}/bench.db",
             "RATE_LIMIT_PER_MINUTE": "1000000", "USER_HASH_SALT": "bench"},
            env_file=None,
        )
        app = build_application(settings, build_services(settings), rate_limit=False)
        await start_bot(app)
        try:
            print(f"20-page draft as a PDF: {len(pdf):,} bytes, {len(twenty_page_draft()):,} characters")
            await _check_once(api, pdf, 1)  # warm up
            _report("/check 20-page PDF, update to last reply, 1 at a time",
                    [await _check_once(api, pdf, 1) for _ in range(runs)])
            await _ask(api, 2, 10)
            _report("question latency, no check running", await _ask(api, 2, 100))
            busy: list[float] = []
            for _ in range(max(1, runs // 4)):
                checks = asyncio.gather(*(_check_once(api, pdf, 100 + chat) for chat in range(4)))
                await asyncio.sleep(0.05)  # the checks are under way
                while not checks.done():
                    busy += await _ask(api, 3, 1)
                await checks
            _report("question latency while 4 PDF checks run", busy)
        finally:
            await stop_bot(app)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="sequential checks (and runs // 4 rounds of 4)")
    asyncio.run(run(parser.parse_args().runs))


if __name__ == "__main__":
    main()
