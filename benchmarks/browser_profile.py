"""Where the time goes when the dashboard opens and when an actor changes: in the browser, on the wire
and on the server, beside the bare page of benchmarks/browser_speed.py.

For one briefing (the seed by default), with both pages served side by side as in browser_speed.py:
- each page is warmed, then WARM unrecorded opens and changes are made (so the figures below are of a
  warm server and a browser with nothing left to compile for the first time on the server's side);
- one open in a fresh browser context, recorded: a Chrome trace (main-thread time by kind: script,
  compile, style, layout, paint, garbage collection), a V8 CPU profile (JavaScript self time by
  script file and by function), the page's resource loads (bytes and time), the navigation's
  milestones, and every websocket message with its arrival time and size, decoded with Streamlit's
  own ForwardMsg type (which element, and the bytes of a Vega spec, its data, HTML or Markdown);
- CHANGES actor changes (pick, pick, Backspace, ...), each recorded the same way;
- on the server, each script run's wall time and its thread's CPU time; with --cprofile, each run is
  also profiled with cProfile (one .pstats a run; the profiler slows pure-Python code, so the script
  times of a --cprofile run are not the ones to quote).
Prints a summary, writes benchmarks/results/browser_profile.json, and leaves the traces (load them in
Chrome DevTools' Performance panel), CPU profiles (.cpuprofile, same panel) and pstats
(`python -m pstats FILE`) in --out.

Run: `python -m benchmarks.browser_profile [--briefing nk-troops-russia] [--cprofile] [--out DIR]`.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import pstats
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, CDPSession, Page, async_playwright

from benchmarks.browser_speed import (
    APP_DRAWN,
    BARE_DRAWN,
    BARE_SCRIPT,
    SEED,
    STEP_SECONDS,
    WARM_SECONDS,
    Change,
    Side,
    drawn,
    open_once,
    plan,
)
from tests.support.briefings import data_folder
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.load import cpu_seconds, new_reader, process_tree, run_finished
from tests.support.server import streamlit_server

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "browser_profile.json"

# `streamlit run`, logging each script run to $BENCH_PROFILE_DIR/runs.log (number, start, wall seconds,
# the script thread's CPU seconds, and the CPU and wall seconds of the garbage collections that thread
# made, Streamlit's gc.collect(2) after every run among them) and, while $BENCH_PROFILE_DIR/cprofile
# exists, profiling each run with cProfile. With $BENCH_GC_FREEZE set, gc.freeze() after the first run
# (the briefing loaded) takes what is alive then out of every later collection's work: an experiment,
# to see what that collection costs. ScriptRunner._run_script is private: if it moves, this fails
# loudly at start.
PROFILE_BOOT = """
import cProfile, gc, itertools, os, sys, threading, time
from streamlit.web import cli
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
run_script = ScriptRunner._run_script
folder = os.environ["BENCH_PROFILE_DIR"]
numbers = itertools.count(1)
collecting = {}  # thread id -> (thread CPU, wall) when its collection started
spent = {}  # thread id of a script run in progress -> [GC CPU, GC wall] so far
def on_gc(phase, info):
    thread = threading.get_ident()
    if phase == "start":
        collecting[thread] = (time.thread_time(), time.perf_counter())
    elif thread in collecting and thread in spent:
        cpu, wall = collecting.pop(thread)
        spent[thread][0] += time.thread_time() - cpu
        spent[thread][1] += time.perf_counter() - wall
gc.callbacks.append(on_gc)
def measured(self, rerun_data):
    number, thread = next(numbers), threading.get_ident()
    profile = cProfile.Profile() if os.path.exists(os.path.join(folder, "cprofile")) else None
    spent[thread] = [0.0, 0.0]
    start, cpu = time.monotonic(), time.thread_time()
    if profile:
        profile.enable()
    try:
        return run_script(self, rerun_data)
    finally:
        wall, used = time.monotonic() - start, time.thread_time() - cpu
        gc_cpu, gc_wall = spent.pop(thread)
        if os.environ.get("BENCH_GC_FREEZE") and not gc.get_freeze_count():
            gc.freeze()
        if profile:
            profile.disable()
            profile.dump_stats(os.path.join(folder, f"run-{number:03d}.pstats"))
        with open(os.path.join(folder, "runs.log"), "a") as log:
            log.write(f"{number} {start:.4f} {wall:.4f} {used:.4f} {gc_cpu:.4f} {gc_wall:.4f}\\n")
