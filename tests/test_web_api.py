"""The JSON API (and CSV) of `dateline serve`, against the ingested sample plus hand-built articles."""

from __future__ import annotations

import csv
import io
import warnings

import pytest

from dateline.store import open_store
from dateline.web import create_app
from dateline.web.params import MAX_LIMIT, MAX_QUERY
from web_store import XSS_SPEAKER, sample_db

try:  # the fixture that starts a throwaway PostgreSQL server
    from test_store_postgres import pg_url  # noqa: F401

    PG_MISSING = ""
except (ImportError, pytest.skip.Exception) as exc:
    pg_url, PG_MISSING = None, str(exc)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "install httpx2"; httpx is the pinned client
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return sample_db(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def stats(db):
    with open_store(db) as store:
        return store.stats()


def get(client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r


def test_stats_are_the_stores_figures(client, stats):
    body = get(client, "/api/stats").json()
    assert body["articles"] == stats["articles"] == 9  # six sample articles and three hand-built ones
    assert body["quotes"] == stats["quotes"] > 0
    assert body["events"] == stats["events"] > 0
    assert body["outlets"] == 4  # Wikinews, the XSS outlet, Alpha News, Beta Wire
    assert body["first_published"] == "2019-01-23"
    assert body["last_published"] == "2021-05-03"


def test_article_search_and_pagination(client):
    body = get(client, "/api/articles?q=Hong+Kong+protesters").json()
    assert body["total"] >= 1
    assert "Hong Kong" in body["rows"][0]["headline"]
    first = get(client, "/api/articles?limit=2").json()
    assert first["total"] == 9 and len(first["rows"]) == 2
    assert first["next"].endswith("limit=2&offset=2")
    second = get(client, first["next"]).json()
    assert {r["key"] for r in first["rows"]}.isdisjoint(r["key"] for r in second["rows"])
    newest = [r["published"] for r in get(client, "/api/articles?limit=9").json()["rows"]]
    assert newest == sorted(newest, reverse=True)


def test_search_words_are_never_sql_or_fts_syntax(client):
    for q in ['"unbalanced', "NEAR( OR AND", "x' OR 1=1 --", "*", "说"]:
        assert get(client, f"/api/articles?q={q}").json()["total"] >= 0
        assert get(client, f"/api/quotes?q={q}").json()["total"] >= 0
    assert get(client, "/api/articles?q=%22%3B%20DROP%20TABLE%20articles").json()["total"] == 0
    assert get(client, "/api/stats").json()["articles"] == 9


def test_article_by_key_and_by_id(client):
    row = get(client, "/api/articles?q=Mahan").json()["rows"][0]
    by_key = get(client, f"/api/articles/{row['key']}").json()
    by_id = get(client, f"/api/articles/{row['id']}").json()
    assert by_key == by_id
    record = by_key["record"]
    for q in record["quotes"]:
        for s in q["content"]:
            assert record["text"][s["start"] : s["end"]] == s["text"]
    assert get(client, "/api/articles/no-such-article", 404).json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        f"/api/quotes?limit={MAX_LIMIT + 1}",
        "/api/quotes?limit=0",
        "/api/quotes?offset=-1",
        f"/api/quotes?q={'x' * (MAX_QUERY + 1)}",
        "/api/events?since=yesterday",
        "/api/events?country=XYZ",
        "/api/articles?format=xml",
    ],
)
def test_limits_give_a_clear_422(client, url):
    body = get(client, url, 422).json()
    assert body["detail"] and body["detail"][0]["field"] and body["detail"][0]["message"]


def test_quote_search_and_filters(client):
    body = get(client, "/api/quotes?q=security").json()
    assert body["total"] >= 1
    assert all("security" in r["text"].lower() for r in body["rows"])
    everyone = get(client, f"/api/quotes?limit={MAX_LIMIT}").json()
    speaker = next(r["speaker"] for r in everyone["rows"] if r["speaker"])
    mine = client.get("/api/quotes", params={"speaker": speaker}).json()
    assert mine["total"] >= 1 and all(speaker.lower() in (r["speaker"] or "").lower() for r in mine["rows"])
    outlet = get(client, "/api/quotes?outlet=wikinews").json()
    assert outlet["total"] == everyone["total"] - 1  # all but the hand-built XSS quote
    month = everyone["rows"][-1]["published"][:7]
    dated = get(client, f"/api/quotes?since={month}&until={month}").json()
    assert 1 <= dated["total"] < everyone["total"] and all(r["published"].startswith(month) for r in dated["rows"])
    assert get(client, "/api/quotes?status=no-such-status").json()["total"] == 0


