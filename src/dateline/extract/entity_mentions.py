"""Name mentions from spaCy NER, cleaned for news: titles split off, possessives and "the" kept out.

One pass over `doc.ents` (plus a look at the few tokens around each) turns NER spans into
`NameMention`s: the characters of the name itself, the title in front of it, an honorific,
and the sentence it sits in. Acronyms defined in brackets ("... Organization (CSTO)") are
read here too, because they sit right after the name they define.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import DEP, IS_ALPHA, IS_LOWER, IS_TITLE, LOWER, ORTH, POS
from spacy.tokens import Doc

from . import entity_lexicon as lex
from . import entity_names as names
from . import entity_phrases as phrases
from . import entity_titles as titles
from .entity_base import (
    POSSESSIVE,
    NameMention,
    Sentences,
    children,
    column,
    doc_ents,
    name_stops_at,
    string_id,
    strings,
    subject_rank,
    token_matches,
)
from .entity_base import heads as heads_of

KEPT_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "LOC",
}
_NAMED_OTHER = frozenset({"WORK_OF_ART", "PRODUCT", "LAW"})
_DETERMINER = frozenset({"the"})
_PARTICLE = frozenset({"the", "and", "de", "del", "la", "le", "des", "du", "al"})
# Prepositions whose object is a location when it is a bare name ("a camp at Tal Abyad"): "from",
# "to" and "with" are left out, they take people as often ("a letter from Johnson").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "into", "around", "across", "towards"})


def _all_caps_line(text: str, start: int, end: int) -> bool:
    """Whether the mention sits on a line (or dateline) written in capitals ("MOSCOW, February 9")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # str methods over filtered strings (C loops): this runs for every all-caps name
    outside = "".join(
        filter(str.isalpha, text[max(line_start, start - 40) : start] + text[end : min(line_end, end + 40)])
    )
    if not outside:
        return any(map(str.isalpha, text[start:end]))
    # The mention's neighbours on its line: mostly capitals means an all-caps line.
    upper = sum(map(str.isupper, outside))
    # A wire dateline is the caps word followed by mixed case ("MOSCOW, February 9."): accept a
    # capitalized word that opens its line too.
    return upper / len(outside) > 0.6 or start == line_start


def collect(doc: Doc, sent_of: Sentences, text: str | None = None) -> list[NameMention]:
    """Every kept NER span as a cleaned NameMention, in text order, plus bracketed acronyms.

    `text` is doc.text, passed in because spaCy rebuilds that string on every access.
    """
    text = doc.text if text is None else text
    out: list[NameMention] = []
    covered = 0  # tokens before this index belong to a name already taken
    for ent in doc_ents(doc):
        label = KEPT_LABELS.get(ent.label_)
        start, end = ent.start, ent.end
        if start < covered:
            continue
        if label == "ORG":
            end = covered = _second_place(doc, start, end)
        elif label == "NORP" and _demonym_before_unknown_place(doc, start, end):
            label, end = "ORG", _ent_end(doc, end)
            covered = end  # "Saudi [X]": NORP + a "GPE" no gazetteer knows is a company's name
        if label is None and ent.label_ in _NAMED_OTHER and _event_words(doc, start, end):
            label = "EVENT"  # "Operation Peace Spring" tagged WORK_OF_ART
        if label is None:
            continue
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and doc[start].is_punct:
            start += 1
        if start >= end:
            continue
        sent_start = sent_of.start_of(start)
        if end - start >= 3 and start > 0 and doc[start - 1].lower_ == "of" and _is_country_word(doc[start].text):
            # "First Minister of [Scotland Nicola Sturgeon]": NER ran the place into the name.
            place = _mention(doc, text, start, start + 1, "GPE", sent_start, sent_of)
            if place is not None:
                out.append(place)
            start += 1
        mention = _mention(doc, text, start, end, label, sent_start, sent_of)
        if mention is None:
            continue
        out.append(mention)
        _bracketed_acronym(doc, end, mention, out, sent_of)
    out.extend(titled_names(doc, text, sent_of))
    out.extend(media_names(doc, text, sent_of))
    out.extend(_untagged_surnames(doc, text, out, sent_of))
    out = phrases.acronym_expansions(doc, text, out, sent_of)
    out.extend(phrases.dateline_mentions(text, out, sent_of, doc))
    out.extend(phrases.government_mentions(doc, text, sent_of))
    out.sort(key=lambda m: (m.start, -m.end))
    return _drop_title_groups(_drop_nested(out))


