"""Who is reading: the signed-in person as the identity provider's claims describe them, the
local user when no sign-in is configured, and how old a sign-in may grow before it is asked again.

Streamlit keeps the claims of the ID token in a cookie for 30 days and never looks at the token's
expiry again, so the page checks the age of the sign-in itself (`session_problem`) on every run.
The `[accounts]` section of `.streamlit/secrets.toml` holds this deployment's settings.
"""

from __future__ import annotations

import getpass
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_MAX_SESSION_HOURS = 12.0  # a working day: a sign-in older than this is asked again
DEFAULT_GROUPS_CLAIM = "groups"  # the ID token claim that lists the person's groups
LOCAL_SUBJECT_PREFIX = "local:"


@dataclass(frozen=True)
class Identity:
    """One person. `subject` is the stable id ("sub", scoped by the issuer) the history records;
    the e-mail address counts for access only when the provider has not said it is unverified."""

    subject: str
    name: str
    email: str = ""
    email_verified: bool = True
    groups: tuple[str, ...] = ()
    issuer: str = ""
    signed_in_at: float | None = None  # seconds since the epoch: auth_time, else the token's iat
    local: bool = False  # no sign-in configured: the one person at this machine

    @property
    def label(self) -> str:
        """How the page and the history name this person."""
        if self.email and self.email.lower() != self.name.lower():
            return f"{self.name} <{self.email}>"
        return self.name or self.email or self.subject


@dataclass(frozen=True)
class AccountSettings:
    """The `[accounts]` section of secrets.toml (docs/accounts.md)."""

    max_session_hours: float = DEFAULT_MAX_SESSION_HOURS
    groups_claim: str = DEFAULT_GROUPS_CLAIM
    problems: tuple[str, ...] = field(default=())
    audit_file: str = ""  # where the audit of reading is appended ('' : no audit)


def settings(section: Mapping[str, object] | None) -> AccountSettings:
    """The settings from `[accounts]`; a bad value keeps the default and says so in `problems`."""
    section = section or {}
    problems: list[str] = []
    hours = DEFAULT_MAX_SESSION_HOURS
    raw = section.get("max_session_hours", DEFAULT_MAX_SESSION_HOURS)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw) and raw > 0:
        hours = float(raw)
    else:
        problems.append(
            f"[accounts] max_session_hours = {raw!r}: write a number of hours above 0 "
            f"(kept {DEFAULT_MAX_SESSION_HOURS:g})"
        )
    claim = section.get("groups_claim", DEFAULT_GROUPS_CLAIM)
    if not isinstance(claim, str) or not claim.strip():
        problems.append(
            f"[accounts] groups_claim = {claim!r}: write the claim's name, such as "
            f'"groups" (kept "{DEFAULT_GROUPS_CLAIM}")'
        )
        claim = DEFAULT_GROUPS_CLAIM
    audit = section.get("audit_file", "")
    if not isinstance(audit, str):
        problems.append(f"[accounts] audit_file = {audit!r}: write the file's path in quotes")
        audit = ""
    unknown = sorted(set(section) - {"max_session_hours", "groups_claim", "audit_file"})
    problems += [
        f"[accounts] {key}: not a setting (max_session_hours, groups_claim, audit_file)" for key in unknown
    ]
    return AccountSettings(hours, claim.strip(), tuple(problems), audit.strip())


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _groups(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list | tuple):
        return tuple(str(g) for g in value if isinstance(g, str | int) and str(g).strip())
    return ()


def from_claims(claims: Mapping[str, object], groups_claim: str = DEFAULT_GROUPS_CLAIM) -> Identity:
    """The person an ID token's claims describe (what `st.user` holds)."""
    subject = str(claims.get("sub") or "")
    email = str(claims.get("email") or "")
    name = str(claims.get("name") or claims.get("preferred_username") or email or subject)
    verified = claims.get("email_verified")
    return Identity(
        subject=subject,
        name=name,
        email=email,
        # Only an explicit "not verified" withholds the address: many providers omit the claim
        # for addresses they issue themselves.
        email_verified=verified is not False and str(verified).lower() != "false",
        groups=_groups(claims.get(groups_claim)),
        issuer=str(claims.get("iss") or ""),
        signed_in_at=_number(claims.get("auth_time")) or _number(claims.get("iat")),
    )


def local_user() -> Identity:
    """The one person at this machine when no sign-in is configured (named by their login)."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        login = "local user"
    return Identity(subject=LOCAL_SUBJECT_PREFIX + login, name=login, local=True)


def session_problem(identity: Identity, now: float, settings: AccountSettings) -> str:
    """'' while the sign-in is young enough; else why the person must sign in again."""
    if identity.local:
        return ""
    if not identity.subject:
        return "the identity provider named no subject (sub) for this sign-in"
    if identity.signed_in_at is None:
        return "the sign-in carries no time (iat or auth_time), so its age cannot be checked"
    age = now - identity.signed_in_at
    if age > settings.max_session_hours * 3600:
        return (
            f"your sign-in is {_hours(age)} old, and this server asks again after "
            f"{_hours(settings.max_session_hours * 3600)}"
        )
    if age < -300:  # five minutes of clock skew between the provider and this server
        return "your sign-in is dated in the future: this server's clock or the provider's is wrong"
    return ""


def _hours(seconds: float) -> str:
    if seconds < 3600:
        return f"{max(seconds, 0) / 60:.0f} minutes"
    return f"{seconds / 3600:.1f} hours"
