"""spaCy's attribute ruler and rule lemmatizer, memoized: the same annotations at a fraction of the cost.

In a cold `nlp.pipe` over news (a fresh process, as every ingest worker starts) these two
pure-Python components take about a third of en_core_web_md's time: the ruler runs a Matcher
with ~180 patterns over every token, and the lemmatizer, for every token its cache skips (it
caches only words that went through its suffix rules), recomputes `token.morph.to_dict()` and
tests candidate forms for membership in Python lists of up to 57,000 words.

Both are functions of a token's own annotation. The ruler's one-token rules read LOWER, TAG,
DEP and IS_SPACE; the lemmatizer reads the text, POS and morphology the ruler left. So the
pair's whole effect on a token is a function of (ORTH, TAG, DEP, POS, MORPH, LEMMA) before them,
computed once per distinct key by the stock code itself (`set_token_attrs`, `lemmatize`, over
the lemmatizer's word lists turned into sets) and written back for every later token as arrays.
The few multi-token rules ("gon na", "let 's", expletive "there is") make a token's result
depend on its neighbours: they are found from a word they need and applied to their tokens,
which are never memoized. A ruler pattern this module cannot read (an operator, an attribute
outside the key) turns the memo off for the pipeline: the stock components then run as they
are. `tests/test_morphology.py` checks the annotations are identical to the stock pipeline's on
real articles.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

NAME = "dateline_morphology"
# Distinct (word, tag, dependency...) keys grow with the vocabulary a long run meets; past this many
# (~60 MB) the memo starts again rather than grow without bound in a worker that runs for days.
MAX_MEMO = 250_000
_KEY_ATTRS = ("ORTH", "TAG", "DEP", "POS", "MORPH", "LEMMA")
_GETTERS: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}

Predicate = Callable[["Token"], bool]


def _condition(attr: str, spec: Any) -> Predicate | None:
    """One token attribute test as the Matcher reads it; None where its semantics are not copied here."""
    get = _GETTERS.get(attr.upper())
    if get is None:
        return None
    if not isinstance(spec, dict):
        return lambda t: get(t) == spec
    if len(spec) != 1:
        return None
    ((op, value),) = spec.items()
    if op == "IN":
        allowed = frozenset(value)
        return lambda t: get(t) in allowed
    if op == "NOT_IN":
        banned = frozenset(value)
        return lambda t: get(t) not in banned
    if op == "REGEX":
        search = re.compile(value).search
        return lambda t: search(get(t)) is not None
    return None


def _token_predicate(pattern_token: dict[str, Any]) -> Predicate | None:
    tests = []
    for attr, spec in pattern_token.items():
        test = _condition(attr, spec)
        if test is None:
            return None
        tests.append(test)
    return lambda t: all(test(t) for test in tests)


class Rules:
    """The ruler's rules as predicates: one-token rules indexed by the word (else the TAG) they test,
    multi-token ones anchored on a word they need (so a document is searched for them with one array
    lookup, not a Matcher pass)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.by_word: dict[str, list[int]] = {}  # rules that test LOWER, under each word they accept
        self.by_tag: dict[str, list[int]] = {}  # rules that test TAG but not LOWER, under each tag
        self.anywhere: list[int] = []  # rules that test neither
        self.singles: dict[int, list[Predicate]] = {}
        self.multi: list[tuple[int, int, list[Predicate], int, frozenset[str]]] = []  # rule, index, tests, anchor
        self._for: dict[tuple[str, str], list[tuple[int, list[Predicate]]]] = {}
        for rule_index, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                tests = [_token_predicate(token) for token in pattern]
                if any(test is None for test in tests) or any("OP" in token for token in pattern):
                    raise ValueError(f"attribute ruler pattern not memoizable: {pattern}")
                if len(pattern) == 1:
                    self._add_single(rule_index, pattern[0], tests[0])  # type: ignore[arg-type]
                    continue
                anchor, words = _anchor(pattern)
                if not words:
                    raise ValueError(f"multi-token attribute ruler pattern with no word to find it by: {pattern}")
                target = rule.get("index", 0) % len(pattern)
                self.multi.append((rule_index, target, tests, anchor, words))  # type: ignore[arg-type]

    def _add_single(self, rule_index: int, token: dict[str, Any], test: Predicate) -> None:
        self.singles.setdefault(rule_index, []).append(test)
        words = _values(token.get("LOWER"))
        if words is not None:
            for word in words:
                self.by_word.setdefault(word, []).append(rule_index)
            return
        tags = _values(token.get("TAG"))
        if tags is not None:
            for tag in tags:
                self.by_tag.setdefault(tag, []).append(rule_index)
            return
        self.anywhere.append(rule_index)

    def candidates(self, word: str, tag: str) -> list[tuple[int, list[Predicate]]]:
        """The one-token rules that can match a token with this lower-cased form and tag, in the ruler's order."""
        rules = self._for.get((word, tag))
        if rules is None:
            indices = set(self.by_word.get(word, ())) | set(self.by_tag.get(tag, ())) | set(self.anywhere)
            rules = self._for[word, tag] = [(i, self.singles[i]) for i in sorted(indices)]
        return rules


