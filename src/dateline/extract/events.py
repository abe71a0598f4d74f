"""Events: who did what to whom, where and when, in the PLOVER 2.0 ontology.

One pass over the tokens looks each verb and noun up by lemma in the reviewed trigger lexicon
(`data/plover_triggers.tsv`). A trigger governed by another trigger is folded into it ("condemned
the attack" is one ACCUSE; "urged locals to assist" one REQUEST); a noun trigger carried by a
support verb ("protests broke out", "held talks") takes that verb's clause. Actor and target come
from the parse (event_args), place and date from the story (event_context), status and source
from quotes and modality (event_status). Announced or possible actions become what PLOVER codes
them as: a cooperative one AGREE, a hostile one THREATEN (flagged future/hypothetical). Mentions of
one event (a headline and its story, a later "the attack") are merged when type, country, date and
participants agree. Counts found before are linked to the event they belong to.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS
from spacy.tokens import Doc, Token

from ..record import Actor, Article, Count, Event, make_span
from .entity_base import children, column, heads, sentence_chars, strings
from .event_args import (
    IMPLICIT_ACTOR,
    clip_to_line,
    find_party,
    is_agent_like,
    is_pronoun,
    make_actor,
    nominal_args,
    owner,
    refine_target,
    usable,
    verbal_args,
)
from .event_context import SPEECH_TYPES, date_of, locate
from .event_lexicon import COOPERATIVE, HOSTILE_ACTION, THREAT_MODE, Trigger, triggers
from .event_status import UNREALIZED, status_and_source

log = logging.getLogger(__name__)

# Dependencies along which one trigger governs another (its object, complement or modifier).
GOVERNING_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "pcomp", "advcl", "acl", "amod", "compound", "nsubj",
                            "nsubjpass", "attr", "agent", "oprd", "dative"})  # fmt: skip
# Triggers whose reported content is part of the act itself ("accused X of attacking").
SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "INTENT"})
LIGHT_REACH = frozenset({"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj", "xcomp", "oprd", "pcomp"})
COUNT_TYPES = {"killed": ("ASSAULT",), "injured": ("ASSAULT",), "missing": ("ASSAULT",), "arrested": ("COERCE",),
               "protesters": ("PROTEST",), "participants": ("PROTEST",), "displaced": ("ASSAULT", "AID"), "evacuated": ("AID", "ASSAULT"),
               "other": ()}  # fmt: skip
DEONTIC_AUX = frozenset({"must", "should"})
# Verbs that make an event only with something agreed or promised ("agreed to X", "offered aid").
NEEDS_COMPLEMENT = frozenset({"agree", "commit", "promise", "pledge", "vow", "offer"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my"})
SPLIT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
CLAUSE_MARKS = frozenset({"after", "before", "when", "while", "as", "since", "because", "until", "once", "although",
                          "though", "whereas"})  # fmt: skip
TIME_PREPS = frozenset({"after", "before", "during", "following", "since", "amid", "until", "despite"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# "called the plan lousy", "branded them terrorists": calling names is an accusation (PLOVER ACCUSE).
NAMING_VERBS = frozenset({"call", "brand", "label"})
# Nouns that carry the event named by their modifier: "a mediation effort", "a peacekeeping mission".
CONTAINER_NOUNS = frozenset({"effort", "process", "mission", "campaign", "attempt", "bid", "initiative", "operation"})
HELP_AUX = frozenset({"help", "helped", "helps", "helping"})
# Where a blame predicate sits in its clause: "are the perpetrators" (attr), "guilty" (acomp), "behind" (prep).
PRED_DEPS = frozenset({"attr", "acomp", "prep", "ccomp"})
CASUALTY_VERBS = frozenset({"kill", "injure", "wound", "hurt", "die"})
DATE_RANK = {"clause": 2, "anchor": 1, "published": 0}


@dataclass
class Candidate:
    tok: Token
    trigger: Trigger
    anchor: Token  # the clause head whose arguments, time and modality the event takes
    via_subject: bool = False  # an event noun that is the subject of a plain verb ("the blast affected ...")
    source_from: bool = False  # "statements of condemnation came from X": the doer is the "from" object
    governor: Candidate | None = None
    governed: list[Candidate] = field(default_factory=list)


@dataclass
class Draft:
    event: Event
    pos: int
    date_rank: int
    anaphoric: bool = False  # "the attack", "the invasion": a noun that refers back to a reported event
    lexical: bool = True  # the type is the trigger's own, not one read from modality ("do not agree" -> REJECT)


def _context(tok: Token, depth: int = 3) -> set[str]:
    """Words among the dependents of `tok`, for multi-word triggers.

    Function words (particles, prepositions) count only as direct dependents ("call for", "break
    out"); content words count down to `depth` ("lift the state of emergency", "hit by drone strikes").
    """
    doc, top = tok.doc, tok.i
    kids, dep, pos, low = children(doc), strings(doc, DEP), strings(doc, POS), strings(doc, LOWER)
    out: set[str] = set()
    frontier = [top]
    for level in range(depth):
        nxt = []
        for t in frontier:
            for c in kids[t]:
                if dep[c] in ("nsubj", "csubj") and t == top:
                    continue  # "the ambassador recalled that ...": the doer is no part of what is done
                # A preposition tagged as a verb ("according to", "following") is a function word: its lemma
                # ("accord") must not pass for a required noun.
                if dep[c] == "prep" and pos[c] == "VERB":
                    out.add(low[c])
                elif level == 0 or pos[c] in CONTENT_POS or (level == 1 and dep[c] == "mark"):
                    out.add(doc[c].lemma_.lower())
                    out.add(low[c])
                nxt.append(c)
        frontier = nxt
    return out


def _choose(tok: Token, rows: tuple[Trigger, ...] | None) -> Trigger | None:
    lemma = tok.lemma_.lower()
    doc = tok.doc
    dep, kids = strings(doc, DEP), children(doc)[tok.i]
    deps = {dep[c] for c in kids}
    if lemma in NAMING_VERBS and "dobj" in deps and deps & {"oprd", "xcomp", "ccomp", "attr"}:
        return Trigger(lemma, "verb", "ACCUSE", "disapprove", frozenset())
    if lemma == "warn" and "xcomp" in deps:  # "warned X not to": a demand
        return Trigger(lemma, "verb", "REQUEST", None, frozenset())
    if lemma == "warn" and "ccomp" in deps and not _own_deed(tok):
        # "warned that small firms could be crippled by the move": a warning about what others' acts will
        # cause is criticism (ACCUSE); only "we warn that our forces will strike" threatens.
        return Trigger(lemma, "verb", "ACCUSE", "disapprove", frozenset())
    if lemma in NEEDS_COMPLEMENT and not (
        deps & {"xcomp", "ccomp", "dobj"}
        or any(dep[c] == "prep" and strings(doc, LOWER)[c] in ("to", "on", "upon") for c in kids)
    ):
        return None  # "Hataman agreed, saying ...": agreeing with a view, not to anything
    context: set[str] | None = None
    for row in rows or ():
        if not row.requires:
            return row
        if context is None:
            context = _context(tok)
        if row.requires & context:
            return row
    return None


FIRST_PERSON = frozenset({"i", "we", "my", "our", "us"})


def _own_deed(verb: Token) -> bool:
    """Whether the clause reported by `verb` is about the speaker's own doing: its subject is a pronoun or has a
    possessive pronoun (which most often point back to the speaker: "warned it would retaliate", "our targets",
    "his fighters"), or repeats the speaker's head word."""
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for content in (c for c in verb.children if c.dep_ == "ccomp"):
        subj = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or subj.lower_ in FIRST_PERSON:
            return True
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):  # "our targets", "his fighters"
            return True
        if speaker is not None and subj.lemma_.lower() == speaker.lemma_.lower():
            return True
    return False


