"""Latency of `dateline serve` on a 10,000-article store: p50/p95 per page type (target: p95 <= 100 ms).

    .venv/bin/python bench/web_latency.py                      # build bench/out/web-10k.db, then measure
    .venv/bin/python bench/web_latency.py --db my.db           # measure an existing store as it is
    .venv/bin/python bench/web_latency.py --limit 20           # quick run: 20 requests per page type

The store is built without running NLP 10,000 times: articles of an ingested store (`--source-db`,
e.g. one made by `dateline ingest ../shared/corpus/wikinews-en`; by default the bundled sample is
ingested once) are copied under new ids, URLs and keys through the store API until there are
`--articles` of them. The server is the real `dateline serve` in a subprocess on loopback; requests
are sequential (latency, not throughput), a bounded number per page type and bounded in time.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from dateline.record import Article
from dateline.store import document_key, open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "src" / "dateline" / "samples" / "wikinews"
OUT = REPO / "bench" / "out"
DATELINE = Path(sys.executable).parent / "dateline"

# The browsing indexes the store's schema (version 2) creates for the web app. --no-indexes drops
# them from the bench's own store copy, to show what they are worth; a store without them still works.
REQUESTED_INDEXES = ("events_date", "events_type_date", "events_country_date", "entities_name", "articles_source")


def source_records(source_db: Path | None) -> list[Article]:
    """The articles to replicate: from `source_db`, or from the bundled sample ingested once."""
    if source_db is None:
        source_db = OUT / "web-sample.db"
        if not source_db.exists():
            from dateline.ingest import ingest

            with open_store(source_db) as store:
                ingest(sorted(str(p) for p in SAMPLE.glob("*.txt")), store, workers=1, show_progress=False)
    with open_store(source_db) as store:
        return [Article.model_validate_json(js) for _key, js in store.article_json()]


def build(db: Path, articles: int, source_db: Path | None, indexes: bool) -> None:
    """Fill `db` with copies of the source articles until it holds `articles` of them."""
    with open_store(db) as store:
        if not indexes:
            for name in REQUESTED_INDEXES:
                store.execute(f"DROP INDEX IF EXISTS {name}")
        print(f"browsing indexes {'present' if indexes else 'dropped'}: {', '.join(REQUESTED_INDEXES)}")
        have = store.stats()["articles"]
        if have >= articles:
            print(f"store {db}: {have} articles, reused")
            return
        originals = source_records(source_db)
        if not originals:
            raise SystemExit("no source articles to replicate")
        started = time.perf_counter()
        i = have
        while i < articles:
            with store.transaction():
                for _ in range(min(500, articles - i)):
                    a = originals[i % len(originals)]
                    copy = a.model_copy(update={"id": f"{a.id}~{i}", "url": f"{a.url or 'urn:' + a.id}#copy-{i}"})
                    store.add(document_key(copy.text, copy.url), copy, origin=copy.url)
                    i += 1
        print(
            f"store {db}: {articles} articles ({len(originals)} originals copied) in {time.perf_counter() - started:.1f} s"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([str(DATELINE), "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


def workload(db: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    """`n` URLs per page type, drawn from what the store holds."""
    with open_store(db) as store:
        keys = [r[0] for r in store.query("SELECT key FROM articles ORDER BY key")]
        words = sorted(
            {w for (h,) in store.query("SELECT DISTINCT headline FROM articles WHERE headline IS NOT NULL")
             for w in h.split() if len(w) > 4 and w.isalpha()}
        )  # fmt: skip
        quote_words = sorted(
            {w for (t,) in store.query("SELECT text FROM quotes LIMIT 2000") for w in (t or "").split()
             if len(w) > 5 and w.isalpha()}
        )  # fmt: skip
        types = [r[0] for r in store.query("SELECT DISTINCT type FROM events")]
        countries = [r[0] for r in store.query("SELECT DISTINCT country FROM events WHERE country IS NOT NULL")]
        years = sorted(
            {r[0][:4] for r in store.query("SELECT DISTINCT published FROM articles WHERE published IS NOT NULL")}
        )
    event_filters = ["", "?status=attributed", "?offset=200"]
    event_filters += [f"?type={t}" for t in types] + [f"?country={c}" for c in countries]
    event_filters += [f"?since={y}-01&until={y}-06" for y in years]
    return {
        "search": [f"/search?q={rng.choice(words)}" for _ in range(n)],
        "quotes": [f"/quotes?q={rng.choice(quote_words)}" for _ in range(n)],
        "article": [f"/articles/{rng.choice(keys)}" for _ in range(n)],
        "events": [f"/events{rng.choice(event_filters)}" for _ in range(n)],
        "api_events": [f"/api/events{rng.choice(event_filters)}" for _ in range(n)],
    }


def measure(base: str, urls: list[str], seconds: float) -> list[float]:
    out: list[float] = []
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=30) as client:
        for url in urls:
            if time.monotonic() > deadline:
                break
            t = time.perf_counter()
            r = client.get(url)
            out.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{url}: HTTP {r.status_code}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=OUT / "web-10k.db", help="store to measure (built if too small)")
    ap.add_argument("--source-db", type=Path, help="ingested store whose articles are replicated")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--limit", type=int, default=200, help="requests per page type")
    ap.add_argument("--seconds", type=float, default=60.0, help="time bound per page type")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-indexes", action="store_true", help="drop the browsing indexes from the bench store")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build(args.db, args.articles, args.source_db, indexes=not args.no_indexes)
    proc, base = serve(args.db)
    try:
        plan = workload(args.db, args.limit, random.Random(args.seed))
        for urls in plan.values():  # warm: templates compiled, pages of the store cached
            measure(base, urls[:3], 30)
        print(f"{'page':<11} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, urls in plan.items():
            ms = sorted(measure(base, urls, args.seconds))
            p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
            print(f"{name:<11} {len(ms):>8} {statistics.median(ms):>8.1f} {p95:>8.1f} {ms[-1]:>8.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
