"""Fetching an article from a link the analyst gives, guarded against server-side request forgery.

The server fetches only what a person asked for, and only from the public internet: `http` and
`https` links; the host is resolved once, and every address it resolves to must be public (not
private, loopback, link-local, shared, reserved, multicast or unspecified) before a connection is
made, to that same address (so a second lookup cannot point elsewhere). Redirects are followed by
hand, at most `MAX_REDIRECTS`, each checked the same way. The answer is read up to `MAX_FETCH_BYTES`
within `FETCH_SECONDS` in all, uncompressed (no gzip or brotli bomb), never through a proxy (a proxy
would make the address check meaningless). Each refusal is a `FetchRefused` that says why in words.

`DASHBOARD_FETCH_ALLOW` (comma-separated host names and networks, e.g.
`intranet.example.org,10.20.0.0/16,127.0.0.1`) lets an internal host through: a name listed is
allowed whatever it resolves to, an address inside a listed network is allowed. The tests serve
pages on loopback with `127.0.0.1` allowed; nothing else sets it.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

ALLOW_VARIABLE = "DASHBOARD_FETCH_ALLOW"
MAX_FETCH_BYTES = 10_000_000  # a news page with its markup is well under 2 MB; a long report's PDF under 10
FETCH_SECONDS = 20.0  # in all: connection, every redirect, the whole answer
MAX_REDIRECTS = 5
USER_AGENT = "positions-dashboard (drafting a briefing from a link an analyst gave)"
_CHUNK = 65_536

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class FetchRefused(ValueError):
    """A link that was not fetched, or whose answer was not read: `reason` says why in words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason

    def __reduce__(self) -> tuple[object, ...]:  # raised in a worker process, read in the server
        return (FetchRefused, (self.url, self.reason))


@dataclass(frozen=True)
class Page:
    url: str  # the address the answer came from, after any redirect
    requested: str  # the address asked for
    content_type: str  # "text/html", "application/pdf" …, lower case, without parameters
    data: bytes


@dataclass(frozen=True)
class Allowed:
    """Hosts and networks `DASHBOARD_FETCH_ALLOW` lets through although they are internal."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = ()

    @classmethod
    def from_environment(cls) -> Allowed:
        return cls.parse(os.environ.get(ALLOW_VARIABLE, ""))

    @classmethod
    def parse(cls, value: str) -> Allowed:
        hosts, networks = set(), []
        for entry in (e.strip() for e in value.split(",")):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(entry.lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def address(self, address: Address) -> bool:
        return any(address.version == n.version and address in n for n in self.networks)


def internal(address: Address) -> str:
    """Why an address is not on the public internet, in words; '' when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return internal(address.ipv4_mapped)
    for test, words in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address (this machine)"),
        ("is_link_local", "a link-local address (such as a cloud metadata service)"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private network address"),
    ):
        if getattr(address, test):
            return words
    if not address.is_global:
        return "not a public internet address (a shared or special-purpose range)"
    return ""


