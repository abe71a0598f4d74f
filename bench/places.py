"""Place accuracy on the gold dev set, and the cost of place extraction.

    .venv/bin/python bench/places.py [--gold DIR] [--corpus DIR] [--limit N] [--verbose]

Accuracy follows ../shared/gold/FORMAT.md: both sides folded to one place per distinct
text (case, quotes, whitespace and a leading "the" folded); detection P/R/F1 by text;
country accuracy over matched places; coordinates within 100 km for a city, 300 km for a
region or other place, 1000 km for a country (the tolerances of `dateline eval`), over
matched places whose gold has coordinates.

Speed: gazetteer load time in a fresh process (cache built), then per-document place
extraction time over the Wikinews corpus relative to the bare spaCy `nlp.pipe` pass.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

from dateline import nlp as nlp_module
from dateline.extract import places
from dateline.gazetteer import fold
from dateline.pipeline import process
from dateline.reading import read
from dateline.record import Article, Document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOLERANCE_KM = {"city": 100.0, "other": 300.0, "region": 300.0, "country": 1000.0}  # as dateline eval


def key(text: str) -> str:
    k = fold(text)
    return k[4:] if k.startswith("the ") else k


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def accuracy(gold_dir: Path, nlp, limit: int | None, verbose: bool) -> None:
    files = sorted(gold_dir.glob("*.json"))[:limit]
    docs, golds = [], []
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        if "places" not in gold:
            continue
        inp = gold.get("input") or {}
        content = (gold_dir / gold["document"]).read_text(encoding="utf-8")
        docs.append(Document(id=gold["id"], content=content, content_type="html" if gold["document"].endswith(".html") else "text",
                             url=inp.get("url"), published=inp.get("published"), source=inp.get("source")))  # fmt: skip
        golds.append(gold)
    tp = n_sys = n_gold = country_ok = coord_ok = coord_n = 0
    for gold, record in zip(golds, process(docs, nlp, extractors=[("places", places.extract)]), strict=True):
        assert isinstance(record, Article), record
        system: dict[str, object] = {}
        for p in record.places:
            system.setdefault(key(p.text), p)
        expected = {key(g["text"]): g for g in gold["places"]}
        matched = expected.keys() & system.keys()
        tp, n_sys, n_gold = tp + len(matched), n_sys + len(system), n_gold + len(expected)
        misses = []
        for k in sorted(matched):
            g, s = expected[k], system[k]
            ok_country = s.country == g.get("country")
            country_ok += ok_country
            bad_coord = False
            if g.get("lat") is not None:
                coord_n += 1
                tol = TOLERANCE_KM.get(g.get("kind"), 100.0)
                bad_coord = s.lat is None or km(s.lat, s.lon, g["lat"], g["lon"]) > tol
                coord_ok += not bad_coord
            if not ok_country or bad_coord:
                where = f"{s.lat},{s.lon}" if s.lat is not None else "no coords"
                misses.append(f"  wrong  {g['text']!r}: {s.country} {s.kind} {where} vs gold {g.get('country')} "
                              f"{g.get('kind')} {g.get('lat')},{g.get('lon')}")  # fmt: skip
        misses += [
            f"  missed {expected[k]['text']!r} ({expected[k].get('kind')})" for k in sorted(expected.keys() - matched)
        ]
        misses += [
            f"  extra  {system[k].text!r} ({system[k].kind} {system[k].country})"
            for k in sorted(system.keys() - matched)
        ]
        if verbose and misses:
            print(gold["id"])
            print("\n".join(misses))
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"places on {len(golds)} gold documents: detection P {p:.3f} R {r:.3f} F1 {f1:.3f} "
          f"(system {n_sys}, gold {n_gold}, matched {tp})")  # fmt: skip
    print(f"country accuracy {country_ok / tp if tp else 0:.3f} ({country_ok}/{tp}); "
          f"coordinates within tolerance {coord_ok / coord_n if coord_n else 0:.3f} ({coord_ok}/{coord_n})")  # fmt: skip


def speed(corpus: Path, nlp, limit: int | None) -> None:
    code = "import time; t = time.perf_counter(); from dateline.gazetteer import gazetteer; gazetteer(); print(time.perf_counter() - t)"
    load = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    print(f"gazetteer load in a fresh process: {load:.2f} s")
    paths = sorted(corpus.glob("*.txt"))[:limit]
    articles = [read(Document(id=p.stem, content=p.read_text(encoding="utf-8"), origin=str(p))) for p in paths]
    start = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    spacy_s = time.perf_counter() - start
    places.extract(docs[0], articles[0])  # gazetteer loaded before timing, as in a long run
    start = time.perf_counter()
    n = sum(len(places.extract(doc, article)) for doc, article in zip(docs, articles, strict=True))
    places_s = time.perf_counter() - start
    print(f"{len(docs)} Wikinews articles: spaCy pass {spacy_s:.2f} s, places {places_s:.3f} s "
          f"({1000 * places_s / len(docs):.2f} ms/doc, {100 * places_s / spacy_s:.1f}% of the spaCy pass), {n} places")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "wikinews-en")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--verbose", action="store_true", help="per-document misses")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    nlp = nlp_module.load()
    print(f"model {nlp_module.model_id(nlp)}")
    accuracy(args.gold, nlp, args.limit, args.verbose)
    if not args.no_speed:
        speed(args.corpus, nlp, args.limit)


if __name__ == "__main__":
    main()
