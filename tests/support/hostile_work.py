"""Work a worker process must survive failing at (`dashboard.workers`): each function is importable
by the worker, which runs `python -m dashboard.workers` from the project's folder."""

from __future__ import annotations

import os
import time


def abort() -> None:
    """What a Rust panic that cannot unwind does (vl-convert on a character XML forbids)."""
    os.abort()


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def hog_memory(megabytes: int) -> int:
    """Allocates `megabytes`, a megabyte at a time, touching each."""
    held = [bytearray(2**20) for _ in range(megabytes)]
    return len(held)


def pid() -> int:
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)