# Parts of speech find_triggers reads as triggers (outside predicative dependents).
_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


@cache
def _pred_words() -> frozenset[str]:
    """Words with a "pred" trigger row: most "prep" tokens then cost one set test, not two tuple lookups."""
    return frozenset(word for word, key in triggers() if key == "pred")


@cache
def _trigger_words() -> frozenset[str]:
    """Every word find_triggers can act on: a lexicon word of any kind, a naming verb, a "help" auxiliary."""
    return frozenset(word for word, _key in triggers()) | NAMING_VERBS | HELP_AUX


# LEMMA and LOWER values (string hashes) already looked at, and those that lower-case to a trigger
# word: decided once per string for the process, so a document costs set operations, not string work.
_DECIDED: set[int] = set()
_TRIGGER_HASHES: set[int] = set()


def _maybe_triggers(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form is a trigger word, in text order.

    Every other token is skipped by find_triggers whatever its tag and dependency, so its Python
    Token (and its string attributes) need not be built.
    """
    if not len(doc):
        return []
    if len(_DECIDED) > 500_000:  # a very long run: keep the tables bounded
        _DECIDED.clear()
        _TRIGGER_HASHES.clear()
    words, strings = _trigger_words(), doc.vocab.strings
    lemmas, lowers = column(doc, LEMMA), column(doc, LOWER)
    present = set(lemmas).union(lowers)
    for h in present - _DECIDED:  # strings not seen before in this process: few after the first articles
        _DECIDED.add(h)
        if strings[h].lower() in words:
            _TRIGGER_HASHES.add(h)
    hits = present & _TRIGGER_HASHES
    return [i for i, (lemma, low) in enumerate(zip(lemmas, lowers, strict=True)) if lemma in hits or low in hits]


def find_triggers(doc: Doc) -> list[Candidate]:
    """Trigger tokens, one dict lookup per verb or noun."""
    lex = triggers()
    pred_words = _pred_words()
    out: list[Candidate] = []
    poss, deps = strings(doc, POS), strings(doc, DEP)
    for i in _maybe_triggers(doc):
        pos = poss[i]
        dep = deps[i]
        in_pred = dep in PRED_DEPS
        if not in_pred and pos not in _TRIGGER_POS:
            continue  # nothing below can match: skip the Token and the lemma lookup for most tokens
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if (
            in_pred
            and (lemma in pred_words or tok.lower_ in pred_words)
            and (pred := lex.get((lemma, "pred")) or lex.get((tok.lower_, "pred")))
        ):
            said = _blame_clause(tok)
            if said is not None:
                out.append(Candidate(tok=said, trigger=Trigger(said.lemma_.lower(), "verb", pred[0].type,
                                                                 pred[0].mode, frozenset()), anchor=said))  # fmt: skip
            continue
        if pos == "VERB":
            if dep == "amod":
                continue  # a participle used as an adjective: "captured militants", "a banned party"
            key = "verb"
        elif pos == "AUX" and tok.lower_ in HELP_AUX and tok.head.pos_ == "VERB":
            key, lemma = "verb", "help"  # "helped stabilize": the parser reads "helped" as an auxiliary
        elif pos in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP"):
            if (
                dep in ("compound", "amod", "nmod")
                and tok.head.pos_ in ("NOUN", "PROPN")
                and tok.head.lemma_.lower() not in CONTAINER_NOUNS
            ):
                continue  # a modifier ("peacekeeping forces", "protest leaders"), not an event
            key = "noun"
        else:
            continue
        rows = lex.get((lemma, key))
        if rows is None and key == "noun":
            rows = lex.get((tok.lower_, key))
        if not rows and not (key == "verb" and lemma in NAMING_VERBS):
            continue
        row = _choose(tok, rows)
        if row is None or row.type == "NONE":
            continue
        if key == "verb" and lemma in CASUALTY_VERBS and _agentless_passive(tok):
            continue  # "225 people were killed": a casualty report (a Count), not a new event
        cand = Candidate(tok=tok, trigger=row, anchor=tok.head if pos == "AUX" else tok)
        if key == "verb" and row.type == "ASSAULT" and (moved := _purpose_of_motion(tok, lex)) is not None:
            cand = moved
        if key == "noun":
            _carried(cand, lex)
        out.append(cand)
    return out


def _purpose_of_motion(tok: Token, lex) -> Candidate | None:
    """ "The coalition came to Iraq to fight ISIS": an attack given as the purpose of coming or sending is not
    reported as done; the movement of forces is the event (PLOVER MOBILIZE), anchored on the motion verb."""
    head = tok.head
    if tok.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    rows = lex.get((head.lemma_.lower(), "motion"))
    if not rows or head.pos_ != "VERB":
        return None
    row = rows[0]
    return Candidate(tok=head, trigger=Trigger(row.lemma, "verb", row.type, row.mode, frozenset()), anchor=head)


def _blame_clause(pred: Token) -> Token | None:
    """The speech verb of "X said Y are the perpetrators" / "said Y was behind the attack", when `pred` is the
    predicate of a reported clause about Y: the report is itself an accusation of Y (PLOVER ACCUSE, allege)."""
    if pred.dep_ == "ccomp" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in pred.children):
        be = pred  # "said it was misdirected": the parser reads the adjective as a passive participle
        if not any(c.dep_ == "nsubjpass" for c in be.children) or be.head.pos_ != "VERB":
            return None
        return None if any(c.dep_ == "neg" for c in be.children) else be.head
    be = pred.head
    if be.lemma_ != "be" or be.dep_ != "ccomp" or be.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "nsubj" for c in be.children):
        return None
    if pred.dep_ == "prep" and not any(c.dep_ == "pobj" for c in pred.children):
        return None
    if any(c.dep_ == "neg" for c in be.children):
        return None  # "said the group was not behind it": a denial, not an accusation
    return be.head


def _carried(cand: Candidate, lex) -> None:
    """ "Statements of condemnation have come from X": the event noun takes the clause of the noun carrying it."""
    tok = cand.tok
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return
    carrier = tok.head.head
    if not lex.get((carrier.lemma_.lower(), "carrier")) or carrier.dep_ != "nsubj" or carrier.head.pos_ != "VERB":
        return
    cand.anchor = carrier.head
    cand.via_subject = True
    cand.source_from = True


def _agentless_passive(tok: Token) -> bool:
    doc = tok.doc
    dep, kids = strings(doc, DEP), children(doc)[tok.i]
    passive = any(dep[c] in ("auxpass", "nsubjpass") for c in kids) or (
        tok.tag_ == "VBN" and dep[tok.i] != "ROOT" and not any(dep[c] == "aux" for c in kids)
    )
    return passive and not any(dep[c] == "agent" for c in kids)


def _link(cands: list[Candidate]) -> list[Candidate]:
    """Fold triggers into the triggers that govern them; give nouns their support verb's clause."""
    by_index = {c.tok.i: c for c in cands}
    for c in cands:
        if c.trigger.type == "LIGHT":
            continue
        cur = c.tok
        path: set[str] = set()
        for _ in range(4):
            dep = cur.dep_
            path.add(dep)
            if cur.head == cur:
                break
            if dep == "conj":
                if cur.head.pos_ not in ("NOUN", "PROPN"):
                    break
                cur = cur.head  # a coordinated noun shares its first conjunct's governor
                continue
            if dep not in GOVERNING_DEPS and dep != "conj" and not (dep == "ccomp"):
                break
            head = cur.head
            gov = by_index.get(head.i)
            if gov is not None:
                if gov.trigger.type == "LIGHT":
                    if dep not in LIGHT_REACH and dep != "conj":
                        break
                    if c.anchor == c.tok:
                        c.anchor = head
                    cur = head  # "promised to continue aid": the support verb may itself be governed
                    continue
                if dep == "ccomp" and gov.trigger.type not in SPEECH_ACTS:
                    break
                if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in CLAUSE_MARKS for m in cur.children):
                    break  # "agreed after Turkey began an offensive": a separate event in a time clause
                if dep == "prep" and cur.lower_ in TIME_PREPS:
                    break  # "condemned anti-semitism after vandalism against a synagogue": two events
                if dep == "nsubj" and c.tok.pos_ == "VERB":
                    break
                if (
                    c.tok.pos_ == "VERB"
                    and c.trigger.type in SPEECH_ACTS
                    and gov.trigger.type not in SPEECH_ACTS
                    and path & {"acl", "advcl"}
                ):
                    break  # "marched carrying placards asking the government to resign": a demand of its own
                c.governor = gov
                gov.governed.append(c)
                break
            if dep == "ccomp":
                break
            if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in CLAUSE_MARKS for m in cur.children):
                break  # "came to fight ISIS after the group took over": the time clause is an event of its own
            if dep == "nsubj" and cur == c.tok and head.pos_ == "VERB" and c.anchor == c.tok:
                c.anchor = head  # "the second blast affected first responders": the verb carries the event noun
                c.via_subject = True
            cur = head
    return [c for c in cands if c.trigger.type != "LIGHT" and c.governor is None]


