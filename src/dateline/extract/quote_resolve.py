"""Last step: give pronouns, role nouns and documents their speaker, in text order.

"he added" takes the previous fitting speaker (or the entities extractor's coreference when no
earlier quote fits); "the ambassador" the person spoken of; "the letter noted" the letter's
author ("Lavrov's letter", "the statement by X", or the speaker whose quotes came through it).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..record import Entity, Source
from ..record import Span as TextSpan
from . import quote_cues, quote_speaker
from .entity_coref import has_words, portfolio
from .entity_lexicon import name_genders, roles
from .quote_context import Cand, Context
from .quote_speaker import Speaker, resolve

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}  # fmt: skip
_TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                 "dame": "f", "lady": "f", "lord": "m"}  # fmt: skip


def entity_genders(entities: list[Entity]) -> dict[str, str]:
    """Entity id -> "m"/"f" where the article shows it: a Mr/Ms title, or clearly more he than she (or the reverse),
    else the given name.

    "He claimed" then skips a woman spoken of just before and reaches the man it means.
    """
    out: dict[str, str] = {}
    genders = name_genders()
    for ent in entities:
        if ent.type != "PERSON":
            continue
        votes = {"m": 0, "f": 0}
        for mention in ent.mentions:
            first = mention.text.split(maxsplit=1)[0].lower() if mention.text.strip() else ""
            if first in _TITLE_GENDER:
                votes[_TITLE_GENDER[first]] += 3
            elif mention.kind == "pronoun" and first in PRONOUN_GENDER:
                votes[PRONOUN_GENDER[first]] += 1
        if votes["m"] >= 2 * votes["f"] + 1:
            out[ent.id] = "m"
        elif votes["f"] >= 2 * votes["m"] + 1:
            out[ent.id] = "f"
        elif votes["m"] == votes["f"] == 0:
            # no title and no pronoun yet: the given name ("Organiser Leisha Riddell", then "he" is not her)
            words = ent.name.lower().split()
            gender = next((genders[w] for w in words[:-1] if w in genders), None) if len(words) >= 2 else None
            if gender is not None:
                out[ent.id] = gender
    return out


def same(a: Speaker, b: Speaker) -> bool:
    if a.source.entity and b.source.entity:
        return a.source.entity == b.source.entity
    return a.source.name.lower() == b.source.name.lower()


def resolve_in_order(ctx: Context, cands: list[Cand]) -> None:
    """Pronouns, role nouns and documents take earlier speakers; documents take their author."""
    cands.sort(key=lambda c: (c.order, c.start))
    done: list[Cand] = []
    person_ents = [e for e in ctx.doc.ents if e.label_ == "PERSON"]

    genders = entity_genders(ctx.article.entities)

    def fits(sp: Speaker, gender: str | None) -> bool:
        return gender in (None, "p") or genders.get(sp.source.entity or "") in (None, gender)

    titles = {e.id: [t.lower() for t in e.titles] for e in ctx.article.entities if e.titles}

    def holds(sp: Speaker, role: str | None, specific: tuple[str, ...] = ()) -> bool | None:
        """Whether a speaker can be "the ROLE": True when the article gave them a title the role fits ("the top
        diplomat" is Foreign Minister Lavrov), False when only others ("the general" is not President-elect
        Biden; "the health minister" is not the Civil Aviation Minister), None when it gave them none or the
        role says nothing."""
        fits = _role_fits(role)
        known = titles.get(sp.source.entity or "")
        if not fits or not known:
            return None
        if specific and not any(all(has_words(t, w) for w in specific) for t in known):
            return False
        return any(has_words(t, f) for t in known for f in fits)

    def previous(before: int, want_person: bool | None, names_too: bool = True, gender: str | None = None,
                 role: str | None = None, specific: tuple[str, ...] = (),
                 described: frozenset[str] = frozenset()) -> Speaker | None:  # fmt: skip
        para = ctx.para_of(before)
        passed_over = False  # once someone whose title contradicts the role is passed, only a fitting title will do

        def takes(sp: Speaker) -> bool:
            nonlocal passed_over
            held = holds(sp, role, specific)
            passed_over = passed_over or held is False
            return held is True or (held is None and not passed_over)

        def earlier_speaker(stop: int) -> Speaker | None:
            """The latest earlier speaker who fits, among those quoted since `stop`."""
            nonlocal passed_over
            passed_over = False
            for c in reversed(done):
                sp = c.speaker
                if sp is None or sp.kind not in ("named", "unnamed") or c.order > before or _indefinite(sp):
                    continue
                if para - ctx.para_of(c.order) > 3 or c.order < stop:
                    break
                if role is not None and sp.kind == "unnamed" and _head_lemma(ctx, sp) == role.split()[-1]:
                    # 'Another GOP official said ... "...," the official said': the same unnamed source (not "the
                    # Russian official" after "a U.S. official": every word of the description must be the same)
                    if described <= set(_words(sp.source.mention.text if sp.source.mention else sp.source.name)):
                        return sp
                    continue
                asked = _asked(ctx, c)
                if asked is not None and role is None and fits(asked, gender) and asked.etype == "PERSON":
                    return asked  # 'Conroy asked Sanders whether ... "Sure," he said': the one asked answers
                person = sp.etype == "PERSON" or (sp.etype is None and sp.kind == "named")
                if (want_person is None or person == want_person) and fits(sp, gender) and takes(sp):
                    return sp
            return None

        # "NASA interrupted its coverage. It also credited ...", "Mugabe agreed to a deal in which Tsvangirai became
        # prime minister. "...," he declared": the organization or person that is the subject of this or the
        # sentence before is nearer than an earlier speaker
        subject = None
        if gender == "n" or (gender in ("m", "f") and want_person):
            subject = _subject_before(ctx, before, ("ORG", "GPE") if gender == "n" else ("PERSON",))
        elif gender == "p":
            # "The researchers published their findings in May. They found ...": the group that is the subject of
            # this or the sentence before, unless someone quoted since is nearer
            group = _group_before(ctx, before)
            found = earlier_speaker(group.idx) if group is not None else None
            if found is not None or group is not None:
                return found or resolve(group, ctx.article, ctx.lex, ctx.names)
        found = earlier_speaker(subject.start_char if subject is not None else -1)
        if found is not None:
            return found
        if subject is not None:
            body = resolve(subject.root, ctx.article, ctx.lex, ctx.names)
            if (body.etype == "PERSON") == (gender != "n") and fits(body, gender):
                return body
            # an ORG the article knows as a person, or a person of the other gender: the speakers before count again
            found = earlier_speaker(-1)
            if found is not None:
                return found
        if want_person is not False and names_too:
            prior = [e for e in person_ents if e.end_char <= before]
            for ent in reversed(prior[-5:]):  # the nearest person named before whose gender fits the pronoun
                found = resolve(ent.root, ctx.article, ctx.lex, ctx.names)
                if fits(found, gender) and takes(found):
                    return found
        return None

    for c in cands:
        sp = c.speaker
        if sp is None:
            done.append(c)
            continue
        if sp.kind == "pronoun" and sp.source.name.lower() == "it" and sp.source.mention is not None:
            # "The federation released a statement. It read, ...": "it" is the document just named, and speaks
            # for whoever issued it
            it = ctx.doc.char_span(sp.source.mention.start, sp.source.mention.end, alignment_mode="expand")
            noun = quote_speaker.document_before(it.root, ctx.lex) if it is not None else None
            if noun is not None:
                document = resolve(noun, ctx.article, ctx.lex, ctx.names)
                if document.kind == "document" and document.author is not None:
                    author = document.author
                    c.via = c.via or document.channel
                    c.speaker = _named_by(author.source, sp.source.mention, author.kind, author.etype)
                    done.append(c)
                    continue
                if document.kind == "document":
                    sp = replace(document, source=document.source.model_copy(update={"mention": sp.source.mention}))
                    c.speaker = sp
        if sp.kind == "pronoun" or sp.kind == "nominal":
            low = sp.source.name.lower()
            want = True if sp.kind == "nominal" or low in ("he", "she", "him", "her", "his", "i") else None
            if low in ("it", "they", "its", "their", "them"):
                want = False
            role = _role_word(sp) if sp.kind == "nominal" else None
            specific = _portfolio(ctx, sp, role) if role else ()
            gender = "n" if low == "it" else PRONOUN_GENDER.get(low)  # "it" said: a body, never a he or she
            if low in ("they", "them", "their"):
                gender = "p"  # a group: no gender of its own, which `fits` reads as "any"
            if sp.kind == "pronoun" and gender in ("m", "f") and c.cue_tok is not None and sp.source.mention:
                inner = _reported_subject(ctx, c.cue_tok, sp.source.mention.start)
                found = resolve(inner, ctx.article, ctx.lex, ctx.names) if inner is not None else None
                if found is not None and found.etype == "PERSON" and fits(found, gender):
                    # 'Flynn said Trump was "absolutely right" when he said ...': he is Trump, whom Flynn reports on
                    c.speaker = _named_by(found.source, sp.source.mention, "named", "PERSON")
                    done.append(c)
                    continue
            described = frozenset(_words(sp.source.name)) - ARTICLES if sp.kind == "nominal" else frozenset()
            prev = previous(c.order, want, names_too=sp.fallback is None, gender=gender, role=role,
                            specific=specific, described=described)  # fmt: skip
            if low == "i":
                prev = _first_person(ctx, done, c.order) or prev
            if sp.fallback is not None and (
                prev is None or sp.kind == "nominal" or _named_in_sentence(ctx, sp) or _newcomer(ctx, sp, prev, done)
            ):
                # the entities extractor's coreference, when no earlier speaker fits better
                c.speaker = _named_by(sp.fallback, sp.source.mention, "named", sp.etype)
            elif prev is not None:
                c.speaker = _named_by(prev.source, sp.source.mention, prev.kind, prev.etype)
        elif sp.kind == "document":
            c.via = c.via or sp.channel
            author = sp.author or (_named_author(ctx, sp.channel, c.order, _definite(sp)) if _anaphoric(sp) else None)
            if author is None and sp.source.name.lower().startswith("its "):
                # "Its website notes": the organization last named, not the last speaker
                body = _last_body(ctx, sp.source.mention.start if sp.source.mention else c.order)
                author = resolve(body.root, ctx.article, ctx.lex, ctx.names) if body is not None else None
            if author is None and _anaphoric(sp):
                author, via = _document_owner(c, done, cands, sp.channel, later_too=_definite(sp))
                c.via = via or c.via
            if author is not None:
                mention = author.source.mention if sp.author is not None else sp.source.mention
                c.speaker = _named_by(author.source, mention, author.kind, author.etype)
        done.append(c)
    # a role noun before anyone is named ("According to the head of state" in a standfirst): the next speaker
    for i, c in enumerate(cands):
        if c.speaker is not None and c.speaker.kind == "nominal":
            later = [o.speaker for o in cands[i + 1 :] if o.speaker is not None and o.speaker.kind == "named"]
            role = _role_word(c.speaker)
            specific = _portfolio(ctx, c.speaker, role) if role else ()
            # the first later person the role may be ("the local health minister" is not a later Prime Minister)
            person = next(
                (sp for sp in later if sp.etype == "PERSON" and holds(sp, role, specific) is not False), None
            )
            if person is not None:
                c.speaker = _named_by(person.source, c.speaker.source.mention, "named", "PERSON")


def _named_by(source: Source, mention: TextSpan | None, kind: str, etype: str | None) -> Speaker:
    """The speaker `source` names, as the words `mention` name it here ("he", "It", "the top diplomat")."""
    return Speaker(source.model_copy(update={"mention": mention}), kind, etype)


NOBODY_IN_PARTICULAR = frozenset({"anyone", "anybody", "nobody", "someone", "somebody", "everyone", "everybody"})


def _reported_subject(ctx: Context, cue_i: int, before: int) -> Token | None:
    """The person a report is about when this cue sits inside it: the subject of the reported clause that holds the
    cue ('Flynn said [Trump was right when he said ...]'), named before the pronoun."""
    tok = ctx.doc[cue_i]
    for _ in range(6):
        if tok.head is tok:
            return None
        if tok.dep_ == "ccomp" and tok.head.i != cue_i and quote_cues.match(tok.head, ctx.lex) is not None:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.ent_type_ == "PERSON" and subj.idx < before and not ctx.in_quote(subj.idx, subj.idx + 1):
                return subj
            return None
        tok = tok.head
    return None


def _subject_before(ctx: Context, before: int, labels: tuple[str, ...]) -> Span | None:
    """The last entity of these types named as a main-clause subject in this sentence or the one before (not
    "which Biden opposed"), outside quotations."""
    for e in reversed(_ents_between(ctx, _sentences_back(ctx, before, 1), before)):
        if (
            e.label_ in labels
            and e.root.dep_ in ("nsubj", "nsubjpass")
            and e.root.head.dep_ in ("ROOT", "conj")
            and not ctx.in_quote(e.start_char, e.end_char)
        ):
            return e
    return None


def _group_before(ctx: Context, before: int) -> Token | None:
    """The last plural noun that can speak ("researchers", "officials", "the ministers") and is a main-clause subject in
    this sentence or the one before, outside quotations: what a "they" after it most likely is."""
    doc = ctx.doc
    here = doc.char_span(before, before + 1, alignment_mode="expand")
    for tok in reversed(doc[_sentences_back(ctx, before, 1) : here.start if here is not None else len(doc)]):
        if tok.idx >= before or tok.tag_ not in ("NNS", "NNPS") or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.head.dep_ not in ("ROOT", "conj") or ctx.in_quote(tok.idx, tok.idx + 1):
            continue
        lemma = tok.lemma_.lower()
        if ctx.lex.unnamed.get(lemma) in ("person", "group") or lemma in quote_speaker.role_heads():
            return tok  # people, not "Projections show ... They": data speak as "it" and "they" alike
    return None


def _last_body(ctx: Context, before: int) -> Span | None:
    """The organization named last before `before`, in this sentence or the three before, outside quotations."""
    for e in reversed(_ents_between(ctx, _sentences_back(ctx, before, 3), before)):
        if e.label_ == "ORG" and not ctx.in_quote(e.start_char, e.end_char):
            return e
    return None


def _sentences_back(ctx: Context, before: int, n: int) -> int:
    """Token index where the sentence n sentences before the one holding character `before` starts."""
    here = ctx.doc.char_span(before, before + 1, alignment_mode="expand")
    lo = here.sent.start if here is not None else 0
    for _ in range(n):
        lo = ctx.doc[lo - 1].sent.start if lo > 0 else 0
    return lo


def _ents_between(ctx: Context, lo: int, before: int) -> tuple[Span, ...]:
    """The named entities from token `lo` up to character `before`, found by bisection: pronouns and documents ask
    for them once each, and a long article has hundreds."""
    ents, starts = _ents_index(ctx.doc)
    i = bisect_left(starts, lo)
    j = i
    while j < len(ents) and ents[j].end_char <= before:
        j += 1
    return ents[i:j]


@lru_cache(maxsize=8)
def _ents_index(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    ents = tuple(doc.ents)
    return ents, [e.start for e in ents]


def _indefinite(sp: Speaker) -> bool:
    """ "anyone", "nobody", "no candidate": a speaker no later "he" or "they" refers back to."""
    name = sp.source.name.lower()
    return sp.kind == "unnamed" and (name in NOBODY_IN_PARTICULAR or name.startswith("no "))


def _asked(ctx: Context, c: Cand) -> Speaker | None:
    """The person a question was put to ("Conroy asked Sanders whether ..."), who speaks next."""
    if c.cue_tok is None or c.kind != "indirect":
        return None
    cue = ctx.doc[c.cue_tok]
    if cue.lemma_.lower() not in quote_cues.ASKING:
        return None
    obj = next((o for o in cue.children if o.dep_ in ("dobj", "dative") and o.ent_type_ == "PERSON"), None)
    return resolve(obj, ctx.article, ctx.lex, ctx.names) if obj is not None else None


ARTICLES = frozenset({"the", "this", "that", "these", "those"})


def _words(text: str) -> list[str]:
    return [w.strip(".,'’").lower() for w in text.split()]


def _mention_span(ctx: Context, sp: Speaker) -> Span | None:
    """The tokens of the words that named a speaker here."""
    mention = sp.source.mention
    return ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention is not None else None


def _head_lemma(ctx: Context, sp: Speaker) -> str | None:
    """The lemma of the noun heading the words that named a speaker ("A second CIA officer" -> "officer")."""
    span = _mention_span(ctx, sp)
    return span.root.lemma_.lower() if span is not None else None


def _role_word(sp: Speaker) -> str | None:
    """The role of a description speaker, as roles.tsv names it: "The foreign minister" -> "foreign minister",
    "The top diplomat" -> "diplomat"."""
    words = sp.source.name.lower().split()
    if len(words) >= 2 and (words[-2], words[-1]) in roles():
        return f"{words[-2]} {words[-1]}"
    return words[-1] if words else None


def _portfolio(ctx: Context, sp: Speaker, role: str) -> tuple[str, ...]:
    """The words that narrow a role noun to one office: "the local health minister" -> ("health",). A title that
    lacks them is someone else's office."""
    words = sp.source.name.lower().split()
    head = role.split()
    if words[-len(head) :] != head:
        return ()
    span = _mention_span(ctx, sp)
    # a place before the role is no office: "the South Carolina senator" (not "the Treasury secretary")
    places = {t.lower_ for t in span if t.ent_type_ in ("GPE", "NORP", "LOC")} if span is not None else set()
    return portfolio(w for w in words[: -len(head)] if w not in places)


