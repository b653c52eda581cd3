"""Debian's Chromium as every browser test and benchmark starts it, and the page states they wait on.

Never `playwright install`: it downloads a browser, and this machine has no network for it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host but this machine resolves: a page cannot reach the internet even where no route
    # refuses it.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
# Streamlit's own e2e signals: connected, the script finished, and no skeleton left where a widget's
# code is still being fetched (a crashed script may leave skeletons: an exception also ends the wait).
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
  || document.querySelector('[data-testid="stException"]')"""
VIEWPORT: ViewportSize = {"width": 1400, "height": 1100}
# A phone's browser says so: the app gives it fewer columns per page (dashboard/views/matrix.py).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
SIZES: dict[str, ViewportSize] = {  # the screens the layout must fit
    "laptop-1440": {"width": 1440, "height": 900},
    "laptop-1280": {"width": 1280, "height": 720},
    "phone-390": {"width": 390, "height": 844},
}


def missing_chromium() -> str | None:
    """Why the browser cannot run here, or None. In CI its absence is a failure, not a skip."""
    if CHROMIUM.exists():
        return None
    message = f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium"
    if os.environ.get("CI"):
        return f"FAIL: {message}; the CI image must install it (apt-get install -y chromium)."
    return f"{message}. Get it with: sudo apt-get install -y chromium"


# Counts the script runs the server reports finished, read from the app's own websocket. The page's
# script state alone cannot say a rerun happened: under load React may apply "running" and
# "notRunning" in one render, so the page never reads "running" and a click's rerun goes unseen (a
# MutationObserver counter in the browser tests timed out that way, here and in CI). The server's
# ScriptFinished message is the authoritative end of a run, of the whole script or of a fragment;
# this listener sees each frame before Streamlit's own listener does. Field numbers are filled in
# from Streamlit's ForwardMsg definition (see run_counter()).
RUN_COUNTER = """
(() => {
  window.__runsFinished = 0;
  window.__runsFailed = 0;
  const varint = (bytes, pos) => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[pos++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, pos];
  };
  const finishStatus = (bytes) => {  // the top-level script_finished field, or undefined
    let pos = 0, key, value;
    while (pos < bytes.length) {
      [key, pos] = varint(bytes, pos);
      const wire = key & 7;
      if (wire === 0) {
        [value, pos] = varint(bytes, pos);
        if (Math.floor(key / 8) === FINISHED_FIELD) return value;
      } else if (wire === 2) { [value, pos] = varint(bytes, pos); pos += value; }
      else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else return undefined;
    }
    return undefined;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes('/_stcore/stream')) return;
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const status = finishStatus(new Uint8Array(event.data));
        if (status === FINISHED_OK || status === FINISHED_FRAGMENT) window.__runsFinished++;
        else if (status === FINISHED_COMPILE_ERROR) window.__runsFailed++;
      });
    }
  };
})();
"""


def run_counter() -> str:
    """RUN_COUNTER with the ForwardMsg field and status numbers of the installed Streamlit."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    numbers = {
        "FINISHED_FIELD": ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number,
        "FINISHED_OK": ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY"),
        # A click inside the page's view region reruns that fragment alone (views/region.py).
        "FINISHED_FRAGMENT": ForwardMsg.ScriptFinishedStatus.Value("FINISHED_FRAGMENT_RUN_SUCCESSFULLY"),
        "FINISHED_COMPILE_ERROR": ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR"),
    }
    return re.sub("|".join(numbers), lambda name: str(numbers[name.group()]), RUN_COUNTER)


# The layout and accessibility checks (tests/e2e/test_layout.py, test_accessibility.py) look at
# each of these briefings' views at each screen size: `run_group` puts one briefing at one size in
# a group of its own. A briefing missing here only makes its checks a part of their module's group.
VIEWED_BRIEFINGS = ("nk-troops-russia", "unvotes", "bundestag-2025")
VIEW_CHECKS = ("tests/e2e/test_layout.py", "tests/e2e/test_accessibility.py")


def run_group(nodeid: str) -> str:
    """Which group of the browser tests a test belongs to, for `make test`'s two processes (one group
    runs whole in one of them): its module, so the module's servers and pages are set up once; but
    a layout or accessibility check of one briefing at one size (its parameters name them, as in
    `[phone-390-unvotes-brief]` or `[unvotes-cell]`, laptop-1440 when no size is named) goes with
    the other checks of that briefing at that size, of either module, to look at one page."""
    module, _, name = nodeid.partition("::")
    ids = name.partition("[")[2].rstrip("]")
    if module not in VIEW_CHECKS or not ids:
        return module
    size = next((s for s in SIZES if ids == s or ids.startswith(f"{s}-")), "laptop-1440")
    rest = ids.removeprefix(size).removeprefix("-")
    briefing = next((b for b in VIEWED_BRIEFINGS if rest == b or rest.startswith(f"{b}-")), None)
    return f"views-{briefing}-{size}" if briefing else module
