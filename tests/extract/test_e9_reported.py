"""Reported speech on reporting not yet seen (issue 20, ninth round): who speaks in a participle
after a condition or before an outlet's "reported", and objects that are acts or people, not
words. Each on short texts written for the purpose, with guards for the shapes that must stay."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.extractor import extract
from dashboard.extract.linking import ActorIndex
from dashboard.extract.speakers import Speaker
from tests.extract.support import speaker_of


def _drafted(text: str, words: str) -> bool:
    return any(words in d.text for d in extract(text))


# -- a participle after a condition is the main clause's -------------------------------------------


def test_a_participle_after_a_condition_is_the_main_clause_subject_s() -> None:
    text = (
        "Tariff row deepens\n\n"
        "President Donald Trump has threatened additional tariffs if the European Union proceeds with "
        'its planned countermeasures next month, asserting, "Whatever they charge us, we are charging '
        'them."'
    )
    # the parse hangs "asserting" from "proceeds"; it went to the European Union
    assert speaker_of(text, "Whatever they charge us") == "Donald Trump"


def test_a_participle_inside_the_reported_words_is_still_the_reporter_s() -> None:
    # the shape the earlier rule was written for stays: the speaker of "said" recalls
    text = (
        "Talks offer\n\n"
        "Kim Jong Un said that he is open to talks if Washington gives up its hostile policy, recalling "
        "that the two leaders had met three times."
    )
    assert speaker_of(text, "the two leaders had met") == "Kim Jong Un"


# -- an outlet's trailing "reported" does not take the words of the person in the sentence ---------


OUTLET = (
    "Provinces push back\n\n"
    "Ontario Premier Doug Ford took a firm stance, warning that if the United States continued its "
    "trade measures, Ontario could cut energy exports, CBS News said."
)


def test_the_person_warns_and_the_outlet_only_reports() -> None:
    assert speaker_of(OUTLET, "Ontario could cut energy exports") == "Doug Ford"


def test_the_outlet_s_report_of_a_statement_is_not_a_second_statement() -> None:
    # it was drafted as CBS News saying "Ontario Premier Doug Ford took a firm stance"
    assert not _drafted(OUTLET, "took a firm stance")


def test_an_outlet_s_report_of_an_act_is_still_drafted() -> None:
    text = "Border closed\n\nThe army closed the border crossing on Sunday, the Yonhap news agency reported."
    assert _drafted(text, "The army closed the border crossing")


# -- objects that are acts or people are not what was said ----------------------------------------


def test_an_announced_measure_is_an_act_not_a_statement() -> None:
    text = (
        "Tariffs\n\n"
        "Commerce Secretary Howard Lutnick announced further trade protections targeting copper imports. "
        "Canada and Mexico announced plans to counter the new tariffs."
    )
    assert not _drafted(text, "trade protections targeting copper")
    assert not _drafted(text, "plans to counter")


def test_an_announced_view_is_still_a_statement() -> None:
    text = "Peace plan\n\nThe Chinese government announced its firm support for the peace plan on Monday."
    assert _drafted(text, "its firm support for the peace plan")


def test_the_people_condemned_are_not_what_was_said() -> None:
    text = (
        "Pyongyang responds\n\n"
        "Kim Yo Jong slammed the foreign ministers of the three countries in a statement on Wednesday."
    )
    assert not _drafted(text, "the foreign ministers of the three countries")


def test_calling_off_a_meeting_is_not_calling_it_something() -> None:
    text = (
        "Summit off\n\n"
        "Washington called off the planned summit after the ministry sent a message. "
        "Moscow called the decision a serious mistake."
    )
    assert not _drafted(text, "the planned summit")
    assert _drafted(text, "the decision a serious mistake")


# -- a statement issued, its words after a colon -----------------------------------------------------


def test_a_statement_issued_before_a_colon_is_the_issuer_s() -> None:
    text = (
        "Tariffs\n\n"
        "Ontario Premier Doug Ford warned that Ontario could cut energy exports.\n\n"
        "President Donald Trump, undeterred, issued a statement on social media: "
        '"Please explain to Governor Trudeau that we will double the tariffs."'
    )
    # it went on from the paragraph before, to Doug Ford
    assert speaker_of(text, "Please explain to Governor Trudeau") == "Donald Trump"


def test_people_released_before_a_colon_do_not_speak() -> None:
    text = 'Hostages\n\nThe group released the hostages on Sunday: "We kept our word," a spokesman said.'
    assert speaker_of(text, "We kept our word") != "The group"


# -- an office's title is never someone known to hold another ---------------------------------------


def test_the_secretary_general_is_not_the_president_who_spoke_last() -> None:
    text = (
        "Talks\n\n"
        "President Xi Jinping called for upholding true multilateralism on Monday. "
        "The Secretary-General said that the Council must act now to protect civilians."
    )
    # it went to Xi Jinping, the last to speak
    assert speaker_of(text, "the Council must act now") != "Xi Jinping"


def test_the_secretary_general_is_the_one_named_as_such() -> None:
    text = (
        "Talks\n\n"
        "UN Secretary-General Antonio Guterres spoke on Monday. President Xi Jinping called for "
        "multilateralism. The Secretary-General said that the Council must act now to protect civilians."
    )
    assert speaker_of(text, "the Council must act now") == "Antonio Guterres"


def test_a_title_the_last_speaker_holds_is_still_theirs() -> None:
    text = (
        "Talks\n\n"
        "Prime Minister Benjamin Netanyahu met envoys on Monday. The premier said that the war would go on."
    )
    assert speaker_of(text, "the war would go on") == "Benjamin Netanyahu"


def test_the_un_s_secretary_general_is_no_party_s_general_secretary() -> None:
    actors = pd.DataFrame(
        [
            {
                "id": "xi-jinping",
                "name": "Xi Jinping",
                "kind": "official",
                "role": "General Secretary of the Communist Party",
                "aliases": [],
            },
            {
                "id": "antonio-guterres",
                "name": "António Guterres",
                "kind": "official",
                "role": "UN Secretary-General",
                "aliases": [],
            },
        ]
    )
    index = ActorIndex(actors)
    named = frozenset({"xi-jinping", "antonio-guterres"})
    # the parse cuts the role short ("U.N. secretary"); the name keeps the office
    described = Speaker(
        "u.n. secretary-general", "U.N. secretary-general", "person", "U.N. secretary", named=False
    )
    found = index.match(described, named)
    assert found is not None and found[0]["id"] == "antonio-guterres"
    # before, both roles read as {secretary, general}: two holders, so nobody
    only_xi = index.match(
        Speaker("the secretary-general", "the Secretary-General", "person", named=False), named
    )
    assert only_xi is not None and only_xi[0]["id"] == "antonio-guterres"


def test_what_an_object_announces_after_a_colon_is_what_was_said() -> None:
    text = (
        "Solidarity day\n\n"
        "The Secretary-General, in the remarks, reaffirmed a fundamental truth: the Palestinian people "
        "have a right to dignity, a right to justice, and a right to self-determination."
    )
    # the draft was "a fundamental truth"
    assert _drafted(text, "the Palestinian people have a right to dignity")
    assert not any(d.text == "a fundamental truth" for d in extract(text))


def test_an_object_with_no_colon_after_it_stays_the_words() -> None:
    text = "Talks\n\nThe minister stressed the importance of dialogue with all parties on Monday."
    assert _drafted(text, "the importance of dialogue")


# -- a copy that lost the space after a stop ---------------------------------------------------------


def test_a_quotation_glued_to_the_sentence_before_still_opens_a_sentence() -> None:
    text = (
        "Tariffs\n\n"
        "Lin said the tariffs seriously impact the stability of the global economic order."
        '"It is typical unilateralism, protectionism, and economic bullying, and has been widely '
        'opposed by the international community," Lin said.'
    )
    # drafted as a partial quotation: the mark followed the stop with no space
    [quote] = [d for d in extract(text) if d.text.startswith("It is typical")]
    assert quote.kind == "direct"


def test_a_mark_after_an_initial_s_stop_opens_no_sentence() -> None:
    text = 'Sanctions\n\nThe envoy said the U.S."maximum pressure" policy had failed, officials said.'
    assert [d.kind for d in extract(text) if d.text == "maximum pressure"] == ["partial"]


# -- a body in the lead, its one voice named after ---------------------------------------------------


def test_a_body_s_words_in_the_lead_are_its_one_spokesperson_s() -> None:
    text = (
        "Summit needs homework\n\n"
        "The Kremlin said on Sunday that any future summit would require extensive preparation.\n\n"
        'Kremlin spokesman Dmitry Peskov told reporters: "The process is complex. A great deal of '
        'homework must be done."'
    )
    [lead] = [d for d in extract(text) if "future summit" in d.text]
    assert lead.speaker is not None and lead.speaker.name == "Dmitry Peskov"
    assert "speaker" in lead.flags  # a reading of the article: the analyst confirms it


def test_a_body_with_two_voices_keeps_its_words() -> None:
    text = (
        "Summit needs homework\n\n"
        "The Kremlin said on Sunday that any future summit would require extensive preparation.\n\n"
        'Kremlin spokesman Dmitry Peskov told reporters: "The process is complex." Kremlin aide Yuri '
        'Ushakov told reporters: "Nothing is fixed yet."'
    )
    [lead] = [d for d in extract(text) if "future summit" in d.text]
    assert lead.speaker is not None and lead.speaker.name not in ("Dmitry Peskov", "Yuri Ushakov")


def test_a_title_before_a_name_the_recogniser_split_is_a_person() -> None:
    text = (
        "Tariffs\n\n"
        "Despite escalating tensions, EU Commission President Ursula von der Leyen stressed, "
        '"It is not in our common interest to burden our economies with tariffs."'
    )
    # drafted as a body named "EU Commission President Ursula von der Leyen" ("Leyen" read as a place)
    [quote] = extract(text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == ("Ursula von der Leyen", "person")
    assert quote.speaker.role == "EU Commission President"


def test_a_body_s_name_stays_a_body() -> None:
    text = "Tariffs\n\nThe White House Press Office said that the tariffs would stay in place."
    [quote] = extract(text)
    assert quote.speaker is not None and quote.speaker.kind == "organization"
