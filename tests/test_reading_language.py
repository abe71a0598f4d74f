"""The reading step names an article's language and warns when it is not the English dateline reads."""

import pytest

from conftest import GOLD_DEV, SHARED, needs_shared
from dateline.reading import read
from dateline.reading.language import detect
from dateline.record import Document

RUSSIAN = SHARED / "corpus" / "wikinews-ru"
FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures pour lutter contre la hausse des prix de "
    "l'énergie, a déclaré le ministre de l'Économie dans un entretien accordé au journal Le Monde. Selon lui, "
    "les ménages les plus modestes recevront une aide dès le mois prochain."
)


def _read(content: str | bytes, **kw) -> object:
    return read(Document(id="t", content=content, **kw))


@needs_shared(GOLD_DEV)
def test_english_news_is_english_without_a_warning() -> None:
    article = _read((GOLD_DEV / "tass-2022-02-09-csto.txt").read_bytes())
    assert article.language == "en"
    assert not any("not English" in w for w in article.warnings)


@needs_shared(RUSSIAN)
def test_russian_news_is_named_and_warned_about() -> None:
    path = sorted(RUSSIAN.glob("nerel_*.txt"))[0]
    article = _read(path.read_bytes())
    assert article.language == "ru"
    assert any("not English (detected ru)" in w for w in article.warnings)


def test_other_latin_script_languages_are_not_taken_for_english() -> None:
    article = _read(FRENCH)
    assert article.language == "und-Latn"
    assert any("not English" in w for w in article.warnings)


def test_a_page_declaring_english_over_cyrillic_text_is_corrected() -> None:
    html = (
        '<html lang="en"><head><title>Новости</title></head><body><article><p>'
        + "Президент России заявил в среду, что переговоры продолжатся на следующей неделе в Москве. " * 4
        + "</p></article></body></html>"
    )
    article = _read(html, content_type="html")
    assert article.language == "ru"
    assert any("the page says 'en'" in w for w in article.warnings)


@pytest.mark.parametrize("text", ["Talks resume", "Minister resigns after scandal"])
def test_too_little_text_to_tell_stays_english(text: str) -> None:
    assert detect(text) is None
    assert _read(text).language == "en"
