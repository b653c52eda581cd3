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


def test_a_press_statement_by_an_office_unnamed_is_that_office_holders_for_the_state() -> None:
    from dashboard.extract.linking import ActorIndex

    text = (
        "Press Statement by Chief of Policy Office of DPRK Ministry of National Defence\n"
        "\n"
        "Pyongyang, May 25 (KCNA) -- The chief of the Policy Office of the Ministry of National Defence "
        "of the Democratic People's Republic of Korea Saturday issued the following press statement:\n"
        "\n"
        "Recently, the U.S. military is hell-bent on inciting a threat while increasing its arms buildup.\n"
        "\n"
        "The DPRK will never tolerate such moves and will answer them with its own measures.\n"
    )
    [statement] = [d for d in extract(text) if d.how == "turn"]
    assert statement.text.startswith("Recently, the U.S. military")
    assert statement.text.endswith("its own measures.")
    speaker = statement.speaker
    assert speaker is not None and speaker.state == "KP" and not speaker.named
    import pandas as pd

    actors = pd.DataFrame(
        [{"id": "north-korea", "name": "North Korea", "kind": "state", "country": "KP", "aliases": ["DPRK"]}]
    )
    found = ActorIndex(actors).match(speaker)
    assert found is not None and found[0]["id"] == "north-korea"


def test_a_byline_a_note_and_a_captions_credit_are_no_opening_words() -> None:
    text = (
        "Regular Press Conference of the Ministry of National Defense on September 25, 2025\n"
        "\n"
        "By Senior Colonel Jane Roe, Spokesperson for the Ministry of National Defense.\n"
        "\n"
        "Senior Colonel Jane Roe, spokesperson for the Ministry of National Defense, answers questions "
        "at a regular press conference on the afternoon of September 25, 2025. (mod.gov.cn)\n"
        "\n"
        "(The following English text is for reference. In case of any divergence, the Chinese text "
        "shall prevail.)\n"
        "\n"
        "Jane Roe: Friends from the media, good afternoon. I have a piece of news to announce today.\n"
        "\n"
        "Journalist: What is your comment on the drills?\n"
        "\n"
        "Jane Roe: The drills are routine and target no one.\n"
    )
    drafts = extract(text)
    assert not any(d.text.startswith(("By Senior Colonel", "questions at a regular")) for d in drafts)
    assert drafts[0].text.startswith("Friends from the media"), drafts[0].text


def test_a_briefing_by_the_spokesperson_under_a_ministrys_line_is_that_ministrys() -> None:
    text = (
        "Transcript of the Weekly Media Briefing by the Spokesperson on Friday, 28th November 2025\n"
        "Pakistan Ministry of Foreign Affairs\n"
        "Assalam-o-Alaikum,\n"
        "Welcome to the Ministry of Foreign Affairs.\n"
        "Let me begin with a roundup of this week's activities, starting with the visit to Bahrain.\n"
    )
    [turn] = [d for d in extract(text) if d.how == "turn"]
    assert turn.speaker is not None
    assert turn.speaker.name == "Spokesperson of the Pakistan Ministry of Foreign Affairs"
    assert turn.speaker.kind == "person" and turn.speaker.state == "PK"


def test_a_royal_highness_is_no_part_of_the_name() -> None:
    text = (
        "Talks in Manama\n\n"
        "His Royal Highness Salman Bin Hamad Al Khalifa said that the two countries would deepen trade.\n"
    )
    said = next(d for d in extract(text) if "deepen trade" in d.text)
    assert said.speaker is not None and said.speaker.name == "Salman Bin Hamad Al Khalifa"


def test_a_transcribers_note_alone_on_a_line_ends_a_segment() -> None:
    text = (
        "Remarks by President Jane Roe Before Air Force One Departure\n"
        "\n"
        "THE PRESIDENT: We had a great meeting with the leaders of Europe, and we will have peace soon.\n"
        "\n"
        "[Several reporters began asking questions at once.]\n"
        "\n"
        "The talks in Geneva will decide a great deal about the ceasefire and the sanctions.\n"
        "\n"
        "Q: Will you meet the Russian president?\n"
        "\n"
        "THE PRESIDENT: Probably next month, in Geneva.\n"
    )
    turns = [d for d in extract(text) if d.how == "turn"]
    assert [d.text for d in turns] == [
        "We had a great meeting with the leaders of Europe, and we will have peace soon.",
        "The talks in Geneva will decide a great deal about the ceasefire and the sanctions.",
        "Probably next month, in Geneva.",
    ]
    assert not any("reporters began" in d.text for d in extract(text))


def test_a_parenthesised_question_is_no_transcribers_note() -> None:
    text = (
        "Noon briefing by Jane Roe, Spokeswoman for the Secretary-General\n"
        "\n"
        "The Secretary-General will travel to Geneva on Monday for the talks on the ceasefire.\n"
        "\n"
        "(Question: Will he meet the foreign ministers there, and will the reporters travel with him?)\n"
        "\n"
        "He will meet them on Tuesday, and the details will follow in a note to correspondents.\n"
    )
    drafts = extract(text)
    assert not any(d.text.startswith("Question: Will he meet") for d in drafts if d.how == "turn")


