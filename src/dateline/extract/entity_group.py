"""Group name mentions into entities: one label per name, variants of a name merged.

Rules, all over the name keys of one document (a few dozen, so pairwise checks are cheap):
- a name with person evidence (a title, Mr/Ms, a PERSON tag) is a PERSON everywhere;
- a surname or first name alone joins the one full name that ends or starts with it;
- an acronym joins the name it was defined for in brackets, or the one name it abbreviates;
- country variants ("US", "the United States") and demonym forms ("Saudi", "Saudis") fold;
- an organization name joins its longer form with a generic head ("Labour", "Labour Party").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from . import entity_lexicon as lex
from . import entity_names as names
from .entity_base import NameMention
from .entity_titles import NAME_PARTICLES

_ORG_HEADS = frozenset(
    {"party", "movement", "group", "organization", "organisation", "inc", "corp", "ltd", "company", "front", "union"}
)
_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "ibn-", "bin-")
# the particles a name may hold (entity_titles), and more that stand before a surname without being one
_PARTICLE_WORDS = NAME_PARTICLES | frozenset("del della den des do das abu".split())


@dataclass
class Group:
    """An entity under construction."""

    keys: list[str]
    mentions: list[NameMention]
    type: str
    name: str = ""
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    gender: str | None = None


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _vote_types(mentions: list[NameMention]) -> dict[str, str]:
    """One label per key: person evidence wins, then what the words say, then the majority label."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    person: set[str] = set()
    compound: Counter[str] = Counter()
    acronym: Counter[str] = Counter()
    for m in mentions:
        labels[m.key][m.label] += 1
        if m.title or m.honorific:
            person.add(m.key)
        if m.compound:
            compound[m.key] += 1
        if m.kind == "acronym":
            acronym[m.key] += 1
    out: dict[str, str] = {}
    for key, counts in labels.items():
        if key in person:
            out[key] = "PERSON"
            continue
        by_words = _type_by_words(key)
        if by_words:
            out[key] = by_words
        elif names.country_code(key) and counts.get("GPE", 0) + counts.get("LOC", 0) + counts.get("NORP", 0):
            out[key] = "GPE"
        elif names.demonym_country(key) and counts.get("NORP", 0) + counts.get("GPE", 0) > 0:
            out[key] = "NORP"
        else:
            out[key] = counts.most_common(1)[0][0]
        if out[key] == "NORP" and key.startswith(("anti-", "pro-")):
            out[key] = "DROP"  # "anti-Brexit": a stance, not a group of people
        if out[key] in ("GPE", "LOC") and acronym[key] and not names.country_code(key):
            out[key] = "ORG"  # "BRICS", "NATO" tagged as places: acronyms name organizations
        if out[key] == "PERSON" and compound[key] == sum(counts.values()):
            out[key] = "DROP"  # "Oreshnik systems": a PERSON tag on a noun modifier is a product or a thing
    return out


@lru_cache(maxsize=65536)
def _type_by_words(key: str) -> str | None:
    """Type given by the name's words (entity_heads.tsv): whole name, then its last word.

    Memoized: a pure function of the key over a lexicon loaded once, asked several times per key."""
    heads = lex.heads()
    if key in heads["whole"]:
        return heads["whole"][key]
    words = key.split()
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if tail in heads["last"]:
            return heads["last"][tail]
    if len(words) >= 2 and words[0] in heads["first"]:
        return heads["first"][words[0]]
    return None


def _last_name(key: str) -> str:
    last = key.split()[-1]
    for particle in _NAME_PARTICLES:
        if last.startswith(particle) and len(last) > len(particle) + 1:
            return last[len(particle) :]
    return last


def _surnames_that_speak(mentions: list[NameMention], types: dict[str, str]) -> None:
    """A one-word name that says things and ends a longer name is a surname: "Valeska Paris" (tagged
    ORG) ... "Paris claims she was ..." (tagged GPE). Both become PERSON, so the surname joins the
    full name; places and organizations named after a person keep their type when they never speak."""
    speaking = {m.key for m in mentions if m.speaker and " " not in m.key and types.get(m.key) != "PERSON"}
    speaking -= {m.key for m in mentions if m.start < m.name_start}  # "the Senate said": not a surname
    speaking = {k for k in speaking if not names.country_code(k) and k not in lex.country_parts()}
    if not speaking:
        return
    for key, t in list(types.items()):
        words = key.split()
        if not (2 <= len(words) <= 3 and words[-1] in speaking and t in ("PERSON", "ORG")) or _type_by_words(key):
            continue
        if not (names.country_code(words[0]) or names.demonym_country(words[0])):
            types[key] = "PERSON"
            types[words[-1]] = "PERSON"


