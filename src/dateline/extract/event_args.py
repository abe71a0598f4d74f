"""Who did it and to whom: actor and target of an event trigger, read off the dependency parse.

Each participant becomes an `Actor` with the words the article uses, the entity they name
(when the entities extractor found one), and a country and sector guessed from titles, demonyms,
places and role nouns ("Kazakh President" -> KZ GOV, "police" -> COP). Other extractors may
still be landing, so every lookup into the article degrades to None rather than failing.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import DEP, ENT_TYPE, IS_PUNCT, LOWER, POS
from spacy.tokens import Doc, Token

from ..record import Actor, Article, Entity, make_span
from .entity_base import children, column, heads, strings
from .event_lexicon import sectors, triggers

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
# Per type, prepositions that name the target when there is no direct object.
TYPE_TARGET_PREPS = {
    "CONSULT": ("with", "to"), "AGREE": ("with",), "COOPERATE": ("with",), "AID": ("to", "for"),
    "REQUEST": ("on", "upon", "to"), "ACCUSE": ("against", "of"), "REJECT": (), "THREATEN": ("against",),
    "PROTEST": ("against",), "SANCTION": ("on", "against"), "COERCE": ("on", "against"),
    "ASSAULT": ("against", "on", "at", "upon", "into"), "MOBILIZE": ("against", "to", "into"),
    "SUPPORT": ("for",), "CONCEDE": ("to",), "RETREAT": ("from",),
}  # fmt: skip
# Dependents that end a participant phrase: clauses and asides, not part of the name.
CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "parataxis", "mark", "dep"})
KEEP_PREPS = frozenset({"of", "in", "from"})
# Role nouns that name whom they speak or act for: "a spokesperson for the president", "the Minister for Energy".
FOR_ROLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "envoy", "representative", "minister",
                       "secretary", "commissioner", "ambassador", "advocate", "coordinator", "rapporteur"})  # fmt: skip
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "you"})
# Nominalizations whose possessor is the patient ("Nabil's murder", "his arrest").
PATIENT_NOUNS = frozenset({"murder", "killing", "assassination", "arrest", "detention", "abduction", "kidnapping",
                           "release", "death", "execution", "deportation", "torture", "capture", "stabbing"})  # fmt: skip
# Implicit actor of a nominal trigger whose doer the sentence leaves unsaid.
IMPLICIT_ACTOR = {"PROTEST": "protesters"}


@cache
def _entities_helpers():
    """entity_at / demonym_country from the entities extractor, when it provides them (looked up once:
    actors ask for them once per word)."""
    try:
        from . import entities
    except ImportError:  # pragma: no cover - module always exists in the package
        return None, None
    return getattr(entities, "entity_at", None), getattr(entities, "demonym_country", None)


def find_entity(article: Article, start: int, end: int) -> Entity | None:
    """The entity mentioned at [start:end], via entities.entity_at or the mentions themselves."""
    entity_at, _ = _entities_helpers()
    if entity_at is not None:
        try:
            found = entity_at(article, start, end)
        except Exception:  # noqa: BLE001 - a helper still landing must not break events
            found = None
        if isinstance(found, Entity):
            return found
        if isinstance(found, str):
            return next((e for e in article.entities if e.id == found), None)
    best: Entity | None = None
    best_len = 0
    for ent in article.entities:
        for m in ent.mentions:
            if m.start >= start and m.end <= end and m.end - m.start > best_len:
                best, best_len = ent, m.end - m.start
    return best


def demonym_country(word: str) -> str | None:
    _, helper = _entities_helpers()
    if helper is None:
        return None
    try:
        code = helper(word)
    except Exception:  # noqa: BLE001
        return None
    return code if isinstance(code, str) else None


def phrase_bounds(tok: Token, alone: bool = False) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase headed by `tok`, clauses and asides cut off.

    `alone` leaves out coordinated phrases ("the council" of "the council and the government").
    Walks the Doc's token columns (`entity_base.children`, `strings`), not spaCy Tokens.
    """
    doc, top = tok.doc, tok.i
    kids, punct = children(doc), column(doc, IS_PUNCT)
    dep, low, pos = strings(doc, DEP), strings(doc, LOWER), strings(doc, POS)
    left, right = top, top

    def walk(t: int) -> None:
        nonlocal left, right
        for child in kids[t]:
            child_dep = dep[child]
            if alone and t == top and child_dep in ("conj", "cc", "preconj"):
                continue
            if child_dep in CUT_DEPS and not (child_dep == "cc" and any(dep[c] == "conj" for c in kids[t])):
                if child_dep == "appos" and t == top and _names_role(tok, doc[child]):
                    right = max(right, child)  # "OIC head Yousef Al-Othaimeen": the role's name, not its asides
                continue
            if (
                child_dep == "prep"
                and low[child] not in KEEP_PREPS
                and pos[t] in ("NOUN", "PROPN", "PRON")
                and not (low[child] == "for" and doc[t].lemma_.lower() in FOR_ROLES)
            ):
                continue  # "rioters in Almaty" keeps "in"; "troops against X" stops; "loyal to X" stays whole
            if child_dep == "prep" and child < top:
                continue
            left, right = min(left, child), max(right, child)
            walk(child)

    walk(top)
    # Never start on a punctuation or a dangling conjunction.
    while left < right and (punct[left] or dep[left] == "cc"):
        left += 1
    while right > left and (punct[right] or dep[right] == "cc"):
        right -= 1
    return left, right + 1


