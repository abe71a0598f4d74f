"""Cue verbs in the dependency parse: which token attributes, to whom, which words, by which channel.

All functions read one spaCy parse; none re-parses. A cue is a verb whose lemma (or lemma plus
particle/object: "call for", "express confidence") is in `cues.tsv`. Its speaker is the subject
(or the passive agent, or the subject of the verb it hangs from: "..., adding that"); its content
is the complement clause (ccomp), the main clause before a postposed attribution
("The forces helped..., X said"), or, for object-taking cues, the object ("condemned X").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from .entity_base import pos_tokens
from .quote_lexicon import Cue, Lexicon, load
from .quote_marks import PARAGRAPH_BREAK
from .quote_speaker import channel_of

VIA_PREPS = {"in", "via", "on", "at", "during", "through", "over", "from"}
VERB_CHANNELS = {"tweet": "tweet", "post": "post", "blog": "blog", "broadcast": "broadcast"}
CONVEY_VERBS = {"read", "deliver", "present", "convey", "relay", "hand", "pass", "voice"}
NAMING = {"call", "name", "dub", "term", "label", "brand", "describe", "characterize", "characterise", "dismiss"}
HYPOTHETICAL = {"if", "unless", "whether"}
ASKING = frozenset({"ask", "inquire", "enquire", "wonder", "query"})  # their "whether ..." clause is the question
PERSONAL_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "you"})
INHERIT_DEPS = {"advcl", "conj", "xcomp", "pcomp", "acl"}


@dataclass
class CueMatch:
    tok: Token
    cue: Cue
    tokens: list[Token]  # contiguous cue words (verb, or verb + particle)
    second: Token | None = None  # the particle/preposition/object of a two-word cue


def verbs(doc: Doc) -> Iterator[Token]:
    """The doc's verbs in text order, the only tokens `match` and `conveyor_token` can accept."""
    return pos_tokens(doc, VERB)


_PAIR_VERBS: tuple[dict, frozenset[str]] = ({}, frozenset())


def _pair_verbs(lex: Lexicon) -> frozenset[str]:
    """Verb lemmas that open a two-word cue, worked out once per lexicon."""
    global _PAIR_VERBS
    if _PAIR_VERBS[0] is not lex.pairs:
        _PAIR_VERBS = (lex.pairs, frozenset(verb for verb, _ in lex.pairs))
    return _PAIR_VERBS[1]


