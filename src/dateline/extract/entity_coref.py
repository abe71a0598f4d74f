"""Document-level coreference for news: definite descriptions and third-person pronouns.

Deliberately narrow, because a wrong link is worse than none: a quote given to the wrong
person is a false fact. "the top diplomat" joins the last person whose title fits the role
noun (roles.tsv) and whose country fits any demonym in the description; "the ministry"
the last organization whose name has that word; he/she the subject of the current or
previous sentence when the gender fits, else the most recent compatible person nearby.
Pronouns inside quotation marks are left alone (the speaker's "he" is about someone else).
Everything runs in one left-to-right walk over the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from . import entity_lexicon as lex
from . import entity_names as names
from .entity_base import Sentences, subject_rank, token_matches
from .entity_group import Group

_DETERMINERS = frozenset({"the", "this", "that"})
_NP_POS = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB"})  # VERB: participles like "ruling"
_SUBORDINATE = ("deputy", "vice", "assistant", "under", "undersecretary", "shadow")
_PRONOUN_WINDOW = 2  # sentences back a pronoun may look
_WINDOW = {"GPE": 3, "ORG": 5}  # sentences back "the country" / "the organization" may look
_RELATIVE = frozenset({"whose", "that", "which", "who", "whom"})


@dataclass
class Anaphor:
    """A resolved description or pronoun: which group it joins and where it is."""

    start: int
    end: int
    kind: str  # "nominal" or "pronoun"
    group: int  # index into the groups list


@dataclass
class _Seen:
    """A mention already passed in the walk."""

    pos: int
    sent: int
    group: int
    subject: int
    quoted: bool


_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb')


def quote_intervals(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (straight quotes pair up in order)."""
    return [m.span() for m in _QUOTED.finditer(text)]


@cache
def _anaphor_words() -> frozenset[str]:
    return frozenset(lex.role_heads() | set(lex.pronouns()))


def _candidate_tokens(doc: Doc, text: str) -> Iterator[Token]:
    """Tokens that may be a role noun or a pronoun, in text order."""
    yield from token_matches(doc, _anaphor_words(), text)