def test_csv_of_a_listing(client):
    json_body = get(client, "/api/quotes?since=2019-01&until=2019-03").json()
    assert json_body["total"] >= 1
    for url in ("/api/quotes.csv?since=2019-01&until=2019-03", "/api/quotes?since=2019-01&until=2019-03&format=csv"):
        r = get(client, url)
        assert r.headers["content-type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(r.text)))
        assert len(table) == json_body["total"]
        assert [row["text"] for row in table] == [row["text"] for row in json_body["rows"]]
    events = list(csv.DictReader(io.StringIO(get(client, "/api/events.csv?type=PROTEST").text)))
    assert events and {row["type"] for row in events} == {"PROTEST"}


def test_entity_page_data(client):
    body = client.get(f"/api/entities/{XSS_SPEAKER}").json()
    assert body["types"] == {"PERSON": 1}
    assert body["titles"] == [{"title": "Mayor <i>of</i> Springfield", "n": 1}]
    assert body["quotes_total"] == 1 and body["quotes"][0]["text"].startswith("<img")
    assert body["quotes_by_month"] == [{"period": "2021-05", "n": 1}]
    assert get(client, "/api/entities/Nobody%20At%20All", 404)
    listing = get(client, "/api/entities?type=PERSON&limit=5").json()
    assert listing["total"] > 5 and all(r["type"] == "PERSON" for r in listing["rows"])
    top = listing["rows"][0]["name"]
    assert client.get(f"/api/entities/{top}").json()["articles"] == listing["rows"][0]["articles"]


def test_event_filters_timeline_and_places(client):
    protests = get(client, "/api/events?type=protest&limit=200").json()
    assert protests["total"] >= 1 and {r["type"] for r in protests["rows"]} == {"PROTEST"}
    af = get(client, "/api/events?country=af").json()
    assert af["total"] >= 2 and {r["country"] for r in af["rows"]} == {"AF"}
    march = get(client, "/api/events?since=2020-03&until=2020-03").json()
    assert {r["date"] for r in march["rows"]} == {"2020-03-04"}
    timeline = get(client, "/api/events/timeline?country=AF").json()
    assert {"period": "2020-03", "n": 2} in timeline
    places = get(client, "/api/events/places?country=AF&since=2020-03&until=2020-03").json()
    assert places == [{"lat": 34.53, "lon": 69.17, "place": "Kabul", "country": "AF", "n": 2}]
    assert get(client, "/api/events?status=negated&type=PROTEST&since=2030").json()["total"] == 0


def test_figures_in_dispute(client):
    body = get(client, "/api/disputes").json()
    group = next(g for g in body["rows"] if g["what"] == "killed" and g["country"] == "AF")
    assert (group["period"], group["low"], group["high"], group["articles"]) == ("2020-03", 12, 30, 2)
    assert [(m["value"], m["source"], m["outlet"]) for m in group["members"]] == [
        (30, "officials", "Beta Wire"),
        (12, "police", "Alpha News"),
    ]
    assert get(client, "/api/disputes?what=injured").json()["total"] == 0
    assert get(client, "/api/disputes?country=US").json()["total"] == 0
    table = list(csv.DictReader(io.StringIO(get(client, "/api/disputes.csv?country=AF&since=2020-03").text)))
    assert sorted(int(r["value"]) for r in table) == [12, 30]


def test_openapi_document(client):
    paths = get(client, "/openapi.json").json()["paths"]
    for path in ("/api/stats", "/api/articles", "/api/quotes", "/api/events", "/api/disputes", "/api/entities"):
        assert path in paths
    assert "text/html" in get(client, "/docs").headers["content-type"]


def test_docs_page_needs_no_network(client):
    page = get(client, "/docs").text
    assert "swagger-ui-bundle.js" in page
    assert "cdn" not in page and "jsdelivr" not in page
    assert get(client, "/static-offline-docs/swagger-ui-bundle.js").content.startswith(b"/*")


def test_same_answers_on_postgresql(db, client, request):
    """The same API over the same records in PostgreSQL (a throwaway server, as in test_store_postgres)."""
    if pg_url is None:
        pytest.skip(f"no PostgreSQL: {PG_MISSING}")
    url = request.getfixturevalue("pg_url")
    from dateline.record import Article

    with open_store(db) as src, open_store(url) as pg:
        for key, js in src.article_json():
            pg.add(key, Article.model_validate_json(js))
    with TestClient(create_app(url)) as pg_client:
        for path in (
            "/api/articles?limit=20",
            "/api/articles?outlet=wikinews&since=2019-02",
            "/api/quotes?limit=100",
            "/api/quotes?speaker=doe&status=neutral",
            "/api/events?limit=100",
            "/api/events?type=ASSAULT&country=AF",
            "/api/events/timeline",
            "/api/events/places",
            "/api/disputes",
            "/api/entities?type=PERSON&limit=100",
            f"/api/entities/{XSS_SPEAKER}",
        ):
            assert get(pg_client, path).json() == get(client, path).json(), path
        for path in ("/api/articles?q=Hong+Kong", "/api/quotes?q=security"):  # ranking differs: bm25 vs ts_rank
            mine, theirs = get(client, path).json(), get(pg_client, path).json()
            assert mine["total"] == theirs["total"] >= 1
            assert {r["key" if "key" in r else "quote_id"] for r in mine["rows"]} == {
                r["key" if "key" in r else "quote_id"] for r in theirs["rows"]
            }


@pytest.mark.parametrize(
    "date,month",
    [("2019-01-21", "2019-01"), ("2019-01", "2019-01"), ("2019-01-21/2019-01-25", "2019-01"), ("2019-W24", "2019-06"),
     ("2020-W01", "2020-01"), ("2019", None), ("1970/1980", None), ("2019-W53", None)],
)  # fmt: skip
def test_timeline_months(date, month):
    from dateline.web.queries import month_of

    assert month_of(date) == month
