"""Which language an article is in, and what drafting knows of each language it reads.

The language is identified offline by py3langid (Lui and Baldwin's langid.py model, BSD, shipped in
its wheel; pinned in constraints.txt and its model file checked against the hash below before it
loads). Chinese, Japanese and Korean are then told apart by their scripts, which the character
model confuses on short texts (a Japanese headline in kanji reads as Chinese).

`LANGUAGES` holds, per language, what `marked.py` drafts with: the words that report speech (cues),
the pronouns that point back to the last speaker, the titles that come before a name, and the turn
labels of a transcript's questions and answers. English is not here: it has its own reader, the
parse (`extractor.py`).
"""

from __future__ import annotations

import contextlib
import hashlib
import lzma
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any

LANGID_MODEL_SHA256 = "f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963"  # py3langid 0.4.0
# the same model decompressed (an .npz of arrays, no pickles), as kept between runs
LANGID_ARRAYS_SHA256 = "5bd50c338e682ca01f2c8dfc93be553d2d4a5c563452c79b7a80620ae2544401"
SAMPLE = 20_000  # characters read to identify the language

NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
    "ko": "Korean",
    "ja": "Japanese",
    "it": "Italian",
    "es": "Spanish",
    "uk": "Ukrainian",
    "pl": "Polish",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ar": "Arabic",
    "tr": "Turkish",
    "fa": "Persian",
    "he": "Hebrew",
    "sv": "Swedish",
    "cs": "Czech",
    "hu": "Hungarian",
    "vi": "Vietnamese",
    "id": "Indonesian",
    "hi": "Hindi",
    "el": "Greek",
    "ro": "Romanian",
}


@dataclass(frozen=True)
class Language:
    code: str
    # Reporting words, lower case: a whole word (or words), or a stem ending in "*" ("заявил*":
    # заявил, заявила, заявили); in Chinese and Japanese any occurrence.
    cues: tuple[str, ...]
    after_name: tuple[str, ...] = ()  # cues the speaker's name follows: "selon X", "laut X"
    after_quote: tuple[str, ...] = ()  # cues only right after a quotation: „…“, so Scholz
    pronouns: tuple[str, ...] = ()  # point back to the last speaker
    titles: str = ""  # a regex of title words before a name ("Außenministerin", "president")
    questions: str = ""  # a regex of transcript labels that are a question, not a statement
    answers: str = ""  # a regex of labels that are an answer by the principal ("答", "Antwort")
    spaced: bool = True  # words are separated by spaces (not Chinese or Japanese)
    topic_particles: tuple[str, ...] = ()  # Korean and Japanese: the subject's particle
    # A headline that announces someone's own words (a statement, a speech, a press conference),
    # and the first person or greeting that opens them: the text is that person's remarks.
    remarks: str = ""
    first_person: str = ""
    # Words after which a one-word cue is a noun, not a verb: "l'annonce par le président",
    # "son appel" (a cue of two words, "a dit", is a verb after them too: "comme l'a dit X").
    determiners: tuple[str, ...] = ()
    # The speaker is named before the cue unless the cue follows a quotation ("X a déclaré que …",
    # but "« … », a déclaré X"); German and Russian put the verb second and name them after it.
    subject_first: bool = False
    participle: str = ""  # a regex of cues that go on from another ("…, indiquant que")
    # A clause opening the sentence that names the source of all of it ("Wie der Sprecher, Steffen
    # Hebestreit, mitteilte, informierte Selenskyj …", "Nach Angaben von X, …", "Pour Emmanuel Macron,
    # « … »", "Как сообщил Песков, …"): its group "who" (or "by") is the speaker, whoever is the
    # subject after it.
    source: str = ""
    # Chinese joins a verb of saying to one that opens the words ("强调说", "回应称", "補充道"): one
    # cue, so what was said starts after both (a regex of the second verb).
    opens_words: str = ""
    # A regex of cues the language makes by inverting the subject after the verb, for any verb: the
    # French incise ("« … », poursuit-il", "avait-elle ajouté", "estiment-ils"), whose pronoun points
    # back to the speaker
    incise: str = ""

    def cue_pattern(self) -> re.Pattern[str]:
        words = sorted(self.cues, key=len, reverse=True)
        if not self.spaced:
            # a one-character cue inside a word is none: "说三道四", "说服", "据说", "小说", "称为" aside,
            # nor after "怎么" (how: "美國是怎麼說的")
            return re.compile(
                "|".join(
                    # nor after a report ("报道称": the report says; who speaks is named after it)
                    rf"(?<![据據小游遊可听聽])(?<!怎么)(?<!怎麼)(?<!报道)(?<!報道)(?<!报导)(?<!報導)(?<!消息)"
                    rf"(?:{re.escape(w)})(?![三服法明话話客书書])"
                    if len(w) == 1
                    else re.escape(w) + (f"(?:{self.opens_words})?" if self.opens_words else "")
                    for w in words
                )
            )
        noun = "".join(f"(?<!{re.escape(d)})" for d in self.determiners)
        alternatives = "|".join(
            (noun if re.fullmatch(r"\w+\*?", w) else "")
            + (re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w))
            for w in words
        )
        if self.incise:
            alternatives += "|" + self.incise
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def _with_imperfect(cues: tuple[str, ...]) -> tuple[str, ...]:
    """French cues, the imperfect of each regular verb among them, made from its participle
    ("qualifié": qualifiait, qualifiaient; "lorsqu'il qualifiait la Russie de « … »"), and the plural
    of each present ("affirme": affirment)."""
    stems = [cue[:-1] for cue in cues if re.fullmatch(r"\w{3,}é", cue)]
    # (lancé: lançait; jugé: jugeait)
    stems = [s[:-1] + "ç" if s.endswith("c") else s + "e" if s.endswith("g") else s for s in stems]
    made = [f"{stem}{ending}" for stem in stems for ending in ("ait", "aient")]
    # and the present's plural ("affirme": affirment; "« … », affirment la France et l'Allemagne")
    made += [f"{cue}nt" for cue in cues if re.fullmatch(r"\w{4,}[^é]e", cue)]
    return (*cues, *dict.fromkeys(m for m in made if m not in cues))