def _inside(intervals: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and intervals[k][0] <= pos < intervals[k][1]


def resolve(doc: Doc, groups: list[Group], sent_of: Sentences, text: str) -> list[Anaphor]:
    """Resolve descriptions and pronouns in `doc` to `groups`; unresolved ones are skipped."""
    if not groups or not len(doc):
        return []
    quotes = quote_intervals(text)
    quote_starts = [a for a, _ in quotes]
    taken = _taken_chars(groups)
    heads = lex.role_heads()
    pronouns = lex.pronouns()
    events: list[tuple[int, int, int, int]] = []  # (char, sent, group, subject rank) for names
    for gi, g in enumerate(groups):
        for m in g.mentions:
            events.append((m.start, m.sent, gi, m.subject))
    events.sort()
    seen: list[_Seen] = []
    out: list[Anaphor] = []
    e = 0
    for tok in _candidate_tokens(doc, text):
        while e < len(events) and events[e][0] <= tok.idx:
            pos, sent, gi, subj = events[e]
            seen.append(_Seen(pos, sent, gi, subj, _inside(quotes, quote_starts, pos)))
            e += 1
        low = tok.lower_
        found: Anaphor | None = None
        quoted = _inside(quotes, quote_starts, tok.idx)
        if low in heads and tok.idx not in taken:
            found = _nominal(doc, tok, groups, seen, taken, quoted, sent_of)
        elif low in pronouns and not quoted:
            found = _pronoun(doc, tok, pronouns[low], groups, seen, sent_of)
        if found is not None:
            out.append(found)
            seen.append(_Seen(found.start, sent_of[tok.i], found.group, subject_rank(tok), quoted))
            g = groups[found.group]
            if found.kind == "pronoun" and g.type == "PERSON" and g.gender is None:
                sex = pronouns[low][0]
                g.gender = sex if sex in ("m", "f") else None
    return out


def _taken_chars(groups: list[Group]) -> set[int]:
    """Character offsets of tokens inside name mentions (a role word there is part of a name)."""
    taken: set[int] = set()
    for g in groups:
        for m in g.mentions:
            taken.update(range(m.start, m.end))
    return taken


def _nominal(
    doc: Doc, tok: Token, groups: list[Group], seen: list[_Seen], taken: set[int], quoted: bool, sent_of: Sentences
) -> Anaphor | None:
    """A description such as "the top Russian diplomat" -> the last person whose title fits the role and the country."""
    roles = lex.roles()
    role = None
    head_start = tok.i
    for n in range(3, 0, -1):  # multi-word roles: "head of state", "prime minister"
        if tok.i - n + 1 < 0:
            continue
        words = tuple(doc[k].lower_ for k in range(tok.i - n + 1, tok.i + 1))
        if words in roles:
            role, head_start = roles[words], tok.i - n + 1
            break
    if role is None or tok.tag_ in ("NNS", "NNPS"):
        return None
    if quoted and (role.type == "GPE" or "*" in role.fits):
        return None  # "the company", "this country" in someone's words: rarely a named one
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (
        nxt.lower_ in _RELATIVE or nxt.lower_ == "of" or nxt.ent_type_ == "PERSON" or nxt.pos_ in ("PROPN", "NOUN")
    ):
        return None  # "the president of ...", "the president Vladimir Putin", "the group members"
    if nxt is not None and nxt.text == "," and tok.i + 2 < len(doc):
        after = doc[tok.i + 2].ent_type_
        if after == role.type or (role.type == "GPE" and after in ("GPE", "LOC")):
            return None  # "the capital, Riyadh": the name follows and NER has it
    # Walk left over modifiers to the determiner.
    k = head_start - 1
    modifiers: list[Token] = []
    while k >= 0 and doc[k].pos_ in _NP_POS and doc[k].lower_ not in _DETERMINERS and head_start - k <= 4:
        modifiers.append(doc[k])
        k -= 1
    if k < 0 or doc[k].lower_ not in _DETERMINERS or doc[k].pos_ != "DET":
        return None
    country = None
    for m in modifiers:
        if m.idx in taken and m.ent_type_ not in ("NORP", ""):
            return None  # "the BRICS summit": a description of a named thing
        code = names.demonym_country(m.text) if m.text[:1].isupper() else None
        if code:
            country = code
        elif m.pos_ == "PROPN":
            return None  # "the Rossiya-1 television channel": a name, not a description
    mods = {m.lower_ for m in modifiers if not (m.text[:1].isupper() and names.demonym_country(m.text))}
    gi = None
    if country is None and role.type == "GPE" and "country" in role.fits:
        # "The Cuban president could not come ... to restore the country's power grid": the
        # country of the sentence's subject, when the article has named that country
        topic = _subject_country(tok)
        if topic is not None:
            gi = _last_fitting(role, mods, topic, groups, seen, sent_of[tok.i])
    if gi is None:
        gi = _last_fitting(role, mods, country, groups, seen, sent_of[tok.i])
    if gi is None:
        return None
    start = doc[k].idx
    return Anaphor(start=start, end=tok.idx + len(tok.text), kind="nominal", group=gi)


def _subject_country(tok: Token) -> str | None:
    """Country of a nationality word on the main subject of `tok`'s sentence ("The [Cuban] president")."""
    root = tok.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > tok.i:
        return None
    codes = {
        names.demonym_country(c.text)
        for c in subject.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.text[:1].isupper()
    }
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None


@cache
def _words_pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(words)}(?![\w-])")


# Words before a role noun that say nothing about whose office it is ("the country's top diplomat", "the local
# health minister": only "health" narrows it)
UNSPECIFIC = frozenset({"the", "this", "that", "a", "an", "its", "his", "her", "their", "our", "local", "top", "senior",
                        "chief", "former", "current", "outgoing", "incoming", "new", "then", "acting", "country's",
                        "nation's", "state's", "city's"})  # fmt: skip


def portfolio(modifiers: Iterable[str]) -> tuple[str, ...]:
    """The lower-case modifiers of a role noun that narrow it to one office: a title without them is another's."""
    return tuple(w for w in modifiers if w.isalpha() and w not in UNSPECIFIC)