def _role_fits(role: str | None) -> tuple[str, ...]:
    """The titles roles.tsv says a person role fits; none for other roles or an unknown noun."""
    found = roles().get(tuple(role.split())) if role else None
    return found.fits if found is not None and found.type == "PERSON" and "*" not in found.fits else ()


def _first_person(ctx: Context, done: list[Cand], before: int) -> Speaker | None:
    """Who "I" is in a first-person account: the nearest earlier person not named by "he" or "she" ("She asked me
    ... I told her": still the narrator, not the woman just quoted; "Frido Welker: I think": the label)."""
    para = ctx.para_of(before)
    for c in reversed(done):
        sp = c.speaker
        if sp is None or c.order > before or sp.source.mention is None:
            continue
        if para - ctx.para_of(c.order) > 3:
            break
        if sp.source.mention.text.lower() in PRONOUN_GENDER or sp.etype != "PERSON":
            continue  # the people the narrator speaks of, and bodies ("the EFF explained ... And I believe")
        return sp if sp.kind == "named" else None
    return None


def _newcomer(ctx: Context, sp: Speaker, prev: Speaker, done: list[Cand]) -> bool:
    """Whether the person the entities extractor links a pronoun to was named in the pronoun's paragraph, after
    the earlier speaker last spoke in another paragraph ("Ian Campbell runs the stall. ... he told Wikinews")."""
    mention, fallback = sp.source.mention, sp.fallback
    if mention is None or fallback is None or fallback.entity is None or fallback.entity == prev.source.entity:
        return False
    if sp.source.name.lower() not in PRONOUN_GENDER or fallback.name.lower() in PRONOUN_GENDER:
        return False  # "he" and "she" only: "I" in an interview is the one answering
    spoke = [c.order for c in done if c.speaker is not None and same(c.speaker, prev)]
    para = ctx.para_of(mention.start)
    if not spoke or ctx.para_of(max(spoke)) >= para:
        return False
    start = ctx.paras[para][0]
    entity = next((e for e in ctx.article.entities if e.id == fallback.entity), None)
    return entity is not None and any(
        m.kind == "name" and start <= m.start and m.end <= mention.start for m in entity.mentions
    )


