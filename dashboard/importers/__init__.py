"""Importers: public datasets turned into briefings, one module per dataset.

`run_import` is what `python -m dashboard import KIND SRC DEST` calls. An importer reads its files,
reports every bad row it finds (file and line), and builds a `Briefing`; the briefing is written beside
DEST, checked by the same validation as `python -m dashboard check`, and only then moved into place.
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.briefing import Briefing
from dashboard.formats import write_briefing
from dashboard.load import load_briefing
from dashboard.problems import ProblemsFound, display_path, errors, summary
from dashboard.vocabulary import counted

if TYPE_CHECKING:
    from dashboard.importers.declared import BlocSource


@dataclass(frozen=True)
class Importer:
    module: str  # dashboard.importers.<module> has `build(src: Path) -> Briefing`
    fmt: str  # the folder format the briefing is written in
    files: str  # what SRC must hold, for the usage message


IMPORTERS: dict[str, Importer] = {
    # Parquet: 870,000 positions as YAML would be ~150 MB and slow to read.
    "unvotes": Importer("unvotes", "parquet", "unvotes.csv, roll_calls.csv and issues.csv"),
    # YAML: a few thousand records of German text an analyst may want to read in the file itself.
    "wahlomat": Importer(
        "wahlomat",
        "yaml",
        "party.json, statement.json, answer.json, opinion.json and comment.json (one election, "
        "e.g. qual-o-mat-data/data/2025/deutschland)",
    ),
}


def _usage(message: str) -> int:
    print(f"python -m dashboard import: usage error: {message}", file=sys.stderr)
    return 2


def run_import(
    kind: str,
    src: Path,
    dest: Path,
    *,
    force: bool,
    blocs: Sequence[str] = (),
    bloc_source: BlocSource | None = None,
) -> int:
    """Import SRC as a briefing at DEST. 0: written; 1: bad source data (nothing written); 2: usage.

    `blocs` ('NAME=ID,ID') are declared in the briefing citing `bloc_source`: membership comes from
    the person importing, never from the data."""
    from dashboard.importers.declared import BlocError, parse_bloc

    try:
        requests = [parse_bloc(b) for b in blocs]
    except BlocError as exc:
        return _usage(str(exc))
    if requests and bloc_source is None:
        return _usage(
            "--bloc needs --bloc-source-title, --bloc-source-publisher and --bloc-as-of: "
            "where the membership comes from, and when it held"
        )
    importer = IMPORTERS.get(kind)
    if importer is None:
        return _usage(f"no importer '{kind}': choose one of {', '.join(IMPORTERS)}")
    if not src.is_dir():
        what = "is a file, not a folder" if src.exists() else "no such folder"
        return _usage(f"{display_path(src)}: {what}; SRC_DIR is the folder that holds {importer.files}")
    if dest.exists() and not force:
        return _usage(f"{display_path(dest)}: already exists (use --force to replace it)")
    started = time.perf_counter()
    briefing = _build(kind, src)
    if briefing is None:
        return 1
    if requests:
        from dashboard.importers.declared import declare

        assert bloc_source is not None
        try:
            briefing = declare(briefing, requests, bloc_source)
        except BlocError as exc:
            return _usage(str(exc))
    return _write_checked(briefing, dest, importer.fmt, started)


def _build(kind: str, src: Path) -> Briefing | None:
    """The importer's briefing, or None once the reasons it could not be built are printed."""
    build: Callable[[Path], Briefing] = importlib.import_module(f"dashboard.importers.{kind}").build
    try:
        return build(src)
    except ProblemsFound as exc:  # the source data has errors: `problems.raise_if_errors()`
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"{display_path(src)}: not imported: fix the errors above; nothing was written", file=sys.stderr
        )
    except OSError as exc:  # a file that exists but cannot be read (permissions, a folder, ...)
        where = display_path(Path(exc.filename)) if exc.filename else display_path(src)
        print(f"{where}: error: cannot read: {exc.strerror or exc}", file=sys.stderr)
        print(f"{display_path(src)}: not imported; nothing was written", file=sys.stderr)
    return None


def _write_checked(briefing: Briefing, dest: Path, fmt: str, started: float) -> int:
    """Write beside DEST, validate what was written, then move it into place."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{dest.name}.import.", dir=dest.parent))
    staged = scratch / dest.name  # same folder name, so the id-vs-folder check sees DEST's name
    dest_name = display_path(dest)
    try:
        write_briefing(briefing, staged, fmt)
        checked, problems = load_briefing(staged)
        found = errors(problems)
        if found:
            for problem in found:
                print(problem, file=sys.stderr)
            print(
                f"{dest_name}: not written: the imported briefing fails validation "
                f"({len(found)} error(s) above); this is a bug in the importer",
                file=sys.stderr,
            )
            return 1
        if dest.is_dir():
            shutil.rmtree(dest)
        elif dest.exists():
            dest.unlink()
        staged.replace(dest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    counts = ", ".join(counted(n, table) for table, n in checked.counts().items())
    listing = f" (`python -m dashboard check {dest_name}` lists them)" if problems else ""
    print(
        f"wrote {dest_name} ({fmt}): {counts}; {summary(problems)}{listing} "
        f"[{time.perf_counter() - started:.1f} s]"
    )
    return 0
