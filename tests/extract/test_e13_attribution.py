"""The thirteenth round of attribution rules (issue 20), from the eleventh sets opened as development
material: a title ending in the state before the name ("the Minister of Foreign Affairs of Ukraine
Andriy Sybiha", read by the recogniser as one organisation), words set off by a dash before their
attribution over a whole paragraph, a courtesy title that is no role ("Mr Healey"), and a headline's
or lead's description of the one the body names as the agent of a passive ("It was announced by
Defence Secretary John Healey"). Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import DraftQuote, extract


def _draft(text: str, opening: str) -> DraftQuote:
    return next(d for d in extract(text) if d.text.startswith(opening))


def test_this_was_said_by_a_minister_of_a_state_named_with_his_title() -> None:
    text = (
        "Ukraine is very eager for the war to end this year. This was said by the Minister of "
        "Foreign Affairs of Ukraine Andriy Sybiha in an interview with a French daily, reports UNN.\n"
        "\n"
        'According to him, "we need more pressure on Moscow."\n'
    )
    lead = next(d for d in extract(text) if "end this year" in d.text)
    assert lead.speaker is not None and lead.speaker.name == "Andriy Sybiha"
    assert lead.speaker.kind == "person" and "Minister of Foreign Affairs" in lead.speaker.role
    later = _draft(text, "we need more pressure")
    assert later.speaker is not None and later.speaker.name == "Andriy Sybiha"


def test_words_before_a_dash_attribution_are_the_whole_paragraph() -> None:
    text = (
        "Foreign Minister Andriy Sybiha gave an interview on Monday.\n"
        "\n"
        "Russia is deliberately dragging out the talks. We must prevent this scenario - the minister noted.\n"
    )
    drafts = [d for d in extract(text) if "prevent this scenario" in d.text]
    assert len(drafts) == 1
    assert drafts[0].text == "Russia is deliberately dragging out the talks. We must prevent this scenario"


def test_a_dash_attribution_leaves_an_earlier_quoted_sentence_alone() -> None:
    text = (
        "Foreign Minister Andriy Sybiha gave an interview on Monday.\n"
        "\n"
        'The talks are "stalled", a reporter wrote. We must prevent this scenario - the minister noted.\n'
    )
    draft = _draft(text, "We must prevent")
    assert draft.text == "We must prevent this scenario"


def test_a_courtesy_title_is_no_role() -> None:
    text = (
        "The minister met his counterparts in Brussels.\n"
        'Mr Healey warned: "This is the critical moment for Ukraine and for all of Europe."\n'
    )
    draft = _draft(text, "This is the critical moment")
    assert draft.speaker is not None and draft.speaker.name == "Healey"
    assert draft.speaker.role == ""
    titled = "Defence Secretary John Healey arrived in Brussels.\n" + text.split("\n", 1)[1]
    draft = _draft(titled, "This is the critical moment")
    assert draft.speaker is not None and draft.speaker.role == "Defence Secretary"


def test_the_headline_and_lead_description_is_the_agent_the_body_names() -> None:
    text = (
        "Defence secretary warns this is 'the critical year' for Ukraine\n"
        'The defence secretary has said that 2025 is "the critical year" for Ukraine.\n'
        "The funding includes money from a previously announced pot.\n"
        "It was announced on Friday by Defence Secretary John Healey, who is in Brussels.\n"
    )
    draft = next(d for d in extract(text) if d.text == "the critical year" and d.start > 70)
    assert draft.speaker is not None and draft.speaker.name == "John Healey"


def test_a_lead_description_of_another_office_is_not_the_agent_named_after() -> None:
    text = (
        'The defence secretary has said that 2025 is "the critical year" for Ukraine.\n'
        "The funding includes money from a previously announced pot.\n"
        "It was announced on Friday by Prime Minister Keir Starmer, who is in Brussels.\n"
    )
    draft = _draft(text, "the critical year")
    assert draft.speaker is None or draft.speaker.name != "Keir Starmer"


def test_the_un_office_links_to_the_one_holder_of_the_briefing_though_not_named() -> None:
    import pandas as pd

    from dashboard.extract.linking import ActorIndex
    from dashboard.extract.speakers import Speaker

    actors = pd.DataFrame(
        [
            {"id": "antonio-guterres", "name": "António Guterres", "kind": "official",
             "role": "UN Secretary-General", "aliases": []},
            {"id": "ban-ki-moon", "name": "Ban Ki-moon", "kind": "official",
             "role": "former UN Secretary-General", "aliases": []},
            {"id": "mark-rutte", "name": "Mark Rutte", "kind": "official",
             "role": "NATO Secretary General", "aliases": []},
        ]
    )  # fmt: skip
    office = Speaker(
        "un secretary-general", "UN Secretary-General", "person", "Secretary-General", named=False
    )
    found = ActorIndex(actors).match(office, frozenset())
    assert found is not None and found[0]["id"] == "antonio-guterres"
    # "the Secretary-General" of no body named: nobody, when the article names none of them
    bare = Speaker("secretary-general", "Secretary-General", "person", "Secretary-General", named=False)
    assert ActorIndex(actors).match(bare, frozenset()) is None


def test_the_noon_briefings_header_makes_the_secretary_general_the_uns() -> None:
    text = (
        "The following is a near-verbatim transcript of today's briefing by Jane Roe, Spokesman for "
        "the Secretary-General.\n"
        "**Nuclear Weapons\n"
        "This morning, John Doe, the Chef de Cabinet, delivered remarks on behalf of the "
        "Secretary-General at the event. He said that nuclear weapons continue to menace our world.\n"
    )
    said = next(d for d in extract(text) if d.text.startswith("nuclear weapons continue"))
    assert said.speaker is not None and said.speaker.name == "UN Secretary-General"


def test_a_lead_giving_words_to_the_kremlin_is_the_spokesman_the_body_names_next() -> None:
    text = (
        "Kremlin tempers expectations for peace talks\n"
        "\n"
        'The Kremlin said Tuesday that negotiations on ending the war were "extremely complex", adding '
        "that it was waiting for Kyiv's reaction to its proposals.\n"
        "\n"
        "Top spokesman Dmitry Peskov spoke to reporters a day after talks in Turkey.\n"
    )
    said = next(d for d in extract(text) if d.text == "extremely complex")
    assert said.speaker is not None and said.speaker.name == "Dmitry Peskov"
    # a minister named next is not who spoke for the Kremlin
    minister = text.replace("Top spokesman Dmitry Peskov", "Foreign Minister Sergei Lavrov")
    other = next(d for d in extract(minister) if d.text == "extremely complex")
    assert other.speaker is None or other.speaker.name != "Sergei Lavrov"


def test_a_name_written_from_russian_links_to_the_same_name_written_from_ukrainian() -> None:
    import pandas as pd

    from dashboard.extract.linking import ActorIndex
    from dashboard.extract.speakers import Speaker

    actors = pd.DataFrame(
        [
            {"id": "andrii-sybiha", "name": "Andrii Sybiha", "kind": "official",
             "role": "Minister of Foreign Affairs of Ukraine", "aliases": ["Sybiha"]},
            {"id": "sergei-lavrov", "name": "Sergei Lavrov", "kind": "official",
             "role": "Minister of Foreign Affairs of Russia", "aliases": []},
        ]
    )  # fmt: skip
    index = ActorIndex(actors)
    found = index.match(Speaker("sibiga andrey", "Andrey Sibiga", "person", named=True))
    assert found is not None and found[0]["id"] == "andrii-sybiha"
    # a namesake by first name only is no one of them
    assert index.match(Speaker("ryabkov sergey", "Sergey Ryabkov", "person", named=True)) is None


def test_the_unification_ministry_is_south_koreas() -> None:
    from dashboard.extract.places import state_in

    assert state_in("the unification ministry") == "KR"
    assert state_in("the Ministry of Unification") == "KR"
    text = (
        "Ministry rejects criticism\n\n"
        "The unification ministry said Thursday that there is no conflict on the matter with the "
        "presidential national security office.\n"
    )
    said = next(d for d in extract(text) if "no conflict" in d.text)
    assert said.speaker is not None and said.speaker.state == "KR"


def test_a_paragraph_in_the_first_person_before_an_en_dash_attribution_is_one_statement() -> None:
    text = (
        "Foreign Minister Andriy Sybiha held a call with his Emirati counterpart.\n"
        "\n"
        "I appealed to my Emirati counterpart with a request to protect Ukrainian citizens. I am "
        "grateful to His Highness for confirming that their rights will be protected. – Sybiha noted.\n"
    )
    drafts = [d for d in extract(text) if d.start > text.index("\n")]
    assert [(d.text[:22], d.speaker.name if d.speaker else None) for d in drafts] == [
        ("I appealed to my Emira", "Andriy Sybiha")
    ]
    assert drafts[0].text.endswith("will be protected.")