def _names_role(role: Token, appos: Token) -> bool:
    """ "head Yousef Al-Othaimeen": a person's name right after a role noun is who the role is."""
    return role.pos_ == "NOUN" and appos.ent_type_ == "PERSON" and appos.left_edge.i == role.i + 1


def _is_event_noun(tok: Token) -> bool:
    doc = tok.doc
    rows = triggers().get((tok.lemma_.lower(), "noun"), ())
    if not rows:
        return False
    kids, low = children(doc)[tok.i], strings(doc, LOWER)
    mods = {doc[c].lemma_.lower() for c in kids} | {low[c] for c in kids}
    # "drone strikes" is an event too: a row whose required word modifies the noun counts.
    return any(t.type not in ("LIGHT", "INTENT", "NONE") and (not t.requires or t.requires & mods) for t in rows)


def _sector(doc: Doc, i: int, j: int, head: Token, entity: Entity | None) -> str | None:
    table = sectors()
    words = strings(doc, LOWER)[i:j]
    lemmas = [t.lemma_.lower() for t in doc[i:j]]
    # The head noun says most ("police", "protesters"), then a two-word role, then any title word.
    # The plural's stem too: a capitalized "Protesters" opening a sentence is read as a name, with itself as lemma.
    for key in (head.lemma_.lower(), head.lower_, head.lower_[:-1] if head.lower_.endswith("s") else ""):
        if key in table and head.ent_type_ not in ("PERSON",):
            return table[key]
    for n in range(len(words) - 1):
        for seq in (words, lemmas):
            pair = f"{seq[n]} {seq[n + 1]}"
            if pair in table:
                return table[pair]
    for word, lemma in zip(words, lemmas, strict=True):
        if word in table:
            return table[word]
        if lemma in table:
            return table[lemma]
    if head.like_num or head.lower_ in ("thousands", "hundreds", "dozens", "millions", "crowds"):
        return "CVL"
    if entity is not None:
        for title in entity.titles:
            for word in reversed(title.lower().split()):
                if word in table:
                    return table[word]
        if entity.type == "GPE":
            return "GOV"
    return None


def _country(doc: Doc, article: Article, i: int, j: int, entity: Entity | None) -> str | None:
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    for place in article.places:
        if place.start >= start and place.end <= end and place.country:
            return place.country
    ent, pos = strings(doc, ENT_TYPE), strings(doc, POS)
    for k in range(i, j):
        if ent[k] in ("NORP", "GPE") or pos[k] in ("ADJ", "PROPN"):
            code = demonym_country(doc[k].text)
            if code:
                return code
    if entity is not None and entity.country:
        return entity.country
    return None


def clip_to_line(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """Keep a phrase within the line of its head: a parse may run across a headline or a page's chrome."""
    nl = text.rfind("\n", start, anchor)
    if nl != -1:
        start = nl + 1
    nl = text.find("\n", anchor, end)
    if nl != -1:
        end = nl
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_actor(doc: Doc, article: Article, tok: Token, alone: bool = False) -> Actor | None:
    """An Actor for the phrase headed by `tok`; None for a phrase that names an event, not a doer."""
    if tok.pos_ in ("VERB", "AUX", "PUNCT") or tok.dep_ in ("expl",):
        return None
    i, j = phrase_bounds(tok, alone)
    if j - i > 14:  # a sprawling phrase: keep the head and its own modifiers only
        i, j = min(i, tok.i), tok.i + 1
    start, end = clip_to_line(article.text, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), tok.idx)
    dl = article.dateline.span if article.dateline is not None else None
    if dl is not None and dl.start <= start < dl.end <= tok.idx:  # "LIMA, March 3 - Peru": not the dateline
        start = dl.end
        while start < end and not article.text[start].isalnum():
            start += 1
    span = make_span(article.text, start, end)
    entity = find_entity(article, start, end)
    return Actor(
        text=span.text,
        entity=entity.id if entity else None,
        span=span,
        country=_country(doc, article, i, j, entity),
        sector=_sector(doc, i, j, tok, entity),  # type: ignore[arg-type]
    )


