"""Attribution detection on PolNeAR (source, cue, content spans), against textacy's baseline.

    .venv/bin/python bench/polnear.py [--split dev|train|test] [--limit N] [--data DIR]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks every attribution in 2016 US political
news as brat spans: Source, Cue, Content (content possibly in several pieces). One annotator
file per article is used (the first by name when several annotated it).

Each role is scored as a set of character spans, as CofeNet reports it (exact F1 on its test
split: source 83.2, cue 75.3, content 72.9):
  exact     the system span equals a gold span of the same role
  exact~    the same after folding edge punctuation, quotation marks and a leading "that"
            (dateline's content has no marks and no complementizer, PolNeAR's keeps both)
  overlap   one-to-one, a system span sharing at least one character with a gold span
  overlap*  many-to-one: a gold span is found when any system span overlaps it, a system span is
            right when it overlaps any gold span. PolNeAR splits a long quotation into one content
            span per sentence (and a discontinuous content into pieces) where dateline gives one
            quote per pair of marks (gold/FORMAT.md), so one-to-one overlap counts all but one
            piece as missed; this view does not. Both are printed; neither changes what is emitted.
  cue~      exact cue after dropping leading auxiliaries, modals, negation and -ly adverbs
            (PolNeAR's cue "might be asking", dateline's "asking"): printed in the exact~ row
Three readings of dateline's output are scored; the first is the benchmark figure:
  attributions  PolNeAR's unit: one attribution per cue, its source and content the tokens so
            marked. dateline emits one record per content stretch and speaker, so a quoted phrase
            inside the indirect quote of the same cue ("called it "a bully"") is a second record
            (gold/FORMAT.md), and "A and B said" two. Records sharing a cue are one attribution
            here, and its source and content are the union of their character ranges: the token
            sets PolNeAR marks. Nothing is dropped; only ranges nested in the same cue's
            content collapse into it.
  per record  every quote and stance record on its own, each content range a span
  univocal    the attributions, minus any whose cue lies inside another's content: PolNeAR gives
            each token at most one role, so it rarely marks an attribution inside another's
            content, where dateline keeps both. Printed for comparison only.
Dateline runs its extractors on `nlp(text)` of the raw text, so offsets are the file's; the
speaker's `mention` (the words naming it here: "he", "a source") is its source span.
The baseline is `textacy.extract.triples.direct_quotations` on the same spaCy docs (direct
quotes only, by design: its gap to the gold is the share of indirect attribution).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from dateline import nlp as nlp_module
from dateline.extract import default_extractors
from dateline.pipeline import run_extractors
from dateline.record import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "polnear" / "data"
ROLES = ("source", "cue", "content")
EDGE = " \t\n.,;:!?\"'“”‘’«»—–-()[]"

Spans = dict[str, set[tuple[int, int]]]


def read_gold(ann: Path) -> Spans:
    """Source/Cue/Content spans of one brat file (discontinuous spans give several pieces)."""
    out: Spans = {r: set() for r in ROLES}
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        role = label.lower()
        if role not in out:
            continue
        for piece in offsets.split(";"):
            a, _, b = piece.strip().partition(" ")
            if a.isdigit() and b.isdigit():
                out[role].add((int(a), int(b)))
    return out


Attribution = dict[str, list[tuple[int, int]]]  # role -> spans


def read_text(path: Path) -> str:
    """An article's text as dateline's reading layer would give it, where that keeps every offset: no-break
    spaces (in a third of the files) as spaces. Parsed as they are, they make tokens of their own that break
    the parse around a speaker ("the Daily News claims")."""
    return path.read_text(encoding="utf-8").replace("\u00a0", " ")


def attributions(article: Article) -> list[Attribution]:
    """Quotes and stances together: PolNeAR's attributions include attitudes and intentions."""
    out: list[Attribution] = []
    for q in (*article.quotes, *article.stances):
        m = q.speaker.mention if q.speaker is not None else None
        out.append(
            {
                "source": [(m.start, m.end)] if m is not None else [],
                "cue": [(q.cue.start, q.cue.end)] if q.cue is not None else [],
                "content": [(s.start, s.end) for s in q.content],
            }
        )
    return out


