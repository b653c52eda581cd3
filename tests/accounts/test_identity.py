"""Who is reading, and how old a sign-in may grow: Streamlit's cookie lasts 30 days and the ID
token's expiry is never checked, so the page checks the age itself."""

from __future__ import annotations

import pytest

from dashboard import identity
from dashboard.identity import AccountSettings, Identity, from_claims

NOW = 1_800_000_000.0


def signed_in(seconds_ago: float) -> Identity:
    return from_claims({"sub": "s1", "email": "a@b.example", "name": "Ana", "iat": NOW - seconds_ago})


@pytest.mark.parametrize(
    ("age", "hours", "refused"),
    [
        (60, 12, False),
        (11.9 * 3600, 12, False),
        (12.1 * 3600, 12, True),
        (30 * 24 * 3600, 12, True),  # the cookie's own lifetime: long past any working day
        (120, 1 / 60, True),  # a minute's limit, two minutes old
    ],
)
def test_a_sign_in_older_than_the_limit_is_asked_again(age: float, hours: float, refused: bool) -> None:
    problem = identity.session_problem(signed_in(age), NOW, AccountSettings(max_session_hours=hours))
    assert bool(problem) is refused
    if refused:
        assert "old" in problem


def test_auth_time_counts_before_the_token_s_issue_time() -> None:
    # A token refreshed a minute ago for a sign-in made yesterday is a day-old sign-in.
    person = from_claims({"sub": "s1", "iat": NOW - 60, "auth_time": NOW - 86_400})
    assert identity.session_problem(person, NOW, AccountSettings()) != ""


def test_a_sign_in_without_a_time_or_subject_is_refused() -> None:
    assert "iat" in identity.session_problem(from_claims({"sub": "s1"}), NOW, AccountSettings())
    assert "sub" in identity.session_problem(from_claims({"iat": NOW}), NOW, AccountSettings())


def test_the_local_user_has_no_session_to_expire() -> None:
    assert identity.session_problem(identity.local_user(), NOW, AccountSettings()) == ""
    assert identity.local_user().subject.startswith(identity.LOCAL_SUBJECT_PREFIX)


@pytest.mark.parametrize(
    ("section", "hours", "said"),
    [
        (None, 12.0, ""),
        ({"max_session_hours": 2}, 2.0, ""),
        ({"max_session_hours": 0}, 12.0, "above 0"),
        ({"max_session_hours": "8"}, 12.0, "above 0"),
        ({"max_session_hours": True}, 12.0, "above 0"),
        ({"max_session": 2}, 12.0, "not a setting"),
    ],
)
def test_the_settings_are_read_and_a_bad_one_said(
    section: dict[str, object] | None, hours: float, said: str
) -> None:
    settings = identity.settings(section)
    assert settings.max_session_hours == hours
    assert (said in " ".join(settings.problems)) if said else settings.problems == ()


def test_an_unverified_address_is_marked() -> None:
    assert not from_claims({"sub": "s", "email": "a@b.example", "email_verified": False}).email_verified
    assert from_claims({"sub": "s", "email": "a@b.example"}).email_verified
    assert from_claims({"sub": "s", "email": "a@b.example", "name": "Ana"}).label == "Ana <a@b.example>"
