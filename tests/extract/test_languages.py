"""Drafting in other languages: the language identified; quotations by each language's marks; the
speaker by cue words and the names near them (the briefing's aliases in any script, or the name as
written); transcript turns whose questions are nobody's statement; every draft flagged as drafted
without a parse, and its words the article's own."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.briefings import load_briefing
from dashboard.extract.drafts import draft, to_document
from dashboard.extract.extractor import DraftQuote
from dashboard.extract.languages import identify
from dashboard.extract.marked import LANGUAGE_FLAG, extract_marked
from dashboard.extract.quotes import find_quotes
from dashboard.extract.readers import InputError, article_from_text
from tests.extract.support import SEED_BRIEFING, drafted_against

ACTORS = pd.DataFrame(
    [
        {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅", "Ван И"]},
        {
            "id": "sergey-lavrov",
            "name": "Sergey Lavrov",
            "kind": "official",
            "aliases": ["Сергей Лавров", "Лавров", "Sergueï Lavrov", "Sergej Lawrow"],
        },
        {
            "id": "matthew-miller",
            "name": "Matthew Miller",
            "kind": "official",
            "aliases": ["매튜 밀러", "밀러 대변인"],
        },
        {
            "id": "iwaya-takeshi",
            "name": "Iwaya Takeshi",
            "kind": "official",
            "aliases": ["岩屋外務大臣", "岩屋"],
        },
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中国", "Chine", "Китай"]},
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Россия", "Russland", "Russie"]},
    ]
)


def drafts(text: str, code: str) -> list[DraftQuote]:
    found, _ = extract_marked(text, code, ACTORS)
    for quote in found:
        assert text[quote.start : quote.end] == quote.text  # verbatim, never edited
        assert LANGUAGE_FLAG in quote.flags  # less certain than English: always read
    return found


def speaker(quote: DraftQuote) -> str:
    return quote.speaker.name if quote.speaker is not None else ""


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Außenministerin Annalena Baerbock sagte am Freitag in Berlin, die Regierung werde die Gespräche "
            "mit den Partnern fortsetzen.",
            "de",
        ),
        ("Le ministre a déclaré vendredi que la France continuerait de soutenir l'Ukraine.", "fr"),
        ("Министр иностранных дел заявил в пятницу, что переговоры продолжатся.", "ru"),
        ("外交部发言人表示，中方愿同各方一道维护地区和平稳定。", "zh"),
        ("岩屋外務大臣は記者会見で、日中韓の協力を進めていきたいと述べました。", "ja"),
        ("매튜 밀러 국무부 대변인은 4일 브리핑에서 북한과 러시아의 협력을 우려한다고 말했습니다.", "ko"),
        ("The minister said on Friday that the talks would resume next week.", "en"),
    ],
)
def test_the_language_is_identified(text: str, code: str) -> None:
    assert identify(text)[0] == code


def test_a_language_drafting_does_not_read_is_refused_in_words() -> None:
    with pytest.raises(InputError) as refused:
        article_from_text(
            "Rząd oświadczył w poniedziałek, że negocjacje zostaną wznowione w przyszłym "
            "tygodniu i że nie zmieni swojego stanowiska."
        )
    assert "this reads as Polish, and drafting reads English, German, French" in refused.value.reason
    assert "enter the quotes by hand" in refused.value.reason


def test_german_marks_and_cues() -> None:
    text = (
        "BERLIN — „Wir werden die Ukraine so lange unterstützen, wie es nötig ist“, sagte "
        "Außenministerin Annalena Baerbock am Freitag. Russland müsse „den Krieg sofort beenden“, "
        "forderte sie.\nLawrow sagte dagegen: »Der Westen will keine Verhandlungen.«"
    )
    [first, partial, lavrov] = drafts(text, "de")
    assert first.text == "Wir werden die Ukraine so lange unterstützen, wie es nötig ist"
    assert (first.kind, speaker(first), first.speaker.role if first.speaker else "") == (
        "direct",
        "Annalena Baerbock",
        "Außenministerin",
    )
    assert (partial.text, partial.kind, speaker(partial), partial.how) == (
        "den Krieg sofort beenden",
        "partial",
        "Annalena Baerbock",
        "pronoun",
    )
    assert "speaker" in partial.flags  # a pronoun: the reviewer confirms who
    assert (lavrov.text, lavrov.kind, speaker(lavrov)) == (
        "Der Westen will keine Verhandlungen.",
        "direct",
        "Sergey Lavrov",
    )  # by the alias "Lawrow"


def test_french_guillemets_and_an_inverted_cue() -> None:
    text = (
        "« Nous ne reconnaîtrons jamais cette annexion », a déclaré le président Emmanuel Macron "
        "lundi. Selon Sergueï Lavrov, « l'Occident ne veut pas la paix »."
    )
    [macron, lavrov] = drafts(text, "fr")
    assert (macron.text, macron.kind, speaker(macron)) == (
        "Nous ne reconnaîtrons jamais cette annexion",
        "direct",
        "Emmanuel Macron",
    )
    assert (lavrov.text, speaker(lavrov)) == ("l'Occident ne veut pas la paix", "Sergey Lavrov")


def test_russian_a_case_ending_aside() -> None:
    text = (
        "«Мы не допустим эскалации», — заявил Сергей Лавров журналистам. По словам Лаврова, "
        "«Запад ведёт опасную игру»."
    )
    [first, second] = drafts(text, "ru")
    assert (first.text, speaker(first)) == ("Мы не допустим эскалации", "Sergey Lavrov")
    assert (second.text, speaker(second)) == ("Запад ведёт опасную игру", "Sergey Lavrov")  # Лаврова


def test_chinese_subject_before_the_cue_and_a_term_in_marks_set_apart() -> None:
    text = "王毅表示：“中方始终主张通过对话协商解决争端。”他还强调，要坚持“一个中国”原则。"
    found = drafts(text, "zh")
    quote = next(q for q in found if q.text.startswith("中方始终"))
    assert (quote.kind, speaker(quote)) == ("direct", "Wang Yi")
    term = next(q for q in found if q.text == "一个中国")
    assert not term.is_speech  # two words in marks with no cue of their own: a term, not a statement
    new = drafts("外交部发言人林剑22日在例行记者会上表示，“这是朝俄两个主权国家之间的事”。", "zh")
    # a speaker the briefing lacks, by name, the title their role (issue 20: names without titles)
    assert [speaker(q) for q in new] == ["林剑"]
    assert [q.speaker.role for q in new if q.speaker] == ["外交部发言人"]


def test_korean_topic_and_quotative() -> None:
    text = (
        "매튜 밀러 국무부 대변인은 4일 브리핑에서 “우리는 북한과 러시아의 파트너십에 대해 계속 크게 "
        "우려한다”고 말했습니다.\n이어 “북한군이 곧 전투에 투입될 수 있다”고 밝혔습니다."
    )
    [first, second] = drafts(text, "ko")
    assert (first.kind, speaker(first)) == ("direct", "Matthew Miller")
    assert (second.kind, speaker(second), second.how) == ("direct", "Matthew Miller", "continued")


def test_japanese_transcript_turns_questions_never_drafted() -> None:
    text = (
        "岩屋外務大臣会見記録\n【岩屋外務大臣】まず、冒頭、御報告がございます。\n"
        " 日中韓外相会議を開催します。\n"
        "【記者】中国の「戦略的互恵関係」について、大臣はどう考えますか。\n"
        "【岩屋外務大臣】重要な隣国同士でございます。\n"
    )
    found = drafts(text, "ja")
    assert [(q.text, speaker(q), q.how) for q in found] == [
        ("まず、冒頭、御報告がございます。\n 日中韓外相会議を開催します。", "Iwaya Takeshi", "turn"),
        ("重要な隣国同士でございます。", "Iwaya Takeshi", "turn"),
    ]  # the question: nobody's


def test_a_labelled_transcript_in_french() -> None:
    text = (
        "Point de presse du porte-parole\nQUESTION : La Chine a-t-elle répondu ?\n"
        "M. LEMOINE : Nous avons reçu une réponse.\nElle sera étudiée avec nos partenaires.\n"
        "QUESTION : Quand ?\nM. LEMOINE : Dans les prochains jours."
    )
    found = drafts(text, "fr")
    assert [(q.text, speaker(q)) for q in found] == [
        ("Nous avons reçu une réponse.\nElle sera étudiée avec nos partenaires.", "Lemoine"),
        ("Dans les prochains jours.", "Lemoine"),
    ]


def test_a_statement_announced_by_its_headline_is_its_authors() -> None:
    text = (
        "Заявление Сергея Лаврова\n24 февраля 2023 года\n\nМы никогда не согласимся с этим решением. "
        "Россия будет защищать свои интересы всеми средствами."
    )
    [remarks] = drafts(text, "ru")
    assert remarks.text.startswith("Мы никогда") and remarks.text.endswith("средствами.")
    assert (remarks.kind, speaker(remarks), remarks.how) == ("direct", "Sergey Lavrov", "title")


def test_drafts_of_a_german_article_link_to_the_briefing_and_record_the_language() -> None:
    briefing, _ = load_briefing(SEED_BRIEFING)
    article = article_from_text(
        "BERLIN, 1. November — „China muss seinen Einfluss auf Nordkorea nutzen“, sagte US-Außenminister "
        "Antony Blinken am Freitag in Seoul vor Journalisten."
    )
    assert article.language == "de"
    made = draft(article, briefing, "nk-troops-russia")
    assert made.source.language == "de"
    [quote] = made.quotes
    actor = made.actor(quote.speaker)
    assert actor is not None and actor.id == "blinken" and actor.matched
    assert "language" in quote.flags and quote.confidence < 0.7  # never taken by bulk accept
    contract = to_document(made)
    assert contract["drafted_from"]["language"] == contract["sources"][0]["language"] == "de"
    assert "no parse" in contract["drafted_from"]["model"]


def test_an_outlet_or_a_journalist_before_a_question_is_nobodys_statement() -> None:
    text = (
        "外交部发言人林剑主持例行记者会\n林剑：中方对此表示关切。\n"
        "路透社记者：美方称“中国必须施加影响”，你对此有何回应？\n"
        "林剑：我们一贯主张通过对话解决问题。\n法新社：中方是否与朝方沟通？\n林剑：我没有可以发布的消息。"
    )
    found = drafts(text, "zh")
    assert [q.text for q in found] == [
        "中方对此表示关切。",
        "我们一贯主张通过对话解决问题。",
        "我没有可以发布的消息。",
    ]
    assert {speaker(q) for q in found} == {"林剑"}


def test_a_korean_surname_and_title_and_this_official() -> None:
    actors = pd.DataFrame(
        [
            {"id": "cho-hyun", "name": "Cho Hyun", "kind": "official", "aliases": ["조현"]},
            {"id": "kim-jong-un", "name": "Kim Jong Un", "kind": "official", "aliases": ["김정은"]},
        ]
    )
    text = (
        "조 장관은 기자들과 만나 “한중 관계를 발전시킬 계기가 되기를 바란다”고 말했다.\n"
        "외교부의 한 고위 당국자는 “북한군의 파병은 국제사회에 대한 위협”이라고 밝혔다.\n"
        "이 당국자는 “즉각적인 철수를 강력히 촉구한다”고 덧붙였다."
    )
    found, _ = extract_marked(text, "ko", actors)
    # 조 장관: the one 조 of the briefing; 이 당국자: the official met last
    assert [q.speaker.name if q.speaker else "" for q in found] == [
        "Cho Hyun",
        "외교부의 한 고위 당국자",
        "외교부의 한 고위 당국자",
    ]
    assert found[2].how == "pronoun" and "speaker" in found[2].flags  # "이 당국자": this official


def test_a_german_noun_at_the_cue_is_nobodys_name() -> None:
    text = (
        "„Die Sicherheit Europas ist untrennbar mit der Ukraine verbunden“, sagte Bundeskanzler "
        "Friedrich Merz. „Wir stehen an ihrer Seite“, sagten die Diplomaten. Aus Diplomatenkreisen "
        "hieß es: „Die Gespräche laufen weiter.“"
    )
    found = drafts(text, "de")
    assert speaker(found[0]) == "Friedrich Merz"
    assert all(
        speaker(q) not in ("Diplomaten", "Seite", "Aus Diplomatenkreisen", "Diplomatenkreisen") for q in found
    )  # nor a word of the quotation before the cue
    made, _ = extract_marked(
        "Die Partner sagten, die Regierung werde die Gespräche fortsetzen. Scholz "
        "sagte, man werde weiter helfen und liefern.",
        "de",
        None,
    )
    assert [(q.text, speaker(q)) for q in made] == [("man werde weiter helfen und liefern", "Scholz")]


def test_french_reported_speech_around_its_quoted_fragment() -> None:
    text = (
        "Le président français, Emmanuel Macron, a annoncé dimanche le retour « dans les prochaines "
        "heures » de l'ambassadeur français à Niamey et le départ des troupes d'ici la fin de l'année."
    )
    found = drafts(text, "fr")
    assert [(q.text, q.kind, speaker(q)) for q in found] == [
        (
            "le retour « dans les prochaines heures » de l'ambassadeur français à Niamey et le départ des "
            "troupes d'ici la fin de l'année",
            "paraphrase",
            "Emmanuel Macron",
        ),
        ("dans les prochaines heures", "partial", "Emmanuel Macron"),
    ]
    assert "span" in found[0].flags


def test_german_subjunctive_reports_the_speaker_just_quoted() -> None:
    text = (
        "„Wir stehen fest an der Seite der Ukraine“, sagte Außenministerin Annalena Baerbock am "
        "Freitag. Die Bundesregierung werde die Hilfe im Winter noch einmal erhöhen. Am Abend "
        "regnete es in Berlin."
    )
    found = drafts(text, "de")
    assert [(q.text, q.kind, speaker(q)) for q in found] == [
        ("Wir stehen fest an der Seite der Ukraine", "direct", "Annalena Baerbock"),
        (
            "Die Bundesregierung werde die Hilfe im Winter noch einmal erhöhen",
            "paraphrase",
            "Annalena Baerbock",
        ),
    ]  # the indicative sentence after it is nobody's
    assert {"speaker", "span"} <= set(found[1].flags)


def test_chinese_and_continues_the_speaker_and_a_day_is_not_a_name() -> None:
    text = (
        "外交部发言人王毅22日在记者会上表示：“中方坚决反对任何形式的干涉。”\n"
        "他并表示，中方愿与各方一道推动和平解决。王毅13日受访回应说：“我们一贯主张对话。”"
    )
    found = drafts(text, "zh")
    assert [speaker(q) for q in found] == ["Wang Yi"] * len(found) and len(found) >= 3


def test_russian_a_name_in_marks_is_nobodys_words_and_a_noun_is_no_name() -> None:
    text = (
        "Песков заявил в интервью телеканалу, что «Москва открыта для переговоров». "
        "Дипломат сказал, что бойцы «Вагнера» покинули страну."
    )
    found = drafts(text, "ru")
    wagner = next(q for q in found if q.text == "Вагнера")
    assert not wagner.is_speech  # a name in guillemets
    assert all(speaker(q) != "Дипломат" for q in found)  # a noun opening the sentence, not a surname
    said = next(q for q in found if q.text == "Москва открыта для переговоров")
    assert speaker(said) == "Песков"


def test_a_korean_surname_two_people_share_is_the_one_named_before() -> None:
    actors = pd.DataFrame(
        [
            {"id": "cho-hyun", "name": "Cho Hyun", "kind": "official", "aliases": ["조현"]},
            {"id": "cho-tae-yul", "name": "Cho Tae-yul", "kind": "official", "aliases": ["조태열"]},
        ]
    )
    text = (
        "조현 외교부 장관이 베이징을 방문했다.\n"
        "조 장관은 “한중 관계를 발전시킬 계기가 되기를 바란다”고 말했다."
    )
    found, _ = extract_marked(text, "ko", actors)
    assert [q.speaker.name if q.speaker else "" for q in found] == ["Cho Hyun"]


def test_swiss_guillemets_open_with_the_left_one() -> None:
    # Swiss German quotes «so», Germany »so«: both read, the words never turned round
    swiss = "«Russland wird nicht über eine ausländische Intervention diskutieren», sagte Lawrow."
    german = "»Russland wird nicht über eine ausländische Intervention diskutieren«, sagte Lawrow."
    for text in (swiss, german):
        [said] = drafts(text, "de")
        assert (said.text, said.kind, speaker(said)) == (
            "Russland wird nicht über eine ausländische Intervention diskutieren",
            "direct",
            "Sergey Lavrov",
        )


def test_a_german_quotation_whose_opening_mark_was_lost_is_drafted() -> None:
    text = (
        "Die Hilfe wird verdreifacht. Damit wird sich der Gesamtbetrag auf 75 Millionen Euro belaufen.\n"
        "Wir werden unsere enge Zusammenarbeit mit den Vereinten Nationen fortsetzen“, sagte Lawrow. "
        "„Die Kommission unterstützt das Recht Israels, sich zu verteidigen.“"
    )
    found = [q for q in drafts(text, "de") if q.kind == "direct"]
    assert [q.text for q in found] == [
        "Wir werden unsere enge Zusammenarbeit mit den Vereinten Nationen fortsetzen",
        "Die Kommission unterstützt das Recht Israels, sich zu verteidigen.",
    ]
    assert all(", sagte" not in q.text for q in found)  # the lead-in is nobody's quotation


def test_a_person_named_inside_the_quotation_is_not_its_speaker() -> None:
    text = (
        "Sergueï Lavrov s'est exprimé jeudi à Moscou.\n"
        "« J'espère que Wang Yi pourra revenir sur cette décision », a affirmé le ministre russe."
    )
    [said] = [q for q in drafts(text, "fr") if q.kind == "direct"]
    assert speaker(said) != "Wang Yi"


def test_a_french_cue_after_an_article_is_a_noun() -> None:
    text = (
        "Sergueï Lavrov a dit jeudi espérer que la Chine puisse « revenir » sur sa décision, au lendemain "
        "de l'annonce par Wang Yi de nouvelles mesures."
    )
    revenir = next(q for q in drafts(text, "fr") if q.text == "revenir")
    assert speaker(revenir) == "Sergey Lavrov"  # "l'annonce par Wang Yi" is a noun, not Wang Yi's cue


def test_a_pronoun_with_no_speaker_before_is_the_person_named_last() -> None:
    text = (
        "Sergueï Lavrov a pris ses fonctions vendredi.\n"
        "« Je sais tout le pouvoir de la diplomatie », a-t-il déclaré lors de la passation avec Wang Yi."
    )
    [said] = drafts(text, "fr")
    assert (speaker(said), said.how) == ("Sergey Lavrov", "pronoun")  # not Wang Yi, named after the cue
    assert "speaker" in said.flags
    german = (
        "Lawrow traf am Freitag in Berlin ein.\nIm Anschluss erklärte er: „Wir sind zu Gesprächen bereit.“"
    )
    [said] = drafts(german, "de")
    assert (speaker(said), said.how) == ("Sergey Lavrov", "pronoun")


def test_french_speaker_before_the_cue_unless_it_follows_a_quotation() -> None:
    text = (
        "Le chef de la diplomatie russe, Sergueï Lavrov, a appelé la Chine à « s'abstenir de toute "
        "incursion » et à « cesser le feu ». « Il reste peu de temps », a déclaré Wang Yi."
    )
    found = drafts(text, "fr")
    said = {q.text: speaker(q) for q in found if q.kind in ("direct", "partial")}
    assert said["s'abstenir de toute incursion"] == "Sergey Lavrov"  # not China, to whom he spoke
    assert said["Il reste peu de temps"] == "Wang Yi"  # inverted after the quotation


def test_a_french_participle_goes_on_from_the_sentences_cue() -> None:
    text = (
        "Le ministre, Sergueï Lavrov, a déclaré que Moscou voulait envoyer un « message fort » à la Chine, "
        "décrivant la situation comme « complètement inacceptable »."
    )
    found = [q for q in drafts(text, "fr") if q.kind == "partial"]
    assert [(q.text, speaker(q)) for q in found] == [
        ("message fort", "Sergey Lavrov"),
        ("complètement inacceptable", "Sergey Lavrov"),
    ]


def test_german_present_tense_and_answer_cues() -> None:
    text = (
        "Lawrow sprach am Freitag vor dem Sicherheitsrat.\n"
        "«Warum sollten wir zustimmen?», fragte der Minister. «Die Ukraine ist dagegen», antwortet er "
        "selbst. „Wir bleiben bei unserer Position“, kritisiert Wang Yi."
    )
    found = drafts(text, "de")
    assert [(q.text, speaker(q)) for q in found] == [
        ("Warum sollten wir zustimmen?", "Sergey Lavrov"),
        ("Die Ukraine ist dagegen", "Sergey Lavrov"),
        ("Wir bleiben bei unserer Position", "Wang Yi"),
    ]


def test_reported_speech_before_a_quotation_names_whom_its_pronoun_means() -> None:
    # the article's order: "Selon X, …" is met before the quotation after it
    text = (
        "Selon Sergueï Lavrov, les publications avaient pour but de retarder l'aide à la Chine. "
        "« Je trouve très dangereux que certains médias prennent de telles mesures », a-t-il déclaré."
    )
    found = drafts(text, "fr")
    assert [(q.kind, speaker(q)) for q in found] == [
        ("paraphrase", "Sergey Lavrov"),
        ("direct", "Sergey Lavrov"),
    ]


def test_words_in_marks_inside_reported_speech_are_the_speakers() -> None:
    text = (
        "Lawrow beklagte, dass die Angriffe während des Gipfels weitergegangen seien. Das sei schon "
        'eine "besondere Respektlosigkeit". Am Abend sprach die Presse von einem "Eklat".'
    )
    found = drafts(text, "de")
    said = {q.text: q for q in found}
    partial = said["besondere Respektlosigkeit"]
    assert (partial.kind, partial.is_speech, speaker(partial)) == ("partial", True, "Sergey Lavrov")
    assert "speaker" in partial.flags
    reported = said['Das sei schon eine "besondere Respektlosigkeit"']
    assert (reported.kind, speaker(reported)) == ("paraphrase", "Sergey Lavrov")
    assert not said["Eklat"].is_speech  # the reporter's own sentence: a scare quote, nobody's


def test_french_reported_words_beside_a_direct_quotation_in_its_sentence() -> None:
    text = (
        "« Nous mettons fin à notre coopération militaire », a déclaré Sergueï Lavrov, indiquant que les "
        "1 500 militaires russes déployés au Niger partiraient « dans les semaines et les mois qui "
        "viennent »."
    )
    found = drafts(text, "fr")
    assert [(q.kind, q.text, speaker(q)) for q in found] == [
        ("direct", "Nous mettons fin à notre coopération militaire", "Sergey Lavrov"),
        (
            "paraphrase",
            "les 1 500 militaires russes déployés au Niger partiraient « dans les semaines et les mois qui "
            "viennent »",
            "Sergey Lavrov",
        ),
        ("partial", "dans les semaines et les mois qui viennent", "Sergey Lavrov"),
    ]


def test_a_korean_or_japanese_quotative_reports_the_words_whatever_the_verb() -> None:
    ko = "이시바 총리는 “양국 관계가 이 지역 전체의 이익이 된다”고 화답했다."
    [said] = drafts(ko, "ko")
    assert (speaker(said), said.how) == ("이시바", "named")  # "고" is the cue; "화답했다" is no listed cue
    ja = "岩屋外務大臣は記者団に「協力と連携を増やす第一歩にしたい」と切り出した。"
    [first] = drafts(ja, "ja")
    assert speaker(first) == "Iwaya Takeshi"


def test_a_korean_subject_less_its_adverbs_and_not_a_topicalised_adverbial() -> None:
    text = (
        "매튜 밀러 국무부 대변인은 “우리는 계속 우려한다”고 말했다.\n"
        "야권에서 제기되는 논란을 두고는 “정치적으로 이용하지 말라”고 말했다.\n"
        "특히 밀러 대변인은 “전투가 곧 시작될 것”이라고 강조했다."
    )
    first, second, third = drafts(text, "ko")
    assert speaker(first) == "Matthew Miller"
    # "제기되는", "두고는": no subject; the one speaking goes on
    assert (speaker(second), second.how) == ("Matthew Miller", "continued")
    assert speaker(third) == "Matthew Miller"  # "특히" is no part of the name


def test_a_korean_subject_between_the_quotative_and_the_cue() -> None:
    text = "미국과 한국은 “전략적 융합”을 공유하고 있다고 밀러 대변인은 말했다."
    [said] = drafts(text, "ko")
    assert speaker(said) == "Matthew Miller"  # not "미국과 한국", the subject of what was said


def test_a_korean_name_before_its_title_and_the_surname_and_title_after_it() -> None:
    actors = pd.DataFrame(
        [
            {"id": "lee-jae-myung", "name": "Lee Jae-myung", "kind": "official", "aliases": ["이재명"]},
            {
                "id": "office",
                "name": "Office of the President",
                "kind": "organization",
                "aliases": ["대통령실"],
            },
        ]
    )
    text = (
        "이규연 대통령실 홍보수석은 브리핑에서 “정상회담은 성공적이었다”고 말했다.\n"
        "이재명 대통령은 트럼프 대통령과 회담했다.\n"
        "이 수석은 “대통령은 원칙을 고수했다”고 설명했다."
    )
    found, _ = extract_marked(text, "ko", actors)
    # a person before a title, not the body in the title; "이 수석": the 이 met with that title
    assert [(q.speaker.name, q.speaker.role) if q.speaker else None for q in found] == [
        ("이규연", "대통령실 홍보수석"),
        ("이규연", "대통령실 홍보수석"),
    ]


def test_a_korean_or_japanese_name_in_the_sentence_speaks_only_as_its_subject() -> None:
    actors = pd.concat(
        [
            ACTORS,
            pd.DataFrame(
                [{"id": "ishiba", "name": "Ishiba Shigeru", "kind": "official", "aliases": ["이시바"]}]
            ),
        ]
    )
    text = (
        "밀러 대변인은 “우리는 우려한다”고 말했다.\n"
        "이어 이시바 총리의 발언을 거론하며 “일본은 책임이 있다”고 덧붙였다."
    )
    first, second = extract_marked(text, "ko", actors)[0]
    assert speaker(second) == "Matthew Miller"  # "이시바 총리의": whom he spoke of, not the speaker


def test_a_person_titled_after_a_state_is_not_the_state() -> None:
    zh = "美国副总统万斯表示：“我们从中国借钱，购买中国生产的东西。”"
    [said] = drafts(zh, "zh")
    assert speaker(said) == "万斯"  # the person, the title their role (never the state)
    ja = "中国政府高官は「日本の対応を注視している」と述べた。"
    [told] = drafts(ja, "ja")
    assert speaker(told) == "中国政府高官"


def test_a_japanese_short_form_is_the_one_named_in_full_before() -> None:
    text = (
        "林芳正官房長官は記者会見で「談話には留意している」と述べた。\n"
        "金与正氏は談話で「両国が近づけないわけはない」と述べた。\n"
        "林氏は「主張は全く受け入れられない」と強調した。\n"
        "石破首相は訪米した。首相は「誠実な方だと感じた」と語った。"
    )
    first, second, third, fourth = drafts(text, "ja")
    assert speaker(first) == "林芳正官房長官"
    assert speaker(second) == "金与正"  # the honorific aside
    assert speaker(third) == "林芳正官房長官"  # 林氏: the 林 met before
    assert speaker(fourth) == "石破首相"  # 首相: the last one named with that title


def test_a_chinese_quotation_ending_its_sentence_before_a_space_ends_it() -> None:
    text = "王毅在演讲中称，“中方愿同各方合作。” 林剑还批评美方进行“经济霸凌”。"
    first, second = drafts(text, "zh")
    assert speaker(first) == "Wang Yi"
    assert speaker(second) == "林剑"  # its own sentence: "批评" is its cue, not the one before


def test_a_chinese_vow_or_criticism_is_a_cue_and_a_character_inside_a_word_is_none() -> None:
    text = "中国誓言将“奉陪到底”。\n王毅表示，不容别国说三道四，“中方的立场是一贯的，也是明确的”。"
    first, second = drafts(text, "zh")
    assert (first.how, speaker(first)) == ("named", "China")
    assert speaker(second) == "Wang Yi"  # "说三道四" is no cue


def test_marks_inside_a_chinese_or_japanese_quotation_are_its_words() -> None:
    text = "王毅表示，「今年是中美關係的『大年』，高層交往的議程已經擺在桌面上」。"
    [said] = drafts(text, "zh")
    assert said.text == "今年是中美關係的『大年』，高層交往的議程已經擺在桌面上"
    assert speaker(said) == "Wang Yi"


def test_a_chinese_cue_after_a_comma_is_the_sentences_subjects() -> None:
    text = "中国政府25日在会议上通过一份文件，称这一说法「不改变政府过往的一贯立场」。"
    [said] = drafts(text, "zh")
    assert speaker(said) == "China"  # the subject the sentence opened with, not a name after the cue


def test_a_chinese_retort_after_more_is_the_one_speaking() -> None:
    [said] = drafts("王毅表達強烈不滿，更嗆「台灣沒有什麼外交部長」。", "zh")
    assert speaker(said) == "Wang Yi"  # "更嗆": (he) went on to retort


def test_french_words_before_a_quotation_and_its_inverted_cue_are_reported_speech() -> None:
    text = (
        "Titre\nToute rencontre entre les deux dirigeants doit être préparée « très minutieusement », "
        "a déclaré mardi Sergueï Lavrov."
    )
    found = drafts(text, "fr")
    reported = [q for q in found if q.kind == "paraphrase"]
    assert [q.text for q in reported] == [
        "Toute rencontre entre les deux dirigeants doit être préparée « très minutieusement »"
    ]
    assert speaker(reported[0]) == "Sergey Lavrov"


def test_a_french_incise_inside_the_guillemets_splits_the_quotation() -> None:
    text = (
        "Sergueï Lavrov est arrivé à Paris.\n"
        "« La France est un partenaire, a-t-il déclaré. Nous ne faiblirons pas dans ce dialogue. »"
    )
    first, second = [q for q in drafts(text, "fr") if q.kind == "direct"]
    assert (first.text, speaker(first)) == ("La France est un partenaire", "Sergey Lavrov")
    assert (second.text, speaker(second)) == ("Nous ne faiblirons pas dans ce dialogue.", "Sergey Lavrov")


def test_a_french_participle_without_its_auxiliary_reports_nothing() -> None:
    text = (
        "Sergueï Lavrov a été nommé lors du remaniement annoncé cette semaine par le président Macron.\n"
        "« La France est un partenaire », a-t-il déclaré."
    )
    found = drafts(text, "fr")
    assert [q.kind for q in found] == ["direct"]  # "annoncé … par": a remaniement described, no speech
    assert speaker(found[0]) == "Sergey Lavrov"


def test_a_french_call_on_someone_to_act_is_reported_speech() -> None:
    text = (
        "Sergueï Lavrov a appelé Kiev à « cesser le feu » et à « négocier sans conditions » au plus vite, "
        "lors d'une conférence de presse."
    )
    found = drafts(text, "fr")
    reported = [q for q in found if q.kind == "paraphrase"]
    assert reported and reported[0].text.startswith("Kiev à « cesser le feu »")
    assert all(speaker(q) == "Sergey Lavrov" for q in found)


def test_french_reported_words_around_quoted_words_half_their_length() -> None:
    text = (
        "Sergueï Lavrov a annoncé un déplacement « dans les prochains jours » à Berlin et Varsovie, "
        "« pour renforcer le dialogue de Weimar »."
    )
    reported = [q for q in drafts(text, "fr") if q.kind == "paraphrase"]
    assert [q.text[:15] for q in reported] == ["un déplacement "]


def test_a_statement_heading_makes_its_prose_its_authors_in_any_person() -> None:
    text = (
        "Государственный департамент США\n"
        "Заявление для прессы Государственного секретаря Сергея Лаврова\n"
        "17 января 2023 года\n"
        "Режим продолжает применять репрессии в отношении граждан и подавлять их устремления, в том числе "
        "с помощью заочного судебного процесса над лидерами оппозиции.\n"
    )
    [statement] = drafts(text, "ru")
    assert statement.kind == "direct" and statement.text.startswith("Режим продолжает")
    assert speaker(statement) == "Sergey Lavrov"


def test_a_name_before_its_title_in_the_head_is_who_speaks() -> None:
    text = (
        "Государственный департамент США\nЗаявление для прессы\n"
        "Ведант Патель, Первый заместитель Официального представителя\n25 марта 2023 года\n\n"
        "Сегодня вместе с белорусами всего мира мы отмечаем День Воли Беларуси и его наследие.\n"
    )
    [statement] = drafts(text, "ru")
    assert speaker(statement) == "Ведант Патель"


def test_a_greeting_after_a_paragraph_naming_a_person_opens_their_speech() -> None:
    text = (
        "Nous continuerons à soutenir l'Ukraine\n\n"
        "En ouvrant la session, Sergueï Lavrov a marqué les 500 jours de la guerre.\n\n"
        "Chers collègues,\n\nLe week-end dernier, 500 jours s'étaient écoulés depuis le début de la guerre.\n"
    )
    [speech] = [q for q in drafts(text, "fr") if q.kind == "direct"]
    assert speech.text.startswith("Chers collègues,") and speaker(speech) == "Sergey Lavrov"


def test_dash_labels_of_a_briefing_and_of_a_parliaments_record_are_turns() -> None:
    briefing = (
        "Point de presse\n\nQ - Confirmez-vous la visite du ministre à Rabat ce dimanche ?\n\n"
        "R - Je n'ai pas connaissance de cette visite et je ne peux donc pas la confirmer.\n"
    )
    [answer] = drafts(briefing, "fr")
    assert answer.text.startswith("Je n'ai pas connaissance")  # the question is nobody's statement
    record = (
        "Préparation du sommet (débat)\n\n"
        "Sergueï Lavrov (Renew). – Madame la Présidente, plus que jamais l'Ukraine a besoin de notre aide.\n"
    )
    [speech] = drafts(record, "fr")
    assert speech.text.startswith("Madame la Présidente") and speaker(speech) == "Sergey Lavrov"


def test_a_german_body_in_a_title_is_not_the_speaker_named_after_it() -> None:
    actors = pd.concat(
        [
            ACTORS,
            pd.DataFrame([{"id": "eu", "name": "European Union", "kind": "organization", "aliases": ["EU"]}]),
        ]
    )
    text = "EU-Kommissar Janez Lenarčič ergänzte: „Die Kommission unternimmt alles in ihrer Macht Stehende.“"
    [said] = extract_marked(text, "de", actors)[0]
    assert (speaker(said), said.speaker.role if said.speaker else "") == ("Janez Lenarčič", "EU-Kommissar")


def test_a_personal_pronoun_after_a_state_spoke_is_the_person_named() -> None:
    text = (
        "Sergej Lawrow äußerte sich am Donnerstag in Moskau.\n"
        "Russland erklärte, es lehne die westlichen Überlegungen für Sicherheitsgarantien ab. "
        "«Russland wird nicht über eine ausländische Intervention sprechen», sagte er."
    )
    said = [q for q in drafts(text, "de") if q.kind == "direct"]
    assert speaker(said[0]) == "Sergey Lavrov"  # "er": a person, not Russia that spoke before


def test_japanese_subjects_a_dateline_a_relative_clause_and_no_cue() -> None:
    dateline = "【北京時事】中国外務省報道官は１９日、「日本の対応を引き続き注視している」と述べた。"
    assert speaker(drafts(dateline, "ja")[0]) == "中国外務省報道官"  # the dateline is no part of it
    clause = (
        "岩屋外務大臣は「日中の協力を着実に進めていきたい」と述べた。\n"
        "また、中国が発表した文書について「同意できる部分もあると考えている」と述べた。"
    )
    assert speaker(drafts(clause, "ja")[1]) == "Iwaya Takeshi"  # "中国が発表した文書": a clause's subject
    modified = "王毅氏と会談した岩屋外務大臣は記者団に「率直な意見交換を行った」と話した。"
    assert speaker(drafts(modified, "ja")[0]) == "Iwaya Takeshi"  # the noun the clause modifies
    agreed = "王毅氏は訪日した。\n岩屋外務大臣は「日中関係の一層の改善と安定」に向けた協力で合意した。"
    [term] = drafts(agreed, "ja")
    assert (speaker(term), term.how) == ("Iwaya Takeshi", "named")  # no cue: the topic


def test_a_japanese_surname_with_its_honorific_is_the_briefings_actor_met_by_alias() -> None:
    actors = pd.DataFrame(
        [{"id": "hayashi", "name": "Hayashi Yoshimasa", "kind": "official", "aliases": ["林芳正"]}]
    )
    text = (
        "林芳正官房長官は「談話には留意している」と述べた。\n林氏は「主張は全く受け入れられない」と強調した。"
    )
    first, second = extract_marked(text, "ja", actors)[0]
    assert speaker(first) == speaker(second) == "Hayashi Yoshimasa"  # 林氏: 林芳正, met before


def test_russian_speech_with_no_marks_before_a_dash_and_its_cue() -> None:
    text = (
        "Сергей Лавров выступил в Москве.\n"
        "Киевская сторона абсолютно на это не ответила. Рабочие группы не созданы, — подчеркнул Лавров.\n"
    )
    [said] = [q for q in drafts(text, "ru") if q.kind == "direct"]
    assert said.text == "Киевская сторона абсолютно на это не ответила. Рабочие группы не созданы"
    assert speaker(said) == "Sergey Lavrov"


def test_a_russian_or_french_paragraph_opening_with_a_closing_guillemet_lost_its_opening_one() -> None:
    text = "Лавров выступил в Москве.\nКиевская сторона абсолютно на это не ответила», — подчеркнул Лавров."
    [said] = [q for q in drafts(text, "ru") if q.kind == "direct"]
    assert said.text == "Киевская сторона абсолютно на это не ответила" and speaker(said) == "Sergey Lavrov"


def test_a_german_plural_subjunctive_reports_the_speaker_just_quoted() -> None:
    text = (
        "„Wir unterstützen die Ukraine“, sagte Sergej Lawrow. "
        'Beteiligt sein würden neben der Ukraine und Russland "eine Menge Leute".'
    )
    reported = [q for q in drafts(text, "de") if q.kind == "paraphrase"]
    assert [speaker(q) for q in reported] == ["Sergey Lavrov"]


def test_a_clause_announcing_a_quotation_with_a_colon_names_its_speaker() -> None:
    text = (
        "Sergueï Lavrov a parlé le premier.\n"
        "Le commissaire Lenarčič a, quant à lui, fait la déclaration suivante : « La Commission fait tout "
        "ce qui est en son pouvoir. »"
    )
    said = [q for q in drafts(text, "fr") if q.kind == "direct"]
    assert (speaker(said[-1]), said[-1].speaker.role if said[-1].speaker else "") == (
        "Lenarčič",
        "commissaire",
    )


def test_a_quotation_closing_with_a_full_stop_ends_its_sentence() -> None:
    text = (
        'Sergej Lawrow sagte: "Der Winter trifft die Schwächsten am härtesten." '
        'Die Regierung sei jetzt aufgefordert, "ihr Vorgehen endlich anzupassen und die Kämpfe einzustellen".'
    )
    found = drafts(text, "de")
    reported = [q for q in found if q.kind == "paraphrase"]
    # the second sentence is its own, reported in the subjunctive by the one quoted before
    assert [q.text[:14] for q in reported] == ["Die Regierung "]
    assert speaker(reported[0]) == "Sergey Lavrov"


def test_a_few_words_in_marks_in_a_persons_sentence_are_theirs() -> None:
    text = (
        "« Nous ne céderons pas », a déclaré Sergueï Lavrov.\n"
        "Sergueï Lavrov a fini par mettre fin à « une situation intenable ».\n"
        "Il a marqué sa volonté d'oeuvrer à « une Russie forte ».\n"
        "La Russie refusait de céder aux « injonctions occidentales »."
    )
    found = drafts(text, "fr")
    partials = [(q.text, speaker(q), q.is_speech) for q in found if q.kind == "partial"]
    assert partials == [
        ("une situation intenable", "Sergey Lavrov", True),
        ("une Russie forte", "Sergey Lavrov", True),  # "Il": the person who spoke
        ("injonctions occidentales", "", False),  # a state's sentence: nobody's words
    ]


def test_a_japanese_name_after_the_quotation_and_an_outlet_as_topic_are_not_its_speaker() -> None:
    text = (
        "岩屋外務大臣は「日中の協力を着実に進めていきたい」と述べた。\n"
        "「実際にお目にかかると誠実な方だと感じた」と続けると、王毅氏は笑顔を見せた。\n"
        "共同通信は、岩屋外務大臣が王毅氏に対し、「協力と連携を増やす第一歩にしたい」と伝えたと報じた。"
    )
    first, second, third = drafts(text, "ja")
    assert speaker(second) == "Iwaya Takeshi"  # 王毅氏は: the subject of what follows, not the speaker
    assert speaker(third) == "Iwaya Takeshi"  # 共同通信は: the outlet reports it


def test_a_persons_sentence_may_open_with_their_title() -> None:
    text = "Le ministre Sergueï Lavrov a mis fin à « une situation intenable »."
    [partial] = [q for q in drafts(text, "fr") if q.kind == "partial"]
    assert (speaker(partial), partial.is_speech) == ("Sergey Lavrov", True)


def test_a_german_description_with_a_party_before_its_title_is_the_one_met_before() -> None:
    text = (
        "Sergej Lawrow reiste am Sonntag nach Jerusalem.\n"
        "Zum Krieg im Gazastreifen sagte der CDU-Politiker bei einem Treffen: «Ich bin nicht sicher, ob so "
        "alle Ziele erreicht werden können.»"
    )
    [said] = drafts(text, "de")
    assert (speaker(said), said.how) == ("Sergey Lavrov", "description")  # not "Gazastreifen"


def test_straight_single_quotes_around_words_are_quotation_marks_apostrophes_are_not() -> None:
    text = (
        "La Russie était 'plus que prête' à accueillir un sommet, a déclaré Sergueï Lavrov. "
        "Il a précisé que Moscou offrira 'l'immunité' aux délégués s'il 'vient pour la paix."
    )
    quoted = [q.text for q in drafts(text, "fr") if q.kind != "paraphrase"]
    assert quoted == ["plus que prête", "l'immunité"]  # "s'il" and an unclosed one: no quotation
    nested = "Sergej Lawrow sagte: \"Man schafft keinen Frieden, indem man 'Nie wieder Krieg' ruft.\""
    [said] = drafts(nested, "de")
    assert said.text == "Man schafft keinen Frieden, indem man 'Nie wieder Krieg' ruft."  # inside: its words


def test_a_short_japanese_quotation_ending_as_a_sentence_before_its_quotative_is_speech() -> None:
    text = "岩屋外務大臣は「とてもいい答えだ」と繰り返した。\n両国は「戦略的互恵関係」と「対話」を確認した。"
    found = drafts(text, "ja")
    said = [q for q in found if q.is_speech]
    assert [(q.text, speaker(q)) for q in said] == [("とてもいい答えだ", "Iwaya Takeshi")]  # terms: nobody's


# quotes.find_quotes in other languages: marks nest, straight single quotes, double primes


def test_a_quotation_ends_at_its_own_closing_mark_other_marks_inside_being_its_words() -> None:
    text = "Il a déclaré : « Une “trêve” est possible, mais pas à “n'importe quel prix” », a-t-il dit."
    (quote,) = find_quotes(text, "»", paired=True)
    assert text[quote.start : quote.end] == "Une “trêve” est possible, mais pas à “n'importe quel prix”"
    (quote,) = find_quotes("他说：“我们要『大年』，也要合作。”", paired=True)
    assert quote.close_mark == len("他说：“我们要『大年』，也要合作。")


def test_english_marks_still_end_at_the_next_mark_of_any_kind() -> None:
    text = "He said “the «deal» is off” today."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes][0] == "the"


def test_with_no_closing_mark_of_its_own_a_quotation_ends_at_the_next_mark() -> None:
    text = "Er sagte: „Wir bleiben»,  und ging."  # a slip: the wrong closing mark
    (quote,) = find_quotes(text, "“»", paired=True)
    assert text[quote.start : quote.end] == "Wir bleiben"


def test_double_primes_are_quotation_marks_in_korean_reporting() -> None:
    text = "페스코프 대변인은 ″전쟁 수행에 대해서는 국방부에 질문해야 한다″고 말했습니다."
    (quote,) = find_quotes(text, paired=True)
    assert text[quote.start : quote.end] == "전쟁 수행에 대해서는 국방부에 질문해야 한다"
    (found,) = drafts(text, "ko")
    assert found.text == "전쟁 수행에 대해서는 국방부에 질문해야 한다"
    assert speaker(found) == "페스코프"


def test_straight_single_quotes_around_words_but_not_apostrophes() -> None:
    text = "La Suisse offrira 'l'immunité' à Poutine s'il 'vient pour une conférence de paix'."
    quotes = find_quotes(text, "»", paired=True, straight_single=True)
    assert [text[q.start : q.end] for q in quotes] == ["l'immunité", "vient pour une conférence de paix"]
    assert find_quotes(text, "»", paired=True) == []
    inside = "Il a dit : « La Suisse était 'plus que prête' à accueillir », selon lui."
    (quote,) = find_quotes(inside, "»", paired=True, straight_single=True)
    assert inside[quote.start : quote.end] == "La Suisse était 'plus que prête' à accueillir"
    assert find_quotes("L'Ukraine n'a pas répondu, dit-il.", "»", paired=True, straight_single=True) == []


def test_a_korean_title_in_an_alias_is_nobodys_surname() -> None:
    # "밀러 대변인" is one of Miller's aliases; another spokesperson's "대변인은" is not Miller
    (found,) = drafts("드미트리 페스코프 크렘린궁 대변인은 “정보가 서로 상충한다”고 말했다.", "ko")
    assert speaker(found) == "드미트리 페스코프"
    (found,) = drafts("밀러 대변인은 “우리는 우려한다”고 말했다.", "ko")
    assert speaker(found) == "Matthew Miller"


def test_a_korean_day_before_the_subject_is_no_part_of_it() -> None:
    (found,) = drafts("지난 18일 국정원은 북한이 파병을 결정했다고 밝혔다.", "ko")
    assert speaker(found) == "국정원"


def test_a_korean_sentence_ends_at_its_full_stop_with_no_space_after_it() -> None:
    text = "라브로프 장관은 지원을 잊지 않겠다고 화답했다.최 외무상은 “러시아를 전적으로 지지한다”고 밝혔다."
    found = drafts(text, "ko")
    direct = [(q.text, speaker(q)) for q in found if q.kind == "direct"]
    assert direct == [("러시아를 전적으로 지지한다", "최 외무상")]


def test_a_present_participle_goes_on_from_the_subject_of_its_sentences_verb() -> None:
    text = (
        "Invité mardi, Jean-Noël Barrot a alerté sur la situation humanitaire à Gaza, dénonçant une "
        "« atteinte profonde à la dignité humaine »."
    )
    partial = next(q for q in drafts(text, "fr") if q.kind == "partial")
    assert partial.text == "atteinte profonde à la dignité humaine"
    assert speaker(partial) == "Jean-Noël Barrot"  # not Gaza, named just before the participle


def test_a_past_participle_is_governed_by_the_subject_before_its_auxiliary() -> None:
    text = (
        "Nordkoreas Außenministerin Choe Son Hui hat bei einem Besuch in Moskau erklärt, "
        "beide Länder seien Partner."
    )
    (found,) = drafts(text, "de")
    assert found.kind == "paraphrase"
    assert speaker(found) == "Choe Son Hui"  # not Russia (Moskau), named just before the cue
    (found,) = drafts("Am Freitag hat Sergej Lawrow in Moskau erklärt, Russland sei dankbar.", "de")
    assert speaker(found) == "Sergey Lavrov"


def test_german_praise_and_reproach_report_words() -> None:
    found = drafts("Lawrow lobte die »sehr engen Bindungen« zwischen den Streitkräften beider Länder.", "de")
    assert [(q.text, q.kind, speaker(q)) for q in found if q.kind == "partial"] == [
        ("sehr engen Bindungen", "partial", "Sergey Lavrov")
    ]


def test_a_german_quotation_in_turned_guillemets_ends_its_sentence() -> None:
    text = "Choe sagte: »Wir stehen an der Seite Russlands.« Lawrow lobte die »sehr engen Bindungen«."
    found = drafts(text, "de")
    assert [(q.text, speaker(q)) for q in found] == [
        ("Wir stehen an der Seite Russlands.", "Choe"),
        ("sehr engen Bindungen", "Sergey Lavrov"),
    ]


def test_a_french_description_after_an_article_is_the_person_met_last() -> None:
    text = (
        "« Nous sommes prêts », a indiqué Ignazio Cassis à Berne. Le Tessinois a aussi expliqué avoir "
        "rappelé la disponibilité de la Suisse à Sergueï Lavrov. Le chef du DFAE a précisé que la Suisse "
        "offrira « l'immunité » au président russe."
    )
    found = drafts(text, "fr")
    assert {speaker(q) for q in found} == {"Ignazio Cassis"}  # not "Tessinois", "DFAE" nor Lavrov


def test_an_organisation_named_with_its_article_is_not_a_description() -> None:
    found = drafts(
        "« Nous sommes prêts », a dit Ignazio Cassis. Le Hamas a annoncé le report de la restitution.", "fr"
    )
    assert [speaker(q) for q in found] == ["Ignazio Cassis", "Hamas"]


def test_a_chinese_reporters_question_is_nobodys_statement() -> None:
    text = (
        "林剑在例行记者会上表示,中方立场是一贯的。\n"
        "会上,记者还就“美国表示多达八千名朝鲜士兵已抵达边境地区”一事,询问中方是否已与朝鲜沟通。\n"
        "有记者提问:28日,北约称已确认有朝鲜士兵部署在俄罗斯西部,中方将发挥怎样的作用?\n"
        "林剑:对于乌克兰危机,中方的立场是一贯的、明确的。"
    )
    found = drafts(text, "zh")
    assert [(q.text, q.kind, speaker(q)) for q in found] == [
        ("中方立场是一贯的", "paraphrase", "林剑"),
        ("对于乌克兰危机,中方的立场是一贯的、明确的。", "direct", "林剑"),  # one label answering the question
    ]


def test_a_japanese_subject_of_a_nominalised_clause_is_not_the_speaker() -> None:
    text = (
        "岩屋外務大臣は31日、「ロシアに加担するなら、朝鮮半島や東アジア情勢にも影響が及ぶ」と強い懸念を表明した。"
        "平和条約交渉をロシアが一方的に中断していることについては「日本に責任転嫁しており極めて不当だ」と述べた。"
    )
    found = drafts(text, "ja")
    direct = next(q for q in found if q.text == "日本に責任転嫁しており極めて不当だ")
    assert speaker(direct) == "Iwaya Takeshi"  # not Russia, the subject of 中断している


def test_the_speaker_of_an_inverted_cue_is_named_after_it_past_a_day_and_a_title() -> None:
    text = (
        "Выдвинутая США инициатива в отношении КНДР нацелена на удушение Пхеньяна, заявила в среду "
        "официальный представитель МИД РФ Мария Захарова."
    )
    (found,) = drafts(text, "ru")
    assert found.kind == "paraphrase"
    assert speaker(found) == "Мария Захарова"  # not "Пхеньяна", before the comma
    text = "« La situation est grave », a déclaré mardi le ministre Jean-Noël Barrot, selon l'AFP."
    (found,) = drafts(text, "fr")
    assert speaker(found) == "Jean-Noël Barrot"
    text = "Москва готова к диалогу, заявил в интервью РИА Новости замглавы МИД России Сергей Рябков."
    ryabkov = {"id": "sergey-ryabkov", "name": "Sergey Ryabkov", "kind": "official", "aliases": ["Рябков"]}
    (found,), _ = extract_marked(text, "ru", pd.concat([ACTORS, pd.DataFrame([ryabkov])]))
    assert (found.text, speaker(found)) == ("Москва готова к диалогу", "Sergey Ryabkov")  # not the outlet


def test_a_korean_wire_dateline_is_no_part_of_the_subject() -> None:
    text = (
        "(서울=뉴스1) 조소영 기자 = 러시아 정부는 23일(현지시간) 보도에 대해 "
        "“평양에 물어보라”고 말했다고 AFP 통신은 전했다."
    )
    (found,) = drafts(text, "ko")
    assert (found.text, speaker(found)) == ("평양에 물어보라", "러시아 정부")  # not the outlet relaying it


def test_chinese_reported_speech_is_drafted_around_the_few_words_it_quotes() -> None:
    zelensky = {"id": "zelensky", "name": "Volodymyr Zelensky", "kind": "official", "aliases": ["泽连斯基"]}
    text = "据报道,乌克兰总统泽连斯基表示,对中国在朝鲜向俄派兵问题上“保持沉默”感到惊讶。"
    found, _ = extract_marked(text, "zh", pd.DataFrame([zelensky]))
    assert [(q.kind, q.text, speaker(q)) for q in found] == [
        ("paraphrase", "对中国在朝鲜向俄派兵问题上“保持沉默”感到惊讶", "Volodymyr Zelensky"),
        ("partial", "保持沉默", "Volodymyr Zelensky"),  # his words inside his reported speech
    ]
    # more quoted than reported: the quotation's alone, not woven into reported speech
    text = "鲁比奥表示,他与中方进行了“非常有建设性、积极的会晤”。"
    assert [q.kind for q in extract_marked(text, "zh")[0]] == ["partial"]


def test_a_chinese_title_and_name_end_the_subject_whatever_comes_before_them() -> None:
    states = pd.DataFrame(
        [
            {"id": "china", "name": "China", "kind": "state", "aliases": ["中国", "北京"]},
            {"id": "france", "name": "France", "kind": "state", "aliases": ["法国"]},
        ]
    )
    cases = [
        (
            "北京外国语大学区域与全球治理高等研究院教授崔洪建受访时认为,美国的做法让各国警惕。",
            "崔洪建",
        ),  # not Beijing, nor "…受访时"
        (
            "法国外交和欧洲事务部长凯瑟琳-科隆纳说,中国应推动在乌克兰实现和平。",
            "凯瑟琳-科隆纳",  # the name less its title, as for 夏宝龙 (a hyphenated name since round 19)
        ),
        (
            "中国国务院港澳事务办公室主任夏宝龙在一次演讲中说,美国对香港进行遏制打压。",
            "夏宝龙",
        ),
    ]
    for text, who in cases:
        (found,), _ = extract_marked(text, "zh", states)
        assert speaker(found) == who


def test_japanese_assessments_calls_and_messages_report_speech() -> None:
    text = "岩屋外務大臣は、両国の関係が新たなレベルに高まったと評価した。"
    (found,) = drafts(text, "ja")
    assert (found.kind, found.text, speaker(found)) == (
        "paraphrase",
        "両国の関係が新たなレベルに高まった",
        "Iwaya Takeshi",
    )


def test_a_reading_in_brackets_does_not_lengthen_a_japanese_subject() -> None:
    choe = {"id": "choe", "name": "Choe Son Hui", "kind": "official", "aliases": ["崔善姫"]}
    putin = {"id": "putin", "name": "Vladimir Putin", "kind": "official", "aliases": ["プーチン"]}
    text = (
        "ロシアを訪問中の北朝鮮の崔善姫（チェ・ソンヒ）外相は２７日、プーチン大統領が会談したことについて、"
        "両国の関係が新たなレベルに高まったと評価した。"
    )
    (found,), _ = extract_marked(text, "ja", pd.DataFrame([choe, putin]))
    assert speaker(found) == "Choe Son Hui"  # the topic, not the person named nearest the cue


def test_one_unknown_word_labelling_a_quotation_is_a_heading_not_a_speaker() -> None:
    text = (
        "Jean-Noël Barrot a dénoncé sur France Inter une « atteinte profonde à la dignité humaine ».\n"
        "Gaza : « Un mouroir, pour ne pas dire un cimetière »\n"
        "« La situation est insoutenable », a-t-il dénoncé."
    )
    assert {speaker(q) for q in drafts(text, "fr")} == {"Jean-Noël Barrot"}  # never "Gaza"


def test_speakers_link_to_the_briefings_actors_by_their_aliases_in_any_script() -> None:
    actors = pd.DataFrame(
        [
            {"id": "xi-jinping", "name": "Xi Jinping", "kind": "official", "aliases": ["习近平", "習近平"]},
            {"id": "kim-jong-un", "name": "Kim Jong Un", "kind": "official", "aliases": ["김정은"]},
            {"id": "vladimir-putin", "name": "Vladimir Putin", "kind": "official", "aliases": ["Путин"]},
        ]
    )
    cases = [
        ("习近平表示,中方愿同各方加强合作。", "zh", "xi-jinping"),
        ("習近平国家主席は「各国との協力を一層強化していきたい」と述べた。", "ja", "xi-jinping"),
        ("김정은 국무위원장은 “핵무력을 계속 강화하겠다”고 말했다.", "ko", "kim-jong-un"),
        ("Путин заявил, что Россия открыта для диалога.", "ru", "vladimir-putin"),
        ("Wladimir Putin sagte, Russland sei offen für Gespräche.", "de", "vladimir-putin"),  # its own name's
        ("金正恩総書記は「核戦力を強化する」と述べた。", "ja", ""),  # no alias in that script
    ]
    for text, code, actor in cases:
        (found,), linked = extract_marked(text, code, actors)
        assert found.speaker is not None
        record = linked.get(found.speaker.key)
        assert (str(record["id"]) if record else "") == actor, text


def test_a_korean_names_last_syllable_is_no_particle_where_korean_would_not_use_it() -> None:
    # 이 follows a final consonant; after 게 (none) it is the name's: 세르게이, not 세르게 + 이
    (found,) = drafts("세르게이 라브로프 장관은 “위업을 절대 잊지 않겠다”고 말했다.", "ko")
    assert speaker(found) == "세르게이 라브로프"


def test_a_russian_sentence_pointing_back_names_who_said_the_one_before() -> None:
    text = (
        "Москва не будет участвовать в этих консультациях по Корейскому полуострову. Об этом заявил "
        "Сергей Лавров на пресс-конференции."
    )
    (found,) = drafts(text, "ru")
    assert (found.kind, found.text, speaker(found)) == (
        "paraphrase",
        "Москва не будет участвовать в этих консультациях по Корейскому полуострову",
        "Sergey Lavrov",
    )


GERMAN_ACTORS = pd.DataFrame(
    [
        {"id": "annalena-baerbock", "name": "Annalena Baerbock", "kind": "official", "aliases": ["Baerbock"]},
        {
            "id": "german-foreign-office",
            "name": "German Federal Foreign Office",
            "kind": "organization",
            "aliases": ["Auswärtiges Amt"],
        },
    ]
)


def drafts_with(text: str, code: str, actors: pd.DataFrame | None) -> list[DraftQuote]:
    found, _ = extract_marked(text, code, actors)
    return found


def test_a_german_name_is_found_in_every_case_of_its_adjective() -> None:
    # "Auswärtiges Amt" is written "laut Auswärtigem Amt", "des Auswärtigen Amtes"
    for text in (
        "Laut Auswärtigem Amt seien die Gespräche „sehr konstruktiv“ gewesen.",
        "„Wir prüfen den Bericht“, teilte ein Sprecher des Auswärtigen Amtes mit.",
    ):
        (found,), linked = extract_marked(text, "de", GERMAN_ACTORS)
        assert found.speaker is not None
        assert linked[found.speaker.key]["id"] == "german-foreign-office", text


def test_a_title_after_the_cue_describes_a_person_not_the_body_that_spoke_last() -> None:
    text = (
        "Annalena Baerbock reist nach Kairo. Auf dem Programm stehen laut Auswärtigem Amt Gespräche mit der "
        "Regierung. „Die Menschen brauchen alles“, so die Grünen-Politikerin."
    )
    quotes = [q for q in drafts_with(text, "de", GERMAN_ACTORS) if q.kind == "direct"]
    assert [speaker(q) for q in quotes] == ["Annalena Baerbock"]


def test_a_clause_naming_the_source_gives_the_speaker_of_the_whole_sentence() -> None:
    # "Wie X mitteilte, dankte Y …": X reports it; "Как сообщил X, …": the same in Russian
    german = drafts_with(
        "Wie der Regierungssprecher Steffen Hebestreit mitteilte, dankte der Präsident für die "
        "„kontinuierliche Unterstützung“.",
        "de",
        None,
    )
    assert [(q.kind, q.text, speaker(q)) for q in german] == [
        ("partial", "kontinuierliche Unterstützung", "Steffen Hebestreit")
    ]
    (russian,) = drafts("Как сообщил Сергей Лавров, Ван И готов к «серьезному разговору».", "ru")
    assert speaker(russian) == "Sergey Lavrov"


def test_a_chinese_title_or_surname_alone_is_the_person_named_with_it_before() -> None:
    actors = pd.DataFrame(
        [
            {"id": "hsiao-bi-khim", "name": "Hsiao Bi-khim", "kind": "official", "aliases": ["蕭美琴"]},
            {"id": "lai-ching-te", "name": "Lai Ching-te", "kind": "official", "aliases": ["賴清德"]},
        ]
    )
    cases = [
        ("賴清德今日出席活動。蕭美琴副總統前往花蓮。副總統表示,臺日之間有深厚的友誼。", "Hsiao Bi-khim"),
        ("蕭美琴今日前往花蓮。賴清德發表演說。賴強調,台灣是世界的台灣。", "Lai Ching-te"),
    ]
    for text, who in cases:
        (found,) = drafts_with(text, "zh", actors)
        assert (found.kind, speaker(found)) == ("paraphrase", who), text


def test_a_chinese_quotation_before_its_speaker_is_not_the_dateline_s_reporter() -> None:
    (found,) = drafts(
        "新华社北京4月23日电(记者 张三)“我们不愿打,也不怕打。”外交部发言人郭嘉昆今天重申。", "zh"
    )
    assert speaker(found) == "郭嘉昆"


def test_a_korean_sentence_going_on_keeps_its_speaker_over_a_subject_inside_it() -> None:
    text = (
        "조태열 장관은 “아직 대화할 때가 아니다”라고 말했다. 이어 북한이 대화를 거부하고 있음을 상기하며 "
        "“억지력을 강화해야 한다”고 강조했다."
    )
    actors = pd.DataFrame(
        [{"id": "north-korea", "name": "North Korea", "kind": "state", "aliases": ["북한"]}]
    )
    assert [speaker(q) for q in drafts_with(text, "ko", actors)] == ["조태열", "조태열"]


def test_a_chinese_sentence_responding_to_another_side_gives_each_side_its_words() -> None:
    actors = pd.DataFrame(
        [
            {"id": "blinken", "name": "Antony Blinken", "kind": "official", "aliases": ["布林肯"]},
            {"id": "wang-wenbin", "name": "Wang Wenbin", "kind": "official", "aliases": ["汪文斌"]},
        ]
    )
    text = "對於布林肯在沙特稱,美方不要求任何國家選邊站隊,汪文斌表示,希望美方切實執行相關承諾。"
    found = drafts_with(text, "zh", actors)
    assert [(q.text, speaker(q)) for q in found] == [
        ("美方不要求任何國家選邊站隊", "Antony Blinken"),
        ("希望美方切實執行相關承諾", "Wang Wenbin"),
    ]


def test_a_subject_of_two_people_gives_the_words_to_each() -> None:
    actors = pd.DataFrame(
        [
            {"id": "iwaya-takeshi", "name": "Iwaya Takeshi", "kind": "official", "aliases": ["岩屋"]},
            {"id": "marco-rubio", "name": "Marco Rubio", "kind": "official", "aliases": ["ルビオ", "鲁比奥"]},
            {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
        ]
    )
    japanese = "岩屋外相はルビオ国務長官と会談した。両外相は「同盟を新たな高みに引き上げる」ことを確認した。"
    chinese = "王毅和鲁比奥都强调,必须确保台湾海峡的和平稳定。"
    for text, code in ((japanese, "ja"), (chinese, "zh")):
        found = drafts_with(text, code, actors)
        assert sorted(speaker(q) for q in found) == sorted(
            ["Iwaya Takeshi", "Marco Rubio"] if code == "ja" else ["Wang Yi", "Marco Rubio"]
        ), text
        assert len({(q.start, q.end) for q in found}) == 1  # the same words, once for each


def test_a_sentence_in_marks_or_a_japanese_quotation_before_its_verb_is_speech_not_a_term() -> None:
    # a term never ends on a full stop; 「…」と語った is said, whatever its last word
    (chinese,) = drafts("“中方坚决反对。”王毅说。", "zh")
    (japanese,) = drafts("岩屋外務大臣は「しっかり対応する」と語った。", "ja")
    assert [(q.kind, speaker(q)) for q in (chinese, japanese)] == [
        ("direct", "Wang Yi"),
        ("direct", "Iwaya Takeshi"),
    ]
    # a term the sentence goes on with stays a term: not a quotation of its own
    terms = [q for q in drafts("王毅表示,中方坚持“一个中国”原则。", "zh") if q.text == "一个中国"]
    assert [q.kind for q in terms] in ([], ["partial"])


def test_a_sentence_opening_on_its_source_with_no_verb_of_saying_is_the_source_s() -> None:
    actors = pd.DataFrame(
        [
            {"id": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "official", "aliases": ["Macron"]},
            {"id": "olaf-scholz", "name": "Olaf Scholz", "kind": "official", "aliases": ["Scholz"]},
        ]
    )
    cases = [
        (
            "Pour Emmanuel Macron, « la Russie ne peut ni ne doit gagner cette guerre ».",
            "fr",
            "Emmanuel Macron",
        ),
        ("D'après Emmanuel Macron, la situation est « très grave ».", "fr", "Emmanuel Macron"),
        ("Nach Angaben von Olaf Scholz sei die Lage „sehr ernst“.", "de", "Olaf Scholz"),
    ]
    for text, code, who in cases:
        quoted = [q for q in drafts_with(text, code, actors) if q.kind != "paraphrase"]
        assert [speaker(q) for q in quoted] == [who], text


def test_a_description_before_a_colon_is_the_person_named_before() -> None:
    actors = pd.DataFrame(
        [{"id": "olaf-scholz", "name": "Olaf Scholz", "kind": "official", "aliases": ["Scholz"]}]
    )
    text = "Olaf Scholz reiste nach Kiew. Der Kanzler machte deutlich: „Die Ukraine kann sich verlassen.“"
    (found,) = drafts_with(text, "de", actors)
    assert speaker(found) == "Olaf Scholz"


def test_what_follows_the_cue_s_comma_is_what_was_said_not_who_said_it() -> None:
    actors = pd.DataFrame(
        [
            {"id": "zelensky", "name": "Volodymyr Zelensky", "kind": "official", "aliases": ["Selenskyj"]},
            {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russland"]},
        ]
    )
    text = "Der ukrainische Präsident Wolodymyr Selenskyj sagte, Russland wolle „keinen Frieden“."
    quoted = [q for q in drafts_with(text, "de", actors) if q.kind == "partial"]
    assert [speaker(q) for q in quoted] == ["Volodymyr Zelensky"]


def test_a_pronoun_in_another_case_points_back_to_the_one_speaking() -> None:
    actors = pd.DataFrame(
        [
            {"id": "dmitry-peskov", "name": "Dmitry Peskov", "kind": "official", "aliases": ["Песков"]},
            {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["США"]},
            {"id": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "official", "aliases": ["Macron"]},
        ]
    )
    cases = [
        ("Дмитрий Песков выступил перед журналистами. По его словам, США прикладывают усилия.", "ru"),
        ("Emmanuel Macron est arrivé à Kiev. Selon lui, la Russie « ne gagnera pas ».", "fr"),
    ]
    for (text, code), who in zip(cases, ("Dmitry Peskov", "Emmanuel Macron"), strict=True):
        assert [speaker(q) for q in drafts_with(text, code, actors)] == [who], text


def test_a_quotation_standing_alone_is_of_the_one_the_next_sentence_says_said_so() -> None:
    actors = pd.DataFrame(
        [
            {
                "id": "hayashi",
                "name": "Hayashi Yoshimasa",
                "kind": "official",
                "aliases": ["林芳正", "林官房長官"],
            },
            {"id": "cho-tae-yul", "name": "Cho Tae-yul", "kind": "official", "aliases": ["조태열"]},
        ]
    )
    cases = [
        (
            "林芳正官房長官は記者会見に臨んだ。「極めて遺憾だ」。林官房長官はこう語った。",
            "ja",
            "Hayashi Yoshimasa",
        ),
        (
            "조태열 장관이 기자회견을 열었다.\n“북한의 도발을 규탄한다.”\n조 장관은 이날 이같이 말했다.",
            "ko",
            "Cho Tae-yul",
        ),
    ]
    for text, code, who in cases:
        assert [speaker(q) for q in drafts_with(text, code, actors)] == [who], text


def test_an_office_and_a_state_describe_the_briefing_s_holder_of_that_office() -> None:
    actors = pd.DataFrame(
        [
            {
                "id": "zelensky",
                "name": "Volodymyr Zelensky",
                "kind": "official",
                "role": "President of Ukraine",
                "represents": "ukraine",
                "aliases": ["Selenskyj"],
            },
            {
                "id": "putin",
                "name": "Vladimir Putin",
                "kind": "official",
                "role": "President of Russia",
                "represents": "russia",
                "aliases": ["Putin"],
            },
            {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": ["Ukraine"]},
            {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russland", "Russie"]},
        ]
    )
    cases = [
        ("„Russland will keinen Frieden“, sagte der ukrainische Präsident.", "de", "Volodymyr Zelensky"),
        (
            "Le président russe a assuré que l'opération se poursuivrait « jusqu'au bout ».",
            "fr",
            "Vladimir Putin",
        ),
        ("« Nous tiendrons », a déclaré le président.", "fr", ""),  # no state: not a guess
    ]
    for text, code, who in cases:
        quoted = [q for q in drafts_with(text, code, actors) if q.kind != "paraphrase"]
        assert [speaker(q) for q in quoted] == [who], text


def test_an_impersonal_cue_is_the_body_s_and_a_charge_is_a_cue() -> None:
    actors = pd.DataFrame(
        [
            {"id": "kremlin", "name": "Kremlin", "kind": "organization", "aliases": ["Kreml"]},
            {
                "id": "lavrov",
                "name": "Sergey Lavrov",
                "kind": "official",
                "role": "Foreign Minister of Russia",
                "represents": "russia",
                "aliases": ["Lavrov"],
            },
            {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russie"]},
        ]
    )
    cases = [
        ("In einer Erklärung des Kremls hieß es: „Die Gespräche waren konstruktiv.“", "de", "Kremlin"),
        ("Sergueï Lavrov a accusé l'Occident de « vouloir la guerre ».", "fr", "Sergey Lavrov"),
        ("« Nous ne reculerons pas », a martelé le chef de la diplomatie russe.", "fr", "Sergey Lavrov"),
    ]
    for text, code, who in cases:
        quoted = [q for q in drafts_with(text, code, actors) if q.kind != "paraphrase"]
        assert [speaker(q) for q in quoted] == [who], text


def test_a_korean_topic_after_a_comma_is_the_speaker_over_a_subject_of_the_clause_before() -> None:
    actors = pd.DataFrame(
        [
            {"id": "north-korea", "name": "North Korea", "kind": "state", "aliases": ["북한"]},
            {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["러시아"]},
        ]
    )
    text = "북한이 러시아에 군을 파병했다는 보도에, 러시아는 “많은 정보들이 서로 상충한다”고 답했다."
    assert [speaker(q) for q in drafts_with(text, "ko", actors)] == ["Russia"]


def test_how_someone_says_it_is_no_cue_in_chinese() -> None:
    # "怎么说" (how … says) reports nobody's words; "说" after a name does
    assert drafts("中方关心美国是怎么说的,更关心美国是怎么做的。", "zh") == []
    (found,) = drafts("王毅说,中方关心美方怎么做。", "zh")
    assert speaker(found) == "Wang Yi"


def test_japanese_words_said_in_a_sentence_headed_by_a_person_are_that_person_s() -> None:
    # a headline or a caption: the name, then the words, with no verb of saying
    for text in ("岩屋外務大臣 会談の成果を問われ「とても良かったです」", "岩屋外務大臣「対話を続けたい」"):
        (found,) = drafts(text, "ja")
        assert speaker(found) == "Iwaya Takeshi", text


def test_a_chinese_quotation_that_is_the_whole_object_of_its_cue_is_direct() -> None:
    (whole,) = drafts("王毅强调「中方坚决反对任何形式的干涉」。", "zh")
    woven = [q for q in drafts("王毅强调,中方对「干涉」坚决反对,将采取必要措施。", "zh") if q.text == "干涉"]
    assert (whole.kind, [q.kind for q in woven]) == ("direct", ["partial"])


def test_a_chinese_official_of_a_body_is_a_person_and_a_date_in_brackets_no_break() -> None:
    actors = pd.DataFrame(
        [
            {"id": "state", "name": "US State Department", "kind": "organization", "aliases": ["美國國務院"]},
            {"id": "japan", "name": "Japan", "kind": "state", "aliases": ["日本"]},
        ]
    )
    cases = [
        ("美國國務院官員星期五(7月21日)說,台灣海峽和平穩定是國際關注的議題。", "美國國務院官員"),
        ("日本政府相關人士表示,日方對對話持開放態度。", "日本政府相關人士"),
    ]
    for text, who in cases:
        assert [speaker(q) for q in drafts_with(text, "zh", actors)] == [who], text


def test_a_wire_dateline_with_its_agency_is_no_transcript_turn() -> None:
    text = (
        "Minister begrüßt Einigung\n\n"
        "Berlin (dpa) – Der Außenminister hat die Einigung begrüßt. „Das ist ein guter Tag für die Region“, "
        "sagte Lawrow am Donnerstag.\n"
    )
    [quote] = drafts(text, "de")
    assert (quote.text, quote.kind, speaker(quote)) == (
        "Das ist ein guter Tag für die Region",
        "direct",
        "Sergey Lavrov",
    )
    record = "Debatte\n\nSergej Lawrow (Renew). – Frau Präsidentin, wir brauchen mehr Hilfe.\n"
    [speech] = drafts(record, "de")
    assert speech.text.startswith("Frau Präsidentin") and speaker(speech) == "Sergey Lavrov"


def test_news_headings_with_a_colon_are_no_turns_and_their_quotations_are_read() -> None:
    text = (
        "Kritik am Telefonat\n\n"
        'Lawrow: Berlin hat "die Tür geöffnet"\n\n'
        'Der russische Minister Lawrow sagte, Berlin habe "die Tür zu Gesprächen geöffnet". "Wir sind bereit '
        'zu reden", erklärte Lawrow am Freitag.\n\n'
        'Moskau: "Zeichen der Schwäche"\n\n'
        '"Wir werden sehen", sagte Lawrow.\n'
    )
    found = {q.text: speaker(q) for q in drafts(text, "de")}
    assert found["Wir sind bereit zu reden"] == "Sergey Lavrov"
    assert found["Wir werden sehen"] == "Sergey Lavrov"
    assert found["die Tür zu Gesprächen geöffnet"] == "Sergey Lavrov"
    transcript = "Pressebriefing\n\nFrage: Wird der Minister reisen?\n\nLawrow: Ja, nächste Woche.\n"
    assert [q.text for q in drafts(transcript, "de")] == ["Ja, nächste Woche."]


def test_single_marks_that_a_language_pairs_are_quotation_marks() -> None:
    korean = "김여정 부부장은 한국의 ‘기만적인 유화공세’를 비판하며 “대화는 없다”고 말했다."
    quotes = find_quotes(korean, single=True, paired=True)
    assert [korean[q.start : q.end] for q in quotes] == ["기만적인 유화공세", "대화는 없다"]
    assert len(find_quotes(korean, paired=True)) == 1  # only where the language asks for them
    [emphasis, said] = drafts(korean, "ko")
    assert (emphasis.text, said.text) == ("기만적인 유화공세", "대화는 없다")
    german = "Lawrow sprach von ‚Verrat‘ und sagte, die O‘Brien-Doktrin sei tot."
    (quote,) = find_quotes(german, "“»", paired=True)
    assert german[quote.start : quote.end] == "Verrat"  # ‘ in a name opens nothing
    nested = "„Wir lehnen den ‚Plan‘ ab“, sagte Lawrow."
    (outer,) = find_quotes(nested, "“»", paired=True)
    assert nested[outer.start : outer.end] == "Wir lehnen den ‚Plan‘ ab"


def test_a_chinese_subject_before_two_words_of_saying_and_a_personal_pronoun() -> None:
    text = "中國外交部對此做出回應。王毅表示：「中方堅決反對。」\n\n她補充說：「我們的立場始終如一。」"
    found = drafts(text, "zh")
    added = next(q for q in found if q.text.startswith("我們的立場"))
    assert speaker(added) == "Wang Yi"  # 她 is a person's pronoun: not the ministry's, not "她補充"
    joined = "美國再度宣布軍售。對此王毅強調，中方堅決反對軍售。"
    [said] = drafts(joined, "zh")
    assert (said.text, speaker(said)) == ("中方堅決反對軍售", "Wang Yi")  # 對此 joins, 王毅 speaks


def test_a_chinese_sentence_is_cut_before_a_later_clause_that_opens_on_its_speaker() -> None:
    text = "中國外交部在例行記者會上對此做出回應，王毅表示，中方堅決反對任何形式的軍售。"
    found = drafts(text, "zh")
    assert [(q.text, speaker(q)) for q in found] == [("中方堅決反對任何形式的軍售", "Wang Yi")]
    object_named = "王毅表示，要求日方恪守承諾，立即收回錯誤言論。"
    [whole] = drafts(object_named, "zh")
    assert speaker(whole) == "Wang Yi" and whole.text.startswith("要求日方")  # 日方 is no subject there


def test_a_korean_quotation_in_a_clause_describing_a_noun_is_that_clauses_subjects() -> None:
    text = (
        "미국 정부의 반응은 매튜 밀러 대변인이 이 제안이 “불가능하다”고 말한 후에 나왔다.\n\n"
        "중국은 미국의 조치를 “패권주의”라고 비판한 러시아의 입장에 대해 “유감”을 표명했다."
    )
    found = {q.text: speaker(q) for q in drafts(text, "ko")}
    assert found["불가능하다"] == "Matthew Miller"  # the clause's subject, not the sentence's topic
    assert found["패권주의"] == "러시아"  # the one whose position the clause describes


def test_a_korean_documents_title_in_marks_is_nobodys_words() -> None:
    text = (
        "푸틴 대통령은 ‘포괄적 전략적 동반자 관계에 관한 조약’에 서명하며 "
        "“양국 관계가 새로운 단계에 올랐다”고 말했다."
    )
    found = drafts(text, "ko")
    title = next(q for q in found if q.text.endswith("조약"))
    assert (title.speaker, title.is_speech) == (None, False)
    said = next(q for q in found if q.text.startswith("양국"))
    assert speaker(said) == "푸틴"  # the name, less its title


def test_a_german_sentence_opening_on_a_name_before_its_cue_has_it_as_the_subject() -> None:
    text = (
        "Lawrow warf Russland am Freitag vor, die Gespräche zu verzögern. In Moskau erklärte Lawrow, "
        "die Gespräche gingen weiter."
    )
    found = drafts(text, "de")
    assert [speaker(q) for q in found] == ["Sergey Lavrov", "Sergey Lavrov"]  # not Russland, not Moskau
    inverted = "Am Freitag warf Lawrow Russland vor, die Gespräche zu verzögern."
    [said] = drafts(inverted, "de")
    assert speaker(said) == "Sergey Lavrov"


def test_a_heading_naming_the_briefings_actor_before_a_colon_gives_them_its_quoted_words() -> None:
    text = (
        "Streit um Verhandlungen\n\n"
        'Lawrow: "Zeichen der Schwäche" aus Berlin\n\n'
        '"Wir sind bereit", sagte Wang Yi am Freitag. Das sei "ein Anfang".\n'
    )
    found = {q.text: (speaker(q), q.kind) for q in drafts(text, "de")}
    assert found["Zeichen der Schwäche"] == ("Sergey Lavrov", "partial")
    assert found["ein Anfang"][0] == "Wang Yi"  # the heading does not change who speaks in the prose


def test_a_few_german_words_in_marks_in_a_subjunctive_sentence_are_the_one_quoted_befores() -> None:
    text = (
        "„Wir sind bereit“, sagte Lawrow. Die Achse würde eine „bedeutsame Eskalation“ darstellen.\n\n"
        "Die Stadt bereitet eine „lange Nacht“ vor."
    )
    found = {q.text: q for q in drafts(text, "de")}
    assert speaker(found["bedeutsame Eskalation"]) == "Sergey Lavrov"
    assert found["Die Achse würde eine „bedeutsame Eskalation“ darstellen"].kind == "paraphrase"
    night = found["lange Nacht"]  # no subjunctive: a phrase in marks, nobody's statement
    assert (night.speaker, night.is_speech) == (None, False)


def test_a_news_headline_naming_a_statement_does_not_make_the_report_its_authors() -> None:
    text = (
        "岩屋外務大臣「交渉に影響」 北朝鮮の談話への言及避ける\n\n"
        " 北朝鮮の談話について、岩屋外務大臣は「交渉に影響を及ぼす」と述べました。\n\n"
        "岩屋外務大臣\n「詳細は差し控えたい」\n\n"
        " 朝鮮中央通信は談話を伝えました。岩屋大臣は「働き掛けを続けている」と強調しました。\n"
    )
    found = drafts(text, "ja")
    assert not any("朝鮮中央通信" in q.text for q in found)  # the report is not read as the statement
    said = next(q for q in found if q.text == "働き掛けを続けている")
    assert (said.kind, speaker(said)) == ("direct", "Iwaya Takeshi")


def test_a_japanese_topic_between_two_quotations_speaks_the_later_one() -> None:
    text = (
        "談話で金与正氏は「問題は解決済み」との立場を示したが、"
        "岩屋外務大臣は「主張は受け入れられない」と反論した。"
    )
    found = {q.text: speaker(q) for q in drafts(text, "ja")}
    assert found["主張は受け入れられない"] == "Iwaya Takeshi"  # not the sentence's first topic
    [said] = drafts("談話で金与正氏は「問題は解決済みだ」と述べた。", "ja")
    assert speaker(said) == "金与正"  # "談話で": where she said it, no part of her name


def test_a_japanese_quotation_giving_someones_statement_is_theirs() -> None:
    text = "通信は25日、岩屋外務大臣が「早期に会いたいと伝えてきた」とする金与正氏の談話を伝えた。"
    [quote] = drafts(text, "ja")
    assert speaker(quote) == "金与正"  # whose statement it is, not the subject inside the words


def test_a_korean_chain_of_quotations_describing_a_message_is_its_authors() -> None:
    actors = pd.DataFrame(
        [
            {"id": "choe", "name": "Choe Son Hui", "kind": "official", "aliases": ["최선희", "최 외무상"]},
            {"id": "kim", "name": "Kim Jong Un", "kind": "official", "aliases": ["김정은"]},
        ]
    )
    text = (
        "최 외무상은 “승리하는 날까지 함께할 것”이라고 밝혔습니다.\n\n"
        "또 “미국이 무력을 증강하고 있다”며 “균형이 깨질 위험이 있다”고 언급한 김정은 위원장의 메시지를 "
        "전했습니다.\n\n"
        "그러면서 김정은 위원장이 핵 무력 강화 노선을 절대로 바꾸지 않을 것임을 확언했다고 강조했습니다."
    )
    found, _ = extract_marked(text, "ko", actors)
    said = {q.text: speaker(q) for q in found}
    assert said["미국이 무력을 증강하고 있다"] == "Kim Jong Un"
    assert said["균형이 깨질 위험이 있다"] == "Kim Jong Un"
    going_on = next(q for q in found if q.kind == "paraphrase")
    assert speaker(going_on) == "Choe Son Hui"  # she who passed the message on goes on


def test_a_chinese_subject_ends_before_its_statement_and_a_person_renamed_is_one_speaker() -> None:
    actors = pd.DataFrame(
        [
            {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["美國"]},
            {"id": "united-nations", "name": "United Nations", "kind": "organization", "aliases": ["UN"]},
        ]
    )
    text = (
        "美國印太司令部發表聲明說:“美國譴責這些發射。”\n"
        "負責東亞事務的美國副助理國務卿朴正炫(Jung Pak)最近在接受採訪時說,在有關北韓的問題上,"
        "一個重大關注是北韓不斷加大與俄羅斯的協同。\n"
        "副助卿朴正炫說,這令美國深感關切。\n"
        "朴正炫副助卿說:“我們的目標沒有動搖。”"
    )
    found, _ = extract_marked(text, "zh", actors)
    assert speaker(found[0]) == "美國印太司令部"  # a body of the state, and not "…發表聲明"
    assert {speaker(q) for q in found[1:]} == {"朴正炫"}  # "UN" is not in "Jung"


def test_a_german_sentence_adverb_is_no_name_and_the_reported_words_name_no_speaker() -> None:
    [said] = drafts("Zugleich beklagte Lawrow, dass die Gespräche stockten.", "de")
    assert speaker(said) == "Sergey Lavrov"  # not "Zugleich"
    reported = drafts(
        "Zugleich beklagte der Kanzler, dass Russland während des Besuchs von Wang Yi angriff.", "de"
    )
    assert all(speaker(q) != "Wang Yi" for q in reported)  # named in what was said


def test_a_japanese_topic_that_is_an_adverbial_or_a_clause_is_no_speaker() -> None:
    actors = pd.DataFrame(
        [
            {"id": "kishida", "name": "Kishida Fumio", "kind": "official", "aliases": ["岸田総理", "岸田"]},
            {"id": "li-qiang", "name": "Li Qiang", "kind": "official", "aliases": ["李強首相", "李強"]},
            {"id": "kim", "name": "Kim Jong Un", "kind": "official", "aliases": ["金総書記", "金正恩"]},
            {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["ロシア"]},
            {
                "id": "zelensky",
                "name": "Volodymyr Zelensky",
                "kind": "official",
                "aliases": ["ゼレンスキー大統領"],
            },
            {"id": "us", "name": "United States", "kind": "state", "aliases": ["アメリカ"]},
        ]
    )

    def said(text: str) -> dict[str, str]:
        found, _ = extract_marked(text, "ja", actors)
        return {q.text: speaker(q) for q in found}

    meeting = said(
        "岸田総理は記者団に「緊密に連携していく」と話しました。\n\n"
        "一方、李強首相との会談では、処理水をめぐり「台湾海峡の平和と安定は極めて重要だ」と強調しました。"
    )
    assert meeting["台湾海峡の平和と安定は極めて重要だ"] == "Kishida Fumio"  # "会談では": not Li Qiang
    relative = said(
        "金総書記は「関係は新たな時期を迎えている」と表明した。\n\n"
        "ロシアが展開する「特別軍事作戦」について「全面的な支持と連帯を表明する」と述べた。"
    )
    assert relative["全面的な支持と連帯を表明する"] == "Kim Jong Un"  # "ロシアが展開する": the operation's
    clause = said(
        "ゼレンスキー大統領は、アメリカの和平計画を受け入れるかどうかは「非常に難しい選択だ」と訴えました。"
    )
    assert clause["非常に難しい選択だ"] == "Volodymyr Zelensky"  # "…かどうかは": a clause, not a subject


def test_a_korean_topic_of_the_clause_holding_the_quotation_and_a_state_before_a_name() -> None:
    actors = pd.DataFrame([{"id": "us", "name": "United States", "kind": "state", "aliases": ["미국"]}])
    text = (
        "지난 18일 정보당국은 북한군이 러시아에서 훈련하고 있다고 밝혔고, "
        "미국 로이드 오스틴 국방장관은 “사실이라면 심각하다”고 언급했습니다."
    )
    found, _ = extract_marked(text, "ko", actors)
    quote = next(q for q in found if q.text == "사실이라면 심각하다")
    assert quote.speaker is not None
    # the second clause's topic, not the first's; the person, not the state named before him
    assert (quote.speaker.name, quote.speaker.role) == ("로이드 오스틴", "미국 국방장관")


def test_a_german_sentence_closing_on_so_and_a_name_is_that_persons() -> None:
    text = (
        "„Seit dem ersten Tag“ stehe Russland an der Seite Chinas, so Lawrow. "
        "Diese Unterstützung werde man fortsetzen."
    )
    found = {q.text: q for q in drafts(text, "de")}
    opening = found["Seit dem ersten Tag"]
    assert (opening.kind, speaker(opening)) == ("partial", "Sergey Lavrov")  # the sentence goes on from it
    assert speaker(found["Diese Unterstützung werde man fortsetzen"]) == "Sergey Lavrov"


def test_chinese_this_official_a_pronoun_going_on_and_a_report_that_names_its_speaker() -> None:
    actors = pd.DataFrame(
        [
            {"id": "blinken", "name": "Antony Blinken", "kind": "official", "aliases": ["布林肯"]},
            {"id": "peskov", "name": "Dmitry Peskov", "kind": "official", "aliases": ["佩斯科夫"]},
            {"id": "us", "name": "United States", "kind": "state", "aliases": ["美国"]},
        ]
    )

    def said(text: str) -> list[str]:
        found, _ = extract_marked(text, "zh", actors)
        return [speaker(q) for q in found]

    assert said(
        "美国国务卿布林肯周五在记者会上说，美方对此深表关切。这位美国最高外交官还表示，“我们将与盟友密切协调”。"
    ) == ["Antony Blinken", "Antony Blinken"]  # "这位…外交官": the one speaking, not the state
    assert said(
        "佩斯科夫当天对记者表示，“冻结冲突的方案不适合俄罗斯”。他同时表示，“俄方愿意进行接触和谈判”。"
    ) == ["Dmitry Peskov", "Dmitry Peskov"]  # "他同时": he, not a new speaker
    assert said("报道称，当被问及有关言论时，佩斯科夫对媒体说，俄罗斯总统一再表示愿意谈判。") == [
        "Dmitry Peskov"
    ]  # "报道称": the report, not who speaks


def test_a_korean_title_alone_is_the_person_met_with_it() -> None:
    actors = pd.DataFrame(
        [
            {"id": "cho", "name": "Cho Tae-yul", "kind": "official", "aliases": ["조태열"]},
            {
                "id": "zakharova",
                "name": "Maria Zakharova",
                "kind": "official",
                "aliases": ["마리야 자하로바"],
            },
        ]
    )
    text = (
        "마리야 자하로바 러시아 외무부 대변인은 “평양에 물어보라”고 말했다. "
        "조 장관은 “동맹은 굳건하다”고 강조했다. 대변인은 이어 “한국은 신중해야 한다”고 덧붙였다. "
        "장관은 또 “협력을 중단해야 한다”고 촉구했다."
    )
    found, _ = extract_marked(text, "ko", actors)
    said = {q.text: speaker(q) for q in found}
    assert said["한국은 신중해야 한다"] == "Maria Zakharova"  # the spokesperson, not a new "대변인"
    assert said["협력을 중단해야 한다"] == "Cho Tae-yul"  # "조 장관" met before


def test_a_japanese_quotative_with_also_is_speech_and_together_with_is_not() -> None:
    found = {
        q.text: q
        for q in drafts("岩屋外務大臣は「極めて遺憾だ」と語った。岩屋氏は「抗議した」とも述べた。", "ja")
    }
    also = found["抗議した"]
    assert (also.is_speech, speaker(also)) == (True, "Iwaya Takeshi")  # "とも述べた": also said
    [together] = drafts("岩屋外務大臣は「自由で開かれた」とともに歩む方針を示した。", "ja")
    assert together.is_speech is False  # "とともに": together with, a phrase and no speech


def test_a_chinese_cue_clauses_after_its_subject_is_the_first_clauses_person() -> None:
    actors = pd.DataFrame(
        [
            {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
            {"id": "blinken", "name": "Antony Blinken", "kind": "official", "aliases": ["布林肯"]},
        ]
    )
    text = "王毅在会见布林肯时，就中美关系、台湾问题等交换意见，表示，“中方愿同美方相向而行”。"
    found, _ = extract_marked(text, "zh", actors)
    assert [speaker(q) for q in found] == ["Wang Yi"]  # not the one nearest the cue, whom he met


def test_a_german_closing_so_needs_a_person_not_a_description() -> None:
    actors = pd.DataFrame(
        [
            {"id": "baerbock", "name": "Annalena Baerbock", "kind": "official", "aliases": ["Baerbock"]},
            {"id": "germany", "name": "Germany", "kind": "state", "aliases": ["Deutschland"]},
        ]
    )
    text = (
        "Baerbock sagte am Samstag in München, Europa müsse zusammenstehen. "
        'Beim Treffen habe sie - Zitat - "ganz andere Töne" gehört, so Deutschlands Chefdiplomatin.'
    )
    found, _ = extract_marked(text, "de", actors)
    heard = next(q for q in found if q.text == "ganz andere Töne")
    assert speaker(heard) == "Annalena Baerbock"  # she, not the state the description names
    named = drafts('"Ganz andere Töne" habe sie gehört, so Lawrow.', "de")
    assert speaker(named[0]) == "Sergey Lavrov"


def test_a_caption_naming_who_speaks_before_a_quotation_is_a_label_of_its_line_only() -> None:
    text = (
        "王毅今天抵達莫斯科。\n"
        "兩人舉行會談。\n"
        "北京市民:「歡迎來訪!」\n"
        "王毅:「中俄關係已邁入新的時代。」\n"
        "會談當中，王毅表示，願意加強兩國之間的戰略合作。"
    )
    found = {q.text: q for q in drafts(text, "zh")}
    caption = found["中俄關係已邁入新的時代。"]
    assert (caption.kind, speaker(caption)) == ("direct", "Wang Yi")  # the words inside the marks
    after = found["願意加強兩國之間的戰略合作"]
    assert (after.kind, speaker(after)) == ("paraphrase", "Wang Yi")  # prose again, not the turn's


def test_a_speaker_linked_by_a_close_spelling_says_so_to_the_review() -> None:
    """The index's own reason for a link (here a close spelling, "Prevo" for "Prévot") reaches the
    draft, not "exact" or "alias": the review desk shows it and the speaker is flagged to confirm."""
    actors = pd.DataFrame(
        [
            {
                "id": "maxime-prevot",
                "name": "Maxime Prévot",
                "kind": "official",
                "role": "Ministre des Affaires étrangères",
                "represents": "belgium",
                "aliases": [],
            },
            {"id": "belgium", "name": "Belgium", "kind": "state", "aliases": ["Belgique"]},
        ]
    )
    made = drafted_against(
        actors, "« La Belgique reconnaîtra l'État de Palestine », a déclaré Maxime Prevo lundi à New York."
    )
    [quote] = made.quotes
    actor = made.actor(quote.speaker)
    assert actor is not None and actor.id == "maxime-prevot"
    assert (actor.match, actor.score) == ("fuzzy", 90.0)
    assert "speaker" in quote.flags


CAPTIONED = pd.DataFrame(
    [
        {"id": "ishiba", "name": "Ishiba Shigeru", "kind": "official", "aliases": ["石破首相", "石破"]},
        {
            "id": "biden",
            "name": "Joe Biden",
            "kind": "official",
            "aliases": ["バイデン大統領", "바이든 대통령"],
        },
        {"id": "yoon", "name": "Yoon Suk Yeol", "kind": "official", "aliases": ["윤석열 대통령"]},
    ]
)


def test_a_label_alone_on_its_line_captions_the_paragraph_after_it_only() -> None:
    text = (
        "首脳会談、同盟強化を確認\n\n石破首相：\n\n同盟をさらに強くしていきたい。\n\n"
        "会談は予定より長く続きました。\n\nバイデン大統領：\n\n日本は最良の友人だ。\n\n"
        "両首脳は共同声明に署名しました。"
    )
    found = drafts_with(text, "ja", CAPTIONED)
    assert [(q.text, speaker(q)) for q in found] == [
        ("同盟をさらに強くしていきたい。", "Ishiba Shigeru"),
        ("日本は最良の友人だ。", "Joe Biden"),
    ]  # the narration between the captions is nobody's turn


def test_a_broadcasts_anchor_or_reporter_alone_on_its_line_is_no_speaker() -> None:
    text = (
        '바이든 "동맹 강화"\n[앵커]\n바이든 대통령이 동맹을 강화하겠다고 밝혔습니다.\n\n'
        '[기자]\n바이든 대통령은 "동맹은 굳건하다"고 말했습니다.'
    )
    found = drafts_with(text, "ko", CAPTIONED)
    assert ("동맹은 굳건하다", "Joe Biden") in [(q.text, speaker(q)) for q in found]
    assert {speaker(q) for q in found if q.start > text.index("[앵커]")} == {"Joe Biden"}


def test_a_broadcasts_clip_in_brackets_is_the_named_persons_words() -> None:
    text = (
        '바이든 "동맹 강화"\n\n바이든 대통령은 동맹을 강조했습니다.\n\n직접 들어보시죠.\n\n'
        "[바이든 대통령 / 미국 : 한국은 우리의 가장 가까운 친구입니다.]\n\n회담은 한 시간 이어졌습니다."
    )
    found = [q for q in drafts_with(text, "ko", CAPTIONED) if q.kind == "direct"]
    assert [(q.text, speaker(q)) for q in found] == [("한국은 우리의 가장 가까운 친구입니다.", "Joe Biden")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "会談で、石破首相は「同盟は偉大だ」と述べ、バイデン大統領は「日本を尊敬している」と応じました。",
            "ja",
        ),
        ("윤석열 대통령은 “동맹은 굳건하다”고 말했고, 바이든 대통령은 “한국은 친구”라고 화답했다.", "ko"),
    ],
)
def test_the_quotative_after_the_later_quotation_is_its_cue_not_an_earlier_clauses(
    text: str, code: str
) -> None:
    found = [q for q in drafts_with(text, code, CAPTIONED) if q.kind != "paraphrase"]
    assert [speaker(q) for q in found][-1] == "Joe Biden"
    assert speaker(found[0]) in ("Ishiba Shigeru", "Yoon Suk Yeol")


def test_a_side_holding_a_view_after_a_cue_is_said_by_the_one_speaking() -> None:
    """ "X表示，中方认为…「…」": China's view, in the spokesperson's words; and "X回应，美方强调的是…"
    is what X answered, not the United States speaking."""
    actors = pd.DataFrame(
        [
            {"id": "lin-jian", "name": "Lin Jian", "kind": "official", "aliases": ["林剑"]},
            {"id": "china", "name": "China", "kind": "state", "aliases": ["中国", "中方"]},
            {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["美国", "美方"]},
        ]
    )
    said = (
        "外交部发言人林剑在例行记者会上表示，中方始终认为，“对话协商是解决问题的唯一出路”，美方应“停止挑衅”。"
    )
    assert [speaker(q) for q in drafts_with(said, "zh", actors)] == ["Lin Jian", "Lin Jian"]
    answered = "对此，外交部发言人林剑今日回应，美方强调的是所谓的威慑，却一直在地区制造紧张局势。"
    [reply] = drafts_with(answered, "zh", actors)
    assert speaker(reply) == "Lin Jian" and reply.text.startswith("美方强调")


def test_a_german_sentence_opening_on_its_object_has_its_subject_after_the_verb() -> None:
    """ "Den russischen Präsidenten … forderte Wadephul auf": the accusative opens the sentence, the
    one speaking is after the verb; the description after that ("sagte der Außenminister") is him."""
    actors = pd.DataFrame(
        [
            {"id": "wadephul", "name": "Johann Wadephul", "kind": "official", "aliases": ["Wadephul"]},
            {
                "id": "putin",
                "name": "Vladimir Putin",
                "kind": "official",
                "aliases": ["Wladimir Putin", "Putin"],
            },
        ]
    )
    text = (
        'Den russischen Präsidenten Wladimir Putin forderte Wadephul auf, er müsse "endlich '
        'verhandeln". Putin habe den Krieg begonnen, "er muss ihn beenden", sagte der Außenminister.'
    )
    quoted = [q for q in drafts_with(text, "de", actors) if q.kind != "paraphrase"]
    assert [speaker(q) for q in quoted] == ["Johann Wadephul", "Johann Wadephul"]


def test_a_quotation_alone_after_someones_reported_speech_is_theirs() -> None:
    text = "标题\n\n王毅强调，战争解决不了问题。「中方不参与、不策划战争，我们做的就是劝和促谈。」"
    quoted = [q for q in drafts_with(text, "zh", ACTORS) if q.kind == "direct"]
    assert [(speaker(q), q.how) for q in quoted] == [("Wang Yi", "continued")]


def test_a_chinese_state_and_office_with_no_name_is_the_briefings_holder() -> None:
    actors = pd.DataFrame(
        [
            {
                "id": "colonna",
                "name": "Catherine Colonna",
                "kind": "official",
                "role": "Minister for Europe and Foreign Affairs of France",
                "represents": "france",
                "aliases": ["科隆纳"],
            },
            {"id": "france", "name": "France", "kind": "state", "aliases": ["法国"]},
        ]
    )
    [urged] = drafts_with("同天稍早，法国外长呼吁中国利用对俄罗斯的影响力，推动实现和平。", "zh", actors)
    assert (speaker(urged), urged.how) == ("Catherine Colonna", "description")
    [said] = drafts_with("法国表示，“我们不会让步”。", "zh", actors)
    assert speaker(said) == "France"  # the state itself, with no office after it


def test_a_chinese_subject_ends_before_after_the_meeting() -> None:
    [said] = drafts_with("迈因尔-赖辛格会后受访时说，北京需要协助推动停战谈判。", "zh", None)
    assert speaker(said) == "迈因尔-赖辛格"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Trois ans après que le Canada a qualifié la Chine de rivale, Anita Anand affirme que le "
            "gouvernement considère désormais Pékin comme un partenaire.",
            "fr",
        ),
        (
            "Nachdem Kanada China als Rivalen bezeichnet hatte, erklärte Anita Anand nun, die Regierung "
            "sehe Peking als Partner.",
            "de",
        ),
    ],
)
def test_reported_speech_takes_the_main_clauses_cue_not_an_opening_clause_of_time(
    text: str, code: str
) -> None:
    actors = pd.DataFrame(
        [
            {"id": "anand", "name": "Anita Anand", "kind": "official", "aliases": ["Anand"]},
            {"id": "canada", "name": "Canada", "kind": "state", "aliases": ["le Canada", "Kanada"]},
        ]
    )
    [reported] = drafts_with(text, code, actors)
    assert speaker(reported) == "Anita Anand"
    assert "Regierung" in reported.text or "gouvernement" in reported.text


def test_a_korean_title_with_also_is_the_next_speaker() -> None:
    """ "리 총리도 “…”고 말했다": 도 (also) after a title marks who speaks next, as 은/는 would."""
    actors = pd.DataFrame(
        [
            {"id": "lee", "name": "Lee Jae-myung", "kind": "official", "aliases": ["이재명 대통령"]},
            {"id": "li", "name": "Li Qiang", "kind": "official", "aliases": ["리창 총리", "리창"]},
        ]
    )
    text = (
        "이재명 대통령은 리창 총리와 만나 “협력 성과를 추진해 나가자”고 말했다. "
        "리 총리도 “방한이 성공적이었다”며 “관계를 발전시켜 나가길 희망한다”고 말했다."
    )
    assert [speaker(q) for q in drafts_with(text, "ko", actors)] == ["Lee Jae-myung", "Li Qiang", "Li Qiang"]


def test_a_japanese_title_with_also_is_the_next_speaker() -> None:
    actors = pd.DataFrame(
        [
            {"id": "ishiba", "name": "Ishiba Shigeru", "kind": "official", "aliases": ["石破首相"]},
            {"id": "li", "name": "Li Qiang", "kind": "official", "aliases": ["李強首相", "李強"]},
        ]
    )
    text = "石破首相は李強首相と会談し、「協力を進めたい」と述べた。李首相も「関係を発展させたい」と応じた。"
    found = [q for q in drafts_with(text, "ja", actors) if q.kind != "paraphrase"]
    assert [speaker(q) for q in found] == ["Ishiba Shigeru", "Li Qiang"]


def test_a_surname_spelled_otherwise_later_is_the_person_named_in_full_before() -> None:
    """ "Rustem Umjerow …, teilte Umerow mit": one person transliterated two ways, not a new one; a
    surname differing by another letter ("Schulz" after "Olaf Scholz") is someone else."""
    text = (
        "Der ukrainische Chefunterhändler Rustem Umjerow kündigte Vorbereitungen an. Nach Gesprächen "
        "in Genf habe man sich abgestimmt, teilte Umerow auf Telegram mit."
    )
    [reported] = drafts_with(text, "de", None)
    assert speaker(reported) == "Rustem Umjerow"
    other = (
        "Bundeskanzler Olaf Scholz reiste nach Paris. Die Gespräche seien gut verlaufen, sagte Schulz "
        "am Abend in Berlin."
    )
    assert [speaker(q) for q in drafts_with(other, "de", None)] == ["Schulz"]


def test_a_german_charge_renewed_or_repeated_is_reported_speech() -> None:
    actors = pd.DataFrame(
        [{"id": "zelensky", "name": "Volodymyr Zelensky", "kind": "official", "aliases": ["Selenskyj"]}]
    )
    text = "Selenskyj erneuerte den Vorwurf, dass Moskau nicht bereit zu einem Friedensschluss sei."
    [reported] = drafts_with(text, "de", actors)
    assert (speaker(reported), reported.kind) == ("Volodymyr Zelensky", "paraphrase")
    assert reported.text.startswith("Moskau nicht bereit")


def test_the_first_person_in_a_reporters_quotation_does_not_make_the_report_remarks() -> None:
    """A headline on someone's statement, then a report quoting them: "«Я …»,— ответил …" is their
    quotation, not the opening of their remarks running to the end of the article."""
    text = (
        "Лавров прокомментировал заявление Киева о переговорах\n\n"
        "Москва не видит оснований для переговоров, сообщил министр иностранных дел России Сергей Лавров.\n\n"
        "«Я не буду это комментировать. Мы ждём конкретики»,— ответил глава МИД на вопрос журналистов.\n\n"
        "В Киеве заявили, что готовы к встрече.\n"
    )
    found = drafts(text, "ru")
    assert not any("ответил" in q.text or "В Киеве" in q.text for q in found)
    quoted = next(q for q in found if q.kind == "direct")
    assert (quoted.text, speaker(quoted)) == (
        "Я не буду это комментировать. Мы ждём конкретики",
        "Sergey Lavrov",
    )


def test_a_french_relative_clause_cue_is_its_antecedents_and_a_cue_in_the_clause_is_the_words() -> None:
    """ "X, qui dénonce une décision « … », Y a riposté en la jugeant « … »": the words in the
    relative clause are X's (its antecedent), those after the main clause's retort Y's; "de Berlin
    qui qualifie ce projet de « … »" is Berlin's."""
    actors = pd.DataFrame(
        [
            {"id": "rubio", "name": "Marco Rubio", "kind": "official", "aliases": []},
            {"id": "barrot", "name": "Jean-Noël Barrot", "kind": "official", "aliases": ["Barrot"]},
            {"id": "germany", "name": "Germany", "kind": "state", "aliases": ["Berlin"]},
        ]
    )
    text = (
        "Jean-Noël Barrot a défendu le projet malgré les critiques de Berlin qui qualifie ce projet de "
        "« pari risqué ». Face au secrétaire d'État Marco Rubio, qui dénonce une décision « hâtive », "
        "Barrot a riposté en la jugeant « indispensable pour la paix »."
    )
    found = {q.text: speaker(q) for q in drafts_with(text, "fr", actors) if q.kind == "partial"}
    assert found == {
        "pari risqué": "Germany",
        "hâtive": "Marco Rubio",
        "indispensable pour la paix": "Jean-Noël Barrot",
    }


