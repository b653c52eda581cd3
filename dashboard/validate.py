"""Check raw tables field by field (`field_checks.py`) and across records (references, loops,
duplicate positions, what nothing refers to); keep the valid records, report the rest.

Checks are vectorised over whole columns so a 870,000-row table validates in about a second; message
strings are only built for the rows that fail. A record with an error is set aside (and anything that
refers to it says so); an unknown field is reported but costs the record nothing.
"""

from __future__ import annotations

from collections.abc import Container
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import ValidationError

from dashboard import controls
from dashboard.briefing import Briefing
from dashboard.extract.duplicates import words_key
from dashboard.field_checks import TableCheck
from dashboard.formats import Nested, RawBriefing, distinct
from dashboard.problems import Problem, Problems, Severity, Suggestions, suggest
from dashboard.records import (
    META_FIELDS,
    TABLE_BY_NAME,
    BriefingMeta,
    Kind,
    TableSpec,
)

MAX_NAMED_PER_ROW = 10  # ids named in one row's message when it lists many that are not there
_ARTICLE = {"actor": "an", "issue": "an"}


def _walk(chain: dict[str, object], start: str, done: Container[str]) -> tuple[list[str], object]:
    """From `start` along the chain until an id already `done`, one met on this walk again, or an
    end; the ids walked, and where it stopped."""
    path: list[str] = []
    on_path: set[str] = set()
    node: object = start
    while isinstance(node, str) and node in chain and node not in done and node not in on_path:
        path.append(node)
        on_path.add(node)
        node = chain[node]
    return path, node


def _reaches_outside(chain: dict[str, object]) -> set[str]:
    """The ids whose chain of references (id -> the id it refers to) reaches one that is not in
    the chain; a chain that ends (no reference) or goes round in a loop does not. Each id is walked
    once: what is found for the end of a walk holds for every id on it."""
    outside: dict[str, bool] = {}
    for start in chain:
        path, end = _walk(chain, start, outside)
        ends_inside = not isinstance(end, str) or end in path  # no reference, or a loop
        found = False if ends_inside else outside.get(str(end), end not in chain)
        outside.update(dict.fromkeys(path, found))
    return {node for node, found in outside.items() if found}


def _loops(chain: dict[str, object]) -> dict[str, str]:
    """Each id on a loop of references -> the loop, written 'a -> b -> a' from where the first walk
    into it entered it. Each id is walked once."""
    looped: dict[str, str] = {}
    walked: set[str] = set()
    for start in chain:
        path, end = _walk(chain, start, walked)
        walked.update(path)
        if isinstance(end, str) and end in path:
            loop = path[path.index(end) :] + [end]
            for member in loop[:-1]:
                looped.setdefault(member, " -> ".join(loop))
    return looped


def _items(lists: pd.Series) -> pd.Series:
    """Each list's items, one a row, indexed by the list's row: `explode().dropna()` over the lists
    that hold any (870,109 empty evidence lists exploded were a tenth of a second of a load)."""
    lengths = np.fromiter(map(len, lists.to_numpy(dtype=object)), dtype=np.int64, count=len(lists))
    return lists[lengths > 0].explode().dropna()


def _same(message: str, row: int) -> str:
    """A message that is the same for every row it is reported on."""
    return message