def _merge_person_parts(types: dict[str, str], uf: _Union, honorific_gender: dict[str, str]) -> None:
    """Surnames: "Lavrov" and "Mr Lavrov" join "Sergey Lavrov"; "Digby" joins "Digby Jones" when unambiguous,
    or when the honorifics it takes pick one of several by gender ("Mrs. Clinton" is Hillary, not Bill Clinton)."""
    full = [k for k, t in types.items() if t == "PERSON" and len(k.split()) >= 2]
    two_words: dict[str, list[str]] = defaultdict(list)  # surname -> given names, for two-word names
    for k in full:
        words = k.split()
        if len(words) == 2:
            two_words[words[1]].append(words[0])
    for last, firsts in two_words.items():  # "Kristin Wilkins" and "Kristen Wilkins": one person, two spellings
        for i, a in enumerate(firsts):
            for b in firsts[i + 1 :]:
                if _one_letter_apart(a, b):
                    uf.union(f"{a} {last}", f"{b} {last}")
    for j in full:  # "Loretta Lynch" is "Loretta E. Lynch", "John Conyers" is "John James Conyers Jr."
        fuller = [k for k in full if _fuller(j.split(), k.split())]
        if len(fuller) == 1:  # not "George Bush" when the article names George H. W. and George W. Bush
            uf.union(j, fuller[0])
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_suffix: dict[str, list[str]] = defaultdict(list)
    for k in full:
        words = k.split()
        by_last[_last_name(k)].append(k)
        by_last[words[-1]].append(k)
        if _paternal_surname(words) and f"{words[0]} {words[-2]}" not in types:
            by_last[words[-2]].append(k)  # "Ricardo Rosselló Nevares" is "Rosselló"
        by_first[words[0]].append(k)
        for i in range(1, len(words) - 1):
            by_suffix[" ".join(words[i:])].append(k)
    for key, t in types.items():
        if t in ("GPE", "NORP") or (len(key.split()) >= 2 and key in full and key not in by_suffix):
            continue
        words = key.split()
        targets: set[str] = set()
        if len(words) == 1:
            targets = set(by_last.get(key, ())) or set(by_last.get(_last_name(key), ()))
            if not targets and t in ("PERSON", "ORG") and not by_last.get(key):
                targets = set(by_first.get(key, ()))
        else:
            targets = set(by_suffix.get(key, ()))
        if not targets and len(words) == 1 and t in ("PERSON", "ORG"):
            targets = {k for last, ks in by_last.items() if _one_letter_apart(key, last) for k in ks}
        targets.discard(key)
        roots = {uf.find(k) for k in targets}
        gender = honorific_gender.get(key)
        if len(roots) > 1 and gender is not None:
            targets = {k for k in targets if _given_name_gender(k) == gender}
            roots = {uf.find(k) for k in targets}
        if len(roots) == 1:
            uf.union(next(iter(targets)), key)
            types[key] = "PERSON"


GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _fuller(short: list[str], words: list[str]) -> bool:
    """Whether `words` is the name `short` with middle names or initials added, or a generation ("Loretta E. Lynch",
    "John James Conyers Jr." for "John Conyers"); not with words after it ("Hillary Clinton Speaks", a caption's
    "Thomas Knapp Image"), which only look like a name."""
    if len(short) != 2 or len(words) <= 2 or short[0] != words[0]:
        return False
    end = len(words)
    while end > 0 and words[end - 1] in GENERATIONS:
        end -= 1
    if words[end - 1] != short[-1]:
        return False
    rest = iter(words[:end])
    return all(w in rest for w in short)


