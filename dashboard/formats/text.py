"""Text files: bytes to a str, refusing what is not UTF-8 text with a problem that says how to fix it."""

from __future__ import annotations

import os
from pathlib import Path

from dashboard.formats import limits
from dashboard.formats.raw import RawBriefing
from dashboard.problems import display_path

SPLIT = ": split the table into smaller files, or save a large table as Parquet"


def _decoded(data: bytes, name: str, raw: RawBriefing) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw.error(name, None, "file is UTF-16 text: save it as UTF-8")
        return None
    if b"\x00" in data[:2] and len(data) > 1:
        # UTF-16 with no byte order mark: an ASCII first character comes with a zero byte.
        raw.error(name, None, "file is UTF-16 text (without a byte order mark): save it as UTF-8")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raw.error(
            name,
            line,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 (the file looks like Latin-1 or "
            "Windows-1252): save it as UTF-8",
        )
        return None


def too_large(
    size: int, limit: int, name: str, raw: RawBriefing, advice: str, what: str = "the file"
) -> bool:
    """A problem if a file's `size` (or what it unpacks to, named by `what`) is past `limit`."""
    if size <= limit:
        return False
    raw.error(
        name,
        None,
        f"{what} is {limits.size(size)} ({size:,} bytes), more than the "
        f"{limits.size(limit)} a briefing file may have{advice}",
    )
    return True


def read_bytes(path: Path, raw: RawBriefing, limit: int, advice: str = "") -> bytes | None:
    """The file's bytes, or None with a problem: unreadable, vanished, or larger than `limit`.
    No more than `limit` bytes and one are read, whatever the file claims its size is."""
    name = display_path(path)
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            data = b"" if size > limit else file.read(limit + 1)
    except OSError as exc:
        raw.error(name, None, f"cannot read file: {exc.strerror or exc}")
        return None
    return None if too_large(max(size, len(data)), limit, name, raw, advice) else data


def read_text(
    path: Path, raw: RawBriefing, limit: int = limits.MAX_FILE_BYTES, advice: str = SPLIT
) -> str | None:
    """The file's text, or None with a problem saying why it is not readable text."""
    name = display_path(path)
    data = read_bytes(path, raw, limit, advice)
    if data is None:
        return None
    text = _decoded(data, name, raw)
    if text is not None and "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raw.error(name, line, "file contains a NUL character: it is not a text file")
        return None
    return text