ScriptRunner._run_script = measured
sys.argv = ["streamlit", *sys.argv[1:]]
cli.main(prog_name="streamlit")
"""
# Arrival time (ms since navigation) and size of every message on Streamlit's websocket, in the order
# they came, so the decoded payloads Playwright reports can be put on the page's own clock.
WS_CLOCK = """
(() => {
  window.__wsFrames = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes('/_stcore/stream')) return;
      window.__wsOpened = null;
      this.addEventListener('open', () => { window.__wsOpened = performance.now(); });
      this.addEventListener('message', (event) => {
        const size = event.data instanceof ArrayBuffer ? event.data.byteLength : String(event.data).length;
        window.__wsFrames.push([performance.now(), size]);
      });
    }
  };
})();
"""
MILESTONES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paints = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
  const resources = performance.getEntriesByType('resource').map(r => ({
    name: r.name.split('/').pop().split('?')[0], type: r.initiatorType, start: r.startTime,
    ms: r.duration, bytes: r.encodedBodySize, decoded: r.decodedBodySize}));
  return {now: performance.now(), response_end: nav.responseEnd,
          dom_content_loaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          first_paint: paints['first-paint'] ?? null,
          first_contentful_paint: paints['first-contentful-paint'] ?? null,
          ws_opened: window.__wsOpened ?? null, ws_frames: window.__wsFrames, resources,
          dom_nodes: document.getElementsByTagName('*').length};
}"""
TRACE_CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8",
    "v8.execute",
    "blink.user_timing",
    "loading",
    "toplevel",
]
# Main-thread trace events by the kind of work DevTools' summary puts them under.
KINDS = {
    "script": {
        "EvaluateScript",
        "FunctionCall",
        "EventDispatch",
        "TimerFire",
        "FireAnimationFrame",
        "RunMicrotasks",
        "V8.Execute",
        "v8.run",
        "v8.callFunction",
        "XHRReadyStateChange",
        "FireIdleCallback",
        "v8.evaluateModule",
        "V8.RunMicrotasks",
    },
    "compile": {
        "v8.compile",
        "v8.compileModule",
        "V8.CompileCode",
        "v8.produceCache",
        "v8.produceModuleCache",
        "CacheScript",
        "V8.CompileLazy",
        "v8.parseOnBackground",
        "V8.ScriptCompiler",
    },
    "style": {
        "UpdateLayoutTree",
        "RecalculateStyles",
        "ParseAuthorStyleSheet",
        "ScheduleStyleRecalculation",
        "InvalidateLayout",
        "StyleInvalidatorInvalidationTracking",
    },
    "layout": {"Layout", "UpdateLayer", "IntersectionObserverController::computeIntersections"},
    "paint": {
        "Paint",
        "PrePaint",
        "Layerize",
        "CompositeLayers",
        "UpdateLayerTree",
        "PaintImage",
        "Decode Image",
        "Commit",
        "ScrollLayer",
    },
    "gc": {
        "MinorGC",
        "MajorGC",
        "V8.GCScavenger",
        "V8.GCCompactor",
        "V8.GCFinalizeMC",
        "V8.GCIncrementalMarking",
        "BlinkGC.AtomicPhase",
        "CppGC.AtomicMark",
        "ThreadState::performIdleLazySweep",
        "V8.GC_MC_BACKGROUND_MARKING",
        "BlinkGC.CompleteSweep",
        "V8.GCIncrementalMarkingFinalize",
    },
    "html": {"ParseHTML"},
}
KIND_OF = {name: kind for kind, names in KINDS.items() for name in names}
CHANGES = 8
WARM = 3


# --- the wire: Streamlit's messages --------------------------------------------------------------


