"""Fetching and feeds against a local HTTP server: robots.txt, pacing, retries, User-Agent, feed ingest."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.errors import SourceError
from dateline.ingest import ingest
from dateline.sources.feeds import looks_like_feed
from dateline.sources.web import USER_AGENT, Fetcher
from dateline.store import open_store


class FakeClock:
    """Time that moves only when the fetcher sleeps: pacing is checked without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


ARTICLE = """<html><head><title>{title}</title></head><body><nav>Home | World</nav><article><h1>{title}</h1>
<p>{body}</p><p>The talks will continue next week in Vienna, a spokesman for the ministry said.</p></article></body></html>"""

PAGES = {
    "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
    "/news/1.html": ("text/html", ARTICLE.format(title="Talks resume in Vienna",
                                                 body="Diplomats from Iran and the European Union met in Vienna on Monday.")),
    "/news/2.html": ("text/html", ARTICLE.format(title="Farmers protest in Brussels",
                                                 body="Thousands of farmers protested in Brussels on Tuesday against new rules.")),
    "/private/3.html": ("text/html", ARTICLE.format(title="Secret", body="Nobody should fetch this page.")),
}  # fmt: skip

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>{base}/</link><description>news</description>
<item><title>Talks resume</title><link>{base}/news/1.html</link><guid>n1</guid>
  <pubDate>Mon, 07 Mar 2022 09:00:00 GMT</pubDate></item>
<item><title>Farmers protest</title><link>{base}/news/2.html</link><guid>n2</guid>
  <pubDate>Tue, 08 Mar 2022 10:30:00 GMT</pubDate></item>
<item><title>Private</title><link>{base}/private/3.html</link><guid>n3</guid></item>
</channel></rss>"""


@pytest.fixture
def server() -> Iterator[tuple[str, list[tuple[str, str, float]], FakeClock]]:
    """A local site; each hit is logged as (path, User-Agent, fake time of the request)."""
    hits: list[tuple[str, str, float]] = []
    clock = FakeClock()
    flaky = {"count": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits.append((self.path, self.headers.get("User-Agent", ""), clock.now))
            base = f"http://{self.headers['Host']}"
            if self.path == "/feed.xml":
                kind, body = "application/rss+xml", FEED.format(base=base)
            elif self.path == "/flaky":
                flaky["count"] += 1
                if flaky["count"] == 1:
                    self.send_response(503)
                    self.end_headers()
                    return
                kind, body = PAGES["/news/1.html"]
            elif self.path in PAGES:
                kind, body = PAGES[self.path]
            else:
                self.send_response(404)
                self.end_headers()
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits, clock
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetcher(clock: FakeClock, **options) -> Fetcher:
    return Fetcher(clock=clock, sleep=clock.sleep, timeout=5, **options)


def test_fetcher_is_polite(server):
    base, hits, clock = server
    with fetcher(clock) as f:
        page = f.get(base + "/news/1.html")
        f.get(base + "/news/2.html")
        with pytest.raises(SourceError, match="robots.txt"):
            f.get(base + "/private/3.html")
        with pytest.raises(SourceError, match="404"):
            f.get(base + "/missing.html")
    assert b"Talks resume in Vienna" in page.content and page.content_type.startswith("text/html")
    assert [h[0] for h in hits] == ["/robots.txt", "/news/1.html", "/news/2.html", "/missing.html"]
    assert {h[1] for h in hits} == {USER_AGENT} and USER_AGENT.startswith("dateline/")
    times = [h[2] for h in hits]
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:], strict=False))  # one request per host per second


def test_fetcher_retries_transient_errors_with_backoff(server):
    base, hits, clock = server
    with fetcher(clock, min_interval=0.0, backoff=0.5, respect_robots=False) as f:
        page = f.get(base + "/flaky")
    assert page.status == 200 and [h[0] for h in hits] == ["/flaky", "/flaky"]
    assert clock.sleeps == [0.5]


def test_fetcher_refuses_oversized_pages(server):
    base, _hits, clock = server
    with fetcher(clock, max_bytes=100) as f, pytest.raises(SourceError, match="larger than"):
        f.get(base + "/news/1.html")


def test_feed_ingest_fetches_each_entry_once_and_honours_robots(server, tmp_path, nlp):
    base, hits, clock = server
    db = tmp_path / "feed.db"
    with open_store(db) as store, fetcher(clock) as f:
        summary = ingest([base + "/feed.xml"], store, workers=1, fetcher=f, show_progress=False)
        assert (summary.done, summary.failed) == (2, 1)
        articles = {a.url: a for a in store.articles()}
        [failure] = store.failures()
    assert set(articles) == {base + "/news/1.html", base + "/news/2.html"}
    talks = articles[base + "/news/1.html"]
    assert talks.published is not None and talks.published.date == "2022-03-07"
    assert talks.source == "Example Wire" and "Diplomats from Iran" in talks.text and "Home | World" not in talks.text
    assert failure.origin == base + "/private/3.html" and "robots.txt" in failure.error
    assert "/private/3.html" not in [h[0] for h in hits]
    assert all(agent == USER_AGENT for _p, agent, _t in hits)
    hits.clear()
    with open_store(db) as store, fetcher(clock) as f:  # a rerun asks for the feed, not for pages it has
        again = ingest([base + "/feed.xml"], store, workers=1, fetcher=f, show_progress=False)
    assert (again.done, again.failed) == (0, 0)
    assert [h[0] for h in hits] == ["/robots.txt", "/feed.xml"]


def test_single_page_url_and_unreachable_url(server, tmp_path, nlp):
    base, _hits, clock = server
    with open_store(tmp_path / "page.db") as store, fetcher(clock, retries=0) as f:
        summary = ingest([base + "/news/2.html", base + "/gone.html"], store, workers=1, fetcher=f,
                         show_progress=False)  # fmt: skip
        [article] = store.articles()
        [failure] = store.failures()
    assert (summary.done, summary.failed) == (1, 1)
    assert article.url == base + "/news/2.html" and "farmers protested" in article.text
    assert failure.stage == "source" and "404" in failure.error


def test_feed_sniffing():
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0"><channel>')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b"", "application/atom+xml; charset=utf-8")
    assert not looks_like_feed(b"<!DOCTYPE html><html><head><title>RSS feeds explained</title>")
    assert not looks_like_feed(b"Plain text about <rss> feeds")


def test_known_pages_are_not_fetched_again_unless_retrying_failures(server, tmp_path, nlp):
    base, hits, clock = server
    db = tmp_path / "retry.db"
    runs = []
    for retry in (False, False, True, False):
        hits.clear()
        with open_store(db) as store, fetcher(clock, retries=0, respect_robots=False) as f:
            s = ingest([base + "/flaky"], store, workers=1, fetcher=f, show_progress=False, retry_failed=retry)
            runs.append((s.done, s.failed, s.skipped, len(store.failures()), len(hits)))
    assert runs == [
        (0, 1, 0, 1, 1),  # HTTP 503: stored as a failure
        (0, 0, 1, 1, 0),  # a rerun skips the known failure without a request
        (1, 0, 0, 0, 1),  # --retry-failed fetches it again; the success clears the failure
        (0, 0, 1, 0, 0),  # and a rerun skips the stored page without a request
    ]
