"""Main-text extraction from HTML: dateline's reading vs plain trafilatura, side by side.

    .venv/bin/python bench/html_extraction.py [--data DIR] [--snippets DIR] [--limit N]

Data: the Scrapinghub/Zyte article-extraction benchmark half in ../shared/bench/html-articles
(html/<sha>.html.gz, ground-truth.json with each page's `articleBody`). Score: token F1 of the
extracted body against `articleBody`, per page, averaged over pages (tokens are lower-cased
`\\w+` runs counted as a bag, as in the benchmark's own evaluate.py). A page where a system
returns nothing scores 0.

dateline's body is `Article.text[body_start:]`: the clean text without the headline, date line
and byline it places on top (the gold body has none of those). A ReadError counts as empty.
The baseline is `trafilatura.extract(html)` with its defaults, what a user would call first.

A second table scores the same two systems on trafilatura's own evaluation pages
(../shared/bench/html-dates, pages with gold snippets): the share of `must contain` snippets
found in the whole extracted text, and of `must not contain` snippets (navigation, comments,
ads) kept out of it, whitespace folded on both sides.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from dateline.errors import DatelineError
from dateline.reading import read
from dateline.record import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "html-articles"
DEFAULT_SNIPPETS = REPO.parent / "shared" / "bench" / "html-dates"


def tokens(text: str | None) -> Counter[str]:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def prf(predicted: str | None, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def dateline_body(html: bytes, page_id: str, url: str | None) -> str | None:
    try:
        article = read(Document(id=page_id, content=html, content_type="html", url=url))
    except DatelineError:
        return None
    return article.text[article.body_start :]


def plain_trafilatura(html: bytes, page_id: str, url: str | None) -> str | None:
    return trafilatura.extract(html)


def dateline_text(html: bytes, page_id: str, url: str | None) -> str | None:
    try:
        return read(Document(id=page_id, content=html, content_type="html", url=url)).text
    except DatelineError:
        return None


SYSTEMS = {"dateline reading": dateline_body, "trafilatura.extract (defaults)": plain_trafilatura}
WHOLE_TEXT = {"dateline reading": dateline_text, "trafilatura.extract (defaults)": plain_trafilatura}


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def snippet_table(folder: Path, limit: int | None) -> None:
    """Must/must-not snippet shares on trafilatura's evaluation pages."""
    gold_path = folder / "gold.jsonl"
    if not gold_path.exists():
        print(f"(no snippet data at {folder})")
        return
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r.get("gold_text_must_contain") or r.get("gold_text_must_not_contain")][:limit]
    found: Counter[str] = Counter()
    kept_out: Counter[str] = Counter()
    must = sum(len(r.get("gold_text_must_contain") or []) for r in records)
    must_not = sum(len(r.get("gold_text_must_not_contain") or []) for r in records)
    for record in records:
        html = (folder / record["html"]).read_bytes()
        for name, system in WHOLE_TEXT.items():
            text = _fold(system(html, record["html"], None))
            found[name] += sum(_fold(s) in text for s in record.get("gold_text_must_contain") or [])
            kept_out[name] += sum(_fold(s) not in text for s in record.get("gold_text_must_not_contain") or [])
    print()
    print(f"Gold snippets, {len(records)} pages of {folder} ({must} must-contain, {must_not} must-not-contain)")
    print(f"{'system':34} {'found':>7} {'kept out':>9}")
    for name in WHOLE_TEXT:
        print(f"{name:34} {found[name] / max(must, 1):7.4f} {kept_out[name] / max(must_not, 1):9.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--snippets", type=Path, default=DEFAULT_SNIPPETS)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages of each set")
    args = parser.parse_args()
    truth_path = args.data / "ground-truth.json"
    if not truth_path.exists():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    items = sorted(truth.items())[: args.limit]
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    seconds: dict[str, float] = dict.fromkeys(SYSTEMS, 0.0)
    for page_id, record in items:
        html = gzip.decompress((args.data / "html" / f"{page_id}.html.gz").read_bytes())
        for name, system in SYSTEMS.items():
            start = time.perf_counter()
            body = system(html, page_id, record.get("url"))
            seconds[name] += time.perf_counter() - start
            scores[name].append(prf(body, record["articleBody"]))
    n = len(items)
    print(f"HTML main-text extraction, {n} pages of {args.data}")
    print(f"{'system':34} {'precision':>9} {'recall':>7} {'F1':>7} {'F1=0':>5} {'ms/page':>8}")
    for name, rows in scores.items():
        p, r, f = (sum(x[i] for x in rows) / n for i in range(3))
        empty = sum(1 for x in rows if x[2] == 0)
        print(f"{name:34} {p:9.4f} {r:7.4f} {f:7.4f} {empty:5d} {1000 * seconds[name] / n:8.1f}")
    snippet_table(args.snippets, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
