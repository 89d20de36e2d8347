"""Benchmark the LINE layer: what it adds over the core answer, from webhook to reply call.

Measures (1) the conversation turn (`Conversation.respond`) alone, then (2) one user at a time
and (3) 100 users at once through the whole stack: a signed webhook POSTed to the real web app
(signature check, SDK event parsing, a background task, the turn, the Flex rendering) and the
reply sent through the SDK's asyncio client to the fake Messaging API. Two intervals: from just
before the driver POSTs the webhook to the moment the fake server receives the reply call, and,
inside the bot, from the route's receipt of the webhook to the call of the SDK's reply_message.
The fake server and the driver run in their own process, so they do not share the bot's GIL.

Run from the repository root: `python bench/bench_line.py [--messages 2000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import queue
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.latency import RESULTS, eval_questions, pct, report  # noqa: E402
from bot.application import build_services  # noqa: E402
from bot.channels.line.webhook import WEBHOOK_PATH, LineChannel, web_channel  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.web import build_web_app, web_server  # noqa: E402
from tests.fake_line_api import ACCESS_TOKEN, CHANNEL_SECRET, Call, FakeLineApi  # noqa: E402
from tests.line_fixtures import free_port, serving  # noqa: E402


class Driver:
    """Closed loop: each user sends its next question when the reply to the last one arrives."""

    def __init__(self, api: FakeLineApi, url: str, users: int, total: int, questions: list[str]) -> None:
        self.api, self.url, self.users, self.total, self.questions = api, url, users, total, questions
        self.sent_at: dict[str, tuple[str, float]] = {}  # reply token -> (user, when the POST started)
        self.latencies: list[float] = []
        self.issued = 0
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.ready: queue.Queue[str] = queue.Queue()
        self.pool = ThreadPoolExecutor(max_workers=min(32, users))
        self.local = threading.local()

    def _post(self, user: str) -> None:
        with self.lock:
            if self.issued >= self.total:
                return
            question = self.questions[self.issued % len(self.questions)]
            self.issued += 1
        event = self.api.text_event(question, user_id=user)
        body = self.api.body(event)
        headers = self.api.headers(body)
        client = getattr(self.local, "client", None)
        if client is None:
            client = self.local.client = httpx.Client()
        with self.lock:
            self.sent_at[event["replyToken"]] = (user, time.monotonic())
        client.post(self.url, content=body, headers=headers)

    def on_call(self, call: Call) -> None:
        if call.endpoint != "reply":
            return
        with self.lock:
            sent = self.sent_at.pop(str(call.body.get("replyToken")), None)
            if sent is None:
                return
            self.latencies.append((call.at - sent[1]) * 1000)
            finished = len(self.latencies) >= self.total
        if finished:
            self.done.set()
        else:
            # Not from this server thread: the reply's HTTP answer must not wait for the next POST.
            self.pool.submit(self._post, sent[0])

    def start(self) -> None:
        for number in range(self.users):
            self.pool.submit(self._post, f"U{number:032x}")


def _server_process(conn: Connection, users: int, total: int, questions: list[str]) -> None:
    """Child process: run the fake Messaging API and the load driver."""
    with FakeLineApi().running() as api:
        conn.send(api.base_url)
        url = conn.recv()  # the bot is serving
        driver = Driver(api, url, users, total, questions)
        api.on_call = driver.on_call
        started = time.perf_counter()
        driver.start()
        driver.done.wait(600)
        seconds = time.perf_counter() - started
        api.on_call = None
        conn.send((driver.latencies, seconds))
        conn.recv()  # the bot has stopped


async def run_case(name: str, users: int, total: int, questions: list[str]) -> None:
    """Run one closed-loop load against a freshly started web app and print its figures."""
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=_server_process, args=(child, users, total, questions), daemon=True
    )
    server.start()
    base_url = parent.recv()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            {"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
             "LINE_API_BASE_URL": base_url, "DB_PATH": f"{tmp}/bench.db", "RATE_LIMIT_PER_MINUTE": "1000000",
             "USER_HASH_SALT": "bench"},
            env_file=None,
        )
        services = build_services(settings)
        port = free_port()
        channel = web_channel(settings, services)
        web = web_server(build_web_app(services, [channel]), "127.0.0.1", port)
        task = await serving(web)
        inside = _time_inside(channel.start.__self__)
        parent.send(f"http://127.0.0.1:{port}{WEBHOOK_PATH}")
        latencies, seconds = await asyncio.to_thread(parent.recv)
        web.should_exit = True
        await task
    parent.send("stop")
    server.join(10)
    report(name, latencies, seconds)
    report(f"  in the bot: receipt to reply call, {users} user{'s' if users > 1 else ''}", inside)


def _time_inside(line: LineChannel) -> list[float]:
    """Record, in the bot, the time from the webhook's receipt to the reply call for each event."""
    bot = line.bot
    assert bot is not None
    received: dict[str, float] = {}
    inside: list[float] = []
    handle, reply = bot.handle, bot.sender.api.reply_message

    async def timed_handle(event: Any, at: float) -> None:
        received[event.reply_token] = at  # `at`: when the route started on the request
        await handle(event, at)

    async def timed_reply(request: Any, **kwargs: Any) -> Any:
        inside.append((time.monotonic() - received.pop(request.reply_token)) * 1000)
        return await reply(request, **kwargs)

    bot.handle = timed_handle  # type: ignore[method-assign]
    bot.sender.api.reply_message = timed_reply
    return inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000, help="messages in the 100-user run")
    parser.add_argument("--single", type=int, default=1000, help="messages in the one-user run")
    args = parser.parse_args()
    questions = eval_questions()

    folder = tempfile.mkdtemp(prefix="policybot-bench-")
    settings = load_settings({"USER_HASH_SALT": "bench", "DB_PATH": f"{folder}/bench.db"}, env_file=None)
    conversation = build_services(settings).conversation
    for question in questions:  # warm up
        conversation.respond(question, log_turn=False)
    alone: list[float] = []
    for _ in range(20):
        for question in questions:
            t0 = time.perf_counter()
            conversation.respond(question, log_turn=False)
            alone.append((time.perf_counter() - t0) * 1000)
    print(f"{len(questions)} distinct questions from tests/data/eval_questions.yaml, shipped knowledge base")
    report("Conversation.respond alone", alone)
    asyncio.run(run_case("webhook to reply call, 1 user", 1, args.single, questions))
    asyncio.run(run_case("webhook to reply call, 100 users", 100, args.messages, questions))
    for name in ("webhook to reply call, 1 user", "  in the bot: receipt to reply call, 1 user"):
        single = RESULTS[name]
        print(f"added by the LINE layer ({name.strip()}, minus the answer alone): "
              f"p50 {pct(single, 50) - pct(alone, 50):.2f} ms, p99 {pct(single, 99) - pct(alone, 99):.2f} ms")


if __name__ == "__main__":
    main()
