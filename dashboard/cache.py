"""The only Streamlit cache wrappers: briefings load and validate once per version of their files, and
the subset, grid and comparison of recent selections are kept so a click reruns without recomputing."""

from __future__ import annotations

import gc
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import alignment, blocs, charts, filters, matrix, reading
from dashboard import brief as briefs
from dashboard import compare as comparing
from dashboard.briefing import Briefing
from dashboard.catalog import fingerprint
from dashboard.labels import actor_label
from dashboard.load import load_briefing
from dashboard.problems import Problem
from dashboard.selection import Selection, encode
from dashboard.titles import briefing_title

Version = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Source:
    """A briefing folder and the version of its files, read once per script run and passed to every
    cached function (each would otherwise stat every file again)."""

    path: str
    version: Version


def source(path: Path) -> Source:
    return Source(os.fspath(path), fingerprint(path))


@st.cache_resource(show_spinner="Loading the briefing…", max_entries=4)
def _load(path: str, version: Version) -> tuple[Briefing, list[Problem]]:
    del version  # part of the cache key only: a changed file is a new version
    # Streamlit collects garbage after every script run (runner.postScriptGC); a loaded briefing is
    # hundreds of thousands of objects that live as long as the cache, and walking them each run
    # cost ~90 ms a change. Objects frozen by an earlier load go back to the collector first, so an
    # evicted briefing can still be freed; then the new one is frozen out of its reach.
    gc.unfreeze()
    loaded = load_briefing(Path(path))
    gc.collect()
    gc.freeze()
    return loaded


def load(src: Source) -> tuple[Briefing, list[Problem]]:
    """Keyed by the path and its files' modification times and sizes, never by hashing frames."""
    return _load(src.path, src.version)


def _key(selection: Selection) -> str:
    return json.dumps(encode(selection), sort_keys=True)


def _filters_only(selection: Selection) -> Selection:
    """What the subset and the grid depend on: not the view shown, the open cell or compare's list."""
    return selection.with_(view="matrix", cell=None, compare=(), bloc="", members=())


@st.cache_resource(show_spinner=False, max_entries=64)
def _grid(path: str, version: Version, key: str, per_page: int, _selection: Selection
          ) -> tuple[filters.Subset, matrix.MatrixGrid]:
    briefing, _ = _load(path, version)
    subset = filters.apply(briefing, _selection)
    return subset, matrix.grid_of(briefing, subset, _selection, per_page=per_page)


def grid(src: Source, selection: Selection, per_page: int = matrix.MAX_ISSUES
         ) -> tuple[filters.Subset, matrix.MatrixGrid]:
    """The filtered subset and the matrix grid, kept for recent selections (a click on a cell or a
    step back to an earlier filter reruns the page without computing them again)."""
    chosen = _filters_only(selection)
    return _grid(src.path, src.version, _key(chosen), per_page, chosen)


@st.cache_resource(show_spinner=False, max_entries=64)
def _capacities(path: str, version: Version, key: str, _selection: Selection) -> pd.Series:
    briefing, _ = _load(path, version)
    subset = _grid(path, version, key, matrix.MAX_ISSUES, _selection)[0]
    return reading.quote_capacities(briefing, subset, subset.quotes)


def capacities(src: Source, selection: Selection) -> pd.Series:
    """Each quote in view's capacity towards the chosen actors (the header counts them, the quotes
    panel labels them): computed once per selection."""
    chosen = _filters_only(selection)
    return _capacities(src.path, src.version, _key(chosen), chosen)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart_data(path: str, version: Version, key: str, per_page: int, _selection: Selection
                ) -> pd.DataFrame:
    chosen = _filters_only(_selection)
    _, shown = _grid(path, version, _key(chosen), per_page, chosen)
    if isinstance(shown, matrix.TopicGrid):
        return charts.topic_data(shown.cells)
    return charts.matrix_data(shown.cells, _selection.cell)


def chart_data(src: Source, selection: Selection, per_page: int = matrix.MAX_ISSUES
               ) -> pd.DataFrame:
    chosen = _filters_only(selection).with_(cell=selection.cell)
    return _chart_data(src.path, src.version, _key(chosen), per_page, chosen)


