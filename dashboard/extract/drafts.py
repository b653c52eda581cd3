"""Drafts of one article: the source, the actors and the quotations, and the YAML they are written as.

The YAML is a contract (docs/extraction.md, "The extract command and its drafts"): briefing-shaped sections
`sources`, `actors`, `quotes`, each quote with `text`, `start`/`end` (character offsets into the
cleaned text), `source_span`, `cue_span`, `speaker`, `kind`, `is_speech` and `confidence`.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from dashboard.briefing import Briefing
from dashboard.extract.extractor import DraftQuote, extract_from_doc, parse
from dashboard.extract.linking import ActorDraft, ActorIndex, link_speakers
from dashboard.extract.marked import extract_marked, folded_text, russian_forms
from dashboard.extract.nlp import MODEL_PACKAGE, MODEL_VERSION
from dashboard.extract.places import country_name
from dashboard.extract.readers import Article
from dashboard.extract.readers.base import drafted_language
from dashboard.extract.speakers import Speaker
from dashboard.extract.tagger import Tagger
from dashboard.text import fold, slug

FORMAT = "positions-dashboard drafts 1"


@dataclass
class SourceDraft:
    id: str
    title: str
    publisher: str
    published: str  # YYYY-MM-DD or ""
    url: str = ""
    kind: str = "news"
    language: str = "en"
    matched: bool = False


@dataclass
class QuoteDraft:
    id: str
    text: str
    start: int
    end: int
    source_span: dict[str, int] | None
    cue_span: dict[str, int] | None
    speaker: str | None  # an actor id from `actors`, or None when no speaker was found
    kind: str
    is_speech: bool
    confidence: float
    source: str
    speaker_found_by: str
    # Why a reviewer must read this draft before it is accepted: "negation" (the sentence denies or
    # doubts what is reported), "modal", "nested" (a report of someone else's words), "speaker" (the
    # speaker is a guess: a pronoun or description far from its name), "span" (the span's ends are
    # not certain), "repeated" (the article quotes the same words again). A flagged draft is never
    # accepted in bulk.
    flags: list[str] = field(default_factory=list)


@dataclass
class Drafts:
    article: Article
    source: SourceDraft
    actors: list[ActorDraft]
    quotes: list[QuoteDraft]
    briefing: str = ""
    notes: list[str] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> ActorDraft | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def _span(span: tuple[int, int] | None) -> dict[str, int] | None:
    return None if span is None else {"start": span[0], "end": span[1]}


def _source(article: Article, briefing: Briefing | None) -> SourceDraft:
    published = article.published.isoformat() if article.published else ""
    if briefing is not None:
        sources = briefing.sources.astype(object)
        for record in sources.where(sources.notna(), None).to_dict("records"):
            same_url = article.url and record.get("url") == article.url
            same_title = article.title and fold(str(record.get("title") or "")) == fold(article.title)
            if same_url or same_title:
                when = record.get("published")
                return SourceDraft(
                    str(record["id"]),
                    str(record["title"]),
                    str(record["publisher"]),
                    str(when)[:10] if when is not None else published,
                    str(record.get("url") or ""),
                    str(record.get("kind") or "news"),
                    str(record.get("language") or "en"),
                    matched=True,
                )
    taken = set(briefing.sources["id"].astype(str)) if briefing is not None else set()
    stem = article.title or Path(article.name).stem or "article"
    source_id = slug(f"article-{published}-{stem}" if published else f"article-{stem}", taken)[:80]
    return SourceDraft(source_id, article.title, article.publisher, published, article.url)


def _not_the_spokespersons_state(quotes: list[QuoteDraft], actors: Any) -> list[QuoteDraft]:
    """Inside an answer of a transcript, the state the spokesperson speaks for ("China always
    supports dialogue", "China has urged ...", said by China's spokesperson) and the bodies of that
    state ("the Ministry once again advises Chinese nationals ...") are the answer itself, not a
    statement apart (benchmarks/devsets/README.md, house reading of 2026-12-07). A person of that
    state ("President Xi said ...") is a third party, whose words are their own statement."""
    by_id = {a.id: a for a in actors}
    turns = [(q.start, q.end, by_id.get(q.speaker or "")) for q in quotes if q.speaker_found_by == "turn"]
    kept = []
    for quote in quotes:
        owner = next(
            (a for s, e, a in turns if s <= quote.start < e and quote.speaker_found_by != "turn"), None
        )
        said_by = by_id.get(quote.speaker or "")
        if owner is not None and owner.represents and said_by is not None:
            body = said_by.kind in ("organization", "state") and said_by.represents == owner.represents
            if said_by.id == owner.represents or body:
                continue
        kept.append(quote)
    return kept


def _described_as_the_briefing_names(
    quotes: list[QuoteDraft], text: str, index: ActorIndex, actors: list[ActorDraft]
) -> None:
    """A speaker read from a description the briefing gives an actor as a name ("the
    Secretary-General", an alias of António Guterres) is that actor, where the description was
    taken for someone the briefing does not hold: a person named before it ("Annalena Baerbock
    ..., the President of the UN General Assembly"; "Major General Robert Yaw Affram"), whose
    office the description does not name. A "he" or a continuation after it that went to the
    same someone is the actor too, until that someone is named again. The drafts keep their
    flag: the analyst confirms the speaker."""
    by_id = {a.id: a for a in actors}
    instead: dict[str, ActorDraft] = {}  # a proposed actor's id -> the briefing's, for now
    for quote in sorted(quotes, key=lambda q: q.start):
        actor = by_id.get(quote.speaker or "")
        if actor is None or actor.matched:
            continue
        how = quote.speaker_found_by
        if how in ("pronoun", "continued") and actor.id in instead:
            quote.speaker = instead[actor.id].id
            if "speaker" not in quote.flags:
                quote.flags.append("speaker")
            continue
        instead.pop(actor.id, None)  # named again, or described otherwise
        if how != "description" or quote.source_span is None:
            continue
        said = text[quote.source_span["start"] : quote.source_span["end"]]
        key = re.sub(r"^the ", "", fold(said.strip()))
        held = set(index.by_name.get(key, []))
        if fold(actor.name) == key or len(held) != 1:
            continue  # the description is nobody's name in the briefing, or several actors'
        record = index.records[held.pop()]
        known = by_id.get(str(record["id"]))
        if known is None:
            known = ActorDraft.of_record(
                record, "exact" if re.sub(r"^the ", "", fold(str(record["name"]))) == key else "alias", 100.0
            )
            actors.append(known)
            by_id[known.id] = known
        instead[actor.id] = known
        quote.speaker = known.id
        if "speaker" not in quote.flags:
            quote.flags.append("speaker")


def _once_per_speaker(quotes: list[QuoteDraft]) -> list[QuoteDraft]:
    """One draft per statement and speaker: a joint subject whose parts link to one actor
    ("Chinese ministries ..., including the Ministry of National Defense": China twice) gives
    that actor the statement once."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for quote in quotes:
        key = (quote.start, quote.end, quote.speaker or "")
        if quote.speaker is not None and key in seen:
            continue
        seen.add(key)
        kept.append(quote)
    return kept


def _words_of(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


def _flag_repeated(quotes: list[QuoteDraft]) -> None:
    """One draft per statement: a quotation whose words the article quotes again, whole or inside
    a longer quotation (a standfirst's quotation repeated in the body), is flagged "repeated", so
    the analyst keeps one of them and bulk accept takes neither."""
    marked = [(q, _words_of(q.text)) for q in quotes if q.kind in ("direct", "partial")]
    for quote, words in marked:
        if len(words.split()) < 2 or "repeated" in quote.flags:
            continue
        if any(other is not quote and words in again for other, again in marked):
            quote.flags.append("repeated")


def _link_marked(
    found: list[DraftQuote], named: dict[str, dict[str, object]], index: ActorIndex, hows: dict[str, str]
) -> dict[str, ActorDraft]:
    """Actors of speakers drafted without a parse: the briefing's actor found by name or alias (or
    by the index's other rungs, a surname, a role, a state, each labelled with its own reason for
    the review desk and bulk accept), else one proposed by the name as the article writes it (in
    its own script)."""
    out: dict[str, ActorDraft] = {}
    taken = index.ids()
    for quote in found:
        speaker = quote.speaker
        if speaker is None or speaker.key in out:
            continue
        record = named.get(speaker.key)
        how, score = "", 100.0
        if record is None:
            match = index.match(speaker)
            if match is not None:  # the match's own reason: a shared surname, a role, a state ...
                record, how, score = match
        if record is not None:
            hows[speaker.key] = how or (
                "exact" if fold(str(record["name"])) == fold(speaker.name) else "alias"
            )
            already = next((a for a in out.values() if a.id == str(record["id"])), None)
            out[speaker.key] = already or ActorDraft.of_record(record, hows[speaker.key], score)
            continue
        hows[speaker.key] = "new"
        # a state by its name or capital ("Pyongyang"), a body ("통일부"), else a person
        name = country_name(speaker.state) if speaker.kind == "place" and speaker.state else speaker.name
        kind = {"place": "state", "organization": "organization"}.get(speaker.kind, "official")
        actor_id = slug(name, taken) or slug("speaker", taken)
        taken.add(actor_id)
        drafted = ActorDraft(actor_id, name, kind, speaker.role if kind == "official" else "", match="new")
        if kind in ("official", "organization"):
            # "캐나다 외교장관", "министр иностранных дел Канады", "法国外长": the state the role names
            drafted.represents = _state_named_in(f"{speaker.role} {speaker.name}", index)
        if name != speaker.name:
            drafted.mentions.append(speaker.name)
        out[speaker.key] = drafted
    return out


def _state_named_in(words: str, index: ActorIndex) -> str:
    """The id of the briefing's one state a speaker's role or name names, by the state's name or an
    alias in any script (a whole word where words have spaces), or ""."""
    folded = folded_text(words)
    found: set[str] = set()
    for record in index.records:
        if record.get("kind") != "state":
            continue
        aliases = record.get("aliases")
        listed = [str(a) for a in aliases] if isinstance(aliases, list | tuple) else []
        names = [folded_text(name).strip() for name in (str(record["name"]), *listed)]
        for key in [form for name in names if name for form in russian_forms(name)]:
            if len(key) < 2:
                continue
            spaced = re.match(r"[\w\-]", key[0]) and not re.match(r"[\u3040-\u9fff\uac00-\ud7af]", key[0])
            pattern = rf"(?<!\w){re.escape(key)}(?!\w)" if spaced else re.escape(key)
            if re.search(pattern, folded):
                found.add(str(record["id"]))
    return found.pop() if len(found) == 1 else ""


# Over the complexity cap: one pass over the article's stages (quotes, speakers, links, source), each a
# guarded step.
def draft(  # noqa: C901
    article: Article,
    briefing: Briefing | None = None,
    briefing_id: str = "",
    tagger: Tagger | None = None,
) -> Drafts:
    """Everything `python -m dashboard extract` and the review view start from."""
    language = article.language or drafted_language(article.text, article.name)
    article = replace(article, language=language)
    index = ActorIndex(briefing.actors if briefing is not None else None)
    hows: dict[str, str] = {}  # how each speaker, as this article names it, was linked
    if language == "en":
        found: list[DraftQuote] = extract_from_doc(parse(article.text), tagger)
        speakers: dict[str, Speaker] = {}
        for quote in found:
            if quote.speaker is not None:
                speakers.setdefault(quote.speaker.key, quote.speaker)
        actors_by_key = link_speakers(list(speakers.values()), index, hows)
    else:
        found, named = extract_marked(
            article.text, language, briefing.actors if briefing is not None else None
        )
        actors_by_key = _link_marked(found, named, index, hows)
    source = _source(article, briefing)
    source.language = source.language if source.matched else language
    quotes: list[QuoteDraft] = []
    for n, found_quote in enumerate(found, start=1):
        speaker = found_quote.speaker
        actor = actors_by_key.get(speaker.key) if speaker is not None else None
        weak = speaker is not None and hows.get(speaker.key) not in (
            "exact",
            "alias",
            "surname",
            "fuller name",
            "new",
        )
        if (
            actor is not None
            and "speaker" not in found_quote.flags
            and (weak or (not actor.matched and found_quote.how == "short-name"))
        ):
            # a surname taken for someone the briefing lacks, or a link by description, role,
            # state or a close spelling: the analyst confirms the speaker
            found_quote.flags.append("speaker")
        quotes.append(
            QuoteDraft(
                f"d{n:03d}",
                found_quote.text,
                found_quote.start,
                found_quote.end,
                _span(found_quote.source_span),
                _span(found_quote.cue_span),
                actor.id if actor else None,
                found_quote.kind,
                found_quote.is_speech,
                round(float(found_quote.confidence), 2),
                source.id,
                found_quote.how,
                list(found_quote.flags),
            )
        )
    actors: list[ActorDraft] = []
    for actor in actors_by_key.values():
        if actor not in actors:
            actors.append(actor)
    proposed = {a.id for a in actors if not a.matched}
    _described_as_the_briefing_names(quotes, article.text, index, actors)
    # an actor proposed only for the descriptions just given to the briefing's own is no one's
    spoken = {q.speaker for q in quotes}
    actors = [a for a in actors if a.id not in proposed or a.id in spoken]
    quotes = _not_the_spokespersons_state(quotes, actors)
    quotes = _once_per_speaker(quotes)
    _flag_repeated(quotes)
    for actor in actors:
        actor.mentions = []
    for record in quotes:  # how the article named each speaker where it spoke: "Lu", "he"
        actor = next((a for a in actors if a.id == record.speaker), None)
        if actor is not None and record.source_span is not None:
            said = article.text[record.source_span["start"] : record.source_span["end"]]
            if said not in actor.mentions:
                actor.mentions.append(said)
    notes = []
    if not article.title:
        notes.append("the file gives no title: supply one")
    if not article.publisher:
        notes.append("the file names no publisher: supply one")
    if not article.published:
        notes.append("the file gives no publication date: supply one")
    return Drafts(article, source, actors, quotes, briefing_id, notes)


def to_document(drafts: Drafts) -> dict[str, Any]:
    text = drafts.article.text
    actors = []
    for actor in drafts.actors:
        record = {k: v for k, v in asdict(actor).items() if v not in ("", [], None) or k == "matched"}
        actors.append(record)
    return {
        "format": FORMAT,
        "drafted_from": {
            "file": drafts.article.name,
            "characters": len(text),
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "briefing": drafts.briefing or None,
            "language": drafts.article.language or drafts.source.language,
            "model": f"{MODEL_PACKAGE} {MODEL_VERSION}"
            if (drafts.article.language or "en") == "en"
            else "quotation marks and cue words, no parse (dashboard/extract/marked.py)",
        },
        "notes": drafts.notes,
        "sources": [asdict(drafts.source)],
        "actors": actors,
        "quotes": [asdict(q) for q in drafts.quotes],
    }


def _atomic_write_text(path: Path, content: str) -> None:
    """Write a file whole or not at all (aside, then renamed into place). A device or a pipe named
    as the output (`-o /dev/null`, `-o /dev/stdout`) is written to as it is: renaming a file onto
    it would replace the device itself."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as out:
            out.write(content)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dump(drafts: Drafts) -> str:
    header = (
        f"# Drafts from {drafts.article.name or 'pasted text'}: review every record before it goes\n"
        "# into a briefing. Offsets index the cleaned text (for .txt input: the file itself).\n"
    )
    body = str(yaml.safe_dump(to_document(drafts), allow_unicode=True, sort_keys=False, width=100))
    return header + body


def write_drafts(drafts: Drafts, path: Path) -> None:
    _atomic_write_text(path, dump(drafts))


def write_text(text: str, path: Path) -> None:
    _atomic_write_text(path, text)


def spans_are_verbatim(drafts: Drafts) -> bool:
    text = drafts.article.text
    return all(text[q.start : q.end] == q.text for q in drafts.quotes)
