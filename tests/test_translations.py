"""A translation is never the speaker's words: every view's quote card, the CSV and every format of
the note show the original first and the translation beside it, labelled with who made it, when
and into what; `check` warns of a translation nobody signed and of provenance without words."""

from __future__ import annotations

import io
import shutil
from html import escape
from pathlib import Path

import pandas as pd
import pytest
import yaml

from dashboard import filters, note
from dashboard.export import quotes_csv
from dashboard.load import load_briefing
from dashboard.markup import quote_card
from dashboard.note.document import make
from dashboard.note.html import document
from dashboard.problems import Severity
from dashboard.selection import Filters, Selection
from tests.support.documents import word_text

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "data" / "nk-troops-russia"
ORIGINAL = "朝俄是两个独立主权国家，如何发展双边关系是他们自己的事"
ENGLISH = "North Korea and Russia are two sovereign states; how they develop ties is their own matter"
LABEL = "Translation into English by Ana Analyst, 2026-12-06 — not the speaker's words"


def _with(folder: Path, **fields: object) -> Path:
    """The seed with Lin Jian's 'own matter' answer recorded in Chinese, plus `fields`."""
    shutil.copytree(SEED, folder)
    path = folder / "quotes.yaml"
    quotes = yaml.safe_load(path.read_text(encoding="utf-8"))
    for quote in quotes:
        if quote["id"] == "q-lin-own-matter":
            quote.update(text=ORIGINAL, language="zh", **fields)
    path.write_text(yaml.safe_dump(quotes, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    return _with(
        tmp_path / "nk-troops-russia",
        translation=ENGLISH,
        translation_language="en",
        translated_by="Ana Analyst",
        translated_on="2026-12-06",
    )


def _quote(briefing, quote_id: str) -> pd.Series:
    return briefing.quotes.loc[briefing.quotes["id"] == quote_id].iloc[0]


def test_the_card_shows_the_original_then_the_labelled_translation(translated: Path) -> None:
    briefing, problems = load_briefing(translated)
    assert not [p for p in problems if "transl" in p.field]
    card = quote_card(briefing, _quote(briefing, "q-lin-own-matter"))
    assert card.index(ORIGINAL) < card.index(escape(LABEL)) < card.index(ENGLISH)
    assert '<div class="q-translation" lang="en">' in card
    plain = quote_card(briefing, _quote(briefing, "q-lin-position-not-changed"))
    assert "q-translation" not in plain and "Translation" not in plain


def test_the_quotes_csv_keeps_the_translation_in_its_own_columns(translated: Path) -> None:
    briefing, _ = load_briefing(translated)
    frame = pd.read_csv(
        io.BytesIO(quotes_csv(briefing, filters.apply(briefing, Filters()))), keep_default_na=False
    )
    row = frame.loc[frame["id"] == "q-lin-own-matter"].iloc[0]
    assert (row["text"], row["translation"], row["translation_label"]) == (ORIGINAL, ENGLISH, LABEL)
    assert set(frame.loc[frame["id"] != "q-lin-own-matter", "translation"]) == {""}


def test_every_format_of_the_note_shows_both_labelled(translated: Path) -> None:
    briefing, _ = load_briefing(translated)
    built = note.build(
        briefing,
        Selection(briefing="nk-troops-russia", actors=("china",)),
        link="http://localhost:8501/?briefing=nk-troops-russia&actor=china",
    )
    markdown = note.markdown(built).replace("\\", "")
    assert markdown.index(ORIGINAL) < markdown.index(LABEL) < markdown.index(ENGLISH)
    page = document(built, None, "")
    assert page.index(ORIGINAL) < page.index(escape(LABEL)) < page.index(ENGLISH)
    word = "\n".join(word_text(make(built, "docx")).body)
    assert word.index(ORIGINAL) < word.index(LABEL) < word.index(ENGLISH)


def test_check_warns_of_a_translation_nobody_signed(tmp_path: Path) -> None:
    folder = _with(tmp_path / "nk-troops-russia", translation=ENGLISH)
    briefing, problems = load_briefing(folder)
    [warned] = [p for p in problems if p.field == "translated_by"]
    assert warned.severity is Severity.WARNING and "does not say who made it" in warned.message
    assert "who made it is not recorded" in quote_card(briefing, _quote(briefing, "q-lin-own-matter"))


def test_check_warns_of_provenance_without_a_translation(tmp_path: Path) -> None:
    folder = _with(tmp_path / "nk-troops-russia", translated_by="Ana Analyst")
    briefing, problems = load_briefing(folder)
    [warned] = [p for p in problems if p.field == "translated_by"]
    assert "has no 'translation'" in warned.message
    assert "Translation" not in quote_card(briefing, _quote(briefing, "q-lin-own-matter"))


def test_a_sources_rendering_of_words_said_in_another_language_is_labelled_everywhere() -> None:
    from dashboard import markup, translations
    from dashboard.citation import citation
    from dashboard.load import load_briefing
    from dashboard.selection import Selection

    seed, _ = load_briefing(Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia")
    quotes = seed.quotes.set_index("id", drop=False)
    lin = quotes.loc["q-lin-own-matter"]  # AFP's English of Lin Jian's Chinese answer
    label = "English rendering of words said in Chinese; the original words are not held"
    assert translations.rendering_label(lin, "AFP") == f"AFP's {label}"
    assert label in markup.quote_card(seed, lin)
    assert label in citation(seed, lin)
    built = note.build(seed, Selection(actors=("china",)))
    printed = [q for issue in built.issues for r in issue.readings for q in r.evidence] + list(
        built.other_quotes
    )
    lin_printed = [q for q in printed if q.text == lin["text"]]
    assert lin_printed and all(label in q.context for q in lin_printed)
    # Words said in the language the record holds them in carry no such label.
    wilder = quotes.loc["q-wilder-radio-silence"]
    assert translations.rendering_label(wilder, "CSIS") == ""
    assert "rendering of words said in" not in markup.quote_card(seed, wilder)
