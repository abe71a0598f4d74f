"""Ingest throughput against bare spaCy, worker scaling, memory per worker and store size.

    .venv/bin/python bench/ingest_throughput.py --limit 60

Over the Wikinews sample corpus (../shared/corpus/wikinews-en), in one run on this machine:
  1. bare spaCy: `nlp.pipe` of the pipeline exactly as spaCy ships it (`spacy.load(model)`; ingest
     runs the same model with dateline's paragraph breaks and its memoized attribute ruler +
     lemmatizer, `dateline/morphology.py`, identical annotations) over the same clean texts ingest
     parses (no reading, extraction or store; raw files would add their metadata headers to the baseline's work), in a
     fresh process like each ingest (a second pass in one process is faster: spaCy knows the words);
     `--rounds` pairs of bare and 1-worker runs, alternating which goes first, the median reported;
  2. `dateline ingest` with 1 worker, then with 2 workers, each in a fresh process into a fresh
     SQLite store; docs/s are measured after the first batch, so model loading and worker
     start-up do not count (the wall time with start-up is printed too);
  3. ratios: ingest(1 worker) / bare spaCy (target >= 0.80), 2 workers / 1 (target >= 1.7);
  4. peak RSS of each worker process (target <= 1 GB) and store size per 1,000 articles.
The machine may be shared: compare figures within one run, not across runs. The 1-worker ratio is
also given on CPU clocks (this process's CPU time for bare spaCy, the ingest process's after its
first batch: with one worker all the work runs there), which load from other processes barely moves;
worker scaling can only be measured on the wall clock.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-en"


def child(args: argparse.Namespace) -> None:
    """Run one ingest and print its summary as JSON (runs in a fresh process)."""
    from dateline.ingest import ingest
    from dateline.store import open_store

    files = [line for line in Path(args.files).read_text().splitlines() if line]
    with open_store(args.db) as store:
        s = ingest(files, store, workers=args.workers, batch_size=args.batch_size, model=args.model,
                   show_progress=False)  # fmt: skip
    print(json.dumps({"done": s.done, "failed": s.failed, "seconds": s.seconds, "steady_rate": s.steady_rate,
                      "steady_cpu_rate": s.steady_cpu_rate, "rate": s.rate, "peak_rss_kb": s.peak_rss_kb}))  # fmt: skip


def bare_spacy(files: list[Path], model: str | None, batch_size: int) -> tuple[float, float]:
    """docs/s of `nlp.pipe` on the wall clock and on this process's CPU clock."""
    from dateline import nlp as nlp_module
    from dateline.reading import read
    from dateline.record import Document

    nlp = nlp_module.load_stock(model)
    texts = [read(Document(id=p.stem, content=p.read_bytes(), origin=str(p))).text for p in files]
    list(nlp.pipe(texts[:batch_size], batch_size=batch_size))  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - start), len(texts) / (time.process_time() - cpu)


def run_bare(files: list[Path], args: argparse.Namespace, tmp: Path) -> tuple[float, float]:
    """`bare_spacy` in a fresh process, as each ingest runs: spaCy's vocabulary starts empty on both
    sides (a second pass over the same texts in one process is much faster: their words are known)."""
    listing = tmp / "files.txt"
    listing.write_text("\n".join(str(p) for p in files))
    command = [sys.executable, __file__, "--bare-child", "--files", str(listing), "--batch-size", str(args.batch_size)]
    command += ["--model", args.model] if args.model else []
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    wall, cpu = json.loads(out.strip().splitlines()[-1])
    return wall, cpu


