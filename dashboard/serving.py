"""How the dashboard is served: the host names it answers, and when it may write.

`python -m dashboard serve` (what `make run` and `make edit` call) starts Streamlit with
`server.allowedHosts` set, so a page on another site that points its own name at this machine (DNS
rebinding) cannot open the app's connection, and refuses to serve editing on a network address
unless sign-in is configured or the override below is set: anyone who reaches such a server could
write into the briefings.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import socket
import tomllib
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Set to 1 to serve editing on a network address without sign-in (a closed lab network, say).
EDIT_ON_NETWORK = "DASHBOARD_EDIT_ON_NETWORK"
# Extra host names the server answers to, comma-separated (a DNS name, a proxy's public name).
HOSTS_VARIABLE = "DASHBOARD_HOSTS"
# The address colleagues open the page at (https://briefing.example.org/ behind a proxy, say): the
# base of the sidebar's link and the note's "This view" link, whatever address the sender typed.
PUBLIC_URL_VARIABLE = "DASHBOARD_PUBLIC_URL"
SECRETS = (Path(".streamlit") / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")


def is_loopback(address: str) -> bool:
    """Whether a server bound to `address` can be reached from this machine only."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


# What `st.login()` (the one, unnamed provider) needs in `[auth]`: docs/accounts.md says each.
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32  # characters: the key that signs the identity cookie


def auth_problems(section: Mapping[str, object]) -> list[str]:
    """What is missing or wrong in an `[auth]` section, in words ([] when sign-in can work)."""
    problems = [f"[auth] has no {key}" for key in AUTH_KEYS if not str(section.get(key) or "").strip()]
    redirect = str(section.get("redirect_uri") or "")
    if redirect and not (
        redirect.startswith(("http://", "https://")) and redirect.rstrip("/").endswith("/oauth2callback")
    ):
        problems.append(
            f"[auth] redirect_uri = {redirect!r} is not the page's address ending in "
            "/oauth2callback (https://briefing.example.org/oauth2callback)"
        )
    secret = str(section.get("cookie_secret") or "")
    if secret and len(secret) < MIN_COOKIE_SECRET:
        problems.append(
            f"[auth] cookie_secret is {len(secret)} characters: use at least "
            f"{MIN_COOKIE_SECRET} random ones (python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))')"
        )
    return problems


def auth_section(secrets: tuple[Path, ...] = SECRETS) -> dict[str, object] | None:
    """The `[auth]` section Streamlit will read (the last file that has one wins, as in
    Streamlit), or None when no secrets file has one."""
    found: dict[str, object] | None = None
    for path in secrets:
        try:
            section = tomllib.loads(path.read_text(encoding="utf-8")).get("auth")
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        if isinstance(section, dict):
            found = section
    return found


def sign_in_configured(secrets: tuple[Path, ...] = SECRETS) -> bool:
    """Whether Streamlit's sign-in (`st.login`) has a complete `[auth]` section to read: one with
    a key missing protects nothing, so it does not count."""
    section = auth_section(secrets)
    return section is not None and not auth_problems(section)


def sign_in_refusal(secrets: tuple[Path, ...] = SECRETS) -> str:
    """'' unless an `[auth]` section is there but cannot work (then what to fix), or sign-in is
    configured and Authlib, which `st.login` needs, is not installed."""
    section = auth_section(secrets)
    if section is None:
        return ""
    problems = auth_problems(section)
    if problems:
        return (
            "sign-in is configured but cannot work: "
            + "; ".join(problems)
            + " (docs/accounts.md says what each key holds)"
        )
    if importlib.util.find_spec("authlib") is None:
        return (
            "sign-in is configured but Authlib is not installed: "
            "pip install -c constraints.txt -e '.[accounts]' (make run installs it)"
        )
    return ""


class BadPublicUrl(ValueError):
    """DASHBOARD_PUBLIC_URL is set but is not an http(s) address: said when the server starts."""