def _children(tok: Token, deps: frozenset[str]) -> list[Token]:
    doc = tok.doc
    dep = strings(doc, DEP)
    return [doc[c] for c in children(doc)[tok.i] if dep[c] in deps]


def _prep_object(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> Token | None:
    doc = tok.doc
    kids, dep, low = children(doc), strings(doc, DEP), strings(doc, LOWER)
    for child in kids[tok.i]:
        if dep[child] in ("prep", "agent", "dative") and low[child] in preps:
            for obj in kids[child]:
                if dep[obj] == "pobj":
                    return doc[obj]
    return None


def _is_passive(verb: Token) -> bool:
    doc = verb.doc
    dep = strings(doc, DEP)
    return any(dep[c] in ("auxpass", "nsubjpass") for c in children(doc)[verb.i]) or (
        verb.tag_ == "VBN" and dep[verb.i] in ("acl", "amod")
    )


def _subject(verb: Token) -> Token | None:
    """Grammatical subject, inherited through xcomp, conj and participle clauses (control)."""
    seen = 0
    cur: Token | None = verb
    while cur is not None and seen < 5:
        seen += 1
        subj = _children(cur, SUBJECT_DEPS)
        if not subj and cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.head.pos_ in ("NOUN", "PROPN"):
            main = _governing_verb(cur.head)  # "posted a message on Facebook blaming X": the poster blames
            return _subject(main) if main is not None and main != cur else None
        if subj:
            if subj[0].tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return cur.head
            if _misread_medium(cur, subj[0]):
                main = _governing_verb(cur.head)
                return _subject(main) if main is not None else None
            return subj[0]
        if _children(cur, PASSIVE_SUBJECT_DEPS):
            return None
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head != cur:
            if cur.dep_ == "xcomp":  # "urged X to assist": the object controls the clause
                obj = _children(cur.head, OBJECT_DEPS)
                if obj:
                    return obj[0]
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "relcl") and _carrier_clause(cur):
            main = _governing_verb(cur.head)  # "carried placards asking X", "voted on a resolution to expel X"
            return _subject(main) if main is not None and main != cur else None
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head if cur.dep_ == "relcl" else None
        return None
    return None


def _carrier_clause(verb: Token) -> bool:
    """ "placards asking the government to resign", "a resolution to expel the troops": a participle or an
    infinitive on a thing (not a party) says what the thing's author does; the author is the subject of the
    verb that governs the thing."""
    head = verb.head
    if head.pos_ != "NOUN" or head.dep_ not in ("dobj", "pobj") or is_agent_like(head):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive or (verb.tag_ == "VBG" and verb.dep_ == "acl")


def _misread_medium(verb: Token, subj: Token) -> bool:
    """ "posted a message on Twitter blaming Iran": the parser makes the medium the subject of the participle
    hanging off its preposition; the doer is the subject of the main clause."""
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and subj.i == verb.head.i + 1 and subj.i < verb.i


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def verbal_args(verb: Token, type_: str) -> tuple[Token | None, Token | None]:
    """(actor, target) heads for a clause anchored at `verb`."""
    if _is_passive(verb):
        actor = _prep_object(verb, ("by",))
        target = next(iter(_children(verb, PASSIVE_SUBJECT_DEPS)), None)
        if target is None and verb.dep_ in ("acl", "amod"):
            target = verb.head
        return actor, target
    actor = _subject(verb)
    target = next(iter(_children(verb, OBJECT_DEPS)), None)
    if target is None:
        target = _prep_object(verb, TYPE_TARGET_PREPS.get(type_, ()))
    if target is not None and target.dep_ == "dative":
        target = next(iter(_children(target, frozenset({"pobj"}))), target)
    return actor, target


def nominal_args(noun: Token, type_: str) -> tuple[Token | None, Token | None]:
    """(actor, target) heads for a nominal trigger: "Turkey's offensive", "attacks against police"."""
    actor: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss":
            if noun.lemma_.lower() in PATIENT_NOUNS:
                patient = _prep_object(noun, ("of",))
                if patient is not None:  # "the United States' killing of Soleimani"
                    return child, patient
                return _prep_object(noun, ("by",)), child  # "Soleimani's killing": the one it was done to
            actor = child
            break
    if actor is None:
        actor = _prep_object(noun, ("by",))
    if actor is None:
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.ent_type_ in ("NORP", "GPE", "ORG"):
                actor = child
                break
    target = _prep_object(noun, TYPE_TARGET_PREPS.get(type_, ()) + ("against", "on"))
    if target is None and noun.lemma_.lower() in PATIENT_NOUNS:
        target = _prep_object(noun, ("of",))
    return actor, target


