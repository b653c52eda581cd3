"""A validated briefing as pandas frames, and the lookups every view needs.

Vocabulary columns are categoricals with the fixed category order from `records`, so colours and
sort orders never shift with the data; actor and issue references in positions are categoricals too,
which keeps 870,000 positions small and fast to filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat

import numpy as np
import pandas as pd

from dashboard.records import (
    ACTOR_KINDS,
    BASES,
    BLOCS,
    CONFIDENCES,
    OPTIONAL_TABLES,
    QUOTE_KINDS,
    SOURCE_KINDS,
    STANCES,
    TABLES,
    BriefingMeta,
)
from dashboard.text import fold, search_forms  # the search form; filters.py imports it from here
from dashboard.vocabulary import QUOTED_KINDS

_CATEGORIES = {
    ("actors", "kind"): ACTOR_KINDS,
    ("sources", "kind"): SOURCE_KINDS,
    ("quotes", "kind"): QUOTE_KINDS,
    ("positions", "stance"): STANCES,
    ("positions", "basis"): BASES,
    ("positions", "confidence"): CONFIDENCES,
}


def _categorical(values: pd.Series, categories: list[str], ordered: bool = False) -> pd.Categorical:
    """As `pd.Categorical(values, categories=...)`, a value of no category missing, but matching
    each distinct value once instead of every row (870,109 positions: 0.2 s a column to 0.02 s)."""
    codes, distinct = pd.factorize(values)
    found = pd.Index(categories).get_indexer(pd.Index(distinct))
    # A missing value's code is -1, and so is the one appended: it stays missing.
    return pd.Categorical.from_codes(np.append(found, -1)[codes], categories=categories, ordered=ordered)


def _typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True).copy()
    for (table, column), categories in _CATEGORIES.items():
        if table == name:
            frame[column] = _categorical(frame[column], list(categories), ordered=True)
    return frame


@dataclass(frozen=True)
class Briefing:
    meta: BriefingMeta
    actors: pd.DataFrame
    issues: pd.DataFrame
    sources: pd.DataFrame
    quotes: pd.DataFrame  # plus `when`: the quote's date, else its source's
    positions: pd.DataFrame  # plus `position`: a stable row number used as the position's id
    blocs: pd.DataFrame  # declared blocs and coalitions (records.BLOCS), often empty
    quote_issues: pd.DataFrame = field(repr=False)  # quote, issue: one row per link
    evidence: pd.DataFrame = field(repr=False)  # position, quote: one row per link

    @classmethod
    def from_frames(
        cls,
        meta: BriefingMeta,
        *,
        actors: pd.DataFrame,
        issues: pd.DataFrame,
        sources: pd.DataFrame,
        quotes: pd.DataFrame,
        positions: pd.DataFrame,
        blocs: pd.DataFrame | None = None,
    ) -> Briefing:
        if blocs is None:
            blocs = pd.DataFrame({f: pd.Series(dtype=object) for f in BLOCS.field_names})
        actors, issues, sources, quotes, positions, blocs = (
            _typed(t.name, f)
            for t, f in zip(TABLES, (actors, issues, sources, quotes, positions, blocs), strict=True)
        )
        published = dict(zip(sources["id"], sources["published"], strict=True))
        # to_datetime keeps the column a datetime even when no source (or no quote) survived.
        quotes["when"] = pd.to_datetime(quotes["date"]).fillna(
            pd.to_datetime(quotes["source"].map(published))
        )
        positions["actor"] = _categorical(positions["actor"], actors["id"].tolist())
        positions["issue"] = _categorical(positions["issue"], issues["id"].tolist())
        positions.insert(0, "position", pd.RangeIndex(len(positions)))
        quote_issues = _links(quotes, "id", "issues", ("quote", "issue"))
        evidence = _links(positions, "position", "evidence", ("position", "quote"))
        return cls(meta, actors, issues, sources, quotes, positions, blocs, quote_issues, evidence)

    def counts(self) -> dict[str, int]:
        """Records per table; an optional table (blocs) only when it has any."""
        counts = {t.name: len(getattr(self, t.name)) for t in TABLES}
        return {n: c for n, c in counts.items() if c or n not in OPTIONAL_TABLES}

    # -------------------------------------------------------------------------------- lookups

    @cached_property
    def actor_names(self) -> dict[str, str]:
        return dict(zip(self.actors["id"], self.actors["name"], strict=True))

    @cached_property
    def actor_records(self) -> dict[str, dict[str, object]]:
        return {str(r["id"]): r for r in self.actors.to_dict("records")}

    @cached_property
    def source_records(self) -> dict[str, dict[str, object]]:
        return {str(r["id"]): r for r in self.sources.to_dict("records")}

    @cached_property
    def has_history(self) -> bool:
        """Whether any actor has more than one position on an issue (positions over time)."""
        codes = (
            self.positions["actor"].cat.codes.to_numpy().astype("int64") * max(len(self.issues), 1)
            + self.positions["issue"].cat.codes.to_numpy()
        )
        return bool(len(codes) != len(pd.unique(codes)))

    @cached_property
    def on_known_issue(self) -> np.ndarray:
        """For each position: is its issue one of the briefing's issues?"""
        return np.asarray(self.positions["issue"].isin(self.issues["id"]).to_numpy(dtype=bool))

    @cached_property
    def _rows_by_actor(self) -> tuple[pd.Index, np.ndarray, np.ndarray]:
        """The positions' row numbers grouped by actor: the actors (categories), the rows in actor
        order, and where each actor's run starts (built once per briefing: ~60 ms for the UN votes)."""
        column = self.positions["actor"]
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes, categories = column.cat.codes.to_numpy().astype(np.int64), column.cat.categories
        else:
            found, uniques = pd.factorize(column, use_na_sentinel=True)
            codes, categories = found.astype(np.int64), pd.Index(uniques)
        order = np.argsort(codes, kind="stable")
        starts = np.searchsorted(codes[order], np.arange(len(categories) + 1))
        return categories, order, starts

    def rows_of(self, actors: Iterable[object]) -> np.ndarray:
        """Row numbers, ascending, of the positions of `actors` (ids not in the briefing: none), so
        a filter on a few actors looks at their rows, not at all 870,109 of the UN votes."""
        categories, order, starts = self._rows_by_actor
        wanted = pd.Index(list(dict.fromkeys(actors)), dtype=object)
        places = categories.get_indexer(wanted.astype(categories.dtype)) if len(wanted) else np.array([], int)
        runs = [order[starts[p] : starts[p + 1]] for p in places if p >= 0]
        return np.sort(np.concatenate(runs)) if runs else np.array([], dtype=np.int64)

    @cached_property
    def assessed_rows(self) -> np.ndarray:
        """Row numbers of the positions that are someone's reading (an assessor is named)."""
        return np.flatnonzero(self.positions["assessed_by"].notna().to_numpy(dtype=bool))

    @cached_property
    def issue_recency(self) -> pd.Series:
        """Issue id -> rank from oldest to newest (by date, undated first, then file order)."""
        ranked = self.issues.assign(_order=range(len(self.issues))).sort_values(
            ["date", "_order"], na_position="first", kind="stable"
        )["id"]
        return pd.Series(range(len(ranked)), index=ranked.to_numpy())

    @cached_property
    def issues_oldest_first(self) -> pd.DataFrame:
        """The issues by date, oldest first, then in file order (undated first): the matrix's
        columns when no issue or topic is chosen, sorted once, not for each pick (9,147 UN votes)."""
        rank = self.issues["id"].map(self.issue_recency).to_numpy()
        return self.issues.iloc[np.argsort(rank, kind="stable")]

    @cached_property
    def actor_rank(self) -> pd.Series:
        """Actor id -> display rank: grouped by kind (states first), then by name."""
        order = self.actors.assign(
            _kind=self.actors["kind"].cat.codes, _name=self.actors["name"].str.casefold()
        )
        ordered = order.sort_values(["_kind", "_name"], kind="stable")["id"]
        return pd.Series(range(len(ordered)), index=ordered.to_numpy())

    @cached_property
    def issue_titles(self) -> dict[str, str]:
        return dict(zip(self.issues["id"], self.issues["title"], strict=True))

    @cached_property
    def spokespeople(self) -> dict[str, list[str]]:
        """Actor id -> ids of those who speak for it (directly or through an organization)."""
        speakers: dict[str, list[str]] = {}
        represents = dict(zip(self.actors["id"], self.actors["represents"], strict=True))
        for actor, principal in represents.items():
            seen = {actor}
            while isinstance(principal, str) and principal not in seen:
                speakers.setdefault(principal, []).append(actor)
                seen.add(principal)
                principal = represents.get(principal)
        return speakers

    @cached_property
    def said_how(self) -> np.ndarray:
        """For each position (by its row number), how its evidence gives the actor's words when the
        actor said it: "quoted" (a direct or partial quote of the actor or of one who speaks for it),
        "unquoted" (evidence cited, none of it their quoted words: a paraphrase or others' words),
        "uncited" (no evidence)."""
        out = np.full(len(self.positions), "uncited", dtype=object)
        links = self.evidence
        if len(links):
            quotes = self.quotes.drop_duplicates("id").set_index("id")  # ids checked unique on load
            speaker = links["quote"].map(quotes["speaker"])
            quoted = links["quote"].map(quotes["kind"].astype(object)).isin(QUOTED_KINDS).to_numpy(bool)
            actor = self.positions["actor"].astype(object).to_numpy()[links["position"].to_numpy(np.int64)]
            own = np.array(
                [
                    s == a or s in self.spokespeople.get(a, ())
                    for s, a in zip(speaker.to_numpy(dtype=object), actor, strict=True)
                ],
                dtype=bool,
            )
            cited = links["position"].to_numpy(np.int64)
            out[cited] = "unquoted"
            out[cited[quoted & own]] = "quoted"
        return out

    @cached_property
    def actor_search_text(self) -> dict[str, str]:
        """Actor id -> folded name, id and aliases in every form a reader may type them (accents
        dropped, German umlauts spelled out: 'Gruene' finds GRÜNE), for search in any script."""
        text = {}
        for row in self.actors.itertuples(index=False):
            aliases = " | ".join(row.aliases) if isinstance(row.aliases, list) else ""
            text[row.id] = search_forms(f"{row.name} | {row.id} | {aliases}")
        return text

    def find_actors(self, query: str) -> list[str]:
        """Actor ids whose name, id or any alias contains the query (case and accents ignored,
        'ae' for 'ä'), best match first: a whole name or alias, then one it starts, then any."""
        needle = fold(query.strip())
        if not needle:
            return []
        found = [a for a, text in self.actor_search_text.items() if needle in text]

        def closeness(actor: str) -> tuple[int, int]:
            names = [n.strip() for n in self.actor_search_text[actor].split("|")]
            whole = any(needle == n or needle in n.split(" ") and len(n.split(" ")) == 1 for n in names)
            starts = any(n.startswith(needle) for n in names)
            return (0 if whole else 1 if starts else 2, int(self.actor_rank.get(actor, 0)))

        return sorted(found, key=closeness)

    def best_actor(self, query: str) -> str | None:
        """The actor a reader most likely means by what they typed (None: no match)."""
        found = self.find_actors(query)
        return found[0] if found else None

    @cached_property
    def issue_search_text(self) -> pd.Series:
        """Folded title, statement, id and reference of every issue, indexed by id."""
        issues = self.issues
        text = (
            issues["title"].fillna("")
            + " "
            + issues["statement"].fillna("")
            + " "
            + issues["id"]
            + " "
            + issues["reference"].fillna("")
        )
        return pd.Series(text.map(fold).to_numpy(), index=issues["id"].to_numpy())

    def find_issues(self, query: str) -> list[str]:
        """Issue ids whose title, statement, id or reference contain the query, newest first."""
        needle = fold(query.strip())
        found = self.issue_search_text[self.issue_search_text.str.contains(needle, regex=False)]
        return sorted(found.index, key=lambda i: -int(self.issue_recency[i]))

    @cached_property
    def topics(self) -> list[str]:
        return sorted(self.issues["topic"].dropna().unique().tolist())


def _links(frame: pd.DataFrame, key: str, column: str, names: tuple[str, str]) -> pd.DataFrame:
    # An empty list gives no row, so those rows are left out before exploding, found by C-level maps:
    # the UN votes' 870,109 positions cite no quote (0.2 s to explode, 0.05 s to find them empty).
    values = frame[column].to_numpy(dtype=object)
    is_list = np.fromiter(map(isinstance, values, repeat(list)), dtype=bool, count=len(values))
    linked = ~is_list  # anything else is exploded as before (a missing value is then dropped)
    linked[is_list] = np.fromiter(map(len, values[is_list]), dtype=np.int64, count=int(is_list.sum())) > 0
    exploded = frame.loc[linked, [key, column]].explode(column).dropna()
    return pd.DataFrame(
        {names[0]: exploded[key].to_numpy(), names[1]: exploded[column].astype(str).to_numpy()}
    )
