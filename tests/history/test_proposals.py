"""A second pair of eyes: under `review: required` a save waits, out of the briefing, until another
editor approves it; the history then names who recorded it and who checked it; a rejection is
recorded with its reason; nobody approves their own."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from dashboard import access, ledger, proposals
from dashboard.extract.saving import Accepted, save
from dashboard.identity import Identity
from dashboard.proposals import ReviewRefused

PROJECT = Path(__file__).resolve().parents[2]
ANA = Identity(subject="acct-ana", name="Ana Analyst", email="ana@ministry.example")
BEN = Identity(subject="acct-ben", name="Ben Editor", email="ben@ministry.example")
SOURCE = {
    "id": "wire-2024-11-03",
    "title": "Keller on the talks",
    "publisher": "Example Wire",
    "published": date(2024, 11, 3),
    "kind": "news",
    "language": "en",
}
ARTICLE = "OSLO (Example Wire) “We will keep talking,” Blinken said."


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    (folder.parent / "access.yaml").write_text(
        "briefings:\n  nk-troops-russia:\n    editors: [ana@ministry.example, ben@ministry.example]\n"
        "    review: required\n"
    )
    return folder


def accepted() -> Accepted:
    quote = {
        "speaker": "blinken",
        "text": "We will keep talking",
        "source": SOURCE["id"],
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    return Accepted(dict(SOURCE), [], [quote], [], label="Example Wire, 3 Nov", text=ARTICLE)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_the_setting_is_read_per_briefing_and_by_default() -> None:
    rules = access.parse("default:\n  review: required\nbriefings:\n  open-desk:\n    review: off\n")
    assert access.review_required(rules, "any") and not access.review_required(rules, "open-desk")
    assert not access.review_required(access.parse("default:\n  readers: ['*']\n"), "any")
    bad = access.parse("default:\n  review: maybe\n")
    assert access.review_required(bad, "any") and "review: write required" in bad.problems[0]


def test_a_save_waits_and_the_approval_names_both_people(briefing: Path) -> None:
    before = files(briefing)
    result = save(briefing, accepted(), author=ANA, comment="morning wire")
    assert "Sent for review as proposal #1" in result.notes[0]
    assert files(briefing) == before  # not in the briefing: no reader sees it
    [waiting] = proposals.listed(briefing)
    assert (waiting.name, waiting.label, waiting.article) == (ANA.label, "Example Wire, 3 Nov", ARTICLE)
    with pytest.raises(ReviewRefused, match="is yours"):
        proposals.approve(briefing, waiting.id, ANA)
    saved = proposals.approve(briefing, waiting.id, BEN)
    assert saved.added["quotes"] and files(briefing) != before
    event = ledger.events(briefing)[-1]
    assert (event.action, event.subject, event.comment) == ("save", "acct-ana", "morning wire")
    assert event.reviewed_by == "Ben Editor <ben@ministry.example> [acct-ben]"
    assert proposals.listed(briefing) == [] and proposals.listed(briefing, "approved")[0].decided_by
    with pytest.raises(ReviewRefused, match="not waiting for review"):
        proposals.approve(briefing, waiting.id, BEN)
    assert ledger.verify(briefing).problems == []


def test_a_rejection_is_recorded_with_its_reason_and_saves_nothing(briefing: Path) -> None:
    before = files(briefing)
    save(briefing, accepted(), author=ANA)
    with pytest.raises(ReviewRefused, match="say why"):
        proposals.reject(briefing, 1, BEN, "  ")
    proposals.reject(briefing, 1, BEN, "the wire misquotes him")
    assert files(briefing) == before
    event = ledger.events(briefing)[-1]
    assert (event.action, event.subject, event.changes) == ("reject", "acct-ben", ())
    assert "rejected proposal #1 by Ana Analyst" in event.comment and "misquotes" in event.comment
    assert proposals.listed(briefing, "rejected")[0].reason == "the wire misquotes him"


def test_without_the_setting_a_save_goes_straight_in(briefing: Path) -> None:
    (briefing.parent / "access.yaml").write_text("default:\n  editors: ['*']\n")
    result = save(briefing, accepted(), author=ANA)
    assert result.added["quotes"] and proposals.listed(briefing) == []