def _resolve_type(c: Candidate) -> tuple[str, str | None]:
    """Final (type, mode): INTENT verbs take their type from what they announce."""
    t = c.trigger
    if t.type != "INTENT":
        return t.type, t.mode
    inner = [g.trigger.type for g in c.governed]
    if c.tok.lemma_.lower() == "threaten" or any(x in HOSTILE_ACTION or x == "THREATEN" for x in inner):
        mode = next((THREAT_MODE.get(x) for x in inner if x in THREAT_MODE), None)
        return "THREATEN", mode
    return "AGREE", None


def _trigger_span(article: Article, c: Candidate):
    doc = c.tok.doc
    kids, dep = children(doc), strings(doc, DEP)
    toks = [c.tok.i] + [ch for ch in kids[c.tok.i] if dep[ch] == "prt"]
    if c.anchor != c.tok and abs(c.anchor.i - c.tok.i) <= 3:
        toks.append(c.anchor.i)
        toks.extend(ch for ch in kids[c.anchor.i] if dep[ch] == "prt")
    i, j = min(toks), max(toks)
    start, end = clip_to_line(article.text, doc[i].idx, doc[j].idx + len(doc[j].text), c.tok.idx)
    return make_span(article.text, start, end)


def _args(doc: Doc, article: Article, c: Candidate, type_: str) -> tuple[Actor | None, Actor | None]:
    tok, anchor = c.tok, c.anchor
    kids, dep, low = children(doc), strings(doc, DEP), strings(doc, LOWER)
    if tok.pos_ in ("VERB", "AUX"):
        actor_tok, target_tok = verbal_args(anchor if tok.pos_ == "AUX" else tok, type_)
    else:
        actor_tok, target_tok = nominal_args(tok, type_)
        if (c.source_from or c.via_subject) and actor_tok is None:
            actor_tok = _prep_pobj(anchor, ("from",))  # "condemnation came from X"
            if actor_tok is not None and not c.source_from and not is_agent_like(actor_tok):
                actor_tok = None  # "the attack came from the north": a direction, not a doer
        if (
            anchor != tok
            and anchor.pos_ in ("VERB", "AUX")
            and not ((c.source_from or c.via_subject) and actor_tok is not None)
        ):
            a2, t2 = verbal_args(anchor, type_)
            actor_tok = actor_tok if usable(actor_tok) and not (is_pronoun(actor_tok) and usable(a2)) else a2
            if target_tok is None and t2 is not None and t2 != tok and t2.i not in [x.i for x in tok.subtree]:
                target_tok = t2
    if target_tok is None and c.governed:
        inner = c.governed[0]
        if inner.tok.pos_ == "VERB":
            _, target_tok = verbal_args(inner.tok, inner.trigger.type)
        else:
            _, target_tok = nominal_args(inner.tok, inner.trigger.type)
        if target_tok is not None and actor_tok is not None and target_tok.i == actor_tok.i:
            target_tok = None
    if (
        target_tok is not None
        and c.trigger.requires
        and any(t.lemma_.lower() in c.trigger.requires or t.lower_ in c.trigger.requires for t in target_tok.subtree)
    ):
        # "lifted the state of emergency", "gave X aid": what was given or lifted is not a party;
        # the recipient is ("gave the Ivory Coast aid", "aid to Mozambique", "ties with Tehran").
        target_tok = _recipient(anchor if tok.pos_ in ("VERB", "AUX") else tok)
    if not usable(target_tok):
        target_tok = None
    if target_tok is None and type_ in SPEECH_ACTS:  # "demanded that the US cancel": the one asked
        target_tok = _content_subject(anchor if tok.pos_ in ("VERB", "AUX") else tok)
    if target_tok is not None and any(
        dep[ch] == "poss" and low[ch] in OWN_POSSESSIVES for ch in kids[target_tok.i]
    ):  # "withdraw its troops from Lebanon": the doer's own forces are not the target
        verb = anchor if tok.pos_ in ("VERB", "AUX") else tok
        target_tok = _prep_pobj(verb, ("from", "to", "into", "on", "against"))
    target_tok = refine_target(target_tok)
    if target_tok is None or not is_agent_like(target_tok):
        avoid = {t.i for t in actor_tok.subtree} if actor_tok is not None else set()
        roots = [t for t in (target_tok, tok, anchor) if t is not None]
        party = find_party(roots, avoid)
        if party is not None and not (target_tok is not None and party.head == target_tok
                                      and party.dep_ in ("compound", "amod", "nmod")):  # fmt: skip
            target_tok = party  # else "government buildings", "Palestinian homes" name their party already
    if target_tok is None and type_ not in SPEECH_ACTS:
        target_tok = _place_acted_on(anchor if tok.pos_ in ("VERB", "AUX") else tok)
    actor_tok = owner(_past_dateline(article, actor_tok))
    if actor_tok is None or (is_pronoun(actor_tok) and actor_tok.dep_ != "poss"):
        actor_tok = _reporter(anchor if tok.pos_ in ("VERB", "AUX") else tok) or actor_tok
    actor = make_actor(doc, article, actor_tok) if usable(actor_tok) else None
    target = make_actor(doc, article, target_tok) if usable(target_tok) and target_tok != actor_tok else None
    if actor is None and type_ in IMPLICIT_ACTOR and tok.pos_ != "VERB":
        actor = Actor(text=IMPLICIT_ACTOR[type_], sector="CVL")
    return actor, target


