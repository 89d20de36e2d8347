"""Benchmark what database faults do to a user: a hung server, a paused PostgreSQL, racing first starts.

Prints how long questions take while the database does not answer (the first one, which waits for
the connect timeout, and the ones after, which the circuit breaker lets skip it), and how many of
8 processes opening a new database at once fail. PostgreSQL rows need POLICYBOT_TEST_PG_URL (a
server this script may create databases on and pause backends of, as the tests do).

Run: python bench/bench_faults.py
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot  # noqa: E402,F401  (PyThaiNLP offline switches first)
from bot.config import load_settings  # noqa: E402
from bot.conversation import build_conversation  # noqa: E402
from bot.registry import Registry  # noqa: E402

NAMES_A_LETTER = "ตามหนังสือ ว 0313 อบต.ทำเมืองพี่เมืองน้องได้ไหม"
NAMES_NONE = "อบต ทำ sister city ได้มั้ย"


def black_hole() -> tuple[int, threading.Event]:
    """Start a server on 127.0.0.1 that accepts connections and never answers; return its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue
        server.close()

    threading.Thread(target=accept, daemon=True).start()
    return int(server.getsockname()[1]), stop


def ms(seconds: list[float]) -> str:
    """Return p50/p99 of `seconds` in milliseconds."""
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"


def timed(function: object, *args: object) -> float:
    """Return the seconds one call takes."""
    start = time.monotonic()
    function(*args)  # type: ignore[operator]
    return time.monotonic() - start


def hung_server(folder: str) -> None:
    """Questions while the registry's PostgreSQL accepts connections and never answers."""
    port, stop = black_hole()
    settings = load_settings(
        {"DATABASE_URL": f"postgresql+psycopg://u@127.0.0.1:{port}/db?sslmode=disable", "DB_TIMEOUT_SECONDS": "5",
         "XDG_DATA_HOME": folder},
        env_file=None,
    )
    conversation = build_conversation(settings)
    first = timed(conversation.respond, NAMES_A_LETTER)
    after = [timed(conversation.respond, NAMES_A_LETTER) for _ in range(50)]
    plain = [timed(conversation.respond, NAMES_NONE) for _ in range(50)]
    stop.set()
    print(f"hung database server (DB_TIMEOUT_SECONDS=5): first question naming a letter {first:.2f} s "
          f"(answered, cards 'unavailable'); the next 50 {ms(after)}; questions naming none {ms(plain)}")


def paused_postgresql(admin_url: str, folder: str) -> None:
    """Questions while every backend of the registry's database is stopped with SIGSTOP."""
    import sqlalchemy as sa

    name = f"policybot_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        settings = load_settings({"DATABASE_URL": url, "DB_TIMEOUT_SECONDS": "2", "XDG_DATA_HOME": folder},
                                 env_file=None)
        conversation = build_conversation(settings)
        conversation.respond(NAMES_A_LETTER)  # opened, migrated, seeded
        with admin.connect() as connection:
            backends = [int(pid) for pid in connection.execute(
                sa.text("select pid from pg_stat_activity where datname = :db"), {"db": name}).scalars()]
        for pid in backends:
            os.kill(pid, signal.SIGSTOP)
        try:
            first = timed(conversation.respond, NAMES_A_LETTER)
            after = [timed(conversation.respond, NAMES_A_LETTER) for _ in range(50)]
        finally:
            for pid in backends:
                os.kill(pid, signal.SIGCONT)
        print(f"PostgreSQL paused (SIGSTOP, DB_TIMEOUT_SECONDS=2): first question {first:.2f} s, "
              f"the next 50 {ms(after)}")
        if conversation.circulars is not None:
            conversation.circulars.close()
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _open(url: str, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Open (migrate, seed) the registry in a fresh process; report how it went."""
    try:
        Registry.open(url, ROOT / "knowledge").close()
        results.put("ok")
    except Exception as error:
        results.put(f"{type(error).__name__}")


def race(label: str, url: str, processes: int = 8) -> None:
    """Open one new database from `processes` processes at once; print failures and wall time."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_open, args=(url, results)) for _ in range(processes)]
    start = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(180)
    outcomes = [results.get(timeout=5) for _ in workers]
    failed = [outcome for outcome in outcomes if outcome != "ok"]
    print(f"{processes} processes opening a new {label} database at once: {len(failed)} failed, "
          f"all done in {time.monotonic() - start:.1f} s{' (' + ', '.join(failed) + ')' if failed else ''}")


def main() -> None:
    """Run each fault once and print what a user meets."""
    with tempfile.TemporaryDirectory() as folder:
        hung_server(folder)
        admin_url = os.environ.get("POLICYBOT_TEST_PG_URL")
        if admin_url:
            paused_postgresql(admin_url, folder)
        race("SQLite", f"sqlite:///{folder}/race.db")
        if admin_url:
            import sqlalchemy as sa

            name = f"policybot_race_{uuid.uuid4().hex[:8]}"
            admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
            try:
                url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
                race("PostgreSQL", url)
            finally:
                with admin.connect() as connection:
                    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
        if not admin_url:
            print("(PostgreSQL rows skipped: set POLICYBOT_TEST_PG_URL)")


if __name__ == "__main__":
    main()
