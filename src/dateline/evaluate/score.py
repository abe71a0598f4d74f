"""One scorer per gold section: counts for precision/recall and accuracies over matched items.

Definitions (they follow ../shared/gold/FORMAT.md; where it leaves room, the choice is here):

- Counts are micro-averaged: a section's figures over many documents are sums of these counts.
- Precision = system items that match / system items; recall = gold items matched / gold items.
  For one-to-one sections both numerators are the number of pairs.
- metadata: accuracies only. `headline` and `published` need equality after folding. `dateline`
  needs place and agency equal after folding; a gold dateline of null is right when the system
  gives no dateline or one without a place (an agency alone, e.g. from the outlet, claims no
  dateline); a metadata section without a `dateline` key counts as a null dateline. `boilerplate`
  is the share of gold boilerplate strings absent (folded, on word boundaries) from Article.text, the headline and
  every span; `violations` counts the ones found.
- quotes: a pair when token F1 of the texts >= 0.6, one-to-one best first. `speaker` is right
  when the system speaker's name, its mention text or the name of the entity it points to equals
  (folded, leading "the" ignored) the gold speaker or a mention of the gold entity of that name.
  `end_to_end` counts pairs with the right speaker. `cue`, `via`, `kind`: folded equality (a null
  via equals only a null via).
- entities: a gold entity is found when a system entity of the same type shares a name or a
  non-pronoun mention with it (folded, leading "the" ignored). Matching is many-to-many on purpose:
  a system entity is correct when it matches any gold entity, so an unmerged duplicate
  ("Lavrov" apart from "Sergey Lavrov") costs no precision but is counted under `split` (gold
  entities found by more than one system entity). All system entities count toward precision.
- times: both sides folded to one item per distinct folded text. A pair needs word-aligned
  containment either way, or token F1 > 0.5 ("January 2" never pairs with "January 7").
  `value` accuracy is exact equality of the normalized values over pairs.
- places: both sides folded to one per distinct text (leading "the" ignored); pairs by equal text.
  `country` accuracy over pairs; `coordinates` over pairs whose gold has lat/lon: within 100 km for a
  city, 300 km for a region or other place, 1000 km for a country.
- events: a pair needs the same type, the same country (any, when the gold country is null) and a
  system date or range inside the gold date or range (any, when the gold date is null); a system
  date at a coarser granularity than the gold is not inside it, so it misses. `actor`/`target`
  accuracy over pairs: the gold name or its entity's mentions, or token F1 >= 0.5 with the gold text.
- counts: a pair needs the same `what` and `value`; `qualifier` and `source` accuracy over pairs.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..record import Article, Entity, Source, iter_spans
from .dates import inside
from .match import best_first, nearest
from .normalize import contains_phrase, contains_tokens, fold, fold_name, token_f1, tokens

QUOTE_THRESHOLD = 0.6
TOLERANCE_KM = {"city": 100.0, "region": 300.0, "other": 300.0, "country": 1000.0}


@dataclass
class Ratio:
    """correct out of total; `value` is None when nothing was counted."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class SectionScore:
    """A section's counts in one document, or summed over many."""

    name: str
    detection: bool = True
    gold: int = 0
    system: int = 0
    found: int = 0  # gold items matched (recall numerator)
    correct: int = 0  # system items matched (precision numerator)
    end_to_end: int | None = None  # quotes: pairs with the right speaker
    accuracy: dict[str, Ratio] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # verbose lines: MISS, SPURIOUS, WRONG

    def acc(self, key: str) -> Ratio:
        return self.accuracy.setdefault(key, Ratio())

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def e2e(self) -> tuple[float, float, float] | None:
        """End-to-end precision, recall, F1 (quotes only)."""
        if self.end_to_end is None:
            return None
        p = self.end_to_end / self.system if self.system else 0.0
        r = self.end_to_end / self.gold if self.gold else 0.0
        return p, r, f1(p, r)

    def add(self, other: SectionScore) -> None:
        """Sum another document's counts into this one (micro-averaging)."""
        self.gold += other.gold
        self.system += other.system
        self.found += other.found
        self.correct += other.correct
        if other.end_to_end is not None:
            self.end_to_end = (self.end_to_end or 0) + other.end_to_end
        for key, ratio in other.accuracy.items():
            mine = self.acc(key)
            mine.correct += ratio.correct
            mine.total += ratio.total
        for key, value in other.counters.items():
            self.counters[key] = self.counters.get(key, 0) + value


