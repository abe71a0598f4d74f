"""PLOVER gold standard records: event typing and actor extraction, sentence by sentence.

Usage: .venv/bin/python bench/plover_gsr.py [--data ../shared/bench/plover-gsr] [--limit N] [--verbose]

Each of the GSR's coded sentences runs through the full default extractors (one spaCy parse,
no reading step). Labels older than PLOVER 2.0 are mapped with the categories of
CAMEO2PLOVER-2021.txt and the manual: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE ->
ACCUSE (mode investigate), FIGHT -> ASSAULT.

Figures:
- type accuracy: the sentence's top event (the first event whose type is the gold type if any
  event has it, else the first event) has the gold type; no event counts as wrong.
- actor match: over gold source (resp. target) actors of the sentences, the fraction matched by
  the top event's actor (resp. target). A system actor matches a gold one when their head words
  agree (the root of each phrase's parse, case-folded, plural -s dropped: "refugees" ~ "refugees
  fleeing the civil war in Liberia") or their content-token overlap F1 is at least 0.5. A gold
  actor list matches when any of its actors does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline import nlp as nlp_module  # noqa: E402
from dateline.pipeline import run_extractors  # noqa: E402
from dateline.record import Actor, Article  # noqa: E402

OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
STOP = frozenset("the a an of in and 's ’s his her its their this that to for on at by with from".split())


def _tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", text.lower()) if w not in STOP]


_HEADS: dict[str, str] = {}


def head_word(text: str, nlp) -> str:
    """The syntactic head of a phrase (its parse root), case-folded: "refugees fleeing the war" -> refugees."""
    if text not in _HEADS:
        doc = nlp(text)
        root = next((t for t in doc if t.dep_ == "ROOT"), doc[-1] if len(doc) else None)
        _HEADS[text] = root.lower_.rstrip("s") if root is not None else ""
    return _HEADS[text]


def actor_match(system: Actor | None, gold: list[dict] | str | None, nlp) -> bool | None:
    """None when the gold has no actor; else whether the system actor matches any gold actor."""
    golds = [g.get("actorText", "") for g in gold] if isinstance(gold, list) else []
    golds = [g for g in golds if _tokens(g)]
    if not golds:
        return None
    if system is None:
        return False
    sys_toks = _tokens(system.text)
    if not sys_toks:
        return False
    sys_head = head_word(system.text, nlp)
    for g in golds:
        g_toks = _tokens(g)
        if sys_head and sys_head == head_word(g, nlp):
            return True
        common = len(set(sys_toks) & set(g_toks))
        if common:
            p, r = common / len(set(sys_toks)), common / len(set(g_toks))
            if 2 * p * r / (p + r) >= 0.5:
                return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "plover-gsr")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    records = [r for r in json.loads((args.data / "PLOVER_GSR_CAMEO.json").read_text()) if r.get("event") != "DOCUMENT"]
    if args.limit:
        records = records[: args.limit]
    nlp = nlp_module.load()
    typed = 0
    src_hits = src_n = tgt_hits = tgt_n = 0
    confusion: dict[tuple[str, str], int] = {}
    started = time.perf_counter()
    for rec in records:
        gold_type = OLD_TO_NEW.get(rec["event"], rec["event"])
        text = rec["text"].strip("{} ")
        article = run_extractors(nlp(text), Article(id=rec["id"], text=text))
        events = article.events
        top = next((e for e in events if e.type == gold_type), events[0] if events else None)
        got = top.type if top else "-"
        typed += got == gold_type
        confusion[(gold_type, got)] = confusion.get((gold_type, got), 0) + 1
        s = actor_match(top.actor if top else None, rec.get("source"), nlp)
        t = actor_match(top.target if top else None, rec.get("target"), nlp)
        if s is not None:
            src_n += 1
            src_hits += s
        if t is not None:
            tgt_n += 1
            tgt_hits += t
        if args.verbose and (got != gold_type or s is False or t is False):
            print(f"{gold_type:>9} got {got:<9} src={s} tgt={t} | {text[:110]}")
            if top:
                print(f"{'':>20}actor={top.actor and top.actor.text!r} target={top.target and top.target.text!r}")
    n = len(records)
    elapsed = time.perf_counter() - started
    print(f"PLOVER GSR: {n} sentences in {elapsed:.1f}s")
    print(f"event type accuracy (top event): {typed / n:.3f}  ({typed}/{n})")
    print(f"source actor match: {src_hits / max(src_n, 1):.3f}  ({src_hits}/{src_n})")
    print(f"target actor match: {tgt_hits / max(tgt_n, 1):.3f}  ({tgt_hits}/{tgt_n})")
    both = src_hits + tgt_hits
    print(f"actor text match (source+target): {both / max(src_n + tgt_n, 1):.3f}  ({both}/{src_n + tgt_n})")
    if args.verbose:
        wrong = sorted(((k, v) for k, v in confusion.items() if k[0] != k[1]), key=lambda kv: -kv[1])
        print("most frequent confusions (gold -> system):", ", ".join(f"{g}->{s} {v}" for (g, s), v in wrong[:12]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
