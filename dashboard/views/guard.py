"""A region of the page that fails says so in words and leaves the rest of the page working; the
traceback goes to the server's log, never to the reader (see client.showErrorDetails)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

LOG = logging.getLogger("dashboard")


@contextmanager
def reported(region: str) -> Iterator[None]:
    """Run a region of the page; an unexpected error becomes a message (Streamlit's stop and rerun
    are BaseExceptions, not Exceptions, so they pass through)."""
    try:
        yield
    except Exception:
        LOG.exception("the %s failed to draw", region)
        st.error(
            f"The {region} could not be drawn: an unexpected error, logged on the server. "
            "Try another view, narrow the filters, or press Reset filters.",
            icon=":material/error:",
        )