def test_words_set_off_by_a_colon_without_marks_are_the_speakers_over_their_paragraphs() -> None:
    """ "Vor dem Treffen sagte Außenminister Sergej Lawrow heute:" and the statement's paragraphs
    with no quotation marks (a ministry's house layout): one direct statement of his, up to the
    paragraph that reports again; not a heading after the colon, nor a line that gives the words."""
    text = (
        "Lawrow vor dem Treffen in Genf\n\n"
        "Vor dem Treffen in Genf sagte Außenminister Sergej Lawrow heute:\n\n"
        "Wir sind zu Gesprächen bereit. Aber wir werden keine Bedingungen annehmen.\n\n"
        "Die Sicherheit Europas ist unteilbar, und das wissen alle in Genf.\n\n"
        "Die Gespräche sollen am Abend beginnen, teilte das Ministerium mit.\n"
    )
    [statement] = [q for q in drafts(text, "de") if q.kind == "direct"]
    assert statement.text.startswith("Wir sind zu Gesprächen bereit.")
    assert statement.text.endswith("wissen alle in Genf.")
    assert speaker(statement) == "Sergey Lavrov"
    for other in (
        "Indes sagte Lawrow am Freitag, mit Trump werde der Krieg früher enden:\n\n"
        "Russland weiter auf dem Vormarsch\n\nDie Front bewegt sich kaum. Es ist kalt.\n",
        "Dazu sagte Lawrow am Freitag:\n\nRussland weiter auf dem Vormarsch\n\nDie Front bewegt sich kaum.\n",
    ):
        assert not [q for q in drafts(other, "de") if q.kind == "direct"]


