"""The README and docs/ hold together: every relative link and anchor resolves, the README stays a
five-minute read, and every page in docs/ can be reached from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_LINES_UNDER = 200

FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")  # [text](target) and ![alt](src)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto:


def pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def _prose(text: str) -> str:
    """The text without code: a `[x](y)` or a `# comment` inside code is not a link or a heading."""
    return CODE_SPAN.sub("", FENCED.sub("", text))


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to
    hyphens, a repeated heading numbered -1, -2, ..."""
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCED.sub("", page.read_text(encoding="utf-8"))):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower()).replace(" ", "-")
        found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return found


def links(page: Path) -> list[str]:
    """The relative link targets of a page, as written."""
    return [t for t in LINK.findall(_prose(page.read_text(encoding="utf-8"))) if not EXTERNAL.match(t)]


def broken_links(page: Path) -> list[str]:
    """Each relative link of `page` whose file does not exist, or whose anchor names no heading."""
    broken = []
    for target in links(page):
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        if not resolved.exists():
            broken.append(f"{page.name}: {target}: no such file")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(f"{page.name}: {target}: no heading #{anchor} in {resolved.name}")
    return broken


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    assert broken_links(page) == []


def test_the_readme_stays_a_short_read() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_LINES_UNDER, f"README.md has {len(lines)} lines: move detail to docs/"
    assert lines[0].startswith("`make run`") and lines[1].startswith("`make test`"), lines[:2]


def test_every_docs_page_is_linked_from_the_readme() -> None:
    linked = {(README.parent / t.partition("#")[0]).resolve() for t in links(README)}
    assert [p.name for p in DOCS.glob("*.md") if p.resolve() not in linked] == []


def test_the_checker_finds_a_missing_file_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other page\n\n## Input bounds: worst cases\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n"
        "[fine](other.md#input-bounds-worst-cases), [here](#page), [web](https://example.org/x.md)\n"
        "`[in code](nowhere.md)`\n\n"
        "```\n[in a block](nowhere.md)\n```\n\n"
        "[gone](missing.md) and [no such heading](other.md#speed)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "page.md: missing.md: no such file",
        "page.md: other.md#speed: no heading #speed in other.md",
    ]


def test_the_code_layout_names_every_package_and_module() -> None:
    """docs/development.md's layout of the code matches the tree: a module added without a word
    there, or one named there that no longer exists, fails here."""
    section = (DOCS / "development.md").read_text(encoding="utf-8").partition("## The layout of the code")[2]
    assert section, "docs/development.md has no section 'The layout of the code'"
    package = ROOT / "dashboard"
    named = set(re.findall(r"`([\w/.]+?)(?:\.py)?/?`", section))
    missing = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if path.name == "__init__.py" or "model" in relative.parts:
            continue
        if path.stem not in named and relative.with_suffix("").as_posix() not in named:
            missing.append(relative.as_posix())
    for folder in sorted(p for p in package.iterdir() if (p / "__init__.py").exists()):
        if folder.name not in named:
            missing.append(folder.name + "/")
    assert not missing, f"not named in docs/development.md's layout of the code: {missing}"
    modules = {p.stem for p in package.rglob("*.py")} | {p.name for p in package.rglob("*") if p.is_dir()}
    gone = sorted(name for name in re.findall(r"`(\w+)\.py`", section) if name not in modules)
    assert not gone, f"docs/development.md names modules that do not exist: {gone}"
