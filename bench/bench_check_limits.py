"""Measure the checker's limits: the normal 20-page draft (p50/p99) and each hostile input's time and peak RSS.

With `--base COMMIT` the same measurements run, in the same run, on the code of that commit (exported with
`git archive` to a temporary folder), so before and after figures come from one machine state. Every
measurement runs in a fresh child process; its peak RSS comes from the kernel (wait4), and a child that runs
past `--cap` seconds is killed and shown as "> cap". Rows marked "worker" go through `run_check` (the killable
worker process, new code only) with the given `--timeout`.

Run from the repository root:
`python bench/bench_check_limits.py [--base a05a157] [--runs 50] [--cap 60] [--only draft]`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import twenty_page_draft  # noqa: E402

from tests import checker_hostile as hostile  # noqa: E402

# What a child runs: import the checker from `root`, warm it up, report the baseline RSS, then check.
_CHILD = r"""
import json, resource, statistics, sys, time
root, mode, path, name, runs, timeout = sys.argv[1:7]
sys.path.insert(0, root)
from bot.checker import DocumentRefused, check_file, check_text, warm_up
warm_up()
print(json.dumps({"baseline_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)
data = open(path, "rb").read()
text = data.decode("utf-8", "surrogatepass") if name.endswith(".txt") else ""

worker = None
if mode == "worker":
    from bot.checker.worker import CheckWorker
    worker = CheckWorker()
    worker.start()

def once():
    if mode == "text":
        return check_text(text)
    if mode == "worker":
        return worker.check(text if name.endswith(".txt") else data, name, timeout=float(timeout))
    return check_file(data, name)

samples = []
for _ in range(int(runs)):
    started = time.perf_counter()
    try:
        result = once()
        outcome = f"{result.result}, {len(result.findings)} findings"
        try:
            json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            outcome += " (UnicodeEncodeError when sent)"
    except DocumentRefused as error:
        outcome = f"refused: {error.code}"
    except BaseException as error:
        outcome = f"raised {type(error).__name__}: {str(error)[:60]}"
    samples.append(time.perf_counter() - started)
if worker is not None:
    worker.close()
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"samples": samples, "outcome": outcome, "children_kb": children}), flush=True)
"""


# Seconds a child may spend importing and warming up before its check's cap starts to count.
_START_UP = 15.0


@dataclass
class Case:
    """One input to measure: how the child should check it, its bytes and its file name."""

    label: str
    mode: str  # "file" (check_file), "text" (check_text) or "worker" (run through CheckWorker)
    data: bytes
    name: str
    runs: int = 1


def cases(runs: int, with_worker: bool) -> list[Case]:
    """Return the normal draft and the hostile inputs the attacker measured."""
    draft = twenty_page_draft().encode("utf-8")
    bomb = hostile.zip_bomb_docx()
    found = [
        Case("20-page draft, check_text", "text", draft, "draft.txt", runs),
        Case("zip bomb .docx (631 KB -> 200 MB document.xml)", "file", bomb, "bomb.docx"),
        Case("lying-header zip bomb .docx", "file", hostile.lying_zip_docx(), "lying.docx"),
        Case("one-clause 990 KB text", "text", hostile.one_clause_text().encode(), "clause.txt"),
        Case("300-page PDF sharing one 3 MB stream", "file", hostile.shared_stream_pdf(), "shared.pdf"),
        Case("malformed-XML .docx", "file", hostile.malformed_xml_docx(), "broken.docx"),
        Case("lone surrogates, check_text", "text", "ข้อ 1 sister city \ud800\udfff".encode("utf-8", "surrogatepass"),
             "s.txt"),
        Case("invalid UTF-8 .txt", "file", b"\xff\xfe\xfd sister city \xc3\x28 \xed\xa0\x80", "bad.bin"),
    ]
    if with_worker:
        found += [
            Case("worker: 20-page draft (warm worker)", "worker", draft, "draft.txt", min(runs, 20)),
            Case("worker: zip bomb .docx", "worker", bomb, "bomb.docx"),
            Case("worker: one-clause 990 KB text", "worker", hostile.one_clause_text().encode(), "clause.txt"),
            Case("worker: 300-page shared-stream PDF", "worker", hostile.shared_stream_pdf(), "shared.pdf"),
        ]
    return found


def measure(root: Path, case: Case, folder: Path, cap: float, timeout: float) -> str:
    """Run one case in a child process; return a formatted row."""
    path = folder / case.name
    path.write_bytes(case.data)
    command = [sys.executable, "-c", _CHILD, str(root), case.mode, str(path), case.name, str(case.runs), str(timeout)]
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    killed = False
    try:
        # wait4, not poll(): it hands back the child's own peak RSS along with its exit status.
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > cap + _START_UP:
                child.kill()
                killed = True
                _, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
    except BaseException:
        # Interrupted (Ctrl-C): a child left running would go on checking for hours.
        child.kill()
        raise
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = [json.loads(line) for line in (child.stdout.read() if child.stdout else "").splitlines() if line]
    child.returncode = status
    report: dict[str, object] = {}
    for line in lines:
        report.update(line)
    peak_mb = usage.ru_maxrss / 1024
    baseline_mb = int(report.get("baseline_kb", 0)) / 1024  # type: ignore[call-overload]
    if case.mode == "worker":
        peak_mb = int(report.get("children_kb", 0)) / 1024  # type: ignore[call-overload]
    samples = report.get("samples")
    if killed:
        return f"{case.label:<48} > {cap:.0f} s (killed)             peak RSS {peak_mb:7.0f} MB"
    if not isinstance(samples, list):
        return f"{case.label:<48} child died (exit {child.returncode})    peak RSS {peak_mb:7.0f} MB"
    ordered = sorted(float(sample) for sample in samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    timing = (
        f"p50 {ordered[len(ordered) // 2] * 1000:8.1f} ms  p99 {p99 * 1000:8.1f} ms"
        if len(ordered) > 1
        else f"{ordered[0]:8.2f} s"
    )
    growth = "" if case.mode == "worker" else f" (+{max(0.0, peak_mb - baseline_mb):.0f} over warm-up)"
    return f"{case.label:<48} {timing:<30} peak RSS {peak_mb:7.0f} MB{growth}   {report.get('outcome')}"


def export(commit: str, folder: Path) -> Path:
    """Export `commit`'s tree (git archive) into `folder`; return its root."""
    target = folder / f"base-{commit}"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main() -> None:
    """Print the figures for this tree, and for --base if given."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="also measure the code of this commit (e.g. a05a157)")
    parser.add_argument("--runs", type=int, default=50, help="checks of the 20-page draft per tree")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a child is killed")
    parser.add_argument("--timeout", type=float, default=10.0, help="the worker rows' check timeout")
    parser.add_argument("--only", default="", help="measure only the rows whose label contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        trees = [("this tree", ROOT)]
        if args.base:
            trees.insert(0, (f"base {args.base}", export(args.base, folder)))
        for title, root in trees:
            print(f"== {title} ({root})", flush=True)
            with_worker = (root / "bot" / "checker" / "worker.py").exists()
            for case in cases(args.runs, with_worker):
                if args.only not in case.label:
                    continue
                print(measure(root, case, folder, args.cap, args.timeout), flush=True)


if __name__ == "__main__":
    main()
