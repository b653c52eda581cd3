"""`python -m dashboard store …`: move briefings between a folder and the team store.

- `store push FOLDER [--id ID]`: the briefing in FOLDER (and its history beside it) into the store,
  refused with the reader's messages when it has errors.
- `store pull ID FOLDER`: the store's briefing ID written as a folder (and its history).
- `store list`: the store's briefings and their versions.
- `store sync DATA`: every briefing of the store into a data folder (what a replica does at start).
- `store access FILE`: the deployment's access rules (access.yaml) into the store.

The store is `DASHBOARD_STORE_URL` (a PostgreSQL URL), or `--url`; `--folder-store DATA` uses a data
folder instead (the embedded engine), so the same commands move briefings between two folders.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.store import STORE_VARIABLE, StoreError, store_url

if TYPE_CHECKING:  # imported when the command runs: psycopg loads only for `store`
    from dashboard.store.files import FolderStore
    from dashboard.store.postgres import PostgresStore


def _store(args: argparse.Namespace) -> FolderStore | PostgresStore | None:
    from dashboard.store.files import FolderStore
    from dashboard.store.postgres import PostgresStore

    if args.folder_store:
        return FolderStore(Path(args.folder_store))
    url = args.url or store_url()
    return PostgresStore(url) if url else None


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ImportError as error:
        print(f"store: the team store needs psycopg: pip install -e '.[team]' ({error})", file=sys.stderr)
        return 2


def _push(store: FolderStore | PostgresStore, args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not (folder / "briefing.yaml").is_file():
        print(f"{folder}: usage error: not a briefing folder (no briefing.yaml)", file=sys.stderr)
        return 2
    # Who pushed, kept with the store's version (the records' own changes show in the history as
    # made outside the dashboard, at the next look, and can be undone there).
    version = store.push(folder, args.id or folder.name, who=f"{getpass.getuser()} (store push)")
    print(f"{args.id or folder.name}: pushed, version {version}")
    return 0


def _pull(store: FolderStore | PostgresStore, args: argparse.Namespace) -> int:
    store.pull(args.id, Path(args.folder))
    print(f"{args.id}: written to {args.folder}")
    return 0


def _list(store: FolderStore | PostgresStore, args: argparse.Namespace) -> int:
    for briefing_id, version in store.ids().items():
        print(f"{briefing_id}\tversion {version}")
    return 0


def _team_only(store: FolderStore | PostgresStore, args: argparse.Namespace) -> int:
    from dashboard.store.postgres import PostgresStore

    if not isinstance(store, PostgresStore):
        print(f"store: usage error: {args.action} works on a team store (PostgreSQL)", file=sys.stderr)
        return 2
    if args.action == "sync":
        brought = store.sync(Path(args.folder))
        print(f"{args.folder}: {len(brought)} briefing(s) brought up to date {' '.join(brought)}".rstrip())
    else:
        store.push_access(Path(args.folder))
        print(f"{args.folder}: the access rules are in the team store")
    return 0


ACTIONS = {"push": _push, "pull": _pull, "list": _list, "sync": _team_only, "access": _team_only}


def _run(args: argparse.Namespace) -> int:
    store = _store(args)
    if store is None:
        print(f"store: usage error: no store named: set {STORE_VARIABLE} or give --url", file=sys.stderr)
        return 2
    try:
        return ACTIONS[args.action](store, args)
    except (StoreError, OSError) as error:
        print(f"store: {error}", file=sys.stderr)
        return 1


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "store", help="move briefings between a folder and the team store (PostgreSQL)"
    )
    parser.add_argument("--url", default="", help=f"the store's database URL (default: {STORE_VARIABLE})")
    parser.add_argument(
        "--folder-store", default="", metavar="DATA", help="a data folder as the store instead"
    )
    actions = parser.add_subparsers(dest="action", required=True)
    push = actions.add_parser("push", help="a briefing folder into the store")
    push.add_argument("folder")
    push.add_argument("--id", default="", help="the briefing's id in the store (default: the folder's name)")
    pull = actions.add_parser("pull", help="a briefing of the store into a folder")
    pull.add_argument("id")
    pull.add_argument("folder")
    actions.add_parser("list", help="the store's briefings and versions")
    sync = actions.add_parser("sync", help="every briefing of the store into a data folder")
    sync.add_argument("folder", metavar="DATA")
    access = actions.add_parser("access", help="the access rules (access.yaml) into the store")
    access.add_argument("folder", metavar="FILE")
    parser.set_defaults(run=run)