def describe(payload: bytes) -> dict[str, Any]:
    """What one ForwardMsg carries, and how many of its bytes are the element's content."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    message = ForwardMsg()
    message.ParseFromString(payload)
    kind = message.WhichOneof("type") or "?"
    found: dict[str, Any] = {"bytes": len(payload), "kind": kind}
    if kind != "delta":
        return found
    delta = message.delta
    found["path"] = ".".join(str(n) for n in message.metadata.delta_path)
    which = delta.WhichOneof("type") or "?"
    if which == "new_element":
        element = delta.new_element
        name = element.WhichOneof("type") or "?"
        found["kind"] = name
        body = getattr(element, name)
        if name == "vega_lite_chart":
            found["spec_bytes"] = len(body.spec.encode())
            found["data_bytes"] = len(body.data.data) + sum(len(d.data.data) for d in body.datasets)
            found["alt_bytes"] = len(body.alt.encode())
        elif name in ("html", "markdown", "code"):
            text = body.body if name != "code" else body.code_text
            found["text_bytes"] = len(text.encode())
            found["preview"] = text[:60]
        elif name == "dataframe":
            found["data_bytes"] = len(body.arrow_data.data)
        elif hasattr(body, "label"):
            found["label"] = body.label[:40]
            found["options"] = len(getattr(body, "options", []))
    elif which == "add_block":
        found["kind"] = "block:" + (delta.add_block.WhichOneof("type") or "?")
    else:
        found["kind"] = which
    return found


def wire_summary(frames: list[dict[str, Any]]) -> dict[str, Any]:
    """Messages by kind: how many and how many bytes; the largest ones named."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for frame in frames:
        by_kind[frame["kind"]].append(frame["bytes"])
    largest = sorted(frames, key=lambda f: -f["bytes"])[:8]
    return {
        "messages": len(frames),
        "bytes": sum(f["bytes"] for f in frames),
        "by_kind": {
            kind: {"n": len(sizes), "bytes": sum(sizes)}
            for kind, sizes in sorted(by_kind.items(), key=lambda kv: -sum(kv[1]))
        },
        "largest": largest,
    }


# --- the browser: trace and CPU profile ----------------------------------------------------------------


def trace_summary(trace: dict[str, Any]) -> dict[str, Any]:
    """Self time on the page's main thread by kind of work, and the busiest event names."""
    events = trace.get("traceEvents", trace if isinstance(trace, list) else [])
    mains = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M"
        and e.get("name") == "thread_name"
        and e.get("args", {}).get("name") == "CrRendererMain"
    }
    busy = Counter(
        (e["pid"], e["tid"]) for e in events if (e["pid"], e.get("tid")) in mains and e.get("ph") == "X"
    )
    if not busy:
        return {}
    main = busy.most_common(1)[0][0]
    spans = []
    for event in events:
        if (event.get("pid"), event.get("tid")) == main and event.get("ph") == "X" and "dur" in event:
            spans.append((event["ts"], event["ts"] + event["dur"], event["name"]))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    # Each span's self time: its length, less what its direct children took.
    self_us: Counter[str] = Counter()
    stack: list[tuple[float, str]] = []  # (end, name) of the spans around the current one
    for start, end, name in spans:
        while stack and stack[-1][0] <= start:
            stack.pop()
        self_us[name] += end - start
        if stack:
            self_us[stack[-1][1]] -= min(end, stack[-1][0]) - start
        stack.append((end, name))
    by_kind: Counter[str] = Counter()
    for name, us in self_us.items():
        by_kind[KIND_OF.get(name, "other")] += us
    top = [(name, round(us / 1000, 1)) for name, us in self_us.most_common(15)]
    return {
        "main_thread_ms": round(sum(self_us.values()) / 1000, 1),
        "by_kind_ms": {k: round(v / 1000, 1) for k, v in by_kind.most_common()},
        "top_events_ms": top,
    }


