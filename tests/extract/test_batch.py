"""A batch: files, links and an outlet's feed drafted one after another in the background, with
progress; a failure in one item is said and the rest go on; the review desk walks the drafted
items. Pages and the feed come from a server on loopback, allowed for these tests only."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.briefing import Briefing
from dashboard.extract.batch import DRAFTED, FAILED, MAX_ITEMS, REVIEWED, Batch, Item, Outcome
from dashboard.extract.briefings import load_briefing
from dashboard.extract.fetch import ALLOW_VARIABLE, Allowed
from dashboard.extract.isolated import draft_item
from tests.extract.support import SEED_ARTICLE, SEED_BRIEFING
from tests.support.page_server import Route, article_html, serve_pages

LOOPBACK = Allowed.parse("127.0.0.1")
SEOUL = article_html(
    "Seoul urges Beijing to act",
    [
        "SEOUL, Nov. 2 — “We urge China to play a constructive role in stopping this,” Foreign Minister "
        "Cho Tae-yul said at a news conference in Seoul on Saturday."
    ],
)
TOKYO = article_html(
    "Tokyo watches the troops",
    [
        "TOKYO, Nov. 3 — “Japan is watching the movement of troops with grave concern,” Chief Cabinet "
        "Secretary Yoshimasa Hayashi told reporters on Sunday."
    ],
)


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link></item>"
        for t, p in (("Seoul urges Beijing", "/seoul"), ("Tokyo watches", "/tokyo"), ("Gone", "/gone"))
    )
    items += "<item><title>A note with no link</title></item>"
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire: Asia</title>'
        f"{items}</channel></rss>"
    ).encode()


def served() -> dict[str, Route]:
    return {"/seoul": Route(SEOUL), "/tokyo": Route(TOKYO)}


def test_a_feed_a_file_and_a_bad_link_drafted_and_one_failure_stops_nothing() -> None:
    briefing, _ = load_briefing(SEED_BRIEFING)
    with serve_pages(served()) as pages:
        pages.routes["/feed.xml"] = Route(feed(pages.base), content_type="application/rss+xml")
        batch = Batch.of(
            [pages.url("/feed.xml"), "http://169.254.169.254/latest/"],
            [("seed.txt", SEED_ARTICLE.read_bytes())],
        )
        batch.run(partial(_draft, briefing=briefing))
    by_name = {i.name: i for i in batch.items}
    assert by_name[pages.url("/feed.xml")].status == REVIEWED  # a feed: its items joined the queue
    assert by_name[pages.url("/feed.xml")].reason == "a feed: 3 item(s) queued"  # not the linkless one
    assert by_name["seed.txt"].status == DRAFTED
    assert by_name[pages.url("/seoul")].status == by_name[pages.url("/tokyo")].status == DRAFTED
    assert by_name[pages.url("/seoul")].from_feed == pages.url("/feed.xml")
    assert (by_name[pages.url("/gone")].status, by_name[pages.url("/gone")].reason) == (
        FAILED,
        "the server answered 404 Not Found",
    )
    refused = by_name["http://169.254.169.254/latest/"]
    assert refused.status == FAILED and "link-local" in refused.reason
    assert batch.progress() == (6, 6)
    seoul = by_name[pages.url("/seoul")].drafts
    assert seoul is not None and seoul.source.url == pages.url("/seoul")
    assert any("constructive role" in q.text for q in seoul.quotes)
    # the review desk walks the drafted items in the queue's order
    first = batch.next_to_review()
    assert first is not None and first.name == "seed.txt"
    second = batch.next_to_review(after=first)
    assert second is not None and second.name == pages.url("/seoul")
    second.status = REVIEWED
    assert batch.next_to_review(after=second) is by_name[pages.url("/tokyo")]


def _draft(item: Item, briefing: Briefing) -> Outcome:
    return draft_item(item.name, item.data, briefing, "nk-troops-russia", LOOPBACK)


def test_the_queue_runs_in_the_background_and_reports_progress() -> None:
    with serve_pages(
        {
            "/a": Route(b"Headline A\n\nFirst text.", content_type="text/plain", delay=0.3),
            "/b": Route(b"Headline B\n\nSecond text.", content_type="text/plain", delay=0.3),
        }
    ) as pages:
        batch = Batch.of([pages.url("/a"), pages.url("/b"), pages.url("/a")], [])
        assert len(batch.items) == 2  # the same link once

        def fetch_only(item: Item) -> Outcome:
            from dashboard.extract.links import read_link_or_feed
            from dashboard.extract.manual import by_hand

            found = read_link_or_feed(item.name, LOOPBACK)
            assert not isinstance(found, list)
            return by_hand(found, None, "")

        thread = batch.start(fetch_only)
        seen = {batch.progress()}
        while thread.is_alive():
            seen.add(batch.progress())
            time.sleep(0.02)
    thread.join()
    assert (0, 2) in seen and (1, 2) in seen  # progress was readable while it ran
    assert batch.progress() == (2, 2) and not batch.running
    assert [i.status for i in batch.items] == [DRAFTED, DRAFTED]


def test_a_batch_is_bounded() -> None:
    batch = Batch.of([f"https://example.org/{n}" for n in range(MAX_ITEMS + 5)], [])
    assert len(batch.items) == MAX_ITEMS
    assert len(batch.notes) == 5 and f"at most {MAX_ITEMS} items" in batch.notes[0]


def test_the_command_line_drafts_a_feeds_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ALLOW_VARIABLE, "127.0.0.1")
    with serve_pages(served()) as pages:
        pages.routes["/feed.xml"] = Route(feed(pages.base), content_type="application/rss+xml")
        code = main(["extract", pages.url("/feed.xml"), "--out-dir", str(tmp_path)])
        single = main(["extract", pages.url("/feed.xml"), "-o", str(tmp_path / "one.yaml")])
    err = capsys.readouterr().err
    assert code == 1  # "/gone" failed
    assert f"{pages.url('/feed.xml')}: a feed: 3 item(s) added to this run" in err
    assert "2 of 3 drafted; failed: " in err and "/gone (the server answered 404" in err
    assert len(list(tmp_path.glob("*.drafts.yaml"))) == 2
    assert single == 1 and "a feed gives several articles: use --out-dir" in err
    assert not (tmp_path / "one.yaml").exists()
