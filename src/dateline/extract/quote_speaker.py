"""Who a quote belongs to: from the parse token that names the speaker to a `Source`.

The entities extractor runs first and owns names and coreference; `entity_at` asks it which
entity has a mention at a character range ("he", "the top diplomat", "Lavrov's"). When it
does not know (or is not there), we fall back on the words themselves: the named-entity span,
a fuller form of the same surname seen earlier, or the article's own phrase for an unnamed
source ("the authorities"). Pronouns and definite role nouns it cannot resolve are marked
so that the caller can give them the previous speaker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from ..record import Article, Source, make_span
from . import entities as entities_module
from . import entity_lexicon
from .entity_base import name_stops_at
from .entity_coref import has_words, portfolio
from .quote_lexicon import Lexicon

NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "i", "me", "we", "us"}
PRONOUNS_OTHER = {"it", "its", "they", "them", "their"}
QUANTIFIERS = {"some", "several", "many", "one", "most", "all", "few", "none", "each", "both", "two", "three",
               "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "others"}  # fmt: skip
# "One MP told the BBC", "another MP": a determiner that introduces someone new, never a name's own word
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "many", "two", "three", "few", "other"})
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "npadvmod", "predet"}


@dataclass
class Speaker:
    """A resolved or partly resolved speaker.

    kind: named | pronoun | nominal (definite role noun: "the ambassador") | unnamed |
    document (a channel noun as subject: "the letter noted").
    """

    source: Source
    kind: str
    etype: str | None = None
    channel: str | None = None
    author: Speaker | None = None  # for a document: its author when the text names it ("Lavrov's letter")
    fallback: Source | None = None  # for a pronoun: the entities extractor's reading of it


def entity_lookup() -> Callable[[Article, int, int], Any] | None:
    """The entities extractor's `entity_at`, when it exists (it is written concurrently)."""
    return getattr(entities_module, "entity_at", None)


def _entity(article: Article, start: int, end: int) -> Any:
    lookup = entity_lookup()
    if lookup is None:
        return None
    try:
        return lookup(article, start, end)
    except Exception:  # noqa: BLE001 - a failing lookup must not lose the quote
        return None


def _head_entity(article: Article, head: Token, *ranges: tuple[int, int]) -> Any:
    """The entity at the first range that has it, if one of its mentions covers the head word.

    `entity_at` also answers with a mere overlap; "Saudi officials" overlaps the NORP "Saudi"
    but is not that entity, so the head word must be inside one of the entity's mentions.
    """
    h_start, h_end = head.idx, head.idx + len(head)
    for start, end in ranges:
        ent = _entity(article, start, end)
        if ent is None:
            continue
        if any(m.start <= h_start and h_end <= m.end for m in getattr(ent, "mentions", ())):
            return ent
    return None


def _source(ent: Any, span: Any) -> Source:
    """An entity's name, or the article's phrase when the entity is only a description ("the government")."""
    name = ent.name if any(ch.isupper() for ch in ent.name) else span.text
    return Source(name=name, entity=ent.id, mention=span)


_last_index: list = [None, None]  # (doc, its index): quotes and stances ask for the same doc in turn


def name_index(doc: Doc) -> dict[str, str]:
    """Each word of a multi-word PERSON/ORG name -> the fullest such name containing it.

    Lets "Lavrov", "Sir Digby" or "Democrats" be named by the fuller form the article used
    ("Sergey Lavrov", "Digby Jones", "Liberal Democrats") when the entities extractor cannot say.
    The last doc's index is kept, so the quotes and stances extractors build it once.
    """
    if _last_index[0] is doc:
        return _last_index[1]
    index: dict[str, str] = {}
    rank: dict[str, tuple[bool, int]] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or len(ent) < 2:
            continue
        a, b = _ent_span(ent.root) or (ent.start, ent.end - 1)
        full = _clean_name(doc[a : b + 1].text)
        words = full.split()
        for word in words:
            # a person's surname names that person before any longer name that merely contains it
            # ("Day said" is Doris Day, not the Doris Day Animal Foundation)
            key = (ent.label_ == "PERSON" and word == words[-1], len(full))
            if word[:1].isupper() and (word not in index or key > rank[word]):
                index[word], rank[word] = full, key
    _last_index[:] = [doc, index]
    return index


