"""Optional parts of the project and what each needs installed. The viewer runs without them; a
view that needs one says which to install instead of failing (pyproject.toml: optional extras)."""

from __future__ import annotations

import importlib.util
from functools import cache

# extra -> the modules it brings, and the make target that installs it
EXTRAS: dict[str, tuple[tuple[str, ...], str]] = {
    "documents": (("weasyprint", "vl_convert", "docx"), "make run"),
    "extract": (("spacy", "pycrfsuite", "trafilatura", "pypdf", "lxml", "rapidfuzz", "docx"), "make edit"),
}


@cache
def missing(extra: str) -> str:
    """'' when the extra is installed; else what to install, in words."""
    modules, target = EXTRAS[extra]
    absent = [m for m in modules if importlib.util.find_spec(m) is None]
    if not absent:
        return ""
    return (
        f"this needs the '{extra}' extra, which is not installed here ({', '.join(absent)} "
        f"missing): run {target}, or pip install -e '.[{extra}]'"
    )