_QUESTION_COMMON = r"q|question|questions|journalist|reporter|moderator|participant"
LANGUAGES: dict[str, Language] = {
    "de": Language(
        "de",
        cues=(
            "sagte",
            "sagt",
            "sagten",
            "erklärte",
            "erklärt",
            "erklärten",
            "betonte",
            "betont",
            "fügte",
            "ergänzte",
            "meinte",
            "warnte",
            "forderte",
            "kündigte",
            "bekräftigte",
            # a charge or a call renewed or repeated: "Selenskyj erneuerte den Vorwurf, dass …"
            "erneuerte",
            "wiederholte",
            "unterstrich",
            "versicherte",
            "kritisierte",
            "mahnte",
            "appellierte",
            "äußerte",
            "bezeichnete",
            "schrieb",
            "teilte",
            "verwies",
            "zufolge",
            "laut",
            "räumte",
            "bestätigte",
            "verurteilte",
            "begrüßte",
            "sprach",
            "hieß",
            "heißt",
            "würdigte",
            "dankte",
            "bekundete",
            "drückte",
            # the present tense of reporting ("kritisiert der Kanzler", "verspricht Scholz") and
            # the verbs of a question and its answer
            "kritisiert",
            "fordert",
            "warnt",
            "mahnt",
            "bekräftigt",
            "unterstreicht",
            "versichert",
            "ergänzt",
            "fügt",
            "meint",
            "schreibt",
            "bestätigt",
            "verurteilt",
            "begrüßt",
            "spricht",
            "verspricht",
            "versprach",
            "beklagte",
            "beklagt",
            "erinnerte",
            "erinnert",
            "fragte",
            "fragt",
            "antwortete",
            "antwortet",
            "entgegnete",
            "erwiderte",
            "beteuerte",
            # praise and reproach ("Lawrow lobte die »sehr engen Bindungen«", "Choe warf den USA vor")
            # and an assurance ("sicherte … zu")
            "lobte",
            "lobt",
            "warf",
            "wirft",
            "sicherte",
            "verkündete",
            "argumentierte",
            # an explanation, a threat, a charge, a denial, a post ("Lawrow bestritt, dass …")
            "erläuterte",
            "drohte",
            "beschuldigte",
            "bestritt",
            "dementierte",
            "postete",
            # the participle closing the perfect ("Merz hat Russland vor einem Angriff gewarnt",
            # "hatte das Treffen als „historischen Gipfel“ bezeichnet"); the others are the present
            # tense's form above ("erklärt", "betont", "kritisiert")
            "bezeichnet",
            "gewarnt",
            "gefordert",
            "angekündigt",
            "unterstrichen",
            "geäußert",
        ),
        after_quote=("so",),
        after_name=("laut", "so"),
        source=r"Wie\s+(?P<who>[^.!?]{2,80}?)\s+(?:mit)?\w+(?:te|ten)\s*,|"
        r"Nach\s+Angaben\s+(?:(?:von|des|der|aus)\s+)?(?P<by>(?:[A-ZÄÖÜ][\w\-]*\s+){0,3}[A-ZÄÖÜ][\w\-]*)",
        pronouns=("er", "sie"),
        titles=r"[\w\-]*(?:minister(?:in)?|kanzler(?:in)?|politiker(?:in)?|präsident(?:in)?|sprecher(?:in)?|"
        r"sekretär(?:in)?|chef(?:in)?|kommissar(?:in)?|vorsitzende[rn]?|botschafter(?:in)?|beauftragte[rn]?|"
        r"direktor(?:in)?|general|leiter(?:in)?|abgeordnete[rn]?|premier(?:in)?|führer(?:in)?|"
        r"vertreter(?:in)?|befehlshaber(?:in)?|"
        # military ranks and commands ("NATO-Admiral Cavo Dragone", "Generalleutnant", "Oberst")
        r"admiral(?:in)?|generalleutnant|generalmajor|oberst|kommandeur(?:in)?)|"
        r"hohe[rn]?|us-\w+|eu-\w+|herr|frau|dr\.?",
        questions=rf"^(?:{_QUESTION_COMMON}|frage|journalistin|moderatorin|moderation)$",
        answers=r"^(?:a|antwort)$",
        # (and an article in their own name: "Gastbeitrag von Außenministerin …")
        remarks=r"erklärung|rede|pressetermin|pressekonferenz|ansprache|statement|interview|"
        r"bemerkungen|grußwort|gastbeitrag|namensbeitrag|namensartikel",
        first_person=r"(?<!\w)(?:ich|wir|mir|uns|unser\w*|mein\w*)(?!\w)|guten (?:tag|morgen|abend)|"
        r"meine (?:sehr geehrten )?damen",
    ),
    "fr": Language(
        "fr",
        cues=_with_imperfect(
            (
                "déclaré",
                "a dit",
                "déclare",
                "affirmé",
                "affirme",
                "ajouté",
                "ajoute",
                "souligné",
                "souligne",
                "estimé",
                "estime",
                "indiqué",
                "indique",
                "assuré",
                "assure",
                "expliqué",
                "explique",
                "averti",
                "prévenu",
                "insisté",
                "insiste",
                "rappelé",
                "rappelle",
                "martelé",
                "martèle",
                "lancé",
                "selon",
                "jugé",
                "réagi",
                "écrit",
                "annoncé",
                "annonce",
                "confirmé",
                "précisé",
                "précise",
                "salué",
                "condamné",
                "condamne",
                "a-t-il",
                "a-t-elle",
                "déclare-t-il",
                "appelé",
                "appelle",
                "plaidé",
                "exhorté",
                "réaffirmé",
                "réaffirme",
                "dit-il",
                "dit-elle",
                "exprimé",
                "exprime",
                "remercié",
                "remercie",
                "réitéré",
                "réitère",
                "dénoncé",
                "dénonce",
                "répété",
                "promis",
                "demandé",
                "reconnu",
                "regretté",
                "déploré",
                "qualifié",
                "qualifie",
                "qualifient",
                # a retort ("Barrot a riposté en justifiant …", "a rétorqué", "a répliqué")
                "riposté",
                "rétorqué",
                "répliqué",
                "répondu",
                "confié",
                "prévenu",
                # the present of an incise after a quotation ("« … », tranche X", "« … », juge pour sa
                # part le chancelier"), and its participle
                "juge",
                "tranche",
                "tranché",
                "poursuit",
                "résume",
                "résumé",
                "ironise",
                "ironisé",
                "confie",
                "observe",
                "observé",
                "commente",
                "commenté",
                "conclut",
                "conclu",
                "nuance",
                "nuancé",
                "prévient",
                "relève",
                "relevé",
                "reconnaît",
                "admet",
                "déplore",
                "regrette",
                # a charge and a warning ("a accusé l'Occident de « … »", "a mis en garde contre …")
                "accusé",
                "accuse",
                "critiqué",
                "fustigé",
                # a denial, a threat, an admission, a comment, a remark ("a démenti que …", "a menacé de …",
                # "a noté que …")
                "nié",
                "démenti",
                "menacé",
                "admis",
                "commenté",
                "détaillé",
                "observé",
                "noté",
                "mis en garde",
                # a hint ("a laissé entendre que l'UE serait bientôt concernée")
                "laissé entendre",
                "laisse entendre",
                # the present participle that goes on from a cue: "…, indiquant que …"
                "indiquant",
                "estimant",
                "soulignant",
                "ajoutant",
                "affirmant",
                "expliquant",
                "assurant",
                "précisant",
                "rappelant",
                "jugeant",
                "déclarant",
                "dénonçant",
                "insistant",
                "qualifiant",
                "décrivant",
                "accusant",
                # a position renewed, a thanks, a welcome, a call made in passing, a proposal ("… a
                # marqué les 500 jours en réitérant le soutien du Parlement", "a proposé la création de …")
                "réitérant",
                "réaffirmant",
                "remerciant",
                "saluant",
                "condamnant",
                "exprimant",
                "appelant",
                "exhortant",
                "annonçant",
                "proposé",
                "propose",
                # going on, concluding, backing up, describing, citing, noting, summing up, retorting
                # ("a poursuivi", "a-t-elle étayé", "avait dépeint la Russie comme …", "a cité …")
                "poursuivi",
                "poursuit",
                "conclu",
                "conclut",
                "étayé",
                "dépeint",
                "décrit",
                "cité",
                "relevé",
                "relève",
                "signalé",
                "signale",
                "mentionné",
                "raconté",
                "résumé",
                "ironisé",
                "tranché",
                "lâché",
                "asséné",
                "clamé",
                "exigé",
                "exige",
                "réclamé",
                "réclame",
                "développé",
                "argumenté",
                "répond",
                "rétorque",
                "réplique",
                "fait savoir",
                "fait valoir",
                # the reflexive verbs of saying ("s'est dit prêt à …", "s'est félicité de …")
                "s'est dit",
                "s’est dit",
                "s'est félicité",
                "s’est félicité",
                "s'est inquiété",
                "s’est inquiété",
                "s'est alarmé",
                "s’est alarmé",
                "s'est insurgé",
                "s’est insurgé",
                "se félicite",
                "s'inquiète",
                "s’inquiète",
                # the imperfect of the irregular ones (the regular ones' below: "qualifiait")
                "disait",
                "disaient",
                "écrivait",
                "répondait",
                "reconnaissait",
                "poursuivait",
                "concluait",
                "décrivait",
                "dépeignait",
                "prévenait",
                "avertissait",
            )
        ),
        after_name=("selon",),
        incise=r"\w+(?:-t)?-(?:il|elle|ils|elles)",
        source=r"(?:Comme\s+l['’](?:a|ont)\s+\w+|Pour|D['’]après)\s+(?P<who>[^,.!?«»]{2,60}),",
        subject_first=True,
        participle=r"\w+ant",
        determiners=(
            "l'",
            "l’",
            "d'",
            "d’",
            "la ",
            "le ",
            "les ",
            "une ",
            "un ",
            "son ",
            "sa ",
            "ses ",
            "cette ",
            "des ",
            "du ",
            "leur ",
        ),
        # and the demonstratives that point back to the one just named ("Celle-ci a accusé …", "Ce
        # dernier a noté …")
        pronouns=("il", "elle", "celle-ci", "celui-ci", "ce dernier", "cette dernière"),
        titles=r"(?:le|la|les|l'|du|de|des|d')|président(?:e)?|ministre|premier|première|secrétaire|"
        r"porte-parole|chef(?:fe)?|commissaire|ambassadeur|ambassadrice|général(?:e)?|"
        r"directeur|directrice|chancelier|chancelière|haut|haute|représentant(?:e)?|"
        r"m\.|mme|monsieur|madame|état|affaires|étrangères|d'état|adjoint(?:e)?|"
        r"sous-secrétaire|conseiller|conseillère|amiral|colonel|commandant(?:e)?|"
        r"l['’](?:ambassadeur|ambassadrice|amiral)|"  # (elided: "L'amiral Pierre Leroy a déclaré")
        # the state's adjective between the office and the name ("le Premier ministre britannique
        # Keir Starmer", "la ministre allemande Annalena Baerbock")
        r"américaine?|britannique|russe|chinoise?|allemande?|française?|ukrainienne?|ukrainien|"
        r"japonaise?|(?:sud-|nord-)?coréenne?|(?:sud-|nord-)?coréen|israélienne?|israélien|iranienne?|"
        r"iranien|italienne?|italien|espagnole?|polonaise?|turque?|turc|indienne?|indien|européenne?|"
        r"européen|canadienne?|canadien|taïwanaise?|belge|néerlandaise?|suisse|hongroise?|"
        r"palestinienne?|palestinien|libanaise?|syrienne?|syrien|biélorusse|saoudienne?|saoudien",
        questions=rf"^(?:{_QUESTION_COMMON}|journaliste|modérateur|modératrice|intervenant)$",
        answers=r"^(?:a|r|réponse)$",
        remarks=r"déclaration|communiqué|discours|conférence de presse|point de presse|allocution|entretien|"
        r"intervention|propos|vœux|tribune|interview",
        first_person=r"(?<!\w)(?:je|j\'|nous|notre|nos|mon|ma|mes)(?!\w)|mesdames|bonjour|bonsoir|chers|merci",
    ),
    "ru": Language(
        "ru",
        cues=(
            "заявил*",
            "сказал*",
            "отметил*",
            "подчеркнул*",
            "добавил*",
            "сообщил*",
            "заявляет",
            "говорит",
            "указал*",
            "пояснил*",
            "предупредил*",
            "по словам",
            "по его словам",
            "по ее словам",
            "по её словам",
            "призвал*",
            "назвал*",
            "выразил*",
            "констатировал*",
            "заверил*",
            "напомнил*",
            "уточнил*",
            "признал*",
            "ответил*",
            "написал*",
            "говорится",
            "осудил*",
            "приветствовал*",
            "поблагодарил*",
            # a promise, a demand, a charge, a denial, an account, a comment ("пообещал, что …",
            # "обвинил Запад в …", "опроверг сообщения о …", "рассказал журналистам, что …"), and
            # the present tense of reporting ("отмечает", "подчеркивает", "утверждает")
            "пообещал*",
            "потребовал*",
            "обвинил*",
            "опроверг*",
            "отверг*",
            "рассказал*",
            "объяснил*",
            "прокомментировал*",
            "объявил*",
            "пригрозил*",
            "раскритиковал*",
            "заметил*",
            "возразил*",
            "парировал*",
            "настаивал*",
            "посетовал*",
            "отмечает",
            "подчеркивает",
            "подчёркивает",
            "утверждает",
            "пишет",
        ),
        after_name=("по словам",),
        source=r"Как\s+(?:\w+л[аио]?|пиш[еу]т|сообща[ею]т|переда[ёе]т|передают|отмечает)\s+(?P<who>[^,.!?]{2,60}),",
        pronouns=("он", "она"),
        titles=r"министр\w*|президент\w*|премьер\w*|глав\w*|пресс-секретар\w*|представител\w*|"
        r"официальн\w*|посол|посла|госсекретар\w*|канцлер\w*|генеральн\w*|секретар\w*|"
        r"заместител\w*|председател\w*|директор\w*|советник\w*|иностранных|дел|"
        r"спикер\w*|депутат\w*|верховн\w*|адмирал\w*|генерал\w*|командующ\w*|"
        # the state's adjective before the office ("британский премьер Кир Стармер")
        r"(?:американск|британск|российск|китайск|немецк|французск|украинск|японск|южнокорейск|"
        r"северокорейск|израильск|иранск|европейск|польск|турецк|белорусск)\w*",
        questions=r"^(?:вопрос|журналист|корреспондент|модератор|q)$",
        answers=r"^(?:ответ|а)$",
        # ("Вступительное слово Министра …": the opening words of talks)
        remarks=r"заявлени|выступлени|пресс-конференц|брифинг|интервью|обращени|речь|замечани|послани|"
        r"вступительн\w* слов|статья",
        first_person=r"(?<!\w)(?:я|мы|нас|нам|наш\w*|мой|мне|меня)(?!\w)|спасибо|добрый|уважаем",
    ),
    "zh": Language(
        "zh",
        cues=(
            "表示",
            "说",
            "說",
            "指出",
            "强调",
            "強調",
            "称",
            "稱",
            "表明",
            "宣布",
            "宣佈",
            "回应",
            "回應",
            "重申",
            "透露",
            "提到",
            "坦言",
            "直言",
            "警告",
            "呼吁",
            "呼籲",
            "声称",
            "聲稱",
            "答问",
            "答問",
            "介绍",
            "介紹",
            "主张",
            "主張",
            # a vow, a criticism, a view, an urging: "中国誓言将“奉陪到底”", "北京批评华盛顿在进行“经济霸凌”"
            "誓言",
            "批评",
            "批評",
            "认为",
            "認為",
            "敦促",
            "谴责",
            "譴責",
            "反问",
            "反問",
            "承诺",
            "承諾",
            "补充",
            "補充",
            "形容",
            "嗆",
            # a statement issued: "美國國務院發言人米勒…發表聲明,中國海警…"
            "发表声明",
            "發表聲明",
            "发表谈话",
            "發表談話",
            # a charge, a denial, a rebuttal, an attack, a reminder, a view expressed ("北京指責華盛頓…",
            # "外交部否認…", "…表達關切")
            "指责",
            "指責",
            "否认",
            "否認",
            "驳斥",
            "駁斥",
            "抨击",
            "抨擊",
            # an explanation, an admission, a clarification, a rebuttal, words written ("…解釋說",
            # "…坦承", "…澄清", "…反駁", "…在社交媒體上寫道")
            "解释",
            "解釋",
            "坦承",
            "承认",
            "承認",
            "澄清",
            "反驳",
            "反駁",
            "写道",
            "寫道",
            # words told to someone ("王毅告訴拉夫羅夫，北京將“…”")
            "告诉",
            "告訴",
            "提醒",
            "表达",
            "表達",
            # as someone said ("正如馬可仕所言，「…」")
            "所言",
            # a claim, an allegation, words declared, a sharp criticism, a position taken, words
            # called out to someone, a confirmation, words touching on something ("她宣稱，…",
            # "北京指稱…", "痛批…", "…表態", "向…喊話", "證實…", "談到…時說")
            "宣称",
            "宣稱",
            "指称",
            "指稱",
            "声言",
            "聲言",
            "痛批",
            "表态",
            "表態",
            "喊话",
            "喊話",
            "证实",
            "證實",
            "谈到",
            "談到",
            # "pointed out" as the next verb of one speaking ("崔尼代還指，…")
            "还指",
            "還指",
            "并指",
            "並指",
        ),
        # (and 该/該 with a title: the one just named, "该部长强调")
        pronouns=(
            "他",
            "她",
            "该部长",
            "該部長",
            "该外长",
            "該外長",
            "该官员",
            "該官員",
            "该发言人",
            "該發言人",
            "该大使",
            "該大使",
            "该总统",
            "該總統",
        ),
        # (not 说明, 称为, 道德, 道路: words of their own)
        opens_words=r"[说說](?![服法明话話客书書])|[称稱](?![为為赞讚号號])|道(?![德路歉理])",
        questions=r"^(?:问|問|记者|記者|提问|提問|主持人|q)$",
        answers=r"^(?:答|回答|a)$",
        spaced=False,
        # (a speech, answers to the press, a signed article, a New Year's message)
        remarks=r"講話|讲话|談話|谈话|致詞|致辞|聲明|声明|記者會|记者会|專訪|专访|演說|演说|答问|答問|"
        r"演讲|演講|答记者问|答記者問|署名文章|贺词|賀詞",
        first_person=r"我|謝謝|谢谢|各位",
    ),
    "ja": Language(
        "ja",
        cues=(
            "述べ",
            "語っ",
            "語り",
            "話し",
            "強調",
            "表明",
            "説明し",
            "明らかにし",
            "指摘",
            "訴え",
            "発言し",
            "言及し",
            "主張し",
            "批判し",
            # an assessment, a look back, a call, a message passed on ("…高まったと評価した",
            # "…行われていると振り返った", "…支援の継続を求めた", "…感謝すると伝えた")
            "評価し",
            "振り返っ",
            "求め",
            "呼びかけ",
            "要請し",
            "伝え",
            # an announcement, a statement made plain, a charge, a rebuttal, a denial, a pledge, a
            # demand, a protest, a warning ("…と非難した", "…と反論した", "…と明言した")
            "発表し",
            "明言し",
            "非難し",
            "反論し",
            "否定し",
            "約束し",
            "要求し",
            "抗議し",
            "警告し",
            # a view shown, after the quotative と and の ("…との考えを示しました", "…との見方を示した")
            "の考えを示し",
            "の見方を示し",
            "の認識を示し",
            "の意向を示し",
            # an answer, a post ("…と答えました", "…とXに投稿した")
            "答え",
            "投稿し",
        ),
        # (and 同 with the title it points back with: "同外相は", "同大統領は")
        pronouns=(
            "同氏",
            "同大臣",
            "同長官",
            "彼女",
            "彼",
            "同外相",
            "同首相",
            "同総理",
            "同大統領",
            "同副大統領",
            "同国務長官",
            "同外務大臣",
            "同官房長官",
            "同議長",
            "同代表",
            "同主席",
        ),
        questions=r"^(?:記者|質問|問|司会|幹事社|q)$",
        answers=r"^(?:答|回答|a)$",
        spaced=False,
        topic_particles=("は", "が"),
        remarks=r"会見|談話|発言|挨拶|演説|声明|スピーチ|講演|寄稿|所感|メッセージ",
        first_person=r"私|我々|申し上げ|御報告|ご報告",
    ),
    "ko": Language(
        "ko",
        cues=(
            "말했*",
            "밝혔*",
            "강조했*",
            "설명했*",
            "덧붙였*",
            "지적했*",
            "전했*",
            "언급했*",
            "답했*",
            "주장했*",
            "경고했*",
            "촉구했*",
            "발언했*",
            "비판했*",
            "역설했*",
            "답변했*",
            "말하*",
            "밝히*",
            # an assessment, a forecast, a concern, a rebuttal, a demand, a pledge made clear
            # ("…할 것으로 예상했습니다", "…라는 점을 분명히 했습니다", "…주장을 일축했습니다")
            "예상했*",
            "전망했*",
            "평가했*",
            "분명히 했*",
            "일축했*",
            "반박했*",
            "우려했*",
            "규탄했*",
            "요구했*",
            "요청했*",
            "약속했*",
            "다짐했*",
            "화답했*",
            "당부했*",
            "호소했*",
            "표명했*",
            # a denial, a condemnation, a confirmation, an announcement, a hint, a comment
            "부인했*",
            "비난했*",
            "확인했*",
            "발표했*",
            "시사했*",
            "논평했*",
        ),
        pronouns=("그는", "그녀는", "그가", "그녀가"),
        questions=r"^(?:기자|질문|문|사회자|q)$",
        answers=r"^(?:답|답변|a)$",
        topic_particles=("은", "는", "이", "가"),
        # (an address at a ceremony, a New Year's address, an article in their own name)
        remarks=r"발언|성명|연설|기자회견|브리핑|인터뷰|담화|모두발언|축사|기념사|신년사|기고|메시지",
        first_person=r"(?<!\S)(?:저는|우리는|저희|제가|여러분)",
    ),
    "it": Language(
        "it",
        cues=(
            "ha detto",
            "ha dichiarato",
            "ha affermato",
            "ha aggiunto",
            "ha sottolineato",
            "secondo",
            "ha spiegato",
            "ha ribadito",
            "ha avvertito",
            "ha osservato",
            "dice",
            "afferma",
            "dichiara",
            "sottolinea",
            "ha scritto",
            "ha annunciato",
        ),
        after_name=("secondo",),
        subject_first=True,
        pronouns=("lui", "lei"),
        titles=r"(?:il|la|lo|l'|del|della|di)|presidente|ministr[oa]|premier|segretari[oa]|"
        r"portavoce|capo|commissari[oa]|ambasciat\w+|esteri|degli|affari",
        questions=rf"^(?:{_QUESTION_COMMON}|domanda|giornalista)$",
        answers=r"^(?:r|risposta)$",
        remarks=r"dichiarazione|discorso|conferenza stampa|intervento|intervista",
        first_person=r"(?<!\w)(?:io|noi|nostr\w|mi|ci)(?!\w)|buongiorno|grazie",
    ),
    "es": Language(
        "es",
        cues=(
            "dijo",
            "afirmó",
            "declaró",
            "aseguró",
            "añadió",
            "señaló",
            "según",
            "explicó",
            "advirtió",
            "subrayó",
            "indicó",
            "sostuvo",
            "insistió",
            "manifestó",
            "agregó",
            "escribió",
            "anunció",
            "dice",
            "afirma",
            "asegura",
        ),
        after_name=("según",),
        subject_first=True,
        pronouns=("él", "ella"),
        titles=r"(?:el|la|los|del|de)|president[ae]|ministr[oa]|secretari[oa]|portavoz|jefe|"
        r"comisari[oa]|embajador[a]?|canciller|exteriores|asuntos",
        questions=rf"^(?:{_QUESTION_COMMON}|pregunta|periodista)$",
        answers=r"^(?:r|respuesta)$",
        remarks=r"declaración|discurso|rueda de prensa|conferencia de prensa|intervención|entrevista",
        first_person=r"(?<!\w)(?:yo|nosotros|nuestr\w+|me|mi)(?!\w)|buenos días|gracias",
    ),
}
DRAFTED = ("en", *LANGUAGES)  # the languages drafting reads