def _untagged_surnames(doc: Doc, text: str, found: list[NameMention], sent_of: Sentences) -> list[NameMention]:
    """A person's surname standing alone where NER tagged nothing ("Doris Day ... Day said", the tagger
    taking "Day" for a noun), so coreference and quotes can reach the person there too."""
    surnames = {m.display.split()[-1] for m in found if m.label == "PERSON" and len(m.display.split()) >= 2}
    surnames = {w for w in surnames if w[:1].isupper() and w[1:].islower() and len(w) > 2}
    if not surnames:
        return []
    taken = [(m.start, m.end) for m in found]
    out: list[NameMention] = []
    wanted = {doc.vocab.strings[w] for w in surnames if w in doc.vocab.strings}
    for i, orth in enumerate(column(doc, ORTH)):
        if orth not in wanted:
            continue  # decided on the ORTH column: a Token only for the rare candidate
        tok = doc[i]
        if tok.ent_type_ or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (before is not None and before.is_title and not before.is_sent_start and before.pos_ == "PROPN") or (
            after is not None and after.is_title and after.pos_ == "PROPN"
        ):
            continue  # part of a longer name ("Independence Day", "Day Animal Foundation")
        if before is not None and before.is_quote:
            continue  # a title opening a quotation ("a song called "Day after Day"")
        if any(s <= tok.idx < e for s, e in taken):
            continue
        mention = _mention(doc, text, tok.i, tok.i + 1, "PERSON", sent_of.start_of(tok.i), sent_of)
        if mention is not None:
            out.append(mention)
    return out


def _drop_title_groups(mentions: list[NameMention]) -> list[NameMention]:
    """Drop nationality words that are only part of a person's title ("[Russian] Foreign Minister
    Sergey Lavrov", "[Liberal Democrat] spokeswoman X"): the title belongs to the person; the
    nationality is an entity of its own only where the article speaks of the people or uses it
    elsewhere ("the Russian diplomat", "Kazakh cities")."""
    spans = [(m.title_start, m.name_start, m.title or "") for m in mentions if m.title_start is not None]
    if not spans:
        return mentions
    return [m for m in mentions if m.label != "NORP" or not any(_in_office(m, span) for span in spans)]


def _in_office(m: NameMention, span: tuple[int, int, str]) -> bool:
    """Whether `m` opens or sits in a title of two words or more after it ("[Russian] Foreign
    Minister", "[Liberal Democrat] spokeswoman for women"): the word names the state or party the
    post belongs to. Before a one-word title ("Yemeni journalist") it describes the person's
    people, which the article's annotators keep as a group."""
    start, end, title = span
    if not (start <= m.name_start and m.name_end <= end):
        return False
    return len(title[m.name_end - start :].split()) >= 2