def run_ingest(files: list[Path], workers: int, args: argparse.Namespace, tmp: Path, tag: str = "") -> tuple[dict, int]:
    listing = tmp / "files.txt"
    listing.write_text("\n".join(str(p) for p in files))
    db = tmp / f"w{workers}{tag}.db"  # a fresh store per run: a rerun into the same one would skip everything
    command = [sys.executable, __file__, "--child", "--files", str(listing), "--db", str(db), "--workers",
               str(workers), "--batch-size", str(args.batch_size)] + (["--model", args.model] if args.model else [])  # fmt: skip
    started = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    summary = json.loads(out.strip().splitlines()[-1])
    summary["wall"] = time.perf_counter() - started
    return summary, db.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--limit", type=int, default=100, help="number of articles (default 100)")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--rounds", type=int, default=5, help="bare/1-worker pairs, alternating which runs first; medians reported"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bare-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if args.bare_child:
        files = [Path(line) for line in Path(args.files).read_text().splitlines() if line]
        print(json.dumps(bare_spacy(files, args.model, args.batch_size)))
        return
    files = sorted(Path(args.corpus).glob("*.txt"))[: args.limit]
    if not files:
        sys.exit(f"no .txt articles under {args.corpus}")
    print(f"corpus: {args.corpus} ({len(files)} articles), batch size {args.batch_size}")
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        # Bare and 1-worker runs in pairs, alternating which goes first, so a burst of load on this
        # shared machine lands on both sides; the ratio is the median of the pairs' ratios.
        pairs = []
        for round_no in range(max(1, args.rounds)):
            if round_no % 2 == 0:
                b = run_bare(files, args, Path(tmp))
                o = run_ingest(files, 1, args, Path(tmp), tag=f"-{round_no}")
            else:
                o = run_ingest(files, 1, args, Path(tmp), tag=f"-{round_no}")
                b = run_bare(files, args, Path(tmp))
            pairs.append((b, o))
            print(f"  round {round_no + 1}: bare {b[0]:.2f} docs/s, 1 worker {o[0]['steady_rate']:.2f} docs/s")
        ratios = sorted(o[0]["steady_rate"] / b[0] for b, o in pairs)
        cpu_ratios = sorted(o[0]["steady_cpu_rate"] / b[1] for b, o in pairs)
        pairs.sort(key=lambda pair: pair[1][0]["steady_rate"] / pair[0][0])
        (bare, bare_cpu), (one, size) = pairs[len(pairs) // 2]  # the median round's figures
        print(f"bare spaCy nlp.pipe:        {bare:7.2f} docs/s   (CPU clock {bare_cpu:.2f} docs/s)")
        print(
            f"dateline ingest, 1 worker:  {one['steady_rate']:7.2f} docs/s   (wall with start-up {one['wall']:.1f} s; "
            f"CPU clock {one['steady_cpu_rate']:.2f} docs/s)"
        )
        two, _ = run_ingest(files, 2, args, Path(tmp))
        print(
            f"dateline ingest, 2 workers: {two['steady_rate']:7.2f} docs/s   (wall with start-up {two['wall']:.1f} s)"
        )
        median = ratios[len(ratios) // 2]
        cpu_median = cpu_ratios[len(cpu_ratios) // 2]
        print(
            f"ratio ingest(1) / bare spaCy: {median:.2f}   (target >= 0.80; median of {len(ratios)} rounds: "
            + ", ".join(f"{r:.2f}" for r in ratios)
            + ")"
        )
        print(f"  the same on CPU clocks:     {cpu_median:.2f}")
        print(f"ratio 2 workers / 1 worker:   {two['steady_rate'] / one['steady_rate']:.2f}   (target >= 1.7)")
        rss = {**one["peak_rss_kb"], **two["peak_rss_kb"]}
        for name, kb in sorted(rss.items()):
            print(f"peak RSS {name:>14}: {kb / 1024:7.0f} MB   (target <= 1024 MB)")
        print(f"store size: {size / 1e6:.2f} MB for {one['done']} articles = "
              f"{size / max(one['done'], 1) * 1000 / 1e6:.1f} MB per 1,000 articles")  # fmt: skip
        if one["failed"] or two["failed"]:
            print(f"failures: {one['failed']} (1 worker), {two['failed']} (2 workers)")


if __name__ == "__main__":
    main()
