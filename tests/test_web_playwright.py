"""`dateline serve` in a real browser: Debian's Chromium driven by Playwright, against a live server.

Skipped (with the reason shown) where /usr/bin/chromium is absent; `.ci/browser.sh` installs it in CI.
Screenshots land in artifacts/screenshots/ for a human to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from dateline.web import create_app
from web_store import XSS_SPEAKER, sample_db

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(sample_db(tmp_path_factory)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    p.dialogs = []  # type: ignore[attr-defined]
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield p
    context.close()
    assert not errors, errors


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_then_read_an_article_with_its_quotes_marked(server, tab):
    tab.goto(server + "/")
    shot(tab, "home")
    tab.fill("input[name=q]", "Mahan Air")
    tab.press("input[name=q]", "Enter")
    tab.wait_for_url("**/search?q=Mahan*")
    assert tab.locator("ol.results li").count() >= 1
    tab.locator("ol.results a.headline").first.click()
    tab.wait_for_url("**/articles/*")
    quote = tab.locator("#article-text .mark.quote").first
    assert quote.is_visible()
    colour = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    quote.hover()
    panel = tab.locator("#fact-body")
    assert "quote" in panel.inner_text()
    assert "SPEAKER" in panel.inner_text().upper()
    shot(tab, "article")


def test_hostile_article_shows_markup_as_text(server, tab):
    tab.goto(server + "/search?q=bridge")
    tab.locator("ol.results a.headline").first.click()
    tab.wait_for_url("**/articles/*")
    assert "<script>alert(1)</script>" in tab.locator("h1").inner_text()
    assert "<img src=x onerror=alert(1)>" in tab.locator("#article-text").inner_text()
    assert tab.locator("#article-text img").count() == 0
    assert tab.dialogs == []  # type: ignore[attr-defined]
    tab.locator("#article-text .mark.quote").first.click()
    assert XSS_SPEAKER in tab.locator("#fact-body").inner_text()
    shot(tab, "article-hostile")


def test_quote_search_filters_and_leads_to_the_quote(server, tab):
    tab.goto(server + "/quotes")
    everyone = tab.locator("table.quotes tbody tr").count()
    tab.fill("form.filters input[name=q]", "security")
    tab.select_option("form.filters select[name=outlet]", "Wikinews")
    tab.click("form.filters button")
    tab.wait_for_url("**/quotes?q=security*")
    rows = tab.locator("table.quotes tbody tr")
    assert 1 <= rows.count() < everyone
    said = rows.first.locator("td.said").inner_text()
    speaker = rows.first.locator("td").first.inner_text()
    shot(tab, "quotes")
    rows.first.locator("td:last-child a").click()
    tab.wait_for_url("**/articles/*#q-*")
    selected = tab.locator("#article-text .mark.selected")
    assert selected.count() == 1 and "quote" in (selected.get_attribute("class") or "")
    assert selected.inner_text().strip() and selected.inner_text().strip() in said
    assert speaker in tab.locator("#fact-body").inner_text()


def test_events_filters_timeline_and_map(server, tab):
    tab.goto(server + "/events")
    assert tab.locator("svg.timeline rect.bar").count() >= 1
    assert tab.locator("svg.map circle.dot").count() >= 1
    shot(tab, "events")
    tab.fill("form.filters input[name=country]", "AF")
    tab.click("form.filters button")
    tab.wait_for_url("**/events?*country=AF*")
    countries = tab.locator("table.events tbody td:nth-child(4)").all_inner_texts()
    assert countries and all("(AF)" in c for c in countries)
    tab.locator("svg.timeline a").last.click()
    tab.wait_for_url("**since=*")
    assert tab.locator("table.events tbody tr").count() >= 1


def test_entity_and_disputes_pages(server, tab):
    tab.goto(server + "/entities?type=PERSON")
    tab.locator("table.list tbody a").first.click()
    tab.wait_for_url("**/entity/*")
    assert tab.locator("h1").inner_text()
    shot(tab, "entity")
    tab.goto(server + "/disputes")
    assert tab.locator(".dispute").count() >= 1
    assert tab.locator(".claim").count() >= 2
    shot(tab, "disputes")
