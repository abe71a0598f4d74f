"""The store the web tests browse: the bundled sample, ingested for real, plus three hand-built articles.

The hand-built ones pin what the sample cannot: hostile markup inside article text and names
(the XSS tests), and the same death toll reported differently by two outlets (figures in dispute).
Built once per test session; every web test file reuses the same database file.
"""

from __future__ import annotations

from pathlib import Path

import dateline
from dateline.ingest import ingest
from dateline.record import (
    Actor,
    Article,
    Count,
    Entity,
    Event,
    Mention,
    Place,
    Published,
    Quote,
    Source,
    Span,
    TimeExpr,
    make_span,
)
from dateline.store import document_key, open_store

SAMPLE = Path(dateline.__file__).parent / "samples" / "wikinews"

XSS_HEADLINE = "Mayor <script>alert(1)</script> opens bridge"
XSS_TEXT = (
    f"{XSS_HEADLINE}\n\n"
    'Mayor Jane <b>Doe</b> said on Monday that "<img src=x onerror=alert(1)> is just a picture" '
    "before protesters marched in Springfield."
)
XSS_SPEAKER = "Jane <b>Doe</b>"


def span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return make_span(text, start, start + len(words))


def _fields(s: Span) -> dict:
    return {"start": s.start, "end": s.end, "text": s.text}


def xss_article() -> Article:
    t = XSS_TEXT
    speaker = span(t, XSS_SPEAKER)
    said = span(t, "said")
    content = span(t, "<img src=x onerror=alert(1)> is just a picture")
    return Article(
        id="xss-test", url="javascript:alert(1)//example.org/xss", source='Evil "<Outlet>"', text=t,
        headline=span(t, XSS_HEADLINE), published=Published(date="2021-05-03", how="input"),
        entities=[Entity(id="E1", name=XSS_SPEAKER, type="PERSON", titles=["Mayor <i>of</i> Springfield"],
                         mentions=[Mention(**_fields(speaker))])],
        quotes=[Quote(id="Q1", kind="direct", text=content.text, content=[content], cue=said,
                      speaker=Source(name=XSS_SPEAKER, entity="E1", mention=speaker))],
        times=[TimeExpr(id="T1", value="2021-05-03", anchor="published", **_fields(span(t, "Monday")))],
        places=[Place(id="P1", name="Springfield", kind="city", country="US", lat=39.8, lon=-89.65,
                      **_fields(span(t, "Springfield")))],
        events=[Event(id="ev1", type="PROTEST", trigger=span(t, "marched"), actor=Actor(text="protesters"),
                      place="Springfield", country="US", date="2021-05-03")],
    )  # fmt: skip


def toll_article(outlet: str, published: str, text: str, figure: str, value: int, qualifier: str,
                 source: str) -> Article:  # fmt: skip
    """A short report of deaths in Kabul in March 2020 with one figure and who gave it."""
    fig = span(text, figure)
    return Article(
        id=f"toll-{outlet.lower().replace(' ', '-')}", url=f"https://example.org/{outlet.lower().replace(' ', '-')}",
        source=outlet, text=text, headline=span(text, text.split("\n")[0]),
        published=Published(date=published, how="input"),
        places=[Place(id="P1", name="Kabul", kind="city", country="AF", lat=34.53, lon=69.17,
                      **_fields(span(text, "Kabul")))],
        events=[Event(id="ev1", type="ASSAULT", trigger=span(text, "attack"), place="Kabul", country="AF",
                      date="2020-03-04", counts=["C1"])],
        counts=[Count(id="C1", what="killed", value=value, qualifier=qualifier, source=Source(name=source),
                      event="ev1", status="attributed", **_fields(fig))],
    )  # fmt: skip


def crafted() -> list[Article]:
    return [
        xss_article(),
        toll_article("Alpha News", "2020-03-05", "Bomb attack in Kabul\n\nAt least 12 people were killed in the "
                     "attack in Kabul on Wednesday, police said.", "At least 12 people were killed", 12, "at least",
                     "police"),
        toll_article("Beta Wire", "2020-03-06", "Kabul attack toll rises\n\nThirty people died in the attack in "
                     "Kabul, officials said.", "Thirty people died", 30, "exact", "officials"),
    ]  # fmt: skip


def build(path: Path) -> Path:
    """Ingest the sample and add the crafted articles at `path`, unless an earlier test file already did."""
    done = path.with_suffix(".done")
    if done.exists():
        return path
    with open_store(path) as store:
        texts = sorted(str(p) for p in SAMPLE.glob("*.txt"))  # the articles, not the README
        summary = ingest(texts, store, workers=1, show_progress=False)
        assert summary is not None
        with store.transaction():
            for article in crafted():
                store.add(document_key(article.text, article.url), article, origin=article.url)
    done.touch()
    return path


def sample_db(tmp_path_factory) -> Path:  # noqa: ANN001 - pytest's TempPathFactory
    return build(tmp_path_factory.getbasetemp() / "web-store" / "dateline.db")