class LanguageModelError(RuntimeError):
    """The language identifier is missing or is not the pinned one."""


def _kept_model() -> Path | None:
    """Where the model, decompressed, is kept between runs (beside the prepared briefings)."""
    from dashboard.prepared import folder

    where = folder()
    return None if where is None else where / "langid-model.npz"


def _model_arrays(handle: IO[bytes]) -> tuple[Any, ...]:
    """The model's arrays as py3langid's own loader gives them (`modelio.load_model`)."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(handle, allow_pickle=False) as data:
        return (
            data["ptc"],
            data["pc"],
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            _to_array(data["nextmove_row"]),
            data["out_feat"].tolist(),
        )


def _decompressed(model: Path, kept: Path | None) -> tuple[Any, ...]:
    """The shipped model decompressed (0.4-0.6 s: LZMA), and kept for the next start when it can be."""
    digest = hashlib.sha256(model.read_bytes()).hexdigest() if model.is_file() else "missing"
    if digest != LANGID_MODEL_SHA256:
        raise LanguageModelError(f"{model}: not the pinned py3langid model (sha256 {digest})")
    where = kept.parent if kept is not None else None
    try:
        if where is not None:
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, part = tempfile.mkstemp(dir=where, prefix=".langid-", suffix=".part")  # mode 0600
    except OSError:
        where, kept = None, None
        descriptor, part = tempfile.mkstemp(prefix=".langid-", suffix=".part")
    try:
        with os.fdopen(descriptor, "w+b") as handle:
            with lzma.open(model) as source:
                shutil.copyfileobj(source, handle, length=1 << 20)
            handle.seek(0)
            if hashlib.file_digest(handle, "sha256").hexdigest() != LANGID_ARRAYS_SHA256:
                raise LanguageModelError(f"{model}: does not decompress to the pinned model's arrays")
            handle.seek(0)
            arrays = _model_arrays(handle)
        if kept is not None:
            # a read-only or full cache costs the next start the decompression, nothing more
            with contextlib.suppress(OSError):
                os.replace(part, kept)
        return arrays
    finally:
        Path(part).unlink(missing_ok=True)


def _kept_arrays(kept: Path) -> tuple[Any, ...] | None:
    """The kept model, only when its bytes are the pinned model's: read from the handle that was hashed."""
    try:
        with open(kept, "rb") as handle:
            if hashlib.file_digest(handle, "sha256").hexdigest() != LANGID_ARRAYS_SHA256:
                return None
            handle.seek(0)
            return _model_arrays(handle)
    except (OSError, ValueError, KeyError):
        return None  # missing, or being replaced: decompress the shipped one


