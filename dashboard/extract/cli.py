"""`python -m dashboard extract FILE [--briefing ID] [-o drafts.yaml] [--text-out FILE]`."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard import catalog

if TYPE_CHECKING:  # spaCy loads only when `extract` runs, not for `check` or `convert`
    from dashboard.extract.drafts import Drafts


def summary(drafts: Drafts) -> str:
    kinds = Counter(q.kind for q in drafts.quotes)
    apart = sum(not q.is_speech for q in drafts.quotes)
    unknown = sum(q.speaker is None for q in drafts.quotes)
    matched = sum(a.matched for a in drafts.actors)
    return (f"{len(drafts.quotes)} drafts ({kinds['direct']} direct, {kinds['partial']} partial, "
            f"{kinds['paraphrase']} paraphrase; {apart} beliefs or findings set apart; {unknown} "
            f"without a speaker), {len(drafts.actors)} actors ({matched} matched, "
            f"{len(drafts.actors) - matched} new)")


def run(args: argparse.Namespace) -> int:
    from dashboard.extract.briefings import load_briefing
    from dashboard.extract.drafts import draft, dump, write_drafts, write_text
    from dashboard.extract.nlp import ModelError
    from dashboard.extract.readers import InputError, read_article
    from dashboard.problems import errors

    briefing = None
    briefing_id = ""
    if args.briefing:
        folder = catalog.resolve(args.briefing)
        if folder is None:
            print(f"{args.briefing}: usage error: no such briefing folder, nor a briefing id in the "
                  f"data folder ({', '.join(catalog.briefings(catalog.data_folder())) or 'none'})",
                  file=sys.stderr)
            return 2
        briefing, problems = load_briefing(folder)
        if errors(problems):
            print(f"{folder}: warning: {len(errors(problems))} error(s) in the briefing (`python -m "
                  "dashboard check` lists them); matching against its valid records", file=sys.stderr)
        briefing_id = folder.name
    try:
        article = read_article(Path(args.file))
        drafts = draft(article, briefing, briefing_id)
    except InputError as error:
        print(f"{error.name}: error: {error.reason}; nothing written", file=sys.stderr)
        return 1
    except ModelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.output:
        write_drafts(drafts, Path(args.output))
    else:
        sys.stdout.write(dump(drafts))
    if args.text_out:
        write_text(article.text, Path(args.text_out))
    print(f"{args.file}: {summary(drafts)}" + (f"; wrote {args.output}" if args.output else ""),
          file=sys.stderr)
    return 0


def add_extract_command(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "extract", help="draft source, actor and quote records from an article",
        description="Reads .txt, .html, .pdf (text layer) or .docx and writes briefing-shaped "
        "drafts (YAML) for review: who said what, with character offsets into the cleaned text.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--briefing", metavar="ID", help="match speakers to this briefing's actors "
                        "(an id under DASHBOARD_DATA, or a folder)")
    parser.add_argument("-o", "--output", metavar="DRAFTS.yaml", help="write here (default: stdout)")
    parser.add_argument("--text-out", metavar="FILE", help="also save the cleaned text")
    parser.set_defaults(run=run)
