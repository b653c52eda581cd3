"""Transcripts written by a transcription service (issues 20 and 22, the lead's twelfth round, from
the eleventh and twelfth development sets): "Karoline Leavitt (00:09):" names Karoline Leavitt, the
time is no part of her name; "Audience (00:07):" is a label of one word, whose turn is nobody's
statement; a time alone on a line ("(00:47)") starts a new segment of the same speaker's turn, so
no quotation runs over the transcriber's stamp. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, principal

BRIEFING = (
    "Press Secretary Jane Roe Holds a Press Briefing\n"
    "\n"
    "Jane Roe (00:00):\n"
    "\n"
    "Good afternoon everybody.\n"
    "\n"
    "Audience (00:07):\n"
    "\n"
    "Good afternoon.\n"
    "\n"
    "Jane Roe (00:09):\n"
    "\n"
    "The President will travel to Malaysia on Sunday for the regional summit.\n"
    "\n"
    "(00:47)\n"
    "\n"
    "He will also meet the Prime Minister of Japan to discuss trade and security.\n"
    "\n"
    "John Poe (01:30):\n"
    "\n"
    "Will he meet the Chinese leader?\n"
    "\n"
    "Jane Roe (01:34):\n"
    "\n"
    "A meeting with the Chinese leader is planned for Thursday in Busan.\n"
)


def test_the_time_after_a_name_is_no_part_of_it() -> None:
    labels = {t.label for t in find_turns(BRIEFING)}
    assert "Jane Roe" in labels, labels
    assert not any("(" in label for label in labels), labels


def test_a_one_word_label_with_a_time_is_a_label() -> None:
    turns = find_turns(BRIEFING)
    audience = [t for t in turns if t.label == "Audience"]
    assert audience and all(t.question for t in audience), turns
    # the audience's reply is not run into the press secretary's greeting
    assert not any("Good afternoon." in BRIEFING[t.start : t.end] and t.label == "Jane Roe" for t in turns)


def test_a_time_alone_on_a_line_starts_a_new_segment_of_the_same_turn() -> None:
    answers = [BRIEFING[t.start : t.end] for t in find_turns(BRIEFING) if t.label == "Jane Roe"]
    assert any(a.startswith("The President will travel") and "(00:47)" not in a for a in answers), answers
    assert any(a.startswith("He will also meet") for a in answers), answers


def test_each_segment_is_drafted_as_the_speakers_own_words() -> None:
    drafts = {d.text: d for d in extract(BRIEFING)}
    travel = "The President will travel to Malaysia on Sunday for the regional summit."
    meet = "He will also meet the Prime Minister of Japan to discuss trade and security."
    for words in (travel, meet):
        assert words in drafts, list(drafts)
        speaker = drafts[words].speaker
        assert speaker is not None and speaker.name == "Jane Roe", speaker
    assert not any("(00:47)" in text for text in drafts)
    assert not any(text.startswith("Will he meet") for text in drafts)


SENTENCE_CASE = (
    "Pre-ministerial press conference\n"
    "\n"
    "by NATO Secretary General Jane Roe ahead of the meetings of NATO Ministers of Foreign Affairs\n"
    "\n"
    "(As delivered)\n"
    "\n"
    "Thank you and good afternoon.\n"
    "On Thursday and Friday the ministers will meet to discuss pressing security issues.\n"
    "\n"
    "We will focus on strengthening our collective defence. It remains our number one priority.\n"
)


def test_a_sentence_case_headline_names_its_principal() -> None:
    assert principal(SENTENCE_CASE) == "NATO Secretary General Jane Roe"
    drafts = [d for d in extract(SENTENCE_CASE) if d.kind == "direct"]
    assert drafts and all(d.speaker is not None and d.speaker.name == "Jane Roe" for d in drafts), drafts
    assert any("collective defence" in d.text for d in drafts)


DOORSTEP = (
    "Special European Council: press remarks by High Representative Jane Roe upon arrival\n"
    "\n"
    "Check against delivery!\n"
    "\n"
    "Good day everybody. We have an important European Council today, on defence and on Ukraine.\n"
    "\n"
    "Q&A.\n"
    "Q. High Representative, the Secretary did not want to meet with you. What is your proposal?\n"
    "We have been very long-term allies, we have many relations between us. We need to build on this.\n"
    "\n"
    "Q. Does it mean that Europe is not fit for this role anymore?\n"
    "No, the war is going on in Europe and it is a question of peace and security in Europe.\n"
)


def test_a_doorsteps_q_paragraphs_are_questions_and_the_answers_the_principals() -> None:
    assert principal(DOORSTEP) == "High Representative Jane Roe"
    turns = find_turns(DOORSTEP)
    asked = [DOORSTEP[t.start : t.end] for t in turns if t.question]
    assert len(asked) == 2 and all(a.startswith("Q. ") for a in asked), asked
    drafts = {d.text: d for d in extract(DOORSTEP) if d.kind == "direct"}
    for opening in ("Good day everybody.", "We have been very long-term allies", "No, the war is going on"):
        found = next((d for text, d in drafts.items() if text.startswith(opening)), None)
        assert found is not None and found.speaker is not None and found.speaker.name == "Jane Roe", drafts
    assert not any("Q&A" in text or "What is your proposal" in text for text in drafts)


MADE_PUBLIC = (
    "Pyongyang, January 13 (KCNA) — Jane Roe, vice department director of the Central Committee, "
    "made public the following press statement “Dreams change nothing” on January 13:\n"
    "I saw the ministry commenting on my statement on Tuesday. What a poor one it is.\n"
    "The authorities should admit and apologize for having violated our sovereignty.\n"
    "This is not a mere rhetorical threat.\n"
)


def test_a_statement_an_agency_carries_whole_is_its_authors() -> None:
    assert principal(MADE_PUBLIC) == "Jane Roe"
    drafts = [d for d in extract(MADE_PUBLIC) if d.kind == "direct"]
    statement = next((d for d in drafts if d.text.startswith("I saw the ministry")), None)
    assert statement is not None and statement.speaker is not None and statement.speaker.name == "Jane Roe"
    assert statement.text.rstrip().endswith("rhetorical threat."), statement.text


def test_what_someone_should_say_is_a_demand_not_their_statement() -> None:
    drafts = extract(
        "The minister said the talks had failed.\n"
        "The authorities should admit and apologize for having violated the border agreement.\n"
    )
    assert not any("having violated" in d.text for d in drafts), [d.text for d in drafts]


def test_an_editors_words_in_brackets_opening_a_paragraph_are_still_the_speakers() -> None:
    text = DOORSTEP.replace(
        "Q&A.\n",
        "[I am] really looking forward to Europe showing unity and resolve in these times.\n\nQ&A.\n",
    )
    opening = next(d for d in extract(text) if d.text.startswith("Good day everybody."))
    assert opening.text.rstrip().endswith("unity and resolve in these times."), opening.text


def test_the_secretary_general_of_a_noon_briefing_is_the_uns() -> None:
    from dashboard.extract.linking import acceptable

    text = (
        "Noon briefing by Jane Roe, Spokeswoman for the Secretary-General of the United Nations.\n"
        "The Secretary-General regrets the announcement by the White House regarding the withdrawal.\n"
    )
    said = next(d for d in extract(text) if "White House" in d.text)
    assert said.speaker is not None and said.speaker.name == "UN Secretary-General"
    assert acceptable(said.speaker)
    # where NATO is the body, its Secretary General is not the UN's
    nato = text.replace("of the United Nations", "of NATO at the United Nations")
    other = next(d for d in extract(nato) if "White House" in d.text)
    assert other.speaker is None or other.speaker.name != "UN Secretary-General"


def test_a_ministrys_marks_around_a_turns_paragraphs_are_not_the_words() -> None:
    text = (
        "Briefing by the official representative of the Foreign Ministry, Jane Roe (June 26, 2025)\n"
        "\n"
        '"To summarize the questions we have received, I can say that we welcome reports of the '
        "parties' readiness to observe the ceasefire.\n"
        "\n"
        'The attempt to use brute force has predictably caused the deepest concern in the world."\n'
    )
    turn = next(d for d in extract(text) if d.how == "turn")
    assert turn.text.startswith("To summarize the questions"), turn.text
    assert turn.text.endswith("concern in the world."), turn.text


def test_the_title_of_a_statement_an_agency_carries_is_its_authors() -> None:
    text = (
        "Pyongyang, January 13 (KCNA) — Kim Yo Jong, vice department director of the Central Committee "
        "of the Workers’ Party of Korea, made public the following press statement “Pipe dream can "
        "never change the current situation” on January 13:\n"
        "I saw the ROK Ministry of Unification commenting on my statement on Tuesday.\n"
        "What a poor one it is. Their expectation has already gone wrong.\n"
    )
    title = next(d for d in extract(text) if d.text.startswith("Pipe dream"))
    assert title.kind == "partial"
    assert title.speaker is not None and title.speaker.name == "Kim Yo Jong"