def _mention(
    doc: Doc, text: str, start: int, end: int, label: str, sent_start: int, sent_of: Sentences
) -> NameMention | None:
    """Clean one NER span: split a title off, keep an honorific, retype by head words (`text` is doc.text)."""
    heads = lex.heads()
    low = column(doc, LOWER)  # word tests on the LOWER column: no Token made for the usual "no"
    first, media = _head_ids("first"), _head_ids("media")
    # the same tests on the Doc's string columns (see entity_base): no Token per look
    words, deps, is_title = strings(doc, LOWER), strings(doc, DEP), column(doc, IS_TITLE)
    if label != "PERSON" and _is_title_not_name(doc, start, end):
        return None
    if label != "PERSON" and start > sent_start:
        n = titles.phrase_ending_at(doc, end, sent_start, allow_weak=False)
        if n and end - n < start:
            return None  # "State" in "Secretary of State": part of a title
    # "Hurricane Rafael", "Operation Peace Spring": an event whatever NER said.
    if start > sent_start and low[start - 1] in first and is_title[start - 1]:
        start, label = start - 1, "EVENT"
    elif low[start] in first and end - start >= 2:
        label = "EVENT"
    if label == "PERSON" and start > sent_start and low[start - 1] in media:
        label = "ORG"  # "Cuban weekly Opciones"
    elif label == "PERSON" and end < len(doc) and low[end] in media and deps[end] != "appos":
        label = "ORG"  # "the Kommersant newspaper"
    if label in ("ORG", "PERSON", "NORP") and end - start >= 2:
        # "a prospective Labour MP": the organization is "Labour", the rest a title.
        n = titles.phrase_ending_at(doc, end, start + 1, allow_weak=False)
        if n:
            end -= n
            label = "NORP" if names.demonym_country(doc[start:end].text) else "ORG"
    if label != "EVENT":
        start = _extend_left(doc, start, label, sent_start)
    end = next((k for k in range(start + 1, end) if name_stops_at(doc[k])), end)
    if end - start >= 3:
        is_lower, is_alpha = column(doc, IS_LOWER), column(doc, IS_ALPHA)
        for k in range(start + 1, end - 1):
            if words[k] == "of" and is_lower[k + 1] and is_alpha[k + 1] and words[k + 1] not in _PARTICLE:
                end = k  # "Associated Press [of bank robberies]": NER ran into the following phrase
                break
    # A title glued to the name by NER: "Kazakh President Kassym-Jomart Tokayev" as one span.
    name_tok = start
    if label != "EVENT":
        name_tok = titles.split_in_span(doc, start, end, person_label=label == "PERSON")
    if name_tok > start:
        label = "PERSON"
    gender = None
    honorific = False
    if label == "PERSON":
        inner, g = titles.honorific_inside(doc, name_tok, end)
        if inner > name_tok:
            name_tok, gender, honorific = inner, g, True
    mention_tok = name_tok
    title_tok = None
    # Only an ORG/GPE/NORP of two words or more asks whether its words all look like a name (a
    # PERSON takes a title anyway), so the token walk is skipped for every other mention.
    names_like = (
        label in ("ORG", "GPE", "NORP")
        and end - name_tok >= 2
        and all(titles.is_name_at(doc, k) for k in range(name_tok, end))
    )
    if label == "PERSON" or name_tok > start or names_like:
        title_tok = titles.title_start(
            doc,
            name_tok,
            sent_start=sent_start,
            allow_weak=end - name_tok >= 2,
            appositive=label == "PERSON" or names_like,
        )
        if title_tok is not None:
            label = "PERSON"
        elif label == "PERSON" and not honorific:
            outer, g = titles.honorific_before(doc, name_tok)
            if outer < name_tok:
                mention_tok, gender, honorific = outer, g, True
    if title_tok is None and label != "PERSON":
        if words[start] in _DETERMINER:
            mention_tok = start  # keep "the Mangystau Region" as the mention, the name without "the"
        elif (
            start > sent_start
            and words[start - 1] in _DETERMINER
            and deps[start - 1] == "det"
            and start <= heads_of(doc)[start - 1] < end
        ):
            mention_tok = start - 1  # NER left "the" out: "The Tories" (not "the [Iranian] Army")
    if words[name_tok] in _DETERMINER and end - name_tok >= 2:
        name_tok += 1  # the name itself never starts with "the"; the mention keeps it
    name_span = doc[name_tok:end]
    n_start, n_end = name_span.start_char, name_span.end_char
    raw = text[n_start:n_end]
    key = names.name_key(raw)
    if not key or not any(c.isalpha() for c in key):
        return None
    caps_line = raw.isupper() and _all_caps_line(text, n_start, n_end)
    place_like = label in ("GPE", "LOC", "PERSON")
    short_code = len(raw.replace(".", "")) <= 3 and names.country_code(raw) is not None  # "US", "UAE"
    display = names.display_name(raw, all_caps_line=place_like and not short_code and caps_line)
    root = name_span.root
    subject = subject_rank(root)
    mention = NameMention(
        start=doc[mention_tok].idx,
        end=n_end,
        name_start=n_start,
        name_end=n_end,
        label=label,
        key=key,
        display=display,
        sent=sent_of[start],
        gender=gender,
        honorific=honorific,
        subject=subject,
    )
    r = root.i
    head = heads_of(doc)[r]
    root_dep, pos, kids = deps[r], strings(doc, POS), children(doc)[r]
    mention.compound = root_dep == "compound" and pos[head] == "NOUN"
    mention.root = r
    if root_dep == "pobj" and words[head] in _PLACE_PREPOSITIONS:
        # not "at 1.7 million Hongkongers", "in Marvel film Shang-Chi": a number or a noun says what it is
        mention.place_cue = root.tag_ != "NNPS" and not any(
            deps[c] == "nummod" or (deps[c] == "compound" and pos[c] == "NOUN") for c in kids
        )
    elif mention.compound and heads["last"].get(words[head]) == "GPE":
        mention.place_cue = True  # "the Lanao region"
    elif any(deps[c] == "conj" and heads["last"].get(words[c]) == "GPE" for c in kids):
        mention.place_cue = True  # "Marawi, and the Lanao region around it"
    elif root_dep == "conj":
        mention.conj_head = head
    elif root_dep in ("nsubj", "nsubjpass") and doc[head].lemma_ in lex.speech_verbs():
        mention.speaker = True
    if title_tok is not None:
        last = doc[name_tok - 1] if doc[name_tok - 1].text != "," else doc[name_tok - 2]
        mention.title = text[doc[title_tok].idx : last.idx + len(last.text)]
        mention.title_start = doc[title_tok].idx
        mention.gender = mention.gender or titles.title_gender(mention.title)
    elif label == "PERSON":
        after = titles.title_after(doc, end, min(len(doc), end + 14))
        if after is not None:
            det, t_start, t_end = after
            mention.title = text[doc[t_start].idx : doc[t_end - 1].idx + len(doc[t_end - 1].text)]
            mention.described = (doc[det].idx, doc[t_end - 1].idx + len(doc[t_end - 1].text))
            mention.gender = mention.gender or titles.title_gender(mention.title)
    if names.is_acronym_form(raw) and not caps_line and not short_code and (label != "PERSON"):
        mention.kind = "acronym"
    return mention


