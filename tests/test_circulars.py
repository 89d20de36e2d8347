"""The registry as conversations use it: one contract for the real registry and the test fake; the breaker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.circulars import CircularSource, CircularsUnavailable, RegistryAccess
from bot.registry import Registry
from bot.store import StoreError
from tests.fakes import FakeRegistry
from tests.registry_fixtures import make_knowledge


@pytest.fixture(params=["registry", "fake"])
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CircularSource]:
    """Yield the real registry (SQLite, shipped letters) behind RegistryAccess, then the fake."""
    if request.param == "fake":
        yield FakeRegistry()
        return
    kb = make_knowledge(tmp_path)
    access = RegistryAccess(lambda: Registry.open(f"sqlite:///{tmp_path / 'r.db'}", kb))
    yield access
    access.close()


def test_contract_found_with_its_references(source: CircularSource) -> None:
    result = source.lookup("ว ๐๓๑๓")
    assert result.found and result.status == "found" and result.number == "ขร 0023.20/ว 0313"
    assert result.document is not None and result.document.date == "2026-02-23"
    assert [(link.relation, link.document.number) for link in result.references] == [
        ("refers-to", "ขร 0023.20/ว 016"), ("encloses", "ขร 0023.3/ว 4634")]
    stub = source.lookup("ว 4634")
    assert stub.found and stub.document is not None and stub.document.is_stub
    assert [link.document.number for link in stub.referenced_by] == ["ขร 0023.20/ว 0313"]


def test_contract_not_found_and_not_a_number(source: CircularSource) -> None:
    missing = source.lookup("ขร 0023.20/ว 9999")
    assert not missing.found and missing.number is None and missing.status == "not-found"
    assert source.lookup("สวัสดี").status == "not-a-number"


def test_contract_numbers_in_free_text(source: CircularSource) -> None:
    hits = source.find_in_text("หนังสือ ว 0313 กับ ขร 0023.20/ว 9999 ต่างกันไหม")
    assert [(hit.found, hit.number) for hit in hits] == [(True, "ขร 0023.20/ว 0313"), (False, None)]
    assert source.find_in_text("อบต. ทำ MOU ได้ไหม") == []


def test_breaker_skips_a_failing_registry_then_retries(tmp_path: Path) -> None:
    now = [0.0]
    opens: list[int] = []

    def open_registry() -> Registry:
        opens.append(1)
        raise StoreError("cannot open database: connection refused")

    access = RegistryAccess(open_registry, retry_seconds=30, clock=lambda: now[0])
    assert access.find_in_text("ไม่มีเลข") == [] and not opens  # no number: no database at all
    with pytest.raises(CircularsUnavailable):
        access.lookup("ว 0313")
    assert access.status == "unavailable" and access.last_error and "refused" in access.last_error
    with pytest.raises(CircularsUnavailable):
        access.lookup("ว 0313")
    assert len(opens) == 1  # skipped while the breaker is open
    now[0] = 31.0
    with pytest.raises(CircularsUnavailable):
        access.lookup("ว 0313")
    assert len(opens) == 2  # tried again after the pause: a first open that failed is retried


def test_a_slow_first_open_holds_no_question_and_finishes_in_the_background(tmp_path: Path) -> None:
    import threading
    import time

    kb = make_knowledge(tmp_path)
    release = threading.Event()

    def slow_open() -> Registry:
        release.wait(10)  # a new database being migrated on a slow server
        return Registry.open(f"sqlite:///{tmp_path / 'slow.db'}", kb)

    access = RegistryAccess(slow_open)
    access.start_opening()
    assert access.status == "opening"
    started = time.monotonic()
    with pytest.raises(CircularsUnavailable):
        access.find_in_text("ว 0313 ลงวันที่เท่าไร")
    assert time.monotonic() - started < 3.0
    assert access.status == "opening"  # no breaker: it is slow, not broken
    release.set()
    deadline = time.monotonic() + 10
    while access.status != "ok" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert access.lookup("ขร 0023.20/ว 0313").found
    access.close()