def _named_in_sentence(ctx: Context, sp: Speaker) -> bool:
    """Whether the entity the entities extractor links a pronoun to is named earlier in the pronoun's own
    sentence ("Trump declared an emergency so he could fund the wall"): nearer than any earlier speaker."""
    mention, fallback = sp.source.mention, sp.fallback
    if mention is None or fallback is None or fallback.entity is None:
        return False
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    sent_start = span.sent.start_char
    entity = next((e for e in ctx.article.entities if e.id == fallback.entity), None)
    return entity is not None and any(
        m.kind == "name" and sent_start <= m.start and m.end <= mention.start for m in entity.mentions
    )


# "the letter", "this statement", "a statement": one the article has spoken of, or its last speaker issued.
# "eyewitness reports", "some reports", "media reports" are other people's: they stay their own source.
_ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                                    "your", "my", "a", "an"})  # fmt: skip


def _anaphoric(sp: Speaker) -> bool:
    first = sp.source.name.split(maxsplit=1)  # the document's own phrase, also when "which" named it here
    return bool(first) and first[0].lower() in _ANAPHORIC_DETERMINERS


def _definite(sp: Speaker) -> bool:
    """"the letter", "its statement": a document the article may name the author of later too; "a report" is
    only ever one already spoken of."""
    return _anaphoric(sp) and sp.source.name.split(maxsplit=1)[0].lower() not in ("a", "an")