def _past_dateline(article: Article, tok: Token | None) -> Token | None:
    """ "BUENOS AIRES, Feb 26 - Argentina could suspend": the parser may take the dateline for the subject;
    the subject is then the next one of the same verb."""
    dl = article.dateline.span if article.dateline is not None else None
    if tok is None or dl is None or not (dl.start <= tok.idx < dl.end):
        return tok
    return next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.idx >= dl.end), None)


def _reporter(tok: Token) -> Token | None:
    """ "Syria says it is willing to withdraw": a pronoun (or missing) doer in reported speech is the speaker."""
    cur = tok
    for _ in range(4):
        if cur.head == cur:
            return None
        if cur.dep_ == "ccomp":
            subj = next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and not is_pronoun(subj):
                return subj
            return None
        if cur.dep_ not in ("xcomp", "conj", "acomp", "prep", "pobj", "pcomp", "dobj", "nsubj", "nsubjpass", "attr"):
            return None
        cur = cur.head
    return None


def _prep_pobj(head: Token, preps: tuple[str, ...]) -> Token | None:
    doc = head.doc
    kids, dep, low = children(doc), strings(doc, DEP), strings(doc, LOWER)
    for child in kids[head.i]:
        if dep[child] == "prep" and low[child] in preps:
            obj = next((c for c in kids[child] if dep[c] == "pobj"), None)
            if obj is not None:
                return doc[obj]
    return None