@cache
def _modifier_ids() -> frozenset[int]:
    """LOWER-column ids of title modifiers ("interior", "foreign") and the words joining them."""
    return frozenset(string_id(w) for w in (*lex.titles().modifiers, "and", "of", "&"))


@cache
def _head_ids(where: str) -> frozenset[int]:
    """LOWER-column ids of the one-word entries of entity_heads.tsv for `where` ("first", "media")."""
    return frozenset(string_id(w) for w in lex.heads()[where] if " " not in w)


def _event_words(doc: Doc, start: int, end: int) -> bool:
    heads = lex.heads()
    return heads["first"].get(doc[start].lower_) == "EVENT" or heads["last"].get(doc[end - 1].lower_) == "EVENT"


def _extend_left(doc: Doc, start: int, label: str, sent_start: int) -> int:
    """Take in capitalized words NER left out: "the [Liberal] Democrats", "[Slawoj] Leszek Glodz"."""
    table = lex.titles()
    k = start
    while k - 1 > sent_start and start - k < 2:
        t = doc[k - 1]
        low = t.lower_.rstrip(".")
        if not t.is_title or t.ent_type_ or t.pos_ not in ("PROPN", "ADJ"):
            break
        if low in table.modifiers or low in table.honorifics or (low,) in table.phrases or low in lex.demonyms():
            break
        if label != "PERSON" and not (k - 2 >= sent_start and doc[k - 2].lower_ in _DETERMINER):
            break
        if label == "PERSON" and t.pos_ != "PROPN":
            break
        k -= 1
    return k


