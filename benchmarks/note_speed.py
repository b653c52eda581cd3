"""Time and size of the briefing note in each format, for the seed, a counterpart brief, a capped UN
note (the page's first rows page: 60 of 200 states, the last 20 of 6,203 roll calls) and an invented
quote-heavy briefing (80 actors x 25 issues, every position with a summary and two quotes: the
case where the bounds bite hardest).

Warm figures, as on the page (the briefing already loaded; the converters' one-off start-up, paid
once per process, is timed apart as "first picture"): the median of RUNS runs of each step. Baselines
measured in the same run: the Markdown note of the same view (what the page offered before) and a
one-page WeasyPrint document of plain text (the PDF engine's fixed cost).

Prints a table, writes benchmarks/results/note_speed.json, and says which bounds are missed.
Run: `make bench` (or `python -m benchmarks.note_speed`).
"""

from __future__ import annotations

import io
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from dashboard.briefing import Briefing
from dashboard.load import load_briefing
from dashboard.note import document, picture
from dashboard.note.model import build
from dashboard.selection import Selection
from tests.support.big_briefing import write_quote_heavy

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
BOUNDS = {"pages": 40, "pdf_bytes": 2_000_000, "pdf_seconds": 30.0}  # stated in the README
LINK = "http://localhost:8501/"


def median(run: Callable[[], object], runs: int = RUNS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def case(name: str, briefing: Briefing, selection: Selection) -> dict[str, object]:
    def render(suffix: str) -> Callable[[], bytes]:
        return lambda: document.render(briefing, selection, suffix, link=LINK)

    model_s, note = median(lambda: build(briefing, selection, link=LINK))
    row: dict[str, object] = {"case": name, "model_s": model_s}
    for suffix in ("md", "svg", "png", "pdf", "docx"):
        seconds, data = median(render(suffix))
        row[f"{suffix}_s"] = seconds
        row[f"{suffix}_bytes"] = len(data)  # type: ignore[arg-type]
        if suffix == "pdf":
            row["pages"] = len(PdfReader(io.BytesIO(data)).pages)  # type: ignore[arg-type]
    row["cuts"] = len(note.cuts)  # type: ignore[attr-defined]
    return row


def weasyprint_floor() -> float:
    import weasyprint

    html = "<html><body>" + "<p>Plain text, one page.</p>" * 20 + "</body></html>"
    return median(lambda: weasyprint.HTML(string=html).write_pdf())[0]


def first_picture(briefing: Briefing) -> float:
    note = build(briefing, Selection(briefing=briefing.meta.id))
    start = time.perf_counter()
    picture.svg(note.cells)
    return time.perf_counter() - start


def main() -> None:
    seed, _ = load_briefing(ROOT / "data" / "nk-troops-russia")
    start = time.perf_counter()
    unvotes, _ = load_briefing(ROOT / "data" / "unvotes")
    un_load = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as scratch:
        heavy, _ = load_briefing(write_quote_heavy(Path(scratch) / "quote-heavy"))
    startup = first_picture(seed)
    floor = weasyprint_floor()
    rows = [
        case("seed, whole briefing", seed, Selection(briefing="nk-troops-russia")),
        case(
            "seed, brief US-China",
            seed,
            Selection(briefing="nk-troops-russia", view="brief", actors=("united-states",), vs="china"),
        ),
        case("UN votes, capped", unvotes, Selection(briefing="unvotes")),
        case("quote-heavy, capped", heavy, Selection(briefing="quote-heavy")),
    ]
    print(f"note_speed: warm medians of {RUNS} runs; {platform.machine()}, {platform.python_version()}")
    print(
        f"baselines: one-page WeasyPrint document {floor:.2f} s; first picture of the process "
        f"(converter start-up) {startup:.2f} s; UN briefing load (not in the figures) "
        f"{un_load:.1f} s"
    )
    head = ("case", "model", "md", "svg", "png", "pdf", "docx", "pages", "pdf MB", "docx MB")
    print(" | ".join(f"{h:>22}" if i == 0 else f"{h:>7}" for i, h in enumerate(head)))
    for row in rows:
        cells = [f"{row['case']:>22}"] + [
            f"{row[k]:>7.2f}" for k in ("model_s", "md_s", "svg_s", "png_s", "pdf_s", "docx_s")
        ]
        cells += [
            f"{row['pages']:>7}",
            f"{int(row['pdf_bytes']) / 1e6:>7.2f}",  # type: ignore
            f"{int(row['docx_bytes']) / 1e6:>7.2f}",  # type: ignore[call-overload]
        ]
        print(" | ".join(cells))
    missed = [
        f"{row['case']}: {what}"
        for row in rows
        for what, ok in (
            (f"{row['pages']} pages > {BOUNDS['pages']}", int(row["pages"]) <= BOUNDS["pages"]),  # type: ignore
            (f"{row['pdf_bytes']} bytes", int(row["pdf_bytes"]) <= BOUNDS["pdf_bytes"]),  # type: ignore
            (f"PDF {row['pdf_s']:.1f} s", float(row["pdf_s"]) <= BOUNDS["pdf_seconds"]),  # type: ignore
        )
        if not ok
    ]
    print("bounds missed: " + ("; ".join(missed) if missed else "none") + f" (bounds: {BOUNDS})")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "note_speed.json").write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(),
                "runs": RUNS,
                "weasyprint_floor_s": floor,
                "first_picture_s": startup,
                "rows": rows,
                "bounds": BOUNDS,
                "missed": missed,
            },
            indent=2,
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
