"""Publication dates of HTML pages: dateline's reading vs plain htmldate, side by side.

    .venv/bin/python bench/html_dates.py [--data DIR] [--limit N]

Data: the English half of htmldate's and trafilatura's evaluation pages in
../shared/bench/html-dates (gold.jsonl; pages with a `gold_pub_date`). Score: share of pages
whose date equals the gold publication date exactly (YYYY-MM-DD); no date counts as wrong.

dateline's date is `Article.published` from `reading.read` on the raw page, however it was
found (page metadata, dateline, date line). The baseline is `htmldate.find_date(html)` with its
defaults. Neither side is given the page's URL, so both read the page alone; a last row shows
dateline when the crawl's URL is given too, as `dateline extract --url` or a JSONL field would.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import htmldate

from dateline.errors import DatelineError
from dateline.reading import read
from dateline.record import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "html-dates"


def dateline_date(html: bytes, page_id: str, url: str | None) -> tuple[str | None, str]:
    try:
        article = read(Document(id=page_id, content=html, content_type="html", url=url))
    except DatelineError:
        return None, "read-error"
    if article.published is None:
        return None, "none"
    return article.published.date, article.published.how


def plain_htmldate(html: bytes, page_id: str, url: str | None) -> tuple[str | None, str]:
    try:
        return htmldate.find_date(html), "htmldate"
    except Exception:  # noqa: BLE001 - count a crash as no date, like the baseline's users would
        return None, "error"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N dated pages")
    args = parser.parse_args()
    gold_path = args.data / "gold.jsonl"
    if not gold_path.exists():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r.get("gold_pub_date")][: args.limit]
    systems = {
        "dateline reading": lambda h, r: dateline_date(h, r["html"], None),
        "htmldate.find_date (defaults)": lambda h, r: plain_htmldate(h, r["html"], None),
        "dateline reading + page URL": lambda h, r: dateline_date(h, r["html"], _url(r)),
    }
    correct: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    hows: dict[str, Counter[str]] = {name: Counter() for name in systems}
    for record in records:
        html = (args.data / record["html"]).read_bytes()
        for name, system in systems.items():
            start = time.perf_counter()
            date, how = system(html, record)
            seconds[name] += time.perf_counter() - start
            correct[name] += date == record["gold_pub_date"]
            hows[name][how] += 1
    n = len(records)
    print(f"HTML publication dates, {n} pages of {args.data}")
    print(f"{'system':32} {'accuracy':>8} {'correct':>7} {'ms/page':>8}  found by")
    for name in systems:
        found = ", ".join(f"{k} {v}" for k, v in hows[name].most_common())
        print(f"{name:32} {correct[name] / n:8.4f} {correct[name]:7d} {1000 * seconds[name] / n:8.1f}  {found}")
    return 0


def _url(record: dict) -> str | None:
    url = record.get("url") or ""
    url = url.removeprefix("hard::")
    return url if url.startswith("http") else None


if __name__ == "__main__":
    raise SystemExit(main())