def _paternal_surname(words: list[str]) -> bool:
    """Whether a name's next-to-last word is a surname of its own: Spanish and Portuguese names carry two
    ("Wanda Vázquez Garced", and news calls her "Vázquez"). Not a given name ("George Walker Bush") nor an
    initial or a particle ("Juan de la Cruz")."""
    if len(words) < 3:
        return False
    word = words[-2]
    return len(word) > 2 and word.isalpha() and word not in _PARTICLE_WORDS and word not in lex.name_genders()


def _given_name_gender(key: str) -> str | None:
    """"m"/"f" from a full name's first word, when the given-name lists know it ("Hillary Clinton": "f")."""
    return lex.name_genders().get(key.split()[0].lower())


def _honorific_genders(mentions: list[NameMention]) -> dict[str, str]:
    """Name key -> the gender its honorifics give ("Mrs. Clinton": "f"), for keys whose honorifics all agree."""
    seen: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.honorific and m.gender in ("m", "f"):
            seen[m.key].add(m.gender)
    return {k: next(iter(g)) for k, g in seen.items() if len(g) == 1}


def _one_letter_apart(a: str, b: str) -> bool:
    """Same long word but for one letter ("Shevchanko" / "Shevchenko"): a transliteration or a typo
    of a surname the article spelled out in full elsewhere. Short words are left alone ("Bush"/"Rush")."""
    if len(a) != len(b) or len(a) < 5 or a[0] != b[0] or not a.isalpha():
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) == 1


def _merge_acronyms(mentions: list[NameMention], types: dict[str, str], uf: _Union) -> None:
    defined: set[str] = set()
    for m in mentions:
        if m.acronym_of:
            uf.union(m.acronym_of, m.key)
            defined.add(m.key)
    longs = [k for k, t in types.items() if t in ("ORG", "GPE", "EVENT", "LOC") and len(k.split()) >= 2]
    for m in mentions:
        if m.kind != "acronym" or m.key in defined:
            continue
        fits = {uf.find(k) for k in longs if names.acronym_matches(m.display, k)}
        if len(fits) == 1:
            uf.union(next(iter(fits)), m.key)
        defined.add(m.key)


def _merge_variants(types: dict[str, str], uf: _Union) -> None:
    """Country variants, demonym plurals, and organization names with a generic head word."""
    for key, t in types.items():
        if t == "GPE":
            code = names.country_code(key)
            if code:
                uf.union(f"country:{code}", key)
        elif t == "NORP":
            code = names.demonym_country(key)
            if code:
                uf.union(f"people:{code}", key)
    norps = [k for k, t in types.items() if t == "NORP"]
    by_stem: dict[str, list[str]] = defaultdict(list)
    for k in norps:  # "Kurds" and "Kurdish", "Sunnis" and "Sunni": one people, noun and adjective
        by_stem[_people_stem(k)].append(k)
    for ks in by_stem.values():
        for k in ks[1:]:
            uf.union(ks[0], k)
    for k in norps:  # "Catholic" and "Roman Catholic"
        longer = [n for n in norps if n != k and n.endswith(" " + k)]
        if len(longer) == 1:
            uf.union(longer[0], k)
    orgs = [k for k, t in types.items() if t == "ORG"]
    org_set = set(orgs)
    _merge_national_bodies(orgs, uf)
    for k in orgs:
        words = k.split()
        if len(words) >= 2 and words[-1] in _ORG_HEADS:
            short = " ".join(words[:-1])
            if short in org_set:
                uf.union(k, short)


