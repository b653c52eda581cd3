"""A reader without a browser: Streamlit's own protocol over its WebSocket, for the team trial's test
(tests/team) and its load benchmark (benchmarks/team_load.py).

What the page's JavaScript does when a link is opened, and nothing more: GET the page (through a proxy
that keeps a reader on one replica, that is where its stickiness cookie is set), open
`/_stcore/stream` with the `streamlit` subprotocol and the cookies, send a `BackMsg` whose
`rerun_script` carries the link's query string, and read `ForwardMsg`s (`new_session`, the `delta`s
that draw the page, `script_finished`) until the script has finished. What was drawn is summed up as
a digest of the elements' text (Markdown, HTML, headings, chart specs and their data, widget labels),
so one view can be compared with the same link drawn again, on this replica or on another.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

FINISHED = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
RERUN = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
# Elements whose content is what the reader reads; others (spacers, skeletons) are left out of the
# digest, and every element is counted.
TEXT_FIELDS = {
    "markdown": ("body",),
    "html": ("body",),
    "heading": ("body",),
    "text": ("body",),
    "code": ("code_text",),
    "alert": ("body",),
    "metric": ("label", "body"),
}


class ViewFailed(Exception):
    """The server closed the stream, reported an exception on the page, or did not finish in time."""


@dataclass
class Reader:
    """One person's browser, as far as the server can tell: its cookies (the proxy's stickiness
    cookie among them) and the Host it asks for."""

    base_url: str  # http://host:port
    cookies: dict[str, str] = field(default_factory=dict)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def keep(self, set_cookies: list[str]) -> None:
        for header in set_cookies:
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value

    def get_page(self, timeout_s: float = 10) -> int:
        """GET / as the browser does before it opens the stream; keeps the cookies set. Returns the
        HTTP status."""
        request = urllib.request.Request(self.base_url + "/", headers={"Cookie": self.cookie_header()})
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            response.read()
            self.keep(response.headers.get_all("Set-Cookie") or [])
            return int(response.status)

    @property
    def stream_url(self) -> str:
        parts = urlsplit(self.base_url)
        return f"ws://{parts.netloc}/_stcore/stream"


@dataclass
class View:
    """What one link drew: how long until the script finished, how many elements, their digest."""

    query: str
    seconds: float  # from opening the stream to script_finished
    elements: int
    digest: str
    text: str  # every element's text, in the order of the page
    exception: bool  # the page showed an exception element
    messages: int
    server_cookie: str  # the proxy's stickiness cookie after this view ("" without a proxy)


def _element_text(element: Any) -> str:
    kind = element.WhichOneof("type") or "?"
    body: Any = getattr(element, kind, None)
    if kind in TEXT_FIELDS:
        return kind + ":" + "|".join(str(getattr(body, name)) for name in TEXT_FIELDS[kind])
    if kind == "vega_lite_chart":
        data = [body.data.data, *(d.data.data for d in body.datasets)]
        return "vega:" + body.spec + ":" + hashlib.sha256(b"".join(data)).hexdigest()
    if kind == "bidi_component":  # the stance matrix's own element: its markup and its data
        fields = (
            body.component_name,
            body.html_content,
            body.json,
            body.bytes,
            body.mixed.SerializeToString(),
            body.arrow_data.data,
        )
        return "component:" + hashlib.sha256(repr(fields).encode()).hexdigest()
    if kind == "dataframe":
        return "dataframe:" + hashlib.sha256(body.arrow_data.data).hexdigest()
    if body is not None and hasattr(body, "label"):
        options = "|".join(str(option).replace("\n", " ") for option in getattr(body, "options", []))
        return f"{kind}:{body.label}:{options}"
    return kind


class Drawing:
    """The page as the deltas build it: one text per delta path, the last write winning."""

    def __init__(self) -> None:
        self.by_path: dict[tuple[int, ...], str] = {}
        self.exception = False
        self.messages = 0

    def take(self, message: ForwardMsg) -> None:
        self.messages += 1
        delta = message.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        if element.WhichOneof("type") == "exception":
            self.exception = True
        path = tuple(message.metadata.delta_path)
        self.by_path[path] = _element_text(element)

    def text(self) -> str:
        return "\n".join(f"{'.'.join(map(str, path))} {self.by_path[path]}" for path in sorted(self.by_path))

    def digest(self) -> str:
        return hashlib.sha256(self.text().encode()).hexdigest()[:16]


async def _read_until_finished(stream: ClientConnection, drawing: Drawing, query: str) -> None:
    async for payload in stream:
        message = ForwardMsg()
        message.ParseFromString(payload if isinstance(payload, bytes) else payload.encode())
        kind = message.WhichOneof("type")
        if kind == "delta":
            drawing.take(message)
        elif kind == "script_finished" and message.script_finished != RERUN:
            if message.script_finished != FINISHED:
                raise ViewFailed(f"{query}: script finished with status {message.script_finished}")
            return
    raise ViewFailed(f"{query}: the server closed the stream before the script finished")


async def open_view(reader: Reader, query: str, timeout_s: float = 60, cookie_name: str = "SERVERID") -> View:
    """Open the stream, ask for the link's run and read until it has finished. Raises ViewFailed."""
    start = time.perf_counter()
    drawing = Drawing()
    try:
        async with (
            asyncio.timeout(timeout_s),
            connect(
                reader.stream_url,
                subprotocols=[Subprotocol("streamlit")],
                additional_headers={"Cookie": reader.cookie_header()} if reader.cookies else None,
                max_size=None,
                open_timeout=timeout_s,
                ping_interval=None,
            ) as stream,
        ):
            if stream.response is not None:
                reader.keep(stream.response.headers.get_all("Set-Cookie"))
            back = BackMsg()
            back.rerun_script.query_string = query.lstrip("?")
            back.rerun_script.page_script_hash = ""
            await stream.send(back.SerializeToString())
            await _read_until_finished(stream, drawing, query)
    except ViewFailed:
        raise
    except TimeoutError as error:
        raise ViewFailed(f"{query}: not finished within {timeout_s:.0f} s") from error
    except Exception as error:  # refused connections, websockets' handshake and closed-stream errors
        raise ViewFailed(f"{query}: {type(error).__name__}: {error}") from error
    return View(
        query,
        time.perf_counter() - start,
        len(drawing.by_path),
        drawing.digest(),
        drawing.text(),
        drawing.exception,
        drawing.messages,
        reader.cookies.get(cookie_name, ""),
    )
