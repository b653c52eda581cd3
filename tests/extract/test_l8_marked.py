"""Speakers of marked quotations in other languages (dashboard/extract/marked.py,
dashboard/extract/languages.py): the mechanisms that gave words to the wrong name, each on short texts
written for the test, in every language where the same choice is made."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.languages import LANGUAGES
from dashboard.extract.marked import NameBook, extract_marked

BODIES = pd.DataFrame(
    [
        {"id": "un", "name": "United Nations", "kind": "organization", "aliases": ["UN", "UNO", "ООН"]},
        {"id": "eu", "name": "European Union", "kind": "organization", "aliases": ["EU", "UE", "ЕС"]},
        {"id": "au", "name": "African Union", "kind": "organization", "aliases": ["AU", "UA"]},
        {"id": "mid", "name": "Russian Foreign Ministry", "kind": "organization", "aliases": ["МИД"]},
        {
            "id": "weber",
            "name": "Klara Weber",
            "kind": "official",
            "aliases": ["Weber"],
            "role": "Foreign Minister of Germany",
        },
        {
            "id": "morel",
            "name": "Luc Morel",
            "kind": "official",
            "aliases": ["Morel"],
            "role": "Foreign Minister of France",
        },
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def _found(text: str, code: str) -> list[str]:
    book = NameBook.of(BODIES, LANGUAGES[code])
    return [text[m.start : m.end] for m in book.find(text, 0, len(text))]


def test_a_name_in_capitals_is_no_ordinary_word() -> None:
    # "UN" with a case ending is not "Und", "AU" not "aux" or "Au", "UN" not "une", "EU" not "eu"
    assert _found("Und sage er auch: die UN und die EU, die UNO oder die Uno.", "de") == [
        "UN",
        "EU",
        "UNO",
        "Uno",
    ]
    assert _found("Au sommet de l'UA, une délégation de l'UE a eu aux Nations unies un rôle.", "fr") == [
        "UA",
        "UE",
    ]
    # a Russian case ending after capitals is the name: "МИДа", "ООН"
    assert _found("Представитель МИДа и ООН заявили.", "ru") == ["МИДа", "ООН"]


def test_de_a_pronoun_after_und_speaks_not_the_un() -> None:
    text = (
        "Weber sagte am Montag: „Wir sind auf einem guten Weg.“ Und sage er auch allen Partnern in der "
        "Region: „Diese Chance müssen sie ergreifen.“\n"
    )
    assert _drafts(text, "de", BODIES)["Diese Chance müssen sie ergreifen."] == "Klara Weber"
    text = "Weber sagte am Montag: „Wir sind bereit.“ Und fügte hinzu: „Die Zeit drängt.“\n"
    assert _drafts(text, "de", BODIES)["Die Zeit drängt."] == "Klara Weber"


ZH_ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中國", "中国", "中方", "北京"]},
        {"id": "japan", "name": "Japan", "kind": "state", "aliases": ["日本", "日方"]},
        {
            "id": "mfa",
            "name": "Chinese Foreign Ministry",
            "kind": "organization",
            "aliases": ["中國外交部", "中国外交部"],
            "represents": "china",
        },
        {
            "id": "lin",
            "name": "Lin Hua",
            "kind": "official",
            "aliases": ["林華", "林华"],
            "role": "Spokesperson of the Chinese Foreign Ministry",
            "represents": "china",
        },
    ]
)


def test_zh_a_claim_and_a_pronoun_after_then_are_the_one_speaking() -> None:
    # 宣稱/宣称 and 指稱, 痛批, 表態 report speech; "然後她", "最後他", "接著她" open on the pronoun
    pairs = (("然後", "宣稱"), ("接著", "宣稱"), ("最後", "指稱"), ("此外", "痛批"), ("之後", "表態"))
    for then, claims in pairs:
        text = (
            f"中國外交部發言人林華週四說，日方的說法「毫無根據」。{then}她又{claims}，"
            "日方必須「立即停止挑釁」。\n"
        )
        drafts = _drafts(text, "zh", ZH_ACTORS)
        assert drafts["毫無根據"] == "Lin Hua", (then, claims)
        assert drafts["立即停止挑釁"] == "Lin Hua", (then, claims)
    text = "中国外交部今天宣称，日方的答复「老调重弹」。\n"
    assert _drafts(text, "zh", ZH_ACTORS)["老调重弹"] == "Chinese Foreign Ministry"


def test_zh_a_word_of_saying_after_ba_is_a_noun_of_the_object() -> None:
    # "把…承諾體現在行動中": after 把 the word is the object (a commitment), no verb with a subject
    text = (
        "林華26日說，日方還在「老調重彈」。她最後說，中方再次敦促日方收回「錯誤言論」，"
        "把對華承諾體現在行動中。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["錯誤言論"] == "Lin Hua"
    text = "林华表示，日方应当收回「错误言论」，把有关承诺落到实处。\n"
    assert _drafts(text, "zh", ZH_ACTORS)["错误言论"] == "Lin Hua"


def test_zh_a_cue_going_on_past_adverbs_is_the_same_subjects_next_verb() -> None:
    # "，並再次敦促": the words before it are the cue's before them, not the next verb's
    text = (
        "中國外交部週三宣稱，答復內容「避重就輕」，日方試圖「蒙混過關」，並再次敦促日方收回「錯誤內容」。\n"
    )
    drafts = _drafts(text, "zh", ZH_ACTORS)
    assert drafts["避重就輕"] == "Chinese Foreign Ministry"
    assert drafts["蒙混過關"] == "Chinese Foreign Ministry"


EU_ACTORS = pd.DataFrame(
    [
        {
            "id": "sala",
            "name": "Marta Sala",
            "kind": "official",
            "aliases": ["Sala", "la Présidente du Parlement européen"],
            "role": "President of the European Parliament",
        },
        {
            "id": "novak",
            "name": "Petr Novak",
            "kind": "official",
            "aliases": ["Novak", "ministre des Affaires étrangères"],
            "role": "Foreign Minister of Czechia",
        },
        {
            "id": "kovac",
            "name": "Ivan Kovac",
            "kind": "official",
            "aliases": ["Kovac", "глава Европейской комиссии"],
            "role": "Commissioner for Trade",
        },
    ]
)


def test_a_word_qualifying_a_bodys_name_in_an_alias_is_no_surname() -> None:
    # "la Présidente du Parlement européen" makes "européen" no surname of hers: "le commissaire
    # européen" is not her; nor "étrangères" of "ministre des Affaires étrangères" the minister's
    book = NameBook.of(EU_ACTORS, LANGUAGES["fr"])
    text = (
        "le commissaire européen et le ministère des Affaires étrangères, la Présidente du Parlement européen"
    )
    assert [m.record["id"] for m in book.find(text, 0, len(text))] == ["sala"]
    text = (
        "Les Vingt-Sept vont préparer des contre-mesures, a déclaré lundi le commissaire européen au "
        "Commerce, Ivan Kovac.\n\n« Nous continuons à dialoguer », a déclaré le commissaire européen "
        "avant une réunion.\n"
    )
    assert _drafts(text, "fr", EU_ACTORS)["Nous continuons à dialoguer"] == "Ivan Kovac"
    # the same in Russian: "Европейской комиссии" names a body, "комиссии" is no surname
    book = NameBook.of(EU_ACTORS, LANGUAGES["ru"])
    text = "представитель комиссии и глава Европейской комиссии"
    assert [text[m.start : m.end] for m in book.find(text, 0, len(text))] == ["глава Европейской комиссии"]


def _paraphrases(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.kind == "paraphrase"}


def test_reported_words_before_a_cue_whose_subject_follows_it() -> None:
    # the wire's lead: the words reported, then ", a déclaré [day] X" with the subject after the cue
    # (a name, or an article and a title); Italian and Spanish read the same
    cases = (
        (
            "fr",
            "Les négociations avancent dans la bonne direction, a déclaré mercredi Luc Morel.",
            "Luc Morel",
        ),
        ("fr", "La position de la France est très claire, a affirmé mardi Luc Morel, ministre.", "Luc Morel"),
        ("fr", "La France restera ferme sur ce dossier, a estimé le ministre Luc Morel.", "Luc Morel"),
        ("it", "I negoziati vanno nella giusta direzione, ha dichiarato mercoledì Luc Morel.", "Luc Morel"),
        ("es", "Las negociaciones van en la buena dirección, declaró Luc Morel.", "Luc Morel"),
    )
    for code, text, who in cases:
        drafts = _paraphrases(text + "\n", code, BODIES)
        said = text.split(",")[0]
        assert drafts.get(said) == who, (code, drafts)
    # not the subject and its apposition before the cue
    text = "Luc Morel, ministre des Affaires étrangères, a déclaré lundi à la presse sa satisfaction.\n"
    assert "Luc Morel, ministre des Affaires étrangères" not in _paraphrases(text, "fr", BODIES)


KO_ACTORS = pd.DataFrame(
    [
        {"id": "nk", "name": "North Korea", "kind": "state", "aliases": ["북한", "북측"]},
        {"id": "us", "name": "United States", "kind": "state", "aliases": ["미국", "미측"]},
        {"id": "sk", "name": "South Korea", "kind": "state", "aliases": ["한국", "우리 정부"]},
    ]
)


def test_ko_a_name_then_a_state_and_a_title_is_the_person() -> None:
    # "노광철 북한 국방상은": the person, with the state as part of the title's role, for every
    # title a report gives (a minister, a chair, a head of an agency or a delegation, a commander)
    for title in ("국방상", "합참의장", "국정원장", "대표단장", "사령관", "총재"):
        for state in ("북한", "미국"):
            topic = "은" if (ord(title[-1]) - 0xAC00) % 28 else "는"  # after a final consonant or not
            text = f"김철수 {state} {title}{topic} 11일 담화를 통해 “도발 행위를 강력히 규탄한다”고 말했다.\n"
            found, _ = extract_marked(text, "ko", KO_ACTORS)
            quote = next(q for q in found if q.is_speech)
            assert quote.speaker is not None and quote.speaker.name == "김철수", (title, state)
            assert quote.speaker.role == f"{state} {title}", (title, state)


KO_PEOPLE = pd.DataFrame(
    [
        *KO_ACTORS.to_dict("records"),
        {"id": "park", "name": "Park Min", "kind": "official", "aliases": ["박민", "박민 외교부 장관"]},
        {"id": "lee", "name": "Lee Jun", "kind": "official", "aliases": ["이준", "이준 국무위원장"]},
        {
            "id": "mofa",
            "name": "Foreign Ministry of South Korea",
            "kind": "organization",
            "aliases": ["외교부"],
        },
    ]
)


def _ko_said(text: str) -> dict[str, str | None]:
    found, _ = extract_marked(text, "ko", KO_PEOPLE)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def test_ko_the_source_a_report_goes_by_is_not_its_subject() -> None:
    # "외교부에 따르면 박 장관은 …": according to the ministry, the minister said; the minister speaks
    for source in ("외교부에 따르면", "조선중앙통신 보도에 따르면", "정부 관계자의 설명에 따르면"):
        text = (
            "박민 외교부 장관은 28일 통화를 가졌다. "
            f"{source} 박 장관은 긴밀한 업무 협력 관계를 유지하고자 한다고 강조했다.\n"
        )
        assert _ko_said(text)["긴밀한 업무 협력 관계를 유지하고자 한다"] == "Park Min", source


def test_ko_a_topic_after_a_copula_is_inside_the_words_reported() -> None:
    # "이준 국무위원장이 A는 …이며, B는 …이라고 밝혔다": B is what was said, the subject speaks; a
    # topic after a clause ending in a verb ("…제안했고, 박 장관은 …") is the next clause's speaker
    text = (
        "이준 국무위원장이 연합훈련은 가장 적대적인 입장표명이며, 군사적 결탁은 명백한 도발 의지의 "
        "표현이라고 밝혔습니다.\n"
    )
    said = {words: who for words, who in _ko_said(text).items() if words.startswith("연합훈련은")}
    assert list(said.values()) == ["Lee Jun"]
    text = "이준 위원장은 회담을 제안했고, 박민 장관은 이 제안을 “매우 슬기로운 제안”이라고 평가했다.\n"
    assert _ko_said(text)["매우 슬기로운 제안"] == "Park Min"


PLACES = pd.DataFrame(
    [
        *BODIES.to_dict("records"),
        {"id": "us", "name": "United States", "kind": "state", "aliases": ["États-Unis", "USA", "США"]},
        {
            "id": "russia",
            "name": "Russia",
            "kind": "state",
            "aliases": ["Russie", "Russland", "Moskau", "Москва", "Москве"],
        },
        {"id": "ivanov", "name": "Oleg Ivanov", "kind": "official", "aliases": ["Иванов", "Олег Иванов"]},
    ]
)


def test_a_name_after_a_preposition_is_no_subject_of_the_cue() -> None:
    # the name just before the cue, governed by a preposition, is a place or whom one met: the
    # subject is named before it
    cases = (
        (
            "fr",
            "Klara Weber a indiqué que le ministre Luc Morel, actuellement en déplacement aux "
            "États-Unis, a rappelé que « la France n'hésitera pas ».\n",
            "la France n'hésitera pas",
            "Luc Morel",
        ),
        (
            "ru",
            "Олег Иванов после переговоров в Москве заявил: «Мы готовы к диалогу».\n",
            "Мы готовы к диалогу",
            "Oleg Ivanov",
        ),
    )
    for code, text, words, who in cases:
        assert _drafts(text, code, PLACES)[words] == who, code


def test_a_line_opening_on_a_comma_goes_on_with_the_sentence_before() -> None:
    # a page whose quotation and its cue sit on lines of their own: '"…"\n, a déclaré X'
    cases = (
        (
            "fr",
            "« Nous resterons fermes »\n, a déclaré Luc Morel lors d'une conférence.\n",
            "Nous resterons fermes",
        ),
        ("de", "„Wir bleiben standhaft“\n, sagte Klara Weber am Montag.\n", "Wir bleiben standhaft"),
    )
    for code, text, words in cases:
        found, _ = extract_marked(text, code, BODIES)
        said = [(q.text, q.speaker.name if q.speaker else None) for q in found if q.is_speech]
        who = "Luc Morel" if code == "fr" else "Klara Weber"
        assert said == [(words, who)], code


def test_a_description_is_the_one_who_spoke_introduced_with_that_title() -> None:
    # "le ministre" after "le ministre Luc Morel … a rappelé « … »" and another speaker since: the
    # minister who spoke, not the one who spoke last
    text = (
        "Klara Weber a indiqué que le ministre Luc Morel, en visite à Berlin, a rappelé que « la "
        "France restera ferme ».\n\n« Nous ne commenterons pas », a ajouté Klara Weber.\n\n"
        "Le ministre a affirmé que « les sanctions seront maintenues ».\n"
    )
    drafts = _drafts(text, "fr", BODIES)
    assert drafts["la France restera ferme"] == "Luc Morel"
    assert drafts["Nous ne commenterons pas"] == "Klara Weber"
    assert drafts["les sanctions seront maintenues"] == "Luc Morel"
    text = (
        "Außenministerin Klara Weber sagte: „Wir bleiben standhaft.“ Luc Morel antwortete: „Wir auch.“\n\n"
        "Die Ministerin erklärte: „Die Zeit drängt.“\n"
    )
    drafts = _drafts(text, "de", BODIES)
    assert drafts["Wir auch."] == "Luc Morel"
    assert drafts["Die Zeit drängt."] == "Klara Weber"


SEATS = pd.DataFrame(
    [
        {"id": "us", "name": "United States", "kind": "state", "aliases": ["États-Unis", "Washington"]},
        {"id": "france", "name": "France", "kind": "state", "aliases": ["Paris", "Élysée", "l'Élysée"]},
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russie", "Moscou", "Kremlin"]},
        {
            "id": "brown",
            "name": "Tom Brown",
            "kind": "official",
            "role": "President of the United States",
            "represents": "us",
        },
        {
            "id": "petit",
            "name": "Marc Petit",
            "kind": "official",
            "role": "President of France",
            "represents": "france",
        },
        {
            "id": "sokol",
            "name": "Ivan Sokol",
            "kind": "official",
            "role": "Foreign Minister of Russia",
            "represents": "russia",
        },
    ]
)


def test_fr_the_tenant_of_a_seat_of_power_is_its_head_of_state() -> None:
    # "Pour le locataire de la Maison Blanche, …", "Pour l'hôte de l'Élysée, …": the source is the
    # state's president, not a new speaker named "Maison Blanche" nor the one speaking
    text = (
        "Ivan Sokol a parlé lundi. Pour le locataire de la Maison Blanche, la guerre pourrait finir "
        "« cette semaine ou la suivante ».\n"
    )
    assert _drafts(text, "fr", SEATS)["cette semaine ou la suivante"] == "Tom Brown"
    text = "Ivan Sokol a parlé lundi. Pour l'hôte de l'Élysée, la France restera « très ferme ».\n"
    assert _drafts(text, "fr", SEATS)["très ferme"] == "Marc Petit"
