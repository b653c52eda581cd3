"""Speakers of marked quotations in other languages (dashboard/extract/marked.py), by how each
language reports speech. Each text is written for the test."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.marked import extract_marked

ZH_ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中國"]},
        {"id": "japan", "name": "Japan", "kind": "state", "aliases": ["日本", "日本政府"]},
        {"id": "sato", "name": "Sato Ken", "kind": "official", "aliases": ["佐藤健"]},
        {"id": "gao", "name": "Gao Ming", "kind": "official", "aliases": ["高明"]},
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def test_zh_a_cue_that_goes_on_after_the_words_introduces_what_follows() -> None:
    # "並強調" after the quotation is the same subject's second verb, about what follows it: the
    # words are the cue's before them (稱), whose subject opens the sentence, not the person the
    # words speak of
    text = "日本政府昨日通過一份文件，稱佐藤健的說法「沒有改變立場」，並強調立場完全維持不變。\n"
    assert _drafts(text, "zh", ZH_ACTORS)["沒有改變立場"] == "Japan"


def test_zh_as_someone_said_names_the_speaker_of_the_words_after_it() -> None:
    # "正如X所言，「…」": the words are X's, not those of the subject of the sentence's cue
    text = (
        "海軍發言人高明（Gao Ming）稱，日本不會退讓。他強調，正如首相佐藤健（Sato Ken）所言，"
        "「我們不會放棄」，並稱會繼續合作。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["我們不會放棄"] == "Sato Ken"
    text = "海軍發言人高明（Gao Ming）稱，日本不會退讓。他強調，如同佐藤健所說，「我們不會放棄」。\n"
    assert _drafts(text, "zh", ZH_ACTORS)["我們不會放棄"] == "Sato Ken"


DE_ACTORS = pd.DataFrame(
    [
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russland"]},
        {"id": "alliance", "name": "Atlantic Alliance", "kind": "organization", "aliases": ["Allianz"]},
        {
            "id": "kurz",
            "name": "Anna Kurz",
            "kind": "official",
            "aliases": ["Kurz"],
            "role": "Federal Chancellor of Germany",
        },
    ]
)


def test_de_a_participle_closing_the_perfect_is_a_cue() -> None:
    # German puts the perfect's participle last ("hatte … als „…“ bezeichnet"): a word of saying
    # there reports the words of the subject before the auxiliary
    text = (
        "Kanzlerin Anna Kurz hat Russland vor einem Angriff gewarnt. Zuvor hatte Kurz das Treffen "
        'als "historischen Gipfel" bezeichnet.\n'
    )
    assert _drafts(text, "de", DE_ACTORS)["historischen Gipfel"] == "Anna Kurz"


KO_ACTORS = pd.DataFrame(
    [
        {"id": "south-korea", "name": "South Korea", "kind": "state", "aliases": ["한국", "정부"]},
        {"id": "north-korea", "name": "North Korea", "kind": "state", "aliases": ["북한"]},
        {"id": "kim", "name": "Kim Ha-na", "kind": "official", "aliases": ["김하나"]},
        {"id": "park", "name": "Park Min", "kind": "official", "aliases": ["박민"]},
    ]
)


def test_ko_straight_single_quotes_are_marks() -> None:
    # Korean reporting writes single quotes straight as often as curly, closed before a particle
    text = "앞서 김하나 부부장은 통신을 통해 '서울의 꿈은 어리석은 꿈에 불과하다'는 제목의 담화를 냈습니다.\n"
    assert _drafts(text, "ko", KO_ACTORS)["서울의 꿈은 어리석은 꿈에 불과하다"] == "Kim Ha-na"


def test_ko_a_sentence_that_explains_the_one_before_goes_on_from_its_speaker() -> None:
    # "…이라 칭하며 깎아내린 겁니다": it is that she disparaged; the subject with 가 inside it is the
    # subject of a clause it speaks about, and ‘(이)라’ before a space reports the words
    text = (
        "김하나 부부장은 “우리는 관심이 없다”고 밝혔습니다.\n"
        "최근 박민 장관이 취한 여러 조치를 ‘너절한 기만극’이라 칭하며 깎아내린 겁니다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["너절한 기만극"] == "Kim Ha-na"


FR_ACTORS = pd.DataFrame(
    [
        {
            "id": "berg",
            "name": "Lena Berg",
            "kind": "official",
            "aliases": ["Berg", "ministre allemande des Affaires étrangères"],
        },
        {"id": "orlov", "name": "Sergey Orlov", "kind": "official", "aliases": ["Sergueï Orlov", "Orlov"]},
        {"id": "roy", "name": "Paul Roy", "kind": "official", "aliases": ["Roy"]},
    ]
)


def test_fr_the_name_in_apposition_after_a_description_is_the_speaker() -> None:
    # "…, a déclaré le ministre russe des Affaires étrangères, Sergueï Orlov": the comma closes the
    # description (whose last word an alias of another minister ends on); the name after it speaks
    text = (
        "La rencontre doit être préparée « très minutieusement », a déclaré mardi le ministre russe "
        "des Affaires étrangères, Sergueï Orlov.\n"
    )
    assert _drafts(text, "fr", FR_ACTORS)["très minutieusement"] == "Sergey Orlov"


def test_de_what_a_document_says_is_its_authors() -> None:
    # "heißt es" (it says) and "darin" (in it) after a declaration: the words are those of the body
    # that issued it, named where the declaration is, not of the one quoted before
    text = (
        'Kanzlerin Anna Kurz sagte: "Niemand soll es wagen, uns anzugreifen." In ihrer Erklärung vom '
        "Mittwoch verabschiedeten die Allianz-Länder gemeinsame Positionen. Russland wird darin als "
        '"langfristige Bedrohung der Sicherheit aller" eingestuft. Zur Begründung heißt es, dass die '
        'Sicherheit der Ukraine "zu unserer eigenen Sicherheit beiträgt".\n'
    )
    drafts = _drafts(text, "de", DE_ACTORS)
    assert drafts["langfristige Bedrohung der Sicherheit aller"] == "Atlantic Alliance"
    assert drafts["zu unserer eigenen Sicherheit beiträgt"] == "Atlantic Alliance"
    text = (
        'Kanzlerin Anna Kurz sagte: "Niemand soll es wagen, uns anzugreifen." Die Allianz-Länder '
        "veröffentlichten eine Erklärung. Die Länder wollen jährlich "
        '"verteidigungsbezogene Ausgaben zu investieren", wie es in der Erklärung heißt.\n'
    )
    assert (
        _drafts(text, "de", DE_ACTORS)["verteidigungsbezogene Ausgaben zu investieren"] == "Atlantic Alliance"
    )


def test_ko_said_likewise_names_the_speaker_of_the_words_before() -> None:
    # "X는 이같이 말했다" (X said so): the quotation of the sentence before is X's, the body it was
    # first put in the name of aside
    text = (
        "정부는 담화에 대해 “기존의 입장과 크게 다르지 않다”고 밝혔습니다. 박민 대변인은 오늘 "
        "브리핑에서 이같이 말했습니다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["기존의 입장과 크게 다르지 않다"] == "Park Min"


def test_ko_a_subject_only_inside_what_the_answer_is_about_leaves_the_speaker_going_on() -> None:
    # "박민 장관이 … 언급한 것에 대해서는 “…”이라고 답했다": the subject with 이 is inside the clause
    # the answer is about; the one answering is the one speaking before
    text = (
        "김하나 장관은 “회담을 가질 계획”이라고 설명했다.\n"
        "박민 장관이 관세 인상 가능성을 언급한 것에 대해서는 "
        "“합의 파기는 아니라고 이해하면 될 것”이라고 답했다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["합의 파기는 아니라고 이해하면 될 것"] == "Kim Ha-na"


def test_ko_primes_are_marks_and_a_claim_answered_is_its_subjects() -> None:
    # ′…′ (primes, as single quotes): the words North Korea claimed, closed by their quotative
    # ("′…′고 주장한 것에 대해선"), are its own; the answer after them is the spokesman's
    text = (
        "박민 대변인은 북한이 ′조약의 정신에 완전히 부합한다′고 주장한 것에 대해선 "
        "″스스로의 행위를 포장하기 위한 기만적 행태″라고 반박했습니다.\n"
    )
    drafts = _drafts(text, "ko", KO_ACTORS)
    assert drafts["조약의 정신에 완전히 부합한다"] == "North Korea"
    assert drafts["스스로의 행위를 포장하기 위한 기만적 행태"] == "Park Min"


def test_fr_to_hint_is_a_cue_and_its_subject_the_one_he_points_back_to() -> None:
    # "a laissé entendre que …" (hinted that): reported speech of the subject, who is then the
    # one "il" points back to in the next quotation's "a-t-il déclaré"
    text = (
        "« Nous ne céderons pas », a déclaré Lena Berg. Le président Paul Roy agite la menace "
        "depuis des semaines et a laissé entendre que l'Europe serait bientôt visée. "
        "« L'Europe nous a très mal traités », a-t-il déclaré.\n"
    )
    drafts = _drafts(text, "fr", FR_ACTORS)
    assert drafts["L'Europe nous a très mal traités"] == "Paul Roy"


def test_zh_also_pointed_out_is_a_cue() -> None:
    # "高明還指，…" (also pointed out): reported speech of the subject before it, and the few words
    # quoted inside it are theirs
    text = (
        "高明還指，對方設立保護區的計畫，意在為其「虛假且非法的存在」辯護，毫無依據，國際社會也不予承認。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["虛假且非法的存在"] == "Gao Ming"


def test_zh_words_woven_into_their_clause_take_the_cue_before_not_a_later_clauses() -> None:
    # "崔明表示，…「…」的計畫毫無依據，國際社會也不予承認": words in marks with more of their clause
    # after them are the earlier cue's subject's, not those of a later clause's verb
    text = (
        "海軍發言人崔明表示，對方設立「一個非常虛假而且完全非法的保護區」的計畫毫無依據，"
        "國際社會也不予承認。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["一個非常虛假而且完全非法的保護區"] == "崔明"


def test_ko_words_quoted_inside_a_quotation_are_its_subjects() -> None:
    # "“김하나 장관이 … ‘…’고 제게 전화를 해 왔다”": the words inside, closed by their quotative, are
    # those of the subject the outer speaker names before them
    text = (
        "박민 장관은 “김하나 장관이 어제 귀국해서 '상대에게 우리의 사정을 잘 설명했고 이해를 했다'고 "
        "제게 전화를 해 왔다”며 “같은 메시지를 전달할 것”이라고 했다.\n"
    )
    drafts = _drafts(text, "ko", KO_ACTORS)
    assert drafts["상대에게 우리의 사정을 잘 설명했고 이해를 했다"] == "Kim Ha-na"
    assert drafts["같은 메시지를 전달할 것"] == "Park Min"


def test_ko_a_three_syllable_name_before_a_body_is_a_name_whatever_it_ends_on() -> None:
    # "김정관 산업통상부 장관": 관 ends many bodies' names (대사관), but a word of three syllables
    # before a body's name and a title is the person's name
    found, _ = extract_marked("김정관 산업통상부 장관은 “사정을 잘 설명했다”고 말했다.\n", "ko", KO_ACTORS)
    speaker = next(q.speaker for q in found if q.text == "사정을 잘 설명했다")
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("김정관", "산업통상부 장관")


def test_ko_they_point_back_to_the_first_of_the_group_named_before() -> None:
    # "이들은" (they): the people the sentence before named together, spoken for by the first of
    # them (a joint statement's first named), not a new speaker "이들" nor the last one quoted
    text = (
        "북한 외무성은 “비핵화는 불가능하다”고 밝혔다.\n"
        "앞서 김하나 장관은 박민 장관과 함께 회담을 개최했다. "
        "이들은 공동성명에 ‘북한의 완전한 비핵화’에 대한 확고한 의지를 담았다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["북한의 완전한 비핵화"] == "Kim Ha-na"


def test_de_a_few_words_in_marks_in_a_sentence_opening_on_a_person_are_theirs() -> None:
    # "Außenministerin Anna Kurz sieht eine Chance für „…“": a few words in marks in the sentence of
    # the person it opens on (a title and a name first) are that person's
    text = 'Außenministerin Anna Kurz sieht eine Chance für "substanzielle Verhandlungen" im Krieg.\n'
    assert _drafts(text, "de", DE_ACTORS)["substanzielle Verhandlungen"] == "Anna Kurz"
