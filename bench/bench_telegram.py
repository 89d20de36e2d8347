"""Benchmark the Telegram layer end to end against the fake Bot API server on 127.0.0.1.

Measures (1) the conversation turn (`Conversation.respond`) alone, (2) one chat at a time through the whole stack
(update in → getUpdates → handler → sendMessage out), and (3) 100 concurrent chats, each sending
its next question as soon as the previous reply arrives; with and without PTB's AIORateLimiter
(which holds sending to Telegram's ~30 messages a second, so it, not the bot, sets that ceiling).

Run from the repository root: `python bench/bench_telegram.py [--messages 2000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bench.latency import RESULTS, eval_questions, pct, report  # noqa: E402
from bot.application import build_services  # noqa: E402
from bot.channels.telegram.app import build_application  # noqa: E402
from bot.config import load_settings  # noqa: E402
from tests.fake_bot_api import TOKEN, Call, FakeBotApi  # noqa: E402
from tests.telegram_fixtures import start_bot, stop_bot  # noqa: E402


class Driver:
    """Closed loop: each chat sends its next question when the reply to the last one arrives."""

    def __init__(self, api: FakeBotApi, chats: int, total: int, questions: list[str]) -> None:
        self.api, self.chats, self.total, self.questions = api, chats, total, questions
        self.sent_at: dict[int, float] = {}
        self.latencies: list[float] = []
        self.issued = 0
        self.lock = threading.Lock()
        self.done = threading.Event()

    def _send(self, chat_id: int) -> None:
        with self.lock:
            if self.issued >= self.total:
                return
            question = self.questions[self.issued % len(self.questions)]
            self.issued += 1
            self.sent_at[chat_id] = time.perf_counter()
        self.api.send_text(question, chat_id=chat_id, user_id=chat_id)

    def on_call(self, call: Call) -> None:
        if call.method != "sendMessage":
            return
        chat_id = int(call.params["chat_id"])
        with self.lock:
            started = self.sent_at.pop(chat_id, None)
            if started is None:
                return
            self.latencies.append((time.perf_counter() - started) * 1000)
            finished = len(self.latencies) >= self.total
        if finished:
            self.done.set()
        else:
            self._send(chat_id)

    def start(self) -> None:
        for chat_id in range(1, self.chats + 1):
            self._send(100_000 + chat_id)


def _server_process(conn: Connection, chats: int, total: int, questions: list[str]) -> None:
    """Child process: run the fake server and the load driver, so they do not share the bot's GIL."""
    with FakeBotApi().running() as api:
        conn.send(api.base_url)
        conn.recv()  # the bot is polling
        driver = Driver(api, chats, total, questions)
        api.on_call = driver.on_call
        started = time.perf_counter()
        driver.start()
        driver.done.wait(600)
        seconds = time.perf_counter() - started
        api.on_call = None
        conn.send((driver.latencies, seconds))
        conn.recv()  # the bot has stopped


async def run_case(name: str, chats: int, total: int, rate_limit: bool, questions: list[str]) -> None:
    """Run one closed-loop load against a freshly started bot and print its figures."""
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=_server_process, args=(child, chats, total, questions), daemon=True
    )
    server.start()
    base_url = parent.recv()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url, "DB_PATH": f"{tmp}/bench.db",
             "RATE_LIMIT_PER_MINUTE": "1000000", "USER_HASH_SALT": "bench"},
            env_file=None,
        )
        app = build_application(settings, build_services(settings), rate_limit=rate_limit)
        await start_bot(app)
        parent.send("go")
        latencies, seconds = await asyncio.to_thread(parent.recv)
        await stop_bot(app)
    parent.send("stop")
    server.join(10)
    report(name, latencies, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000, help="messages in the 100-chat runs")
    args = parser.parse_args()
    questions = eval_questions()

    folder = tempfile.mkdtemp(prefix="policybot-bench-")
    settings = load_settings({"USER_HASH_SALT": "bench", "DB_PATH": f"{folder}/bench.db"}, env_file=None)
    conversation = build_services(settings).conversation
    for question in questions:  # warm up
        conversation.respond(question, log_turn=False)
    alone: list[float] = []
    for _ in range(5):
        for question in questions:
            t0 = time.perf_counter()
            conversation.respond(question, log_turn=False)
            alone.append((time.perf_counter() - t0) * 1000)
    print(f"{len(questions)} distinct questions from tests/data/eval_questions.yaml, shipped knowledge base")
    report("Conversation.respond alone", alone)
    asyncio.run(run_case("end to end, 1 chat, no rate limiter", 1, 300, False, questions))
    asyncio.run(run_case("end to end, 1 chat, AIORateLimiter", 1, 300, True, questions))
    asyncio.run(run_case("end to end, 100 chats, no rate limiter", 100, args.messages, False, questions))
    asyncio.run(run_case("end to end, 100 chats, AIORateLimiter", 100, min(args.messages, 600), True, questions))
    single = RESULTS["end to end, 1 chat, no rate limiter"]
    print(
        "added by the Telegram layer (1 chat, no limiter, minus answer alone): "
        f"p50 {pct(single, 50) - pct(alone, 50):.2f} ms, p99 {pct(single, 99) - pct(alone, 99):.2f} ms; "
        f"answer alone is {statistics.median(alone) / statistics.median(single):.0%} of the median round trip"
    )


if __name__ == "__main__":
    main()
