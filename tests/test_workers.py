"""Worker processes (`dashboard.workers`): a crash, a hang or a memory blow-up in one request costs
that request, said in words; the pool replaces the worker and the next request is served."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from dashboard.workers import Pool, PoolSpec, WorkerFailed
from tests.support import hostile_work


@pytest.fixture
def pool():
    made = Pool(PoolSpec("test", workers=1, seconds=5, memory_mb=400))
    yield made
    made.stop()


def test_an_answer_comes_back_and_the_worker_is_reused(pool: Pool) -> None:
    first = pool.run(hostile_work.pid)
    assert pool.run(hostile_work.pid) == first
    assert first != os.getpid()


def test_a_crash_is_said_in_words_and_the_next_request_is_served(pool: Pool) -> None:
    with pytest.raises(WorkerFailed) as failed:
        pool.run(hostile_work.abort, what="The matrix picture (PNG)")
    assert "SIGABRT" in failed.value.reason and "Nothing else was affected" in failed.value.reason
    assert str(failed.value).startswith("The matrix picture (PNG): ")
    assert pool.run(hostile_work.sleep, 0) == "slept"


@pytest.mark.slow
def test_a_hang_is_stopped_at_the_time_limit(pool: Pool) -> None:
    started = time.monotonic()
    with pytest.raises(WorkerFailed) as failed:
        pool.run(hostile_work.sleep, 60)
    assert time.monotonic() - started < 20
    assert "took longer than 5 s and was stopped" in failed.value.reason
    assert pool.run(hostile_work.sleep, 0) == "slept"


def test_a_memory_blow_up_is_stopped_at_the_memory_limit() -> None:
    # A time limit of its own, far above what the blow-up takes, so that on a loaded machine the
    # memory limit, not the clock, is what stops it (at load 10-14 the 5 s limit struck first).
    pool = Pool(PoolSpec("test", workers=1, seconds=60, memory_mb=400))
    try:
        with pytest.raises(WorkerFailed) as failed:
            pool.run(hostile_work.hog_memory, 4000)  # 4 GB against a 400 MB limit
        assert "400 MB" in failed.value.reason
        assert pool.run(hostile_work.hog_memory, 10) == 10
    finally:
        pool.stop()


def test_the_work_own_exceptions_come_back_as_raised(pool: Pool) -> None:
    with pytest.raises(ValueError, match="a message of the work's own"):
        pool.run(hostile_work.fail, "a message of the work's own")
    assert pool.run(hostile_work.sleep, 0) == "slept"


def test_a_worker_killed_mid_request_fails_that_request_only(pool: Pool) -> None:
    worker = pool.run(hostile_work.pid)
    threading.Timer(0.5, os.kill, (worker, signal.SIGKILL)).start()
    with pytest.raises(WorkerFailed) as failed:
        pool.run(hostile_work.sleep, 3)
    assert "SIGKILL" in failed.value.reason
    assert pool.run(hostile_work.pid) != worker


def test_requests_wait_for_a_busy_worker_rather_than_start_more(pool: Pool) -> None:
    answers: list[str] = []
    threads = [
        threading.Thread(target=lambda: answers.append(pool.run(hostile_work.sleep, 0.3))) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["slept"] * 3