def _addresses(url: str, host: str, port: int, deadline: float) -> list[Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    previous = socket.getdefaulttimeout()
    try:
        socket.setdefaulttimeout(max(0.1, deadline - time.monotonic()))
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as error:
        raise FetchRefused(url, f"the host name {host} could not be resolved ({error})") from None
    finally:
        socket.setdefaulttimeout(previous)
    out: list[Address] = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in out:
            out.append(address)
    if not out:
        raise FetchRefused(url, f"the host name {host} resolves to no address")
    return out


def vetted(url: str, allowed: Allowed, deadline: float) -> tuple[str, str, int, Address]:
    """The scheme, host, port and the one address to connect to; or FetchRefused saying why not."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchRefused(url, f"this is not a valid link ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(
            url,
            f"only http and https links are fetched, not "
            f"{scheme + ':' if scheme else 'a link without a scheme'}"
            + (" (write https://…)" if not scheme else ""),
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchRefused(url, "the link names no host")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused(url, "a link with a user name or password in it is not fetched")
    port = port or (443 if scheme == "https" else 80)
    addresses = _addresses(url, host, port, deadline)
    if host.lower() not in allowed.hosts:
        for address in addresses:
            why = internal(address)
            if why and not allowed.address(address):
                name = host if str(address) == host else f"{host} resolves to {address}"
                raise FetchRefused(
                    url,
                    f"{name}, {why}: internal addresses are not fetched "
                    f"(an administrator can allow one in {ALLOW_VARIABLE})",
                )
    return scheme, host, port, addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    """A connection to an address already checked, whatever the host name would resolve to now."""

    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = str(address)

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = str(address)

    _tls = ssl.create_default_context()

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def _remaining(url: str, deadline: float, seconds: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchRefused(
            url,
            f"took longer than the {seconds:g} seconds a link may take: the "
            "server is too slow or the page too large",
        )
    return left


def _read(
    url: str,
    response: http.client.HTTPResponse,
    sock: socket.socket | None,
    deadline: float,
    seconds: float,
    max_bytes: int,
) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchRefused(
            url, f"the page is {int(declared):,} bytes, more than the {max_bytes:,} a link may bring"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        left = _remaining(url, deadline, seconds)  # a server that drips is stopped here
        if sock is not None:
            sock.settimeout(left)  # and one that stalls, here
        try:
            chunk = response.read1(_CHUNK)
        except TimeoutError:
            _remaining(url, deadline, seconds)
            raise FetchRefused(url, "the server stopped sending") from None
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused(url, f"the page is more than the {max_bytes:,} bytes a link may bring")
        chunks.append(chunk)


def _get(
    url: str, allowed: Allowed, deadline: float, seconds: float
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, socket.socket | None]:
    scheme, host, port, address = vetted(url, allowed, deadline)
    parts = urlsplit(url.strip())
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_type = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    connection = connection_type(host, port, address, _remaining(url, deadline, seconds))
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Encoding": "identity",
                "Accept": "text/html,application/xhtml+xml,application/pdf,application/rss+xml,"
                "application/atom+xml,text/plain;q=0.9,*/*;q=0.5",
            },
        )
        sock = connection.sock  # the connection forgets it when the server will close
        return connection, connection.getresponse(), sock
    except TimeoutError:
        connection.close()
        raise FetchRefused(url, f"no answer within the {seconds:g} seconds a link may take") from None
    except ssl.SSLError as error:
        connection.close()
        raise FetchRefused(url, f"its secure connection failed ({error.reason or error})") from None
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise FetchRefused(url, f"could not be reached ({type(error).__name__}: {error})") from None


def fetch(
    url: str,
    allowed: Allowed | None = None,
    *,
    seconds: float = FETCH_SECONDS,
    max_bytes: int = MAX_FETCH_BYTES,
) -> Page:
    """The answer to a GET of `url`, following redirects, checked and bounded as the module says."""
    allowed = Allowed.from_environment() if allowed is None else allowed
    deadline = time.monotonic() + seconds
    current = url.strip()
    for _ in range(MAX_REDIRECTS + 1):
        connection, response, sock = _get(current, allowed, deadline, seconds)
        try:
            if response.status in (301, 302, 303, 307, 308):
                target = response.getheader("Location")
                if not target:
                    raise FetchRefused(current, f"a redirect ({response.status}) that names no address")
                following = urljoin(current, target.strip())
                try:
                    vetted(following, allowed, deadline)
                except FetchRefused as refused:
                    raise FetchRefused(
                        url, f"it redirects to {following}, which is refused: {refused.reason}"
                    ) from None
                current = following
                continue
            if response.status != 200:
                raise FetchRefused(
                    current, f"the server answered {response.status} {response.reason or ''}".rstrip()
                )
            data = _read(current, response, sock, deadline, seconds, max_bytes)
            kind = (response.getheader("Content-Type") or "").split(";", 1)[0].strip().lower()
            return Page(current, url.strip(), kind, data)
        finally:
            connection.close()
    raise FetchRefused(url, f"more than {MAX_REDIRECTS} redirects")