def _place_acted_on(head: Token) -> Token | None:
    """ "imposed a curfew in Algiers", "sought refuge in Germany": with no party named, the place whose
    people bear the act is its target (PLOVER codes such targets by location)."""
    doc = head.doc
    kids, heads_of, dep, low, ent = (
        children(doc),
        heads(doc),
        strings(doc, DEP),
        strings(doc, LOWER),
        strings(doc, ENT_TYPE),
    )
    frontier = [head.i]
    for _ in range(4):
        nxt = []
        for t in frontier:
            for c in kids[t]:
                if dep[c] in ("nsubj", "nsubjpass", "advcl", "relcl", "punct", "ccomp"):
                    continue
                if dep[c] == "pobj" and low[heads_of[c]] in ("in", "into", "on") and ent[c] in ("GPE", "LOC"):
                    return doc[c]
                nxt.append(c)
        frontier = nxt
    return None


def _recipient(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dative":
            return next((c for c in child.children if c.dep_ == "pobj"), child)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "with", "for", "on", "against"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


def _content_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass") and sub.pos_ != "PRON":
                    return sub
    return None


def _apply_modality(type_: str, mode: str | None, status: str, anchor: Token) -> tuple[str, str | None]:
    """PLOVER codes an announced or possible action as intent: AGREE, THREATEN, REQUEST or REJECT.

    "will lift" -> AGREE, "could attack" -> THREATEN, "will withdraw ... unless" -> THREATEN (a conditional
    commitment is leverage), "X must agree" -> REQUEST (an obligation laid on someone), "will not accept"
    or "failed to reach agreement" -> REJECT.
    """
    doc = anchor.doc
    kids, dep, low = children(doc), strings(doc, DEP), strings(doc, LOWER)
    auxes = {low[c] for c in kids[anchor.i] if dep[c] == "aux"}
    if auxes & DEONTIC_AUX and type_ not in SPEECH_ACTS:
        return "REQUEST", None
    if status == "negated" and type_ in COOPERATIVE:
        return "REJECT", None
    if status in ("future", "hypothetical"):
        unless = any(dep[c] == "advcl" and any(low[m] == "unless" for m in kids[c]) for c in kids[anchor.i])
        if unless and type_ not in SPEECH_ACTS:
            return "THREATEN", THREAT_MODE.get(type_)
        if type_ in COOPERATIVE:
            return "AGREE", mode
        if type_ in HOSTILE_ACTION:
            return "THREATEN", THREAT_MODE.get(type_)
    return type_, mode


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None or a.span is None or b.span is None:
        return True  # an implicit doer ("protesters" read from a protest noun) fits any named one
    if a.entity and b.entity:
        return a.entity == b.entity
    x, y = a.text.lower(), b.text.lower()
    if a.sector == b.sector == "CVL" and not a.entity and not b.entity:
        return True  # "protesters", "thousands", "one million people": the story's crowd, named twice
    wx, wy = set(x.split()), set(y.split())  # by words: "he" is not part of "the president"
    return wx <= wy or wy <= wx or (a.country is not None and a.country == b.country and a.sector == b.sector)


COMPATIBLE_STATUS = frozenset({"asserted", "attributed", "contested"})


def _status_agree(a: str, b: str) -> bool:
    return a == b or (a in COMPATIBLE_STATUS and b in COMPATIBLE_STATUS)


def _dates_agree(a: Draft, b: Draft) -> bool:
    da, db = a.event.date, b.event.date
    if da == db or da is None or db is None or min(a.date_rank, b.date_rank) <= 1:
        return True
    return da.startswith(db) or db.startswith(da)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One event per happening: fold repeated mentions into the best-dated one."""
    kept: list[Draft] = []
    earlier_types: dict[str, int] = {}
    for d in sorted(drafts, key=lambda d: d.pos):
        earlier_types.setdefault(d.event.type, d.pos)
    drafts = [d for d in drafts if not (d.anaphoric and earlier_types.get(d.event.type, d.pos) < d.pos)]
    for d in sorted(drafts, key=lambda d: -d.date_rank):
        ev = d.event
        for k in kept:
            if k.pos == d.pos:
                continue  # one statement split per speaker: keep each
            ke = k.event
            same_place = ke.country == ev.country or ke.country is None or ev.country is None
            same_doer = ke.actor is not None and ev.actor is not None and _same_actor(ke.actor, ev.actor)
            if (
                ke.type == ev.type
                and _status_agree(ke.status, ev.status)
                and _dates_agree(k, d)
                and (
                    (same_place and _same_actor(ke.actor, ev.actor) and _same_actor(ke.target, ev.target))
                    or (d.date_rank == 0 and (same_place or _same_actor(ke.actor, ev.actor)))  # a headline
                    or (same_place and d.date_rank == 1 and _same_actor(ke.actor, ev.actor))  # a later retelling
                    or (same_doer and ke.date == ev.date and min(k.date_rank, d.date_rank) > 0)
                    or (
                        same_place
                        and ke.country is not None
                        and ke.date == ev.date
                        and min(k.date_rank, d.date_rank) == 2
                        and _same_actor(ke.actor, ev.actor)
                    )  # one attack told twice ("were hit by drones"; "drones struck the plant") the same day
                )
            ):
                if (ke.actor is None or ke.actor.span is None) and ev.actor is not None and ev.actor.span is not None:
                    ke.actor = ev.actor
                if ke.target is None and ev.target is not None:
                    ke.target = ev.target
                if ke.country is None and ev.country is not None:
                    ke.place, ke.place_id, ke.country = ev.place, ev.place_id, ev.country
                break
        else:
            kept.append(d)
    return sorted(kept, key=lambda d: d.pos)


def _link_counts(doc: Doc, article: Article, events: list[Event]) -> None:
    """Count.event and Event.counts: the event of the same sentence, else the last one before."""
    if not events or not article.counts:
        return
    sent_of = {}
    for ev in events:
        tok = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        sent_of[ev.id] = sentence_chars(doc, tok.start)[0] if tok is not None and len(tok) else -1
    for count in article.counts:
        if not isinstance(count, Count):
            continue
        span = doc.char_span(count.start, count.end, alignment_mode="expand")
        sent_start = sentence_chars(doc, span.start)[0] if span is not None and len(span) else -2
        wanted = COUNT_TYPES.get(count.what, ())
        same = [e for e in events if sent_of[e.id] == sent_start]
        pick = next((e for e in same if e.type in wanted), None)
        if pick is None:
            before = [e for e in events if e.trigger.start <= count.start and e.type in wanted]
            pick = before[-1] if before else (same[0] if same and wanted else None)
        if pick is not None:
            count.event = pick.id
            if count.id not in pick.counts:
                pick.counts.append(count.id)


def extract(doc: Doc, article: Article) -> list[Event]:
    """Events of the article, in text order, ids ev1, ev2, ..."""
    cands = _link(find_triggers(doc))
    times = sorted((t for t in article.times if t.value), key=lambda t: t.start)
    starts = [t.start for t in times]
    drafts: list[Draft] = []
    for c in cands:
        try:
            draft = _draft(doc, article, c, times, starts)
            if draft is not None:
                drafts.extend(_split_speakers(doc, article, draft))
        except Exception as exc:  # noqa: BLE001 - one odd sentence must not lose the others
            log.debug("event at %d skipped: %s", c.tok.idx, exc)
            article.warnings.append(f"event at offset {c.tok.idx} skipped: {type(exc).__name__}: {exc}")
    events = [d.event for d in _merge(drafts)]
    for n, ev in enumerate(events, 1):
        ev.id = f"ev{n}"
    _link_counts(doc, article, events)
    return events


def _draft(doc: Doc, article: Article, c: Candidate, times, starts) -> Draft | None:
    type_, mode = _resolve_type(c)
    status, source, quote_id = status_and_source(article, c.tok if c.via_subject else c.anchor)
    if c.via_subject and status == "negated":
        status = "attributed" if source is not None else "asserted"  # "the talks did not produce a result"
    kids, dep, low = children(doc), strings(doc, DEP), strings(doc, LOWER)
    if status in ("asserted", "attributed") and any(
        dep[ch] == "amod" and low[ch] in UNREALIZED for ch in kids[c.tok.i]
    ):
        status = "hypothetical"  # "an imminent incursion", "the proposed deal"
    if c.trigger.type == "INTENT" and status in ("future", "hypothetical"):
        status = "asserted" if source is None else "attributed"
    anchor = c.anchor if c.anchor != c.tok else c.tok
    type_, mode = _apply_modality(type_, mode, status, anchor)
    if type_ in ("REJECT", "REQUEST") and c.trigger.type not in ("REJECT", "REQUEST"):
        status = "attributed" if source is not None else "asserted"  # the refusal or demand itself is reported
    actor, target = _args(doc, article, c, type_)
    if type_ == "REQUEST" and c.trigger.type != "REQUEST":
        # "Rebels announced that the president must agree": the speaker demands it of the clause's subject.
        speaker = _reporter(anchor)
        if speaker is not None:
            target = actor
            actor = make_actor(doc, article, speaker)
    span = _trigger_span(article, c)
    participants = [(a.span.start, a.span.end) for a in (actor, target) if a is not None and a.span is not None]
    place, place_id, country = locate(doc, article, c.anchor, span.start, type_, actor, target, participants)
    if type_ == "PROTEST" and target is None and place_id is not None:
        # A protest is aimed at the government of the country it fills the streets of (PLOVER's usual coding).
        where = next((p for p in article.places if p.id == place_id), None)
        if where is not None and where.kind == "country":
            target = Actor(text=where.text, span=make_span(article.text, where.start, where.end),
                           country=where.country, sector="GOV")  # fmt: skip
    date, time_id = date_of(doc, article, c.anchor, c.tok, times, starts)
    rank = DATE_RANK["clause"] if time_id and _in_sentence(article, time_id, c.tok) else (
        DATE_RANK["anchor"] if time_id else DATE_RANK["published"])  # fmt: skip
    if rank == DATE_RANK["anchor"] and type_ in SPEECH_TYPES:
        date = _reaction_range(article, times, date)
    if c.trigger.type == "CONSULT" and c.tok.pos_ == "VERB":
        obj = next((doc[ch] for ch in kids[c.tok.i] if dep[ch] == "dobj"), None)
        if obj is not None and not is_agent_like(obj):
            return None  # "met its targets", "visited the hospital": no counterpart, no consultation
        deps = {dep[ch] for ch in kids[c.tok.i]}
        if "auxpass" in deps and "agent" not in deps:
            return None  # "was met with applause": received, not a meeting (a meeting has its "by" party)
    nominal = c.tok.pos_ in ("NOUN", "PROPN")
    if nominal and c.anchor == c.tok and actor is None and target is None and rank < 2:
        return None  # a bare event noun ("the threats", "cooperation"): a topic, not a reported happening
    if nominal and quote_id is not None and rank < 2 and (c.anchor == c.tok or c.via_subject):
        return None  # an event noun in someone's words ("Nabil's murder is unacceptable"): their topic
    anaphoric = (
        nominal
        and (c.anchor == c.tok or (c.trigger.type != "LIGHT" and c.tok.dep_ == "dobj" and c.tok.head == c.anchor))
        and any(
            dep[ch] in ("det", "poss") and low[ch] in ("the", "this", "that", "these", "those", "its", "their")
            for ch in kids[c.tok.i]
        )
    )
    event = Event(
        id="", type=type_, mode=mode, trigger=span, actor=actor, target=target, place=place, place_id=place_id,
        country=country, date=date, time_id=time_id, source=source, quote_id=quote_id, status=status,
    )  # fmt: skip
    lexical = type_ == c.trigger.type
    return Draft(event=event, pos=span.start, date_rank=rank, anaphoric=anaphoric, lexical=lexical)


def _reaction_range(article: Article, times, date: str | None) -> str | None:
    """A statement with no time of its own was made between the story's news and its publication.

    The narrative anchor misleads when it is background older than the news ("on Friday the government
    announced ..." in a story about Sunday's bombing): then the lead's time (the first dated time of the body,
    "yesterday") bounds the statement from below and publication from above, a range (Sunday..Monday).
    """
    published = article.published.date if article.published else None
    if not date or "/" in date or "W" in date or not published:
        return date
    lead = next((t.value for t in times if t.start >= article.body_start and t.value and len(t.value) == 10
                 and t.value <= published), None)  # fmt: skip
    if lead is None or lead <= date or lead >= published:
        return date  # the anchor is the latest news: the statement is dated by it
    return f"{lead}/{published}"


def _split_speakers(doc: Doc, article: Article, draft: Draft) -> list[Draft]:
    """One statement per speaker: "the council and the government called for an inquiry" is two
    REQUESTs (PLOVER keeps one source actor per record); joint acts (meetings, attacks) stay whole."""
    ev = draft.event
    if ev.type not in SPLIT_TYPES or not draft.lexical or ev.actor is None or ev.actor.span is None:
        return [draft]
    span = doc.char_span(ev.actor.span.start, ev.actor.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return [draft]
    head = span.root
    members = [head, *head.conjuncts]
    if len(members) < 2 or any(m.pos_ == "PRON" for m in members):
        return [draft]
    out = []
    for member in sorted(members, key=lambda t: t.i):
        actor = make_actor(doc, article, member, alone=True)
        if actor is None:
            return [draft]
        out.append(Draft(event=ev.model_copy(update={"actor": actor}), pos=draft.pos, date_rank=draft.date_rank,
                         anaphoric=draft.anaphoric))  # fmt: skip
    return out


def _in_sentence(article: Article, time_id: str, tok: Token) -> bool:
    s_start, s_end = sentence_chars(tok.doc, tok.i)
    return any(t.id == time_id and s_start <= t.start < s_end for t in article.times)