def _values(spec: Any) -> list[str] | None:
    """The values a pattern's test on one attribute accepts, if it is a plain value or an IN list."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return [str(value) for value in spec["IN"]]
    return None


def _anchor(pattern: list[dict[str, Any]]) -> tuple[int, frozenset[str]]:
    """A position in a multi-token pattern and the lower-cased words one of which must stand there."""
    for position, token in enumerate(pattern):
        for attr in ("LOWER", "ORTH", "TEXT"):
            words = _values(token.get(attr))
            if words is not None:
                return position, frozenset(word.lower() for word in words)
    return 0, frozenset()


class MemoMorphology:
    """The attribute ruler followed by the rule lemmatizer, with a per-process memo of their effect.

    A class because the memo is real state: it grows with the vocabulary a process meets.
    """

    def __init__(self, nlp: Language, ruler: AttributeRuler, lemmatizer: Lemmatizer, rules: Rules) -> None:
        from spacy.attrs import IDS

        self.ruler = ruler
        self.lemmatizer = lemmatizer
        _index_as_sets(lemmatizer)
        self.rules = rules
        self.anchors = [
            numpy.array(sorted(nlp.vocab.strings.add(word) for word in words), dtype=numpy.uint64)
            for *_rest, words in rules.multi
        ]
        self.key_ids = [IDS[name] for name in _KEY_ATTRS]
        self.out_ids = [IDS["POS"], IDS["MORPH"], IDS["LEMMA"]]
        self.lower_id = IDS["LOWER"]
        self.memo: dict[tuple[int, ...], tuple[int, int, int, int, int]] = {}
        self.lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self.memo) > MAX_MEMO:
            self.memo.clear()
            self.lemmas.clear()
        neighbours = self._multi_token_matches(doc)  # matched before any token changes, as the Matcher does
        keys = [tuple(row) for row in doc.to_array(self.key_ids).tolist()]
        memo = self.memo
        results = []
        for i, key in enumerate(keys):
            if i in neighbours:  # this token's result depends on its neighbours: never memoized
                result = self._annotate(doc[i], neighbours[i])
            elif (result := memo.get(key)) is None:
                result = memo[key] = self._annotate(doc[i], [])
            results.append(result)
        for i, (key, (tag, dep, _pos, _morph, _lemma)) in enumerate(zip(keys, results, strict=True)):
            if tag != key[1] or dep != key[2]:  # rare: a rule that retags or relabels
                token = doc[i]
                token.tag = tag
                token.dep = dep
        doc.from_array(self.out_ids, numpy.array([result[2:] for result in results], dtype=numpy.uint64))
        return doc

    def _multi_token_matches(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the multi-token rules that set it, found from their anchor words."""
        if not self.rules.multi:
            return {}
        lowers = doc.to_array([self.lower_id])
        found: dict[int, list[int]] = {}
        for (rule_index, target, tests, anchor, _words), words in zip(self.rules.multi, self.anchors, strict=True):
            for position in numpy.flatnonzero(numpy.isin(lowers, words)).tolist():
                start = position - anchor
                if start < 0 or start + len(tests) > len(doc):
                    continue
                if all(test(doc[start + k]) for k, test in enumerate(tests)):
                    found.setdefault(start + target, []).append(rule_index)
        return found

    def _annotate(self, token: Token, extra_rules: list[int]) -> tuple[int, int, int, int, int]:
        """What the stock ruler then lemmatizer give this token, computed by their own code."""
        matched = [
            index
            for index, tests in self.rules.candidates(token.lower_, token.tag_)
            if any(test(token) for test in tests)
        ]
        for index in sorted(matched + extra_rules) if extra_rules else matched:
            set_token_attrs(token, self.ruler.attrs[index])
        if self.lemmatizer.overwrite or token.lemma == 0:
            key = (token.orth, token.pos, token.morph.key)
            lemma = self.lemmas.get(key)
            if lemma is None:
                lemma = self.lemmas[key] = self.lemmatizer.lemmatize(token)[0]
            token.lemma_ = lemma
        return token.tag, token.dep, token.pos, token.morph.key, token.lemma


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Make the lemmatizer's word index sets: it only asks `form in index`, of lists of up to 57k words.

    The stock lemmatizer's per-token cost is mostly that list scan; a set gives the same answers.
    The lemmatizer is this pipeline's own (disabled, only called through the memo).
    """
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is None:
        return
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def _memo_for(nlp: Language) -> MemoMorphology | None:
    """The memo for a pipeline's attribute_ruler + rule lemmatizer pair, if it has one this module can copy."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return None
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
        return None
    if lemmatizer.mode != "rule" or names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return None
    try:
        rules = Rules(ruler)
    except ValueError as exc:
        log.info("spaCy's attribute ruler and lemmatizer run unmemoized: %s", exc)
        return None
    return MemoMorphology(nlp, ruler, lemmatizer, rules)


class NotMemoizable(Exception):
    """The pipeline has no attribute_ruler + rule lemmatizer pair this module can copy."""


def install(nlp: Language) -> bool:
    """Run the memo in place of the stock pair (kept in the pipeline, disabled); False if it cannot."""
    from spacy.language import Language

    if NAME not in Language.factories:
        Language.factory(NAME, func=_factory)
    try:
        nlp.add_pipe(NAME, after="lemmatizer")
    except NotMemoizable:
        return False
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True


def _factory(nlp: Language, name: str) -> MemoMorphology:
    """spaCy builds components from registered factories: this one from the pipeline it joins."""
    memo = _memo_for(nlp)
    if memo is None:
        raise NotMemoizable(name)
    return memo
