"""The worker process: checks as in-process, killed on timeout or cancel, replaced, closed from anywhere."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from bot.checker import DocumentRefused, check_text, limits
from bot.checker import worker as worker_module
from bot.checker.worker import CheckWorker
from bot.commands import check as check_command
from bot.thai import has_thai
from tests import checker_hostile as hostile
from tests.checker_fixtures import DRAFTS, make_docx

SLOW = "SLOW "  # texts starting so sleep a minute in SlowWorker's process
HUNGRY = "HUNGRY "  # texts starting so allocate 1 GB there


def _slow_serve(connection: Connection, memory_limit: int | None) -> None:
    """Serve like the real worker, but sleep on SLOW texts and allocate on HUNGRY ones."""
    from bot.checker import engine

    real = engine.check_text

    def check(text: str) -> object:
        if text.startswith(SLOW):
            time.sleep(60)
        if text.startswith(HUNGRY):
            bytearray(1024 * 1024 * 1024)
        return real(text)

    engine.check_text = check  # type: ignore[assignment]
    worker_module._serve(connection, memory_limit)


class SlowWorker(CheckWorker):
    """A worker whose process can be made to run a check for a minute."""

    _target = staticmethod(_slow_serve)


@pytest.fixture
def worker() -> Iterator[CheckWorker]:
    with SlowWorker(timeout=30) as started:
        started.start()
        yield started


def _rss_peak_mb(pid: int) -> float:
    """Return a live process's peak RSS (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_results_match_the_in_process_check_and_the_process_is_reused(worker: CheckWorker) -> None:
    pid = worker.pid
    for path in sorted(DRAFTS.glob("*.txt"))[:6]:
        text = path.read_text(encoding="utf-8")
        assert worker.check(text).to_json() == check_text(text).to_json()
    assert worker.check(make_docx(["ข้อ 1 เป็นเมืองแฝด"]), "d.docx").result == "not-allowed"
    assert worker.check(DRAFTS / "unsafe-treaty-th.txt").result == "review"
    assert worker.pid == pid  # one process, warmed up once


def test_refusals_come_back_intact(worker: CheckWorker, tmp_path: Path) -> None:
    with pytest.raises(DocumentRefused) as refused:
        worker.check(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "scan.png")
    assert refused.value.code == "not-a-document" and has_thai(refused.value.user_message)
    with pytest.raises(DocumentRefused) as missing:
        worker.check(tmp_path / "nope.docx")
    assert missing.value.code == "missing"


def test_a_check_past_its_timeout_is_killed_and_the_worker_replaced(worker: CheckWorker) -> None:
    pid = worker.pid
    started = time.perf_counter()
    with pytest.raises(DocumentRefused) as refused:
        worker.check(SLOW + "ข้อ 1", timeout=0.5)
    assert time.perf_counter() - started < 5
    error = refused.value
    assert error.code == "timeout" and "0.5" in error.operator_message
    assert has_thai(error.user_message) and "0.5 วินาที" in error.user_message
    assert worker.check("ข้อ 1 เป็นเมืองแฝด").result == "not-allowed"
    assert worker.pid not in (None, pid)


def test_hostile_inputs_through_the_worker(worker: CheckWorker) -> None:
    pid = worker.pid
    assert pid is not None
    before = _rss_peak_mb(pid)
    for data, name in ((hostile.zip_bomb_docx(), "bomb.docx"), (hostile.shared_stream_pdf(), "shared.pdf")):
        started = time.perf_counter()
        with pytest.raises(DocumentRefused) as refused:
            worker.check(data, name, timeout=10)
        assert refused.value.code == "too-complex"
        assert time.perf_counter() - started < 2
    result = worker.check(hostile.one_clause_text(), timeout=10)
    assert result.result == "review"
    assert worker.pid == pid and _rss_peak_mb(pid) - before < 300


async def test_cancelling_kills_the_check_at_once(worker: CheckWorker) -> None:
    pid = worker.pid
    task = asyncio.create_task(worker.check_async(SLOW + "ข้อ 1"))
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.perf_counter() - started < 2
    assert (await worker.check_async("ข้อ 1 เป็นเมืองแฝด")).result == "not-allowed"
    assert worker.pid != pid


