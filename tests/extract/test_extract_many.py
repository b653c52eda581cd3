"""`python -m dashboard extract` over many inputs, files and links, in one process: each drafted or
said to have failed and why, the rest going on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dashboard.__main__ import main
from dashboard.extract.cli import output_name
from dashboard.extract.fetch import ALLOW_VARIABLE
from tests.extract.support import SEED_ARTICLE
from tests.support.page_server import Route, article_html, serve_pages

PAGE = article_html(
    "Seoul urges Beijing to act",
    [
        "SEOUL, Nov. 2 — South Korea's foreign minister spoke on Saturday about the troops.",
        "“We urge China to play a constructive role in stopping this,” Foreign Minister Cho Tae-yul said "
        "at a news conference in Seoul.",
        "The ministry said it would keep watching the situation with its allies.",
    ],
)


def test_files_and_links_in_one_run_each_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "drafts"
    monkeypatch.setenv(ALLOW_VARIABLE, "127.0.0.1")
    with serve_pages({"/world/seoul-urges": Route(PAGE)}) as pages:
        link = pages.url("/world/seoul-urges")
        code = main(
            [
                "extract",
                str(SEED_ARTICLE),
                link,
                str(empty),
                pages.url("/missing"),
                "http://169.254.169.254/latest/",
                "--briefing",
                "nk-troops-russia",
                "--out-dir",
                str(out),
            ]
        )
    err = capsys.readouterr().err
    assert code == 1  # some failed
    assert f"{empty}: error: no text in it" in err
    assert f"{pages.url('/missing')}: error: the server answered 404" in err
    assert "http://169.254.169.254/latest/: error: 169.254.169.254, a link-local address" in err
    assert "2 of 5 drafted; failed: " in err
    written = sorted(p.name for p in out.iterdir())
    assert written[0] == "000_89e82746e79ff99c.drafts.yaml" and len(written) == 2
    assert written[1].startswith("127.0.0.1-") and written[1].endswith("-world-seoul-urges.drafts.yaml")
    document = yaml.safe_load((out / written[1]).read_text(encoding="utf-8"))
    [source] = document["sources"]
    assert source["url"] == link and source["title"] == "Seoul urges Beijing to act"
    assert source["publisher"] == "Test Gazette"
    words = {q["text"] for q in document["quotes"]}
    assert (
        "We urge China to play a constructive role in stopping this," in words
        or "We urge China to play a constructive role in stopping this" in words
    )


def test_several_inputs_to_stdout_are_a_yaml_stream(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED_ARTICLE), str(SEED_ARTICLE)]) == 0
    documents = list(yaml.safe_load_all(capsys.readouterr().out))
    assert len(documents) == 2 and documents[0] == documents[1]


def test_one_output_file_takes_one_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["extract", str(SEED_ARTICLE), str(SEED_ARTICLE), "-o", str(tmp_path / "d.yaml")]) == 2
    assert "use --out-dir" in capsys.readouterr().err
    assert not (tmp_path / "d.yaml").exists()


def test_output_names_are_distinct() -> None:
    taken: set[str] = set()
    assert output_name("/a/b/article.html", taken) == "article.drafts.yaml"
    assert output_name("/c/article.txt", taken) == "article-2.drafts.yaml"
    assert output_name("https://example.org/news/item?id=3", taken) == "example.org-news-item.drafts.yaml"