def public_url(environ: dict[str, str] | None = None) -> str:
    """The page's public address from DASHBOARD_PUBLIC_URL, ending in '/' ('' when unset).

    Raises BadPublicUrl (in words: what is wrong, what would be right) for a value that is not an
    http or https address with a host, or that carries a query or fragment."""
    environ = dict(os.environ) if environ is None else environ
    value = environ.get(PUBLIC_URL_VARIABLE, "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadPublicUrl(
            f"{PUBLIC_URL_VARIABLE}={value!r} is not an address a browser opens: "
            "write it as https://host/ or http://host:port/path/"
        )
    if parts.query or parts.fragment:
        raise BadPublicUrl(
            f"{PUBLIC_URL_VARIABLE}={value!r} has a query or fragment: give the "
            "page's address alone (the view's parameters are added to it)"
        )
    return value if value.endswith("/") else value + "/"


def public_host(environ: dict[str, str] | None = None) -> str:
    """The host name of the public address ('' when unset or unusable): the server answers it."""
    try:
        url = public_url(environ)
    except BadPublicUrl:
        return ""
    return urlsplit(url).hostname or ""


def _machine_names() -> list[str]:
    """This machine's own names and addresses, as colleagues on its network would type them."""
    names: list[str] = []
    try:
        host = socket.gethostname()
        names += [host, socket.getfqdn()]
        names += [str(info[4][0]) for info in socket.getaddrinfo(host, None)]
    except OSError:
        pass
    return names


def allowed_hosts(address: str, extra: str = "") -> list[str]:
    """The host names the server answers: loopback always; on a network address also this
    machine's names and addresses, the address itself, and `extra` (comma-separated)."""
    hosts = list(LOOPBACK_HOSTS)
    if not is_loopback(address):
        if address not in ("0.0.0.0", "::"):
            hosts.append(address)
        hosts += _machine_names()
    hosts += [h.strip() for h in extra.split(",") if h.strip()]
    return list(dict.fromkeys(h.lower().strip("[]") for h in hosts if h))


def editing_refusal(
    address: str, environ: dict[str, str] | None = None, secrets: tuple[Path, ...] = SECRETS
) -> str:
    """'' when this server may offer editing; else why not and what to set."""
    environ = dict(os.environ) if environ is None else environ
    if is_loopback(address) or environ.get(EDIT_ON_NETWORK) == "1" or sign_in_configured(secrets):
        return ""
    return (
        f"editing is off: this server listens on {address or 'every address'}, where anyone "
        "who can reach it could write into the briefings, and no sign-in is configured. "
        "Configure sign-in ([auth] in .streamlit/secrets.toml, see the README), serve editing "
        f"on localhost, or set {EDIT_ON_NETWORK}=1 to allow it on a trusted network"
    )


def open_server_warning(address: str, secrets: tuple[Path, ...] = SECRETS) -> str:
    """'' unless the server is reachable from the network with no sign-in: then who can read."""
    if is_loopback(address) or sign_in_configured(secrets):
        return ""
    return (
        f"this server listens on {address or 'every address'} with no sign-in: anyone who can "
        "reach it reads every briefing in the data folder"
    )


def redirect_mismatch(public: str, secrets: tuple[Path, ...] = SECRETS) -> str:
    """'' unless sign-in returns people to another address than DASHBOARD_PUBLIC_URL: the identity
    cookie belongs to one host name, so a page opened under another one is never signed in."""
    section = auth_section(secrets)
    if not public or section is None:
        return ""
    redirect = urlsplit(str(section.get("redirect_uri") or ""))
    page = urlsplit(public)
    if (redirect.hostname or "").lower() != (page.hostname or "").lower():
        return (
            f"sign-in returns people to {redirect.hostname} ([auth] redirect_uri) but "
            f"{PUBLIC_URL_VARIABLE} names {page.hostname}: a colleague who opens the page at "
            "one name is signed out at the other; give both the same one public address"
        )
    return ""