def has_words(title: str, words: str) -> bool:
    """Whether the title holds these whole words: "President-elect Joe Biden" is not "the president"; "Sen." is
    "senator"."""
    return _words_pattern(words).search(_spelled_out(title)) is not None


def _spelled_out(title: str) -> str:
    if "." not in title:
        return title
    abbreviations = lex.title_abbreviations()
    return " ".join(abbreviations.get(w.rstrip("."), w) for w in title.split())


def _fits(role: lex.Role, mods: set[str], country: str | None, g: Group) -> bool:
    if g.type != role.type and not (role.type == "GPE" and g.type == "GPE"):
        return False
    if country and g.country != country:
        return False
    if role.type == "PERSON":
        specific = portfolio(mods)
        for title in g.titles:
            low = title.lower()
            if any(s in low.split() for s in _SUBORDINATE) and not mods.intersection(_SUBORDINATE):
                continue
            if not all(has_words(low, w) for w in specific):
                continue  # "the health minister" is not the Civil Aviation Minister
            if any(has_words(low, f) for f in role.fits):
                return True
        return False
    if role.type == "ORG":
        if "*" in role.fits:
            return not any(k.startswith("government") for k in g.keys)
        return any(f in k for k in g.keys for f in role.fits)
    if role.type == "GPE":
        is_country = any(names.country_code(k) for k in g.keys)
        return (
            is_country
            if "country" in role.fits
            else not is_country and not any(k in lex.country_parts() for k in g.keys)
        )
    return False


def _last_fitting(
    role: lex.Role, mods: set[str], country: str | None, groups: list[Group], seen: list[_Seen], here: int
) -> int | None:
    """The entity a description refers to: the last one that fits it.

    Places and organizations must have been named in the last few sentences; for the vaguest
    nouns ("the organization", "the group") the most-mentioned fitting organization in that
    window wins over a merely recent one ("Freedom Magazine, which attacked defectors from the
    organization" is about the organization the article is about).
    """
    window = _WINDOW.get(role.type)
    if "*" in role.fits:
        counts: dict[int, int] = {}
        for s in reversed(seen):
            if window is not None and here - s.sent > window:
                break
            if _fits(role, mods, country, groups[s.group]):
                counts.setdefault(s.group, 0)
        if not counts:
            return None
        totals = {gi: len(groups[gi].mentions) for gi in counts}
        order = list(counts)  # most recent first
        return max(order, key=lambda gi: (totals[gi], -order.index(gi)))
    for s in reversed(seen):
        if window is not None and here - s.sent > window:
            return None
        if _fits(role, mods, country, groups[s.group]):
            return s.group
    return None


def _pronoun(
    doc: Doc, tok: Token, info: tuple[str, frozenset[str]], groups: list[Group], seen: list[_Seen], sent_of: Sentences
) -> Anaphor | None:
    """he/she: the main subject of this or the previous sentence if it fits, else the nearest fitting person.

    Mentions inside quotation marks are skipped: a pronoun in the narrative after a quote
    points to the speaker, not to someone the speaker talked about.
    """
    sex, types = info
    here = sent_of[tok.i]
    # "Mozilla Firefox, [its] main rival": a pronoun inside an apposition to a name is not that name
    host = tok.head.head if tok.dep_ == "poss" and tok.head.dep_ == "appos" else None
    host_lo, host_hi = (host.left_edge.idx, host.idx) if host is not None else (-1, -2)
    candidates: list[_Seen] = []
    for s in reversed(seen):
        if here - s.sent > _PRONOUN_WINDOW:
            break
        if s.quoted or host_lo <= s.pos <= host_hi:
            continue
        g = groups[s.group]
        if g.type not in types:
            continue
        if g.type == "PERSON" and g.gender and g.gender != sex:
            continue
        candidates.append(s)
    if not candidates:
        return _only_person(tok, sex, types, groups, seen)
    if sex in ("n", "p"):
        subject = _clause_subject(tok)
        if subject is not None:
            lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
            own = [c for c in candidates if c.sent == here and lo <= c.pos < hi and not _embedded(doc, c.pos, subject)]
            if len({c.group for c in own}) == 1:
                return Anaphor(tok.idx, tok.idx + len(tok.text), "pronoun", own[0].group)
        return _org_pronoun(doc, tok, candidates, here)
    nearest = candidates[0].sent
    same_sent = [c for c in candidates if c.sent == nearest]
    ranked = sorted(same_sent, key=lambda c: -c.subject)  # stable: most recent first among equals
    if ranked[0].subject:
        chosen = ranked[0]
    elif len({c.group for c in same_sent}) == 1:
        chosen = same_sent[0]
    else:
        earlier_subjects = sorted((c for c in candidates if c.subject), key=lambda c: (-c.sent, -c.subject))
        if not earlier_subjects:
            return None
        chosen = earlier_subjects[0]
    return Anaphor(tok.idx, tok.idx + len(tok.text), "pronoun", chosen.group)


