"""The evaluator's three outputs: a table for people, one JSON object for scripts, and a listing of misses.

The table and the JSON carry the same figures; the verbose listing is what one reads to decide
what to fix next, so it shows the system's values beside the gold's.
"""

from __future__ import annotations

from typing import Any

from .score import DocScore, SectionScore


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def _accuracies(sc: SectionScore) -> str:
    parts = [
        f"{key} {ratio.value:.3f} ({ratio.correct}/{ratio.total})"
        for key, ratio in sc.accuracy.items()
        if ratio.value is not None
    ]
    parts += [f"{key} {value}" for key, value in sc.counters.items()]
    return "  ".join(parts)


def table(sections: dict[str, SectionScore]) -> list[str]:
    """Rows per section: gold, system and matched counts, P R F1, then the accuracies."""
    lines = [f"{'section':<12}{'gold':>6}{'sys':>6}{'match':>9}{'P':>8}{'R':>7}{'F1':>7}   accuracy (over matched)"]
    for name, sc in sections.items():
        if not sc.detection:
            lines.append(f"{name:<12}{'':>6}{'':>6}{'':>9}{'':>8}{'':>7}{'':>7}   {_accuracies(sc)}")
            continue
        match = str(sc.found) if sc.found == sc.correct else f"{sc.found}/{sc.correct}"
        lines.append(
            f"{name:<12}{sc.gold:>6}{sc.system:>6}{match:>9}  {_fmt(sc.precision)} {_fmt(sc.recall)} {_fmt(sc.f1)}"
            f"   {_accuracies(sc)}".rstrip()
        )
        e2e = sc.e2e()
        if e2e is not None:
            lines.append(f"{'  end-to-end':<21}{sc.end_to_end:>9}  {_fmt(e2e[0])} {_fmt(e2e[1])} {_fmt(e2e[2])}")
    return lines


def render_table(micro: dict[str, SectionScore], docs: list[DocScore], per_doc: bool = False) -> str:
    out = [f"dateline eval: {len(docs)} document{'s' if len(docs) != 1 else ''}, micro-averaged", ""]
    out += table(micro)
    if any(sc.name == "entities" for sc in micro.values()):
        out += ["", "entities: match = gold found / system correct when they differ (see `split`)."]
    if per_doc:
        for doc in docs:
            out += ["", f"== {doc.name}"]
            out += table(doc.sections)
    return "\n".join(out)


def section_json(sc: SectionScore) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if sc.detection:
        data.update(
            gold=sc.gold,
            system=sc.system,
            found=sc.found,
            correct=sc.correct,
            precision=round(sc.precision, 4),
            recall=round(sc.recall, 4),
            f1=round(sc.f1, 4),
        )
        e2e = sc.e2e()
        if e2e is not None:
            data["end_to_end"] = {
                "correct": sc.end_to_end,
                "precision": round(e2e[0], 4),
                "recall": round(e2e[1], 4),
                "f1": round(e2e[2], 4),
            }
    data["accuracy"] = {
        key: {"value": None if r.value is None else round(r.value, 4), "correct": r.correct, "total": r.total}
        for key, r in sc.accuracy.items()
    }
    data.update(sc.counters)
    return data


def render_json(micro: dict[str, SectionScore], docs: list[DocScore], model: str | None = None) -> dict[str, Any]:
    return {
        "documents": len(docs),
        "model": model,
        "micro": {name: section_json(sc) for name, sc in micro.items()},
        "per_document": {
            doc.name: {
                **{name: section_json(sc) for name, sc in doc.sections.items()},
                **({"warnings": doc.warnings} if doc.warnings else {}),
            }
            for doc in docs
        },
    }


def render_verbose(docs: list[DocScore]) -> str:
    """Every miss, spurious item and wrong attribute, by document and section."""
    out: list[str] = []
    for doc in docs:
        if not doc.warnings and not any(sc.notes for sc in doc.sections.values()):
            continue
        out.append(f"== {doc.name}")
        for warning in doc.warnings:
            out.append(f"   warning: {warning}")
        for name, sc in doc.sections.items():
            if not sc.notes:
                continue
            out.append(f"-- {name}")
            out += [f"   {note}" for note in sc.notes]
        out.append("")
    return "\n".join(out)
