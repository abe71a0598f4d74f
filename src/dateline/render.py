"""A readable summary of a record, for people at a terminal (`--format text`, `make demo`)."""

from __future__ import annotations

from .record import Article


def _line(label: str, value: object) -> str:
    return f"  {label:<11}{value}"


def render_text(article: Article) -> str:
    """Headline, dateline and date first, then each section; every fact with its evidence."""
    out: list[str] = []
    out.append("=" * 78)
    out.append(article.headline.text if article.headline else f"(no headline) {article.id}")
    out.append("=" * 78)
    if article.url:
        out.append(_line("url", article.url))
    if article.source:
        out.append(_line("source", article.source))
    if article.dateline:
        out.append(_line("dateline", f"{article.dateline.place or '?'} / {article.dateline.agency or '-'}"))
    if article.published:
        out.append(_line("published", f"{article.published.date} ({article.published.how})"))
    for warning in article.warnings:
        out.append(_line("warning", warning))
    if article.entities:
        out.append(f"\nEntities ({len(article.entities)})")
        for e in article.entities:
            titles = f" [{'; '.join(e.titles)}]" if e.titles else ""
            country = f" {e.country}" if e.country else ""
            out.append(f"  {e.type:<7}{e.name}{titles}{country}  x{len(e.mentions)}")
    if article.quotes:
        out.append(f"\nQuotes ({len(article.quotes)})")
        for q in article.quotes:
            who = q.speaker.name if q.speaker else "?"
            extra = ", ".join(
                x for x in (q.cue and f"cue '{q.cue.text}'", q.via and f"via {q.via}",
                            q.conveyor and f"conveyed by {q.conveyor.name}",
                            q.status != "neutral" and q.status) if x
            )  # fmt: skip
            out.append(f"  [{q.kind}] {who}: \u201c{_clip(q.text)}\u201d" + (f"  ({extra})" if extra else ""))
    if article.stances:
        out.append(f"\nStances ({len(article.stances)})")
        for q in article.stances:
            who = q.speaker.name if q.speaker else "?"
            neg = "  (negated)" if q.status == "negated" else ""
            cue = q.cue.text if q.cue else ""
            out.append(f"  {who} {cue}: {_clip(q.text, 80)}{neg}")
    if article.times:
        out.append(f"\nTimes ({len(article.times)})")
        for t in article.times:
            out.append(f"  {t.text!r:<32} -> {t.value}")
    if article.places:
        out.append(f"\nPlaces ({len(article.places)})")
        for p in article.places:
            where = f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "-"
            out.append(f"  {p.text!r:<32} {p.kind:<8}{p.country or '--':<4}{where}")
    if article.events:
        out.append(f"\nEvents ({len(article.events)})")
        for ev in article.events:
            actor = ev.actor.text if ev.actor else "?"
            target = ev.target.text if ev.target else "-"
            out.append(f"  {ev.type:<10}{actor} -> {target}  '{_clip(ev.trigger.text, 50)}'  {ev.country or ''} {ev.date or ''} [{ev.status}]")
    if article.counts:
        out.append(f"\nCounts ({len(article.counts)})")
        for c in article.counts:
            src = f" according to {c.source.name}" if c.source else ""
            out.append(f"  {c.what:<10}{c.qualifier} {c.value}{src}  '{_clip(c.text, 50)}'")
    return "\n".join(out) + "\n"


def _clip(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