def _is_title_not_name(doc: Doc, start: int, end: int) -> bool:
    """Spans such as "Archbishop of Gdansk", "Interior", "Trade and Industry": NER spans that are only title words."""
    if doc[start].lower_ in _DETERMINER and end - start >= 2:
        start += 1
    n = titles.title_phrase_at(doc, start, end)
    if n and start + n < end and doc[start + n].lower_ in ("of", "for"):
        return True
    low, mods = column(doc, LOWER), _modifier_ids()
    if not all(low[k] in mods for k in range(start, end)):
        return False
    return end < len(doc) and titles.title_phrase_at(doc, end, len(doc)) > 0  # "Interior Minister"


def _bracketed_acronym(doc: Doc, end: int, long: NameMention, out: list[NameMention], sent_of: Sentences) -> None:
    """Bracketed acronym, as in "Collective Security Treaty Organization's (CSTO)": record CSTO as an acronym of the name."""
    k = end
    if k < len(doc) and doc[k].text in POSSESSIVE:
        k += 1
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        tok = doc[k + 1]
        if names.is_acronym_form(tok.text) and names.acronym_matches(tok.text, long.display):
            out.append(
                NameMention(
                    start=tok.idx,
                    end=tok.idx + len(tok.text),
                    name_start=tok.idx,
                    name_end=tok.idx + len(tok.text),
                    label=long.label,
                    key=names.name_key(tok.text),
                    display=tok.text,
                    sent=sent_of[tok.i],
                    kind="acronym",
                    acronym_of=long.key,
                )
            )


def _drop_nested(mentions: list[NameMention]) -> list[NameMention]:
    """Keep one mention per character range (a bracketed acronym may also be an NER span)."""
    out: list[NameMention] = []
    for m in mentions:
        if out and out[-1].name_start == m.name_start and out[-1].name_end == m.name_end:
            if m.acronym_of and not out[-1].acronym_of:
                out[-1].acronym_of = m.acronym_of
            continue
        out.append(m)
    return out


_MEDIA_DESCRIPTORS = frozenset({"television", "tv", "news", "radio", "state", "state-run", "online", "business"})


@cache
def _media_words() -> frozenset[str]:
    return frozenset(w for w, t in lex.heads()["media"].items() if t == "ORG" and " " not in w)


def media_names(doc: Doc, text: str, sent_of: Sentences) -> list[NameMention]:
    """Outlets NER missed, named by the noun after them: "the Rossiya-1 television channel"."""
    out: list[NameMention] = []
    for tok in token_matches(doc, _media_words(), text):
        if not tok.is_lower or tok.tag_ in ("NNS", "NNPS"):
            continue
        k = tok.i
        while k - 1 >= 0 and doc[k - 1].lower_ in _MEDIA_DESCRIPTORS:
            k -= 1
        end = k
        while k - 1 >= 0 and end - k < 3 and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].ent_type_:
            if not (doc[k - 1].text[:1].isupper() or doc[k - 1].text[:1].isdigit()):
                break
            k -= 1
        if k == end or k == 0 or doc[k - 1].lower_ not in _DETERMINER:
            continue  # only "the NAME channel": a bare capitalized word may open a sentence
        mention = _mention(doc, text, k, end, "ORG", sent_of.start_of(k), sent_of)
        if mention is not None:
            mention.start = doc[k - 1].idx
            out.append(mention)
    return out


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for w in lex.title_last_words() if w.isalpha() and len(w) > 2)


