"""Where and when an event happened: the nearest place and time the story ties to it.

Place: a place the event's clause puts it in ("in the Mangystau Region"), else the speaker's
country for a statement, else a place in the sentence, else the story's setting (the last
place named before it, the dateline). Date: a time expression of the clause, else the one
the narrative last set (the last dated expression before the trigger), else the publication date.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from spacy.attrs import DEP
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import lexicons
from ..record import Actor, Article, Place, TimeExpr
from .entity_base import column, sentence_bounds, sentence_chars

LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "within", "inside", "outside", "around",
                            "into", "on", "over", "from", "along", "to", "toward", "towards"})  # fmt: skip
OUTLETS = "outlet_countries.tsv"
_CCOMP = get_string_id("ccomp")
# Types whose place, when the clause names none, is best guessed from the doer's country.
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONSULT"})
PHYSICAL_TYPES = frozenset({"ASSAULT", "AID", "COERCE", "MOBILIZE"})
CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "pobj"})


def _root_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_locative(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ in LOCATIVE_PREPS:
            return True
        if cur.dep_ in ("npadvmod",):
            return True
        if cur.dep_ in ("compound", "conj", "appos", "nmod") and cur.head != cur:  # never a possessor: a doer
            cur = cur.head
            continue
        return False
    return False


def _clause_bounds(anchor: Token) -> tuple[int, int]:
    return anchor.left_edge.idx, anchor.right_edge.idx + len(anchor.right_edge.text)


def _reported_content(anchor: Token) -> list[tuple[int, int]]:
    """Character ranges of what other statements of the sentence report ("blaming Iran, saying the attacks
    came from Yemen"): a place named there sets that content, not this statement. The anchor's own content
    ("recommended the troops in Iraq withdraw") still counts."""
    out = []
    doc = anchor.doc
    s_start, s_end = sentence_bounds(doc, anchor.i)
    deps = column(doc, DEP)  # the dependency labels as hashes: only the few ccomp tokens become Tokens
    for i in range(s_start, s_end):
        if deps[i] != _CCOMP:
            continue
        tok = doc[i]
        if tok.head != anchor and not (tok.left_edge.i <= anchor.i <= tok.right_edge.i):
            out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)))
    return out


def _dateline_place(article: Article) -> Place | None:
    if article.dateline is None or not article.dateline.place:
        return None
    name = article.dateline.place.lower()
    for place in article.places:
        if place.name.lower() == name or place.text.lower() == name:
            return place
    return None


def locate(
    doc: Doc, article: Article, anchor: Token, trigger_start: int, type_: str, actor: Actor | None,
    target: Actor | None, participants: list[tuple[int, int]],
) -> tuple[str | None, str | None, str | None]:  # fmt: skip
    """(place name, place id, country) for an event anchored at clause head `anchor`."""
    s_start, s_end = sentence_chars(doc, anchor.i)
    c_start, c_end = _clause_bounds(anchor)
    in_sentence: list[tuple[Place, bool]] = []
    dl = article.dateline.span if article.dateline is not None else None
    reported = _reported_content(anchor) if type_ in SPEECH_TYPES else []
    for place in article.places:
        if place.start < s_start or place.end > s_end:
            continue
        if any(a <= place.start < b for a, b in reported):
            continue  # "blaming Iran, saying the attacks came from Yemen": where the content is set, not the speaker
        if "\n" in article.text[min(place.start, trigger_start) : max(place.end, trigger_start)]:
            continue  # a headline run into the next line is not one sentence
        if dl is not None and dl.start <= place.start < dl.end:
            continue  # where the story was filed, not where this happened
        root = _root_token(doc, place.start, place.end)
        locative = root is not None and _is_locative(root)
        if not locative and any(a <= place.start and place.end <= b for a, b in participants):
            continue  # "blaming Iran": a participant, not where it happened
        in_sentence.append((place, locative))

    def nearest(cands: list[Place]) -> Place | None:
        return min(cands, key=lambda p: abs(p.start - trigger_start), default=None)

    clause = nearest([p for p, loc in in_sentence if loc and c_start <= p.start and p.end <= c_end])
    if clause is None:
        clause = nearest([p for p, loc in in_sentence if loc])
    if clause is not None:
        return clause.name, clause.id, clause.country
    if type_ not in PHYSICAL_TYPES and type_ != "RETREAT" and actor is not None and actor.country:
        return None, None, actor.country  # a statement, a vote, a protest: where its doer is
    if type_ in PHYSICAL_TYPES and target is not None and target.country:
        return None, None, target.country  # aid to, an attack on a country: it happens there
    # The story's setting: the country named last before the event (else the one its places name most often).
    story = [p for p in article.places if p.country and p.start >= article.body_start
             and not (dl is not None and dl.start <= p.start < dl.end)
             and not any(a <= p.start and p.end <= b for a, b in participants)]  # fmt: skip
    if story and type_ in PHYSICAL_TYPES and actor is not None and actor.country:
        # An attack or a deployment is seldom on the doer's own soil when the story names somewhere else.
        story = [p for p in story if p.country != actor.country] or story
    if story:
        counts = Counter(p.country for p in story)
        last_seen = {p.country: p.start for p in story if p.end <= trigger_start}
        code = max(counts, key=lambda c: last_seen.get(c, -1)) if last_seen else max(counts, key=counts.__getitem__)
        before = [p for p in story if p.country == code and p.end <= trigger_start]
        p = before[-1] if before else next(p for p in story if p.country == code)
        return p.name, p.id, code
    filed = _dateline_place(article)
    if filed is not None:
        return filed.name, filed.id, filed.country
    if actor is not None and actor.country:
        return None, None, actor.country
    other = nearest([p for p, _ in in_sentence if p.country])
    if other is not None:
        return other.name, other.id, other.country
    # No place at all: the nationality the story names most ("British" ministers), when entities know it.
    from .event_args import demonym_country

    nations = Counter(
        code for e in article.entities if e.type in ("NORP", "GPE") and (code := e.country or demonym_country(e.name))
    )
    if nations:
        return None, None, nations.most_common(1)[0][0]
    return None, None, outlet_country(article.source)


def outlet_country(source: str | None) -> str | None:
    """The outlet's home country ("BBC News" -> GB), from its whole name or its first words."""
    if not source:
        return None
    table = lexicons.mapping(OUTLETS)
    words = source.lower().replace(".", " ").split()
    for n in range(len(words), 0, -1):
        code = table.get(" ".join(words[:n]))
        if code:
            return code
    return None


def _time_governor(doc: Doc, t: TimeExpr) -> Token | None:
    """The verb or trigger noun a time expression modifies."""
    root = _root_token(doc, t.start, t.end)
    cur = root
    for _ in range(4):
        if cur is None or cur.head == cur:
            return cur
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "NOUN"):
            if cur.pos_ != "NOUN" or cur.dep_ not in ("pobj",):
                return cur
    return cur


