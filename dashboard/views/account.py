"""The door of the page: who is reading, and which briefings they may open.

`gate` runs on every run of the page, before any briefing is loaded or any cached loader runs.
Without an `[auth]` section in secrets.toml it lets the one person at this machine read everything,
as before sign-in existed. With one, it asks for a sign-in (Streamlit's `st.login`, OpenID
Connect), refuses a sign-in older than `[accounts] max_session_hours` (Streamlit's cookie lasts 30
days and the ID token's expiry is never checked), reads the access file again, and hands the page
only the briefings this person may read; a link to any other says "no access" and nothing more.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st

from dashboard import access, audit, catalog, identity, serving
from dashboard.access import Role
from dashboard.catalog import Catalog
from dashboard.escape import markdown_literal
from dashboard.identity import AccountSettings, Identity
from dashboard.vocabulary import counted

_PERSON = "account:person"  # the Identity of this run
_ROLES = "account:roles"  # briefing id -> Role, for the briefings this person may read
_AUDITED = "account:audited"  # the briefing and link last written to the audit of reading
LOG = logging.getLogger("dashboard")


def _auth_section() -> Mapping[str, object] | None:
    """The `[auth]` section Streamlit reads (its secrets files), or None without sign-in.

    Without any of those files there is nothing to read: Streamlit keeps what it parsed, but when
    no file exists it looks for each again on every call (three opens, each failing), and this is
    asked five times a run (docs/performance.md, "The actor change's server CPU")."""
    if not any(os.path.exists(path) for path in st.get_option("secrets.files")):
        return None
    try:
        if not st.secrets.load_if_toml_exists():
            return None
        section = st.secrets.get("auth")
    except Exception:  # a secrets file Streamlit cannot parse: said by the serve command too
        return None
    return _plain(section)


def _accounts_section() -> Mapping[str, object] | None:
    return _plain(st.secrets.get("accounts"))


def _plain(section: object) -> dict[str, object] | None:
    """A secrets section as a plain dict (None when it is not a section)."""
    if not isinstance(section, Mapping):
        return None
    return {str(k): _plain(v) if isinstance(v, Mapping) else v for k, v in section.items()}


def sign_in_on() -> bool:
    """Whether this page asks people to sign in."""
    return _auth_section() is not None


def current() -> Identity:
    """The person of this run (the local user when nobody has signed in)."""
    person = st.session_state.get(_PERSON)
    return person if isinstance(person, Identity) else identity.local_user()


def may_edit(briefing_id: str) -> bool:
    """Whether this person may write into the briefing (the editor role; anyone locally)."""
    if not sign_in_on():
        return True
    granted = st.session_state.get(_ROLES, {})
    return bool(granted.get(briefing_id, 0) >= Role.EDITOR)


def still_allowed(briefing_id: str) -> bool:
    """Whether this person may still read the briefing: checked again where a region reruns
    alone (a click inside the view), since the door runs only on the page's full runs. False sends
    the caller to a full run, where the door says why."""
    if _auth_section() is None:
        return True
    person = st.session_state.get(_PERSON)
    if not isinstance(person, Identity) or not st.user.is_logged_in:
        return False
    if identity.session_problem(person, time.time(), identity.settings(_accounts_section())):
        return False
    return access.role(access.read(catalog.data_folder()), person, briefing_id) is not None


def _stop(message: str, icon: str) -> None:
    st.error(markdown_literal(message), icon=icon)
    st.stop()


# The link someone opened before signing in, to open again when they come back: the provider
# returns everyone to the page's bare address. Kept in this process only, for a few minutes, keyed
# by the browser's XSRF token (a cookie Streamlit keeps across the round trip; never shown).
_RETURN_SECONDS = 900
_RETURN_LIMIT = 10_000
_RETURNS: dict[str, tuple[float, dict[str, list[str]]]] = {}
_RETURNS_LOCK = threading.Lock()


def _browser() -> str:
    """This browser's XSRF token, as a key ('' when there is none)."""
    try:
        from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

        token, _ = decode_xsrf_token_string(str(st.context.cookies.get("_streamlit_xsrf") or ""))
    except Exception:  # another server or Streamlit version: the link is simply not kept
        return ""
    return hashlib.sha256(token).hexdigest() if token else ""


def _keep_link() -> None:
    browser, link = _browser(), {k: st.query_params.get_all(k) for k in st.query_params}
    if not browser or not link:
        return
    now = time.time()
    with _RETURNS_LOCK:
        for key in [k for k, (at, _) in _RETURNS.items() if now - at > _RETURN_SECONDS]:
            del _RETURNS[key]
        if len(_RETURNS) < _RETURN_LIMIT:
            _RETURNS[browser] = (now, link)


