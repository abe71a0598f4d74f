"""The store's tables, as migrations: a list of SQL steps per dialect, applied in order.

`meta.schema_version` holds how many steps a database has applied; opening a store
applies the missing ones, so an old `dateline.db` is upgraded in place. Append a step to
change the schema; never edit one that has shipped.

Tables (the same columns on SQLite and PostgreSQL; open them in any SQL tool):

  meta       key, value                     schema_version, and what created the store
  articles   key (sha256 of URL + content), id, url, source, origin, headline, published,
             published_how, dateline_place, dateline_agency, language, text, record_json
             (the whole Article as `model_dump_json()`: exports read this, so they give back
             exactly the record that was extracted)
  entities   article_key, entity_id, name, type, country, wikidata, titles (JSON list), n_mentions
  mentions   article_key, entity_id, start_char, end_char, text, kind
  quotes     article_key, quote_id, kind, text, speaker, speaker_entity, cue, via, status,
             start_char, end_char (of the first content span)
  stances    article_key, stance_id, text, holder, holder_entity, cue, status, start_char, end_char
             (of the content); kept apart from quotes: a stance reports no words
  events     article_key, event_id, type, mode, trigger, actor, actor_entity, actor_country,
             actor_sector, target, target_entity, target_country, target_sector, place,
             country, date, source (who it is attributed to; NULL = the outlet), quote_id,
             status, start_char, end_char (of the trigger)
  counts     article_key, count_id, what, value, qualifier, text, source, event_id, status,
             start_char, end_char
  times      article_key, time_id, text, value, anchor, start_char, end_char
  places     article_key, place_id, name, kind, country, admin1, lat, lon, gazetteer_id,
             text, start_char, end_char
  failures   key, id, origin, error, stage     one row per input that gave no article

Full-text search: SQLite has FTS5 tables `articles_fts` (headline, text) and `quotes_fts`
(text), external-content tables keyed by the rowid of `articles` / `quotes`; PostgreSQL has
generated `tsv` columns with GIN indexes instead.
"""

from __future__ import annotations

_FACT_TABLES = """
CREATE TABLE entities (
  article_key TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT, type TEXT, country TEXT, wikidata TEXT,
  titles TEXT, n_mentions INTEGER, PRIMARY KEY (article_key, entity_id));
CREATE TABLE mentions (
  article_key TEXT NOT NULL, entity_id TEXT NOT NULL, start_char INTEGER, end_char INTEGER, text TEXT, kind TEXT);
CREATE TABLE events (
  article_key TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT, mode TEXT, trigger TEXT,
  actor TEXT, actor_entity TEXT, actor_country TEXT, actor_sector TEXT,
  target TEXT, target_entity TEXT, target_country TEXT, target_sector TEXT,
  place TEXT, country TEXT, date TEXT, source TEXT, quote_id TEXT, status TEXT,
  start_char INTEGER, end_char INTEGER, PRIMARY KEY (article_key, event_id));
CREATE TABLE counts (
  article_key TEXT NOT NULL, count_id TEXT NOT NULL, what TEXT, value BIGINT, qualifier TEXT, text TEXT,
  source TEXT, event_id TEXT, status TEXT, start_char INTEGER, end_char INTEGER,
  PRIMARY KEY (article_key, count_id));
CREATE TABLE times (
  article_key TEXT NOT NULL, time_id TEXT NOT NULL, text TEXT, value TEXT, anchor TEXT,
  start_char INTEGER, end_char INTEGER, PRIMARY KEY (article_key, time_id));
CREATE TABLE places (
  article_key TEXT NOT NULL, place_id TEXT NOT NULL, name TEXT, kind TEXT, country TEXT, admin1 TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION, gazetteer_id TEXT, text TEXT, start_char INTEGER, end_char INTEGER,
  PRIMARY KEY (article_key, place_id));
CREATE TABLE failures (key TEXT PRIMARY KEY, id TEXT, origin TEXT, error TEXT, stage TEXT);
CREATE INDEX mentions_article ON mentions (article_key);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX events_type_country ON events (type, country);
CREATE INDEX places_country ON places (country);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_url ON articles (url);
"""

_ARTICLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
  key TEXT PRIMARY KEY, id TEXT NOT NULL, url TEXT, source TEXT, origin TEXT, headline TEXT,
  published TEXT, published_how TEXT, dateline_place TEXT, dateline_agency TEXT, language TEXT,
  text TEXT NOT NULL, record_json TEXT NOT NULL);
"""

_QUOTES = """
CREATE TABLE quotes (
  article_key TEXT NOT NULL, quote_id TEXT NOT NULL, kind TEXT, text TEXT, speaker TEXT, speaker_entity TEXT,
  cue TEXT, via TEXT, status TEXT, start_char INTEGER, end_char INTEGER, PRIMARY KEY (article_key, quote_id));
"""

_SQLITE_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(headline, text, content='articles', content_rowid='rowid');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid');
"""

_POSTGRES_FTS = """
ALTER TABLE articles ADD COLUMN tsv tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce(headline, '') || ' ' || text)) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED;
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
"""

# Version 2 (IF NOT EXISTS: stores that added them by hand upgrade too): indexes the web app's listings filter and sort on (events by date, type and
# country; entity pages by name; outlet filters), measured with bench/web_latency.py.
_BROWSE_INDEXES = """
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date);
CREATE INDEX IF NOT EXISTS events_country_date ON events (country, date);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
"""

# Version 3: stances (`Article.stances`: what a source backs, opposes, wants, without its words), and
# an index on failures.origin, which every stored article's "clear an earlier failure" looks up.
_STANCES = """
CREATE TABLE IF NOT EXISTS stances (
  article_key TEXT NOT NULL, stance_id TEXT NOT NULL, text TEXT, holder TEXT, holder_entity TEXT, cue TEXT,
  status TEXT, start_char INTEGER, end_char INTEGER, PRIMARY KEY (article_key, stance_id));
CREATE INDEX IF NOT EXISTS stances_holder ON stances (holder);
CREATE INDEX IF NOT EXISTS failures_origin ON failures (origin);
"""

# One entry per schema version; step i takes a database from version i to version i + 1.
MIGRATIONS: dict[str, list[str]] = {
    "sqlite": [_ARTICLES + _QUOTES + _FACT_TABLES + _SQLITE_FTS, _BROWSE_INDEXES, _STANCES],
    "postgresql": [_ARTICLES + _QUOTES + _FACT_TABLES + _POSTGRES_FTS, _BROWSE_INDEXES, _STANCES],
}


def statements(script: str) -> list[str]:
    """Split a migration step into statements (no step holds a ';' inside a literal)."""
    return [s.strip() for s in script.split(";") if s.strip()]
