"""The access file: who may read, edit and administer each briefing, deny by default, revoked wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import access, catalog
from dashboard.access import Role
from dashboard.identity import Identity, from_claims, local_user

ACCESS = """
default:
  readers: ["*@ministry.example"]
briefings:
  nk-troops-russia:
    readers: ["group:asia-desk"]
    editors: ["ana@ministry.example"]
    admins: ["Head@Ministry.example"]
  closed: {}
revoked: ["gone@ministry.example", "sub:acct-9"]
"""


def person(
    email: str = "", groups: tuple[str, ...] = (), subject: str = "acct-1", verified: bool = True
) -> Identity:
    return Identity(
        subject=subject, name=email or subject, email=email, email_verified=verified, groups=groups
    )


RULES = access.parse(ACCESS)


@pytest.mark.parametrize(
    ("who", "briefing", "expected"),
    [
        (person("head@ministry.example"), "nk-troops-russia", Role.ADMIN),  # case-insensitive address
        (person("ana@ministry.example"), "nk-troops-russia", Role.EDITOR),
        (person("x@elsewhere.example", ("asia-desk",)), "nk-troops-russia", Role.READER),
        # A briefing the file names uses its own grants: the default's domain does not reach it.
        (person("bob@ministry.example"), "nk-troops-russia", None),
        (person("bob@ministry.example"), "unvotes", Role.READER),  # not named: the default
        (person("bob@ministry.example"), "closed", None),  # named with nobody: nobody
        (person("stranger@elsewhere.example"), "unvotes", None),
        # A domain is matched after the @: a look-alike domain ending in the same letters is not it.
        (person("eve@evilministry.example"), "unvotes", None),
        # An address the provider says it has not verified counts for nothing.
        (person("ana@ministry.example", verified=False), "nk-troops-russia", None),
        (person("gone@ministry.example"), "unvotes", None),  # revoked by address
        (person("head@ministry.example", subject="acct-9"), "nk-troops-russia", None),  # by subject
    ],
)
def test_roles_per_briefing(who: Identity, briefing: str, expected: Role | None) -> None:
    assert RULES.problems == ()
    assert access.role(RULES, who, briefing) == expected


def test_no_file_lets_nobody_in_and_says_so(tmp_path: Path) -> None:
    rules = access.read(tmp_path)
    assert rules.unreadable and "nobody is let in" in rules.problems[0]
    assert access.role(rules, person("head@ministry.example"), "unvotes") is None


def test_a_file_that_is_not_yaml_lets_nobody_in_and_names_the_line(tmp_path: Path) -> None:
    (tmp_path / access.ACCESS_FILE).write_text("default:\n  readers: [a@b.example\n")
    rules = access.read(tmp_path)
    assert rules.unreadable
    assert "access.yaml line" in rules.problems[0] and "nobody is let in" in rules.problems[0]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("default:\n  readers: [bob]\n", "neither an e-mail address"),
        ("default:\n  writers: [a@b.example]\n", "default.writers: not a role"),
        ("default: [a@b.example]\n", "write readers, editors and admins"),
        ("briefings: [x]\n", "one entry per briefing id"),
        ("owners: [a@b.example]\n", "owners: not a section"),
    ],
)
def test_mistakes_in_the_file_are_said_in_words(text: str, said: str) -> None:
    rules = access.parse(text)
    assert any(said in problem for problem in rules.problems), rules.problems


def test_a_bad_entry_grants_nothing_but_the_rest_still_counts() -> None:
    rules = access.parse("default:\n  readers: [bob, ana@b.example]\n")
    assert access.role(rules, person("ana@b.example"), "x") is Role.READER
    assert access.role(rules, person("bob"), "x") is None


def test_the_local_user_is_never_matched_by_the_file() -> None:
    rules = access.parse('default:\n  readers: ["*"]\n')
    assert access.role(rules, local_user(), "x") is None
    assert access.role(rules, person("a@b.example"), "x") is Role.READER


def test_groups_come_from_the_configured_claim() -> None:
    claims = {"sub": "s1", "email": "a@b.example", "roles": ["asia-desk"], "groups": ["other"]}
    assert from_claims(claims, "roles").groups == ("asia-desk",)
    assert from_claims(claims).groups == ("other",)


def test_the_readable_briefings_keep_their_order() -> None:
    available = {"a": Path("a"), "b": Path("b"), "c": Path("c")}
    granted = access.roles(
        access.parse('default:\n  readers: ["*"]\nbriefings:\n  b: {}\n'), person("x@y.example"), available
    )
    assert list(access.readable(available, granted)) == ["a", "c"]


def test_the_access_file_is_not_offered_as_a_briefing(tmp_path: Path) -> None:
    (tmp_path / "brief-a").mkdir()
    (tmp_path / access.ACCESS_FILE).write_text(ACCESS)
    (tmp_path / "stray.yaml").write_text("[]\n")
    found = catalog.scan(tmp_path)
    assert list(found.briefings) == ["brief-a"]
    assert [s.name for s in found.skipped] == ["stray.yaml"]  # the catalogue still says why