def test_a_russian_reply_opened_by_a_dash_is_that_paragraph_after_its_dash() -> None:
    """ "Лавров ответил журналистам:" then "— Мы не будем …": the reply is that paragraph (not the
    narration after it), and "— …, — сказал Лавров." quotes the words after the opening dash."""
    text = (
        "Лавров ответил журналистам:\n\n— Мы не будем это обсуждать. Это вопрос к Киеву.\n\n"
        "Затем министр уехал в аэропорт.\n"
    )
    [reply] = [q for q in drafts(text, "ru") if q.kind == "direct"]
    assert (reply.text, speaker(reply)) == ("Мы не будем это обсуждать. Это вопрос к Киеву.", "Sergey Lavrov")
    [dialogue] = drafts("— Мы готовы к переговорам без условий, — сказал Лавров.", "ru")
    assert (dialogue.text, speaker(dialogue)) == ("Мы готовы к переговорам без условий", "Sergey Lavrov")


def test_a_quotation_run_on_from_one_that_ended_its_sentence_is_direct() -> None:
    """Paragraph breaks lost in a copy: '"… beginnen.""Wir haben …", so Lawrow' opens a new
    sentence, a direct quotation, not a fragment of the reporter's sentence."""
    text = (
        'Sergej Lawrow sagte am Sonntag: "Erst müssen die Waffen schweigen.""Wir haben gestern in Genf '
        'einen Waffenstillstand gefordert, um Raum für Gespräche zu schaffen", so Lawrow.'
    )
    found = drafts(text, "de")
    later = next(q for q in found if q.text.startswith("Wir haben"))
    assert (later.kind, speaker(later)) == ("direct", "Sergey Lavrov")