def test_a_shutdown_while_a_check_runs_takes_seconds_not_the_check(worker: CheckWorker) -> None:
    async def serve() -> None:
        # The bot's loop: a check is running when the loop is told to stop.
        asyncio.get_running_loop().create_task(worker.check_async(SLOW + "ข้อ 1"))
        await asyncio.sleep(0.5)

    started = time.perf_counter()
    asyncio.run(serve())  # cancels the pending task, then waits for the executor's threads
    assert time.perf_counter() - started < 10


def test_close_from_another_thread_stops_a_running_check(worker: CheckWorker) -> None:
    errors: list[DocumentRefused] = []

    def run() -> None:
        try:
            worker.check(SLOW + "ข้อ 1")
        except DocumentRefused as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.5)
    started = time.perf_counter()
    worker.close()
    thread.join(10)
    assert not thread.is_alive() and time.perf_counter() - started < 5
    assert [error.code for error in errors] == ["stopped"]
    with pytest.raises(DocumentRefused) as refused:
        worker.check("ข้อ 1")
    assert refused.value.code == "stopped" and worker.pid is None


def test_a_crashed_worker_is_a_refusal_then_replaced(worker: CheckWorker) -> None:
    pid = worker.pid
    assert pid is not None
    threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()
    with pytest.raises(DocumentRefused) as refused:
        worker.check(SLOW + "ข้อ 1")
    assert refused.value.code == "failed" and "died" in refused.value.operator_message
    assert worker.check("ข้อ 1 เป็นเมืองแฝด").result == "not-allowed"


def test_running_out_of_memory_is_a_refusal_not_a_crash() -> None:
    with SlowWorker(memory_limit=768 * 1024 * 1024) as small:
        with pytest.raises(DocumentRefused) as refused:
            small.check(HUNGRY + "ข้อ 1")
        assert refused.value.code == "too-complex" and "memory" in refused.value.operator_message
        assert small.check("ข้อ 1 เป็นเมืองแฝด").result == "not-allowed"


def test_sigint_is_left_to_the_parent(worker: CheckWorker) -> None:
    pid = worker.pid
    assert pid is not None
    os.kill(pid, signal.SIGINT)  # what Ctrl-C sends to the whole process group
    time.sleep(0.3)
    assert worker.pid == pid and worker.check("ข้อ 1").result == "ok"


async def test_the_default_worker_functions() -> None:
    try:
        assert worker_module.run_check("ข้อ 1 เป็นเมืองแฝด", timeout=30).result == "not-allowed"
        result = await worker_module.check_async(make_docx(["ข้อ 1 sister city"]), "d.docx", timeout=30)
        assert result.result == "not-allowed"
    finally:
        worker_module.close_default_worker()


def test_the_command_line_default_timeout_is_the_checker_s() -> None:
    assert check_command.DEFAULT_TIMEOUT == limits.DEFAULT_TIMEOUT


def test_policybot_check_stops_at_its_timeout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.__main__ import main

    path = tmp_path / "clause.txt"
    path.write_text(hostile.one_clause_text(), encoding="utf-8")  # ~2.5 s to check on a 2-CPU machine
    started = time.perf_counter()
    assert main(["check", "--timeout", "0.3", str(path)]) == 2
    assert time.perf_counter() - started < 10
    assert "took more than 0.3 s" in capsys.readouterr().err
    assert main(["check", "--json", "--timeout", "0", str(path)]) == 0  # in this process, no limit
    assert '"result": "review"' in capsys.readouterr().out


def test_policybot_check_refuses_a_zip_bomb_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.__main__ import main

    path = tmp_path / "bomb.docx"
    path.write_bytes(hostile.zip_bomb_docx())
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unpacks to" in err[0]


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_policybot_check_rejects_a_bad_timeout(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.__main__ import main

    with pytest.raises(SystemExit) as exited:
        main(["check", "--timeout", value, "x.txt"])
    assert exited.value.code == 2 and "--timeout" in capsys.readouterr().err


def test_the_summary_names_the_office_the_worker_was_given() -> None:
    office = "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอทดสอบ โทร. 0-1234-5678"
    with CheckWorker(timeout=60, contact=office) as named:
        result = named.check("ข้อ 1 ทั้งสองฝ่ายตกลงสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง")
    assert office in result.summary