def cpu_profile_summary(profile: dict[str, Any]) -> dict[str, Any]:
    """JavaScript self time by script file and by function, and time with each file on the stack."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}
    self_ms: Counter[int] = Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        self_ms[sample] += delta / 1000
    by_file: Counter[str] = Counter()
    by_function: Counter[str] = Counter()
    on_stack: Counter[str] = Counter()
    for node_id, ms in self_ms.items():
        frame = nodes[node_id]["callFrame"]
        file = frame["url"].split("/")[-1].split("?")[0] or f"({frame['functionName'] or 'native'})"
        by_file[file] += ms
        by_function[f"{frame['functionName'] or '(anonymous)'} {file}:{frame['lineNumber'] + 1}"] += ms
        files, walk = set(), node_id
        while walk in nodes:
            url = nodes[walk]["callFrame"]["url"]
            if url:
                files.add(url.split("/")[-1].split("?")[0])
            walk = parent.get(walk, -1)
        for name in files:
            on_stack[name] += ms
    idle = {"(idle)", "(program)", "(garbage collector)"}
    return {
        "sampled_ms": round(sum(self_ms.values()), 1),
        "busy_ms": round(sum(ms for f, ms in by_file.items() if f not in idle), 1),
        "self_by_file_ms": [(f, round(ms, 1)) for f, ms in by_file.most_common(14)],
        "on_stack_by_file_ms": [(f, round(ms, 1)) for f, ms in on_stack.most_common(10)],
        "top_functions_ms": [
            (f, round(ms, 1)) for f, ms in by_function.most_common(16) if not f.startswith("(idle)")
        ],
    }


@dataclass
class Recorder:
    """A browser page with its CDP session, recording one step at a time."""

    browser: Browser
    context: BrowserContext
    page: Page
    cdp: CDPSession
    out: Path
    payloads: list[bytes] = field(default_factory=list)

    @classmethod
    async def start(cls, browser: Browser, out: Path) -> Recorder:
        context, page = await new_reader(browser, STEP_SECONDS * 1000)
        await context.add_init_script(WS_CLOCK)
        cdp = await context.new_cdp_session(page)
        await cdp.send("Performance.enable")
        await cdp.send("Profiler.enable")
        await cdp.send("Profiler.setSamplingInterval", {"interval": 200})  # µs
        recorder = cls(browser, context, page, cdp, out)

        def on_socket(socket: Any) -> None:
            socket.on(
                "framereceived",
                lambda payload: recorder.payloads.append(
                    payload if isinstance(payload, bytes) else base64.b64decode(payload)
                ),
            )

        page.on("websocket", on_socket)
        return recorder

    async def metrics(self) -> dict[str, float]:
        reply = await self.cdp.send("Performance.getMetrics")
        return {m["name"]: m["value"] for m in reply["metrics"]}

    async def record(self, name: str, step: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
        """Run one step under the trace and the CPU profiler; what it cost, in the browser's terms."""
        frames_before, payloads_before = await self._frames(), len(self.payloads)
        metrics_before = await self.metrics()
        await self.browser.start_tracing(page=self.page, categories=TRACE_CATEGORIES)
        await self.cdp.send("Profiler.start")
        # The page's clock where the step starts: 0 for an open (its new document's clock starts then).
        clock_start = await self.page.evaluate("() => performance.now()") if frames_before else 0.0
        start = time.perf_counter()
        await step()
        elapsed = (time.perf_counter() - start) * 1000
        clock_end = await self.page.evaluate("() => performance.now()")
        profile = (await self.cdp.send("Profiler.stop"))["profile"]
        trace = json.loads(await self.browser.stop_tracing())
        metrics_after = await self.metrics()
        (self.out / f"{name}.cpuprofile").write_text(json.dumps(profile))
        (self.out / f"{name}.trace.json").write_text(json.dumps(trace))
        # Every message of this step, decoded, on the page's clock (ms since its navigation).
        clock = (await self._frames())[len(frames_before) :] if frames_before is not None else []
        payloads = self.payloads[payloads_before:]
        frames = []
        for index, payload in enumerate(payloads):
            frame = describe(payload)
            if index < len(clock):
                frame["at_ms"] = round(clock[index][0], 1)
            frames.append(frame)
        finished = [f["at_ms"] for f in frames if f["kind"] == "script_finished" and "at_ms" in f]
        timeline = {  # ms from the step's start on the page's clock
            "first_message": round(frames[0]["at_ms"] - clock_start, 1)
            if frames and "at_ms" in frames[0]
            else None,
            "script_finished": round(finished[-1] - clock_start, 1) if finished else None,
            "drawn": round(clock_end - clock_start, 1),
        }
        return {
            "elapsed_ms": round(elapsed, 1),
            "timeline_ms": timeline,
            "metrics_ms": {
                key: round((metrics_after[key] - metrics_before.get(key, 0)) * 1000, 1)
                for key in ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
            },
            "counts": {
                key: metrics_after[key] - metrics_before.get(key, 0)
                for key in ("LayoutCount", "RecalcStyleCount")
            },
            "dom_nodes": metrics_after.get("Nodes"),
            "js_heap_mb": round(metrics_after.get("JSHeapUsedSize", 0) / 2**20, 1),
            "trace": trace_summary(trace),
            "js": cpu_profile_summary(profile),
            "wire": wire_summary(frames),
            "frames": frames,
        }

    async def _frames(self) -> list[list[float]]:
        try:
            return list(await self.page.evaluate("() => window.__wsFrames || []"))
        except Exception:  # before the first navigation there is no page script yet
            return []

    async def close(self) -> None:
        await self.context.close()