class _Validator:
    def __init__(self, raw: RawBriefing, by_distinct_from: int | None) -> None:
        self.raw = raw
        self.by_distinct_from = by_distinct_from
        self.problems = Problems(problems=list(raw.problems))
        self.checks: dict[str, TableCheck] = {}
        self.frames: dict[str, pd.DataFrame] = {}

    def own(self, name: str) -> None:
        check = TableCheck(self.raw.tables[name], self.problems)
        self.checks[name] = check
        self.frames[name] = distinct.own_fields(check, self.by_distinct_from)

    def valid_ids(self, name: str) -> pd.Index:
        frame, bad = self.frames[name], self.checks[name].bad
        return pd.Index(frame.loc[~bad, "id"].dropna().unique())

    def ref(self, name: str, field: str) -> None:
        check, frame = self.checks[name], self.frames[name]
        spec = TABLE_BY_NAME[name].field(field)
        target = TABLE_BY_NAME[spec.target]
        valid = self.valid_ids(spec.target)
        if spec.kind is Kind.REF:
            values = frame[field]
            wrong = (values.notna() & ~values.isin(valid)).to_numpy(dtype=bool)
            if wrong.any():
                ids, all_ids = Suggestions(valid), self._lines(spec.target)
                check.report(
                    wrong, field, lambda r: self._ref_message(field, str(values.iat[r]), target, ids, all_ids)
                )
            if spec.target == name:
                self.ref_within(name, field)
            return
        exploded = _items(frame[field])
        wrong_items = exploded[~exploded.isin(valid)]
        if wrong_items.empty:
            return
        all_ids = self._lines(spec.target)
        by_row = wrong_items.groupby(level=0).agg(list)
        mask = np.zeros(len(frame), dtype=bool)
        mask[by_row.index.to_numpy()] = True
        ids = Suggestions(valid)

        def message(row: int) -> str:
            # A row may list thousands of ids that are not there: the first few are named.
            wrong_ids = by_row[row]
            named = "; ".join(
                self._ref_message(field, str(v), target, ids, all_ids) for v in wrong_ids[:MAX_NAMED_PER_ROW]
            )
            more = len(wrong_ids) - MAX_NAMED_PER_ROW
            return named + (f"; and {more:,} more ids that are not there" if more > 0 else "")

        check.report(mask, field, message)

    def ref_within(self, name: str, field: str) -> None:
        """A reference inside one table (actor -> actor) may point at a record set aside only by
        this same check, or later by a loop; set aside what points at it too, to any depth, so no
        kept record refers to one that is not kept. One walk along the references, linear in the
        records: a chain of 50,000 actors each representing the next is walked once, not 50,000
        times."""
        check, frame = self.checks[name], self.frames[name]
        target = TABLE_BY_NAME[name]
        values = frame[field]
        ok = ~check.bad
        chain = dict(zip(frame.loc[ok, "id"], frame.loc[ok, field], strict=True))
        doomed = _reaches_outside(chain)
        wrong = ok & frame["id"].isin(doomed).to_numpy(dtype=bool)
        if wrong.any():
            ids, all_ids = Suggestions(self.valid_ids(name)), self._lines(name)
            check.report(
                wrong, field, lambda r: self._ref_message(field, str(values.iat[r]), target, ids, all_ids)
            )

    def _lines(self, name: str) -> pd.Series:
        """Each id of the table -> the line of its first record: for the messages, built only when
        a reference is wrong (most briefings have none, and it was two frame copies per check)."""
        return self.frames[name].drop_duplicates("id").set_index("id")["_line"]

    def _ref_message(
        self, field: str, value: str, target: TableSpec, valid: Suggestions, all_ids: pd.Series
    ) -> str:
        article = _ARTICLE.get(target.singular, "a")
        if value in all_ids.index:
            return (
                f"{field} '{value:.60}' refers to {article} {target.singular} that has errors "
                f"(line {all_ids[value]}): fix that record first"
            )
        return f"{field} '{value:.60}' is not {article} {target.singular} id{suggest(value, valid)}"

    def represents_loops(self) -> None:
        check, frame = self.checks["actors"], self.frames["actors"]
        ok = ~check.bad
        chain = dict(zip(frame.loc[ok, "id"], frame.loc[ok, "represents"], strict=True))
        looped = _loops(chain)
        if looped:
            mask = frame["id"].isin(list(looped)).to_numpy(dtype=bool) & ok
            check.report(
                mask,
                "represents",
                lambda r: (
                    (
                        "represents itself"
                        if looped[frame.at[r, "id"]].count("->") == 1
                        else f"'represents' goes round in a loop: {looped[frame.at[r, 'id']]}"
                    )
                    + "; an official represents a state or organization"
                ),
            )

    def positions(self) -> None:
        check, frame = self.checks["positions"], self.frames["positions"]
        duplicated = self._repeated_positions(frame, ~check.bad)
        if duplicated.any():
            # No date is a date of its own; text keys, as a Timestamp fill no longer fits the dtype.
            key = frame[["actor", "issue"]].assign(as_of=frame["as_of"].dt.strftime("%Y-%m-%d").fillna(""))
            valid_key = key[~check.bad]  # one key per kept row, or assign() fails on the length
            first = frame[~check.bad].assign(
                _k=list(zip(valid_key["actor"], valid_key["issue"], valid_key["as_of"], strict=True))
            )
            first_line = first.drop_duplicates("_k").set_index("_k")["_line"]

            def first_at(r: int) -> object:
                return first_line[(key.at[r, "actor"], key.at[r, "issue"], key.at[r, "as_of"])]

            check.report(
                duplicated,
                "as_of",
                lambda r: (
                    "a second position for the same actor, issue and date "
                    f"(first at line {first_at(r)}): give each an 'as_of' date, or merge them"
                ),
            )
        ok = ~check.bad
        # The evidence lists counted only where the rest holds: 870,109 lengths are 0.05 s.
        stated = np.asarray(
            ok & (frame["basis"] == "stated").to_numpy() & frame["source"].isna().to_numpy(), dtype=bool
        )
        rows = np.flatnonzero(stated)
        evidence = frame["evidence"].to_numpy(dtype=object)[rows]
        stated[rows] = np.fromiter(map(len, evidence), dtype=np.int64, count=len(rows)) == 0
        check.report(
            stated,
            "evidence",
            lambda r: (
                "basis is 'stated' but neither an evidence quote "
                "nor a source is given: list the quote ids in 'evidence', or name the "
                "'source' that records it"
            ),
            Severity.WARNING,
        )
        inferred = ok & (frame["basis"] == "inferred").to_numpy() & frame["assessed_by"].isna().to_numpy()
        check.report(
            inferred,
            "assessed_by",
            lambda r: "basis is 'inferred' but 'assessed_by' does not say whose reading it is",
            Severity.WARNING,
        )
        # Silence is a recorded fact (the actor has not commented), never someone's reading: an
        # expert's "he's not going to say anything" is a forecast the page would draw as silence.
        silent_reading = (
            ok & (frame["stance"] == "silent").to_numpy() & (frame["basis"] == "inferred").to_numpy()
        )
        check.report(
            silent_reading,
            "basis",
            lambda r: (
                "stance is 'silent' but basis is 'inferred': silence is a recorded fact, not a "
                "reading. If a source reports that the actor has not commented, make the basis "
                "'reported' with that report as evidence; if someone expects the actor to say "
                "nothing, that is a forecast: record no position here and keep the words as the "
                "assessor's quotes"
            ),
            Severity.WARNING,
        )

    @staticmethod
    def _repeated_positions(frame: pd.DataFrame, ok: np.ndarray) -> np.ndarray:
        """Kept positions whose actor, issue and day (or no date) an earlier kept one has. Keyed
        by numbers (each id's code, the day's number) rather than texts, and only the positions
        whose actor and issue another kept one shares are compared by day: 870,109 UN votes are
        each the only vote of a state on a resolution, found by counting the pairs (a tenth of
        the time of comparing three columns, which was a quarter of a second)."""
        actors, actor_ids = pd.factorize(frame["actor"], use_na_sentinel=False)
        issues, issue_ids = pd.factorize(frame["issue"], use_na_sentinel=False)
        pairs = actors.astype(np.int64) * max(len(issue_ids), 1) + issues
        kept_pairs = pairs[ok]
        if len(actor_ids) * len(issue_ids) <= 4 * len(frame) + 1_000:  # a count per pair fits
            shared = np.bincount(kept_pairs, minlength=len(actor_ids) * len(issue_ids))[pairs] > 1
        else:
            shared = np.zeros(len(frame), dtype=bool)
            shared[ok] = pd.Series(kept_pairs).duplicated(keep=False).to_numpy()
        rows = np.flatnonzero(ok & shared)
        days = frame["as_of"].to_numpy()[rows].astype("datetime64[D]").view(np.int64)  # NaT: one day
        repeated = np.zeros(len(frame), dtype=bool)
        repeated[rows] = pd.DataFrame({"pair": pairs[rows], "day": days}).duplicated(keep="first").to_numpy()
        return repeated

    def duplicate_quotes(self) -> None:
        """The same words by the same speaker twice (a re-pasted article, another outlet's copy of
        one wire story): a warning on each record after the first, naming both. Records on wholly
        different issues are two answers, not one statement twice (a party giving the same
        justification to two theses of a voting advice application)."""
        check, frame = self.checks["quotes"], self.frames["quotes"]
        ok = ~check.bad
        if not ok.any():
            return
        keys = pd.Series("", index=frame.index, dtype=object)
        keys[ok] = frame.loc[ok, "text"].map(lambda t: words_key(t) if isinstance(t, str) else "")
        kept = frame.loc[ok & (keys != "").to_numpy()].assign(_key=keys)
        repeated = kept.loc[kept[["speaker", "_key"]].duplicated(keep=False).to_numpy()]
        earlier_of: dict[int, int] = {}  # a repeat's row -> the first record it repeats
        for _, group in repeated.groupby(["speaker", "_key"], sort=False):
            seen: list[tuple[int, set[str]]] = []
            for row, issues in zip(group.index, group["issues"], strict=True):
                mine = set(issues) if isinstance(issues, list) else set()
                first = next((r for r, theirs in seen if not mine or not theirs or mine & theirs), None)
                if first is None:
                    seen.append((row, mine))
                else:
                    earlier_of[row] = first
        if not earlier_of:
            return
        mask = np.zeros(len(frame), dtype=bool)
        mask[frame.index.get_indexer(list(earlier_of))] = True

        def message(r: int) -> str:
            earlier = earlier_of[r]
            return (
                f"the same words by the same speaker as quote {frame.at[earlier, 'id']} (line "
                f"{frame.at[earlier, '_line']}): one statement recorded twice? Keep one, and list "
                "the other record's source in its 'also_in'"
            )

        check.report(mask, "text", message, Severity.WARNING)

    def translations(self) -> None:
        """A translation says who or which tool made it; its provenance without the words is a
        slip (dashboard/translations.py)."""
        check, frame = self.checks["quotes"], self.frames["quotes"]
        ok = ~check.bad

        def given(field: str) -> np.ndarray:
            column = frame[field]
            return np.asarray(column.notna() & (column.astype(str).str.strip() != ""), dtype=bool)

        translated = given("translation")
        check.report(
            ok & translated & ~given("translated_by"),
            "translated_by",
            lambda r: (
                "the quote has a 'translation' but does not say who made it: fill 'translated_by' "
                "with the person, or the tool and its version"
            ),
            Severity.WARNING,
        )
        for field in ("translation_language", "translated_by", "translated_on"):
            said = (
                f"'{field}' is given but the quote has no 'translation': add the translated "
                f"words, or remove '{field}'"
            )
            check.report(ok & given(field) & ~translated, field, partial(_same, said), Severity.WARNING)

    def unreferenced(self) -> None:
        actors, quotes, positions = (self.frames[n] for n in ("actors", "quotes", "positions"))
        ok = {n: ~self.checks[n].bad for n in self.checks}
        # unique() before set(): 870,000 positions name only a few hundred actors.
        used_actors = (
            set(quotes.loc[ok["quotes"], "speaker"].unique())
            | set(positions.loc[ok["positions"], "actor"].unique())
            | set(positions.loc[ok["positions"], "assessed_by"].dropna().unique())
            | set(actors.loc[ok["actors"], "represents"].dropna().unique())
            | set(self.frames["blocs"].loc[ok["blocs"], "members"].explode().dropna())
        )
        check = self.checks["actors"]
        check.report(
            ok["actors"] & ~actors["id"].isin(used_actors).to_numpy(),
            "id",
            lambda r: "nothing refers to this actor (no quote, position, bloc or 'represents')",
            Severity.WARNING,
        )
        issues = self.frames["issues"]
        used_issues = set(positions.loc[ok["positions"], "issue"].unique()) | set(
            quotes.loc[ok["quotes"], "issues"].explode().dropna()
        )
        self.checks["issues"].report(
            ok["issues"] & ~issues["id"].isin(used_issues).to_numpy(),
            "id",
            lambda r: "nothing refers to this issue (no position or quote)",
            Severity.WARNING,
        )
        self.checks["quotes"].report(
            ok["quotes"] & (quotes["issues"].map(len) == 0).to_numpy(),
            "issues",
            lambda r: "the quote is linked to no issue: list issue ids in 'issues'",
            Severity.WARNING,
        )

    def meta(self, folder_id: str | None) -> BriefingMeta:
        raw = self.raw
        values = {k: v for k, v in (raw.meta or {}).items() if k in META_FIELDS}
        fallback_id = folder_id or Path(raw.root).stem
        if raw.meta is None:
            if not raw.meta_reported and not any(
                p.severity is Severity.ERROR and p.file == raw.root for p in self.problems.problems
            ):
                self.problems.error(
                    raw.root, None, "briefing: the 'briefing' section (id, title, as_of, summary) is missing"
                )
            return BriefingMeta.model_construct(
                id=fallback_id, title=fallback_id, as_of=None, summary="", classification="", coverage=""
            )
        try:
            meta = BriefingMeta.model_validate(values)
        except ValidationError as exc:
            failed = set()
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else ""
                failed.add(field)
                found = values.get(field)
                if error["type"] == "missing" or found is None:  # `title:` with nothing after it
                    message = f"briefing: missing required field '{field}'"
                elif isinstance(found, list | Nested):  # the wording the tables use
                    message = f"briefing: '{field}' must be a single value, found " + (
                        found.what if isinstance(found, Nested) else "a list"
                    )
                else:
                    message = f"briefing: {field} '{found:.60}' is not valid: {error['msg'].lower()}" + (
                        " (write YYYY-MM-DD)" if field == "as_of" else ""
                    )
                self.problems.error(raw.meta_file, raw.meta_line, message, field=field)
            # The stand-in takes only what passed: a refused id must not name the download.
            safe = {k: v for k, v in values.items() if isinstance(v, str) and k not in failed}
            return BriefingMeta.model_construct(
                id=safe.get("id", fallback_id),
                title=safe.get("title", fallback_id),
                as_of=None,
                summary=safe.get("summary", ""),
                classification=safe.get("classification", ""),
                coverage=safe.get("coverage", ""),
            )
        for field in ("title", "summary", "classification", "coverage"):
            found = controls.find(str(getattr(meta, field)))
            if found:
                self.problems.warning(raw.meta_file, raw.meta_line, f"briefing: {field} {found}", field=field)
        if folder_id and meta.id != folder_id:
            self.problems.warning(
                raw.meta_file,
                raw.meta_line,
                f"briefing: id '{meta.id}' differs from the folder name "
                f"'{folder_id}'; links use the folder name",
                field="id",
            )
        return meta

    def run(self, folder_id: str | None) -> Briefing:
        for name in ("actors", "issues", "sources", "quotes", "positions", "blocs"):
            self.own(name)
        self.ref("actors", "represents")
        self.represents_loops()
        self.ref_within("actors", "represents")  # whoever represents an actor in a loop
        for name, field in (
            ("quotes", "speaker"),
            ("quotes", "source"),
            ("quotes", "issues"),
            ("quotes", "also_in"),
            ("positions", "actor"),
            ("positions", "issue"),
            ("positions", "evidence"),
            ("positions", "assessed_by"),
            ("positions", "source"),
            ("blocs", "members"),
            ("blocs", "source"),
        ):
            self.ref(name, field)
        self.positions()
        self.duplicate_quotes()
        self.translations()
        self.unreferenced()
        meta = self.meta(folder_id)
        kept = {n: self.frames[n].loc[~self.checks[n].bad].drop(columns="_line") for n in self.frames}
        return Briefing.from_frames(meta, **kept)


def validate(
    raw: RawBriefing, folder_id: str | None = None, *, by_distinct_from: int | None = distinct.FROM_ROWS
) -> tuple[Briefing, list[Problem]]:
    """The valid records as a briefing, and every problem in reading order. A table of
    `by_distinct_from` rows or more has its own fields checked once per distinct value
    (`formats/distinct.py`; None: row by row), with the same problems and the same records kept."""
    validator = _Validator(raw, by_distinct_from)
    briefing = validator.run(folder_id)
    return briefing, sorted(validator.problems.problems, key=_reading_order)


def _reading_order(problem: Problem) -> tuple[str, str, int]:
    return (problem.file, problem.sheet, problem.line or 0)
