"""Transcripts (issue 22, letter tr, fifth round): every answer to the right spokesperson, nothing
drafted that is not a statement. Short transcripts written for the purpose, in the formats of the
presidents' papers and the State Department's briefings."""

from __future__ import annotations

import pytest

from dashboard.extract.turns import find_turns, says_nothing

# house reading of 2026-12-07 (benchmarks/devsets/README.md): a turn that says nothing on any matter
# is not a statement, in any transcript
EXCHANGE = (
    "Remarks Prior to a Meeting With Prime Minister Ana Jones of Freedonia\n"
    "President Smith. Thank you very much. It's a great honor to have the Prime Minister here, and "
    "our trade talks this afternoon will go well.\n"
    "Prime Minister Jones. May I thank you, President? It's a great honor for me to be here to "
    "celebrate St. Patrick's with you.\n"
    "President Smith. Right.\n"
    "Prime Minister Jones. And I commend you for the work you are doing for peace, which we——\n"
    "President Smith. Thank you.\n"
    "Prime Minister Jones. ——discussed earlier. I think that's going well.\n"
    "President Smith. Of course.\n"
)


def test_a_turn_that_says_nothing_is_no_turn_of_its_speaker() -> None:
    turns = find_turns(EXCHANGE)
    said = [(t.label, EXCHANGE[t.start : t.end].strip()) for t in turns]
    assert said == [
        ("President Smith", said[0][1]),
        ("Prime Minister Jones", "And I commend you for the work you are doing for peace, which we——"),
        ("Prime Minister Jones", "——discussed earlier. I think that's going well."),
    ]
    assert said[0][1].endswith("will go well.")


BRIEFING = (
    "Department Press Briefing - May 15, 2025\n\n"
    "MR PIGOTT: Hello, everybody.\n\n"
    "QUESTION: Hello.\n\n"
    "MR PIGOTT: All right. I'm ready to take your questions.\n\n"
    "QUESTION: Will the Secretary travel to Istanbul for the talks?\n\n"
    "MR PIGOTT: The Secretary will travel to Istanbul tomorrow and meet the Ukrainian delegation.\n\n"
    "QUESTION: Thank you.\n\n"
    "MR PIGOTT: Thanks, everybody.\n"
)


def test_a_briefing_keeps_the_answer_and_the_questions_only() -> None:
    turns = find_turns(BRIEFING)
    answers = [BRIEFING[t.start : t.end].strip() for t in turns if not t.question]
    assert answers == ["The Secretary will travel to Istanbul tomorrow and meet the Ukrainian delegation."]
    assert sum(t.question for t in turns) == 3  # the questions stay: nothing inside them is drafted


@pytest.mark.parametrize(
    ("words", "nothing"),
    [
        ("Right.", True),
        ("Thank you very much, Mr. President.", True),
        ("Good afternoon, everyone.", True),
        ("So, pleasure to be here. It's an honor to be here.", True),
        ("Go ahead, Said.", True),
        ("Thanks, everybody. [Laughter]", True),
        ("Yes.", False),  # an answer
        ("No.", False),
        ("Thank you for the question. We oppose the resolution.", False),
        # small talk about the weather says nothing (house reading of 2026-12-07)
        ("Hello everybody. Hopefully, you're staying cool in this weather.", True),
        ("It is a pleasure to be here to announce new sanctions on the regime.", False),
        ("Well, it's a great honor to have you. I know a lot of Irish.", False),
        ("Sure. The talks will go ahead.", False),
    ],
)
def test_says_nothing_is_greetings_thanks_assent_and_courtesy(words: str, nothing: bool) -> None:
    assert says_nothing(words) is nothing


# the Russian foreign ministry's briefings in English: a spokeswoman's answer may end on a
# rhetorical question, and a question may carry a note ("Question (retranslated from Russian):")
RUSSIAN_MFA = (
    "Briefing by Foreign Ministry Spokeswoman Anna Petrova, Moscow, October 2, 2025\n\n"
    "Answers to media questions:\n\n"
    "Question: How does Moscow assess the statements by the alliance's Secretary General?\n\n"
    "Anna Petrova: We regard these statements as another attempt to escalate tensions. Russia has "
    "never threatened anyone. So who is escalating, and who benefits from this hysteria?\n\n"
    "Question (retranslated from Russian): Will Russia respond to the new sanctions\n\n"
    "Anna Petrova: Our response will be carefully considered and will follow.\n\n"
    "Question: Which sanctions do you mean exactly?\n\n"
    "Anna Petrova: Sorry. Which package?\n"
)


def test_the_principals_answer_ending_on_a_rhetorical_question_is_an_answer() -> None:
    turns = find_turns(RUSSIAN_MFA)
    answers = [RUSSIAN_MFA[t.start : t.end].strip() for t in turns if not t.question]
    assert answers[0].startswith("We regard these statements")
    assert "Sorry. Which package?" not in answers  # asking back is no answer


def test_a_question_label_with_a_note_is_a_question() -> None:
    turns = find_turns(RUSSIAN_MFA)
    noted = next(t for t in turns if t.label.startswith("Question ("))
    assert noted.question
    assert [t.label for t in turns if not t.question] == ["Anna Petrova", "Anna Petrova"]


def test_a_question_with_thanks_after_it_is_a_question() -> None:
    text = (
        "Foreign Ministry Spokesperson Li Ming's Regular Press Conference on May 7, 2025\n\n"
        "Wen Hui Bao: The two ministers met yesterday. What's China's comment? Thank you.\n\n"
        "Li Ming: The meeting was productive, and China stands ready to deepen cooperation.\n"
    )
    turns = find_turns(text)
    assert [(t.label, t.question) for t in turns] == [("Wen Hui Bao", True), ("Li Ming", False)]
