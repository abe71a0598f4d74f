"""Reading odd and bad input, and HTML pages: clear errors, best-effort decoding, page metadata."""

from __future__ import annotations

import pytest

from dateline.errors import ReadError
from dateline.reading import decode, read
from dateline.record import Article, Document

STORY = (
    "Council approves new budget\n\nThe city council approved the budget on Monday after a debate that "
    "lasted most of the day, officials said.\n"
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves budget after long debate | Riverside Gazette</title>
  <link rel="canonical" href="https://gazette.example.com/news/2023/03/14/council-budget">
  <meta property="og:site_name" content="Riverside Gazette">
  <meta property="og:title" content="Council approves budget after long debate">
  <meta property="article:published_time" content="2023-03-14T09:30:00Z">
  <meta name="author" content="Maria Lopez">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
  <main>
    <article>
      <h1>Council approves budget after long debate</h1>
      <p class="byline">By Maria Lopez</p>
      <p>RIVERSIDE (AP) — The city council approved a $40 million budget on Monday night after a debate that
      ran for more than six hours, with councillors split over spending on roads and libraries.</p>
      <p>"This is a budget that keeps our promises," Mayor Tom Reed told reporters after the vote, adding
      that the city would not raise property taxes this year.</p>
      <p>Opponents said the plan cut too deeply into library hours. Councillor Ana Diaz, who voted against it,
      said residents had not been consulted.</p>
      <figure><img src="x.jpg"><figcaption>The council chamber. Photo: Sam Lee.</figcaption></figure>
      <p>The budget takes effect on July 1.</p>
    </article>
    <div class="share">Share this article</div>
  </main>
  <footer><p>Copyright 2023 Riverside Gazette. All rights reserved.</p></footer>
</body>
</html>
"""


def read_doc(content: str | bytes, content_type: str = "text", **kw) -> Article:
    return read(Document(id=kw.pop("id", "doc-1"), content=content, content_type=content_type, **kw))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t  \n", "whitespace"),
        ("   \n  ", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        ("text with \x00\x01\x02\x03 control \x00 bytes\x00\x00\x00\x00", "binary"),
        (bytes(range(128, 256)) * 40, "undecodable"),
    ],
    ids=["empty", "whitespace-bytes", "whitespace-str", "png", "nul-str", "high-bytes"],
)
def test_unusable_input_is_a_one_line_read_error(content: str | bytes, message: str) -> None:
    with pytest.raises(ReadError) as info:
        read_doc(content, origin="inbox/story.txt")
    text = str(info.value)
    assert text.startswith("inbox/story.txt: ")
    assert message in text
    assert "\n" not in text


def test_error_names_the_id_without_origin() -> None:
    with pytest.raises(ReadError, match="^doc-7: empty"):
        read_doc(b"", id="doc-7")


def test_cp1252_bytes_decode_with_warning() -> None:
    data = "Caf\u00e9 owners protest\n\nOwners of the caf\u00e9s said the \u201cnew rules\u201d were unfair.\n"
    article = read_doc(data.encode("cp1252"))
    assert "the \u201cnew rules\u201d" in article.text
    assert any("cp1252" in w for w in article.warnings)


def test_declared_charset_is_used_before_cp1252() -> None:
    html = PAGE.replace('charset="utf-8"', 'charset="iso-8859-5"').replace("—", "-")
    html = html.replace("Mayor Tom Reed", "Mayor Фома Рид")
    article = read_doc(html.encode("iso-8859-5"), "html")
    assert "Mayor Фома Рид told reporters" in article.text
    assert not any("cp1252" in w for w in article.warnings)


def test_utf16_with_bom() -> None:
    article = read_doc(STORY.encode("utf-16"))
    assert article.headline is not None and article.headline.text == "Council approves new budget"


def test_html_page_metadata_and_text() -> None:
    article = read_doc(PAGE.encode("utf-8"), "html")
    assert article.headline is not None and article.headline.text == "Council approves budget after long debate"
    assert article.published is not None
    assert (article.published.date, article.published.how) == ("2023-03-14", "html-metadata")
    assert article.url == "https://gazette.example.com/news/2023/03/14/council-budget"
    assert article.source == "Riverside Gazette"
    assert article.dateline is not None and (article.dateline.place, article.dateline.agency) == ("Riverside", "AP")
    assert "keeps our promises" in article.text
    for chrome in ("Share this article", "Photo: Sam Lee", "All rights reserved", "Sport"):
        assert chrome not in article.text


def test_html_given_as_text_is_sniffed() -> None:
    article = read_doc(PAGE)
    assert article.url == "https://gazette.example.com/news/2023/03/14/council-budget"
    assert "<p>" not in article.text
    fragment = read_doc("<p>The council approved the budget on Monday after a debate that lasted most of the day.</p>")
    assert fragment.text == "The council approved the budget on Monday after a debate that lasted most of the day."


def test_broken_html_still_reads() -> None:
    broken = (
        "<html><head><title>Ministry keeps troops in place</title><body><div><p>MOSCOW, Feb 9 (Reuters) - Russia said on "
        "Wednesday its troops would stay in place <b>until further notice<p>The ministry gave no details of the "
        "plan, which officials said was agreed at the start of 2022 after weeks of talks.</div"
    )
    article = read_doc(broken, "html")
    assert article.dateline is not None and article.dateline.agency == "Reuters"
    assert "until further notice" in article.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
        "<html><body></body></html>",
    ],
    ids=["nav-only", "script-only", "empty-body"],
)
def test_html_without_article_is_a_read_error(html: str) -> None:
    with pytest.raises(ReadError, match="^page.html: .*no article text"):
        read_doc(html, "html", origin="page.html")


def test_oversized_page_is_capped_with_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    para = "<p>The council met on Tuesday to discuss the budget, and members agreed to delay the vote.</p>"
    page = "<html><head><title>Budget delayed</title></head><body><script>" + "x" * 20_000_000
    page += "</script><article>" + para * 20 + "</article></body></html>"
    article = read_doc(page.encode(), "html")
    assert "members agreed to delay the vote" in article.text

    # Text-dense markup that stays big without scripts is cut at the limit (lowered here to keep the test quick).
    monkeypatch.setattr(decode, "MAX_HTML_BYTES", 50_000)
    dense = (
        "<html><head><title>Budget delayed</title></head><body><article>" + para * 2_000 + "</article></body></html>"
    )
    article = read_doc(dense.encode(), "html")
    assert any("over the" in w and "limit" in w for w in article.warnings)


def test_bad_input_date_is_ignored_with_warning() -> None:
    article = read_doc(STORY, published="sometime last week")
    assert article.published is None
    assert any("not a date" in w for w in article.warnings)


def test_gzip_bytes_and_page_language() -> None:
    import gzip

    article = read_doc(gzip.compress(PAGE.replace('lang="en"', 'lang="en-GB"').encode()), "html")
    assert article.language == "en"
    assert "keeps our promises" in article.text
    with pytest.raises(ReadError, match="corrupt gzip"):
        read_doc(b"\x1f\x8b\x08\x00garbage", origin="x.txt")
