"""`python -m dashboard agreement BRIEFING --actor A ...`: agreement figures as CSV on standard output,
from `alignment.agreement`, the function the page calls.

Exit codes as for the other commands: 0 printed, 1 errors in the data, 2 a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from typing import Any

from dashboard import catalog
from dashboard.alignment import GROUPINGS, MEASURES, MIN_SHARED_ISSUES, AgreementError, Scope, agreement
from dashboard.briefing import Briefing
from dashboard.prepared import load_prepared  # a slow briefing kept validated between runs
from dashboard.problems import errors
from dashboard.records import BASES

# The CSV's columns; the third is `topic` with --by topic. The README lists the same names.
# `first` and `last`: the as-of dates of the earliest and latest issue both hold a position on, so
# a rate says over what period it was counted as well as over how many issues.
CSV_COLUMNS: tuple[str, ...] = (
    "actor",
    "other",
    "period",
    "measure",
    "value",
    "n",
    "first",
    "last",
    "low",
    "high",
    "thin",
    "rank",
    "issues",
    "neutral",
    "mixed",
    "silent",
    "no_record",
    "own_reading",
    "note",
)
CAVEAT = (
    "note: counts only the positions recorded in the briefing; questions settled without a "
    "recorded position (UN resolutions adopted by consensus, for one) are not in it"
)


def _day(text: str, end: bool) -> date:
    """YYYY-MM-DD, or a year alone (the year's first day for --from, its last for --to)."""
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date: write YYYY-MM-DD or a year (YYYY)")


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    command = commands.add_parser(
        "agreement",
        help="agreement of one actor with others, as CSV",
        description="Agreement of --actor with each --with actor (default: every other actor) over "
        "the issues both have a position on, each actor's latest position per issue. Prints CSV: "
        "actor, other, period (or topic), measure, value, n, low and high (95%% interval), thin, "
        "rank, issues in scope, and what is left out (neutral, mixed, silent, no_record, and "
        "own_reading: issues where one side's position is the other's reading), note.",
    )
    command.add_argument(
        "briefing",
        metavar="BRIEFING",
        help="a briefing id in the data folder, or the path of a briefing folder",
    )
    command.add_argument("--actor", required=True, metavar="A", help="actor id")
    command.add_argument(
        "--with",
        dest="others",
        action="append",
        metavar="B",
        help="another actor id (repeat for more; default: every other actor)",
    )
    command.add_argument(
        "--from",
        dest="date_from",
        type=lambda t: _day(t, end=False),
        metavar="D",
        help="first as-of day counted (YYYY-MM-DD or YYYY)",
    )
    command.add_argument(
        "--to",
        dest="date_to",
        type=lambda t: _day(t, end=True),
        metavar="D",
        help="last as-of day counted (YYYY-MM-DD or YYYY)",
    )
    command.add_argument("--by", choices=GROUPINGS, help="one row per year of as-of, or per topic")
    command.add_argument(
        "--measure",
        dest="measures",
        action="append",
        choices=MEASURES,
        help="coincidence, index or kappa (repeat for more; default: all three)",
    )
    command.add_argument(
        "--issue",
        dest="issues",
        action="append",
        metavar="ID",
        help="count only this issue (repeat for more; default: every issue)",
    )
    command.add_argument(
        "--basis",
        dest="bases",
        action="append",
        choices=BASES,
        help="count only positions with this basis (repeat; default: every basis)",
    )
    command.add_argument(
        "--min-n",
        type=int,
        default=MIN_SHARED_ISSUES,
        metavar="N",
        help=f"fewest shared issues for a rate to be ranked (default: {MIN_SHARED_ISSUES})",
    )
    command.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"python -m dashboard agreement: usage error: {message}", file=sys.stderr)
    return 2


def _unknown_actor(briefing: Briefing, actor: str) -> str:
    near = [a for a in briefing.find_actors(actor) if a != actor][:5]
    hint = (
        f"; did you mean {', '.join(f'{a} ({briefing.actor_names[a]})' for a in near)}?"
        if near
        else "; the actors' ids are in its actors table"
    )
    return f"no actor '{actor}' in briefing {briefing.meta.id}{hint}"


def run(args: argparse.Namespace) -> int:
    path = catalog.resolve(args.briefing)
    if path is None:
        return _usage(catalog.not_found(args.briefing))
    if args.date_from and args.date_to and args.date_from > args.date_to:
        return _usage(f"--from {args.date_from} is after --to {args.date_to}")
    if args.min_n < 1:
        return _usage("--min-n must be 1 or more")
    briefing, problems = load_prepared(path)
    found = errors(problems)
    if found:
        for problem in found:
            print(problem, file=sys.stderr)
        print(f"{path}: no figures: fix the {len(found)} error(s) above first", file=sys.stderr)
        return 1
    for actor in [args.actor, *(args.others or [])]:
        if actor not in briefing.actor_names:
            return _usage(_unknown_actor(briefing, actor))
    scope = Scope(
        issues=tuple(args.issues) if args.issues else None,
        date_from=args.date_from,
        date_to=args.date_to,
        bases=tuple(args.bases) if args.bases else None,
    )
    try:
        frame = agreement(
            briefing,
            args.actor,
            args.others,
            measures=args.measures or MEASURES,
            by=args.by,
            scope=scope,
            min_n=args.min_n,
        )
    except AgreementError as exc:
        return _usage(str(exc))
    group = "topic" if args.by == "topic" else "period"
    frame = frame.rename(columns={"group": group})
    columns = [group if c == "period" else c for c in CSV_COLUMNS]
    sys.stdout.write(frame[columns].to_csv(index=False, float_format="%.6f", lineterminator="\n"))
    print(CAVEAT, file=sys.stderr)
    return 0