def match(tok: Token, lex: Lexicon) -> CueMatch | None:
    """The cue at a verb token, if its lemma (alone or with a particle or object) is a cue."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    if lemma not in lex.verbs and lemma not in _pair_verbs(lex):
        return None  # no cue starts with this verb: the common case, decided without its children
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in tok.children):
        return None
    for child in tok.rights:
        if child.dep_ in ("prt", "prep", "dobj", "acomp") or (child.dep_ == "advmod" and child.i == tok.i + 1):
            cue = lex.pairs.get((lemma, child.lemma_.lower()))  # "shot back": the particle parsed as an adverb
            if cue is not None:
                words = [tok, child] if child.i == tok.i + 1 else [tok]
                return CueMatch(tok, cue, words, child)
        if child.dep_ in ("advcl", "xcomp"):
            # "called for his death to be investigated": 'for' parsed as the clause's marker
            for mark in child.lefts:
                cue = lex.pairs.get((lemma, mark.lower_)) if mark.dep_ == "mark" and mark.i == tok.i + 1 else None
                if cue is not None:
                    return CueMatch(tok, cue, [tok, mark], mark)
    cue = lex.verbs.get(lemma)
    if cue is None or cue.frame in ("according_to", "quoting"):
        return None
    if any(c.dep_ == "prt" and c.lower_ in ("out", "off") for c in tok.children):
        return None  # "ruled out a trial", "wrote off the debt": another verb, unless listed as a pair ("point out")
    if lemma == "add" and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "would add new layers of complexity": adding a thing, not a remark
    if lemma == "find" and _finds_it(tok):
        return None  # "voters would find it hard to look past": a judgement, not a finding reported
    return CueMatch(tok, cue, [tok])


def _finds_it(tok: Token) -> bool:
    """ "find it hard to", "found it necessary": "it" and an adjective after the verb (not "found it likely
    that ...": a finding, its that-clause what was found)."""
    if any(t.lower_ == "that" and t.dep_ == "mark" for t in tok.subtree) or any(
        t.lemma_.lower() in ("likely", "unlikely", "probable", "improbable", "certain", "clear") for t in tok.rights
    ):
        return False
    for child in tok.rights:
        if child.lower_ == "it" and child.dep_ in ("dobj", "nsubj"):
            return True
        if child.dep_ in ("ccomp", "xcomp", "oprd") and child.pos_ == "ADJ":
            return any(g.lower_ == "it" and g.dep_ in ("nsubj", "dobj") for g in child.lefts)
    return False


def inside_attribution(m: CueMatch, lex: Lexicon) -> bool:
    """An inner cue ("wanted", "believed") in the clause of a cue above it: "said they wanted X"."""
    if not m.cue.inner:
        return False
    return any(match(a, lex) is not None for a in m.tok.ancestors)


def _platform(tok: Token) -> bool:
    """A social platform named in channels.tsv (Twitter -> tweet, Facebook -> post)."""
    return load().channels.get(tok.lower_) in ("tweet", "post")


def _name_before_apposition(tok: Token) -> Token | None:
    """ "as Sir Digby Jones, CBI director general, warned ...": a name and its apposition right before a
    verb the parser left without a subject (it hung the name elsewhere)."""
    doc = tok.doc
    if tok.i < 4 or doc[tok.i - 1].text != "," or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    apposition = doc[tok.i - 2]
    while apposition.dep_ != "appos" and apposition.head.i < tok.i and apposition.head.i != apposition.i:
        apposition = apposition.head
    name = apposition.head
    if apposition.dep_ != "appos" or name.pos_ != "PROPN" or name.i >= apposition.left_edge.i:
        return None
    if doc[apposition.left_edge.i - 1].text != "," or name.dep_ not in ("pobj", "dobj", "compound", "conj"):
        return None
    return name


def _carrier(tok: Token) -> Token | None:
    """The message a participle cue belongs to, when someone issued it: "posted a message blaming Iran",
    "posted a message on Twitter blaming Iran" (-> message, the object of "posted")."""
    head = tok.head
    noun = head.head if tok.dep_ == "pcomp" and head.dep_ == "prep" else head if tok.dep_ == "acl" else None
    if noun is not None and noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        # a message, statement or post; not "a song called ...", which names no one's words
        return noun if load().channels.get(noun.lemma_.lower()) is not None else None
    return None


def speaker_token(tok: Token, depth: int = 0) -> Token | None:
    """The token naming who speaks through cue verb `tok`.

    Of several subjects (a misparse across a postposed attribution or a paragraph break), the one
    nearest the verb in the same paragraph.
    """
    named_after = _inverted_name(tok)
    if named_after is not None:
        return named_after
    passive = False
    subjects = []
    # a controlled verb ("is reported to have ... claimed", "was met with applause upon announcing")
    # takes the main clause's subject, passive or not
    subject_deps = ("nsubj", "nsubjpass") if depth > 0 else ("nsubj",)
    # "the money pledged to rebuild": a participle without an auxiliary is a reduced relative, and the noun the
    # parser made its subject is what was pledged
    # (not a finite verb the tagger called VBN: "al-Jahafi, announced on Facebook", a main verb after a comma)
    reduced = (
        tok.tag_ == "VBN"
        and tok.dep_ != "ROOT"
        and tok.i > 0
        and tok.doc[tok.i - 1].dep_ == "nsubj"
        and tok.doc[tok.i - 1].head.i == tok.i
        and tok.doc[tok.i - 1].pos_ == "NOUN"
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    )
    for child in tok.children:
        if child.dep_ in subject_deps and not (reduced and child.i == tok.i - 1) and not _across_paragraph(child, tok):
            subjects.append(child)
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
        if child.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    # "posted a message on Twitter blaming Iran": a platform parsed as the gerund's subject
    subjects = [c for c in subjects if not (tok.tag_ in ("VBG", "VBN") and c.pos_ == "PROPN" and _platform(c))]
    if subjects:
        return _name_right_before(min(subjects, key=lambda c: abs(c.i - tok.i)), tok)
    for child in tok.lefts:
        # "NDTV reported officials, following an investigation, stated ...": the report's object is this verb's subject
        split = _subject_as_object(child) if child.dep_ == "ccomp" else None
        if split is not None and split[1].i == tok.i:
            return split[0]
    for child in tok.lefts:
        if child.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in child.children):
            # "Sanders, meanwhile, who sits at zero endorsements, said ...": the relative clause parsed as the
            # cue's clause, with the name as a second subject of it
            named = [c for c in child.lefts if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and c.i < child.i]
            if named:
                return named[0]
        # "Voters going to the polls say ...": the participle parsed as the verb's clause, its noun as
        # the participle's subject
        if child.dep_ in ("csubj", "ccomp") and child.tag_ == "VBG" and not passive:
            inner = [c for c in child.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if inner and not any(t.text == "," for t in tok.doc[inner[0].right_edge.i : child.i]):
                return inner[0]
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (
        not passive
        and prev is not None
        and tok.tag_ in ("VBD", "VBZ", "VBP")
        and prev.pos_ == "PROPN"
        and (
            (prev.ent_type_ in ("PERSON", "ORG") and prev.dep_ in ("compound", "pobj", "appos", "npadvmod"))
            or (prev.dep_ == "ROOT" and tok.head.i == prev.i)
        )
    ):
        # "the board of the Washington Post Trump said": a subject the parser attached elsewhere;
        # "President Trump claims he ...": the verb parsed as the name's object
        return prev
    inverted = None if passive else _inverted_object(tok)
    if inverted is not None:
        return inverted
    named = None if passive else _name_before_apposition(tok)
    if named is not None:
        return named
    if (passive and depth == 0) or depth >= 3:
        return None
    head = tok.head
    if head == tok:
        return None
    # "X quoted a statement as saying ...": the quoted document speaks
    as_saying = head.lower_ == "as" or any(c.lower_ == "as" for c in tok.children)
    if as_saying and (head.lemma_.lower() in ("quote", "cite") or head.head.lemma_.lower() in ("quote", "cite")):
        verb = head if head.pos_ == "VERB" else head.head
        for child in verb.children:
            if child.dep_ == "dobj":
                return child
    outer = hung_on_clause(tok)
    if outer is not None:
        # "The ministry indicated no vehicles were involved and suggested the driver lost control", "Iran said the
        # plane was shot down, blaming human error": the parser hangs the second cue on the first one's clause;
        # it shares the first cue's subject
        return speaker_token(outer, depth + 1)
    if tok.dep_ in INHERIT_DEPS and head.pos_ in ("VERB", "AUX"):
        if _extraposed(tok, head) or passive_adjunct(tok):
            return None
        return speaker_token(head, depth + 1)
    if (
        tok.dep_ == "acl"
        and head.dep_ in ("dobj", "attr")
        and head.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        # "made a third attempt to deflect the criticism, writing that ...": whoever made the attempt
        return speaker_token(head.head, depth + 1)
    noun = _carrier(tok)
    if noun is not None:  # "posted a message on Twitter blaming Iran": whoever posted it
        return speaker_token(noun.head, depth + 1)
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return speaker_token(head.head, depth + 1)
    return None


# verbs whose passive participle before a clause makes its subject the one addressed or named ("Asked ...", "When
# told ...", "Quoted by Reuters, ...", "Called the Ineos Challenge, ...")
ADDRESSED = frozenset({"ask", "tell", "press", "question", "quiz", "inform", "urge", "challenge", "confront",
                       "invite", "remind", "warn", "prompt", "approach", "contact", "interview", "encourage",
                       "advise", "order", "instruct", "implore", "quote", "call", "name", "dub"})  # fmt: skip


def passive_adjunct(tok: Token) -> bool:
    """ "Asked what might surprise people, Perez says ...", "When told he was in the Cabinet, Bush ...": a bare past
    participle before the clause is passive; its subject is the one asked or told, not who asked ("When pressed by
    Holt" names who pressed)."""
    return (
        tok.tag_ == "VBN"
        and tok.lemma_.lower() in ADDRESSED
        and tok.dep_ == "advcl"
        and tok.i < tok.head.i
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in tok.children)
    )


def _extraposed(tok: Token, head: Token) -> bool:
    """ "it is necessary to show that ...", "it was time to say": the infinitive is what the dummy "it" stands
    for, so the copula's subject shows or says nothing."""
    return (
        tok.dep_ == "xcomp"
        and head.lemma_ == "be"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
        and any(c.dep_ in ("acomp", "attr") for c in head.children)
    )


def _inverted_object(tok: Token) -> Token | None:
    """'"Do you want them to run?" asked Sen. Maria Cantwell': after a quotation the verb comes first, and
    the parser reads the speaker as whom was asked."""
    doc = tok.doc
    if tok.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    # the quotation ends in ',' '?' '!' or ';' before its mark ('"...," said'), or its mark before a comma ('"...", read')
    british = tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].is_quote
    if not doc[tok.i - 1].is_quote and not british:
        return _closing_object(tok)
    found = _named_after_quotation(tok, closed=british or (tok.i >= 2 and doc[tok.i - 2].text in ",?!;"))
    # '"The law is clear", argued the government's lawyer, Richard Keen.': no name right after, the closing one
    return found if found is not None or not british else _closing_object(tok)


