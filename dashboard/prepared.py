"""A validated briefing kept on disk, so a server that has just started opens a large briefing in a
fraction of the time reading and validating its files takes (the UN votes: 2.4 to 7 s, 0.2 s kept).

One file per briefing folder in the prepared folder (`DASHBOARD_PREPARED`, else
`$XDG_CACHE_HOME/positions-dashboard/prepared`; `DASHBOARD_PREPARED=off` keeps nothing). Its first
line says what it was made from: the briefing's path, the names, modification times and sizes of its
files (`catalog.fingerprint`, the key the page's own cache uses) and a digest of the code that made it
(the source of every module loading a briefing runs, and the versions of Python, pandas, NumPy,
pyarrow and pydantic). The
briefing and its problems follow, pickled. A kept briefing is used only when all three match, so an
edit to any file of the briefing or to the code reads and validates the files again; the problems a
reader sees are the ones validation found, kept beside the briefing.

Only a briefing whose load took `KEEP_AFTER_SECONDS` or more is kept (a small one is read about as
fast as it is unpickled), and a copy whose briefing folder is gone is deleted when another is
written. The folder is the user's own (0700) and a file is unpickled only when it is owned by this
user and writable by no one else: pickle runs code, so only files this user's processes wrote are
read.

A briefing is read, validated and kept by one process at a time: a process about to do it holds
the briefing's lock (a file beside its copy, flock'd and removed when done), and another that finds
the lock held waits for it and reads the copy that process kept. `prepare` keeps every briefing of a
data folder; `prepare_in_background` does it in a process of its own, so a server can start it as
it starts and its first reader waits only for what is left of it, not for a whole load.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any

from dashboard.briefing import Briefing
from dashboard.catalog import briefings, fingerprint
from dashboard.load import load_briefing
from dashboard.problems import Problem

FORMAT = 1  # the layout of a prepared file; raise it when the header or payload changes
KEEP_AFTER_SECONDS = 0.5
# How long a load waits for another process reading the same briefing before it reads it itself: a
# briefing at every input bound takes about half a minute (docs/robustness.md).
WAIT_SECONDS = 90.0
PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("pandas", "numpy", "pyarrow", "pydantic")
ROOTS = ("dashboard.load", "dashboard.prepared")  # loading a briefing, and keeping it

Loaded = tuple[Briefing, list[Problem]]


def folder() -> Path | None:
    """Where prepared briefings are kept; None when keeping is off."""
    chosen = os.environ.get("DASHBOARD_PREPARED", "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "positions-dashboard" / "prepared"


@cache
def code_digest() -> str:
    """The code a prepared briefing was made by: the modules loading a briefing runs (`ROOTS` and
    every module of this package they import, read from their source), and the libraries whose
    objects the pickle holds. An edit elsewhere (a view, the drafting) keeps the prepared copies."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT} {sys.version}".encode())
    for library in LIBRARIES:
        digest.update(f" {library} {importlib.import_module(library).__version__}".encode())
    for module in sorted(loading_modules()):
        digest.update(b"\0" + module.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()


def loading_modules() -> set[Path]:
    """The source files of `ROOTS` and of every module of this package they import, at the top or
    inside a function (read from the source, so what this process happens to have imported does
    not matter), and of the packages holding them."""
    found: set[Path] = set()
    waiting = [_source(name) for name in ROOTS]
    while waiting:
        source = waiting.pop()
        if source is None or source in found:
            continue
        found.add(source)
        name = _module_name(source)
        for imported in _imports(source, name):
            waiting.append(_source(imported))
        for depth in range(1, name.count(".") + 1):  # a module's packages run first
            waiting.append(_source(name.rsplit(".", depth)[0]))
    return found


def _module_name(source: Path) -> str:
    parts = source.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _source(name: str) -> Path | None:
    """The file of a module of this package (None: not one of ours, or a name inside a module)."""
    if name != PACKAGE.name and not name.startswith(PACKAGE.name + "."):
        return None
    path = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


# `import a.b, c` and `from a import b, c` (or a parenthesised list over several lines), at any
# indentation: what `ast` would find, at a tenth of the time (a cold start reads these files).
_IMPORT = re.compile(
    r"^[ \t]*(?:import[ \t]+([\w., \t]+)|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+))",
    re.MULTILINE,
)


def _imports(source: Path, name: str) -> list[str]:
    """Every module `source` may import: `import a.b`, and for `from a import b` both `a` and
    `a.b` (b may be a module or a name in `a`; `_source` keeps the modules)."""
    package = name if source.name == "__init__.py" else name.rpartition(".")[0]
    names: list[str] = []
    for plain, origin, imported in _IMPORT.findall(source.read_text(encoding="utf-8")):
        if plain:
            names.extend(part.split(" as ")[0].strip() for part in plain.split(","))
            continue
        level = len(origin) - len(origin.lstrip("."))
        base = origin[level:]
        if level:
            parent = package.rsplit(".", level - 1)[0] if level > 1 else package
            base = f"{parent}.{base}" if base else parent
        names.append(base)
        for part in re.sub(r"#[^\n]*", "", imported).strip("()").split(","):
            if part.strip():
                names.append(f"{base}.{part.split(' as ')[0].strip()}")
    return names


def _header(path: Path, stamps: tuple[tuple[str, int, int], ...]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "path": os.fspath(path),
        "files": [list(stamp) for stamp in stamps],
        "code": code_digest(),
    }


def _kept_file(where: Path, path: Path) -> Path:
    name = hashlib.sha256(os.fsencode(path)).hexdigest()[:32]
    return where / f"{name}.briefing"


def _trusted(handle: IO[bytes]) -> bool:
    """Written by this user and by no one else: the only pickles worth running."""
    info = os.fstat(handle.fileno())
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _made_from(handle: IO[bytes], header: dict[str, Any]) -> bool:
    """Whether the copy open in `handle` is this user's, of these files and this code."""
    return _trusted(handle) and bool(json.loads(handle.readline()) == header)


def _read(kept: Path, header: dict[str, Any]) -> Loaded | None:
    try:
        with open(kept, "rb") as handle:
            if not _made_from(handle, header):
                return None
            loaded = pickle.load(handle)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None  # missing, partly written by a crashed process, or of older code: read the files
    briefing, problems = loaded
    if not isinstance(briefing, Briefing) or not isinstance(problems, list):
        return None
    return briefing, problems


def _write(where: Path, kept: Path, header: dict[str, Any], loaded: Loaded) -> None:
    """Written beside its final name, then moved over it: a reader never sees half a file."""
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, part = tempfile.mkstemp(dir=where, prefix=".", suffix=".part")  # mode 0600
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(json.dumps(header).encode() + b"\n")
                pickle.dump(loaded, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(part, kept)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
        _prune(where)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a full disk or a read-only cache costs the next start a load, nothing more


def _prune(where: Path) -> None:
    """Copies of briefings whose folder is gone (a moved folder, a test's temporary one) deleted."""
    for copy in where.glob("*.briefing"):
        try:
            with open(copy, "rb") as handle:
                made_from = json.loads(handle.readline()).get("path")
            if isinstance(made_from, str) and not os.path.exists(made_from):
                copy.unlink()
        except (OSError, ValueError, AttributeError):
            continue  # being replaced by another process, or not ours to judge


def _lock_file(kept: Path) -> Path:
    return kept.with_name(f".{kept.stem}.lock")


def _try_lock(lock: Path) -> int | None:
    """The lock's descriptor, held; None if another process holds it. A lock file its last holder
    removed between this process opening and locking it is opened again."""
    while True:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return None
        try:
            if os.stat(lock).st_ino == os.fstat(descriptor).st_ino:
                return descriptor
        except FileNotFoundError:
            pass
        os.close(descriptor)


@contextmanager
def _reading(where: Path, kept: Path, wait: float) -> Iterator[None]:
    """Held while this process reads, validates and keeps a briefing: another process doing the
    same is waited for (up to `wait` seconds). Only where the prepared folder exists (`prepare`
    makes it): a process that would keep nothing leaves no trace."""
    if not where.is_dir():
        yield
        return
    lock = _lock_file(kept)
    deadline = time.monotonic() + wait
    try:
        descriptor = _try_lock(lock)
        while descriptor is None and time.monotonic() < deadline:
            time.sleep(0.05)
            descriptor = _try_lock(lock)
    except OSError:  # a read-only folder: nothing to coordinate with
        descriptor = None
    try:
        yield
    finally:
        if descriptor is not None:
            lock.unlink(missing_ok=True)  # before the lock is let go: the next holder makes its own
            os.close(descriptor)


def load_prepared(path: Path, *, wait: float = WAIT_SECONDS) -> Loaded:
    """The briefing at `path` and its problems, as `load_briefing` gives them: from the prepared
    folder when its files and the code are those it was made from, else read, validated and (when
    that took long enough) kept for the next process. While another process reads the same
    briefing (a server's `prepare_in_background`), this one waits for it and reads its copy."""
    where = folder()
    if where is None:
        return load_briefing(path)
    stamps = fingerprint(path)
    resolved = path.resolve()
    header = _header(resolved, stamps)
    kept = _kept_file(where, resolved)
    found = _read(kept, header)
    if found is not None:
        return found
    with _reading(where, kept, wait):
        found = _read(kept, header)  # kept by the process this one waited for
        if found is not None:
            return found
        start = time.perf_counter()
        loaded = load_briefing(path)
        took = time.perf_counter() - start
        # A file saved while it was read: what was read may be neither version, so it is not kept.
        if took >= KEEP_AFTER_SECONDS and stamps and fingerprint(path) == stamps:
            _write(where, kept, header, loaded)
    return loaded


def prepare(data: Path) -> list[Path]:
    """Every briefing folder of `data` read, validated and kept when that is slow (or found kept
    already), the largest first: the one a reader would wait longest for. The folders, in order."""
    where = folder()
    if where is None:
        return []
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return []
    found = briefings(data).values()
    done = sorted(found, key=lambda path: -sum(size for _, _, size in fingerprint(path)))
    for path in done:
        resolved = path.resolve()
        try:  # a copy that is current is not unpickled only to be dropped
            with open(_kept_file(where, resolved), "rb") as handle:
                if _made_from(handle, _header(resolved, fingerprint(path))):
                    continue
        except (OSError, ValueError):
            pass
        load_prepared(path)
    return done


def prepare_in_background(data: Path) -> subprocess.Popen[bytes] | None:
    """`prepare(data)` in a process of its own, started and not waited for (None when keeping is
    off). A server that starts it first answers at once, and a reader who opens a slow briefing
    while it runs waits only for the rest of its load. Not at a lower priority: a reader waiting
    on its lock would wait at that priority too, as long as the machine is busy."""
    if folder() is None:
        return None
    code = (
        "import os, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"  # this package, whatever the working folder holds
        "from pathlib import Path\n"
        "from dashboard.prepared import prepare\n"
        "prepare(Path(sys.argv[2]))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, os.fspath(PACKAGE.parent), os.fspath(data)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    # Waited for by a thread of its own, so a finished process does not stay a zombie until the
    # server exits.
    threading.Thread(target=process.wait, name="prepared-briefings", daemon=True).start()
    return process
