"""A real OpenID Connect provider on this machine, for the sign-in tests: oidc-provider-mock (from
PyPI) runs in a thread of the test process, on a free loopback port, and signs in whichever of
its predefined people the browser picks on its authorisation page. Nothing leaves the machine.

`secrets` writes the `.streamlit/secrets.toml` a dashboard started with `--secrets.files` reads.
"""

from __future__ import annotations

import secrets as random
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from oidc_provider_mock import User, run_server_in_thread


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
    """The provider, with `people` (subject -> claims: email, name, groups…) predefined."""
    users = [User(sub=subject, claims=dict(claims)) for subject, claims in people.items()]
    with run_server_in_thread(port=0, user_claims=users) as server:
        yield Provider(f"http://localhost:{server.server_port}", tuple(people))


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