def _usable(t: TimeExpr, published: str | None) -> bool:
    """A time that can anchor the narrative: dated to the day or month, not a long span ("since 2014")."""
    value = t.value
    if not value:
        return False
    if "/" in value:
        start, end = value.split("/", 1)
        if start[:7] != end[:7] and (len(start) < 10 or len(end) < 10 or _days(start, end) > 31):
            return False
    return not (published and value[:10] > published and "/" not in value)


def _days(start: str, end: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
    except ValueError:
        return 10_000


def _current_year(value: str, article: Article) -> bool:
    """ "during the 1987 offensive" in a story of 1987: the year of publication dates nothing more precisely
    than the story's own narrative does, so the clause time gives way to the narrative anchor."""
    published = article.published.date if article.published else None
    return len(value) == 4 and published is not None and published.startswith(value)


def date_of(
    doc: Doc, article: Article, anchor: Token, trigger: Token, times: list[TimeExpr], starts: list[int]
) -> tuple[str | None, str | None]:
    """(date value, time id) for an event anchored at `anchor` with trigger token `trigger`."""
    s_start, s_end = sentence_chars(doc, anchor.i)
    text = article.text  # the Doc was parsed from it; doc.text would rebuild the string per call
    candidates = [t for t in times if s_start <= t.start and t.end <= s_end and t.value
                  and "\n" not in text[min(t.start, trigger.idx):max(t.end, trigger.idx)]]  # fmt: skip
    if candidates:
        govs = {t.id: _time_governor(doc, t) for t in candidates}
        # The clause's own time, then the time of a clause it continues ("broke out on Jan 2, escalating ...").
        cur: Token | None = anchor
        for _ in range(4):
            if cur is None:
                break
            own = [t for t in candidates if govs[t.id] is not None and govs[t.id].i in (cur.i, trigger.i)
                   and not _current_year(t.value, article)]  # fmt: skip
            if own:
                best = min(own, key=lambda t: abs(t.start - trigger.idx))
                return best.value, best.id
            if cur.dep_ not in CLAUSE_LINKS or cur.head == cur:
                break
            cur = cur.head
    published = article.published.date if article.published else None
    k = bisect_right(starts, trigger.idx)
    for t in reversed(times[:k]):
        if t.end <= trigger.idx and t.start >= article.body_start and _usable(t, published):
            if published and len(t.value) < 10 and published.startswith(t.value):
                return published, None  # "in 1987" set the scene; the day of the report is more precise
            return t.value, t.id
    return published, None