# --- the server ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One script run as the server logged it; seconds."""

    number: int
    start: float  # CLOCK_MONOTONIC
    wall: float
    cpu: float  # the script thread's
    gc_cpu: float  # of that, in garbage collection
    gc_wall: float


@dataclass(frozen=True)
class ServerRuns:
    folder: Path

    def runs(self) -> list[Run]:
        """Every script run so far."""
        log = self.folder / "runs.log"
        if not log.exists():
            return []
        return [
            Run(int(n), *map(float, rest))
            for n, *rest in (line.split() for line in log.read_text().splitlines())
        ]

    def between(self, start: float, end: float) -> list[Run]:
        return [run for run in self.runs() if start <= run.start <= end]


Served = tuple[Side, ServerRuns]


@contextmanager
def servers(data: Path, out: Path, options: list[str], gc_freeze: bool) -> Iterator[tuple[Served, Served]]:
    with ExitStack() as stack:
        found = []
        for name, script, selector in (
            ("app", "dashboard/app.py", APP_DRAWN),
            ("bare", BARE_SCRIPT, BARE_DRAWN),
        ):
            folder = out / f"server-{name}"
            folder.mkdir(parents=True, exist_ok=True)
            server = stack.enter_context(
                streamlit_server(
                    data,
                    folder,
                    boot=("-c", PROFILE_BOOT),
                    address="127.0.0.1",
                    script=script,
                    env={"BENCH_PROFILE_DIR": str(folder), **({"BENCH_GC_FREEZE": "1"} if gc_freeze else {})},
                    options=options,
                )
            )
            found.append(
                (
                    Side(
                        name,
                        server.base_url,
                        frozenset(process_tree(server.pid)),
                        folder / "unused.log",
                        selector,
                    ),
                    ServerRuns(folder),
                )
            )
        yield found[0], found[1]


