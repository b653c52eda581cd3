"""`python -m dashboard extract INPUT… [--briefing ID] [-o drafts.yaml | --out-dir DIR] [--text-out FILE]`.

Each INPUT is a file or an http(s) link (fetched under the guard of `fetch.py`). Many inputs are
drafted in one process, the models loaded once; one that fails is said (`INPUT: error: why; nothing
written`) and the rest go on; the exit status is 1 when any failed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard import catalog

if TYPE_CHECKING:  # spaCy loads only when `extract` runs, not for `check` or `convert`
    from dashboard.briefing import Briefing
    from dashboard.extract.drafts import Drafts
    from dashboard.extract.tagger import Tagger


def summary(drafts: Drafts) -> str:
    kinds = Counter(q.kind for q in drafts.quotes)
    apart = sum(not q.is_speech for q in drafts.quotes)
    unknown = sum(q.speaker is None for q in drafts.quotes)
    matched = sum(a.matched for a in drafts.actors)
    return (
        f"{len(drafts.quotes)} drafts ({kinds['direct']} direct, {kinds['partial']} partial, "
        f"{kinds['paraphrase']} paraphrase; {apart} beliefs or findings set apart; {unknown} "
        f"without a speaker), {len(drafts.actors)} actors ({matched} matched, "
        f"{len(drafts.actors) - matched} new)"
    )


def output_name(value: str, taken: set[str]) -> str:
    """A file name for one input's drafts in --out-dir: the file's stem or the link's last part."""
    stem = (
        Path(value.split("?", 1)[0].rstrip("/")).stem
        if "://" not in value
        else value.split("://", 1)[1].split("?", 1)[0].rstrip("/").replace("/", "-")
    )
    stem = re.sub(r"[^\w.\-]+", "-", stem).strip("-.")[:80] or "input"
    name, n = f"{stem}.drafts.yaml", 2
    while name in taken:
        name, n = f"{stem}-{n}.drafts.yaml", n + 1
    taken.add(name)
    return name


def _briefing(args: argparse.Namespace) -> tuple[Briefing | None, str] | int:
    from dashboard.extract.briefings import load_briefing
    from dashboard.problems import errors

    if not args.briefing:
        return None, ""
    folder = catalog.resolve(args.briefing)
    if folder is None:
        print(
            f"{args.briefing}: usage error: no such briefing folder, nor a briefing id in the "
            f"data folder ({', '.join(catalog.briefings(catalog.data_folder())) or 'none'})",
            file=sys.stderr,
        )
        return 2
    briefing, problems = load_briefing(folder)
    if errors(problems):
        print(
            f"{folder}: warning: {len(errors(problems))} error(s) in the briefing (`python -m "
            "dashboard check` lists them); matching against its valid records",
            file=sys.stderr,
        )
    return briefing, folder.name


def _tagger() -> Tagger | None:
    from dashboard.extract.tagger import Tagger, TaggerMissing

    try:
        return Tagger.load()
    except TaggerMissing:
        return None


def run(args: argparse.Namespace) -> int:  # noqa: C901 (one loop: read, draft, write, say)
    from dashboard.extract.drafts import draft, dump, write_drafts, write_text
    from dashboard.extract.fetch import FetchRefused
    from dashboard.extract.links import is_link, read_file_or_link, read_link_or_feed
    from dashboard.extract.nlp import ModelError
    from dashboard.extract.readers import InputError

    inputs: list[str] = args.inputs
    if len(inputs) > 1 and (args.output or args.text_out):
        print(
            "usage error: -o and --text-out take one input; for several, use --out-dir DIR (or none:"
            " the drafts go to stdout one YAML document each)",
            file=sys.stderr,
        )
        return 2
    found = _briefing(args)
    if isinstance(found, int):
        return found
    briefing, briefing_id = found
    out_dir = Path(args.out_dir) if args.out_dir else None
    tagger = _tagger()  # loaded once for every input, as the language model is
    failed: list[tuple[str, str]] = []
    taken: set[str] = set()
    written = feeds = 0
    queue = list(inputs)
    n = 0
    while n < len(queue):
        value, n = queue[n], n + 1
        try:
            if is_link(value):
                got = read_link_or_feed(value)
                if isinstance(got, list) and (args.output or args.text_out):
                    raise InputError(
                        value, "a feed gives several articles: use --out-dir DIR, or no -o (stdout)"
                    )
                if isinstance(got, list):  # a feed: its items' links join the run
                    fresh = [i.link for i in got if i.link not in queue]
                    queue.extend(fresh)
                    print(f"{value}: a feed: {len(fresh)} item(s) added to this run", file=sys.stderr)
                    feeds += 1
                    continue
                article = got
            else:
                article = read_file_or_link(value)
            drafts = draft(article, briefing, briefing_id, tagger)
        except (InputError, FetchRefused) as error:
            reason = error.reason
        except ModelError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        else:
            reason = ""
        if reason:
            print(f"{value}: error: {reason}; nothing written", file=sys.stderr)
            failed.append((value, reason))
            continue
        target = (
            out_dir / output_name(value, taken)
            if out_dir is not None
            else Path(args.output)
            if args.output
            else None
        )
        if target is not None:
            write_drafts(drafts, target)
        else:
            sys.stdout.write(("---\n" if written else "") + dump(drafts))
            written += 1
        if args.text_out:
            write_text(article.text, Path(args.text_out))
        print(f"{value}: {summary(drafts)}" + (f"; wrote {target}" if target else ""), file=sys.stderr)
    articles = len(queue) - feeds
    if len(queue) > 1:
        print(
            f"{articles - len(failed)} of {articles} drafted"
            + ("; failed: " + "; ".join(f"{v} ({why})" for v, why in failed) if failed else ""),
            file=sys.stderr,
        )
    return 1 if failed else 0


def add_extract_command(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "extract",
        help="draft source, actor and quote records from articles (files or links)",
        description="Reads .txt, .html, .pdf (text layer) or .docx files, or http(s) links (fetched: "
        "public addresses only, bounded in size and time; docs/sources.md), and writes "
        "briefing-shaped drafts (YAML) for review: who said what, with character offsets into the "
        "cleaned text. Several inputs are drafted in one process; one that fails does not stop the "
        "rest, and the exit status is 1 if any failed.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, or an http(s) link")
    parser.add_argument(
        "--briefing",
        metavar="ID",
        help="match speakers to this briefing's actors (an id under DASHBOARD_DATA, or a folder)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-o", "--output", metavar="DRAFTS.yaml", help="one input: write here (default: stdout)"
    )
    where.add_argument("--out-dir", metavar="DIR", help="write each input's drafts here, as NAME.drafts.yaml")
    parser.add_argument("--text-out", metavar="FILE", help="one input: also save the cleaned text")
    parser.set_defaults(run=run)
