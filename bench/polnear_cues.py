"""Learn which words cue a stance, and with which complement, from PolNeAR's training split.

    .venv/bin/python bench/polnear_cues.py [--out src/dateline/data/stance_cues.tsv]

For every verb, noun and adjective of the training texts (parsed with dateline's model), the
key is (lemma, part of speech, frame), for each complement the parse gives it
(`dateline.extract.stances.frames`: as, passive, clause, xcomp, np, acl, prep:X). The table
counts how often each key occurs and how often it is (part of) a gold Cue span whose frame's
complement reaches a gold Content span ("likened the rules to X": the content is X, so "liken"
+ object is rarely a cue and "liken" + to is), overall and among the occurrences with no holder
in the parse (`stances.source_token` finds none: "is expected to", "criticism of the plan"). A
row with frame "*" sums a word's frames, the back-off for a frame it was rarely seen with.
Words inside a gold Content span that are not themselves cues are not counted: PolNeAR gives
each token one role, so an attribution nested in another's content is never marked and would
read as a negative.

Only the training split is read; dev and test stay for measuring. The output holds counts, no
text. The extractor applies its own thresholds (stances.MIN_RATE, MIN_CUES, MIN_SEEN).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline import nlp as nlp_module
from dateline.extract.stances import CUE_POS, MIN_SEEN, decide, frames, source_token
from polnear import DEFAULT_DATA, REPO, Spans, read_gold

HEADER = """\
# Stance cues learned from PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), training split only
# (840 articles of 2016 US political news; https://github.com/networkdynamics/PolNeAR).
# Built by bench/polnear_cues.py with dateline's spaCy model; counts only, no article text.
# Columns: lemma, pos, frame, times a gold cue, occurrences (outside other attributions' content),
#   and the same two counts over the occurrences whose parse gives no holder (no subject, agent or possessor).
# frame: a complement in the parse (a word with several counts once in each): clause (ccomp), xcomp, np (direct
#   object), passive (subject + agent), acl (a noun's clause), prep:X, as ("the plan, as critics noted, ...");
#   "*" sums all frames of the word.
# stances.py uses a key with rate >= MIN_RATE and >= MIN_CUES cues, backing off to "*" when seen < MIN_SEEN times.
# Kept: the rows that can change a decision at those thresholds (rebuild after changing them); a missing key is
#   judged by its word's "*" row, a missing word is no cue.
"""

Key = tuple[str, str, str, bool]  # lemma, pos, frame, has a holder


def _reaches(tok: Token, comps: list[Token], content_chars: set[int]) -> bool:
    """Whether the complement the frame gives shares a character with a gold content: a cue whose
    frame points elsewhere ("likened the rules to X": the content is X, not the object) is no use."""
    doc = tok.doc
    a = min(c.left_edge.i for c in comps)
    b = max(c.right_edge.i for c in comps)
    start, end = doc[a].idx, doc[b].idx + len(doc[b])
    return any(i in content_chars for i in range(start, end))


def count(pairs: Iterable[tuple[Doc, Spans]]) -> tuple[Counter[Key], Counter[Key]]:
    """(cue counts, occurrence counts) per key over parsed training docs and their gold spans."""
    cues: Counter[Key] = Counter()
    seen: Counter[Key] = Counter()
    for doc, gold in pairs:
        cue_chars = {i for a, b in gold["cue"] for i in range(a, b)}
        content_chars = {i for a, b in gold["content"] for i in range(a, b)}
        for tok in doc:
            if tok.pos_ not in CUE_POS or (tok.idx in content_chars and tok.idx not in cue_chars):
                continue
            held = None
            for fr, comps in frames(tok):  # every complement it has: the table learns which one is the content
                if not comps:
                    continue
                if held is None:
                    held = source_token(tok) is not None
                key = (tok.lemma_.lower(), tok.pos_, fr, held)
                seen[key] += 1
                if tok.idx in cue_chars and _reaches(tok, comps, content_chars):
                    cues[key] += 1
    return cues, seen


def table_lines(cues: Counter[Key], seen: Counter[Key]) -> list[str]:
    """Rows lemma, pos, frame, cues, seen, cues without holder, seen without holder; "*" rows per word."""
    rows: dict[tuple[str, str, str], list[int]] = {}
    for (lemma, pos, fr, held), n in seen.items():
        for f in (fr, "*"):
            r = rows.setdefault((lemma, pos, f), [0, 0, 0, 0])
            r[0] += cues[(lemma, pos, fr, held)]
            r[1] += n
            if not held:
                r[2] += cues[(lemma, pos, fr, held)]
                r[3] += n
    keep = sorted(useful(rows), key=lambda k: (-rows[k][0], -rows[k][1], k))
    return [HEADER] + ["\t".join([*k, *map(str, rows[k])]) + "\n" for k in keep]


def useful(rows: dict[tuple[str, str, str], list[int]]) -> list[tuple[str, str, str]]:
    """The keys whose counts can change a decision of `stances.is_cue`: a frame seen fewer than MIN_SEEN
    times backs off to the word's "*" row, and a word or frame that passes nowhere reads as absent."""

    def passes(k: tuple[str, str, str]) -> bool:
        r = rows[k]
        c = (r[0], r[1], r[2], r[3])
        return decide(k, c, True) or decide(k, c, False)

    words = {k[:2] for k in rows if k[2] == "*" and passes(k)}
    return [
        k
        for k in rows
        if (k[:2] in words and (k[2] == "*" or rows[k][1] >= MIN_SEEN))
        or (k[2] != "*" and rows[k][1] >= MIN_SEEN and passes(k))
    ]


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
    docs = nlp.pipe(texts, batch_size=8)
    cues, seen = count((doc, read_gold(anns[name])) for name, doc in zip(names, docs, strict=True))
    lines = table_lines(cues, seen)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(names)} training articles, {len(lines) - 1} keys written to {args.out}")


if __name__ == "__main__":
    main()
