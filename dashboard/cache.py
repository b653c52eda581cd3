"""The only Streamlit cache wrappers: briefings load and validate once per version of their files, and
the subset, grid and comparison of recent selections are kept so a click reruns without recomputing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import alignment, charts, filters, matrix
from dashboard import compare as comparing
from dashboard.briefing import Briefing
from dashboard.catalog import fingerprint
from dashboard.problems import Problem
from dashboard.selection import Selection, encode
from dashboard.titles import briefing_title
from dashboard.validate import load_briefing

Version = tuple[tuple[str, int, int], ...]


@st.cache_resource(show_spinner="Loading the briefing…", max_entries=4)
def _load(path: str, version: Version) -> tuple[Briefing, list[Problem]]:
    del version  # part of the cache key only: a changed file is a new version
    return load_briefing(Path(path))


def load(path: Path) -> tuple[Briefing, list[Problem]]:
    """Keyed by the path and its files' modification times and sizes, never by hashing frames."""
    return _load(os.fspath(path), fingerprint(path))


def _key(selection: Selection) -> str:
    return json.dumps(encode(selection), sort_keys=True)


def _filters_only(selection: Selection) -> Selection:
    """What the subset and the grid depend on: not the view shown, the open cell or compare's list."""
    return selection.with_(view="matrix", cell=None, compare=())


@st.cache_resource(show_spinner=False, max_entries=64)
def _grid(path: str, version: Version, key: str, per_page: int, _selection: Selection
          ) -> tuple[filters.Subset, matrix.MatrixGrid]:
    briefing, _ = _load(path, version)
    subset = filters.apply(briefing, _selection)
    return subset, matrix.grid_of(briefing, subset, _selection, per_page=per_page)


def grid(path: Path, selection: Selection, per_page: int = matrix.MAX_ISSUES
         ) -> tuple[filters.Subset, matrix.MatrixGrid]:
    """The filtered subset and the matrix grid, kept for recent selections (a click on a cell or a
    step back to an earlier filter reruns the page without computing them again)."""
    chosen = _filters_only(selection)
    return _grid(os.fspath(path), fingerprint(path), _key(chosen), per_page, chosen)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart_data(path: str, version: Version, key: str, per_page: int, _selection: Selection
                ) -> pd.DataFrame:
    chosen = _filters_only(_selection)
    _, shown = _grid(path, version, _key(chosen), per_page, chosen)
    if isinstance(shown, matrix.TopicGrid):
        return charts.topic_data(shown.cells)
    return charts.matrix_data(shown.cells, _selection.cell)


def chart_data(path: Path, selection: Selection, per_page: int = matrix.MAX_ISSUES
               ) -> pd.DataFrame:
    chosen = _filters_only(selection).with_(cell=selection.cell)
    return _chart_data(os.fspath(path), fingerprint(path), _key(chosen), per_page, chosen)


@st.cache_resource(show_spinner=False, max_entries=32)
def _comparison(path: str, version: Version, key: str, _selection: Selection
                ) -> comparing.Comparison:
    briefing, _ = _load(path, version)
    return comparing.comparison_for(briefing, _selection)[1]


def comparison(path: Path, selection: Selection) -> comparing.Comparison | None:
    if len(selection.compare) < 2:
        return None
    chosen = comparing.scope(selection).with_(view="compare", cell=None, compare=selection.compare)
    return _comparison(os.fspath(path), fingerprint(path), _key(chosen), chosen)


@st.cache_data(show_spinner=False, max_entries=8)
def _titles(folders: tuple[tuple[str, str, Version], ...]) -> dict[str, str]:
    return {briefing: briefing_title(Path(path)) for briefing, path, _ in folders}


def titles(available: dict[str, Path]) -> dict[str, str]:
    """Briefing id -> title for the picker, read again when a briefing's files change."""
    return _titles(tuple((b, os.fspath(p), fingerprint(p)) for b, p in available.items()))


@st.cache_resource(show_spinner=False, max_entries=32)
def _pairwise(path: str, version: Version, key: str, actors: tuple[str, ...], measure: str,
              _scope: alignment.Scope, min_n: int) -> alignment.Pairwise:
    briefing, _ = _load(path, version)
    return alignment.pairwise(briefing, actors, measure=measure, scope=_scope, min_n=min_n)


def pairwise(path: Path, actors: tuple[str, ...], measure: str, scope: alignment.Scope,
             min_n: int) -> alignment.Pairwise:
    return _pairwise(os.fspath(path), fingerprint(path), repr(scope), actors, measure, scope, min_n)


@st.cache_resource(show_spinner=False, max_entries=32)
def _agreement(path: str, version: Version, key: str, actor: str, others: tuple[str, ...] | None,
               measure: str, by: str, _scope: alignment.Scope, min_n: int) -> pd.DataFrame:
    briefing, _ = _load(path, version)
    return alignment.agreement(briefing, actor, others, measures=(measure,), by=by or None,
                               scope=_scope, min_n=min_n)


def agreement(path: Path, actor: str, others: tuple[str, ...] | None, measure: str, by: str,
              scope: alignment.Scope, min_n: int) -> pd.DataFrame:
    """alignment.agreement for one measure, kept for recent questions (200 states take ~0.1 s)."""
    return _agreement(os.fspath(path), fingerprint(path), repr(scope), actor, others, measure, by,
                      scope, min_n)
