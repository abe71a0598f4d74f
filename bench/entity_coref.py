"""Pronoun and description resolution of the entities extractor against GUM's gold coreference.

    .venv/bin/python bench/entity_coref.py [--gum DIR] [--limit N]

Reads GUM's Wikinews news documents (WebAnno TSV coreference, ../shared/bench/gum-wikinews),
rebuilds each text from its tokens, runs spaCy and `dateline.extract.entities`, and checks every
pronoun and nominal mention the extractor attached to an entity: it is right when GUM puts that
span in the same coreference chain as one of the entity's name mentions. Prints precision (right
/ resolved and annotated) and recall over GUM's third-person pronouns whose chain holds a name
the extractor found.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dateline import nlp as nlp_module  # noqa: E402
from dateline.extract import entities  # noqa: E402
from dateline.record import Article  # noqa: E402

DEFAULT_GUM = REPO.parent / "shared" / "bench" / "gum-wikinews" / "coref" / "gum" / "tsv"
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "its", "they", "them", "their"}
_TARGET = re.compile(r"(\d+-\d+)\[(\d+)_(\d+)\]")
_ID = re.compile(r"\[(\d+)\]")


def read_tsv(path: Path) -> tuple[str, dict[str, tuple[int, int]], dict[str, str]]:
    """Text, mention spans (id -> chars) and chain of each mention (id -> chain root)."""
    tokens: list[tuple[str, int, int, str]] = []
    spans: dict[str, list[int]] = {}
    links: list[tuple[str, str]] = []
    tok_mentions: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        tid, (a, b), word = cols[0], map(int, cols[1].split("-")), cols[2]
        tokens.append((tid, a, b, word))
        ids = []
        for k, part in enumerate(cols[3].split("|") if cols[3] != "_" else []):
            m = _ID.search(part)
            mid = m.group(1) if m else f"t{tid}.{k}"
            ids.append(mid)
            span = spans.setdefault(mid, [a, b])
            span[0], span[1] = min(span[0], a), max(span[1], b)
        tok_mentions[tid] = ids
        if cols[8] != "_":
            for kind, target in zip(cols[8].split("|"), cols[9].split("|"), strict=False):
                m = _TARGET.search(target)
                if m and not kind.startswith("bridge"):  # coref, ana, cata, appos
                    src = m.group(3) if m.group(3) != "0" else (ids[0] if ids else None)
                    dst = m.group(2) if m.group(2) != "0" else f"t{m.group(1)}.0"  # unnumbered one-token span
                    if src:
                        links.append((src, dst))
    size = max((b for _, _, b, _ in tokens), default=0)
    chars = [" "] * size
    for _, a, b, word in tokens:
        chars[a:b] = list(word[: b - a].ljust(b - a))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    chains = {mid: find(mid) for mid in spans}
    return "".join(chars), {k: (v[0], v[1]) for k, v in spans.items()}, chains


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gum", type=Path, default=DEFAULT_GUM)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    files = sorted(args.gum.glob("GUM_news_*.tsv"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"no GUM news files under {args.gum}")
    nlp = nlp_module.load()
    counts: dict[str, int] = defaultdict(int)
    for path in files:
        text, spans, chains = read_tsv(path)
        by_span: dict[tuple[int, int], list[str]] = defaultdict(list)
        for mid, span in spans.items():
            by_span[span].append(mid)
        article = Article(id=path.stem, text=text)
        ents = entities.extract(nlp(text), article)

        resolved: set[tuple[int, int]] = set()
        name_chains_all: set[str] = set()
        for ent in ents:
            name_chains: set[str] = set()
            for m in ent.mentions:
                if m.kind in ("name", "acronym", "title"):
                    for (a, b), mids in by_span.items():
                        if a <= m.start and m.end <= b and b - a <= (m.end - m.start) + 60:
                            name_chains.update(chains[mid] for mid in mids)
            name_chains_all |= name_chains
            for m in ent.mentions:
                if m.kind not in ("pronoun", "nominal"):
                    continue
                gold = {chains[mid] for mid in by_span.get((m.start, m.end), ())}
                resolved.add((m.start, m.end))
                if not gold:
                    counts[f"{m.kind} not annotated"] += 1
                    continue
                counts[f"{m.kind} resolved"] += 1
                if gold & name_chains:
                    counts[f"{m.kind} right"] += 1
        for (a, b), mids in by_span.items():
            if text[a:b].lower() in PRONOUNS and any(chains[mid] in name_chains_all for mid in mids):
                counts["gold pronouns of found names"] += 1
                if (a, b) in resolved:
                    counts["of which resolved"] += 1
    for kind in ("pronoun", "nominal"):
        done, right = counts[f"{kind} resolved"], counts[f"{kind} right"]
        print(f"{kind:8} resolved {done:4}  right {right:4}  precision {right / done if done else 0:.3f}  "
              f"(not annotated in GUM: {counts[f'{kind} not annotated']})")  # fmt: skip
    total = counts["gold pronouns of found names"]
    print(f"recall over GUM pronouns of names found: {counts['of which resolved']}/{total} "
          f"= {counts['of which resolved'] / total if total else 0:.3f}   ({len(files)} documents)")  # fmt: skip


if __name__ == "__main__":
    main()
