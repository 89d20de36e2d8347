"""Run checks in a worker process that is killed when a check takes too long or is cancelled.

`CheckWorker` keeps one worker process (started with "spawn": a fresh interpreter, no copy of the
bot's threads or event loop) that imports and warms up the checker once and then serves checks one
at a time. A check past its timeout kills the process and raises DocumentRefused("timeout"); a
replacement starts at once, so the next check only waits for its warm-up. Cancelling
`check_async` (e.g. at shutdown) kills the process too, so nothing waits for a runaway check, and
`close()` stops it from any thread. The worker ignores SIGINT (Ctrl-C is the parent's to handle)
and runs under an address-space limit.

    worker = CheckWorker()               # at start-up (worker.start() to warm it up now)
    result = await worker.check_async(data, "draft.docx", timeout=60)   # bytes: an uploaded file
    result = await worker.check_async("ข้อ 1 ...")                       # str: pasted text
    worker.close()                       # at shutdown
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.checker.errors import DocumentRefused
from bot.checker.limits import DEFAULT_TIMEOUT, MAX_WORKER_MEMORY

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from bot.checker.engine import CheckResult

log = logging.getLogger(__name__)

# Seconds a new worker may take to import and warm up (a cold start on a slow disk takes ~5 s).
START_TIMEOUT = 60.0

Source = str | bytes | Path


def _timed_out(seconds: float) -> DocumentRefused:
    return DocumentRefused(
        "timeout",
        f"ตรวจร่างไม่เสร็จภายใน {seconds:g} วินาที ร่างอาจยาวหรือซับซ้อนเกินกว่าที่ระบบตรวจได้ "
        "โปรดส่งเฉพาะร่างความตกลง หรือแบ่งส่งเป็นส่วน",
        f"the check took more than {seconds:g} s; the worker process was killed",
    )


def _failed(english: str) -> DocumentRefused:
    return DocumentRefused("failed", "ระบบตรวจร่างขัดข้องชั่วคราว โปรดส่งใหม่อีกครั้ง", english)


def _stopped() -> DocumentRefused:
    return DocumentRefused(
        "stopped", "ระบบตรวจร่างกำลังปิดให้บริการ โปรดส่งใหม่อีกครั้งภายหลัง", "the checker worker is closed"
    )


class _Cancelled(Exception):
    """The job's caller went away (its task was cancelled); the worker was killed for it."""


class _Job:
    """One check handed to the worker: what to check, and whether its caller still wants it."""

    def __init__(self, source: Source, filename: str | None) -> None:
        if isinstance(source, Path):
            self.message: tuple[str, Any, str | None] = ("path", str(source), None)
        elif isinstance(source, bytes):
            self.message = ("bytes", source, filename)
        else:
            self.message = ("text", source, None)
        self.cancelled = False


def _serve(connection: Connection, memory_limit: int | None, contact: str | None = None) -> None:
    """The worker process: warm up, then answer checks until the parent goes away."""
    import signal

    # Ctrl-C in a terminal reaches the whole process group; the parent decides when to stop us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_limit is not None:
        import resource

        # A bomb that slips past the reading limits gets MemoryError here, not the machine's RAM.
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    from bot.checker.engine import check_file, check_text, warm_up

    if contact is not None:
        from bot.checker.report import use_contact

        use_contact(contact)

    warm_up()
    connection.send(("ready", None))
    while True:
        try:
            kind, payload, filename = connection.recv()
        except (EOFError, OSError):
            return  # the parent closed the pipe or died
        try:
            if kind == "text":
                reply: tuple[str, Any] = ("result", check_text(payload))
            elif kind == "path":
                reply = ("result", check_file(Path(payload)))
            else:
                reply = ("result", check_file(payload, filename))
        except DocumentRefused as error:
            reply = ("refused", error)
        except MemoryError:
            reply = ("refused", DocumentRefused(
                "too-complex",
                "ไฟล์นี้ใหญ่หรือซับซ้อนเกินกว่าที่ระบบตรวจได้ โปรดส่งเฉพาะร่างความตกลง",
                f"the check ran out of memory (worker limit {memory_limit:,} bytes)",
            ))
        except Exception:
            reply = ("error", traceback.format_exc())
        connection.send(reply)