def _named_author(ctx: Context, channel: str | None, before: int, later_too: bool = True) -> Speaker | None:
    """An author the text gives the document before: "Lavrov's letter", "the statement by X"; failing that, with
    `later_too`, the first one given after (a headline's "the letter" named in the story)."""
    found = None
    for tok in ctx.doc:
        if tok.idx >= before and (found is not None or not later_too):
            break
        if tok.pos_ in ("NOUN", "PROPN") and quote_speaker.channel_of(tok, ctx.lex) == channel:
            author = quote_speaker.document_author(tok, ctx.article, ctx.lex, ctx.names)
            if author is not None and author.kind != "document":
                found = author
                if tok.idx >= before:
                    break
    return found


def _document_owner(
    c: Cand, done: list[Cand], cands: list[Cand], channel: str | None, later_too: bool = True
) -> tuple[Speaker | None, str | None]:
    """Whose letter/statement, and through which channel.

    The nearest quote through that channel; failing that, "the statement" right after quotes from
    a letter is that letter (same author, same channel); failing that, the nearest earlier speaker, and
    with `later_too` the next one ("A report alleged ..." opening a story is nobody quoted after it).
    """

    def usable(o: Cand) -> bool:
        return o is not c and o.speaker is not None and o.speaker.kind in ("named", "unnamed")

    same = [o for o in cands if usable(o) and o.via == channel and (later_too or o.order <= c.order)]
    if same:
        before = [o for o in same if o.order <= c.order]
        pick = before[-1] if before else min(same, key=lambda o: o.order)
        return pick.speaker, channel
    earlier = [o for o in done if usable(o)]
    if earlier:
        return earlier[-1].speaker, earlier[-1].via
    later = sorted((o for o in cands if usable(o) and o.order > c.order), key=lambda o: o.order)
    return (later[0].speaker, later[0].via) if later and later_too else (None, None)


def conveyors(ctx: Context) -> dict[str, Source]:
    out: dict[str, Source] = {}
    for tok in quote_cues.verbs(ctx.doc):  # conveyor_token accepts verbs only
        found = quote_cues.conveyor_token(tok, ctx.lex)
        if found is not None:
            channel, person = found
            out[channel] = resolve(person, ctx.article, ctx.lex, ctx.names).source
    return out


def same_source(a: Source, b: Source) -> bool:
    return (a.entity is not None and a.entity == b.entity) or a.name.lower() == b.name.lower()
