"""Drafting records from an article: readers, the quotation extractor, speaker resolution and
linking, the drafts YAML, and the saver that writes reviewed records into a briefing.

This module itself stays light (no spaCy): the page imports it to ask whether editing is on.
"""

from __future__ import annotations

import os

EDIT_VARIABLE = "DASHBOARD_EDIT"
# A file larger than this is not one article; also the server's upload bound (`dashboard serve`
# reads it here, without the readers and their parsers, which only the extract extra installs).
MAX_BYTES = 20_000_000


def editing_enabled() -> bool:
    """Editing is a property of the server process (`make edit`), never of a link or a session."""
    return os.environ.get(EDIT_VARIABLE) == "1"
