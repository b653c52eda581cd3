"""Native renderers and parsers in worker processes: a crash, a hang or a memory blow-up costs one
request, never the server.

vl-convert (Rust and V8), WeasyPrint (Pango), lxml, pypdf and spaCy run on record text and uploaded
files. A panic in one of them aborts the whole process it runs in, and a bomb of a file can take
every gigabyte the machine has; in the Streamlit server that would end every reader's session. So the
page hands such work to a small pool of worker processes (`python -m dashboard.workers`), each with
a time limit and a memory limit. A worker that breaches either is killed and replaced; the caller
gets a `WorkerFailed` that says in words what happened. Healthy workers are reused, so warm renders
stay fast (a worker loads vl-convert, WeasyPrint or the language model once).

Why not `multiprocessing` (or pebble and loky, built on it): Streamlit installs the running script
as `__main__`, and multiprocessing's spawn and forkserver children re-run `__main__` by its path,
which here would run the whole page in every worker; `fork` from a threaded server can deadlock the
child. A plain subprocess speaking pickles over its own pipes has neither problem.

Requests and answers are pickles over the worker's stdin and stdout: the worker is our own program,
started by us, fed only what this process pickled; nothing from a file or a browser is unpickled.
"""

from __future__ import annotations

import atexit
import importlib
import os
import pickle
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, TypeVar, cast

_HEADER = struct.Struct("!Q")  # the length of the pickle that follows
T = TypeVar("T")


@dataclass(frozen=True)
class PoolSpec:
    """One kind of work: how many workers, and what each may take."""

    name: str
    workers: int  # at most this many processes at once; more requests wait for one
    seconds: float  # one request's time limit, from when a worker takes it
    memory_mb: int  # the worker's data segment limit (RLIMIT_DATA): heap and anonymous mappings
    preload: tuple[str, ...] = ()  # modules a new worker imports before its first request
    max_tasks: int = 100  # a worker is replaced after this many requests (memory drifts up)


# Measured (benchmarks/input_bounds.py): a note of the UN briefing's capped view needs ~400 MB of
# resident memory in the worker, the language model ~460 MB; V8 and spaCy reserve more data segment
# than they touch, so the limits leave room above what they use.
POOLS: dict[str, PoolSpec] = {
    "documents": PoolSpec(
        "documents",
        workers=1,
        seconds=60,
        memory_mb=2048,
        preload=("dashboard.note.document", "dashboard.note.pdf", "dashboard.note.word", "vl_convert"),
    ),
    "drafting": PoolSpec(
        "drafting", workers=1, seconds=120, memory_mb=3072, preload=("dashboard.extract.isolated",)
    ),
}


