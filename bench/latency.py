"""What the channel benchmarks share: the questions they send, percentiles, and one report line each."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Latencies reported so far, by name: a later line compares two of them (the channel's overhead).
RESULTS: dict[str, list[float]] = {}


def eval_questions() -> list[str]:
    """Return the public sample's questions, in order (what the channel benchmarks send)."""
    data = yaml.safe_load((ROOT / "tests" / "data" / "eval_questions.yaml").read_text(encoding="utf-8"))
    return [item["q"] for item in data["items"]]


def pct(values: list[float], percent: float) -> float:
    """Return the nearest-rank `percent` percentile of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def report(name: str, latencies_ms: list[float], seconds: float | None = None) -> None:
    """Print one line: n, p50, p99 (and messages a second when `seconds` is given); keep it in RESULTS."""
    RESULTS[name] = latencies_ms
    p50, p99 = pct(latencies_ms, 50), pct(latencies_ms, 99)
    line = f"{name:<46} n={len(latencies_ms):<5} p50={p50:7.2f} ms  p99={p99:7.2f} ms"
    if seconds:
        line += f"  {len(latencies_ms) / seconds:7.1f} msg/s"
    print(line, flush=True)