def fuller_name(name: str, names: dict[str, str]) -> str:
    """The fullest known name containing every word of `name` ("Sir Digby" -> "Digby Jones")."""
    words = name.split()
    candidates = {names[w] for w in words if w in names}
    for full in sorted(candidates, key=len, reverse=True):
        full_words = set(full.split())
        missing = [w for w in words if w not in full_words]
        # at most one word of ours missing, and only a title: not "Aviation Herald" -> "Centre for Aviation"
        if len(full) > len(name) and len(missing) < len(words) and len(missing) <= 1 and all(map(_title_word, missing)):
            return full
    return name


def _title_word(word: str) -> bool:
    """An honorific or a one-word title ("Sir", "Mr.", "President"), which a fuller name may leave out."""
    table = entity_lexicon.titles()
    low = word.lower().rstrip(".")
    return low in table.honorifics or (low,) in table.phrases or (low,) in table.weak


def _clean_name(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range [a, b] of the noun phrase headed by `tok`, without relative clauses or appositives."""
    a = tok.i
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS or child.dep_ == "punct" and child.i == tok.i - 1:
            a = min(a, child.left_edge.i)
    b = tok.i
    # "Some of the protesters", "the head of state", "Most of those polled"
    if tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "DET") or tok.lower_ in QUANTIFIERS:
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                b = max(b, noun_phrase(pobj)[1] if pobj is not None else child.i)
    for child in tok.rights:
        if child.dep_ == "compound" or (child.dep_ == "flat"):
            b = max(b, child.i)
    doc = tok.doc
    for i in range(tok.i - 1, a - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            a = i + 1
            break
    while a < tok.i and (doc[a].is_punct or doc[a].is_space):
        a += 1
    return a, b


def _ent_span(tok: Token) -> tuple[int, int] | None:
    """Token range of the named entity containing tok, if any."""
    if not tok.ent_type_:
        return None
    a = tok.i
    while a > 0 and tok.doc[a].ent_iob_ == "I":
        a -= 1
    b = tok.i
    while b + 1 < len(tok.doc) and tok.doc[b + 1].ent_iob_ == "I":
        b += 1
    while b > a and tok.doc[b].tag_ == "POS":
        b -= 1
    b = next((i - 1 for i in range(tok.i + 1, b + 1) if name_stops_at(tok.doc[i])), b)
    # "the Liberal Democrats": a name word attached to the head but tagged as another entity
    for child in reversed(list(tok.doc[a].lefts) if a == tok.i else []):
        if (
            child.i == a - 1
            and child.ent_type_ == "NORP"
            and tok.ent_type_ in ("ORG", "NORP")
            and child.pos_ == "PROPN"
        ):
            a = child.i
    if tok.doc[a].lower_ == "the" and b > a:
        a += 1
    # "First Minister of Scotland Nicola Sturgeon" tagged as one name: keep the head's own chain
    if a < tok.i:  # the chain is read only when the name starts before tok: skip walking the subtree otherwise
        chain = {tok.i} | {c.i for c in tok.subtree if c.dep_ in ("compound", "flat") and c.head.i in range(a, b + 1)}
        while a < tok.i and a not in chain and tok.doc[a].head.i not in chain:
            a += 1
    return a, b


def _common_head(tok: Token) -> bool:
    """A title or role heading the subject ("spokesperson", "Shadow Secretary"), not a name."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ in person_roles())


def _appositive_name(tok: Token) -> Token | None:
    """ "The Shadow Secretary of State for the Family, Theresa May, said": the name in apposition. A person's
    name in apposition to the head itself comes first ("The general secretary of the RMT union (Rail,
    Maritime and Transport), Mick Cash, said": not the union's expansion)."""
    found = []
    for d in tok.subtree:
        if d.i <= tok.i or d.dep_ != "appos" or d.pos_ != "PROPN":
            continue
        if d.i - tok.i > (20 if d.head.i == tok.i else 12):  # the head's own apposition may follow a long title
            continue
        if d.ent_type_ == "PERSON" or (_common_head(tok) and d.ent_type_ in ("", "ORG")):
            if not any(t.pos_ == "VERB" for t in tok.doc[tok.i : d.i]):
                found.append(d)
    found.sort(key=lambda d: (d.head.i != tok.i or d.ent_type_ != "PERSON", d.ent_type_ != "PERSON", d.i))
    return found[0] if found else None


def _named_as(tok: Token) -> Token | None:
    """ "A university student named Wong said": the name the description goes by."""
    for acl in tok.rights:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("name", "call") and acl.i == tok.i + 1:
            name = next((c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj") and c.pos_ == "PROPN"), None)
            if name is not None:
                return name
    return None


def document_before(it: Token, lex: Lexicon) -> Token | None:
    """The document "it" stands for: the last channel noun (statement, letter, report) before it in its sentence
    or the one before, when one was issued there ("released a statement. It read ...")."""
    if it.lower_ != "it":
        return None
    doc = it.doc
    start = doc[it.sent.start - 1].sent.start if it.sent.start > 0 else 0
    for tok in reversed(doc[start : it.i]):
        issued = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ISSUING  # not "rejected the report"
        if tok.pos_ == "NOUN" and (issued or tok.dep_ in ("nsubj", "nsubjpass")) and channel_of(tok, lex):
            return tok if lex.channels.get(tok.lemma_.lower()) not in ("tweet", "post", "interview") else None
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            return None  # "The company said profits fell. It said ...": the company, named after any document
    return None


def channel_of(tok: Token, lex: Lexicon) -> str | None:
    """Channel label when tok heads a channel noun phrase ("a telephone interview" -> interview)."""
    if tok.pos_ == "PROPN" and tok.lower_ in lex.channels:
        return lex.channels[tok.lower_]  # a platform by name ("on Twitter"), whatever type the tagger gave it
    if tok.ent_type_ and tok.ent_type_ not in ("ORG", "PRODUCT"):
        return None  # "Article 5 of the NATO treaty" is a law, not an article
    for child in tok.lefts:
        if child.dep_ == "compound":
            two = f"{child.lemma_.lower()} {tok.lemma_.lower()}"
            if two in lex.channels:
                return lex.channels[two]
    return lex.channels.get(tok.lemma_.lower()) or lex.channels.get(tok.lower_)


def _et_al(tok: Token, text: str) -> Speaker:
    """ "Stamenković et al. found": the authors, named by the first one's name and "et al."."""
    doc = tok.doc
    a = tok.i - 2
    while a - 1 >= 0 and doc[a - 1].pos_ == "PROPN" and not doc[a - 1].whitespace_ == "":
        a -= 1
    end = tok.idx + len(tok)
    if end < len(text) and text[end] == "." and not tok.text.endswith("."):
        end += 1
    span = make_span(text, doc[a].idx, end)
    return Speaker(Source(name=span.text, mention=span), "named", "PERSON")


def _name_word(tok: Token, names: dict[str, str]) -> bool:
    """A capitalized common noun mid-sentence that the article also uses inside a name: a surname the
    tagger took for a word ("Day said", "Rice added" after "Doris Day", "Condoleezza Rice")."""
    return tok.pos_ == "NOUN" and tok.text in names and tok.text[:1].isupper() and not tok.is_sent_start


def resolve(tok: Token, article: Article, lex: Lexicon, names: dict[str, str]) -> Speaker:
    """The speaker named by the noun phrase headed by `tok` (the subject or agent of a cue)."""
    text = article.text
    doc = tok.doc
    # "The Vice President, Mike Pence, said": the appositive name, not the title
    role_person = False
    # "A Republican Assemblywoman, Jill Tolles, said": a lone title word the tagger calls a person is a title
    lone_title = tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children
    )
    if (tok.ent_type_ != "PERSON" or lone_title) and tok.pos_ != "PRON":
        name = _appositive_name(tok) or _named_as(tok)
        if name is not None:
            # "a spokesperson, Morgan Ortagus": a person even when the tagger says ORG
            role = tok.lemma_.lower()
            role_person = is_person_role(role, lex)
            tok = name
    low = tok.lower_
    al = tok if low in ("al", "al.") else doc[tok.i - 1] if tok.text == "." and tok.i >= 1 else None
    if al is not None and al.lower_ in ("al", "al.") and al.i >= 2 and doc[al.i - 1].lower_ == "et":
        return _et_al(al, text)
    described = _described_group(tok, lex)
    if described is not None:  # "Those who have sketched out plans": the people the clause describes
        span = make_span(text, tok.idx, doc[described].idx + len(doc[described]))
        return Speaker(Source(name=span.text, mention=span), "unnamed", None)
    if low in PRONOUNS_PERSON | PRONOUNS_OTHER or (tok.pos_ == "PRON" and low not in QUANTIFIERS):
        span = make_span(text, tok.idx, tok.idx + len(tok))
        ent = _head_entity(article, tok, (span.start, span.end))
        etype = "PERSON" if low in PRONOUNS_PERSON else None
        fallback = _source(ent, span) if ent is not None else None
        return Speaker(Source(name=tok.text, mention=span), "pronoun", etype, fallback=fallback)
    rng = _ent_span(tok) if tok.ent_type_ in NAME_TYPES else None
    indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.lefts)
    if rng is None and not indefinite and (tok.pos_ == "PROPN" or _name_word(tok, names)):
        rng = noun_phrase(tok)
        # the proper-noun stretch ending at tok, without dates ("LONDON, Feb 26 - Iran announced")
        lo = rng[0]
        a = tok.i
        while a - 1 >= lo and doc[a - 1].pos_ == "PROPN" and doc[a - 1].ent_type_ not in ("DATE", "TIME", "GPE"):
            a -= 1
        rng = (a, tok.i)
    if rng is not None:
        a, b = rng
        start, end = doc[a].idx, doc[b].idx + len(doc[b])
        name_span = make_span(text, start, end)
        # the mention is the whole naming phrase with its title ("Russian Foreign Minister Sergey Lavrov")
        np_a, np_b = noun_phrase(tok)
        np_a, np_b = min(np_a, a), max(np_b, b)
        span = make_span(text, doc[np_a].idx, doc[np_b].idx + len(doc[np_b]))
        ent = _head_entity(article, tok, (start, end), (tok.idx, tok.idx + len(tok)), (span.start, span.end))
        if ent is not None:
            return Speaker(_source(ent, span), "named", "PERSON" if role_person else ent.type)
        name = fuller_name(_clean_name(name_span.text), names)
        chan = channel_of(tok, lex) if tok.pos_ != "PROPN" else None
        etype = "PERSON" if role_person else tok.ent_type_ or None
        return Speaker(Source(name=name, mention=span), "named", etype, channel=chan)
    # common noun phrase; "Estimates by event organizers indicate": the organizers speak
    if lex.unnamed.get(tok.lemma_.lower()) == "media" or lex.channels.get(tok.lemma_.lower()) == "report":
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and _owner(pobj, child.lower_, lex):
                    owner = resolve(pobj, article, lex, names)
                    return replace(owner, channel=channel_of(tok, lex) or owner.channel)
        for child in tok.lefts:
            # "CNN's projections", "Federal Aviation Administration records": whose figures they are
            named = child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in ("ORG", "GPE", "PERSON")
            if (child.dep_ == "poss" and child.pos_ == "PROPN") or named:
                owner = resolve(child, article, lex, names)
                a, b = noun_phrase(tok)  # the mention stays the words that name the source here
                mention = make_span(text, doc[a].idx, doc[b].idx + len(doc[b]))
                # "the NDRRMC report said": the owner speaks, through its report
                chan = channel_of(tok, lex) or owner.channel
                return replace(owner, source=owner.source.model_copy(update={"mention": mention}), channel=chan)
    a, b = noun_phrase(tok)
    start, end = doc[a].idx, doc[b].idx + len(doc[b])
    span = make_span(text, start, end)
    ent = _head_entity(article, tok, (start, end), (tok.idx, tok.idx + len(tok)))
    chan = channel_of(tok, lex)
    if chan is not None:
        author = document_author(tok, article, lex, names)
        return Speaker(Source(name=span.text, mention=span), "document", None, channel=chan, author=author)
    lemma = tok.lemma_.lower()
    determiners = {c.lower_ for c in tok.lefts if c.dep_ in ("det", "poss")}
    definite = bool(determiners & {"the", "this", "that"}) and tok.tag_ in ("NN", "NNP")
    person_role = is_person_role(lemma, lex)
    if ent is not None and (ent.type != "PERSON" or person_role or any(ch.isupper() for ch in span.text)):
        return Speaker(_source(ent, span), "named", ent.type)
    specific = portfolio(c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ != "NORP")
    titled = _titled_before(article, lemma, start, specific) if definite and not _described_by_complement(tok) else None
    if titled is not None:
        # "The commissioner of the bloc, Jean-Claude Brou, spoke. ... The commissioner said": the article's own title
        return Speaker(Source(name=titled.name, entity=titled.id, mention=span), "named", "PERSON")
    if definite and person_role and not _described_by_complement(tok):
        # "the ambassador", "the top diplomat": the person spoken of before
        return Speaker(Source(name=span.text, mention=span), "nominal", "PERSON")
    described, named = _described_to(tok, b, lex)
    span = make_span(text, start, doc[described].idx + len(doc[described]))
    name = text[start : doc[named].idx + len(doc[named])]
    return Speaker(Source(name=name, mention=span), "unnamed", "PERSON" if person_role and definite else None)


# prepositions of a phrase that tells whose or where an unnamed source is ("officials in Washington")
DESCRIBING_PREPS = frozenset({"for", "from", "at", "in", "with", "within", "inside", "near", "to"})


def _described_to(tok: Token, b: int, lex: Lexicon) -> tuple[int, int]:
    """The last tokens of the description right after an unnamed source's head (b when there is none): of
    the words that name it here, and of its name.

    "a source close to the president", "people familiar with the talks", "sources briefed on the plan": the
    usual formulas for a source that cannot be named are all the reader learns of it, and are its name.
    "officials in Washington", "a spokesman for the ministry": the place or body is in the mention, the name
    stays the article's plain phrase. A time, a channel ("officials in a statement") or a clause is no
    description; commas and long phrases are left out."""
    doc = tok.doc
    end = named = b
    for child in tok.rights:
        if child.i <= b:
            continue
        if child.i != end + 1:
            break
        formula = False
        if child.dep_ == "prep" and child.lower_ in DESCRIBING_PREPS:
            last = _phrase_end(child, lex) if _place_or_body(child, lex) else None
        elif child.lemma_.lower() in SOURCE_FORMULAS and child.dep_ in ("amod", "acl"):
            preps = [c for c in child.rights if c.dep_ == "prep"]
            if not preps or preps[0].i != child.i + 1:
                break
            last, formula = _phrase_end(preps[0], lex), True
        else:
            break
        words = doc[end + 1 : last + 1] if last is not None else ()
        if not words or last - tok.i > 12:
            break
        if any(t.text in ",;:()" or t.is_quote or t.ent_type_ in ("DATE", "TIME") or _year(t) for t in words):
            break
        end = last
        named = last if formula and named == child.i - 1 else named
    return end, named


# the words after "a source ..." that tell how it knows: the usual formulas for a source that cannot be named
SOURCE_FORMULAS = frozenset(
    {"close", "familiar", "knowledgeable", "privy", "briefed", "involved", "acquainted", "connected", "linked",
     "loyal", "allied", "affiliated", "aware"}
)  # fmt: skip
# bodies that speak through what comes from them ("a document from the ministry", "reports from Omsk hospital")
BODY_NOUNS = frozenset(
    {"company", "firm", "university", "school", "hospital", "office", "headquarters", "ministry", "department",
     "agency", "government", "administration", "party", "army", "military", "police", "court", "parliament",
     "congress", "senate", "embassy", "campaign", "union", "organization", "organisation", "committee", "council"}
)  # fmt: skip
# what an "in"/"at"/"from" phrase after an unnamed source names when it describes it: a place or a body
PLACE_OR_BODY_NOUNS = BODY_NOUNS | frozenset(
    {"country", "state", "city", "town", "village", "region", "province", "district", "area", "capital", "county",
     "camp", "prison", "house", "group", "team", "industry", "sector", "community", "neighborhood", "street"}
)  # fmt: skip


def _place_or_body(prep: Token, lex: Lexicon) -> bool:
    """Whether a phrase "in/at/for/from X" after an unnamed source says where or whose it is ("officials in
    Washington", "a spokesman for the ministry"), not when or how ("officials in the past", "witnesses in tears")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if any(t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC", "PERSON") for t in pobj.subtree):
        return True
    lemma = pobj.lemma_.lower()
    return lemma in PLACE_OR_BODY_NOUNS or lemma in role_heads() or lex.unnamed.get(lemma) == "group"


def _described_group(tok: Token, lex: Lexicon) -> int | None:
    """The last token of "those who ..."/"anyone who ..." when a short relative clause says who they are (and
    reports nothing: in "those who say X" the clause is the report)."""
    if tok.lower_ not in ("those", "these", "anyone", "everyone", "someone"):
        return None
    clause = next((c for c in tok.rights if c.dep_ == "relcl"), None)
    if clause is None or clause.right_edge.i - tok.i > 12 or any(t.text in ",;:" for t in clause.subtree):
        return None
    cues = (lex.verbs.get(t.lemma_.lower()) for t in clause.subtree if t.pos_ == "VERB")
    if any(c is not None and c.frame not in ("belief", "intent") for c in cues):
        return None
    return clause.right_edge.i


def _owner(pobj: Token, prep: str, lex: Lexicon) -> bool:
    """Whether "by X"/"from X" after a figure or a document names whose it is: "estimates by event organizers",
    "a document from the ministry"; not when or where it was taken ("imaging from 2017", "video from the rally")."""
    if pobj.like_num or pobj.ent_type_ in ("DATE", "TIME"):
        return False
    if prep == "by" or pobj.ent_type_ in ("PERSON", "ORG", "NORP") or channel_of(pobj, lex) is not None:
        return True  # "excerpts from Bob Woodward's book": the book's author (not "photos from Gaza": a place)
    lemma = pobj.lemma_.lower()
    return lemma in role_heads() or lemma in BODY_NOUNS or lex.unnamed.get(lemma) in ("person", "group")


def _year(tok: Token) -> bool:
    return tok.shape_ == "dddd" and tok.text[:2] in ("19", "20")


def _phrase_end(prep: Token, lex: Lexicon) -> int | None:
    """The last token of a preposition's object phrase, without its own clauses; None for a channel."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or channel_of(pobj, lex) is not None:
        return None
    return noun_phrase(pobj)[1]


def _titled_before(article: Article, lemma: str, before: int, specific: tuple[str, ...] = ()) -> Any:
    """The person last named before `before` whose title in this article has head noun `lemma` (and the words
    that narrow the role: "the health minister" is not the Civil Aviation Minister)."""
    best, best_at = None, -1
    for ent in article.entities:
        if ent.type != "PERSON" or not any(
            _role_head(t) == lemma and all(has_words(t.lower(), w) for w in specific) for t in ent.titles
        ):
            continue
        at = max((m.start for m in ent.mentions if m.end <= before), default=-1)
        if at > best_at:
            best, best_at = ent, at
    return best


def _described_by_complement(tok: Token) -> bool:
    """ "the spokesperson for the German government", "the head of the police's investigators": a role
    with a body of its own is a description of someone new, not the person spoken of before
    ("the head of state" is still a role: its complement is a bare noun)."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "in", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (
                    pobj.ent_type_ in ("ORG", "GPE", "NORP") or any(c.dep_ in ("det", "poss") for c in pobj.children)
                ):
                    return True
    return False


def can_speak(tok: Token, speakers: list[Speaker], lex: Lexicon) -> bool:
    """Whether a subject can be a source at all: a name, a pronoun, a role, group or document noun, or a noun
    the article ties to an entity ("both nations"). "The virus claimed 6,606 lives" is no attribution."""
    if tok.pos_ in ("PRON", "PROPN") or tok.tag_ in ("WP", "WDT") or all(sp.kind != "unnamed" for sp in speakers):
        return True
    lemma = tok.lemma_.lower()
    return lemma in lex.unnamed or lemma in role_heads() or lemma in lex.channels or lemma in lex.audiences


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """Head nouns of every role in roles.tsv: persons ("the ambassador"), bodies ("the ministry", "the council")."""
    return frozenset(_role_head(" ".join(role.noun)) for role in entity_lexicon.roles().values())


def is_person_role(lemma: str, lex: Lexicon) -> bool:
    """A noun for one person: a person role of roles.tsv ("ambassador") or an unnamed person source ("official")."""
    return lemma in person_roles() or lex.unnamed.get(lemma) == "person"


@lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """Role nouns that stand for a person already named ("the ambassador"), from the entities' roles.tsv."""
    return frozenset(_role_head(" ".join(r.noun)) for r in entity_lexicon.roles().values() if r.type == "PERSON")


def _role_head(role: str) -> str:
    words = role.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


ISSUING = frozenset({"release", "issue", "publish", "post", "sign", "write", "send", "draft", "author", "file"})


def document_author(tok: Token, article: Article, lex: Lexicon, names: dict[str, str]) -> Speaker | None:
    """The author a document noun names itself: "Lavrov's letter", "the statement by the ministry"."""
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") and child.ent_type_ not in ("DATE", "TIME"):
            # not "today's judgment", "Monday's statement": a day owns nothing
            author = resolve(child, article, lex, names)
            # the mention is the possessive as written: "Lavrov's"
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            author.source = author.source.model_copy(update={"mention": make_span(article.text, start, end)})
            return author
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in NAME_TYPES:
            return resolve(child, article, lex, names)
    # "A Government Accountability Office report": a capitalised name the tagger missed, written before the noun
    owner = next((c for c in tok.lefts if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "PROPN"), None)
    if owner is not None:
        words = list(owner.subtree)
        if len(words) >= 2 and all(w.pos_ == "PROPN" and w.is_title and not w.ent_type_ for w in words):
            return resolve(owner, article, lex, names)
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.ent_type_ in NAME_TYPES or pobj.pos_ == "PROPN"):
                    return resolve(pobj, article, lex, names)
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in ISSUING:
            # not "read out by" or "delivered by": who conveys a document is not its author
            # "a statement released by Erdogan's office", "a letter signed by 40 senators"
            for agent in child.children:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent.dep_ == "agent" else None
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                    return resolve(pobj, article, lex, names)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ISSUING:
        # "The White House issued a statement on Monday": whoever issued it
        issuer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None and issuer.pos_ in ("PROPN", "NOUN"):
            return resolve(issuer, article, lex, names)
    return None


def expand_conjuncts(tok: Token) -> list[Token]:
    """A coordinated subject gives one speaker per conjunct ("Durbin and Schiff questioned")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            if tok.ent_type_ == "ORG" and any(
                c.dep_ == "prep" and c.lower_ == "of" and c.i < child.i for c in tok.rights
            ):
                continue  # "Islamic State of Iraq and the Levant" is one name
            out.extend(expand_conjuncts(child))
    return out
