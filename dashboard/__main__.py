"""The command line: `python -m dashboard check PATH...`, `convert SRC DEST`, `import KIND SRC DEST`,
`agreement BRIEFING --actor A`, `extract FILE`, `note BRIEFING --link QUERY -o FILE`,
`digest` (what changed since the last run), `feeds` (Atom feeds of changes),
`history BRIEFING` and `undo BRIEFING N`.

Exit codes: 0 no errors (warnings allowed), 1 errors in the data, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from dashboard.agreement_cli import add_command as add_agreement
from dashboard.digest import add_command as add_digest
from dashboard.feed_cli import add_command as add_feeds
from dashboard.formats import FOLDER_FORMATS, write_briefing
from dashboard.history_cli import add_commands as add_history
from dashboard.ledger import history_check
from dashboard.load import load_briefing
from dashboard.note.cli import add_command as add_note
from dashboard.problems import errors, summary
from dashboard.serve_cli import add_command as add_serve
from dashboard.store.cli import add_command as add_store
from dashboard.vocabulary import counted


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; say so in our words
        self.print_usage(sys.stderr)
        print(f"{self.prog}: usage error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _check(args: argparse.Namespace) -> int:
    all_problems = []
    for path in args.paths:
        _, problems = load_briefing(Path(path))
        history_errors, notes = history_check(Path(path))
        problems += history_errors
        for problem in problems:
            if args.errors_only and problem.severity.value != "error":
                continue
            print(problem)
        for note in notes:
            print(note)
        all_problems.extend(problems)
    print(summary(all_problems, len(args.paths)))
    return 1 if errors(all_problems) else 0


def _convert(args: argparse.Namespace) -> int:
    src, dest = Path(args.src), Path(args.dest)
    if not src.exists():
        print(f"{src}: usage error: no such file or folder", file=sys.stderr)
        return 2
    if dest.exists() and not args.force:
        print(f"{dest}: usage error: already exists (use --force to replace it)", file=sys.stderr)
        return 2
    briefing, problems = load_briefing(src)
    found = errors(problems)
    if found:
        for problem in found:
            print(problem)
        print(f"{src}: not converted: fix the {len(found)} error(s) above first", file=sys.stderr)
        return 1
    if dest.exists():
        _remove(dest)
    write_briefing(briefing, dest, args.format)
    print(f"wrote {dest} ({', '.join(counted(n, t) for t, n in briefing.counts().items())})")
    return 0


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def _import(args: argparse.Namespace) -> int:
    from dashboard.importers import run_import
    from dashboard.importers.declared import BlocSource

    source = None
    if args.bloc_as_of is not None:
        source = BlocSource(
            args.bloc_source_title or "",
            args.bloc_source_publisher or "",
            args.bloc_as_of,
            args.bloc_source_url or "",
            args.bloc_source_kind,
        )
    return run_import(
        args.kind,
        Path(args.src),
        Path(args.dest),
        force=args.force,
        blocs=args.bloc or (),
        bloc_source=source,
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="report every problem in briefing files")
    check.add_argument("paths", nargs="+", metavar="PATH", help="briefing folder or file")
    check.add_argument("--errors-only", action="store_true", help="do not print warnings")
    check.set_defaults(run=_check)

    convert = commands.add_parser(
        "convert",
        help="write a briefing in another format",
        description="DEST ending .json: one canonical JSON document; .yaml: one YAML file; "
        ".xlsx: one workbook; anything else: a folder of --format files.",
    )
    convert.add_argument("src", metavar="SRC")
    convert.add_argument("dest", metavar="DEST")
    convert.add_argument(
        "--format",
        choices=FOLDER_FORMATS,
        default="yaml",
        help="file format when DEST is a folder (default: yaml)",
    )
    convert.add_argument("--force", action="store_true", help="replace DEST if it exists")
    convert.set_defaults(run=_convert)

    importer = commands.add_parser("import", help="turn a public dataset into a briefing")
    importer.add_argument("kind", choices=("unvotes", "wahlomat"))
    importer.add_argument("src", metavar="SRC_DIR")
    importer.add_argument("dest", metavar="DEST")
    importer.add_argument("--force", action="store_true", help="replace DEST if it exists")
    importer.add_argument(
        "--bloc",
        action="append",
        metavar="NAME=ID,ID",
        help="declare a bloc of these actor ids (repeatable), e.g. "
        "'Governing coalition=spd,gruene'; membership is yours, with its source",
    )
    importer.add_argument(
        "--bloc-source-title",
        metavar="TEXT",
        help="the source of the blocs' membership (e.g. the coalition agreement)",
    )
    importer.add_argument("--bloc-source-publisher", metavar="TEXT", help="who published it")
    importer.add_argument("--bloc-source-url", metavar="URL", help="where to read it")
    importer.add_argument(
        "--bloc-source-kind",
        default="other",
        help="news, statement, transcript, dataset or other (default: other)",
    )
    importer.add_argument("--bloc-as-of", type=_day, metavar="YYYY-MM-DD", help="when the membership held")
    importer.set_defaults(run=_import)
    add_agreement(commands)
    add_note(commands)
    add_serve(commands)
    add_digest(commands)
    add_feeds(commands)
    add_history(commands)
    add_store(commands)

    from dashboard.extract.cli import add_extract_command

    add_extract_command(commands)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
