"""The only Streamlit cache wrappers: briefings load and validate once per version of their files, and
each result of recent choices is kept, keyed by exactly what it reads (the filters, a view's state),
so a click reruns without recomputing and a change elsewhere does not recompute it."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import alignment, blocs, changes, charts, filters, matrix, reading
from dashboard import brief as briefs
from dashboard import compare as comparing
from dashboard.briefing import Briefing
from dashboard.catalog import fingerprint
from dashboard.labels import actor_label
from dashboard.prepared import load_prepared
from dashboard.problems import Problem
from dashboard.selection import CompareState, Filters, MatrixState
from dashboard.titles import briefing_title

# The version of a briefing's files as one string: the (name, mtime, size) of each, written out once
# per run. Streamlit hashes every cached call's key arguments, and a string hashes in ~0.06 ms where
# the tuple of tuples took ~0.33 ms (nine calls a run, on every run: a cell click and a Backspace too).
Version = str


@dataclass(frozen=True)
class Source:
    """A briefing folder and the version of its files, read once per script run and passed to every
    cached function (each would otherwise stat every file again)."""

    path: str
    version: Version


def source(path: Path) -> Source:
    return Source(os.fspath(path), repr(fingerprint(path)))


@st.cache_resource(show_spinner="Loading the briefing…", max_entries=4)
def _load(path: str, version: Version) -> tuple[Briefing, list[Problem]]:
    del version  # part of the cache key only: a changed file is a new version
    # Streamlit collects garbage after every script run (runner.postScriptGC); a loaded briefing is
    # hundreds of thousands of objects that live as long as the cache, and walking them each run
    # cost ~90 ms a change. Objects frozen by an earlier load go back to the collector first, so an
    # evicted briefing can still be freed; then the new one is frozen out of its reach.
    gc.unfreeze()
    loaded = load_prepared(Path(path))  # kept on disk between servers when it is slow to read
    gc.collect()
    gc.freeze()
    return loaded


def load(src: Source) -> tuple[Briefing, list[Problem]]:
    """Keyed by the path and its files' modification times and sizes, never by hashing frames."""
    return _load(src.path, src.version)


def _key(value: object) -> str:
    """A cache key for the frozen state types: their repr is made of ids, words, dates and numbers."""
    return repr(value)


@st.cache_resource(show_spinner=False, max_entries=64)
def _subset(path: str, version: Version, key: str, _chosen: Filters) -> filters.Subset:
    briefing, _ = _load(path, version)
    return filters.apply(briefing, _chosen)


def subset(src: Source, chosen: Filters) -> filters.Subset:
    """The filtered briefing: keyed by the filters only (not the view, an open cell or a measure)."""
    return _subset(src.path, src.version, _key(chosen), chosen)


@st.cache_resource(show_spinner=False, max_entries=64)
def _grid(
    path: str, version: Version, key: str, per_page: int, _chosen: Filters, _state: MatrixState
) -> matrix.MatrixGrid:
    briefing, _ = _load(path, version)
    return matrix.grid_of(
        briefing, subset(Source(path, version), _chosen), _chosen, _state, per_page=per_page
    )


def grid(
    src: Source, chosen: Filters, state: MatrixState, per_page: int = matrix.MAX_ISSUES
) -> matrix.MatrixGrid:
    """The matrix grid, kept for recent filters and matrix settings (a click on a cell reruns the
    page without computing it again: the open cell is not part of the key)."""
    state = replace(state, cell=None)
    return _grid(src.path, src.version, _key((chosen, state)), per_page, chosen, state)


@st.cache_resource(show_spinner=False, max_entries=64)
def _capacities(path: str, version: Version, key: str, _chosen: Filters) -> pd.Series:
    briefing, _ = _load(path, version)
    shown = subset(Source(path, version), _chosen)
    return reading.quote_capacities(briefing, shown, shown.quotes)


def capacities(src: Source, chosen: Filters) -> pd.Series:
    """Each quote in view's capacity towards the chosen actors (the header counts them, the quotes
    panel labels them): computed once per set of filters."""
    return _capacities(src.path, src.version, _key(chosen), chosen)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart_data(
    path: str, version: Version, key: str, per_page: int, _chosen: Filters, _state: MatrixState
) -> pd.DataFrame:
    shown = grid(Source(path, version), _chosen, _state, per_page)
    if isinstance(shown, matrix.TopicGrid):
        return charts.topic_data(shown.cells)
    return charts.matrix_data(shown.cells, _state.cell, dictionaries=False)  # drawn as SVG, not Arrow


def chart_data(
    src: Source, chosen: Filters, state: MatrixState, per_page: int = matrix.MAX_ISSUES
) -> pd.DataFrame:
    """The chart's rows, as for the grid: the page rings the open cell apart from them (the
    browser draws the ring over the SVG, `views/matrix_component.py`), so a click reuses these
    rows and the SVG made from them."""
    state = replace(state, cell=None)
    return _chart_data(src.path, src.version, _key((chosen, state)), per_page, chosen, state)


@st.cache_resource(show_spinner=False, max_entries=32)
def _comparison(
    path: str, version: Version, key: str, _chosen: Filters, actors: tuple[str, ...]
) -> comparing.Comparison:
    briefing, _ = _load(path, version)
    return comparing.comparison_for(briefing, _chosen, actors)[1]