def _reopen_link() -> None:
    """Back from signing in at the bare address: open the link this browser came with."""
    if len(st.query_params):
        return
    browser = _browser()
    with _RETURNS_LOCK:
        kept = _RETURNS.pop(browser, None) if browser else None
    if kept and time.time() - kept[0] <= _RETURN_SECONDS:
        st.query_params.from_dict(kept[1])
        st.rerun()


def _render_sign_in(auth: Mapping[str, object]) -> None:
    """The page for someone not signed in: what this is, one button, and nothing of any briefing."""
    _keep_link()
    st.html('<h1 class="page-title">Positions briefing</h1>')
    st.write("Sign in to read the briefings you have been given access to.")
    redirect = urlsplit(str(auth.get("redirect_uri") or ""))
    host = str(st.context.headers.get("host") or "")
    opened = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if redirect.hostname and opened and opened.lower() != redirect.hostname.lower():
        st.warning(
            markdown_literal(
                f"You opened this page as {opened}, but signing in returns you to {redirect.hostname}: "
                f"open {redirect.scheme}://{redirect.netloc}/ instead, or your sign-in will not "
                "follow you back here."
            ),
            icon=":material/link_off:",
        )
    st.button("Sign in", key="account-sign-in", type="primary", on_click=st.login)
    st.stop()


def _render_expired(problem: str) -> None:
    st.warning(
        markdown_literal(problem[:1].upper() + problem[1:] + ". Sign in again to go on."),
        icon=":material/schedule:",
    )
    st.button("Sign in again", key="account-sign-in-again", type="primary", on_click=st.logout)
    st.stop()


def _render_no_access(person: Identity) -> None:
    """A link this person may not open: no title, no counts, no id (the link holds it already)."""
    st.html('<h1 class="page-title">No access</h1>')
    st.error(
        markdown_literal(
            f"You are signed in as {person.label}, and this link names a briefing you may not read "
            "(or none that exists). Ask the briefing's admin for access."
        ),
        icon=":material/lock:",
    )
    st.link_button("Open a briefing you may read", "./", type="secondary")
    _render_signed_in(person, None)
    st.stop()


FEEDS_URL_VARIABLE = "DASHBOARD_FEEDS_URL"  # where `python -m dashboard feeds serve` is reached


def feed_link(token: str, query: Mapping[str, list[str]], base: str) -> str:
    """The feed of the view this link shows: its briefing, actors and issues, with the token."""
    from dashboard.feed_cli import FEED_PATH
    from dashboard.feeds import VIEW_KEYS

    kept = [("token", token)] + [
        (key, value) for key in ("briefing", *VIEW_KEYS) for value in query.get(key, [])
    ]
    return f"{base.rstrip('/')}{FEED_PATH}?{urlencode(kept)}"


def _render_feed(person: Identity) -> None:
    """A feed of this view's changes for the signed-in person: a link made on request (its token
    shown once), and every link of theirs revoked at once."""
    from dashboard import feeds

    if not person.email or not person.email_verified:
        return
    data = catalog.data_folder()
    with st.popover("Feed of changes", icon=":material/rss_feed:"):
        st.caption(
            "An Atom feed of what changes in this briefing (narrowed to this view's actors "
            "and issues) for your feed reader. It covers only what you may read; keep the "
            "link to yourself, and revoke it if it leaks."
        )
        if st.button("Make a feed link for this view", key="account-feed-make"):
            token = feeds.issue(data, person.email, person.groups)
            query = {key: st.query_params.get_all(key) for key in st.query_params}
            base = os.environ.get(FEEDS_URL_VARIABLE, "http://localhost:8502")
            st.code(feed_link(token, query, base), language=None, wrap_lines=True)
            st.caption("Shown once: copy it now.")
        if st.button("Revoke all my feed links", key="account-feed-revoke"):
            try:
                gone = feeds.revoke(data, person.email)
            except feeds.FeedError:
                gone = []
            st.caption(f"{counted(len(gone), 'feed links')} revoked.")


def _render_signed_in(person: Identity, level: Role | None) -> None:
    with st.sidebar:
        said = f"Signed in as **{markdown_literal(person.label)}**"
        if level is not None:
            said += f" ({level.word})"
        st.caption(said)
        st.button("Sign out", key="account-sign-out", on_click=st.logout)
        if level is not None:
            _render_feed(person)