def _named_after_quotation(tok: Token, *, closed: bool) -> Token | None:
    """The speaker a cue right after a quotation names as its object: a document or a name."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is not None and obj.pos_ == "NOUN" and tok.lemma_.lower() in ("read", "say", "state") and closed:
        # '"...," reads the statement': a document after its verb, as the parser sees it its object
        return obj if channel_of(obj, load()) is not None else None
    if obj is None or obj.left_edge.i != tok.i + 1 or obj.pos_ != "PROPN":
        return None
    if obj.ent_type_ not in ("PERSON", "ORG") and not (obj.ent_type_ in ("", "WORK_OF_ART") and closed):
        return None  # '"...," wrote Trump on Twitter': a name the tagger took for a title, right after the quotation
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children):
        return None  # '"..." asked Trump whether he ...': whom was asked, and what
    return obj


def _closing_object(tok: Token) -> Token | None:
    """ "..., argued the government's lawyer, Richard Keen.": a finite cue after the clause it reports and a comma,
    with a noun phrase closing the sentence that the parser made its object: the speaker, as in "..., said the
    minister" (parsed with a subject)."""
    doc = tok.doc
    if doc[tok.i - 1].text != "," or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if not any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children):
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if len(objs) != 1 or objs[0].left_edge.i != tok.i + 1 or objs[0].pos_ not in ("NOUN", "PROPN"):
        return None
    obj = objs[0]
    end = obj.right_edge.i + 1
    while end < tok.sent.end and (doc[end].is_punct or doc[end].is_space):
        end += 1
    return obj if end >= tok.sent.end else None


def _name_right_before(subj: Token, tok: Token) -> Token:
    """The person the parser hid inside the subject, right before the cue: the holder ending a title ("Former US
    Ambassador to the United Nations Nikki Haley said"), or a name made an apposition of the subject after a comma
    ("To understand the real Dred Scott, Chief Justice Roberts said, ..."). "Hugh Hill, a doctor, said" keeps Hill:
    that apposition is a description and ends in a comma."""
    last = subj.right_edge
    if (
        subj.ent_type_ != "PERSON"
        and subj.pos_ in ("NOUN", "PROPN")
        and last.i == tok.i - 1
        and last.ent_type_ == "PERSON"
        and last.pos_ == "PROPN"
        and last.i != subj.i
        and not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[subj.i : last.i])  # not "the decree signed by the Pope"
    ):
        return last  # "Former US Ambassador to the United Nations Nikki Haley said": the title's holder
    for child in subj.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.ent_type_ == "PERSON"
            and not any(c.dep_ == "prep" for c in child.children)  # "Chemerinsky, Dean of the law school called"
            and child.right_edge.i == tok.i - 1
            and not tok.doc[tok.i - 1].is_punct
            and child.left_edge.i > 0
            and tok.doc[child.left_edge.i - 1].text == ","
        ):
            return child
    return subj


TITLE_LINKS = {"to", "of", "for", "at", "in", "and", "the", "'s", "’s"}


def _comma_before_subject(subj: Token, start: int) -> int | None:
    """The comma before a postposed attribution, skipping title words the parser left outside the
    subject ("..., Russian Ambassador to Havana Viktor Koronelli said")."""
    doc = subj.doc
    j = subj.left_edge.i - 1
    limit = max(start, j - 8)
    while j > limit and doc[j].text != ",":
        t = doc[j]
        if not (t.pos_ in ("PROPN", "ADJ", "NOUN", "DET", "PART") or t.tag_ == "VBG" or t.lower_ in TITLE_LINKS):
            if not (t.is_quote and j > start and doc[j - 1].text == ","):  # '... the nation," Mook wrote'
                return None
        j -= 1
    return j if j > start and doc[j].text == "," else None


def _that_clause_in_phrase(tok: Token) -> tuple[int, int] | None:
    """ "said in a letter to the summit that the talks had failed": the parser hangs the that-clause
    on the last noun of the phrase as a relative (or noun-complement) clause; it is the cue's content."""
    for child in tok.rights:
        if child.dep_ not in ("prep", "dobj", "dative"):
            continue
        for d in child.subtree:
            if d.dep_ not in ("relcl", "acl") or d.left_edge.lower_ != "that":
                continue
            subjects = [c for c in d.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
            if subjects and d.left_edge.i + 1 <= d.right_edge.i:
                return (d.left_edge.i + 1, d.right_edge.i)
    return None


def _that_clause_as_object(tok: Token) -> tuple[int, int] | None:
    """ "noted that Sanders co-sponsored bans": the parser may take the clause's object for the verb's,
    with 'that' as its marker; the object's whole phrase, from 'that', is the clause."""
    for child in tok.rights:
        if child.dep_ != "dobj":
            continue
        first = child.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and first.i + 1 <= child.right_edge.i:
            return (first.i + 1, child.right_edge.i)
    return None


def _across_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.is_space and PARAGRAPH_BREAK.search(t.text) for t in a.doc[lo:hi])


