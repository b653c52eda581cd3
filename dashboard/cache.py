"""The only Streamlit cache wrappers: briefings load and validate once per version of their files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import charts, filters, matrix
from dashboard.briefing import Briefing
from dashboard.catalog import fingerprint
from dashboard.filters import View
from dashboard.load import load_briefing
from dashboard.problems import Problem
from dashboard.selection import Selection, encode


@st.cache_resource(show_spinner="Loading the briefing…", max_entries=4)
def _load(path: str, version: tuple[tuple[str, int, int], ...]) -> tuple[Briefing, list[Problem]]:
    del version  # part of the cache key only: a changed file is a new version
    return load_briefing(Path(path))


def load(path: Path) -> tuple[Briefing, list[Problem]]:
    """Keyed by the path and its files' modification times and sizes, never by hashing frames."""
    return _load(os.fspath(path), fingerprint(path))


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(
    path: str, version: tuple[tuple[str, int, int], ...], key: str, _selection: Selection
) -> tuple[View, matrix.MatrixPage, pd.DataFrame]:
    briefing, _ = _load(path, version)
    view = filters.apply(briefing, _selection)
    page = matrix.page_of(briefing, view, _selection)
    chart_data = (charts.topic_data(page.cells) if _selection.group == "topics"
                  else charts.matrix_data(page.cells))
    return view, page, chart_data


def view(path: Path, selection: Selection) -> tuple[View, matrix.MatrixPage, pd.DataFrame]:
    """The filtered view, its matrix page and the chart's data, kept for recent selections (a click
    on a cell or a step back to an earlier filter reruns the page without computing them again)."""
    key = json.dumps(encode(selection), sort_keys=True)
    return _view(os.fspath(path), fingerprint(path), key, selection)
