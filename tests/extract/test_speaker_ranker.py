"""The learned speaker chooser's candidates and features (dashboard/extract/ranker.py), and its
shipped model, on short texts written for the purpose. The chooser is an experiment the drafting
does not use (docs/extraction.md, "Seventh round"); these pin what it sees and that its model file
is plain JSON. And a crash of the drafting the chooser's training found on PolNeAR's train split."""

from __future__ import annotations

import json
import pickle

import pytest
from spacy.tokens import Doc

from dashboard.extract import ranker
from dashboard.extract.extractor import parse
from dashboard.extract.linking import ActorIndex
from dashboard.extract.nlp import english
from dashboard.extract.speakers import SpeakerBook


def _setting(
    text: str, words: str, cue: str, rules_name: str | None = None
) -> tuple[Doc, ranker.Statement, list[ranker.Candidate], list[tuple[int, int]]]:
    doc = parse(text)
    start = text.index(words)
    at = text.index(cue)
    named = ranker.named_in(doc, ActorIndex(None))
    chosen = None
    if rules_name is not None:
        mention = next(n for n in named if n.said_as == rules_name)
        chosen = ranker.Chosen(
            mention.key, mention.kind, mention.matched, mention.side, (mention.start, mention.end)
        )
    statement = ranker.Statement(
        start,
        start + len(words),
        (at, at + len(cue)),
        "named" if chosen else "unknown",
        chosen.kind if chosen else "",
    )
    found = ranker.candidates(doc, named, statement.start, statement.end, chosen, None)
    return doc, statement, found, ranker.people_in(doc, 0, len(text))


def _by_name(found: list[ranker.Candidate], words: str) -> ranker.Candidate:
    return next(c for c in found if c.key == ranker.new_key(words))


def test_the_subject_of_the_cue_beats_a_nearer_named_person() -> None:
    text = "Jane Roe, who met John Doe in Oslo on Monday, said the talks would resume next week."
    doc, statement, found, people = _setting(text, "the talks would resume next week", "said")
    roe = ranker.features(doc, statement, _by_name(found, "Jane Roe"), people)
    doe = ranker.features(doc, statement, _by_name(found, "John Doe"), people)
    assert roe["subject_of_the_cue"] == 1.0 and doe["subject_of_the_cue"] == 0.0
    assert doe["log_distance"] < roe["log_distance"]  # Doe is the nearer
    assert roe["person_between"] == 1.0  # and stands between Roe and the words
    scored = ranker.choose(ranker.load(), doc, statement, found, people)
    assert scored[0][1].key == ranker.new_key("Jane Roe")


def test_a_person_named_between_the_words_and_the_cue_is_not_taken() -> None:
    text = "“We will not give up,” Jane Roe, who had spoken with John Doe on Monday, said in Oslo."
    doc, statement, found, people = _setting(text, "We will not give up", "said")
    doe = ranker.features(doc, statement, _by_name(found, "John Doe"), people)
    roe = ranker.features(doc, statement, _by_name(found, "Jane Roe"), people)
    assert doe["of_the_cue"] == 0.0 and doe["subject_of_a_speech_verb"] == 0.0
    assert roe["subject_of_the_cue"] == 1.0
    assert doe["after"] == roe["after"] == 1.0
    scored = ranker.choose(ranker.load(), doc, statement, found, people)
    assert scored[0][1].key == ranker.new_key("Jane Roe")


def test_the_model_keeps_the_rules_choice_on_a_plain_said_sentence() -> None:
    text = "Foreign Minister Jane Roe said the talks would resume next week."
    doc, statement, found, people = _setting(text, "the talks would resume next week", "said", "Jane Roe")
    scored = ranker.choose(ranker.load(), doc, statement, found, people)
    assert scored[0][1].rules and scored[0][1].key == ranker.new_key("Jane Roe")
    assert scored[0][0] > 0.5


def test_the_words_own_names_are_no_speakers() -> None:
    text = "Jane Roe said: “John Doe has betrayed us.”"
    doc, statement, found, people = _setting(text, "John Doe has betrayed us.", "said")
    doe = ranker.features(doc, statement, _by_name(found, "John Doe"), people)
    assert doe["inside_words"] == 1.0
    scored = ranker.choose(ranker.load(), doc, statement, found, people)
    assert scored[0][1].key == ranker.new_key("Jane Roe")


def test_the_shipped_model_is_json_and_loads_without_pickle(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("pickle used")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    raw = ranker.MODEL.read_text(encoding="utf-8")
    data = json.loads(raw)
    model = ranker.Model.from_json(raw)
    assert model.names == ranker.NAMES  # the features the code computes, in its order
    assert len(model.weights) == len(data["names"]) and all(s > 0 for s in model.scale)
    with pytest.raises(ValueError):
        ranker.Model.from_json(json.dumps({**data, "format": "something else"}))


def test_a_mark_taken_for_a_subject_names_nobody() -> None:
    # the parse as the model gave it in a PolNeAR train article ("50 years of Trump’s talking about
    # ..."): the possessive "’s" a punctuation mark with nothing under it, resolved as a subject;
    # drafting the article failed with an IndexError before
    words = ["Trump", "’s", "talking", "was", "a", "ruse", "."]
    doc = Doc(
        english().vocab,
        words=words,
        spaces=[False, True, True, True, True, False, False],
        heads=[2, 2, 3, 3, 5, 3, 3],
        deps=["poss", "punct", "nsubj", "ROOT", "det", "attr", "punct"],
        pos=["PROPN", "PUNCT", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
        sent_starts=[True, False, False, False, False, False, False],
    )
    found = SpeakerBook(doc).resolve(doc[1])
    assert found.speaker is None and found.how == "unknown"
