"""Every SQL statement the web app runs, one function per question, bound parameters only.

The same SQL runs on SQLite and PostgreSQL (`?` placeholders, rewritten by the store); only
full-text search differs: FTS5 `MATCH` on SQLite, the generated `tsv` columns on PostgreSQL.
User words never reach SQL text: they are bound, and for FTS5 re-quoted token by token so that
a stray quote or operator in a search box cannot be a syntax error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from typing import Any

from ..store import Store
from .params import ArticleFilters, DisputeFilters, EventFilters, Page, QuoteFilters, until_bound

MAX_FTS_TOKENS = 16
DISPUTE_WHATS = ("killed", "injured", "arrested", "missing", "displaced", "evacuated", "protesters", "participants")

# Snippet markers: control characters that cannot survive in stored text, replaced after escaping.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def _dicts(cur_rows: list[tuple], columns: list[str]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in cur_rows]


def rows(store: Store, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    """Run a query and return dicts keyed by the result's column names."""
    cur = store.execute(sql, params)
    columns = [d[0] for d in cur.description]
    return _dicts(cur.fetchall(), columns)


def fts_words(text: str) -> str | None:
    """An FTS5 query matching every word of `text` (AND), each word quoted; None when there is no word."""
    tokens = re.findall(r"\w+", text)[:MAX_FTS_TOKENS]
    return " ".join(f'"{t}"' for t in tokens) or None


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _newest(store: Store, column: str) -> str:
    """ORDER BY term for newest first with undated rows last, on both dialects."""
    return f"{column} DESC" + (" NULLS LAST" if store.dialect == "postgresql" else "")


# --------------------------------------------------------------------------- corpus


def corpus_figures(store: Store) -> dict[str, Any]:
    """The home page's figures: sizes of the corpus and the span of its publication dates."""
    (articles, outlets, first, last), = store.query(
        "SELECT COUNT(*), COUNT(DISTINCT source), MIN(published), MAX(published) FROM articles"
    )  # fmt: skip
    stats = store.stats()
    speakers = store.query("SELECT COUNT(DISTINCT speaker) FROM quotes WHERE speaker IS NOT NULL")[0][0]
    names = store.query("SELECT COUNT(DISTINCT name) FROM entities")[0][0]
    return {
        "articles": articles,
        "outlets": outlets,
        "first_published": first,
        "last_published": last,
        "quotes": stats["quotes"],
        "speakers": speakers,
        "events": stats["events"],
        "entities": stats["entities"],
        "entity_names": names,
        "places": stats["places"],
        "counts": stats["counts"],
        "failures": stats["failures"],
    }


