"""`python -m dashboard feeds issue EMAIL | list | revoke EMAIL-OR-HASH | serve`: the tokens of the
Atom feeds of changes (dashboard/feeds.py), and a small server for the feeds beside the dashboard
(`GET /feed.atom?token=…&briefing=…`, optionally with a saved view's link parameters and `after=N`).

Exit codes: 0 done, 1 refused (the message says why), 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dashboard import catalog, feeds, serving

if TYPE_CHECKING:  # http.server is imported by `feeds serve` alone: other commands start sooner
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED_PATH = "/feed.atom"


def handler_for(data: Path, public_url: str) -> type[BaseHTTPRequestHandler]:
    """A request handler answering feed requests from the briefings in `data`."""
    from http.server import BaseHTTPRequestHandler

    class FeedHandler(BaseHTTPRequestHandler):
        server_version = "positions-feeds"

        def do_GET(self) -> None:  # the name http.server calls
            parts = urlsplit(self.path)
            if parts.path != FEED_PATH:
                reply = feeds.Answer(404, f"Feeds are at {FEED_PATH}?token=…&briefing=…\n".encode())
            else:
                host = self.headers.get("Host", "localhost")
                reply = feeds.answer(data, parts.query, f"http://{host}{FEED_PATH}", public_url)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            # The query holds the token: log the path alone.
            print(
                f"feeds: {self.command} {urlsplit(self.path).path} {args[1] if len(args) > 1 else ''}",
                file=sys.stderr,
            )

    return FeedHandler


def make_server(data: Path, address: str, port: int, public_url: str = "") -> ThreadingHTTPServer:
    from http.server import ThreadingHTTPServer

    return ThreadingHTTPServer((address, port), handler_for(data, public_url))


def run(args: argparse.Namespace) -> int:
    data = Path(args.data) if args.data else catalog.data_folder()
    if args.action in ("issue", "revoke") and not args.who.strip():
        print(
            f"dashboard feeds {args.action}: usage error: name the person's e-mail address"
            + (" or the token's hash" if args.action == "revoke" else ""),
            file=sys.stderr,
        )
        return 2
    try:
        if args.action == "issue":
            secret = feeds.issue(data, args.who, tuple(args.group))
            print(
                f"token for {args.who.strip().lower()} (shown once; keep it like a password):\n"
                f"{secret}\nfeed: {FEED_PATH}?token={secret}&briefing=BRIEFING-ID"
            )
        elif args.action == "list":
            for known in feeds.read_tokens(data):
                print(known.label)
        elif args.action == "revoke":
            for gone in feeds.revoke(data, args.who):
                print(f"revoked {gone.label}")
        else:
            public = serving.public_url()
            server = make_server(data, args.address, args.port, public)
            print(f"Feeds: http://{args.address}:{server.server_port}{FEED_PATH}", file=sys.stderr)
            server.serve_forever()
    except (feeds.FeedError, serving.BadPublicUrl, OSError) as error:
        print(f"dashboard feeds: {error}", file=sys.stderr)
        return 1
    return 0


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "feeds",
        help="Atom feeds of changes: tokens, and their server",
        description="Issue, list and revoke per-person feed tokens, or "
        "serve the feeds (docs/accounts.md, Feeds).",
    )
    parser.add_argument("action", choices=("issue", "list", "revoke", "serve"))
    parser.add_argument(
        "who",
        nargs="?",
        default="",
        metavar="EMAIL-OR-HASH",
        help="issue: the person's e-mail address; revoke: it, or a token's hash as list shows it",
    )
    parser.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="NAME",
        help="issue: a group of the holder, for group: entries of access.yaml (repeatable)",
    )
    parser.add_argument("--data", metavar="FOLDER", help="the data folder (default: DASHBOARD_DATA or data/)")
    parser.add_argument("--address", default="localhost", help="serve: address to listen on")
    parser.add_argument("--port", type=int, default=8502, help="serve: port (default 8502)")
    parser.set_defaults(run=run)