def _clause_subject(tok: Token) -> Token | None:
    """The subject a plural or neuter pronoun most likely points to, read off the parse:

    - "its"/"their" in the clause of a subject: "the gallery bases [its] exhibit on ...";
    - "they" as subject of what a subject says: "Gawker.com have stated that [they] will ...".
    None when the pronoun sits inside that subject ("Firefox, [its] main rival, ...").
    """
    if tok.dep_ in ("nsubj", "nsubjpass"):
        if tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
    elif tok.dep_ == "poss":
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
    else:
        return None
    for _ in range(3):  # up through "required to make": the subject of the chain of verbs
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.left_edge.i <= tok.i <= subject.right_edge.i:
                return None
            return subject
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return None
        verb = verb.head
    return None


_EMBEDDING = frozenset({"relcl", "acl"})


def _embedded(doc: Doc, pos: int, subject: Token) -> bool:
    """Whether the name at character `pos` sits in a clause or phrase inside `subject` rather than
    being it: "Some of the protesters [Wikinews] interviewed said they ...", "the gallery at [USI]"."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    t = span[0]
    for _ in range(12):
        if t.i == subject.i or t.head.i == t.i:
            return False
        if t.dep_ in _EMBEDDING:
            return True
        t = t.head
    return True


def _only_person(tok: Token, sex: str, types: frozenset[str], groups: list[Group], seen: list[_Seen]) -> Anaphor | None:
    """Nobody fitting nearby: the one person of that gender named so far, if there is exactly one.

    A profile or a court story keeps saying "he" about its subject long after the name; when
    the article has named only one man (or one woman), that is who it is.
    """
    if "PERSON" not in types or sex not in ("m", "f"):
        return None
    fitting = {s.group for s in seen if not s.quoted and groups[s.group].type == "PERSON"}
    fitting = {gi for gi in fitting if groups[gi].gender in (sex, None)}
    if len(fitting) != 1:
        return None
    gi = fitting.pop()
    if groups[gi].gender != sex:
        return None  # only when the gender is known to agree
    return Anaphor(tok.idx, tok.idx + len(tok.text), "pronoun", gi)


def _org_pronoun(doc: Doc, tok: Token, candidates: list[_Seen], here: int) -> Anaphor | None:
    """its / they for organizations: only one organization in view, as a subject, no plural noun between."""
    recent = [c for c in candidates if c.sent >= here - 1]
    if len({c.group for c in recent}) != 1:
        return None
    chosen = max(recent, key=lambda c: c.subject)  # its most prominent mention in view
    if not chosen.subject:
        return None
    if tok.lower_ in ("they", "their", "them") and chosen.subject < 2:
        return None  # plural pronouns reach an organization only from the main subject
    between = doc.char_span(chosen.pos, tok.idx, alignment_mode="expand")
    if between is not None and any(t.tag_ in ("NNS", "NNPS") for t in between[1:]):
        return None  # "protesters Wikinews interviewed said they": the plural noun is the antecedent
    return Anaphor(tok.idx, tok.idx + len(tok.text), "pronoun", chosen.group)
