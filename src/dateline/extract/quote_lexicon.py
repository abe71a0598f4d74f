"""The quotes extractor's lexicons: cue verbs, channels and unnamed-source nouns.

Read once per process from the reviewed data files (`dateline/data/cues.tsv`, `nominal_cues.tsv`,
`channels.tsv`, `unnamed_sources.tsv`), so that adding a cue is a data change, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons


@dataclass(frozen=True)
class Cue:
    """One attribution cue: its status and what kind of content it takes."""

    status: str  # neutral | contested | denial
    frame: str  # clause | object | both | intent | belief | according_to | quoting | document

    @property
    def takes_clause(self) -> bool:
        return self.frame in ("clause", "both", "document", "intent", "belief")

    @property
    def inner(self) -> bool:
        """A state of mind rather than an utterance: inside another attribution's content ("said they
        wanted ..."), it is part of that content, not an attribution of its own."""
        return self.frame in ("intent", "belief")

    @property
    def takes_infinitive(self) -> bool:
        """A commitment or intention whose content may be a to-infinitive ("vowed to veto the bill")."""
        return self.frame == "intent"

    @property
    def takes_object(self) -> bool:
        return self.frame in ("object", "both")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Cue]  # single-lemma cues
    pairs: dict[tuple[str, str], Cue]  # (verb lemma, particle/preposition/object lemma)
    channels: dict[str, str]  # noun lemma (or two words) -> channel label
    unnamed: dict[str, str]  # head noun lemma -> person | group | media
    audiences: dict[str, str]  # "told a radio station" -> interview: whom one tells, never a speaking document
    nouns: dict[str, tuple[str, frozenset[str]]]  # "claim" -> (status, complements besides a that-clause: of/for/to)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Parse the data files once; later calls return the same object."""
    verbs: dict[str, Cue] = {}
    pairs: dict[tuple[str, str], Cue] = {}
    for row in lexicons.rows("cues.tsv"):
        if len(row) < 3:
            continue
        words = row[0].lower().split()
        cue = Cue(status=row[1], frame=row[2])
        if len(words) == 1:
            verbs[words[0]] = cue
        elif len(words) == 2:
            pairs[(words[0], words[1])] = cue
    channels = {r[0].lower(): r[1] for r in lexicons.rows("channels.tsv") if len(r) == 2}
    audiences = {r[0].lower(): r[1] for r in lexicons.rows("channels.tsv") if len(r) >= 3 and r[2] == "audience"}
    unnamed = {r[0].lower(): r[1] for r in lexicons.rows("unnamed_sources.tsv") if len(r) >= 2}
    nouns = {
        r[0].lower(): (r[1], frozenset(w.strip() for w in r[2].split(",")) if len(r) >= 3 else frozenset())
        for r in lexicons.rows("nominal_cues.tsv")
        if len(r) >= 2
    }
    return Lexicon(verbs=verbs, pairs=pairs, channels=channels, unnamed=unnamed, audiences=audiences, nouns=nouns)