class WorkerFailed(RuntimeError):
    """The worker could not finish: it ran out of time or memory, or crashed. `reason` says which,
    in words a reader can act on."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(f"{what}: {reason}")
        self.what, self.reason = what, reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (WorkerFailed, (self.what, self.reason))


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(code).name
    except ValueError:
        return f"signal {code}"


# ------------------------------------------------------------------------------------ the parent


class _Worker:
    """One worker process and its pipes."""

    def __init__(self, spec: PoolSpec) -> None:
        self.spec = spec
        self.tasks = 0
        command = [sys.executable, "-m", "dashboard.workers", str(spec.memory_mb), *spec.preload]
        # stderr is the server's: a worker's traceback or a library's panic reaches the log.
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True, start_new_session=True
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()

    def call(self, request: bytes, deadline: float, what: str) -> tuple[str, Any]:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(_HEADER.pack(len(request)) + request)
            stdin.flush()
            header = _read(stdout, _HEADER.size, deadline)
            answer: tuple[str, Any] = pickle.loads(_read(stdout, _HEADER.unpack(header)[0], deadline))
        except TimeoutError:
            self.kill()
            raise WorkerFailed(
                what,
                f"took longer than {self.spec.seconds:.0f} s and was stopped. "
                "Narrow the view (fewer actors or issues), or split the file, "
                "and try again",
            ) from None
        except (EOFError, BrokenPipeError, OSError, pickle.UnpicklingError):
            self.kill()
            raise WorkerFailed(what, self._death()) from None
        self.tasks += 1
        return answer

    def _death(self) -> str:
        code = self.process.returncode
        how = _signal_name(-code) if code is not None and code < 0 else f"exit code {code}"
        return (
            f"the program that makes it stopped ({how}): the input is one it cannot handle, or "
            f"it needed more than the {self.spec.memory_mb:,} MB it may use. Nothing else was "
            "affected; narrow the view or check the record's text, and try again"
        )


def _read(stream: IO[bytes], size: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    left = size
    fd = stream.fileno()
    while left:
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            raise TimeoutError
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class Pool:
    """Up to `spec.workers` reusable workers; a request waits for a free one."""

    def __init__(self, spec: PoolSpec) -> None:
        self.spec = spec
        self._idle: list[_Worker] = []
        self._running = 0
        self._ready = threading.Condition()

    def _take(self, deadline: float, what: str) -> _Worker:
        with self._ready:
            while True:
                while self._idle:
                    worker = self._idle.pop()
                    if worker.alive():
                        self._running += 1
                        return worker
                    worker.kill()
                if self._running < self.spec.workers:
                    self._running += 1
                    break
                if not self._ready.wait(max(0.0, deadline - time.monotonic())):
                    raise WorkerFailed(what, "the server is busy making other files; try again in a minute")
        try:
            return _Worker(self.spec)
        except OSError as error:
            with self._ready:
                self._running -= 1
                self._ready.notify()
            raise WorkerFailed(what, f"no worker process could be started ({error.strerror})") from None

    def _give_back(self, worker: _Worker) -> None:
        with self._ready:
            self._running -= 1
            if worker.alive() and worker.tasks < self.spec.max_tasks:
                self._idle.append(worker)
            else:
                worker.kill()
            self._ready.notify()

    def run(self, function: Callable[..., T], *args: Any, what: str = "the file") -> T:
        """`function(*args)` in a worker. Its own exceptions come back as they were raised there;
        a breach of the time or memory limit, or a crash, is a `WorkerFailed`."""
        request = pickle.dumps((function, args), protocol=pickle.HIGHEST_PROTOCOL)
        # A request waits for a worker at most as long as one request may take.
        worker = self._take(time.monotonic() + self.spec.seconds, what)
        try:
            status, value = worker.call(request, time.monotonic() + self.spec.seconds, what)
            if isinstance(value, MemoryError):
                worker.kill()  # its heap may be in any state: never reuse it
        finally:
            self._give_back(worker)
        if status == "ok":
            return cast("T", value)
        if isinstance(value, MemoryError):
            raise WorkerFailed(
                what,
                f"it needed more than the {self.spec.memory_mb:,} MB of memory "
                "a file may take. Narrow the view, or split the file, and try again",
            )
        raise value

    def stop(self) -> None:
        with self._ready:
            for worker in self._idle:
                worker.kill()
            self._idle.clear()


_pools: dict[str, Pool] = {}
_pools_lock = threading.Lock()


def pool(name: str) -> Pool:
    with _pools_lock:
        if name not in _pools:
            _pools[name] = Pool(POOLS[name])
        return _pools[name]


def run(pool_name: str, function: Callable[..., T], *args: Any, what: str = "the file") -> T:
    """`function(*args)` in a worker of the named pool (a key of POOLS)."""
    return pool(pool_name).run(function, *args, what=what)


@atexit.register
def _stop_all() -> None:
    for each in list(_pools.values()):
        each.stop()


# ------------------------------------------------------------------------------------ the worker


def _pickled(answer: tuple[str, Any]) -> bytes:
    """The answer as the parent will read it; an exception that would not unpickle there (a custom
    constructor) goes back as a RuntimeError with its message."""
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)
        return data
    except Exception as error:
        value = answer[1]
        message = str(value) if answer[0] == "raised" else f"the answer could not be sent back ({error})"
        return pickle.dumps(("raised", RuntimeError(message)), protocol=pickle.HIGHEST_PROTOCOL)


def _serve(memory_mb: int, preload: list[str]) -> None:
    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in the server's terminal is the server's
    for module in preload:
        importlib.import_module(module)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a library's print must not corrupt the answers
    while True:
        header = source.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return  # the server closed the pipe (or died): nothing more to do
        request = source.read(_HEADER.unpack(header)[0])
        try:
            function, args = pickle.loads(request)
            answer: tuple[str, Any] = ("ok", function(*args))
        except MemoryError as error:
            answer = ("raised", error)
        except Exception as error:  # every failure goes back to the caller, in its own type
            answer = ("raised", error)
        data = _pickled(answer)
        sink.write(_HEADER.pack(len(data)) + data)
        sink.flush()
        if answer[0] == "raised" and isinstance(answer[1], MemoryError):
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]), sys.argv[2:])