def titled_names(doc: Doc, text: str, sent_of: Sentences) -> list[NameMention]:
    """Names NER missed right after a title: "Chief Superintendent Graciano Mijares", "..., Jane Smith,".

    A capitalized title, an optional comma, then two to four capitalized proper nouns that no
    entity covers is a person in news style.
    """
    out: list[NameMention] = []
    for tok in token_matches(doc, _title_words(), text):
        if not (tok.is_title or tok.is_upper) or tok.ent_type_ in ("PERSON", "ORG"):
            continue
        k = _after_complement(doc, tok.i + 1)
        if k < len(doc) and doc[k].text == ",":
            k += 1
        end = k
        while end < len(doc) and end - k < 4 and doc[end].is_title and doc[end].pos_ == "PROPN":
            if doc[end].ent_type_ not in ("", "DATE"):
                break
            end += 1
        if end - k < 2 or doc[k].ent_type_ or (end < len(doc) and doc[end].pos_ == "PROPN"):
            continue
        if titles.phrase_ending_at(doc, tok.i + 1, sent_of.start_of(tok.i), allow_weak=False) == 0:
            continue
        mention = _mention(doc, text, k, end, "PERSON", sent_of.start_of(k), sent_of)
        if mention is not None:
            out.append(mention)
    return out


def _ent_end(doc: Doc, start: int) -> int:
    """End token of the entity starting at token `start`."""
    k = start + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return k


def _demonym_before_unknown_place(doc: Doc, start: int, end: int) -> bool:
    """A nationality word right before a name NER called a place that no gazetteer or country
    list has ("Saudi [X]", X unknown): the two words are one organization's name."""
    if end - start != 1 or end >= len(doc) or doc[end].ent_iob_ != "B" or doc[end].ent_type_ != "GPE":
        return False
    if doc[start].dep_ != "compound" or not names.demonym_country(doc[start].text):
        return False
    place = doc[end : _ent_end(doc, end)].text
    if names.country_code(place) or names.name_key(place) in lex.country_parts():
        return False
    from ..gazetteer.index import gazetteer  # loaded once per process; the places extractor uses it too

    return not gazetteer().lookup(place)


def _second_place(doc: Doc, start: int, end: int) -> int:
    """End of an organization named after two places, which NER cuts at "and": "the Islamic State of
    [Iraq] and the [Levant]", "... of Iraq and Syria". Taken only when the first place is a country
    and the second a capitalized name NER did not call an organization or a person's full name."""
    of = next((k for k in range(end - 2, start, -1) if doc[k].lower_ == "of"), None)
    if of is None or end + 1 >= len(doc) or doc[end].lower_ != "and" or not names.country_code(doc[of + 1 : end].text):
        return end
    k = end + 1
    if doc[k].lower_ == "the":
        k += 1
    j = k
    while j < len(doc) and j - k < 2 and doc[j].is_title and doc[j].pos_ == "PROPN" and doc[j].ent_type_ != "ORG":
        j += 1
    if j == k or (j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text in POSSESSIVE)):
        return end
    if j - k >= 2 and doc[k].ent_type_ == "PERSON":
        return end
    return j


def _after_complement(doc: Doc, k: int) -> int:
    """Token after a title's complement ("Secretary [of State for Health], Jane Smith"), else `k`.

    The complement runs to a comma: capitalized words, "the"/"and", or plain nouns ("for women").
    """
    if k >= len(doc) or doc[k].lower_ not in ("of", "for", "to"):
        return k
    j = k + 1
    while j < len(doc) and j - k <= 6:
        t = doc[j]
        if t.text == ",":
            return j if j > k + 1 else k
        if not (
            t.is_title or t.is_upper or t.lower_ in ("the", "and", "of", "for") or (t.is_lower and t.pos_ == "NOUN")
        ):
            return k
        j += 1
    return k


def _is_country_word(word: str) -> bool:
    key = names.name_key(word)
    return bool(names.country_code(key) or key in lex.country_parts())