class CheckWorker:
    """A pool of one checker process, reused between checks, killed and replaced on timeout."""

    # What the process runs (an importable function: spawn pickles it by name); tests put a
    # deliberately slow one here.
    _target = staticmethod(_serve)

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        memory_limit: int | None = MAX_WORKER_MEMORY,
        start_timeout: float = START_TIMEOUT,
        contact: str | None = None,
    ) -> None:
        self.timeout = timeout
        # The office the summaries name (the settings' contact line); None: the default office.
        self.contact = contact
        self.memory_limit = memory_limit
        self.start_timeout = start_timeout
        self._context = multiprocessing.get_context("spawn")
        # One check at a time in the process; others wait here (in their own threads).
        self._job_lock = threading.Lock()
        # Guards the fields below; held only briefly, so close() and cancel() never wait for a check.
        self._state = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._ready = False
        # True while a job's thread is starting the worker or waiting for it: only that thread
        # may then reap the process and close the pipe (another thread's poll() must not lose it).
        self._busy = False
        self._running: _Job | None = None
        self._closed = False

    def __enter__(self) -> CheckWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        """Return the worker process's id, or None when none is running."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def start(self) -> None:
        """Start the worker now and wait for its warm-up, so the first check does not pay for it."""
        with self._job_lock:
            with self._state:
                self._busy = True
            try:
                self._ensure_ready()
            finally:
                with self._state:
                    self._busy = False

    def check(self, source: Source, filename: str | None = None, timeout: float | None = None) -> CheckResult:
        """Check a draft in the worker: str = pasted text, bytes = an uploaded file (named), Path = a file.

        Raises DocumentRefused as check_text/check_file do, or with code "timeout" after `timeout`
        seconds (default: the worker's), "failed" if the worker crashed, "stopped" after close().
        Checks run one at a time; waiting for another check's turn does not count as its time.
        """
        return self._run(_Job(source, filename), self.timeout if timeout is None else timeout)

    async def check_async(
        self, source: Source, filename: str | None = None, timeout: float | None = None
    ) -> CheckResult:
        """Check a draft without blocking the event loop; cancelling this kills the running check."""
        job = _Job(source, filename)
        try:
            return await asyncio.to_thread(self._run, job, self.timeout if timeout is None else timeout)
        except asyncio.CancelledError:
            self._cancel(job)
            raise

    def close(self) -> None:
        """Stop the worker (killing any check in progress); later checks are refused with "stopped"."""
        with self._state:
            self._closed = True
            if self._busy:
                # The job's thread sees the pipe close, reaps the process and returns "stopped".
                self._kill_locked()
            else:
                self._discard_locked()

    def _run(self, job: _Job, timeout: float) -> CheckResult:
        """Send one job to the worker and wait for its answer (in the caller's thread)."""
        with self._job_lock:
            with self._state:
                if job.cancelled:
                    raise _Cancelled
                if self._closed:
                    raise _stopped()
                self._busy = True
            try:
                connection = self._ensure_ready()
                with self._state:
                    self._running = job
                    if self._closed:
                        raise _stopped()
                return self._exchange(connection, job, timeout)
            finally:
                with self._state:
                    self._running = None
                    self._busy = False

    def _exchange(self, connection: Connection, job: _Job, timeout: float) -> CheckResult:
        """Send `job`, wait up to `timeout` seconds, and turn the reply into a result or a refusal."""
        try:
            connection.send(job.message)
            answered = connection.poll(timeout)
            reply = connection.recv() if answered else None
        except (EOFError, OSError) as error:
            # Killed by cancel() or close(), or it crashed (a segfault in a parser, the OOM killer).
            exit_code = self._discard()
            if job.cancelled:
                raise _Cancelled from error
            if self._closed:
                raise _stopped() from error
            self._replace()
            raise _failed(f"the checker worker died (exit code {exit_code})") from error
        if reply is None:
            self._discard()
            self._replace()
            raise _timed_out(timeout)
        kind, value = reply
        if kind == "result":
            return value  # type: ignore[no-any-return]
        if kind == "refused":
            raise value
        log.error("checker failed in the worker:\n%s", value)
        last = str(value).strip().splitlines()[-1] if str(value).strip() else "unknown error"
        raise _failed(f"the checker failed: {last}")

    def _ensure_ready(self) -> Connection:
        """Return the connection to a warmed-up worker, starting one if needed (job lock held)."""
        with self._state:
            if self._closed:
                raise _stopped()
            if self._process is None or not self._process.is_alive():
                self._discard_locked()
                self._spawn_locked()
            connection, ready = self._connection, self._ready
        assert connection is not None
        if ready:
            return connection
        deadline = time.monotonic() + self.start_timeout
        try:
            answered = connection.poll(max(0.0, deadline - time.monotonic()))
            message = connection.recv() if answered else None
        except (EOFError, OSError):
            message = None
        if message != ("ready", None):
            exit_code = self._discard()
            if self._closed:
                raise _stopped()
            raise _failed(f"the checker worker did not start (exit code {exit_code})")
        with self._state:
            self._ready = True
        return connection

    def _spawn_locked(self) -> None:
        """Start a worker process (state lock held); its warm-up is awaited by the next job."""
        receive, send = self._context.Pipe()
        process = self._context.Process(
            target=self._target,
            args=(send, self.memory_limit),
            kwargs={"contact": self.contact} if self.contact is not None else {},
            name="policybot-checker",
            daemon=True,
        )
        process.start()
        # Our copy of the child's end must go, or the child's death would not close the pipe.
        send.close()
        self._process, self._connection, self._ready = process, receive, False

    def _replace(self) -> None:
        """Start a replacement worker now (after a timeout or crash) unless closed."""
        with self._state:
            if not self._closed and self._process is None:
                self._spawn_locked()

    def _cancel(self, job: _Job) -> None:
        """Forget `job`; if the worker is running it, kill the worker so the job's thread returns."""
        with self._state:
            job.cancelled = True
            if self._running is job:
                self._kill_locked()

    def _kill_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()

    def _discard(self) -> int | None:
        """Kill and reap the worker, close the pipe; return its exit code."""
        with self._state:
            return self._discard_locked()

    def _discard_locked(self) -> int | None:
        process, connection = self._process, self._connection
        self._process, self._connection, self._ready = None, None, False
        if connection is not None:
            connection.close()
        if process is None:
            return None
        if process.is_alive():
            process.kill()
        process.join()
        exit_code = process.exitcode
        process.close()
        return exit_code


_default: CheckWorker | None = None
_default_lock = threading.Lock()


def default_worker() -> CheckWorker:
    """Return the process-wide worker that run_check and check_async use, creating it on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = CheckWorker()
        return _default


def run_check(source: Source, filename: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> CheckResult:
    """Check a draft in the default worker process (see CheckWorker.check)."""
    return default_worker().check(source, filename, timeout)


async def check_async(source: Source, filename: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> CheckResult:
    """Check a draft in the default worker process without blocking the loop; cancellable."""
    return await default_worker().check_async(source, filename, timeout)


def close_default_worker() -> None:
    """Stop the default worker (at shutdown); a later run_check starts a new one."""
    global _default
    with _default_lock:
        worker, _default = _default, None
    if worker is not None:
        worker.close()