def _audit(settings: AccountSettings, event: str, person: Identity, **fields: str) -> None:
    """One line of the audit of reading, when the deployment keeps one; a file that cannot be
    written is said on the page (reading goes on: the audit is the deployment's, not the page's)."""
    if not settings.audit_file:
        return
    try:
        audit.append(Path(settings.audit_file), audit.line(event, person, **fields))
    except audit.AuditError as error:
        LOG.error("%s", error)
        st.warning(markdown_literal(str(error)), icon=":material/report:")


def download_audit(briefing_id: str, file: str, link: str) -> Callable[[], None]:
    """What a download calls as its file is made: one line of the audit of reading naming the
    person, the briefing, the file and the view's link. A no-op where the deployment keeps no audit
    or nobody signs in. The person and the settings are read now, in the page's run: the file may
    be made later, outside it (Streamlit makes a deferred download when it is clicked)."""
    if _auth_section() is None:
        return _nothing
    settings = identity.settings(_accounts_section())
    if not settings.audit_file:
        return _nothing
    person, path = current(), Path(settings.audit_file)

    def write() -> None:
        try:
            audit.append(path, audit.line("download", person, briefing=briefing_id, file=file, link=link))
        except audit.AuditError as error:  # the download goes on; the server's log says why
            LOG.error("%s", error)

    return write


def _nothing() -> None:
    return None


def _audit_view(settings: AccountSettings, person: Identity, chosen: str) -> None:
    """A sign-in once per session, and each link opened (not each click that keeps the link)."""
    if st.session_state.get(_AUDITED) is None:
        _audit(settings, "sign-in", person)
        st.session_state[_AUDITED] = ""
    link = "&".join(f"{k}={v}" for k in st.query_params for v in st.query_params.get_all(k))
    if st.session_state.get(_AUDITED) != (chosen, link):
        _audit(settings, "view", person, briefing=chosen, link=link)
        st.session_state[_AUDITED] = (chosen, link)


def _signed_in(auth: Mapping[str, object]) -> tuple[Identity, AccountSettings]:
    """The person signed in, and this deployment's settings; stops the page with the sign-in
    button, or with "sign in again" for a sign-in too old."""
    problems = serving.auth_problems(auth)
    if problems:
        _stop("Sign-in is configured but cannot work: " + "; ".join(problems) + ".", ":material/error:")
    if not st.user.is_logged_in:
        st.session_state.pop(_PERSON, None)
        st.session_state.pop(_ROLES, None)
        st.session_state.pop(_AUDITED, None)
        _render_sign_in(auth)
    settings = identity.settings(_accounts_section())
    for problem in settings.problems:
        st.warning(markdown_literal(problem), icon=":material/settings:")
    person = identity.from_claims(st.user.to_dict(), settings.groups_claim)
    expired = identity.session_problem(person, time.time(), settings)
    if expired:
        st.session_state.pop(_ROLES, None)
        _audit(settings, "expired", person, reason=expired)
        _render_expired(expired)
    return person, settings


def gate(found: Catalog) -> dict[str, Path]:
    """Sign the reader in (when sign-in is configured) and return the briefings they may read;
    stops the page, saying why, when they may read none of what the link asks for."""
    auth = _auth_section()
    if auth is None:
        st.session_state[_PERSON] = identity.local_user()
        st.session_state[_ROLES] = dict.fromkeys(found.briefings, Role.ADMIN)
        return found.briefings
    person, settings = _signed_in(auth)
    _reopen_link()
    rules = access.read(catalog.data_folder())  # every run: a revocation counts at the next click
    if access.revoked(rules, person):
        st.session_state.pop(_ROLES, None)
        _audit(settings, "denied", person, reason="revoked")
        _stop(f"Your access to these briefings has been withdrawn ({person.label}).", ":material/block:")
    for problem in rules.problems:
        st.warning(markdown_literal(problem), icon=":material/lock:")
    granted = access.roles(rules, person, found.briefings)
    st.session_state[_PERSON] = person
    st.session_state[_ROLES] = granted
    readable = access.readable(found.briefings, granted)
    asked = st.query_params.get_all("briefing")
    if asked and asked[0] not in readable:
        _audit(settings, "denied", person, reason="no access", briefing=asked[0])
        _render_no_access(person)
    if not readable:
        _audit(settings, "denied", person, reason="no briefing readable")
        st.html('<h1 class="page-title">No briefings for you yet</h1>')
        st.info(
            markdown_literal(
                f"You are signed in as {person.label}, but no briefing here is "
                "open to you. Ask an admin for access."
            ),
            icon=":material/lock:",
        )
        _render_signed_in(person, None)
        st.stop()
    chosen = asked[0] if asked else catalog.default_briefing(readable)
    _audit_view(settings, person, chosen)
    _render_signed_in(person, granted.get(chosen))
    return readable
