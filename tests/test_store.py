"""The SQLite store: exact round trip of records, flat tables, full-text search, filters, migrations."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.record import Actor, Article, ErrorRecord, Event, Published, Quote, Source, make_span
from dateline.store import document_key, open_store
from dateline.store import schema as schema_module

TEXT = (
    "Police detain 40 protesters in Minsk\n\n"
    'Police in Minsk detained 40 protesters on Sunday, the interior ministry said. "Order was restored," '
    "spokeswoman Olga Chemodanova told reporters."
)


def hand_article(id: str = "a1", published: str = "2020-08-09", country: str = "BY", type: str = "COERCE") -> Article:
    """A small record built by hand, so store tests do not depend on extractor quality."""
    text = TEXT
    trigger = text.index("detained")
    quote = text.index("Order was restored")
    return Article(
        id=id,
        url=f"https://example.org/{id}",
        source="Example News",
        text=text,
        headline=make_span(text, 0, text.index("\n")),
        published=Published(date=published, how="input"),
        quotes=[
            Quote(
                id="Q1",
                kind="direct",
                text="Order was restored,",
                content=[make_span(text, quote, quote + len("Order was restored,"))],
                cue=make_span(text, text.index("told"), text.index("told") + 4),
                speaker=Source(name="Olga Chemodanova"),
            )
        ],
        events=[
            Event(
                id="V1",
                type=type,
                trigger=make_span(text, trigger, trigger + len("detained")),
                actor=Actor(text="Police", sector="COP", country=country),
                target=Actor(text="40 protesters", sector="CVL"),
                country=country,
                place="Minsk",
            )
        ],
    )


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "t.db") as s:
        yield s


def test_record_round_trip_is_exact(store, extract):
    article = extract(TEXT, published="2020-08-09", url="https://example.org/minsk", source="Example News")
    key = document_key(TEXT, "https://example.org/minsk")
    assert store.add(key, article, origin="minsk.txt")
    assert store.add(key, article) is False  # same key: nothing changes
    [back] = list(store.articles())
    assert back == article
    [(stored_json,)] = store.query("SELECT record_json FROM articles")
    assert stored_json == article.model_dump_json()
    stats = store.stats()
    assert stats["articles"] == 1
    assert stats["entities"] == len(article.entities) > 0
    assert stats["quotes"] == len(article.quotes)
    assert stats["stances"] == len(article.stances)
    assert stats["places"] == len(article.places)
    assert store.has(key) and store.has_url("https://example.org/minsk") and not store.has("0" * 64)


def test_flat_tables_and_full_text_search(store):
    article = hand_article()
    store.add("k1", article)
    assert store.query("SELECT type, actor, actor_sector, target, country, trigger FROM events") == [
        ("COERCE", "Police", "COP", "40 protesters", "BY", "detained")
    ]
    assert store.query("SELECT speaker, kind, cue FROM quotes") == [("Olga Chemodanova", "direct", "told")]
    assert store.query("SELECT headline, published, published_how FROM articles") == [
        ("Police detain 40 protesters in Minsk", "2020-08-09", "input")
    ]
    assert [key for key, _ in store.search("protesters")] == ["k1"]
    assert store.search("nonexistentword") == []
    assert [(k, t) for k, t, _s in store.search_quotes("restored")] == [("k1", "Order was restored,")]


def test_failures_are_kept_and_replaced_by_a_later_success(store):
    error = ErrorRecord(id="x", origin="x.txt", error="x.txt: empty document", stage="reading")
    assert store.add("k1", error)
    assert store.has("k1") and not store.has("k1", failures=False)
    assert store.failures() == [error]
    store.add("k1", hand_article())  # e.g. a --retry-failed run that succeeded
    assert store.failures() == [] and store.stats()["articles"] == 1


def test_filters_by_date_country_and_type(store):
    store.add("k1", hand_article("a1", "2020-08-09", "BY", "COERCE"))
    store.add("k2", hand_article("a2", "2021-01-05", "RU", "PROTEST"))
    store.add("k3", hand_article("a3", "2022-02-09", "RU", "COERCE"))
    ids = lambda **kw: [a.id for a in store.articles(**kw)]  # noqa: E731
    assert ids() == ["a1", "a2", "a3"]  # publication order
    assert ids(since="2021-01-01") == ["a2", "a3"]
    assert ids(until="2021-01-05") == ["a1", "a2"]
    assert ids(country="ru") == ["a2", "a3"]
    assert ids(event_type="coerce") == ["a1", "a3"]
    assert ids(country="RU", event_type="COERCE", since="2022-01-01") == ["a3"]


def test_transaction_rolls_back_as_a_whole(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add("k1", hand_article())
        raise RuntimeError("crash mid-batch")
    assert store.stats()["articles"] == 0 and store.search("protesters") == []


def test_migrations_apply_in_order_and_keep_data(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    with open_store(path) as s:
        assert s.schema_version() == len(schema_module.MIGRATIONS["sqlite"])
        s.add("k1", hand_article())
    steps = [*schema_module.MIGRATIONS["sqlite"], "CREATE TABLE notes (article_key TEXT, note TEXT);"]
    monkeypatch.setitem(schema_module.MIGRATIONS, "sqlite", steps)
    with open_store(path) as s:
        assert s.schema_version() == len(steps)
        assert s.query("SELECT COUNT(*) FROM notes") == [(0,)]
        assert [a.id for a in s.articles()] == ["a1"]


def test_sqlite_file_is_plain_and_in_wal_mode(tmp_path):
    path = tmp_path / "plain.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "articles", "entities", "mentions", "quotes", "events", "counts", "times", "places",
            "failures", "articles_fts", "quotes_fts"} <= tables  # fmt: skip
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_version_1_store_upgrades_even_with_indexes_added_by_hand(tmp_path):
    MIGRATIONS = schema_module.MIGRATIONS  # noqa: N806
    db = tmp_path / "old.db"
    with open_store(db) as store:
        assert store.schema_version() == len(MIGRATIONS["sqlite"])
    with sqlite3.connect(db) as conn:  # as a version-1 store that someone indexed by hand
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with open_store(db) as store:
        assert store.schema_version() == len(MIGRATIONS["sqlite"])
        names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"events_date", "entities_name", "articles_source"} <= names


def test_stances_have_their_own_table(store, extract):
    text = "Most voters oppose the new toll, and the governor did not endorse it either."
    article = extract(text)
    assert article.stances
    store.add(document_key(text, None), article)
    rows = store.query("SELECT holder, cue, text, status FROM stances ORDER BY start_char")
    assert ("Most voters", "oppose", "the new toll", "neutral") in rows
    assert store.query("SELECT COUNT(*) FROM quotes")[0][0] == len(article.quotes) == 0