def comparison(src: Source, chosen: Filters, state: CompareState) -> comparing.Comparison | None:
    """Compare's rows for its actors, keyed by the filters compare applies (issues, topics,
    dates), never by those it ignores."""
    if len(state.actors) < 2:
        return None
    scope = comparing.scope(chosen, state.actors)
    return _comparison(src.path, src.version, _key(scope), scope, state.actors)


@st.cache_resource(show_spinner=False, max_entries=16)
def _brief(
    path: str, version: Version, key: str, _chosen: Filters, actor: str, counterpart: str, since: date | None
) -> briefs.Brief:
    briefing, _ = _load(path, version)
    return briefs.build(briefing, _chosen, actor, counterpart, since)


def brief(src: Source, chosen: Filters, actor: str, counterpart: str, since: date | None) -> briefs.Brief:
    """The counterpart brief of `actor` meeting `counterpart`: half a second on the UN votes, so
    once per question, keyed by what it reads (the filters compare applies, the two actors, the
    date), not by the measure shown elsewhere or an open cell."""
    scope = comparing.scope(chosen, (actor, counterpart))
    return _brief(src.path, src.version, _key(scope), scope, actor, counterpart, since)


@st.cache_resource(show_spinner=False, max_entries=64)
def _title(path: str, mtime: int) -> str:
    del mtime  # part of the key: a changed briefing.yaml is read again
    return briefing_title(Path(path))


def titles(available: dict[str, Path]) -> dict[str, str]:
    """Briefing id -> title for the picker, read again when its briefing file changes."""
    return {briefing: _title(os.fspath(path), _meta_mtime(path)) for briefing, path in available.items()}


def _meta_mtime(folder: Path) -> int:
    for name in ("briefing.yaml", "briefing.yml", "briefing.json"):
        try:
            return (folder / name).stat().st_mtime_ns
        except OSError:
            continue
    return 0


@st.cache_resource(show_spinner=False, max_entries=32)
def _pairwise(
    path: str,
    version: Version,
    key: str,
    actors: tuple[str, ...],
    measure: str,
    _scope: alignment.Scope,
    min_n: int,
) -> alignment.Pairwise:
    briefing, _ = _load(path, version)
    return alignment.pairwise(briefing, actors, measure=measure, scope=_scope, min_n=min_n)


def pairwise(
    src: Source, actors: tuple[str, ...], measure: str, scope: alignment.Scope, min_n: int
) -> alignment.Pairwise:
    return _pairwise(src.path, src.version, repr(scope), actors, measure, scope, min_n)


@st.cache_resource(show_spinner=False, max_entries=32)
def _agreement(
    path: str,
    version: Version,
    key: str,
    actor: str,
    others: tuple[str, ...] | None,
    measure: str,
    by: str,
    _scope: alignment.Scope,
    min_n: int,
) -> pd.DataFrame:
    briefing, _ = _load(path, version)
    return alignment.agreement(
        briefing, actor, others, measures=(measure,), by=by or None, scope=_scope, min_n=min_n
    )


def agreement(
    src: Source,
    actor: str,
    others: tuple[str, ...] | None,
    measure: str,
    by: str,
    scope: alignment.Scope,
    min_n: int,
) -> pd.DataFrame:
    """alignment.agreement for one measure, kept for recent questions (200 states take ~0.1 s)."""
    return _agreement(src.path, src.version, repr(scope), actor, others, measure, by, scope, min_n)


@st.cache_resource(show_spinner=False, max_entries=8)
def _actor_labels(path: str, version: Version) -> dict[str, str]:
    return actor_label(_load(path, version)[0])


def actor_labels(src: Source) -> dict[str, str]:
    """The actor pickers' labels (names, aliases, unaccented spellings), made once per briefing."""
    return _actor_labels(src.path, src.version)


@st.cache_resource(show_spinner=False, max_entries=8)
def _change_kinds(path: str, version: Version) -> tuple[str, ...]:
    return changes.default_kinds(_load(path, version)[0])


def change_kinds(src: Source) -> tuple[str, ...]:
    """The kinds of change the changes view lists by default, once per briefing: whether it is a
    briefing of roll calls reads every position (on the UN votes, ~100 ms a run before)."""
    return _change_kinds(src.path, src.version)


@st.cache_resource(show_spinner=False, max_entries=16)
def _bloc_report(
    path: str, version: Version, key: str, _bloc: blocs.Bloc, _scope: alignment.Scope
) -> blocs.BlocReport:
    briefing, _ = _load(path, version)
    return blocs.report(briefing, _bloc, _scope)


def bloc_report(src: Source, bloc: blocs.Bloc, scope: alignment.Scope) -> blocs.BlocReport:
    """A bloc's cohesion and most divided issues, kept for recent blocs and filters."""
    return _bloc_report(src.path, src.version, repr((bloc, scope)), bloc, scope)


@st.cache_resource(show_spinner="Reading the team store…")
def team_store(url: str, data: str) -> bool:
    """With a team store: bring this replica's working copy up to date once, then keep it so (a
    thread hears the store's changes). Raises StoreError, not cached, when the store cannot be read
    (the page says so and the next run tries again)."""
    from dashboard.store.postgres import PostgresStore, start_listening

    PostgresStore.shared(url).sync(Path(data))
    start_listening(url, Path(data))
    return True
