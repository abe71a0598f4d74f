"""Whole-extraction throughput against the bare spaCy pipeline, measured side by side.

    .venv/bin/python bench/extraction_speed.py [--corpus DIR] [--limit N] [--rounds R]

Prints documents/second for bare spaCy (the pipeline exactly as spaCy ships it:
`spacy.load(model).pipe`), for dateline's linguistic layer alone (the same model with
dateline's two components: paragraph breaks, and the memoized attribute ruler + lemmatizer
of `dateline/morphology.py`, which gives identical annotations), and for dateline's whole
extraction (reading + that spaCy pass + every extractor) on the same texts; the ratio
extraction / bare spaCy (target >= 0.80), what the extractors cost on top of the layer,
and each extractor's share of the extraction time (time and place together must add
<= 10%, events and counts <= 15%). Rounds rotate the order of the runs so that load from
other processes on this shared machine hits all alike; the figures reported are medians
of the per-round figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dateline import nlp as nlp_module  # noqa: E402
from dateline.extract import default_extractors  # noqa: E402
from dateline.pipeline import process  # noqa: E402
from dateline.reading import read  # noqa: E402
from dateline.record import Article, Document  # noqa: E402


def load_documents(corpus: Path, limit: int | None) -> list[Document]:
    paths = sorted(p for p in corpus.glob("*.txt") if p.name != "README.txt")[:limit]
    return [Document(id=p.stem, content=p.read_bytes(), origin=str(p)) for p in paths]


def timed_extractors(totals: dict[str, float], clock):
    """The default extractors, each wrapped to add its run time to `totals`."""

    def wrap(name, fn):
        def run(doc, article):
            t0 = clock()
            try:
                return fn(doc, article)
            finally:
                totals[name] += clock() - t0

        return run

    return [(field, wrap(field, fn)) for field, fn in default_extractors()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "wikinews-en")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default=nlp_module.DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="cpu: this process's CPU time, steady on a shared machine (default); wall: elapsed time",
    )
    args = parser.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    documents = load_documents(args.corpus, args.limit)
    if not documents:
        sys.exit(f"no .txt documents under {args.corpus}")
    nlp = nlp_module.load(args.model)
    stock = nlp_module.load_stock(args.model)
    # The bare baseline parses the same clean text the extraction parses.
    texts = [read(d).text for d in documents]
    n = len(documents)
    # Warm up every path alike, over all the texts: a pipeline's first pass over a text is slower
    # (its vocabulary, and dateline's morphology memo, meet the words), so without this the first
    # round would time one side cold and the other warm. Extractors load their data (gazetteer,
    # lexicons) once, on first use. `bench/ingest_throughput.py` measures the cold case, each side in
    # a fresh process.
    list(stock.pipe(texts, batch_size=args.batch_size))
    list(nlp.pipe(texts, batch_size=args.batch_size))
    list(process(documents[:4], nlp))

    ratios, layer_ratios, bare_rates, layer_rates, full_rates = [], [], [], [], []
    shares: dict[str, float] = defaultdict(float)
    for round_no in range(args.rounds):
        totals: dict[str, float] = defaultdict(float)

        def run_bare(pipeline=stock) -> float:
            t0 = clock()
            for _doc in pipeline.pipe(texts, batch_size=args.batch_size):
                pass
            return clock() - t0

        def run_full(totals: dict[str, float] = totals) -> float:
            t0 = clock()
            records = list(
                process(documents, nlp, batch_size=args.batch_size, extractors=timed_extractors(totals, clock))
            )
            assert len(records) == n and all(isinstance(r, Article) for r in records)
            return clock() - t0

        # Rotate which runs first, so a drift in machine load does not favour one side.
        runs = {"bare": run_bare, "layer": lambda: run_bare(nlp), "full": run_full}
        order = list(runs)[round_no % 3 :] + list(runs)[: round_no % 3]
        seconds = {name: runs[name]() for name in order}
        bare, layer, full = seconds["bare"], seconds["layer"], seconds["full"]
        bare_rates.append(n / bare)
        layer_rates.append(n / layer)
        full_rates.append(n / full)
        ratios.append(bare / full)
        layer_ratios.append(layer / full)
        for name, seconds in totals.items():
            shares[name] += seconds / full / args.rounds

    print(f"documents: {n}  rounds: {args.rounds}  model: {nlp_module.model_id(nlp)}  clock: {args.clock}")
    print(f"bare spaCy nlp.pipe     : {statistics.median(bare_rates):8.2f} docs/s   (spaCy as shipped)")
    print(
        f"dateline linguistic layer: {statistics.median(layer_rates):7.2f} docs/s   (same model, memoized morphology)"
    )
    print(f"dateline extraction     : {statistics.median(full_rates):8.2f} docs/s")
    print(f"ratio (extraction / bare spaCy, median of rounds): {statistics.median(ratios):.3f}   target >= 0.80")
    print("  per round: " + ", ".join(f"{r:.3f}" for r in ratios))
    print(f"  extraction / dateline's layer alone:           {statistics.median(layer_ratios):.3f}   "
          "(the extractors' and reading's cost)")  # fmt: skip
    print("time each extractor adds to the extraction without it (share / (1 - share)):")
    for name, share in shares.items():
        print(f"  {name:<14}{added(share):6.2f}%")
    print(f"  {'times+places':<14}{added(shares['times'] + shares['places']):6.2f}%   target <= 10%")
    print(f"  {'events+counts':<14}{added(shares['events'] + shares['counts']):6.2f}%   target <= 15%")


def added(share: float) -> float:
    """Percent added to the run time of an extraction that lacked these extractors."""
    return 100 * share / (1 - share) if share < 1 else float("inf")


if __name__ == "__main__":
    main()