@dataclass
class DocScore:
    name: str
    sections: dict[str, SectionScore]
    warnings: list[str] = field(default_factory=list)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _short(text: str | None, limit: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _same(a: str | None, b: str | None) -> bool:
    return fold(a) == fold(b)


# --------------------------------------------------------------------------- sources


def gold_aliases(name: str | None, entities: list[dict[str, Any]]) -> set[str]:
    """The folded ways to name a gold speaker/source: the name and the mentions of its entity."""
    key = fold_name(name)
    aliases = {key} if key else set()
    for ent in entities:
        names = {fold_name(ent.get("name"))} | {fold_name(m) for m in ent.get("mentions") or []}
        if key and key in names:
            aliases |= names
    aliases.discard("")
    return aliases


def system_aliases(source: Source | None, by_id: dict[str, Entity]) -> set[str]:
    """The folded ways the system names a source: its name, its mention and its entity's name."""
    if source is None:
        return set()
    aliases = {fold_name(source.name)}
    if source.mention is not None:
        aliases.add(fold_name(source.mention.text))
    if source.entity and source.entity in by_id:
        aliases.add(fold_name(by_id[source.entity].name))
    aliases.discard("")
    return aliases


def _source_right(gold_name: str | None, source: Source | None, entities: list[dict], by_id: dict) -> bool:
    if not gold_name:
        return source is None
    return bool(gold_aliases(gold_name, entities) & system_aliases(source, by_id))


def _source_name(source: Source | None) -> str | None:
    return source.name if source is not None else None


# --------------------------------------------------------------------------- metadata


def score_metadata(gold: dict[str, Any], article: Article) -> SectionScore:
    sc = SectionScore("metadata", detection=False)
    if "headline" in gold:
        system = article.headline.text if article.headline else None
        ok = _same(gold["headline"], system)
        sc.acc("headline").add(ok)
        if not ok:
            sc.notes.append(f"WRONG headline: gold {gold['headline']!r} | system {system!r}")
    if "published" in gold:
        system = article.published.date if article.published else None
        ok = (gold["published"] or None) == system
        sc.acc("published").add(ok)
        if not ok:
            how = f" ({article.published.how})" if article.published else ""
            sc.notes.append(f"WRONG published: gold {gold['published']!r} | system {system!r}{how}")
    if gold:  # an absent dateline is scored as null: the annotators leave it out when there is none
        gd, sd = gold.get("dateline"), article.dateline
        if not gd:
            ok = sd is None or not sd.place
        else:
            ok = sd is not None and _same(gd.get("place"), sd.place) and _same(gd.get("agency"), sd.agency)
        sc.acc("dateline").add(ok)
        if not ok:
            system = {"place": sd.place, "agency": sd.agency} if sd else None
            sc.notes.append(f"WRONG dateline: gold {gd!r} | system {system!r}")
    boilerplate = [b for b in gold.get("boilerplate") or [] if fold(b)]
    if boilerplate:
        haystacks = [article.text] + [s.text for s in iter_spans(article)]
        violations = 0
        for item in boilerplate:
            hit = any(contains_phrase(h, item) for h in haystacks)
            sc.acc("boilerplate").add(not hit)
            if hit:
                violations += 1
                sc.notes.append(f"BOILERPLATE in text: {item!r}")
        sc.counters["violations"] = violations
    return sc


# --------------------------------------------------------------------------- quotes


def _note_unmatched(
    sc: SectionScore,
    pairs: list[tuple[int, int, float]],
    gold: list[dict[str, Any]],
    system: list[Any],
    describe_gold: Callable[[dict[str, Any]], str],
    describe_system: Callable[[Any], str],
) -> None:
    """MISS lines for gold items and SPURIOUS lines for system items that `pairs` left unmatched."""
    matched_gold = {gi for gi, _, _ in pairs}
    matched_sys = {si for _, si, _ in pairs}
    sc.notes.extend(f"MISS {describe_gold(g)}" for gi, g in enumerate(gold) if gi not in matched_gold)
    sc.notes.extend(f"SPURIOUS {describe_system(x)}" for si, x in enumerate(system) if si not in matched_sys)


def _describe_gold_quote(q: dict[str, Any]) -> str:
    text = _short(q.get("text"))
    return f"[{q.get('kind')}] {q.get('speaker')}: “{text}” cue={q.get('cue')!r} via={q.get('via')!r}"


def _describe_quote(q: Any) -> str:
    cue = q.cue.text if q.cue else None
    return f"[{q.kind}] {_source_name(q.speaker)}: “{_short(q.text)}” cue={cue!r} via={q.via!r}"


def score_quotes(gold: list[dict[str, Any]], article: Article, entities: list[dict[str, Any]]) -> SectionScore:
    sc = SectionScore("quotes", gold=len(gold), system=len(article.quotes), end_to_end=0)
    by_id = {e.id: e for e in article.entities}
    gold_tokens = [tokens(g.get("text")) for g in gold]
    sys_tokens = [tokens(q.text) for q in article.quotes]

    def similarity(gi: int, si: int) -> float:
        return token_f1(gold_tokens[gi], sys_tokens[si])

    def score(gi: int, si: int) -> float | None:
        value = similarity(gi, si)
        return value if value >= QUOTE_THRESHOLD else None

    pairs = best_first(range(len(gold)), range(len(article.quotes)), score)
    sc.found = sc.correct = len(pairs)
    for gi, si, value in pairs:
        g, q = gold[gi], article.quotes[si]
        speaker_ok = _source_right(g.get("speaker"), q.speaker, entities, by_id)
        checks = {
            "speaker": speaker_ok,
            "cue": _same(g.get("cue"), q.cue.text if q.cue else None),
            "via": _same(g.get("via"), q.via),
            "kind": g.get("kind") == q.kind,
        }
        for key, ok in checks.items():
            sc.acc(key).add(ok)
        sc.end_to_end += int(speaker_ok)
        wrong = [k for k, ok in checks.items() if not ok]
        if wrong:
            sc.notes.append(
                f"WRONG {','.join(wrong)} (F1 {value:.2f}): gold {_describe_gold_quote(g)}\n"
                f"        system {_describe_quote(q)}"
            )
    matched_gold = {gi for gi, _, _ in pairs}
    matched_sys = {si for _, si, _ in pairs}
    free = [si for si in range(len(article.quotes)) if si not in matched_sys]
    for gi, g in enumerate(gold):
        if gi in matched_gold:
            continue
        line = f"MISS {_describe_gold_quote(g)}"
        near = nearest(gi, free, similarity) if free else None
        if near is not None:
            line += f"\n        nearest (F1 {near[1]:.2f}): {_describe_quote(article.quotes[free[near[0]]])}"
        sc.notes.append(line)
    for si in free:
        sc.notes.append(f"SPURIOUS {_describe_quote(article.quotes[si])}")
    return sc


# --------------------------------------------------------------------------- entities


def _gold_entity_names(ent: dict[str, Any]) -> set[str]:
    names = {fold_name(ent.get("name"))} | {fold_name(m) for m in ent.get("mentions") or []}
    names.discard("")
    return names


def _system_entity_names(ent: Entity) -> set[str]:
    names = {fold_name(ent.name)} | {fold_name(m.text) for m in ent.mentions if m.kind != "pronoun"}
    names.discard("")
    return names


def _describe_entity(ent: Entity) -> str:
    mentions = sorted({m.text for m in ent.mentions if m.kind != "pronoun"})
    return f"{ent.type} {ent.name!r} mentions={mentions}"


def score_entities(gold: list[dict[str, Any]], article: Article) -> SectionScore:
    system = article.entities
    sc = SectionScore("entities", gold=len(gold), system=len(system))
    gold_names = [_gold_entity_names(g) for g in gold]
    sys_names = [_system_entity_names(e) for e in system]
    hits: dict[int, list[int]] = {gi: [] for gi in range(len(gold))}
    sys_ok = [False] * len(system)
    for gi, g in enumerate(gold):
        for si, e in enumerate(system):
            if e.type == g.get("type") and gold_names[gi] & sys_names[si]:
                hits[gi].append(si)
                sys_ok[si] = True
    sc.found = sum(1 for v in hits.values() if v)
    sc.correct = sum(sys_ok)
    sc.counters["split"] = sum(1 for v in hits.values() if len(v) > 1)
    for gi, g in enumerate(gold):
        if hits[gi]:
            if len(hits[gi]) > 1:
                found = "; ".join(_describe_entity(system[si]) for si in hits[gi])
                sc.notes.append(f"SPLIT {g.get('type')} {g.get('name')!r} found as: {found}")
            continue
        line = f"MISS {g.get('type')} {g.get('name')!r} mentions={g.get('mentions') or []}"
        other = [e for si, e in enumerate(system) if gold_names[gi] & sys_names[si]]
        if other:
            line += f"\n        same name, other type: {'; '.join(_describe_entity(e) for e in other)}"
        sc.notes.append(line)
    for si, e in enumerate(system):
        if not sys_ok[si]:
            sc.notes.append(f"SPURIOUS {_describe_entity(e)}")
    return sc


# --------------------------------------------------------------------------- times


def _distinct(items: list[Any], key) -> list[Any]:
    seen: set[str] = set()
    out = []
    for item in items:
        k = key(item)
        if k and k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _time_score(gt: list[str], st: list[str]) -> float | None:
    value = token_f1(gt, st)
    if contains_tokens(st, gt) or contains_tokens(gt, st):
        return 1.0 + value
    return value if value > 0.5 else None


def score_times(gold: list[dict[str, Any]], article: Article) -> SectionScore:
    gold = _distinct(gold, lambda g: fold(g.get("text")))
    system = _distinct(article.times, lambda t: fold(t.text))
    sc = SectionScore("times", gold=len(gold), system=len(system))
    gt = [tokens(g.get("text")) for g in gold]
    st = [tokens(t.text) for t in system]
    pairs = best_first(range(len(gold)), range(len(system)), lambda gi, si: _time_score(gt[gi], st[si]))
    sc.found = sc.correct = len(pairs)
    for gi, si, _ in pairs:
        g, t = gold[gi], system[si]
        ok = (g.get("value") or None) == (t.value or None)
        sc.acc("value").add(ok)
        if not ok:
            sc.notes.append(f"WRONG value: gold {g.get('text')!r}={g.get('value')!r} | system {t.text!r}={t.value!r}")
    _note_unmatched(sc, pairs, gold, system, lambda g: f"{g.get('text')!r}={g.get('value')!r}",
                    lambda t: f"{t.text!r}={t.value!r}")  # fmt: skip
    return sc


# --------------------------------------------------------------------------- places


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def coordinates_right(gold: dict[str, Any], lat: float | None, lon: float | None) -> bool | None:
    """None when the gold gives no coordinates (not scored), else whether the system is within tolerance."""
    if gold.get("lat") is None or gold.get("lon") is None:
        return None
    if lat is None or lon is None:
        return False
    limit = TOLERANCE_KM.get(gold.get("kind") or "other", TOLERANCE_KM["other"])
    return haversine_km(float(gold["lat"]), float(gold["lon"]), lat, lon) <= limit


def _describe_place(p: Any) -> str:
    return f"{p.text!r} -> {p.name!r} {p.kind} {p.country} ({p.lat}, {p.lon})"


def _describe_gold_place(g: dict[str, Any]) -> str:
    return f"{g.get('text')!r} -> {g.get('name')!r} {g.get('kind')} {g.get('country')} ({g.get('lat')}, {g.get('lon')})"


def score_places(gold: list[dict[str, Any]], article: Article) -> SectionScore:
    gold = _distinct(gold, lambda g: fold_name(g.get("text")))
    system = _distinct(article.places, lambda p: fold_name(p.text))
    sc = SectionScore("places", gold=len(gold), system=len(system))
    gk = [fold_name(g.get("text")) for g in gold]
    sk = [fold_name(p.text) for p in system]
    pairs = best_first(range(len(gold)), range(len(system)), lambda gi, si: 1.0 if gk[gi] == sk[si] else None)
    sc.found = sc.correct = len(pairs)
    for gi, si, _ in pairs:
        g, p = gold[gi], system[si]
        wrong = []
        country_ok = (g.get("country") or "").upper() == (p.country or "").upper()
        sc.acc("country").add(country_ok)
        if not country_ok:
            wrong.append("country")
        coords = coordinates_right(g, p.lat, p.lon)
        if coords is not None:
            sc.acc("coordinates").add(coords)
            if not coords:
                wrong.append("coordinates")
        if wrong:
            sc.notes.append(f"WRONG {','.join(wrong)}: gold {_describe_gold_place(g)} | system {_describe_place(p)}")
    _note_unmatched(sc, pairs, gold, system, _describe_gold_place, _describe_place)
    return sc


# --------------------------------------------------------------------------- events


def _describe_gold_event(g: dict[str, Any]) -> str:
    return (
        f"{g.get('type')} “{_short(g.get('trigger'), 60)}” actor={g.get('actor')!r} target={g.get('target')!r} "
        f"place={g.get('place')!r} country={g.get('country')!r} date={g.get('date')!r}"
    )


def _describe_event(e: Any) -> str:
    actor = e.actor.text if e.actor else None
    target = e.target.text if e.target else None
    return (
        f"{e.type} “{_short(e.trigger.text, 60)}” actor={actor!r} target={target!r} "
        f"place={e.place!r} country={e.country!r} date={e.date!r}"
    )


def event_matches(g: dict[str, Any], e: Any) -> bool:
    """Same type, same country (when the gold has one) and a date inside the gold's (when it has one)."""
    if g.get("type") != e.type:
        return False
    if g.get("country") and (g["country"] or "").upper() != (e.country or "").upper():
        return False
    return not g.get("date") or inside(e.date, g["date"])


def actor_right(gold: str | None, actor: Any, entities: list[dict[str, Any]], by_id: dict[str, Entity]) -> bool:
    """An event participant is right when it names the gold one (aliases as for speakers) or overlaps it
    (token F1 >= 0.5: "police" for "police and military personnel" is not enough, "the rioters" is)."""
    if not gold:
        return actor is None
    if actor is None:
        return False
    names = {fold_name(actor.text)}
    if actor.entity and actor.entity in by_id:
        names.add(fold_name(by_id[actor.entity].name))
    return bool(gold_aliases(gold, entities) & names) or token_f1(gold, actor.text) >= 0.5


def score_events(gold: list[dict[str, Any]], article: Article, entities: list[dict[str, Any]]) -> SectionScore:
    system = article.events
    sc = SectionScore("events", gold=len(gold), system=len(system))

    def score(gi: int, si: int) -> float | None:
        g, e = gold[gi], system[si]
        if not event_matches(g, e):
            return None
        exact = 0.5 if (g.get("date") or None) == (e.date or None) else 0.0
        return 1.0 + exact + 0.5 * token_f1(g.get("trigger"), e.trigger.text)

    pairs = best_first(range(len(gold)), range(len(system)), score)
    sc.found = sc.correct = len(pairs)
    by_id = {e.id: e for e in article.entities}
    for gi, si, _ in pairs:
        g, e = gold[gi], system[si]
        checks = {role: actor_right(g.get(role), getattr(e, role), entities, by_id) for role in ("actor", "target")}
        for key, ok in checks.items():
            sc.acc(key).add(ok)
        wrong = [k for k, ok in checks.items() if not ok]
        if wrong:
            sc.notes.append(
                f"WRONG {','.join(wrong)}: gold {_describe_gold_event(g)}\n        system {_describe_event(e)}"
            )
    matched_gold = {gi for gi, _, _ in pairs}
    matched_sys = {si for _, si, _ in pairs}
    for gi, g in enumerate(gold):
        if gi in matched_gold:
            continue
        line = f"MISS {_describe_gold_event(g)}"
        same_type = [e for si, e in enumerate(system) if si not in matched_sys and e.type == g.get("type")]
        if same_type:
            best = max(same_type, key=lambda e: token_f1(g.get("trigger"), e.trigger.text))
            line += f"\n        nearest same type: {_describe_event(best)}"
        sc.notes.append(line)
    for si, e in enumerate(system):
        if si not in matched_sys:
            sc.notes.append(f"SPURIOUS {_describe_event(e)}")
    return sc


# --------------------------------------------------------------------------- counts


def _describe_gold_count(g: dict[str, Any]) -> str:
    text = _short(g.get("text"), 60)
    return f"{g.get('what')}={g.get('value')} {g.get('qualifier')!r} source={g.get('source')!r} “{text}”"


def _describe_count(c: Any) -> str:
    return f"{c.what}={c.value} {c.qualifier!r} source={_source_name(c.source)!r} “{_short(c.text, 60)}”"


def score_counts(gold: list[dict[str, Any]], article: Article, entities: list[dict[str, Any]]) -> SectionScore:
    system = article.counts
    sc = SectionScore("counts", gold=len(gold), system=len(system))
    by_id = {e.id: e for e in article.entities}

    def score(gi: int, si: int) -> float | None:
        g, c = gold[gi], system[si]
        if g.get("what") != c.what or g.get("value") != c.value:
            return None
        return 1.0 + token_f1(g.get("text"), c.text)

    pairs = best_first(range(len(gold)), range(len(system)), score)
    sc.found = sc.correct = len(pairs)
    for gi, si, _ in pairs:
        g, c = gold[gi], system[si]
        checks = {
            "qualifier": (g.get("qualifier") or "exact") == c.qualifier,
            "source": _source_right(g.get("source"), c.source, entities, by_id),
        }
        for key, ok in checks.items():
            sc.acc(key).add(ok)
        wrong = [k for k, ok in checks.items() if not ok]
        if wrong:
            sc.notes.append(f"WRONG {','.join(wrong)}: gold {_describe_gold_count(g)} | system {_describe_count(c)}")
    _note_unmatched(sc, pairs, gold, system, _describe_gold_count, _describe_count)
    return sc


# --------------------------------------------------------------------------- documents


def score_document(name: str, gold: dict[str, Any], article: Article | None) -> DocScore:
    """Score every section the gold file has; a missing article (reading failed) scores zero."""
    warnings: list[str] = []
    if article is None:
        article = Article(id=name, text="")
        warnings.append("no article: reading or extraction failed")
    entities = gold.get("entities") or []
    sections: dict[str, SectionScore] = {}
    if "metadata" in gold:
        sections["metadata"] = score_metadata(gold.get("metadata") or {}, article)
    if "quotes" in gold:
        sections["quotes"] = score_quotes(gold["quotes"], article, entities)
    if "entities" in gold:
        sections["entities"] = score_entities(gold["entities"], article)
    if "times" in gold:
        sections["times"] = score_times(gold["times"], article)
    if "places" in gold:
        sections["places"] = score_places(gold["places"], article)
    if "events" in gold:
        sections["events"] = score_events(gold["events"], article, entities)
    if "counts" in gold:
        sections["counts"] = score_counts(gold["counts"], article, entities)
    return DocScore(name=name, sections=sections, warnings=warnings + list(article.warnings))


SECTION_ORDER = ("metadata", "quotes", "entities", "times", "places", "events", "counts")


def sum_scores(docs: list[DocScore]) -> dict[str, SectionScore]:
    """Micro-average: each section's counts summed over the documents whose gold has it."""
    total: dict[str, SectionScore] = {}
    for doc in docs:
        for key, sc in doc.sections.items():
            if key not in total:
                total[key] = SectionScore(
                    key, detection=sc.detection, end_to_end=0 if sc.end_to_end is not None else None
                )
            total[key].add(sc)
    return {k: total[k] for k in SECTION_ORDER if k in total}
