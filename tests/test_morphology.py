"""The memoized attribute ruler + lemmatizer must annotate exactly as spaCy's own components do."""

import pytest
from spacy.attrs import IDS

from conftest import GOLD_DEV, SHARED, needs_shared
from dateline import morphology
from dateline import nlp as nlp_module
from dateline.reading import read
from dateline.record import Document

ATTRS = [IDS[name] for name in ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_TYPE", "SENT_START")]
# Words the ruler's multi-token rules read ("gon na", "let 's", "y' all", "ai n't", expletive "there is")
# and one-token exceptions ("'em", "goin'"), among ordinary news sentences.
TRICKY = (
    "There is no deal yet, and there were protests. Y' all know we're gon na win, let's see, "
    "I ai n't goin' nowhere with 'em, he said. You said I was wrong; she didn't."
)


@pytest.fixture(scope="module")
def stock(nlp):
    """spaCy's own attribute ruler and lemmatizer, with dateline's paragraph breaks as in `nlp`."""
    pipeline = nlp_module.load_stock()
    pipeline.add_pipe("dateline_paragraphs", before="parser")
    return pipeline


def _texts() -> list[str]:
    paths = sorted(GOLD_DEV.glob("*.txt"))[:6] + sorted((SHARED / "corpus" / "wikinews-en").glob("wn_*.txt"))[:14]
    return [TRICKY] + [read(Document(id=p.stem, content=p.read_bytes(), origin=str(p))).text for p in paths]


@needs_shared(GOLD_DEV)
def test_annotations_equal_the_stock_components(nlp, stock) -> None:
    assert "dateline_morphology" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    texts = _texts()
    for _ in range(2):  # the second pass reads the memo the first one filled
        ours = [doc.to_array(ATTRS) for doc in nlp.pipe(texts)]
        theirs = [doc.to_array(ATTRS) for doc in stock.pipe(texts)]
        for text, a, b in zip(texts, ours, theirs, strict=True):
            assert (a == b).all(), text[:80]


def test_multi_token_rules_apply(nlp) -> None:
    doc = nlp("There is a way. We're gon na win.")
    assert doc[1].pos_ == "VERB"  # the ruler's expletive rule, which reads the previous token
    assert [t.lemma_ for t in doc if t.text in ("gon", "na")] == ["go", "to"]


def test_a_pipeline_without_the_pair_is_left_alone() -> None:
    import spacy

    blank = spacy.blank("en")
    assert morphology.install(blank) is False and blank.pipe_names == []
