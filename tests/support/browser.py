"""Debian's Chromium as every browser test and benchmark starts it, and the page states they wait on.

Never `playwright install`: it downloads a browser, and this machine has no network for it.
"""

from __future__ import annotations

import os
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
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/131.0.0.0 Mobile Safari/537.36")
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
