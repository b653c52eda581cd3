"""`python -m dashboard note BRIEFING --link 'QUERY' -o note.pdf|note.docx|note.md|matrix.png|.svg`:
the page's note of a view, from the view's query string, by the function the page's downloads call.

A briefing with errors still gives a note of its valid records (the first page counts the errors);
notices about the link (an unknown actor, a bad date) are printed, and the note says what it shows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from dashboard import catalog, serving
from dashboard.link import decode, encode
from dashboard.note.document import FORMATS, NothingToDraw, render
from dashboard.prepared import load_prepared  # a slow briefing kept validated between runs
from dashboard.problems import errors
from dashboard.selection import Choices, Selection
from dashboard.vocabulary import counted

DEFAULT_BASE_URL = "http://localhost:8501/"  # where `make run` serves the page


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    command = commands.add_parser(
        "note",
        help="write the briefing note of a view: PDF, Word, Markdown, or the matrix picture",
        description="Writes the note the page's downloads give for the view QUERY describes. The "
        "output's suffix picks the format: "
        + ", ".join(f".{s} ({f.label})" for s, f in FORMATS.items())
        + ".",
    )
    command.add_argument(
        "briefing",
        metavar="BRIEFING",
        help="a briefing id in the data folder, or a path to a briefing folder",
    )
    command.add_argument(
        "--link",
        default="",
        metavar="QUERY",
        help="the view's query string as in the page's link, e.g. "
        "'actor=china&view=cards' (a whole link works too); default: the whole "
        "briefing",
    )
    command.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="where to write; its suffix picks the format"
    )
    command.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help="the page's address, for the note's link back (default: "
        f"{serving.PUBLIC_URL_VARIABLE} when set, else {DEFAULT_BASE_URL})",
    )
    command.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"python -m dashboard note: usage error: {message}", file=sys.stderr)
    return 2


def link_for(base_url: str, selection: Selection) -> str:
    """The absolute link back to the view: the page's address and the selection's query string."""
    base = base_url if base_url.endswith("/") or "?" in base_url else base_url + "/"
    query = urlencode(encode(selection), doseq=True)
    return f"{base.split('?', 1)[0]}?{query}" if query else base.split("?", 1)[0]


def _write(dest: Path, data: bytes) -> None:
    """Atomically: a file beside `dest`, renamed over it only once complete."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(scratch, dest)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    dest = Path(args.output)
    try:
        base_url = args.base_url or serving.public_url() or DEFAULT_BASE_URL
    except serving.BadPublicUrl as bad:
        return _usage(str(bad))
    suffix = dest.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        return _usage(
            f"{dest}: the suffix picks the format; use one of " + ", ".join(f".{s}" for s in FORMATS)
        )
    path = catalog.resolve(args.briefing)
    if path is None:
        return _usage(catalog.not_found(args.briefing))
    briefing, problems = load_prepared(path)
    found = errors(problems)
    if found:
        print(
            f"{path}: {counted(len(found), 'data errors')}: the note gives the valid records and says "
            "so on its first page (python -m dashboard check lists them)",
            file=sys.stderr,
        )
    query = args.link.split("?", 1)[1] if "?" in args.link else args.link
    decoded = decode(
        parse_qs(query.lstrip("&")),
        briefing.meta.id,
        Choices(
            [briefing.meta.id],
            briefing.actors["id"],
            briefing.issues["id"],
            briefing.topics,
            briefing.blocs["id"],
        ),
    )
    for notice in decoded.notices:
        print(f"--link: {notice}", file=sys.stderr)
    selection = decoded.selection
    try:
        data = render(briefing, selection, suffix, link=link_for(base_url, selection), problems=len(found))
    except NothingToDraw as exc:
        print(f"{dest}: not written: {exc}", file=sys.stderr)
        return 1
    _write(dest, data)
    print(f"wrote {dest} ({len(data):,} bytes)")
    return 0
