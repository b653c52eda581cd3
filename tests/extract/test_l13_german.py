"""German, thirteenth round (issue 22), from de-fresh14 opened as development material after its
blind scores: the government press conference's labels stand alone on their lines with no colon
("Frage", then "Giese (AA)"); the answer is the spokesperson's, the ministry's initials their role,
the question nobody's statement. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.marked import extract_marked

TEXT = (
    "Erklärungen des Auswärtigen Amts in der Regierungspressekonferenz vom 21.07.2025\n\n"
    "Gespräche mit Iran\n\n"
    "Frage\n\n"
    "Ich habe eine Frage an das Auswärtige Amt. Was erwartet Deutschland von dem Gespräch?\n\n"
    "Roe (AA)\n\n"
    "Die Gespräche finden auf Expertenebene statt. Iran darf niemals in den Besitz einer Nuklearwaffe "
    "gelangen.\n"
)


def test_an_answer_under_a_label_alone_on_its_line_is_the_spokespersons() -> None:
    found, _ = extract_marked(TEXT, "de", None)
    turns = [d for d in found if d.how == "turn"]
    assert [(d.text[:26], d.speaker.name if d.speaker else None) for d in turns] == [
        ("Die Gespräche finden auf E", "Roe")
    ]
    assert turns[0].speaker is not None and turns[0].speaker.role == "AA"
    assert not any("Was erwartet Deutschland" in d.text for d in found)


def test_a_lone_name_in_brackets_without_a_question_is_no_transcript() -> None:
    text = TEXT.replace("Frage\n\n", "").replace("Ich habe eine Frage an das Auswärtige Amt. ", "")
    found, _ = extract_marked(text, "de", None)
    assert not any(d.how == "turn" for d in found)
