"""A briefing on disk, read and written: a folder (briefing.yaml plus a file per table, or one
workbook), or one file.

How a file is read or written is looked up in `FORMATS` by its suffix; nothing else names a format.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.briefing import Briefing
from dashboard.formats import csv, json, parquet, xlsx, yaml
from dashboard.formats.plain import written_tables
from dashboard.formats.raw import Format, RawBriefing, empty_table
from dashboard.problems import display_path, suggest
from dashboard.records import META_FIELDS, SECTIONS, TABLES, TableSpec

# In this order a folder's files are looked for: a table given twice is read from the first.
FORMATS: dict[str, Format] = {
    ".yaml": yaml.FORMAT,
    ".yml": yaml.FORMAT,
    ".json": json.FORMAT,
    ".csv": csv.FORMAT,
    ".parquet": parquet.FORMAT,
    ".xlsx": xlsx.FORMAT,
}
TABLE_SUFFIXES = tuple(s for s, f in FORMATS.items() if f.read_table)
META_NAMES = tuple("briefing" + s for s, f in FORMATS.items() if f.read_table and f.read_document)
WORKBOOK_SUFFIXES = tuple(s for s, f in FORMATS.items() if not f.read_table and f.read_document)


def _folder_formats() -> tuple[str, ...]:
    """The formats a folder's table files can be written in, as `convert --format` offers them: each
    by the first suffix it is listed under ('yml' is 'yaml')."""
    named: dict[Format, str] = {}
    for suffix, found in FORMATS.items():
        named.setdefault(found, suffix.lstrip("."))
    return tuple(name for found, name in named.items() if found.write_table)


FOLDER_FORMATS = _folder_formats()


# Files editors and office programs leave beside the one being edited, most of them for moments
# (save-by-rename): never part of a briefing, and never a reason to read one again.
_EDITOR_FILES = re.compile(
    r"""
      ~\$.*              # Microsoft Office's owner file: ~$mini.xlsx
    | \.~lock\..*\#      # LibreOffice's lock: .~lock.mini.xlsx#
    | \.\#.*             # Emacs's lock (a dangling link): .#actors.yaml
    | \#.*\#             # Emacs's autosave: #actors.yaml#
    | .*~               # a backup: actors.yaml~
    | \..*\.sw[a-p]      # Vim's swap files: .actors.yaml.swp, .swo, ...
    | 4913              # Vim's check that it may write in the folder
    | .*\.(?:tmp|crswap|part)  # a whole file written aside, then renamed into place
""",
    re.VERBOSE,
)


def is_editor_file(name: str) -> bool:
    """An editor's temporary file, or a hidden one (a name starting with '.'): never read."""
    return name.startswith(".") or bool(_EDITOR_FILES.fullmatch(name))


@dataclass
class Listing:
    """What a briefing folder holds, as far as reading it goes."""

    files: dict[str, Path] = field(default_factory=dict)  # lower-cased name -> regular file
    links: list[Path] = field(default_factory=list)  # symbolic links: reported, never followed
    problem: str = ""  # why the folder itself could not be read

    def stamps(self) -> tuple[tuple[str, int, int], ...]:
        """Names, modification times and sizes; a file gone since it was listed is left out."""
        stamps = []
        for path in sorted([*self.files.values(), *self.links]):
            try:
                info = path.lstat()
            except OSError:
                continue
            stamps.append((path.name, info.st_mtime_ns, info.st_size))
        return tuple(stamps)


def listing(folder: Path) -> Listing:
    """The folder's files and links, editors' temporary files left out. A file that vanishes or
    cannot be looked at between the listing and the look is as if it had not been there."""
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError as exc:
        return Listing(problem=f"cannot read folder: {exc.strerror or exc}")
    result = Listing()
    for entry in entries:
        if is_editor_file(entry.name):
            continue
        try:
            if entry.is_symlink():
                result.links.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                result.files[entry.name.lower()] = Path(entry.path)
        except OSError:
            continue
    result.links.sort()
    return result


def _read_table_file(path: Path, spec: TableSpec, raw: RawBriefing) -> None:
    read = FORMATS[path.suffix.lower()].read_table
    assert read is not None  # only files with a table suffix are looked for
    raw.tables[spec.name] = read(path, spec, raw)


def _read_document(path: Path, raw: RawBriefing) -> None:
    read = FORMATS[path.suffix.lower()].read_document
    assert read is not None  # only briefing.* and workbooks are read as documents
    read(path, raw)


def _tables(files: dict[str, Path], raw: RawBriefing) -> None:
    for spec in TABLES:
        candidates = [files[spec.name + s] for s in TABLE_SUFFIXES if spec.name + s in files]
        if spec.name in raw.tables and candidates:
            raw.error(
                display_path(candidates[0]),
                None,
                f"{spec.name} are given both here and in {raw.meta_file}: keep one",
            )
            continue
        if len(candidates) > 1:
            raw.error(
                display_path(candidates[1]),
                None,
                f"{spec.name} are given in {len(candidates)} files "
                f"({', '.join(c.name for c in candidates)}): keep one",
            )
        if candidates:
            _read_table_file(candidates[0], spec, raw)


