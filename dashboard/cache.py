"""The only Streamlit cache wrappers: briefings load and validate once per version of their files."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from dashboard.briefing import Briefing
from dashboard.catalog import fingerprint
from dashboard.problems import Problem
from dashboard.validate import load_briefing


@st.cache_resource(show_spinner="Loading the briefing…", max_entries=4)
def _load(path: str, version: tuple[tuple[str, int, int], ...]) -> tuple[Briefing, list[Problem]]:
    del version  # part of the cache key only: a changed file is a new version
    return load_briefing(Path(path))


def load(path: Path) -> tuple[Briefing, list[Problem]]:
    """Keyed by the path and its files' modification times and sizes, never by hashing frames."""
    return _load(os.fspath(path), fingerprint(path))
