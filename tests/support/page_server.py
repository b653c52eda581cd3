"""A small web server on loopback serving pages written for a test: articles, redirects, a page too
large, a server too slow. Tests that fetch links allow 127.0.0.1 (`DASHBOARD_FETCH_ALLOW`) for
themselves only; without that the guard refuses this server, as it must.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""  # for a redirect
    delay: float = 0.0  # seconds before the headers
    drip: float = 0.0  # seconds between chunks of 1,000 bytes (a server that sends slowly)
    declared_length: int | None = None  # a Content-Length other than the body's; -1: none sent


@dataclass
class Pages:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def article_html(title: str, paragraphs: list[str], site: str = "Test Gazette") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="og:title" content="{title}"></head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright {site}. All rights reserved.</footer></body></html>"
    ).encode()


@contextmanager
def serve_pages(routes: dict[str, Route] | None = None) -> Iterator[Pages]:
    """Serve `routes` (path -> Route) on 127.0.0.1 at a free port while the block runs; routes can
    be added to `pages.routes` afterwards."""
    pages = Pages("")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            pages.hits.append(self.path)
            route = pages.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            time.sleep(route.delay)
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            self.send_header("Content-Type", route.content_type)
            length = route.declared_length if route.declared_length is not None else len(route.body)
            if length >= 0:
                self.send_header("Content-Length", str(length))
            self.end_headers()
            try:
                if route.drip:
                    for at in range(0, len(route.body), 1000):
                        self.wfile.write(route.body[at : at + 1000])
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as a guarded client should

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    pages.base = f"http://127.0.0.1:{server.server_address[1]}"
    pages.routes.update(routes or {})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield pages
    finally:
        server.shutdown()
        server.server_close()
