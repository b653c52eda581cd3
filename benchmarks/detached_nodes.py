"""Which DOM nodes outlive the page's changes, and what keeps them: a Chromium heap snapshot after
rounds of actor changes on the seed, its detached nodes counted by kind and traced to what retains them.

One page of the dashboard (served by this tree, as `dashboard serve` serves it) in headless Chromium;
rounds of four actor changes (pick, pick, Backspace, Backspace: each round ends at the open's
selection, as in benchmarks/quick.py's detached DOM figure). After the first round and after the last,
two forced garbage collections, then a heap snapshot (CDP HeapProfiler.takeHeapSnapshot): every node
V8 marks as detached (its `detachedness` field) is counted by its class name (HTMLDivElement,
SVGRectElement, Text, ...), and for the kinds that grew between the two snapshots, the shortest chains
of retainers from a detached node to something that is not a DOM node (a closure, a Map, a React
fiber), grouped by the names along them.

Run against a dashboard already serving (`make run`): `python -m benchmarks.detached_nodes --url
http://localhost:8501/ [--rounds 8]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter, deque
from typing import Any

from playwright.async_api import Page, async_playwright

from benchmarks.browser_speed import APP_DRAWN, SEED, plan
from benchmarks.quick import LIVE_NODES
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.load import new_reader, run_finished, settle

IDLE = "() => new Promise(done => requestIdleCallback(() => done(), {timeout: 2000}))"


async def snapshot(page: Page) -> dict[str, Any]:
    """The heap after two forced collections; first, bench-quick's count of the same moment (the
    renderer's DOM nodes less those in the document)."""
    cdp = await page.context.new_cdp_session(page)
    await page.keyboard.press("Escape")
    await page.evaluate(IDLE)
    for _ in range(2):
        await cdp.send("HeapProfiler.collectGarbage")
    counters = await cdp.send("Memory.getDOMCounters")
    live = await page.evaluate(LIVE_NODES)
    nodes = counters["nodes"]
    print(f"  renderer's DOM nodes {nodes}, in the document {live}: {nodes - live} not", flush=True)
    chunks: list[str] = []
    cdp.on("HeapProfiler.addHeapSnapshotChunk", lambda event: chunks.append(event["chunk"]))
    await cdp.send("HeapProfiler.takeHeapSnapshot", {"reportProgress": False})
    await cdp.detach()
    return dict(json.loads("".join(chunks)))


class Heap:
    """A heap snapshot's nodes and edges, with each node's retainers."""

    def __init__(self, raw: dict[str, Any]) -> None:
        meta = raw["snapshot"]["meta"]
        self.fields = meta["node_fields"]
        self.width = len(self.fields)
        self.edge_width = len(meta["edge_fields"])
        self.types = meta["node_types"][0]
        self.edge_types = meta["edge_types"][0]
        self.nodes, self.edges, self.strings = raw["nodes"], raw["edges"], raw["strings"]
        self.count = len(self.nodes) // self.width
        at = {name: i for i, name in enumerate(self.fields)}
        self._name, self._type, self._edges = at["name"], at["type"], at["edge_count"]
        self._detached = at.get("detachedness")
        self.retainers: list[list[tuple[int, str]]] = [[] for _ in range(self.count)]
        edge = 0
        for node in range(self.count):
            for _ in range(self.nodes[node * self.width + self._edges]):
                kind = self.edge_types[self.edges[edge]]
                name_or_index = self.edges[edge + 1]
                target = self.edges[edge + 2] // self.width
                label = (
                    self.strings[name_or_index] if kind not in ("element", "hidden") else str(name_or_index)
                )
                if kind != "weak":
                    self.retainers[target].append((node, f"{kind}:{label}"))
                edge += self.edge_width

    def name(self, node: int) -> str:
        return str(self.strings[self.nodes[node * self.width + self._name]])

    def kind(self, node: int) -> str:
        return str(self.types[self.nodes[node * self.width + self._type]])

    def detached(self) -> list[int]:
        if self._detached is None:
            return [n for n in range(self.count) if self.name(n).startswith("Detached ")]
        return [n for n in range(self.count) if self.nodes[n * self.width + self._detached] == 2]

    def by_detachedness(self) -> dict[str, int]:
        """DOM nodes (named as Chromium names them, '<div>', or by class) by V8's detachedness:
        0 not known, 1 attached, 2 detached."""
        if self._detached is None:
            return {}
        counts: Counter[str] = Counter()
        for node in range(self.count):
            if self.kind(node) == "native" and self.dom(node):
                counts[str(self.nodes[node * self.width + self._detached])] += 1
        return dict(counts)

    def unknown(self) -> Counter[str]:
        """DOM nodes whose detachedness V8 does not know, by name."""
        if self._detached is None:
            return Counter()
        at = self._detached
        return Counter(
            self.name(n)
            for n in range(self.count)
            if self.nodes[n * self.width + at] == 0 and self.kind(n) == "native" and self.dom(n)
        )

    def dom(self, node: int) -> bool:
        name = self.name(node)
        return self.kind(node) == "native" and (
            name.startswith(("<", "HTML", "SVG", "Text", "Comment", "Detached", "DocumentFragment"))
        )

    def holder(self, start: int) -> list[str]:
        """The shortest chain of retainers from `start` to a node that is not a DOM node."""
        seen, queue = {start}, deque([(start, [self.name(start)])])
        while queue:
            node, path = queue.popleft()
            for parent, via in self.retainers[node]:
                if parent in seen:
                    continue
                seen.add(parent)
                step = [*path, f"<-{via}- {self.name(parent)[:60]} ({self.kind(parent)})"]
                if not self.dom(parent) and self.kind(parent) not in ("synthetic", "hidden"):
                    return step
                if len(step) < 40:
                    queue.append((parent, step))
        return [*[self.name(start)], "(no non-DOM retainer found)"]


