"""Time extraction and normalization against TempEval-3 (TimeBank + AQUAINT training TimeML).

Run: .venv/bin/python bench/tempeval3.py [--limit N] [--data DIR] [--speed N]

For each .tml file the TIMEX3 tags inside <TEXT> are stripped to give the text and the gold
spans; the document creation time (functionInDocument="CREATION_TIME") is the publication date.
Only the times extractor runs over one spaCy pass (`run_extractors(..., [("times", ...)])`).

Reported, each over two gold sets:
- "all types": TE-3's own convention, TIMEX3 of type DATE, TIME, DURATION and SET;
- "DATE+TIME": dateline emits calendar points and periods, not durations or frequencies, by
  design; here DURATION/SET gold are dropped and a system expression overlapping one is
  neither right nor wrong (it is left out of precision).
Spans: strict (same offsets) and relaxed (overlap, one-to-one) precision/recall/F1.
Values over relaxed matches:
- raw: our value string equals the TIMEX3 value;
- mapped: the two forms are translated before comparing, because they write the same period
  differently: a TIMEX TIME value is compared by its date part (dateline resolves clock times
  to the day); quarters/halves/seasons (1998-Q3, 1998-H1, 1998-SU) equal our month ranges;
  FY1998 equals 1998; a decade (199, 199X) equals 1990/1999; a gold value with a `mod`
  (START, END, MID...) is matched when our period lies inside it; our None for a vague word
  equals PAST_REF/PRESENT_REF/FUTURE_REF by the word's kind in data/time_words.tsv, and our
  reference-date value for a present word (now, currently) equals PRESENT_REF.

--speed N: times the extractor over N articles of ../shared/corpus/wikinews-en against the bare
spaCy pass (nlp.pipe) over the same texts and prints the overhead.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline import nlp as nlp_module  # noqa: E402
from dateline.evaluate.dates import interval  # noqa: E402
from dateline.extract import times  # noqa: E402
from dateline.extract.time_grammar import lexicon, normalize  # noqa: E402
from dateline.pipeline import run_extractors  # noqa: E402
from dateline.record import Article, Published, TimeExpr  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "tempeval3" / "Training"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-en"


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, list[Gold], str | None]:
    """(text of <TEXT>, gold TIMEX3s with offsets into it, DCT value)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    if m := re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw):
        dct = dict(_ATTR.findall(m.group(0))).get("value")
    body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    out: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            gold.append(Gold(start, length, "", a.get("type", ""), a.get("value", ""), a.get("mod")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start : g.end]
    return text, gold, dct


# --------------------------------------------------------------------------- value comparison

_SUB = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
        "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # fmt: skip


def _month_end(y: int, m: int) -> date:
    return (date(y + (m // 12), m % 12 + 1, 1)) - timedelta(days=1)


def gold_interval(value: str) -> tuple[date, date] | None:
    """Days a TIMEX3 value covers, for the forms dateline writes differently."""
    value = value.strip()
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", value):
        value = m[1]
    value = re.sub(r"(?:-XX)+$", "", value)  # 1949-XX is the year 1949, 1998-10-XX the month
    if m := re.fullmatch(r"(\d{4})-W(\d)", value):
        value = f"{m[1]}-W0{m[2]}"
    if m := re.fullmatch(r"(\d{4})-W(\d\d)-WE", value):  # the weekend of an ISO week: its Saturday and Sunday
        saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
        return saturday, saturday + timedelta(days=1)
    if m := re.fullmatch(r"FY(\d{4})", value):
        value = m[1]
    if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value):
        y = int(m[1])
        lo, hi = _SUB[m[2]]
        return date(y, lo, 1), _month_end(y + (hi - 1) // 12, (hi - 1) % 12 + 1)
    if m := re.fullmatch(r"(\d{3})X?", value):
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    return interval(value)


def vague_ref(text: str) -> str | None:
    """PAST_REF / PRESENT_REF / FUTURE_REF for a vague or present word, by the lexicon's kind."""
    t = normalize(text)
    lx = lexicon()
    if t in lx["present"]:
        return "PRESENT_REF"
    kind = lx["vague"].get(t)
    if kind is None and "recent" in t:
        kind = "PAST"
    if kind is None and ("future" in t or "coming" in t):
        kind = "FUTURE"
    return f"{kind}_REF" if kind else None


def mapped_equal(sys_expr: TimeExpr, gold: Gold) -> bool:
    if sys_expr.value == gold.value:
        return True
    ref_word = vague_ref(sys_expr.text)
    if gold.value.endswith("_REF"):
        return ref_word == gold.value
    if sys_expr.value is None:
        return False
    g = gold_interval(gold.value)
    s = interval(sys_expr.value)
    if g is None or s is None:
        return False
    if s == g:
        return True
    # a gold `mod` (START, END, MID...), or our span holding a modifier the gold span left out
    # ("early 1997" against gold "1997"): the part we name must lie inside the gold period
    qualified = bool(gold.mod) or (len(sys_expr.text) > len(gold.text) and gold.text in sys_expr.text)
    return qualified and g[0] <= s[0] and s[1] <= g[1]


# --------------------------------------------------------------------------- matching


def match(gold: list[Gold], system: list[TimeExpr], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index): same offsets, or any overlap (largest first)."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if strict:
                if g.start == s.start and g.end == s.end:
                    cands.append((0, gi, si))
            else:
                overlap = min(g.end, s.end) - max(g.start, s.start)
                if overlap > 0:
                    cands.append((-overlap, gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in cands:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    raw_ok: int = 0
    mapped_ok: int = 0

    def line(self, name: str) -> str:
        def prf(found: int) -> str:
            p = found / self.system if self.system else 0.0
            r = found / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

        n = self.relaxed or 1
        return (
            f"{name:<11} gold {self.gold:5d} system {self.system:5d} | strict {prf(self.strict)} | "
            f"relaxed {prf(self.relaxed)} | value raw {self.raw_ok / n:.3f} mapped {self.mapped_ok / n:.3f} "
            f"({self.mapped_ok}/{self.relaxed})"
        )


def score(gold: list[Gold], system: list[TimeExpr], tally: Tally, wrong: list[str] | None, text: str = "") -> None:
    tally.gold += len(gold)
    tally.system += len(system)
    tally.strict += len(match(gold, system, strict=True))
    for gi, si in match(gold, system, strict=False):
        tally.relaxed += 1
        g, s = gold[gi], system[si]
        tally.raw_ok += s.value == g.value
        ok = mapped_equal(s, g)
        tally.mapped_ok += ok
        if not ok and wrong is not None:
            context = text[max(0, s.start - 70) : s.end + 15].replace("\n", " ")
            wrong.append(f"{g.text!r} {g.type} {g.value} mod={g.mod} | {s.text!r} {s.value} | ...{context}")


def restricted(gold: list[Gold], system: list[TimeExpr]) -> tuple[list[Gold], list[TimeExpr]]:
    """DATE+TIME gold; system expressions overlapping dropped DURATION/SET gold are left out."""
    dropped = [g for g in gold if g.type not in ("DATE", "TIME")]
    keep = [s for s in system if not any(min(g.end, s.end) > max(g.start, s.start) for g in dropped)]
    return [g for g in gold if g.type in ("DATE", "TIME")], keep


def run_bench(data: Path, limit: int | None, show: int) -> None:
    nlp = nlp_module.load()
    files = sorted(f for f in data.rglob("*.tml") if "testpipeline" not in f.parts)
    if limit:
        files = files[:limit]
    docs = [(f, *read_tml(f)) for f in files]
    all_t, dt_t = Tally(), Tally()
    wrong: list[str] = []
    misses: list[str] = []
    spurious: list[str] = []
    texts = [d[1] for d in docs]
    for (path, text, gold, dct), doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        published = Published(date=dct[:10], how="input") if dct and re.match(r"\d{4}-\d{2}-\d{2}", dct) else None
        article = Article(id=path.stem, text=text, published=published)
        run_extractors(doc, article, [("times", times.extract)])
        system = article.times
        score(gold, system, all_t, None)
        g2, s2 = restricted(gold, system)
        score(g2, s2, dt_t, wrong, text)
        matched_g = {gi for gi, _ in match(g2, s2, strict=False)}
        matched_s = {si for _, si in match(g2, s2, strict=False)}
        misses += [
            f"{g.text!r} {g.type} {g.value} | ...{text[max(0, g.start - 60) : g.end + 20]!r}"
            for i, g in enumerate(g2)
            if i not in matched_g
        ]
        spurious += [f"{s.text!r} {s.value}" for i, s in enumerate(s2) if i not in matched_s]
    print(f"TempEval-3 training ({data}), {len(docs)} documents, model {nlp_module.model_id(nlp)}")
    print(all_t.line("all types"))
    print(dt_t.line("DATE+TIME"))
    if show:
        for title, items in (("wrong values", wrong), ("missed", misses), ("spurious", spurious)):
            print(f"-- {title} (first {show} of {len(items)})")
            for line in items[:show]:
                print("  ", line)


def run_speed(corpus: Path, n: int) -> None:
    """Extractor overhead relative to the bare spaCy pass over the same Wikinews texts."""
    nlp = nlp_module.load()
    files = sorted(f for f in corpus.glob("*.txt") if re.search(r"\d{4}-\d{2}-\d{2}", f.name))[:n]
    texts = [f.read_text(encoding="utf-8") for f in files]
    # CPU time of this process, not wall time: the machine is shared, and wall time mostly measures the others
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    t_nlp = time.process_time() - t0
    t0 = time.process_time()
    count = 0
    for f, text, doc in zip(files, texts, docs, strict=True):
        pub = re.search(r"\d{4}-\d{2}-\d{2}", f.name)
        article = Article(id=f.stem, text=text, published=Published(date=pub[0], how="input") if pub else None)
        count += len(times.extract(doc, article))
    t_times = time.process_time() - t0
    print(f"speed: {len(texts)} articles, spaCy pass {t_nlp:.2f}s CPU, times extractor {t_times:.3f}s CPU "
          f"({100 * t_times / t_nlp:.1f}% of the spaCy pass), {count} expressions")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print the first N wrong values, misses and spurious")
    ap.add_argument("--speed", type=int, default=0, help="also time the extractor over N Wikinews articles")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    run_bench(args.data, args.limit, args.show)
    if args.speed:
        run_speed(args.corpus, args.speed)


if __name__ == "__main__":
    main()
