"""Titles before a name (issue 20: "titles fused into names", the lead's twelfth round, from the
twelfth development sets): "EU Energy Commissioner Jorgensen" is Jorgensen with the role "EU Energy
Commissioner", never a person called "Commissioner Jorgensen"; "EU Energy Commissioner, Dan
Jorgensen, has said" gives the words to the person in apposition, not to a new actor named after
the office. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract

APPOSED = (
    "EU Energy Commissioner: no way back for Russian gas\n"
    "EU Energy Commissioner, Dan Jorgensen, has said that recent legislation amounts to a permanent "
    "ban on all imports of Russian gas.\n"
    "Speaking on a podcast, EU Energy Commissioner Jorgensen said that “we are finally able to close "
    "the taps on Russian gas.”\n"
)


def _speakers(text: str) -> dict[str, tuple[str, str] | None]:
    return {d.text: ((d.speaker.name, d.speaker.role) if d.speaker else None) for d in extract(text)}


def test_an_office_in_apposition_to_a_name_is_the_persons_role() -> None:
    found = _speakers(APPOSED)
    paraphrase = next(k for k in found if k.startswith("recent legislation amounts"))
    assert found[paraphrase] == ("Dan Jorgensen", "EU Energy Commissioner"), found


def test_a_title_before_a_surname_is_not_part_of_the_name() -> None:
    found = _speakers(APPOSED)
    quoted = next(k for k in found if k.startswith("we are finally able"))
    speaker = found[quoted]
    assert speaker is not None and speaker[0] == "Dan Jorgensen", found
    assert "Commissioner" in speaker[1], found


def test_other_offices_before_a_name_are_titles_too() -> None:
    found = _speakers(
        "Special Envoy Steve Witkoff said on Tuesday that the talks in Geneva were “productive.”\n"
        "Supreme Leader Ayatollah Ali Khamenei said the country would “never bow to pressure.”\n"
    )
    names = {v[0] for v in found.values() if v}
    assert "Steve Witkoff" in names, found
    assert "Ali Khamenei" in names, found


def test_the_place_of_a_post_is_not_part_of_the_name() -> None:
    found = _speakers(
        "In an interview, Russian Ambassador to Oslo Nikolai Korchunov assessed Norway's chairmanship "
        "of the Arctic Council.\n"
        "“The Arctic Council remains the only functioning platform,” Korchunov stated.\n"
    )
    speaker = found["The Arctic Council remains the only functioning platform"]
    assert speaker == ("Nikolai Korchunov", "Russian Ambassador to Oslo"), found


def test_a_wires_name_before_the_lead_is_not_part_of_the_role() -> None:
    found = _speakers(
        "Maduro denounces US\n"
        "(MENAFN) Venezuelan President Nicolas Maduro on Friday denounced what he described as "
        "increased US military activity, accusing Washington of attempting to establish a “puppet "
        "government” in Venezuela.\n"
    )
    assert found["puppet government"] == ("Nicolas Maduro", "Venezuelan President"), found


def test_a_surname_with_particles_is_the_person_named_in_full() -> None:
    found = _speakers(
        'On Tuesday, European Commission President Ursula von der Leyen had already promised "additional '
        'measures" against Russia.\n'
        'In response, von der Leyen said she wanted to "accelerate" Europe\'s weaning off Russian '
        "hydrocarbons.\n"
    )
    speaker = found["accelerate"]
    assert speaker is not None and speaker[0] == "Ursula von der Leyen", found


def test_a_long_title_before_its_verb_ends_in_the_speaker() -> None:
    found = _speakers(
        "U.S. Deputy Under Secretary of Defense Elbridge Colby said Taiwan should be spending 10% of "
        "its GDP on defense in his Senate confirmation hearing in March.\n"
    )
    speaker = next(iter(found.values()))
    assert speaker == ("Elbridge Colby", "Deputy Under Secretary of Defense"), found


def test_two_offices_joined_by_and_before_the_verb_are_not_one_title() -> None:
    found = _speakers("Foreign Secretary and Minister Jane Roe affirmed that the alliance is strong.\n")
    names = {v[0] for v in found.values() if v}
    assert names <= {"Jane Roe"}, found


def test_a_spokesman_of_a_named_body_may_be_proposed_however_long_the_bodys_name() -> None:
    from dashboard.extract.linking import acceptable
    from dashboard.extract.speakers import Speaker

    def described(name: str) -> Speaker:
        return Speaker(name.casefold(), name, "person", named=False)

    assert acceptable(described("A spokesman for the General Staff of the Korean People’s Army"))
    # a long description of no body by name is still no one an actor can be made of
    assert not acceptable(described("a man who said he had been at the scene of the attack all night"))
