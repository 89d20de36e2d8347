"""Faults an operator meets: a database that stops answering, racing first starts. Questions keep being answered."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.application import build_services
from bot.config import load_settings
from bot.conversation import build_conversation
from bot.registry import Registry
from bot.texts import CARDS_UNAVAILABLE_TEXT
from tests.registry_fixtures import make_knowledge

QUESTION = "ตามหนังสือ ว 0313 อบต.ทำเมืองพี่เมืองน้องได้ไหม"


@pytest.fixture
def black_hole() -> Iterator[int]:
    """Yield a port on 127.0.0.1 that accepts connections and never answers (a hung database server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(server.getsockname()[1])
    finally:
        stop.set()
        thread.join(2)
        for connection in held:
            connection.close()
        server.close()


def _hung_settings(port: int, tmp_path: Path) -> dict[str, str]:
    # sslmode=disable: with "prefer" libpq waits out the SSL request, then tries again without it.
    return {"DATABASE_URL": f"postgresql+psycopg://u@127.0.0.1:{port}/db?sslmode=disable", "DB_TIMEOUT_SECONDS": "1",
            "USER_HASH_SALT": "s", "XDG_DATA_HOME": str(tmp_path)}


def test_a_hung_database_leaves_answers_within_two_seconds(black_hole: int, tmp_path: Path) -> None:
    conversation = build_conversation(load_settings(_hung_settings(black_hole, tmp_path), env_file=None))
    started = time.monotonic()
    turn = conversation.respond(QUESTION)
    first = time.monotonic() - started
    assert turn.answer.entry_id == "sister-city-province-only" and turn.notes == (CARDS_UNAVAILABLE_TEXT,)
    # The breaker is open now: the next question does not wait for the database at all.
    started = time.monotonic()
    again = conversation.respond("ว 0313 ลงวันที่เท่าไร")
    second = time.monotonic() - started
    assert again.cards_unavailable and again.answer.entry_id == "circular-mae-sai-0313"
    # libpq waits at least 2 s before it gives up connecting: the first question pays that once.
    assert first < 3.0 and second < 0.5, (first, second)
    assert conversation.respond("อบต ทำ sister city ได้มั้ย").answer.entry_id == "sister-city-province-only"


async def test_services_answer_and_report_degraded_while_the_database_hangs(black_hole: int, tmp_path: Path) -> None:
    services = build_services(load_settings(_hung_settings(black_hole, tmp_path), env_file=None))
    await services.start()  # the question log's first open fails (logged); its writer queues rows
    started = time.monotonic()
    turns = await asyncio.gather(*(services.respond(QUESTION, user=f"telegram:{n}", channel="telegram")
                                   for n in range(6)))
    elapsed = time.monotonic() - started
    assert all(turn.answer.verdict == "no" and turn.cards_unavailable for turn in turns)
    assert elapsed < 3.0, elapsed
    assert services.health()["status"] == "degraded" and services.health()["registry"] == "unavailable"
    started = time.monotonic()
    assert await services.stats() is None  # "unavailable" in Thai for /stats, not a hang
    assert time.monotonic() - started < 3.0
    await services.stop()


@pytest.mark.postgres
def test_a_paused_postgresql_backend_does_not_hold_up_answers(pg_url: str, tmp_path: Path) -> None:
    settings = load_settings({"DATABASE_URL": pg_url, "DB_TIMEOUT_SECONDS": "2", "XDG_DATA_HOME": str(tmp_path)},
                             env_file=None)
    conversation = build_conversation(settings)
    assert conversation.respond(QUESTION).found_cards  # opened, seeded, answered with the card
    # Pause every server process of this database, as SIGSTOP on the database would: the pooled
    # connections then never answer (not even the pool's ping).
    database = sa.engine.make_url(pg_url).database
    admin = sa.create_engine(os.environ["POLICYBOT_TEST_PG_URL"])
    with admin.connect() as connection:
        backends = [int(pid) for pid in connection.execute(
            sa.text("select pid from pg_stat_activity where datname = :db"), {"db": database}).scalars()]
    admin.dispose()
    assert backends
    for pid in backends:
        os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        turn = conversation.respond(QUESTION)
        assert time.monotonic() - started < 2.0
        assert turn.answer.verdict == "no" and turn.cards_unavailable
    finally:
        for pid in backends:
            os.kill(pid, signal.SIGCONT)
    conversation.circulars.close()  # type: ignore[union-attr]


def _open_registry(url: str, knowledge: str, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Open (migrate, seed) the registry in a fresh process and report how it went."""
    try:
        registry = Registry.open(url, Path(knowledge))
        results.put(("ok", registry.count()))
        registry.close()
    except Exception as error:  # the test counts failures of any kind
        results.put(("failed", f"{type(error).__name__}: {error}"))


def _race(url: str, knowledge: Path, processes: int = 8) -> list[tuple[str, object]]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_open_registry, args=(url, str(knowledge), results)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    return [results.get(timeout=5) for _ in workers]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_eight_processes_opening_a_new_database_at_once_all_succeed(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = f"sqlite:///{tmp_path / 'race.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    outcomes = _race(url, make_knowledge(tmp_path))
    assert [status for status, _ in outcomes] == ["ok"] * 8, outcomes
    assert len({count for _, count in outcomes}) == 1  # every process sees the same seeded registry