def _people_stem(key: str) -> str:
    """A group word without its plural or adjective ending: "kurds", "kurdish" -> "kurd"."""
    if " " in key or len(key) < 5:
        return key
    for suffix in ("ish", "s"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            return key[: -len(suffix)]
    return key


@lru_cache(maxsize=65536)
def _national_form(key: str) -> tuple[str, str] | None:
    """("parliament", "IQ") for "iraqi parliament" and "parliament of iraq"; None for other names."""
    words = key.split()
    if len(words) >= 2:
        code = names.demonym_country(words[0]) or names.country_code(words[0])
        if code:
            return " ".join(words[1:]), code
    if " of " in key:
        head, _, place = key.partition(" of ")
        code = names.country_code(place)
        if code and head:
            return names.name_key(head), code
    return None


def _merge_national_bodies(orgs: list[str], uf: _Union) -> None:
    """ "Iraqi Parliament", "the Parliament of Iraq" and a bare "Parliament" are one body.

    The bare form joins only when the article names exactly one country's body of that name.
    """
    by_form: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in orgs:
        form = _national_form(k)
        if form:
            by_form[form].append(k)
    for keys in by_form.values():
        for k in keys[1:]:
            uf.union(keys[0], k)
    heads: dict[str, set[str]] = defaultdict(set)
    for head, code in by_form:
        heads[head].add(code)
    for k in orgs:
        if k in heads and len(heads[k]) == 1:
            uf.union(by_form[(k, next(iter(heads[k])))][0], k)


_USE_RETYPED = frozenset({"PERSON", "ORG", "DROP"})


def _places_by_use(mentions: list[NameMention], types: dict[str, str], uf: _Union) -> None:
    """Place names spaCy called a person or an organization ("a camp at [Tal Abyad]", "[Marawi]").

    The small model tags many unfamiliar one- and two-word names PERSON. A name with no sign of
    a person or a body (no title, honorific, given name, speech verb, organization word) becomes
    a GPE when the article uses it as a place: after "in"/"at"/"near", before or beside a place
    noun ("the Lanao region"), or coordinated with a name retyped so ("Manbij and Tal Abyad"). An
    ORG needs the gazetteer to agree too, as organizations sit "in" places as well ("at Ras Tanura"
    plus a Saudi town Ras Tanura in an article naming Saudi Arabia). The gazetteer alone is not
    enough: most surnames and given names are also some town's name ("Gardner", "Elizabeth").
    """
    if not any(m.place_cue for m in mentions):
        return  # nothing is used as a place, so nothing can be retyped (most articles)
    members: dict[str, list[NameMention]] = defaultdict(list)
    for m in mentions:
        members[uf.find(m.key)].append(m)
    conj_heads = {m.conj_head for m in mentions if m.conj_head >= 0}
    candidates: list[list[NameMention]] = []
    for ms in members.values():
        if not any(m.place_cue or m.conj_head >= 0 or m.root in conj_heads for m in ms):
            continue  # neither used as a place nor coordinated with one
        keys = {m.key for m in ms}
        if not all(types[k] in _USE_RETYPED for k in keys) or not _no_agent_signs(ms, keys):
            continue
        candidates.append(ms)
    if not candidates:
        return
    countries = {c for k, t in types.items() if t in ("GPE", "NORP") for c in (names.country_code(k),) if c}
    countries |= {c for k, t in types.items() if t == "NORP" for c in (names.demonym_country(k),) if c}
    place_roots: set[int] = set()
    place_conj: set[int] = set()
    retyped: list[list[NameMention]] = []
    rest: list[list[NameMention]] = []
    for ms in candidates:
        organization = any(types[m.key] == "ORG" for m in ms)
        if organization and any(m.start < m.name_start for m in ms):
            continue  # "the White House": a town is not named with "the"
        cue = any(m.place_cue for m in ms)
        if cue and (not organization or any(_gazetteer_place(k, countries) for k in {m.key for m in ms})):
            retyped.append(ms)
        else:
            rest.append(ms)
    for ms in retyped:
        _make_place(ms, types)
        place_roots.update(m.root for m in ms)
        place_conj.update(m.conj_head for m in ms if m.conj_head >= 0)
    for ms in rest:  # coordinated with a place found so: "entered Manbij and Tal Abyad"
        if any(types[m.key] == "PERSON" for m in ms) and any(
            m.conj_head in place_roots or m.root in place_conj for m in ms
        ):
            _make_place(ms, types)


def _no_agent_signs(ms: list[NameMention], keys: set[str]) -> bool:
    """Whether nothing marks these mentions as a person or an organization."""
    if any(m.title or m.honorific or m.speaker or m.kind == "acronym" or m.acronym_of for m in ms):
        return False
    given = lex.given_names()
    for k in keys:
        words = k.split()
        if len(words) > 3 or (len(words) >= 2 and words[0] in given) or _type_by_words(k):
            return False
    return True


def _gazetteer_place(key: str, countries: set[str]) -> bool:
    """Whether the gazetteer has `key` as a town or region of one of `countries`."""
    if not countries:
        return False
    from ..gazetteer.index import gazetteer  # the places extractor loads it anyway; loaded once

    return any(
        m.primary and m.entry.kind in ("city", "region") and m.entry.country in countries
        for m in gazetteer().lookup(key)
    )


def _make_place(ms: list[NameMention], types: dict[str, str]) -> None:
    for m in ms:
        types[m.key] = "GPE"
        m.label = "GPE"


def build_groups(mentions: list[NameMention]) -> list[Group]:
    """Entities (as Groups, in order of first mention) from the document's name mentions."""
    types = _vote_types(mentions)
    uf = _Union()
    for key in types:
        uf.find(key)
    _surnames_that_speak(mentions, types)
    _merge_person_parts(types, uf, _honorific_genders(mentions))
    _merge_acronyms(mentions, types, uf)
    _merge_variants(types, uf)
    _places_by_use(mentions, types, uf)
    members: dict[str, list[NameMention]] = defaultdict(list)
    for m in mentions:
        members[uf.find(m.key)].append(m)
    groups: list[Group] = []
    for ms in members.values():
        if all(types[m.key] == "DROP" for m in ms):
            continue
        ms.sort(key=lambda m: m.start)
        keys = list(dict.fromkeys(m.key for m in ms))
        # A plain dict, not a Counter: this runs once per group on every article, and building a
        # Counter costs more than the counting. max() keeps the first type among ties, as most_common does.
        votes: dict[str, int] = {}
        for m in ms:
            kind = types[m.key]
            if kind != "DROP":
                votes[kind] = votes.get(kind, 0) + 1
        majority = max(votes, key=votes.__getitem__)
        gtype = "PERSON" if votes.get("PERSON") and any(m.title or m.honorific for m in ms) else majority
        if gtype == "PERSON" and not any(len(k.split()) >= 2 or types[k] == "PERSON" for k in keys):
            gtype = majority
        group = Group(keys=keys, mentions=ms, type=gtype)
        _describe(group)
        groups.append(group)
    groups.sort(key=lambda g: g.mentions[0].start)
    return groups


def _describe(group: Group) -> None:
    """Name, titles, country and gender of a group from its mentions."""
    ms = group.mentions
    plain = [m for m in ms if m.kind != "acronym"] or ms
    # Fullest name: most words, then mixed case over all-caps, then longest.
    best = max(plain, key=lambda m: (len(m.display.split()), not m.display.isupper(), len(m.display)))
    group.name = best.display
    if group.type in ("GPE", "LOC"):
        mixed = [m for m in plain if not m.display.isupper()]
        if mixed and best.display.isupper():
            group.name = max(mixed, key=lambda m: len(m.display)).display
    titles = []
    for m in ms:
        if m.title and m.title not in titles:
            titles.append(m.title)
    group.titles = titles if group.type == "PERSON" else []
    group.gender = next((m.gender for m in ms if m.gender), None)
    words = group.name.lower().split()
    if group.gender is None and group.type == "PERSON" and len(words) >= 2:
        # the first given name before the surname ("Organiser Leisha Riddell": the title is no name)
        genders = lex.name_genders()
        group.gender = next((genders[w] for w in words[:-1] if w in genders), None)
    group.country = _country(group)


def _country(group: Group) -> str | None:
    if group.type == "NORP":
        return next((c for c in (names.demonym_country(k) for k in group.keys) if c), None)
    if group.type in ("GPE", "LOC"):
        for k in group.keys:
            code = names.country_code(k) or lex.country_parts().get(k)
            if code:
                return code
        return None
    texts = group.titles if group.type == "PERSON" else [group.name]
    for text in texts:
        code = _text_country(text)
        if code:
            return code
    return None


@lru_cache(maxsize=65536)
def _text_country(text: str) -> str | None:
    """Country a title or a name states: a capitalized nationality word, else a country name among its
    word runs ("Kazakh President", "Foreign Minister of Russia"). Memoized: names and titles recur."""
    for word in text.replace("-", " ").split():
        code = names.demonym_country(word) if word[:1].isupper() else None
        if code:
            return code
    for phrase in _ngrams(text):
        code = names.country_code(phrase)
        if code:
            return code
    return None


def _ngrams(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)]