async def run(url: str, rounds: int) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _, page = await new_reader(browser, 60_000)
        await page.goto(url)
        await settle(page)
        await page.locator(APP_DRAWN).first.wait_for(state="attached")
        steps = plan(SEED, rounds * 4)
        found: dict[int, Counter[str]] = {}
        heaps: dict[int, Heap] = {}
        for number, change in enumerate(steps):
            await change.prepare(page)
            before = await page.evaluate("() => window.__runsFinished")
            await change.act(page)
            await run_finished(page, before)
            await settle(page)
            await page.locator(APP_DRAWN).first.wait_for(state="attached")
            await page.evaluate(IDLE)
            if number + 1 in (4, rounds * 4):
                heap = Heap(await snapshot(page))
                heaps[number + 1] = heap
                found[number + 1] = Counter(heap.name(n) for n in heap.detached())
                print(f"after {number + 1} changes: {sum(found[number + 1].values())} detached", flush=True)
                print(f"  the snapshot's DOM nodes by detachedness: {heap.by_detachedness()}", flush=True)
        await browser.close()
    unknown = {n: heaps[n].unknown() for n in heaps}
    grew = {k: unknown[rounds * 4][k] - unknown[4].get(k, 0) for k in unknown[rounds * 4]}
    print(
        "DOM nodes V8 cannot place (detachedness 0) that grew:",
        sorted(grew.items(), key=lambda kv: -kv[1])[:12],
    )
    # The kinds that grew among those V8 cannot place: what holds each of them now.
    heap = heaps[rounds * 4]
    held: Counter[str] = Counter()
    for node in range(heap.count if heap._detached is not None else 0):
        if heap.nodes[node * heap.width + (heap._detached or 0)] == 0 and grew.get(heap.name(node), 0) > 0:
            held[" ".join(heap.holder(node)[-3:])] += 1
    print("what holds them (the last steps of the chain):")
    for chain, n in held.most_common(10):
        print(f"  {n} x {chain}")
    first, last = found[4], found[rounds * 4]
    grown = {k: last[k] - first.get(k, 0) for k in last if last[k] - first.get(k, 0) > 0}
    print("detached by kind, after 4 changes -> after", rounds * 4, ":")
    for name in sorted(set(first) | set(last), key=lambda k: -last.get(k, 0)):
        print(f"  {name}: {first.get(name, 0)} -> {last.get(name, 0)}")
    heap = heaps[rounds * 4]
    chains: Counter[str] = Counter()
    for node in heap.detached():
        if heap.name(node) in grown:
            chains[" ".join(heap.holder(node)[-4:])] += 1
    print("what retains the detached nodes of the kinds that grew (the last steps of the chain):")
    for chain, n in chains.most_common(12):
        print(f"  {n} x {chain}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--url", default="")
    args = parser.parse_args(argv)
    if not args.url:
        print(
            "give --url of a running dashboard (e.g. make run, then http://localhost:8501/)", file=sys.stderr
        )
        return 2
    asyncio.run(run(args.url, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
