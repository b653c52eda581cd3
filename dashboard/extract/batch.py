"""A queue of articles drafted one after another in the background: several files, a list of links,
or an outlet's feed (its items join the queue as links). One item's failure is said in words and the
rest go on; the page reads the progress while the queue runs, and the review desk walks the drafted
items one by one.

The queue holds plain data and runs `draft_one` (the page passes one that drafts in the drafting
worker) on a thread of its own; nothing here touches Streamlit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from dashboard.extract.drafts import Drafts
from dashboard.extract.feeds import MAX_FEED_ITEMS, FeedItem

WAITING, DRAFTING, DRAFTED, FAILED, REVIEWED = "waiting", "drafting", "drafted", "failed", "reviewed"
MAX_ITEMS = 100  # a morning's reading; more is two batches


@dataclass
class Item:
    name: str  # the link, or the file's name
    data: bytes | None = None  # a file's bytes; None for a link
    status: str = WAITING
    reason: str = ""  # why it failed, in words
    drafts: Drafts | None = None
    from_feed: str = ""  # the feed it was listed in
    known: str | None = None  # what the briefing already has of it ("already in the briefing as …")

    @property
    def link(self) -> bool:
        return self.data is None


# What drafting one item gives: its drafts, or a feed's items to queue as links.
Outcome = Drafts | list[FeedItem]


@dataclass
class Batch:
    items: list[Item] = field(default_factory=list)
    running: bool = False
    notes: list[str] = field(default_factory=list)  # what was left out, and why
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def of(cls, links: list[str], files: list[tuple[str, bytes]]) -> Batch:
        batch = cls()
        for name, data in files:
            batch.add(Item(name, data))
        for link in dict.fromkeys(line.strip() for line in links if line.strip()):
            batch.add(Item(link))
        return batch

    def add(self, item: Item) -> bool:
        with self._lock:
            if len(self.items) >= MAX_ITEMS:
                self.notes.append(f"{item.name}: left out, a batch takes at most {MAX_ITEMS} items")
                return False
            if item.link and any(i.link and i.name == item.name for i in self.items):
                return False  # the same link twice (a feed listing what was already given)
            self.items.append(item)
            return True

    def progress(self) -> tuple[int, int]:
        """(items finished, drafted or failed; all items)."""
        with self._lock:
            done = sum(i.status in (DRAFTED, FAILED, REVIEWED) for i in self.items)
            return done, len(self.items)

    def next_waiting(self) -> Item | None:
        with self._lock:
            return next((i for i in self.items if i.status == WAITING), None)

    def next_to_review(self, after: Item | None = None) -> Item | None:
        """The first drafted item not yet reviewed, after `after` in the queue's order if given."""
        with self._lock:
            start = self.items.index(after) + 1 if after is not None and after in self.items else 0
            order = self.items[start:] + self.items[:start]
            return next((i for i in order if i.status == DRAFTED and i is not after), None)

    def run(self, draft_one: Callable[[Item], Outcome]) -> None:
        """Draft every waiting item, one after another; a failure is the item's, never the queue's."""
        self.running = True
        try:
            while (item := self.next_waiting()) is not None:
                item.status = DRAFTING
                try:
                    outcome = draft_one(item)
                except Exception as error:  # any failure of one item: said, and the queue goes on
                    item.status, item.reason = FAILED, _reason(error)
                    continue
                if isinstance(outcome, list):  # a feed: its items join the queue as links
                    added = sum(self.add(Item(i.link, from_feed=item.name)) for i in outcome[:MAX_FEED_ITEMS])
                    item.status, item.reason = REVIEWED, f"a feed: {added} item(s) queued"
                else:
                    item.drafts, item.status = outcome, DRAFTED
        finally:
            self.running = False

    def start(self, draft_one: Callable[[Item], Outcome]) -> threading.Thread:
        thread = threading.Thread(target=self.run, args=(draft_one,), name="drafting-batch", daemon=True)
        self.running = True
        thread.start()
        return thread


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", None)
    if isinstance(reason, str) and reason:
        return reason
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