def _turn_speakers(text: str) -> list[tuple[str, str] | None]:
    return [(d.speaker.name, d.speaker.role) if d.speaker else None for d in extract(text) if d.how == "turn"]


def test_an_abbreviated_title_in_a_label_is_the_person_named_before() -> None:
    text = (
        "Secretary of Defense Pete Hegseth Media Availability in Honolulu\n\n"
        "SECRETARY OF DEFENSE PETE HEGSETH: Thank you all. The United States is committed to peace "
        "through strength.\n\n"
        "Q: Mr. Secretary, will you send more troops?\n\n"
        "SEC. HEGSETH: We are looking at all options. Nothing has been decided.\n"
    )
    assert _turn_speakers(text) == [("Pete Hegseth", "Secretary of Defense")] * 2


def test_a_hyphenated_given_name_in_a_label_stays_one_name() -> None:
    text = (
        "Regular Briefing by the Ministry of Unification Spokesperson\n\n"
        "Spokesperson Koo Byung-sam: I will begin today's briefing with the minister's schedule.\n\n"
        "Q: Has North Korea responded?\n\n"
        "Spokesperson Koo Byung-sam: There has been no response so far.\n"
    )
    assert _turn_speakers(text) == [("Koo Byung-sam", "Spokesperson")] * 2


def test_an_office_alone_as_a_label_is_its_unnamed_holder() -> None:
    text = (
        "Secretary-General's press encounter on Gaza\n\n"
        "SECRETARY-GENERAL: Good morning. The situation in Gaza is unbearable. I call again on the "
        "Security Council to act.\n\n"
        "Question: What is your message to the Council?\n\n"
        "Secretary-General: My message is simple: the Council must act, and act now.\n"
    )
    found = [d.speaker for d in extract(text) if d.how == "turn"]
    assert [(s.name, s.named) if s else None for s in found] == [("UN Secretary-General", False)] * 2


def test_an_indian_honorific_is_no_part_of_the_name() -> None:
    text = (
        "Transcript of Weekly Media Briefing by the Official Spokesperson (October 16, 2025)\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: Good afternoon and welcome to this weekly "
        "briefing on the visit of the External Affairs Minister.\n\n"
        "Sidhant Sibal, WION: Sir, any response on the US statement on Russian oil?\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: Our energy policy is guided by the interests of "
        "the Indian consumer.\n"
    )
    assert _turn_speakers(text) == [("Randhir Jaiswal", "Official Spokesperson")] * 2


def test_a_kremlin_transcript_with_a_titled_label_on_its_own_line() -> None:
    text = (
        "Dushanbe. Vladimir Putin answered media questions\n\n"
        "Concluding his three-day stay in Tajikistan, the President of Russia answered questions from "
        "representatives of the mass media.\n\n"
        "President of Russia Vladimir Putin:\n\n"
        "We have agreed on a programme of cooperation that will run for many years, in energy above all.\n\n"
        "Jane Roe: Mr President, what about the talks with the United States?\n\n"
        "Vladimir Putin: We are ready to continue them, and we will do so.\n"
    )
    turns = [d for d in extract(text) if d.how == "turn"]
    assert [d.text[:20] for d in turns] == ["We have agreed on a ", "We are ready to cont"]
    assert all(d.speaker is not None and d.speaker.name == "Vladimir Putin" for d in turns)
    from dashboard.extract.turns import principal

    assert principal(text) == "Vladimir Putin"


def test_an_answer_labelled_a_after_a_q_paragraph_is_without_its_label() -> None:
    text = (
        "Regular Briefing of the Ministry\n"
        "Q. Has there been any response from the North to the proposal for talks?\n"
        "A. Please understand that it is difficult to confirm the specifics regarding this matter.\n"
    )
    [answer] = [d for d in extract(text) if d.how in ("turn", "unknown") and d.kind == "direct"]
    assert answer.text.startswith("Please understand"), answer.text


def test_a_greeting_on_its_own_line_opens_the_opening_words() -> None:
    text = (
        "Transcript of the Weekly Media Briefing by the Spokesperson on Friday, 25th July 2025\n"
        "Pakistan Ministry of Foreign Affairs\n"
        "Assalam-o-Alaikum,\n"
        "Welcome to the Ministry of Foreign Affairs. Let me begin with a roundup of this week's activities.\n"
    )
    [turn] = [d for d in extract(text) if d.how == "turn"]
    assert turn.text.startswith("Assalam-o-Alaikum,\nWelcome"), turn.text


def test_an_abbreviated_title_points_back_to_the_one_it_abbreviates() -> None:
    text = (
        "Weekly briefing\n\n"
        "Deputy Prime Minister/Foreign Minister, Senator Mohammad Ishaq Dar, participated in the forum "
        "on 21 July. In his national statement, the DPM/FM reaffirmed Pakistan's commitment to the "
        "2030 Agenda.\n"
    )
    said = next(d for d in extract(text) if "commitment to the 2030 Agenda" in d.text)
    assert said.speaker is not None and said.speaker.name == "Mohammad Ishaq Dar"