def pstats_top(files: list[Path], out: Path, limit: int = 40) -> list[tuple[str, float, float, int]]:
    """The functions with the most cumulative time over these runs: (function, cumulative ms per run,
    own ms per run, calls per run); the full listing goes to `out`."""
    if not files:
        return []
    stats = pstats.Stats(*map(str, files))
    with out.open("w") as handle:
        pstats.Stats(*map(str, files), stream=handle).sort_stats("cumulative").print_stats(120)
    rows = []
    for (file, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = file.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
        rows.append(
            (
                f"{where}:{line}({function})",
                cumulative * 1000 / len(files),
                own * 1000 / len(files),
                round(calls / len(files)),
            )
        )
    rows.sort(key=lambda r: -r[1])
    return [(name, round(cum, 1), round(own, 1), calls) for name, cum, own, calls in rows[:limit]]


# --- one run -------------------------------------------------------------------------------------------


async def profile_side(
    browser: Browser, side: Side, runs: ServerRuns, briefing: str, changes: int, out: Path, cprofile: bool
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    # Warm: the briefing loaded, the views' first runs done, a few unrecorded opens and changes.
    await open_once(browser, side, briefing, WARM_SECONDS)
    for _ in range(WARM):
        await open_once(browser, side, briefing, STEP_SECONDS)
    if cprofile:
        (runs.folder / "cprofile").touch()
    steps: list[Change] = plan(briefing, changes)
    recorder = await Recorder.start(browser, out)
    try:
        pids = set(side.pids)

        async def open_page() -> None:
            await recorder.page.goto(side.link(briefing))
            await run_finished(recorder.page, 0)
            await drawn(recorder.page, side)

        cpu_before, began = cpu_seconds(pids), time.monotonic()
        result["open"] = await recorder.record(f"{side.name}-open", open_page)
        result["open"]["server_cpu_ms"] = round((cpu_seconds(pids) - cpu_before) * 1000, 1)
        result["open"]["script_runs"] = _runs(runs.between(began, time.monotonic()))
        result["open"]["page"] = await recorder.page.evaluate(MILESTONES)
        for name, value in list(result["open"]["page"].items()):
            if name == "resources":
                result["open"]["page"][name] = sorted(value, key=lambda r: -r["bytes"])[:25]
        result["changes"] = []
        for number, change in enumerate(steps):
            await drawn(recorder.page, side)
            await change.prepare(recorder.page)  # typing the name: not recorded
            before = await recorder.page.evaluate("() => window.__runsFinished")

            async def act(change: Change = change, before: int = before) -> None:
                await change.act(recorder.page)
                await run_finished(recorder.page, before)
                await drawn(recorder.page, side)

            cpu_before, began = cpu_seconds(pids), time.monotonic()
            step = await recorder.record(f"{side.name}-change-{number + 1}", act)
            step["kind"] = change.kind
            step["server_cpu_ms"] = round((cpu_seconds(pids) - cpu_before) * 1000, 1)
            step["script_runs"] = _runs(runs.between(began, time.monotonic()))
            # The open's are kept whole; a change's summary says enough, its messages one by one in --out.
            (recorder.out / f"{side.name}-change-{number + 1}.frames.json").write_text(
                json.dumps(step.pop("frames"), indent=0)
            )
            result["changes"].append(step)
    finally:
        await recorder.close()
        (runs.folder / "cprofile").unlink(missing_ok=True)
    if cprofile:
        numbers = {run["number"] for step in result["changes"] for run in step["script_runs"]}
        opening = {run["number"] for run in result["open"]["script_runs"]}
        result["cprofile_open"] = pstats_top(
            [runs.folder / f"run-{n:03d}.pstats" for n in sorted(opening)],
            out / f"{side.name}-open.pstats.txt",
        )
        result["cprofile_change"] = pstats_top(
            [runs.folder / f"run-{n:03d}.pstats" for n in sorted(numbers)],
            out / f"{side.name}-change.pstats.txt",
        )
    return result


def _runs(found: list[Run]) -> list[dict[str, Any]]:
    return [
        {
            "number": run.number,
            "wall_ms": round(run.wall * 1000, 1),
            "thread_cpu_ms": round(run.cpu * 1000, 1),
            "gc_cpu_ms": round(run.gc_cpu * 1000, 1),
            "gc_wall_ms": round(run.gc_wall * 1000, 1),
        }
        for run in found
    ]


def summary(side: str, result: dict[str, Any]) -> list[str]:
    """A few lines a person reads first."""
    lines = []
    opened, changes = result["open"], result["changes"]
    page = opened["page"]
    js = sorted(page["resources"], key=lambda r: -r["bytes"])
    lines.append(
        f"{side} open: {opened['elapsed_ms']:.0f} ms; response {page['response_end']:.0f}, "
        f"DOMContentLoaded {page['dom_content_loaded']:.0f}, websocket open "
        f"{page['ws_opened'] or 0:.0f}, first message "
        f"{page['ws_frames'][0][0] if page['ws_frames'] else 0:.0f}, last message "
        f"{page['ws_frames'][-1][0] if page['ws_frames'] else 0:.0f} ms after navigation; "
        f"{page['dom_nodes']} DOM nodes"
    )
    lines.append(
        f"  resources: {sum(r['bytes'] for r in page['resources']) / 1024:,.0f} KB over the "
        f"wire in the 25 largest; largest: "
        + ", ".join(f"{r['name']} {r['bytes'] / 1024:,.0f} KB" for r in js[:5])
    )
    lines.append(f"  browser: {opened['metrics_ms']}; trace {opened['trace'].get('by_kind_ms')}")
    lines.append(f"  JS self by file: {opened['js']['self_by_file_ms'][:6]}")
    wire = opened["wire"]
    lines.append(
        f"  wire: {wire['messages']} messages, {wire['bytes'] / 1024:.1f} KB; by kind: "
        + ", ".join(f"{k} {v['n']}× {v['bytes'] / 1024:.1f} KB" for k, v in list(wire["by_kind"].items())[:8])
    )
    runs = opened["script_runs"]
    lines.append(
        f"  server: CPU {opened['server_cpu_ms']:.0f} ms; script runs "
        + ", ".join(
            f"{r['wall_ms']:.0f} ms wall / {r['thread_cpu_ms']:.0f} ms CPU, of which GC "
            f"{r['gc_cpu_ms']:.0f} ms CPU ({r['gc_wall_ms']:.0f} ms wall)"
            for r in runs
        )
    )
    lines.append(f"  timeline (ms after navigation): {opened['timeline_ms']}")
    if changes:
        med = statistics.median
        lines.append(
            f"{side} change (median of {len(changes)}): {med(c['elapsed_ms'] for c in changes):.0f} ms; "
            f"browser task {med(c['metrics_ms']['TaskDuration'] for c in changes):.0f} ms, script "
            f"{med(c['metrics_ms']['ScriptDuration'] for c in changes):.0f}, layout "
            f"{med(c['metrics_ms']['LayoutDuration'] for c in changes):.0f}, style "
            f"{med(c['metrics_ms']['RecalcStyleDuration'] for c in changes):.0f}; wire "
            f"{med(c['wire']['bytes'] for c in changes) / 1024:.1f} KB in "
            f"{med(c['wire']['messages'] for c in changes):.0f} messages; server CPU "
            f"{med(c['server_cpu_ms'] for c in changes):.0f} ms, script thread CPU "
            f"{med(sum(r['thread_cpu_ms'] for r in c['script_runs']) for c in changes):.0f} ms, of which "
            f"GC {med(sum(r['gc_cpu_ms'] for r in c['script_runs']) for c in changes):.0f} ms"
        )
        for moment in ("first_message", "script_finished", "drawn"):
            values = [c["timeline_ms"][moment] for c in changes if c["timeline_ms"][moment] is not None]
            if values:
                lines.append(
                    f"  {moment.replace('_', ' ')} at {med(values):.0f} ms after the action (median)"
                )
    return lines


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefing", default=SEED, help=f"briefing id (default {SEED})")
    parser.add_argument("--changes", type=int, default=CHANGES, help=f"recorded changes (default {CHANGES})")
    parser.add_argument("--cprofile", action="store_true", help="also profile each script run with cProfile")
    parser.add_argument(
        "--server-option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Streamlit option for both servers, e.g. runner.postScriptGC=false "
        "(to see what a setting would change); repeatable",
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="both servers call gc.freeze() after their first script run (an experiment)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="folder for traces, CPU profiles and pstats (default: a new temporary folder, named at the end)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON file (default {RESULTS})")
    args = parser.parse_args(argv)
    if any("=" not in option for option in args.server_option):
        parser.error("--server-option takes NAME=VALUE")
    return args


async def _run(args: argparse.Namespace, sides: Any) -> dict[str, Any]:
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            return {
                side.name: await profile_side(
                    browser, side, runs, args.briefing, args.changes, args.out, args.cprofile
                )
                for side, runs in sides
            }
        finally:
            await browser.close()


def main(argv: list[str]) -> int:
    args = arguments(argv)
    # Stopped with SIGTERM, leave as after Ctrl-C: the servers' process groups and the browser closed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium", file=sys.stderr)
        return 2
    args.out = args.out or Path(tempfile.mkdtemp(prefix="browser-profile-"))
    args.out.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    load = os.getloadavg()
    data = data_folder(args.out / "data")
    options = [
        part
        for option in args.server_option
        for part in (f"--{option.split('=', 1)[0]}", option.split("=", 1)[1])
    ]
    with servers(data, args.out, options, args.gc_freeze) as sides:
        results = asyncio.run(_run(args, sides))
    for side, result in results.items():
        print("\n".join(summary(side, result)))
    document = {
        "measured": started.isoformat(timespec="seconds"),
        "briefing": args.briefing,
        "load_average_at_start": load[0],
        "cprofile": args.cprofile,
        "server_options": args.server_option,
        "gc_freeze": args.gc_freeze,
        "out": str(args.out),
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.output.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    temporary.replace(args.output)
    print(f"wrote {args.output}; traces, CPU profiles and pstats in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