def _strangers(files: dict[str, Path], raw: RawBriefing) -> None:
    """Files that look like briefing files but are none of its parts: a warning each."""
    known = set(META_NAMES) | {t.name + s for t in TABLES for s in TABLE_SUFFIXES}
    for lower_name, path in sorted(files.items()):
        if lower_name not in known and lower_name.endswith(tuple(FORMATS)):
            stem = lower_name.rsplit(".", 1)[0]
            raw.warning(
                display_path(path),
                None,
                f"file is not part of the briefing{suggest(stem, SECTIONS)} and is ignored",
            )


def _read_folder(folder: Path, raw: RawBriefing) -> None:
    found = listing(folder)
    if found.problem:
        raw.error(display_path(folder), None, found.problem)
        return
    # A symbolic link is never followed: it could lead out of the data folder.
    for link in found.links:
        raw.error(
            display_path(link), None, "is a symbolic link and is not read: put the file itself in the folder"
        )
    files = found.files
    meta_files = [files[n] for n in META_NAMES if n in files]
    workbooks = sorted(p for n, p in files.items() if n.endswith(WORKBOOK_SUFFIXES))
    if not meta_files and len(workbooks) == 1:
        _read_document(workbooks[0], raw)
        return
    if not meta_files:
        raw.error(
            display_path(folder),
            None,
            "no briefing.yaml here: a briefing folder holds briefing.yaml plus one file per table "
            "(actors, issues, sources, quotes, positions), or a single .xlsx workbook",
        )
    for meta_file in meta_files[:1]:
        _read_document(meta_file, raw)
    _tables(files, raw)
    _strangers(files, raw)


def _finish(raw: RawBriefing) -> None:
    """Every table present (empty where no file gave it), and the metadata's unknown fields named."""
    for spec in TABLES:
        if spec.name not in raw.tables:
            raw.tables[spec.name] = empty_table(spec, raw.root)
            if spec.name in ("actors", "issues", "positions") and not raw.problems:
                raw.warning(raw.root, None, f"the briefing has no {spec.name} table")
    for key in raw.meta or {}:
        if key not in META_FIELDS:
            raw.error(
                raw.meta_file,
                raw.meta_line,
                f"briefing: unknown field '{key}'{suggest(key, META_FIELDS)}; "
                f"fields are: {', '.join(META_FIELDS)}",
                field=key,
            )


def _is_folder(path: Path, raw: RawBriefing) -> bool | None:
    """Whether the path is a folder; None, with a problem, if it is not there or cannot be looked at."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError | NotADirectoryError)
        raw.error(
            display_path(path),
            None,
            "no such file or folder" if missing else f"cannot read it: {exc.strerror or exc}",
        )
        return None


def read_briefing(path: Path) -> RawBriefing:
    """Read a briefing folder, a single briefing.yaml/.json, or a workbook. Never raises on bad data."""
    raw = RawBriefing(display_path(path))
    found = FORMATS.get(path.suffix.lower())
    is_folder = _is_folder(path, raw)
    if is_folder:
        _read_folder(path, raw)
    elif is_folder is not None and found is not None and found.read_document is not None:
        found.read_document(path, raw)
    elif is_folder is not None:
        raw.error(
            display_path(path),
            None,
            "not a briefing: give a folder, a .yaml or .json briefing, or an .xlsx workbook",
        )
    _finish(raw)
    raw.count_repeats()
    return raw


# ------------------------------------------------------------------------------------------ writing


@contextmanager
def _staged(dest: Path) -> Iterator[Path]:
    """A scratch path beside `dest` that becomes `dest` only if the block finishes."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        yield scratch / dest.name
        (scratch / dest.name).replace(dest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _write_folder(briefing: Briefing, folder: Path, fmt: str) -> None:
    write = FORMATS["." + fmt].write_table if fmt in FOLDER_FORMATS else None
    if write is None:
        raise ValueError(f"a briefing folder's files are one of {', '.join(FOLDER_FORMATS)}, not {fmt!r}")
    folder.mkdir(parents=True)
    yaml.write_meta(briefing, folder / "briefing.yaml")
    for spec in written_tables(briefing):
        write(briefing, spec, folder / f"{spec.name}.{fmt}")


def write_briefing(briefing: Briefing, dest: Path, fmt: str | None = None) -> None:
    """Write by DEST's suffix: .json (canonical), .yaml (one file), .xlsx; else a folder of `fmt`
    files (YAML unless told). Every writer writes the records of `plain`, so any two formats hold
    the same thing. Written beside DEST and moved into place at the end: a failed write never leaves
    half a briefing behind."""
    found = FORMATS.get(dest.suffix.lower())
    with _staged(dest) as target:
        if found is not None and found.write_document is not None:
            found.write_document(briefing, target)
        else:
            _write_folder(briefing, target, fmt or "yaml")
