"""An article's text as HTML with its facts marked: quotes by speaker, events, times, places, figures.

Facts' spans nest and overlap (a place inside a quote, an event trigger inside both), so the
text is cut at every span boundary into segments; each segment becomes one flat `<span>`
carrying the classes and fact ids of every fact covering it. Nothing nests, nothing needs
balancing, and every piece of text goes through `html.escape`: the article is untrusted input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup

SPEAKER_COLOURS = 12


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    fact: str  # "kind:id", a key of `facts`
    css: str
    link: str | None = None
    anchor: bool = True  # whether the fact's #anchor may land here (not on a quote's cue or speaker)


def entity_url(name: str) -> str:
    return "/entity/" + url_quote(name, safe="")


def _source_name(source: dict | None, names: dict[str, str]) -> str | None:
    if not source:
        return None
    return names.get(source.get("entity") or "", source.get("name"))


def speaker_key(quote: dict) -> str:
    speaker = quote.get("speaker") or {}
    return speaker.get("entity") or speaker.get("name") or "(unattributed)"


def speakers(record: dict) -> dict[str, int]:
    """Speaker key -> colour index, in order of first quote."""
    colours: dict[str, int] = {}
    for q in record.get("quotes", []):
        colours.setdefault(speaker_key(q), len(colours) % SPEAKER_COLOURS)
    return colours


def facts(record: dict) -> dict[str, dict[str, Any]]:
    """Every markable fact as a flat dict of what a reader wants to see, keyed by "kind:id"."""
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    out: dict[str, dict[str, Any]] = {}
    for q in record.get("quotes", []):
        out[f"q:{q['id']}"] = {
            "fact": f"{q['kind']} quote",
            "speaker": _source_name(q.get("speaker"), names) or "(unattributed)",
            "cue": (q.get("cue") or {}).get("text"),
            "via": q.get("via"),
            "conveyor": _source_name(q.get("conveyor"), names),
            "status": q.get("status"),
        }
    for ev in record.get("events", []):
        out[f"ev:{ev['id']}"] = {
            "fact": f"event {ev['type']}" + (f" ({ev['mode']})" if ev.get("mode") else ""),
            "actor": (ev.get("actor") or {}).get("text"),
            "target": (ev.get("target") or {}).get("text"),
            "place": ev.get("place"),
            "country": ev.get("country"),
            "date": ev.get("date"),
            "according to": _source_name(ev.get("source"), names) or "the outlet",
            "status": ev.get("status"),
        }
    for t in record.get("times", []):
        out[f"t:{t['id']}"] = {"fact": "time", "date": t.get("value") or "(vague)", "anchor": t.get("anchor")}
    for p in record.get("places", []):
        coords = f"{p['lat']:.3f}, {p['lon']:.3f}" if p.get("lat") is not None and p.get("lon") is not None else None
        out[f"p:{p['id']}"] = {
            "fact": f"place ({p.get('kind')})",
            "name": p.get("name"),
            "country": p.get("country"),
            "region": p.get("admin1"),
            "coordinates": coords,
        }
    for c in record.get("counts", []):
        out[f"c:{c['id']}"] = {
            "fact": f"figure: {c['what']}",
            "value": f"{c['qualifier']} {c['value']}" if c.get("qualifier") not in (None, "exact") else c["value"],
            "according to": _source_name(c.get("source"), names) or "the outlet",
            "status": c.get("status"),
        }
    for e in record.get("entities", []):
        out[f"e:{e['id']}"] = {"fact": f"entity ({e['type']})", "name": e["name"], "country": e.get("country")}
    return {k: {f: v for f, v in d.items() if v is not None} for k, d in out.items()}


def marks(record: dict) -> list[Mark]:
    """Every span to mark, with its CSS classes and the fact it shows."""
    colours = speakers(record)
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    out: list[Mark] = []
    for e in record.get("entities", []):
        out.extend(Mark(m["start"], m["end"], f"e:{e['id']}", "ent", entity_url(e["name"])) for m in e["mentions"])
    for q in record.get("quotes", []):
        colour = f"spk{colours[speaker_key(q)]}"
        out.extend(Mark(s["start"], s["end"], f"q:{q['id']}", f"quote {colour}") for s in q.get("content", []))
        if q.get("cue"):
            out.append(Mark(q["cue"]["start"], q["cue"]["end"], f"q:{q['id']}", "cue", anchor=False))
        mention = (q.get("speaker") or {}).get("mention")
        if mention:
            speaker = q["speaker"]
            link = entity_url(names.get(speaker.get("entity") or "", speaker["name"]))
            out.append(Mark(mention["start"], mention["end"], f"q:{q['id']}", f"speaker {colour}", link, anchor=False))
    out.extend(
        Mark(ev["trigger"]["start"], ev["trigger"]["end"], f"ev:{ev['id']}", "event") for ev in record.get("events", [])
    )
    out.extend(Mark(t["start"], t["end"], f"t:{t['id']}", "time") for t in record.get("times", []))
    out.extend(Mark(p["start"], p["end"], f"p:{p['id']}", "place") for p in record.get("places", []))
    out.extend(Mark(c["start"], c["end"], f"c:{c['id']}", "figure") for c in record.get("counts", []))
    return out


def _title(ids: list[str], known: dict[str, dict[str, Any]]) -> str:
    lines = []
    for fid in ids:
        fact = known.get(fid)
        if fact:
            lines.append("; ".join(f"{k}: {v}" if k != "fact" else str(v) for k, v in fact.items()))
    return "\n".join(lines)


def dropped_colours(active: list[Mark]) -> set[str]:
    """Speaker colours to leave off a stretch inside nested quotes: all but the innermost quote's.

    A quote reported inside another ("X said that, with Y urging ..., Z") is the more specific
    attribution where they overlap, so the stretch takes its speaker's colour alone.
    """
    quoted = [m for m in active if "quote" in m.css.split()]
    if len(quoted) < 2:
        return set()
    inner = min(quoted, key=lambda m: m.end - m.start)
    keep = {c for c in inner.css.split() if c.startswith("spk")}
    return {c for m in quoted for c in m.css.split() if c.startswith("spk")} - keep


def render_text(record: dict) -> Markup:
    """The article text as escaped HTML, one `<span>` per run of text covered by the same facts."""
    text: str = record.get("text", "")
    known = facts(record)
    all_marks = [m for m in marks(record) if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in all_marks), *(m.end for m in all_marks)})
    starting: dict[int, list[Mark]] = {}
    for m in all_marks:
        starting.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    parts: list[str] = []
    anchored: set[str] = set()
    opening: dict[tuple[int, ...], tuple[str, str]] = {}  # the same facts recur: build their tags once
    for start, end in zip(cuts, cuts[1:], strict=False):
        if active:
            active = [m for m in active if m.end > start]
        if start in starting:
            active = active + starting[start]
        piece = escape(text[start:end])
        if not active:
            parts.append(piece)
            continue
        key = tuple(map(id, active))  # identity: the marks live as long as this loop
        tags = opening.get(key)
        if tags is None:
            ids = list(dict.fromkeys(m.fact for m in active))
            css = " ".join(dict.fromkeys(c for m in active for c in m.css.split() if c not in dropped_colours(active)))
            tag = (
                f'<span class="mark {css}" data-facts="{escape(" ".join(ids))}" '
                f'title="{escape(_title(ids, known))}" tabindex="0">'
            )
            link = next((m.link for m in active if m.link), None)
            tags = opening[key] = (f'<a href="{escape(link)}">{tag}', "</span></a>") if link else (tag, "</span>")
        # The first stretch of each fact gets an empty anchor before it: /articles/KEY#q-Q1 lands on the quote.
        for m in starting.get(start, ()):
            if m.anchor and m.fact not in anchored:
                anchored.add(m.fact)
                parts.append(f'<span class="anchor" id="{escape(m.fact.replace(":", "-"))}"></span>')
        parts.append(tags[0] + piece + tags[1])
    return Markup("".join(parts))


def facts_json(record: dict) -> Markup:
    """The facts as JSON safe to embed in `<script type="application/json">`: no `<`, `>` or `&` left raw."""
    data = json.dumps(facts(record), ensure_ascii=False)
    return Markup(data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
