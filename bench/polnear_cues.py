"""Learn which words cue a stance, and with which complement, from PolNeAR's training split.

    .venv/bin/python bench/polnear_cues.py [--out src/dateline/data/stance_cues.tsv]

For every verb, noun and adjective of the training texts (parsed with dateline's model), the
key is (lemma, part of speech, frame), the frame being the complement the parse gives it
(`dateline.extract.stances.frame`: clause, xcomp, np, acl, prep:X). The table counts how often
each key occurs and how often it is (part of) a gold Cue span. Words inside a gold Content span
that are not themselves cues are not counted: PolNeAR gives each token one role, so an
attribution nested in another's content is never marked and would read as a negative.

Only the training split is read; dev and test stay for measuring. The output holds counts, no
text. The extractor applies its own thresholds (stances.MIN_RATE, MIN_CUES).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dateline import nlp as nlp_module
from dateline.extract.stances import CUE_POS, frame
from polnear import DEFAULT_DATA, REPO, read_gold

HEADER = """\
# Stance cues learned from PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), training split only
# (840 articles of 2016 US political news; https://github.com/networkdynamics/PolNeAR).
# Built by bench/polnear_cues.py with dateline's spaCy model; counts only, no article text.
# Columns: lemma TAB pos TAB frame TAB times a gold cue TAB occurrences (outside other attributions' content)
# frame: the complement in the parse: clause (ccomp), xcomp, np (direct object), acl (a noun's clause), prep:X
# Kept: keys that were a cue at least twice. stances.py uses those with rate >= MIN_RATE and >= MIN_CUES cues.
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dateline" / "data" / "stance_cues.tsv")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    split = args.data / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(anns)[: args.limit]
    if not names:
        sys.exit(f"no PolNeAR files under {split}")
    texts = [(split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    nlp = nlp_module.load()
    cues: Counter[tuple[str, str, str]] = Counter()
    seen: Counter[tuple[str, str, str]] = Counter()
    for name, doc in zip(names, nlp.pipe(texts, batch_size=8), strict=True):
        gold = read_gold(anns[name])
        cue_chars = {i for a, b in gold["cue"] for i in range(a, b)}
        content_chars = {i for a, b in gold["content"] for i in range(a, b)}
        for tok in doc:
            if tok.pos_ not in CUE_POS or (tok.idx in content_chars and tok.idx not in cue_chars):
                continue
            fr, comps = frame(tok)
            if not comps:
                continue
            key = (tok.lemma_.lower(), tok.pos_, fr)
            seen[key] += 1
            if tok.idx in cue_chars:
                cues[key] += 1
    rows = sorted((k for k in seen if cues[k] >= 2), key=lambda k: (-cues[k], k))
    lines = [HEADER] + [f"{a}\t{b}\t{c}\t{cues[(a, b, c)]}\t{seen[(a, b, c)]}\n" for a, b, c in rows]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(names)} training articles, {len(rows)} keys written to {args.out}")


if __name__ == "__main__":
    main()