def _range(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return min(t.left_edge.i for t in tokens), max(t.right_edge.i for t in tokens)


def cue_span(m: CueMatch) -> tuple[int, int]:
    """Character range of the cue words; a passive cue keeps its auxiliary and an adjacent "by"
    ("were reported by local media", "is reported to have")."""
    first, last = m.tokens[0], m.tokens[-1]
    doc = first.doc
    if any(c.dep_ == "auxpass" for c in m.tok.children):
        while first.i > 0 and doc[first.i - 1].dep_ in ("auxpass", "aux") and doc[first.i - 1].head.i == m.tok.i:
            first = doc[first.i - 1]
        agent = _agent(m.tok)
        if agent is not None and agent.i == last.i + 1:
            last = agent
    return first.idx, last.idx + len(last)


def _agent(tok: Token) -> Token | None:
    """The by-phrase of a passive verb ("reported by local media")."""
    return next((c for c in tok.children if c.dep_ == "agent"), None)


# whom one tells, when the parser runs them into the clause told ("told local media Adamowicz's heart was ...")
HEARERS = {"media", "reporter", "journalist", "press", "lawmaker", "legislator", "parliament", "congress",
           "crowd", "supporter", "audience", "court", "jury", "committee", "senate", "delegate"}  # fmt: skip


def _names_a_source(tok: Token) -> bool:
    """A noun phrase naming who said something (a person, a body, "sources", "the leader"), not what."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and load().unnamed.get(tok.lemma_.lower()) is not None


def _after_hearers(tok: Token, a: int, b: int) -> int:
    """Where the clause a "tell" verb reports starts, past hearers the parser put inside it."""
    if tok.lemma_.lower() != "tell" or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return a
    doc = tok.doc
    i = a
    while i < b and doc[i].pos_ in ("DET", "ADJ") and doc[i].dep_ in ("det", "amod"):
        i += 1
    hearer = doc[i]
    nxt = doc[i + 1] if i + 1 <= b else None
    if (
        hearer.pos_ == "NOUN"
        and (hearer.lemma_.lower() in HEARERS or hearer.lower_ in HEARERS)
        and nxt is not None
        and nxt.pos_ in ("PROPN", "DET", "NOUN", "PRON")
    ):
        return i + 1
    return a


def _joined_clauses(child: Token, clauses: list[Token]) -> tuple[int, int]:
    """The clause's range, run on over sibling clauses it is coordinated with: "said he can and may
    declare an emergency" parses as two complements of "said" ("he can and", "may declare ...")."""
    a, b = child.left_edge.i, child.right_edge.i
    doc = child.doc
    for other in sorted(clauses, key=lambda c: c.left_edge.i):
        if other.left_edge.i <= b:
            continue
        gap = doc[b + 1 : other.left_edge.i]
        joined = doc[b].dep_ == "cc" or any(t.dep_ == "cc" for t in gap)
        if other.left_edge.i - b > 3 or not joined or not all(t.is_punct or t.dep_ == "cc" for t in gap):
            break
        b = other.right_edge.i
    return a, b


def _subject_as_object(tok: Token) -> tuple[Token, Token] | None:
    """(subject, verb) of a reported clause whose subject the parser made the cue's object, leaving the verb a
    clause of its own without one: "stated reconstruction will cost ...", "reported the landing at Fath, which has
    a shorter runway, was a mistake", or cut off by an aside: "NDTV reported officials, following an
    investigation, stated it was ..." (the cue parsed as the clause of "stated"), "Sky News reported Netflix Japan,
    due to his death, have delayed ..."."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # a report with its own reporter
    if obj.pos_ == "PRON":
        return None  # "did not tell me what the work was": whom they told
    edge = obj.right_edge
    verb = tok.head if tok.dep_ == "ccomp" and tok.head.i > obj.i else None
    if verb is None:  # the clause as the cue's, or as a conjunct of it with no "and" ("..., have delayed")
        verb = next((c for c in tok.rights if c.dep_ in ("ccomp", "conj") and c.i > obj.i), None)
        if (
            verb is not None
            and verb.dep_ == "conj"
            and (
                any(c.dep_ == "cc" and obj.i < c.i < verb.i for c in tok.children)
                or not any(c.dep_ == "aux" for c in verb.children)  # "have delayed", not "first announced"
            )
        ):
            return None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    start = min(verb.left_edge.i, verb.i) if verb.dep_ == "ccomp" and verb.head == tok else verb.i
    if tok.doc[start].lower_ in WH_WORDS:
        return None  # "told the board what the plan was": the clause has its subject
    gap = tok.doc[edge.i + 1 : start]
    if not gap:  # "stated reconstruction will cost": the clause goes on right after its subject
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
        return (obj, verb) if finite and edge.text != "," else None
    if all(t.is_punct or t.is_quote for t in gap):
        # a comma closing a relative clause or apposition of the subject, not a closing quotation mark
        described = any(c.dep_ in ("relcl", "appos", "acl") for c in obj.subtree)
        return (obj, verb) if described and [t.text for t in gap] == [","] else None
    if edge.text != "," and gap[0].text != ",":
        return None  # the aside opens with a comma right after the object
    return obj, verb


def content_range(m: CueMatch, subj: Token | None = None) -> tuple[int, int] | None:
    """Token range [a, b] of what the cue reports, or None when it reports nothing here."""
    tok = m.tok
    doc = tok.doc
    split = _subject_as_object(tok) if m.cue.takes_clause else None
    if split is not None:
        obj, verb = split
        end = verb.right_edge.i
        while end > obj.i and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        return (obj.left_edge.i, end)
    commas = set_off(tok) if m.cue.takes_clause else None
    if commas is not None:  # "The sequence began, the patrol described, in the lanes": the part before, then the rest
        start = tok.sent.start
        for i in range(commas[0] - 1, start - 1, -1):
            # "Christie said that was natural — no different, he said, ...": what the cue before reports is the start
            clause = next((c for c in doc[i].children if c.dep_ == "ccomp" and c.right_edge.i >= commas[0] - 1), None)
            if clause is not None and match(doc[i], load()) is not None:
                start = clause.left_edge.i + (clause.left_edge.dep_ == "mark")
                break
        return _trim_punct(doc, start, commas[0] - 1)
    if m.cue.takes_clause and _as_clause(tok):
        before, after = around_clause(tok)
        if before is not None:
            return before  # "The plan, as critics noted, ...": the part before (then `trailing_range`)
        start = _past_punct(doc, *after) if after is not None else None
        return (start, after[1]) if after is not None and start <= after[1] else None
    if _inverted_name(tok) is not None:
        # "Any interpretation of his actions, said Michael Kofman, an expert, would recognize ...": the subject
        # before the attribution, then (`trailing_range`) the rest of the clause after the name
        lead = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
        if lead is not None and lead.left_edge.i < tok.i - 1:
            return (lead.left_edge.i, tok.i - 2)
    if m.cue.takes_clause or m.cue.frame == "object":
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and c != m.second and not _across_paragraph(c, tok)]
        if subj is not None and any(c.dep_ in ("dobj", "xcomp") and c.i > tok.i for c in tok.children):
            # "He was speaking as Jones, CBI director general, warned Mr Brown not to ...": a clause before
            # the cue that holds its speaker is the frame, not what was said
            clauses = [c for c in clauses if not (c.i < tok.i and c.left_edge.i <= subj.i <= c.right_edge.i)]
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children):
            # "But when Congress cut funding ..., Mexico said enough": an adverbial clause before the cue, which the
            # parser made its complement, is no content when the cue has one after it
            clauses = [c for c in clauses if c.i > tok.i or not _adverbial(c)]
        if clauses:
            child = min(clauses, key=lambda c: abs(c.i - tok.i))
            asks_it = tok.lemma_.lower() in ASKING  # what "asked whether ..." asks is its content
            if not asks_it and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in child.children):
                return None  # an indirect question: "refused to say whether ..."
            if m.cue.frame == "belief" and doc[child.left_edge.i].lower_ in WH_WORDS and tok.lemma_ != "wonder":
                return None  # "wanted to know who else had access": what they ask, not what they hold
            if child.i < tok.i and subj is not None and child.i < subj.i < tok.i:
                # "Content ... if X, Y said": the whole stretch up to the attribution, not just the clause
                comma = _comma_before_subject(subj, child.left_edge.i)
                if comma is not None:
                    return (child.left_edge.i, comma - 1)
            relayed = _relayed(child, tok)
            if relayed is not None:
                return relayed
            a, b = _joined_clauses(child, clauses)
            if a < tok.i < child.i:
                a = tok.i + 1  # "the mission, which NASA said might take place": the relative pronoun before the cue
            return (_after_hearers(tok, a, b), b)
        misattached = _that_clause_in_phrase(tok)
        if misattached is not None:
            return misattached
        as_object = _that_clause_as_object(tok)
        if as_object is not None:
            return as_object
    if m.cue.takes_clause and _agent(tok) is not None:
        # "were reported by local media to have visited the hospital": a passive report with its
        # source; what it reports is the infinitive
        for child in tok.rights:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return (child.left_edge.i, child.right_edge.i)
    if m.cue.takes_infinitive:
        for child in tok.rights:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                if match(child, load()) is not None:
                    return None  # "refused to say whether ...": the inner cue attributes, if anything
                return (child.left_edge.i, child.right_edge.i)
    if m.second is not None and m.second.dep_ == "dobj":
        # "expressed confidence that ...": the clause hangs from the object
        for child in m.second.children:
            if child.dep_ in ("acl", "ccomp", "relcl"):
                return (child.left_edge.i, child.right_edge.i)
    if m.cue.takes_clause and (tok.dep_ == "parataxis" or _parenthetical(tok)):
        # "The forces helped stabilize ..., X said" / "The museum, X said, celebrated ...":
        # the clause around the attribution (its part after the attribution: `trailing_range`)
        a, b = tok.head.left_edge.i, tok.left_edge.i - 1
        if (doc[tok.left_edge.i].text == "," or (b >= 0 and doc[b].text == ",")) and b > a:
            return (a, b)
        if subj is not None and subj.left_edge.i - 2 > tok.left_edge.i and doc[subj.left_edge.i - 1].text == ",":
            # "If China can build a wall, he observed, ...": the clause before was hung on the cue
            return (tok.left_edge.i, subj.left_edge.i - 2)
        # "Back in Virginia, Mr. Clarke said, he decided ...", "That's why, he argued, the party ...":
        # the parser hung what comes before on the cue, so the clause after it is what was said
        rest = trailing_range(m)
        if rest is not None:
            return rest
    if (
        m.cue.takes_clause
        and subj is not None
        and subj.i < tok.i
        and tok.dep_ in ("ROOT", "parataxis")
        and not any(c.dep_ in ("dobj", "xcomp") and c.i > tok.i for c in tok.children)  # "warned Mr Brown not to"
    ):
        # "The invitation ... highlights its role, Russian Ambassador X said" parsed with two subjects
        start = tok.sent.start
        comma = _comma_before_subject(subj, start)
        if comma is not None:
            clause = doc[start:comma]
            opener = next((t for t in clause if t.dep_ != "cc"), None)
            if opener is not None and opener.lower_ in ADVERBIAL_MARKS:
                return None  # "But when Congress cut funding ..., Mexico said enough": a time or condition, not the claim
            if len(clause) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in clause):
                return (start, comma - 1)
            if _fragment_said(clause, tok):
                return (start, comma - 1)  # "People like Scott, he said.": a verbless answer is still what was said
    if m.cue.takes_object:
        objs: list[Token] = []
        if m.second is not None and m.second.dep_ == "prep":
            objs = [c for c in m.second.children if c.dep_ == "pobj"]
        if m.second is not None and m.second.dep_ == "mark":
            return (m.second.i + 1, m.second.head.right_edge.i)
        for child in tok.rights:
            if child.dep_ in ("dobj", "xcomp", "oprd") and child != m.second:
                objs.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("as", "of", "for") and objs and child != m.second:
                # "accused X of Y" (not the "for" of "called for" itself)
                objs.append(child)
        objs = [o for o in objs if not (o.pos_ == "PRON" and not list(o.children))]
        naming = m.second is None or m.second.dep_ != "prep"  # "called for X" asks for X, it names nothing
        if (
            naming
            and tok.lemma_.lower() in NAMING
            and not any(o.dep_ in ("oprd", "xcomp", "prep", "ccomp") for o in objs)
        ):
            return None  # "has yet to name the date": naming needs the name ("called it X", "named X as Y")
        if tok.lemma_.lower() == "cite" and objs and all(_names_a_source(o) for o in objs):
            return None  # "citing anonymous sources", "citing the Belarusian leader": whom, not what
        return _range(objs)
    return None


def _fragment_said(clause: Span, tok: Token) -> bool:
    """A verbless stretch before "..., he said." that is not scene-setting ("On Tuesday, he said"): two or
    more words, not opening with a preposition or subordinator, not only a date, and nothing after the cue."""
    words = [t for t in clause if not t.is_punct]
    if len(words) < 2 or words[0].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ") or words[0].tag_ in ("WRB", "WDT", "WP"):
        return False
    if all(t.ent_type_ in ("DATE", "TIME") or t.is_stop for t in words):
        return False
    return all(t.is_punct for t in tok.doc[tok.i + 1 : tok.sent.end])


NO_ONE_REPORTS = frozenset({"anyone", "anybody", "nobody", "everyone", "everybody", "none", "neither"})


def no_one_reports(subj: Token | None) -> bool:
    """"Not everyone agreed ...", "nobody would question ...", "None of them said ...": no one in particular reports
    it ("Someone told police ..." is an anonymous report, and stays); nor does "that" or "which" standing for a
    pronoun that is no one ("There is nothing that suggests ...", "something that worries officials")."""
    if subj is None:
        return False
    if subj.lower_ in ("that", "which") and subj.head.dep_ == "relcl":
        return subj.head.head.lower_ in NO_THING  # not "There are some that argue ..."
    return subj.lower_ in NO_ONE_REPORTS


NO_THING = frozenset({"nothing", "something", "anything", "everything"})


NOT_SAID = frozenset({"life", "slogan"})  # "Maria claimed 3,000 lives", "they chanted slogans": a toll, a noise


def says_nothing(tok: Token) -> bool:
    """An object that is no content whoever the subject is: a death toll, slogans nobody quotes."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_SAID for c in tok.children)


def reports_nothing(tok: Token, subj: Token | None) -> bool:
    """Words that attribute nothing, as quote or as stance: unsaid ("it goes without saying"), no one's ("Nobody
    said"), asked ("Had the federation ever warned you ...?") or not done ("refused to condemn")."""
    return unsaid(tok) or no_one_reports(subj) or asks(tok, subj) or unrealized(tok)


NOT_DONE = frozenset("refuse decline fail hesitate neglect forget refusal failure hesitancy reluctance unwillingness".split())


def unrealized(tok: Token) -> bool:
    """A report that was not made: "refused to condemn the attack", "for failing to defend Latinos", "his hesitancy to
    condemn Duke"."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "acl") or head.lemma_.lower() not in NOT_DONE:
        return False
    return not any(c.dep_ == "neg" for c in head.children)  # "never failed to mention that ..." mentioned it


def unsaid(tok: Token) -> bool:
    """Words nobody says: "it goes without saying", "left without mentioning", "Let's say the deal collapses"."""
    head = tok.head
    lets_us = head.lemma_ == "let" and head.i < tok.i and tok.doc[head.i + 1].lower_ in ("'s", "’s", "us")
    return (head.lower_ == "without" and tok.dep_ == "pcomp") or lets_us


WH_WORDS = frozenset("what why how when where who whom whose which".split())


def asks(tok: Token, subj: Token | None) -> bool:
    """A question, not a report: "do you think ...?", or a cue whose own clause is asked ("Had the federation ever
    warned you ...?", "Should schools teach and encourage students to ...?", "Why did he say ...?")."""
    sent = tok.sent
    if not sent.text.strip().rstrip("\"”’'").endswith("?"):
        return False
    if subj is not None and subj.lower_ == "you":
        return True
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or subj is None or first.i > subj.i:
        return False
    verbs = {tok.i, tok.head.i} if tok.dep_ == "conj" else {tok.i}
    return first.head.i in verbs and (first.pos_ == "AUX" or first.lower_ in WH_WORDS)


def within_semicolons(rng: tuple[int, int], tok: Token) -> tuple[int, int] | None:
    """A content stays on its cue's side of a semicolon: "The FSB denies it; reports describe X" does not make the
    FSB's clause what the reports describe, and "said A; NATO guidelines call for B" ends A at the semicolon."""
    doc = tok.doc
    a, b = rng
    if b < tok.i:
        if any(doc[k].text == ";" for k in range(b + 1, tok.i)):
            return None
        semis = _semicolons(doc, a, b)
        a = semis[-1] + 1 if semis else a
    elif a > tok.i:
        if any(doc[k].text == ";" for k in range(tok.i + 1, a)):
            return None
        semis = [k for k in _semicolons(doc, a, b) if not _another_that(doc, k, b)]
        b = semis[0] - 1 if semis else b
    return (a, b) if b >= a else None


def _semicolons(doc: Doc, a: int, b: int) -> list[int]:
    """The semicolons in tokens a..b outside brackets ("4.2 solar masses (M; about ...)" is one clause)."""
    depth = 0
    out = []
    for k in range(a, b + 1):
        t = doc[k].text
        if t in "([":
            depth += 1
        elif t in ")]":
            depth = max(0, depth - 1)
        elif t == ";" and depth == 0:
            out.append(k)
    return out


def continued_that_clauses(rng: tuple[int, int] | None, tok: Token) -> tuple[int, int] | None:
    """A content after its cue runs on over "; that B; and that C" (a list of what was reported), which the
    parser may hang elsewhere."""
    if rng is None or rng[0] <= tok.i:
        return rng
    doc = tok.doc
    a, b = rng
    last = tok.sent.end - 1
    while b + 1 < last and doc[b + 1].text == ";" and _another_that(doc, b + 1, last):
        k = b + 2
        while k <= last and doc[k].text != ";":
            k += 1
        b = k - 1
        while b > a and (doc[b].is_punct or doc[b].is_space) and doc[b].text not in ")]":
            b -= 1
    return (a, b)


ADVERBIAL_MARKS = frozenset("when if because although though while after before since unless once until".split())


def _adverbial(clause: Token) -> bool:
    """A clause opened by a subordinating word ("when ...", "if ...") or an inverted auxiliary ("Should ...")."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_MARKS and c.i < clause.i for c in clause.children
    ) or (
        clause.left_edge.pos_ == "AUX"
        and clause.left_edge.head.i == clause.i
        and clause.left_edge.i < clause.i
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.left_edge.i for c in clause.children)
    )


def _another_that(doc: Doc, k: int, b: int) -> bool:
    """A semicolon going on with the same report: "reported that A; that B; and that C"."""
    n = k + 1
    if n <= b and doc[n].dep_ == "cc":
        n += 1
    return n <= b and doc[n].lower_ == "that" and doc[n].dep_ == "mark"


def hung_on_clause(tok: Token) -> Token | None:
    """The cue verb whose reported clause the parser hung this second cue of the same speaker on: a coordinated
    verb ("indicated A and suggested B") or a participle after a comma ("said A, blaming B") with no subject of its
    own, on the head of that clause."""
    head = tok.head
    if head.dep_ != "ccomp" or head.head.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _after_comma(tok.doc, tok.left_edge.i):
        return head.head  # "said A, blaming human error", 'said, "A," adding, "B"' (the comma may sit in the marks)
    if tok.dep_ == "conj":
        # "reported that Trump skipped the visit and referred to the soldiers as losers": a person in the clause
        # may well be the one doing the second verb, unless it reports a clause of its own
        inner = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        person = inner is not None and (
            inner.ent_type_ == "PERSON"
            or inner.lower_ in PERSONAL_PRONOUNS
            or (inner.pos_ == "PROPN" and inner.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC"))
        )
        if not person or any(c.dep_ == "ccomp" for c in tok.children):
            return head.head
    return None


def _after_comma(doc: Doc, i: int) -> bool:
    """Whether token i follows a comma, perhaps with a closing quotation mark between ('"A," adding')."""
    j = i - 1
    while j >= 0 and doc[j].is_quote:
        j -= 1
    return j >= 0 and doc[j].text == ","


def _relayed(clause: Token, tok: Token) -> tuple[int, int] | None:
    """ 'Trump said: "There will be exceptions," the Times reported.': the parser makes the relaying report the
    cue's clause; what the cue reports is that report's own clause, set before it."""
    if match(clause, load()) is None or not any(c.dep_ == "nsubj" for c in clause.children):
        return None
    inner = next((c for c in clause.children if c.dep_ == "ccomp" and tok.i < c.i < clause.i), None)
    if inner is None or not any(t.is_quote or t.text == "," for t in clause.doc[inner.right_edge.i : clause.i]):
        return None
    if sum(t.is_quote for t in clause.doc[clause.sent.start : clause.i]) % 2:
        return None  # inside a quotation: '... focusing on “he said this, he tweeted that.”' relays nothing
    return (inner.left_edge.i, inner.right_edge.i)


def cut_at_next_attribution(rng: tuple[int, int], m: CueMatch, lex: Lexicon) -> tuple[int, int]:
    """ "X said A and several said B": the first content ends where the next attribution begins; so does
    "X said A, which he said would B" (a relative clause that is an attribution of its own)."""
    doc = m.tok.doc
    for t in doc[rng[0] : rng[1] + 1]:
        if t.i == m.tok.i or t.dep_ not in ("conj", "relcl", "advcl") or match(t, lex) is None:
            continue
        if t.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            continue  # "said A and that the footage did not show B": a second clause of the same report
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if t.dep_ == "relcl":
            if subj is None or subj.tag_ in ("WDT", "WP") or t.left_edge.i == 0 or doc[t.left_edge.i - 1].text != ",":
                continue
        # "indicated A and suggested B", "said A, blaming B": the second cue, hung on A, is the speaker's own
        outer = hung_on_clause(t)
        second_cue = outer is not None and outer.i == m.tok.i
        if (subj is None or t.dep_ == "advcl") and not second_cue:
            continue
        end = t.left_edge.i - 1
        while end > rng[0] and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        if end > rng[0]:
            return (rng[0], end)
    return rng


def _as_clause(tok: Token) -> bool:
    """"As several economists have pointed out, the plan ...", "The plan, as critics noted, would ...", "As The New
    Yorker put it, ...": a cue in an "as" clause with a subject and nothing said of its own reports the clause around."""
    if tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX") or match(tok.head, load()) is not None:
        return False  # "As critics noted, the minister said ...": the minister's report is the attribution
    children = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i
    opening = start == tok.sent.start or (start > 0 and doc[start - 1].text == ",")
    closing = end + 1 >= len(doc) or doc[end + 1].text in (",", ".", ";") or doc[end].text == ","
    if not (opening and closing):
        return False  # "the power to do as he proposed": a manner, not an attribution set off by commas
    if any(c.dep_ == "prep" and c.lower_ in ("on", "about", "upon", "of") for c in children):
        return False  # "as Biden remarked on the investigation": what he remarked on, not the clause around
    # "as The New Yorker put it" (not "as we know it": an idiom)
    return not any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and (c.lower_ != "it" or tok.lemma_ != "put")) for c in children
    )