def owner(tok: Token | None) -> Token | None:
    """The doer behind an abstract subject: "the forces' efforts helped" -> the forces."""
    for _ in range(3):
        if tok is None or tok.pos_ not in ("NOUN",) or tok.lemma_.lower() in sectors():
            return tok
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None:
            return tok
        tok = poss
    return tok


def is_pronoun(tok: Token | None) -> bool:
    return tok is not None and (tok.pos_ == "PRON" or tok.lower_ in PRONOUNS)


def usable(tok: Token | None) -> bool:
    """A participant head worth recording: not an event noun, not a bare wh-word or expletive."""
    if tok is None:
        return False
    doc, i = tok.doc, tok.i
    if strings(doc, LOWER)[i] in ("who", "which", "that", "what", "there", "it", "this"):
        return False
    if strings(doc, ENT_TYPE)[i] in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
        return False
    return not _is_event_noun(tok)


def is_agent_like(tok: Token) -> bool:
    """A word that can name a party: a name, a nationality, a role noun, a pronoun, or a noun a name
    qualifies ("the Taliban religious faction", "Kurdish fighters")."""
    doc, i = tok.doc, tok.i
    ent, pos = strings(doc, ENT_TYPE), strings(doc, POS)
    if ent[i] in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        return True
    if pos[i] == "NOUN":
        dep = strings(doc, DEP)
        if any(
            dep[c] in ("compound", "amod", "poss") and ent[c] in ("PERSON", "ORG", "GPE", "NORP")
            for c in children(doc)[i]
        ):
            return True
    if pos[i] in ("PRON", "PROPN"):
        return True
    table = sectors()
    return tok.lemma_.lower() in table or strings(doc, LOWER)[i] in table


SKIP_SEARCH = frozenset({"relcl", "advcl", "appos", "punct", "mark", "cc", "det", "aux", "auxpass", "neg", "nsubj",
                         "nsubjpass", "csubj", "parataxis", "acl", "npadvmod", "advmod"})  # fmt: skip
PARTY_PREPS = frozenset({"to", "with", "on", "against", "from", "by", "for", "into", "of", "between", "upon"})


def _party(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") and tok.ent_type_ not in ("NORP", "GPE"):
        return False
    return is_agent_like(tok) and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL")


def find_party(roots: list[Token], avoid: set[int], depth: int = 4) -> Token | None:
    """The nearest word naming a party below `roots` (breadth first), outside the tokens in `avoid`.

    Used when a verb's object is a thing ("aid to Mozambique", "sanctions on the Taliban",
    "an appeal from President X"): PLOVER's target is the party the thing concerns.
    """
    frontier = [r.i for r in roots if r is not None]
    if not frontier:
        return None
    doc = next(r for r in roots if r is not None).doc
    kids, head = children(doc), heads(doc)
    dep, low, pos, ent = strings(doc, DEP), strings(doc, LOWER), strings(doc, POS), strings(doc, ENT_TYPE)
    for _ in range(depth):
        nxt: list[int] = []
        for t in frontier:
            for c in kids[t]:
                c_dep = dep[c]
                purpose = c_dep == "advcl" and any(dep[a] == "aux" and low[a] == "to" for a in kids[c])
                if c in avoid or (c_dep in SKIP_SEARCH and not purpose):
                    continue  # a purpose clause ("opened fire to disperse demonstrators") still names the target
                if c_dep == "prep" and low[c] not in PARTY_PREPS:
                    continue
                # the first test of _party on the columns: most words visited are no noun or name
                if (
                    (pos[c] in ("NOUN", "PROPN") or ent[c] in ("NORP", "GPE"))
                    and _party(doc[c])
                    and not (c_dep == "pobj" and low[head[c]] in ("in", "at") and ent[c] in ("GPE", "LOC", "FAC"))
                ):
                    return doc[c]
                nxt.append(c)
        frontier = nxt
    return None


def refine_target(tok: Token | None) -> Token | None:
    """The party behind a thing acted on: "calls by Belarus's rulers" -> rulers, "further action against
    Russia" -> Russia. A target that already names a party is kept, and so is one whose own modifier names
    it ("an Indian proposal", "government buildings")."""
    if tok is None or is_agent_like(tok):
        return tok
    for prep in ("by", "from", "against", "on", "to", "with"):
        obj = _prep_object(tok, (prep,))
        if obj is not None and is_agent_like(obj) and obj.ent_type_ not in ("DATE", "TIME"):
            return obj
    return tok
