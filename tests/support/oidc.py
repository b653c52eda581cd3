"""A real OpenID Connect provider on this machine, for the sign-in tests: oidc-provider-mock (from
PyPI) runs in a thread of the test process, on a free loopback port, and signs in whichever of
its predefined people the browser picks on its authorisation page. Nothing leaves the machine.

`secrets` writes the `.streamlit/secrets.toml` a dashboard started with `--secrets.files` reads.
"""

from __future__ import annotations

import secrets as random
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import werkzeug.serving
from oidc_provider_mock import User, app


@dataclass(frozen=True)
class Provider:
    """A running provider: its base address (the issuer) and the people it can sign in."""

    issuer: str
    people: tuple[str, ...]  # their subjects, each a button on the authorisation page

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"


@contextmanager
def provider(people: Mapping[str, Mapping[str, object]]) -> Iterator[Provider]:
    """The provider, with `people` (subject -> claims: email, name, groups…) predefined.

    As oidc-provider-mock's `run_server_in_thread` runs it, plus an empty answer for the favicon
    Chromium asks its pages for: the package serves none, and its 404 in a page's console is the
    provider's, not the dashboard's (with a route on every request, the browser never asked)."""
    users = [User(sub=subject, claims=dict(claims)) for subject, claims in people.items()]
    provider_app = app(user_claims=users)
    provider_app.add_url_rule("/favicon.ico", "favicon", lambda: ("", 204))
    server = werkzeug.serving.make_server("localhost", 0, provider_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield Provider(f"http://localhost:{server.server_port}", tuple(people))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def secrets(folder: Path, issuer: Provider, accounts: str = "") -> Path:
    """A secrets.toml for a dashboard on http://localhost:{port} signing in at `issuer`;
    `accounts` is the body of its [accounts] section."""
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        'redirect_uri = "http://localhost:{port}/oauth2callback"\n'  # Streamlit fills in its port
        f'cookie_secret = "{random.token_urlsafe(32)}"\n'
        'client_id = "positions-dashboard"\n'
        'client_secret = "not-a-secret-in-tests"\n'
        f'server_metadata_url = "{issuer.metadata_url}"\n'
        + (f"\n[accounts]\n{accounts}\n" if accounts else ""),
        encoding="utf-8",
    )
    return path