@cache
def _identifier() -> Any:
    """py3langid's identifier. The shipped model is LZMA-compressed; decompressing it was most of
    a short article's language check, so the decompressed arrays are kept (checked against their
    own pinned hash before each use, so a changed copy is never read) and read in about 0.15 s."""
    try:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    except ImportError:
        raise LanguageModelError(
            "the language identifier py3langid is not installed: run `make edit` "
            "(it installs the extract extra at the pinned versions)"
        ) from None
    import numpy as np

    kept = _kept_model()
    arrays = _kept_arrays(kept) if kept is not None else None
    if arrays is None:
        arrays = _decompressed(Path(MODEL_DIR) / MODEL_FILE, kept)
    ptc, pc, classes, nextmove, row, output = arrays
    return LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
    )


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")


def script_language(text: str) -> str:
    """'ko', 'ja' or 'zh' when the text is written mostly in that script, else ''."""
    letters = len(_LETTER.findall(text)) or 1
    hangul, kana, han = (len(p.findall(text)) for p in (_HANGUL, _KANA, _HAN))
    if hangul / letters > 0.3:
        return "ko"
    if (kana + han) / letters > 0.3:
        return "ja" if kana / letters > 0.05 else "zh"
    return ""


def identify(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and how sure the identifier is (0–1)."""
    sample = text[:SAMPLE]
    by_script = script_language(sample)
    code, probability = _identifier().classify(sample)
    if by_script:
        return by_script, max(float(probability), 0.9) if code in ("zh", "ja", "ko", "yue", "wuu") else float(
            probability
        )
    return str(code), float(probability)


def name_of(code: str) -> str:
    return NAMES.get(code, code)