@st.cache_resource(show_spinner=False, max_entries=32)
def _comparison(path: str, version: Version, key: str, _selection: Selection
                ) -> comparing.Comparison:
    briefing, _ = _load(path, version)
    return comparing.comparison_for(briefing, _selection)[1]


def comparison(src: Source, selection: Selection) -> comparing.Comparison | None:
    if len(selection.compare) < 2:
        return None
    chosen = comparing.scope(selection).with_(view="compare", cell=None, compare=selection.compare)
    return _comparison(src.path, src.version, _key(chosen), chosen)


@st.cache_resource(show_spinner=False, max_entries=16)
def _brief(path: str, version: Version, key: str, _selection: Selection) -> briefs.Brief:
    briefing, _ = _load(path, version)
    return briefs.build(briefing, _selection, _selection.actors[0], _selection.vs, _selection.since)


def brief(src: Source, selection: Selection) -> briefs.Brief:
    """The counterpart brief of the selection's first actor meeting `vs` (both set by the caller):
    half a second on the UN votes, so once per selection, not once per rerun."""
    chosen = selection.with_(cell=None)
    return _brief(src.path, src.version, _key(chosen), chosen)


@st.cache_resource(show_spinner=False, max_entries=64)
def _title(path: str, mtime: int) -> str:
    del mtime  # part of the key: a changed briefing.yaml is read again
    return briefing_title(Path(path))


def titles(available: dict[str, Path]) -> dict[str, str]:
    """Briefing id -> title for the picker, read again when its briefing file changes."""
    return {briefing: _title(os.fspath(path), _meta_mtime(path))
            for briefing, path in available.items()}


def _meta_mtime(folder: Path) -> int:
    for name in ("briefing.yaml", "briefing.yml", "briefing.json"):
        try:
            return (folder / name).stat().st_mtime_ns
        except OSError:
            continue
    return 0


@st.cache_resource(show_spinner=False, max_entries=32)
def _pairwise(path: str, version: Version, key: str, actors: tuple[str, ...], measure: str,
              _scope: alignment.Scope, min_n: int) -> alignment.Pairwise:
    briefing, _ = _load(path, version)
    return alignment.pairwise(briefing, actors, measure=measure, scope=_scope, min_n=min_n)


def pairwise(src: Source, actors: tuple[str, ...], measure: str, scope: alignment.Scope,
             min_n: int) -> alignment.Pairwise:
    return _pairwise(src.path, src.version, repr(scope), actors, measure, scope, min_n)


@st.cache_resource(show_spinner=False, max_entries=32)
def _agreement(path: str, version: Version, key: str, actor: str, others: tuple[str, ...] | None,
               measure: str, by: str, _scope: alignment.Scope, min_n: int) -> pd.DataFrame:
    briefing, _ = _load(path, version)
    return alignment.agreement(briefing, actor, others, measures=(measure,), by=by or None,
                               scope=_scope, min_n=min_n)


def agreement(src: Source, actor: str, others: tuple[str, ...] | None, measure: str, by: str,
              scope: alignment.Scope, min_n: int) -> pd.DataFrame:
    """alignment.agreement for one measure, kept for recent questions (200 states take ~0.1 s)."""
    return _agreement(src.path, src.version, repr(scope), actor, others, measure, by, scope, min_n)


@st.cache_resource(show_spinner=False, max_entries=8)
def _actor_labels(path: str, version: Version) -> dict[str, str]:
    return actor_label(_load(path, version)[0])


def actor_labels(src: Source) -> dict[str, str]:
    """The actor pickers' labels (names, aliases, unaccented spellings), made once per briefing."""
    return _actor_labels(src.path, src.version)


@st.cache_resource(show_spinner=False, max_entries=16)
def _bloc_report(path: str, version: Version, key: str, _bloc: blocs.Bloc,
                 _scope: alignment.Scope) -> blocs.BlocReport:
    briefing, _ = _load(path, version)
    return blocs.report(briefing, _bloc, _scope)


def bloc_report(src: Source, bloc: blocs.Bloc, scope: alignment.Scope) -> blocs.BlocReport:
    """A bloc's cohesion and most divided issues, kept for recent blocs and filters."""
    return _bloc_report(src.path, src.version, repr((bloc, scope)), bloc, scope)