def outlets(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1")]


def top_speakers(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    return rows(
        store,
        "SELECT speaker, COUNT(*) AS quotes, COUNT(DISTINCT article_key) AS articles FROM quotes "
        "WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT ?",
        (limit,),
    )


# --------------------------------------------------------------------------- articles

ARTICLE_LIST_COLUMNS = "a.key, a.id, a.url, a.source AS outlet, a.headline, a.published, a.dateline_place"
SNIPPET_CHARS = 90


def snippet(text: str, words: str) -> str | None:
    """A stretch of `text` around the first searched word, the words wrapped in MARK_OPEN/MARK_CLOSE.

    Made here rather than by FTS5's snippet() so that it costs nothing for rows not shown and
    works the same on PostgreSQL.
    """
    tokens = re.findall(r"\w+", words)[:MAX_FTS_TOKENS]
    if not tokens or not text:
        return None
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in tokens) + r")", re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return None
    start = max(0, first.start() - SNIPPET_CHARS)
    end = min(len(text), first.end() + SNIPPET_CHARS)
    piece = " ".join(text[start:end].replace(MARK_OPEN, "").replace(MARK_CLOSE, "").split())
    marked = pattern.sub(lambda m: MARK_OPEN + m.group(0) + MARK_CLOSE, piece)
    return ("… " if start else "") + marked + (" …" if end < len(text) else "")


def _article_where(f: ArticleFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.outlet:
        where.append("LOWER(a.source) = LOWER(?)")
        params.append(f.outlet)
    if f.since:
        where.append("a.published >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        params.append(until_bound(f.until))
    return where, params


def _ranked(store: Store, table: str, alias: str, key: str, text: str, joins: str, where: list[str],
            params: list[Any]) -> tuple[str, list[Any], str, list[Any]] | None:  # fmt: skip
    """(count SQL, its params, hits SQL, its params) for rows of `table` matching `text` and `where`, best first.

    The hits query selects only `key` columns and a score, so sorting the matches moves little
    data; the page's columns are fetched afterwards for the rows shown.
    """
    if not re.search(r"\w", text):
        return None
    if store.dialect == "sqlite":
        words = fts_words(text)
        source = f" FROM {table}_fts f CROSS JOIN {table} {alias} ON {alias}.rowid = f.rowid{joins}"
        clauses = [f"{table}_fts MATCH ?", *where]
        fts_params: list[Any] = [words]
        score = "f.rank"
        score_params: list[Any] = []
    else:
        source = f" FROM {table} {alias}{joins}"
        clauses = [f"{alias}.tsv @@ plainto_tsquery('simple', ?)", *where]
        fts_params = [text]
        score = f"-ts_rank({alias}.tsv, plainto_tsquery('simple', ?))"
        score_params = [text]
    count = f"SELECT COUNT(*){source}{_where(clauses)}"
    hits = (
        f"SELECT {key}, {score} AS score{source}{_where(clauses)} ORDER BY score, {key.split(' ')[0]} LIMIT ? OFFSET ?"
    )
    return count, [*fts_params, *params], hits, [*score_params, *fts_params, *params]


def search_articles(store: Store, f: ArticleFilters, page: Page) -> tuple[int, list[dict[str, Any]]]:
    """Articles matching the filters (best matches first when searching, else newest first) and their total."""
    where, params = _article_where(f)
    if f.q:
        ranked = _ranked(store, "articles", "a", "a.key AS hit", f.q, "", where, params)
        if ranked is None:
            return 0, []
        count, count_params, hits, hit_params = ranked
        total = store.query(count, count_params)[0][0]
        found = rows(
            store,
            f"SELECT {ARTICLE_LIST_COLUMNS}, a.text FROM ({hits}) h JOIN articles a ON a.key = h.hit "
            "ORDER BY h.score, a.key",
            hit_params + [page.limit, page.offset],
        )
        for row in found:
            row["snippet"] = snippet(row.pop("text"), f.q)
        return total, found
    total = store.query(f"SELECT COUNT(*) FROM articles a{_where(where)}", params)[0][0]
    found = rows(
        store,
        f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a{_where(where)} ORDER BY {_newest(store, 'a.published')}, a.key "
        "LIMIT ? OFFSET ?",
        params + [page.limit, page.offset],
    )
    for row in found:
        row["snippet"] = None
    return total, found


def article(store: Store, key: str) -> dict[str, Any] | None:
    """One article's row and whole record (`record`, parsed), by key or by id."""
    found = rows(
        store,
        f"SELECT {ARTICLE_LIST_COLUMNS}, a.record_json FROM articles a WHERE a.key = ? "
        "UNION ALL "
        f"SELECT {ARTICLE_LIST_COLUMNS}, a.record_json FROM articles a WHERE a.id = ? LIMIT 1",
        (key, key),
    )
    if not found:
        return None
    row = found[0]
    row["record"] = json.loads(row.pop("record_json"))
    return row


# --------------------------------------------------------------------------- quotes

QUOTE_COLUMNS = (
    "q.article_key, q.quote_id, q.kind, q.text, COALESCE(se.name, q.speaker) AS speaker, q.speaker AS speaker_words, "
    "q.cue, q.via, q.status, q.start_char, q.end_char, a.source AS outlet, a.published, a.headline"
)
QUOTE_JOINS = (
    " JOIN articles a ON a.key = q.article_key"
    " LEFT JOIN entities se ON se.article_key = q.article_key AND se.entity_id = q.speaker_entity"
)
_SPEAKER_JOIN = " LEFT JOIN entities se ON se.article_key = q.article_key AND se.entity_id = q.speaker_entity"


def search_quotes(store: Store, f: QuoteFilters, page: Page) -> tuple[int, list[dict[str, Any]]]:
    """Quotes matching the words and filters, best matches (or newest) first, and their total."""
    where: list[str] = []
    params: list[Any] = []
    if f.speaker:
        where.append("(LOWER(q.speaker) LIKE LOWER(?) OR LOWER(se.name) LIKE LOWER(?))")
        params += [f"%{f.speaker}%"] * 2
    if f.status:
        where.append("q.status = ?")
        params.append(f.status)
    by_article = bool(f.outlet or f.since or f.until)
    if f.outlet:
        where.append("LOWER(a.source) = LOWER(?)")
        params.append(f.outlet)
    if f.since:
        where.append("a.published >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        params.append(until_bound(f.until))
    joins = (" JOIN articles a ON a.key = q.article_key" if by_article else "") + (_SPEAKER_JOIN if f.speaker else "")
    if f.q:
        ranked = _ranked(store, "quotes", "q", "q.article_key AS hit, q.quote_id AS hit_id", f.q, joins, where, params)
        if ranked is None:
            return 0, []
        count, count_params, hits, hit_params = ranked
        total = store.query(count, count_params)[0][0]
        sql = (
            f"SELECT {QUOTE_COLUMNS} FROM ({hits}) h JOIN quotes q ON q.article_key = h.hit AND q.quote_id = h.hit_id"
            f"{QUOTE_JOINS} ORDER BY h.score, q.article_key, q.quote_id"
        )
        return total, rows(store, sql, hit_params + [page.limit, page.offset])
    total = store.query(f"SELECT COUNT(*) FROM quotes q{joins}{_where(where)}", params)[0][0]
    # Newest first: walk articles by publication date and pick up their quotes (CROSS JOIN fixes that
    # order on SQLite, which would otherwise sort every quote).
    sql = (
        f"SELECT {QUOTE_COLUMNS} FROM articles a CROSS JOIN quotes q"
        f"{_SPEAKER_JOIN}{_where(['q.article_key = a.key', *where])} "
        f"ORDER BY {_newest(store, 'a.published')}, a.key, q.quote_id LIMIT ? OFFSET ?"
    )
    return total, rows(store, sql, params + [page.limit, page.offset])


# --------------------------------------------------------------------------- entities


def list_entities(store: Store, q: str | None, type_: str | None, page: Page) -> tuple[int, list[dict[str, Any]]]:
    """Entities by name across articles, the most widely covered first."""
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append("LOWER(name) LIKE LOWER(?)")
        params.append(f"%{q}%")
    if type_:
        where.append("type = ?")
        params.append(type_.upper())
    base = f" FROM entities{_where(where)}"
    total = store.query(f"SELECT COUNT(DISTINCT name){base}", params)[0][0]
    sql = (
        f"SELECT name, MIN(type) AS type, COUNT(DISTINCT article_key) AS articles, SUM(n_mentions) AS mentions{base} "
        "GROUP BY name ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?"
    )
    return total, rows(store, sql, params + [page.limit, page.offset])


_ENTITY_QUOTE_KEYS = (
    "SELECT q.article_key, q.quote_id FROM entities e "
    "JOIN quotes q ON q.article_key = e.article_key AND q.speaker_entity = e.entity_id WHERE e.name = ? "
    "UNION SELECT article_key, quote_id FROM quotes WHERE speaker = ?"
)


def entity(store: Store, name: str, page: Page) -> dict[str, Any] | None:
    """Everything about one named person or body across the corpus; None when the name is unknown.

    An entity is identified by its name: articles are processed alone, so the same name in two
    articles is the best evidence of the same entity the store has.
    """
    found = rows(
        store,
        "SELECT type, country, titles, article_key FROM entities WHERE name = ?",
        (name,),
    )
    quoted = store.query("SELECT COUNT(*) FROM quotes WHERE speaker = ?", (name,))[0][0]
    if not found and not quoted:
        return None
    types = Counter(r["type"] for r in found)
    countries = Counter(r["country"] for r in found if r["country"])
    titles: Counter[str] = Counter()
    for r in found:
        titles.update(json.loads(r["titles"] or "[]"))
    keys = f"WITH hits AS ({_ENTITY_QUOTE_KEYS}) "
    total = store.query(keys + "SELECT COUNT(*) FROM hits", (name, name))[0][0]
    quotes = rows(
        store,
        keys + f"SELECT {QUOTE_COLUMNS} FROM hits h JOIN quotes q ON q.article_key = h.article_key "
        f"AND q.quote_id = h.quote_id{QUOTE_JOINS} ORDER BY a.published DESC, q.article_key, q.quote_id "
        "LIMIT ? OFFSET ?",
        (name, name, page.limit, page.offset),
    )
    by_month = store.query(
        keys + "SELECT SUBSTR(a.published, 1, 7) AS month, COUNT(*) FROM hits h JOIN articles a "
        "ON a.key = h.article_key WHERE a.published IS NOT NULL GROUP BY SUBSTR(a.published, 1, 7) ORDER BY 1",
        (name, name),
    )
    events = rows(
        store,
        "SELECT CASE WHEN ev.actor_entity = e.entity_id THEN 'actor' ELSE 'target' END AS role, "
        f"{EVENT_COLUMNS} FROM entities e JOIN events ev ON ev.article_key = e.article_key "
        "AND (ev.actor_entity = e.entity_id OR ev.target_entity = e.entity_id) "
        "JOIN articles a ON a.key = ev.article_key WHERE e.name = ? "
        "ORDER BY COALESCE(ev.date, a.published) DESC, ev.article_key, ev.event_id LIMIT 200",
        (name,),
    )
    quoted_with = rows(
        store,
        keys + "SELECT COALESCE(se.name, q.speaker) AS speaker, COUNT(DISTINCT q.article_key) AS articles, "
        "COUNT(*) AS quotes FROM quotes q LEFT JOIN entities se ON se.article_key = q.article_key "
        "AND se.entity_id = q.speaker_entity "
        "WHERE q.article_key IN (SELECT article_key FROM hits) AND COALESCE(se.name, q.speaker) <> ? "
        "GROUP BY COALESCE(se.name, q.speaker) ORDER BY articles DESC, quotes DESC, speaker LIMIT 25",
        (name, name, name),
    )
    return {
        "name": name,
        "types": dict(types.most_common()),
        "countries": dict(countries.most_common()),
        "articles": len({r["article_key"] for r in found}),
        "titles": [{"title": t, "n": n} for t, n in titles.most_common(30)],
        "quotes_total": total,
        "quotes": quotes,
        "quotes_by_month": [{"period": m, "n": n} for m, n in by_month],
        "events": events,
        "quoted_with": quoted_with,
    }


# --------------------------------------------------------------------------- events

EVENT_COLUMNS = (
    "ev.article_key, ev.event_id, ev.type, ev.mode, ev.trigger, ev.actor, ev.actor_country, ev.actor_sector, "
    "ev.target, ev.target_country, ev.target_sector, ev.place, ev.country, ev.date, ev.source, ev.quote_id, "
    "ev.status, ev.start_char, ev.end_char, a.source AS outlet, a.published, a.headline"
)


def _event_where(f: EventFilters) -> tuple[str, list[Any]]:
    """The WHERE of events matching the filters, on the events table alone (no join to filter)."""
    where: list[str] = []
    params: list[Any] = []
    if f.type:
        where.append("ev.type = ?")
        params.append(f.type)
    if f.country:
        where.append("ev.country = ?")
        params.append(f.country)
    if f.status:
        where.append("ev.status = ?")
        params.append(f.status)
    # The event's own date (the extractor dates every event it can, by its article at worst).
    if f.since:
        where.append("ev.date >= ?")
        params.append(f.since)
    if f.until:
        where.append("ev.date <= ?")
        params.append(until_bound(f.until))
    return _where(where), params


def list_events(store: Store, f: EventFilters, page: Page) -> tuple[int, list[dict[str, Any]]]:
    """Events newest first; the page's rows are chosen on the events table, then joined to their articles."""
    where, params = _event_where(f)
    total = store.query(f"SELECT COUNT(*) FROM events ev{where}", params)[0][0]
    order = f"{_newest(store, 'ev.date')}, ev.article_key, ev.event_id"
    sql = (
        f"SELECT {EVENT_COLUMNS} FROM (SELECT ev.article_key AS k, ev.event_id AS i FROM events ev{where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?) h JOIN events ev ON ev.article_key = h.k AND ev.event_id = h.i "
        f"JOIN articles a ON a.key = ev.article_key ORDER BY {order}"
    )
    return total, rows(store, sql, params + [page.limit, page.offset])


def month_of(date: str) -> str | None:
    """The YYYY-MM a stored date falls in: days, months and ranges by their start, ISO weeks by their Thursday."""
    if re.match(r"\d{4}-\d{2}(?:$|[-/])", date):
        return date[:7]
    week = re.match(r"(\d{4})-W(\d{2})", date)
    if week:
        try:
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 4).strftime("%Y-%m")
        except ValueError:
            return None
    return None


def event_timeline(store: Store, f: EventFilters) -> list[dict[str, Any]]:
    """Events per month (those dated to a day, month or week), for the timeline chart."""
    where, params = _event_where(f)
    prefix = "SUBSTR(ev.date, 1, 8)"  # enough to tell "2019-03-", "2019-03" and "2019-W11" apart
    per_prefix = store.query(f"SELECT {prefix}, COUNT(*) FROM events ev{where} GROUP BY {prefix}", params)
    months: Counter[str] = Counter()
    for date, n in per_prefix:
        month = month_of(date or "")
        if month:
            months[month] += n
    return [{"period": m, "n": n} for m, n in sorted(months.items())]


def event_places(store: Store, f: EventFilters, limit: int = 400) -> list[dict[str, Any]]:
    """Where events happened: event counts per place name, at the coordinates an article reporting such
    an event gave that place (one indexed look-up per place, whatever the size of the store)."""
    where, params = _event_where(f)
    named = f"{where}{' AND' if where else ' WHERE'} ev.place IS NOT NULL"
    counted = store.query(
        f"SELECT ev.place, ev.country, COUNT(*) AS n, MIN(ev.article_key) FROM events ev{named} "
        "GROUP BY ev.place, ev.country ORDER BY n DESC, ev.place LIMIT ?",
        params + [limit],
    )
    points: dict[tuple[float, float], dict[str, Any]] = {}
    for place, country, n, key in counted:
        found = store.query(
            "SELECT lat, lon, country FROM places WHERE article_key = ? AND name = ? "
            "AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY place_id LIMIT 1",
            (key, place),
        )
        if not found:
            continue
        lat, lon, place_country = found[0]
        point = points.setdefault(
            (lat, lon), {"lat": lat, "lon": lon, "place": place, "country": place_country or country, "n": 0}
        )
        point["n"] += n
    return sorted(points.values(), key=lambda p: (-p["n"], p["place"]))


def event_types(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY 1")]


# --------------------------------------------------------------------------- figures in dispute


def figures(store: Store) -> list[dict[str, Any]]:
    """Every figure of a disputable kind with what it is a figure for: (what, country, month).

    The country is the figure's event's, else the one the article's places name most; the month
    is the event's date, else the article's publication.
    """
    found = rows(
        store,
        "SELECT c.article_key, c.count_id, c.what, c.value, c.qualifier, c.text, c.source, c.status, "
        "c.start_char, c.end_char, ev.place, ev.country, SUBSTR(COALESCE(ev.date, a.published), 1, 7) AS period, "
        "a.source AS outlet, a.published, a.headline FROM counts c JOIN articles a ON a.key = c.article_key "
        "LEFT JOIN events ev ON ev.article_key = c.article_key AND ev.event_id = c.event_id "
        f"WHERE c.what IN ({', '.join('?' * len(DISPUTE_WHATS))})",
        DISPUTE_WHATS,
    )
    orphans = sorted({r["article_key"] for r in found if not r["country"]})
    main_country: dict[str, str] = {}
    for i in range(0, len(orphans), 200):
        chunk = orphans[i : i + 200]
        tally = store.query(
            f"SELECT article_key, country, COUNT(*) FROM places WHERE article_key IN ({', '.join('?' * len(chunk))}) "
            "AND country IS NOT NULL GROUP BY article_key, country",
            chunk,
        )
        for key, country, _n in sorted(tally, key=lambda t: (t[0], -t[2], t[1])):
            main_country.setdefault(key, country)
    for r in found:
        r["country"] = r["country"] or main_country.get(r["article_key"])
    return found


def disputes(store: Store, f: DisputeFilters, page: Page, all_figures: list[dict[str, Any]] | None = None
             ) -> tuple[int, list[dict[str, Any]]]:  # fmt: skip
    """Figures of one kind for one country and month that differ across articles or sources.

    A group is in dispute when it holds at least two different values and they come from more
    than one article or more than one source. Each group comes with its figures, largest first;
    groups are newest first, the widest spread first within a month.
    """
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in all_figures if all_figures is not None else figures(store):
        if not r["country"] or not r["period"]:
            continue
        if (f.what and r["what"] != f.what) or (f.country and r["country"] != f.country):
            continue
        if (f.since and r["period"] < f.since[:7]) or (f.until and r["period"] > f.until[:7]):
            continue
        groups.setdefault((r["what"], r["country"], r["period"]), []).append(r)
    found = []
    for (what, country, period), members in groups.items():
        values = {m["value"] for m in members}
        articles = {m["article_key"] for m in members}
        sources = {m["source"] or "" for m in members}
        if len(values) < 2 or (len(articles) < 2 and len(sources) < 2):
            continue
        members.sort(key=lambda m: (-m["value"], m["published"] or "", m["article_key"], m["count_id"]))
        found.append({
            "what": what, "country": country, "period": period, "figures": len(members),
            "distinct_values": len(values), "low": min(values), "high": max(values), "articles": len(articles),
            "members": members,
        })  # fmt: skip
    found.sort(key=lambda g: (g["period"], g["high"] - g["low"]), reverse=True)
    return len(found), found[page.offset : page.offset + page.limit]
