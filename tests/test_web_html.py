"""The HTML pages of `dateline serve`: what a reader sees, and that article text can never run as code."""

from __future__ import annotations

import json
import re
import warnings
from html import unescape

import pytest

from dateline.web import create_app
from dateline.web.markup import render_text
from web_store import XSS_SPEAKER, sample_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "install httpx2"; httpx is the pinned client
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(sample_db(tmp_path_factory))) as c:
        yield c


def page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def key_of(client, words: str) -> str:
    return client.get("/api/articles", params={"q": words}).json()["rows"][0]["key"]


def test_home_shows_the_corpus_and_a_search_box(client):
    html = page(client, "/")
    assert re.search(r"<b>9</b> articles", html)
    assert re.search(r"<b>2019-01-23</b> to <b>2021-05-03</b>", html)
    assert '<form class="search" action="/search"' in html and 'name="q"' in html
    assert "https://" not in re.sub(r'href="https://example\.org[^"]*"', "", html)  # nothing loaded from elsewhere


def test_search_results_highlight_the_words(client):
    html = page(client, "/search?q=Tunisia")
    assert "Tunisian Prime Minister" in html
    assert "<mark>Tunisia" in html


def test_article_marks_quotes_by_speaker_and_every_fact(client):
    key = key_of(client, "Mahan Air")
    record = client.get(f"/api/articles/{key}").json()["record"]
    html = page(client, f"/articles/{key}")
    text = re.search(r'<div class="text" id="article-text">(.*?)</div>', html, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", text)) == record["text"]  # the whole text, once, in order
    facts = json.loads(re.search(r'<script type="application/json" id="facts">(.*?)</script>', html, re.S).group(1))
    # Each stretch of quoted text takes the colour of the innermost quote covering it (a quote
    # reported inside another is the more specific attribution); cue and speaker words aside.
    length = {q["id"]: sum(s["end"] - s["start"] for s in q["content"]) for q in record["quotes"]}
    colours_of: dict[str, set[str]] = {}
    for m in re.finditer(r'class="mark ([^"]*)" data-facts="([^"]*)"', html):
        classes, fids = m.group(1).split(), m.group(2).split()
        if "quote" not in classes or "cue" in classes or "speaker" in classes:
            continue
        inner = min((f[2:] for f in fids if f.startswith("q:")), key=length.__getitem__)
        colours_of.setdefault(inner, set()).update(c for c in classes if c.startswith("spk"))
    by_speaker: dict[str, set[str]] = {}
    for q in record["quotes"]:
        assert f"q:{q['id']}" in facts
        assert re.search(rf'data-facts="[^"]*\bq:{q["id"]}\b', html), q
        if q["id"] in colours_of:
            assert len(colours_of[q["id"]]) == 1, (q, colours_of[q["id"]])  # one colour per quote
            speaker = (q["speaker"] or {}).get("entity") or (q["speaker"] or {}).get("name")
            by_speaker.setdefault(speaker, set()).update(colours_of[q["id"]])
    assert len(colours_of) >= len(record["quotes"]) - 2  # nearly every quote has text of its own
    assert all(len(c) == 1 for c in by_speaker.values())
    for kind, facts_of in (("event", "events"), ("time", "times"), ("place", "places")):
        assert len(re.findall(rf'class="mark[^"]*\b{kind}\b', html)) >= min(1, len(record[facts_of]))
    for q in record["quotes"]:  # /articles/KEY#q-Q1 lands on the quote's own words
        assert re.search(rf'<span class="anchor" id="q-{q["id"]}"></span>(<span class="anchor"[^>]*></span>|<a [^>]*>)*'
                         rf'<span class="mark [^"]*quote', html), q  # fmt: skip
    place = next(p for p in record["places"] if p.get("lat") is not None)
    assert facts[f"p:{place['id']}"]["coordinates"] == f"{place['lat']:.3f}, {place['lon']:.3f}"
    assert 'href="/entity/' in text


def test_overlapping_spans_become_flat_segments():
    text = "He said the war in Kabul ended."
    record = {
        "text": text,
        "quotes": [{"id": "Q1", "kind": "indirect", "content": [{"start": 8, "end": 30, "text": text[8:30]}],
                    "speaker": {"name": "He"}, "status": "neutral"}],
        "places": [{"id": "P1", "start": 19, "end": 24, "text": "Kabul", "name": "Kabul", "kind": "city"}],
        "events": [{"id": "ev1", "type": "RETREAT", "trigger": {"start": 25, "end": 30, "text": "ended"},
                    "status": "asserted"}],
        "times": [{"id": "T1", "start": 26, "end": 31, "text": "nded.", "value": None}],
    }  # fmt: skip
    html = str(render_text(record))
    assert "<span" in html and html.count("<span") == html.count("</span>")
    assert re.sub(r"<[^>]+>", "", html) == text
    assert '<span class="mark quote spk0 place" data-facts="q:Q1 p:P1"' in html
    assert re.search(r'data-facts="q:Q1 ev:ev1 t:T1"[^>]*>nded</span>', html)
    assert re.search(r'data-facts="t:T1"[^>]*>\.</span>', html)


def test_article_text_and_names_cannot_run_as_code(client):
    key = key_of(client, "bridge")
    r = client.get(f"/articles/{key}")
    html = r.text
    assert "Content-Security-Policy" in r.headers and "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert "<script>alert" not in html and "<img" not in html and "<b>Doe" not in html and "<i>of" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Jane &lt;b&gt;Doe&lt;/b&gt;" in html
    assert not re.search(r"<[^>]*\sonerror=", html)
    assert 'href="javascript:' not in html and "javascript:alert(1)//example.org/xss" in html  # shown, not linked
    facts = re.search(r'<script type="application/json" id="facts">(.*?)</script>', html, re.S).group(1)
    assert "<" not in facts and json.loads(facts)["q:Q1"]["speaker"] == XSS_SPEAKER
    for url in ("/quotes?q=picture", "/search?q=bridge", "/articles", "/entities?q=Doe", "/events?country=US",
                f"/entity/{XSS_SPEAKER}", "/"):  # fmt: skip
        html = page(client, url)
        assert "<script>alert" not in html and "<img" not in html and "<b>Doe" not in html, url


def test_quote_search_page_filters(client):
    html = page(client, "/quotes?q=picture&status=neutral")
    assert "is just a picture" in html and "1–1 of 1" in html
    html = page(client, "/quotes?speaker=nobody-at-all")
    assert "No quote matches." in html
    html = page(client, "/quotes?since=2021-13", 422)
    assert "<code>since</code>" in html


def test_entity_page_shows_quotes_titles_events_and_company(client):
    html = page(client, f"/entity/{XSS_SPEAKER}")
    assert "Mayor &lt;i&gt;of&lt;/i&gt; Springfield" in html
    assert "is just a picture" in html
    assert '<svg class="chart timeline"' in html
    top = client.get("/api/stats").json()["top_speakers"][0]["speaker"]
    assert top in unescape(page(client, f"/entity/{top}"))
    page(client, "/entity/Nobody%20At%20All", 404)


def test_events_page_has_timeline_map_and_filters(client):
    html = page(client, "/events?country=AF")
    assert '<svg class="chart timeline"' in html and '<svg class="chart map"' in html
    assert re.search(r"<circle class=\"dot\"[^>]*><title>Kabul \(\d+ events", html)
    assert "<title>2020-03: 2 events</title>" in html
    assert 'href="/events?country=AF&amp;since=2020-03&amp;until=2020-03"' in html
    assert "ASSAULT" in html and "Beta Wire" not in html  # the listing shows headlines, not outlets
    html = page(client, "/events?type=PROTEST&country=US")
    assert "Mayor &lt;script&gt;" in html and "Kabul" not in html


def test_disputes_page_sets_figures_side_by_side(client):
    html = page(client, "/disputes?country=AF&since=2020-03")
    claims = re.findall(r'<div class="claim">(.*?)</div>\s*</div>', html, re.S)
    assert len(claims) == 2
    assert "30" in claims[0] and "officials" in claims[0] and "Beta Wire" in claims[0]
    assert "at least 12" in claims[1] and "police" in claims[1] and "Alpha News" in claims[1]


def test_article_lists_stances_apart_from_quotes(client):
    html = page(client, f"/articles/{key_of(client, 'Bolsonaro')}")
    stances = html.split("<h2>Stances", 1)[1].split("</section>", 1)[0]
    assert "opposed" in stances and "Bolsonaro" in stances
    quotes = html.split("<h2>Quotes", 1)[1].split("</section>", 1)[0]
    assert "opposed" not in quotes