def around_clause(tok: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Token ranges of the clause an "as" clause is set in, before and after it ("The plan, [as critics noted,]
    would cost more"), None for a side with no tokens: the quotes' content and the stances' alike."""
    head = tok.head
    a, b = head.left_edge.i, head.right_edge.i
    lo, hi = tok.left_edge.i, tok.right_edge.i
    return ((a, lo - 1) if a < lo else None, (hi + 1, b) if hi < b else None)


def _past_punct(doc: Doc, i: int, b: int) -> int:
    """The first token from i up to b that is not punctuation (b + 1 when there is none)."""
    while i <= b and doc[i].is_punct:
        i += 1
    return i


def _parenthetical(tok: Token) -> bool:
    """ "If China can build a wall, he observed this week, then he can ...": an attribution set off by commas
    that the parser made the clause of the main verb after it; it has a subject and no clause of its own."""
    doc = tok.doc
    b = tok.right_edge.i
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return (
        tok.dep_ == "ccomp"
        and subj is not None
        and tok.head.i > b
        and subj.left_edge.i > 0
        and doc[subj.left_edge.i - 1].text == ","
        and (doc[b].text == "," or (b + 1 < len(doc) and doc[b + 1].text == ","))
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)
    )


def _inverted_name(tok: Token) -> Token | None:
    """ "Any interpretation of his actions, said Michael Kofman, an expert on Russia, would recognize ...": a
    person named right after a cue set off by a comma, and followed by one, parsed as the subject of the clause
    that goes on ("Dean Johnson, a salesman, says Cruz will ..." is no inversion: no comma after the name)."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "," or tok.i + 1 >= len(doc) or tok.tag_ not in ("VBD", "VBZ"):
        return None
    if not any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children):
        return None
    for start in range(tok.i + 1, min(tok.i + 4, len(doc))):
        if doc[start].ent_iob_ != "B" or doc[start].ent_type_ != "PERSON":
            continue
        end = start + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        root = doc[start:end].root
        if (
            root.dep_ == "nsubj"
            and end < len(doc)
            and doc[end].text == ","  # "..., said Kofman, an expert, would": not "..., says Cruz will"
            and root.head.dep_ == "ccomp"
            and root.head.head.i == tok.i
            and all(t.pos_ == "PROPN" for t in doc[tok.i + 1 : start])
        ):
            return root
    return None


def trailing_range(m: CueMatch) -> tuple[int, int] | None:
    """ "The museum, Mr. Bush said, celebrated his heroes": the clause resumes after the attribution."""
    tok = m.tok
    commas = set_off(tok) if m.cue.takes_clause else None
    if commas is not None:  # "..., investigators have said, and should not have taken off": not the "and"
        start = commas[1] + 1 + (tok.doc[commas[1] + 1].dep_ == "cc")
        return _trim_punct(tok.doc, start, tok.sent.end - 1)
    name = _inverted_name(tok)
    if name is not None:
        doc = tok.doc
        after = name.right_edge.i + 1
        while after < len(doc) and doc[after].is_punct:
            after += 1
        end = name.head.right_edge.i
        return (after, end) if end > after else None
    if _as_clause(tok) and m.cue.takes_clause:
        # "The plan, as critics noted, would cost more": the clause goes on after the attribution
        before, after = around_clause(tok)
        if before is None or after is None:
            return None
        start = _past_punct(tok.doc, *after)
        return (start, after[1]) if after[1] > start else None
    if not (tok.dep_ == "parataxis" or _parenthetical(tok)) or not m.cue.takes_clause:
        return None
    doc = tok.doc
    last = tok.right_edge.i
    if doc[last].text != ",":
        last += 1
        if last >= len(doc) or doc[last].text != ",":
            return None
    end = tok.head.right_edge.i
    if end > last + 1 and not doc[last + 1].is_punct:
        return (last + 1, end)
    return None


def set_off(tok: Token) -> tuple[int, int] | None:
    """The commas around an attribution set off inside the clause it reports, whatever the parse made of the rest
    ("The accident began, Florida Highway Patrol described, in the northbound lanes", "Bob, they said, ordered
    them to wait"): between them only the cue, its subject, auxiliaries and particle."""
    doc, sent = tok.doc, tok.sent
    subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ in ("WP", "WDT") or tok.dep_ == "relcl":
        return None
    a = subj.left_edge.i - 1
    b = tok.i + 1
    while b < sent.end and doc[b].dep_ == "prt" and doc[b].head == tok:
        b += 1
    if a <= sent.start or b >= sent.end - 1 or doc[a].text != "," or doc[b].text != ",":
        return None
    between = set(subj.subtree) | {tok} | {c for c in tok.children if c.dep_ in ("aux", "neg", "advmod", "prt")}
    if any(t not in between for t in doc[a + 1 : b]) or doc[b + 1].is_punct or doc[b + 1].is_quote:
        return None
    if doc[b + 1].tag_ in ("VBG", "VBN"):
        return None  # "..., Ushakov said, adding that ...": the cue's own participle, not the clause resumed
    if doc[b + 1].dep_ == "cc" and any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[b + 2 : sent.end]):
        return None  # "The team lost, the fans complained, and the coach resigned": a list of what happened
    if any(t.dep_ in ("relcl", "acl", "advcl") for t in [doc[a - 1], *doc[a - 1].ancestors] if t != tok):
        return None  # "Schultz, who works for RT and, he said, has seemed ...": inside a clause of its own
    return a, b


def _trim_punct(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """[a, b] without punctuation at either end; None when nothing is left."""
    while a <= b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    return (a, b) if a <= b else None


def _in_order_to(prep: Token, pobj: Token) -> bool:
    """ "in order to", "in order that": a purpose, not a written order."""
    doc = pobj.doc
    return (
        prep.lower_ == "in"
        and pobj.lower_ == "order"
        and pobj.i == prep.i + 1  # not "in an order that ...", a written order
        and pobj.i + 1 < len(doc)
        and doc[pobj.i + 1].lower_ in ("to", "that")
    )


def via(m: CueMatch, speaker: Token | None, lex: Lexicon) -> str | None:
    """The channel the cue names: "said in a letter", "told X in an interview", "tweeted"."""
    lemma = m.tok.lemma_.lower()
    if lemma in VERB_CHANNELS:
        return VERB_CHANNELS[lemma]
    carrier = _carrier(m.tok)
    if carrier is not None:  # "a message on Twitter blaming Iran" (Twitter often parsed as the cue's subject)
        platform = next((c for c in m.tok.children if c.dep_ == "nsubj" and _platform(c)), None)
        if platform is not None:
            return lex.channels[platform.lower_]
    holders = [m.tok, *([carrier] if carrier is not None else []), *([speaker] if speaker is not None else [])]
    if m.tok.tag_ == "VBG" and m.tok.dep_ in ("advcl", "xcomp", "conj"):
        holders.append(m.tok.head)  # "gave his condolences via Twitter, adding, ...": the verb the participle hangs on
    # "took a parting shot on Twitter", "noted his strength on Twitter": the phrase parsed on the object
    holders += [c for c in m.tok.children if c.dep_ == "dobj"]
    label = channel_near(holders, lex)
    if label is not None:
        return label
    if lemma == "tell":  # "told GMTV's Sunday programme", "told a local radio station"
        for child in m.tok.children:
            if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in lex.audiences:
                return lex.audiences[child.lemma_.lower()]
    return None


def channel_near(holders: list[Token], lex: Lexicon) -> str | None:
    """The channel a phrase on one of these words names: "said in a letter", "spoke on Twitter"."""
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in VIA_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not _in_order_to(child, pobj):
                        label = channel_of(pobj, lex)
                        if label is not None:
                            return label
    return None


def conveyor_token(tok: Token, lex: Lexicon) -> tuple[str, Token] | None:
    """("letter", X) for "the letter was read out by X" / "X read out the letter"."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in CONVEY_VERBS:
        return None
    channel = None
    person = None
    for child in tok.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            channel = channel_of(child, lex) or channel
        if child.dep_ == "agent":
            person = next((p for p in child.children if p.dep_ == "pobj"), person)
        if child.dep_ == "nsubj":
            person = child
    if channel and person is not None:
        return channel, person
    return None
