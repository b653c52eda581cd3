"""Duplicates: when an article is a source the briefing has (its address written another way, its
text), when words are the words of a quote it has; and `python -m dashboard check` warns of the same
words by the same speaker recorded twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dashboard.extract.briefings import load_briefing
from dashboard.extract.duplicates import QuoteIndex, fingerprint, normal_url, overlap, same_source, words_key
from dashboard.problems import Severity, errors
from tests.extract.support import PROJECT, SEED_BRIEFING

AFP_URL = "https://sinodaily.com/reports/China_says_growing_Russia-North_Korea_ties_their_own_matter_999.html"
LIN_WORDS = (
    "North Korea and Russia are two independent sovereign states. How they develop bilateral "
    "relations is their own matter"
)
ELSEWHERE = (
    f"BEIJING (AFP) - As carried by the Example Daily: foreign ministry spokesman Lin Jian said "
    f"“{LIN_WORDS}.” He added that Beijing “is watching closely”."
)


@pytest.mark.parametrize(
    ("url", "same"),
    [
        (AFP_URL, True),
        (AFP_URL.replace("https://sinodaily.com", "HTTP://www.SinoDaily.com"), True),
        (AFP_URL + "/", True),
        (AFP_URL + "?utm_source=twitter&utm_medium=social&fbclid=abc", True),
        (AFP_URL + "#comments", True),
        (AFP_URL.replace("_999", "_1000"), False),
        (AFP_URL + "?page=2", False),
    ],
)
def test_the_same_address_written_another_way_is_the_same_source(url: str, same: bool) -> None:
    assert (normal_url(url) == normal_url(AFP_URL)) is same


def test_words_are_compared_without_case_spacing_or_quotation_marks() -> None:
    assert words_key("“Their  OWN matter.”") == words_key('"their own matter"') == "their own matter"
    assert words_key("talks—now") == words_key("talks – now".replace(" ", "")) == "talks-now"
    index = QuoteIndex([{"id": "q1", "speaker": "lin-jian", "text": LIN_WORDS, "source": "afp"}])
    assert [m.how for m in index.find(LIN_WORDS.upper())] == ["the same words"]
    slip = LIN_WORDS.replace("independent", "independant")
    assert [(m.quote.id, m.how) for m in index.find(slip)] == [("q1", "nearly the same words")]
    assert index.find("How they develop bilateral relations") == []  # a part is not the same words
    assert index.find("   ") == []


def test_a_text_and_its_near_copy_overlap_and_another_does_not() -> None:
    seed = (SEED_BRIEFING.parent.parent.parent / "shared" / "seed").glob("*.txt")
    text = next(seed).read_text(encoding="utf-8")
    copy = "Republished by Example Daily.\n\n" + text.replace("  ", " ") + "\n\nAll rights reserved."
    assert fingerprint(text).sha256 == fingerprint(text.upper()).sha256  # folded before it is hashed
    assert overlap(fingerprint(text), fingerprint(copy)) >= 0.9
    assert overlap(fingerprint(text), fingerprint(ELSEWHERE)) < 0.2


def _seed_sources() -> list[dict[str, object]]:
    return yaml.safe_load((SEED_BRIEFING / "sources.yaml").read_text(encoding="utf-8"))


def test_an_article_carrying_every_quote_of_a_source_is_probably_that_source() -> None:
    quotes = yaml.safe_load((SEED_BRIEFING / "quotes.yaml").read_text(encoding="utf-8"))
    tass = " ".join(f"“{q['text']}”" for q in quotes if q["source"] == "tass-2024-11-01")
    found = same_source("", f"TASS reports: {tass}", _seed_sources(), {}, quotes)
    assert found is not None and found.id == "tass-2024-11-01" and not found.certain
    assert found.why == "all 2 of its quotes are in this text"
    assert same_source("", ELSEWHERE, _seed_sources(), {}, quotes) is None  # 1 of AFP's 4 quotes


def test_check_warns_of_the_same_words_by_the_same_speaker(seed_copy: Path) -> None:
    quotes = seed_copy / "quotes.yaml"
    quotes.write_text(
        quotes.read_text(encoding="utf-8")
        + (
            "\n- id: q-lin-own-matter-again\n  speaker: lin-jian\n"
            f'  text: "“{LIN_WORDS.upper()}.”"\n  source: tass-2024-11-01\n  kind: direct\n'
            "  issues: [china-restrain-nk]\n"
        ),
        encoding="utf-8",
    )
    _, problems = load_briefing(seed_copy)
    warned = [p for p in problems if "the same words by the same speaker" in p.message]
    assert len(warned) == 1 and warned[0].severity is Severity.WARNING
    first = (SEED_BRIEFING / "quotes.yaml").read_text().splitlines().index("- id: q-lin-own-matter") + 1
    assert warned[0].message == (
        "quote q-lin-own-matter-again: the same words by the same speaker as quote q-lin-own-matter "
        f"(line {first}): "
        "one statement recorded twice? Keep one, and list the other record's source in its 'also_in'"
    )
    assert warned[0].line == len(quotes.read_text().splitlines()) - 3  # the new record's text line
    assert errors(problems) == []
    ran = subprocess.run(
        [sys.executable, "-m", "dashboard", "check", str(seed_copy)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0 and "q-lin-own-matter-again: the same words" in ran.stdout


def test_the_same_words_by_another_speaker_are_not_a_duplicate_to_check(seed_copy: Path) -> None:
    _, problems = load_briefing(seed_copy)  # q-us-call-china and q-kr-call-china: two states, one call
    assert not [p for p in problems if "the same words" in p.message]


def test_the_same_words_on_wholly_other_issues_are_two_answers_not_a_duplicate(seed_copy: Path) -> None:
    """A party giving the same justification to two theses of a voting advice application: two
    records, each on its own issue, and no warning; the same words on a shared issue are warned."""
    quotes = seed_copy / "quotes.yaml"
    record = (
        '\n- id: q-again-{n}\n  speaker: lin-jian\n  text: "We have nothing to add"\n'
        "  source: tass-2024-11-01\n  kind: direct\n  issues: [{issues}]\n"
    )
    quotes.write_text(
        quotes.read_text(encoding="utf-8")
        + record.format(n=1, issues="china-restrain-nk")
        + record.format(n=2, issues="nk-troops-in-russia"),
        encoding="utf-8",
    )
    _, problems = load_briefing(seed_copy)
    assert not [p for p in problems if "the same words" in p.message]
    quotes.write_text(
        quotes.read_text(encoding="utf-8")
        + record.format(n=3, issues="nk-troops-in-russia, china-restrain-nk"),
        encoding="utf-8",
    )
    _, problems = load_briefing(seed_copy)
    warned = [p.message for p in problems if "the same words" in p.message]
    assert warned == [warned[0]] and warned[0].startswith(
        "quote q-again-3: the same words by the same speaker as quote q-again-1 "
    )