def as_attributions(attrs: list[Attribution], text: str) -> list[Attribution]:
    """Records sharing a cue as one PolNeAR attribution: source and content the union of their ranges.

    The speakers of one cue joined only by a comma or a conjunction ("Developers and supporters in
    Congress say") are one source span with the words between, as PolNeAR marks a coordinated source;
    dateline gives each conjunct its own record."""
    merged: dict[object, Attribution] = {}
    for i, a in enumerate(attrs):
        m = merged.setdefault(tuple(a["cue"]) or i, {"source": [], "cue": list(a["cue"]), "content": []})
        m["source"] += a["source"]
        m["content"] += a["content"]
    for m in merged.values():
        m["source"] = _union(m["source"], text, COORDINATION)
        m["content"] = _union(m["content"])
    return list(merged.values())


COORDINATION = re.compile(r"\s*,?\s*(?:(?:and|or|&)\s+)?")


def _union(spans: list[tuple[int, int]], text: str = "", gap: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Overlapping ranges as one; with `gap`, also ranges whose text between matches it entirely."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and (a <= out[-1][1] or (gap is not None and gap.fullmatch(text, out[-1][1], a))):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def univocal(merged: list[Attribution]) -> list[Attribution]:
    """The merged attributions (`as_attributions`) without those whose cue lies inside another's content
    (PolNeAR rarely marks them)."""
    return [
        a
        for a in merged
        if not a["cue"] or not any(_within(a["cue"][0], c) for b in merged if b is not a for c in b["content"])
    ]


def _within(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def spans_of(attrs: list[Attribution]) -> Spans:
    out: Spans = {r: set() for r in ROLES}
    for a in attrs:
        for role in ROLES:
            out[role].update(a[role])
    return out




def textacy_spans(doc) -> Spans:
    from textacy.extract.triples import direct_quotations

    out: Spans = {r: set() for r in ROLES}
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # noqa: BLE001 - the baseline failing on one text is counted as nothing found
        print(f"  textacy failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return out
    for t in triples:
        for role, toks in (("source", t.speaker), ("cue", t.cue)):
            if toks:
                out[role].add((min(x.idx for x in toks), max(x.idx + len(x) for x in toks)))
        out["content"].add((t.content.start_char, t.content.end_char))
    return out


AUX_WORDS = re.compile(
    r"(?:(?:has|have|had|having|will|would|shall|should|may|might|must|can|could|is|are|was|were|am|be|been|being"
    r"|do|does|did|not|n[’']t|never|also|just|still|already|\w+ly|[’']s|[’']ve|[’']ll|[’']d|[’']re)\s+)+",
    re.IGNORECASE,
)


def fold(text: str, span: tuple[int, int], role: str = "content") -> tuple[int, int]:
    a, b = span
    while a < b and text[a] in EDGE:
        a += 1
    while b > a and text[b - 1] in EDGE:
        b -= 1
    m = re.match(r"that\s+", text[a:b], re.IGNORECASE)
    if m and b - a > m.end() and role == "content":
        a += m.end()
    if role == "cue":
        m = AUX_WORDS.match(text[a:b])
        if m and b - a > m.end():
            a += m.end()
    return a, b


class Score:
    """P/R/F1 counts; `found` is recall's numerator when it differs from precision's (many-to-one)."""

    def __init__(self) -> None:
        self.tp = self.sys = self.gold = 0
        self.found: int | None = None

    def add(self, tp: int, sys_n: int, gold_n: int) -> None:
        self.tp += tp
        self.sys += sys_n
        self.gold += gold_n

    def add_split(self, right: int, found: int, sys_n: int, gold_n: int) -> None:
        self.add(right, sys_n, gold_n)
        self.found = (self.found or 0) + found

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.sys if self.sys else 0.0
        r = (self.tp if self.found is None else self.found) / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap_matches(system: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> int:
    pairs = sorted(
        ((min(s[1], g[1]) - max(s[0], g[0]), s, g) for s in system for g in gold if min(s[1], g[1]) > max(s[0], g[0])),
        reverse=True,
    )
    used_s: set = set()
    used_g: set = set()
    for _, s, g in pairs:
        if s not in used_s and g not in used_g:
            used_s.add(s)
            used_g.add(g)
    return len(used_s)


def covered_counts(system: set[tuple[int, int]], gold: set[tuple[int, int]]) -> tuple[int, int]:
    """(system spans overlapping some gold span, gold spans overlapped by some system span)."""

    def hits(xs: set[tuple[int, int]], ys: set[tuple[int, int]]) -> int:
        return sum(any(min(x[1], y[1]) > max(x[0], y[0]) for y in ys) for x in xs)

    return hits(system, gold), hits(gold, system)


def score(text: str, system: Spans, gold: Spans, table: dict[str, dict[str, Score]]) -> None:
    for role in ROLES:
        s, g = system[role], gold[role]
        table["exact"][role].add(len(s & g), len(s), len(g))
        fs = {fold(text, x, role) for x in s}
        fg = {fold(text, x, role) for x in g}
        table["exact~"][role].add(len(fs & fg), len(fs), len(fg))
        table["overlap"][role].add(overlap_matches(s, g), len(s), len(g))
        right, found = covered_counts(s, g)
        table["overlap*"][role].add_split(right, found, len(s), len(g))


def new_table() -> dict[str, dict[str, Score]]:
    return {m: {r: Score() for r in ROLES} for m in ("exact", "exact~", "overlap", "overlap*")}


def report(name: str, table: dict[str, dict[str, Score]]) -> None:
    print(f"\n{name}")
    print(f"  {'':8s} {'role':8s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for metric, roles in table.items():
        for role, sc in roles.items():
            p, r, f = sc.prf()
            print(f"  {metric:8s} {role:8s} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", help="dev, train, or any split folder under --data (test is held out)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--no-baseline", action="store_true", help="skip textacy")
    args = ap.parse_args(argv)

    split = args.data / args.split
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    names = sorted(anns)[: args.limit]
    texts = [read_text(split / "text" / f"{n}.txt") for n in names]
    if not names:
        sys.exit(f"no PolNeAR files under {split}")
    nlp = nlp_module.load()
    ours, ours_records, ours_univocal, base = new_table(), new_table(), new_table(), new_table()
    t_nlp = t_ext = 0.0
    spent: dict[str, float] = {}
    warnings = 0
    t0 = time.perf_counter()
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=8), strict=True):
        t1 = time.perf_counter()
        t_nlp += t1 - t0
        article = Article(id=name, text=text)
        for field, extractor in default_extractors():
            t2 = time.perf_counter()
            run_extractors(doc, article, [(field, extractor)])
            spent[field] = spent.get(field, 0.0) + time.perf_counter() - t2
        t_ext += time.perf_counter() - t1
        warnings += sum("failed" in w for w in article.warnings)
        gold = read_gold(anns[name])
        attrs = attributions(article)
        merged = as_attributions(attrs, text)
        score(text, spans_of(merged), gold, ours)
        score(text, spans_of(attrs), gold, ours_records)
        score(text, spans_of(univocal(merged)), gold, ours_univocal)
        if not args.no_baseline:
            score(text, textacy_spans(doc), gold, base)
        t0 = time.perf_counter()
    n_attr = sum(1 for n in names for line in anns[n].read_text(encoding="utf-8").splitlines() if line.startswith("E"))
    print(f"PolNeAR {args.split}: {len(names)} articles, {n_attr} gold attributions; model {nlp_module.model_id(nlp)}")
    print(f"time: spaCy {t_nlp:.1f}s, dateline extractors {t_ext:.1f}s; extractor failures: {warnings}")
    print("  per extractor: " + ", ".join(f"{k} {v:.1f}s" for k, v in spent.items()))
    report("dateline (quotes and stances, full extractor chain), as PolNeAR attributions (one per cue)", ours)
    report("dateline, per record (each quote or stance record on its own)", ours_records)
    report("dateline, univocal (attributions inside another's content left out; comparison only)", ours_univocal)
    if not args.no_baseline:
        report("baseline: textacy 0.13 direct_quotations", base)
    print("\nreference: CofeNet exact F1 on PolNeAR test: source 83.2, cue 75.3, content 72.9")


if __name__ == "__main__":
    main()
