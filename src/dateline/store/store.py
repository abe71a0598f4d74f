"""The store: every record of a corpus in one database, SQLite by default, PostgreSQL when shared.

    store = open_store("dateline.db")            # or "postgresql://user@host/db"
    if not store.has(key):
        store.add(key, article_or_error, origin="path/or/url")
    for article in store.articles(country="RU", since="2022-01-01"):
        ...

A key is the sha256 of a document's URL and content (`document_key`), so ingesting the
same input twice is a no-op, and `add` inside `with store.transaction():` commits a whole
batch at once: a crash or Ctrl-C loses at most the batch in flight. The schema lives in
`schema.py` as migrations; `record_json` keeps each Article whole so exports give back
exactly the extracted record.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..record import Article, ErrorRecord
from . import rows as row_module
from .schema import MIGRATIONS, statements

DEFAULT_DB = "dateline.db"


def document_key(content: str | bytes, url: str | None = None) -> str:
    """sha256 over the URL and the content: the identity of an input across runs and engines."""
    h = hashlib.sha256()
    h.update((url or "").encode("utf-8"))
    h.update(b"\0")
    h.update(content.encode("utf-8") if isinstance(content, str) else content)
    return h.hexdigest()


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


class Store:
    """A DB-API connection plus the few statements dateline needs; SQL written once for both dialects.

    Statements use `?` placeholders; for PostgreSQL they are rewritten to `%s`.
    """

    def __init__(self, conn: Any, dialect: str, url: str) -> None:
        self.conn = conn
        self.dialect = dialect
        self.url = url
        self._depth = 0
        self.migrate()

    # ------------------------------------------------------------------ plumbing

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """Run a read-only query (written with `?` placeholders) and return all rows."""
        return list(self.execute(sql, params).fetchall())

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group writes: all of them are committed at the end, or none if an exception escapes."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth = 1
        if self.dialect == "sqlite":
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0
        else:
            try:
                with self.conn.transaction():
                    yield self
            finally:
                self._depth = 0

    def schema_version(self) -> int:
        """How many migration steps this database has applied (0 for a new one)."""
        if self.dialect == "sqlite":
            exists = self.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
        else:
            exists = [r for r in self.query("SELECT to_regclass('meta')") if r[0] is not None]
        if not exists:
            return 0
        rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def migrate(self) -> None:
        """Apply the migration steps this database has not seen yet, each in its own transaction."""
        steps = MIGRATIONS[self.dialect]
        current = self.schema_version()
        for version in range(current, len(steps)):
            with self.transaction():
                for statement in statements(steps[version]):
                    self.execute(statement)
                self.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(version + 1),),
                )

    def close(self) -> None:
        """Close; SQLite folds its write-ahead log back in, so the store is again one file."""
        if self.dialect == "sqlite":
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:  # another process still writing: its log stays, nothing is lost
                pass
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def has(self, key: str, *, failures: bool = True) -> bool:
        """Whether this input was already ingested (as an article, or, unless told not to, as a failure)."""
        return bool(self.known([key], failures=failures))

    def known(self, keys: Iterable[str], *, failures: bool = True) -> set[str]:
        """The subset of `keys` already in the store: one query per chunk, for batch skipping."""
        keys = list(keys)
        found: set[str] = set()
        tables = ("articles", "failures") if failures else ("articles",)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for table in tables:
                found.update(r[0] for r in self.query(f"SELECT key FROM {table} WHERE key IN ({marks})", chunk))
        return found

    def has_url(self, url: str, *, failures: bool = False) -> bool:
        """Whether an article from this URL is stored, or (with `failures`) it failed before.

        Lets feeds and URL sources skip pages without fetching them again.
        """
        if self.query("SELECT 1 FROM articles WHERE url = ? LIMIT 1", (url,)):
            return True
        return failures and bool(self.query("SELECT 1 FROM failures WHERE origin = ? LIMIT 1", (url,)))

    def add(self, key: str, record: Article | ErrorRecord, origin: str | None = None) -> bool:
        """Store one record under `key`; False when the key was already there (nothing changes)."""
        with self.transaction():
            if isinstance(record, ErrorRecord):
                cur = self.execute(
                    f"INSERT INTO failures ({', '.join(row_module.FAILURE_COLUMNS)}) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (key) DO NOTHING",
                    row_module.failure_row(key, record),
                )
                return cur.rowcount == 1
            return self._add_article(key, record, origin or record.url)

    def _add_article(self, key: str, article: Article, origin: str | None) -> bool:
        row = row_module.article_row(key, article, origin)
        cols = row_module.ARTICLE_COLUMNS
        sql = f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) ON CONFLICT (key) DO NOTHING"
        cur = self.execute(sql, row)
        if cur.rowcount != 1:
            return False
        if self.dialect == "sqlite":
            self.execute(
                "INSERT INTO articles_fts (rowid, headline, text) VALUES (?, ?, ?)", (cur.lastrowid, row[5], row[11])
            )
        # A success clears an earlier failure of the same input (same key, or same file/URL: a retried fetch).
        self.execute("DELETE FROM failures WHERE key = ? OR origin = ?", (key, origin))
        for table, table_rows in row_module.fact_rows(key, article).items():
            if not table_rows:
                continue
            cols = row_module.FACT_COLUMNS[table]
            sql = self._sql(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})")
            if table == "quotes" and self.dialect == "sqlite":
                for r in table_rows:  # the FTS index needs each quote's rowid
                    qcur = self.conn.execute(sql, r)
                    self.conn.execute("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", (qcur.lastrowid, r[3]))
            else:
                self.conn.cursor().executemany(sql, table_rows)
        return True

    # ------------------------------------------------------------------ reading

    def _filters(
        self, since: str | None, until: str | None, country: str | None, event_type: str | None
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("a.published <= ?")
            params.append(until)
        if country:
            where.append(
                "(EXISTS (SELECT 1 FROM events e WHERE e.article_key = a.key AND e.country = ?)"
                " OR EXISTS (SELECT 1 FROM places p WHERE p.article_key = a.key AND p.country = ?))"
            )
            params += [country.upper(), country.upper()]
        if event_type:
            where.append("EXISTS (SELECT 1 FROM events e2 WHERE e2.article_key = a.key AND e2.type = ?)")
            params.append(event_type.upper())
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
    ) -> Iterator[Article]:
        """Stored articles in publication order; `country`/`event_type` keep articles with such an event or place."""
        yield from (
            Article.model_validate_json(js) for _key, js in self.article_json(since, until, country, event_type)
        )

    def article_json(
        self,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
    ) -> Iterator[tuple[str, str]]:
        """(key, record_json) pairs, streamed, in the order `articles` gives."""
        where, params = self._filters(since, until, country, event_type)
        sql = f"SELECT a.key, a.record_json FROM articles a{where} ORDER BY COALESCE(a.published, ''), a.id, a.key"
        if self.dialect == "postgresql":
            with self.conn.transaction(), self.conn.cursor(name="dateline_articles") as cur:
                cur.itersize = 200
                cur.execute(self._sql(sql), params)
                for row in cur:
                    yield row
        else:
            # A plain loop, not `yield from`: a consumer that stops early must not close the
            # cursor through the generator after the store itself is closed.
            for row in self.conn.execute(sql, params):
                yield row

    def failures(self) -> list[ErrorRecord]:
        """Every input that gave no article, with its reason and stage."""
        return [
            ErrorRecord(id=r[0], origin=r[1], error=r[2], stage=r[3])
            for r in self.query("SELECT id, origin, error, stage FROM failures ORDER BY origin, id")
        ]

    def search(self, words: str, limit: int = 20) -> list[tuple[str, str | None]]:
        """Full-text search over headline and text: (key, headline) of the best matches."""
        if self.dialect == "sqlite":
            sql = (
                "SELECT a.key, a.headline FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            return self.query(sql, (words, limit))
        sql = (
            "SELECT key, headline FROM articles WHERE tsv @@ plainto_tsquery('simple', ?) "
            "ORDER BY ts_rank(tsv, plainto_tsquery('simple', ?)) DESC LIMIT ?"
        )
        return self.query(sql, (words, words, limit))

    def search_quotes(self, words: str, limit: int = 20) -> list[tuple[str, str, str | None]]:
        """Full-text search over quote content: (article key, quote text, speaker)."""
        if self.dialect == "sqlite":
            sql = (
                "SELECT q.article_key, q.text, q.speaker FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid "
                "WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            return self.query(sql, (words, limit))
        sql = "SELECT article_key, text, speaker FROM quotes WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ?"
        return self.query(sql, (words, limit))

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = ("articles", "failures", "entities", "quotes", "stances", "events", "counts", "times", "places")
        return {t: self.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}


def _connect_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across a process crash, fast commits
    return conn


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    """Open (creating and migrating as needed) the store at a path, `sqlite:///path` or `postgresql://...`."""
    url = str(url)
    if is_postgres_url(url):
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is in the [postgres] extra
            raise RuntimeError("a postgresql:// store needs psycopg: pip install 'dateline[postgres]'") from exc
        return Store(psycopg.connect(url, autocommit=True), "postgresql", url)
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    return Store(_connect_sqlite(path), "sqlite", url)
