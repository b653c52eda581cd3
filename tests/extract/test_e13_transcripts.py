"""Transcripts, thirteenth round (issues 20 and 22), from the eleventh transcript set opened as
development material: a briefing whose headline says the official "Briefs" the media, with bare
times ("0:37") alone on a line between segments; one labelled speaker after short lines (a date,
"Opening Remarks", a numbered heading); and a sentence of an answer that ends in a colon
("President Donald Trump has been clear: …"), which is no label: the answer runs on over it.
Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract


def test_a_briefing_that_briefs_with_bare_times_between_segments() -> None:
    text = (
        "Press Secretary Jane Roe Briefs Members of the Media, Aug. 19, 2025\n"
        "\n"
        "0:03\n"
        "Jane Roe: Good afternoon everybody.\n"
        "\n"
        "What we have witnessed over the last few days has been remarkable.\n"
        "\n"
        "0:37\n"
        "The old status quo was to fund the war endlessly, no matter the cost.\n"
    )
    turns = [d for d in extract(text) if d.how == "turn"]
    assert [d.text for d in turns] == [
        "Good afternoon everybody.\n\nWhat we have witnessed over the last few days has been remarkable.",
        "The old status quo was to fund the war endlessly, no matter the cost.",
    ]
    assert all(d.speaker is not None and d.speaker.name == "Jane Roe" for d in turns)


def test_one_labelled_minister_after_a_date_and_headings() -> None:
    text = (
        "Press Conference by Foreign Minister ROE Jane\n"
        "Tuesday, October 14, 2025, 11:30 a.m. Ministry of Foreign Affairs\n"
        "Opening Remarks\n"
        "(1) Situation in the Gaza Strip\n"
        "Foreign Minister ROE Jane: I have three announcements at the outset.\n"
        "First, Japan sincerely welcomes the release of the hostages.\n"
    )
    [turn] = [d for d in extract(text) if d.how == "turn"]
    assert turn.text.startswith("I have three announcements"), turn.text
    assert turn.text.endswith("release of the hostages.")


def test_a_long_prose_piece_after_headings_has_no_turns() -> None:
    text = (
        "Press Conference wrap-up\n"
        "Tuesday, October 14, 2025\n"
        "Analysis\n"
        "Notes\n"
        "The minister said: I have three announcements at the outset.\n"
    )
    assert not any(d.how == "turn" for d in extract(text))


def test_an_answer_runs_on_over_its_own_sentence_ending_in_a_colon() -> None:
    text = (
        "Department Press Briefing\n"
        "\n"
        "MS ROE: Good afternoon. Our envoys have left the comfort of their homes to work for peace.\n"
        "\n"
        "President Donald Trump has been clear: This madness has to come to an end quickly.\n"
        "\n"
        "QUESTION: Thank you. What about the talks?\n"
        "\n"
        "MS ROE: They go on.\n"
    )
    first = next(d for d in extract(text) if d.how == "turn")
    assert first.text.endswith("come to an end quickly."), first.text
