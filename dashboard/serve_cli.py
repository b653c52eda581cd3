"""`python -m dashboard serve [--edit] [--address A] [--port P] [--host NAME ...]`: Streamlit with the
host names it answers (`serving.allowed_hosts`) and the upload bound set, refusing to serve editing
on a network address without sign-in. `make run` and `make edit` call it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from dashboard import serving
from dashboard.extract import EDIT_VARIABLE

APP = Path(__file__).resolve().parent / "app.py"
# What the server process runs instead of `python -m streamlit`: the page's modules imported first
# (`preload`), then Streamlit's command line as `-m streamlit` would run it.
BOOT = (
    "import sys\n"
    "from dashboard.serve_cli import preload\n"
    "preload()\n"
    "from streamlit.web import cli\n"
    "sys.argv = ['streamlit', *sys.argv[1:]]\n"
    "cli.main(prog_name='streamlit')\n"
)


def preload() -> None:
    """The modules the page's first run would import (those `app.py` names and every view's,
    with pandas and Altair under them: a second of a first run, more on a busy machine), imported
    before the server answers, and the matrix's chart specs built, so the first reader after a
    start does not wait for them. A module that cannot be imported is left to the page, which says
    why."""
    from dashboard.catalog import data_folder
    from dashboard.prepared import prepare_in_background

    # The data folder's slow briefings (the UN votes) read, validated and kept by a process of its
    # own while this one imports: the first reader waits for the rest of a load, not a whole one.
    prepare_in_background(data_folder())

    import importlib
    import re

    from dashboard.pages import VIEWS

    named = re.findall(r"^from (dashboard[\w.]*) import", APP.read_text(encoding="utf-8"), re.MULTILINE)
    for module in [*named, *(f"dashboard.views.{view.module}" for view in VIEWS)]:
        try:
            importlib.import_module(module)
        except ImportError:
            continue
    from dashboard.views.matrix import build_ahead

    build_ahead()


def command(args: argparse.Namespace, environ: dict[str, str]) -> list[str]:
    """The Streamlit command line for these arguments."""
    from dashboard.extract import MAX_BYTES

    hosts = serving.allowed_hosts(
        args.address,
        ",".join([environ.get(serving.HOSTS_VARIABLE, ""), serving.public_host(environ), *args.host]),
    )
    line = [
        sys.executable,
        "-c",
        BOOT,
        "run",
        str(APP),
        "--server.address",
        args.address,
        "--server.port",
        str(args.port),
        "--server.maxUploadSize",
        str(-(-MAX_BYTES // 2**20)),
    ]
    for host in hosts:
        line += ["--server.allowedHosts", host]
    return line


def _team_store() -> None:
    """With a team store: this replica's working copy brought up before the first page (the page
    keeps it so); a store that cannot be reached is said, and the page tries again."""
    from dashboard.catalog import data_folder
    from dashboard.store import StoreError, store_url

    if not store_url():
        return
    from dashboard.store.postgres import PostgresStore

    try:
        brought = PostgresStore.shared(store_url()).sync(data_folder())
        print(
            f"Team store: {len(brought)} briefing(s) brought up to date in {data_folder()}", file=sys.stderr
        )
    except (StoreError, OSError) as error:
        print(f"WARNING: team store: {error}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    environ = dict(os.environ)
    try:
        public = serving.public_url(environ)
    except serving.BadPublicUrl as bad:
        print(f"dashboard serve: not started: {bad}", file=sys.stderr)
        return 2
    sign_in = serving.sign_in_refusal()
    if sign_in:
        print(f"dashboard serve: not started: {sign_in}", file=sys.stderr)
        return 2
    if args.edit:
        refusal = serving.editing_refusal(args.address, environ)
        if refusal:
            print(f"dashboard serve: not started: {refusal}", file=sys.stderr)
            return 2
        environ[EDIT_VARIABLE] = "1"
    else:
        environ.pop(EDIT_VARIABLE, None)
    warning = serving.open_server_warning(args.address)
    if warning:
        print(
            "!" * 78 + f"\nWARNING: {warning}.\nConfigure sign-in (README, Sign-in) before you "
            "share it beyond people who may read everything.\n" + "!" * 78,
            file=sys.stderr,
        )
    mismatch = serving.redirect_mismatch(public)
    if mismatch:
        print(f"WARNING: {mismatch}.", file=sys.stderr)
    _team_store()
    line = command(args, environ)
    print(
        f"Dashboard{' (editing)' if args.edit else ''}: http://{args.address}:{args.port} "
        f"(answers to: {', '.join(line[line.index('--server.allowedHosts') + 1 :: 2])})"
        + (f"; links name {public}" if public else ""),
        file=sys.stderr,
    )
    sys.stdout.flush()
    os.execvpe(line[0], line, environ)
    return 0  # not reached: the process is Streamlit's now


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve the dashboard (what make run calls)",
        description="Starts Streamlit on the dashboard with the host "
        "names it answers and the upload bound set.",
    )
    parser.add_argument(
        "--edit",
        action="store_true",
        help="offer the Add a source view (writes "
        "into briefings); refused on a network address without sign-in unless "
        f"{serving.EDIT_ON_NETWORK}=1",
    )
    parser.add_argument(
        "--address",
        default="localhost",
        help="address to listen on (default localhost; 0.0.0.0 for every address)",
    )
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="NAME",
        help=f"another host name the server answers to (repeatable; also {serving.HOSTS_VARIABLE}=a,b)",
    )
    parser.set_defaults(run=run)
