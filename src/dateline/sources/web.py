"""Polite fetching of http(s) pages: timeouts, retries with backoff, robots.txt, one request per host per second.

    with Fetcher() as fetcher:
        page = fetcher.get("https://example.org/news/1")   # Page(url, status, content, content_type)

Every request says who it is (`USER_AGENT`). robots.txt is read once per host and obeyed
for that agent (a missing robots.txt allows everything; a 401/403 on it forbids the host,
as crawlers conventionally do). Transient failures (connection errors, timeouts, 429 and
5xx) are retried with exponential backoff; anything else raises `SourceError` at once.
The clock and sleep are injectable so tests can check the pacing without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import SourceError
from ..record import Document

try:
    _VERSION = version("dateline")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    _VERSION = "0"

USER_AGENT = f"dateline/{_VERSION} (+https://github.com/dateline-news/dateline)"
AGENT_TOKEN = "dateline"  # the name robots.txt rules address
MAX_PAGE_BYTES = 10_000_000
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Page:
    url: str
    status: int
    content: bytes
    content_type: str


class Fetcher:
    """One HTTP client with per-host pacing and a robots.txt cache; reuse it for a whole run."""

    def __init__(
        self,
        *,
        min_interval: float = 1.0,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = MAX_PAGE_BYTES,
        user_agent: str = USER_AGENT,
        respect_robots: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.min_interval = min_interval
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self.client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ pacing and robots

    def _wait_turn(self, host: str) -> None:
        """Sleep until `min_interval` has passed since the last request to this host."""
        last = self._last.get(host)
        if last is not None:
            delay = last + self.min_interval - self.clock()
            if delay > 0:
                self.sleep(delay)
        self._last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets this agent fetch it."""
        if not self.respect_robots:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        rules = self._robots[root]
        return True if rules is None else rules.can_fetch(AGENT_TOKEN, url)

    def _load_robots(self, root: str) -> RobotFileParser | None:
        parser = RobotFileParser(root + "/robots.txt")
        try:
            response = self._request(root + "/robots.txt", retries=1)
        except SourceError:
            return None  # unreachable robots.txt: treat as no rules, the page fetch will report the host
        if response.status in (401, 403):
            parser.disallow_all = True
            return parser
        if response.status >= 400:
            return None
        parser.parse(response.content.decode("utf-8", "replace").splitlines())
        return parser

    # ------------------------------------------------------------------ requests

    def _request(self, url: str, *, retries: int | None = None) -> Page:
        host = urlsplit(url).netloc
        attempts = (self.retries if retries is None else retries) + 1
        last_error = ""
        for attempt in range(attempts):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_turn(host)
            try:
                with self.client.stream("GET", url) as response:
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            raise SourceError(f"{url}: page larger than {self.max_bytes} bytes")
                    page = Page(str(response.url), response.status_code, bytes(body),
                                response.headers.get("content-type", ""))  # fmt: skip
            except httpx.HTTPError as exc:
                last_error = f"{type(exc).__name__}: {exc}"
                continue
            if page.status in RETRY_STATUS:
                last_error = f"HTTP {page.status}"
                continue
            return page
        raise SourceError(f"{url}: {last_error} (after {attempts} attempts)")

    def get(self, url: str) -> Page:
        """Fetch one page politely; raise SourceError when it is forbidden, missing or unreachable."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise SourceError(f"{url}: not an http(s) URL")
        if not self.allowed(url):
            raise SourceError(f"{url}: disallowed by robots.txt")
        page = self._request(url)
        if page.status >= 400:
            raise SourceError(f"{url}: HTTP {page.status}")
        return page


def page_document(page: Page, *, id: str, published: str | None = None, source: str | None = None) -> Document:
    """A fetched HTML page as a Document (plain text when the server says text/plain)."""
    kind = "text" if page.content_type.startswith("text/plain") else "html"
    return Document(
        id=id,
        content=page.content,
        content_type=kind,
        url=page.url,
        published=published,
        source=source,
        origin=page.url,
    )
