"""Train the stance-cue model on PolNeAR's training split.

    .venv/bin/python bench/polnear_cues.py [--out src/dateline/data/stance_model.tsv] [--folds 2]

Every verb, noun and adjective of the training texts (parsed with dateline's spaCy model) whose
lemma was part of a gold Cue span at least MIN_CUES times is an instance once per complement the
parse gives it (`dateline.extract.stances.frames`: as, passive, clause, xcomp, np, acl, prep:X),
with the features `stances.features` reads at run time. The label is whether the word is (part of)
a gold Cue whose frame's complement reaches a gold Content span ("likened the rules to X": the
content is X, so "liken" + object is no cue and "liken" + to is). Words inside a gold Content span
that are not cues themselves are left out: PolNeAR gives each token one role, so an attribution
nested in another's content is never marked and would read as a negative.

The model is an L2-regularised logistic regression (scikit-learn's liblinear). Features seen fewer
than twice are dropped. The output holds the vocabulary and the weights, no text. `--folds K`
first prints, for each of K splits of the training articles, instance accuracy and cue P/R/F1 of a
model trained on the other folds, so a change of features can be judged without touching dev.
Only the training split is read; dev and test stay for measuring. Rebuild after changing
`stances.features` or what it reads (`stances.frames`, `stances.source_token` and the quote
extractor's `speaker_token` behind it): the weights are only right for the features they were fit on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline import nlp as nlp_module
from dateline.extract.stances import CUE_POS, features, framed
from polnear import DEFAULT_DATA, REPO, Spans, read_gold, read_text

MIN_CUES = 2  # a lemma enters the vocabulary after this many gold cues
MIN_FEATURE = 2  # a feature is kept when seen in this many instances
C = 0.3  # inverse regularisation strength: chosen by 2-fold cross-validation on train (bench figures)

HEADER = """\
# Stance-cue model learned from PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), training split only
# (840 articles of 2016 US political news; https://github.com/networkdynamics/PolNeAR).
# Built by bench/polnear_cues.py with dateline's spaCy model: weights only, no article text.
# Logistic regression over the features of dateline.extract.stances.features; a (word, frame) pair is a cue
# when the intercept plus the weights of its features is >= stances.THRESHOLD (log-odds).
# Rows: word <lemma> <pos>   the vocabulary (lemmas that were a gold cue at least MIN_CUES times)
#       weight <feature> <w>  "" (empty) is the intercept
"""

Instance = tuple[list[str], int]


def _reaches(tok: Token, comps: list[Token], content_chars: set[int]) -> bool:
    """Whether the complement the frame gives shares a character with a gold content."""
    doc = tok.doc
    a = min(c.left_edge.i for c in comps)
    b = max(c.right_edge.i for c in comps)
    start, end = doc[a].idx, doc[b].idx + len(doc[b])
    return any(i in content_chars for i in range(start, end))


def vocabulary(pairs: Iterable[tuple[Doc, Spans]]) -> set[tuple[str, str]]:
    """(lemma, pos) of the words that were part of a gold cue at least MIN_CUES times."""
    n: Counter[tuple[str, str]] = Counter()
    for doc, gold in pairs:
        cue_chars = {i for a, b in gold["cue"] for i in range(a, b)}
        n.update((t.lemma_.lower(), t.pos_) for t in doc if t.pos_ in CUE_POS and t.idx in cue_chars)
    return {k for k, v in n.items() if v >= MIN_CUES}


def instances(doc: Doc, gold: Spans, vocab: set[tuple[str, str]]) -> list[Instance]:
    """One (features, label) per frame of every vocabulary word outside another attribution's content."""
    cue_chars = {i for a, b in gold["cue"] for i in range(a, b)}
    content_chars = {i for a, b in gold["content"] for i in range(a, b)}
    out: list[Instance] = []
    for tok in doc:
        if tok.pos_ not in CUE_POS or (tok.idx in content_chars and tok.idx not in cue_chars):
            continue
        if (tok.lemma_.lower(), tok.pos_) not in vocab:
            continue
        for fr, comps, subj in framed(tok):
            label = int(tok.idx in cue_chars and _reaches(tok, comps, content_chars))
            out.append((features(tok, fr, comps, subj), label))
    return out


def fit(data: list[Instance]):  # noqa: ANN201 - (feature names, weights, intercept)
    """Logistic regression over the features seen at least MIN_FEATURE times."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in data])
    keep = np.asarray(x.sum(0)).ravel() >= MIN_FEATURE
    names = np.asarray(vec.feature_names_)[keep]
    lr = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
    lr.fit(x[:, keep], [y for _, y in data])
    return list(names), [float(w) for w in lr.coef_[0]], float(lr.intercept_[0])


def cross_validate(pairs: list[tuple[Doc, Spans]], folds: int) -> None:
    """Cue P/R/F1 over (word, frame) instances, of models trained on the other folds (articles round-robin)."""
    for k in range(folds):
        train = [p for i, p in enumerate(pairs) if i % folds != k]
        held = [p for i, p in enumerate(pairs) if i % folds == k]
        vocab = vocabulary(train)
        names, weights, bias = fit([x for d, g in train for x in instances(d, g, vocab)])
        w = dict(zip(names, weights, strict=True))
        tp = fp = fn = 0
        for d, g in held:  # the held-out words the trained vocabulary covers, as at run time
            for f, y in instances(d, g, vocab):
                guess = bias + sum(w.get(x, 0.0) for x in f) >= 0
                tp += guess and y
                fp += guess and not y
                fn += (not guess) and y
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"fold {k + 1}/{folds}: cue P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")


def write(out: Path, vocab: set[tuple[str, str]], names: list[str], weights: list[float], bias: float) -> int:
    lines = [HEADER]
    lines += [f"word\t{lemma}\t{pos}\n" for lemma, pos in sorted(vocab)]
    lines.append(f"weight\t\t{bias:.4f}\n")
    lines += [f"weight\t{n}\t{w:.4f}\n" for n, w in sorted(zip(names, weights, strict=True)) if abs(w) >= 5e-5]
    out.write_text("".join(lines), encoding="utf-8")
    return len(lines) - 1


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dateline" / "data" / "stance_model.tsv")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--folds", type=int, default=0, help="cross-validate on train with K folds first")
    args = ap.parse_args(argv)
    split = args.data / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(anns)[: args.limit]
    if not names:
        sys.exit(f"no PolNeAR files under {split}")
    texts = [read_text(split / "text" / f"{n}.txt") for n in names]
    nlp = nlp_module.load()
    pairs = [(doc, read_gold(anns[n])) for n, doc in zip(names, nlp.pipe(texts, batch_size=8), strict=True)]
    if args.folds > 1:
        cross_validate(pairs, args.folds)
    vocab = vocabulary(pairs)
    data = [x for d, g in pairs for x in instances(d, g, vocab)]
    feats, weights, bias = fit(data)
    n = write(args.out, vocab, feats, weights, bias)
    print(
        f"{len(names)} training articles, {len(data)} instances ({sum(y for _, y in data)} cues), "
        f"{len(vocab)} words; {n} rows written to {args.out}"
    )


if __name__ == "__main__":
    main()
