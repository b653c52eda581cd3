"""The seed article drafted from scratch: accepting the confident drafts, and the quotations a reader
must look at (three short quoted phrases, words whose speaker is read from a pronoun or an earlier
quotation, words the article's marks do not close), gives the shipped seed briefing's direct and
partial quotes, word for word, each with the seed's speaker."""

from __future__ import annotations

from pathlib import Path

import yaml

from dashboard.extract.briefings import load_briefing
from dashboard.extract.drafts import draft
from dashboard.extract.readers import read_article
from dashboard.extract.review import ACCEPTED, Review
from dashboard.extract.saving import save
from dashboard.problems import errors
from tests.extract.support import SEED_ARTICLE, SEED_BRIEFING


def seed_quotes() -> list[dict[str, str]]:
    quotes = yaml.safe_load((SEED_BRIEFING / "quotes.yaml").read_text(encoding="utf-8"))
    # The seed article's own quotations; the next day's wire reports are other articles.
    return [q for q in quotes if q["kind"] in ("direct", "partial") and q["source"] == "article-2024-11-02"]


def test_accepting_the_drafts_reproduces_the_seeds_quotes(seed_from_scratch: Path) -> None:
    briefing, _ = load_briefing(seed_from_scratch)
    drafts = draft(read_article(SEED_ARTICLE), briefing, "nk-troops-russia")
    review = Review.start(drafts)
    review.source.update(title="US and South Korea urge China", publisher="Unattributed wire report")
    bulk = review.accept_confident()
    # a phrase of three words or fewer in marks is never taken in bulk: whose words, about what
    short = [q for q in drafts.quotes if review.decisions[q.id].status != ACCEPTED and "span" in q.flags]
    assert sorted(q.text for q in short) == ["consistent and clear.", "radio silence", "staggering."]
    # nor words whose speaker is read from "he" or from the quotation before, nor words the
    # article's marks do not close (“… activities “.)
    assert set(bulk.left) == {
        "paraphrases (their edges need reading)",
        "beliefs or findings, not speech",
        "flagged (span)",
        "with a speaker read from a pronoun (“he”, “she”), not named at the words",
        "continuing an earlier quotation, its speaker not named at these words",
        "with words not closed by their quotation marks",
        # 'Austin said China “should ask Russia …”': a state named between the name and the words
        "with another name or quotation between the speaker and the words",
    }
    assert len(bulk.accepted) >= 7
    for quote in drafts.quotes:  # read, and the marked ones that are speech accepted, by the analyst
        if quote.kind != "paraphrase" and quote.is_speech:
            review.decisions[quote.id].status = ACCEPTED
    assert review.problems() == []
    save(seed_from_scratch, review.accepted_records())
    saved, problems = load_briefing(seed_from_scratch)
    assert errors(problems) == []
    got = {(q.text, q.kind, q.speaker) for q in saved.quotes.itertuples()}
    expected = {(q["text"], q["kind"], q["speaker"]) for q in seed_quotes()}
    assert len(expected) == 17
    assert expected <= got, sorted(expected - got)
    extra = {g for g in got if g[1] != "paraphrase"} - expected
    assert extra == set(), "a direct or partial quote the seed does not have was accepted"
    # the drafts left out are the ones a reader would leave out: scare quotes, beliefs
    left = [q for q in drafts.quotes if review.decisions[q.id].status != ACCEPTED and q.kind != "paraphrase"]
    assert [q.text for q in left] == ["no-holds-barred"]


def test_with_no_actors_at_all_the_speakers_are_proposed_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "briefing.yaml").write_text("id: empty\ntitle: Empty\nas_of: 2024-11-02\n")
    briefing, _ = load_briefing(folder)
    drafts = draft(read_article(SEED_ARTICLE), briefing, "empty")
    names = {a.id: a.name for a in drafts.actors}
    assert all(not a.matched for a in drafts.actors)
    seed_names = {a["id"]: a["name"] for a in yaml.safe_load((SEED_BRIEFING / "actors.yaml").read_text())}
    got = {(q.text, names.get(q.speaker or "")) for q in drafts.quotes if q.kind != "paraphrase"}
    for quote in seed_quotes():
        assert (quote["text"], seed_names[quote["speaker"]]) in got
    kinds = {a.name: (a.kind, a.role) for a in drafts.actors}
    assert kinds["Liu Pengyu"] == ("official", "Spokesperson")
    assert kinds["Shi Yinhong"][0] == "expert"
